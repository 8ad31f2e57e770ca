//! `docbind report`: how much of the documentation became typed API, as figures that can be
//! compared over time. `summary` holds the ratcheted figures (each with the direction that is
//! better); the rest explains them (non-conformant examples with provenance, diagnostics by
//! code). `spec/report-baseline.json` is the committed baseline a test compares against.

use crate::allowlist::ExampleAllowlist;
use crate::conformance::{check_examples, ExampleSite, Outcome};
use crate::diag::Severity;
use crate::extract::Coverage;
use crate::ir::{Api, Schema, SchemaKind, Via};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether a larger figure is an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: u64,
    pub better: Better,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub sources: Vec<String>,
    /// The ratcheted figures, by name.
    pub summary: BTreeMap<String, Figure>,
    pub coverage: serde_json::Value,
    pub fields: FieldCounts,
    pub enums: EnumCounts,
    pub examples: ExampleCounts,
    /// Diagnostics by code (all severities).
    pub diagnostics: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FieldCounts {
    /// Fields, parameters and headers with a schema, counted once per occurrence (named
    /// schemas once).
    pub total: u64,
    pub typed: u64,
    pub free_form: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EnumCounts {
    /// Schemas with a value list.
    pub enums: u64,
    pub values: u64,
    pub defaults: u64,
    /// Schemas with at least one length or range limit.
    pub constrained: u64,
    /// Facts read from description prose (each with provenance in the IR).
    pub mined_facts: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExampleCounts {
    pub total: u64,
    pub valid_json: u64,
    /// Valid JSON with a body schema to check against.
    pub checked: u64,
    pub conformant: u64,
    pub no_schema: u64,
    pub not_json: u64,
    /// JSON cut short by the page and closed (`example.cut-short`): its field paths count for
    /// coverage, it is not checked.
    #[serde(default)]
    pub cut_short: u64,
    /// conformant / checked, in percent (two decimals).
    pub conformant_percent: f64,
    /// Field paths (`a.b[].c`) in valid JSON request and 2xx response examples, and how many
    /// of them the operation's schema declares: the docs' own examples as the oracle of
    /// fidelity. Below a free-form value nothing counts as declared.
    pub fields: u64,
    pub fields_declared: u64,
    /// fields_declared / fields, in percent (two decimals).
    pub field_coverage_percent: f64,
    /// Of the undeclared field paths, those below a value the documentation gives no
    /// structure (`Object` without a table, `Map<String,Object>`: diagnosed `schema.free-form`).
    #[serde(default)]
    pub fields_below_free_form: u64,
    /// fields_declared / (fields − fields_below_free_form), in percent: how much of what the
    /// documentation structures the schemas declare.
    #[serde(default)]
    pub field_coverage_outside_free_form_percent: f64,
    /// Where the undeclared field paths start: each entry is a key no schema declares, whose
    /// whole subtree counts as undeclared (so the gaps can be reviewed one by one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undeclared_fields: Vec<UndeclaredField>,
    /// Values outside a documented (open) value list, with provenance: documentation
    /// findings, not failures (see [`crate::conformance`]).
    pub undocumented_enum_values: Vec<String>,
    pub non_conformant: Vec<NonConformant>,
}

/// An example's key that the operation's schema does not declare.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UndeclaredField {
    pub operation: String,
    /// `request` or the response status.
    pub status: String,
    /// `file:line` of the example.
    pub at: String,
    /// The key's path in the example (`a.b[].c`).
    pub path: String,
    /// Field paths in its subtree, itself included.
    pub fields: u64,
    /// Whether the enclosing value is declared free-form (`true`) or the key is missing from
    /// a documented object (`false`).
    pub below_free_form: bool,
    /// The example is a listed documentation defect (the allow-list's reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowlisted: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NonConformant {
    pub operation: String,
    pub status: String,
    pub index: usize,
    /// `file:line` of the example.
    pub at: String,
    pub errors: Vec<String>,
    /// The reviewed explanation from the allow-list, if listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowlisted: Option<String>,
}

/// Count a field's schema and the fields of inline objects nested in it (typed or free-form);
/// array items and map values are not fields of their own, but their facts count.
fn walk(s: &Schema, f: &mut FieldCounts, e: &mut EnumCounts) {
    s.walk(&mut |node, via| {
        if matches!(via, Via::Root | Via::Field(_)) {
            f.total += 1;
            if matches!(node.kind, SchemaKind::Any) {
                f.free_form += 1;
            } else {
                f.typed += 1;
            }
        }
        count_facts(node, e);
    });
}

fn count_facts(s: &Schema, e: &mut EnumCounts) {
    if !s.enum_values.is_empty() {
        e.enums += 1;
        e.values += s.enum_values.len() as u64;
    }
    e.defaults += u64::from(s.default.is_some());
    e.constrained += u64::from(!s.constraints.is_empty());
    e.mined_facts += s.mined.len() as u64;
}

/// Build the report for an extracted API.
pub fn build(api: &Api, coverage: &Coverage, allowlist: &ExampleAllowlist) -> Report {
    let mut fields = FieldCounts::default();
    let mut enums = EnumCounts::default();
    for op in &api.operations {
        for p in &op.parameters {
            walk(&p.schema, &mut fields, &mut enums);
        }
        for r in op.responses.values() {
            for h in &r.headers {
                walk(&h.schema, &mut fields, &mut enums);
            }
        }
    }
    for named in api.schemas.values() {
        if let SchemaKind::Object { fields: fs } = &named.schema.kind {
            fs.iter()
                .for_each(|x| walk(&x.schema, &mut fields, &mut enums));
        }
    }
    let mut examples = ExampleCounts::default();
    for check in check_examples(api) {
        examples.total += 1;
        match check.outcome {
            Outcome::Conformant {
                undocumented_values,
            } => {
                examples.valid_json += 1;
                examples.checked += 1;
                examples.conformant += 1;
                for value in undocumented_values {
                    examples.undocumented_enum_values.push(format!(
                        "{} {} #{} at {}: {value}",
                        check.site.operation, check.site.status, check.site.index, check.site.span
                    ));
                }
            }
            Outcome::NoSchema => {
                examples.valid_json += 1;
                examples.no_schema += 1;
            }
            Outcome::NotJson => examples.not_json += 1,
            Outcome::Partial => examples.cut_short += 1,
            Outcome::NonConformant { errors } => {
                examples.valid_json += 1;
                examples.checked += 1;
                let ExampleSite {
                    operation,
                    status,
                    index,
                    span,
                } = check.site;
                examples.non_conformant.push(NonConformant {
                    allowlisted: allowlist
                        .reason(&operation, &status, index)
                        .map(str::to_string),
                    at: span.to_string(),
                    operation,
                    status,
                    index,
                    errors,
                });
            }
        }
    }
    let (fields_seen, fields_declared, undeclared) = example_field_coverage(api, allowlist);
    examples.undeclared_fields = undeclared;
    examples.fields = fields_seen;
    examples.fields_declared = fields_declared;
    examples.field_coverage_percent = percent(fields_declared, fields_seen);
    examples.fields_below_free_form = examples
        .undeclared_fields
        .iter()
        .filter(|u| u.below_free_form)
        .map(|u| u.fields)
        .sum();
    examples.field_coverage_outside_free_form_percent = percent(
        fields_declared,
        fields_seen - examples.fields_below_free_form,
    );
    examples.conformant_percent = if examples.checked == 0 {
        100.0
    } else {
        (examples.conformant as f64 * 10000.0 / examples.checked as f64).round() / 100.0
    };
    let mut diagnostics: BTreeMap<String, usize> = BTreeMap::new();
    for d in api.diagnostics.iter() {
        *diagnostics.entry(d.code.clone()).or_default() += 1;
    }
    let code = |c: &str| diagnostics.get(c).copied().unwrap_or(0) as u64;
    let warnings = api
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .count() as u64;
    let unexplained = examples
        .non_conformant
        .iter()
        .filter(|n| n.allowlisted.is_none())
        .count() as u64;
    let summary: BTreeMap<String, Figure> = [
        ("operations", api.operations.len() as u64, Better::Higher),
        (
            "endpoints_extracted",
            coverage.endpoints_extracted as u64,
            Better::Higher,
        ),
        (
            "endpoints_missed",
            (coverage.endpoints_documented - coverage.endpoints_extracted) as u64,
            Better::Lower,
        ),
        ("example_fields_declared", fields_declared, Better::Higher),
        (
            "example_fields_undeclared",
            fields_seen - fields_declared,
            Better::Lower,
        ),
        ("schemas", api.schemas.len() as u64, Better::Higher),
        (
            "tables_consumed",
            coverage.tables_consumed as u64,
            Better::Higher,
        ),
        ("tables_orphaned", code("table.orphan"), Better::Lower),
        ("fields_typed", fields.typed, Better::Higher),
        ("fields_free_form", fields.free_form, Better::Lower),
        ("type_unknown", code("type.unknown"), Better::Lower),
        ("type_unresolved", code("type.unresolved"), Better::Lower),
        ("enums", enums.enums, Better::Higher),
        ("enum_values", enums.values, Better::Higher),
        ("defaults", enums.defaults, Better::Higher),
        ("constrained", enums.constrained, Better::Higher),
        ("examples_valid_json", examples.valid_json, Better::Higher),
        ("examples_conformant", examples.conformant, Better::Higher),
        (
            "examples_non_conformant_unexplained",
            unexplained,
            Better::Lower,
        ),
        ("warnings", warnings, Better::Lower),
    ]
    .into_iter()
    .map(|(k, value, better)| (k.to_string(), Figure { value, better }))
    .collect();
    Report {
        sources: api.sources.clone(),
        summary,
        coverage: serde_json::to_value(coverage).unwrap_or_default(),
        fields,
        enums,
        examples,
        diagnostics,
    }
}

/// The ratcheted figures of a report: all a baseline file needs (a full report JSON is one too).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    pub summary: BTreeMap<String, Figure>,
}

/// Figures of `current` that are worse than in `baseline` (name, baseline, current).
pub fn regressions(baseline: &Baseline, current: &Report) -> Vec<(String, u64, u64)> {
    let mut out = Vec::new();
    for (name, base) in &baseline.summary {
        let now = current.summary.get(name).map_or(0, |f| f.value);
        let worse = match base.better {
            Better::Higher => now < base.value,
            Better::Lower => now > base.value,
        };
        if worse {
            out.push((name.clone(), base.value, now));
        }
    }
    out
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        100.0
    } else {
        (part as f64 * 10000.0 / whole as f64).round() / 100.0
    }
}

/// (field paths seen, declared, where the undeclared ones start) over the valid JSON request
/// and 2xx response examples.
fn example_field_coverage(
    api: &Api,
    allowlist: &crate::allowlist::ExampleAllowlist,
) -> (u64, u64, Vec<UndeclaredField>) {
    let mut coverage = FieldCoverage::default();
    for op in &api.operations {
        let bodies = op
            .request_body
            .iter()
            .map(|b| ("request", Some(&b.schema), &b.examples))
            .chain(
                op.responses
                    .iter()
                    .filter(|(status, _)| status.starts_with('2'))
                    .map(|(status, r)| {
                        (
                            status.as_str(),
                            r.body.as_ref().map(|b| &b.schema),
                            &r.examples,
                        )
                    }),
            );
        for (status, schema, examples) in bodies {
            for (i, e) in examples.iter().enumerate() {
                // A cut-short example's paths are the documentation's too (what it lacks is
                // unknown, so only what it shows counts).
                if let crate::ir::ExampleValue::Json(v) | crate::ir::ExampleValue::Partial(v) =
                    &e.value
                {
                    let mut site = Site {
                        operation: &op.id,
                        status,
                        at: e.span.to_string(),
                        path: String::new(),
                        allowlisted: allowlist.reason(&op.id, status, i + 1),
                    };
                    cover(
                        api,
                        v,
                        schema.map(Declared::Schema),
                        &mut site,
                        &mut coverage,
                        0,
                    );
                }
            }
        }
    }
    (coverage.seen, coverage.declared, coverage.undeclared)
}

#[derive(Default)]
struct FieldCoverage {
    seen: u64,
    declared: u64,
    undeclared: Vec<UndeclaredField>,
}

/// Which example is walked, and the path of the current value in it.
struct Site<'a> {
    operation: &'a str,
    status: &'a str,
    at: String,
    path: String,
    /// The example is a listed documentation defect (the allow-list's reason).
    allowlisted: Option<&'a str>,
}

/// What the schema says of the current value.
#[derive(Clone, Copy)]
enum Declared<'a> {
    Schema(&'a Schema),
    /// Below a key no schema declares.
    Undeclared,
}

/// Count the object keys of `value` (recursively) and those the schema declares; record where
/// each undeclared subtree starts.
fn cover(
    api: &Api,
    value: &serde_json::Value,
    declared: Option<Declared<'_>>,
    site: &mut Site<'_>,
    coverage: &mut FieldCoverage,
    depth: usize,
) {
    // Examples are finite; the bound only guards against a pathological document.
    if depth > 64 {
        return;
    }
    let schema = match declared {
        Some(Declared::Schema(s)) => Some(api.resolve(s)),
        _ => None,
    };
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                coverage.seen += 1;
                let field = match schema.map(|s| &s.kind) {
                    Some(SchemaKind::Object { fields }) => {
                        fields.iter().find(|f| f.name == *key).map(|f| &f.schema)
                    }
                    Some(SchemaKind::Map { values }) => Some(values.as_ref()),
                    // One item where an array is documented (an example shape evidence accepts).
                    Some(SchemaKind::Array { items }) => match &api.resolve(items).kind {
                        SchemaKind::Object { fields } => {
                            fields.iter().find(|f| f.name == *key).map(|f| &f.schema)
                        }
                        _ => None,
                    },
                    _ => None,
                };
                let len = site.path.len();
                if !site.path.is_empty() {
                    site.path.push('.');
                }
                site.path.push_str(key);
                let child_declared = match field {
                    Some(f) => {
                        coverage.declared += 1;
                        Some(Declared::Schema(f))
                    }
                    None => {
                        if !matches!(declared, Some(Declared::Undeclared)) {
                            coverage.undeclared.push(UndeclaredField {
                                operation: site.operation.to_string(),
                                status: site.status.to_string(),
                                at: site.at.clone(),
                                path: site.path.clone(),
                                fields: 1 + subtree_keys(child),
                                below_free_form: matches!(
                                    schema.map(|s| &s.kind),
                                    Some(SchemaKind::Any)
                                ),
                                allowlisted: site.allowlisted.map(str::to_string),
                            });
                        }
                        Some(Declared::Undeclared)
                    }
                };
                cover(api, child, child_declared, site, coverage, depth + 1);
                site.path.truncate(len);
            }
        }
        serde_json::Value::Array(items) => {
            let item_schema = match (declared, schema.map(|s| &s.kind)) {
                (Some(Declared::Undeclared), _) => Some(Declared::Undeclared),
                (_, Some(SchemaKind::Array { items })) => Some(Declared::Schema(items.as_ref())),
                // A list where one object is documented (an example shape evidence accepts).
                // Items of a free-form value are free-form too (their keys lie below it).
                (
                    _,
                    Some(SchemaKind::Object { .. })
                    | Some(SchemaKind::Map { .. })
                    | Some(SchemaKind::Any),
                ) => schema.map(Declared::Schema),
                _ => None,
            };
            let len = site.path.len();
            site.path.push_str("[]");
            for item in items {
                cover(api, item, item_schema, site, coverage, depth + 1);
            }
            site.path.truncate(len);
        }
        _ => {}
    }
}

/// Object keys anywhere below `value`.
fn subtree_keys(value: &serde_json::Value) -> u64 {
    match value {
        serde_json::Value::Object(map) => map.values().map(|v| 1 + subtree_keys(v)).sum(),
        serde_json::Value::Array(items) => items.iter().map(subtree_keys).sum(),
        _ => 0,
    }
}

/// A short human-readable summary.
pub fn render_text(r: &Report) -> String {
    let mut out = String::new();
    for (name, f) in &r.summary {
        out.push_str(&format!("{name:<40} {:>8}\n", f.value));
    }
    let e = &r.examples;
    out.push_str(&format!(
        "examples: {} total, {} valid JSON, {} checked, {} conformant ({}%), {} without schema, {} cut short, {} not JSON; field coverage {}/{} ({}%; {}% outside the {} field paths below free-form values)\n",
        e.total, e.valid_json, e.checked, e.conformant, e.conformant_percent, e.no_schema, e.cut_short, e.not_json,
        e.fields_declared, e.fields, e.field_coverage_percent,
        e.field_coverage_outside_free_form_percent, e.fields_below_free_form
    ));
    for n in &e.non_conformant {
        out.push_str(&format!(
            "  non-conformant {} {} #{} at {}: {}{}\n",
            n.operation,
            n.status,
            n.index,
            n.at,
            n.errors.first().map_or("", String::as_str),
            n.allowlisted
                .as_deref()
                .map_or(String::new(), |r| format!(" [allow-listed: {r}]"))
        ));
    }
    // The largest gaps in field coverage first; `--json` lists them all.
    let mut gaps: Vec<&UndeclaredField> = e.undeclared_fields.iter().collect();
    gaps.sort_by_key(|u| std::cmp::Reverse(u.fields));
    for u in gaps.iter().take(UNDECLARED_SHOWN) {
        out.push_str(&format!(
            "  undeclared {} {} `{}` ({} field paths{}) at {}\n",
            u.operation,
            u.status,
            u.path,
            u.fields,
            match (&u.allowlisted, u.below_free_form) {
                (Some(reason), _) => format!(", a listed documentation defect: {reason}"),
                (None, true) => ", below a free-form value".to_string(),
                (None, false) => String::new(),
            },
            u.at
        ));
    }
    if gaps.len() > UNDECLARED_SHOWN {
        out.push_str(&format!(
            "  … {} more undeclared example fields (--json lists them all)\n",
            gaps.len() - UNDECLARED_SHOWN
        ));
    }
    out
}

/// How many undeclared example fields the text report names.
const UNDECLARED_SHOWN: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Example, ExampleValue, Field, Operation, Response, ResponseBody};
    use std::sync::Arc;

    #[test]
    fn undeclared_example_fields_are_listed_where_their_subtree_starts() {
        let span = crate::diag::Span::new(&Arc::from("page.md"), 7, 7);
        let item = Schema::new(SchemaKind::Object {
            fields: vec![Field {
                name: "id".into(),
                required: true,
                schema: Schema::string(),
            }],
        });
        let body = Schema::new(SchemaKind::Object {
            fields: vec![
                Field {
                    name: "items".into(),
                    required: true,
                    schema: Schema::new(SchemaKind::Array {
                        items: Box::new(item),
                    }),
                },
                Field {
                    name: "free".into(),
                    required: false,
                    schema: Schema::any(),
                },
            ],
        });
        let example = serde_json::json!({
            "items": [{"id": "a", "extra": {"x": 1, "y": [{"z": 2}]}}],
            "job": {"id": "b"},
            "free": [{"k": "v"}]
        });
        let mut responses = BTreeMap::new();
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
        let mut api = Api::default();
        let mut op = Operation::stub("list_items", crate::ir::HttpMethod::Get, "/items", span);
        op.responses = responses;
        api.operations.push(op);
        let (seen, declared, undeclared) = example_field_coverage(&api, &Default::default());
        // items, items[].id, items[].extra(+x, y, y[].z), job(+id), free, free[].k
        assert_eq!((seen, declared), (10, 3));
        let listed: Vec<(&str, u64, &str, bool)> = undeclared
            .iter()
            .map(|u| (u.path.as_str(), u.fields, u.at.as_str(), u.below_free_form))
            .collect();
        assert_eq!(
            listed,
            vec![
                ("items[].extra", 4, "page.md:7", false),
                ("job", 2, "page.md:7", false),
                // The items of a free-form list lie below a free-form value.
                ("free[].k", 1, "page.md:7", true),
            ]
        );
        assert_eq!(
            seen - declared,
            undeclared.iter().map(|u| u.fields).sum::<u64>()
        );
    }
}
