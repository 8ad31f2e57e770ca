//! A nested table captioned with a field path whose last step its parent table does not list:
//! `token.roles` and `token.catalog` beside a `token` table of `expires_at`, `methods`,
//! `issued_at`, `user` (the responses hold `"roles": [...]` and `"catalog": [...]`). The
//! parent gets the field, optional (no table says it is always there), of the nested table's
//! schema; an example showing a list of those objects is recorded by the example evidence.

use super::{name_key, Resolver};
use crate::diag::{catalogue, Span};
use crate::extract::text::is_hyphenated_identifier;
use crate::ir::Field;

impl Resolver<'_, '_> {
    /// The fields the nested tables of table `block` describe that `listed` lacks.
    pub(super) fn unlisted_fields(&mut self, block: usize, listed: &[Field]) -> Vec<Field> {
        // Only where every table of the operation is known: a field some table of it lists
        // (`links` in the response's `role` table, beside the request's `role` table without
        // it) is that table's, and a table some row links is that row's.
        if self.tables.is_empty() {
            return Vec::new();
        }
        let Some(parent) = self
            .objects
            .iter()
            .find(|o| o.block == block)
            .map(|o| name_key(&o.name))
            .filter(|k| !k.is_empty())
        else {
            return Vec::new();
        };
        let candidates: Vec<(usize, String, String)> = self
            .objects
            .iter()
            .filter(|o| o.block != block && !self.used.contains(&o.block))
            .filter_map(|o| {
                let (head, last) = o.name.rsplit_once('.')?;
                (is_hyphenated_identifier(last) && name_key(head) == parent)
                    .then(|| (o.block, o.name.clone(), last.to_string()))
            })
            .filter(|(_, _, last)| !listed.iter().any(|f| f.name == *last))
            .collect();
        // Most tables have no such child: the operation's mentions are looked at only then.
        if candidates.is_empty() {
            return Vec::new();
        }
        let (mentioned, linked) = self.mentioned();
        let children: Vec<(usize, String, String)> = candidates
            .into_iter()
            .filter(|(child, _, last)| {
                !mentioned.contains(&name_key(last)) && !linked.contains(child)
            })
            .collect();
        let mut out = Vec::new();
        for (child, caption, name) in children {
            if out.iter().any(|f: &Field| f.name == name) {
                continue;
            }
            let span: Span = self.index.doc.blocks[child].span.clone();
            self.diags.add(
                &span,
                catalogue::FIELD_FROM_NESTED_TABLE,
                format!(
                    "table `{caption}` describes a field `{name}` its parent table does not list: added to it, optional"
                ),
            );
            let schema = self.object_schema(child, &name, &span);
            out.push(Field {
                name,
                required: false,
                schema,
            });
        }
        out
    }
}
