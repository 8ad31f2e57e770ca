//! A row that stands for one of several keys, each named and described by its own table:
//! `backend_define | Object | API后端定义` with the bullets `httpEndpoints，参考表 后端httpEndpoints参数说明`,
//! `mockEndpoints，参考表 后端mockEndpoints参数说明`, …, where the message holds
//! `"httpEndpoints": {…}` and never `backend_define`. The row becomes one optional field per
//! named key, each of its table's schema.

use super::Resolver;
use crate::diag::catalogue;
use crate::doc::Inline;
use crate::extract::fields::RawField;
use crate::extract::text::is_identifier;
use crate::ir::Field;

impl Resolver<'_, '_> {
    /// The keys a row stands for and the table of each, when every bullet of its description
    /// opens with a name other than the row's and links a table of this page (two at least).
    pub(super) fn named_alternatives(&self, f: &RawField) -> Option<Vec<(String, usize)>> {
        let bullets: Vec<_> = f
            .description
            .paragraphs
            .iter()
            .filter(|p| p.list_depth > 0)
            .collect();
        if bullets.len() < 2 {
            return None;
        }
        let mut out: Vec<(String, usize)> = Vec::new();
        for p in bullets {
            let Some(Inline::Text(lead)) = p.inlines.first() else {
                return None;
            };
            let label = lead
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | ':' | '：'))
                .find(|w| !w.is_empty())?;
            if !is_identifier(label) || label == f.name {
                return None;
            }
            let table = p.inlines.iter().find_map(|i| match i {
                Inline::Link { target, .. } => self.index.linked_table(target),
                _ => None,
            })?;
            if !self.objects.iter().any(|o| o.block == table)
                || out.iter().any(|(l, t)| l == label || *t == table)
            {
                return None;
            }
            out.push((label.to_string(), table));
        }
        Some(out)
    }

    /// The optional fields a row standing for named keys becomes.
    pub(super) fn alternative_fields(
        &mut self,
        f: &RawField,
        keys: Vec<(String, usize)>,
    ) -> Vec<Field> {
        let names: Vec<String> = keys.iter().map(|(k, _)| format!("`{k}`")).collect();
        self.diags.add(
            &f.span,
            catalogue::FIELD_NAMED_ALTERNATIVES,
            format!(
                "`{}` stands for one of the keys its description names, each with its own table ({}): one optional field per key",
                f.name,
                names.join(", ")
            ),
        );
        keys.into_iter()
            .map(|(key, table)| {
                let name = self.table_object_name(table, &key);
                let mut schema = self.object_schema(table, &name, &f.span);
                schema.span = Some(f.span.clone());
                Field {
                    name: key,
                    required: false,
                    schema,
                }
            })
            .collect()
    }
}
