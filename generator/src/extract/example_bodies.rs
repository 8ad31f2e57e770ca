//! Success responses documented by their examples alone: a `200` (or other 2xx) with no table
//! and an example object (`{"agency_name": "ma_agency_iam-user01"}` under `响应参数` with nothing
//! in it) gets a body typed from its examples — one optional field per key, typed by the values
//! as `evidence` types the keys it adds (objects stay free-form: no structure is invented from
//! an example) — instead of no body, which would make a client drop what the service sends.
//! Error responses keep no body: the runtime reads errors itself.

use super::evidence::{merge_shown, schema_of_example};
use crate::diag::catalogue;
use crate::diag::Diagnostics;
use crate::ir::{Api, ExampleValue, Field, NamedSchema, ResponseBody, Schema, SchemaKind};
use heck::ToUpperCamelCase;
use serde_json::Value;

/// How a field of a body typed from examples is described.
const SHOWN_NOTE: &str = "No table documents this response; shown in the documentation's examples.";

/// Give each 2xx response that has examples but no body a body typed from them.
pub fn bodies_from_examples(api: &mut Api, diags: &mut Diagnostics) {
    for op in &mut api.operations {
        let first_success = op.responses.keys().find(|c| c.starts_with('2')).cloned();
        for (code, response) in op.responses.iter_mut() {
            if !code.starts_with('2') || response.body.is_some() || response.examples.is_empty() {
                continue;
            }
            let objects: Option<Vec<&serde_json::Map<String, Value>>> = response
                .examples
                .iter()
                .map(|e| match &e.value {
                    ExampleValue::Json(Value::Object(map)) if !map.is_empty() => Some(map),
                    _ => None,
                })
                .collect();
            let Some(objects) = objects else { continue };
            let mut fields: Vec<Field> = Vec::new();
            for map in &objects {
                for (key, value) in map.iter() {
                    if !super::text::is_hyphenated_identifier(key) {
                        continue; // said by evidence, as for any object
                    }
                    let shown = schema_of_example(value);
                    match fields.iter_mut().find(|f| f.name == *key) {
                        Some(f) => merge_shown(&mut f.schema, shown),
                        None => fields.push(Field {
                            name: key.clone(),
                            required: false,
                            schema: Schema {
                                description: Some(SHOWN_NOTE.to_string()),
                                ..shown
                            },
                        }),
                    }
                }
            }
            if fields.is_empty() {
                continue;
            }
            let base = if first_success.as_deref() == Some(code.as_str()) {
                format!("{}Response", op.id.to_upper_camel_case())
            } else {
                format!("{}Response{code}", op.id.to_upper_camel_case())
            };
            let name = (1..)
                .map(|n| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}{n}")
                    }
                })
                .find(|n| !api.schemas.contains_key(n))
                .unwrap_or(base);
            let span = response.examples[0].span.clone();
            let keys: Vec<String> = fields.iter().map(|f| format!("`{}`", f.name)).collect();
            diags.add(
                &span,
                catalogue::BODY_FROM_EXAMPLE,
                format!(
                    "the {code} response of `{}` has no table and its examples show an object: its body is typed from them ({}, each optional)",
                    op.id,
                    keys.join(", ")
                ),
            );
            let mut schema = Schema::new(SchemaKind::Object { fields });
            schema.span = Some(span.clone());
            api.schemas.insert(
                name.clone(),
                NamedSchema {
                    name: name.clone(),
                    schema,
                },
            );
            response.body = Some(ResponseBody {
                content_type: "application/json".into(),
                schema: Schema::new(SchemaKind::Ref { name }),
                span,
            });
        }
    }
}
