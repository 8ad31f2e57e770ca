//! `components/schemas`. OpenAPI 3.0 restricts component keys to `[a-zA-Z0-9._-]`, while
//! documentation names can be anything (CJK text, spaces); such names are rewritten here,
//! deterministically and collision-free, and the documented name is kept in `x-docbind-name`.
//! So are names that differ from an earlier one only in ways code generators erase (case).

use super::schema::{schema, SchemaContext};
use crate::ir;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

fn is_valid_key(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Two component names that code generators would turn into the same class or file name:
/// `L7Policy` and `L7policy` are both the class `L7Policy` in openapi-python-client (which then
/// drops both models and every operation using them) and the same file on a case-insensitive
/// file system.
fn clash_key(name: &str) -> String {
    super::consumers::pascal_case(name).to_lowercase()
}

/// IR schema key → component name. Valid names are kept as they are and claimed first (in
/// order), so a rewritten name never displaces a documented one; a valid name that clashes
/// with an earlier one in generated code (see `clash_key`) is rewritten like an invalid one.
pub fn component_names(api: &ir::Api) -> BTreeMap<String, String> {
    let mut classes: BTreeSet<String> = BTreeSet::new();
    let kept: BTreeSet<&String> = api
        .schemas
        .keys()
        .filter(|k| is_valid_key(k) && classes.insert(clash_key(k)))
        .collect();
    let mut used: BTreeSet<String> = kept.iter().map(|k| k.to_string()).collect();
    let mut names = BTreeMap::new();
    for (n, key) in api.schemas.keys().enumerate() {
        if kept.contains(key) {
            names.insert(key.clone(), key.clone());
            continue;
        }
        let cleaned: String = key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect::<String>()
            .split('_')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("_");
        let stem = if cleaned.is_empty() {
            format!("Schema{}", n + 1)
        } else {
            cleaned
        };
        let mut candidate = stem.clone();
        let mut counter = 2;
        while used.contains(&candidate) || !classes.insert(clash_key(&candidate)) {
            candidate = format!("{stem}_{counter}");
            counter += 1;
        }
        used.insert(candidate.clone());
        names.insert(key.clone(), candidate);
    }
    names
}

pub fn schemas(api: &ir::Api, ctx: &SchemaContext) -> Map<String, Value> {
    let mut out: Vec<(String, Value)> = api
        .schemas
        .iter()
        .map(|(key, named)| {
            let mut value = schema(&named.schema, ctx);
            if ctx.component_names[key] != named.name {
                if let Value::Object(m) = &mut value {
                    m.insert("x-docbind-name".into(), named.name.as_str().into());
                }
            }
            (ctx.component_names[key].clone(), value)
        })
        .collect();
    // Ordered by the name that appears in the document.
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().collect()
}
