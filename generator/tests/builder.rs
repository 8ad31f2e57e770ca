//! `docbind::Builder`, the build-script API: settings errors, diagnostics as values, warnings
//! denied, an included module written once and left alone when unchanged.

use docbind::builder::BuildError;
use docbind::Builder;

const PAGE: &str = "# 查询部件<a name=\"a\"></a>\n\n## URI<a name=\"u\"></a>\n\nGET /v1/{project_id}/widgets/{widget_id}\n\n**表 1**  路径参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| project_id | 是 | String | 项目ID。 |\n\n## 响应参数<a name=\"s\"></a>\n\n**表 2**  响应Body参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| id | String | 部件ID。 |\n";

#[test]
fn builder_generates_a_module_and_reports_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("widget.md"), PAGE).unwrap();
    let module = dir.path().join("out/widgets.rs");
    let build = || {
        Builder::new()
            .title("Widgets")
            .source(&docs)
            .rust_module(&module)
            .cargo_instructions(false)
    };

    let first = build().generate().expect("generates");
    assert_eq!(first.operations, 1);
    assert_eq!(first.written, std::slice::from_ref(&module));
    let text = std::fs::read_to_string(&module).unwrap();
    assert!(text.contains("pub mod models {") && text.contains("pub fn show_widget"));
    syn::parse_file(&text).expect("the module is Rust");
    // `widget_id` has no table row: a warning, returned as a value.
    assert!(first
        .diagnostics
        .iter()
        .any(|d| d.code == "param.undocumented-path"));

    // Unchanged inputs: nothing rewritten (cargo does not rebuild the including crate).
    let second = build().generate().expect("generates");
    assert!(second.written.is_empty(), "{:?}", second.written);

    match build().deny_warnings(true).generate() {
        Err(BuildError::Warnings(w)) => {
            assert!(w.iter().any(|d| d.code == "param.undocumented-path"))
        }
        other => panic!("warnings were not denied: {other:?}"),
    }
    assert!(matches!(
        Builder::new().rust_module(&module).generate(),
        Err(BuildError::Settings(_))
    ));
    assert!(matches!(
        Builder::new().source(&docs).generate(),
        Err(BuildError::Settings(_))
    ));
}
