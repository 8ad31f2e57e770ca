//! IR → OpenAPI 3.0.3 / 3.1.0, as a `serde_json::Value`, JSON text or YAML text.
//!
//! - [`schema`] prints schema objects;
//! - [`operation`] prints paths, parameters, bodies and responses;
//! - [`components`] makes component names valid OpenAPI keys;
//! - [`consumers`] gives inline enums that code generators would name alike names of their own.
//!
//! docbind-specific facts travel in `x-docbind-*` extensions: `x-docbind-source` (file:line of
//! the operation's documentation), `x-docbind-raw-type` (the type cell as written),
//! `x-enum-descriptions` (aligned with `enum`), `x-docbind-alt-docs`, `x-docbind-example-text`
//! (examples that are not valid JSON), `x-docbind-example(s)` (examples of a response without a
//! described body) and `x-docbind-name` (a schema's documented name when it had to be renamed).

pub mod components;
pub mod consumers;
pub mod operation;
pub mod schema;
pub mod security;

use crate::ir;
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OpenApiVersion {
    #[default]
    V3_0_3,
    V3_1_0,
}

impl OpenApiVersion {
    pub fn as_str(&self) -> &'static str {
        match self {
            OpenApiVersion::V3_0_3 => "3.0.3",
            OpenApiVersion::V3_1_0 => "3.1.0",
        }
    }
}

pub fn to_openapi(api: &ir::Api, version: OpenApiVersion) -> Value {
    let component_names = components::component_names(api);
    let ctx = schema::SchemaContext {
        version,
        component_names: &component_names,
    };
    let mut doc = Map::new();
    doc.insert("openapi".into(), version.as_str().into());
    let mut info = Map::new();
    info.insert("title".into(), api.title.as_str().into());
    info.insert("version".into(), api.version.as_str().into());
    if !api.sources.is_empty() {
        info.insert("x-docbind-sources".into(), json!(api.sources));
    }
    doc.insert("info".into(), Value::Object(info));
    if let Some(endpoint) = &api.endpoint {
        doc.insert("servers".into(), security::servers(endpoint));
    }
    doc.insert("security".into(), security::default_security());
    let tags = tags(api);
    if !tags.is_empty() {
        doc.insert(
            "tags".into(),
            tags.into_iter().map(|t| json!({ "name": t })).collect(),
        );
    }
    doc.insert("paths".into(), operation::paths(api, &ctx));
    let schemas = components::schemas(api, &ctx);
    let mut components = Map::new();
    if !schemas.is_empty() {
        // Moved in, not through `json!` (which would serialise a deep copy of every schema).
        components.insert("schemas".into(), Value::Object(schemas));
    }
    components.insert("securitySchemes".into(), security::security_schemes());
    doc.insert("components".into(), Value::Object(components));
    let mut doc = Value::Object(doc);
    consumers::name_clashing_enums(&mut doc, version);
    doc
}

/// Tags in order of first use.
fn tags(api: &ir::Api) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for tag in api.operations.iter().filter_map(|op| op.tag.as_deref()) {
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

/// Pretty JSON with a trailing newline.
pub fn to_json(api: &ir::Api, version: OpenApiVersion) -> String {
    json_text(&to_openapi(api, version))
}

pub fn to_yaml(api: &ir::Api, version: OpenApiVersion) -> String {
    yaml_text(&to_openapi(api, version))
}

/// An OpenAPI document (from [`to_openapi`]) as pretty JSON text.
pub fn json_text(doc: &Value) -> String {
    let mut s = serde_json::to_string_pretty(doc).expect("a JSON value always serialises");
    s.push('\n');
    s
}

/// An OpenAPI document (from [`to_openapi`]) as YAML text.
pub fn yaml_text(doc: &Value) -> String {
    serde_norway::to_string(doc).expect("a JSON value always serialises as YAML")
}
