//! What the fuzz targets share: the whole pipeline in memory, with its outputs parsed back.

use docbind::doc::Format;
use docbind::emit::openapi::{self, OpenApiVersion};
use docbind::emit::rust::{generate_crate, RustOptions};

/// Read one page in `format` (the readers promise never to panic on any text).
pub fn read(text: &str, format: Format) {
    let _ = docbind::read::read_text("fuzz.md", text, format);
}

/// Read (format detected) → extract → OpenAPI (JSON and YAML, both versions) and the Rust
/// crate; panics if an output does not parse back as JSON, YAML or Rust.
pub fn pipeline(text: &str) {
    let format = docbind::read::detect_format(text);
    let (doc, diags) = docbind::read::read_text("fuzz.md", text, format);
    let (api, _) = docbind::pipeline::build_api(&[doc], diags, "Fuzz", "1");
    for version in [OpenApiVersion::V3_0_3, OpenApiVersion::V3_1_0] {
        let json = openapi::to_json(&api, version);
        serde_json::from_str::<serde_json::Value>(&json).expect("the OpenAPI JSON parses");
        let yaml = openapi::to_yaml(&api, version);
        serde_norway::from_str::<serde_json::Value>(&yaml).expect("the OpenAPI YAML parses");
    }
    let options = RustOptions {
        crate_name: "fuzzed".into(),
        crate_version: "0.1.0".into(),
        runtime_dependency: "docbind-runtime = { path = \"../runtime\" }".into(),
        endpoint_template: "https://x.{region}.example.com".into(),
        defaulted_path_params: vec!["project_id".into()],
        example_allowlist: Default::default(),
    };
    // An emitter error means extraction produced an IR the emitter cannot place (e.g. a
    // reference to a schema that does not exist): a bug, like a panic.
    let files = match generate_crate(&api, &options) {
        Ok(files) => files,
        Err(e) => panic!("the crate does not generate: {e}"),
    };
    for (path, text) in files {
        if path.extension().is_some_and(|e| e == "rs") {
            if let Err(e) = syn::parse_file(&text) {
                panic!("{} is not Rust: {e}", path.display());
            }
        }
    }
}
