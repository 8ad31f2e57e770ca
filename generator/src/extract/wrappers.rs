//! Bodies whose examples wrap the documented object in one more key. Pages document
//! `{"job": {…}}` by a table of the job's fields alone (the wrapper shows only in the
//! examples), or a list `{"jobs": [{…}]}` by a table of one item: a client decoding the table's
//! shape would find none of its fields. Where every JSON example of a body is an object with
//! one key the table does not declare, whose value is an object (or an array of objects)
//! made mostly of the declared fields, the body becomes that wrapper around the documented
//! schema, with a diagnostic naming the examples. The table stays the truth for the fields;
//! the examples only prove the wrapper.
//!
//! The reverse happens too: a body table copied from a list page (`{"items": NodePool}`) on a
//! page whose every example is one NodePool (none has `items`, and their keys are mostly the
//! NodePool table's fields, more of them than the body table's). There the body becomes the
//! field's schema. The wrapper is required in a request body and optional
//! in a response (the table states no presence for it).
//!
//! And a list page may show one item alone: a body `{"products": [Product]}` whose every
//! example is one Product (none has `products`, their keys mostly the Product table's). There
//! the table is right and the examples elide the wrapper: each becomes `{"products": [item]}`.

use crate::diag::catalogue;
use crate::diag::Diagnostics;
use crate::diag::Span;
use crate::ir::{Api, Example, ExampleValue, Field, Operation, Schema, SchemaKind};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// How the examples wrap the documented object.
#[derive(Debug, PartialEq)]
struct Wrapper {
    key: String,
    /// `{"key": [{…}, …]}`: an array of the documented object.
    array: bool,
    /// A wrapper inside this one (`{"quotas": {"resource": {…}}}`): the documented object is
    /// in the innermost.
    inner: Option<Box<Wrapper>>,
}

/// What the examples prove about the body's shape.
enum Fix {
    Wrap(Wrapper),
    /// The body is the schema of its field of this name.
    Unwrap(String, Box<Schema>),
    /// Every example is one item of the body's list field of this name.
    ItemOf(String),
}

pub fn wrap_by_examples(api: &mut Api, diags: &mut Diagnostics) {
    let mut found = Vec::new();
    for (i, op) in api.operations.iter().enumerate() {
        for (status, schema, examples, span) in bodies(op) {
            if let Some(fix) = fix(api, schema, examples) {
                found.push((i, status, fix, span.clone(), first_example(examples)));
            }
        }
    }
    for (i, status, fix, span, example) in found {
        let op = &mut api.operations[i];
        if let Fix::ItemOf(field) = &fix {
            let id = op.id.clone();
            for e in examples_mut(op, &status).into_iter().flatten() {
                if let ExampleValue::Json(v) = &mut e.value {
                    let item = std::mem::take(v);
                    let mut wrapper = Map::new();
                    wrapper.insert(field.clone(), Value::Array(vec![item]));
                    *v = Value::Object(wrapper);
                    diags.add(
                        &e.span,
                        catalogue::EXAMPLE_ITEM_OF_LIST,
                        format!("the example of `{}` is one item of its `{field}` list, without the body around it: taken as `{{\"{field}\": [item]}}`", id),
                    );
                }
            }
            continue;
        }
        let (schema, what) = match &status {
            None => (
                op.request_body.as_mut().map(|b| &mut b.schema),
                "request body".to_string(),
            ),
            Some(s) => (
                op.responses
                    .get_mut(s)
                    .and_then(|r| r.body.as_mut())
                    .map(|b| &mut b.schema),
                format!("response {s}"),
            ),
        };
        let Some(schema) = schema else { continue };
        let w = match fix {
            Fix::Wrap(w) => w,
            Fix::ItemOf(_) => continue, // handled above
            Fix::Unwrap(field, inner) => {
                *schema = *inner;
                diags.add(
                    &span,
                    catalogue::SCHEMA_UNWRAPPED_BY_EXAMPLE,
                    format!(
                        "the {what} of `{}`: its table documents a field `{field}`, but every example (first at {example}) is the `{field}` object itself, without it: the body is the `{field}` schema",
                        op.id
                    ),
                );
                continue;
            }
        };
        let documented = std::mem::replace(schema, Schema::new(SchemaKind::Any));
        let span_of_table = documented.span.clone();
        // The layers from the innermost out.
        let mut layers = vec![&w];
        while let Some(inner) = &layers[layers.len() - 1].inner {
            layers.push(inner);
        }
        let mut body = documented;
        for layer in layers.iter().rev() {
            let inner = if layer.array {
                Schema::new(SchemaKind::Array {
                    items: Box::new(body),
                })
            } else {
                body
            };
            // The table states no presence for a key only the examples show: a request must
            // send it (the service reads its fields from there), a response may be decoded
            // without it (a client that rejects an answer for an absent wrapper is worse than
            // an empty one).
            body = Schema::new(SchemaKind::Object {
                fields: vec![Field {
                    name: layer.key.clone(),
                    required: status.is_none(),
                    schema: inner,
                }],
            });
        }
        body.span = span_of_table;
        *schema = body;
        let mut shape = String::from("{…}");
        for layer in layers.iter().rev() {
            let inner = if layer.array {
                format!("[{shape}]")
            } else {
                shape
            };
            shape = format!("{{\"{}\": {inner}}}", layer.key);
        }
        // Innermost first: "wraps in `resource` in `quotas`".
        let keys: Vec<String> = layers
            .iter()
            .rev()
            .map(|l| format!("`{}`", l.key))
            .collect();
        diags.add(
            &span,
            catalogue::SCHEMA_WRAPPED_BY_EXAMPLE,
            format!(
                "the {what} of `{}`: its table lists the fields of the object that every example (first at {example}) wraps in {}: the body is `{shape}`",
                op.id,
                keys.join(" in ")
            ),
        );
    }
}

/// Examples that each show one field's value of a body (of one list field shown as the bare
/// list, or of several fields) whose other examples may show another
/// (`Example 1` the `resources` list, `Example 2` the `page_info` object): each is taken inside
/// its field. Runs after [`wrap_by_examples`], which fixes what every example agrees on.
pub fn examples_of_one_field(api: &mut Api, diags: &mut Diagnostics) {
    let mut found: Vec<(usize, Option<String>, usize, String)> = Vec::new();
    for (i, op) in api.operations.iter().enumerate() {
        for (status, schema, examples, _) in bodies(op) {
            for (n, e) in examples.iter().enumerate() {
                if let ExampleValue::Json(v) = &e.value {
                    if let Some(field) = the_one_field_shown(api, schema, v) {
                        found.push((i, status.clone(), n, field));
                    }
                }
            }
        }
    }
    for (i, status, n, field) in found {
        let op = &mut api.operations[i];
        let id = op.id.clone();
        let Some(e) = examples_mut(op, &status).and_then(|es| es.get_mut(n)) else {
            continue;
        };
        if let ExampleValue::Json(v) = &mut e.value {
            let value = std::mem::take(v);
            *v = Value::Object(Map::from_iter([(field.clone(), value)]));
            diags.add(
                &e.span,
                catalogue::EXAMPLE_FIELD_VALUE,
                format!(
                    "the example of `{id}` shows only the value of its `{field}` field: taken as `{{\"{field}\": …}}`"
                ),
            );
        }
    }
}

/// The one field of a body whose value `value` is, holding none of the body's fields: a list
/// of the field's item objects, or (for a body of several fields) the field's object (mostly
/// its fields).
fn the_one_field_shown(api: &Api, schema: &Schema, value: &Value) -> Option<String> {
    let SchemaKind::Object { fields } = &api.resolve(schema).kind else {
        return None;
    };
    let declared: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    // A body of one field shown as that field's object is [`wrap_by_examples`]' to judge; a
    // bare list of its items (`[{"agency": …}]` for `agency_mappings | Array of AgencyMapping
    // objects`) is taken inside it here.
    if declared.is_empty() || (declared.len() == 1 && !value.is_array()) {
        return None;
    }
    if let Value::Object(o) = value {
        if o.keys().any(|k| declared.contains(k.as_str())) {
            return None;
        }
    }
    fn object_fields<'a>(api: &'a Api, s: &'a Schema) -> Option<BTreeSet<&'a str>> {
        let SchemaKind::Object { fields: inner } = &api.resolve(s).kind else {
            return None;
        };
        Some(inner.iter().map(|f| f.name.as_str()).collect())
    }
    let shows = |f: &Field| match (&api.resolve(&f.schema).kind, value) {
        (SchemaKind::Array { items }, Value::Array(values)) if !values.is_empty() => {
            object_fields(api, items).is_some_and(|inner| {
                values
                    .iter()
                    .all(|v| is_the_field_object(v, &f.name, &declared, &inner))
            })
        }
        (SchemaKind::Object { .. }, Value::Object(_)) => object_fields(api, &f.schema)
            .is_some_and(|inner| is_the_field_object(value, &f.name, &declared, &inner)),
        _ => false,
    };
    match only(fields.iter().filter(|f| shows(f))) {
        Only::One(f) => Some(f.name.clone()),
        _ => None,
    }
}

/// An operation's bodies with their examples: the request's (no status), then each response's.
fn bodies(op: &Operation) -> impl Iterator<Item = (Option<String>, &Schema, &[Example], &Span)> {
    let request = op
        .request_body
        .iter()
        .map(|b| (None, &b.schema, b.examples.as_slice(), &b.span));
    let responses = op.responses.iter().filter_map(|(status, r)| {
        r.body.as_ref().map(|b| {
            (
                Some(status.clone()),
                &b.schema,
                r.examples.as_slice(),
                &b.span,
            )
        })
    });
    request.chain(responses)
}

/// The examples of the body [`bodies`] names by `status`.
fn examples_mut<'o>(
    op: &'o mut Operation,
    status: &Option<String>,
) -> Option<&'o mut Vec<Example>> {
    match status {
        None => op.request_body.as_mut().map(|b| &mut b.examples),
        Some(s) => op.responses.get_mut(s).map(|r| &mut r.examples),
    }
}

fn first_example(examples: &[Example]) -> String {
    examples
        .iter()
        .find(|e| matches!(e.value, ExampleValue::Json(_)))
        .map(|e| format!("{}:{}", e.span.file, e.span.start))
        .unwrap_or_default()
}

/// What every JSON example of a body proves about its shape, if they agree.
fn fix(api: &Api, schema: &Schema, examples: &[Example]) -> Option<Fix> {
    let SchemaKind::Object { fields } = &api.resolve(schema).kind else {
        return None;
    };
    let declared: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    if declared.is_empty() {
        return None;
    }
    let values: Vec<&Value> = examples
        .iter()
        .filter_map(|e| match &e.value {
            ExampleValue::Json(v) => Some(v),
            _ => None,
        })
        .collect();
    let (first, rest) = values.split_first()?;
    if let Some(w) = wrapped(first, &declared) {
        if rest
            .iter()
            .all(|v| wrapped(v, &declared).as_ref() == Some(&w))
        {
            return Some(Fix::Wrap(w));
        }
        return None;
    }
    // The one object field whose table every example is, if exactly one is; else the one
    // list field whose item table every example is.
    let every_example_is = |object: &Schema, name: &str| {
        let SchemaKind::Object { fields: inner } = &api.resolve(object).kind else {
            return false;
        };
        let inner: BTreeSet<&str> = inner.iter().map(|f| f.name.as_str()).collect();
        values
            .iter()
            .all(|v| is_the_field_object(v, name, &declared, &inner))
    };
    match only(
        fields
            .iter()
            .filter(|f| every_example_is(&f.schema, &f.name)),
    ) {
        Only::One(f) => return Some(Fix::Unwrap(f.name.clone(), Box::new(f.schema.clone()))),
        Only::Several => return None,
        Only::None => {}
    }
    let items_of = fields
        .iter()
        .filter(|f| match &api.resolve(&f.schema).kind {
            SchemaKind::Array { items } => every_example_is(items, &f.name),
            _ => false,
        });
    match only(items_of) {
        Only::One(f) => Some(Fix::ItemOf(f.name.clone())),
        _ => None,
    }
}

/// How many items an iterator yields, as far as "exactly one" goes.
enum Only<T> {
    None,
    One(T),
    Several,
}

fn only<T>(mut items: impl Iterator<Item = T>) -> Only<T> {
    match (items.next(), items.next()) {
        (None, _) => Only::None,
        (Some(x), None) => Only::One(x),
        (Some(_), Some(_)) => Only::Several,
    }
}

/// An example object without the body's field `name` whose keys are mostly (two thirds) the
/// field's own fields (`inner`), more of them than the body's (`declared`); or, for a body of
/// that one field, only the field's own fields.
fn is_the_field_object(
    value: &Value,
    name: &str,
    declared: &BTreeSet<&str>,
    inner: &BTreeSet<&str>,
) -> bool {
    let Value::Object(object) = value else {
        return false;
    };
    if object.contains_key(name) || object.is_empty() {
        return false;
    }
    let known = object.keys().filter(|k| inner.contains(k.as_str())).count();
    let by_body = object
        .keys()
        .filter(|k| declared.contains(k.as_str()))
        .count();
    // A body of one row naming its object's type (`PlasConnectorService |
    // PlasConnectorCreateReq object`) and examples made only of that object's fields
    // (`{"connector": {…}}`): the row is a label, the body that object.
    if declared.len() == 1 && known == object.len() {
        return true;
    }
    if object.len() < 2 {
        return false;
    }
    // Two thirds and at least two keys: an example copied from another page (a list's
    // `{"users": [...], "links": {...}}` under one user's table) shares a key or so by chance.
    known >= 2 && known * 3 >= object.len() * 2 && known > by_body
}

/// `{"key": {…}}` or `{"key": [{…}, …]}` whose inner objects are mostly `declared` fields,
/// `key` not being one. Beside a list, undeclared scalars such as a count may stand
/// (`{"total": 2, "callback_config": [{…}]}`: a list page documented by its item's table); the
/// evidence adds them to the wrapper.
fn wrapped(value: &Value, declared: &BTreeSet<&str>) -> Option<Wrapper> {
    let Value::Object(outer) = value else {
        return None;
    };
    if outer.keys().any(|k| declared.contains(k.as_str())) {
        return None;
    }
    let structured = |v: &Value| v.is_object() || v.is_array();
    let [(key, inner)] = outer
        .iter()
        .filter(|(_, v)| structured(v))
        .collect::<Vec<_>>()[..]
    else {
        return None;
    };
    if outer.len() > 1 && !inner.is_array() {
        return None;
    }
    let (objects, array): (Vec<&Map<String, Value>>, bool) = match inner {
        Value::Object(o) => (vec![o], false),
        Value::Array(items) if !items.is_empty() => (
            items.iter().map(Value::as_object).collect::<Option<_>>()?,
            true,
        ),
        _ => return None,
    };
    let keys: BTreeSet<&str> = objects
        .iter()
        .flat_map(|o| o.keys().map(String::as_str))
        .collect();
    let known = keys.iter().filter(|k| declared.contains(*k)).count();
    // Mostly the documented fields: an unrelated object that shares a name or two (`id`)
    // is not this table's.
    if known > 0 && known * 2 >= keys.len() {
        return Some(Wrapper {
            key: key.clone(),
            array,
            inner: None,
        });
    }
    // One wrapper inside another (`{"quotas": {"resource": {…}}}`): one object, one key.
    match objects[..] {
        [only] if !array && only.len() == 1 => {
            let inner = wrapped(inner, declared)?;
            Some(Wrapper {
                key: key.clone(),
                array,
                inner: Some(Box::new(inner)),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn declared() -> BTreeSet<&'static str> {
        ["id", "name", "status", "created"].into()
    }

    #[test]
    fn one_undeclared_key_around_mostly_declared_fields() {
        let job = json!({ "job": { "id": "1", "name": "a", "status": "Completed", "extra": 1 } });
        assert_eq!(
            wrapped(&job, &declared()),
            Some(Wrapper {
                key: "job".into(),
                array: false,
                inner: None
            })
        );
        let list = json!({ "jobs": [{ "id": "1" }, { "id": "2", "name": "b" }] });
        assert_eq!(
            wrapped(&list, &declared()),
            Some(Wrapper {
                key: "jobs".into(),
                array: true,
                inner: None
            })
        );
        // A count beside the list (a list page documented by its item's table).
        let counted = json!({ "total": 2, "jobs": [{ "id": "1" }, { "id": "2" }] });
        assert_eq!(
            wrapped(&counted, &declared()),
            Some(Wrapper {
                key: "jobs".into(),
                array: true,
                inner: None
            })
        );
        // Not beside one object, nor when a sibling is a documented field (then the table is
        // the outer object's).
        let beside_object = json!({ "total": 2, "job": { "id": "1", "name": "a" } });
        assert_eq!(wrapped(&beside_object, &declared()), None);
        let documented = json!({ "status": "ok", "jobs": [{ "id": "1" }] });
        assert_eq!(wrapped(&documented, &declared()), None);
        // A wrapper in a wrapper.
        let twice = json!({ "quotas": { "resource": { "id": "1", "name": "a" } } });
        assert_eq!(
            wrapped(&twice, &declared()),
            Some(Wrapper {
                key: "quotas".into(),
                array: false,
                inner: Some(Box::new(Wrapper {
                    key: "resource".into(),
                    array: false,
                    inner: None
                }))
            })
        );
    }

    #[test]
    fn the_field_object_itself_and_not_another_page_s_example() {
        let body: BTreeSet<&str> = ["kind", "apiVersion", "items"].into();
        let pool: BTreeSet<&str> = ["kind", "apiVersion", "metadata", "spec", "status"].into();
        let one_pool =
            json!({ "kind": "NodePool", "apiVersion": "v3", "metadata": {}, "spec": {} });
        assert!(is_the_field_object(&one_pool, "items", &body, &pool));
        let list = json!({ "kind": "List", "items": [] });
        assert!(!is_the_field_object(&list, "items", &body, &pool));
        let user: BTreeSet<&str> = ["id", "name", "links"].into();
        let users_page = json!({ "users": [{ "id": "1" }], "links": {} });
        assert!(!is_the_field_object(
            &users_page,
            "user",
            &["user"].into(),
            &user
        ));
    }

    #[test]
    fn no_wrapper_where_the_examples_do_not_prove_one() {
        // The key is documented: the table describes the wrapper itself.
        assert_eq!(
            wrapped(&json!({ "name": { "id": "1" } }), &declared()),
            None
        );
        // Two keys, a scalar, an unrelated object, an empty list.
        assert_eq!(
            wrapped(&json!({ "job": { "id": "1" }, "x": 1 }), &declared()),
            None
        );
        assert_eq!(wrapped(&json!({ "job": "1" }), &declared()), None);
        let unrelated = json!({ "error": { "id": "1", "code": "E1", "message": "m" } });
        assert_eq!(wrapped(&unrelated, &declared()), None);
        assert_eq!(wrapped(&json!({ "jobs": [] }), &declared()), None);
    }
}
