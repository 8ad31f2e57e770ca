//! Queries over the IR for assertions, and the all-stage snapshot used by seed tests.
#![allow(dead_code)]

use docbind::emit::openapi::{to_json, OpenApiVersion};
use docbind::emit::rust::{generate_crate, RustOptions};
use docbind::ir::{Api, Operation, ParamLocation, Schema, SchemaKind};

pub fn op<'a>(api: &'a Api, method: &str, path: &str) -> &'a Operation {
    api.operations
        .iter()
        .find(|o| o.method.as_str() == method && o.path == path)
        .unwrap_or_else(|| panic!("no operation {method} {path}"))
}

pub fn deref<'a>(api: &'a Api, s: &'a Schema) -> &'a Schema {
    match &s.kind {
        SchemaKind::Ref { name } => {
            &api.schemas
                .get(name)
                .unwrap_or_else(|| panic!("schema {name} missing"))
                .schema
        }
        _ => s,
    }
}

/// `(name, required)` of an object schema's fields, following a `$ref`.
pub fn fields(api: &Api, s: &Schema) -> Vec<(String, bool)> {
    match &deref(api, s).kind {
        SchemaKind::Object { fields } => fields
            .iter()
            .map(|f| (f.name.clone(), f.required))
            .collect(),
        other => panic!("not an object: {other:?}"),
    }
}

pub fn field<'a>(api: &'a Api, s: &'a Schema, name: &str) -> &'a Schema {
    match &deref(api, s).kind {
        SchemaKind::Object { fields } => {
            &fields
                .iter()
                .find(|f| f.name == name)
                .unwrap_or_else(|| panic!("no field {name}"))
                .schema
        }
        other => panic!("not an object: {other:?}"),
    }
}

pub fn array_item_fields(api: &Api, s: &Schema) -> Vec<(String, bool)> {
    match &s.kind {
        SchemaKind::Array { items } => fields(api, items),
        other => panic!("not an array: {other:?}"),
    }
}

pub fn names(v: &[(String, bool)]) -> Vec<&str> {
    v.iter().map(|(n, _)| n.as_str()).collect()
}

pub fn rust_options() -> RustOptions {
    RustOptions {
        crate_name: "modelarts".into(),
        crate_version: "0.1.0".into(),
        runtime_dependency: Some("docbind-runtime = { path = \"../../runtime\" }".into()),
        defaulted_path_params: vec!["project_id".into()],
        scope: None,
        example_allowlist: Default::default(),
    }
}

/// The three stages for one input: IR, OpenAPI JSON, and the generated Rust sources joined.
pub fn all_stages(rel: &str) -> (Api, String, String) {
    let api = super::api_for(&[rel]);
    let openapi = to_json(&api, OpenApiVersion::V3_0_3);
    let files = generate_crate(&api, &rust_options()).expect("crate generates");
    let mut rust = String::new();
    for (path, content) in &files {
        if path.extension().is_some_and(|e| e == "rs") {
            rust.push_str(&format!("// ===== {} =====\n{content}\n", path.display()));
        }
    }
    (api, openapi, rust)
}

/// Snapshot IR, OpenAPI and Rust of one input (a macro so snapshots are named after the caller).
#[macro_export]
macro_rules! snapshot_stages {
    ($name:expr, $rel:expr) => {{
        let (api, openapi, rust) = common::ir_query::all_stages($rel);
        insta::assert_json_snapshot!(format!("{}_ir", $name), api);
        insta::assert_snapshot!(format!("{}_openapi", $name), openapi);
        insta::assert_snapshot!(format!("{}_rust", $name), rust);
    }};
}

/// `(name, location, required)` of an operation's parameters, in order.
pub fn params(o: &Operation) -> Vec<(&str, ParamLocation, bool)> {
    o.parameters
        .iter()
        .map(|p| (p.name.as_str(), p.location, p.required))
        .collect()
}

/// Fields whose mandatory flag a documented example disproved, in diagnostic order: the name
/// between the backticks' last `.` and the closing backtick.
pub fn relaxed_by_example(api: &Api) -> Vec<String> {
    api.diagnostics
        .0
        .iter()
        .filter(|d| d.code == "required.relaxed-by-example")
        .filter_map(|d| {
            let quoted = d.message.split('`').nth(1)?;
            Some(quoted.rsplit('.').next()?.to_string())
        })
        .collect()
}
