//! Merging operations that several sources describe (same method + normalised path). Sources
//! come in priority order: the first description wins; every disagreement is a diagnostic
//! naming both places, and the other source's wording is kept as an alternative doc.

use super::registry::Registry;
use super::sections::normalize_path;
use crate::diag::Diagnostics;
use crate::ir::{AltDoc, Operation};
use std::collections::BTreeMap;

pub fn merge_operations(ops: Vec<(usize, Operation)>, _registry: &Registry, diags: &mut Diagnostics) -> Vec<Operation> {
    let mut by_key: BTreeMap<(crate::ir::HttpMethod, String), usize> = BTreeMap::new();
    let mut out: Vec<Operation> = Vec::new();
    let mut ordered = ops;
    ordered.sort_by_key(|(source, _)| *source);
    for (_, op) in ordered {
        let key = (op.method, normalize_path(&op.path));
        match by_key.get(&key) {
            None => {
                by_key.insert(key, out.len());
                out.push(op);
            }
            Some(&i) => {
                let kept = &mut out[i];
                diags.note(&op.span, "merge.duplicate-operation", format!("`{} {}` is also described at {}; that description has priority", op.method.as_str(), op.path, kept.span));
                if op.summary != kept.summary || op.description != kept.description {
                    kept.alt_docs.push(AltDoc { source: op.span.file.to_string(), summary: op.summary.clone(), description: op.description.clone() });
                }
            }
        }
    }
    out
}
