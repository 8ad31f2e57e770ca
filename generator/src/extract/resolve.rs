//! Turning field tables into schemas: type expressions resolved against the tables that describe
//! nested objects — by link, by type name (exact, wrap-repaired, abbreviated, near-miss), by a
//! `表 N`/`Table N` reference, or by a caption naming the field — nearest following table first.

use super::fields::{columns, read_fields, RawField};
use super::registry::{component_name, Registry};
use super::text::describe;
use super::types::{parse_type, TypeExpr};
use super::vocab::{strip_table_number, CaptionRole};
use crate::diag::{Diagnostics, Span};
use crate::doc::{BlockKind, Document, LinkTarget, Table};
use crate::ir::{Field, Schema, SchemaKind};
use regex::Regex;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// An object-describing table of the document, with the name its caption gives it.
#[derive(Debug, Clone)]
pub struct ObjectTable {
    pub block: usize,
    pub name: String,
}

/// Document-wide indexes used for resolution.
pub struct DocIndex<'a> {
    pub doc: &'a Document,
    /// anchor → table block.
    pub anchors: HashMap<String, usize>,
    /// caption number (`4-3`, `3`) → table blocks with that number (in order).
    pub numbers: HashMap<String, Vec<usize>>,
}

impl<'a> DocIndex<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let mut anchors = HashMap::new();
        let mut numbers: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            if let BlockKind::Table(t) = &b.kind {
                for a in &b.anchors {
                    anchors.entry(a.clone()).or_insert(i);
                }
                if let Some(num) = t
                    .caption
                    .as_ref()
                    .and_then(|c| strip_table_number(&c.one_line()).0)
                {
                    numbers.entry(num).or_default().push(i);
                }
            }
        }
        DocIndex {
            doc,
            anchors,
            numbers,
        }
    }
    pub fn table(&self, block: usize) -> Option<&'a Table> {
        match &self.doc.blocks.get(block)?.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        }
    }
}

/// Lookup key for names: case-insensitive, ignoring `_`, `-`, spaces.
pub fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            cur[j] = (prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
        }
        prev = cur;
    }
    prev[b.len()]
}

static TABLE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:表|Table)\s*(\d+(?:-\d+)?)").expect("valid regex"));

/// Resolves the tables of one operation into schemas.
pub struct Resolver<'a, 'r> {
    pub index: &'a DocIndex<'a>,
    pub objects: Vec<ObjectTable>,
    pub registry: &'r mut Registry,
    pub diags: &'r mut Diagnostics,
    /// PascalCase operation name, to disambiguate schema names.
    pub context: String,
    /// table block → component name, so a table referenced twice is one schema.
    memo: HashMap<usize, String>,
    in_progress: Vec<usize>,
    /// Tables consumed (for orphan detection and coverage counts).
    pub used: BTreeSet<usize>,
}

impl<'a, 'r> Resolver<'a, 'r> {
    pub fn new(
        index: &'a DocIndex<'a>,
        objects: Vec<ObjectTable>,
        registry: &'r mut Registry,
        diags: &'r mut Diagnostics,
        context: String,
    ) -> Self {
        Resolver {
            index,
            objects,
            registry,
            diags,
            context,
            memo: HashMap::new(),
            in_progress: Vec::new(),
            used: BTreeSet::new(),
        }
    }

    /// The object table nearest after `from` (else nearest before) whose name matches.
    fn nearest(&self, from: usize, matches: impl Fn(&ObjectTable) -> bool) -> Option<usize> {
        let hits: Vec<usize> = self
            .objects
            .iter()
            .filter(|o| matches(o))
            .map(|o| o.block)
            .collect();
        hits.iter()
            .copied()
            .find(|&b| b > from)
            .or_else(|| hits.iter().copied().rev().find(|&b| b < from))
    }

    fn by_type_name(&mut self, name: &str, from: usize, span: &Span) -> Option<usize> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(b) = self.nearest(from, |o| name_key(&o.name) == key) {
            return Some(b);
        }
        // Abbreviations (`EndpointsRequest` vs `EndpointsReq`, `…Response` vs `…Resp`).
        let abbreviated = self.nearest(from, |o| {
            let k = name_key(&o.name);
            let (short, long) = if k.len() < key.len() {
                (&k, &key)
            } else {
                (&key, &k)
            };
            short.len() >= 6
                && long.starts_with(short.as_str())
                && short.len() * 10 >= long.len() * 7
        });
        if let Some(b) = abbreviated {
            let found = self
                .objects
                .iter()
                .find(|o| o.block == b)
                .map(|o| o.name.clone())
                .unwrap_or_default();
            self.diags.note(
                span,
                "type.resolved-abbreviation",
                format!("type `{name}` resolved to the table named `{found}` (abbreviated name)"),
            );
            return Some(b);
        }
        // Typos (`Packege`/`Package`, `Skulnfo`/`SkuInfo`).
        let near = self.nearest(from, |o| {
            let k = name_key(&o.name);
            key.len() >= 6 && edit_distance(&k, &key) <= 2
        });
        if let Some(b) = near {
            let found = self
                .objects
                .iter()
                .find(|o| o.block == b)
                .map(|o| o.name.clone())
                .unwrap_or_default();
            self.diags.note(
                span,
                "type.resolved-near-miss",
                format!(
                    "type `{name}` resolved to the table named `{found}` (names differ by a typo)"
                ),
            );
            return Some(b);
        }
        None
    }

    /// A table the field's cells link to, or name by number (`表 4`, `Table 5`).
    fn by_reference(&self, field: &RawField, from: usize) -> Option<usize> {
        for cell in [&field.type_cell, &field.description] {
            for (_, target) in cell.links() {
                if let LinkTarget::Anchor(a) = target {
                    if let Some(&b) = self.index.anchors.get(a) {
                        return Some(b);
                    }
                }
            }
        }
        let text = format!(
            "{} {}",
            field.type_cell.one_line(),
            field.description.one_line()
        );
        for cap in TABLE_REF.captures_iter(&text) {
            if let Some(blocks) = self.index.numbers.get(&cap[1]) {
                // Prefer a table of this operation, else the nearest one in the document.
                if let Some(&b) = blocks
                    .iter()
                    .find(|b| self.objects.iter().any(|o| o.block == **b))
                {
                    return Some(b);
                }
                if let Some(&b) = blocks.iter().min_by_key(|b| b.abs_diff(from)) {
                    return Some(b);
                }
            }
        }
        None
    }

    fn by_field_name(&self, field: &RawField, from: usize) -> Option<usize> {
        let key = name_key(&field.name);
        self.nearest(from, |o| name_key(&o.name) == key)
    }

    /// Build (or reuse) the named schema for an object table.
    pub fn object_schema(&mut self, block: usize, preferred_name: &str, span: &Span) -> Schema {
        self.used.insert(block);
        if let Some(name) = self.memo.get(&block) {
            return Schema::new(SchemaKind::Ref { name: name.clone() });
        }
        if self.in_progress.contains(&block) {
            // A recursive structure: refer to the component being built.
            let name = component_name(preferred_name, &self.context);
            return Schema::new(SchemaKind::Ref { name });
        }
        let Some(table) = self.index.table(block) else {
            return Schema::any();
        };
        self.in_progress.push(block);
        let schema = self.table_schema(table, block);
        self.in_progress.pop();
        let table_span = self.index.doc.blocks[block].span.clone();
        let mut schema = schema;
        schema.span = Some(table_span);
        let name = self.registry.intern(
            &component_name(preferred_name, &self.context),
            &self.context,
            schema,
            span,
            self.diags,
        );
        self.memo.insert(block, name.clone());
        Schema::new(SchemaKind::Ref { name })
    }

    /// The object schema of a field table (fields in table order).
    pub fn table_schema(&mut self, table: &Table, block: usize) -> Schema {
        let cols = columns(table);
        let raw = read_fields(table, &cols, self.diags);
        let mut fields: Vec<Field> = Vec::new();
        for f in &raw {
            if fields.iter().any(|x| x.name == f.name) {
                self.diags.warn(
                    &f.span,
                    "field.duplicate",
                    format!(
                        "field `{}` is listed twice in one table; the first is kept",
                        f.name
                    ),
                );
                continue;
            }
            let schema = self.field_schema(f, block);
            fields.push(Field {
                name: f.name.clone(),
                required: f.required.unwrap_or(false),
                schema,
            });
        }
        Schema::new(SchemaKind::Object { fields })
    }

    /// The schema of one documented field / parameter.
    pub fn field_schema(&mut self, f: &RawField, table_block: usize) -> Schema {
        let expr = parse_type(&f.type_text);
        let mut schema = self.resolve(&expr, f, table_block);
        schema.description = Some(describe(&f.description)).filter(|d| !d.is_empty());
        schema.raw_type = Some(f.type_text.clone()).filter(|t| !t.is_empty());
        schema.span = Some(f.span.clone());
        super::prose::apply(&mut schema, &f.description, &f.span, self.diags);
        schema
    }

    fn resolve(&mut self, expr: &TypeExpr, f: &RawField, from: usize) -> Schema {
        use TypeExpr::*;
        let kind = match expr {
            String => SchemaKind::String { format: None },
            Binary => SchemaKind::String {
                format: Some("binary".into()),
            },
            Int16 => SchemaKind::Integer {
                format: "int16".into(),
            },
            Int32 => SchemaKind::Integer {
                format: "int32".into(),
            },
            Int64 => SchemaKind::Integer {
                format: "int64".into(),
            },
            Float => SchemaKind::Number {
                format: "float".into(),
            },
            Double | Number => SchemaKind::Number {
                format: "double".into(),
            },
            Boolean => SchemaKind::Boolean,
            Array(inner) => SchemaKind::Array {
                items: Box::new(self.resolve(inner, f, from)),
            },
            Map(inner) => SchemaKind::Map {
                values: Box::new(self.resolve(inner, f, from)),
            },
            Object => {
                let found = self
                    .by_reference(f, from)
                    .or_else(|| self.by_field_name(f, from));
                return match found {
                    Some(b) if b != from => {
                        self.object_schema(b, &self.table_object_name(b, &f.name), &f.span)
                    }
                    _ => {
                        self.diags.note(
                            &f.span,
                            "schema.free-form",
                            format!(
                                "`{}` is an object with no table describing it: a free-form value",
                                f.name
                            ),
                        );
                        Schema::any()
                    }
                };
            }
            Named(name) => {
                let found = self
                    .by_type_name(name, from, &f.span)
                    .or_else(|| self.by_reference(f, from))
                    .or_else(|| self.by_field_name(f, from));
                return match found {
                    Some(b) if b != from || self.in_progress.contains(&b) => {
                        self.object_schema(b, name, &f.span)
                    }
                    _ => {
                        self.diags.warn(&f.span, "type.unresolved", format!("type `{name}` of `{}` has no table describing it: a free-form value", f.name));
                        Schema::any()
                    }
                };
            }
            Unknown(raw) => {
                if raw.is_empty() {
                    self.diags.warn(
                        &f.span,
                        "type.missing",
                        format!("`{}` has no type: a free-form value", f.name),
                    );
                } else {
                    self.diags.warn(
                        &f.span,
                        "type.unknown",
                        format!(
                            "unknown type spelling `{raw}` of `{}`: a free-form value",
                            f.name
                        ),
                    );
                }
                SchemaKind::Any
            }
        };
        Schema::new(kind)
    }

    /// The name to give a table found by link/number/field name: its caption name, else the field.
    fn table_object_name(&self, block: usize, field_name: &str) -> std::string::String {
        self.objects
            .iter()
            .find(|o| o.block == block)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| {
                match self
                    .index
                    .table(block)
                    .and_then(|t| t.caption.as_ref())
                    .map(|c| super::vocab::caption_role(&c.one_line()))
                {
                    Some(CaptionRole::Object(n)) => n,
                    _ => field_name.to_string(),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(
            edit_distance("workflowservicepackege", "workflowservicepackage"),
            1
        );
        assert_eq!(edit_distance("skulnfo", "skuinfo"), 1);
        assert_eq!(name_key("data_source"), "datasource");
    }
}
