//! Length limits of strings (`1到64位`, `长度限制为[0, 256]`, `0 to 256 characters`, `不超过128个
//! 字符`) and ranges of numbers (`取值范围[1,100]`, `(0,∞)`, `最大值为1000`, `between 1 and 10`).
//! A number counts only next to its unit or keyword, within one clause, outside examples and
//! references.

use super::marked::{is_example_or_reference, sentences};
use crate::ir::MinedKind;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub value: f64,
    pub exclusive: bool,
    pub source: String,
}

const NUM: &str = r"-?\d+(?:\.\d+)?";
const INF: &str = r"\+?∞|无穷大?|[+]?inf(?:inity)?";
const TO: &str = r"(?:-|~|～|－|—|–|到|至)";
const CHARS: &str = r"(?:个)?(?:字符|位|characters?|chars)";

fn re(s: &str) -> Regex {
    Regex::new(s).expect("valid regex")
}

/// (pattern, what each capture group sets) for string lengths.
static LENGTH_RANGE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        // 1-64位 / 1到64个字符 / 0 to 256 characters
        re(&format!(r"(?i)(\d+)\s*(?:{TO}|to)\s*(\d+)\s*{CHARS}")),
        // 长度为1-100 / 长度范围1~64
        re(&format!(r"长度[^\d。，,\[(（]{{0,8}}?(\d+)\s*{TO}\s*(\d+)")),
        // length of 1 to 64
        re(r"(?i)length[^\d.]{0,16}?(\d+)\s*(?:to|-)\s*(\d+)"),
    ]
});
static LENGTH_BRACKETS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:长度|length)[^\d。\[(（]{0,12}?([\[(（])\s*(\d+)\s*[,，]\s*(\d+)\s*([\])）])")
});
static LENGTH_MAX: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        re(&format!(
            r"(?:不能超过|不超过|不得超过|不可超过|不大于|最多|最长|至多|小于等于|上限为?|限制为|最大为?)\s*(\d+)\s*{CHARS}"
        )),
        re(
            r"(?:最大长度|长度上限|长度最大值?|长度限制|长度不超过|长度不能超过|长度不得超过|长度最多|长度最长|长度小于等于)(?:为|是|：|:)?\s*(\d+)",
        ),
        re(&format!(
            r"(?i)(?:at most|up to|no more than|not exceed|cannot exceed|can't exceed|maximum of|max\.?|a maximum of|not longer than)\s*(\d+)\s*{CHARS}"
        )),
        re(r"(?i)(?:maximum|max\.?) length(?: is| of)?\s*(\d+)"),
    ]
});
static LENGTH_MIN: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        re(&format!(
            r"(?:不能少于|不少于|不得少于|至少|最少|最短|大于等于)\s*(\d+)\s*{CHARS}"
        )),
        re(r"(?:最小长度|长度下限|长度最小值?|长度至少|长度不少于)(?:为|是|：|:)?\s*(\d+)"),
        re(&format!(
            r"(?i)(?:at least|minimum of|a minimum of|no less than)\s*(\d+)\s*{CHARS}"
        )),
    ]
});

static RANGE_BRACKETS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?:取值范围|范围|取值|值域|区间|range|value|between)[^\d。\[(（]{{0,12}}?([\[(（])\s*({NUM})\s*[,，]\s*({NUM}|{INF})\s*([\])）])"
    ))
});
static RANGE_SPAN: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        re(&format!(
            r"(?:取值范围|范围|取值)(?:为|是|：|:|在)?\s*({NUM})\s*{TO}\s*({NUM})(?:\s*(?:之间|以内))?"
        )),
        re(&format!(r"(?i)between\s+({NUM})\s+and\s+({NUM})")),
        re(&format!(
            r"(?i)(?:range|ranges|value)\s+(?:is\s+)?from\s+({NUM})\s+to\s+({NUM})"
        )),
        re(&format!(
            r"(?i)(?:value range|range)\s*(?:is|:)?\s*({NUM})\s*(?:-|to|~)\s*({NUM})"
        )),
    ]
});
static RANGE_MIN: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        re(&format!(
            r"(?:最小值|最小为|不小于|大于等于|不能小于|不得小于|≥|>=)\s*(?:为|是|：|:)?\s*({NUM})"
        )),
        re(&format!(
            r"(?i)(?:minimum value|min\. value|minimum)\s*(?:is|:)\s*({NUM})"
        )),
        re(&format!(
            r"(?i)(?:at least|no less than|not less than)\s+({NUM})(?:\s|$)"
        )),
    ]
});
static RANGE_MAX: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        re(&format!(
            r"(?:最大值|最大为|不大于|小于等于|不超过|不能超过|不得超过|不能大于|不得大于|≤|<=)\s*(?:为|是|：|:)?\s*({NUM})"
        )),
        re(&format!(
            r"(?i)(?:maximum value|max\. value|maximum)\s*(?:is|:)\s*({NUM})"
        )),
        re(&format!(
            r"(?i)(?:at most|cannot exceed|can't exceed|not exceed|no more than|not greater than)\s+({NUM})(?:\s|$)"
        )),
    ]
});
static RANGE_EXCLUSIVE: LazyLock<Vec<(Regex, MinedKind)>> = LazyLock::new(|| {
    vec![
        (
            re(&format!(
                r"(?:取值|值|范围)[^\d。，,]{{0,4}}?大于\s*({NUM})"
            )),
            MinedKind::Minimum,
        ),
        (
            re(&format!(
                r"(?:取值|值|范围)[^\d。，,]{{0,4}}?小于\s*({NUM})"
            )),
            MinedKind::Maximum,
        ),
        (
            re(&format!(
                r"(?i)(?:must be |value is )greater than\s+({NUM})"
            )),
            MinedKind::Minimum,
        ),
        (
            re(&format!(r"(?i)(?:must be |value is )less than\s+({NUM})")),
            MinedKind::Maximum,
        ),
    ]
});

/// A number followed by a length unit is a length, not a value range; one followed by a
/// multiplier or a unit word (`5兆`, `10MB`, `3k`) is not in the field's own unit.
fn followed_by_unit(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    [
        "个字符",
        "字符",
        "位",
        "个",
        "字节",
        "兆",
        "万",
        "千",
        "亿",
        "百",
    ]
    .iter()
    .any(|u| rest.starts_with(u))
        || text[end..].starts_with(|c: char| c.is_ascii_alphabetic())
        || rest.to_ascii_lowercase().starts_with("character")
        || rest.to_ascii_lowercase().starts_with("byte")
}

/// `长度限制为4-64字符`: the single-number patterns must not take the start of a range.
fn continues_as_range(text: &str, end: usize) -> bool {
    static RANGE_TAIL: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^\s*(?:{TO}|to)\s*\d")));
    RANGE_TAIL.is_match(&text[end..])
}

fn bound(value: &str, exclusive: bool, source: &str) -> Option<Bound> {
    Some(Bound {
        value: value.trim().parse().ok()?,
        exclusive,
        source: source.trim().to_string(),
    })
}

/// The clauses that may state a limit: every length and range pattern needs a number (`\d`,
/// a Unicode decimal digit, which `char::is_numeric` covers), so clauses without one are skipped
/// before any regex runs — most descriptions state no limit at all.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    let candidates = if text.chars().any(char::is_numeric) {
        sentences(text)
    } else {
        Vec::new()
    };
    candidates
        .into_iter()
        .filter(|c| c.chars().any(char::is_numeric) && !is_example_or_reference(c))
}

/// Length facts of a string field.
pub fn lengths(text: &str) -> Vec<(MinedKind, Bound)> {
    let mut out = Vec::new();
    for clause in clauses(text) {
        let mut covered = false;
        for r in LENGTH_RANGE.iter() {
            for c in r.captures_iter(clause) {
                let src = &c[0];
                out.extend(bound(&c[1], false, src).map(|b| (MinedKind::MinLength, b)));
                out.extend(bound(&c[2], false, src).map(|b| (MinedKind::MaxLength, b)));
                covered = true;
            }
            if covered {
                break;
            }
        }
        for c in LENGTH_BRACKETS.captures_iter(clause) {
            let src = &c[0];
            // `(0, 256]`: an open end excludes the number itself.
            let lo = c[2]
                .parse::<u64>()
                .ok()
                .map(|v| v + u64::from(&c[1] != "["));
            let hi = c[3]
                .parse::<u64>()
                .ok()
                .map(|v| v.saturating_sub(u64::from(&c[4] != "]")));
            out.extend(
                lo.and_then(|v| bound(&v.to_string(), false, src))
                    .map(|b| (MinedKind::MinLength, b)),
            );
            out.extend(
                hi.and_then(|v| bound(&v.to_string(), false, src))
                    .map(|b| (MinedKind::MaxLength, b)),
            );
        }
        for (list, kind) in [
            (&*LENGTH_MAX, MinedKind::MaxLength),
            (&*LENGTH_MIN, MinedKind::MinLength),
        ] {
            for r in list.iter() {
                for c in r.captures_iter(clause) {
                    if continues_as_range(clause, c.get(0).map_or(0, |m| m.end())) {
                        continue;
                    }
                    out.extend(bound(&c[1], false, &c[0]).map(|b| (kind, b)));
                }
            }
        }
    }
    out
}

fn is_infinite(s: &str) -> bool {
    let s = s.trim().to_lowercase();
    s.contains('∞') || s.starts_with("inf") || s.starts_with("+inf") || s.starts_with("无穷")
}

/// Range facts of a number field.
pub fn ranges(text: &str) -> Vec<(MinedKind, Bound)> {
    let mut out = Vec::new();
    for clause in clauses(text) {
        for c in RANGE_BRACKETS.captures_iter(clause) {
            let src = &c[0];
            out.extend(bound(&c[2], &c[1] != "[", src).map(|b| (MinedKind::Minimum, b)));
            if !is_infinite(&c[3]) {
                out.extend(bound(&c[3], &c[4] != "]", src).map(|b| (MinedKind::Maximum, b)));
            }
        }
        for r in RANGE_SPAN.iter() {
            for c in r.captures_iter(clause) {
                if followed_by_unit(clause, c.get(0).map_or(0, |m| m.end())) {
                    continue;
                }
                out.extend(bound(&c[1], false, &c[0]).map(|b| (MinedKind::Minimum, b)));
                out.extend(bound(&c[2], false, &c[0]).map(|b| (MinedKind::Maximum, b)));
            }
        }
        for (list, kind) in [
            (&*RANGE_MIN, MinedKind::Minimum),
            (&*RANGE_MAX, MinedKind::Maximum),
        ] {
            for r in list.iter() {
                for c in r.captures_iter(clause) {
                    let end = c.get(0).map_or(0, |m| m.end());
                    if followed_by_unit(clause, end) || continues_as_range(clause, end) {
                        continue;
                    }
                    out.extend(bound(&c[1], false, &c[0]).map(|b| (kind, b)));
                }
            }
        }
        for (r, kind) in RANGE_EXCLUSIVE.iter() {
            for c in r.captures_iter(clause) {
                let end = c.get(0).map_or(0, |m| m.end());
                // `不能小于0` is an inclusive bound (read above), not an exclusive one.
                let negated = c[0].contains('不');
                if negated || followed_by_unit(clause, end) || clause[end..].starts_with("等于") {
                    continue;
                }
                out.extend(bound(&c[1], true, &c[0]).map(|b| (*kind, b)));
            }
        }
    }
    out
}

/// One bound per kind. Repeats of the same bound are one fact; different values for one kind
/// are ambiguous (reported through `ambiguous`, none used). A minimum above its maximum is
/// likewise dropped.
pub fn resolve(
    found: Vec<(MinedKind, Bound)>,
    mut ambiguous: impl FnMut(&str, String),
) -> Vec<(MinedKind, Bound)> {
    let mut out: Vec<(MinedKind, Bound)> = Vec::new();
    let mut conflicted: Vec<MinedKind> = Vec::new();
    for (kind, b) in found {
        match out.iter().find(|(k, _)| *k == kind) {
            None => out.push((kind, b)),
            Some((_, existing))
                if existing.value == b.value && existing.exclusive == b.exclusive => {}
            Some((_, existing)) => {
                if !conflicted.contains(&kind) {
                    ambiguous(
                        slot_name(kind),
                        format!("{} and {}", existing.source, b.source),
                    );
                    conflicted.push(kind);
                }
            }
        }
    }
    out.retain(|(k, _)| !conflicted.contains(k));
    for (lo, hi) in [
        (MinedKind::MinLength, MinedKind::MaxLength),
        (MinedKind::Minimum, MinedKind::Maximum),
    ] {
        let l = out.iter().find(|(k, _)| *k == lo).map(|(_, b)| b.value);
        let h = out.iter().find(|(k, _)| *k == hi).map(|(_, b)| b.value);
        if let (Some(l), Some(h)) = (l, h) {
            if l > h {
                ambiguous(slot_name(lo), format!("minimum {l} above maximum {h}"));
                out.retain(|(k, _)| *k != lo && *k != hi);
            }
        }
    }
    out.sort_by_key(|(k, _)| *k);
    out
}

fn slot_name(kind: MinedKind) -> &'static str {
    match kind {
        MinedKind::MinLength => "minimum length",
        MinedKind::MaxLength => "maximum length",
        MinedKind::Minimum => "minimum",
        MinedKind::Maximum => "maximum",
        MinedKind::Enum => "value list",
        MinedKind::Default => "default",
        MinedKind::PageIndex => "page index",
    }
}
