//! Body elements: the block-level parser shared by the page, list items, directive content
//! and table cells. It recognizes, at the start of each block: indented blocks (block
//! quotes), explicit markup (`..`), grid and simple tables, section titles, transitions,
//! bullet and enumerated lists, field lists and paragraphs (with `::` literal blocks).

use super::context::Ctx;
use super::lines::{dedent, dedent_common, indented_end, min_indent, trim_blank_edges, Line};
use super::{directive, grid, inline, simple};
use crate::diag::catalogue;
use crate::doc::{Block, BlockKind, Paragraph, RichText};
use regex::Regex;
use std::sync::LazyLock;

/// Where blocks are being parsed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope {
    /// List nesting: paragraphs get it as `list_depth`.
    pub depth: u8,
    /// Section titles are only recognized at the top level of the page, as in rST.
    pub sections: bool,
}

impl Scope {
    pub const PAGE: Scope = Scope {
        depth: 0,
        sections: true,
    };
    pub const NESTED: Scope = Scope {
        depth: 0,
        sections: false,
    };
    fn nested(self) -> Scope {
        Scope {
            sections: false,
            ..self
        }
    }
    fn list_item(self) -> Scope {
        Scope {
            depth: self.depth.saturating_add(1),
            sections: false,
        }
    }
}

/// How deep block constructs may nest. Real pages nest a table in a list in a note a few
/// levels deep; each level copies its (dedented) lines and recurses, so deeper input is cut.
pub(crate) const MAX_NESTING: usize = 32;

/// Parse `lines` (indentation already relative to the enclosing construct) into blocks.
pub(crate) fn parse_blocks(ctx: &mut Ctx, lines: &[Line], scope: Scope, out: &mut Vec<Block>) {
    if ctx.nesting >= MAX_NESTING {
        if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
            let span = ctx.span(first.no, last.no);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_TOO_DEEP,
                format!("block structure nested deeper than {MAX_NESTING} levels; its content is skipped"),
            );
        }
        return;
    }
    ctx.nesting += 1;
    parse_blocks_here(ctx, lines, scope, out);
    ctx.nesting -= 1;
}

fn parse_blocks_here(ctx: &mut Ctx, lines: &[Line], scope: Scope, out: &mut Vec<Block>) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_blank() {
            i += 1;
            continue;
        }
        let next = parse_block(ctx, lines, i, scope, out);
        // Every recognizer consumes at least its first line; guard anyway so that a bug can
        // never turn into an endless loop on odd input.
        i = next.max(i + 1);
    }
}

/// Parse the block that starts at the non-blank line `i`; return the index after it.
fn parse_block(
    ctx: &mut Ctx,
    lines: &[Line],
    i: usize,
    scope: Scope,
    out: &mut Vec<Block>,
) -> usize {
    let text = lines[i].text.as_str();
    if lines[i].indent() > 0 {
        // A block quote: for extraction its content is simply more blocks.
        let end = indented_end(lines, i);
        parse_blocks(ctx, &dedent_common(&lines[i..end]), scope.nested(), out);
        return end;
    }
    if text == ".." || text.starts_with(".. ") {
        let end = indented_end(lines, i + 1);
        directive::explicit_markup(ctx, &lines[i..end], scope, out);
        return end;
    }
    if grid::is_border(text) {
        let end = lines[i..]
            .iter()
            .position(|l| !grid::is_table_line(&l.text))
            .map_or(lines.len(), |p| i + p);
        grid::read(ctx, &lines[i..end], out);
        return end;
    }
    if let Some(end) = section_title(ctx, lines, i, scope, out) {
        return end;
    }
    if is_transition(lines, i) {
        return i + 1;
    }
    if simple::is_border(text) {
        let end = simple::table_end(lines, i);
        simple::read(ctx, &lines[i..end], out);
        return end;
    }
    if let Some(content_col) = list_marker(text) {
        return list_item(ctx, lines, i, content_col, scope, out);
    }
    if let Some(end) = field(ctx, lines, i, scope, out) {
        return end;
    }
    paragraph(ctx, lines, i, scope, out)
}

/// A line made of one repeated punctuation character, as used for title adornments.
fn adornment(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let first = chars.next()?;
    (first.is_ascii_punctuation() && text.chars().count() >= 3 && chars.all(|c| c == first))
        .then_some(first)
}

fn width(text: &str) -> usize {
    text.trim().chars().count()
}

/// A section title with an underline, or with an overline and an equal underline.
fn section_title(
    ctx: &mut Ctx,
    lines: &[Line],
    i: usize,
    scope: Scope,
    out: &mut Vec<Block>,
) -> Option<usize> {
    if !scope.sections {
        return None;
    }
    let line = |k: usize| lines.get(k).map(|l| l.text.as_str());
    let blank_or_end = |k: usize| lines.get(k).is_none_or(Line::is_blank);
    let (title, style, first, last) = if let Some(c) = adornment(&lines[i].text) {
        let title = line(i + 1).filter(|t| !t.trim().is_empty())?;
        let under = line(i + 2)?;
        if adornment(under) != Some(c) || !blank_or_end(i + 3) {
            return None;
        }
        (title, (c, true), i, i + 2)
    } else {
        let under = line(i + 1)?;
        let c = adornment(under)?;
        let (uw, tw) = (under.chars().count(), width(&lines[i].text));
        // rST accepts an underline shorter than the title only from 4 characters on.
        if uw < tw && uw < 4 {
            return None;
        }
        (lines[i].text.as_str(), (c, false), i, i + 1)
    };
    let level = ctx.section_level(style);
    let text = rich_paragraph(ctx, title.trim(), lines[first].no, 0);
    ctx.emit(
        out,
        lines[first].no,
        lines[last].no,
        BlockKind::Heading {
            level,
            number: None,
            text,
        },
    );
    Some(last + 1)
}

/// A transition (`----` alone between blank lines) separates content; it carries no text.
fn is_transition(lines: &[Line], i: usize) -> bool {
    adornment(&lines[i].text).is_some_and(|_| lines[i].text.chars().count() >= 4)
        && lines.get(i + 1).is_none_or(Line::is_blank)
        && i.checked_sub(1).is_none_or(|p| lines[p].is_blank())
}

static ENUMERATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[0-9]+|#|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)[.)]|\((?:[0-9]+|#|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)\))(?: +|$)").unwrap()
});

/// If `text` starts a list item, the column where its content starts.
pub(crate) fn list_marker(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let marker_len = if "-*+•‣⁃".contains(first) && chars.next().is_none_or(|c| c == ' ') {
        1
    } else {
        ENUMERATOR.find(text)?.as_str().trim_end().chars().count()
    };
    let spaces = text
        .chars()
        .skip(marker_len)
        .take_while(|c| *c == ' ')
        .count();
    Some(marker_len + spaces)
}

/// A list item: its content (indented under the text after the marker) is parsed one list
/// level deeper.
fn list_item(
    ctx: &mut Ctx,
    lines: &[Line],
    i: usize,
    content_col: usize,
    scope: Scope,
    out: &mut Vec<Block>,
) -> usize {
    let (item, end) = item_lines(lines, i, content_col);
    parse_blocks(ctx, &item, scope.list_item(), out);
    end
}

/// The content lines of the list item starting at `i` (marker removed, dedented) and the
/// index after the item.
pub(crate) fn item_lines(lines: &[Line], i: usize, content_col: usize) -> (Vec<Line>, usize) {
    let end = indented_end(lines, i + 1);
    let first = &lines[i];
    let first_text: String = first.text.chars().skip(content_col).collect();
    let rest = &lines[i + 1..end];
    if first_text.trim().is_empty() {
        return (dedent_common(rest), end);
    }
    // Continuation lines are normally indented to the content column; sloppy pages indent
    // them less, so dedent by whatever all lines share.
    let shift = min_indent(rest).min(content_col);
    let mut item = Vec::with_capacity(end - i);
    item.push(Line::new(
        first.no,
        format!("{}{}", " ".repeat(content_col - shift), first_text),
    ));
    item.extend(dedent(rest, shift));
    (dedent_common(&item), end)
}

static FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^:([^:`\s][^:`]*):(?:\s+(.*))?$").unwrap());

/// A field list item (`:name: value`). `:original_name:` is page metadata; other fields
/// become paragraphs `name: value` so that their text is kept.
fn field(
    ctx: &mut Ctx,
    lines: &[Line],
    i: usize,
    scope: Scope,
    out: &mut Vec<Block>,
) -> Option<usize> {
    let caps = FIELD.captures(&lines[i].text)?;
    let name = caps[1].trim().to_string();
    let end = indented_end(lines, i + 1);
    let mut value: Vec<String> = caps
        .get(2)
        .map(|m| m.as_str().trim().to_string())
        .into_iter()
        .collect();
    value.extend(
        lines[i + 1..end]
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text.trim().to_string()),
    );
    let value = value.join(" ");
    if name == "original_name" && ctx.original_name.is_none() {
        let page = value
            .trim()
            .trim_end_matches(".html")
            .trim_end_matches(".htm")
            .to_string();
        ctx.original_name = (!page.is_empty()).then_some(page);
    } else {
        let text = rich_paragraph(ctx, &format!("{name}: {value}"), lines[i].no, scope.depth);
        ctx.emit(
            out,
            lines[i].no,
            lines[end - 1].no,
            BlockKind::Paragraph {
                text,
                list_depth: scope.depth,
            },
        );
    }
    Some(end)
}

/// A paragraph runs to the next blank line. A more-indented line also ends it (a definition
/// list item or sloppy indentation): that line then starts a block quote.
fn paragraph(ctx: &mut Ctx, lines: &[Line], i: usize, scope: Scope, out: &mut Vec<Block>) -> usize {
    let mut end = i + 1;
    while end < lines.len() && !lines[end].is_blank() && lines[end].indent() == 0 {
        end += 1;
    }
    let mut joined = lines[i..end]
        .iter()
        .map(|l| l.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let literal_follows = joined.ends_with("::");
    if literal_follows {
        // `text::` → `text:`; `text ::` and a lone `::` lose the marker entirely.
        joined.truncate(joined.len() - 1);
        if joined == ":" || joined.ends_with(" :") {
            joined.truncate(joined.len() - 1);
        }
        joined = joined.trim_end().to_string();
    }
    if !joined.is_empty() {
        let text = rich_paragraph(ctx, &joined, lines[i].no, scope.depth);
        if !text.is_empty() {
            ctx.emit(
                out,
                lines[i].no,
                lines[end - 1].no,
                BlockKind::Paragraph {
                    text,
                    list_depth: scope.depth,
                },
            );
        }
    }
    if !literal_follows {
        return end;
    }
    let start = lines[end..]
        .iter()
        .position(|l| !l.is_blank())
        .map_or(lines.len(), |p| end + p);
    if start >= lines.len() || lines[start].indent() == 0 {
        let span = ctx.span(lines[end - 1].no, lines[end - 1].no);
        ctx.diags.add(
            &span,
            catalogue::READ_RST_LITERAL_BLOCK_MISSING,
            "paragraph ends with `::` but no indented literal block follows",
        );
        return end;
    }
    let literal_end = indented_end(lines, start);
    emit_code(ctx, &lines[start..literal_end], None, lines[start].no, out);
    literal_end
}

/// Emit a code block from indented content lines; `start` is the first line of the
/// construct (a directive line or the literal block itself).
pub(crate) fn emit_code(
    ctx: &mut Ctx,
    content: &[Line],
    lang: Option<String>,
    start: u32,
    out: &mut Vec<Block>,
) {
    let content = trim_blank_edges(content);
    let text = dedent_common(content)
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let end = content.last().map_or(start, |l| l.no);
    ctx.emit(out, start, end, BlockKind::Code { lang, text });
}

/// One paragraph of inline markup as rich text.
pub(crate) fn rich_paragraph(ctx: &mut Ctx, text: &str, line: u32, list_depth: u8) -> RichText {
    RichText {
        paragraphs: vec![Paragraph {
            list_depth,
            inlines: inline::parse(ctx, text, line),
        }],
    }
}

/// Parse lines as nested body content (table cell, admonition) into rich text. Anchors found
/// inside are returned: rich text cannot carry them, the enclosing block will.
pub(crate) fn rich_text_of(ctx: &mut Ctx, lines: &[Line]) -> (RichText, Vec<String>) {
    let outer = std::mem::take(&mut ctx.pending_anchors);
    let mut blocks = Vec::new();
    parse_blocks(ctx, &dedent_common(lines), Scope::NESTED, &mut blocks);
    let mut anchors = std::mem::replace(&mut ctx.pending_anchors, outer);
    let mut paragraphs = Vec::new();
    for block in blocks {
        anchors.extend(block.anchors);
        match block.kind {
            BlockKind::Paragraph { text, .. } | BlockKind::Heading { text, .. } => {
                paragraphs.extend(text.paragraphs)
            }
            BlockKind::Code { text, .. } => paragraphs.push(Paragraph {
                list_depth: 0,
                inlines: vec![crate::doc::Inline::Code(text)],
            }),
            BlockKind::Table(table) => {
                let span = block.span;
                ctx.diags.add(
                    &span,
                    catalogue::READ_RST_NESTED_TABLE,
                    "table inside a table cell: kept as one paragraph per row",
                );
                for row in std::iter::once(&table.header).chain(table.rows.iter().map(|r| &r.cells))
                {
                    let line = row
                        .iter()
                        .map(|c| c.text.one_line())
                        .collect::<Vec<_>>()
                        .join(" | ");
                    paragraphs.push(Paragraph {
                        list_depth: 0,
                        inlines: vec![crate::doc::Inline::Text(line)],
                    });
                }
            }
        }
    }
    (RichText { paragraphs }, anchors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Inline, LinkTarget};
    use crate::read::rst::lines::split;
    use std::sync::Arc;

    fn blocks(src: &str) -> (Vec<Block>, Ctx) {
        let lines = split(src);
        let mut ctx = Ctx::new(Arc::from("t.rst"), &lines);
        let mut out = Vec::new();
        parse_blocks(&mut ctx, &lines, Scope::PAGE, &mut out);
        (out, ctx)
    }

    fn para(b: &Block) -> (String, u8) {
        match &b.kind {
            BlockKind::Paragraph { text, list_depth } => (text.plain(), *list_depth),
            other => panic!("not a paragraph: {other:?}"),
        }
    }

    #[test]
    fn section_levels_by_first_appearance_with_overlines() {
        let (out, _) = blocks("=====\nTitle\n=====\n\nA\n~~~\n\nB\n---\n\nC\n~~~\n\nD\n===\n");
        let levels: Vec<(String, u8, u32, u32)> = out
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { level, text, .. } => {
                    (text.plain(), *level, b.span.start, b.span.end)
                }
                _ => panic!(),
            })
            .collect();
        assert_eq!(
            levels,
            vec![
                ("Title".into(), 1, 1, 3),
                ("A".into(), 2, 5, 6),
                ("B".into(), 3, 8, 9),
                ("C".into(), 2, 11, 12),
                ("D".into(), 4, 14, 15)
            ]
        );
    }

    #[test]
    fn short_underline_is_not_a_title() {
        let (out, _) = blocks("A long line\n--\n");
        assert_eq!(para(&out[0]).0, "A long line --");
    }

    #[test]
    fn paragraphs_join_lines_and_keep_spans() {
        let (out, _) = blocks("one\ntwo\n\nthree\n");
        assert_eq!(para(&out[0]), ("one two".into(), 0));
        assert_eq!((out[0].span.start, out[0].span.end), (1, 2));
        assert_eq!((out[1].span.start, out[1].span.end), (4, 4));
    }

    #[test]
    fn nested_lists_get_depth() {
        let (out, _) =
            blocks("#. first\n   more\n\n   -  inner\n\n      *  deeper\n\n-  second\n2. third\n");
        let got: Vec<(String, u8)> = out.iter().map(para).collect();
        assert_eq!(
            got,
            vec![
                ("first more".into(), 1),
                ("inner".into(), 2),
                ("deeper".into(), 3),
                ("second".into(), 1),
                ("third".into(), 1)
            ]
        );
    }

    #[test]
    fn literal_block_after_double_colon() {
        let (out, _) = blocks("Example::\n\n    {\n      \"a\": 1\n\n    }\n\nAfter\n");
        assert_eq!(para(&out[0]).0, "Example:");
        match &out[1].kind {
            BlockKind::Code { lang, text } => {
                assert_eq!(lang, &None);
                assert_eq!(text, "{\n  \"a\": 1\n\n}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!((out[1].span.start, out[1].span.end), (3, 6));
        assert_eq!(para(&out[2]).0, "After");
    }

    #[test]
    fn lone_double_colon_emits_only_code_and_missing_block_warns() {
        let (out, ctx) = blocks("::\n\n  x\n\nEnd ::\n\nno indent\n");
        assert!(matches!(out[0].kind, BlockKind::Code { .. }));
        assert_eq!(para(&out[1]).0, "End");
        assert_eq!(
            ctx.diags
                .iter()
                .filter(|d| d.code == "read.rst.literal-block-missing")
                .count(),
            1
        );
    }

    #[test]
    fn original_name_field_is_metadata_other_fields_are_text() {
        let (out, ctx) = blocks(":original_name: modelarts_03_0050.html\n:author: me\n");
        assert_eq!(ctx.original_name.as_deref(), Some("modelarts_03_0050"));
        assert_eq!(para(&out[0]).0, "author: me");
    }

    #[test]
    fn target_anchors_next_block_and_ref_resolves() {
        let (out, _) = blocks(".. _intro:\n\nSee :ref:`here <intro>`.\n");
        assert_eq!(out[0].anchors, vec!["intro".to_string()]);
        match &out[0].kind {
            BlockKind::Paragraph { text, .. } => {
                assert_eq!(
                    text.links().next(),
                    Some(("here", &LinkTarget::Anchor("intro".into())))
                );
            }
            _ => panic!(),
        }
    }

    #[test]
    fn block_quote_and_transition() {
        let (out, _) = blocks("a\n\n   quoted\n\n----\n\nb\n");
        let got: Vec<(String, u8)> = out.iter().map(para).collect();
        assert_eq!(
            got,
            vec![("a".into(), 0), ("quoted".into(), 0), ("b".into(), 0)]
        );
    }

    #[test]
    fn cell_content_with_list_and_paragraphs() {
        let lines = split(
            "Sorting field. Enums:\n\n-  **user_name**: IAM user\n\n-  **create_time**: time",
        );
        let mut ctx = Ctx::new(Arc::from("t"), &lines);
        let (text, anchors) = rich_text_of(&mut ctx, &lines);
        assert!(anchors.is_empty());
        assert_eq!(text.paragraphs.len(), 3);
        assert_eq!(text.paragraphs[1].list_depth, 1);
        assert_eq!(
            text.paragraphs[1].inlines[0],
            Inline::Strong("user_name".into())
        );
    }
}
