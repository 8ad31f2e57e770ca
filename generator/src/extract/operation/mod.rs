//! Assembling one operation from its section: URI, parameters, request body, responses per
//! status code, examples; every table of the section consumed or diagnosed.
//!
//! `blocks` walks the section once; `status` reads the status codes; `params` and
//! `bodies` turn tables into parameters and bodies (resolving nested tables); `examples`
//! attaches the code examples; `shown` ties the tables nobody referenced to the keys the
//! examples show.

mod blocks;
mod bodies;
mod examples;
mod flat;
mod params;
pub(super) use params::media_types;
mod shown;
mod status;
mod values;

use super::library::Library;
use super::names::base_operation_id;
use super::registry::Registry;
use super::resolve::{DocIndex, ObjectTable, Resolver};
use super::sections::{strip_number, RequestLine, SectionTree};
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::Document;
use crate::ir::{Operation, Parameter, RequestBody, Response};
use blocks::{Found, Purpose};
use heck::ToUpperCamelCase;
use status::StatusDocs;
use std::collections::{BTreeMap, BTreeSet};

/// Everything an operation section yields, before ids are assigned.
pub struct Assembled {
    pub operation: Operation,
    /// Tables of the operation's blocks: all, consumed, and not consumed but diagnosed
    /// (`table.orphan`, `table.unclassified`, `table.ignored`): `seen = used + diagnosed`.
    pub tables_seen: usize,
    pub tables_used: usize,
    pub tables_diagnosed: usize,
    /// Type-name references by (line, name) and whether each was resolved.
    pub type_refs: BTreeMap<(u32, String), bool>,
}

pub struct OperationInput<'a> {
    pub index: &'a DocIndex<'a>,
    pub tree: &'a SectionTree,
    /// Every page of the job, and this one's number among them (links to other pages).
    pub library: &'a Library<'a>,
    pub page: usize,
    pub section: usize,
    pub request: RequestLine,
    pub uri_span: Span,
    /// The blocks of the section that describe this operation (all of them, unless the section
    /// holds a recovered second operation: see [`super::restart`]).
    pub blocks: std::ops::Range<usize>,
    /// The summary when the section title is not this operation's (a recovered operation).
    pub summary: Option<String>,
}

/// The tables among `found` that describe objects, with the names their captions give.
fn object_tables(found: &[Found<'_>]) -> Vec<ObjectTable> {
    found
        .iter()
        .filter_map(|f| match &f.purpose {
            Purpose::Object(name) => Some(ObjectTable {
                block: f.block,
                name: name.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// The object tables of a whole section, as an operation of that section sees them.
pub(crate) fn section_objects(
    doc: &Document,
    tree: &SectionTree,
    section: usize,
) -> Vec<ObjectTable> {
    let sec = &tree.sections[section];
    object_tables(&blocks::walk(doc, tree, section, sec.start..sec.end).tables)
}

/// Assemble the operation described by `input.section`.
pub fn assemble(
    input: OperationInput<'_>,
    registry: &mut Registry,
    diags: &mut Diagnostics,
) -> Assembled {
    let index = input.index;
    let doc = index.doc;
    let tree = input.tree;
    let sec = &tree.sections[input.section];
    let first = if input.blocks.start == sec.start {
        sec.heading
    } else {
        Some(input.blocks.start)
    };
    let op_span = first
        .map(|h| {
            doc.blocks[h]
                .span
                .join(&doc.blocks[input.blocks.end.saturating_sub(1).max(h)].span)
        })
        .unwrap_or_else(|| input.uri_span.clone());
    let summary = input
        .summary
        .clone()
        .unwrap_or_else(|| strip_number(&sec.title).to_string());
    let base_id = base_operation_id(input.request.method, &input.request.path);
    let context = base_id.to_upper_camel_case();

    let walked = blocks::walk(doc, tree, input.section, input.blocks.clone());
    let mut found = walked.tables;
    if input.request.method.carries_body() {
        if let Some(block) = blocks::promote_unclaimed_request_body(&mut found) {
            diags.add(
                &doc.blocks[block].span,
                catalogue::BODY_FIRST_OBJECT_TABLE,
                "no table of the request section is captioned as the body: its first object table is taken as the body",
            );
        }
    }
    if let Some(block) = blocks::promote_self_naming_response_body(&mut found) {
        diags.add(
            &doc.blocks[block].span,
            catalogue::BODY_SELF_NAMING_TABLE,
            "no table of the response section is captioned as the body, and this one is captioned with the name of its own row: it holds that field, and is taken as the body",
        );
    }
    let found = found;
    let objects = object_tables(&found);
    let mut resolver = Resolver::new(index, objects, registry, diags, context);
    resolver.library = Some((input.library, input.page));
    resolver.tables = found.iter().map(|f| f.block).collect();
    let status = StatusDocs::read(&found, &mut resolver.used);

    let mut parameters: Vec<Parameter> = Vec::new();
    let mut request_body: Option<RequestBody> = None;
    let mut responses: BTreeMap<String, Response> = BTreeMap::new();
    for f in &found {
        match &f.purpose {
            Purpose::Params(_) | Purpose::UriParams | Purpose::RequestHeaders => {
                params::read_parameter_table(
                    &mut resolver,
                    f,
                    &f.purpose,
                    &input.request,
                    &mut parameters,
                )
            }
            // GET and HEAD requests carry no body (RFC 9110 gives it no meaning, and most
            // clients cannot send one): a "request parameters" table there lists the query
            // string, as the pages' example URLs show (`?marker=…&limit=…`).
            Purpose::RequestBody if !input.request.method.carries_body() => {
                resolver.diags.add(
                    &doc.blocks[f.block].span,
                    catalogue::BODY_READ_AS_QUERY,
                    format!(
                        "a request body table in a {} operation: its rows are read as query parameters",
                        input.request.method.as_str()
                    ),
                );
                params::read_parameter_table(
                    &mut resolver,
                    f,
                    &Purpose::UriParams,
                    &input.request,
                    &mut parameters,
                )
            }
            Purpose::RequestBody => bodies::read_request_body(&mut resolver, f, &mut request_body),
            Purpose::ResponseBody(code) => {
                bodies::read_response_body(&mut resolver, f, code.as_ref(), &status, &mut responses)
            }
            Purpose::ResponseHeaders(code) => bodies::read_response_headers(
                &mut resolver,
                f,
                code.as_ref(),
                &status,
                &mut responses,
            ),
            Purpose::Ignored(why) => resolver.diags.add(
                &doc.blocks[f.block].span,
                catalogue::TABLE_IGNORED,
                format!("table not used: {why}"),
            ),
            Purpose::RequestLine => {
                resolver.used.insert(f.block);
            }
            Purpose::Object(_) | Purpose::Values(_) | Purpose::Status | Purpose::Unclassified => {}
        }
    }
    params::add_undocumented(
        &input.request,
        &input.uri_span,
        &mut parameters,
        resolver.diags,
    );

    // Status codes documented without a table still become responses.
    for code in status.docs.keys() {
        responses
            .entry(code.clone())
            .or_insert_with(|| status.empty_response(code));
    }
    let default_success = &status.default_success;
    if !responses.keys().any(|c| c.starts_with('2')) {
        resolver.diags.add(
            &op_span,
            catalogue::RESPONSE_ASSUMED_SUCCESS,
            format!("no success response documented; assuming {default_success} with no body"),
        );
        responses.insert(
            default_success.clone(),
            status.empty_response(default_success),
        );
    }

    bodies::bodies_on_other_pages(
        &mut resolver,
        &walked.table_links,
        input.request.method.carries_body(),
        default_success,
        &mut request_body,
        &mut responses,
    );

    if let Some(body) = request_body.as_mut() {
        if let Some(ct) = params::documented_content_type(&parameters, resolver.diags) {
            body.content_type = ct;
        }
    }

    let (runtime_headers, auth) =
        super::auth::split_runtime_headers(&mut parameters, request_body.is_some(), resolver.diags);

    examples::attach_examples(
        walked.codes,
        &input.request,
        default_success,
        &mut request_body,
        &mut responses,
        resolver.diags,
    );

    shown::tables_the_examples_show(&mut resolver, &found, &request_body, &responses);
    flat::regroup_flat_rows(&mut resolver, &request_body, &responses, &op_span);
    values::apply_value_tables(
        &mut resolver,
        &found,
        &mut parameters,
        &request_body,
        &responses,
    );
    let ignored = failure_objects(&found, &resolver.used, doc, resolver.diags);
    let counts = account_for_tables(&found, &resolver.used, &ignored, doc, resolver.diags);
    let tag = tag_of(tree, input.section);
    let description = walked.description.join("\n\n");
    Assembled {
        operation: Operation {
            id: base_id,
            method: input.request.method,
            path: input.request.path.clone(),
            summary,
            description: Some(description).filter(|d| !d.is_empty()),
            tag,
            parameters,
            request_body,
            responses,
            alt_docs: Vec::new(),
            runtime_headers,
            auth,
            span: op_span,
        },
        tables_seen: counts.seen,
        tables_used: counts.used,
        tables_diagnosed: counts.diagnosed,
        type_refs: std::mem::take(&mut resolver.type_refs),
    }
}

/// A table nobody consumed describing an object that an ignored failure body names (its
/// `error | Dictionary data structure | … see Table 5` row, `Table 5 **error** data
/// structure`) is ignored with it, not an orphan; so are the objects those tables name in turn.
fn failure_objects(
    found: &[Found<'_>],
    used: &BTreeSet<usize>,
    doc: &crate::doc::Document,
    diags: &mut Diagnostics,
) -> BTreeSet<usize> {
    use super::resolve::name_key;
    let names_in = |f: &Found<'_>| -> Vec<String> {
        let cells = f.table.rows.iter().flat_map(|row| {
            [f.cols.name, f.cols.ty]
                .into_iter()
                .flatten()
                .filter_map(|col| row.cells.get(col))
        });
        cells.map(|c| name_key(&c.text.one_line())).collect()
    };
    // Unconsumed object tables by name, taken out as a failure body's rows name them.
    let mut unclaimed: BTreeMap<String, Vec<&Found<'_>>> = BTreeMap::new();
    for f in found.iter().filter(|f| !used.contains(&f.block)) {
        if let Purpose::Object(name) = &f.purpose {
            unclaimed.entry(name_key(name)).or_default().push(f);
        }
    }
    let mut wanted: Vec<String> = found
        .iter()
        .filter(|f| f.purpose == Purpose::Ignored(blocks::FAILURE_BODY))
        .flat_map(&names_in)
        .collect();
    let mut ignored = BTreeSet::new();
    while let Some(name) = wanted.pop() {
        for f in unclaimed.remove(&name).unwrap_or_default() {
            ignored.insert(f.block);
            diags.add(
                &doc.blocks[f.block].span,
                catalogue::TABLE_IGNORED,
                format!("table not used: {}", blocks::FAILURE_OBJECT),
            );
            wanted.extend(names_in(f));
        }
    }
    ignored
}

/// How the operation's tables were accounted for: `seen = used + diagnosed`.
struct TableCounts {
    seen: usize,
    used: usize,
    diagnosed: usize,
}

/// Diagnose every table nobody consumed (`table.orphan`, `table.unclassified`; ignored ones were
/// reported where they were classified or found to be `ignored`) and count them.
fn account_for_tables(
    found: &[Found<'_>],
    used: &BTreeSet<usize>,
    ignored: &BTreeSet<usize>,
    doc: &crate::doc::Document,
    diags: &mut Diagnostics,
) -> TableCounts {
    let mut counts = TableCounts {
        seen: found.len(),
        used: 0,
        diagnosed: 0,
    };
    for f in found {
        if used.contains(&f.block) {
            counts.used += 1;
            continue;
        }
        counts.diagnosed += 1;
        let span = &doc.blocks[f.block].span;
        match &f.purpose {
            _ if ignored.contains(&f.block) => {}
            // Value tables no field took were said by `values.rs`.
            Purpose::Ignored(_) | Purpose::Values(_) => {}
            // Multipart and URL-encoded bodies come later (issue "any service": out of scope):
            // said as such, not as a table nobody wanted.
            Purpose::Object(name) if super::vocab::names_form_data(name) => diags.add(
                span,
                catalogue::BODY_FORM_DATA_UNSUPPORTED,
                format!("table `{name}` lists the fields of a form (multipart or URL-encoded) body, which docbind does not generate yet: the operation has no typed request body"),
            ),
            Purpose::Object(name) => diags.add(
                span,
                catalogue::TABLE_ORPHAN,
                format!("table describing `{name}` is not referenced by any field"),
            ),
            _ => diags.add(
                span,
                catalogue::TABLE_UNCLASSIFIED,
                "table not recognised as parameters, body, object or status codes; ignored",
            ),
        }
    }
    counts
}

/// The chapter an operation belongs to: the title of its outermost titled ancestor.
fn tag_of(tree: &SectionTree, section: usize) -> Option<String> {
    let mut s = tree.sections[section].parent?;
    let mut outermost = None;
    while s != 0 {
        outermost = Some(s);
        s = tree.sections[s].parent?;
    }
    outermost
        .map(|o| strip_number(&tree.sections[o].title).to_string())
        .filter(|t| !t.is_empty())
}
