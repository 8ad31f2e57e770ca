//! Flattened tables: one table lists an object's fields and, below a row the documentation
//! leaves free-form (`backup | dict`, `backup_policies | list<dict>`), the fields of that
//! object, all at one level and with no mark of nesting. The operation's examples show where
//! those rows sit: never beside the free-form row, always inside its value. Such rows are the
//! fields of that value (of its items, for a list), at every depth the examples show (OTC VBS:
//! `scheduled_policy | dict` and its `start_time`, `frequency`, … in the same table).
//! Nothing is invented: every field is a documented row, only its place comes from the examples.

use super::super::resolve::Resolver;
use crate::diag::{catalogue, Span};
use crate::ir::{ExampleValue, Field, RequestBody, Response, Schema, SchemaKind};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Regroup the flattened rows of every body the operation's examples show.
pub(super) fn regroup_flat_rows(
    resolver: &mut Resolver<'_, '_>,
    request_body: &Option<RequestBody>,
    responses: &BTreeMap<String, Response>,
    span: &Span,
) {
    let mut shown: BTreeMap<String, Vec<&Map<String, Value>>> = BTreeMap::new();
    for (schema, examples) in super::shown::bodies_and_examples(request_body, responses) {
        let SchemaKind::Ref { name } = &schema.kind else {
            continue;
        };
        let objects = examples.iter().filter_map(|e| match &e.value {
            ExampleValue::Json(Value::Object(map)) => Some(map),
            _ => None,
        });
        shown.entry(name.clone()).or_default().extend(objects);
    }
    for (name, instances) in shown {
        let Some(named) = resolver.registry.schemas.get_mut(&name) else {
            continue;
        };
        let SchemaKind::Object { fields } = &mut named.schema.kind else {
            continue;
        };
        regroup(fields, &instances, &name, span, resolver.diags);
    }
}

/// Move the rows that the examples show only inside a free-form field's value into that value,
/// then do the same inside it.
fn regroup(
    fields: &mut Vec<Field>,
    instances: &[&Map<String, Value>],
    path: &str,
    span: &Span,
    diags: &mut crate::diag::Diagnostics,
) {
    if instances.is_empty() {
        return;
    }
    let beside: BTreeSet<&str> = instances
        .iter()
        .flat_map(|m| m.keys().map(String::as_str))
        .collect();
    let mut i = 0;
    while i < fields.len() {
        let Some(list) = free_form(&fields[i].schema) else {
            i += 1;
            continue;
        };
        let inner: Vec<&Map<String, Value>> = instances
            .iter()
            .filter_map(|m| m.get(&fields[i].name))
            .flat_map(objects_in)
            .collect();
        let mut below = BTreeSet::new();
        inner
            .iter()
            .for_each(|m| keys_at_any_depth(m, &mut below, 0));
        let moved: Vec<usize> = (i + 1..fields.len())
            .filter(|&j| {
                let name = fields[j].name.as_str();
                below.contains(name) && !beside.contains(name)
            })
            .collect();
        // Two rows at least, and the first the very row after the free-form one: a flattened
        // table lists an object's fields right below it.
        if moved.len() < 2 || moved[0] != i + 1 {
            i += 1;
            continue;
        }
        let mut nested: Vec<Field> = Vec::new();
        for &j in moved.iter().rev() {
            nested.push(fields.remove(j));
        }
        nested.reverse();
        let name = fields[i].name.clone();
        let at = format!("{path}.{name}");
        regroup(&mut nested, &inner, &at, span, diags);
        let names: Vec<String> = nested.iter().map(|f| format!("`{}`", f.name)).collect();
        diags.add(
            fields[i].schema.span.as_ref().unwrap_or(span),
            catalogue::FIELD_FLAT_ROWS_BY_EXAMPLE,
            format!(
                "`{at}` is free-form in its table, and the rows {} listed below it appear in the examples only inside its value{}: they are its fields",
                names.join(", "),
                if list { "'s items" } else { "" }
            ),
        );
        let object = Schema::new(SchemaKind::Object { fields: nested });
        let field = &mut fields[i].schema;
        field.kind = if list {
            SchemaKind::Array {
                items: Box::new(object),
            }
        } else {
            object.kind
        };
        i += 1;
    }
}

/// Whether a schema is a free-form value (`Some(false)`) or a list of them (`Some(true)`).
fn free_form(schema: &Schema) -> Option<bool> {
    match &schema.kind {
        SchemaKind::Any => Some(false),
        SchemaKind::Object { fields } if fields.is_empty() => Some(false),
        SchemaKind::Array { items } => match &items.kind {
            SchemaKind::Any => Some(true),
            SchemaKind::Object { fields } if fields.is_empty() => Some(true),
            _ => None,
        },
        _ => None,
    }
}

/// The objects a value is: itself, or the objects of a list.
fn objects_in(value: &Value) -> Vec<&Map<String, Value>> {
    match value {
        Value::Object(m) => vec![m],
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    }
}

fn keys_at_any_depth<'a>(map: &'a Map<String, Value>, out: &mut BTreeSet<&'a str>, depth: usize) {
    if depth > 32 {
        return;
    }
    for (k, v) in map {
        out.insert(k);
        for m in objects_in(v) {
            keys_at_any_depth(m, out, depth + 1);
        }
    }
}
