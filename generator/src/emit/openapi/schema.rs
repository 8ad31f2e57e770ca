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
    /// The operation groups, whose names are the tags (see `emit::groups`).
    pub groups: &'a crate::emit::groups::Groups,
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
                let mut branch = json!({ "type": "string", "enum": values });
                if let Some(names) = enum_varnames(&values) {
                    branch["x-enum-varnames"] = names;
                }
                branch
            }
            ExampleShape::NumericString => {
                let pattern = if matches!(s.kind, SchemaKind::Integer { .. }) {
                    r"^\s*[-+]?[0-9]+\s*$"
                } else {
                    r"^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$"
                };
                json!({ "type": "string", "pattern": pattern })
            }
            ExampleShape::BooleanString => json!({ "type": "string", "enum": ["true", "false"] }),
            ExampleShape::String => json!({ "type": "string" }),
            ExampleShape::Number => json!({ "type": "number" }),
            ExampleShape::Boolean => json!({ "type": "boolean" }),
            // OpenAPI 3.0 requires `items` on every array (openapi-generator rejects the document
            // without it); the example only shows that it is an array, so any item is allowed.
            ExampleShape::Array => json!({ "type": "array", "items": {} }),
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
        let listed: Vec<Value> = values.iter().map(|(v, _)| v.clone()).collect();
        // Code generators turn `enum` into a named type with one member per value, and none
        // of the common ones can name a member after a fractional number (openapi-python-client
        // rejects the whole schema, dropping every operation that uses it). Documented values
        // of a `number` that are not all integers are therefore listed in `x-docbind-enum`:
        // the type stays `number`, the values stay in the document, and only the closed-set
        // validation of a fractional number is given up (the Rust client does not enforce it
        // either: such a field is an `f64`).
        let key = if fractional_values(&listed) {
            "x-docbind-enum"
        } else {
            "enum"
        };
        let names = enum_varnames(&listed);
        m.insert(key.into(), Value::Array(listed));
        if let Some(names) = names {
            m.insert("x-enum-varnames".into(), names);
        }
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

/// Items, properties, additional properties and the JSON a string holds.
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
    if let Some(content) = &s.json_content {
        // 3.1 (JSON Schema 2020-12) names the content of a string; 3.0 has no keyword for it.
        if ctx.version == OpenApiVersion::V3_1_0 {
            m.insert("contentMediaType".into(), "application/json".into());
            m.insert("contentSchema".into(), schema(content, ctx));
        } else {
            m.insert("x-docbind-json-content".into(), schema(content, ctx));
        }
    }
}

/// A number among the values that is not an integer (`0.125`).
fn fractional_values(values: &[Value]) -> bool {
    values
        .iter()
        .any(|v| v.as_number().is_some_and(|n| !n.is_i64() && !n.is_u64()))
}

/// `x-enum-varnames` (aligned with `enum`) for string values that would otherwise get the same
/// member name in a generated client: values differing only in case (`x86_64`, `X86_64`) or in
/// punctuation (`foo-bar`, `foo_bar`). Generators derive member names by upper- or
/// Pascal-casing the value and dropping what is not alphanumeric; openapi-python-client (default
/// configuration) then stops on the duplicate and openapi-generator writes a class that does not
/// compile. Both take the names given here instead (openapi-python-client only when there is one
/// per value, hence one per value, `null` included).
///
/// The names are UPPER_SNAKE ASCII (valid identifiers in every target language, unchanged by
/// openapi-python-client's own snake-casing) and stay distinct with underscores removed, so a
/// generator that Pascal-cases them (typescript-fetch) keeps them apart as well. A value is
/// named after its own letters and digits where they are free, with `_2`, `_3` … where not.
/// `None` when the default names are already distinct (the document then stays as it was).
pub fn enum_varnames(values: &[Value]) -> Option<Value> {
    let strings: Vec<Option<&str>> = values.iter().map(Value::as_str).collect();
    // Integer members are named after the number (`VALUE_1`, `VALUE_NEGATIVE_1`): never equal.
    if strings.iter().all(Option::is_none) {
        return None;
    }
    let squash = |name: &str| -> String {
        name.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let mut seen = std::collections::BTreeSet::new();
    let colliding = strings.iter().flatten().any(|s| !seen.insert(squash(s)));
    if !colliding {
        return None;
    }
    let mut claimed = std::collections::BTreeSet::new();
    let mut names = Vec::with_capacity(values.len());
    for (i, value) in values.iter().enumerate() {
        let base = match value {
            Value::String(s) => upper_snake(s),
            Value::Null => "NULL".to_string(),
            other => upper_snake(&other.to_string()),
        };
        let base = match base.chars().next() {
            None => format!("VALUE_{}", i + 1),
            Some(c) if c.is_ascii_digit() => format!("VALUE_{base}"),
            Some(_) => base,
        };
        let mut name = base.clone();
        let mut counter = 2;
        while !claimed.insert(squash(&name)) {
            name = format!("{base}_{counter}");
            counter += 1;
        }
        names.push(Value::String(name));
    }
    Some(Value::Array(names))
}

/// `foo-bar.Baz` → `FOO_BAR_BAZ`: ASCII letters and digits upper-cased, every other run of
/// characters one underscore, none at either end.
fn upper_snake(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c.to_ascii_uppercase());
        } else {
            gap = true;
        }
    }
    out
}
