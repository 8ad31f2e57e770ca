//! Operations → `paths`: parameters, request bodies, responses and examples.

use super::schema::{schema, schema_without_description, SchemaContext};
use crate::ir::{self, Example, ExampleValue, ParamLocation};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Operations grouped by path (sorted), methods in [`ir::HttpMethod`] order.
pub fn paths(api: &ir::Api, ctx: &SchemaContext) -> Value {
    let mut by_path: BTreeMap<&str, Vec<&ir::Operation>> = BTreeMap::new();
    for op in &api.operations {
        by_path.entry(op.path.as_str()).or_default().push(op);
    }
    let mut paths = Map::new();
    for (path, mut ops) in by_path {
        ops.sort_by_key(|op| op.method);
        let item: Map<String, Value> = ops
            .iter()
            .map(|op| (op.method.lower().to_string(), operation(op, ctx)))
            .collect();
        paths.insert(path.to_string(), Value::Object(item));
    }
    Value::Object(paths)
}

fn location(l: ParamLocation) -> &'static str {
    match l {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
    }
}

pub fn operation(op: &ir::Operation, ctx: &SchemaContext) -> Value {
    let mut m = Map::new();
    m.insert("operationId".into(), op.id.as_str().into());
    if !op.summary.trim().is_empty() {
        m.insert("summary".into(), op.summary.as_str().into());
    }
    if let Some(d) = op.description.as_deref().filter(|d| !d.trim().is_empty()) {
        m.insert("description".into(), d.into());
    }
    let tag = op.tag.as_deref().filter(|t| !t.trim().is_empty());
    if let Some(group) = tag.and_then(|t| ctx.groups.titled(t)) {
        m.insert("tags".into(), json!([group.openapi_tag()]));
    }
    let params = parameters(op, ctx);
    if !params.is_empty() {
        m.insert("parameters".into(), Value::Array(params));
    }
    if let Some(rb) = &op.request_body {
        let mut body = Map::new();
        if let Some(d) = rb
            .schema
            .description
            .as_deref()
            .filter(|d| !d.trim().is_empty())
        {
            body.insert("description".into(), d.into());
        }
        body.insert("required".into(), rb.required.into());
        body.insert(
            "content".into(),
            one_entry(&rb.content_type, media(&rb.schema, &rb.examples, ctx)),
        );
        m.insert("requestBody".into(), Value::Object(body));
    }
    m.insert("responses".into(), responses(op, ctx));
    super::security::operation_security(&op.auth, &mut m);
    m.insert("x-docbind-source".into(), op.span.to_string().into());
    super::security::runtime_headers(op, &mut m);
    if !op.alt_docs.is_empty() {
        let alt: Vec<Value> = op
            .alt_docs
            .iter()
            .map(|a| {
                let mut d = Map::new();
                d.insert("source".into(), a.source.as_str().into());
                d.insert("summary".into(), a.summary.as_str().into());
                if let Some(desc) = &a.description {
                    d.insert("description".into(), desc.as_str().into());
                }
                Value::Object(d)
            })
            .collect();
        m.insert("x-docbind-alt-docs".into(), Value::Array(alt));
    }
    Value::Object(m)
}

fn parameter_object(p: &ir::Parameter, ctx: &SchemaContext) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), p.name.as_str().into());
    m.insert("in".into(), location(p.location).into());
    if let Some(d) = p
        .schema
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        m.insert("description".into(), d.into());
    }
    // OpenAPI requires path parameters to be required.
    m.insert(
        "required".into(),
        (p.required || p.location == ParamLocation::Path).into(),
    );
    let mut schema = schema_without_description(&p.schema, ctx);
    if p.location == ParamLocation::Header && matches!(p.schema.kind, ir::SchemaKind::Any) {
        // A header value is text on the wire whatever the documentation left unsaid, and
        // generators refuse a header of any JSON value (openapi-python-client drops the
        // operation): such a header is a string.
        if let Some(fields) = schema.as_object_mut().filter(|f| !f.contains_key("anyOf")) {
            let mut typed = Map::new();
            typed.insert("type".into(), "string".into());
            typed.append(fields);
            *fields = typed;
        }
    }
    m.insert("schema".into(), schema);
    Value::Object(m)
}

/// The operation's parameters (path parameters are exactly the path's placeholders: the IR
/// guarantees it, see `extract::operation::params`).
fn parameters(op: &ir::Operation, ctx: &SchemaContext) -> Vec<Value> {
    op.parameters
        .iter()
        .map(|p| parameter_object(p, ctx))
        .collect()
}

/// `example` for one JSON example, `examples` for several (they are mutually exclusive), and
/// the examples that are not JSON verbatim in `x-docbind-example-text`.
fn insert_examples(
    m: &mut Map<String, Value>,
    examples: &[Example],
    (one_key, many_key): (&str, &str),
) {
    let json: Vec<&Value> = examples
        .iter()
        .filter_map(|e| match &e.value {
            ExampleValue::Json(v) => Some(v),
            ExampleValue::Partial(_) | ExampleValue::Text(_) => None,
        })
        .collect();
    match json.as_slice() {
        [] => {}
        [one] => {
            m.insert(one_key.into(), (*one).clone());
        }
        many => {
            let named: Map<String, Value> = many
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    (
                        format!("example{}", i + 1),
                        one_entry("value", (*v).clone()),
                    )
                })
                .collect();
            m.insert(many_key.into(), Value::Object(named));
        }
    }
    let text: Vec<Value> = examples
        .iter()
        .filter_map(|e| match &e.value {
            ExampleValue::Text(t) => Some(Value::from(t.as_str())),
            ExampleValue::Json(_) | ExampleValue::Partial(_) => None,
        })
        .collect();
    if !text.is_empty() {
        m.insert("x-docbind-example-text".into(), Value::Array(text));
    }
    // Cut short by the page: not an `example` a tool may check (required fields are missing).
    let partial: Vec<Value> = examples
        .iter()
        .filter_map(|e| match &e.value {
            ExampleValue::Partial(v) => Some(v.clone()),
            _ => None,
        })
        .collect();
    if !partial.is_empty() {
        m.insert("x-docbind-example-partial".into(), Value::Array(partial));
    }
}

fn media(s: &ir::Schema, examples: &[Example], ctx: &SchemaContext) -> Value {
    let mut m = Map::new();
    m.insert("schema".into(), schema(s, ctx));
    insert_examples(&mut m, examples, ("example", "examples"));
    Value::Object(m)
}

fn responses(op: &ir::Operation, ctx: &SchemaContext) -> Value {
    let mut out = Map::new();
    for (status, r) in &op.responses {
        let mut m = Map::new();
        let description = if r.description.trim().is_empty() {
            format!("HTTP {status} response")
        } else {
            r.description.clone()
        };
        m.insert("description".into(), description.into());
        if !r.headers.is_empty() {
            let headers: Map<String, Value> = r
                .headers
                .iter()
                .map(|h| {
                    let mut hm = Map::new();
                    if let Some(d) = h
                        .schema
                        .description
                        .as_deref()
                        .filter(|d| !d.trim().is_empty())
                    {
                        hm.insert("description".into(), d.into());
                    }
                    if h.required {
                        hm.insert("required".into(), true.into());
                    }
                    hm.insert("schema".into(), schema_without_description(&h.schema, ctx));
                    (h.name.clone(), Value::Object(hm))
                })
                .collect();
            m.insert("headers".into(), Value::Object(headers));
        }
        match &r.body {
            Some(body) => {
                m.insert(
                    "content".into(),
                    one_entry(&body.content_type, media(&body.schema, &r.examples, ctx)),
                );
            }
            // Examples of an undescribed body stay with the response.
            None => insert_examples(
                &mut m,
                &r.examples,
                ("x-docbind-example", "x-docbind-examples"),
            ),
        }
        out.insert(status.clone(), Value::Object(m));
    }
    if out.is_empty() {
        // OpenAPI needs at least one response; say plainly that none was documented.
        out.insert(
            "default".into(),
            json!({ "description": "No response is documented for this operation." }),
        );
    }
    Value::Object(out)
}

/// `{ key: value }`, with `value` moved in: `json!` would serialise a deep copy of it.
fn one_entry(key: &str, value: Value) -> Value {
    let mut m = Map::new();
    m.insert(key.to_string(), value);
    Value::Object(m)
}
