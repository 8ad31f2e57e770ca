//! Facts mined from a field's description prose: allowed values (enums), length and range
//! limits, and defaults — in Chinese and English. The rule is to read only what the text
//! *states*: a value list needs a phrase announcing it (`枚举值如下`, `可选值为`, `The value can
//! be`) or a bullet list whose every item is `value: meaning`; a limit needs its unit or keyword
//! (`1到64位`, `取值范围[1,100]`, `0 to 256 characters`); a default needs its keyword and a value
//! of the field's type. Numbers in examples (`例如`), references (`请参见`) and conditional
//! statements (`…时，默认为`) are not facts. Every fact keeps its provenance
//! ([`crate::ir::MinedFact`]); a stated fact that does not fit the type is a diagnostic, never a
//! guess.

mod defaults;
mod limits;
mod marked;
mod values;

use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::RichText;
use crate::ir::{MinedFact, MinedKind, Schema, SchemaKind};
use marked::MarkedText;
use std::collections::HashMap;

/// The value type facts are checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    String,
    Integer,
    Number,
    Boolean,
}

impl ValueType {
    fn of(kind: &SchemaKind) -> Option<Self> {
        Some(match kind {
            SchemaKind::String { format } if format.as_deref() != Some("binary") => Self::String,
            SchemaKind::Integer { .. } => Self::Integer,
            SchemaKind::Number { .. } => Self::Number,
            SchemaKind::Boolean => Self::Boolean,
            _ => return None,
        })
    }

    /// A documented value as JSON of this type, if it is one.
    pub fn parse(self, raw: &str) -> Option<serde_json::Value> {
        let t = raw.trim();
        match self {
            Self::String => Some(serde_json::Value::String(t.to_string())),
            Self::Integer => t.parse::<i64>().ok().map(serde_json::Value::from),
            Self::Number => t
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(crate::ir::json_number),
            Self::Boolean => match t.to_ascii_lowercase().as_str() {
                "true" => Some(serde_json::Value::Bool(true)),
                "false" => Some(serde_json::Value::Bool(false)),
                _ => None,
            },
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Number => "number",
            Self::Boolean => "boolean",
        }
    }
}

/// What a description states, before it is checked against a field's type. It depends only
/// on the marked text and on what the field can carry ([`Wanted`]), so one reading serves every
/// field with the same description: reference pages repeat most descriptions (ModelArts: 11k
/// mined fields, 3.3k distinct texts), and reading is the costly part of mining.
#[derive(Debug)]
struct Findings {
    values: Option<values::ValueList>,
    limits: Vec<(MinedKind, limits::Bound)>,
    defaults: Vec<defaults::Stated>,
}

/// Which facts a field can carry: array items take a value list only; scalars take limits of
/// their kind (lengths for strings, ranges for numbers) and a default; booleans only a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Wanted {
    values: bool,
    limits: Option<LimitKind>,
    defaults: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum LimitKind {
    Lengths,
    Ranges,
}

impl Wanted {
    fn array_items() -> Self {
        Wanted {
            values: true,
            limits: None,
            defaults: false,
        }
    }

    fn scalar(ty: ValueType) -> Self {
        Wanted {
            values: ty != ValueType::Boolean,
            limits: match ty {
                ValueType::String => Some(LimitKind::Lengths),
                ValueType::Integer | ValueType::Number => Some(LimitKind::Ranges),
                ValueType::Boolean => None,
            },
            defaults: true,
        }
    }
}

impl Findings {
    fn read(text: &MarkedText, wanted: Wanted) -> Self {
        Findings {
            values: wanted.values.then(|| values::find(text)).flatten(),
            limits: match wanted.limits {
                Some(LimitKind::Lengths) => limits::lengths(&text.plain()),
                Some(LimitKind::Ranges) => limits::ranges(&text.plain()),
                None => Vec::new(),
            },
            defaults: if wanted.defaults {
                defaults::find(text)
            } else {
                Vec::new()
            },
        }
    }
}

/// Findings already read in this run, by text and what the field can carry. Owned by the
/// extraction run (see [`crate::extract::registry::Registry`]); a pure cache, so results never
/// depend on it.
#[derive(Debug, Default)]
pub struct Memo {
    read: HashMap<(MarkedText, Wanted), Findings>,
}

impl Memo {
    fn findings(&mut self, text: MarkedText, wanted: Wanted) -> &Findings {
        self.read
            .entry((text, wanted))
            .or_insert_with_key(|(text, wanted)| Findings::read(text, *wanted))
    }
}

/// Mine `description` for facts about `schema` (a field's schema, its type already resolved)
/// and record them on it. Arrays of scalars get value lists on their items.
pub fn apply(
    schema: &mut Schema,
    description: &RichText,
    span: &Span,
    memo: &mut Memo,
    diags: &mut Diagnostics,
) {
    if description.is_empty() {
        return;
    }
    let text = MarkedText::from_rich(description);
    match &mut schema.kind {
        SchemaKind::Array { items } => {
            if let Some(ty) = ValueType::of(&items.kind) {
                if ty != ValueType::Boolean {
                    let found = memo.findings(text, Wanted::array_items());
                    apply_values(items, found.values.as_ref(), ty, span, diags);
                }
            }
        }
        kind => {
            let Some(ty) = ValueType::of(kind) else {
                return;
            };
            if ty != ValueType::Boolean && super::vocab::counts_pages(&text.plain()) {
                schema
                    .mined
                    .push(fact(MinedKind::PageIndex, span, &text.plain()));
            }
            let found = memo.findings(text, Wanted::scalar(ty));
            apply_values(schema, found.values.as_ref(), ty, span, diags);
            apply_limits(schema, &found.limits, span, diags);
            values_beside_limits(schema, span, diags);
            apply_default(schema, &found.defaults, ty, span, diags);
            drop_contradicting_default(schema, span, diags);
        }
    }
}

/// The length a string's type cell states (`String(64)`): its maximum length, unless the
/// description already stated one.
pub fn apply_type_length(schema: &mut Schema, type_text: &str, span: &Span) {
    if !matches!(schema.kind, SchemaKind::String { .. }) || schema.constraints.max_length.is_some()
    {
        return;
    }
    if let Some(n) = super::types::stated_length(type_text) {
        schema.constraints.max_length = Some(n);
        schema
            .mined
            .push(fact(MinedKind::MaxLength, span, type_text));
    }
}

/// The type a value documented without one most likely has, from what its description
/// states: whole-number values, limits (`1–100`, not lengths) or a whole-number default make it
/// an integer, a `true`/`false` list a boolean, anything else text.
pub fn stated_value_type(description: &RichText, memo: &mut Memo) -> ValueType {
    if description.is_empty() {
        return ValueType::String;
    }
    let text = MarkedText::from_rich(description);
    let as_text = memo.findings(text.clone(), Wanted::scalar(ValueType::String));
    if !as_text.limits.is_empty() {
        return ValueType::String;
    }
    let found = memo.findings(text, Wanted::scalar(ValueType::Integer));
    let every = |ty: ValueType, values: &[&str]| {
        !values.is_empty() && values.iter().all(|v| ty.parse(v).is_some())
    };
    if let Some(list) = &found.values {
        let values: Vec<&str> = list.items.iter().map(|i| i.value.as_str()).collect();
        return if every(ValueType::Integer, &values) {
            ValueType::Integer
        } else if every(ValueType::Boolean, &values) {
            ValueType::Boolean
        } else {
            ValueType::String
        };
    }
    let whole_limits =
        !found.limits.is_empty() && found.limits.iter().all(|(_, b)| b.value.fract() == 0.0);
    let defaults: Vec<&str> = found.defaults.iter().map(|d| d.value.as_str()).collect();
    if whole_limits || every(ValueType::Integer, &defaults) {
        ValueType::Integer
    } else {
        ValueType::String
    }
}

/// The type of the values a description lists, if it lists any (`Options: **OBS**, **EVS**`:
/// text; `0`, `1`: integers; `true`/`false`: a boolean).
pub fn listed_value_type(description: &RichText, memo: &mut Memo) -> Option<ValueType> {
    if description.is_empty() {
        return None;
    }
    let text = MarkedText::from_rich(description);
    let found = memo.findings(text, Wanted::scalar(ValueType::Integer));
    let list = found.values.as_ref()?;
    let values: Vec<&str> = list.items.iter().map(|i| i.value.as_str()).collect();
    let every = |ty: ValueType| !values.is_empty() && values.iter().all(|v| ty.parse(v).is_some());
    Some(if every(ValueType::Integer) {
        ValueType::Integer
    } else if every(ValueType::Boolean) {
        ValueType::Boolean
    } else {
        ValueType::String
    })
}

/// A default outside the stated values or limits contradicts the description itself (OpenAPI
/// validators reject it too): report it and keep the values and limits, not the default.
fn drop_contradicting_default(schema: &mut Schema, span: &Span, diags: &mut Diagnostics) {
    let Some(default) = &schema.default else {
        return;
    };
    let c = &schema.constraints;
    let outside_values =
        !schema.enum_values.is_empty() && !schema.enum_values.iter().any(|e| e.value == *default);
    let outside_limits = match default {
        serde_json::Value::Number(n) => n.as_f64().is_some_and(|v| {
            c.minimum
                .is_some_and(|m| v < m || (c.exclusive_minimum && v == m))
                || c.maximum
                    .is_some_and(|m| v > m || (c.exclusive_maximum && v == m))
        }),
        serde_json::Value::String(s) => {
            let n = s.chars().count() as u64;
            c.min_length.is_some_and(|m| n < m) || c.max_length.is_some_and(|m| n > m)
        }
        _ => false,
    };
    if outside_values || outside_limits {
        diags.add(
            span,
            catalogue::PROSE_DEFAULT_CONTRADICTS,
            format!(
                "the stated default {default} is outside the stated {}; no default is recorded",
                if outside_values { "values" } else { "limits" }
            ),
        );
        schema.default = None;
        schema.mined.retain(|f| f.kind != MinedKind::Default);
    }
}

fn fact(kind: MinedKind, span: &Span, text: &str) -> MinedFact {
    const MAX: usize = 240;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    };
    MinedFact {
        kind,
        span: span.clone(),
        text,
    }
}

fn apply_values(
    schema: &mut Schema,
    list: Option<&values::ValueList>,
    ty: ValueType,
    span: &Span,
    diags: &mut Diagnostics,
) {
    let Some(list) = list else {
        return;
    };
    let mut out = Vec::new();
    for item in &list.items {
        match ty.parse(&item.value) {
            Some(value) => {
                if !out.iter().any(|e: &crate::ir::EnumValue| e.value == value) {
                    out.push(crate::ir::EnumValue {
                        value,
                        description: item.meaning.clone(),
                    });
                }
            }
            None => {
                if list.announced {
                    diags.add(
                        span,
                        catalogue::PROSE_ENUM_TYPE_MISMATCH,
                        format!(
                            "documented value `{}` is not a {}; the value list is not used",
                            item.value,
                            ty.name()
                        ),
                    );
                }
                return;
            }
        }
    }
    if out.is_empty() {
        return;
    }
    schema.enum_values = out;
    schema.mined.push(fact(MinedKind::Enum, span, &list.source));
    // A value marked as the default in its meaning (`0: OBS桶（默认值）`).
    if let Some(d) = list.default_value.as_deref().and_then(|v| ty.parse(v)) {
        if schema.default.is_none() {
            schema.default = Some(d);
            schema
                .mined
                .push(fact(MinedKind::Default, span, &list.default_source));
        }
    }
}

fn apply_limits(
    schema: &mut Schema,
    found: &[(MinedKind, limits::Bound)],
    span: &Span,
    diags: &mut Diagnostics,
) {
    if found.is_empty() {
        return;
    }
    let resolved = limits::resolve(found.to_vec(), |slot, values| {
        diags.add(
            span,
            catalogue::PROSE_CONSTRAINT_AMBIGUOUS,
            format!("the description states different {slot} values ({values}); none is used"),
        )
    });
    let c = &mut schema.constraints;
    for (kind, bound) in resolved {
        let v = bound.value;
        match kind {
            MinedKind::MinLength => c.min_length = Some(v as u64),
            MinedKind::MaxLength => c.max_length = Some(v as u64),
            MinedKind::Minimum => {
                c.minimum = Some(v);
                c.exclusive_minimum = bound.exclusive;
            }
            MinedKind::Maximum => {
                c.maximum = Some(v);
                c.exclusive_maximum = bound.exclusive;
            }
            MinedKind::Enum | MinedKind::Default | MinedKind::PageIndex => continue,
        }
        schema.mined.push(fact(kind, span, &bound.source));
    }
}

/// Values stated outside the stated limits (`-1 or ranges from 0 to 99999`) are alternatives
/// to the range, not the only values: kept as a list beside the limits, no value could satisfy
/// both. The limits are widened to hold the values and the list is dropped (what the range
/// admits is more than any list).
fn values_beside_limits(schema: &mut Schema, span: &Span, diags: &mut Diagnostics) {
    let c = &mut schema.constraints;
    let numbers: Vec<f64> = schema
        .enum_values
        .iter()
        .filter_map(|e| e.value.as_f64())
        .collect();
    let below = |v: f64| {
        c.minimum
            .is_some_and(|m| v < m || (c.exclusive_minimum && v == m))
    };
    let above = |v: f64| {
        c.maximum
            .is_some_and(|m| v > m || (c.exclusive_maximum && v == m))
    };
    if numbers.is_empty() || !numbers.iter().any(|&v| below(v) || above(v)) {
        return;
    }
    let listed = numbers
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let lowest = numbers.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if below(lowest) {
        c.minimum = Some(lowest);
        c.exclusive_minimum = false;
    }
    if above(highest) {
        c.maximum = Some(highest);
        c.exclusive_maximum = false;
    }
    let range = format!(
        "{}–{}",
        c.minimum.map_or("".into(), |m| m.to_string()),
        c.maximum.map_or("".into(), |m| m.to_string())
    );
    schema.enum_values.clear();
    schema.mined.retain(|f| f.kind != MinedKind::Enum);
    diags.add(
        span,
        catalogue::PROSE_VALUES_BESIDE_LIMITS,
        format!("the stated value(s) {listed} outside the stated limits are alternatives to the range: the field takes {range}"),
    );
}

fn apply_default(
    schema: &mut Schema,
    stated: &[defaults::Stated],
    ty: ValueType,
    span: &Span,
    diags: &mut Diagnostics,
) {
    let mut typed: Vec<(serde_json::Value, String)> = Vec::new();
    for d in stated {
        match ty.parse(&d.value) {
            Some(v) => {
                if !typed.iter().any(|(x, _)| *x == v) {
                    typed.push((v, d.source.clone()));
                }
            }
            None => diags.add(
                span,
                catalogue::PROSE_DEFAULT_TYPE_MISMATCH,
                format!(
                    "stated default `{}` is not a {}; no default is recorded",
                    d.value,
                    ty.name()
                ),
            ),
        }
    }
    match typed.len() {
        0 => {}
        1 => {
            let (value, source) = typed.remove(0);
            if let Some(from_list) = &schema.default {
                if *from_list != value {
                    diags.add(
                        span,
                        catalogue::PROSE_DEFAULT_AMBIGUOUS,
                        format!(
                            "the description states defaults {from_list} and {value}; none is used"
                        ),
                    );
                    schema.default = None;
                    schema.mined.retain(|f| f.kind != MinedKind::Default);
                }
                return;
            }
            schema.default = Some(value);
            schema.mined.push(fact(MinedKind::Default, span, &source));
        }
        _ => diags.add(
            span,
            catalogue::PROSE_DEFAULT_AMBIGUOUS,
            format!(
                "the description states several defaults ({}); none is used",
                typed
                    .iter()
                    .map(|(v, _)| v.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    }
}

#[cfg(test)]
mod tests;
