//! Documentation text → rustdoc that builds without warnings under `-D warnings`.
//!
//! Descriptions are plain text written for a web page, not Markdown. Left alone, `[x]` becomes
//! a broken intra-doc link, `<name>` an unclosed HTML tag, a bare URL trips
//! `rustdoc::bare_urls`, a line starting with ``` opens a doctest, and a list item followed by
//! an unindented line trips `clippy::doc_lazy_continuation`. So every source line becomes its
//! own paragraph, Markdown-active characters are escaped, and URLs become autolinks.

use proc_macro2::TokenStream;
use quote::quote;
use regex::Regex;
use std::sync::LazyLock;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+").expect("valid regex")
});

/// Characters with a Markdown meaning that plain text must not trigger.
/// Emphasis (`*`, `_`), headings and tables only change rendering, never warn, so they stay
/// readable in the source.
const ESCAPED: &[char] = &['\\', '`', '[', ']', '<', '>', '~'];

fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        if ESCAPED.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// One line of plain text as a Markdown paragraph.
fn escape_line(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(m) = URL.find(rest) {
        escape_text(&rest[..m.start()], &mut out);
        // Sentence punctuation right after a URL belongs to the sentence.
        let url = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        out.push('<');
        out.push_str(url);
        out.push('>');
        rest = &rest[m.start() + url.len()..];
    }
    escape_text(rest, &mut out);
    // A leading `-`, `+` or `1.` would start a list; a leading `=`/`-` run could underline the
    // previous paragraph. Escaping the first character keeps the line literal.
    if out.starts_with(['-', '+', '=']) || starts_like_ordered_item(&out) {
        if out.starts_with(|c: char| c.is_ascii_digit()) {
            // Escape the delimiter after the number instead (`1\.`).
            let digits = out.chars().take_while(char::is_ascii_digit).count();
            out.insert(digits, '\\');
        } else {
            out.insert(0, '\\');
        }
    }
    out
}

fn starts_like_ordered_item(s: &str) -> bool {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(s[digits..].chars().next(), Some('.') | Some(')'))
}

/// Another source's description of the same item, as a plain-text paragraph naming the source
/// by file name (the full path is in the OpenAPI document).
pub fn alt_description(source: &str, text: &str) -> String {
    let file = source.rsplit(['/', '\\']).next().unwrap_or(source);
    format!("Also documented in {file}: {}", text.trim())
}

/// Paragraph lines for a description; blank lines separate paragraphs.
pub fn doc_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(escape_line(line));
    }
    lines
}

/// Rustdoc lines are parked here while code is laid out, and spliced back in afterwards.
///
/// Descriptions are most of a generated crate's text. As `#[doc = "..."]` string literals they
/// would be escaped by proc-macro2, unescaped again by syn and walked by prettyplease, character
/// by character, only to come out unchanged as `///` lines. So the token stream carries one short
/// key per doc block (`#[doc = "\u{E000}<n>\u{E000}"]`), and [`expand_stashed_docs`] replaces
/// each printed key line with the block's lines at the key's indentation. A real doc line can
/// never look like a key: every non-empty one starts with a space.
///
/// The stash is per thread: tokens must be printed on the thread that built them (an unexpanded
/// key is reported as a generator bug, never written).
mod stash {
    use std::cell::RefCell;

    thread_local! {
        static BLOCKS: RefCell<Vec<Vec<String>>> = const { RefCell::new(Vec::new()) };
    }

    pub(super) const MARK: char = '\u{E000}';

    /// Park a block's `///` line contents (each empty or starting with a space); its key.
    pub(super) fn park(lines: Vec<String>) -> String {
        BLOCKS.with(|b| {
            let mut b = b.borrow_mut();
            b.push(lines);
            format!("{MARK}{}{MARK}", b.len() - 1)
        })
    }

    pub(super) fn with_block<R>(key: usize, f: impl FnOnce(Option<&[String]>) -> R) -> R {
        BLOCKS.with(|b| f(b.borrow().get(key).map(Vec::as_slice)))
    }

    /// Forget every parked block (the keys handed out so far become invalid).
    pub fn clear() {
        BLOCKS.with(|b| b.borrow_mut().clear());
    }
}

pub use stash::clear as clear_stashed_docs;

/// Park a block's lines; the key a `#[doc]` attribute carries for it (None for no lines).
fn park(lines: Vec<String>) -> Option<String> {
    if lines.is_empty() {
        return None;
    }
    let lines = lines
        .into_iter()
        .map(|l| if l.is_empty() { l } else { format!(" {l}") })
        .collect();
    Some(stash::park(lines))
}

/// One parked block as a `#[doc]` attribute carrying its key; nothing for no lines.
fn parked(lines: Vec<String>) -> TokenStream {
    match park(lines) {
        Some(key) => quote!(#[doc = #key]),
        None => TokenStream::new(),
    }
}

/// Like [`doc_attrs`], for syntax trees built directly: the parked block's key, if any.
pub fn doc_key<'a>(parts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    park(plain_lines(parts))
}

/// Replace every printed doc key line (`<indent>///<key>`) with its block's `///` lines.
/// Err names the first key that is not parked on this thread.
pub fn expand_stashed_docs(text: String) -> Result<String, String> {
    if !text.contains(stash::MARK) {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let indent = &body[..body.len() - body.trim_start().len()];
        let key = body[indent.len()..]
            .strip_prefix("///")
            .and_then(|k| k.strip_prefix(stash::MARK))
            .and_then(|k| k.strip_suffix(stash::MARK))
            .and_then(|k| k.parse::<usize>().ok());
        let Some(key) = key else {
            out.push_str(line);
            continue;
        };
        stash::with_block(key, |block| match block {
            Some(block) => {
                for doc in block {
                    out.push_str(indent);
                    out.push_str("///");
                    out.push_str(doc);
                    out.push('\n');
                }
                Ok(())
            }
            None => Err(format!("doc block {key} was not parked on this thread")),
        })?;
    }
    // A key prints as a whole `///` line; in any other position prettyplease would print the
    // attribute with an escaped literal. Either leftover is a generator bug.
    let raw_key = format!("///{}", stash::MARK);
    if out.contains(&raw_key) || out.contains("\"\\u{e000}") {
        return Err("a doc key was printed outside a `///` line".to_string());
    }
    Ok(out)
}

/// Rustdoc for plain-text parts (each a description; blank lines between them), as one
/// parked `#[doc]` attribute (see the parking notes in this module).
pub fn doc_attrs<'a>(parts: impl IntoIterator<Item = &'a str>) -> TokenStream {
    parked(plain_lines(parts))
}

fn plain_lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        let part_lines = doc_lines(part);
        if part_lines.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(part_lines);
    }
    lines
}

/// Rustdoc for plain-text parts followed by Markdown lines the generator wrote itself
/// (code spans for paths and names), separated by a blank line.
pub fn doc_attrs_with_markdown<'a>(
    plain: impl IntoIterator<Item = &'a str>,
    markdown: &[String],
) -> TokenStream {
    let mut lines = plain_lines(plain);
    if !lines.is_empty() && !markdown.is_empty() {
        lines.push(String::new());
    }
    lines.extend(markdown.iter().cloned());
    parked(lines)
}

/// Text for a Markdown code span written by the generator (backticks cannot be escaped inside).
pub fn code_span(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

/// `//!`-style lines (for the askama-rendered crate header), each without the prefix.
pub fn inner_doc_lines(text: &str) -> Vec<String> {
    doc_lines(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_angles_are_escaped() {
        assert_eq!(
            doc_lines("Value in [1, 10], see <name>"),
            [r"Value in \[1, 10\], see \<name\>"]
        );
    }

    #[test]
    fn urls_become_autolinks() {
        assert_eq!(
            doc_lines("See https://example.com/a_b?x=[1]. Done"),
            [r"See <https://example.com/a_b?x=[1]>. Done"]
        );
        assert_eq!(
            doc_lines("见https://support.huaweicloud.com/api。"),
            [r"见<https://support.huaweicloud.com/api>。"]
        );
    }

    #[test]
    fn each_line_is_a_paragraph_and_list_markers_are_literal() {
        assert_eq!(
            doc_lines("Options:\n- a\n  continued\n\n1. first\n```"),
            [
                "Options:",
                "",
                r"\- a",
                "",
                "continued",
                "",
                r"1\. first",
                "",
                r"\`\`\`"
            ]
        );
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(doc_lines(" \n\t\n").is_empty());
    }

    #[test]
    fn parked_docs_come_back_at_their_indentation() {
        clear_stashed_docs();
        let tokens = doc_attrs(["第一行\n[x]", "Second part"]);
        let item: syn::File = syn::parse2(quote! {
            mod m {
                #tokens
                pub struct S;
            }
        })
        .unwrap();
        let printed = prettyplease::unparse(&item);
        assert!(
            printed.contains(stash::MARK),
            "keys, not text, go through layout"
        );
        let expanded = expand_stashed_docs(printed.clone()).unwrap();
        assert_eq!(
            expanded,
            "mod m {\n    /// 第一行\n    ///\n    /// \\[x\\]\n    ///\n    /// Second part\n    pub struct S;\n}\n"
        );
        clear_stashed_docs();
        assert!(
            expand_stashed_docs(printed).is_err(),
            "a key parked elsewhere is a generator bug, never printed"
        );
    }
}
