use super::*;

fn doc(md: &str) -> (Document, Diagnostics) {
    read(Arc::from("t.md"), md)
}

#[test]
fn dedent_removes_common_indent_only() {
    assert_eq!(
        dedent("    {\n        \"a\": 1\n\n    }\n"),
        "{\n    \"a\": 1\n\n}"
    );
    assert_eq!(dedent("x\n  y"), "x\n  y");
}

#[test]
fn section_numbers_split_off() {
    let mut t = RichText::from_text("4.2 创建训练作业");
    assert_eq!(take_section_number(&mut t).as_deref(), Some("4.2"));
    assert_eq!(t.one_line(), "创建训练作业");
    let mut t = RichText::from_text("2024 版本说明");
    assert_eq!(take_section_number(&mut t), None);
    let mut t = RichText::from_text("URI");
    assert_eq!(take_section_number(&mut t), None);
}

fn kinds(d: &Document) -> Vec<String> {
    d.blocks
        .iter()
        .map(|b| {
            let what = match &b.kind {
                BlockKind::Heading { level, text, .. } => format!("h{level} {}", text.one_line()),
                BlockKind::Paragraph { text, list_depth } => {
                    format!("p{list_depth} {}", text.one_line())
                }
                BlockKind::Table(t) => format!("table {}x{}", t.rows.len(), t.header.len()),
                BlockKind::Code { lang, text } => {
                    format!("code {lang:?} {}", text.lines().next().unwrap_or(""))
                }
            };
            format!("{}-{} {what}", b.span.start, b.span.end)
        })
        .collect()
}

#[test]
fn escapes_and_inline_html_keep_one_paragraph() {
    let (d, diags) = doc("POST /v1/\\{project\\_id\\}/jobs\n\n说明<span class=\"parmname\">x</span>和<a href=\"#t1\">表1</a>所示。\n");
    assert!(diags.is_empty());
    assert_eq!(
        kinds(&d),
        vec![
            "1-1 p0 POST /v1/{project_id}/jobs",
            "3-3 p0 说明x和表1所示。"
        ]
    );
    let links: Vec<_> = match &d.blocks[1].kind {
        BlockKind::Paragraph { text, .. } => text
            .links()
            .map(|(t, l)| (t.to_string(), l.clone()))
            .collect(),
        _ => vec![],
    };
    assert_eq!(
        links,
        vec![(
            "表1".to_string(),
            crate::doc::LinkTarget::Anchor("t1".into())
        )]
    );
}

#[test]
fn lists_flatten_with_depth_and_indented_fences_dedent() {
    let md = "1.  第一步\n    -   请求示例\n\n        ```json\n        {\n            \"a\": 1\n        }\n        ```\n\n-   其他\n";
    let (d, _) = doc(md);
    assert_eq!(
        kinds(&d),
        vec![
            "1-1 p1 第一步",
            "2-2 p2 请求示例",
            "4-8 code Some(\"json\") {",
            "10-10 p1 其他"
        ]
    );
    match &d.blocks[2].kind {
        BlockKind::Code { text, .. } => assert_eq!(text, "{\n    \"a\": 1\n}"),
        _ => unreachable!(),
    }
}

#[test]
fn caption_through_anchor_line_and_table_anchor() {
    let md = "**表 3**  data\\_source 参数列表\n\n<a name=\"table11\"></a>\n<table><thead><tr><th>参数</th></tr></thead>\n<tbody><tr><td>x</td></tr>\n</tbody>\n</table>\n";
    let (d, _) = doc(md);
    assert_eq!(kinds(&d), vec!["1-7 table 1x1"]);
    assert_eq!(d.blocks[0].anchors, vec!["table11".to_string()]);
    match &d.blocks[0].kind {
        BlockKind::Table(t) => {
            assert_eq!(
                t.caption.as_ref().map(RichText::one_line).as_deref(),
                Some("表 3 data_source 参数列表")
            );
            assert_eq!((t.rows[0].span.start, t.rows[0].span.end), (5, 5));
        }
        _ => unreachable!(),
    }
}

#[test]
fn html_table_with_blank_line_is_read_whole() {
    let md = "<table><thead><tr><th>a</th><th>b</th></tr></thead>\n<tbody><tr><td>1</td>\n\n    <td>2</td></tr>\n<tr><td>3</td><td>4</td></tr>\n</tbody></table>\n    紧跟的文字\n\n后文\n";
    let (d, diags) = doc(md);
    assert_eq!(
        kinds(&d),
        vec!["1-6 table 2x2", "7-7 p0 紧跟的文字", "9-9 p0 后文"]
    );
    assert!(diags.iter().any(|x| x.code == "read.md.split-html-table"));
    match &d.blocks[0].kind {
        BlockKind::Table(t) => {
            let rows: Vec<Vec<String>> = t
                .rows
                .iter()
                .map(|r| r.cells.iter().map(|c| c.text.one_line()).collect())
                .collect();
            assert_eq!(rows, vec![vec!["1", "2"], vec!["3", "4"]]);
            assert_eq!((t.rows[1].span.start, t.rows[1].span.end), (5, 5));
        }
        _ => unreachable!(),
    }
}

#[test]
fn pipe_tables_become_tables() {
    let md = "**表 1**  状态码\n\n| 状态码 | 描述 |\n|---|---|\n| 200 | `OK` |\n| 400 |\n";
    let (d, diags) = doc(md);
    assert_eq!(kinds(&d), vec!["1-6 table 2x2"]);
    match &d.blocks[0].kind {
        BlockKind::Table(t) => {
            assert_eq!(
                t.caption.as_ref().map(RichText::one_line).as_deref(),
                Some("表 1 状态码")
            );
            assert_eq!(t.header[1].text.one_line(), "描述");
            assert_eq!(
                t.rows[0].cells[1].text.paragraphs[0].inlines,
                vec![Inline::Code("OK".into())]
            );
            assert_eq!((t.rows[1].span.start, t.rows[1].cells.len()), (6, 2));
        }
        _ => unreachable!(),
    }
    // pulldown-cmark pads short pipe rows itself, so no ragged-row diagnostic is needed here.
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn notes_blockquotes_and_figures_are_paragraphs() {
    let md = "<div class=\"note\"><span class=\"notetitle\"> 说明： </span><div class=\"notebody\"><p>注意事项</p>\n</div></div>\n\n>![](icon.gif) **说明：** \n>引用内容\n\n**图 1**  示意图<a name=\"fig1\"></a>  \n![](figures/x.png \"x\")\n";
    let (d, _) = doc(md);
    assert_eq!(
        kinds(&d),
        vec![
            "1-1 p0 说明：",
            "1-2 p0 注意事项",
            "4-5 p0 说明： 引用内容",
            "7-8 p0 图 1 示意图"
        ]
    );
    assert_eq!(d.blocks[3].anchors, vec!["fig1".to_string()]);
}

#[test]
fn headings_carry_anchor_and_optional_number() {
    let (d, _) =
        doc("# 创建训练作业参数<a name=\"modelarts_03_0058\"></a>\n\n## 4.2 新建 Workflow\n");
    match (&d.blocks[0].kind, &d.blocks[1].kind) {
        (
            BlockKind::Heading {
                level: 1,
                number: None,
                text,
            },
            BlockKind::Heading {
                level: 2,
                number: Some(n),
                text: t2,
            },
        ) => {
            assert_eq!(text.one_line(), "创建训练作业参数");
            assert_eq!(n, "4.2");
            assert_eq!(t2.one_line(), "新建 Workflow");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(d.blocks[0].anchors, vec!["modelarts_03_0058".to_string()]);
}

#[test]
fn dangling_anchor_is_reported() {
    let (d, diags) = doc("正文\n\n<a name=\"end\"></a>\n");
    assert_eq!(d.blocks.len(), 1);
    assert_eq!(
        diags.iter().map(|x| x.code.as_str()).collect::<Vec<_>>(),
        vec!["read.md.dangling-anchor"]
    );
}

#[test]
fn never_panics_on_odd_input() {
    let inputs = [
        "",
        "\n\n\n",
        "<table>",
        "<table><tr><td rowspan=\"0\" colspan=\"999999\">x",
        "</table></table><table>",
        "- <table><tr><td>x</td></tr></table>\n  - ```\n  code",
        "```\nunclosed fence",
        "| a |\n|---|\n| b | c | d |",
        "**表 1** 孤立标题",
        "> <a name=\"x\">\n> <table>\n>\n> <tr><td>y</td></tr></table>",
        "# \u{0}\u{feff}<br><br>",
        "\t\t- \u{3000}\n    ```\n\u{3000}x\n    ```",
    ];
    for input in inputs {
        let (d, _) = doc(input);
        for b in &d.blocks {
            assert!(
                b.span.start >= 1 && b.span.start <= b.span.end,
                "{input:?}: {:?}",
                b.span
            );
        }
    }
}
