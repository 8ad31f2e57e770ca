//! Facts the documentation's own examples prove about types. A documented example is part of
//! the documentation: where it contradicts its table, the bindings must accept both, or a client
//! would reject the very response the documentation shows. Every correction widens what the
//! schema accepts — the documented type stays the primary one — and each is a diagnostic naming
//! the example:
//! - an integer documented as 16 or 32 bits whose example values do not fit (millisecond
//!   timestamps typed `Integer` are common) becomes 64 bits;
//! - a value list (mined from prose) that an example contradicts gets the example's value, marked
//!   as shown only in an example — the service evidently sends it, and a closed OpenAPI `enum`
//!   would make strict validators reject the documentation's own examples;
//! - a value an example shows as `null` becomes nullable;
//! - a required field an example of its object omits becomes optional (tables often mark all of
//!   several alternatives mandatory; the example shows which may be left out);
//! - a value outside the documented limits (`""` for a name of 1 to 64 characters, `-1` for
//!   a quota documented from 0) relaxes the limit to admit it; a masked secret (`******`) is
//!   no evidence;
//! - a value an example shows in another JSON shape (a number in a String field, `"100"` in an
//!   Integer field, an array of the objects the table documents as one object, one object where
//!   it documents an array) records that shape in [`Schema::example_shapes`].
//!
//! - an object whose table has one row (`paths`: `uri | Object | API访问地址`) and whose examples
//!   use other keys for it, each holding that row's value (`"/test/{path}": {…}`), is a map
//!   from key to that value: the row names what the keys are; so is an object whose table's
//!   rows are `key` and `value` (one entry) where the examples hold entries
//!   (`"max_connections": "10"`). This is decided first, and the examples are walked again
//!   against the maps.
//!
//! - a key an example's object holds and its table lacks (a table copied from the create request
//!   under a query's response, without `id` or `status`) is an optional field typed by the
//!   examples' values; objects stay free-form (no structure is invented from an example). Only
//!   an object holding a documented field counts, and only keys that are names; a key that is
//!   no name, one standing for a documented field misspelt, and the keys of an object holding
//!   none of its table's fields are said (`example.undeclared-key`), not added.
//!
//! What no rule covers (an example giving a string where the table documents an object) stays as
//! the table says; the conformance report lists it.

use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::ir::{Api, EnumValue, ExampleShape, ExampleValue, Field, Schema, SchemaKind};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Where a schema node lives: in a named component or in an operation's body, and the steps
/// from there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Root {
    Component(String),
    Request(usize),
    Response(usize, String),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Step {
    Field(String),
    Items,
    Values,
}

enum Fix {
    /// The integer value that does not fit.
    Widen(i128),
    /// A value missing from the node's value list.
    EnumValue(Value),
    /// The example holds null.
    Nullable,
    /// The example's object omits this required field.
    Optional(String),
    /// The example's value has another shape than the documented type.
    Shape(ExampleShape),
    /// A value outside the documented length or range.
    Limit(Value),
    /// The example's object of a one-row table: `Some`, keyed by other names than the row's;
    /// `None`, it holds the row's own name (no map, then).
    Keyed(Option<Keyed>),
    /// The example's object, which holds documented fields, also holds this key its table
    /// lacks, with this value; and the documented field it may stand for (the only one of the
    /// value's JSON type the object lacks, the key being its only unknown key of that type).
    Unlisted(String, Value, Option<String>),
    /// The example's object holds this key its table lacks, and the key is no field name
    /// (`ac;_id`, `ssl_id `, `maintain_end"`): not added, said.
    NotAName(String),
    /// The example's object holds none of its table's fields, only these keys (another
    /// object's example, or a renamed wrapper): not added, said.
    Unheld(Vec<String>),
    /// A number or boolean shown as a list of such values (`[65, 1006]` for an integer item).
    Nested,
}

/// How an example keys the object of a one-row table or of a `key`/`value` table.
#[derive(Debug, Clone)]
struct Keyed {
    /// A key the example uses (for the diagnostic).
    key: String,
    /// What the keys hold.
    holds: KeyedValues,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyedValues {
    /// Each key holds the one row's value (`uri | Object`): the object maps keys to it.
    Row,
    /// The one row is itself a map of the values the keys hold (`{自定义key} |
    /// Map<String,ResponseInfoResp>`): the object is that map.
    RowsMap,
    /// The table's rows are `key` and `value`, describing one entry (`configuration |
    /// Dictionary data structure`, then `key | String | the parameter name`, `value | String`)
    /// and the example holds entries `"max_connections": "10"`: a map of `value`s.
    EntryValue,
}

/// The `value` row of a table describing one map entry: exactly two rows, `key` and `value`.
fn entry_value(fields: &[Field]) -> Option<&Field> {
    let named = |f: &&Field, name: &str| f.name.eq_ignore_ascii_case(name);
    match fields {
        [a, b] if named(&a, "key") && named(&b, "value") => Some(b),
        [a, b] if named(&b, "key") && named(&a, "value") => Some(a),
        _ => None,
    }
}

/// Whether `value` lies outside the limits `c` states (string length in characters, numeric
/// range).
fn outside_limits(c: &crate::ir::Constraints, value: &Value) -> bool {
    match value {
        Value::String(text) => {
            let len = text.chars().count() as u64;
            c.min_length.is_some_and(|m| len < m) || c.max_length.is_some_and(|m| len > m)
        }
        Value::Number(n) => n.as_f64().is_some_and(|x| {
            c.minimum
                .is_some_and(|m| x < m || (c.exclusive_minimum && x == m))
                || c.maximum
                    .is_some_and(|m| x > m || (c.exclusive_maximum && x == m))
        }),
        _ => false,
    }
}

/// A placeholder for a secret (`******`, `XXXXXX`, `xxxxxxxx`): one mask character repeated.
fn is_masked(value: &Value) -> bool {
    let Value::String(text) = value else {
        return false;
    };
    let mut chars = text.chars();
    chars.next().is_some_and(|first| {
        matches!(first, '*' | 'x' | 'X') && text.chars().count() >= 3 && chars.all(|c| c == first)
    })
}

struct Target {
    root: Root,
    path: Vec<Step>,
    fix: Fix,
    span: Span,
}

impl Target {
    /// The documented node, for messages (`CreateClusterRequest.tags[]`).
    fn what(&self) -> String {
        describe_path(&self.root, &self.path)
    }
    /// Where the example is, for messages (`file:line`).
    fn example(&self) -> String {
        format!("{}:{}", self.span.file, self.span.start)
    }
}

fn integer(v: &Value) -> Option<i128> {
    v.as_i64()
        .map(i128::from)
        .or_else(|| v.as_u64().map(i128::from))
}

/// The shape of a string given for a number: a number written as text, or other text.
fn string_shape(numeric: bool) -> ExampleShape {
    if numeric {
        ExampleShape::NumericString
    } else {
        ExampleShape::String
    }
}

/// An object node of a schema: where it lives and the steps from there.
type Node = (Root, Vec<Step>);

/// One example being walked against its schema.
struct Walk<'a> {
    api: &'a Api,
    span: &'a Span,
    out: Vec<Target>,
    /// The documented fields the examples' objects hold, by object node.
    held: &'a mut HashMap<Node, HashSet<String>>,
    /// The value being walked is a map's value (its one-row objects are read as keyed more
    /// readily: see `keyed_by`).
    under_map: bool,
}

impl Walk<'_> {
    fn push(&mut self, root: &Root, path: &[Step], fix: Fix) {
        self.out.push(Target {
            root: root.clone(),
            path: path.to_vec(),
            fix,
            span: self.span.clone(),
        });
    }

    fn walk(
        &mut self,
        schema: &Schema,
        value: &Value,
        root: &Root,
        path: &mut Vec<Step>,
        depth: usize,
    ) {
        if depth > 64 {
            return;
        }
        if value.is_null() {
            if !schema.nullable && !matches!(schema.kind, SchemaKind::Any) {
                self.push(root, path, Fix::Nullable);
            }
            return;
        }
        let target = self.api.resolve(schema);
        let object_like = matches!(
            target.kind,
            SchemaKind::Object { .. } | SchemaKind::Map { .. }
        );
        match (&schema.kind, value) {
            // An array of the objects the table documents as one object: each item is walked
            // against the object's schema.
            (
                SchemaKind::Ref { .. } | SchemaKind::Object { .. } | SchemaKind::Map { .. },
                Value::Array(items),
            ) if object_like
                && !items.is_empty()
                && items.iter().all(Value::is_object)
                && holds_a_documented_field(&target.kind, items) =>
            {
                self.push(root, path, Fix::Shape(ExampleShape::ListOfItems));
                for item in items {
                    self.walk(schema, item, root, path, depth + 1);
                }
            }
            (SchemaKind::Ref { name }, _) => {
                if let Some(named) = self.api.schemas.get(name) {
                    let root = Root::Component(name.clone());
                    self.walk(&named.schema, value, &root, &mut Vec::new(), depth + 1);
                }
            }
            (SchemaKind::Object { fields }, Value::Object(map)) => {
                if let [only] = &fields[..] {
                    if map.contains_key(&only.name) {
                        self.push(root, path, Fix::Keyed(None));
                    } else if let Some(key) = self.keyed_by(only, map) {
                        self.push(root, path, Fix::Keyed(Some(key)));
                    }
                } else if let Some(value_row) = entry_value(fields) {
                    if fields.iter().any(|f| map.contains_key(&f.name)) {
                        self.push(root, path, Fix::Keyed(None));
                    } else if let Some(key) = self.entries_of(value_row, map) {
                        self.push(root, path, Fix::Keyed(Some(key)));
                    }
                }
                // Keys the table lacks, in an object that is evidently the documented one (it
                // holds a documented field: a wrapper `{"role": {…}}` holds none) and not a
                // one-row object keyed by other names.
                let keyed = fields.len() == 1 && !map.contains_key(&fields[0].name);
                let holds_documented = fields.iter().any(|f| map.contains_key(&f.name));
                if !holds_documented && !map.is_empty() && !fields.is_empty() {
                    // A one-row object keyed by other names becomes a map first; what is left
                    // shows other keys than its table's.
                    self.push(root, path, Fix::Unheld(map.keys().cloned().collect()));
                }
                if !keyed && holds_documented {
                    let held = self.held.entry((root.clone(), path.clone())).or_default();
                    for f in fields.iter().filter(|f| map.contains_key(&f.name)) {
                        if !held.contains(&f.name) {
                            held.insert(f.name.clone());
                        }
                    }
                    let unknown: Vec<(&String, &Value)> = map
                        .iter()
                        .filter(|(k, _)| !fields.iter().any(|f| f.name == **k))
                        .collect();
                    for &(key, v) in &unknown {
                        if !super::text::is_attribute_name(key) {
                            self.push(root, path, Fix::NotAName(key.clone()));
                            continue;
                        }
                        // The documented field this key may stand for: the only one of its type
                        // the object lacks, when the key is its only unknown key of that type.
                        let alone = unknown
                            .iter()
                            .filter(|(_, o)| value_type(o) == value_type(v))
                            .count()
                            == 1;
                        let lacked: Vec<&Field> = fields
                            .iter()
                            .filter(|f| !map.contains_key(&f.name))
                            .filter(|f| {
                                kind_type(&self.api.resolve(&f.schema).kind) == value_type(v)
                            })
                            .collect();
                        let stands_for = match (alone, &lacked[..]) {
                            (true, [only]) => Some(only.name.clone()),
                            _ => None,
                        };
                        self.push(
                            root,
                            path,
                            Fix::Unlisted(key.clone(), v.clone(), stands_for),
                        );
                    }
                }
                let under_map = std::mem::replace(&mut self.under_map, false);
                for f in fields {
                    match map.get(&f.name) {
                        Some(v) => {
                            path.push(Step::Field(f.name.clone()));
                            self.walk(&f.schema, v, root, path, depth + 1);
                            path.pop();
                        }
                        None if f.required => self.push(root, path, Fix::Optional(f.name.clone())),
                        None => {}
                    }
                }
                self.under_map = under_map;
            }
            (SchemaKind::Array { items }, Value::Array(values)) => {
                path.push(Step::Items);
                for v in values {
                    self.walk(items, v, root, path, depth + 1);
                }
                path.pop();
            }
            // One object where the table documents an array of objects, or one value where it
            // documents an array of such values (`actions | Array of strings`, `"actions":
            // "REBOOTING"`).
            (SchemaKind::Array { items }, v)
                if match &self.api.resolve(items).kind {
                    SchemaKind::Object { .. } | SchemaKind::Map { .. } => v.is_object(),
                    kind @ (SchemaKind::String { .. }
                    | SchemaKind::Integer { .. }
                    | SchemaKind::Number { .. }
                    | SchemaKind::Boolean) => value_type(v) == kind_type(kind),
                    _ => false,
                } =>
            {
                self.push(root, path, Fix::Shape(ExampleShape::SingleItem));
                path.push(Step::Items);
                self.walk(items, value, root, path, depth + 1);
                path.pop();
            }
            (SchemaKind::Map { values: inner }, Value::Object(map)) => {
                path.push(Step::Values);
                let under_map = std::mem::replace(&mut self.under_map, true);
                for v in map.values() {
                    self.walk(inner, v, root, path, depth + 1);
                }
                self.under_map = under_map;
                path.pop();
            }
            // A level of nesting the type cell leaves out (`Array of integers`, the examples
            // showing points `[[65, 1006], …]`).
            (
                SchemaKind::Integer { .. } | SchemaKind::Number { .. } | SchemaKind::Boolean,
                Value::Array(values),
            ) if !values.is_empty()
                && values
                    .iter()
                    .all(|v| value_type(v) == kind_type(&schema.kind)) =>
            {
                self.push(root, path, Fix::Nested);
            }
            (SchemaKind::Integer { format }, Value::Number(_)) => {
                if let Some(n) = integer(value).filter(|&n| !format.fits(n)) {
                    self.push(root, path, Fix::Widen(n));
                }
            }
            (SchemaKind::Integer { .. }, Value::String(text)) => {
                let numeric = text.trim().parse::<i64>().is_ok();
                self.push(root, path, Fix::Shape(string_shape(numeric)));
            }
            (SchemaKind::Boolean, Value::String(text)) => {
                let shape = if matches!(text.trim(), "true" | "false") {
                    ExampleShape::BooleanString
                } else {
                    ExampleShape::String
                };
                self.push(root, path, Fix::Shape(shape));
            }
            (SchemaKind::Number { .. }, Value::String(text)) => {
                let numeric = text.trim().parse::<f64>().is_ok_and(f64::is_finite);
                self.push(root, path, Fix::Shape(string_shape(numeric)));
            }
            (SchemaKind::String { .. }, v) if !v.is_string() => {
                let shape = match v {
                    Value::Bool(_) => ExampleShape::Boolean,
                    Value::Number(_) => ExampleShape::Number,
                    Value::Array(_) => ExampleShape::Array,
                    _ => ExampleShape::Object,
                };
                self.push(root, path, Fix::Shape(shape));
            }
            _ => {}
        }
        let scalar = matches!(
            schema.kind,
            SchemaKind::String { .. } | SchemaKind::Integer { .. } | SchemaKind::Number { .. }
        );
        let typed_value = match schema.kind {
            SchemaKind::String { .. } => value.is_string(),
            SchemaKind::Integer { .. } | SchemaKind::Number { .. } => value.is_number(),
            _ => false,
        };
        if typed_value && !is_masked(value) && outside_limits(&schema.constraints, value) {
            self.push(root, path, Fix::Limit(value.clone()));
        }
        if scalar
            && !schema.enum_values.is_empty()
            && (value.is_string() || value.is_number())
            && !schema
                .enum_values
                .iter()
                .any(|e| same_value(&e.value, value))
        {
            self.push(root, path, Fix::EnumValue(value.clone()));
        }
    }
}

impl Walk<'_> {
    /// How `map`, the object of one row `only`, is keyed by other names, if it is: every value
    /// has the shape of the row's value (or, for a row typed as a map, of that map's values),
    /// and the keys are no field name misspelt: several keys, a key or row name that
    /// is no identifier (`/test/{path}`, `{自定义key}`, `status code`), or an object that is
    /// itself a map's value (`paths` → `uri` → `method`, keyed by `get`). A lone identifier
    /// for another identifier (`collations` shown as `charSets`) is a renamed field.
    fn keyed_by(&self, only: &Field, map: &serde_json::Map<String, Value>) -> Option<Keyed> {
        let identifier = super::text::is_identifier;
        let placeholder = map.len() >= 2
            || self.under_map
            || !identifier(&only.name)
            || map.keys().any(|k| !identifier(k));
        if !placeholder {
            return None;
        }
        let first = map.keys().next()?.clone();
        if let SchemaKind::Map { values } = &self.api.resolve(&only.schema).kind {
            return map.values().all(|v| self.fits(values, v)).then_some(Keyed {
                key: first,
                holds: KeyedValues::RowsMap,
            });
        }
        // A scalar row that says it stands for key-value pairs (`key_val | String | 一个或多个
        // 键值对形式的元数据信息`): values of its type under any keys.
        let row = &self.api.resolve(&only.schema).kind;
        let pairs = !matches!(
            row,
            SchemaKind::Object { .. } | SchemaKind::Map { .. } | SchemaKind::Array { .. }
        ) && only
            .schema
            .description
            .as_deref()
            .and_then(super::vocab::stated_map_values)
            .is_some();
        map.values()
            .all(|v| self.fits(&only.schema, v) || (pairs && value_type(v) == kind_type(row)))
            .then_some(Keyed {
                key: first,
                holds: KeyedValues::Row,
            })
    }

    /// Whether `map`, the object of a `key`/`value` table that holds neither row, is a set of
    /// entries: every value has the JSON type of the `value` row (any, for a free-form row).
    fn entries_of(&self, value_row: &Field, map: &serde_json::Map<String, Value>) -> Option<Keyed> {
        let row = &self.api.resolve(&value_row.schema).kind;
        let entries =
            matches!(row, SchemaKind::Any) || map.values().all(|v| value_type(v) == kind_type(row));
        entries.then_some(Keyed {
            key: map.keys().next()?.clone(),
            holds: KeyedValues::EntryValue,
        })
    }

    /// Whether an example value has the shape of a structured schema: the same JSON type and,
    /// for an object documented with several fields, one of those (a one-row object may be
    /// keyed in turn; a free-form or scalar schema proves nothing).
    fn fits(&self, schema: &Schema, v: &Value) -> bool {
        match &self.api.resolve(schema).kind {
            SchemaKind::Object { fields } if fields.len() == 1 => v.is_object(),
            SchemaKind::Object { fields } => v
                .as_object()
                .is_some_and(|o| fields.iter().any(|f| o.contains_key(&f.name))),
            SchemaKind::Map { .. } => v.is_object(),
            SchemaKind::Array { .. } => v.is_array(),
            _ => false,
        }
    }
}

/// An example value's JSON type, integers and fractions alike.
fn value_type(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "string",
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::Null => "null",
    }
}

/// The JSON type of a resolved schema kind as [`value_type`] names it (a free-form value has
/// none of them).
fn kind_type(kind: &SchemaKind) -> &'static str {
    match kind.json_type() {
        "integer" => "number",
        other => other,
    }
}

/// How a field added from an example is described (where is the span's and the diagnostic's:
/// a line number in the text would make every regeneration a description change).
const UNLISTED_NOTE: &str = "Not in the documented table; shown in the documentation's examples.";

/// The schema an example value shows: its JSON type; an array's items when they agree on a
/// scalar type; objects free-form (no structure is invented from one example).
pub(super) fn schema_of_example(value: &Value) -> Schema {
    let scalar = |v: &Value| -> Option<SchemaKind> {
        Some(match v {
            Value::String(_) => SchemaKind::String { format: None },
            Value::Bool(_) => SchemaKind::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => SchemaKind::Integer {
                format: crate::ir::IntFormat::Int64,
            },
            Value::Number(_) => SchemaKind::Number {
                format: crate::ir::NumberFormat::Double,
            },
            _ => return None,
        })
    };
    let kind = match value {
        Value::Array(items) => {
            let kinds: Vec<Option<SchemaKind>> = items.iter().map(scalar).collect();
            let item = match kinds.first() {
                Some(Some(first)) if kinds.iter().all(|k| k.as_ref() == Some(first)) => {
                    first.clone()
                }
                _ => SchemaKind::Any,
            };
            SchemaKind::Array {
                items: Box::new(Schema::new(item)),
            }
        }
        other => scalar(other).unwrap_or(SchemaKind::Any),
    };
    Schema::new(kind)
}

/// A field added from an example, shown again: where the examples disagree, the wider type
/// (integer and fraction: number; otherwise free-form).
pub(super) fn merge_shown(schema: &mut Schema, shown: Schema) {
    use SchemaKind::{Integer, Number};
    match (&schema.kind, &shown.kind) {
        (a, b) if a == b => {}
        (Integer { .. }, Number { .. }) => schema.kind = shown.kind,
        (Number { .. }, Integer { .. }) => {}
        _ => schema.kind = SchemaKind::Any,
    }
}

/// Enum values compare as JSON values; an integer list also matches the same number written as
/// a float (`1` vs `1.0`).
fn same_value(a: &Value, b: &Value) -> bool {
    a == b || matches!((a.as_f64(), b.as_f64()), (Some(x), Some(y)) if x == y)
}

fn node_mut<'a>(api: &'a mut Api, root: &Root, path: &[Step]) -> Option<&'a mut Schema> {
    let mut node: &mut Schema = match root {
        Root::Component(name) => &mut api.schemas.get_mut(name)?.schema,
        Root::Request(op) => &mut api.operations.get_mut(*op)?.request_body.as_mut()?.schema,
        Root::Response(op, status) => {
            &mut api
                .operations
                .get_mut(*op)?
                .responses
                .get_mut(status)?
                .body
                .as_mut()?
                .schema
        }
    };
    for step in path {
        node = match (step, &mut node.kind) {
            (Step::Field(name), SchemaKind::Object { fields }) => {
                &mut fields.iter_mut().find(|f| &f.name == name)?.schema
            }
            (Step::Items, SchemaKind::Array { items }) => items,
            (Step::Values, SchemaKind::Map { values }) => values,
            _ => return None,
        };
    }
    Some(node)
}

/// The limits of `c` in words, for diagnostics.
fn limits_words(c: &crate::ir::Constraints) -> String {
    let words = c.words();
    if words.is_empty() {
        "no limits".to_string()
    } else {
        words.join(", ")
    }
}

/// The type a node is documented as, for diagnostics: the type cell as written, else its kind.
fn documented_type(node: &Schema) -> String {
    node.raw_type
        .clone()
        .unwrap_or_else(|| node.kind.json_type().to_string())
}

fn shape_words(shape: ExampleShape) -> &'static str {
    match shape {
        ExampleShape::NumericString => "a number written as a string",
        ExampleShape::BooleanString => "a boolean written as a string",
        ExampleShape::String => "a string",
        ExampleShape::Number => "a number",
        ExampleShape::Boolean => "a boolean",
        ExampleShape::Array => "an array",
        ExampleShape::Object => "an object",
        ExampleShape::ListOfItems => "an array of such objects",
        ExampleShape::SingleItem => "a single item instead of an array",
    }
}

fn describe_path(root: &Root, path: &[Step]) -> String {
    let mut s = match root {
        Root::Component(name) => name.clone(),
        Root::Request(_) => "request body".to_string(),
        Root::Response(_, status) => format!("{status} response body"),
    };
    for step in path {
        match step {
            Step::Field(f) => {
                s.push('.');
                s.push_str(f);
            }
            Step::Items => s.push_str("[]"),
            Step::Values => s.push_str("{}"),
        }
    }
    s
}

/// How deep maps keyed by example may nest (real pages: two, `paths` → `uri`).
const MAX_KEYED_DEPTH: usize = 8;

/// What every documented example says of its schema.
fn corrections(api: &Api) -> (Vec<Target>, HashMap<Node, HashSet<String>>) {
    let mut targets = Vec::new();
    let mut held = HashMap::new();
    let mut check = |schema: &Schema, ex: &crate::ir::Example, root: Root| {
        if let ExampleValue::Json(v) = &ex.value {
            let mut walk = Walk {
                api,
                span: &ex.span,
                out: Vec::new(),
                held: &mut held,
                under_map: false,
            };
            walk.walk(schema, v, &root, &mut Vec::new(), 0);
            targets.append(&mut walk.out);
        }
    };
    for (i, op) in api.operations.iter().enumerate() {
        if let Some(body) = &op.request_body {
            for ex in &body.examples {
                check(&body.schema, ex, Root::Request(i));
            }
        }
        for (status, r) in &op.responses {
            let Some(body) = &r.body else { continue };
            for ex in &r.examples {
                check(&body.schema, ex, Root::Response(i, status.clone()));
            }
        }
    }
    (targets, held)
}

/// Turn each one-row object whose examples all key it otherwise into a map from key to the
/// row's value. Whether any changed.
fn key_maps(api: &mut Api, targets: &[Target], diags: &mut Diagnostics) -> bool {
    let keyed = |t: &&Target| matches!(t.fix, Fix::Keyed(_));
    let mut changed = false;
    let mut done: Vec<(&Root, &[Step])> = Vec::new();
    for t in targets.iter().filter(keyed) {
        let Fix::Keyed(Some(Keyed { key, holds })) = &t.fix else {
            continue;
        };
        let node_id = (&t.root, t.path.as_slice());
        if done.contains(&node_id) {
            continue;
        }
        done.push(node_id);
        let contradicted = targets
            .iter()
            .filter(keyed)
            .any(|o| o.root == t.root && o.path == t.path && matches!(o.fix, Fix::Keyed(None)));
        if contradicted {
            continue;
        }
        let what = t.what();
        let Some(node) = node_mut(api, &t.root, &t.path) else {
            continue;
        };
        let SchemaKind::Object { fields } = &mut node.kind else {
            continue;
        };
        let at = node.span.clone().unwrap_or_else(|| t.span.clone());
        let example = t.example();
        if *holds == KeyedValues::EntryValue {
            let Some(value_row) = entry_value(fields) else {
                continue;
            };
            let (row, values) = (value_row.name.clone(), value_row.schema.clone());
            node.kind = SchemaKind::Map {
                values: Box::new(values),
            };
            diags.add(&at, catalogue::SCHEMA_KEYED_BY_EXAMPLE, format!("`{what}` documents one entry, a `key` and a `{row}` row, and the example at {example} holds the entry `{key}`: a map from key to `{row}`"));
            changed = true;
            continue;
        }
        let [only] = &mut fields[..] else { continue };
        let row = only.name.clone();
        if *holds == KeyedValues::RowsMap && !matches!(only.schema.kind, SchemaKind::Map { .. }) {
            continue; // a named map: left as documented
        }
        let row_schema = std::mem::replace(&mut only.schema, Schema::any());
        node.kind = match row_schema.kind {
            SchemaKind::Map { .. } if *holds == KeyedValues::RowsMap => row_schema.kind,
            kind => SchemaKind::Map {
                values: Box::new(Schema { kind, ..row_schema }),
            },
        };
        diags.add(&at, catalogue::SCHEMA_KEYED_BY_EXAMPLE, format!("`{what}` documents one row, `{row}`, and the example at {example} uses the key `{key}` for it: a map from key to `{row}`"));
        changed = true;
    }
    changed
}

/// `field` is `key` with its first letter capitalised (`Hosts`, `hosts`).
fn capitalises(field: &str, key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|first| {
        first.is_ascii_lowercase()
            && field.strip_prefix(first.to_ascii_uppercase()) == Some(chars.as_str())
    })
}

/// A table cell that capitalises a field's first letter (`Hosts | Array | 主机参数，请参见表4`)
/// where the examples show the object with `"hosts": […]` in its place and never `Hosts`: the
/// field is named as the examples show it (the wire name), keeping its table's schema. Returns
/// whether a field was renamed (the examples are then walked again).
fn name_as_shown(
    api: &mut Api,
    targets: &[Target],
    held: &HashMap<Node, HashSet<String>>,
    diags: &mut Diagnostics,
) -> bool {
    let mut changed = false;
    for t in targets {
        let Fix::Unlisted(key, _, Some(field)) = &t.fix else {
            continue;
        };
        let node_id = (t.root.clone(), t.path.clone());
        if !capitalises(field, key) || held.get(&node_id).is_some_and(|h| h.contains(field)) {
            continue;
        }
        let what = t.what();
        let Some(node) = node_mut(api, &t.root, &t.path) else {
            continue;
        };
        let SchemaKind::Object { fields } = &mut node.kind else {
            continue;
        };
        if fields.iter().any(|f| f.name == *key) {
            continue;
        }
        let Some(f) = fields.iter_mut().find(|f| f.name == *field) else {
            continue;
        };
        f.name = key.clone();
        let at = f.schema.span.clone().unwrap_or_else(|| t.span.clone());
        let example = t.example();
        diags.add(&at, catalogue::FIELD_NAMED_BY_EXAMPLE, format!("`{what}` documents `{field}`, which the example at {example} holds as `{key}` (and no example as `{field}`): named `{key}`"));
        changed = true;
    }
    changed
}

/// A string whose content a table describes (JSON text) that the examples show as an object or
/// an array: the type cell is wrong, the field is that object or a list of them. Returns
/// whether a field changed.
fn objects_as_shown(api: &mut Api, targets: &[Target], diags: &mut Diagnostics) -> bool {
    let mut changed = false;
    for t in targets {
        let Fix::Shape(shape @ (ExampleShape::Object | ExampleShape::Array)) = t.fix else {
            continue;
        };
        let what = t.what();
        let Some(node) = node_mut(api, &t.root, &t.path) else {
            continue;
        };
        if !matches!(node.kind, SchemaKind::String { .. }) {
            continue;
        }
        let Some(content) = node.json_content.take() else {
            continue;
        };
        let name = match &content.kind {
            SchemaKind::Ref { name } => name.clone(),
            other => other.json_type().to_string(),
        };
        node.kind = match shape {
            ExampleShape::Object => content.kind,
            _ => SchemaKind::Array { items: content },
        };
        let at = node.span.clone().unwrap_or_else(|| t.span.clone());
        let example = t.example();
        let typed = if shape == ExampleShape::Object {
            format!("an object of `{name}`")
        } else {
            format!("a list of `{name}`")
        };
        diags.add(&at, catalogue::SCHEMA_OBJECT_BY_EXAMPLE, format!("`{what}` is documented as a string holding JSON text of `{name}`, and the example at {example} shows {}: {typed}", shape_words(shape)));
        changed = true;
    }
    changed
}

/// Widen integers and value lists that the documented examples prove too narrow.
pub fn widen_by_examples(api: &mut Api, diags: &mut Diagnostics) {
    let (mut targets, mut held) = corrections(api);
    // Maps first: the examples are walked again against them (a map's values may be one-row
    // tables keyed in turn: `paths` → `uri` → `method`).
    for _ in 0..MAX_KEYED_DEPTH {
        if !key_maps(api, &targets, diags) {
            break;
        }
        (targets, held) = corrections(api);
    }
    // Names and JSON text shown as objects next, so that what those fields hold is checked
    // against their tables.
    let renamed = name_as_shown(api, &targets, &held, diags);
    if objects_as_shown(api, &targets, diags) || renamed {
        (targets, held) = corrections(api);
    }
    // A key shown only in place of a documented field other objects hold (the object's only
    // unknown key of that type, the only such field it lacks: `{"key": "batch_size", "value":
    // 32}` beside `{"label": …, "value": …}`) is that field misspelt, not a new one: a key is
    // added when some object shows it otherwise.
    let genuine: HashSet<(Node, String)> = targets
        .iter()
        .filter_map(|t| match &t.fix {
            Fix::Unlisted(key, _, stands_for) => {
                let node = (t.root.clone(), t.path.clone());
                let stands_in = stands_for
                    .as_ref()
                    .is_some_and(|f| held.get(&node).is_some_and(|h| h.contains(f)));
                (!stands_in).then(|| (node, key.clone()))
            }
            _ => None,
        })
        .collect();
    // Fields added from examples: object node and key.
    let mut added: HashSet<(Node, String)> = HashSet::new();
    // Keys said not to be added: object node and key (one diagnostic each).
    let mut said: HashSet<(Node, String)> = HashSet::new();
    for t in targets {
        let what = t.what();
        let Some(node) = node_mut(api, &t.root, &t.path) else {
            continue;
        };
        let at = node.span.clone().unwrap_or_else(|| t.span.clone());
        let example = t.example();
        match t.fix {
            Fix::Widen(value) => {
                let SchemaKind::Integer { format } = &mut node.kind else {
                    continue;
                };
                if format.fits(value) {
                    continue; // already widened by an earlier example
                }
                let documented = *format;
                *format = crate::ir::IntFormat::Int64;
                diags.add(&at, catalogue::TYPE_WIDENED_BY_EXAMPLE, format!("`{what}` is documented as {documented} but the example at {example} holds {value}: typed int64"));
            }
            Fix::EnumValue(value) => {
                if node
                    .enum_values
                    .iter()
                    .any(|e| same_value(&e.value, &value))
                {
                    continue; // already added for an earlier example
                }
                // The list is typed like the field: a string example for an integer list (or the
                // reverse) contradicts the type, not the list; the conformance report covers it.
                let fits_type = match node.kind {
                    SchemaKind::String { .. } => value.is_string(),
                    SchemaKind::Integer { .. } => value.is_i64() || value.is_u64(),
                    _ => value.is_number(),
                };
                if !fits_type {
                    continue;
                }
                diags.add(&at, catalogue::ENUM_EXTENDED_BY_EXAMPLE, format!("`{what}` lists its values but the example at {example} shows {value}, which is not among them: added as a documented value"));
                node.enum_values.push(EnumValue {
                    value,
                    description: Some(format!(
                        "Not in the documented list; shown in the example at {example}."
                    )),
                });
            }
            Fix::Nullable => {
                if node.nullable {
                    continue;
                }
                node.nullable = true;
                diags.add(&at, catalogue::TYPE_NULLABLE_BY_EXAMPLE, format!("`{what}` is not documented as nullable but the example at {example} holds null: null accepted"));
            }
            Fix::Optional(field) => {
                let SchemaKind::Object { fields } = &mut node.kind else {
                    continue;
                };
                let Some(f) = fields.iter_mut().find(|f| f.name == field && f.required) else {
                    continue;
                };
                f.required = false;
                let at = f.schema.span.clone().unwrap_or(at);
                diags.add(&at, catalogue::REQUIRED_RELAXED_BY_EXAMPLE, format!("`{what}.{field}` is documented as mandatory but the example at {example} omits it: optional"));
            }
            Fix::Limit(value) => {
                let c = &mut node.constraints;
                if !outside_limits(c, &value) {
                    continue; // already relaxed for an earlier example
                }
                let documented = limits_words(c);
                match &value {
                    Value::String(text) => {
                        let len = text.chars().count() as u64;
                        if c.min_length.is_some_and(|m| len < m) {
                            c.min_length = Some(len).filter(|&l| l > 0);
                        }
                        if c.max_length.is_some_and(|m| len > m) {
                            c.max_length = Some(len);
                        }
                    }
                    Value::Number(n) => {
                        let Some(x) = n.as_f64() else { continue };
                        if c.minimum
                            .is_some_and(|m| x < m || (c.exclusive_minimum && x == m))
                        {
                            c.minimum = Some(x);
                            c.exclusive_minimum = false;
                        }
                        if c.maximum
                            .is_some_and(|m| x > m || (c.exclusive_maximum && x == m))
                        {
                            c.maximum = Some(x);
                            c.exclusive_maximum = false;
                        }
                    }
                    _ => continue,
                }
                let now = limits_words(c);
                diags.add(&at, catalogue::LIMIT_RELAXED_BY_EXAMPLE, format!("`{what}` is documented with {documented} but the example at {example} shows {value}: now {now}"));
            }
            // Decided above.
            Fix::Keyed(_) => {}
            Fix::Unlisted(key, value, stands_for) => {
                let id = ((t.root.clone(), t.path.clone()), key.clone());
                if !genuine.contains(&id) {
                    if let Some(field) = stands_for.filter(|_| said.insert(id)) {
                        diags.add(&t.span, catalogue::EXAMPLE_UNDECLARED_KEY, format!("`{what}` has no row `{key}`, which the example at {example} holds where the documented `{field}` is missing and other examples hold `{field}`: read as `{field}` misspelt, not added"));
                    }
                    continue;
                }
                let SchemaKind::Object { fields } = &mut node.kind else {
                    continue;
                };
                let shown = schema_of_example(&value);
                if let Some(f) = fields.iter_mut().find(|f| f.name == key) {
                    // Added for an earlier example: examples that disagree on its type leave
                    // it free-form (an integer and a fraction make a number).
                    if added.contains(&id) {
                        merge_shown(&mut f.schema, shown);
                    }
                    continue;
                }
                added.insert(id);
                let ty = shown.kind.json_type();
                let mut schema = shown;
                schema.description = Some(UNLISTED_NOTE.to_string());
                schema.span = Some(t.span.clone());
                fields.push(Field {
                    name: key.clone(),
                    required: false,
                    schema,
                });
                diags.add(&t.span, catalogue::FIELD_FROM_EXAMPLE, format!("`{what}` has no row `{key}` but the example at {example} holds it: added as an optional {ty} field"));
            }
            Fix::NotAName(key) => {
                let id = ((t.root.clone(), t.path.clone()), key.clone());
                if said.insert(id) {
                    // `kubernetes.io/namespace`, `@modelarts:import_origin`: a qualified name
                    // (a label or annotation); `ssl_id `, `ac;_id`, `maintain_end"`: damage.
                    let qualified = key.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ':' | '@')
                    }) && key
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '@');
                    let why = if qualified {
                        "a qualified name (a label or annotation key?)"
                    } else {
                        "no field name (a typo in the example?)"
                    };
                    diags.add(&t.span, catalogue::EXAMPLE_UNDECLARED_KEY, format!("`{what}` has no row {key:?}, which the example at {example} holds: {why}, not added"));
                }
            }
            Fix::Unheld(keys) => {
                let SchemaKind::Object { fields } = &node.kind else {
                    continue; // keyed as a map meanwhile
                };
                let id = ((t.root.clone(), t.path.clone()), keys.join(","));
                if !said.insert(id) {
                    continue;
                }
                let documented: Vec<String> = fields
                    .iter()
                    .take(4)
                    .map(|f| format!("`{}`", f.name))
                    .collect();
                let more = if fields.len() > 4 { ", …" } else { "" };
                let shown: Vec<String> = keys.iter().take(4).map(|k| format!("`{k}`")).collect();
                let more_shown = if keys.len() > 4 { ", …" } else { "" };
                diags.add(&t.span, catalogue::EXAMPLE_UNDECLARED_KEY, format!("`{what}` documents {}{more}, and the example at {example} shows there an object holding none of them ({}{more_shown}): its keys are not added", documented.join(", "), shown.join(", ")));
            }
            Fix::Nested => {
                if !matches!(
                    node.kind,
                    SchemaKind::Integer { .. } | SchemaKind::Number { .. } | SchemaKind::Boolean
                ) {
                    continue; // nested by an earlier example
                }
                let documented = documented_type(node);
                // The values, their limits and value list go to the items; the description,
                // span and nullability stay with the list.
                let mut item = Schema::new(node.kind.clone());
                item.enum_values = std::mem::take(&mut node.enum_values);
                item.constraints = std::mem::take(&mut node.constraints);
                item.default = node.default.take();
                item.example_shapes = std::mem::take(&mut node.example_shapes);
                node.kind = SchemaKind::Array {
                    items: Box::new(item),
                };
                diags.add(&at, catalogue::TYPE_NESTED_BY_EXAMPLE, format!("`{what}` is documented as {documented} but the example at {example} shows a list of such values: typed as that list"));
            }
            Fix::Shape(shape) => {
                if node.example_shapes.contains(&shape) {
                    continue;
                }
                node.example_shapes.push(shape);
                node.example_shapes.sort();
                let documented = documented_type(node);
                diags.add(&at, catalogue::TYPE_WIDENED_BY_EXAMPLE, format!("`{what}` is documented as {documented} but the example at {example} shows {}: accepted as well", shape_words(shape)));
            }
        }
    }
}

/// Whether some item of an example's list holds a field the object documents: only then is
/// the list one of "such objects" (`[{"id": …, "name": …}]` for a table of `id`, `name`), not
/// another object's values shown in its place (`[{"id": …}]` for a body of `resources` and
/// `page_info`, an example of one field's value). A map documents no names, and a one-row
/// object is often keyed by other names (`apig-auth-type` shown as `"apig-auth-app"`, see
/// `keyed_by`): any object fits them.
fn holds_a_documented_field(kind: &SchemaKind, items: &[Value]) -> bool {
    let SchemaKind::Object { fields } = kind else {
        return true;
    };
    fields.len() <= 1
        || items.iter().any(|item| {
            item.as_object()
                .is_some_and(|map| fields.iter().any(|f| map.contains_key(&f.name)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Example, Field, NamedSchema, Operation, Response, ResponseBody};
    use std::sync::Arc;

    #[test]
    fn widens_only_what_examples_prove() {
        let span = Span::new(&Arc::from("f"), 1, 1);
        let int32 = || {
            Schema::new(SchemaKind::Integer {
                format: crate::ir::IntFormat::Int32,
            })
        };
        let item = Schema::new(SchemaKind::Object {
            fields: vec![
                Field {
                    name: "create_time".into(),
                    required: false,
                    schema: int32(),
                },
                Field {
                    name: "count".into(),
                    required: false,
                    schema: int32(),
                },
            ],
        });
        let mut api = Api::default();
        api.schemas.insert(
            "Item".into(),
            NamedSchema {
                name: "Item".into(),
                schema: item,
            },
        );
        let body = Schema::new(SchemaKind::Array {
            items: Box::new(Schema::new(SchemaKind::Ref {
                name: "Item".into(),
            })),
        });
        let mut arch = Schema::string();
        arch.enum_values = vec![EnumValue {
            value: "X86_64".into(),
            description: None,
        }];
        if let SchemaKind::Object { fields } = &mut api.schemas.get_mut("Item").unwrap().schema.kind
        {
            fields.push(Field {
                name: "arch".into(),
                required: false,
                schema: arch,
            });
        }
        let example = serde_json::json!([{ "create_time": 1470000020000i64, "count": 3, "arch": "x86_64" }, { "arch": "X86_64" }]);
        let mut responses = std::collections::BTreeMap::new();
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
        let mut op = Operation::stub("list_items", crate::ir::HttpMethod::Get, "/items", span);
        op.responses = responses;
        api.operations.push(op);
        let mut diags = Diagnostics::new();
        widen_by_examples(&mut api, &mut diags);
        let SchemaKind::Object { fields } = &api.schemas["Item"].schema.kind else {
            panic!()
        };
        assert_eq!(
            fields[0].schema.kind,
            SchemaKind::Integer {
                format: crate::ir::IntFormat::Int64
            }
        );
        assert_eq!(
            fields[1].schema.kind,
            SchemaKind::Integer {
                format: crate::ir::IntFormat::Int32
            },
            "a value that fits proves nothing"
        );
        let values: Vec<&Value> = fields[2]
            .schema
            .enum_values
            .iter()
            .map(|e| &e.value)
            .collect();
        assert_eq!(
            values,
            vec![&Value::from("X86_64"), &Value::from("x86_64")],
            "a listed value is not added twice"
        );
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes,
            vec!["type.widened-by-example", "enum.extended-by-example"]
        );
    }

    fn field(name: &str, required: bool, schema: Schema) -> Field {
        Field {
            name: name.into(),
            required,
            schema,
        }
    }

    fn api_with_request(body: Schema, examples: &[Value]) -> Api {
        let span = Span::new(&Arc::from("f"), 1, 1);
        let mut api = Api::default();
        let mut op = Operation::stub(
            "create_thing",
            crate::ir::HttpMethod::Post,
            "/things",
            span.clone(),
        );
        op.request_body = Some(crate::ir::RequestBody {
            content_type: "application/json".into(),
            required: true,
            schema: body,
            examples: examples
                .iter()
                .map(|v| Example {
                    value: ExampleValue::Json(v.clone()),
                    span: span.clone(),
                })
                .collect(),
            span,
        });
        api.operations.push(op);
        api
    }

    fn request_fields(api: &Api) -> &[Field] {
        let body = &api.operations[0].request_body.as_ref().unwrap().schema;
        match &body.kind {
            SchemaKind::Object { fields } => fields,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_row_objects_keyed_by_other_names_are_maps() {
        let object = |fields: Vec<Field>| Schema::new(SchemaKind::Object { fields });
        let operation = || {
            object(vec![
                field("summary", false, Schema::string()),
                field("operationId", false, Schema::string()),
            ])
        };
        // paths → uri → method, as a Swagger document's tables describe it; `{key}` typed as
        // the map it is; `renamed` shown under another identifier (a renamed field: no map).
        let body = object(vec![
            field(
                "paths",
                true,
                object(vec![field(
                    "uri",
                    true,
                    object(vec![field("method", true, operation())]),
                )]),
            ),
            field(
                "responses",
                false,
                object(vec![field(
                    "{key}",
                    false,
                    Schema::new(SchemaKind::Map {
                        values: Box::new(object(vec![
                            field("status", false, Schema::string()),
                            field("body", false, Schema::string()),
                        ])),
                    }),
                )]),
            ),
            field(
                "renamed",
                false,
                object(vec![field("old_name", false, operation())]),
            ),
        ]);
        let example = serde_json::json!({
            "paths": {"/v1/things/{id}": {"get": {"summary": "s", "operationId": "o"}}},
            "responses": {"ACCESS_DENIED": {"status": "403", "body": "b"}},
            "renamed": {"new_name": {"summary": "s"}},
        });
        let mut api = api_with_request(body, &[example]);
        let mut diags = Diagnostics::new();
        widen_by_examples(&mut api, &mut diags);
        let fields = request_fields(&api);
        let SchemaKind::Map { values: uri } = &fields[0].schema.kind else {
            panic!("{:?}", fields[0].schema.kind)
        };
        let SchemaKind::Map { values: method } = &uri.kind else {
            panic!("{:?}", uri.kind)
        };
        assert!(matches!(&method.kind, SchemaKind::Object { fields } if fields.len() == 2));
        // Keys, not a missing mandatory row: nothing relaxed.
        assert!(!diags
            .iter()
            .any(|d| d.code == "required.relaxed-by-example"));
        let SchemaKind::Map { values } = &fields[1].schema.kind else {
            panic!("{:?}", fields[1].schema.kind)
        };
        assert!(matches!(&values.kind, SchemaKind::Object { fields } if fields.len() == 2));
        assert!(matches!(&fields[2].schema.kind, SchemaKind::Object { .. }));
        let keyed = diags
            .iter()
            .filter(|d| d.code == "schema.keyed-by-example")
            .count();
        assert_eq!(keyed, 3, "{diags:#?}");
    }

    #[test]
    fn nulls_omissions_and_other_shapes_are_recorded_and_only_those() {
        let int32 = || {
            Schema::new(SchemaKind::Integer {
                format: crate::ir::IntFormat::Int32,
            })
        };
        let tag = || {
            Schema::new(SchemaKind::Object {
                fields: vec![field("key", false, Schema::string())],
            })
        };
        let body = Schema::new(SchemaKind::Object {
            fields: vec![
                field("name", true, Schema::string()),
                field("model_id", true, int32()),
                field("count", false, int32()),
                field("note", false, Schema::string()),
                field("tag", false, tag()),
                field(
                    "tags",
                    false,
                    Schema::new(SchemaKind::Array {
                        items: Box::new(tag()),
                    }),
                ),
                field("flag", false, Schema::string()),
            ],
        });
        let examples = [
            // model_id omitted; count as a numeric string; note null; an array where one tag
            // object is documented; one object where an array of tags is documented; a boolean
            // in a String field.
            serde_json::json!({
                "name": "a", "count": "100", "note": null,
                "tag": [{ "key": "k" }], "tags": { "key": "k" }, "flag": true
            }),
            // Counter-examples: every value as documented proves nothing.
            serde_json::json!({ "name": "b", "model_id": 7, "count": 3, "note": "n",
                "tag": { "key": "k" }, "tags": [{ "key": "k" }], "flag": "yes" }),
        ];
        let mut api = api_with_request(body, &examples);
        let mut diags = Diagnostics::new();
        widen_by_examples(&mut api, &mut diags);
        let f = request_fields(&api);
        let by_name = |n: &str| f.iter().find(|x| x.name == n).unwrap();
        assert!(by_name("name").required, "present in every example");
        assert!(!by_name("model_id").required, "omitted by an example");
        assert_eq!(
            by_name("count").schema.example_shapes,
            vec![ExampleShape::NumericString]
        );
        assert!(by_name("note").schema.nullable);
        assert!(by_name("note").schema.example_shapes.is_empty());
        assert_eq!(
            by_name("tag").schema.example_shapes,
            vec![ExampleShape::ListOfItems]
        );
        assert_eq!(
            by_name("tags").schema.example_shapes,
            vec![ExampleShape::SingleItem]
        );
        assert_eq!(
            by_name("flag").schema.example_shapes,
            vec![ExampleShape::Boolean]
        );
        assert!(
            !by_name("name").schema.nullable && by_name("name").schema.example_shapes.is_empty()
        );
        let mut codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        codes.sort_unstable();
        assert_eq!(
            codes,
            vec![
                "required.relaxed-by-example",
                "type.nullable-by-example",
                "type.widened-by-example",
                "type.widened-by-example",
                "type.widened-by-example",
                "type.widened-by-example",
            ]
        );
    }

    /// `""` for a name of 1 to 255 characters and `-1` for a quota from 0 relax the limits;
    /// a masked secret (`******` under a 16-character minimum) is no evidence.
    #[test]
    fn limits_relaxed_by_example_values_not_by_masks() {
        let limited = |kind: SchemaKind, c: crate::ir::Constraints| Schema {
            constraints: c,
            ..Schema::new(kind)
        };
        let text = || SchemaKind::String { format: None };
        let body = Schema::new(SchemaKind::Object {
            fields: vec![
                field(
                    "name",
                    false,
                    limited(
                        text(),
                        crate::ir::Constraints {
                            min_length: Some(1),
                            max_length: Some(255),
                            ..Default::default()
                        },
                    ),
                ),
                field(
                    "quota",
                    false,
                    limited(
                        SchemaKind::Integer {
                            format: crate::ir::IntFormat::Int32,
                        },
                        crate::ir::Constraints {
                            minimum: Some(0.0),
                            maximum: Some(100.0),
                            ..Default::default()
                        },
                    ),
                ),
                field(
                    "secret",
                    false,
                    limited(
                        text(),
                        crate::ir::Constraints {
                            min_length: Some(16),
                            ..Default::default()
                        },
                    ),
                ),
            ],
        });
        let mut api = api_with_request(
            body,
            &[serde_json::json!({"name": "", "quota": -1, "secret": "******"})],
        );
        let mut diags = Diagnostics::new();
        widen_by_examples(&mut api, &mut diags);
        let fields = request_fields(&api);
        assert_eq!(
            fields[0].schema.constraints,
            crate::ir::Constraints {
                min_length: None,
                max_length: Some(255),
                ..Default::default()
            }
        );
        assert_eq!(fields[1].schema.constraints.minimum, Some(-1.0));
        assert_eq!(fields[1].schema.constraints.maximum, Some(100.0));
        assert_eq!(fields[2].schema.constraints.min_length, Some(16));
        let relaxed: Vec<&str> = diags
            .iter()
            .filter(|d| d.code == "limit.relaxed-by-example")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(relaxed.len(), 2, "{relaxed:#?}");
        assert!(relaxed[1].contains("≥ 0, ≤ 100") && relaxed[1].contains("now ≥ -1, ≤ 100"));
    }

    #[test]
    fn examples_that_agree_with_the_table_change_nothing() {
        let body = Schema::new(SchemaKind::Object {
            fields: vec![
                field("name", true, Schema::string()),
                field(
                    "size",
                    false,
                    Schema::new(SchemaKind::Number {
                        format: crate::ir::NumberFormat::Double,
                    }),
                ),
            ],
        });
        let before = body.clone();
        let mut api = api_with_request(
            body,
            &[
                serde_json::json!({ "name": "x", "size": 1.5 }),
                serde_json::json!({ "name": "y" }),
            ],
        );
        let mut diags = Diagnostics::new();
        widen_by_examples(&mut api, &mut diags);
        assert_eq!(
            api.operations[0].request_body.as_ref().unwrap().schema,
            before
        );
        assert!(diags.is_empty(), "{diags:?}");
    }
}
