//! A field several tables describe, one per variant of the message: a task's `entities` with
//! "请参见如下各表：表4、表7、表9、表10" (`entities字段数据结构说明(调整实例容量)`, `…(主备倒换)`, …), an
//! `instance` that is "表3" for a new instance and "表4" for a read replica, a service's
//! `config` described by `real-time config`, `batch config` and `edge config`. The field's
//! schema is one object with the fields of every variant, required only where every variant
//! requires it: any variant the service sends or accepts reads into it, and no table is left
//! unused. (Which fields belong to which variant is the note's, not the schema's: the
//! generators this feeds handle a union of look-alike objects poorly.)

use super::{name_key, Resolver};
use crate::diag::{catalogue, Diagnostics, Span};
use crate::extract::fields::{columns, read_fields, RawField};
use crate::extract::registry::component_name;
use crate::extract::vocab::{variant_by_leading_word, variant_in_parentheses};
use crate::ir::{Field, Schema, SchemaKind};

/// How a table's name says which variant of which object it describes (`vocab::variant_*`).
type VariantNaming = fn(&str) -> Option<(String, String)>;

impl Resolver<'_, '_> {
    /// The variant tables of a field, in document order, when there are at least two: those
    /// sharing the object name of the variant table the field was tied to (`found`), or, when
    /// it was tied to none, those whose object is named like the field or a word of its type
    /// cell (`对应infer_type的config结构数组` → `config`).
    pub(super) fn variants(&self, f: &RawField, from: usize, found: Option<usize>) -> Vec<usize> {
        let name_of = |block: usize| {
            self.objects
                .iter()
                .find(|o| o.block == block)
                .map(|o| &o.name)
        };
        let free =
            |block: usize| block != from && !self.in_progress.iter().any(|(b, _)| *b == block);
        // Tables whose variant of `key` one of `named_by` reads off their name.
        let candidates = |key: &str, named_by: &[VariantNaming]| -> Vec<usize> {
            self.objects
                .iter()
                .filter(|o| free(o.block))
                .filter(|o| {
                    named_by.iter().any(|variant| {
                        variant(&o.name).is_some_and(|(base, _)| name_key(&base) == key)
                    })
                })
                .map(|o| o.block)
                .collect()
        };
        let linked = self.linked_objects(f);
        let group = match found {
            // The field links several tables, one per variant (`httpEndpoints，参考表 后端
            // httpEndpoints参数说明`, `httpVpcEndpoints，参考表 …`): those, less any that one of
            // the others links in turn (that one is nested, not a variant) and any named after
            // another row of the field's table (`allow_address_netmasks与allow_ip_ranges二选一`
            // links the sibling's table).
            Some(b) if linked.len() >= 2 && linked.contains(&b) => {
                let siblings = self.sibling_names(f, from);
                linked
                    .iter()
                    .copied()
                    .filter(|&t| free(t))
                    .filter(|&t| !name_of(t).is_some_and(|n| siblings.contains(&name_key(n))))
                    .filter(|&t| {
                        !linked
                            .iter()
                            .any(|&o| o != t && self.table_links(o).contains(&t))
                    })
                    .collect()
            }
            // The field's table names a variant in parentheses: its siblings are the others.
            Some(b) => match name_of(b).and_then(|n| variant_in_parentheses(n)) {
                Some((base, _)) => candidates(&name_key(&base), &[variant_in_parentheses]),
                None => return Vec::new(),
            },
            None => {
                let words = f
                    .type_text
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .chain([f.name.as_str()])
                    .map(name_key)
                    .filter(|k| !k.is_empty());
                words
                    .map(|k| candidates(&k, &[variant_in_parentheses, variant_by_leading_word]))
                    .find(|g| g.len() >= 2)
                    .unwrap_or_default()
            }
        };
        if group.len() >= 2 {
            group
        } else {
            Vec::new()
        }
    }

    /// The object tables of this page the field's cells link to, distinct, in link order.
    fn linked_objects(&self, f: &RawField) -> Vec<usize> {
        let mut out = Vec::new();
        for b in self.anchored_tables([&f.type_cell, &f.description, &f.name_cell]) {
            if !out.contains(&b) && self.objects.iter().any(|o| o.block == b) {
                out.push(b);
            }
        }
        out
    }

    /// The name keys of the other rows of the field's table.
    fn sibling_names(&self, f: &RawField, from: usize) -> Vec<String> {
        let Some(table) = self.index.table(from) else {
            return Vec::new();
        };
        read_fields(table, &columns(table), &mut Diagnostics::new())
            .iter()
            .filter(|r| r.name != f.name)
            .map(|r| name_key(&r.name))
            .collect()
    }

    /// One named object with the fields of every variant table in `blocks`.
    pub(super) fn variants_schema(
        &mut self,
        blocks: &[usize],
        preferred: &str,
        span: &Span,
    ) -> Schema {
        let building = component_name(preferred, &self.context);
        for &b in blocks {
            self.used.insert(b);
            self.in_progress.push((b, building.clone()));
        }
        // Per field: the first variant's field, and how many variants list / require it.
        let mut merged: Vec<(Field, usize, usize)> = Vec::new();
        let mut retyped: Vec<String> = Vec::new();
        for &b in blocks {
            let Some(table) = self.index.table(b) else {
                continue;
            };
            let SchemaKind::Object { fields } = self.table_schema(table, b).kind else {
                continue;
            };
            for field in fields {
                match merged.iter_mut().find(|(m, _, _)| m.name == field.name) {
                    Some((m, listed, required)) => {
                        *listed += 1;
                        *required += usize::from(field.required);
                        if !same_type(&m.schema.kind, &field.schema.kind)
                            && !retyped.contains(&field.name)
                        {
                            retyped.push(field.name.clone());
                        }
                    }
                    None => {
                        let required = usize::from(field.required);
                        merged.push((field, 1, required));
                    }
                }
            }
        }
        self.in_progress
            .truncate(self.in_progress.len() - blocks.len());
        let fields = merged
            .into_iter()
            .map(|(mut field, _, required)| {
                field.required = required == blocks.len();
                field
            })
            .collect();
        let names: Vec<String> = blocks
            .iter()
            .map(|&b| format!("`{}`", self.table_object_name(b, preferred)))
            .collect();
        let mut message = format!(
            "`{preferred}` is described by {} tables, one per variant ({}): one object with the fields of all of them, required where every one requires it",
            blocks.len(),
            names.join(", ")
        );
        if !retyped.is_empty() {
            message.push_str(&format!(
                "; typed differently by two variants, {} keep the first one's type",
                retyped.join(", ")
            ));
        }
        self.diags
            .add(span, catalogue::SCHEMA_VARIANTS_MERGED, message);
        let mut schema = Schema::new(SchemaKind::Object { fields });
        schema.span = Some(self.index.doc.blocks[blocks[0]].span.clone());
        let name = self
            .registry
            .intern(&building, &self.context, schema, span, self.diags);
        Schema::new(SchemaKind::Ref { name })
    }
}

/// Whether two variants give a field the same type (references by name, the rest by kind).
fn same_type(a: &SchemaKind, b: &SchemaKind) -> bool {
    match (a, b) {
        (SchemaKind::Ref { name: x }, SchemaKind::Ref { name: y }) => x == y,
        (SchemaKind::Array { items: x }, SchemaKind::Array { items: y }) => {
            same_type(&x.kind, &y.kind)
        }
        (SchemaKind::Map { values: x }, SchemaKind::Map { values: y }) => {
            same_type(&x.kind, &y.kind)
        }
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}
