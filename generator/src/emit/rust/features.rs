//! Cargo features per API group, so a user who needs three operations does not compile all of
//! them: one feature per group of operations (the reference's chapter, the IR's `tag`, named as
//! in [`crate::emit::groups`]), each operation's builder and client method behind its group's
//! feature, and each model behind the features of the operations that reach it (none when
//! every group does). `default` enables every group, so the crate's default build is the
//! whole API.

use super::plan::{OperationPlan, Plan, ResponsePlan, RustType, TypeBody, TypeId};
use crate::emit::groups::Groups;
use crate::ir;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

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
        let all = Groups::of(api);
        if all.groups.len() < 2 {
            return Features::default();
        }
        let of_operation: Vec<usize> = plan
            .operations
            .iter()
            .map(|op| all.of_operation(op.index).unwrap_or_default())
            .collect();
        let groups: Vec<(String, String)> = all
            .groups
            .into_iter()
            .map(|g| {
                let title = if g.title.trim().is_empty() {
                    "operations the reference puts in no chapter".to_string()
                } else {
                    g.title
                };
                (g.name, title)
            })
            .collect();
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
            TypeBody::Struct(fields) => {
                pending.extend(fields.iter().map(|f| &f.ty));
                named.extend(fields.iter().filter_map(|f| f.json_content));
            }
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
