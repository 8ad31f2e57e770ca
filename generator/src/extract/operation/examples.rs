//! The operation's code examples attached to its request body and responses: page-split pieces
//! re-joined, request vs response told apart, examples of another operation left out.

use super::super::examples::{example_values, join_split_pieces, CodeExample};
use super::super::sections::{path_segments, RequestLine};
use super::super::vocab::{
    is_error_body, is_wrapped_fault, mentions_failure, names_request, names_response, SectionRole,
};
use super::blocks::Code;
use crate::diag::catalogue;
use crate::diag::Diagnostics;
use crate::ir::{Example, ExampleValue, RequestBody, Response, SchemaKind};
use std::collections::BTreeMap;

pub(super) fn attach_examples(
    codes: Vec<Code>,
    request: &RequestLine,
    default_success: &str,
    request_body: &mut Option<RequestBody>,
    responses: &mut BTreeMap<String, Response>,
    diags: &mut Diagnostics,
) {
    // Re-join pieces of one example split at a page break (same role and status).
    let mut groups: Vec<(SectionRole, Option<String>, String, Vec<CodeExample>)> = Vec::new();
    for Code {
        role,
        status,
        label,
        example: code,
    } in codes
    {
        match groups.last_mut() {
            Some(g)
                if g.0 == role && g.1 == status && g.2 == label && code.request_line.is_none() =>
            {
                g.3.push(code)
            }
            _ => groups.push((role, status, label, vec![code])),
        }
    }
    // After another operation's request line, the blocks that follow without one are that
    // operation's too (a walkthrough's `step1 请求样例` / `step1 响应样例` calling another
    // service first), until this operation's request line or another sub-section. Only when
    // the method differs or the path is another one altogether (`GET /v1/{project_id}/publicips`
    // beside `GET /v2.0/lbaas/loadbalancers/{id}`): a request line with a mistyped path
    // (`…/subscription/{id}` for `…/subscriptions/{id}`) is followed by this operation's body.
    let mut foreign: Option<(SectionRole, String)> = None;
    for (role, status, label, pieces) in groups {
        for code in join_split_pieces(pieces) {
            if foreign.as_ref().is_some_and(|(r, _)| *r != role) || code.request_line.is_some() {
                foreign = None;
            }
            if let Some((_, other)) = &foreign {
                diags.add(
                    &code.span,
                    catalogue::EXAMPLE_OTHER_OPERATION,
                    format!("example after the request `{other}`, another operation's, is that operation's; not attached"),
                );
                continue;
            }
            // In a request section (`请求消息`), an example is the request's whatever label it
            // last stood under (`MySQL：`, `使用备份文件恢复：` name variants, not the message).
            let is_request = code.request_line.is_some()
                || role == SectionRole::RequestExample
                || (role == SectionRole::Request && !names_response(&label))
                || (role == SectionRole::Examples && names_request(&label));
            if let Some(rl) = &code.request_line {
                if rl.method != request.method
                    || !super::super::sections::path_fits(&request.path, &rl.path)
                {
                    diags.add(
                        &code.span,
                        catalogue::EXAMPLE_OTHER_OPERATION,
                        format!(
                            "example request `{} {}` is not this operation's `{} {}`; not attached",
                            rl.method.as_str(),
                            rl.path,
                            request.method.as_str(),
                            request.path
                        ),
                    );
                    if rl.method != request.method || !resembles(&request.path, &rl.path) {
                        foreign = Some((role, format!("{} {}", rl.method.as_str(), rl.path)));
                    }
                    continue;
                }
            }
            for example in example_values(&code.body, &code.span, diags) {
                if is_request {
                    match request_body {
                        Some(b) => b.examples.push(example),
                        None => diags.add(
                            &code.span,
                            catalogue::EXAMPLE_NO_REQUEST_BODY,
                            "request example given for an operation without a documented request body; not attached",
                        ),
                    }
                    continue;
                }
                let code_status = match status.clone() {
                    Some(s) => s,
                    None if mentions_failure(&label)
                        || shows_undocumented_error(&example, responses.get(default_success)) =>
                    {
                        let errors: Vec<&String> =
                            responses.keys().filter(|c| !c.starts_with('2')).collect();
                        if errors.len() == 1 {
                            errors[0].clone()
                        } else {
                            diags.add(
                                &code.span,
                                catalogue::EXAMPLE_FAILURE_UNATTACHED,
                                "failure response example with no status code; not attached",
                            );
                            continue;
                        }
                    }
                    None => default_success.to_string(),
                };
                match responses.get_mut(&code_status) {
                    Some(r) => r.examples.push(example),
                    None => diags.add(
                        &code.span,
                        catalogue::EXAMPLE_UNKNOWN_STATUS,
                        format!(
                            "response example for undocumented status {code_status}; not attached"
                        ),
                    ),
                }
            }
        }
    }
}

/// Whether a concrete path shares at least half of its segments, position by position, with
/// a path template (a placeholder matching any segment): a mistyped path does, another API's
/// does not.
fn resembles(template: &str, concrete: &str) -> bool {
    let (t, c) = (path_segments(template), path_segments(concrete));
    let same = t
        .iter()
        .zip(&c)
        .filter(|(a, b)| a == b || a.starts_with('{') || b.starts_with('{'))
        .count();
    same * 2 >= t.len().max(c.len())
}

/// An example under a success heading that is an error body (`Example response` {block} `or`
/// {`{"error": {…}}`}) which the success response does not document: it shows a failure.
fn shows_undocumented_error(example: &Example, success: Option<&Response>) -> bool {
    let ExampleValue::Json(serde_json::Value::Object(map)) = &example.value else {
        return false;
    };
    let keys: Vec<&str> = map.keys().map(String::as_str).collect();
    if !is_error_body(&keys) && !is_wrapped_fault(map) {
        return false;
    }
    // A success body that documents these keys (a batch result listing errors) keeps them.
    let documented = success
        .and_then(|r| r.body.as_ref())
        .map(|b| match &b.schema.kind {
            SchemaKind::Object { fields } => fields.iter().any(|f| keys.contains(&f.name.as_str())),
            _ => false,
        })
        .unwrap_or(false);
    !documented
}
