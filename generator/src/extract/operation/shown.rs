//! Tables no field references, tied to a field by the operation's own examples: a table
//! captioned with a plain name (`Table 4 listeners parameter description`) where the examples
//! show that key inside an object whose table lacks it (the `loadbalancer` table copied from the
//! create request, without `listeners`, while every response example holds `"listeners": [{"id":
//! …}]`). The object gets the field, optional, of that table — a list of them where the examples
//! show a list.

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
            Purpose::Object(name) if crate::extract::text::is_identifier(name) => {
                Some((f.block, name.as_str()))
            }
            _ => None,
        })
        .collect();
    if orphans.is_empty() {
        return;
    }
    let mut shown = Vec::new();
    let bodies = request_body.iter().map(|b| (&b.schema, &b.examples)).chain(
        responses
            .values()
            .filter_map(|r| r.body.as_ref().map(|b| (&b.schema, &r.examples))),
    );
    for (schema, examples) in bodies {
        for example in examples {
            if let ExampleValue::Json(value) = &example.value {
                walk(resolver, schema, value, None, &mut shown, 0);
            }
        }
    }
    for (block, name) in orphans {
        let key = name_key(name);
        let holders: BTreeSet<(&str, &str)> = shown
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
            let list = shown
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

/// Record the keys `value` shows in objects of named schemas that lack them. An object counts
/// only when it holds a documented field (a wrapper `{"loadbalancer": {…}}` holds none).
fn walk(
    resolver: &Resolver<'_, '_>,
    schema: &Schema,
    value: &Value,
    owner: Option<&str>,
    shown: &mut Vec<Shown>,
    depth: usize,
) {
    // Examples are finite; the bound guards against a pathological document.
    if depth > 32 {
        return;
    }
    match (&schema.kind, value) {
        (SchemaKind::Ref { name }, _) => {
            if let Some(named) = resolver.registry.schemas.get(name) {
                walk(resolver, &named.schema, value, Some(name), shown, depth + 1);
            }
        }
        (SchemaKind::Object { fields }, Value::Object(map)) => {
            let documented = |k: &String| fields.iter().any(|f| f.name == *k);
            if let Some(owner) = owner.filter(|_| map.keys().any(documented)) {
                for (key, v) in map.iter().filter(|(k, _)| !documented(k)) {
                    shown.push(Shown {
                        owner: owner.to_string(),
                        key: key.clone(),
                        list: v.is_array(),
                    });
                }
            }
            for f in fields {
                if let Some(v) = map.get(&f.name) {
                    walk(resolver, &f.schema, v, None, shown, depth + 1);
                }
            }
        }
        // A list of the objects a table documents as one (an example shape evidence accepts).
        (SchemaKind::Object { .. }, Value::Array(items)) => {
            for item in items {
                walk(resolver, schema, item, owner, shown, depth + 1);
            }
        }
        (SchemaKind::Array { items }, Value::Array(values)) => {
            for v in values {
                walk(resolver, items, v, None, shown, depth + 1);
            }
        }
        (SchemaKind::Map { values }, Value::Object(map)) => {
            for v in map.values() {
                walk(resolver, values, v, None, shown, depth + 1);
            }
        }
        _ => {}
    }
}
