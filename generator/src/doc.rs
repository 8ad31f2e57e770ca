//! The format-neutral document model every reader produces and every extractor consumes.
//!
//! Readers flatten a page into a sequence of [`Block`]s (headings, paragraphs, tables, code
//! blocks) in reading order. Lists at block level are flattened into paragraphs marked as list
//! items, because extraction cares about order and text, not about list nesting. Inside table
//! cells, structure that carries meaning (paragraphs, list items, links, literals) is kept as
//! [`RichText`]. Every node carries a [`Span`].

use crate::diag::Span;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Huawei Cloud markdown pages with embedded HTML tables.
    HuaweiMarkdown,
    /// Open Telekom Cloud reStructuredText pages.
    Rst,
    /// Text converted from a PDF reference (TAB tables, then pipe tables).
    PdfText,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub file: Arc<str>,
    pub format: Format,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    pub span: Span,
    /// Link targets that point at this block (`<a name=…>`, `.. _label:`, table ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<String>,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// `level` is the markup level (1 = page title). `number` is a section number such as
    /// `20.3.2.1` when the heading carries one (PDF text); extraction keys on it because the
    /// markup level of converted documents does not follow the numbering depth.
    Heading {
        level: u8,
        number: Option<String>,
        text: RichText,
    },
    /// A paragraph. `list_depth` > 0 when it came from a list item.
    Paragraph {
        text: RichText,
        list_depth: u8,
    },
    Table(Table),
    Code {
        lang: Option<String>,
        text: String,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Table {
    /// The caption as written (`表 3 data_source 参数列表`, `**Table 3** **config** parameters`).
    pub caption: Option<RichText>,
    pub header: Vec<Cell>,
    pub rows: Vec<Row>,
    /// How many physical pieces (page-break splits) were joined into this table; 1 normally.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub pieces: u32,
}

fn one() -> u32 {
    1
}
fn is_one(n: &u32) -> bool {
    *n == 1
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Row {
    pub span: Span,
    pub cells: Vec<Cell>,
}

/// A table cell. Spanning cells are expanded by the reader: a cell spanning two columns appears
/// in both, so every row has exactly `header.len()` cells.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub text: RichText,
}

/// Rich text: paragraphs of inline runs. Paragraphs from list items are marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RichText {
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    #[serde(default, skip_serializing_if = "is_zero")]
    pub list_depth: u8,
    pub inlines: Vec<Inline>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    /// Literal / value markup: `code`, ``literal``, `<span class="parmvalue">`.
    Code(String),
    /// `**bold**`, `<b>`, `<strong>`.
    Strong(String),
    Link {
        text: String,
        target: LinkTarget,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "to", rename_all = "snake_case")]
pub enum LinkTarget {
    /// An anchor in the same document (`#table123`, rST `:ref:` label).
    Anchor(String),
    /// Another page, optionally with an anchor (`other.md#x`, rST label of another page).
    Page {
        page: String,
        anchor: Option<String>,
    },
    /// A URL.
    Url(String),
    /// The converter lost the target (`<a href="#">`): only the text is left.
    Lost,
}

impl RichText {
    pub fn from_text(s: impl Into<String>) -> Self {
        RichText {
            paragraphs: vec![Paragraph {
                list_depth: 0,
                inlines: vec![Inline::Text(s.into())],
            }],
        }
    }
    pub fn is_empty(&self) -> bool {
        self.paragraphs
            .iter()
            .all(|p| p.inlines.iter().all(|i| i.text().trim().is_empty()))
    }
    /// Plain text: paragraphs joined with `\n`, inline runs concatenated.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            for inline in &p.inlines {
                out.push_str(inline.text());
            }
        }
        out
    }
    /// Plain text on one line (paragraphs joined with a space), trimmed.
    pub fn one_line(&self) -> String {
        // Called for every cell many times over: one buffer per paragraph, no per-part Vecs.
        let mut out = String::new();
        let mut paragraph = String::new();
        for p in &self.paragraphs {
            paragraph.clear();
            p.inlines.iter().for_each(|i| paragraph.push_str(i.text()));
            let text = paragraph.trim();
            if !text.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(text);
            }
        }
        out
    }
    pub fn inlines(&self) -> impl Iterator<Item = &Inline> {
        self.paragraphs.iter().flat_map(|p| p.inlines.iter())
    }
    pub fn links(&self) -> impl Iterator<Item = (&str, &LinkTarget)> {
        self.inlines().filter_map(|i| match i {
            Inline::Link { text, target } => Some((text.as_str(), target)),
            _ => None,
        })
    }
}

impl Inline {
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(s) | Inline::Code(s) | Inline::Strong(s) => s,
            Inline::Link { text, .. } => text,
        }
    }
}

impl Block {
    pub fn heading_text(&self) -> Option<String> {
        match &self.kind {
            BlockKind::Heading { text, .. } => Some(text.one_line()),
            _ => None,
        }
    }
}
