//! Block assembly: loose anchors attach to the next block, and a caption paragraph
//! (`**表 3**  data\_source 参数列表`) right before a table becomes that table's caption.

use crate::doc::{Block, BlockKind, RichText};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Default)]
pub(super) struct Assembler {
    blocks: Vec<Block>,
    /// `<a name>` anchors not yet claimed by a block.
    anchors: Vec<String>,
    /// A caption-looking paragraph waiting to see whether a table follows.
    caption: Option<Block>,
}

impl Assembler {
    pub fn anchor(&mut self, name: String) {
        if !self.anchors.contains(&name) {
            self.anchors.push(name);
        }
    }

    /// Add a block. A table takes a held caption as its caption; its span then starts at the
    /// caption line, since the caption is part of what the block represents.
    pub fn push(&mut self, mut block: Block) {
        prepend_anchors(&mut block.anchors, std::mem::take(&mut self.anchors));
        if let BlockKind::Table(table) = &mut block.kind {
            if let Some(caption) = self.caption.take() {
                if table.caption.is_none() {
                    if let BlockKind::Paragraph { text, .. } = caption.kind {
                        table.caption = Some(text);
                    }
                    prepend_anchors(&mut block.anchors, caption.anchors);
                    block.span = caption.span.join(&block.span);
                } else {
                    self.blocks.push(caption);
                }
            }
            self.blocks.push(block);
            return;
        }
        if let Some(caption) = self.caption.take() {
            self.blocks.push(caption);
        }
        match &block.kind {
            BlockKind::Paragraph { text, .. } if is_table_caption(text) => {
                self.caption = Some(block)
            }
            _ => self.blocks.push(block),
        }
    }

    /// All blocks; anchors after the last block have nothing to point at and are returned.
    pub fn finish(mut self) -> (Vec<Block>, Vec<String>) {
        if let Some(caption) = self.caption.take() {
            self.blocks.push(caption);
        }
        (self.blocks, self.anchors)
    }
}

fn prepend_anchors(anchors: &mut Vec<String>, earlier: Vec<String>) {
    if earlier.is_empty() {
        return;
    }
    let mut merged = earlier;
    for a in anchors.drain(..) {
        if !merged.contains(&a) {
            merged.push(a);
        }
    }
    *anchors = merged;
}

/// `表 3 …`, `表3-1 …`, `Table 3 …`: the caption numbering Huawei pages use for tables. The
/// number must be followed by a space (or end) so that prose like `表1所示` does not match.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:表|Table)\s*\d+(?:[-.－]\d+)*(?:\s|$)").expect("static regex")
});

pub(super) fn is_table_caption(text: &RichText) -> bool {
    text.paragraphs.len() == 1 && CAPTION.is_match(&text.one_line())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;
    use crate::doc::Table;
    use std::sync::Arc;

    fn block(line: u32, kind: BlockKind) -> Block {
        Block {
            span: Span::new(&Arc::from("f"), line, line),
            anchors: vec![],
            kind,
        }
    }
    fn para(line: u32, s: &str) -> Block {
        block(
            line,
            BlockKind::Paragraph {
                text: RichText::from_text(s),
                list_depth: 0,
            },
        )
    }
    fn table(line: u32) -> Block {
        block(
            line,
            BlockKind::Table(Table {
                caption: None,
                header: vec![],
                rows: vec![],
                pieces: 1,
            }),
        )
    }

    #[test]
    fn caption_patterns() {
        for yes in [
            "表 3 data_source 参数列表",
            "表3 data_source属性列表",
            "表 3-1 x",
            "Table 3 config parameters",
            "表 12",
        ] {
            assert!(is_table_caption(&RichText::from_text(yes)), "{yes}");
        }
        for no in [
            "参数说明如表1所示。",
            "表1所示参数",
            "表格说明",
            "图 1 URI示意图",
        ] {
            assert!(!is_table_caption(&RichText::from_text(no)), "{no}");
        }
    }

    #[test]
    fn caption_and_anchor_go_to_the_following_table() {
        let mut a = Assembler::default();
        a.push(para(1, "表 1 参数说明"));
        a.anchor("table1".into());
        a.push(table(3));
        let (blocks, loose) = a.finish();
        assert!(loose.is_empty());
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].anchors, vec!["table1".to_string()]);
        assert_eq!((blocks[0].span.start, blocks[0].span.end), (1, 3));
        match &blocks[0].kind {
            BlockKind::Table(t) => assert_eq!(
                t.caption.as_ref().map(|c| c.one_line()),
                Some("表 1 参数说明".into())
            ),
            _ => panic!("not a table"),
        }
    }

    #[test]
    fn caption_without_table_stays_a_paragraph() {
        let mut a = Assembler::default();
        a.push(para(1, "表 1 参数说明"));
        a.push(para(2, "正文"));
        a.push(para(3, "表 2 孤立"));
        let (blocks, _) = a.finish();
        let texts: Vec<String> = blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Paragraph { text, .. } => text.one_line(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(texts, vec!["表 1 参数说明", "正文", "表 2 孤立"]);
    }

    #[test]
    fn anchors_attach_to_next_block_and_leftovers_are_returned() {
        let mut a = Assembler::default();
        a.anchor("x".into());
        a.push(para(1, "正文"));
        a.anchor("y".into());
        let (blocks, loose) = a.finish();
        assert_eq!(blocks[0].anchors, vec!["x".to_string()]);
        assert_eq!(loose, vec!["y".to_string()]);
    }
}
