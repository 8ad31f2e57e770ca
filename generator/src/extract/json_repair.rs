//! Repairs of documented JSON examples that do not parse, each named so the caller can say
//! what it changed: strings wrapped over lines by the page layout, `//` remarks written after a
//! value, full-width `，` `：` typed for `,` `:`, a comma missing at a line end, trailing commas
//! (and a comma right after `{` or `[`),
//! and `...` elisions standing for "more of the same". Only these; anything else stays unparsed.

/// What a repair changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Repair {
    /// A line break inside a string (layout wrap) removed.
    WrappedString,
    /// A comma before `}` or `]` removed.
    TrailingComma,
    /// A comma right after `{` or `[` removed (`"provider" : {,`).
    LeadingComma,
    /// A bare `...` / `…` (outside strings) removed with its comma.
    Elision,
    /// A `// remark` after a value (outside strings) removed up to the line end.
    LineComment,
    /// A comma added at a line end between a value and the next member or item.
    MissingComma,
    /// A full-width comma or colon (`，` `：`) or curly quotes (`“` `”`), typed with a Chinese
    /// input method, outside strings read as `,` / `:` / `"`.
    FullWidthPunctuation,
    /// Lines of no JSON after the complete value (the `curl` command sending the body shown
    /// above it) removed.
    TrailingText,
    /// Square brackets around `"key": value` members (`"az_status": [ "eu-de-01": "normal" ]`)
    /// read as the braces of an object.
    BracketedObject,
    /// A value written as a bare word (`"status" : in_progress`, `"flavors":c3.2xlarge.4`) read
    /// as the string it spells.
    BareWord,
}

impl Repair {
    pub fn describe(self) -> &'static str {
        match self {
            Repair::WrappedString => "a string wrapped over lines re-joined",
            Repair::TrailingComma => "a trailing comma removed",
            Repair::LeadingComma => "a comma right after `{` or `[` removed",
            Repair::Elision => "a `...` elision removed",
            Repair::LineComment => "a `//` remark removed",
            Repair::MissingComma => "a missing comma added at a line end",
            Repair::FullWidthPunctuation => {
                "a full-width `，`, `：` or curly quote read as `,`, `:` or `\"`"
            }
            Repair::TrailingText => "lines of no JSON after the value removed",
            Repair::BracketedObject => {
                "square brackets around `\"key\": value` members read as braces"
            }
            Repair::BareWord => "a value written as a bare word read as a string",
        }
    }
}

/// `text` repaired, with the repairs made (in order, each kind once), or `None` when nothing
/// was repairable.
pub fn repair(text: &str) -> Option<(String, Vec<Repair>)> {
    let mut done = Vec::new();
    // First, so a command line after the value is not read as a `//` remark or full-width
    // punctuation; again last, for a value that parses only once repaired.
    let mut out = drop_trailing_text(text, &mut done);
    out = join_wrapped_strings(&out, &mut done);
    out = drop_line_comments(&out, &mut done);
    out = ascii_punctuation(&out, &mut done);
    out = quote_bare_words(&out, &mut done);
    out = add_missing_commas(&out, &mut done);
    out = drop_elisions(&out, &mut done);
    out = drop_trailing_commas(&out, &mut done);
    out = bracketed_objects(&out, &mut done);
    out = drop_trailing_text(&out, &mut done);
    done.sort();
    done.dedup();
    (!done.is_empty()).then_some((out, done))
}

/// Text after the complete JSON value, on lines of its own, that cannot continue JSON (`curl -k
/// -X PUT …` below the body it sends) cut off. Another value or a bracket after it is left
/// alone: that is two examples or a damaged one, not a remark.
fn drop_trailing_text(text: &str, done: &mut Vec<Repair>) -> String {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    if !matches!(values.next(), Some(Ok(_))) {
        return text.to_string();
    }
    let end = values.byte_offset();
    let after = text[end..].trim_start_matches([' ', '\t', '\r']);
    let next = after.trim_start();
    // A value further down is another example under a label of its own (`Microsoft SQL Server
    // 创建局部备份 请求样例：` then `{…}`), not a remark to cut.
    let another_value = next.lines().any(|l| l.trim_start().starts_with(['{', '[']));
    if !after.starts_with('\n')
        || next.is_empty()
        || next.starts_with(['"', ',', ']', '}', ':'])
        || another_value
    {
        return text.to_string();
    }
    done.push(Repair::TrailingText);
    text[..end].to_string()
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

/// `// remark` outside strings, to the end of its line.
fn drop_line_comments(text: &str, done: &mut Vec<Repair>) -> String {
    let chars = in_string_flags(text);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, inside) = chars[i];
        if c == '/' && !inside && chars.get(i + 1).is_some_and(|&(n, _)| n == '/') {
            while i < chars.len() && chars[i].0 != '\n' {
                i += 1;
            }
            done.push(Repair::LineComment);
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// `，`, `：` and curly quotes `“` `”` outside strings, where JSON can only mean `,`, `:` and
/// `"` (`“wildcard_number”:2`). Curly quotes inside strings are text.
fn ascii_punctuation(text: &str, done: &mut Vec<Repair>) -> String {
    let mut curly_open = false;
    in_string_flags(text)
        .into_iter()
        .map(|(c, inside)| match c {
            '，' | '：' if !inside => {
                done.push(Repair::FullWidthPunctuation);
                if c == '，' {
                    ','
                } else {
                    ':'
                }
            }
            // Outside JSON strings a curly quote delimits one: what it encloses (a key) is
            // still outside by the ASCII reading, so the pair is tracked here. Either curly
            // quote may open or close (`”FINISHED”`: the same one on both sides).
            '“' | '”' if !inside && !curly_open => {
                curly_open = true;
                done.push(Repair::FullWidthPunctuation);
                '"'
            }
            '“' | '”' if !inside && curly_open => {
                curly_open = false;
                '"'
            }
            c => c,
        })
        .collect()
}

/// A line ending in a complete value (a closing quote, a digit, `}`, `]`, `true`, `false`,
/// `null`) followed by a line starting a member or an item (`"`, `{`, `[`, a number) needs a
/// comma there.
fn add_missing_commas(text: &str, done: &mut Vec<Repair>) -> String {
    let chars = in_string_flags(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &(c, inside)) in chars.iter().enumerate() {
        if c == '\n' && !inside {
            let before = out.trim_end();
            let ends_value = before.ends_with(['"', '}', ']'])
                || before.ends_with(|ch: char| ch.is_ascii_digit())
                || ["true", "false", "null"]
                    .iter()
                    .any(|w| before.ends_with(w));
            let next = chars[i + 1..]
                .iter()
                .map(|(c, _)| *c)
                .find(|c| !c.is_whitespace());
            // A closing quote ending a key (`"a"` then `: 1` on the next line) is no value:
            // the next line would start with `:`, which is not a start.
            let starts_value = |c: char| matches!(c, '"' | '{' | '[' | '-') || c.is_ascii_digit();
            if ends_value && next.is_some_and(starts_value) {
                let cut = before.len();
                out.insert(cut, ',');
                done.push(Repair::MissingComma);
            }
        }
        out.push(c);
    }
    out
}

/// JSON that stops inside its structure (a page break ate the rest: `{"steps": [{"name":
/// "a",`): closed where it stops — an open string ended, a dangling comma or key dropped, the
/// open arrays and objects closed in order. `None` when the text is not cut short (every
/// bracket closed, or a closer that does not match what is open: damage of another kind), or
/// when closing does not make it parse. Returns the value and how many brackets were closed.
pub fn close_cut_short(text: &str) -> Option<(serde_json::Value, usize)> {
    let chars = in_string_flags(text);
    let mut open: Vec<char> = Vec::new();
    for &(c, inside) in &chars {
        if inside {
            continue;
        }
        match c {
            '{' => open.push('}'),
            '[' => open.push(']'),
            // The guard pops what the closer closes; a mismatch is damage of another kind.
            '}' | ']' if open.pop() != Some(c) => return None,
            _ => {}
        }
    }
    if open.is_empty() {
        return None;
    }
    let mut body = text.trim_end().to_string();
    if ends_inside_string(&body) {
        // A string that swallowed the closers after it lost its closing quote (a typo, not a
        // cut): `"error_msg": "name is missing` then `}`.
        if body.ends_with(['}', ']']) {
            return None;
        }
        body.push('"');
    }
    let closers: String = open.iter().rev().collect();
    // As it stands; without a dangling comma; without a dangling key (`"name":` or `"name"`).
    let mut candidates = vec![body.clone()];
    let no_comma = body.trim_end().trim_end_matches(',').trim_end().to_string();
    candidates.push(no_comma.clone());
    let without_key = no_comma.trim_end_matches(':').trim_end();
    if let Some(key_start) = without_key.strip_suffix('"').and_then(|t| t.rfind('"')) {
        candidates.push(
            without_key[..key_start]
                .trim_end()
                .trim_end_matches(',')
                .trim_end()
                .to_string(),
        );
    }
    candidates
        .into_iter()
        .find_map(|c| serde_json::from_str(&(c + &closers)).ok())
        .map(|v| (v, open.len()))
}

/// Whether `text` stops inside a string literal.
fn ends_inside_string(text: &str) -> bool {
    let (mut inside, mut escaped) = (false, false);
    for c in text.chars() {
        if escaped {
            escaped = false;
        } else if inside && c == '\\' {
            escaped = true;
        } else if c == '"' {
            inside = !inside;
        }
    }
    inside
}

/// Commas standing where no value ends or begins: before `}` / `]`, and right after `{` / `[`.
fn drop_trailing_commas(text: &str, done: &mut Vec<Repair>) -> String {
    let chars = in_string_flags(text);
    let mut out = String::with_capacity(text.len());
    // The last character kept outside strings that is not white space.
    let mut last: Option<char> = None;
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
            if matches!(last, Some('{') | Some('[')) {
                done.push(Repair::LeadingComma);
                continue;
            }
        }
        if inside {
            last = Some('"');
        } else if !c.is_whitespace() {
            last = Some(c);
        }
        out.push(c);
    }
    out
}

/// A member's value written without quotes (`: in_progress`, `: c3.2xlarge.4`): a word that
/// starts with a letter and is no JSON literal, up to the next `,`, `}`, `]` or white space,
/// gets its quotes.
fn quote_bare_words(text: &str, done: &mut Vec<Repair>) -> String {
    let chars = in_string_flags(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let (c, inside) = chars[i];
        out.push(c);
        i += 1;
        if c != ':' || inside {
            continue;
        }
        while i < chars.len() && matches!(chars[i].0, ' ' | '\t') {
            out.push(chars[i].0);
            i += 1;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].0.is_ascii_alphanumeric() || matches!(chars[i].0, '_' | '-' | '.'))
        {
            i += 1;
        }
        let word: String = chars[start..i].iter().map(|(c, _)| *c).collect();
        let ends = chars
            .get(i)
            .is_none_or(|(c, _)| c.is_whitespace() || matches!(c, ',' | '}' | ']'));
        // A placeholder (`xxx`: one letter repeated) stands for a value of the documented
        // type, not for that text: left alone, the example stays unparsed.
        let placeholder = word.chars().all(|c| word.starts_with(c));
        let bare = word.starts_with(|c: char| c.is_ascii_alphabetic())
            && !matches!(word.as_str(), "true" | "false" | "null")
            && !placeholder
            && ends;
        if bare {
            done.push(Repair::BareWord);
            out.push('"');
            out.push_str(&word);
            out.push('"');
        } else {
            out.push_str(&word);
        }
    }
    out
}

/// `[` whose first item is a string followed by `:` opens an object written with the wrong
/// brackets: it and its matching `]` become `{` and `}`.
fn bracketed_objects(text: &str, done: &mut Vec<Repair>) -> String {
    let chars = in_string_flags(text);
    let mut out: Vec<char> = chars.iter().map(|(c, _)| *c).collect();
    // Open brackets outside strings: position, and whether it opens a member list.
    let mut open: Vec<(usize, bool)> = Vec::new();
    for (i, &(c, inside)) in chars.iter().enumerate() {
        if inside {
            continue;
        }
        match c {
            '[' | '{' => open.push((i, c == '[' && opens_members(&chars, i))),
            ']' | '}' => {
                if let Some((at, true)) = open.pop() {
                    if c == ']' {
                        out[at] = '{';
                        out[i] = '}';
                        done.push(Repair::BracketedObject);
                    }
                }
            }
            _ => {}
        }
    }
    out.into_iter().collect()
}

/// Whether the `[` at `at` is followed by a string and then `:` (a member, not an item).
fn opens_members(chars: &[(char, bool)], at: usize) -> bool {
    let mut rest = chars[at + 1..]
        .iter()
        .skip_while(|(c, _)| c.is_whitespace());
    if !matches!(rest.next(), Some(('"', false))) {
        return false;
    }
    let mut after = rest.skip_while(|(_, inside)| *inside);
    matches!(after.find(|(c, _)| !c.is_whitespace()), Some((':', false)))
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
    fn bare_word_values() {
        assert_eq!(
            fixed("{\"status\" : in_progress,\n\"flavor\":c3.2xlarge.4, \"on\": true, \"n\": null, \"url\": \"a: b c\"}"),
            (
                json!({"status": "in_progress", "flavor": "c3.2xlarge.4", "on": true, "n": null, "url": "a: b c"}),
                vec![Repair::BareWord]
            )
        );
        // Numbers, literals and placeholders are no bare words.
        assert!(repair("{\"a\": 12, \"b\": -1.5e3, \"c\": false}").is_none());
        assert!(repair("{\"engine_type\": xxx}").is_none());
    }

    #[test]
    fn members_in_square_brackets() {
        assert_eq!(
            fixed("{\"az\": [\n  \"eu-de-01\": \"normal\",\n  \"eu-de-02\": \"x[y]\"\n], \"l\": [\"a\", \"b: c\"]}"),
            (
                json!({"az": {"eu-de-01": "normal", "eu-de-02": "x[y]"}, "l": ["a", "b: c"]}),
                vec![Repair::BracketedObject]
            )
        );
    }

    #[test]
    fn text_after_the_value() {
        assert_eq!(
            fixed("{\n  \"name\": \"helloworld\"\n}\ncurl -k -X PUT -H \"X-Auth-Token: $token\" https://x/v2/t"),
            (json!({"name": "helloworld"}), vec![Repair::TrailingText])
        );
        // A second value (under a label of its own), or more on the value's own line, is no
        // remark to cut.
        for text in [
            "{\"a\": 1}\n{\"b\": 2}",
            "{\"a\": 1}\n\nSQL Server variant:\n{\"b\": 2}",
            "{\"a\": 1} trailing",
        ] {
            let cut = repair(text).is_some_and(|(_, r)| r.contains(&Repair::TrailingText));
            assert!(!cut, "{text}");
        }
    }

    #[test]
    fn repairs() {
        assert_eq!(
            fixed("{\"a\": [1, 2,],\n \"b\": 3,\n}"),
            (json!({"a": [1, 2], "b": 3}), vec![Repair::TrailingComma])
        );
        assert_eq!(
            fixed("{\"status\":”FINISHED”, \"n\": 1}"),
            (
                json!({"status": "FINISHED", "n": 1}),
                vec![Repair::FullWidthPunctuation]
            )
        );
        assert_eq!(
            fixed("{\"a\": \"say “hi”\",\n“b”:2}"),
            (
                json!({"a": "say “hi”", "b": 2}),
                vec![Repair::FullWidthPunctuation]
            )
        );
        assert_eq!(
            fixed("{\"p\": {,\n \"a\": \"x,\"}, \"q\": [, 1]}"),
            (
                json!({"p": {"a": "x,"}, "q": [1]}),
                vec![Repair::LeadingComma]
            )
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
        assert_eq!(
            fixed("{\"az\": \"a-b\",//For example, a-b.\n \"url\": \"https://x/y\"\n}"),
            (
                json!({"az": "a-b", "url": "https://x/y"}),
                vec![Repair::LineComment]
            )
        );
        assert_eq!(
            fixed("{\"a\": \"x\"\n  \"b\": [1\n 2]\n  \"c\": {}\n}"),
            (
                json!({"a": "x", "b": [1, 2], "c": {}}),
                vec![Repair::MissingComma]
            )
        );
        assert_eq!(
            fixed("{\"tags\": [{\"key\"： \"k，1\"，\n \"value\": \"v：1\"}]}"),
            (
                json!({"tags": [{"key": "k，1", "value": "v：1"}]}),
                vec![Repair::FullWidthPunctuation]
            )
        );
        assert!(repair("{\"a\": 1}").is_none());
        let closed = close_cut_short;
        assert_eq!(
            closed("{\"steps\": [{\"name\": \"a\",\n \"type\": \"job\",\n \"inputs\": [ {"),
            Some((
                json!({"steps": [{"name": "a", "type": "job", "inputs": [{}]}]}),
                5
            ))
        );
        assert_eq!(
            closed("{\"name\": \"x\",\n \"description\": \"cut her"),
            Some((json!({"name": "x", "description": "cut her"}), 1))
        );
        assert_eq!(
            closed("{\"name\": \"x\",\n \"config\":"),
            Some((json!({"name": "x"}), 1))
        );
        assert!(
            close_cut_short("{\"msg\": \"name is missing}").is_none(),
            "a closing quote missing, not a cut"
        );
        // Every bracket closed, or a closer that does not match: not cut short.
        assert!(close_cut_short("{\"a\": 1}").is_none());
        assert!(close_cut_short("{\"a\": [1}").is_none());
        // A text ending in a closer with brackets still open (a closer lost inside) is
        // closed at the end all the same; the note says how many were open.
        assert_eq!(
            closed("{\"x\": {\"a\": 1}"),
            Some((json!({"x": {"a": 1}}), 1))
        );
        // A value already followed by its comma, or the last member, needs nothing.
        assert!(repair("{\"a\": 1,\n \"b\": [\n 2\n ]\n}").is_none());
        // Escaped quotes do not end a string.
        assert!(repair("{\"a\": \"x\\\", ...\"}").is_none());
    }
}
