//! Tables of a field's values (`表 2 tls_ciphers_policy取值说明`: `安全策略 | 支持的TLS版本类型 |
//! 使用的加密套件列表`, one value per row in the first column): the value list of the
//! operation's fields of that name (added to the one its description gives), each value
//! described by the rest of its row. A table whose
//! field no part of the operation names, or whose first column holds no plain values, is
//! ignored and said — never an unclassified table.

use super::super::resolve::Resolver;
use super::blocks::{Found, Purpose};
use crate::diag::catalogue;
use crate::doc::Table;
use crate::ir::{EnumValue, Parameter, RequestBody, Response, Schema, SchemaKind};
use std::collections::{BTreeMap, BTreeSet};

/// Give the fields named by value tables their values; returns the tables used.
pub(super) fn apply_value_tables(
    resolver: &mut Resolver<'_, '_>,
    found: &[Found<'_>],
    parameters: &mut [Parameter],
    request_body: &Option<RequestBody>,
    responses: &BTreeMap<String, Response>,
) {
    for f in found {
        let Purpose::Values(field) = &f.purpose else {
            continue;
        };
        let span = resolver.index.doc.blocks[f.block].span.clone();
        let Some(values) = values_of(f.table) else {
            resolver.diags.add(&span, catalogue::TABLE_IGNORED, format!("table not used: the values of `{field}`, but its first column holds no plain values"));
            continue;
        };
        let mut given = 0;
        for p in parameters.iter_mut().filter(|p| p.name == *field) {
            given += usize::from(set_values(&mut p.schema, &values));
        }
        for name in reachable(resolver, request_body, responses) {
            if let Some(named) = resolver.registry.schemas.get_mut(&name) {
                given += in_fields(&mut named.schema, field, &values);
            }
        }
        if given == 0 {
            resolver.diags.add(&span, catalogue::TABLE_IGNORED, format!("table not used: the values of `{field}`, which names no string or integer field of the operation"));
            continue;
        }
        resolver.used.insert(f.block);
        let listed: Vec<String> = values
            .iter()
            .take(4)
            .map(|v| format!("`{}`", v.0))
            .collect();
        let more = if values.len() > 4 { ", …" } else { "" };
        resolver.diags.add(
            &span,
            catalogue::ENUM_FROM_VALUES_TABLE,
            format!("the table lists the values of `{field}` ({}{more}): {given} field(s) of that name take them", listed.join(", ")),
        );
    }
}

/// The first column's values, each with the rest of its row as its meaning: one at least, each
/// one plain token (no spaces), none twice.
fn values_of(table: &Table) -> Option<Vec<(String, Option<String>)>> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for row in &table.rows {
        let value = row.cells.first()?.text.one_line().replace("**", "");
        let value = value.trim();
        if value.is_empty() || value.contains(char::is_whitespace) || value.chars().count() > 64 {
            return None;
        }
        if out.iter().any(|(v, _)| v == value) {
            return None;
        }
        let meaning: Vec<String> = row.cells[1..]
            .iter()
            .map(|c| super::super::text::describe(&c.text))
            .filter(|d| !d.is_empty())
            .collect();
        out.push((
            value.to_string(),
            Some(meaning.join(" | ")).filter(|m| !m.is_empty()),
        ));
    }
    (!out.is_empty()).then_some(out)
}

/// The named schemas the operation's bodies reach.
fn reachable(
    resolver: &Resolver<'_, '_>,
    request_body: &Option<RequestBody>,
    responses: &BTreeMap<String, Response>,
) -> BTreeSet<String> {
    let roots = super::shown::bodies_and_examples(request_body, responses)
        .flat_map(|(schema, _)| schema.references())
        .map(str::to_string)
        .collect();
    super::super::referenced_from(roots, resolver.registry)
}

/// Give the fields named `field` within `schema` (inline objects, lists and maps included) the
/// values; how many took them.
fn in_fields(schema: &mut Schema, field: &str, values: &[(String, Option<String>)]) -> usize {
    let mut given = 0;
    schema.walk_mut(&mut |node| {
        if let SchemaKind::Object { fields } = &mut node.kind {
            for f in fields.iter_mut().filter(|f| f.name == field) {
                given += usize::from(set_values(&mut f.schema, values));
            }
        }
    });
    given
}

/// Values for a string field (or a list of strings); integers for an integer field when every
/// value is one. A list the description already gave gains the table's other values, and its
/// values the table's meanings.
fn set_values(schema: &mut Schema, values: &[(String, Option<String>)]) -> bool {
    let target = match &mut schema.kind {
        SchemaKind::Array { items } => items.as_mut(),
        _ => schema,
    };
    let typed: Option<Vec<serde_json::Value>> = match target.kind {
        SchemaKind::String { .. } => Some(values.iter().map(|(v, _)| v.clone().into()).collect()),
        SchemaKind::Integer { .. } => values
            .iter()
            .map(|(v, _)| v.parse::<i64>().ok().map(Into::into))
            .collect(),
        _ => None,
    };
    let Some(typed) = typed else {
        return false;
    };
    for (value, (_, meaning)) in typed.into_iter().zip(values) {
        match target.enum_values.iter_mut().find(|e| e.value == value) {
            Some(known) => {
                if known.description.is_none() {
                    known.description = meaning.clone();
                }
            }
            None => target.enum_values.push(EnumValue {
                value,
                description: meaning.clone(),
            }),
        }
    }
    true
}
