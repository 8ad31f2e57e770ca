//! IR schemas → OpenAPI Schema Objects.
//!
//! Keys are inserted in one fixed order (serde_json keeps insertion order in this workspace):
//! the type first, then documentation, values, limits, structure, and docbind extensions.

use super::OpenApiVersion;
use crate::ir::{EnumValue, ExampleShape, Schema, SchemaKind};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// What schema conversion needs to know about the whole document.
pub struct SchemaContext<'a> {
    pub version: OpenApiVersion,
    /// IR schema name → component name (sanitised, see `components`).
    pub component_names: &'a BTreeMap<String, String>,
}

impl SchemaContext<'_> {
    pub fn reference(&self, name: &str) -> String {
        let component = self.component_names.get(name).map_or(name, String::as_str);
        format!("#/components/schemas/{component}")
    }
}

/// JSON null is a documented value (an enum member or the default): the schema is nullable.
fn is_nullable(s: &Schema) -> bool {
    s.nullable
        || s.default.as_ref().is_some_and(Value::is_null)
        || s.enum_values.iter().any(|e| e.value.is_null())
}

/// The `type` keyword: none for a reference (the target says) or a free-form value.
fn type_name(kind: &SchemaKind) -> Option<&'static str> {
    match kind {
        SchemaKind::Ref { .. } | SchemaKind::Any => None,
        other => Some(other.json_type()),
    }
}

/// Enum values typed like the schema (documentation tables often write `"1"` for integers or
/// bare words for strings), without duplicates; descriptions stay aligned with the values.
fn enum_values(s: &Schema) -> Vec<(Value, Option<&str>)> {
    let mut out: Vec<(Value, Option<&str>)> = Vec::new();
    for EnumValue { value, description } in &s.enum_values {
        let value = match (&s.kind, value) {
            (_, Value::Null) => Value::Null,
            (SchemaKind::String { .. }, Value::String(_)) => value.clone(),
            (SchemaKind::String { .. }, other) => Value::String(other.to_string()),
            (SchemaKind::Integer { .. }, Value::String(t)) => {
                t.trim().parse::<i64>().map_or(value.clone(), Value::from)
            }
            (SchemaKind::Number { .. }, Value::String(t)) => t
                .trim()
                .parse::<f64>()
                .map_or(value.clone(), crate::ir::json_number),
            _ => value.clone(),
        };
        let description = description.as_deref().filter(|d| !d.trim().is_empty());
        match out.iter_mut().find(|(v, _)| *v == value) {
            Some(existing) => existing.1 = existing.1.or(description),
            None => out.push((value, description)),
        }
    }
    out
}

pub fn schema(s: &Schema, ctx: &SchemaContext) -> Value {
    schema_with(s, ctx, true)
}

/// Like [`schema`] but without the description, for places that carry it one level up
/// (parameters, headers).
pub fn schema_without_description(s: &Schema, ctx: &SchemaContext) -> Value {
    schema_with(s, ctx, false)
}

fn schema_with(s: &Schema, ctx: &SchemaContext, with_description: bool) -> Value {
    if s.example_shapes.is_empty() {
        documented_schema(s, ctx, with_description)
    } else {
        with_example_shapes(s, ctx, with_description)
    }
}

/// A schema whose examples show other shapes than its documented type (see
/// `extract::evidence`): `anyOf` the documented schema (first, with its values and limits) and
/// each shape shown; the description stays outside so every tool finds it.
fn with_example_shapes(s: &Schema, ctx: &SchemaContext, with_description: bool) -> Value {
    let documented = Schema {
        description: None,
        alt_descriptions: Vec::new(),
        example_shapes: Vec::new(),
        ..s.clone()
    };
    let mut branches = vec![documented_schema(&documented, ctx, false)];
    for shape in &s.example_shapes {
        let branch = match shape {
            // A documented numeric enum keeps its closed value set when written as strings.
            ExampleShape::NumericString if !s.enum_values.is_empty() => {
                let values: Vec<Value> = s
                    .enum_values
                    .iter()
                    .map(|e| match &e.value {
                        Value::String(text) => Value::String(text.clone()),
                        other => Value::String(other.to_string()),
                    })
                    .collect();
                json!({ "type": "string", "enum": values })
            }
            ExampleShape::NumericString => {
                let pattern = if matches!(s.kind, SchemaKind::Integer { .. }) {
                    r"^\s*[-+]?[0-9]+\s*$"
                } else {
                    r"^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$"
                };
                json!({ "type": "string", "pattern": pattern })
            }
            ExampleShape::String => json!({ "type": "string" }),
            ExampleShape::Number => json!({ "type": "number" }),
            ExampleShape::Boolean => json!({ "type": "boolean" }),
            ExampleShape::Array => json!({ "type": "array" }),
            ExampleShape::Object => json!({ "type": "object" }),
            ExampleShape::ListOfItems => json!({ "type": "array", "items": branches[0].clone() }),
            ExampleShape::SingleItem => match &s.kind {
                SchemaKind::Array { items } => schema(items, ctx),
                _ => continue,
            },
        };
        branches.push(branch);
    }
    let mut m = Map::new();
    if with_description {
        if let Some(d) = s.description.as_deref().filter(|d| !d.trim().is_empty()) {
            m.insert("description".into(), d.into());
        }
    }
    m.insert("anyOf".into(), Value::Array(branches));
    if !s.alt_descriptions.is_empty() {
        m.insert("x-docbind-alt-descriptions".into(), alt_descriptions(s));
    }
    let shapes: Vec<Value> = s
        .example_shapes
        .iter()
        .map(|shape| serde_json::to_value(shape).unwrap_or(Value::Null))
        .collect();
    m.insert("x-docbind-example-shapes".into(), Value::Array(shapes));
    Value::Object(m)
}

fn alt_descriptions(s: &Schema) -> Value {
    s.alt_descriptions
        .iter()
        .map(|a| json!({ "source": a.source, "description": a.text }))
        .collect()
}

fn documented_schema(s: &Schema, ctx: &SchemaContext, with_description: bool) -> Value {
    let v31 = ctx.version == OpenApiVersion::V3_1_0;
    let nullable = is_nullable(s);
    let mut m = Map::new();
    let mut annotations = annotations(s, ctx, with_description);
    match (&s.kind, type_name(&s.kind)) {
        (SchemaKind::Ref { name }, _) => {
            let reference = json!({ "$ref": ctx.reference(name) });
            if v31 && nullable {
                m.insert("anyOf".into(), json!([reference, { "type": "null" }]));
            } else if v31 || (annotations.is_empty() && !nullable) {
                m.insert("$ref".into(), reference["$ref"].clone());
            } else {
                // 3.0 ignores siblings of `$ref`; wrapping keeps the field's own documentation.
                m.insert("allOf".into(), json!([reference]));
            }
        }
        (_, Some(ty)) if nullable && v31 => {
            m.insert("type".into(), json!([ty, "null"]));
        }
        (_, Some(ty)) => {
            m.insert("type".into(), ty.into());
        }
        // Any: `{}` already admits every value including null.
        (_, None) => {}
    }
    if let Some(f) = s.kind.format() {
        if !f.trim().is_empty() {
            m.insert("format".into(), f.trim().into());
        }
    }
    if nullable && !v31 && !matches!(s.kind, SchemaKind::Any) {
        m.insert("nullable".into(), Value::Bool(true));
    }
    m.append(&mut annotations);
    structure(s, ctx, &mut m);
    if let Some(raw) = s.raw_type.as_deref().filter(|r| !r.trim().is_empty()) {
        m.insert("x-docbind-raw-type".into(), raw.into());
    }
    if !s.overlay.is_empty() {
        m.insert("x-docbind-overlay".into(), s.overlay.clone().into());
    }
    Value::Object(m)
}

/// Description, enum, default and limits, in that order.
fn annotations(s: &Schema, ctx: &SchemaContext, with_description: bool) -> Map<String, Value> {
    let v31 = ctx.version == OpenApiVersion::V3_1_0;
    let mut m = Map::new();
    if with_description {
        if let Some(d) = s.description.as_deref().filter(|d| !d.trim().is_empty()) {
            m.insert("description".into(), d.into());
        }
    }
    // Other sources' wording of the same field (merged operations), with where it comes from.
    if !s.alt_descriptions.is_empty() {
        m.insert("x-docbind-alt-descriptions".into(), alt_descriptions(s));
    }
    let values = enum_values(s);
    if !values.is_empty() {
        m.insert(
            "enum".into(),
            values.iter().map(|(v, _)| v.clone()).collect(),
        );
        if values.iter().any(|(_, d)| d.is_some()) {
            m.insert(
                "x-enum-descriptions".into(),
                values
                    .iter()
                    .map(|(_, d)| Value::from(d.unwrap_or("")))
                    .collect(),
            );
        }
    }
    if let Some(default) = &s.default {
        m.insert("default".into(), default.clone());
    }
    let c = &s.constraints;
    let (min_len, max_len) = if matches!(s.kind, SchemaKind::Array { .. }) {
        ("minItems", "maxItems")
    } else {
        ("minLength", "maxLength")
    };
    if let Some(v) = c.min_length {
        m.insert(min_len.into(), v.into());
    }
    if let Some(v) = c.max_length {
        m.insert(max_len.into(), v.into());
    }
    for (value, exclusive, inclusive_key, exclusive_key) in [
        (
            c.minimum,
            c.exclusive_minimum,
            "minimum",
            "exclusiveMinimum",
        ),
        (
            c.maximum,
            c.exclusive_maximum,
            "maximum",
            "exclusiveMaximum",
        ),
    ] {
        let Some(value) = value else { continue };
        match (exclusive, v31) {
            // 3.1 (JSON Schema 2020-12): the exclusive bound is the number itself.
            (true, true) => {
                m.insert(exclusive_key.into(), crate::ir::json_number(value));
            }
            (true, false) => {
                m.insert(inclusive_key.into(), crate::ir::json_number(value));
                m.insert(exclusive_key.into(), Value::Bool(true));
            }
            (false, _) => {
                m.insert(inclusive_key.into(), crate::ir::json_number(value));
            }
        }
    }
    m
}

/// Items, properties and additional properties.
fn structure(s: &Schema, ctx: &SchemaContext, m: &mut Map<String, Value>) {
    match &s.kind {
        SchemaKind::Array { items } => {
            m.insert("items".into(), schema(items, ctx));
        }
        SchemaKind::Map { values } => {
            m.insert("additionalProperties".into(), schema(values, ctx));
        }
        SchemaKind::Object { fields } => {
            if !fields.is_empty() {
                let properties: Map<String, Value> = fields
                    .iter()
                    .map(|f| (f.name.clone(), schema(&f.schema, ctx)))
                    .collect();
                m.insert("properties".into(), Value::Object(properties));
            }
            let required: Vec<Value> = fields
                .iter()
                .filter(|f| f.required)
                .map(|f| f.name.as_str().into())
                .collect();
            if !required.is_empty() {
                m.insert("required".into(), Value::Array(required));
            }
        }
        _ => {}
    }
}
