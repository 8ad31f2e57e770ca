//! The Huawei markdown reader on the seed pages (spec/docs/000–002) and the ModelArts corpus.

use docbind::diag::{Diagnostics, Severity};
use docbind::doc::{Block, BlockKind, Document, Inline, LinkTarget, RichText, Table};
use docbind::read::markdown;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Read a repo file; the document's file name is the repo-relative path (stable snapshots).
fn read(rel: &str) -> (Document, Diagnostics, String) {
    let text = std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let (doc, diags) = markdown::read(Arc::from(rel), &text);
    (doc, diags, text)
}

const SEED_000: &str = "spec/docs/000_4ba9fffda41aa61a.txt";
const SEED_001: &str = "spec/docs/001_abd0ffcc6504af86.txt";
const SEED_002: &str = "spec/docs/002_9f4ae7770f540e2e.txt";
const CORPUS: &str = "tests/corpus/huawei-md/modelarts";

fn headings(doc: &Document) -> Vec<(u8, String)> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, text, .. } => Some((*level, text.one_line())),
            _ => None,
        })
        .collect()
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

fn codes(doc: &Document) -> Vec<(&Block, Option<&str>, &str)> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Code { lang, text } => Some((b, lang.as_deref(), text.as_str())),
            _ => None,
        })
        .collect()
}

fn paragraphs(doc: &Document) -> Vec<(&Block, &RichText, u8)> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph { text, list_depth } => Some((b, text, *list_depth)),
            _ => None,
        })
        .collect()
}

fn texts(cells: &[docbind::doc::Cell]) -> Vec<String> {
    cells.iter().map(|c| c.text.one_line()).collect()
}

fn caption(t: &Table) -> Option<String> {
    t.caption.as_ref().map(RichText::one_line)
}

#[test]
fn seed_000_structure() {
    let (doc, diags, text) = read(SEED_000);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        headings(&doc),
        vec![
            (1, "创建训练作业参数".to_string()),
            (2, "功能介绍".into()),
            (2, "URI".into()),
            (2, "请求消息".into()),
            (2, "响应消息".into()),
            (2, "示例".into()),
            (2, "状态码".into()),
        ]
    );
    assert_eq!(doc.blocks[0].anchors, vec!["modelarts_03_0058".to_string()]);
    assert!(doc.blocks.iter().all(
        |b| matches!(&b.kind, BlockKind::Heading { number: None, .. })
            || b.heading_text().is_none()
    ));

    // The URI line: backslash escapes gone, one paragraph, on its own line.
    let uri = paragraphs(&doc)
        .into_iter()
        .find(|(_, t, _)| t.one_line().starts_with("POST"))
        .expect("URI paragraph");
    assert_eq!(
        uri.1.one_line(),
        "POST /v1/{project_id}/training-job-configs"
    );
    assert_eq!((uri.0.span.start, uri.0.span.end), (9, 9));

    let tables = tables(&doc);
    let captions: Vec<Option<String>> = tables.iter().map(|(_, t)| caption(t)).collect();
    assert_eq!(
        captions,
        vec![
            Some("表 1 参数说明".to_string()),
            Some("表 2 参数说明".into()),
            Some("表 3 data_source 参数列表".into()),
            Some("表 4 parameter属性列表".into()),
            Some("表 5 响应参数".into()),
        ]
    );
    // Captions are not repeated as paragraphs.
    assert!(paragraphs(&doc)
        .iter()
        .all(|(_, t, _)| !t.one_line().starts_with("表 ")));
    let anchors: Vec<&str> = tables.iter().map(|(b, _)| b.anchors[0].as_str()).collect();
    assert_eq!(
        anchors,
        vec![
            "table20736351173356",
            "table25599433145051",
            "table11121353175910",
            "table1267642234716",
            "table66235177145332"
        ]
    );
    let rows: Vec<usize> = tables.iter().map(|(_, t)| t.rows.len()).collect();
    assert_eq!(rows, vec![1, 17, 4, 2, 3]);
    // Every <tr> of the page is a header or a body row.
    assert_eq!(
        text.matches("<tr").count(),
        rows.iter().sum::<usize>() + tables.len()
    );
    for (_, t) in &tables[..4] {
        assert_eq!(
            texts(&t.header),
            vec!["参数", "是否必选", "参数类型", "说明"]
        );
    }
    assert_eq!(texts(&tables[4].1.header), vec!["参数", "参数类型", "说明"]);

    // Spans: the table from its caption to </table>, each row from <tr> to </tr>.
    let (req_block, req) = tables[1];
    assert_eq!((req_block.span.start, req_block.span.end), (42, 210));
    assert_eq!((req.rows[0].span.start, req.rows[0].span.end), (55, 63));
    assert_eq!((req.rows[16].span.start, req.rows[16].span.end), (200, 208));
    assert_eq!(
        texts(&req.rows[0].cells),
        vec![
            "config_name",
            "是",
            "String",
            "训练作业参数名称。限制为1-64位只含数字、字母、下划线或者中划线的名称。"
        ]
    );
    assert_eq!(req.rows[6].cells[2].text.one_line(), "Array<Object>");

    // Rich cells: a link to a table of the same page, a page link, a literal, two paragraphs.
    let parameter = &req.rows[6].cells[3].text;
    assert_eq!(
        parameter.links().collect::<Vec<_>>(),
        vec![("表4", &LinkTarget::Anchor("table1267642234716".into()))]
    );
    assert!(parameter
        .one_line()
        .ends_with("此参数为容器环境变量。详细请参见表4"));
    let project_id = &tables[0].1.rows[0].cells[3].text;
    assert_eq!(
        project_id.links().collect::<Vec<_>>(),
        vec![(
            "获取项目ID和名称",
            &LinkTarget::Page {
                page: "获取项目ID和名称.md".into(),
                anchor: None
            }
        )]
    );
    assert_eq!(
        tables[2].1.rows[2].cells[3].text.paragraphs[0].inlines,
        vec![
            Inline::Text("数据集类型。可选值有".into()),
            Inline::Code("obs".into()),
            Inline::Text("、".into()),
            Inline::Code("dataset".into()),
            Inline::Text("。obs与dataset不可同时出现。".into()),
        ]
    );
    let data_url = &req.rows[8].cells[3].text;
    assert_eq!(data_url.paragraphs.len(), 2);
    assert_eq!(data_url.plain(), "训练作业需要的数据集OBS URL。如：“/usr/data/”。\n不可与data_source或者dataset_id/dataset_version_id同时出现，但必须有其一。");

    // Example section: list items flattened, fences inside list items de-indented.
    let codes = codes(&doc);
    let firsts: Vec<(u32, u32, Option<&str>, &str)> = codes
        .iter()
        .map(|(b, lang, t)| {
            (
                b.span.start,
                b.span.end,
                *lang,
                t.lines().next().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        firsts,
        vec![
            (
                344,
                369,
                None,
                "POST    https://endpoint/v1/{project_id}/training-job-configs"
            ),
            (375, 379, None, "{"),
            (383, 389, None, "{"),
        ]
    );
    assert_eq!(codes[1].2, "{\n    \"is_success\": true\n}");
    let items: Vec<(u8, String)> = paragraphs(&doc)
        .iter()
        .filter(|(_, _, d)| *d > 0)
        .map(|(_, t, d)| (*d, t.one_line()))
        .collect();
    assert_eq!(
        items,
        vec![
            (
                1,
                "如下以创建名为“testConfig“，描述为“This is config“的训练作业参数为例。"
                    .to_string()
            ),
            (2, "请求示例".into()),
            (1, "成功响应示例".into()),
            (1, "失败响应示例".into()),
        ]
    );
    let status = paragraphs(&doc)
        .last()
        .map(|(_, t, _)| t.links().map(|(_, l)| l.clone()).collect::<Vec<_>>())
        .unwrap();
    assert_eq!(
        status,
        vec![LinkTarget::Page {
            page: "状态码.md".into(),
            anchor: None
        }]
    );
}

#[test]
fn seed_000_snapshot() {
    let (doc, _, _) = read(SEED_000);
    insta::assert_json_snapshot!("seed_000_document", doc);
}

#[test]
fn seed_001_captions_and_links() {
    let (doc, diags, _) = read(SEED_001);
    assert!(diags.is_empty(), "{diags:?}");
    let tables = tables(&doc);
    let captions: Vec<String> = tables.iter().filter_map(|(_, t)| caption(t)).collect();
    assert_eq!(
        captions,
        vec![
            "表 1 参数说明",
            "表 2 参数说明",
            "表 3 data_source属性列表",
            "表 4 parameter属性列表",
            "表 5 响应参数"
        ]
    );
    let rows: Vec<usize> = tables.iter().map(|(_, t)| t.rows.len()).collect();
    assert_eq!(rows, vec![2, 16, 4, 2, 3]);
    assert_eq!(
        texts(&tables[0].1.rows[1].cells)[..3],
        ["config_name", "是", "String"]
    );
    let uri = paragraphs(&doc)
        .into_iter()
        .map(|(_, t, _)| t.one_line())
        .find(|t| t.starts_with("PUT"))
        .unwrap();
    assert_eq!(
        uri,
        "PUT /v1/{project_id}/training-job-configs/{config_name}"
    );
    let last = paragraphs(&doc)
        .last()
        .map(|(_, t, _)| {
            t.links()
                .map(|(x, l)| (x.to_string(), l.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap();
    assert_eq!(
        last,
        vec![(
            "表1".to_string(),
            LinkTarget::Page {
                page: "状态码.md".into(),
                anchor: Some("table1450010510213".into())
            }
        )]
    );
    let code_spans: Vec<(u32, u32)> = codes(&doc)
        .iter()
        .map(|(b, _, _)| (b.span.start, b.span.end))
        .collect();
    assert_eq!(code_spans, vec![(344, 369), (373, 377), (381, 387)]);
    // The blank line inside the first example stays inside the code.
    assert_eq!(codes(&doc)[0].2.lines().nth(1), Some(""));
}

#[test]
fn seed_002_sdk_page() {
    let (doc, diags, _) = read(SEED_002);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        headings(&doc),
        vec![
            (1, "查询训练作业参数详情".to_string()),
            (2, "示例代码".into()),
            (2, "参数说明".into())
        ]
    );
    let codes = codes(&doc);
    let firsts: Vec<(Option<&str>, &str)> = codes
        .iter()
        .map(|(_, l, t)| (*l, t.lines().next().unwrap_or("")))
        .collect();
    assert_eq!(
        firsts,
        vec![
            (None, "from modelarts.session import Session"),
            (None, "resp = job_config_instance.get_job_configs_info()"),
            (
                None,
                "resp = job_config_instance_list[0].get_job_configs_info()"
            ),
        ]
    );
    assert_eq!(codes[0].2.lines().count(), 5);
    let items: Vec<String> = paragraphs(&doc)
        .iter()
        .filter(|(_, _, d)| *d == 1)
        .map(|(_, t, _)| t.one_line())
        .collect();
    assert_eq!(
        items,
        vec![
            "方式一： 根据指定的config_name查询",
            "方式二： 根据创建训练作业参数返回的对象查询",
            "方式三： 根据查询训练作业参数对象列表返回的对象查询"
        ]
    );
    let tables = tables(&doc);
    assert_eq!(tables.len(), 2);
    assert_eq!(
        caption(tables[0].1).as_deref(),
        Some("表 1 Estimator请求参数说明")
    );
    assert_eq!(
        caption(tables[1].1).as_deref(),
        Some("表 2 get_job_configs_info返回参数说明")
    );
    assert_eq!(
        texts(&tables[0].1.header),
        vec!["参数", "是否必选", "参数类型", "描述"]
    );
    assert_eq!(texts(&tables[1].1.header), vec!["参数", "参数类型", "描述"]);
    assert_eq!((tables[0].1.rows.len(), tables[1].1.rows.len()), (2, 22));
    assert_eq!(
        tables[0].0.anchors,
        vec!["zh-cn_topic_0170904405_table155461191218".to_string()]
    );
}

fn corpus_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("corpus dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&repo().join(CORPUS), &mut files);
    files.sort();
    files
}

#[test]
fn corpus_reads_whole_and_consistent() {
    let files = corpus_files();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    let mut warnings = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("utf-8 page");
        let last_line = text.lines().count() as u32;
        let (doc, diags) = markdown::read(Arc::from(path.display().to_string()), &text);
        warnings.extend(
            diags
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .map(|d| d.to_string()),
        );
        *count.entry("pages").or_default() += 1;
        let page_anchors: HashSet<&String> =
            doc.blocks.iter().flat_map(|b| b.anchors.iter()).collect();
        let mut rich: Vec<&RichText> = Vec::new();
        let mut prev_start = 0;
        for b in &doc.blocks {
            assert!(
                b.span.start >= 1 && b.span.start <= b.span.end && b.span.end <= last_line,
                "{}: {:?}",
                path.display(),
                b.span
            );
            assert!(
                b.span.start >= prev_start,
                "{}: blocks out of order at {}",
                path.display(),
                b.span.start
            );
            prev_start = b.span.start;
            match &b.kind {
                BlockKind::Heading { text, .. } => {
                    *count.entry("headings").or_default() += 1;
                    rich.push(text);
                }
                BlockKind::Paragraph { text, .. } => {
                    assert!(!text.is_empty());
                    rich.push(text);
                }
                BlockKind::Code { .. } => *count.entry("code blocks").or_default() += 1,
                BlockKind::Table(t) => {
                    *count.entry("tables").or_default() += 1;
                    *count.entry("captioned tables").or_default() +=
                        usize::from(t.caption.is_some());
                    *count.entry("rows").or_default() += t.rows.len();
                    assert!(!t.header.is_empty(), "{}:{}", path.display(), b.span.start);
                    for row in &t.rows {
                        assert_eq!(
                            row.cells.len(),
                            t.header.len(),
                            "{}:{}",
                            path.display(),
                            row.span.start
                        );
                        assert!(
                            row.span.start > b.span.start && row.span.end <= b.span.end,
                            "{}:{}",
                            path.display(),
                            row.span.start
                        );
                        rich.extend(row.cells.iter().map(|c| &c.text));
                    }
                }
            }
        }
        for (_, target) in rich.iter().flat_map(|r| r.links()) {
            let kind = match target {
                LinkTarget::Anchor(a) => {
                    assert!(
                        page_anchors.contains(a),
                        "{}: #{a} points at no block",
                        path.display()
                    );
                    "links to anchors"
                }
                LinkTarget::Page { anchor: None, .. } => "links to pages",
                LinkTarget::Page {
                    anchor: Some(_), ..
                } => "links to page anchors",
                LinkTarget::Url(_) => "links to urls",
                LinkTarget::Lost => "lost links",
            };
            *count.entry(kind).or_default() += 1;
        }
        // No HTML or markdown markup leaks into text.
        for r in &rich {
            let plain = r.plain();
            assert!(
                !plain.contains("<a ") && !plain.contains("</p>") && !plain.contains("\\_"),
                "{}: {plain}",
                path.display()
            );
        }
    }
    assert!(warnings.is_empty(), "{warnings:#?}");
    let expected: BTreeMap<&str, usize> = [
        ("pages", 305),
        ("headings", 1488),
        ("tables", 1173),
        ("captioned tables", 1080),
        ("rows", 7191),
        ("code blocks", 554),
        ("links to anchors", 633),
        ("links to pages", 1425),
        ("links to page anchors", 66),
        ("links to urls", 81),
    ]
    .into_iter()
    .collect();
    assert_eq!(count, expected);
}

/// Cut pages at arbitrary points: every prefix must read without panicking, with sane spans.
#[test]
fn truncated_pages_never_panic() {
    let files = corpus_files();
    for path in files.iter().step_by(25) {
        let text = std::fs::read_to_string(path).expect("utf-8 page");
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(997).collect();
        for cut in cuts {
            let (doc, _) = markdown::read(Arc::from("cut.md"), &text[..cut]);
            assert!(doc
                .blocks
                .iter()
                .all(|b| b.span.start >= 1 && b.span.start <= b.span.end));
        }
    }
}
