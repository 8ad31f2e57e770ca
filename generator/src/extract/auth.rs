//! Authentication as the documentation states it. Two facts:
//! - which documented request headers the runtime sets itself (the IAM token, the AK/SK
//!   signature and its date, the body's `Content-Type`, the scope ids): they are not operation
//!   arguments, and are kept on the operation as [`RuntimeHeader`]s so nothing documented is
//!   dropped;
//! - which operations need no credentials: the documentation says so in a sentence that links
//!   to the operation's page (`对于[获取用户Token](…)接口，由于不需要认证…`) or, on the
//!   operation's own page, refers to "this API"; an operation whose documented `Authorization`
//!   header carries a credential of the caller's own (`Bearer {ID token}`) keeps that header as
//!   an argument and is sent without the runtime's credentials.

use super::resolve::edit_distance;
use super::vocab;
use crate::diag::{catalogue, Diagnostics, Span};
use crate::doc::{BlockKind, Document, Inline, LinkTarget};
use crate::ir::{Auth, HeaderRole, Operation, ParamLocation, Parameter, RuntimeHeader};

/// Move the runtime-owned headers out of `parameters`; the operation's authentication when a
/// header says the caller brings the credential. `has_body`: the operation sends a request
/// body (whose media type the runtime sets).
pub(super) fn split_runtime_headers(
    parameters: &mut Vec<Parameter>,
    has_body: bool,
    diags: &mut Diagnostics,
) -> (Vec<RuntimeHeader>, Auth) {
    let mut runtime = Vec::new();
    let mut auth = Auth::Credentials;
    let mut kept = Vec::with_capacity(parameters.len());
    for p in parameters.drain(..) {
        let Some((name, role)) = (p.location == ParamLocation::Header)
            .then(|| runtime_role(&p, diags))
            .flatten()
        else {
            kept.push(p);
            continue;
        };
        let description = p.schema.description.as_deref().unwrap_or_default();
        // Without a body, a `Content-Type` offering other media types than JSON selects what
        // the service returns (`text/plain` → a preview link): an argument, not transport.
        if role == HeaderRole::Transport
            && !has_body
            && name.eq_ignore_ascii_case("content-type")
            && super::operation::media_types(description)
                .iter()
                .any(|t| t != "application/json")
        {
            kept.push(p);
            continue;
        }
        if role == HeaderRole::Auth && vocab::describes_caller_credential(description) {
            diags.add(
                &p.span,
                catalogue::AUTH_CALLER_CREDENTIAL,
                format!(
                    "header `{}` carries the caller's own credential: an argument, and the runtime adds none",
                    p.name
                ),
            );
            auth = Auth::Caller {
                header: p.name.clone(),
                span: p.span.clone(),
            };
            kept.push(p);
            continue;
        }
        runtime.push(RuntimeHeader {
            name,
            role,
            span: p.span,
        });
    }
    *parameters = kept;
    (runtime, auth)
}

/// The role of a runtime-owned header and the name it is documented as (a misspelling one
/// letter away from a runtime header's name is read as that header, with a warning).
fn runtime_role(p: &Parameter, diags: &mut Diagnostics) -> Option<(String, HeaderRole)> {
    if let Some(role) = vocab::runtime_header_role(&p.name) {
        return Some((p.name.clone(), role));
    }
    // Short names are too close to each other for a one-letter repair to be safe.
    if p.name.len() < 8 {
        return None;
    }
    let lower = p.name.to_ascii_lowercase();
    let intended = vocab::RUNTIME_HEADER_NAMES
        .iter()
        .find(|n| edit_distance(&lower, &n.to_ascii_lowercase()) == 1)?;
    diags.add(
        &p.span,
        catalogue::PARAM_RUNTIME_HEADER_MISSPELLED,
        format!("header `{}` is read as `{intended}`", p.name),
    );
    Some((
        intended.to_string(),
        vocab::runtime_header_role(intended).expect("a runtime header name"),
    ))
}

/// Operations the documentation says need no authentication: [`Auth::None`] with the span of
/// the sentence that says so.
pub(super) fn mark_unauthenticated<D: std::borrow::Borrow<Document>>(
    docs: &[D],
    operations: &mut [(usize, Operation)],
    diags: &mut Diagnostics,
) {
    let anchors = AnchorIndex::new(docs);
    for doc in docs.iter().map(|d| d.borrow()) {
        for block in &doc.blocks {
            let BlockKind::Paragraph { text, .. } = &block.kind else {
                continue;
            };
            for sentence in sentences(text.inlines()) {
                if !vocab::says_no_authentication(&sentence.text) {
                    continue;
                }
                let mut targets: Vec<usize> = sentence
                    .links
                    .iter()
                    .filter_map(|t| anchors.operation(t, operations))
                    .collect();
                if sentence.links.is_empty() && vocab::refers_to_this_api(&sentence.text) {
                    targets.extend(operation_at(operations, &block.span));
                }
                for i in targets {
                    let op = &mut operations[i].1;
                    if !op.auth.is_default() {
                        continue;
                    }
                    diags.add(
                        &block.span,
                        catalogue::AUTH_NONE_STATED,
                        format!(
                            "{} {} needs no authentication, the documentation says",
                            op.method.as_str(),
                            op.path
                        ),
                    );
                    op.auth = Auth::None {
                        span: block.span.clone(),
                    };
                }
            }
        }
    }
}

/// A sentence of a paragraph with the links inside it.
struct Sentence<'a> {
    text: String,
    links: Vec<&'a LinkTarget>,
}

/// Sentences end at `。！？；` or at `.`, `!`, `?`, `;` followed by a space or the end of a text run.
fn sentences<'a>(inlines: impl Iterator<Item = &'a Inline>) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        text: String::new(),
        links: Vec::new(),
    };
    for inline in inlines {
        match inline {
            Inline::Link { text, target } => {
                cur.text.push_str(text);
                cur.links.push(target);
            }
            other => {
                let text = other.text();
                let mut chars = text.chars().peekable();
                while let Some(c) = chars.next() {
                    cur.text.push(c);
                    let ends = matches!(c, '。' | '！' | '？' | '；')
                        || (matches!(c, '.' | '!' | '?' | ';')
                            && chars.peek().is_none_or(|n| n.is_whitespace()));
                    if ends {
                        out.push(std::mem::replace(
                            &mut cur,
                            Sentence {
                                text: String::new(),
                                links: Vec::new(),
                            },
                        ));
                    }
                }
            }
        }
    }
    if !cur.text.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// Where each anchor (`<a name>`, rST label) is: file and line.
struct AnchorIndex {
    at: std::collections::BTreeMap<String, Span>,
}

impl AnchorIndex {
    fn new<D: std::borrow::Borrow<Document>>(docs: &[D]) -> Self {
        let mut at = std::collections::BTreeMap::new();
        for block in docs.iter().flat_map(|d| d.borrow().blocks.iter()) {
            for a in &block.anchors {
                at.entry(a.clone()).or_insert_with(|| block.span.clone());
            }
        }
        AnchorIndex { at }
    }

    /// The operation a link points at: its anchor (an in-page anchor, a page's label, or a
    /// URL whose last path segment names a page of this reference, as Huawei page ids do).
    fn operation(&self, target: &LinkTarget, ops: &[(usize, Operation)]) -> Option<usize> {
        let span = match target {
            LinkTarget::Anchor(a) => self.at.get(a)?.clone(),
            LinkTarget::Page {
                anchor: Some(a), ..
            } => self.at.get(a)?.clone(),
            LinkTarget::Page { page, anchor: None } => self.at.get(page_id(page)?)?.clone(),
            LinkTarget::Url(url) => self.at.get(page_id(url)?)?.clone(),
            LinkTarget::Lost => return None,
        };
        operation_at(ops, &span)
    }
}

/// `…/api-iam/iam_30_0001.html#x` → `iam_30_0001`.
fn page_id(url: &str) -> Option<&str> {
    let path = url.split(['#', '?']).next()?;
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let id = last
        .strip_suffix(".html")
        .or_else(|| last.strip_suffix(".md"))
        .or_else(|| last.strip_suffix(".rst"))
        .unwrap_or(last);
    (!id.is_empty()).then_some(id)
}

/// The operation whose section holds `span`'s first line.
fn operation_at(ops: &[(usize, Operation)], span: &Span) -> Option<usize> {
    ops.iter().position(|(_, o)| {
        o.span.file == span.file && o.span.start <= span.start && span.start <= o.span.end
    })
}

/// The authentication of two descriptions of one endpoint: a page saying "no authentication"
/// and another documenting credential headers make credentials optional.
pub(super) fn combine(kept: &Operation, other: &Operation) -> Auth {
    let documents_credentials =
        |o: &Operation| o.runtime_headers.iter().any(|h| h.role == HeaderRole::Auth);
    match (&kept.auth, &other.auth) {
        (Auth::Credentials, Auth::None { span }) | (Auth::None { span }, Auth::Credentials) => {
            let credentialed = if matches!(kept.auth, Auth::Credentials) {
                kept
            } else {
                other
            };
            if documents_credentials(credentialed) {
                Auth::Optional { span: span.clone() }
            } else {
                Auth::None { span: span.clone() }
            }
        }
        (Auth::Credentials, o) => o.clone(),
        (k, _) => k.clone(),
    }
}
