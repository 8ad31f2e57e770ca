//! Operation ids from method + path, the way cloud SDKs name them.
//!
//! Algorithm (documented in ARCHITECTURE.md):
//! 1. Take the literal path segments, dropping version segments (`v1`, `v2.1`) and every
//!    `{placeholder}`; remember whether the path ends in a placeholder (an item) or a literal.
//! 2. A final literal that is an action (a verb such as `stop`, `batch-delete`) after an item
//!    becomes the verb: `POST …/jobs/{id}/stop` → `stop_job`.
//! 3. Otherwise the verb comes from the method: GET on a collection → `list_`, GET on an item →
//!    `show_`, POST → `create_`, PUT → `update_`, PATCH → `update_`, DELETE → `delete_`.
//! 4. The resource is the literal segments joined with `_`, every segment singular except the
//!    last of a `list_` (plural) : `list_workflow_executions`, `show_workflow_execution`.
//! 5. Ids that collide get the version segment appended (`_v1`), then the method, then a number;
//!    ids that do not collide never change when other operations are added, except that adding
//!    an operation can turn a unique id into a colliding one (then both get qualified).

use crate::ir::HttpMethod;
use heck::ToSnakeCase;
use std::collections::BTreeMap;

/// Leading words that make a path segment an action rather than a resource.
const ACTION_VERBS: &[&str] = &[
    "stop", "start", "restart", "cancel", "retry", "pause", "resume", "run", "sync", "batch", "export", "import", "deploy", "undeploy", "publish", "unpublish", "approve", "reject", "accept", "enable", "disable", "attach", "detach", "bind", "unbind", "check", "validate", "verify", "refresh", "reset", "renew", "upgrade", "migrate", "copy", "clone", "move", "rename", "release", "lock", "unlock", "subscribe", "unsubscribe", "search", "query", "preview", "execute", "trigger", "terminate", "abort", "download", "upload", "register", "unregister", "authorize", "login", "logout", "convert", "scale", "resize", "share", "unshare", "review", "submit", "evaluate", "train", "infer", "predict", "update", "delete", "create", "get", "list", "show", "add", "remove", "set", "unset", "change", "modify", "apply", "confirm", "allocate", "free", "mount", "unmount", "tag", "untag", "sort", "filter", "count", "fetch", "send", "notify", "open", "close", "activate", "deactivate", "connect", "disconnect", "freeze", "unfreeze", "recover", "restore", "backup", "rollback", "commit", "merge", "split", "grant", "revoke", "invite", "join", "leave",
];

fn is_version(seg: &str) -> bool {
    let s = seg.strip_prefix('v').or_else(|| seg.strip_prefix('V'));
    s.is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

fn is_action(seg: &str) -> bool {
    let first = seg.split(['-', '_', '.']).next().unwrap_or(seg).to_ascii_lowercase();
    ACTION_VERBS.contains(&first.as_str())
}

/// English singular of a snake_case word group (only its last word changes).
pub fn singular(word: &str) -> String {
    let (head, last) = match word.rsplit_once('_') {
        Some((h, l)) => (format!("{h}_"), l),
        None => (String::new(), word),
    };
    let s = if let Some(stem) = last.strip_suffix("ies").filter(|s| s.len() > 1) {
        format!("{stem}y")
    } else if let Some(stem) = ["sses", "uses", "xes", "ches", "shes", "zes"].iter().find_map(|suf| last.strip_suffix(suf).map(|s| (s, suf))) {
        format!("{}{}", stem.0, &stem.1[..stem.1.len() - 2])
    } else if last.ends_with("ss") || last.ends_with("us") || last.ends_with("is") || last.len() <= 2 {
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
    let literals: Vec<&str> = segs.iter().copied().filter(|s| !s.starts_with('{') && !is_version(s)).collect();
    if literals.is_empty() {
        return format!("{}_root", method.lower());
    }
    let last = *literals.last().unwrap_or(&"");
    let last_follows_param = segs.len() >= 2 && segs[segs.len() - 2].starts_with('{') && !ends_with_param;
    // An action segment after an item (or at the end of a collection path with POST).
    if !ends_with_param && is_action(last) && (last_follows_param || literals.len() > 1) {
        let action = segment_word(last);
        let resource: Vec<String> = literals[..literals.len() - 1].iter().map(|s| singular(&segment_word(s))).collect();
        return if resource.is_empty() { action } else { format!("{action}_{}", resource.join("_")) };
    }
    let verb = match (method, ends_with_param) {
        (HttpMethod::Get, false) => "list",
        (HttpMethod::Get, true) => "show",
        (HttpMethod::Post, _) => "create",
        (HttpMethod::Put | HttpMethod::Patch, _) => "update",
        (HttpMethod::Delete, _) => "delete",
        (HttpMethod::Head, _) => "head",
        (HttpMethod::Options, _) => "options",
    };
    let n = literals.len();
    let words: Vec<String> = literals
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let w = segment_word(s);
            if i + 1 == n && verb == "list" {
                w
            } else {
                singular(&w)
            }
        })
        .collect();
    format!("{verb}_{}", words.join("_"))
}

/// Assign unique ids to `(method, path)` pairs; returns ids in the same order.
pub fn assign_operation_ids(ops: &[(HttpMethod, String)]) -> Vec<String> {
    let base: Vec<String> = ops.iter().map(|(m, p)| base_operation_id(*m, p)).collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for b in &base {
        *count.entry(b).or_default() += 1;
    }
    let qualified: Vec<String> = ops
        .iter()
        .zip(&base)
        .map(|((m, p), b)| {
            if count[b.as_str()] == 1 {
                return b.clone();
            }
            let version = p.split('/').find(|s| is_version(s)).map(|v| v.replace('.', "_").to_lowercase());
            match version {
                Some(v) => format!("{b}_{v}"),
                None => format!("{b}_{}", m.lower()),
            }
        })
        .collect();
    // Last resort: number remaining duplicates in (path, method) order, which is stable.
    let mut order: Vec<usize> = (0..ops.len()).collect();
    order.sort_by(|&a, &b| (&ops[a].1, ops[a].0).cmp(&(&ops[b].1, ops[b].0)));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = qualified.clone();
    for i in order {
        let n = seen.entry(qualified[i].clone()).or_default();
        *n += 1;
        if *n > 1 {
            out[i] = format!("{}_{}", qualified[i], n);
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
        assert_eq!(base_operation_id(Post, "/v1/{project_id}/training-job-configs"), "create_training_job_config");
        assert_eq!(base_operation_id(Put, "/v1/{project_id}/training-job-configs/{config_name}"), "update_training_job_config");
        assert_eq!(base_operation_id(Get, "/v1/{project_id}/training-job-configs"), "list_training_job_configs");
        assert_eq!(base_operation_id(Get, "/v1/{project_id}/training-job-configs/{config_name}"), "show_training_job_config");
        assert_eq!(base_operation_id(Post, "/v1/{project_id}/training-jobs/{job_id}/versions"), "create_training_job_version");
        assert_eq!(base_operation_id(Get, "/v2/{project_id}/workflows/{workflow_id}/executions"), "list_workflow_executions");
        assert_eq!(base_operation_id(Post, "/v2/{project_id}/training-jobs/{job_id}/stop"), "stop_training_job");
        assert_eq!(base_operation_id(Post, "/v2/{project_id}/pools/{pool_name}/nodes/batch-delete"), "batch_delete_pool_node");
        assert_eq!(base_operation_id(Delete, "/v2/{project_id}/datasets/{dataset_id}"), "delete_dataset");
        assert_eq!(singular("policies"), "policy");
        assert_eq!(singular("statuses"), "status");
        assert_eq!(singular("data_process_tasks"), "data_process_task");
    }

    #[test]
    fn collisions_are_qualified_deterministically() {
        let ops = vec![(Get, "/v1/{p}/jobs".to_string()), (Get, "/v2/{p}/jobs".to_string()), (Post, "/v2/{p}/jobs".to_string())];
        assert_eq!(assign_operation_ids(&ops), vec!["list_jobs_v1", "list_jobs_v2", "create_job"]);
        let mut reversed = ops.clone();
        reversed.reverse();
        assert_eq!(assign_operation_ids(&reversed), vec!["create_job", "list_jobs_v2", "list_jobs_v1"]);
    }
}
