//! Documented examples checked against the generated schemas: every example that is valid JSON
//! is validated (JSON Schema 2020-12, via the OpenAPI 3.1 form of the schemas) against the body
//! schema of its request or response. Doc errors show up here; the report lists them.
//!
//! Enums are open in docbind's model (the generated Rust enums carry an `Other(..)` variant):
//! a documented value list says which values the documentation knows, not that the service
//! never sends another. So a value outside the list does not make an example non-conformant;
//! it is recorded as an undocumented value (a documentation finding the report lists).

use crate::diag::Span;
use crate::emit::openapi::{to_openapi, OpenApiVersion};
use crate::ir::{Api, Example, ExampleValue};
use serde::Serialize;
use serde_json::{json, Value};

/// Where an example belongs: the request body, or a response status.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ExampleSite {
    pub operation: String,
    /// `request`, or the response status code.
    pub status: String,
    /// 1-based, among the examples of the same operation and status.
    pub index: usize,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Valid JSON that matches the body schema. `undocumented_values` lists values outside a
    /// documented (open) value list.
    Conformant { undocumented_values: Vec<String> },
    /// Valid JSON that does not match; the validator's messages (instance path: error).
    NonConformant { errors: Vec<String> },
    /// Valid JSON, but the request/response documents no body schema to check it against.
    NoSchema,
    /// Not JSON (kept verbatim in the outputs; extraction reported why).
    NotJson,
    /// JSON cut short by the page and closed (`ExampleValue::Partial`): not checked.
    Partial,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExampleCheck {
    #[serde(flatten)]
    pub site: ExampleSite,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// Check every example of `api`.
pub fn check_examples(api: &Api) -> Vec<ExampleCheck> {
    let doc = to_openapi(api, OpenApiVersion::V3_1_0);
    let components = with_format_bounds(doc.pointer("/components/schemas").unwrap_or(&json!({})));
    let mut out = Vec::new();
    for op in &api.operations {
        let operation = doc
            .get("paths")
            .and_then(|p| p.get(&op.path))
            .and_then(|p| p.get(op.method.lower()));
        if let Some(rb) = &op.request_body {
            let schema = operation
                .and_then(|o| o.get("requestBody"))
                .and_then(|b| b.pointer(&format!("/content/{}/schema", escape(&rb.content_type))));
            check_all(
                &mut out,
                &op.id,
                "request",
                &rb.examples,
                schema,
                &components,
            );
        }
        for (status, r) in &op.responses {
            let schema = r.body.as_ref().and_then(|b| {
                operation
                    .and_then(|o| o.get("responses"))
                    .and_then(|rs| rs.get(status))
                    .and_then(|x| {
                        x.pointer(&format!("/content/{}/schema", escape(&b.content_type)))
                    })
            });
            check_all(&mut out, &op.id, status, &r.examples, schema, &components);
        }
    }
    out
}

/// JSON pointer escaping of one token (`application/json` → `application~1json`).
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn check_all(
    out: &mut Vec<ExampleCheck>,
    operation: &str,
    status: &str,
    examples: &[Example],
    schema: Option<&Value>,
    components: &Value,
) {
    for (i, ex) in examples.iter().enumerate() {
        let site = ExampleSite {
            operation: operation.to_string(),
            status: status.to_string(),
            index: i + 1,
            span: ex.span.clone(),
        };
        let outcome = match (&ex.value, schema) {
            (ExampleValue::Text(_), _) => Outcome::NotJson,
            (ExampleValue::Partial(_), _) => Outcome::Partial,
            (ExampleValue::Json(_), None) => Outcome::NoSchema,
            (ExampleValue::Json(v), Some(s)) => validate(v, s, components),
        };
        out.push(ExampleCheck { site, outcome });
    }
}

/// JSON Schema treats `format` as an annotation; the generated client does not (an `int32`
/// field is an `i32`). Bounds from the integer formats make the check as strict as the client.
fn with_format_bounds(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut out: serde_json::Map<String, Value> = m
                .iter()
                .map(|(k, x)| (k.clone(), with_format_bounds(x)))
                .collect();
            let bounds = match m.get("format").and_then(Value::as_str) {
                Some("int32") => Some((i64::from(i32::MIN), i64::from(i32::MAX))),
                Some("int16") => Some((i64::from(i16::MIN), i64::from(i16::MAX))),
                _ => None,
            };
            if let Some((lo, hi)) = bounds {
                out.entry("minimum").or_insert(json!(lo));
                out.entry("maximum").or_insert(json!(hi));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(with_format_bounds).collect()),
        other => other.clone(),
    }
}

/// Validate `value` against `schema`, whose `$ref`s point into `#/components/schemas`.
pub fn validate(value: &Value, schema: &Value, components: &Value) -> Outcome {
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "allOf": [with_format_bounds(schema)],
        // `components` arrives with bounds already added (see `check_examples`).
        "components": { "schemas": components },
    });
    let validator = match jsonschema::draft202012::new(&root) {
        Ok(v) => v,
        Err(e) => {
            return Outcome::NonConformant {
                errors: vec![format!("schema does not compile: {e}")],
            }
        }
    };
    let mut errors = Vec::new();
    let mut undocumented_values = Vec::new();
    for e in validator.iter_errors(value) {
        let message = format!("{}: {e}", e.instance_path);
        if matches!(e.kind, jsonschema::error::ValidationErrorKind::Enum { .. }) {
            undocumented_values.push(message);
        } else {
            errors.push(message);
        }
    }
    if errors.is_empty() {
        undocumented_values.sort();
        undocumented_values.dedup();
        Outcome::Conformant {
            undocumented_values,
        }
    } else {
        errors.sort();
        errors.dedup();
        errors.truncate(5);
        Outcome::NonConformant { errors }
    }
}
