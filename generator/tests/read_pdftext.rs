//! The PDF-text reader on the ModelArts seed (census figures) and on hand-made snippets.
//!
//! `cargo run --example pdftext_read -- spec/docs/004_….txt 1353-1400` prints the blocks of a
//! line range, one per line, for eyeballing.

use docbind::diag::Diagnostics;
use docbind::doc::{Block, BlockKind, Document, Inline, LinkTarget, Table};
use docbind::read::pdftext;
use std::collections::BTreeMap;
use std::sync::Arc;

const SEED: &str = "spec/docs/004_1a1b83b5d1b965a6.txt";

fn seed() -> (Document, Diagnostics, String) {
    let path = format!("{}/../{SEED}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("seed 004 is in the repository");
    let (doc, diags) = pdftext::read(Arc::from(SEED), &text);
    (doc, diags, text)
}

fn read(text: &str) -> (Document, Diagnostics) {
    pdftext::read(Arc::from("snippet.txt"), text)
}

fn codes(d: &Diagnostics) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for x in d.iter() {
        *m.entry(x.code.clone()).or_insert(0) += 1;
    }
    m
}

/// Lines before this belong to the first layout (bare titles, TAB tables) in seed 004.
const PART_B_START: u32 = 34385;

fn tables(doc: &Document) -> Vec<(&Block, &Table)> {
    doc.blocks
        .iter()
        .filter_map(|b| {
            if let BlockKind::Table(t) = &b.kind {
                Some((b, t))
            } else {
                None
            }
        })
        .collect()
}

fn headings(doc: &Document) -> Vec<(u8, Option<&str>, String, u32)> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading {
                level,
                number,
                text,
            } => Some((*level, number.as_deref(), text.one_line(), b.span.start)),
            _ => None,
        })
        .collect()
}

fn header_line(t: &Table) -> String {
    t.header
        .iter()
        .map(|c| c.text.one_line())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn seed_is_detected_as_pdf_text() {
    let (doc, _, text) = seed();
    assert_eq!(
        docbind::read::detect_format(&text),
        docbind::doc::Format::PdfText
    );
    assert_eq!(doc.format, docbind::doc::Format::PdfText);
}

#[test]
fn seed_numbered_headings_match_the_toc_but_one() {
    let (doc, diags, _) = seed();
    let hs = headings(&doc);
    let numbered: Vec<_> = hs.iter().filter(|h| h.1.is_some()).collect();
    assert_eq!(numbered.len(), 332);
    // Levels follow the number, never the markdown `#` count.
    for (level, number, _, line) in &numbered {
        assert_eq!(
            *level as usize,
            number.unwrap().split('.').count(),
            "heading at line {line}"
        );
    }
    let c = codes(&diags);
    assert_eq!(c.get("read.pdf.toc-skipped"), Some(&1));
    assert!(diags
        .iter()
        .any(|d| d.code == "read.pdf.toc-skipped" && d.message.contains("333 entries")));
    // 333 TOC entries = 332 body headings + 10.4, whose body heading is missing.
    let missing: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "read.pdf.toc-entry-missing")
        .collect();
    assert_eq!(missing.len(), 1);
    assert!(missing[0].message.contains("10.4"));
    assert_eq!(c.get("read.pdf.heading-not-in-toc"), None);
    assert_eq!(
        c.get("read.pdf.heading-number-gap"),
        Some(&1),
        "10.5 right after 10.3"
    );
    // Body titles that differ from the TOC wording (工作流 vs workflow).
    assert_eq!(c.get("read.pdf.heading-toc-mismatch"), Some(&6));
    // The number-like line inside an unfenced JSON example (`16.833 ]`) is not a heading.
    assert!(!numbered.iter().any(|h| h.1 == Some("16.833")));
    // Both layouts: 195 bare titles, 137 markdown titles.
    assert_eq!(numbered.iter().filter(|h| h.3 < PART_B_START).count(), 195);
}

#[test]
fn seed_subsection_headings_sit_below_their_section() {
    let (doc, _, _) = seed();
    let mut depth = 0u8;
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for (level, number, text, line) in headings(&doc) {
        match number {
            Some(n) => depth = n.split('.').count() as u8,
            None if SUBSECTIONS.contains(&text.as_str()) => {
                assert_eq!(level, depth + 1, "{text} at line {line}");
                *count.entry(text).or_insert(0) += 1;
            }
            None => assert!(level > depth, "{text} at line {line}"),
        }
    }
    // 307 leaf sections have 功能介绍; 282 endpoints; 10.3 carries the doubled 10.4 content.
    assert_eq!(count["功能介绍"], 282);
    assert_eq!(count["URI"], 282);
    assert_eq!(count["接口约束"], 55);
    assert_eq!(count["请求消息"] + count["响应消息"], 32 + 32);
}

const SUBSECTIONS: &[&str] = &[
    "功能介绍",
    "接口约束",
    "调试",
    "URI",
    "请求参数",
    "响应参数",
    "请求示例",
    "响应示例",
    "状态码",
    "错误码",
    "请求消息",
    "响应消息",
    "参数说明",
];

#[test]
fn seed_table_pieces_join_into_logical_tables() {
    let (doc, diags, text) = seed();
    let ts = tables(&doc);
    let pieces = |part_a: bool| {
        ts.iter()
            .filter(|(b, _)| (b.span.start < PART_B_START) == part_a)
            .map(|(_, t)| t.pieces)
            .sum::<u32>()
    };
    let logical = |part_a: bool| {
        ts.iter()
            .filter(|(b, _)| (b.span.start < PART_B_START) == part_a)
            .count()
    };
    assert_eq!((pieces(true), pieces(false)), (2313, 1242));
    assert_eq!(ts.len(), 2829);
    assert_eq!((logical(true), logical(false)), (2313 - 318, 1242 - 408));
    let mut by_header: BTreeMap<String, (u32, usize)> = BTreeMap::new();
    for (_, t) in &ts {
        let e = by_header.entry(header_line(t)).or_default();
        e.0 += t.pieces;
        e.1 += 1;
    }
    assert_eq!(by_header["参数 参数类型 描述"], (1874, 1497));
    assert_eq!(by_header["参数 是否必选 参数类型 描述"], (1015, 838));
    assert_eq!(by_header["状态码 描述"], (264, 250));
    assert_eq!(by_header["参数 参数类型 说明"], (140, 112));
    assert_eq!(by_header["参数 是否必选 参数类型 说明"], (87, 71));
    assert_eq!(by_header["状态码 错误码 错误信息 描述 处理措施"], (88, 1));
    assert_eq!(by_header["API 说明"], (26, 22));
    let permission: Vec<_> = by_header
        .iter()
        .filter(|(k, _)| k.starts_with("权限 对应API接口"))
        .map(|(_, v)| *v)
        .collect();
    assert_eq!(
        permission.len(),
        5,
        "five spellings of the permission header"
    );
    assert_eq!(
        permission
            .iter()
            .fold((0, 0), |a, v| (a.0 + v.0, a.1 + v.1)),
        (38, 20)
    );
    // Captions: 2,578 tables have one, 250 status tables and the error-code table do not.
    assert_eq!(ts.iter().filter(|(_, t)| t.caption.is_some()).count(), 2578);
    let uncaptioned: Vec<_> = ts.iter().filter(|(_, t)| t.caption.is_none()).collect();
    assert_eq!(
        uncaptioned
            .iter()
            .filter(|(_, t)| header_line(t) == "状态码 描述")
            .count(),
        250
    );
    assert_eq!(uncaptioned.len(), 251);
    // Every row has the header's width and a span inside the table's span.
    let lines = text.lines().count() as u32;
    for (b, t) in &ts {
        assert!(b.span.start <= b.span.end && b.span.end <= lines);
        for r in &t.rows {
            assert_eq!(r.cells.len(), t.header.len(), "row at {}", r.span.start);
            assert!(b.span.start <= r.span.start && r.span.end <= b.span.end);
        }
    }
    assert_eq!(codes(&diags).get("read.pdf.row-width"), None);
}

#[test]
fn seed_split_rows_and_glued_lines_are_repaired() {
    let (doc, diags, _) = seed();
    let c = codes(&diags);
    // 26 parameter-table rows plus one permission-table row (L35047) split by a page break.
    assert_eq!(c.get("read.pdf.split-row-merged"), Some(&27));
    for (_, t) in tables(&doc) {
        for r in &t.rows {
            let key_cells = (t.header.len() - 1).clamp(1, 2);
            assert!(
                !r.cells[..key_cells].iter().all(|c| c.text.is_empty()),
                "unmerged split row at {}",
                r.span.start
            );
        }
    }
    // The merged tail becomes further list items of the previous row's description.
    let merged = tables(&doc)
        .into_iter()
        .flat_map(|(_, t)| &t.rows)
        .find(|r| r.span.start == 38855 && r.span.end == 38859)
        .expect("row 38855 merged with 38859");
    let desc = &merged.cells[2].text;
    assert!(desc.paragraphs.iter().any(|p| p.list_depth == 1
        && p.inlines
            .iter()
            .any(|i| i.text().starts_with("21: 基于crop"))));
    // Three captions glued to a status line, two sub-section titles glued to a status line.
    assert_eq!(c.get("read.pdf.glued-caption"), Some(&3));
    assert_eq!(c.get("read.pdf.glued-heading"), Some(&2));
    let at = |line: u32| {
        doc.blocks
            .iter()
            .filter(|b| b.span.start == line)
            .map(|b| &b.kind)
            .collect::<Vec<_>>()
    };
    match at(19474).as_slice() {
        [BlockKind::Paragraph { text, .. }, BlockKind::Table(t)] => {
            assert_eq!(text.one_line(), "状态码：404");
            assert_eq!(
                t.caption.as_ref().map(|c| c.one_line()).as_deref(),
                Some("表 8-106 响应 Header 参数")
            );
        }
        other => panic!("line 19474: {other:?}"),
    }
}

#[test]
fn seed_code_blocks_and_leftover_markup() {
    let (doc, diags, _) = seed();
    // 840 fences: 839 bare ``` plus the `- ```` variant at L33448.
    let code: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Code { .. }))
        .collect();
    assert_eq!(code.len(), 840);
    assert!(code.iter().any(|b| b.span.start == 33448));
    assert_eq!(codes(&diags).get("read.pdf.unclosed-fence"), None);
    // URIs inside fences stay code (L6553–6555).
    assert!(code
        .iter()
        .any(|b| b.span.start == 6553 && b.span.end == 6555));
    // No layout markup survives in table cells, paragraphs or headings.
    for b in &doc.blocks {
        let texts: Vec<String> = match &b.kind {
            BlockKind::Paragraph { text, .. } | BlockKind::Heading { text, .. } => {
                vec![text.plain()]
            }
            BlockKind::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .chain(&t.header)
                .map(|c| c.text.plain())
                .chain(t.caption.iter().map(|c| c.plain()))
                .collect(),
            BlockKind::Code { .. } => vec![],
        };
        for s in texts {
            for bad in [
                "<br", "<li>", "</", "<ul", "<p>", "<a href", "<b>", "](#)", "&amp;", "•", "●",
            ] {
                assert!(!s.contains(bad), "{bad} left at line {}: {s}", b.span.start);
            }
        }
    }
    // Part A lists are never closed and use bare bullets; they become list paragraphs.
    let list_cells = tables(&doc)
        .iter()
        .flat_map(|(_, t)| &t.rows)
        .flat_map(|r| &r.cells)
        .filter(|c| c.text.paragraphs.iter().any(|p| p.list_depth > 0))
        .count();
    assert!(list_cells > 1000, "{list_cells}");
    // Blocks are in reading order with valid spans.
    for w in doc.blocks.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
    }
}

// ---- hand-made snippets ----

const PART_A_SNIPPET: &str = "目录\n\n1 概述\t1\n1.1 新建 Thing\t2\n1.2 删除 Thing\t3\n1.3 查询 Thing\t4\n\n1 概述\n\n本文介绍 Thing。\n\n1.1 新建 Thing\n\n功能介绍\n\n创建 Thing，见[错误码](#)。\n\nURI\n\nPOST /v1/{project_id}/things\n\n表 1-1 请求 Body 参数\n\n参数\t是否必选\t参数类型\t描述\nname\t是\tString\t名称。\nkind\t否\tString\t类型。可选值如下： <ul style=\"list-style-type: none\"> • a：甲 • b：乙\n\n参数\t是否必选\t参数类型\t描述\nsize\t否\tInteger\t大小，取值[1, 10]。\n\n响应参数\n\n状态码：404**表 1-2** 响应 Body 参数\n\n参数\t参数类型\t描述\nerror_code\tString\t错误码。\n\n状态码\n\n状态码\t描述\n200\tOK\n\n1.3 查询 Thing\n\n1.4 列出 Thing\n";

#[test]
fn part_a_snippet_layout() {
    let (doc, diags) = read(PART_A_SNIPPET);
    let hs = headings(&doc);
    let shape: Vec<_> = hs.iter().map(|h| (h.0, h.1, h.2.as_str())).collect();
    assert_eq!(
        shape,
        vec![
            (1, Some("1"), "概述"),
            (2, Some("1.1"), "新建 Thing"),
            (3, None, "功能介绍"),
            (3, None, "URI"),
            (3, None, "响应参数"),
            (3, None, "状态码"),
            (2, Some("1.3"), "查询 Thing"),
            (2, Some("1.4"), "列出 Thing"),
        ]
    );
    // TOC lines are skipped, not paragraphs.
    assert!(!doc
        .blocks
        .iter()
        .any(|b| b.span.start >= 3 && b.span.start <= 6));
    let ts = tables(&doc);
    assert_eq!(ts.len(), 3);
    let (b, body) = ts[0];
    assert_eq!(body.pieces, 2);
    assert_eq!(body.rows.len(), 3);
    assert_eq!((b.span.start, b.span.end), (22, 29));
    assert_eq!(body.rows[2].span.start, 29);
    let kind = &body.rows[1].cells[3].text;
    assert_eq!(
        kind.paragraphs
            .iter()
            .map(|p| (p.list_depth, p.inlines[0].text()))
            .collect::<Vec<_>>(),
        vec![(0, "类型。可选值如下："), (1, "a：甲"), (1, "b：乙")]
    );
    assert_eq!(
        ts[1].1.caption.as_ref().map(|c| c.plain()).as_deref(),
        Some("表 1-2 响应 Body 参数")
    );
    assert!(ts[2].1.caption.is_none());
    assert!(doc.blocks.iter().any(|b| matches!(&b.kind, BlockKind::Paragraph { text, .. } if text.links().any(|(t, l)| t == "错误码" && *l == LinkTarget::Lost))));
    let c = codes(&diags);
    assert_eq!(c.get("read.pdf.glued-caption"), Some(&1));
    assert_eq!(
        c.get("read.pdf.heading-number-gap"),
        Some(&1),
        "1.3 after 1.1"
    );
    assert_eq!(c.get("read.pdf.heading-not-in-toc"), Some(&1), "1.4");
    assert_eq!(c.get("read.pdf.toc-entry-missing"), Some(&1), "1.2");
}

const PART_B_SNIPPET: &str = "## 20.3.2.1 查询作业\n\n### 功能介绍\n\n查询。\n\n## 2. 调用[创建工作空间](#)接口。\n\n#### 请求示例\n\n### 查询作业列表\n\n```\nGET https://{endpoint}/v1/{project\\_id}/jobs\n```\n\n### 📖 说明\n\n**表 20-1** 响应参数\n\n| 参数 | 参数类型 | 描述 |\n|---|---|---|\n| state | Integer | 状态：<ul style=\"list-style-type: none\"><li>• 0: 新建</li></ul> |\n\n\n\n| 参数 | 参数类型 | 描述 |\n|---|---|---|\n|  |  | <ul><li>• 1: 运行</li></ul> |\n| spec | <b>Spec</b><br>object | 见<a href=\"#\">表20-2</a>，id\\_x |\n";

#[test]
fn part_b_snippet_layout() {
    let (doc, diags) = read(PART_B_SNIPPET);
    let shape: Vec<_> = headings(&doc)
        .into_iter()
        .map(|h| (h.0, h.1.map(str::to_string), h.2))
        .collect();
    assert_eq!(
        shape,
        vec![
            (4, Some("20.3.2.1".to_string()), "查询作业".to_string()),
            (5, None, "功能介绍".to_string()),
            (5, None, "请求示例".to_string()),
            (6, None, "查询作业列表".to_string()),
        ]
    );
    // A list item rendered as a heading and a call-out label are paragraphs.
    let paras: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph { text, list_depth } => Some((*list_depth, text.one_line())),
            _ => None,
        })
        .collect();
    assert!(paras.contains(&(1, "2. 调用创建工作空间接口。".to_string())));
    assert!(paras.contains(&(0, "📖 说明".to_string())));
    let code = doc.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Code { text, .. } => Some(text.as_str()),
        _ => None,
    });
    assert_eq!(
        code,
        Some("GET https://{endpoint}/v1/{project\\_id}/jobs"),
        "code keeps escapes as written"
    );
    let ts = tables(&doc);
    assert_eq!(ts.len(), 1);
    let t = ts[0].1;
    assert_eq!(t.pieces, 2);
    assert_eq!(t.rows.len(), 2, "split row joined");
    assert_eq!((t.rows[0].span.start, t.rows[0].span.end), (23, 29));
    let state: Vec<_> = t.rows[0].cells[2]
        .text
        .paragraphs
        .iter()
        .map(|p| {
            (
                p.list_depth,
                p.inlines.iter().map(Inline::text).collect::<String>(),
            )
        })
        .collect();
    assert_eq!(
        state,
        vec![
            (0, "状态：".to_string()),
            (1, "0: 新建".to_string()),
            (1, "1: 运行".to_string())
        ]
    );
    let spec = &t.rows[1].cells;
    assert_eq!(spec[1].text.paragraphs.len(), 2);
    assert_eq!(
        spec[1].text.paragraphs[0].inlines,
        vec![Inline::Strong("Spec".into())]
    );
    assert_eq!(
        spec[2].text.paragraphs[0].inlines[1],
        Inline::Link {
            text: "表20-2".into(),
            target: LinkTarget::Lost
        }
    );
    assert!(spec[2].text.plain().ends_with("id_x"));
    assert_eq!(codes(&diags).get("read.pdf.split-row-merged"), Some(&1));
}

#[test]
fn numbered_lines_that_break_the_outline_are_paragraphs() {
    let text = "4 章\n\n4.1 节\n\n6 个节点在运行\n\n4.3 跳号\n\n16.833 ]\n\n4.2 下一节\n";
    let (doc, _) = read(text);
    let numbers: Vec<_> = headings(&doc)
        .into_iter()
        .filter_map(|h| h.1.map(str::to_string))
        .collect();
    assert_eq!(numbers, vec!["4", "4.1", "4.2"]);
    assert_eq!(
        doc.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
            .count(),
        3
    );
}

#[test]
fn hostile_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n",
        "|",
        "|\n|-|",
        "```",
        "- ```\nx",
        "\t",
        "表 1-1 x\n\n\t",
        "## ",
        "#",
        "1 a\t1\n2 b\t2\n3 c\t3",
        "**表 1** x\n| a |\n|---|\n|  |",
        "<ul><li>•",
        "[x](",
        "\\",
        "a\r\nb",
    ] {
        let (doc, diags) = read(text);
        for b in &doc.blocks {
            assert!(b.span.start >= 1 && b.span.start <= b.span.end, "{text:?}");
        }
        let _ = diags;
    }
    let (_, diags) = read("```\nnever closed");
    assert_eq!(codes(&diags).get("read.pdf.unclosed-fence"), Some(&1));
}

#[test]
fn snapshot_part_a_snippet() {
    insta::assert_json_snapshot!(read(PART_A_SNIPPET).0);
}

#[test]
fn snapshot_part_b_snippet() {
    insta::assert_json_snapshot!(read(PART_B_SNIPPET).0);
}

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/data/pdftext/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("fixture");
    pdftext::read(Arc::from(name), &text).0
}

/// Seed 004 lines 966–1017: the start of 4.1 (TAB tables, a continuation piece, an unclosed list).
#[test]
fn snapshot_seed_slice_4_1() {
    insta::assert_json_snapshot!(fixture("part_a_4_1_slice.txt"));
}

/// Seed 004 lines 36464–36530: chapter 20 down to 20.1.1 (markdown levels, pipe tables in 3 pieces).
#[test]
fn snapshot_seed_slice_20_1_1() {
    insta::assert_json_snapshot!(fixture("part_b_20_1_1_slice.txt"));
}

/// Lines of the seed in a scrambled order (deterministic): every construct meets every other
/// construct's neighbours. The reader must not panic and must keep its invariants.
#[test]
fn scrambled_seed_lines_keep_invariants() {
    let (_, _, text) = seed();
    let lines: Vec<&str> = text.lines().collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let picked: Vec<&str> = (0..6000).map(|_| lines[next() % lines.len()]).collect();
    let scrambled = picked.join("\n");
    let (doc, _) = read(&scrambled);
    let total = picked.len() as u32;
    for b in &doc.blocks {
        assert!(1 <= b.span.start && b.span.start <= b.span.end && b.span.end <= total);
        if let BlockKind::Table(t) = &b.kind {
            assert!(t.rows.iter().all(|r| r.cells.len() == t.header.len()));
        }
    }
}
