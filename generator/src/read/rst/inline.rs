//! Inline markup: `**strong**`, ``` ``literal`` ```, `*emphasis*`, roles (`:ref:`,
//! `:literal:`, `:doc:` …), hyperlink references (`` `text <url>`__ ``), substitution
//! references (`|name|`) and backslash escapes.
//!
//! The recognition rules follow the rST specification closely enough that stray `*` and
//! `|` characters in prose (`*.jpg`, `a | b`) stay text: a start-string must follow
//! whitespace or opening punctuation and be followed by non-whitespace; an end-string must
//! follow non-whitespace and be followed by whitespace or closing punctuation.

use super::context::{normalize_name, Ctx, Substitution};
use crate::diag::catalogue;
use crate::doc::{Inline, LinkTarget};

/// Substitutions may refer to substitutions; this bounds the recursion on cyclic definitions.
const MAX_SUBSTITUTION_DEPTH: u8 = 8;

/// Parse one paragraph's text (lines already joined with spaces). `line` is the paragraph's
/// first source line, for diagnostics.
pub(crate) fn parse(ctx: &mut Ctx, text: &str, line: u32) -> Vec<Inline> {
    parse_at_depth(ctx, text, line, 0)
}

fn parse_at_depth(ctx: &mut Ctx, text: &str, line: u32, depth: u8) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Runs::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            match chars.get(i + 1) {
                // An escaped space separates markup from a word without producing text.
                Some(n) if n.is_whitespace() => {}
                Some(n) => runs.push_char(*n),
                None => runs.push_char('\\'),
            }
            i += 2;
            continue;
        }
        if can_start(&chars, i) {
            if let Some(next) = markup(ctx, &chars, i, line, depth, &mut runs) {
                i = next;
                continue;
            }
        }
        runs.push_char(c);
        i += 1;
    }
    runs.finish()
}

/// Try the markup constructs that may start at `i`; on success push the result and return the
/// index after the construct.
fn markup(
    ctx: &mut Ctx,
    chars: &[char],
    i: usize,
    line: u32,
    depth: u8,
    runs: &mut Runs,
) -> Option<usize> {
    let at = |k: usize| chars.get(k).copied();
    match chars[i] {
        '`' if at(i + 1) == Some('`') => {
            let (content, next) = find_end(ctx, chars, i + 2, "``", false, line, "literal")?;
            runs.push(Inline::Code(content));
            Some(next)
        }
        '*' if at(i + 1) == Some('*') => {
            let (content, next) = find_end(ctx, chars, i + 2, "**", true, line, "strong")?;
            runs.push(Inline::Strong(unescape(&content)));
            Some(next)
        }
        '*' => {
            let (content, next) = find_end(ctx, chars, i + 1, "*", true, line, "emphasis")?;
            runs.push_str(&unescape(&content));
            Some(next)
        }
        ':' => {
            let (role, open) = role_prefix(chars, i)?;
            let (content, next) =
                find_end(ctx, chars, open + 1, "`", true, line, "interpreted text")?;
            runs.push(role_inline(ctx, &role, &content));
            Some(next)
        }
        '`' => {
            let (content, mut next) =
                find_end(ctx, chars, i + 1, "`", true, line, "interpreted text")?;
            // `text <url>`__ / `text`_ are hyperlink references; `text`:role: a postfix role.
            let suffix: String = chars[next..chars.len().min(next + 2)].iter().collect();
            if suffix.starts_with('_') && end_ok(chars, next + 1 + usize::from(suffix == "__")) {
                next += if suffix == "__" { 2 } else { 1 };
                runs.push(hyperlink(ctx, &content));
            } else if let Some((role, after)) = postfix_role(chars, next) {
                next = after;
                runs.push(role_inline(ctx, &role, &content));
            } else {
                runs.push_str(&unescape(&content));
            }
            Some(next)
        }
        '|' => {
            let (name, mut next) =
                find_end(ctx, chars, i + 1, "|", true, line, "substitution reference")?;
            // `|name|_` also links the substitution; the text is what matters here.
            for _ in 0..2 {
                if chars.get(next) == Some(&'_') {
                    next += 1;
                }
            }
            substitute(ctx, &name, line, depth, runs);
            Some(next)
        }
        _ => None,
    }
}

/// Search the end-string of a construct whose content starts at `start`. Returns the raw
/// content and the index after the end-string; `None` (plus a note) when there is none,
/// in which case the start-string is plain text, as in docutils.
fn find_end(
    ctx: &mut Ctx,
    chars: &[char],
    start: usize,
    end: &str,
    escapes: bool,
    line: u32,
    what: &str,
) -> Option<(String, usize)> {
    let end: Vec<char> = end.chars().collect();
    // The start-string must be followed by non-whitespace.
    if chars.get(start).is_none_or(|c| c.is_whitespace()) {
        return None;
    }
    let mut k = start;
    while k < chars.len() {
        if escapes && chars[k] == '\\' {
            k += 2;
            continue;
        }
        if k > start
            && chars[k..].starts_with(&end)
            && !chars[k - 1].is_whitespace()
            && end_ok_or_suffix(chars, k + end.len(), &end)
        {
            return Some((chars[start..k].iter().collect(), k + end.len()));
        }
        k += 1;
    }
    // A lone `*` or `|` in prose (`a * b`, `*.jpg`) is common and harmless; unmatched
    // literal, strong and role markup usually means broken markup worth a note.
    if end.len() > 1 || end[0] == '`' {
        let span = ctx.span(line, line);
        ctx.diags.add(
            &span,
            catalogue::READ_RST_INLINE_UNTERMINATED,
            format!("{what} start-string without end-string; kept as text"),
        );
    }
    None
}

/// End-strings of interpreted text and substitutions may be followed by `_`, `__` or a
/// postfix role before the closing delimiter check applies.
fn end_ok_or_suffix(chars: &[char], k: usize, end: &[char]) -> bool {
    if end_ok(chars, k) {
        return true;
    }
    match end {
        ['`'] => {
            (chars.get(k) == Some(&'_')
                && (end_ok(chars, k + 1)
                    || (chars.get(k + 1) == Some(&'_') && end_ok(chars, k + 2))))
                || postfix_role(chars, k).is_some()
        }
        ['|'] => {
            chars.get(k) == Some(&'_')
                && (end_ok(chars, k + 1)
                    || (chars.get(k + 1) == Some(&'_') && end_ok(chars, k + 2)))
        }
        _ => false,
    }
}

/// A start-string must begin the text or follow whitespace or opening punctuation.
fn can_start(chars: &[char], i: usize) -> bool {
    if !matches!(chars[i], '*' | '`' | ':' | '|') {
        return false;
    }
    match i.checked_sub(1).map(|p| chars[p]) {
        None => true,
        Some(p) => p.is_whitespace() || "-:/'\"<([{".contains(p) || is_unicode_punctuation(p),
    }
}

/// An end-string must end the text or precede whitespace or closing punctuation.
fn end_ok(chars: &[char], k: usize) -> bool {
    match chars.get(k) {
        None => true,
        Some(&c) => {
            c.is_whitespace() || "-.,:;!?\\/'\")]}>".contains(c) || is_unicode_punctuation(c)
        }
    }
}

fn is_unicode_punctuation(c: char) -> bool {
    !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace()
}

/// `:name:` immediately followed by a backquote, starting at `i`: (role name, index of the backquote).
fn role_prefix(chars: &[char], i: usize) -> Option<(String, usize)> {
    let mut k = i + 1;
    while k < chars.len()
        && (chars[k].is_ascii_alphanumeric()
            || "-_.+".contains(chars[k])
            || (chars[k] == ':' && chars.get(k + 1) != Some(&'`')))
    {
        k += 1;
    }
    (k > i + 1 && chars.get(k) == Some(&':') && chars.get(k + 1) == Some(&'`'))
        .then(|| (chars[i + 1..k].iter().collect(), k + 1))
}

/// `:name:` right after interpreted text, starting at `k`: (role name, index after it).
fn postfix_role(chars: &[char], k: usize) -> Option<(String, usize)> {
    if chars.get(k) != Some(&':') {
        return None;
    }
    let mut j = k + 1;
    while j < chars.len() && (chars[j].is_ascii_alphanumeric() || "-_.+".contains(chars[j])) {
        j += 1;
    }
    (j > k + 1 && chars.get(j) == Some(&':') && end_ok(chars, j + 1))
        .then(|| (chars[k + 1..j].iter().collect(), j + 1))
}

/// `text <target>` → (text, Some(target)); plain `text` → (text, None).
fn split_explicit_target(content: &str) -> (String, Option<String>) {
    let trimmed = content.trim_end();
    if let Some(body) = trimmed.strip_suffix('>') {
        if let Some(open) = body.rfind('<') {
            let before = &body[..open];
            // `<` must be preceded by whitespace (or begin the content) to start a target.
            if before.is_empty() || before.ends_with(char::is_whitespace) {
                let target = body[open + 1..].split_whitespace().collect::<String>();
                return (unescape(before.trim()), Some(target));
            }
        }
    }
    (unescape(content), None)
}

fn role_inline(ctx: &Ctx, role: &str, content: &str) -> Inline {
    match role {
        "ref" => {
            let (text, label) = split_explicit_target(content);
            let label = label.unwrap_or_else(|| text.clone());
            Inline::Link {
                text,
                target: label_target(ctx, &label),
            }
        }
        "doc" => {
            let (text, page) = split_explicit_target(content);
            let page = page.unwrap_or_else(|| text.clone());
            Inline::Link {
                text,
                target: LinkTarget::Page { page, anchor: None },
            }
        }
        "literal" | "code" | "samp" | "file" | "command" | "kbd" | "option" | "envvar" => {
            Inline::Code(unescape(content))
        }
        "strong" => Inline::Strong(unescape(content)),
        _ => Inline::Text(unescape(content)),
    }
}

/// A `:ref:` label resolves to an anchor when this page defines it, else to another page
/// (OTC labels of page titles are the page names).
fn label_target(ctx: &Ctx, label: &str) -> LinkTarget {
    match ctx.label(label) {
        Some(defined) => LinkTarget::Anchor(defined),
        None => LinkTarget::Page {
            page: normalize_name(label),
            anchor: None,
        },
    }
}

fn hyperlink(ctx: &Ctx, content: &str) -> Inline {
    let (text, target) = split_explicit_target(content);
    let target = match target {
        // `<name_>` refers to a named target.
        Some(t) if t.ends_with('_') && !t.contains("://") => {
            named_target(ctx, t.trim_end_matches('_'))
        }
        Some(url) => LinkTarget::Url(url),
        None => named_target(ctx, &text),
    };
    let text = if text.is_empty() {
        link_text_fallback(&target)
    } else {
        text
    };
    Inline::Link { text, target }
}

fn named_target(ctx: &Ctx, name: &str) -> LinkTarget {
    if let Some(url) = ctx.external_target(name) {
        LinkTarget::Url(url.to_string())
    } else if let Some(label) = ctx.label(name) {
        LinkTarget::Anchor(label)
    } else {
        LinkTarget::Lost
    }
}

fn link_text_fallback(target: &LinkTarget) -> String {
    match target {
        LinkTarget::Url(u) | LinkTarget::Anchor(u) => u.clone(),
        LinkTarget::Page { page, .. } => page.clone(),
        LinkTarget::Lost => String::new(),
    }
}

fn substitute(ctx: &mut Ctx, name: &str, line: u32, depth: u8, runs: &mut Runs) {
    match ctx.substitution(name).cloned() {
        Some(Substitution::Text(text)) if depth < MAX_SUBSTITUTION_DEPTH => {
            for inline in parse_at_depth(ctx, &text, line, depth + 1) {
                runs.push(inline);
            }
        }
        Some(Substitution::Image) => {}
        Some(Substitution::Text(_)) => {
            let span = ctx.span(line, line);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_UNKNOWN_SUBSTITUTION,
                format!("substitution |{name}| nests too deeply (cycle?)"),
            );
            runs.push_str(&format!("|{name}|"));
        }
        None => {
            let span = ctx.span(line, line);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_UNKNOWN_SUBSTITUTION,
                format!("substitution |{name}| is not defined on this page"),
            );
            runs.push_str(&format!("|{name}|"));
        }
    }
}

/// Process backslash escapes: `\x` → `x`, escaped whitespace disappears.
pub(crate) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n) if n.is_whitespace() => {}
                Some(n) => out.push(n),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Accumulates inline runs, merging adjacent text.
#[derive(Default)]
struct Runs {
    out: Vec<Inline>,
    text: String,
}

impl Runs {
    fn push_char(&mut self, c: char) {
        self.text.push(c);
    }
    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }
    fn push(&mut self, inline: Inline) {
        match inline {
            Inline::Text(t) => self.text.push_str(&t),
            other => {
                self.flush();
                self.out.push(other);
            }
        }
    }
    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.out.push(Inline::Text(std::mem::take(&mut self.text)));
        }
    }
    fn finish(mut self) -> Vec<Inline> {
        self.flush();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::rst::lines::Line;
    use std::sync::Arc;

    fn ctx_with(defs: &[&str]) -> Ctx {
        let lines: Vec<Line> = defs
            .iter()
            .enumerate()
            .map(|(i, t)| Line::new(i as u32 + 1, *t))
            .collect();
        Ctx::new(Arc::from("t.rst"), &lines)
    }

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn strong_literal_and_emphasis() {
        let mut ctx = ctx_with(&[]);
        let got = parse(&mut ctx, "Set **app_url**, ``a*b`` and *emph* here.", 1);
        assert_eq!(
            got,
            vec![
                t("Set "),
                Inline::Strong("app_url".into()),
                t(", "),
                Inline::Code("a*b".into()),
                t(" and emph here.")
            ]
        );
        assert!(ctx.diags.is_empty());
    }

    #[test]
    fn stray_asterisks_and_bars_stay_text() {
        let mut ctx = ctx_with(&[]);
        let got = parse(&mut ctx, "Use *.jpg or a * b, 2*3, x | y and a|b.", 1);
        assert_eq!(got, vec![t("Use *.jpg or a * b, 2*3, x | y and a|b.")]);
    }

    #[test]
    fn ref_with_local_label_is_anchor_else_page() {
        let mut ctx = ctx_with(&[".. _tab_4:"]);
        let got = parse(&mut ctx, "see :ref:`Table 4 <tab_4>` and :ref:`Other page <modelarts_03_0147>` and :ref:`tab_4`.", 1);
        assert_eq!(
            got,
            vec![
                t("see "),
                Inline::Link {
                    text: "Table 4".into(),
                    target: LinkTarget::Anchor("tab_4".into())
                },
                t(" and "),
                Inline::Link {
                    text: "Other page".into(),
                    target: LinkTarget::Page {
                        page: "modelarts_03_0147".into(),
                        anchor: None
                    }
                },
                t(" and "),
                Inline::Link {
                    text: "tab_4".into(),
                    target: LinkTarget::Anchor("tab_4".into())
                },
                t("."),
            ]
        );
    }

    #[test]
    fn anonymous_url_links() {
        let mut ctx = ctx_with(&[]);
        let got = parse(
            &mut ctx,
            "through `curl <https://curl.haxx.se/>`__, or coding",
            1,
        );
        assert_eq!(
            got,
            vec![
                t("through "),
                Inline::Link {
                    text: "curl".into(),
                    target: LinkTarget::Url("https://curl.haxx.se/".into())
                },
                t(", or coding")
            ]
        );
    }

    #[test]
    fn named_references_use_external_targets() {
        let mut ctx = ctx_with(&[".. _Postman: https://www.getpostman.com/"]);
        let got = parse(&mut ctx, "`Postman`_ works", 1);
        assert_eq!(
            got[0],
            Inline::Link {
                text: "Postman".into(),
                target: LinkTarget::Url("https://www.getpostman.com/".into())
            }
        );
    }

    #[test]
    fn literal_role_with_escaped_backquote() {
        let mut ctx = ctx_with(&[]);
        let got = parse(
            &mut ctx,
            r"not supported: :literal:`\`(){}';,[]<>/?` end",
            1,
        );
        assert_eq!(
            got,
            vec![
                t("not supported: "),
                Inline::Code("`(){}';,[]<>/?".into()),
                t(" end")
            ]
        );
    }

    #[test]
    fn escaped_space_joins_markup_to_word() {
        let mut ctx = ctx_with(&[]);
        let got = parse(&mut ctx, r"X-auth-Token →\ *MIIZ...*", 1);
        assert_eq!(got, vec![t("X-auth-Token →MIIZ...")]);
    }

    #[test]
    fn substitutions_resolve_and_unknown_ones_warn() {
        let mut ctx = ctx_with(&[
            ".. |prod| replace:: **ModelArts** service",
            ".. |img| image:: a.png",
            ".. |loop| replace:: |loop|",
        ]);
        let got = parse(&mut ctx, "The |prod| |img|!", 1);
        assert_eq!(
            got,
            vec![
                t("The "),
                Inline::Strong("ModelArts".into()),
                t(" service !")
            ]
        );
        assert!(ctx.diags.is_empty());
        let got = parse(&mut ctx, "|nope| and |loop|", 3);
        assert_eq!(got[0], t("|nope| and |loop|"));
        assert_eq!(
            ctx.diags
                .iter()
                .filter(|d| d.code == "read.rst.unknown-substitution")
                .count(),
            2
        );
    }

    #[test]
    fn unterminated_strong_is_text_with_note() {
        let mut ctx = ctx_with(&[]);
        let got = parse(&mut ctx, "a **b c", 7);
        assert_eq!(got, vec![t("a **b c")]);
        let d = ctx.diags.iter().next().unwrap();
        assert_eq!(
            (d.code.as_str(), d.span.start),
            ("read.rst.inline-unterminated", 7)
        );
    }

    #[test]
    fn strong_needs_delimiters_around() {
        let mut ctx = ctx_with(&[]);
        // `**` inside a word does not start markup; `(**x**)` does.
        assert_eq!(
            parse(&mut ctx, "a**b** (**x**)", 1),
            vec![t("a**b** ("), Inline::Strong("x".into()), t(")")]
        );
    }

    #[test]
    fn unknown_role_keeps_text_and_postfix_role() {
        let mut ctx = ctx_with(&[]);
        assert_eq!(
            parse(&mut ctx, "H\\ :sub:`2`\\ O and `x`:literal:", 1),
            vec![t("H2O and "), Inline::Code("x".into())]
        );
    }
}
