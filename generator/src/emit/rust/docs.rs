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

/// One `#[doc]` attribute per printed line, as `///` comments are: prettyplease prints each as
/// a `///` line (a multi-line value would become a `/** */` block). Long lines are wrapped.
fn attrs(lines: Vec<String>) -> TokenStream {
    let lines = lines.iter().flat_map(|l| wrap(l)).map(|l| {
        if l.is_empty() {
            l.to_string()
        } else {
            format!(" {l}")
        }
    });
    let lines = lines.map(|l| doc_literal(&l));
    quote!(#(#[doc = #lines])*)
}

/// A doc line as a raw string literal (`r"…"`, `r#"…"#` if it holds a quote): doc text is
/// mostly non-ASCII (Chinese references), and an ordinary literal escapes every character
/// through `char::escape_debug`, to be unescaped again by the printer — 5% of a run. The
/// printed `///` line is the same either way.
///
/// Control characters (a bare carriage return inside a line, a form feed from a PDF page
/// break) become spaces: a `///` comment cannot hold a bare carriage return, and none of them
/// renders as anything but white space.
fn doc_literal(text: &str) -> proc_macro2::Literal {
    let cleaned;
    let text = if text.contains(|c: char| c.is_control() && c != '\t') {
        cleaned = text
            .chars()
            .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
            .collect::<String>();
        cleaned.as_str()
    } else {
        text
    };
    let mut hashes = String::new();
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        // Unreachable with the control characters gone; an ordinary literal is the safe side.
        .unwrap_or_else(|_| proc_macro2::Literal::string(text))
}

/// The most characters of text on one `///` line: an impl item's doc line (`    /// ` and the
/// text) then fits in 100 columns.
const WRAP_WIDTH: usize = 92;

/// One Markdown paragraph line as lines of at most [`WRAP_WIDTH`] characters. Breaks go only
/// at spaces outside code spans, and never before a word that would open a list item, heading,
/// quote or table row at the start of a line; a word longer than the width (a URL, a sentence
/// without spaces as Chinese text is written) stays whole, since a break inside it would
/// render as a space.
fn wrap(line: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    // Where the current line may end (byte offset of a space) and how many characters precede it.
    let mut last_break: Option<(usize, usize)> = None;
    let mut width = 0;
    let (mut in_code, mut escaped) = (false, false);
    for (i, c) in line.char_indices() {
        if c == ' ' && !in_code && width > 0 && may_start_line(&line[i + 1..]) {
            last_break = Some((i, width));
        }
        if c == '`' && !escaped {
            in_code = !in_code;
        }
        escaped = c == '\\' && !escaped;
        width += 1;
        if width > WRAP_WIDTH {
            if let Some((at, before)) = last_break.take() {
                lines.push(&line[start..at]);
                start = at + 1;
                width -= before + 1;
            }
        }
    }
    lines.push(&line[start..]);
    lines
}

/// Whether a line may start with this text and stay a paragraph line: not a list marker
/// (`-`, `+`, `*`, `1.`, `1)`), heading (`#`), setext underline (`=`), quote (`>`), table
/// row (`|`), or a space.
fn may_start_line(rest: &str) -> bool {
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let after_digits = rest[digits..].chars().next();
    match rest.chars().next() {
        None | Some(' ' | '-' | '+' | '*' | '#' | '=' | '>' | '|') => false,
        Some(_) if digits > 0 => !matches!(after_digits, Some('.' | ')')),
        Some(_) => true,
    }
}

/// Rustdoc for plain-text parts (each a description; blank lines between them).
pub fn doc_attrs<'a>(parts: impl IntoIterator<Item = &'a str>) -> TokenStream {
    attrs(plain_lines(parts))
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
    attrs(lines)
}

/// Rustdoc for one Markdown line the generator wrote itself.
pub fn markdown_attrs(line: &str) -> TokenStream {
    attrs(vec![line.to_string()])
}

/// Text for a Markdown code span written by the generator (backticks cannot be escaped inside).
pub fn code_span(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_print_as_spaces_in_parseable_comments() {
        let docs = doc_attrs(["a bare\rreturn, a page\x0cbreak and a\ttab"]);
        let item: syn::ItemStruct =
            syn::parse2(quote!(#docs struct S;)).expect("doc attributes parse");
        let file = syn::File {
            shebang: None,
            attrs: vec![],
            items: vec![syn::Item::Struct(item)],
        };
        let printed = prettyplease::unparse(&file);
        assert!(
            printed.contains("/// a bare return, a page break and a\ttab"),
            "{printed}"
        );
        syn::parse_file(&printed).expect("the printed comment parses again");
    }

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
    fn long_lines_wrap_at_spaces_outside_code_spans() {
        let code = "`GET /v1/{project_id}/jobs/{job_id}`";
        let url = format!("<https://example.com/{}>", "a".repeat(100));
        let line = format!("{}{code} and more - 1. next {url}", "word ".repeat(17));
        assert_eq!(
            wrap(&line),
            [
                "word ".repeat(17).trim_end(),
                &format!("{code} and more - 1. next"),
                &url,
            ]
        );
        // Pressure right at `- x`: the break moves to an earlier space.
        let line = format!("{} abc - x 2. y", "w".repeat(87));
        assert_eq!(wrap(&line), [&"w".repeat(87), "abc - x 2. y"]);
        for opener in [
            "- x", "+ x", "* x", "# x", "= x", "> x", "| x", "2. x", "10) x",
        ] {
            assert!(!may_start_line(opener), "{opener}");
        }
        assert!(may_start_line("2025 x") && may_start_line("x"));
        let short = "short line";
        assert_eq!(wrap(short), [short]);
        let chinese = "数据集".repeat(40);
        assert_eq!(
            wrap(&chinese),
            [chinese.as_str()],
            "no break without a space"
        );
    }

    #[test]
    fn doc_lines_print_as_line_comments() {
        let tokens = doc_attrs(["第一行\n[x]", "Second part"]);
        let item: syn::File = syn::parse2(quote! {
            mod m {
                #tokens
                pub struct S;
            }
        })
        .unwrap();
        assert_eq!(
            prettyplease::unparse(&item),
            "mod m {\n    /// 第一行\n    ///\n    /// \\[x\\]\n    ///\n    /// Second part\n    pub struct S;\n}\n"
        );
    }
}
