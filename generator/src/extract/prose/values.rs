//! Value lists (enums) in a description.
//!
//! Two ways a description states its values:
//! - *announced*: a phrase (`枚举值如下`, `可选值为`, `取值为`, `The value can be`, `Options:`)
//!   followed by the values — inline (`dataset、obs、swr`, `A: 含义 B: 含义`, `**obs** or
//!   **dataset**`, `CPU GPU ASCEND`) or as list items (`• job 训练`, `- 0: 图像分类`);
//! - *a range of names*: `取值范围：SOURCE_IP、HTTP_COOKIE、APP_COOKIE。` — a sentence of names
//!   only (`取值范围` otherwise states a range of numbers, read by the limits);
//! - *a fixed value*: `API版本，固定值“v3”，该值不可修改。`, `The value is fixed at **Addon**`;
//! - *a bare bullet list* whose every item is a value with an explicit separator (`- true: 支持`,
//!   `- CPU`), not introduced by words that make it something else (rules, examples, a
//!   mapping, a parameter explanation).

use super::super::vocab;
use super::marked::{is_example_or_reference, unmark, MarkedText};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub value: String,
    pub meaning: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ValueList {
    pub items: Vec<Item>,
    /// Whether a phrase announced the list (then a value that does not fit is reported).
    pub announced: bool,
    /// The text stating the list (provenance).
    pub source: String,
    /// A value whose meaning says it is the default (`0: OBS桶（默认值）`).
    pub default_value: Option<String>,
    pub default_source: String,
}

static ANNOUNCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(vocab::VALUE_LIST_ANNOUNCE).expect("valid regex"));

/// A value: marked run, quoted text, integer/decimal, or an identifier-like token.
const VALUE: &str = r#"(?:\x{E000}(?P<m>[^\x{E001}]{1,80})\x{E001}|["“'‘](?P<q>[^"”'’\s]{1,64})["”'’]|(?P<t>-?\d+(?:\.\d+)?(?:[A-Za-z_][A-Za-z0-9_]*)?|[A-Za-z_][A-Za-z0-9_.\-/+]*))"#;

static VALUE_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*{VALUE}")).expect("valid regex"));
/// `VALUE:` at the start of the text or after anything that cannot be part of a value —
/// including a CJK character, because converted tables glue items (`创建中Running: 运行中`).
static COLON_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^A-Za-z0-9_.\-/+\x{{E001}}])\s*(?P<v>{VALUE})\s*[:：]"
    ))
    .expect("valid regex")
});
/// A bullet opening with a value and `或` / `or` (another name for the same value follows).
static ALIAS_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*[•●·\-*◦▪]?\s*{VALUE}\s*(?:或|\s+or\s+)\s*")).expect("valid regex")
});
static CONDITIONAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(vocab::CONDITIONAL).expect("valid regex"));
static FIXED_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(vocab::FIXED_VALUE).expect("valid regex"));
static RANGE_OF_NAMES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(vocab::VALUE_RANGE_OF_NAMES).expect("valid regex"));
static LIST_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(vocab::VALUE_LIST_SEPARATOR).expect("valid regex"));
static OPEN_ALTERNATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(vocab::OPEN_ALTERNATIVE).expect("valid regex"));
static NOT_A_VALUE_LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(vocab::NOT_A_VALUE_LIST).expect("valid regex"));

fn capture_value(c: &regex::Captures) -> String {
    let raw = c
        .name("m")
        .or_else(|| c.name("q"))
        .or_else(|| c.name("t"))
        .map(|m| m.as_str())
        .unwrap_or("");
    raw.trim()
        .trim_matches(['"', '“', '”', '\'', '‘', '’'])
        .trim_end_matches('.')
        .to_string()
}

fn clean_meaning(s: &str) -> Option<String> {
    let s = unmark(s);
    let s = s
        .trim()
        .trim_start_matches([':', '：', '-', '–', '—', ',', '，'])
        .trim()
        .trim_end_matches(['。', '；', ';', '，', ',', '、', '.'])
        .trim();
    Some(s.to_string()).filter(|s| !s.is_empty())
}

fn is_default_marker(meaning: &str) -> bool {
    let lower = meaning.to_lowercase();
    lower.contains("默认值")
        || lower.contains("缺省值")
        || lower.starts_with("默认")
        || lower.contains("(default)")
        || lower.contains("（默认）")
        || lower.starts_with("default")
}

/// Strictness of the separator between a list item's value and its meaning.
#[derive(Clone, Copy, PartialEq)]
enum Separators {
    /// After an announcing phrase: `job 训练` and glued `equal表示精确匹配` are items too.
    Announced,
    /// A bare bullet list: only `value: meaning`, `value (meaning)`, `value 含义` or a lone value.
    Explicit,
}

fn starts_non_ascii_word(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && c.is_alphanumeric())
}

/// One list item: `value`, `value: meaning`, `value（meaning）`, `value 含义`, `value含义`.
fn parse_item(text: &str, seps: Separators) -> Option<Item> {
    let t = text
        .trim()
        .trim_start_matches(['•', '●', '·', '-', '*', '◦', '▪'])
        .trim();
    let c = VALUE_AT_START.captures(t)?;
    let value = capture_value(&c);
    if value.is_empty() {
        return None;
    }
    let rest = &t[c.get(0)?.end()..];
    let meaning = if rest.trim().is_empty() {
        None
    } else if let Some(r) = rest.trim_start().strip_prefix([':', '：']) {
        clean_meaning(r)
    } else if let Some(r) = rest.trim_start().strip_prefix(['(', '（']) {
        clean_meaning(r.trim_end().trim_end_matches([')', '）', '。']))
    } else if rest.starts_with(char::is_whitespace) {
        let r = rest.trim_start();
        let dash = r
            .strip_prefix(['-', '–', '—'])
            .filter(|x| x.starts_with(' '));
        if let Some(d) = dash {
            clean_meaning(d)
        } else if starts_non_ascii_word(r) {
            clean_meaning(r)
        } else {
            return None;
        }
    } else if seps == Separators::Announced
        && (starts_non_ascii_word(rest) || rest.starts_with(['，', ',']))
    {
        clean_meaning(rest)
    } else {
        return None;
    };
    Some(Item { value, meaning })
}

/// An announced list's bullet: one value (see [`parse_item`]), or two names for one value
/// (`true或block (执行删除流程…)`, `false or skip (The object is not deleted.)`), each an item
/// with the same meaning.
fn items_of_bullet(text: &str) -> Option<Vec<Item>> {
    if let Some(c) = ALIAS_AT_START.captures(text) {
        let first = capture_value(&c);
        let rest = &text[c.get(0)?.end()..];
        // `false or others`: any other value does the same, so the list is open (no list).
        if OPEN_ALTERNATIVE.is_match(rest.trim())
            || rest.trim_start().to_ascii_lowercase().starts_with("others")
        {
            return None;
        }
        if let Some(second) = parse_item(rest, Separators::Announced) {
            if !first.is_empty() && second.value != first {
                let alias = Item {
                    value: first,
                    meaning: second.meaning.clone(),
                };
                return Some(vec![alias, second]);
            }
        }
    }
    parse_item(text, Separators::Announced).map(|item| vec![item])
}

/// The items of an announced list's bullets: every bullet a value, or values each explained
/// (`DATA: indicates a data disk.`), two at least, followed only by notes — sentences the
/// converter left in the list (`- System disk encryption is not supported.`).
fn values_before_notes(bullets: &[&str]) -> Option<Vec<Vec<Item>>> {
    let parsed: Vec<Option<Vec<Item>>> = bullets.iter().map(|b| items_of_bullet(b)).collect();
    let values = parsed.iter().take_while(|p| p.is_some()).count();
    if values == bullets.len() {
        return parsed.into_iter().collect();
    }
    let explained = parsed[..values]
        .iter()
        .flatten()
        .flatten()
        .all(|i| i.meaning.is_some());
    let notes = bullets[values..].iter().all(|b| is_note(&unmark(b)));
    (values >= 2 && explained && notes).then(|| parsed.into_iter().take(values).flatten().collect())
}

/// A sentence, not a value: four words at least ending in a full stop, or Chinese prose.
fn is_note(text: &str) -> bool {
    let t = text.trim();
    let ends = t.ends_with(['.', '。']);
    let words = t.split_whitespace().count() >= 4;
    let prose = t.chars().filter(|c| !c.is_ascii()).count() >= 6;
    ends && (words || prose)
}

/// `A: 含义 B: 含义` in one paragraph.
fn colon_sequence(text: &str) -> Option<Vec<Item>> {
    let t = text.trim();
    let hits: Vec<(usize, usize, String)> = COLON_ITEM
        .captures_iter(t)
        .filter_map(|c| Some((c.name("v")?.start(), c.get(0)?.end(), capture_value(&c))))
        .collect();
    if hits.first()?.0 != 0 {
        return None;
    }
    let mut items = Vec::new();
    for (k, (_, end, value)) in hits.iter().enumerate() {
        let stop = hits.get(k + 1).map_or(t.len(), |h| h.0);
        items.push(Item {
            value: value.clone(),
            meaning: clean_meaning(&t[*end..stop]),
        });
    }
    Some(items)
}

/// `dataset、obs、swr`, `**obs** or **dataset**`, `ROUND_ROBIN(含义)，SOURCE_IP(含义)`: values
/// while the pieces are values; the first piece that is prose ends the list.
fn delimited(text: &str) -> Option<Vec<Item>> {
    let first_sentence = super::marked::sentences(text).into_iter().next()?;
    let mut items = Vec::new();
    let pieces = LIST_SEPARATOR
        .split(first_sentence)
        .flat_map(|p| explained_pairs(p).unwrap_or_else(|| vec![p]));
    for piece in pieces {
        let piece = piece.trim();
        if OPEN_ALTERNATIVE.is_match(piece.trim_end_matches(['。', '.'])) {
            // `0 (default) or a positive integer`: the values are examples of an open set.
            return None;
        }
        let Some(c) = VALUE_AT_START.captures(piece) else {
            break;
        };
        let value = capture_value(&c);
        let rest = piece[c.get(0).map_or(0, |m| m.end())..].trim();
        let meaning = if rest.is_empty() {
            None
        } else if let Some(r) = rest.strip_prefix(['(', '（']) {
            if !rest.ends_with([')', '）']) {
                break;
            }
            clean_meaning(r.trim_end_matches([')', '）']))
        } else {
            break;
        };
        // `N/A`: no value applies.
        if value.is_empty() || value.eq_ignore_ascii_case("n/a") {
            break;
        }
        match slash_separated(&value) {
            Some(parts) if meaning.is_none() => items.extend(parts.into_iter().map(|value| Item {
                value: value.to_string(),
                meaning: None,
            })),
            _ => items.push(Item { value, meaning }),
        }
    }
    Some(items).filter(|v| !v.is_empty())
}

/// `real-time/batch/edge`, `normal/abnormal`: values written with slashes between them. Not a
/// media type (`application/json`), nor two dotted names (`kubernetes.io/elb`): three names or
/// more, or two plain words.
fn slash_separated(value: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = value.split('/').collect();
    let names = parts.iter().all(|p| {
        p.starts_with(|c: char| c.is_ascii_alphanumeric())
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    });
    let media_type = matches!(
        parts[0].to_ascii_lowercase().as_str(),
        "application"
            | "text"
            | "image"
            | "audio"
            | "video"
            | "multipart"
            | "font"
            | "model"
            | "message"
    );
    let plain = parts.iter().all(|p| !p.contains('.'));
    (names && !media_type && (parts.len() >= 3 || (parts.len() == 2 && plain))).then_some(parts)
}

/// `zh-cn（中文） en-us（英文）`: values each explained in parentheses, separated by spaces only —
/// the pieces, when every one is such a value.
fn explained_pairs(piece: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut rest = piece.trim();
    while let Some(close) = rest.find([')', '）']) {
        let end = close + rest[close..].chars().next().map_or(1, char::len_utf8);
        let (part, tail) = rest.split_at(end);
        let explained = VALUE_AT_START.captures(part).is_some_and(|c| {
            let after = part[c.get(0).map_or(0, |m| m.end())..].trim_start();
            let mut chars = after.chars();
            let opens = matches!(chars.next(), Some('(' | '（'));
            chars.next_back(); // the closing parenthesis the part ends with
            opens && !chars.as_str().contains(['(', '（', ')', '）'])
        });
        if !explained {
            return None;
        }
        parts.push(part);
        rest = tail.trim_start();
    }
    (parts.len() >= 2 && rest.trim_end_matches(['。', '.']).is_empty()).then_some(parts)
}

/// `CPU GPU ASCEND`: a paragraph of values only.
fn words(text: &str) -> Option<Vec<Item>> {
    let t = text.trim().trim_end_matches(['。', '.']);
    let mut items = Vec::new();
    let mut rest = t;
    while !rest.trim().is_empty() {
        let c = VALUE_AT_START.captures(rest)?;
        let end = c.get(0)?.end();
        if !rest[end..].is_empty() && !rest[end..].starts_with(char::is_whitespace) {
            return None;
        }
        let value = capture_value(&c);
        // A word twice (`the … the`): a sentence, not a paragraph of values.
        if items.iter().any(|i: &Item| i.value == value) {
            return None;
        }
        items.push(Item {
            value,
            meaning: None,
        });
        rest = &rest[end..];
    }
    Some(items).filter(|v| v.len() >= 2)
}

fn inline_values(text: &str, standalone: bool) -> Option<Vec<Item>> {
    colon_sequence(text)
        .or_else(|| if standalone { words(text) } else { None })
        .or_else(|| delimited(text))
        .filter(|items| !items.is_empty())
}

/// The value list a description states, if any.
pub fn find(text: &MarkedText) -> Option<ValueList> {
    announced(text)
        .or_else(|| range_of_names(text))
        .or_else(|| bare_bullets(text))
        .or_else(|| fixed_value(text))
}

/// `API类型，固定值“Addon”，该值不可修改。`: the value (and its alternatives) right after the
/// phrase, when the phrase speaks of the field itself: it opens its clause (or follows `取值`,
/// `值`) and the clause states no condition. `key固定为空字符串` (another field) and
/// `当type为PATH时，…固定为…` are not the field's.
fn fixed_value(text: &MarkedText) -> Option<ValueList> {
    text.paras.iter().find_map(|para| {
        FIXED_VALUE.find_iter(&para.text).find_map(|m| {
            let before = &para.text[..m.start()];
            // Not at a colon: `共享型：固定为v4` is one case's value, not the field's.
            let clause_start = after_last(before, &['。', '；', ';', '，', ',', '.']);
            let subject = before[clause_start..].trim();
            let own = subject.is_empty() || subject.ends_with('值');
            let conditional = CONDITIONAL.is_match(&unmark(before));
            if !own || conditional {
                return None;
            }
            let items = delimited(para.text[m.end()..].trim())?;
            finish(items, true, unmark(&para.text[m.start()..]))
        })
    })
}

/// `取值范围：TCP、UDP和HTTP。`: the sentence after the phrase, when it is two names at least
/// and nothing else (each may be explained in parentheses). A number, a word of prose or an
/// open end (`cpuUsage, cpuCoreUsed, and other basic metrics`) leaves it alone.
fn range_of_names(text: &MarkedText) -> Option<ValueList> {
    text.paras.iter().find_map(|para| {
        let m = RANGE_OF_NAMES.find(&para.text)?;
        let rest = para.text[m.end()..].trim();
        // `取值： COMPUTE：后端为计算实例。 VIP：后端为VIP的实例。`: names each explained (not a
        // time, `Value range: GMT-12:00 to GMT+12:00`).
        if let Some(items) = colon_sequence(rest).filter(|items| {
            items.len() >= 2
                && items.iter().all(|i| {
                    is_name(&i.value)
                        && i.meaning
                            .as_deref()
                            .is_some_and(|m| !m.starts_with(|c: char| c.is_ascii_digit()))
                })
        }) {
            return finish(items, true, unmark(&para.text[m.start()..]));
        }
        let sentence = super::marked::sentences(rest).into_iter().next()?;
        let sentence = sentence.trim().trim_end_matches(['。', '.', '；', ';']);
        let pieces: Vec<&str> = LIST_SEPARATOR.split(sentence).map(str::trim).collect();
        if pieces.len() < 2 {
            return None;
        }
        let items = delimited(sentence)?;
        let names = items.len() == pieces.len() && items.iter().all(|i| is_name(&i.value));
        names.then(|| finish(items, true, unmark(&para.text[m.start()..])))?
    })
}

fn finish(items: Vec<Item>, announced: bool, source: String) -> Option<ValueList> {
    // `REMOVE/REDUCE: removes or reduces …`, `FOREVER/null：表示委托的期限为永久`: two names of one
    // value, each a value with the meaning. Not numbers (`0/false`, a CIDR), nor names another
    // item also gives (`yyyy`, `yyyy/MM`, `yyyy/MM/dd`: a list of formats).
    let given: Vec<String> = items.iter().map(|i| i.value.clone()).collect();
    let aliases = |value: &str| -> Option<Vec<String>> {
        let parts = slash_separated(value)?;
        let names = parts.len() == 2
            && parts.iter().all(|p| {
                p.chars().any(|c| c.is_ascii_alphabetic()) && !given.iter().any(|g| g == p)
            });
        names.then(|| parts.into_iter().map(str::to_string).collect())
    };
    // `**bandwidth****traffic**`: two bold values the converter glued (`<strong>` runs side
    // by side); Markdown reads one run holding `****`.
    let glued = |value: &str| -> Option<Vec<String>> {
        let parts: Vec<String> = value
            .split("****")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        (parts.len() > 1).then_some(parts)
    };
    let mut items: Vec<Item> = items
        .iter()
        .flat_map(
            |item| match glued(&item.value).or_else(|| aliases(&item.value)) {
                Some(parts) => parts
                    .into_iter()
                    .map(|value| Item {
                        value,
                        meaning: item.meaning.clone(),
                    })
                    .collect(),
                None => vec![item.clone()],
            },
        )
        .collect();
    // `The value can be **null**.`: a state, not a list of values.
    if items.iter().all(|i| i.value.eq_ignore_ascii_case("null")) {
        return None;
    }
    // `XXX：表示委托的期限为有限时间，如480小时`: a placeholder stands for any other value, so the
    // list is open (no list).
    // Only `x` repeated: `AAAA` (a DNS record type) and `yyyy` (a date format) are values. (An
    // example's bare `aaa` is a placeholder to json_repair, where no such value is written.)
    if items
        .iter()
        .any(|i| i.value.len() >= 3 && i.value.chars().all(|c| c == 'x' || c == 'X'))
    {
        return None;
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut repeated = false;
    for i in &items {
        if seen.contains(&i.value.as_str()) {
            // `engine_type: 1, engine_name: …` repeated: a mapping table, not a value list.
            if i.meaning.is_some() {
                return None;
            }
            repeated = true;
        }
        seen.push(&i.value);
    }
    // `engine, model_name, model_precision, …, model_precision, …`: a value named twice in a
    // plain list is one value.
    if repeated {
        let mut kept: Vec<Item> = Vec::new();
        for i in items {
            if !kept.iter().any(|k| k.value == i.value) {
                kept.push(i);
            }
        }
        items = kept;
    }
    let marked_default: Vec<&Item> = items
        .iter()
        .filter(|i| i.meaning.as_deref().is_some_and(is_default_marker))
        .collect();
    let (default_value, default_source) = match marked_default.as_slice() {
        [one] => (
            Some(one.value.clone()),
            format!("{}: {}", one.value, one.meaning.clone().unwrap_or_default()),
        ),
        _ => (None, String::new()),
    };
    Some(ValueList {
        items,
        announced,
        source,
        default_value,
        default_source,
    })
}

/// Where the text after the last of `separators` in `before` begins (0 without one).
fn after_last(before: &str, separators: &[char]) -> usize {
    before
        .char_indices()
        .rev()
        .find(|(_, c)| separators.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// A value that is a name (`SOURCE_IP`, `real-time`), not a number or a range.
fn is_name(value: &str) -> bool {
    value.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn announced(text: &MarkedText) -> Option<ValueList> {
    for (k, para) in text.paras.iter().enumerate() {
        for m in ANNOUNCE.find_iter(&para.text) {
            let before = &para.text[..m.start()];
            let clause_start = after_last(before, &['。', '；', ';', '，', ',']);
            if is_example_or_reference(&unmark(&para.text[clause_start..m.end()])) {
                continue;
            }
            // `- enum：枚举`: the word is a value's meaning, not an announcement.
            if para.list_depth > 0 && colon_sequence(&para.text).is_some() {
                continue;
            }
            // `默认取值为“x509”` states a default (the defaults miner reads it).
            if before.trim_end().ends_with("默认") {
                continue;
            }
            let sentence_start = after_last(before, &['。', '；', ';']);
            let conditional = CONDITIONAL.is_match(&unmark(&para.text[sentence_start..m.start()]));
            let rest = para.text[m.end()..].trim();
            let rest_is_reference = is_example_or_reference(
                super::marked::sentences(&unmark(rest))
                    .first()
                    .copied()
                    .unwrap_or(""),
            );
            if !rest.is_empty() {
                if rest_is_reference {
                    continue;
                }
                if let Some(items) = inline_values(rest, false) {
                    // `当模型为自动学习部署过来时，取值为“auto”`: one case's value, not the list; so is
                    // one value stated in a bullet beside others (`- 取值为“Auto”，表示自动全量备份。`
                    // / `- 取值为“Manual”，…`: each bullet one case).
                    let one_of_bullets = para.list_depth > 0
                        && [k.checked_sub(1), Some(k + 1)]
                            .into_iter()
                            .flatten()
                            .filter_map(|i| text.paras.get(i))
                            .any(|p| p.list_depth == para.list_depth);
                    if items.len() == 1 && (conditional || one_of_bullets) {
                        continue;
                    }
                    let source = unmark(&para.text[m.start()..]);
                    return finish(items, true, source);
                }
                continue;
            }
            // The values follow in the next paragraphs: list items, or one paragraph of values.
            let following = &text.paras[k + 1..];
            let Some(next) = following.first() else {
                continue;
            };
            let mut source = unmark(&para.text[m.start()..]);
            if next.list_depth > 0 {
                let bullets: Vec<&str> = following
                    .iter()
                    .take_while(|p| p.list_depth > 0)
                    .map(|p| p.text.as_str())
                    .collect();
                // A bullet that is no value makes the description state no list (a later
                // announcement is often a list for another case, `当…时，支持如下操作：`) —
                // unless it is a note closing the list after its values.
                let values = values_before_notes(&bullets)?;
                let mut items = Vec::new();
                for (text, found) in bullets.iter().zip(values) {
                    source.push('\n');
                    source.push_str(&unmark(text));
                    items.extend(found);
                }
                return finish(items, true, source);
            }
            if let Some(mut items) = inline_values(&next.text, true) {
                source.push('\n');
                source.push_str(&unmark(&next.text));
                // One explained value per paragraph (`EXTEND: modifying specifications`, then
                // `BindEip: enabling public access`, …): the paragraphs that follow alike.
                if let [only] = items.as_slice() {
                    if only.meaning.is_some() {
                        for p in following[1..].iter().take_while(|p| p.list_depth == 0) {
                            let Some(more) = colon_sequence(&p.text) else {
                                break;
                            };
                            source.push('\n');
                            source.push_str(&unmark(&p.text));
                            items.extend(more);
                        }
                    }
                }
                return finish(items, true, source);
            }
        }
    }
    None
}

fn bare_bullets(text: &MarkedText) -> Option<ValueList> {
    let start = text.paras.iter().position(|p| p.list_depth > 0)?;
    let lead_in = text.paras[..start]
        .iter()
        .map(|p| unmark(&p.text))
        .collect::<Vec<_>>()
        .join(" ");
    if NOT_A_VALUE_LIST.is_match(&lead_in) {
        return None;
    }
    let list: Vec<_> = text.paras[start..]
        .iter()
        .take_while(|p| p.list_depth > 0)
        .collect();
    if list.len() < 2 {
        return None;
    }
    let items: Vec<Item> = list
        .iter()
        .map(|p| parse_item(&p.text, Separators::Explicit))
        .collect::<Option<_>>()?;
    // Either every item explains its value, or none does (a plain list of values).
    let explained = items.iter().filter(|i| i.meaning.is_some()).count();
    if explained != 0 && explained != items.len() {
        return None;
    }
    let source = list
        .iter()
        .map(|p| unmark(&p.text))
        .collect::<Vec<_>>()
        .join("\n");
    finish(items, false, source)
}
