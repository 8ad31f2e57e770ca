//! `docbind review`: a static HTML site for reviewing what docbind made of a reference. An
//! index lists every operation (filterable) with the report's figures; one page per operation
//! shows the section's source lines (tables rendered as tables) next to what was extracted —
//! parameters, bodies as nested schema tables with each fact's provenance, examples with their
//! conformance result, and the diagnostics anchored at their lines.
//!
//! The site is built only from what the pipeline already computes (the IR, its diagnostics,
//! the coverage and report figures, the examples' checks) plus the source text, which the
//! provenance spans point into. Everything is inline (no external assets) and the output is a
//! pure function of the inputs: sorted, no timestamps.

mod render;

use crate::conformance::{ExampleCheck, ExampleSite, Outcome};
use crate::diag::{catalogue, Diagnostic, Severity, Span};
use crate::doc::{BlockKind, Document};
use crate::extract::Coverage;
use crate::ir::{Api, ExampleValue, Operation, ParamLocation, Schema, SchemaKind};
use crate::pipeline::{Job, PipelineError};
use crate::read;
use crate::report::Report;
use render::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The most source lines an operation page shows: a whole chapter caught in one section
/// (a reference without sub-headings) would otherwise make pages of many megabytes.
const MAX_SOURCE_LINES: u32 = 400;
/// Example texts longer than this many lines are cut (the source pane has them in full).
const MAX_EXAMPLE_LINES: usize = 300;

/// Everything the site is built from.
pub struct Inputs {
    pub api: Api,
    pub coverage: Coverage,
    pub report: Report,
    pub checks: Vec<ExampleCheck>,
    /// The documents as read, for rendering their tables.
    pub docs: Vec<Document>,
    /// Each source's text by provenance name (what [`Span::file`] holds).
    pub texts: BTreeMap<Arc<str>, String>,
}

/// A rendered site: file paths relative to the site's directory, and their contents.
pub struct Site {
    pub files: BTreeMap<PathBuf, String>,
    /// Operation pages written (one per IR operation).
    pub operations: usize,
}

/// Read the job's sources, extract, apply overlays and compute the report: what `generate`
/// and `report` compute, with the source texts kept.
pub fn load(job: &Job) -> Result<Inputs, PipelineError> {
    let base = std::env::current_dir().unwrap_or_default();
    let mut docs = Vec::with_capacity(job.sources.len());
    let mut reader_diags = crate::diag::Diagnostics::new();
    let mut texts = BTreeMap::new();
    for path in &job.sources {
        let text = read::load_file(path).map_err(PipelineError::Input)?;
        let name = read::provenance_name(path, &base);
        let (doc, d) = read::read_text(&name, &text, read::detect_format(&text));
        reader_diags.extend(d);
        texts.insert(doc.file.clone(), text);
        docs.push(doc);
    }
    let (mut api, coverage) =
        crate::pipeline::build_api(&docs, reader_diags, &job.title, &job.version);
    crate::overlay::apply_files(&mut api, &job.overlays, job.openapi_version)
        .map_err(PipelineError::Input)?;
    let report = crate::report::build(&api, &coverage, &job.example_allowlist);
    let checks = checks_from_report(&api, &report);
    Ok(Inputs {
        api,
        coverage,
        report,
        checks,
        docs,
        texts,
    })
}

/// Load and render the job's review site.
pub fn run(job: &Job) -> Result<(Inputs, Site), PipelineError> {
    let inputs = load(job)?;
    let site = build(&inputs).map_err(|e| PipelineError::Io(format!("review: {e}")))?;
    Ok((inputs, site))
}

/// Each example's conformance outcome, as [`crate::conformance::check_examples`] gives it,
/// read back from the report that already ran that check: validating every example a second
/// time would double the cost of a review (it is most of a run on large references).
/// `tests/review.rs` compares the two on a fixture with every kind of outcome.
pub fn checks_from_report(api: &Api, report: &Report) -> Vec<ExampleCheck> {
    let e = &report.examples;
    let mut out = Vec::new();
    for op in &api.operations {
        let request = op
            .request_body
            .iter()
            .map(|b| ("request", &b.examples, true));
        let responses = op
            .responses
            .iter()
            .map(|(status, r)| (status.as_str(), &r.examples, r.body.is_some()));
        for (status, examples, has_schema) in request.chain(responses) {
            for (i, ex) in examples.iter().enumerate() {
                let index = i + 1;
                let site = ExampleSite {
                    operation: op.id.clone(),
                    status: status.to_string(),
                    index,
                    span: ex.span.clone(),
                };
                let outcome = match &ex.value {
                    ExampleValue::Text(_) => Outcome::NotJson,
                    ExampleValue::Partial(_) => Outcome::Partial,
                    ExampleValue::Json(_) if !has_schema => Outcome::NoSchema,
                    ExampleValue::Json(_) => match e
                        .non_conformant
                        .iter()
                        .find(|n| n.operation == op.id && n.status == status && n.index == index)
                    {
                        Some(n) => Outcome::NonConformant {
                            errors: n.errors.clone(),
                        },
                        None => {
                            // The report words these `operation status #index at file:line: value`.
                            let prefix = format!("{} {status} #{index} at {}: ", op.id, ex.span);
                            Outcome::Conformant {
                                undocumented_values: e
                                    .undocumented_enum_values
                                    .iter()
                                    .filter_map(|v| v.strip_prefix(&prefix).map(str::to_string))
                                    .collect(),
                            }
                        }
                    },
                };
                out.push(ExampleCheck { site, outcome });
            }
        }
    }
    out
}

/// The site's files.
pub fn build(inputs: &Inputs) -> Result<Site, askama::Error> {
    let model = Model::new(inputs);
    let mut files = BTreeMap::new();
    let mut rows = Vec::new();
    for (i, op) in inputs.api.operations.iter().enumerate() {
        let page = model.operation_page(i, op);
        rows.push(OpRow {
            id: op.id.clone(),
            href: format!("op/{}", model.pages[i]),
            method: op.method.as_str(),
            path: op.path.clone(),
            summary: op.summary.clone(),
            tag: op.tag.clone().unwrap_or_default(),
            at: op.span.to_string(),
            warnings: page.warnings,
            search: format!(
                "{} {} {} {}",
                op.id,
                op.method.as_str(),
                op.path,
                op.summary
            )
            .to_lowercase(),
        });
        files.insert(
            PathBuf::from("op").join(&model.pages[i]),
            render::operation(&page)?,
        );
    }
    files.insert(
        PathBuf::from("index.html"),
        render::index(&model.index(rows))?,
    );
    Ok(Site {
        files,
        operations: inputs.api.operations.len(),
    })
}

/// Write `site` into `dir`. The `op/` directory belongs to the site: pages of operations that
/// no longer exist are removed so the directory is exactly this run's output; nothing else in
/// `dir` is touched.
pub fn write(site: &Site, dir: &Path) -> std::io::Result<()> {
    let ops = dir.join("op");
    std::fs::create_dir_all(&ops)?;
    for entry in std::fs::read_dir(&ops)? {
        let path = entry?.path();
        let rel = PathBuf::from("op").join(path.file_name().unwrap_or_default());
        if path.extension().is_some_and(|e| e == "html") && !site.files.contains_key(&rel) {
            std::fs::remove_file(&path)?;
        }
    }
    for (rel, content) in &site.files {
        let path = dir.join(rel);
        // Unchanged pages keep their mtime (a browser or a file watcher sees only changes).
        if std::fs::read_to_string(&path).ok().as_deref() == Some(content) {
            continue;
        }
        std::fs::write(&path, content)?;
    }
    Ok(())
}

/// A page file name from an operation id: ASCII letters, digits, `_` and `-` kept, anything
/// else `_`; names that collide (also case-insensitively, for such file systems) get a
/// counter.
fn page_names(api: &Api) -> Vec<String> {
    let mut used = BTreeSet::new();
    api.operations
        .iter()
        .map(|op| {
            let mut base: String = op
                .id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .take(120)
                .collect();
            if base.is_empty() {
                base.push_str("operation");
            }
            let mut name = base.clone();
            let mut n = 2;
            while !used.insert(name.to_lowercase()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            name + ".html"
        })
        .collect()
}

/// Per-run lookups shared by all pages.
struct Model<'a> {
    inputs: &'a Inputs,
    pages: Vec<String>,
    /// Each file's lines (without line ends).
    lines: HashMap<&'a str, Vec<&'a str>>,
    docs: HashMap<&'a str, &'a Document>,
    /// Operation section starts per file, sorted: a section's source ends before the next.
    starts: HashMap<&'a str, Vec<u32>>,
    /// Diagnostics by file, sorted by line.
    diags: HashMap<&'a str, Vec<&'a Diagnostic>>,
    /// Example checks by (operation id, `request` or status).
    checks: HashMap<(&'a str, &'a str), Vec<&'a ExampleCheck>>,
    /// Per file, the source range each operation page shows (first, last, operation index),
    /// sorted: a row described elsewhere (a shared schema) links to the page showing it.
    owners: HashMap<&'a str, Vec<(u32, u32, usize)>>,
}

impl<'a> Model<'a> {
    fn new(inputs: &'a Inputs) -> Self {
        let lines = inputs
            .texts
            .iter()
            .map(|(f, t)| {
                let lines = t.split('\n').map(|l| l.trim_end_matches('\r')).collect();
                (&**f, lines)
            })
            .collect();
        let docs = inputs.docs.iter().map(|d| (&*d.file, d)).collect();
        let mut starts: HashMap<&str, Vec<u32>> = HashMap::new();
        for op in &inputs.api.operations {
            starts.entry(&op.span.file).or_default().push(op.span.start);
        }
        starts.values_mut().for_each(|v| {
            v.sort_unstable();
            v.dedup();
        });
        let mut diags: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
        for d in inputs.api.diagnostics.iter() {
            diags.entry(&d.span.file).or_default().push(d);
        }
        diags.values_mut().for_each(|v| {
            v.sort_by(|a, b| {
                (a.span.start, &a.code, &a.message).cmp(&(b.span.start, &b.code, &b.message))
            })
        });
        let mut checks: HashMap<(&str, &str), Vec<&ExampleCheck>> = HashMap::new();
        for c in &inputs.checks {
            checks
                .entry((&c.site.operation, &c.site.status))
                .or_default()
                .push(c);
        }
        let mut model = Model {
            inputs,
            pages: page_names(&inputs.api),
            lines,
            docs,
            starts,
            diags,
            checks,
            owners: HashMap::new(),
        };
        let mut owners: HashMap<&str, Vec<(u32, u32, usize)>> = HashMap::new();
        for (i, op) in inputs.api.operations.iter().enumerate() {
            let (first, _, last) = model.range(op);
            owners
                .entry(&op.span.file)
                .or_default()
                .push((first, last, i));
        }
        owners.values_mut().for_each(|v| v.sort_unstable());
        model.owners = owners;
        model
    }

    /// The page (and anchor) whose source pane shows `span`'s first line.
    fn page_showing(&self, span: &Span) -> Option<String> {
        let ranges = self.owners.get(&*span.file)?;
        // The last range starting at or before the line; sections do not overlap.
        let at = ranges.partition_point(|r| r.0 <= span.start);
        let (first, last, i) = *ranges.get(at.checked_sub(1)?)?;
        (first <= span.start && span.start <= last)
            .then(|| format!("{}#L{}", self.pages[i], span.start))
    }

    /// The source lines of an operation's section — up to the next operation's start in the
    /// same file — as (first, last shown, last): the page shows at most [`MAX_SOURCE_LINES`].
    fn range(&self, op: &Operation) -> (u32, u32, u32) {
        let file: &str = &op.span.file;
        let first = op.span.start.max(1);
        let next = self
            .starts
            .get(file)
            .and_then(|s| s.iter().find(|&&x| x > first))
            .map_or(u32::MAX, |&x| x - 1);
        let total = self.lines.get(file).map_or(0, |l| l.len() as u32);
        let end = op.span.end.max(first).min(next).min(total.max(first));
        (first, end.min(first + MAX_SOURCE_LINES - 1), end)
    }

    fn index(&self, operations: Vec<OpRow>) -> IndexPage {
        let api = &self.inputs.api;
        let c = &self.inputs.coverage;
        let r = &self.inputs.report;
        let e = &r.examples;
        let bars = vec![
            Bar::new(
                "Endpoints extracted",
                "已提取的端点",
                c.endpoints_extracted,
                c.endpoints_documented,
            ),
            Bar::new(
                "Tables consumed (the rest diagnosed)",
                "已使用的表格（其余有诊断）",
                c.tables_consumed,
                c.tables_in_operations,
            ),
            Bar::new(
                "Type references resolved",
                "已解析的类型引用",
                c.type_refs_resolved,
                c.type_refs,
            ),
            Bar::new(
                "Examples conforming to their schema",
                "符合模式的示例",
                e.conformant as usize,
                e.checked as usize,
            ),
            Bar::new(
                "Example fields declared",
                "示例字段已声明",
                e.fields_declared as usize,
                e.fields as usize,
            ),
            Bar::new(
                "Fields typed (not free-form)",
                "有类型的字段（非自由格式）",
                r.fields.typed as usize,
                r.fields.total as usize,
            ),
        ];
        let figures = r
            .summary
            .iter()
            .map(|(k, f)| FigureView {
                name: k.clone(),
                value: f.value,
                better: match f.better {
                    crate::report::Better::Higher => "↑",
                    crate::report::Better::Lower => "↓",
                },
            })
            .collect();
        let mut codes: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
        for d in api.diagnostics.iter() {
            let entry = codes.entry(&d.code).or_insert((0, d.severity));
            entry.0 += 1;
        }
        let codes = codes
            .into_iter()
            .map(|(code, (count, severity))| CodeCount {
                code: code.to_string(),
                count,
                severity: severity_word(severity),
                summary: catalogue::find(code)
                    .map(|c| c.summary.to_string())
                    .unwrap_or_default(),
            })
            .collect();
        IndexPage {
            title: api.title.clone(),
            version: api.version.clone(),
            sources: api.sources.clone(),
            with_warnings: operations.iter().filter(|o| o.warnings > 0).count(),
            operations,
            bars,
            figures,
            codes,
        }
    }

    fn operation_page(&self, index: usize, op: &'a Operation) -> OperationPage {
        let file: &str = &op.span.file;
        let (first, last, end) = self.range(op);
        // The whole section's diagnostics, also those beyond the lines shown.
        let diags: Vec<&Diagnostic> = self
            .diags
            .get(file)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|d| d.span.start >= first && d.span.start <= end)
                    .collect()
            })
            .unwrap_or_default();
        let mut by_line: BTreeMap<u32, Vec<&Diagnostic>> = BTreeMap::new();
        for d in &diags {
            by_line.entry(d.span.start).or_default().push(d);
        }
        let ctx = PageCtx {
            model: self,
            file,
            first,
            last,
            by_line: &by_line,
        };
        // Named schemas reachable from the operation, each shown once with its own anchor.
        let mut named: BTreeSet<&str> = BTreeSet::new();
        let mut queue: Vec<&str> = op.schemas().flat_map(|s| s.references()).collect();
        while let Some(name) = queue.pop() {
            if let Some(n) = self.inputs.api.schemas.get(name) {
                if named.insert(&n.name) {
                    queue.extend(n.schema.references());
                }
            }
        }
        let mut params: Vec<ParamGroup> = Vec::new();
        for (loc, en, zh) in [
            (ParamLocation::Path, "Path parameters", "路径参数"),
            (ParamLocation::Query, "Query parameters", "查询参数"),
            (ParamLocation::Header, "Header parameters", "请求头参数"),
        ] {
            let rows: Vec<FieldRow> = op
                .parameters
                .iter()
                .filter(|p| p.location == loc)
                .map(|p| ctx.row(&p.name, p.required, &p.schema, Some(&p.span)))
                .collect();
            if !rows.is_empty() {
                params.push(ParamGroup {
                    en,
                    zh,
                    table: SchemaTable { rows },
                });
            }
        }
        let request = op.request_body.as_ref().map(|b| BodyView {
            content_type: b.content_type.clone(),
            required: b.required,
            at: ctx.at(&b.span),
            root: ctx.row("(body)", b.required, &b.schema, Some(&b.span)),
            examples: self.examples(op, "request", &b.examples, &ctx),
        });
        let responses = op
            .responses
            .iter()
            .map(|(status, r)| ResponseView {
                status: status.clone(),
                success: status.starts_with('2'),
                description: r.description.clone(),
                headers: SchemaTable {
                    rows: r
                        .headers
                        .iter()
                        .map(|h| ctx.row(&h.name, h.required, &h.schema, Some(&h.span)))
                        .collect(),
                },
                body: r.body.as_ref().map(|b| BodyView {
                    content_type: b.content_type.clone(),
                    required: true,
                    at: ctx.at(&b.span),
                    root: ctx.row("(body)", true, &b.schema, Some(&b.span)),
                    examples: Vec::new(),
                }),
                examples: self.examples(op, status, &r.examples, &ctx),
            })
            .collect();
        let schemas = named
            .iter()
            .filter_map(|n| self.inputs.api.schemas.get(*n))
            .map(|n| {
                let mut root = ctx.row(&n.name, true, &n.schema, n.schema.span.as_ref());
                let (type_text, link) = (root.type_text.clone(), root.link.clone());
                NamedView {
                    anchor: schema_anchor(&n.name),
                    name: n.name.clone(),
                    at: n.schema.span.as_ref().map(|s| ctx.at(s)),
                    type_text,
                    link,
                    table: root
                        .nested
                        .take()
                        .unwrap_or(SchemaTable { rows: vec![root] }),
                }
            })
            .collect();
        let diagnostics: Vec<DiagView> = diags
            .iter()
            .map(|d| DiagView {
                line: d.span.start,
                in_pane: d.span.start <= last,
                severity: severity_word(d.severity),
                code: d.code.clone(),
                message: d.message.clone(),
            })
            .collect();
        let warnings = diags
            .iter()
            .filter(|d| d.severity != Severity::Note)
            .count();
        let ops = &self.inputs.api.operations;
        OperationPage {
            title: self.inputs.api.title.clone(),
            id: op.id.clone(),
            method: op.method.as_str(),
            path: op.path.clone(),
            summary: op.summary.clone(),
            description: op.description.clone().unwrap_or_default(),
            tag: op.tag.clone().unwrap_or_default(),
            at: op.span.to_string(),
            alt_docs: op
                .alt_docs
                .iter()
                .map(|a| format!("{}: {}", a.source, a.summary))
                .collect(),
            prev: index
                .checked_sub(1)
                .map(|i| (self.pages[i].clone(), ops[i].id.clone())),
            next: ops
                .get(index + 1)
                .map(|o| (self.pages[index + 1].clone(), o.id.clone())),
            source: self.source_pane(file, (first, last, last < end), &by_line),
            params,
            request,
            responses,
            schemas,
            warnings,
            diagnostics,
        }
    }

    fn examples(
        &self,
        op: &Operation,
        status: &str,
        examples: &[crate::ir::Example],
        ctx: &PageCtx,
    ) -> Vec<ExampleView> {
        let checks = self
            .checks
            .get(&(op.id.as_str(), status))
            .map(Vec::as_slice)
            .unwrap_or_default();
        examples
            .iter()
            .enumerate()
            .map(|(i, ex)| {
                let check = checks.iter().find(|c| c.site.index == i + 1);
                let (class, en, zh, details) = match check.map(|c| &c.outcome) {
                    Some(Outcome::Conformant {
                        undocumented_values,
                    }) => (
                        "ok",
                        "conforms",
                        "符合",
                        undocumented_values
                            .iter()
                            .map(|v| format!("value outside the documented list: {v}"))
                            .collect(),
                    ),
                    Some(Outcome::NonConformant { errors }) => {
                        ("bad", "does not conform", "不符合", errors.clone())
                    }
                    Some(Outcome::NoSchema) => {
                        ("none", "no schema to check", "无模式可校验", vec![])
                    }
                    Some(Outcome::Partial) => (
                        "none",
                        "cut short by the page, not checked",
                        "被分页截断，未校验",
                        vec![],
                    ),
                    Some(Outcome::NotJson) | None => ("none", "not JSON", "非 JSON", vec![]),
                };
                let text = match &ex.value {
                    ExampleValue::Json(v) | ExampleValue::Partial(v) => {
                        serde_json::to_string_pretty(v).unwrap_or_default()
                    }
                    ExampleValue::Text(t) => t.clone(),
                };
                let lines: Vec<&str> = text.lines().collect();
                let text = if lines.len() > MAX_EXAMPLE_LINES {
                    format!(
                        "{}\n… ({} more lines)",
                        lines[..MAX_EXAMPLE_LINES].join("\n"),
                        lines.len() - MAX_EXAMPLE_LINES
                    )
                } else {
                    text
                };
                ExampleView {
                    index: i + 1,
                    at: ctx.at(&ex.span),
                    class,
                    en,
                    zh,
                    details,
                    text,
                }
            })
            .collect()
    }

    /// The section's lines, with tables that start in it rendered as tables (their raw lines
    /// folded below them).
    fn source_pane(
        &self,
        file: &str,
        (first, last, cut): (u32, u32, bool),
        by_line: &BTreeMap<u32, Vec<&Diagnostic>>,
    ) -> SourcePane {
        let lines = self.lines.get(file).map(Vec::as_slice).unwrap_or_default();
        let line = |n: u32| lines.get(n as usize - 1).copied().unwrap_or_default();
        let marks = |n: u32| -> (&'static str, String) {
            match by_line.get(&n) {
                None => ("", String::new()),
                Some(ds) => (
                    worst(ds),
                    ds.iter()
                        .map(|d| format!("{}: {}", d.code, d.message))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            }
        };
        let mut tables: BTreeMap<u32, (&crate::doc::Table, u32)> = BTreeMap::new();
        if let Some(doc) = self.docs.get(file) {
            for b in &doc.blocks {
                if let BlockKind::Table(t) = &b.kind {
                    if b.span.start >= first && b.span.start <= last {
                        tables.insert(b.span.start, (t, b.span.end));
                    }
                }
            }
        }
        let mut items = Vec::new();
        let mut n = first;
        while n <= last {
            if let Some((t, end)) = tables.get(&n) {
                let end = (*end).max(n);
                let mut ids = BTreeSet::new();
                let rows = t
                    .rows
                    .iter()
                    .map(|r| {
                        let l = r.span.start;
                        let (diag, title) = if (l..=r.span.end).any(|x| by_line.contains_key(&x)) {
                            let (c, mut t) = marks(l);
                            // A diagnostic on a later line of a multi-line row marks it too.
                            for x in l + 1..=r.span.end {
                                let (_, more) = marks(x);
                                if !more.is_empty() {
                                    t = if t.is_empty() { more } else { t + "\n" + &more };
                                }
                            }
                            (if c.is_empty() { "warning" } else { c }, t)
                        } else {
                            ("", String::new())
                        };
                        SrcRow {
                            line: l,
                            id: ids.insert(l).then(|| format!("L{l}")),
                            cells: r.cells.iter().map(|c| c.text.plain()).collect(),
                            diag,
                            title,
                        }
                    })
                    .collect();
                items.push(SourceItem {
                    line: None,
                    table: Some(SrcTable {
                        start: n,
                        end,
                        caption: t.caption.as_ref().map(|c| c.one_line()).unwrap_or_default(),
                        header: t.header.iter().map(|c| c.text.one_line()).collect(),
                        rows,
                        raw: (n..=end.min(n + MAX_SOURCE_LINES))
                            .map(|x| RawLine {
                                n: x,
                                text: line(x).to_string(),
                            })
                            .collect(),
                        id: (!ids.contains(&n)).then(|| format!("L{n}")),
                    }),
                });
                n = end + 1;
                continue;
            }
            let (diag, title) = marks(n);
            items.push(SourceItem {
                line: Some(SrcLine {
                    n,
                    text: line(n).to_string(),
                    diag,
                    title,
                }),
                table: None,
            });
            n += 1;
        }
        SourcePane {
            file: file.to_string(),
            first,
            last,
            cut,
            items,
        }
    }
}

/// What a page needs to turn a schema into rows.
struct PageCtx<'m, 'a> {
    model: &'m Model<'a>,
    file: &'m str,
    first: u32,
    last: u32,
    by_line: &'m BTreeMap<u32, Vec<&'a Diagnostic>>,
}

impl PageCtx<'_, '_> {
    /// The line a row points at when it is in this page's source pane.
    fn line(&self, span: Option<&Span>) -> Option<u32> {
        span.filter(|s| &*s.file == self.file && s.start >= self.first && s.start <= self.last)
            .map(|s| s.start)
    }

    /// Where something is: a line of the source pane (clickable), else `file:line`.
    fn at(&self, span: &Span) -> Place {
        let line = self.line(Some(span));
        Place {
            text: match line {
                Some(l) => format!("L{l}"),
                None => {
                    let name = span.file.rsplit('/').next().unwrap_or_default();
                    format!("{name}:{}", span.start)
                }
            },
            line,
            title: span.to_string(),
        }
    }

    /// One row: a field, parameter, header or body, with nested rows for inline objects.
    fn row(&self, name: &str, required: bool, s: &Schema, span: Option<&Span>) -> FieldRow {
        let span = s.span.as_ref().or(span);
        let line = self.line(span);
        let mut badges = Vec::new();
        for m in &s.mined {
            let (en, zh) = mined_words(m.kind);
            badges.push(Badge {
                class: "mined",
                en: format!("prose: {en}"),
                zh: format!("描述：{zh}"),
                title: format!("{} ({})", m.text, m.span),
                line: self.line(Some(&m.span)),
            });
        }
        // Evidence from examples is recorded as diagnostics at the schema's row.
        let evidence = [
            catalogue::TYPE_WIDENED_BY_EXAMPLE.id,
            catalogue::TYPE_NULLABLE_BY_EXAMPLE.id,
            catalogue::ENUM_EXTENDED_BY_EXAMPLE.id,
            catalogue::REQUIRED_RELAXED_BY_EXAMPLE.id,
        ];
        let mut warnings = 0;
        if let Some(l) = line {
            for d in self.by_line.get(&l).into_iter().flatten() {
                // Another schema's field can share the line (a row reused by a second table):
                // evidence messages name the field as `Schema.path.name`.
                let names_it = d.message.contains(&format!(".{name}`"))
                    || d.message.contains(&format!("`{name}`"));
                if evidence.contains(&d.code.as_str()) && names_it {
                    badges.push(Badge {
                        class: "example",
                        en: "example".into(),
                        zh: "示例".into(),
                        title: format!("{}: {}", d.code, d.message),
                        line: Some(l),
                    });
                } else if d.severity != Severity::Note {
                    warnings += 1;
                }
            }
        }
        for o in &s.overlay {
            badges.push(Badge {
                class: "overlay",
                en: "overlay".into(),
                zh: "覆盖文件".into(),
                title: o.clone(),
                line: None,
            });
        }
        // The row's own type, then — for arrays and maps — what they hold, down to the first
        // named or inline object.
        let mut prefix = String::new();
        let mut node = s;
        loop {
            match &node.kind {
                SchemaKind::Array { items } => {
                    prefix.push_str("array of ");
                    node = items;
                }
                SchemaKind::Map { values } => {
                    prefix.push_str("map of ");
                    node = values;
                }
                _ => break,
            }
        }
        let (text, link) = match &node.kind {
            SchemaKind::Ref { name } => (
                prefix,
                Some(Link {
                    anchor: schema_anchor(name),
                    name: name.clone(),
                }),
            ),
            SchemaKind::Object { .. } => (prefix + "object", None),
            SchemaKind::Any => (prefix + "any (free-form)", None),
            k => (
                match k.format() {
                    Some(f) => format!("{prefix}{} ({f})", k.json_type()),
                    None => prefix + k.json_type(),
                },
                None,
            ),
        };
        let mut also: Vec<String> = s
            .example_shapes
            .iter()
            .map(|sh| {
                serde_json::to_value(sh)
                    .ok()
                    .and_then(|v| v.as_str().map(|x| x.replace('_', " ")))
                    .unwrap_or_default()
            })
            .collect();
        if s.nullable {
            also.push("null".into());
        }
        let nested = match &node.kind {
            SchemaKind::Object { fields } => Some(SchemaTable {
                rows: fields
                    .iter()
                    .map(|f| self.row(&f.name, f.required, &f.schema, None))
                    .collect(),
            }),
            _ => None,
        };
        let limits = s.constraints.words();
        FieldRow {
            name: name.to_string(),
            description: s.description.clone().unwrap_or_default(),
            raw_type: s.raw_type.clone().unwrap_or_default(),
            type_text: text,
            link,
            also: also.join(", "),
            required,
            enum_values: s
                .enum_values
                .iter()
                .map(|e| EnumView {
                    value: e.value.to_string(),
                    description: e.description.clone().unwrap_or_default(),
                })
                .collect(),
            default: s
                .default
                .as_ref()
                .map(|d| d.to_string())
                .unwrap_or_default(),
            limits: limits.join(", "),
            badges,
            line,
            at: span.map(|s| s.to_string()).unwrap_or_default(),
            // The line alone in the page's own file; another file by its base name.
            at_short: span
                .map(|s| {
                    if &*s.file == self.file {
                        format!("L{}", s.start)
                    } else {
                        let name = s.file.rsplit('/').next().unwrap_or_default();
                        format!("{name}:{}", s.start)
                    }
                })
                .unwrap_or_default(),
            at_href: span
                .filter(|_| line.is_none())
                .and_then(|s| self.model.page_showing(s)),
            warnings,
            nested,
        }
    }
}

/// What a mined fact is about, in English and Chinese.
fn mined_words(k: crate::ir::MinedKind) -> (&'static str, &'static str) {
    use crate::ir::MinedKind;
    match k {
        MinedKind::Enum => ("values", "取值"),
        MinedKind::Default => ("default", "默认值"),
        MinedKind::MinLength => ("min length", "最小长度"),
        MinedKind::MaxLength => ("max length", "最大长度"),
        MinedKind::Minimum => ("minimum", "最小值"),
        MinedKind::Maximum => ("maximum", "最大值"),
        MinedKind::PageIndex => ("counts pages", "页码"),
    }
}

/// An HTML id for a named schema (component names may hold any character; ids may not hold
/// whitespace, and `#` links must survive).
fn schema_anchor(name: &str) -> String {
    let mut out = String::from("schema-");
    for c in name.chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' || c == '.' {
            out.push(c);
        } else {
            out.push_str(&format!("~{:x}", c as u32));
        }
    }
    out
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Note => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// The CSS class of the most severe diagnostic among `ds`.
fn worst(ds: &[&Diagnostic]) -> &'static str {
    ds.iter()
        .map(|d| d.severity)
        .max()
        .map(severity_word)
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::HttpMethod;

    #[test]
    fn page_names_are_safe_and_unique_ignoring_case() {
        let span = Span::new(&Arc::from("p.md"), 1, 1);
        let mut api = Api::default();
        for id in ["a/b", "a_b", "A_B", "../x", ""] {
            api.operations
                .push(Operation::stub(id, HttpMethod::Get, "/x", span.clone()));
        }
        assert_eq!(
            page_names(&api),
            [
                "a_b.html",
                "a_b-2.html",
                "A_B-3.html",
                "___x.html",
                "operation.html"
            ]
        );
    }

    #[test]
    fn schema_anchors_keep_names_apart() {
        assert_eq!(schema_anchor("Job.Spec_v1"), "schema-Job.Spec_v1");
        assert_ne!(schema_anchor("a b"), schema_anchor("a_b"));
        assert!(!schema_anchor("a b#c").contains([' ', '#']));
    }
}
