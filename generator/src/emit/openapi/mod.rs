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
    let groups = crate::emit::groups::Groups::of(api);
    let ctx = schema::SchemaContext {
        version,
        component_names: &component_names,
        groups: &groups,
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
    let tags = tags(&groups);
    if !tags.is_empty() {
        doc.insert("tags".into(), Value::Array(tags));
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

/// Tags in order of first use; a title the tag's name does not spell is its `x-displayName`
/// (Redoc's name for it) and its description (what Swagger UI shows).
fn tags(groups: &crate::emit::groups::Groups) -> Vec<Value> {
    let documented = groups.groups.iter().filter(|g| !g.title.trim().is_empty());
    documented
        .map(|g| {
            let name = g.openapi_tag();
            if name == g.title {
                json!({ "name": name })
            } else {
                json!({ "name": name, "description": g.title, "x-displayName": g.title })
            }
        })
        .collect()
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
