//! Reader for Open Telekom Cloud reStructuredText pages.
//!
//! There is no maintained rST parser crate for Rust, so this is a hand-written parser for the
//! subset API reference pages use, following the rST specification:
//!
//! - `lines`: source lines, tab expansion, indentation helpers;
//! - `context`: first pass (labels, substitutions) and per-page state;
//! - `body`: body elements (sections, paragraphs, lists, literal blocks, block quotes);
//! - `directive`: explicit markup (targets, `table`, `code-block`, admonitions, …);
//! - `grid` and `simple`: the two table syntaxes;
//! - `inline`: inline markup and reference resolution.
//!
//! Targets (`.. _label:`) become anchors of the block that follows them; the page's
//! `:original_name:` (without `.html`) becomes an anchor of its first heading, because other
//! pages refer to a page by that name.

mod body;
mod context;
mod data_table;
mod directive;
mod grid;
mod inline;
mod lines;
mod simple;

use crate::diag::catalogue;
use crate::diag::Diagnostics;
use crate::doc::{Block, BlockKind, Document, Format};
use std::sync::Arc;

pub fn read(file: Arc<str>, text: &str) -> (Document, Diagnostics) {
    let lines = lines::split(text);
    let mut ctx = context::Ctx::new(file.clone(), &lines);
    let mut blocks = Vec::new();
    body::parse_blocks(&mut ctx, &lines, body::Scope::PAGE, &mut blocks);
    attach_leftover_anchors(&mut ctx, &mut blocks);
    attach_original_name(&mut ctx, &mut blocks);
    (
        Document {
            file,
            format: Format::Rst,
            blocks,
        },
        ctx.diags,
    )
}

/// Targets at the very end of a page have no following block: keep them on the last block
/// rather than losing them.
fn attach_leftover_anchors(ctx: &mut context::Ctx, blocks: &mut [Block]) {
    if ctx.pending_anchors.is_empty() {
        return;
    }
    let anchors = std::mem::take(&mut ctx.pending_anchors);
    let span = blocks
        .last()
        .map_or_else(|| ctx.span(1, 1), |b| b.span.clone());
    ctx.diags.add(
        &span,
        catalogue::READ_RST_DANGLING_TARGET,
        format!(
            "target(s) {} at the end of the page; attached to the last block",
            anchors.join(", ")
        ),
    );
    if let Some(last) = blocks.last_mut() {
        last.anchors.extend(anchors);
    }
}

fn attach_original_name(ctx: &mut context::Ctx, blocks: &mut [Block]) {
    let Some(name) = ctx.original_name.take() else {
        return;
    };
    let target = blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .or(if blocks.is_empty() { None } else { Some(0) });
    if let Some(block) = target.map(|i| &mut blocks[i]) {
        if !block.anchors.contains(&name) {
            block.anchors.push(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn original_name_anchors_first_heading_once() {
        let (doc, diags) = read(
            Arc::from("p.rst"),
            ":original_name: p_01.html\n\n.. _p_01:\n\nTitle\n=====\n\nText\n\n.. _end:\n",
        );
        assert_eq!(doc.blocks[0].anchors, vec!["p_01".to_string()]);
        assert_eq!(doc.blocks[1].anchors, vec!["end".to_string()]);
        assert_eq!(
            diags.iter().next().unwrap().code,
            "read.rst.dangling-target"
        );
    }

    #[test]
    fn labels_are_case_insensitive_and_normalized() {
        let src = ":original_name: UpdateSamples.html\n\n.. _UpdateSamples:\n\nTitle\n=====\n\nSee :ref:`here <updatesamples>` and :ref:`There <Other_Page>`.\n";
        let (doc, _) = read(Arc::from("p.rst"), src);
        assert_eq!(
            doc.blocks[0].anchors,
            vec!["updatesamples".to_string(), "UpdateSamples".to_string()]
        );
        let BlockKind::Paragraph { text, .. } = &doc.blocks[1].kind else {
            panic!()
        };
        let targets: Vec<_> = text.links().map(|(_, t)| t.clone()).collect();
        assert_eq!(
            targets,
            vec![
                crate::doc::LinkTarget::Anchor("updatesamples".into()),
                crate::doc::LinkTarget::Page {
                    page: "other_page".into(),
                    anchor: None
                }
            ]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for src in [
            "",
            "\n\n",
            "..",
            ".. ",
            "::",
            "+",
            "+-",
            "+--+",
            "|",
            "=",
            "===",
            "=== ===",
            "-",
            "#.",
            "1.",
            ":a:",
            ".. table::",
            ".. code-block::",
            "Title\n===",
            "===\nTitle",
            "===\nTitle\n===",
            "``",
            "**",
            "`a <b>`__",
            ":ref:`",
            ":ref:`x <",
            "|a|",
            "\t-\tx",
            "é\n=",
            "+==+\n|é|\n+==+",
            "a\n  b\n    c\n  d",
            "-  \n\n   x",
            ".. |x| replace:: |x|\n\n|x|",
            "=====  =====\n  a  b  c  d  e\n-------\n",
        ] {
            let _ = read(Arc::from("odd.rst"), src);
        }
    }
}
