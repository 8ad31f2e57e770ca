//! Explicit markup blocks (`.. …`): hyperlink targets, substitution definitions, comments and
//! directives (`table`, `code-block`, admonitions, `figure`, `toctree`, unknown ones).

use super::body::{emit_code, parse_blocks, rich_paragraph, Scope};
use super::context::{normalize_name, parse_target, Ctx};
use super::data_table;
use super::lines::{dedent_common, trim_blank_edges, Line};
use crate::diag::catalogue;
use crate::doc::{Block, BlockKind, RichText};
use regex::Regex;
use std::sync::LazyLock;

static DIRECTIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\.\. +([A-Za-z0-9][A-Za-z0-9_:+.-]*?)::(?:\s+(.*))?$").unwrap());
static SUBST_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\.\. +\|[^|]+\|\s+[A-Za-z0-9_-]+::").unwrap());
static OPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^:[A-Za-z0-9_-][^:]*:(?:\s|$)").unwrap());

/// Admonitions: their body is ordinary content (notes often carry constraints on values).
const ADMONITIONS: &[&str] = &[
    "note",
    "important",
    "caution",
    "warning",
    "tip",
    "hint",
    "attention",
    "danger",
    "error",
    "seealso",
    "admonition",
    "topic",
    "sidebar",
];
/// Directives whose body is ordinary content without a meaningful argument.
const CONTAINERS: &[&str] = &["container", "only", "rst-class", "compound"];
/// Directives that hold no text for extraction: navigation, images, page metadata.
const SILENT: &[&str] = &[
    "toctree",
    "image",
    "contents",
    "meta",
    "raw",
    "include",
    "highlight",
    "default-role",
    "role",
    "index",
    "sectnum",
];
const CODE: &[&str] = &["code-block", "code", "sourcecode", "parsed-literal"];

/// Handle one explicit markup block: its first line starts with `..`, the rest is indented.
pub(crate) fn explicit_markup(ctx: &mut Ctx, block: &[Line], scope: Scope, out: &mut Vec<Block>) {
    let first = &block[0];
    if let Some((name, url)) = parse_target(&first.text) {
        // External targets only serve `name`_ references (resolved in the first pass).
        if url.is_none() {
            ctx.pending_anchors.push(normalize_name(&name));
        }
        return;
    }
    if SUBST_DEF.is_match(&first.text) {
        return; // collected in the first pass
    }
    let Some(caps) = DIRECTIVE.captures(&first.text) else {
        return; // a comment
    };
    let name = caps[1].to_lowercase();
    let argument = caps.get(2).map_or("", |m| m.as_str()).trim().to_string();
    let parts = DirectiveParts::split(&block[1..]);
    let start = first.no;
    let end = block.last().map_or(start, |l| l.no);
    match name.as_str() {
        "table" => table(ctx, &argument, &parts, start, end, scope, out),
        "list-table" | "csv-table" => {
            let caption = caption(ctx, &argument, &parts, start);
            let table = if name == "list-table" {
                data_table::list_table(ctx, &parts, start)
            } else {
                data_table::csv_table(ctx, &parts, start)
            };
            let mut table = table;
            table.caption = caption;
            ctx.emit(out, start, end, BlockKind::Table(table));
        }
        n if CODE.contains(&n) => {
            let lang = argument.split_whitespace().next().map(str::to_string);
            // Code bodies have no argument block: lines before the options blank line are code.
            let mut content = parts.arg_lines.clone();
            if !content.is_empty() && !parts.content.is_empty() {
                content.push(Line::new(content[content.len() - 1].no, ""));
            }
            content.extend(parts.content.iter().cloned());
            emit_code(ctx, &content, lang, start, out);
        }
        n if ADMONITIONS.contains(&n) => {
            // `.. note:: text` starts the body on the directive line; `admonition`/`topic` take a title.
            let mut body = Vec::new();
            if !argument.is_empty() {
                body.push(Line::new(start, argument.clone()));
            }
            body.extend(parts.arg_lines.iter().cloned());
            body.push(Line::new(start, ""));
            body.extend(parts.content.iter().cloned());
            parse_blocks(ctx, &dedent_common(&body), scope_for_content(scope), out);
        }
        n if CONTAINERS.contains(&n) => {
            parse_blocks(ctx, &parts.content, scope_for_content(scope), out)
        }
        "figure" => {
            // The figure's caption and legend are its content; the argument is the image path.
            parse_blocks(ctx, &parts.content, scope_for_content(scope), out);
        }
        "rubric" => {
            let text = rich_paragraph(ctx, &argument, start, scope.depth);
            ctx.emit(
                out,
                start,
                start,
                BlockKind::Paragraph {
                    text,
                    list_depth: scope.depth,
                },
            );
        }
        n if SILENT.contains(&n) => {}
        _ => {
            let span = ctx.span(start, end);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_UNKNOWN_DIRECTIVE,
                format!("unknown directive `{name}`: its content is kept as paragraphs"),
            );
            let mut body = Vec::new();
            if !argument.is_empty() {
                body.push(Line::new(start, argument.clone()));
            }
            body.extend(parts.arg_lines.iter().cloned());
            body.push(Line::new(start, ""));
            body.extend(parts.content.iter().cloned());
            parse_blocks(ctx, &dedent_common(&body), scope_for_content(scope), out);
        }
    }
}

fn scope_for_content(scope: Scope) -> Scope {
    Scope {
        sections: false,
        ..scope
    }
}

/// The indented lines after a directive line, split the rST way: argument continuation lines
/// and `:option:` lines up to the first blank line, then the content.
pub(crate) struct DirectiveParts {
    pub arg_lines: Vec<Line>,
    /// `:name: value` options (names lowercased).
    pub options: Vec<(String, String)>,
    pub content: Vec<Line>,
}

impl DirectiveParts {
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn split(rest: &[Line]) -> Self {
        let rest = dedent_common(rest);
        let head_end = rest.iter().position(Line::is_blank).unwrap_or(rest.len());
        let option_start = rest[..head_end]
            .iter()
            .position(|l| OPTION.is_match(&l.text))
            .unwrap_or(head_end);
        let content = dedent_common(trim_blank_edges(&rest[head_end..]));
        let options = rest[option_start..head_end]
            .iter()
            .filter_map(|l| {
                let body = l.text.strip_prefix(':')?;
                let (name, value) = body.split_once(':')?;
                Some((name.trim().to_lowercase(), value.trim().to_string()))
            })
            .collect();
        DirectiveParts {
            options,
            arg_lines: rest[..option_start].to_vec(),
            content,
        }
    }
}

/// A table directive's argument (which may continue on the following lines) as rich text.
fn caption(ctx: &mut Ctx, argument: &str, parts: &DirectiveParts, start: u32) -> Option<RichText> {
    let text = std::iter::once(argument)
        .chain(parts.arg_lines.iter().map(|l| l.text.trim()))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then(|| rich_paragraph(ctx, &text, start, 0))
}

/// `.. table:: caption`: the caption is rich text, the content holds the table itself.
fn table(
    ctx: &mut Ctx,
    argument: &str,
    parts: &DirectiveParts,
    start: u32,
    end: u32,
    scope: Scope,
    out: &mut Vec<Block>,
) {
    let caption = caption(ctx, argument, parts, start);
    let first_new = out.len();
    // Targets before the directive stay pending, so the table block (or whatever the content
    // starts with) receives them.
    parse_blocks(ctx, &parts.content, scope_for_content(scope), out);
    match out[first_new..]
        .iter_mut()
        .find(|b| matches!(b.kind, BlockKind::Table(_)))
    {
        Some(block) => {
            block.span.start = start;
            block.span.end = block.span.end.max(end);
            if let BlockKind::Table(t) = &mut block.kind {
                t.caption = caption;
            }
        }
        None => {
            let span = ctx.span(start, end);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_TABLE_DIRECTIVE_WITHOUT_TABLE,
                "`.. table::` directive without a table; its caption is kept as a paragraph",
            );
            if let Some(text) = caption {
                ctx.emit(
                    out,
                    start,
                    start,
                    BlockKind::Paragraph {
                        text,
                        list_depth: scope.depth,
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::rst::lines::split;
    use std::sync::Arc;

    fn blocks(src: &str) -> (Vec<Block>, Ctx) {
        let lines = split(src);
        let mut ctx = Ctx::new(Arc::from("t.rst"), &lines);
        let mut out = Vec::new();
        parse_blocks(&mut ctx, &lines, Scope::PAGE, &mut out);
        (out, ctx)
    }

    #[test]
    fn code_block_with_and_without_language() {
        let (out, _) = blocks(".. code-block:: json\n   :linenos:\n\n   {\n\n     \"a\": 1\n   }\n\n.. code-block::\n\n   x\n");
        match (&out[0].kind, &out[1].kind) {
            (
                BlockKind::Code {
                    lang: Some(l),
                    text: a,
                },
                BlockKind::Code {
                    lang: None,
                    text: b,
                },
            ) => {
                assert_eq!(l, "json");
                assert_eq!(a, "{\n\n  \"a\": 1\n}");
                assert_eq!(b, "x");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!((out[0].span.start, out[0].span.end), (1, 7));
        assert_eq!((out[1].span.start, out[1].span.end), (9, 11));
    }

    #[test]
    fn admonitions_keep_their_text() {
        let (out, ctx) = blocks(
            ".. note::\n\n   Keep **this**.\n\n.. important:: Inline start\n   continues.\n",
        );
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].heading_text(), None);
        let texts: Vec<String> = out
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Paragraph { text, .. } => text.plain(),
                _ => panic!(),
            })
            .collect();
        assert_eq!(texts, vec!["Keep this.", "Inline start continues."]);
        assert!(ctx.diags.is_empty());
    }

    #[test]
    fn unknown_directive_keeps_content_with_note() {
        let (out, ctx) = blocks(".. frobnicate:: arg\n\n   body text\n");
        assert_eq!(out.len(), 2);
        let d = ctx.diags.iter().next().unwrap();
        assert_eq!(d.code, "read.rst.unknown-directive");
        assert_eq!(d.severity, crate::diag::Severity::Note);
    }

    #[test]
    fn comments_toctree_and_figures() {
        let (out, ctx) = blocks(".. a comment\n   more comment\n\n.. toctree::\n   :maxdepth: 1\n\n   page\n\n.. figure:: /x.png\n   :alt: alt\n\n   **Figure 1** Caption\n");
        assert_eq!(out.len(), 1);
        match &out[0].kind {
            BlockKind::Paragraph { text, .. } => assert_eq!(text.plain(), "Figure 1 Caption"),
            other => panic!("{other:?}"),
        }
        assert!(ctx.diags.is_empty());
    }

    #[test]
    fn table_directive_gets_caption_anchor_and_span() {
        let (out, _) = blocks(".. _t1:\n\n.. table:: **Table 1** Parameters\n\n   +---+---+\n   | a | b |\n   +===+===+\n   | 1 | 2 |\n   +---+---+\n\nafter\n");
        assert_eq!(out[0].anchors, vec!["t1".to_string()]);
        assert_eq!((out[0].span.start, out[0].span.end), (3, 9));
        match &out[0].kind {
            BlockKind::Table(t) => {
                let caption = t.caption.as_ref().unwrap();
                assert_eq!(caption.plain(), "Table 1 Parameters");
                assert_eq!(
                    caption.paragraphs[0].inlines[0],
                    crate::doc::Inline::Strong("Table 1".into())
                );
                assert_eq!(t.rows.len(), 1);
            }
            other => panic!("{other:?}"),
        }
        assert!(out[1].anchors.is_empty());
    }

    #[test]
    fn table_directive_without_table_warns() {
        let (out, ctx) = blocks(".. table:: **Table 9** Lost\n\n   just text\n");
        assert_eq!(
            ctx.diags
                .iter()
                .filter(|d| d.code == "read.rst.table-directive-without-table")
                .count(),
            1
        );
        assert_eq!(out.len(), 2);
    }
}
