//! One pass over an operation's blocks: its description, its tables with what each is for, and
//! its code examples, each with the sub-section role and status code it stands under.

use super::super::examples::{split_request_line, split_status_line, CodeExample};
use super::super::fields::{columns, Columns};
use super::super::resolve::name_key;
use super::super::sections::SectionTree;
use super::super::text::{describe, table_caption};
use super::super::vocab::{
    caption_role, is_alternative_connective, mentions_failure, mentions_success, names_form_data,
    names_request, names_response, status_line, CaptionRole, SectionRole,
};
use crate::doc::{BlockKind, Document, Table};
use crate::ir::ParamLocation;
use std::collections::BTreeSet;

/// What a table is for, within an operation.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Purpose {
    Params(ParamLocation),
    UriParams,
    RequestBody,
    ResponseBody(Option<String>),
    ResponseHeaders(Option<String>),
    RequestHeaders,
    Object(String),
    /// The values of the operation's fields of this name (`tls_ciphers_policy取值说明`).
    Values(String),
    Status,
    /// The request line written as a table (method and URI columns).
    RequestLine,
    Ignored(&'static str),
    Unclassified,
}

/// Why a failure response's body table is ignored (error responses keep no body).
pub(super) const FAILURE_BODY: &str = "a failure response's body";
/// Why the table of an object only a failure response's body names is ignored.
pub(super) const FAILURE_OBJECT: &str = "an object only a failure response's body holds";

pub(super) struct Found<'a> {
    pub block: usize,
    pub table: &'a Table,
    /// Its caption, or the title paragraph standing for one (see `text::table_caption`).
    pub caption: String,
    pub purpose: Purpose,
    pub cols: Columns,
    /// The purpose came from the enclosing section because the caption was generic
    /// (`Parameters`, `参数说明`).
    pub generic: bool,
    /// The sub-section the table stands in.
    pub section: SectionRole,
}

/// A request section whose tables include no body table, in an operation that sends one: the
/// first object table there is the body (`Table 3 NodePool structure` after the header table;
/// the tables after it describe its nested objects); never a form's fields (multipart bodies
/// are diagnosed, not typed as JSON). Returns the table so promoted.
pub(super) fn promote_unclaimed_request_body(found: &mut [Found<'_>]) -> Option<usize> {
    if found.iter().any(|f| f.purpose == Purpose::RequestBody) {
        return None;
    }
    let first = found
        .iter_mut()
        .find(|f| f.section == SectionRole::Request && matches!(f.purpose, Purpose::Object(_)))?;
    if matches!(&first.purpose, Purpose::Object(name) if names_form_data(name)) {
        return None;
    }
    first.purpose = Purpose::RequestBody;
    Some(first.block)
}

/// A response section whose tables include no body table: a table captioned with the name of
/// one of its own rows is the body (`表 2 backups字段数据结构说明` listing `backups | Array of
/// backup objects`, then `表 3 backups字段数据结构说明` describing one backup): it cannot
/// describe that field itself, so it holds it. The first such table, with the status of its
/// sub-section. Returns the table so promoted.
pub(super) fn promote_self_naming_response_body(found: &mut [Found<'_>]) -> Option<usize> {
    if found
        .iter()
        .any(|f| matches!(f.purpose, Purpose::ResponseBody(_)))
    {
        return None;
    }
    let first = found.iter_mut().find(|f| {
        let Purpose::Object(name) = &f.purpose else {
            return false;
        };
        let key = name_key(name);
        f.section == SectionRole::Response
            && f.cols.name.is_some_and(|col| {
                f.table.rows.iter().any(|r| {
                    r.cells
                        .get(col)
                        .is_some_and(|c| name_key(&c.text.one_line()) == key)
                })
            })
    })?;
    first.purpose = Purpose::ResponseBody(None);
    Some(first.block)
}

/// A generic caption is the body table the first time in a section; when the same body already
/// has a table, a generically captioned table is an object named by its caption (`Table 5
/// Parameters` describing `Array of Parameters objects`).
pub(super) fn reclassify_repeated_generic_bodies(found: &mut [Found<'_>]) {
    let mut seen_request = false;
    let mut seen_response: BTreeSet<Option<String>> = BTreeSet::new();
    for f in found.iter_mut() {
        let repeated = match &f.purpose {
            Purpose::RequestBody => std::mem::replace(&mut seen_request, true),
            Purpose::ResponseBody(code) => !seen_response.insert(code.clone()),
            _ => false,
        };
        if repeated && f.generic {
            let name = super::super::vocab::object_name_from_caption(
                &super::super::vocab::strip_table_number(&f.caption).1,
            );
            if !name.is_empty() {
                f.purpose = Purpose::Object(name);
            }
        }
    }
}

/// A code block of the operation: the sub-section role, status and label it stands under.
pub(super) struct Code {
    pub role: SectionRole,
    pub status: Option<String>,
    pub label: String,
    pub example: CodeExample,
}

/// What the operation's blocks say.
pub(super) struct Walked<'a> {
    /// Paragraphs of the description (sub-section, or directly under the operation heading).
    pub description: Vec<String>,
    pub tables: Vec<Found<'a>>,
    pub codes: Vec<Code>,
    /// Paragraphs of the request or response sub-section that link a numbered table
    /// (`:ref:\`Table 26 <…>\` describes the response parameters`).
    pub table_links: Vec<TableLink<'a>>,
}

/// A paragraph of a request or response sub-section linking a numbered table.
pub(super) struct TableLink<'a> {
    pub section: SectionRole,
    pub block: usize,
    pub targets: Vec<&'a crate::doc::LinkTarget>,
}

/// Walk `blocks` of section `section` once, tracking the sub-section role and the status context.
pub(super) fn walk<'a>(
    doc: &'a Document,
    tree: &SectionTree,
    section: usize,
    blocks: std::ops::Range<usize>,
) -> Walked<'a> {
    let mut description: Vec<String> = Vec::new();
    let mut found: Vec<Found<'_>> = Vec::new();
    let mut codes: Vec<Code> = Vec::new();
    let mut table_links: Vec<TableLink<'a>> = Vec::new();
    let mut status: Option<String> = None;
    let mut last_role = SectionRole::Other;
    let mut label = String::new();
    // The last label that said request or response (`请求样例`).
    let mut message_label = String::new();
    // A label saying what follows is a failure's response (`请求失败的响应消息`): the labels
    // under it (`响应参数`, `响应示例`) are that failure's, until a label says success.
    let mut failure_label = String::new();
    for i in blocks {
        let block = &doc.blocks[i];
        let role = tree.role_at(i, section);
        if role != last_role {
            status = None;
            label.clear();
            message_label.clear();
            failure_label.clear();
            last_role = role;
        }
        match &block.kind {
            BlockKind::Heading { text, .. } => {
                if let Some(code) = status_line(&text.one_line()) {
                    status = Some(code);
                }
                label = text.one_line();
            }
            BlockKind::Paragraph { text, .. } => {
                let line = text.one_line();
                if let Some(code) = status_line(&line) {
                    status = Some(code);
                    continue;
                }
                // Prose of the description sub-section, or directly under the operation heading.
                let describes = role == SectionRole::Description
                    || (role == SectionRole::Other && tree.innermost(i) == section);
                if describes && !line.is_empty() {
                    description.push(describe(text));
                }
                if matches!(role, SectionRole::Request | SectionRole::Response) {
                    let targets: Vec<&crate::doc::LinkTarget> = text
                        .links()
                        .filter(|(link_text, _)| {
                            super::super::resolve::TABLE_REF.is_match(link_text)
                        })
                        .map(|(_, target)| target)
                        .collect();
                    if !targets.is_empty() {
                        table_links.push(TableLink {
                            section: role,
                            block: i,
                            targets,
                        });
                    }
                }
                // `Example request` {block} `or` {block}: both blocks are request examples.
                if is_alternative_connective(&line) {
                    continue;
                }
                // A label naming neither the request nor the response refines the last one
                // that did: `请求样例`, then `扩容Core节点样例：` and `扩容Task节点样例：` above
                // each variant are request examples still.
                // A label, not a sentence about some case (`当…allFailure值为true时，响应返回为空。`).
                let is_label =
                    line.chars().count() <= 40 && !line.contains(['，', '。', '；', ';', ',']);
                if is_label && names_response(&line) && mentions_failure(&line) {
                    failure_label = line.clone();
                } else if mentions_success(&line) {
                    failure_label.clear();
                }
                if names_request(&line) || names_response(&line) {
                    message_label = line.clone();
                    label = line;
                } else if message_label.is_empty() {
                    label = line;
                } else {
                    label = format!("{message_label} {line}");
                }
            }
            BlockKind::Table(table) => {
                let cols = columns(table);
                let caption = table_caption(doc, i).unwrap_or_default();
                let caption_role = caption_role(&caption);
                let generic = caption_role == CaptionRole::Generic;
                let purpose = if role == SectionRole::Response
                    && describes_failure_body(&caption_role, &caption)
                {
                    // Error responses keep no body: the runtime reads errors.
                    Purpose::Ignored(FAILURE_BODY)
                } else {
                    purpose_for(caption_role, role, &status, &cols, table, &caption)
                };
                found.push(Found {
                    block: i,
                    table,
                    caption,
                    purpose,
                    cols,
                    generic,
                    section: role,
                });
            }
            BlockKind::Code { lang, text } => {
                let is_code_sample = lang.as_deref().is_some_and(|l| {
                    !matches!(
                        l.to_ascii_lowercase().as_str(),
                        "json" | "text" | "http" | "" | "console"
                    )
                });
                if is_code_sample || matches!(role, SectionRole::Uri | SectionRole::SampleCode) {
                    continue;
                }
                // `Http Status Code: 200` opening the block, then the body: the status is the
                // block's own. A block holding only a status line (`STATUS CODE 204`) is the
                // status of what follows, no example — like the same line as a paragraph.
                let (own_status, text) = match split_status_line(text) {
                    Some((code, rest)) if rest.trim().is_empty() => {
                        status = Some(code);
                        continue;
                    }
                    Some((code, rest)) => (Some(code), rest),
                    None => (None, text.as_str()),
                };
                let label = if failure_label.is_empty() || mentions_failure(&label) {
                    label.clone()
                } else {
                    format!("{failure_label} {label}")
                };
                codes.push(Code {
                    role,
                    status: own_status.or_else(|| status.clone()),
                    label,
                    example: split_request_line(text, &block.span),
                });
            }
        }
    }

    reclassify_repeated_generic_bodies(&mut found);
    Walked {
        description,
        tables: found,
        codes,
        table_links,
    }
}

/// A caption saying the table is what a failure returns (`处理失败返回参数`, `异常响应参数`,
/// `Error response parameters`), not an object whose field name mentions one (`failure参数说明`,
/// `failed_jobs field description`).
fn describes_failure_body(role: &CaptionRole, caption: &str) -> bool {
    let (_, rest) = super::super::vocab::strip_table_number(caption);
    mentions_failure(&rest)
        && match role {
            CaptionRole::Object(name) => !name.is_ascii(),
            _ => true,
        }
}

fn purpose_for(
    role: CaptionRole,
    section: SectionRole,
    status: &Option<String>,
    cols: &Columns,
    table: &crate::doc::Table,
    caption: &str,
) -> Purpose {
    if cols.is_status_table(table) {
        return Purpose::Status;
    }
    if cols.is_request_line_table() {
        return Purpose::RequestLine;
    }
    // Whatever its columns (`Error Code | Error Message`), a table of the error-code
    // sub-section lists error codes.
    if section == SectionRole::ErrorCodes {
        return Purpose::Ignored("an error-code table");
    }
    if !cols.is_field_table() {
        // `Status Code`, then `Table 5 Returned error codes` (`Error Code | Description`,
        // `403 Forbidden | Insufficient quota.`): what else the status-code section tabulates.
        if section == SectionRole::StatusCodes {
            return Purpose::Ignored("an error-code table");
        }
        // A table of no fields captioned with a field's values (`language取值范围`), or with a
        // field's name alone (`**tls_ciphers_policy** parameter description` over `Security
        // Policy | TLS Version | Cipher Suite`): that field's values.
        let named = match &role {
            CaptionRole::Object(name) if crate::extract::text::is_identifier(name) => {
                Some(name.clone())
            }
            _ => None,
        };
        if let Some(field) = super::super::vocab::values_caption(caption).or(named) {
            return Purpose::Values(field);
        }
        return Purpose::Unclassified;
    }
    match role {
        CaptionRole::PathParams => Purpose::Params(ParamLocation::Path),
        CaptionRole::QueryParams => Purpose::Params(ParamLocation::Query),
        CaptionRole::UriParams => Purpose::UriParams,
        CaptionRole::RequestHeaders => Purpose::RequestHeaders,
        CaptionRole::Headers if section == SectionRole::Response => {
            Purpose::ResponseHeaders(status.clone())
        }
        CaptionRole::Headers => Purpose::RequestHeaders,
        CaptionRole::ResponseHeaders => Purpose::ResponseHeaders(status.clone()),
        CaptionRole::RequestBody => Purpose::RequestBody,
        CaptionRole::ResponseBody => Purpose::ResponseBody(status.clone()),
        CaptionRole::Object(name) => Purpose::Object(name),
        // Inside an operation, `instances 字段响应参数说明` describes the object `instances`.
        CaptionRole::SdkRequest(name) | CaptionRole::SdkResponse(name) => {
            Purpose::Object(super::super::vocab::object_name_from_caption(&name))
        }
        CaptionRole::Generic => match section {
            SectionRole::Uri => Purpose::UriParams,
            SectionRole::Request => Purpose::RequestBody,
            SectionRole::Response => Purpose::ResponseBody(status.clone()),
            SectionRole::ErrorCodes => Purpose::Ignored("an error-code table"),
            _ => Purpose::Unclassified,
        },
    }
}
