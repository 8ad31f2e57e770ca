//! Recover `**bold**` that CommonMark leaves literal next to CJK text.
//!
//! CommonMark's flanking rules reject a closing `**` that follows punctuation and precedes a
//! letter, so `**场景2：**按照…` or `**_user\_name_**为…` keep their asterisks as text. The
//! documentation's own renderer shows them bold; leaving `**` in the text would put markup
//! into descriptions. Only a pair inside one text run is recovered, and runs of three or more
//! asterisks are left alone (masked values such as `****d80f****` are content).

use crate::doc::{Inline, RichText};

pub(super) fn recover_strong(text: &mut RichText) {
    for p in &mut text.paragraphs {
        if !p
            .inlines
            .iter()
            .any(|i| matches!(i, Inline::Text(s) if s.contains("**")))
        {
            continue;
        }
        let mut out = Vec::with_capacity(p.inlines.len());
        for inline in std::mem::take(&mut p.inlines) {
            match inline {
                Inline::Text(s) => split_strong(&s, &mut out),
                other => out.push(other),
            }
        }
        p.inlines = out;
    }
}

/// Split `a**b**c` into Text("a"), Strong("b"), Text("c").
fn split_strong(s: &str, out: &mut Vec<Inline>) {
    let mut rest = s;
    while let Some((before, inner, after)) = next_pair(rest) {
        if !before.is_empty() {
            out.push(Inline::Text(before.to_string()));
        }
        out.push(Inline::Strong(inner.to_string()));
        rest = after;
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
}

/// The first `**inner**` whose delimiters are exactly two asterisks and whose content is
/// non-empty, has no `*` and does not start or end with whitespace.
fn next_pair(s: &str) -> Option<(&str, &str, &str)> {
    let delims: Vec<usize> = exact_double_stars(s);
    for pair in delims.windows(2) {
        let (open, close) = (pair[0], pair[1]);
        let inner = &s[open + 2..close];
        if !inner.is_empty()
            && !inner.contains('*')
            && !inner.starts_with(char::is_whitespace)
            && !inner.ends_with(char::is_whitespace)
        {
            return Some((&s[..open], inner, &s[close + 2..]));
        }
    }
    None
}

/// Byte offsets of `**` that are not part of a longer run of asterisks.
fn exact_double_stars(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'*' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == b'*' {
            i += 1;
        }
        if i - start == 2 {
            out.push(start);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<Inline> {
        let mut t = RichText::from_text(s);
        recover_strong(&mut t);
        t.paragraphs.remove(0).inlines
    }

    #[test]
    fn literal_pairs_become_strong() {
        assert_eq!(
            run("**场景2：**按照条件"),
            vec![
                Inline::Strong("场景2：".into()),
                Inline::Text("按照条件".into())
            ]
        );
        assert_eq!(
            run("其中**user_name**为用户名，**x**。"),
            vec![
                Inline::Text("其中".into()),
                Inline::Strong("user_name".into()),
                Inline::Text("为用户名，".into()),
                Inline::Strong("x".into()),
                Inline::Text("。".into()),
            ]
        );
    }

    #[test]
    fn masks_and_lone_stars_stay_text() {
        for s in [
            "user_id=****d80fb058844ae8b82aa66d9fe****",
            "a ** b",
            "**",
            "a **b c ** d",
            "x***y***",
        ] {
            assert_eq!(run(s), vec![Inline::Text(s.into())], "{s}");
        }
    }
}
