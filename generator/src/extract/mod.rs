//! Extraction: documents → IR.
//!
//! Per document: build the section tree ([`sections`]), find operation sections by their URI
//! lines, assemble each operation ([`operation`]) resolving nested tables ([`resolve`]) into
//! named schemas ([`registry`]); SDK pages ([`sdk`]) yield schemas that verify/enrich the REST
//! operation of the same title. Across documents: merge by method + normalised path
//! ([`merge`]), assign operation ids ([`names`]), drop schemas nothing reaches.

pub mod evidence;
pub mod examples;
pub mod fields;
pub mod merge;
pub mod names;
pub mod operation;
pub mod parallel;
pub mod prose;
pub mod registry;
pub mod resolve;
pub mod restart;
pub mod sdk;
pub mod sections;
pub mod text;
pub mod types;
pub mod vocab;

use crate::diag::{Diagnostics, Span};
use crate::doc::{BlockKind, Document};
use crate::ir::{Api, Operation, Schema, SchemaKind};
use operation::{assemble, OperationInput};
use registry::Registry;
use resolve::DocIndex;
use sections::{parse_request_line, RequestLine, SectionTree};
use std::collections::BTreeSet;
use vocab::SectionRole;

#[derive(Debug, Clone)]
pub struct ExtractOptions {
    pub title: String,
    pub version: String,
    /// Assemble a document's operations on two threads ([`parallel`]); the result is the same
    /// either way (a test compares them).
    pub parallel: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            title: "API".into(),
            version: "1.0.0".into(),
            parallel: true,
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

/// Compile every regular expression extraction uses. They are compiled lazily on first use,
/// which costs tens of milliseconds of Unicode-aware compilation on the critical path; a caller
/// with a spare core can run this while the sources are still being read.
pub fn warm_up() {
    prose::warm_up();
    resolve::warm_up();
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
    for (source, doc) in docs.iter().enumerate() {
        let out = extract_document(doc.borrow(), &mut registry, &mut diags, opts.parallel);
        coverage.add(&out.coverage);
        let rank = priority.get(source).copied().unwrap_or(source);
        operations.extend(out.operations.into_iter().map(|o| (rank, o)));
        sdk_pages.extend(out.sdk_pages);
    }
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
    let mut api = Api {
        title: opts.title.clone(),
        version: opts.version.clone(),
        sources: docs.iter().map(|d| d.borrow().file.to_string()).collect(),
        operations,
        schemas: Default::default(),
        diagnostics: diags,
    };
    api.schemas = reachable_schemas(&api.operations, registry, keep);
    // What the documentation's own examples prove about the types (after all sources merged).
    let mut evidence = Diagnostics::new();
    evidence::widen_by_examples(&mut api, &mut evidence);
    api.diagnostics.extend(evidence);
    api.normalize();
    (api, coverage)
}

/// Keep only schemas reachable from operations (or explicitly kept, e.g. SDK schemas).
fn reachable_schemas(
    ops: &[Operation],
    registry: Registry,
    keep: BTreeSet<String>,
) -> std::collections::BTreeMap<String, crate::ir::NamedSchema> {
    fn walk(s: &Schema, out: &mut Vec<String>) {
        match &s.kind {
            SchemaKind::Ref { name } => out.push(name.clone()),
            SchemaKind::Array { items } => walk(items, out),
            SchemaKind::Map { values } => walk(values, out),
            SchemaKind::Object { fields } => fields.iter().for_each(|f| walk(&f.schema, out)),
            _ => {}
        }
    }
    let mut pending: Vec<String> = keep.into_iter().collect();
    for schema in ops.iter().flat_map(Operation::schemas) {
        walk(schema, &mut pending);
    }
    let mut seen = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(s) = registry.schemas.get(&name) {
            walk(&s.schema, &mut pending);
        }
    }
    let mut schemas = registry.schemas;
    schemas.retain(|k, _| seen.contains(k));
    schemas
}

/// Request lines of a URI section: paragraphs and the first line of code blocks.
fn request_lines(doc: &Document, from: usize, to: usize) -> Vec<(RequestLine, Span)> {
    let mut out = Vec::new();
    for b in &doc.blocks[from..to] {
        let text = match &b.kind {
            BlockKind::Paragraph { text, .. } => text.plain(),
            BlockKind::Code { text, .. } => text.clone(),
            _ => continue,
        };
        // A paragraph may hold the line wrapped over several physical lines.
        let joined = text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
        if let Some(rl) = parse_request_line(&joined) {
            out.push((rl, b.span.clone()));
        }
    }
    out
}

/// Paragraphs that are a request line (`METHOD /path`, wrapped lines joined), by block index.
fn paragraph_request_lines(doc: &Document) -> Vec<(usize, RequestLine)> {
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let BlockKind::Paragraph { text, .. } = &b.kind else {
            continue;
        };
        let joined = text
            .plain()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        let Some(rl) = parse_request_line(&joined) else {
            continue;
        };
        if rl.path.starts_with('/') && !joined.contains("://") {
            out.push((i, rl));
        }
    }
    out
}

/// From this many blocks on, a document's index and request-line scan run on a second thread
/// while its section tree is built.
const LARGE_DOCUMENT_BLOCKS: usize = 4096;

pub fn extract_document(
    doc: &Document,
    registry: &mut Registry,
    diags: &mut Diagnostics,
    parallel: bool,
) -> DocOutput {
    // Independent passes over the blocks: for a large document, the index and the request-line
    // scan run on a second thread while the section tree is built.
    let (tree, (index, paragraph_request_lines)) =
        if parallel && doc.blocks.len() >= LARGE_DOCUMENT_BLOCKS {
            crate::threads::join(
                || SectionTree::build(doc),
                || (DocIndex::new(doc), paragraph_request_lines(doc)),
            )
        } else {
            (
                SectionTree::build(doc),
                (DocIndex::new(doc), paragraph_request_lines(doc)),
            )
        };
    let mut operations = Vec::new();
    let mut coverage = Coverage::default();
    let mut op_sections: BTreeSet<usize> = BTreeSet::new();
    let mut type_refs: std::collections::BTreeMap<(u32, String), bool> = Default::default();

    let mut candidates: Vec<(usize, RequestLine, Span, bool)> = Vec::new();
    for (si, s) in tree.sections.iter().enumerate() {
        if s.role != SectionRole::Uri {
            continue;
        }
        let op_section = s.parent.unwrap_or(0);
        let lines = request_lines(doc, s.start, s.end);
        let heading_span = s
            .heading
            .map(|h| doc.blocks[h].span.clone())
            .unwrap_or_else(|| Span::new(&doc.file, 1, 1));
        match lines.split_first() {
            None => diags.warn(
                &heading_span,
                "uri.missing",
                format!(
                    "section `{}` has a URI heading but no `METHOD /path` line; no operation",
                    tree.sections[op_section].title
                ),
            ),
            Some(((rl, span), rest)) => {
                for (other, ospan) in rest {
                    if (other.method, &other.path) != (rl.method, &rl.path) {
                        diags.warn(
                            ospan,
                            "uri.multiple",
                            format!(
                                "a second URI `{} {}` in one section; only `{} {}` is used",
                                other.method.as_str(),
                                other.path,
                                rl.method.as_str(),
                                rl.path
                            ),
                        );
                    }
                }
                candidates.push((op_section, rl.clone(), span.clone(), true));
            }
        }
        let _ = si;
    }
    // Request lines outside any URI section, not in examples: used when their section has no
    // operation from a URI section.
    for (i, rl) in paragraph_request_lines {
        let b = &doc.blocks[i];
        let inner = tree.innermost(i);
        let role = tree.role_at(i, usize::MAX);
        if matches!(
            role,
            SectionRole::Uri
                | SectionRole::RequestExample
                | SectionRole::ResponseExample
                | SectionRole::Examples
                | SectionRole::SampleCode
        ) {
            continue;
        }
        let op_section = if tree.sections[inner].role == SectionRole::Other {
            inner
        } else {
            tree.sections[inner].parent.unwrap_or(0)
        };
        candidates.push((op_section, rl, b.span.clone(), false));
    }
    let uri_sections: BTreeSet<usize> = candidates.iter().filter(|c| c.3).map(|c| c.0).collect();
    let mut work: Vec<(usize, RequestLine, Span)> = Vec::new();
    for (op_section, rl, span, from_uri_section) in candidates {
        if !from_uri_section {
            let covered = {
                let mut s = Some(op_section);
                let mut hit = false;
                while let Some(x) = s {
                    if uri_sections.contains(&x) {
                        hit = true;
                        break;
                    }
                    s = tree.sections[x].parent;
                }
                hit || tree.sections[op_section]
                    .children
                    .iter()
                    .any(|c| uri_sections.contains(c))
            };
            if covered {
                continue;
            }
            diags.note(
                &span,
                "uri.outside-uri-section",
                format!(
                    "`{} {}` found outside a URI section; used as the operation's URI",
                    rl.method.as_str(),
                    rl.path
                ),
            );
        }
        if !op_sections.insert(op_section) {
            diags.warn(
                &span,
                "uri.second-in-section",
                format!(
                    "section `{}` already yielded an operation; `{} {}` is not extracted",
                    tree.sections[op_section].title,
                    rl.method.as_str(),
                    rl.path
                ),
            );
            continue;
        }
        work.push((op_section, rl, span));
    }
    // Each operation section, split where it holds a recovered second operation, then
    // assembled: on two threads for a large document (see `parallel`).
    let assemble_section = |(op_section, rl, span): (usize, RequestLine, Span),
                            registry: &mut Registry,
                            diags: &mut Diagnostics| {
        let parts = restart::split_section(doc, &tree, op_section, &rl, diags);
        let mut out = Vec::with_capacity(parts.len());
        for part in parts {
            let (request, uri_span, summary) = match part.recovered {
                None => (rl.clone(), span.clone(), None),
                Some(rec) => {
                    let summary = rec.label.unwrap_or_else(|| {
                        format!("{} {}", rec.request.method.as_str(), rec.request.path)
                    });
                    (rec.request, rec.span, Some(summary))
                }
            };
            let input = OperationInput {
                index: &index,
                tree: &tree,
                section: op_section,
                request,
                uri_span,
                blocks: part.blocks,
                summary,
            };
            out.push(assemble(input, registry, diags));
        }
        out
    };
    let section_size = |w: &(usize, RequestLine, Span)| {
        let s = &tree.sections[w.0];
        s.end.saturating_sub(s.start)
    };
    let assembled = parallel::assemble_all(
        work,
        section_size,
        registry,
        diags,
        parallel,
        assemble_section,
    );
    for assembled in assembled {
        coverage.tables_in_operations += assembled.tables_seen;
        coverage.tables_consumed += assembled.tables_used;
        coverage.tables_diagnosed += assembled.tables_diagnosed;
        for (reference, resolved) in assembled.type_refs {
            *type_refs.entry(reference).or_default() |= resolved;
        }
        operations.push(assembled.operation);
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
        sdk::read_sdk_page(doc, &tree, &index, registry, diags)
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
    for b in &doc.blocks {
        let text = match &b.kind {
            BlockKind::Paragraph { text, .. } => text.plain(),
            BlockKind::Code { text, .. } => text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .to_string(),
            _ => continue,
        };
        if let Some(rl) = parse_request_line(text.trim()) {
            diags.note(&b.span, "uri.example-only", format!("`{} {}` appears only in an example or in prose, not under a URI heading: no operation from this page", rl.method.as_str(), rl.path));
            return;
        }
    }
}
