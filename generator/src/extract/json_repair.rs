//! Repairs of documented JSON examples that do not parse, each named so the caller can say
//! what it changed: strings wrapped over lines by the page layout, trailing commas, and `...`
//! elisions standing for "more of the same". Only these; anything else stays unparsed.

/// What a repair changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Repair {
    /// A line break inside a string (layout wrap) removed.
    WrappedString,
    /// A comma before `}` or `]` removed.
    TrailingComma,
    /// A bare `...` / `…` (outside strings) removed with its comma.
    Elision,
}

impl Repair {
    pub fn describe(self) -> &'static str {
        match self {
            Repair::WrappedString => "a string wrapped over lines re-joined",
            Repair::TrailingComma => "a trailing comma removed",
            Repair::Elision => "a `...` elision removed",
        }
    }
}

/// `text` repaired, with the repairs made (in order, each kind once), or `None` when nothing
/// was repairable.
pub fn repair(text: &str) -> Option<(String, Vec<Repair>)> {
    let mut done = Vec::new();
    let mut out = join_wrapped_strings(text, &mut done);
    out = drop_elisions(&out, &mut done);
    out = drop_trailing_commas(&out, &mut done);
    done.sort();
    done.dedup();
    (!done.is_empty()).then_some((out, done))
}

/// Characters of `text` with whether each stands inside a string literal.
fn in_string_flags(text: &str) -> Vec<(char, bool)> {
    let mut out = Vec::with_capacity(text.len());
    let (mut inside, mut escaped) = (false, false);
    for c in text.chars() {
        let was_inside = inside;
        if inside {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                inside = false;
            }
        } else if c == '"' {
            inside = true;
        }
        // The closing quote counts as inside, the opening one does not.
        out.push((c, was_inside));
    }
    out
}

fn join_wrapped_strings(text: &str, done: &mut Vec<Repair>) -> String {
    let chars = in_string_flags(text);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, inside) = chars[i];
        if inside && (c == '\n' || c == '\r') {
            // Skip the break and the next line's indentation.
            i += 1;
            while i < chars.len() && matches!(chars[i].0, ' ' | '\t' | '\n' | '\r') {
                i += 1;
            }
            done.push(Repair::WrappedString);
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn drop_trailing_commas(text: &str, done: &mut Vec<Repair>) -> String {
    let chars = in_string_flags(text);
    let mut out = String::with_capacity(text.len());
    for (i, &(c, inside)) in chars.iter().enumerate() {
        if c == ',' && !inside {
            let next = chars[i + 1..]
                .iter()
                .map(|(c, _)| *c)
                .find(|c| !c.is_whitespace());
            if matches!(next, Some('}') | Some(']')) {
                done.push(Repair::TrailingComma);
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn drop_elisions(text: &str, done: &mut Vec<Repair>) -> String {
    let chars = in_string_flags(text);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, inside) = chars[i];
        let dots = if inside {
            0
        } else if c == '…' {
            1
        } else if c == '.' {
            chars[i..].iter().take_while(|(c, _)| *c == '.').count()
        } else {
            0
        };
        if (c == '…' || dots >= 3) && !inside {
            // Remove the elision and one comma before it (or after it, at a list start).
            let trimmed = out.trim_end();
            if trimmed.ends_with(',') {
                out.truncate(trimmed.len() - 1);
            } else {
                let mut j = i + dots;
                while j < chars.len() && chars[j].0.is_whitespace() {
                    j += 1;
                }
                if j < chars.len() && chars[j].0 == ',' {
                    // Skip to the comma, so that it goes with the elision below.
                    i = j + 1 - if c == '…' { 1 } else { dots };
                }
            }
            i += if c == '…' { 1 } else { dots };
            done.push(Repair::Elision);
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fixed(text: &str) -> (serde_json::Value, Vec<Repair>) {
        let (t, r) = repair(text).expect("repairable");
        (
            serde_json::from_str(&t).unwrap_or_else(|e| panic!("{e}: {t}")),
            r,
        )
    }

    #[test]
    fn repairs() {
        assert_eq!(
            fixed("{\"a\": [1, 2,],\n \"b\": 3,\n}"),
            (json!({"a": [1, 2], "b": 3}), vec![Repair::TrailingComma])
        );
        assert_eq!(
            fixed("{\"url\": \"https://obs.example.com/buck\n    et/key\", \"n\": 1}"),
            (
                json!({"url": "https://obs.example.com/bucket/key", "n": 1}),
                vec![Repair::WrappedString]
            )
        );
        assert_eq!(
            fixed("{\"items\": [{\"id\": 1}, ...], \"x\": \"a...b\"}"),
            (
                json!({"items": [{"id": 1}], "x": "a...b"}),
                vec![Repair::Elision]
            )
        );
        assert_eq!(
            fixed("{\"items\": [ … , {\"id\": 1}]}"),
            (json!({"items": [{"id": 1}]}), vec![Repair::Elision])
        );
        assert_eq!(fixed("{\"a\": 1,\n ...\n}").0, json!({"a": 1}));
        assert!(repair("{\"a\": 1}").is_none());
        // Escaped quotes do not end a string.
        assert!(repair("{\"a\": \"x\\\", ...\"}").is_none());
    }
}
