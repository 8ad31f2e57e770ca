//! Extraction: documents → IR.
//!
//! Per document: build the section tree ([`sections`]), find operation sections by their URI
//! lines, assemble each operation ([`operation`]) resolving nested tables ([`resolve`]) into
//! named schemas ([`registry`]); SDK pages ([`sdk`]) yield schemas that verify/enrich the REST
//! operation of the same title. Across documents: merge by method + normalised path
//! ([`merge`]), assign operation ids ([`names`]), drop schemas nothing reaches.

pub mod auth;
pub mod endpoint;
pub mod evidence;
pub mod example_bodies;
pub mod examples;
pub mod fields;
pub mod json_repair;
pub mod library;
pub mod merge;
pub mod names;
pub mod operation;
pub mod prose;
pub mod registry;
pub mod resolve;
pub mod restart;
pub mod sdk;
pub mod sections;
pub mod text;
pub mod types;
pub mod vocab;
pub mod wrappers;

use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{Block, BlockKind, Document};
use crate::ir::{Api, Operation};
use operation::{assemble, OperationInput};
use registry::Registry;
use sections::{parse_request_line, RequestLine, SectionTree};
use std::borrow::Borrow;
use std::collections::BTreeSet;
use vocab::SectionRole;

#[derive(Debug, Clone)]
pub struct ExtractOptions {
    pub title: String,
    pub version: String,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            title: "API".into(),
            version: "1.0.0".into(),
        }
    }
}

/// Counts for the coverage report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    pub documents: usize,
    pub operations: usize,
    /// Logical tables (page-break pieces joined) in all documents.
    pub tables: usize,
    /// Tables inside operation sections: each is consumed or diagnosed
    /// (`tables_in_operations = tables_consumed + tables_diagnosed`).
    pub tables_in_operations: usize,
    pub tables_consumed: usize,
    /// Not consumed, with a `table.orphan` / `table.unclassified` / `table.ignored` diagnostic.
    pub tables_diagnosed: usize,
    /// Tables outside operation sections (API overviews, permission tables, SDK pages).
    pub tables_outside_operations: usize,
    /// Type-name references in operation tables (`X object`, `Array of X objects`,
    /// `Map<String,X>`, `Array<X>`) and how many were resolved to a describing table; the
    /// others carry a `type.unresolved` diagnostic.
    pub type_refs: usize,
    pub type_refs_resolved: usize,
    /// Distinct documented endpoints (`METHOD /path`, path normalised) whose request line was
    /// found (in a URI section, the section's prose, a request-line table or labelled values),
    /// and how many became operations; each one that did not carries a diagnostic.
    pub endpoints_documented: usize,
    pub endpoints_extracted: usize,
    #[serde(skip)]
    endpoints: BTreeSet<(crate::ir::HttpMethod, String)>,
}

impl Coverage {
    fn add(&mut self, other: &Coverage) {
        self.tables += other.tables;
        self.tables_in_operations += other.tables_in_operations;
        self.tables_consumed += other.tables_consumed;
        self.tables_diagnosed += other.tables_diagnosed;
        self.tables_outside_operations += other.tables_outside_operations;
        self.type_refs += other.type_refs;
        self.type_refs_resolved += other.type_refs_resolved;
        self.endpoints.extend(other.endpoints.iter().cloned());
    }
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} operations from {} documents; tables: {} ({} in operations: {} consumed, {} diagnosed; {} outside operations); type references: {}/{} resolved",
            self.operations,
            self.documents,
            self.tables,
            self.tables_in_operations,
            self.tables_consumed,
            self.tables_diagnosed,
            self.tables_outside_operations,
            self.type_refs_resolved,
            self.type_refs
        )?;
        write!(
            f,
            "; endpoints: {}/{} extracted",
            self.endpoints_extracted, self.endpoints_documented
        )
    }
}

/// What one document yields.
pub struct DocOutput {
    pub operations: Vec<Operation>,
    pub sdk_pages: Vec<sdk::SdkPage>,
    pub coverage: Coverage,
}

/// Extract the API described by `docs`, given in source-priority order (first wins conflicts).
pub fn extract(docs: &[Document], opts: &ExtractOptions) -> (Api, Coverage) {
    let priority: Vec<usize> = (0..docs.len()).collect();
    extract_with_priority(docs, &priority, opts)
}

/// Extract with an explicit merge priority per document (lower wins). Documents are processed
/// in the order given, which decides schema names on collisions: callers wanting output
/// independent of input order pass documents in a canonical order.
pub fn extract_with_priority<D: std::borrow::Borrow<Document>>(
    docs: &[D],
    priority: &[usize],
    opts: &ExtractOptions,
) -> (Api, Coverage) {
    let mut diags = Diagnostics::new();
    let mut registry = Registry::default();
    let mut operations: Vec<(usize, Operation)> = Vec::new();
    let mut sdk_pages = Vec::new();
    let mut coverage = Coverage {
        documents: docs.len(),
        ..Coverage::default()
    };
    let library = library::Library::new(docs.iter().map(Borrow::borrow));
    for source in 0..docs.len() {
        let out = extract_document(&library, source, &mut registry, &mut diags);
        coverage.add(&out.coverage);
        let rank = priority.get(source).copied().unwrap_or(source);
        operations.extend(out.operations.into_iter().map(|o| (rank, o)));
        sdk_pages.extend(out.sdk_pages);
    }
    // Before merging: a statement links to one page, and several pages may document one endpoint.
    auth::mark_unauthenticated(docs, &mut operations, &mut diags);
    let mut operations = merge::merge_operations(operations, &mut registry, &mut diags);
    let mut keep: BTreeSet<String> = BTreeSet::new();
    for page in &sdk_pages {
        keep.extend(sdk::apply(page, &mut operations, &registry, &mut diags));
    }
    let ids = names::assign_operation_ids(
        &operations
            .iter()
            .map(|o| (o.method, o.path.clone()))
            .collect::<Vec<_>>(),
    );
    for (op, id) in operations.iter_mut().zip(ids) {
        op.id = id;
    }
    coverage.operations = operations.len();
    let extracted: BTreeSet<(crate::ir::HttpMethod, String)> = operations
        .iter()
        .map(|o| (o.method, sections::normalize_path(&o.path)))
        .collect();
    coverage.endpoints_documented = coverage.endpoints.len();
    // A request line written with concrete values (`GET /v3/97b0…/instances` under an
    // examples heading) is extracted when an operation's path template fits it.
    coverage.endpoints_extracted = coverage
        .endpoints
        .iter()
        .filter(|(method, path)| {
            extracted
                .iter()
                .any(|(m, p)| m == method && sections::path_fits(p, path))
        })
        .count();
    let mut api = Api {
        title: opts.title.clone(),
        version: opts.version.clone(),
        sources: docs.iter().map(|d| d.borrow().file.to_string()).collect(),
        operations,
        schemas: Default::default(),
        endpoint: None,
        diagnostics: diags,
    };
    api.endpoint = endpoint::endpoint(docs, &api.operations, &mut api.diagnostics);
    api.schemas = reachable_schemas(&api.operations, registry, keep);
    drop_dangling_references(&mut api);
    // What the documentation's own examples prove about the types (after all sources merged).
    let mut evidence = Diagnostics::new();
    example_bodies::bodies_from_examples(&mut api, &mut evidence);
    wrappers::wrap_by_examples(&mut api, &mut evidence);
    wrappers::examples_of_one_field(&mut api, &mut evidence);
    evidence::widen_by_examples(&mut api, &mut evidence);
    api.diagnostics.extend(evidence);
    api.normalize();
    (api, coverage)
}

/// Every reference names a schema of the API (the IR's guarantee the emitters rely on): one
/// that does not (a resolution defect) becomes a free-form value with a diagnostic, so a
/// defect in one field never aborts a run.
fn drop_dangling_references(api: &mut Api) {
    let known: BTreeSet<String> = api.schemas.keys().cloned().collect();
    let mut diags = Diagnostics::new();
    let mut fix = |s: &mut crate::ir::Schema, fallback: &Span| {
        s.walk_mut(&mut |n| {
            if let crate::ir::SchemaKind::Ref { name } = &n.kind {
                if !known.contains(name) {
                    let span = n.span.clone().unwrap_or_else(|| fallback.clone());
                    diags.add(
                        &span,
                        crate::diag::catalogue::SCHEMA_DANGLING_REFERENCE,
                        format!("reference to `{name}`, which no table defines: a free-form value"),
                    );
                    n.kind = crate::ir::SchemaKind::Any;
                }
            }
        })
    };
    for op in &mut api.operations {
        let span = op.span.clone();
        for s in op.schemas_mut() {
            fix(s, &span);
        }
    }
    for named in api.schemas.values_mut() {
        let span = named
            .schema
            .span
            .clone()
            .unwrap_or_else(|| Span::new(&std::sync::Arc::from("?"), 1, 1));
        fix(&mut named.schema, &span);
    }
    api.diagnostics.extend(diags);
}

/// The named schemas `roots` name and every schema those reference in turn.
pub(crate) fn referenced_from(mut roots: Vec<String>, registry: &Registry) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    while let Some(name) = roots.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(s) = registry.schemas.get(&name) {
            roots.extend(s.schema.references().into_iter().map(str::to_string));
        }
    }
    seen
}

/// Keep only schemas reachable from operations (or explicitly kept, e.g. SDK schemas).
fn reachable_schemas(
    ops: &[Operation],
    registry: Registry,
    keep: BTreeSet<String>,
) -> std::collections::BTreeMap<String, crate::ir::NamedSchema> {
    let mut roots: Vec<String> = keep.into_iter().collect();
    for schema in ops.iter().flat_map(Operation::schemas) {
        roots.extend(schema.references().into_iter().map(str::to_string));
    }
    let seen = referenced_from(roots, &registry);
    let mut schemas = registry.schemas;
    schemas.retain(|k, _| seen.contains(k));
    schemas
}

/// A request line (`METHOD /path`, possibly wrapped over several lines) that a paragraph or a
/// code block starts with.
fn block_request_line(block: &Block) -> Option<RequestLine> {
    match &block.kind {
        BlockKind::Paragraph { text, .. } => parse_request_line(&text.plain()),
        BlockKind::Code { text, .. } => parse_request_line(text),
        BlockKind::Table(table) => table_request_line(table),
        BlockKind::Heading { .. } => None,
    }
}

/// The request line of an HTTP message (`PUT /?acl HTTP/1.1`, then header lines): its target
/// may be the root, the bucket standing in the host.
fn http_request_line(block: &Block) -> Option<RequestLine> {
    let text = match &block.kind {
        BlockKind::Code { text, .. } => text.clone(),
        BlockKind::Paragraph { text, .. } => text.plain(),
        _ => return None,
    };
    let mut words = text.lines().next()?.split_whitespace();
    let (method, target, version) = (words.next()?, words.next()?, words.next()?);
    if !version.starts_with("HTTP/") || words.next().is_some() {
        return None;
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q.to_string())),
        None => (target, None),
    };
    let request = parse_request_line(&format!("{method} {path}"))?;
    Some(RequestLine { query, ..request })
}

/// A request line given as labelled values on lines of their own (`PATH: /v1/x`, `Method:
/// POST`), in either order.
fn labelled_request_line(blocks: &[Block]) -> Option<(RequestLine, Span)> {
    let (mut method, mut path, mut span) = (None, None, None);
    for b in blocks {
        let BlockKind::Paragraph { text, .. } = &b.kind else {
            continue;
        };
        for line in text.plain().lines() {
            match vocab::request_line_part(line.trim()) {
                Some((vocab::RequestLinePart::Method, m)) if method.is_none() => {
                    method = Some(m.to_string())
                }
                Some((vocab::RequestLinePart::Path, p)) if path.is_none() => {
                    path = Some(p.to_string());
                    span = Some(b.span.clone());
                }
                _ => {}
            }
        }
    }
    let request = parse_request_line(&format!("{} {}", method?, path?))?;
    Some((request, span?))
}

/// The request line of a table with a method and a URI column (`请求方法 | URI`), its first row.
fn table_request_line(table: &crate::doc::Table) -> Option<RequestLine> {
    let cols = fields::columns(table);
    let (method, uri) = (cols.method?, cols.uri?);
    let row = table.rows.first()?;
    let cell = |i: usize| {
        row.cells
            .get(i)
            .map(|c| c.text.one_line())
            .unwrap_or_default()
    };
    parse_request_line(&format!("{} {}", cell(method).trim(), cell(uri).trim()))
}

/// Where an operation's request line was found.
struct Candidate {
    /// The section the operation is assembled from.
    op_section: usize,
    request: RequestLine,
    span: Span,
    /// Under a URI heading (rather than a request line in the section's prose).
    from_uri_section: bool,
    /// Under a request-syntax heading: an HTTP message (S3-style), documented but not generated.
    http_message: bool,
}

/// The operations' request lines: one per URI section (a second one there is diagnosed), then
/// request lines in prose outside URI and example sections.
fn candidates(doc: &Document, tree: &SectionTree, diags: &mut Diagnostics) -> Vec<Candidate> {
    let mut out = Vec::new();
    for s in tree.sections.iter().filter(|s| s.role == SectionRole::Uri) {
        let op_section = s.parent.unwrap_or(0);
        let mut lines = doc.blocks[s.start..s.end]
            .iter()
            .filter_map(|b| Some((block_request_line(b)?, b.span.clone())));
        let first = lines
            .next()
            .or_else(|| labelled_request_line(&doc.blocks[s.start..s.end]));
        let Some((request, span)) = first else {
            let heading_span = s
                .heading
                .map(|h| doc.blocks[h].span.clone())
                .unwrap_or_else(|| Span::new(&doc.file, 1, 1));
            diags.add(
                &heading_span,
                catalogue::URI_MISSING,
                format!(
                    "section `{}` has a URI heading but no `METHOD /path` line; no operation",
                    tree.sections[op_section].title
                ),
            );
            continue;
        };
        for (other, ospan) in lines {
            if (other.method, &other.path) != (request.method, &request.path) {
                diags.add(
                    &ospan,
                    catalogue::URI_MULTIPLE,
                    format!(
                        "a second URI `{} {}` in one section; only `{} {}` is used",
                        other.method.as_str(),
                        other.path,
                        request.method.as_str(),
                        request.path
                    ),
                );
            }
        }
        out.push(Candidate {
            op_section,
            request,
            span,
            from_uri_section: true,
            http_message: false,
        });
    }
    for s in tree
        .sections
        .iter()
        .filter(|s| s.role == SectionRole::RequestSyntax)
    {
        let first = doc.blocks[s.start..s.end]
            .iter()
            .find_map(|b| Some((http_request_line(b)?, b.span.clone())));
        if let Some((request, span)) = first {
            out.push(Candidate {
                op_section: s.parent.unwrap_or(0),
                request,
                span,
                from_uri_section: false,
                http_message: true,
            });
        }
    }
    for (i, b) in doc.blocks.iter().enumerate() {
        let request = match &b.kind {
            // A full URL in prose is an example of a call, not the operation's URI.
            BlockKind::Paragraph { text, .. } => {
                block_request_line(b).filter(|_| !text.plain().contains("://"))
            }
            // `Method | Path` over `GET | /api/v2/templates` right under the title of a section
            // with examples of its own (a walkthrough's table is no operation's definition).
            BlockKind::Table(table) => table_request_line(table).filter(|_| {
                tree.sections[tree.innermost(i)].children.iter().any(|&c| {
                    matches!(
                        tree.sections[c].role,
                        SectionRole::RequestExample
                            | SectionRole::ResponseExample
                            | SectionRole::Examples
                    )
                })
            }),
            _ => None,
        };
        let Some(request) = request else {
            continue;
        };
        let role = tree.role_at(i, usize::MAX);
        if matches!(
            role,
            SectionRole::Uri
                | SectionRole::RequestSyntax
                | SectionRole::RequestExample
                | SectionRole::ResponseExample
                | SectionRole::Examples
                | SectionRole::SampleCode
        ) {
            continue;
        }
        let inner = tree.innermost(i);
        let op_section = if tree.sections[inner].role == SectionRole::Other {
            inner
        } else {
            tree.sections[inner].parent.unwrap_or(0)
        };
        out.push(Candidate {
            op_section,
            request,
            span: b.span.clone(),
            from_uri_section: false,
            http_message: false,
        });
    }
    out
}

/// The candidates that become operations: a prose request line only where no URI section
/// covers its section, and one operation per section.
fn operation_work(
    candidates: Vec<Candidate>,
    tree: &SectionTree,
    diags: &mut Diagnostics,
) -> Vec<Candidate> {
    let uri_sections: BTreeSet<usize> = candidates
        .iter()
        .filter(|c| c.from_uri_section)
        .map(|c| c.op_section)
        .collect();
    let covered = |section: usize| {
        let mut s = Some(section);
        while let Some(x) = s {
            if uri_sections.contains(&x) {
                return true;
            }
            s = tree.sections[x].parent;
        }
        tree.sections[section]
            .children
            .iter()
            .any(|c| uri_sections.contains(c))
    };
    let mut op_sections: BTreeSet<usize> = BTreeSet::new();
    let mut work = Vec::new();
    for c in candidates {
        let rl = &c.request;
        if c.http_message {
            if !covered(c.op_section) {
                diags.add(
                    &c.span,
                    catalogue::URI_HTTP_MESSAGE,
                    format!(
                        "`{} {}{}` is documented as an HTTP message (request syntax, message \
                         headers and elements: an S3-style page), which is not generated yet; no \
                         operation",
                        rl.method.as_str(),
                        rl.path,
                        rl.query
                            .as_ref()
                            .map(|q| format!("?{q}"))
                            .unwrap_or_default()
                    ),
                );
            }
            continue;
        }
        if !c.from_uri_section {
            if covered(c.op_section) {
                continue;
            }
            diags.add(
                &c.span,
                catalogue::URI_OUTSIDE_URI_SECTION,
                format!(
                    "`{} {}` found outside a URI section; used as the operation's URI",
                    rl.method.as_str(),
                    rl.path
                ),
            );
        }
        if !op_sections.insert(c.op_section) {
            diags.add(
                &c.span,
                catalogue::URI_SECOND_IN_SECTION,
                format!(
                    "section `{}` already yielded an operation; `{} {}` is not extracted",
                    tree.sections[c.op_section].title,
                    rl.method.as_str(),
                    rl.path
                ),
            );
            continue;
        }
        work.push(c);
    }
    work
}

/// Extract page `page` of `library`.
pub fn extract_document(
    library: &library::Library<'_>,
    page: usize,
    registry: &mut Registry,
    diags: &mut Diagnostics,
) -> DocOutput {
    let library::Page { index, tree } = &library.pages[page];
    let doc = index.doc;
    let mut operations = Vec::new();
    let mut coverage = Coverage::default();
    let mut type_refs: std::collections::BTreeMap<(u32, String), bool> = Default::default();
    let found = candidates(doc, tree, diags);
    coverage.endpoints = found
        .iter()
        .map(|c| (c.request.method, sections::normalize_path(&c.request.path)))
        .collect();
    for c in operation_work(found, tree, diags) {
        // A section may hold a recovered second operation: each part is assembled on its own.
        for part in restart::split_section(doc, tree, c.op_section, &c.request, diags) {
            let (request, uri_span, summary) = match part.recovered {
                None => (c.request.clone(), c.span.clone(), None),
                Some(rec) => {
                    let summary = rec.label.unwrap_or_else(|| {
                        format!("{} {}", rec.request.method.as_str(), rec.request.path)
                    });
                    (rec.request, rec.span, Some(summary))
                }
            };
            let input = OperationInput {
                index,
                tree,
                library,
                page,
                section: c.op_section,
                request,
                uri_span,
                blocks: part.blocks,
                summary,
            };
            let assembled = assemble(input, registry, diags);
            coverage.tables_in_operations += assembled.tables_seen;
            coverage.tables_consumed += assembled.tables_used;
            coverage.tables_diagnosed += assembled.tables_diagnosed;
            for (reference, resolved) in assembled.type_refs {
                *type_refs.entry(reference).or_default() |= resolved;
            }
            operations.push(assembled.operation);
        }
    }
    coverage.operations = operations.len();
    coverage.type_refs = type_refs.len();
    coverage.type_refs_resolved = type_refs.values().filter(|r| **r).count();
    coverage.tables = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Table(_)))
        .count();
    // Saturating: a table can be counted in two operations (found by fuzzing; see
    // tests/data/fuzz/pipeline-tables-counted-twice.md), which must not panic.
    coverage.tables_outside_operations = coverage
        .tables
        .saturating_sub(coverage.tables_in_operations);
    if operations.is_empty() {
        report_example_only_requests(doc, diags);
    }
    let sdk_pages = if operations.is_empty() {
        sdk::read_sdk_page(doc, tree, index, registry, diags)
    } else {
        Vec::new()
    };
    DocOutput {
        operations,
        sdk_pages,
        coverage,
    }
}

/// A page with request lines only in examples or prose (e.g. a page explaining how to call the
/// API) yields no operation; say so, once per page, so no method + URI goes unmentioned.
fn report_example_only_requests(doc: &Document, diags: &mut Diagnostics) {
    if let Some((rl, b)) = doc
        .blocks
        .iter()
        .find_map(|b| Some((block_request_line(b)?, b)))
    {
        diags.add(&b.span, catalogue::URI_EXAMPLE_ONLY, format!("`{} {}` appears only in an example or in prose, not under a URI heading: no operation from this page", rl.method.as_str(), rl.path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Field, NamedSchema, Schema, SchemaKind};
    use std::sync::Arc;

    /// A reference to a schema nobody defined becomes a free-form value with a diagnostic.
    #[test]
    fn dangling_references_become_free_form() {
        let span = Span::new(&Arc::from("f.md"), 3, 3);
        let mut field = Schema::new(SchemaKind::Ref {
            name: "Missing".into(),
        });
        field.span = Some(span.clone());
        let mut api = Api::default();
        api.schemas.insert(
            "Holder".into(),
            NamedSchema {
                name: "Holder".into(),
                schema: Schema::new(SchemaKind::Object {
                    fields: vec![
                        Field {
                            name: "bad".into(),
                            required: false,
                            schema: field,
                        },
                        Field {
                            name: "good".into(),
                            required: false,
                            schema: Schema::new(SchemaKind::Ref {
                                name: "Holder".into(),
                            }),
                        },
                    ],
                }),
            },
        );
        drop_dangling_references(&mut api);
        let SchemaKind::Object { fields } = &api.schemas["Holder"].schema.kind else {
            panic!()
        };
        assert_eq!(fields[0].schema.kind, SchemaKind::Any);
        assert_eq!(
            fields[1].schema.kind,
            SchemaKind::Ref {
                name: "Holder".into()
            }
        );
        let d: Vec<_> = api.diagnostics.iter().collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "schema.dangling-reference");
        assert_eq!(d[0].span, span);
    }
}
