//! Tables no field references, tied to a field by the operation's own examples: a table
//! captioned with a plain name (`Table 4 listeners parameter description`) where the examples
//! show that key inside an object whose table lacks it (the `loadbalancer` table copied from the
//! create request, without `listeners`, while every response example holds `"listeners": [{"id":
//! …}]`). The object gets the field, optional, of that table — a list of them where the examples
//! show a list. And a table whose rows are exactly the keys the examples show in a field the
//! documentation leaves free-form (`tags | Array of objects` shown as `[{"key": …, "value": …}]`
//! beside an unreferenced `表 2 resource_tag数据结构说明` listing `key` and `value`), or types
//! as a scalar the examples show as objects (`loadbalancers | String` shown as `[{"id": …}]`
//! beside `表 6 loadbalancers字段说明`): that field is that table's (a list where the examples
//! show one).

use super::super::resolve::{name_key, Resolver};
use super::blocks::{Found, Purpose};
use crate::diag::catalogue;
use crate::ir::{ExampleValue, Field, RequestBody, Response, Schema, SchemaKind};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A key an example shows in an object of a named schema whose fields lack it.
struct Shown {
    /// The named schema (component) of the object.
    owner: String,
    key: String,
    /// The example's value is a list.
    list: bool,
}

/// The keys the examples show in the objects of a free-form field of a named schema, all
/// instances together, and whether a list of them was shown. For a field whose table was only
/// guessed (see [`guessed_table`]), that table's rows too.
#[derive(Default)]
struct FreeKeys {
    keys: BTreeSet<String>,
    list: bool,
    guessed_rows: Option<(String, BTreeSet<String>)>,
    /// The field is documented as a scalar (`loadbalancers | String`) and every example shows
    /// objects there (`false` once one shows anything else).
    scalar: Option<bool>,
}

/// What the examples show that no table says.
#[derive(Default)]
struct Seen {
    shown: Vec<Shown>,
    /// By (named schema, free-form field).
    free: BTreeMap<(String, String), FreeKeys>,
}

/// Each body of the operation (request, then responses) with the examples shown for it.
pub(super) fn bodies_and_examples<'a>(
    request_body: &'a Option<RequestBody>,
    responses: &'a BTreeMap<String, Response>,
) -> impl Iterator<Item = (&'a Schema, &'a [crate::ir::Example])> {
    let request = request_body
        .iter()
        .map(|b| (&b.schema, b.examples.as_slice()));
    let responses = responses
        .values()
        .filter_map(|r| r.body.as_ref().map(|b| (&b.schema, r.examples.as_slice())));
    request.chain(responses)
}

/// Give the objects the tables nobody referenced that the examples tie to them.
pub(super) fn tables_the_examples_show(
    resolver: &mut Resolver<'_, '_>,
    found: &[Found<'_>],
    request_body: &Option<RequestBody>,
    responses: &BTreeMap<String, Response>,
) {
    let orphans: Vec<(usize, &str)> = found
        .iter()
        .filter(|f| !resolver.used.contains(&f.block))
        .filter_map(|f| match &f.purpose {
            Purpose::Object(name) => Some((f.block, name.as_str())),
            _ => None,
        })
        .collect();
    if orphans.is_empty() {
        return;
    }
    let mut seen = Seen::default();
    for (schema, examples) in bodies_and_examples(request_body, responses) {
        for example in examples {
            if let ExampleValue::Json(value) = &example.value {
                walk(resolver, schema, value, None, &mut seen, 0);
            }
        }
    }
    let mut tied = BTreeSet::new();
    for &(block, name) in &orphans {
        if let Some(done) = free_field_of_rows(resolver, block, name, &seen.free) {
            tied.insert(done);
        }
    }
    for (block, name) in orphans {
        if tied.contains(&block) || !crate::extract::text::is_identifier(name) {
            continue;
        }
        let key = name_key(name);
        let holders: BTreeSet<(&str, &str)> = seen
            .shown
            .iter()
            .filter(|s| name_key(&s.key) == key)
            .map(|s| (s.owner.as_str(), s.key.as_str()))
            .collect();
        if holders.is_empty() {
            continue;
        }
        let span = resolver.index.doc.blocks[block].span.clone();
        let table = resolver.object_schema(block, name, &span);
        for (owner, shown_key) in holders {
            let list = seen
                .shown
                .iter()
                .any(|s| s.owner == owner && s.key == shown_key && s.list);
            let schema = if list {
                Schema::new(SchemaKind::Array {
                    items: Box::new(table.clone()),
                })
            } else {
                table.clone()
            };
            let Some(named) = resolver.registry.schemas.get_mut(owner) else {
                continue;
            };
            let SchemaKind::Object { fields } = &mut named.schema.kind else {
                continue;
            };
            if fields.iter().any(|f| f.name == shown_key) {
                continue;
            }
            fields.push(Field {
                name: shown_key.to_string(),
                required: false,
                schema,
            });
            resolver.diags.add(
                &span,
                catalogue::FIELD_FROM_EXAMPLE_TABLE,
                format!("no field references table `{name}`; the operation's examples show `{shown_key}` in `{owner}`, whose table lacks it: added as an optional field of that table"),
            );
        }
    }
}

/// The free-form (or scalar) field of a named schema whose shown keys, all instances together,
/// are exactly the rows of orphan table `block` (two at least, or one when the table is named
/// after the field; so every instance's keys are among the rows): made that table's, and said.
/// Returns the block so tied.
fn free_field_of_rows(
    resolver: &mut Resolver<'_, '_>,
    block: usize,
    name: &str,
    free: &BTreeMap<(String, String), FreeKeys>,
) -> Option<usize> {
    let table = resolver.index.table(block)?;
    let rows: BTreeSet<String> = crate::extract::fields::read_fields(
        table,
        &crate::extract::fields::columns(table),
        &mut crate::diag::Diagnostics::new(),
    )
    .into_iter()
    .map(|r| r.name)
    .collect();
    if rows.is_empty() {
        return None;
    }
    // A guessed table the examples contradict gives way to the one they match exactly.
    let matches: Vec<(&(String, String), &FreeKeys)> = free
        .iter()
        .filter(|(_, shown)| shown.keys == rows && shown.scalar != Some(false))
        // A one-row table matches too many shapes by its keys alone: its caption must name
        // the field.
        .filter(|((_, field), _)| rows.len() > 1 || name_key(name) == name_key(field))
        .filter(|(_, shown)| {
            shown
                .guessed_rows
                .as_ref()
                .is_none_or(|(_, g)| !shown.keys.is_subset(g))
        })
        .collect();
    // One field only: two free-form fields showing the same keys leave the table ambiguous.
    let [((owner, field), shown)] = matches.as_slice() else {
        return None;
    };
    let (owner, field, list) = (owner.clone(), field.clone(), shown.list);
    let documented = match (&shown.guessed_rows, shown.scalar) {
        (Some((guessed, _)), _) => format!("whose table `{guessed}` was only taken by the field's name and lacks keys the examples show"),
        (None, Some(_)) => "which the documentation types as a scalar".to_string(),
        (None, None) => "which the documentation leaves free-form".to_string(),
    };
    let span = resolver.index.doc.blocks[block].span.clone();
    let table = resolver.object_schema(block, name, &span);
    let named = resolver.registry.schemas.get_mut(&owner)?;
    let SchemaKind::Object { fields } = &mut named.schema.kind else {
        return None;
    };
    let f = fields.iter_mut().find(|f| f.name == field)?;
    let keep = f.schema.clone();
    f.schema = if list {
        Schema::new(SchemaKind::Array {
            items: Box::new(table),
        })
    } else {
        table
    };
    f.schema.description = keep.description;
    f.schema.raw_type = keep.raw_type;
    f.schema.span = keep.span;
    resolver.diags.add(
        &span,
        catalogue::FIELD_TABLE_BY_EXAMPLE_KEYS,
        format!("no field references table `{name}`; its rows are exactly the keys the operation's examples show in `{owner}.{field}`, {documented}: that field is {} that table", if list { "a list of" } else { "an object of" }),
    );
    Some(block)
}

/// The rows of the table a field's schema refers to when that table was only guessed: the type
/// cell names no type (`tags | Array of objects`) and the description refers to no table, so the
/// resolver took a table named after the field (`Tag` for `tags`).
fn guessed_table(resolver: &Resolver<'_, '_>, f: &Field) -> Option<(String, BTreeSet<String>)> {
    let name = match &f.schema.kind {
        SchemaKind::Ref { name } => name,
        SchemaKind::Array { items } => match &items.kind {
            SchemaKind::Ref { name } => name,
            _ => return None,
        },
        _ => return None,
    };
    use crate::extract::types::{parse_type, TypeExpr};
    let raw = f.schema.raw_type.as_deref()?;
    let generic = match parse_type(raw) {
        TypeExpr::Object => true,
        TypeExpr::Array(inner) => *inner == TypeExpr::Object,
        _ => false,
    };
    let description = f.schema.description.as_deref().unwrap_or("");
    let refers = super::super::resolve::TABLE_REF.is_match(description)
        || super::super::resolve::TABLE_REF.is_match(raw)
        || super::super::vocab::refers_elsewhere(description);
    if !generic || refers {
        return None;
    }
    let SchemaKind::Object { fields } = &resolver.registry.schemas.get(name)?.schema.kind else {
        return None;
    };
    Some((
        name.clone(),
        fields.iter().map(|f| f.name.clone()).collect(),
    ))
}

/// The keys of the objects `value` shows in field `f` of named schema `owner`, when the
/// documentation leaves that field free-form (a free-form value or a list of them), its
/// table was only guessed, or it types the field as a scalar that the examples show as objects
/// (`loadbalancers | String | 关联的负载均衡器ID的列表` shown as `[{"id": …}]`).
fn note_free_form_keys(
    resolver: &Resolver<'_, '_>,
    seen: &mut Seen,
    owner: &str,
    f: &Field,
    value: &Value,
) {
    let guessed_rows = guessed_table(resolver, f);
    let scalar = matches!(
        f.schema.kind,
        SchemaKind::String { .. }
            | SchemaKind::Integer { .. }
            | SchemaKind::Number { .. }
            | SchemaKind::Boolean
    );
    let free_form = guessed_rows.is_some()
        || scalar
        || match &f.schema.kind {
            SchemaKind::Any => true,
            SchemaKind::Array { items } => matches!(items.kind, SchemaKind::Any),
            _ => false,
        };
    let objects: Vec<&serde_json::Map<String, Value>> = match value {
        Value::Object(o) if free_form => vec![o],
        Value::Array(items) if free_form => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    };
    // Whether the example shows objects there (a list of them): null or an empty list says
    // nothing. A scalar shown once as anything else is no table's.
    let shows_objects = match value {
        Value::Null => None,
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => Some(items.iter().all(Value::is_object)),
        other => Some(other.is_object()),
    };
    if scalar && shows_objects == Some(false) {
        seen.free
            .entry((owner.to_string(), f.name.clone()))
            .or_default()
            .scalar = Some(false);
        return;
    }
    if objects.is_empty() {
        return;
    }
    let at = seen
        .free
        .entry((owner.to_string(), f.name.clone()))
        .or_default();
    at.list |= value.is_array();
    at.guessed_rows = guessed_rows;
    if scalar {
        at.scalar.get_or_insert(true);
    }
    for o in objects {
        at.keys.extend(o.keys().cloned());
    }
}

/// Record the keys `value` shows in objects of named schemas that lack them, and the keys of
/// the objects it shows in their free-form fields. An object counts only when it holds a
/// documented field (a wrapper `{"loadbalancer": {…}}` holds none).
fn walk(
    resolver: &Resolver<'_, '_>,
    schema: &Schema,
    value: &Value,
    owner: Option<&str>,
    seen: &mut Seen,
    depth: usize,
) {
    // Examples are finite; the bound guards against a pathological document.
    if depth > 32 {
        return;
    }
    match (&schema.kind, value) {
        (SchemaKind::Ref { name }, _) => {
            if let Some(named) = resolver.registry.schemas.get(name) {
                walk(resolver, &named.schema, value, Some(name), seen, depth + 1);
            }
        }
        (SchemaKind::Object { fields }, Value::Object(map)) => {
            let documented = |k: &String| fields.iter().any(|f| f.name == *k);
            if let Some(owner) = owner.filter(|_| map.keys().any(documented)) {
                for (key, v) in map.iter().filter(|(k, _)| !documented(k)) {
                    seen.shown.push(Shown {
                        owner: owner.to_string(),
                        key: key.clone(),
                        list: v.is_array(),
                    });
                }
            }
            for f in fields {
                let Some(v) = map.get(&f.name) else {
                    continue;
                };
                if let Some(owner) = owner {
                    note_free_form_keys(resolver, seen, owner, f, v);
                }
                walk(resolver, &f.schema, v, None, seen, depth + 1);
            }
        }
        // A list of the objects a table documents as one (an example shape evidence accepts).
        (SchemaKind::Object { .. }, Value::Array(items)) => {
            for item in items {
                walk(resolver, schema, item, owner, seen, depth + 1);
            }
        }
        (SchemaKind::Array { items }, Value::Array(values)) => {
            for v in values {
                walk(resolver, items, v, None, seen, depth + 1);
            }
        }
        (SchemaKind::Map { values }, Value::Object(map)) => {
            for v in map.values() {
                walk(resolver, values, v, None, seen, depth + 1);
            }
        }
        _ => {}
    }
}
