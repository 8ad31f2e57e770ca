//! The API's groups of operations (the reference's chapters: the IR's `tag`), each with an
//! ASCII name that code generators can turn into identifiers and file names: the Rust crate's
//! Cargo features and the OpenAPI document's tags use the same names.
//!
//! A title in ASCII words is kebab-cased (`Training Jobs` → `training-jobs`); a title in
//! other scripts (`训练作业`) is named after the path segment its operations share most
//! (`/v2/{project_id}/training-jobs/…` → `training-jobs`). Generators drop the letters of
//! other scripts from tag names, so `APP 认证管理` and `APP 授权管理` would both become an
//! `AppApi` class and one file would overwrite the other.

use crate::ir;
use heck::ToKebabCase;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// ASCII kebab-case name, unique in the API, never `default` or `full`.
    pub name: String,
    /// The chapter title as documented; empty for the operations in no chapter.
    pub title: String,
}

impl Group {
    /// The OpenAPI tag: the documented title where it is ASCII words naming the group as
    /// they are, the group's name otherwise (the title then goes to `x-displayName`).
    pub fn openapi_tag(&self) -> &str {
        if ascii_name(&self.title).as_deref() == Some(self.name.as_str()) {
            &self.title
        } else {
            &self.name
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// In order of first use.
    pub groups: Vec<Group>,
    /// The group of each of the API's operations (index into `groups`).
    of_operation: Vec<usize>,
}

impl Groups {
    pub fn of(api: &ir::Api) -> Groups {
        let mut titles: Vec<&str> = Vec::new();
        let mut of_operation = Vec::with_capacity(api.operations.len());
        for op in &api.operations {
            let title = op.tag.as_deref().unwrap_or_default();
            let group = titles.iter().position(|t| *t == title).unwrap_or_else(|| {
                titles.push(title);
                titles.len() - 1
            });
            of_operation.push(group);
        }
        let groups = names(&titles, api, &of_operation);
        Groups {
            groups,
            of_operation,
        }
    }

    /// The group of the API's operation at `index`.
    pub fn of_operation(&self, index: usize) -> Option<usize> {
        self.of_operation.get(index).copied()
    }

    /// The group whose documented title is `title`.
    pub fn titled(&self, title: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.title == title)
    }
}

/// A name per group title, unique.
fn names(titles: &[&str], api: &ir::Api, of_operation: &[usize]) -> Vec<Group> {
    let mut used: BTreeSet<String> = ["default", "full"].map(String::from).into();
    let mut out = Vec::new();
    for (g, title) in titles.iter().enumerate() {
        let paths: Vec<&str> = api
            .operations
            .iter()
            .zip(of_operation)
            .filter(|(_, group)| **group == g)
            .map(|(op, _)| op.path.as_str())
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
        out.push(Group {
            name,
            title: title.to_string(),
        });
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

    #[test]
    fn openapi_tags_are_ascii_and_distinct_where_titles_are_not() {
        let mut api = ir::Api::default();
        for (tag, path) in [
            ("APP 认证管理", "/v1/{project_id}/apps"),
            ("APP 授权管理", "/v1/{project_id}/app-auths"),
            ("Training Jobs", "/v1/{project_id}/jobs"),
            ("训练作业", "/v2/{project_id}/training-jobs"),
        ] {
            let span = crate::diag::Span::new(&std::sync::Arc::from("f"), 1, 1);
            let mut op = ir::Operation::stub("", ir::HttpMethod::Get, path, span);
            op.tag = Some(tag.to_string());
            api.operations.push(op);
        }
        let groups = Groups::of(&api);
        let tags: Vec<&str> = groups.groups.iter().map(Group::openapi_tag).collect();
        assert_eq!(
            tags,
            ["apps", "app-auths", "Training Jobs", "training-jobs-2"]
        );
        assert_eq!(groups.of_operation(3), Some(3));
        assert_eq!(groups.titled("APP 授权管理").unwrap().name, "app-auths");
    }
}
