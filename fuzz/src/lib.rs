//! What the fuzz targets share: the whole pipeline in memory, with its outputs parsed back.
//! The stable smoke test (`generator/tests/fuzz_smoke.rs`) compiles this file too, so the
//! fuzz targets and the test suite check the same things and this crate cannot fall behind
//! the library's API unnoticed.

use docbind::doc::Format;
use docbind::emit::openapi::{self, OpenApiVersion};
use docbind::emit::rust::{generate_crate, RustOptions};

/// Read one page in `format` (the readers promise never to panic on any text).
pub fn read(text: &str, format: Format) {
    let _ = docbind::read::read_text("fuzz.md", text, format);
}

/// [`check_pipeline`], a failure being a finding (a panic, for libFuzzer).
pub fn pipeline(text: &str) {
    if let Err(e) = check_pipeline(text) {
        panic!("{e}");
    }
}

/// Read (format detected) → extract → OpenAPI (JSON and YAML, both versions) and the Rust
/// crate; an error if an output does not parse back as JSON, YAML or Rust, or if the crate
/// does not generate (extraction produced an IR the emitter cannot place: a bug).
pub fn check_pipeline(text: &str) -> Result<(), String> {
    let format = docbind::read::detect_format(text);
    let (doc, diags) = docbind::read::read_text("fuzz.md", text, format);
    let (api, _) = docbind::pipeline::build_api(&[doc], diags, "Fuzz", "1");
    for version in [OpenApiVersion::V3_0_3, OpenApiVersion::V3_1_0] {
        let json = openapi::to_json(&api, version);
        serde_json::from_str::<serde_json::Value>(&json).map_err(|e| format!("JSON: {e}"))?;
        let yaml = openapi::to_yaml(&api, version);
        serde_norway::from_str::<serde_json::Value>(&yaml).map_err(|e| format!("YAML: {e}"))?;
    }
    let options = RustOptions {
        // Exercises the optional-setter path of client-supplied path parameters.
        defaulted_path_params: vec!["project_id".into()],
        // Not bundled: the runtime's own files do not depend on the input.
        runtime_dependency: Some("docbind-runtime = { path = \"../runtime\" }".into()),
        ..RustOptions::ad_hoc("fuzzed")
    };
    let files = generate_crate(&api, &options).map_err(|e| format!("emit: {e}"))?;
    for (path, text) in files {
        if path.extension().is_some_and(|e| e == "rs") {
            syn::parse_file(&text).map_err(|e| format!("{}: not Rust: {e}", path.display()))?;
        }
    }
    Ok(())
}
