//! Description text with value markup kept: `**obs**`, `` `obs` ``, `<span class="parmvalue">`
//! are wrapped in private-use marks so patterns can tell a marked value from prose.

use crate::doc::{Inline, RichText};

pub const OPEN: char = '\u{E000}';
pub const CLOSE: char = '\u{E001}';

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Para {
    pub list_depth: u8,
    /// Text with marked runs wrapped in [`OPEN`] … [`CLOSE`], whitespace collapsed.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MarkedText {
    pub paras: Vec<Para>,
}

impl MarkedText {
    pub fn from_rich(rt: &RichText) -> Self {
        let paras = rt
            .paragraphs
            .iter()
            .map(|p| {
                let mut text = String::new();
                for inline in &p.inlines {
                    match inline {
                        Inline::Code(s) | Inline::Strong(s) if !s.trim().is_empty() => {
                            text.push(OPEN);
                            text.push_str(s.trim());
                            text.push(CLOSE);
                        }
                        other => text.push_str(other.text()),
                    }
                }
                Para {
                    list_depth: p.list_depth,
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                }
            })
            .filter(|p| !p.text.is_empty())
            .collect();
        MarkedText { paras }
    }

    /// All paragraphs as plain text, one per line, marks removed.
    pub fn plain(&self) -> String {
        self.paras
            .iter()
            .map(|p| unmark(&p.text))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

pub fn unmark(s: &str) -> String {
    s.chars().filter(|c| *c != OPEN && *c != CLOSE).collect()
}

/// Clauses of a text: split at sentence ends (`。`, `；`, `;`, a full stop before a space or
/// the end, a line break). Facts are read within one clause.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let end = match c {
            '。' | '；' | ';' | '\n' | '！' | '？' => true,
            '.' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if end {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

pub use super::super::vocab::is_example_or_reference;
