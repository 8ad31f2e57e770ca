//! Status codes: the status table's codes and descriptions, the default success code, and
//! responses for codes documented without a table.

use super::super::text::describe;
use super::blocks::{Found, Purpose};
use crate::ir::Response;
use std::collections::{BTreeMap, BTreeSet};

/// The status codes an operation documents (in a status-code table), with their descriptions.
pub(super) struct StatusDocs {
    pub docs: BTreeMap<String, String>,
    /// The first documented 2xx code, else 200: where body tables without a code belong.
    pub default_success: String,
}

impl StatusDocs {
    /// Read every status table of `found`, marking each as used.
    pub fn read(found: &[Found<'_>], used: &mut BTreeSet<usize>) -> Self {
        let mut status_docs: BTreeMap<String, String> = BTreeMap::new();
        for f in found.iter().filter(|f| f.purpose == Purpose::Status) {
            used.insert(f.block);
            let (Some(sc), dc) = (f.cols.status, f.cols.description) else {
                continue;
            };
            for row in &f.table.rows {
                let cell = row.cells.get(sc).map(|c| c.text.one_line());
                if let Some(code) = cell.as_deref().and_then(super::super::vocab::status_code) {
                    let d = dc
                        .and_then(|d| row.cells.get(d))
                        .map(|c| describe(&c.text))
                        .unwrap_or_default();
                    status_docs.entry(code).or_insert(d);
                }
            }
        }
        let default_success = status_docs
            .keys()
            .find(|c| c.starts_with('2'))
            .cloned()
            .unwrap_or_else(|| "200".to_string());
        StatusDocs {
            docs: status_docs,
            default_success,
        }
    }

    /// A response for `code` with no body yet, described by the status table or the reason
    /// phrase.
    pub fn empty_response(&self, code: &str) -> Response {
        empty_response(code, &self.docs)
    }
}

fn empty_response(code: &str, docs: &BTreeMap<String, String>) -> Response {
    let description = docs
        .get(code)
        .filter(|d| !d.is_empty())
        .cloned()
        .unwrap_or_else(|| reason_phrase(code).to_string());
    Response {
        description,
        headers: Vec::new(),
        body: None,
        examples: Vec::new(),
    }
}

fn reason_phrase(code: &str) -> &'static str {
    match code {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "No Content",
        "400" => "Bad Request",
        "401" => "Unauthorized",
        "403" => "Forbidden",
        "404" => "Not Found",
        "409" => "Conflict",
        "500" => "Internal Server Error",
        _ => "Response",
    }
}
