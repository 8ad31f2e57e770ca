//! Operation sections that hold a second operation whose heading and URI line were lost (a PDF
//! conversion can drop the lines between two operations: the first one's status codes, the next
//! one's heading, description and URI). What is left is a section whose sub-sections *start
//! over*: after the examples of the first operation come parameter tables and a request /
//! response sub-section again. When that second group has an example request line for another
//! method or path, it is recovered as its own operation with that line as its URI.

use super::examples::split_request_line;
use super::sections::{path_fits, RequestLine, SectionTree};
use super::vocab::{caption_role, section_role, status_line, CaptionRole, SectionRole};
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{BlockKind, Document};
use std::ops::Range;

/// One operation's share of an operation section.
#[derive(Debug, Clone)]
pub struct Part {
    pub blocks: Range<usize>,
    /// `None` for the first part (its URI comes from the URI sub-section).
    pub recovered: Option<Recovered>,
}

#[derive(Debug, Clone)]
pub struct Recovered {
    pub request: RequestLine,
    pub span: Span,
    /// The prose labelling the example request (`批量删除节点。`), if any: the best summary
    /// left when the heading is lost.
    pub label: Option<String>,
}

/// Where a sub-section sits in the usual order of an operation page. Description-like
/// sub-sections rank lowest, status / error codes highest.
fn rank(role: SectionRole) -> Option<u8> {
    use SectionRole::*;
    Some(match role {
        Description | Constraints | Debugging => 0,
        Uri => 1,
        Request => 2,
        Response => 3,
        RequestExample | Examples => 4,
        ResponseExample => 5,
        StatusCodes => 6,
        ErrorCodes => 7,
        _ => return None,
    })
}

/// Rank of a table by its caption: parameter and request tables belong to the URI / request
/// sub-sections wherever they appear.
fn table_rank(caption: &str) -> Option<u8> {
    match caption_role(caption) {
        CaptionRole::PathParams
        | CaptionRole::QueryParams
        | CaptionRole::UriParams
        | CaptionRole::RequestHeaders => Some(1),
        CaptionRole::RequestBody => Some(2),
        _ => None,
    }
}

/// The first block of every group of sub-sections that starts over after examples were seen.
fn restart_points(doc: &Document, range: Range<usize>) -> Vec<usize> {
    let mut points = Vec::new();
    // Since the last start: a request example reached, and any other example or code part.
    // A response part after a request example alone is the page's order (`Request`, `Example
    // Request`, `Response`, `Example Response`), not a restart.
    let (mut request_example, mut examples) = (false, false);
    for i in range {
        let (r, is_request_example) = match &doc.blocks[i].kind {
            BlockKind::Heading { text, .. } => {
                let role = section_role(super::sections::strip_number(&text.one_line()));
                (rank(role), role == SectionRole::RequestExample)
            }
            BlockKind::Table(t) => (
                t.caption.as_ref().and_then(|c| table_rank(&c.one_line())),
                false,
            ),
            _ => (None, false),
        };
        let Some(r) = r else { continue };
        // Starting over = an URI/request/response part after the examples were reached.
        let restart = match r {
            0..=2 => examples || request_example,
            3 => examples,
            _ => false,
        };
        if restart {
            points.push(i);
            (request_example, examples) = (false, false);
        } else if r >= 4 {
            if is_request_example {
                request_example = true;
            } else {
                examples = true;
            }
        }
    }
    points
}

/// The first example request line in `range` that is not `known`'s operation, with the prose
/// right before it.
fn example_request(
    doc: &Document,
    tree: &SectionTree,
    range: Range<usize>,
    known: &[RequestLine],
) -> Option<Recovered> {
    let mut label: Option<String> = None;
    for i in range {
        match &doc.blocks[i].kind {
            BlockKind::Paragraph { text, .. } => {
                let line = text.one_line();
                if status_line(&line).is_none() && !line.is_empty() {
                    label = Some(line);
                }
            }
            BlockKind::Heading { .. } => label = None,
            BlockKind::Code { text, .. } => {
                let in_examples = matches!(
                    tree.role_at(i, usize::MAX),
                    SectionRole::RequestExample | SectionRole::Examples
                );
                let code = split_request_line(text, &doc.blocks[i].span);
                let Some(rl) = code.request_line.filter(|_| in_examples) else {
                    continue;
                };
                let is_known = known
                    .iter()
                    .any(|k| k.method == rl.method && path_fits(&k.path, &rl.path));
                if !is_known {
                    let label = label
                        .take()
                        .map(|l| {
                            l.trim_end_matches(['。', '.', '：', ':'])
                                .trim()
                                .to_string()
                        })
                        .filter(|l| !l.is_empty());
                    return Some(Recovered {
                        request: rl,
                        span: doc.blocks[i].span.clone(),
                        label,
                    });
                }
            }
            BlockKind::Table(_) => {}
        }
    }
    None
}

/// Split operation section `section` (whose URI line is `first`) into the operations it holds:
/// the first part keeps the section's URI, every later part starts where the sub-sections
/// start over and carries the request line its example names.
pub fn split_section(
    doc: &Document,
    tree: &SectionTree,
    section: usize,
    first: &RequestLine,
    diags: &mut Diagnostics,
) -> Vec<Part> {
    let sec = &tree.sections[section];
    let points = restart_points(doc, sec.start..sec.end);
    let mut known = vec![first.clone()];
    let mut boundaries: Vec<(usize, Recovered)> = Vec::new();
    for (n, &point) in points.iter().enumerate() {
        let end = points.get(n + 1).copied().unwrap_or(sec.end);
        let span = &doc.blocks[point].span;
        match example_request(doc, tree, point..end, &known) {
            Some(rec) => {
                diags.add(
                    span,
                    catalogue::OPERATION_RECOVERED,
                    format!(
                        "section `{}` starts over here with a second group of parameter and response sub-sections whose example requests `{} {}`: another operation lost its heading and URI line; recovered as its own operation, {}",
                        sec.title,
                        rec.request.method.as_str(),
                        rec.request.path,
                        match &rec.label {
                            Some(l) => format!("named after its example (`{l}`)"),
                            None => "named after its method and path".to_string(),
                        }
                    ),
                );
                known.push(rec.request.clone());
                boundaries.push((point, rec));
            }
            None => diags.add(
                span,
                catalogue::OPERATION_RESTART_WITHOUT_URI,
                format!(
                    "section `{}` starts over here with a second group of sub-sections, but no example names another request; kept as part of `{} {}`",
                    sec.title,
                    first.method.as_str(),
                    first.path
                ),
            ),
        }
    }
    let mut parts = Vec::new();
    let mut start = sec.start;
    let mut recovered = None;
    for (point, rec) in boundaries {
        parts.push(Part {
            blocks: start..point,
            recovered: recovered.replace(rec),
        });
        start = point;
    }
    parts.push(Part {
        blocks: start..sec.end,
        recovered,
    });
    parts
}
