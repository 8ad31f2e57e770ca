//! The reStructuredText reader on the seed page and the whole OTC ModelArts corpus.

use docbind::diag::Diagnostics;
use docbind::doc::{Block, BlockKind, Document, Inline, LinkTarget, Table};
use std::collections::BTreeMap;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_path(path: &Path) -> (Document, Diagnostics) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path
        .strip_prefix(repo_root())
        .unwrap_or(path)
        .display()
        .to_string();
    docbind::read::rst::read(Arc::from(name.as_str()), &text)
}

fn corpus_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rst") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &repo_root().join("tests/corpus/otc-rst/modelarts"),
        &mut out,
    );
    out
}

#[derive(Debug, Default)]
struct Counts {
    files: usize,
    headings: usize,
    headings_by_level: BTreeMap<u8, usize>,
    paragraphs: usize,
    list_paragraphs: usize,
    tables: usize,
    captioned_tables: usize,
    rows: usize,
    ragged_rows: usize,
    code_blocks: usize,
    code_with_lang: usize,
    grid_tables: usize,
    simple_tables: usize,
    links: BTreeMap<&'static str, usize>,
    unresolved_anchor_links: usize,
    /// Page links whose label no page of the corpus defines.
    unresolved_page_links: BTreeMap<String, usize>,
    diagnostics: BTreeMap<String, usize>,
}

fn all_inlines(block: &Block) -> Vec<&Inline> {
    match &block.kind {
        BlockKind::Heading { text, .. } | BlockKind::Paragraph { text, .. } => {
            text.inlines().collect()
        }
        BlockKind::Table(t) => t
            .caption
            .iter()
            .chain(t.header.iter().map(|c| &c.text))
            .chain(t.rows.iter().flat_map(|r| r.cells.iter().map(|c| &c.text)))
            .flat_map(|t| t.inlines())
            .collect(),
        BlockKind::Code { .. } => Vec::new(),
    }
}

fn count(counts: &mut Counts, doc: &Document, diags: &Diagnostics, source: &str) {
    counts.files += 1;
    let source: Vec<&str> = source.lines().collect();
    let anchors: HashSet<&str> = doc
        .blocks
        .iter()
        .flat_map(|b| b.anchors.iter().map(String::as_str))
        .collect();
    for block in &doc.blocks {
        assert!(
            block.span.start >= 1 && block.span.start <= block.span.end,
            "{}: bad span {:?}",
            doc.file,
            block.span
        );
        match &block.kind {
            BlockKind::Heading { level, .. } => {
                counts.headings += 1;
                *counts.headings_by_level.entry(*level).or_default() += 1;
            }
            BlockKind::Paragraph { list_depth, .. } => {
                counts.paragraphs += 1;
                counts.list_paragraphs += usize::from(*list_depth > 0);
            }
            BlockKind::Table(t) => {
                counts.tables += 1;
                counts.captioned_tables += usize::from(t.caption.is_some());
                // The model does not say which syntax a table used; the source does.
                let lines = &source[block.span.start as usize - 1..block.span.end as usize];
                if lines.iter().any(|l| l.trim_start().starts_with("+-")) {
                    counts.grid_tables += 1;
                } else {
                    counts.simple_tables += 1;
                }
                counts.rows += t.rows.len();
                for row in &t.rows {
                    counts.ragged_rows += usize::from(row.cells.len() != t.header.len());
                    assert!(
                        block.span.start <= row.span.start && row.span.end <= block.span.end,
                        "{}: row outside table",
                        doc.file
                    );
                }
            }
            BlockKind::Code { lang, .. } => {
                counts.code_blocks += 1;
                counts.code_with_lang += usize::from(lang.is_some());
            }
        }
        for inline in all_inlines(block) {
            if let Inline::Link { target, .. } = inline {
                let kind = match target {
                    LinkTarget::Anchor(a) => {
                        counts.unresolved_anchor_links +=
                            usize::from(!anchors.contains(a.as_str()));
                        "anchor"
                    }
                    LinkTarget::Page { .. } => "page",
                    LinkTarget::Url(_) => "url",
                    LinkTarget::Lost => "lost",
                };
                *counts.links.entry(kind).or_default() += 1;
            }
        }
    }
    for d in diags.iter() {
        *counts.diagnostics.entry(d.code.clone()).or_default() += 1;
    }
}

fn seed() -> (Document, Diagnostics) {
    read_path(&repo_root().join("spec/docs/003_ce73705021848f54.txt"))
}

fn tables(doc: &Document) -> Vec<(&Block, &Table)> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some((b, t)),
            _ => None,
        })
        .collect()
}

fn caption(t: &Table) -> String {
    t.caption.as_ref().map(|c| c.plain()).unwrap_or_default()
}

#[test]
fn seed_headings_in_order_with_levels() {
    let (doc, diags) = seed();
    assert!(diags.is_empty(), "{diags:?}");
    let headings: Vec<(u8, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading {
                level,
                number,
                text,
            } => {
                assert_eq!(number, &None);
                Some((*level, text.plain()))
            }
            _ => None,
        })
        .collect();
    let expected = [
        (1, "Creating a Version of a Training Job"),
        (2, "Function"),
        (2, "URI"),
        (2, "Request Body"),
        (2, "Response Body"),
        (2, "Samples"),
        (2, "Status Code"),
        (2, "Error Codes"),
    ];
    assert_eq!(
        headings,
        expected
            .iter()
            .map(|(l, t)| (*l, t.to_string()))
            .collect::<Vec<_>>()
    );
    // The page label and the original name (the same here) anchor the title once.
    assert_eq!(doc.blocks[0].anchors, vec!["modelarts_03_0050".to_string()]);
    assert_eq!((doc.blocks[0].span.start, doc.blocks[0].span.end), (5, 6));
}

#[test]
fn seed_tables_captions_and_row_counts() {
    let (doc, _) = seed();
    let got: Vec<(String, usize, usize, u32, u32)> = tables(&doc)
        .iter()
        .map(|(b, t)| {
            (
                caption(t),
                t.header.len(),
                t.rows.len(),
                b.span.start,
                b.span.end,
            )
        })
        .collect();
    let expected = [
        ("Table 1 Parameters", 4, 2, 24, 32),
        ("Table 2 Request parameters", 4, 2, 41, 49),
        ("Table 3 config parameters", 4, 16, 53, 89),
        ("Table 4 data_source parameters", 4, 4, 93, 105),
        ("Table 5 parameter parameters", 4, 2, 109, 116),
        ("Table 6 Parameters", 3, 9, 125, 149),
    ];
    assert_eq!(
        got,
        expected
            .iter()
            .map(|(c, h, r, s, e)| (c.to_string(), *h, *r, *s, *e))
            .collect::<Vec<_>>()
    );
    let (_, config) = tables(&doc)[2];
    // The caption keeps its strong runs.
    assert_eq!(
        config.caption.as_ref().unwrap().paragraphs[0].inlines,
        vec![
            Inline::Strong("Table 3".into()),
            Inline::Text(" ".into()),
            Inline::Strong("config".into()),
            Inline::Text(" parameters".into())
        ]
    );
    let header: Vec<String> = config.header.iter().map(|c| c.text.plain()).collect();
    assert_eq!(header, ["Parameter", "Mandatory", "Type", "Description"]);
    assert_eq!(config.rows[0].cells[0].text.plain(), "worker_server_num");
    assert_eq!(config.rows[15].cells[0].text.plain(), "user_command");
    assert_eq!(
        (config.rows[15].span.start, config.rows[15].span.end),
        (88, 88)
    );
    // The simple table.
    let (_, parameter) = tables(&doc)[4];
    let rows: Vec<Vec<String>> = parameter
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.plain()).collect())
        .collect();
    assert_eq!(
        rows,
        vec![
            vec!["label", "No", "String", "Parameter name"],
            vec!["value", "No", "String", "Parameter value"]
        ]
    );
}

#[test]
fn seed_multi_paragraph_cell() {
    let (doc, _) = seed();
    let (_, response) = tables(&doc)[5];
    let row = response
        .rows
        .iter()
        .find(|r| r.cells[0].text.plain() == "error_message")
        .expect("error_message row");
    let description = &row.cells[2].text;
    assert_eq!(description.paragraphs.len(), 2);
    assert_eq!(description.plain(), "Error message of a failed API call.\nThis parameter is not included when the API call succeeds.");
    assert_eq!((row.span.start, row.span.end), (132, 134));
}

#[test]
fn seed_refs_resolve_to_table_anchors() {
    let (doc, _) = seed();
    let table_anchors: HashSet<&str> = tables(&doc)
        .iter()
        .flat_map(|(b, _)| b.anchors.iter().map(String::as_str))
        .collect();
    assert_eq!(table_anchors.len(), 6);
    let mut anchor_links = Vec::new();
    let mut page_links = Vec::new();
    for block in &doc.blocks {
        for inline in all_inlines(block) {
            match inline {
                Inline::Link {
                    text,
                    target: LinkTarget::Anchor(a),
                } => {
                    assert!(
                        table_anchors.contains(a.as_str()),
                        "{a} is not a table anchor"
                    );
                    anchor_links.push(text.clone());
                }
                Inline::Link {
                    target: LinkTarget::Page { page, anchor: None },
                    ..
                } => page_links.push(page.clone()),
                Inline::Link { target, .. } => panic!("unexpected link {target:?}"),
                _ => {}
            }
        }
    }
    assert_eq!(
        anchor_links,
        ["Table 1", "Table 2", "Table 3", "Table 5", "Table 4", "Table 6"]
    );
    assert!(page_links.contains(&"modelarts_03_0147".to_string()));
    assert_eq!(page_links.len(), 11);
}

#[test]
fn seed_code_blocks() {
    let (doc, _) = seed();
    let code: Vec<(Option<String>, &str, u32, u32)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Code { lang, text } => {
                Some((lang.clone(), text.as_str(), b.span.start, b.span.end))
            }
            _ => None,
        })
        .collect();
    assert_eq!(code.len(), 3);
    assert_eq!(
        (code[0].0.as_deref(), code[0].2, code[0].3),
        (Some("text"), 158, 185)
    );
    assert!(code[0].1.starts_with(
        "POST    https://endpoint/v1/{project_id}/training-jobs/10/versions/\n{\n    \"job_desc\""
    ));
    assert!(code[0].1.ends_with("\n    }\n}"));
    assert_eq!(
        (code[1].0.as_deref(), code[1].2, code[1].3),
        (None, 189, 199)
    );
    assert!(code[1].1.starts_with("{\n    \"is_success\": true,"));
    assert_eq!(
        (code[2].0.as_deref(), code[2].2, code[2].3),
        (None, 203, 209)
    );
}

#[test]
fn seed_snapshot() {
    let (doc, diags) = seed();
    assert!(diags.is_empty());
    insta::assert_json_snapshot!("rst_seed_003", doc);
}

/// Pages chosen for their difficulty: six response codes and nested object tables three
/// directories deep; lists nested three levels with code blocks and escaped markup; a cell
/// of 32 paragraphs and list items with table-to-table reference chains four tables long.
#[test]
fn hard_pages_snapshot() {
    for (name, page) in [
        (
            "rst_event_list",
            "resource_management/event_management/obtaining_the_event_list.rst",
        ),
        (
            "rst_managing_authorization",
            "use_cases/managing_modelarts_authorization.rst",
        ),
        (
            "rst_updating_sample_labels",
            "historical_apis/data_management_old_version/updating_sample_labels_in_batches.rst",
        ),
    ] {
        let (doc, diags) = read_path(
            &repo_root()
                .join("tests/corpus/otc-rst/modelarts")
                .join(page),
        );
        assert!(diags.is_empty(), "{page}: {diags:?}");
        insta::assert_json_snapshot!(name, doc);
    }
}

#[test]
fn hard_page_event_list_structure() {
    let (doc, _) = read_path(&repo_root().join("tests/corpus/otc-rst/modelarts/resource_management/event_management/obtaining_the_event_list.rst"));
    // Each `**Status code: N**` paragraph introduces a response table (Response Parameters)
    // or a response example (Example Responses).
    let mut followers = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if let BlockKind::Paragraph { text, .. } = &block.kind {
            if let Some(code) = text.plain().strip_prefix("Status code: ") {
                let describe = |k: usize| match doc.blocks.get(k).map(|b| &b.kind) {
                    Some(BlockKind::Table(t)) => format!("table {}", caption(t)),
                    Some(BlockKind::Code { .. }) => "code".to_string(),
                    Some(BlockKind::Paragraph { text, .. }) => {
                        format!("paragraph {}", text.plain())
                    }
                    Some(BlockKind::Heading { text, .. }) => format!("heading {}", text.plain()),
                    other => format!("{other:?}"),
                };
                let next = format!("{}, {}", describe(i + 1), describe(i + 2));
                followers.push(format!("{code}: {next}"));
            }
        }
    }
    assert_eq!(
        followers,
        [
            "200: table Table 3 Response body parameters, table Table 4 Event",
            "400: table Table 5 Response body parameters, paragraph Status code: 404",
            "404: table Table 6 Response body parameters, heading Example Requests",
            "200: paragraph OK, code",
            "400: paragraph Bad request, code",
            "404: paragraph Not found, code"
        ]
    );
    for (_, table) in tables(&doc) {
        for row in &table.rows {
            assert_eq!(row.cells.len(), table.header.len());
        }
    }
}

#[test]
fn corpus_reads_without_panic_and_counts_match() {
    let mut counts = Counts::default();
    let docs: Vec<(Document, Diagnostics, String)> = corpus_files()
        .iter()
        .map(|path| {
            let (doc, diags) = read_path(path);
            (doc, diags, std::fs::read_to_string(path).unwrap())
        })
        .collect();
    for (doc, diags, source) in &docs {
        count(&mut counts, doc, diags, source);
    }
    let all_anchors: HashSet<&str> = docs
        .iter()
        .flat_map(|(d, _, _)| {
            d.blocks
                .iter()
                .flat_map(|b| b.anchors.iter().map(String::as_str))
        })
        .collect();
    for (doc, _, _) in &docs {
        for inline in doc.blocks.iter().flat_map(all_inlines) {
            if let Inline::Link {
                target: LinkTarget::Page { page, .. },
                ..
            } = inline
            {
                if !all_anchors.contains(page.as_str()) {
                    *counts
                        .unresolved_page_links
                        .entry(page.clone())
                        .or_default() += 1;
                }
            }
        }
    }
    println!("{counts:#?}");
    assert_eq!(counts.files, 272);
    assert_eq!(counts.headings, 2145);
    assert_eq!(
        counts.headings_by_level,
        BTreeMap::from([(1, 272), (2, 1873)])
    );
    // 2053 `.. table::` directives (grep) plus 191 bare status-code and error-code tables.
    assert_eq!(counts.tables, 2244);
    assert_eq!(counts.captioned_tables, 2053);
    assert_eq!((counts.grid_tables, counts.simple_tables), (1680, 564));
    assert_eq!(counts.rows, 10642);
    assert_eq!(counts.ragged_rows, 0, "every row has header.len() cells");
    // 579 `.. code-block::` directives (grep), 179 of them with a language.
    assert_eq!((counts.code_blocks, counts.code_with_lang), (579, 179));
    // 2492 `:ref:` roles (grep): same-page labels become anchors, all of which exist.
    assert_eq!(
        counts.links,
        BTreeMap::from([("anchor", 1525), ("page", 967), ("url", 2)])
    );
    assert_eq!(counts.unresolved_anchor_links, 0);
    // Every cross-page `:ref:` names a target some corpus page defines (labels normalized).
    assert!(
        counts.unresolved_page_links.is_empty(),
        "{:?}",
        counts.unresolved_page_links
    );
    assert_eq!(counts.paragraphs, 2618);
    assert_eq!(counts.list_paragraphs, 652);
    assert!(counts.diagnostics.is_empty(), "{:?}", counts.diagnostics);
}

/// Cut every page inside its first table and garble table lines: the reader must report,
/// not panic, and never lose a block silently.
#[test]
fn truncated_and_garbled_corpus_pages_give_diagnostics_not_panics() {
    let mut truncated_with_warning = 0;
    let mut truncated_pages = 0;
    for path in corpus_files() {
        let source = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        if let Some(cut) = lines.iter().position(|l| l.trim_start().starts_with("| ")) {
            truncated_pages += 1;
            let text = lines[..=cut].join("\n");
            let (doc, diags) = docbind::read::rst::read(Arc::from("cut.rst"), &text);
            assert!(!doc.blocks.is_empty());
            truncated_with_warning +=
                usize::from(diags.iter().any(|d| d.code == "read.rst.malformed-table"));
        }
        // Drop one character from every fifth line and every third border.
        let garbled: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let drop = i % 5 == 0 || (l.trim_start().starts_with('+') && i % 3 == 0);
                let mut chars: Vec<char> = l.chars().collect();
                if drop && !chars.is_empty() {
                    chars.remove(chars.len() / 2);
                }
                chars.into_iter().collect::<String>()
            })
            .collect();
        let _ = docbind::read::rst::read(Arc::from("garbled.rst"), &garbled.join("\n"));
        for n in [1usize, 7, 50, 200] {
            let _ = docbind::read::rst::read(
                Arc::from("head.rst"),
                &lines[..lines.len().min(n)].join("\n"),
            );
        }
    }
    assert!(truncated_pages > 200);
    assert_eq!(truncated_with_warning, truncated_pages);
}
