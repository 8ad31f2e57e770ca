//! Cargo features per API group, so a user who needs three operations does not compile all of
//! them: one feature per group of operations (the reference's chapter, the IR's `tag`), each
//! operation's builder and client method behind its group's feature, and each model behind the
//! features of the operations that reach it (none when every group does). `default` enables
//! every group, so the crate's default build is the whole API.
//!
//! Feature names are Cargo identifiers: a tag in ASCII words is kebab-cased (`Training Jobs` →
//! `training-jobs`); a tag in other scripts (`训练作业`) is named after the path segment its
//! operations share most (`/v2/{project_id}/training-jobs/…` → `training-jobs`).

use super::plan::{OperationPlan, Plan, ResponsePlan, RustType, TypeBody, TypeId};
use crate::ir;
use heck::ToKebabCase;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default)]
pub struct Features {
    /// (feature name, the group's title as documented), in order of first use.
    pub groups: Vec<(String, String)>,
    /// The group of each planned operation (index into `groups`).
    of_operation: Vec<usize>,
    /// The groups whose operations reach each type; `None`: every group (or none) does, so the
    /// type is always compiled.
    of_type: Vec<Option<BTreeSet<usize>>>,
}

impl Features {
    /// Groups of `api`'s operations; no features when there is one group or none.
    pub fn of(plan: &Plan, api: &ir::Api) -> Features {
        let mut titles: Vec<String> = Vec::new();
        let mut of_operation = Vec::with_capacity(plan.operations.len());
        for op in &plan.operations {
            let title = api.operations[op.index].tag.clone().unwrap_or_default();
            let group = titles.iter().position(|t| *t == title).unwrap_or_else(|| {
                titles.push(title);
                titles.len() - 1
            });
            of_operation.push(group);
        }
        if titles.len() < 2 {
            return Features::default();
        }
        let groups = names(&titles, plan, api, &of_operation);
        let mut reached: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); plan.types.len()];
        for (op, group) in plan.operations.iter().zip(&of_operation) {
            for id in reachable(op, plan) {
                reached[id].insert(*group);
            }
        }
        let of_type = reached
            .into_iter()
            .map(|set| (!set.is_empty() && set.len() < groups.len()).then_some(set))
            .collect();
        Features {
            groups,
            of_operation,
            of_type,
        }
    }

    /// The group of the operation planned at `n`.
    pub fn group_of(&self, n: usize) -> Option<usize> {
        self.of_operation.get(n).copied()
    }

    /// The feature of the operation planned at `n`.
    pub fn operation_feature(&self, n: usize) -> Option<&str> {
        Some(self.groups[self.group_of(n)?].0.as_str())
    }

    /// `#[cfg(feature = "…")]` for the operation planned at `n`.
    pub fn operation_cfg(&self, n: usize) -> Option<TokenStream> {
        let group = *self.of_operation.get(n)?;
        let name = &self.groups[group].0;
        Some(quote!(#[cfg(feature = #name)]))
    }

    /// `#[cfg(…)]` for a type reached by only some groups.
    pub fn type_cfg(&self, id: TypeId) -> Option<TokenStream> {
        let set = self.of_type.get(id)?.as_ref()?;
        let names: Vec<&str> = set.iter().map(|g| self.groups[*g].0.as_str()).collect();
        Some(match names.as_slice() {
            [one] => quote!(#[cfg(feature = #one)]),
            many => quote!(#[cfg(any(#(feature = #many),*))]),
        })
    }
}

/// A feature name per group title, unique.
fn names(
    titles: &[String],
    plan: &Plan,
    api: &ir::Api,
    of_operation: &[usize],
) -> Vec<(String, String)> {
    let mut used: BTreeSet<String> = ["default", "full"].map(String::from).into();
    let mut out = Vec::new();
    for (g, title) in titles.iter().enumerate() {
        let paths: Vec<&str> = plan
            .operations
            .iter()
            .zip(of_operation)
            .filter(|(_, group)| **group == g)
            .map(|(op, _)| api.operations[op.index].path.as_str())
            .collect();
        // Operations in no chapter share no subject: naming them after one path would mislead.
        let base = if title.trim().is_empty() {
            Some("ungrouped".to_string())
        } else {
            ascii_name(title).or_else(|| path_name(paths.iter().copied(), Position::First))
        };
        let base = base.unwrap_or_else(|| format!("group-{}", g + 1));
        // Groups under one resource (`/pools/{id}/tags`, `/pools/{id}/nodes`) are told apart
        // by the segment their paths end with.
        let mut candidates = vec![base.clone()];
        if let Some(last) = path_name(paths.iter().copied(), Position::Last) {
            if last != base {
                candidates.push(format!("{base}-{last}"));
            }
        }
        let mut name = candidates
            .into_iter()
            .find(|c| !used.contains(c))
            .unwrap_or_else(|| base.clone());
        let mut n = 2;
        while !used.insert(name.clone()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        let title = if title.trim().is_empty() {
            "operations the reference puts in no chapter".to_string()
        } else {
            title.clone()
        };
        out.push((name, title));
    }
    out
}

/// `Training Jobs` → `training-jobs`; `None` when the title has letters of other scripts.
fn ascii_name(title: &str) -> Option<String> {
    let has_other_script = title.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    let name = title.to_kebab_case();
    (!has_other_script && name.starts_with(|c: char| c.is_ascii_alphanumeric())).then_some(name)
}

#[derive(Clone, Copy)]
enum Position {
    First,
    Last,
}

/// The path segment (the first or the last literal one of each path: not a version, not a
/// placeholder) the group's operations share most.
fn path_name<'a>(paths: impl Iterator<Item = &'a str>, position: Position) -> Option<String> {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (order, path) in paths.enumerate() {
        let version =
            |s: &str| s.starts_with('v') && s[1..].starts_with(|c: char| c.is_ascii_digit());
        let literal = |s: &&str| !(s.is_empty() || s.starts_with('{') || version(s));
        let segment = match position {
            Position::First => path.split('/').find(literal),
            Position::Last => path.split('/').rev().find(literal),
        };
        if let Some(name) = segment.map(|s| s.to_kebab_case()).filter(|n| !n.is_empty()) {
            let entry = counts.entry(name).or_insert((0, order));
            entry.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(name, _)| name)
        .filter(|n| n.starts_with(|c: char| c.is_ascii_alphanumeric()))
}

/// Every type an operation's arguments, body and responses use, transitively.
fn reachable(op: &OperationPlan, plan: &Plan) -> BTreeSet<TypeId> {
    let mut pending: Vec<&RustType> = op.params.iter().map(|p| &p.ty).collect();
    if let Some(body) = &op.body {
        pending.push(&body.body.ty);
    }
    let mut seen = BTreeSet::new();
    let mut named: Vec<TypeId> = Vec::new();
    match &op.response {
        ResponsePlan::Raw | ResponsePlan::Single(None) => {}
        ResponsePlan::Single(Some(body)) => pending.push(&body.ty),
        ResponsePlan::Enum(id) => named.push(*id),
    }
    loop {
        while let Some(ty) = pending.pop() {
            match ty {
                RustType::Vec(inner) | RustType::Map(inner) => pending.push(inner),
                RustType::Named(id) => named.push(*id),
                _ => {}
            }
        }
        let Some(id) = named.pop() else { break };
        if !seen.insert(id) {
            continue;
        }
        match &plan.types[id].body {
            TypeBody::Struct(fields) => pending.extend(fields.iter().map(|f| &f.ty)),
            TypeBody::Alias(ty) => pending.push(ty),
            TypeBody::Response(variants) => pending.extend(
                variants
                    .iter()
                    .filter_map(|v| v.body.as_ref().map(|b| &b.ty)),
            ),
            TypeBody::StringEnum(_) | TypeBody::IntEnum(_) | TypeBody::Pending => {}
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_ascii_titles_or_shared_path_segments() {
        assert_eq!(
            ascii_name("Training Jobs").as_deref(),
            Some("training-jobs")
        );
        assert_eq!(ascii_name("训练作业"), None);
        assert_eq!(ascii_name("历史 API"), None);
        let paths = [
            "/v2/{project_id}/training-jobs",
            "/v2/{project_id}/training-jobs/{id}",
            "/v1/{project_id}/logs",
        ];
        assert_eq!(
            path_name(paths.into_iter(), Position::First).as_deref(),
            Some("training-jobs")
        );
        assert_eq!(
            path_name(["/v1/{project_id}"].into_iter(), Position::First),
            None
        );
        let tags = [
            "/v1/{project_id}/pools/{name}/tags",
            "/v1/{project_id}/pools/tags",
        ];
        assert_eq!(
            path_name(tags.into_iter(), Position::Last).as_deref(),
            Some("tags")
        );
    }
}
