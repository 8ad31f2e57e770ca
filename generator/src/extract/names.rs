//! Operation ids from method + path, the way cloud SDKs name them.
//!
//! Algorithm:
//! 1. Take the literal path segments, dropping version segments (`v1`, `v2.1`) and every
//!    `{placeholder}`; remember whether the path ends in a placeholder (an item) or a literal.
//! 2. A final literal that is an action (its first word is a verb such as `stop`, `batch-delete`
//!    — but not a verb modifying a plural noun, `export-tasks`) becomes the verb:
//!    `POST …/jobs/{id}/stop` → `stop_job`; after a collection the resource stays plural:
//!    `POST …/pools/{pool}/nodes/batch-delete` → `batch_delete_pool_nodes`.
//! 3. Otherwise the verb comes from the method: GET on a collection → `list_`, GET on an item →
//!    `show_`, POST on a collection → `create_`, POST on an item → `post_`, PUT/PATCH →
//!    `update_`, DELETE → `delete_`.
//! 4. The resource is the literal segments joined with `_`, every segment singular except the
//!    last when the whole collection is addressed (`list_jobs`, `update_labels` for a PUT on
//!    `…/labels`, `delete_labels`): `list_workflow_executions`, `show_workflow_execution`.
//! 5. Ids that collide are qualified, only within the colliding group, by the first of these
//!    that makes the group unique: the version (`_v1`), the method (`patch_service` next to
//!    `update_service`; else `_post`…), the item (`_by_pool_name` for a placeholder the others
//!    lack), or combinations; a number as the last resort. Ids that do not collide never change
//!    when other operations are added; adding one can only turn a unique id into a colliding
//!    one (then that group is qualified).

use crate::ir::HttpMethod;
use heck::ToSnakeCase;
use std::collections::BTreeMap;

/// Leading words that make a path segment an action rather than a resource.
const ACTION_VERBS: &[&str] = &[
    "stop",
    "start",
    "restart",
    "cancel",
    "retry",
    "pause",
    "resume",
    "run",
    "sync",
    "batch",
    "export",
    "import",
    "deploy",
    "undeploy",
    "publish",
    "unpublish",
    "approve",
    "reject",
    "accept",
    "enable",
    "disable",
    "attach",
    "detach",
    "bind",
    "unbind",
    "check",
    "validate",
    "verify",
    "refresh",
    "reset",
    "renew",
    "upgrade",
    "migrate",
    "copy",
    "clone",
    "move",
    "rename",
    "release",
    "lock",
    "unlock",
    "subscribe",
    "unsubscribe",
    "search",
    "query",
    "preview",
    "execute",
    "trigger",
    "terminate",
    "abort",
    "download",
    "upload",
    "register",
    "unregister",
    "authorize",
    "login",
    "logout",
    "convert",
    "scale",
    "resize",
    "share",
    "unshare",
    "review",
    "submit",
    "evaluate",
    "train",
    "infer",
    "predict",
    "update",
    "delete",
    "create",
    "get",
    "list",
    "show",
    "add",
    "remove",
    "set",
    "unset",
    "change",
    "modify",
    "apply",
    "confirm",
    "allocate",
    "free",
    "mount",
    "unmount",
    "tag",
    "untag",
    "sort",
    "filter",
    "count",
    "fetch",
    "send",
    "notify",
    "open",
    "close",
    "activate",
    "deactivate",
    "connect",
    "disconnect",
    "freeze",
    "unfreeze",
    "recover",
    "restore",
    "backup",
    "rollback",
    "commit",
    "merge",
    "split",
    "grant",
    "revoke",
    "invite",
    "join",
    "leave",
];

fn is_version(seg: &str) -> bool {
    let s = seg.strip_prefix('v').or_else(|| seg.strip_prefix('V'));
    s.is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

fn is_action(seg: &str) -> bool {
    let words: Vec<String> = seg
        .split(['-', '_', '.'])
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    // `export-tasks`, `import-tasks`: a verb used as a modifier of a plural noun is a resource.
    if words.len() > 1 && is_plural_noun(words.last().map_or("", String::as_str)) {
        return false;
    }
    ACTION_VERBS.contains(&first.as_str())
}

fn is_plural_noun(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !ACTION_VERBS.contains(&word)
}

/// English singular of a snake_case word group (only its last word changes).
pub fn singular(word: &str) -> String {
    let (head, last) = match word.rsplit_once('_') {
        Some((h, l)) => (format!("{h}_"), l),
        None => (String::new(), word),
    };
    let s = if let Some(stem) = last.strip_suffix("ies").filter(|s| s.len() > 1) {
        format!("{stem}y")
    } else if let Some(stem) = ["sses", "uses", "xes", "ches", "shes", "zes"]
        .iter()
        .find_map(|suf| last.strip_suffix(suf).map(|s| (s, suf)))
    {
        format!("{}{}", stem.0, &stem.1[..stem.1.len() - 2])
    } else if last.ends_with("ss")
        || last.ends_with("us")
        || last.ends_with("is")
        || last.len() <= 2
    {
        last.to_string()
    } else if let Some(stem) = last.strip_suffix('s') {
        stem.to_string()
    } else {
        last.to_string()
    };
    format!("{head}{s}")
}

fn segment_word(seg: &str) -> String {
    seg.to_snake_case()
}

/// The id an operation gets when nothing collides with it.
pub fn base_operation_id(method: HttpMethod, path: &str) -> String {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let ends_with_param = segs.last().is_some_and(|s| s.starts_with('{'));
    let literals: Vec<&str> = segs
        .iter()
        .copied()
        .filter(|s| !s.starts_with('{') && !is_version(s))
        .collect();
    if literals.is_empty() {
        return format!("{}_root", method.lower());
    }
    let last = *literals.last().unwrap_or(&"");
    let last_follows_param =
        segs.len() >= 2 && segs[segs.len() - 2].starts_with('{') && !ends_with_param;
    // An action segment after an item (`…/jobs/{id}/stop` → `stop_job`) or after a collection
    // (`…/nodes/batch-delete` → `batch_delete_pool_nodes`: the action is on many).
    if !ends_with_param && is_action(last) && (last_follows_param || literals.len() > 1) {
        let action = segment_word(last);
        let resource = resource_words(&literals[..literals.len() - 1], !last_follows_param);
        return if resource.is_empty() {
            action
        } else {
            format!("{action}_{resource}")
        };
    }
    let verb = match (method, ends_with_param) {
        (HttpMethod::Get, false) => "list",
        (HttpMethod::Get, true) => "show",
        (HttpMethod::Post, false) => "create",
        // POST to an item is no creation; the method is the only honest name.
        (HttpMethod::Post, true) => "post",
        (HttpMethod::Put | HttpMethod::Patch, _) => "update",
        (HttpMethod::Delete, _) => "delete",
        (HttpMethod::Head, _) => "head",
        (HttpMethod::Options, _) => "options",
    };
    // A collection addressed as a whole keeps its plural: `list_jobs`, and also
    // `update_labels` / `delete_labels` (PUT / DELETE on the collection).
    let plural = !ends_with_param && verb != "create";
    format!("{verb}_{}", resource_words(&literals, plural))
}

/// Resource words: every segment singular, the last one plural when `plural_last`.
fn resource_words(literals: &[&str], plural_last: bool) -> String {
    let n = literals.len();
    literals
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let w = segment_word(s);
            if i + 1 == n && plural_last {
                w
            } else {
                singular(&w)
            }
        })
        .collect::<Vec<_>>()
        .join("_")
}

fn version_of(path: &str) -> Option<String> {
    path.split('/')
        .find(|s| is_version(s))
        .map(|v| v.replace('.', "_").to_lowercase())
}

/// Placeholders of `path` in order (`{pool_name}` → `pool_name`).
fn placeholders(path: &str) -> Vec<String> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(|s| s.to_snake_case())
        .collect()
}

/// Ways to tell apart operations whose base ids collide, tried in this order (and combined):
/// the API version (`_v1`/`_v2`), the method (`patch_` for PATCH next to PUT, else `_post`…),
/// the item the path addresses (`_by_{placeholder}` for a placeholder the others lack).
#[derive(Clone, Copy)]
enum Qualifier {
    Version,
    Method,
    Item,
}

fn qualified(
    base: &str,
    method: HttpMethod,
    path: &str,
    group: &[(HttpMethod, &str)],
    q: Qualifier,
) -> String {
    match q {
        Qualifier::Version => match version_of(path) {
            Some(v)
                if group
                    .iter()
                    .any(|(_, p)| version_of(p).as_deref() != Some(v.as_str())) =>
            {
                format!("{base}_{v}")
            }
            _ => base.to_string(),
        },
        Qualifier::Method => {
            if group.iter().all(|(m, _)| *m == method) {
                return base.to_string();
            }
            match (method, base.strip_prefix("update_")) {
                (HttpMethod::Patch, Some(rest)) => format!("patch_{rest}"),
                (HttpMethod::Put, Some(_)) => base.to_string(),
                _ => format!("{base}_{}", method.lower()),
            }
        }
        Qualifier::Item => {
            let mine = placeholders(path);
            let shared = |p: &String| {
                group
                    .iter()
                    .all(|(_, other)| placeholders(other).contains(p))
            };
            match mine.iter().rev().find(|p| !shared(p)) {
                Some(p) => format!("{base}_by_{p}"),
                None => base.to_string(),
            }
        }
    }
}

/// Assign unique ids to `(method, path)` pairs; returns ids in the same order.
///
/// Stability: an id depends only on its own method + path, unless its base id collides with
/// another operation's; then only the colliding group is qualified.
pub fn assign_operation_ids(ops: &[(HttpMethod, String)]) -> Vec<String> {
    let base: Vec<String> = ops.iter().map(|(m, p)| base_operation_id(*m, p)).collect();
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, b) in base.iter().enumerate() {
        groups.entry(b.as_str()).or_default().push(i);
    }
    let mut out = base.clone();
    let strategies: &[&[Qualifier]] = &[
        &[Qualifier::Version],
        &[Qualifier::Method],
        &[Qualifier::Item],
        &[Qualifier::Version, Qualifier::Method],
        &[Qualifier::Version, Qualifier::Item],
        &[Qualifier::Item, Qualifier::Method],
        &[Qualifier::Version, Qualifier::Item, Qualifier::Method],
    ];
    for (b, members) in &groups {
        if members.len() < 2 {
            continue;
        }
        let group: Vec<(HttpMethod, &str)> = members
            .iter()
            .map(|&i| (ops[i].0, ops[i].1.as_str()))
            .collect();
        let taken = |id: &String| {
            base.iter()
                .enumerate()
                .any(|(j, x)| x == id && !members.contains(&j))
        };
        for strategy in strategies {
            let ids: Vec<String> = members
                .iter()
                .map(|&i| {
                    strategy.iter().fold(b.to_string(), |id, q| {
                        qualified(&id, ops[i].0, &ops[i].1, &group, *q)
                    })
                })
                .collect();
            let mut sorted = ids.clone();
            sorted.sort();
            sorted.dedup();
            if sorted.len() == ids.len() && !ids.iter().any(taken) {
                for (&i, id) in members.iter().zip(ids) {
                    out[i] = id;
                }
                break;
            }
        }
    }
    // Last resort: number remaining duplicates in (path, method) order, which is stable.
    let mut order: Vec<usize> = (0..ops.len()).collect();
    order.sort_by(|&a, &b| (&ops[a].1, ops[a].0).cmp(&(&ops[b].1, ops[b].0)));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let qualified_ids = out.clone();
    for i in order {
        let n = seen.entry(qualified_ids[i].clone()).or_default();
        *n += 1;
        if *n > 1 {
            out[i] = format!("{}_{}", qualified_ids[i], n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use HttpMethod::*;

    #[test]
    fn ids() {
        assert_eq!(
            base_operation_id(Post, "/v1/{project_id}/training-job-configs"),
            "create_training_job_config"
        );
        assert_eq!(
            base_operation_id(Put, "/v1/{project_id}/training-job-configs/{config_name}"),
            "update_training_job_config"
        );
        assert_eq!(
            base_operation_id(Get, "/v1/{project_id}/training-job-configs"),
            "list_training_job_configs"
        );
        assert_eq!(
            base_operation_id(Get, "/v1/{project_id}/training-job-configs/{config_name}"),
            "show_training_job_config"
        );
        assert_eq!(
            base_operation_id(Post, "/v1/{project_id}/training-jobs/{job_id}/versions"),
            "create_training_job_version"
        );
        assert_eq!(
            base_operation_id(Get, "/v2/{project_id}/workflows/{workflow_id}/executions"),
            "list_workflow_executions"
        );
        assert_eq!(
            base_operation_id(Post, "/v2/{project_id}/training-jobs/{job_id}/stop"),
            "stop_training_job"
        );
        assert_eq!(
            base_operation_id(
                Post,
                "/v2/{project_id}/pools/{pool_name}/nodes/batch-delete"
            ),
            "batch_delete_pool_nodes"
        );
        assert_eq!(
            base_operation_id(Delete, "/v2/{project_id}/datasets/{dataset_id}"),
            "delete_dataset"
        );
        assert_eq!(
            base_operation_id(Get, "/v2/{p}/datasets/{dataset_id}/export-tasks"),
            "list_dataset_export_tasks"
        );
        assert_eq!(
            base_operation_id(Put, "/v2/{p}/datasets/{dataset_id}/data-annotations/labels"),
            "update_dataset_data_annotation_labels"
        );
        assert_eq!(
            base_operation_id(
                Post,
                "/v2/{p}/datasets/{d}/workforce-tasks/{workforce_task_id}"
            ),
            "post_dataset_workforce_task"
        );
        assert_eq!(singular("policies"), "policy");
        assert_eq!(singular("statuses"), "status");
        assert_eq!(singular("data_process_tasks"), "data_process_task");
    }

    #[test]
    fn collisions_are_qualified_deterministically() {
        let ops = vec![
            (Get, "/v1/{p}/jobs".to_string()),
            (Get, "/v2/{p}/jobs".to_string()),
            (Post, "/v2/{p}/jobs".to_string()),
        ];
        assert_eq!(
            assign_operation_ids(&ops),
            vec!["list_jobs_v1", "list_jobs_v2", "create_job"]
        );
        let mut reversed = ops.clone();
        reversed.reverse();
        assert_eq!(
            assign_operation_ids(&reversed),
            vec!["create_job", "list_jobs_v2", "list_jobs_v1"]
        );
    }

    #[test]
    fn collisions_by_method_and_item() {
        let ops = vec![
            (Put, "/v1/{p}/services/{service_id}".to_string()),
            (Patch, "/v1/{p}/services/{service_id}".to_string()),
            (Get, "/v1/{p}/pools/tags".to_string()),
            (Get, "/v1/{p}/pools/{pool_name}/tags".to_string()),
        ];
        assert_eq!(
            assign_operation_ids(&ops),
            vec![
                "update_service",
                "patch_service",
                "list_pool_tags",
                "list_pool_tags_by_pool_name"
            ]
        );
    }

    /// Adding an operation renames no other operation unless its base id collides with it.
    #[test]
    fn adding_an_operation_renames_only_true_collisions() {
        let before = vec![
            (Get, "/v2/{p}/jobs".to_string()),
            (Post, "/v2/{p}/jobs/{id}/stop".to_string()),
            (Get, "/v2/{p}/pools".to_string()),
        ];
        let ids_before = assign_operation_ids(&before);
        let mut after = before.clone();
        after.push((Get, "/v1/{p}/jobs".to_string()));
        let ids_after = assign_operation_ids(&after);
        assert_eq!(ids_after[1..3], ids_before[1..3]);
        assert_eq!(ids_after[0], "list_jobs_v2");
        assert_eq!(ids_after[3], "list_jobs_v1");
        let ids: std::collections::BTreeSet<_> = ids_after.iter().collect();
        assert_eq!(ids.len(), ids_after.len());
    }
}
