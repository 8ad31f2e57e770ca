//! Facts the documentation's own examples prove about types. Two corrections are made, both
//! widening what the schema accepts, each with a diagnostic naming the example:
//! - an integer documented as 16 or 32 bits whose example values do not fit (millisecond
//!   timestamps typed `Integer` are common) becomes 64 bits;
//! - a value list (mined from prose) that an example contradicts gets the example's value, marked
//!   as shown only in an example — the service evidently sends it, and a closed OpenAPI `enum`
//!   would make strict validators reject the documentation's own examples.
//!
//! Everything else an example contradicts stays as the table says (the conformance report
//! lists it).

use crate::diag::{Diagnostics, Span};
use crate::ir::{Api, EnumValue, ExampleValue, Schema, SchemaKind};
use serde_json::Value;

/// Where a schema node lives: in a named component or in an operation's body, and the steps
/// from there.
#[derive(Debug, Clone, PartialEq)]
enum Root {
    Component(String),
    Request(usize),
    Response(usize, String),
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Items,
    Values,
}

enum Fix {
    /// The integer value that does not fit.
    Widen(i128),
    /// A value missing from the node's value list.
    EnumValue(Value),
}

struct Target {
    root: Root,
    path: Vec<Step>,
    fix: Fix,
    span: Span,
}

fn fits(format: &str, v: i128) -> bool {
    match format {
        "int16" => i16::try_from(v).is_ok(),
        "int32" => i32::try_from(v).is_ok(),
        _ => true,
    }
}

fn integer(v: &Value) -> Option<i128> {
    v.as_i64()
        .map(i128::from)
        .or_else(|| v.as_u64().map(i128::from))
}

#[allow(clippy::too_many_arguments)]
fn walk(
    api: &Api,
    schema: &Schema,
    value: &Value,
    root: &Root,
    path: &mut Vec<Step>,
    span: &Span,
    depth: usize,
    out: &mut Vec<Target>,
) {
    if depth > 64 {
        return;
    }
    match (&schema.kind, value) {
        (SchemaKind::Ref { name }, _) => {
            if let Some(named) = api.schemas.get(name) {
                let mut inner = Vec::new();
                walk(
                    api,
                    &named.schema,
                    value,
                    &Root::Component(name.clone()),
                    &mut inner,
                    span,
                    depth + 1,
                    out,
                );
            }
        }
        (SchemaKind::Object { fields }, Value::Object(map)) => {
            for f in fields {
                if let Some(v) = map.get(&f.name) {
                    path.push(Step::Field(f.name.clone()));
                    walk(api, &f.schema, v, root, path, span, depth + 1, out);
                    path.pop();
                }
            }
        }
        (SchemaKind::Array { items }, Value::Array(values)) => {
            path.push(Step::Items);
            for v in values {
                walk(api, items, v, root, path, span, depth + 1, out);
            }
            path.pop();
        }
        (SchemaKind::Map { values: inner }, Value::Object(map)) => {
            path.push(Step::Values);
            for v in map.values() {
                walk(api, inner, v, root, path, span, depth + 1, out);
            }
            path.pop();
        }
        (SchemaKind::Integer { format }, v) => {
            if let Some(n) = integer(v) {
                if !fits(format, n) {
                    out.push(Target {
                        root: root.clone(),
                        path: path.clone(),
                        fix: Fix::Widen(n),
                        span: span.clone(),
                    });
                }
            }
        }
        _ => {}
    }
    let scalar = matches!(
        schema.kind,
        SchemaKind::String { .. } | SchemaKind::Integer { .. } | SchemaKind::Number { .. }
    );
    if scalar
        && !schema.enum_values.is_empty()
        && (value.is_string() || value.is_number())
        && !schema
            .enum_values
            .iter()
            .any(|e| same_value(&e.value, value))
    {
        out.push(Target {
            root: root.clone(),
            path: path.clone(),
            fix: Fix::EnumValue(value.clone()),
            span: span.clone(),
        });
    }
}

/// Enum values compare as JSON values; an integer list also matches the same number written as
/// a float (`1` vs `1.0`).
fn same_value(a: &Value, b: &Value) -> bool {
    a == b || matches!((a.as_f64(), b.as_f64()), (Some(x), Some(y)) if x == y)
}

fn node_mut<'a>(api: &'a mut Api, root: &Root, path: &[Step]) -> Option<&'a mut Schema> {
    let mut node: &mut Schema = match root {
        Root::Component(name) => &mut api.schemas.get_mut(name)?.schema,
        Root::Request(op) => &mut api.operations.get_mut(*op)?.request_body.as_mut()?.schema,
        Root::Response(op, status) => {
            &mut api
                .operations
                .get_mut(*op)?
                .responses
                .get_mut(status)?
                .body
                .as_mut()?
                .schema
        }
    };
    for step in path {
        node = match (step, &mut node.kind) {
            (Step::Field(name), SchemaKind::Object { fields }) => {
                &mut fields.iter_mut().find(|f| &f.name == name)?.schema
            }
            (Step::Items, SchemaKind::Array { items }) => items,
            (Step::Values, SchemaKind::Map { values }) => values,
            _ => return None,
        };
    }
    Some(node)
}

fn describe_path(root: &Root, path: &[Step]) -> String {
    let mut s = match root {
        Root::Component(name) => name.clone(),
        Root::Request(_) => "request body".to_string(),
        Root::Response(_, status) => format!("{status} response body"),
    };
    for step in path {
        match step {
            Step::Field(f) => {
                s.push('.');
                s.push_str(f);
            }
            Step::Items => s.push_str("[]"),
            Step::Values => s.push_str("{}"),
        }
    }
    s
}

/// Widen integers and value lists that the documented examples prove too narrow.
pub fn widen_by_examples(api: &mut Api, diags: &mut Diagnostics) {
    let mut targets = Vec::new();
    for (i, op) in api.operations.iter().enumerate() {
        if let Some(body) = &op.request_body {
            for ex in &body.examples {
                if let ExampleValue::Json(v) = &ex.value {
                    walk(
                        api,
                        &body.schema,
                        v,
                        &Root::Request(i),
                        &mut Vec::new(),
                        &ex.span,
                        0,
                        &mut targets,
                    );
                }
            }
        }
        for (status, r) in &op.responses {
            let Some(body) = &r.body else { continue };
            for ex in &r.examples {
                if let ExampleValue::Json(v) = &ex.value {
                    walk(
                        api,
                        &body.schema,
                        v,
                        &Root::Response(i, status.clone()),
                        &mut Vec::new(),
                        &ex.span,
                        0,
                        &mut targets,
                    );
                }
            }
        }
    }
    for t in targets {
        let what = describe_path(&t.root, &t.path);
        let Some(node) = node_mut(api, &t.root, &t.path) else {
            continue;
        };
        let at = node.span.clone().unwrap_or_else(|| t.span.clone());
        let example = format!("{}:{}", t.span.file, t.span.start);
        match t.fix {
            Fix::Widen(value) => {
                let SchemaKind::Integer { format } = &mut node.kind else {
                    continue;
                };
                if fits(format, value) {
                    continue; // already widened by an earlier example
                }
                let documented = format.clone();
                *format = "int64".into();
                diags.warn(&at, "type.widened-by-example", format!("`{what}` is documented as {documented} but the example at {example} holds {value}: typed int64"));
            }
            Fix::EnumValue(value) => {
                if node
                    .enum_values
                    .iter()
                    .any(|e| same_value(&e.value, &value))
                {
                    continue; // already added for an earlier example
                }
                // The list is typed like the field: a string example for an integer list (or the
                // reverse) contradicts the type, not the list; the conformance report covers it.
                let fits_type = match node.kind {
                    SchemaKind::String { .. } => value.is_string(),
                    SchemaKind::Integer { .. } => value.is_i64() || value.is_u64(),
                    _ => value.is_number(),
                };
                if !fits_type {
                    continue;
                }
                diags.warn(&at, "enum.extended-by-example", format!("`{what}` lists its values but the example at {example} shows {value}, which is not among them: added as a documented value"));
                node.enum_values.push(EnumValue {
                    value,
                    description: Some(format!(
                        "Not in the documented list; shown in the example at {example}."
                    )),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Example, Field, NamedSchema, Operation, Response, ResponseBody};
    use std::sync::Arc;

    #[test]
    fn widens_only_what_examples_prove() {
        let span = Span::new(&Arc::from("f"), 1, 1);
        let int32 = || {
            Schema::new(SchemaKind::Integer {
                format: "int32".into(),
            })
        };
        let item = Schema::new(SchemaKind::Object {
            fields: vec![
                Field {
                    name: "create_time".into(),
                    required: false,
                    schema: int32(),
                },
                Field {
                    name: "count".into(),
                    required: false,
                    schema: int32(),
                },
            ],
        });
        let mut api = Api::default();
        api.schemas.insert(
            "Item".into(),
            NamedSchema {
                name: "Item".into(),
                schema: item,
            },
        );
        let body = Schema::new(SchemaKind::Array {
            items: Box::new(Schema::new(SchemaKind::Ref {
                name: "Item".into(),
            })),
        });
        let mut arch = Schema::string();
        arch.enum_values = vec![EnumValue {
            value: "X86_64".into(),
            description: None,
        }];
        if let SchemaKind::Object { fields } = &mut api.schemas.get_mut("Item").unwrap().schema.kind
        {
            fields.push(Field {
                name: "arch".into(),
                required: false,
                schema: arch,
            });
        }
        let example = serde_json::json!([{ "create_time": 1470000020000i64, "count": 3, "arch": "x86_64" }, { "arch": "X86_64" }]);
        let mut responses = std::collections::BTreeMap::new();
        responses.insert(
            "200".to_string(),
            Response {
                description: "OK".into(),
                headers: vec![],
                body: Some(ResponseBody {
                    content_type: "application/json".into(),
                    schema: body,
                    span: span.clone(),
                }),
                examples: vec![Example {
                    value: ExampleValue::Json(example),
                    span: span.clone(),
                }],
            },
        );
        api.operations.push(Operation {
            id: "list_items".into(),
            method: crate::ir::HttpMethod::Get,
            path: "/items".into(),
            summary: String::new(),
            description: None,
            tag: None,
            parameters: vec![],
            request_body: None,
            responses,
            alt_docs: vec![],
            span: span.clone(),
        });
        let mut diags = Diagnostics::new();
        widen_by_examples(&mut api, &mut diags);
        let SchemaKind::Object { fields } = &api.schemas["Item"].schema.kind else {
            panic!()
        };
        assert_eq!(
            fields[0].schema.kind,
            SchemaKind::Integer {
                format: "int64".into()
            }
        );
        assert_eq!(
            fields[1].schema.kind,
            SchemaKind::Integer {
                format: "int32".into()
            },
            "a value that fits proves nothing"
        );
        let values: Vec<&Value> = fields[2]
            .schema
            .enum_values
            .iter()
            .map(|e| &e.value)
            .collect();
        assert_eq!(
            values,
            vec![&Value::from("X86_64"), &Value::from("x86_64")],
            "a listed value is not added twice"
        );
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes,
            vec!["type.widened-by-example", "enum.extended-by-example"]
        );
    }
}
