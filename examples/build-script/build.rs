//! Generates the Widgets client from the pages in `docs/` on every build that changes them.

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let generated = docbind::Builder::new()
        .title("Widgets")
        .version("1")
        .source("docs")
        .defaulted_path_param("project_id")
        .rust_module(out.join("widgets.rs"))
        .openapi_json(out.join("widgets.openapi.json"))
        // The pages are this crate's own: any guess docbind has to make is a mistake to fix.
        .deny_warnings(true)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.operations, 2, "docs/ documents two operations");
}
