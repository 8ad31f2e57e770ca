//! Stated defaults: `默认为10`, `默认值为“0”`, `缺省值：desc`, `The default value is **1**`,
//! `defaults to true`, `Default: 5`. Only an unconditional statement counts: a clause that sets
//! a condition (`部署服务时，默认值为false`) or gives an example is not a default of the field.
//! Prose after the keyword (`默认为空`, `默认为上一次设置的值`) is not a value.

use super::marked::{is_example_or_reference, sentences, unmark, MarkedText};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub value: String,
    pub source: String,
}

static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:默认值|缺省值|默认取值|默认|缺省)(?:均|都)?(?:为|是|设置为|设为|取|：|:)?\s*|(?:the\s+)?default(?:\s+value)?\s*(?:is|:|=)\s*|defaults?\s+to\s+|by\s+default,?\s+(?:the\s+value\s+is|it\s+is|this\s+parameter\s+is\s+set\s+to|the\s+value\s+is\s+set\s+to)\s+",
    )
    .expect("valid regex")
});

/// A value right after the keyword: a marked run, a quoted value, a number or an ASCII word.
static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^(?:\x{E000}(?P<m>[^\x{E001}]{1,80})\x{E001}|["“'‘](?P<q>[^"”'’]{0,64})["”'’]|(?P<n>-?\d+(?:\.\d+)?)|(?P<w>[A-Za-z_][A-Za-z0-9_.\-/]*))"#,
    )
    .expect("valid regex")
});

/// Words that make the clause conditional.
fn is_conditional(before: &str) -> bool {
    let lower = before.to_lowercase();
    [
        "时", "当", "若", "如果", "如", "对于", "when", "if ", "unless", "for ",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Values that mean "nothing" and are no default of a typed field.
fn is_null_word(v: &str) -> bool {
    matches!(
        v.to_ascii_lowercase().as_str(),
        "null" | "none" | "nil" | "empty" | "blank" | "n/a" | "a" | "an" | "the"
    )
}

pub fn find(text: &MarkedText) -> Vec<Stated> {
    let mut out = Vec::new();
    for para in &text.paras {
        for sentence in sentences(&para.text) {
            for m in KEYWORD.find_iter(sentence) {
                let before = &sentence[..m.start()];
                if is_conditional(before) || is_example_or_reference(&unmark(sentence)) {
                    continue;
                }
                let rest = &sentence[m.end()..];
                let Some(c) = VALUE.captures(rest) else {
                    continue;
                };
                let end = c.get(0).map_or(0, |x| x.end());
                let after = rest[end..].chars().next();
                // `默认值 1: 自动续费`: the next item of a value list, not the default.
                if rest[end..].trim_start().starts_with([':', '：']) {
                    continue;
                }
                let value = if let Some(v) = c.name("m").or_else(|| c.name("q")) {
                    v.as_str()
                        .trim_matches(['"', '“', '”', '\'', '‘', '’'])
                        .to_string()
                } else if let Some(n) = c.name("n") {
                    // `10`, `10个`, `1000。`: a number ends at anything but more digits/letters.
                    if after.is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '.') {
                        continue;
                    }
                    n.as_str().to_string()
                } else if let Some(w) = c.name("w") {
                    // A word glued to more prose (`默认为false表示`) is still the word; a word
                    // followed by a CJK noun (`默认为OBS桶`) is part of a phrase.
                    if after.is_some_and(|ch| {
                        !ch.is_ascii()
                            && !"，。；、（(：:".contains(ch)
                            && !is_verb_start(rest, end)
                    }) {
                        continue;
                    }
                    w.as_str().trim_end_matches('.').to_string()
                } else {
                    continue;
                };
                if value.trim().is_empty() || is_null_word(value.trim()) {
                    continue;
                }
                out.push(Stated {
                    value,
                    source: unmark(&sentence[m.start()..]).trim().to_string(),
                });
            }
        }
    }
    out
}

/// `默认为false，表示…` / `默认为true即开启`: the value is followed by a word that starts a new
/// clause.
fn is_verb_start(rest: &str, end: usize) -> bool {
    let tail = &rest[end..];
    ["表示", "即", "代表", "则", "时"]
        .iter()
        .any(|w| tail.starts_with(w))
        && !tail.starts_with("时")
}
