//! Request/response examples from code blocks: request lines stripped, JSON parsed, pieces split
//! by page breaks re-joined when only the joined text is valid JSON.

use super::sections::parse_request_line;
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::ir::{Example, ExampleValue};

/// What a code block holds once its request line (if any) is removed.
#[derive(Debug, Clone)]
pub struct CodeExample {
    pub request_line: Option<super::sections::RequestLine>,
    pub body: String,
    pub span: Span,
}

/// A code block whose first line is a status line (`Http Status Code: 200`, then the body, or
/// `STATUS CODE 204` alone): the status and the rest of the block (empty for a line alone).
pub fn split_status_line(code: &str) -> Option<(String, &str)> {
    let code = code.trim_start();
    let (first, rest) = code.split_once('\n').unwrap_or((code, ""));
    let status = super::vocab::status_line(first)?;
    Some((status, rest))
}

pub fn split_request_line(code: &str, span: &Span) -> CodeExample {
    let mut lines = code.lines();
    let mut request_line = None;
    let mut rest_start = 0usize;
    let mut target_only = false;
    for line in lines.by_ref() {
        if line.trim().is_empty() {
            rest_start += line.len() + 1;
            continue;
        }
        if let Some(rl) = parse_request_line(line.trim()) {
            request_line = Some(rl);
            rest_start += line.len() + 1;
        } else if is_bare_target(line) && looks_like_json(&code[rest_start + line.len()..]) {
            // `/drs/v2.0/0002…/replication_task` alone above the body: the request's target
            // written without its method.
            target_only = true;
            rest_start += line.len() + 1;
        }
        break;
    }
    let body = if request_line.is_some() || target_only {
        code.get(rest_start.min(code.len())..)
            .unwrap_or("")
            .trim()
            .to_string()
    } else {
        code.trim().to_string()
    };
    CodeExample {
        request_line,
        body,
        span: span.clone(),
    }
}

/// A line that is one path or URL and nothing else (`/v2.0/…/replication_task`).
fn is_bare_target(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with('/') || t.starts_with("https://") || t.starts_with("http://"))
        && !t.contains(char::is_whitespace)
        && t.len() > 1
}

fn looks_like_json(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with('{') || t.starts_with('[')
}

/// Parse an example body. Non-JSON-looking text (XML, plain text, code) is kept as text without
/// complaint; JSON-looking text that does not parse is kept as text with a diagnostic.
pub fn example_value(body: &str, span: &Span, diags: &mut Diagnostics) -> Option<Example> {
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(mut v) => {
            let elided = strip_elisions(&mut v);
            if elided > 0 {
                diags.add(
                    span,
                    catalogue::EXAMPLE_ELISION,
                    format!("example marks {elided} omitted array item(s) with an ellipsis string; removed"),
                );
            }
            Some(Example {
                value: ExampleValue::Json(v),
                span: span.clone(),
            })
        }
        Err(e) => {
            if !looks_like_json(body) {
                return Some(Example {
                    value: ExampleValue::Text(body.to_string()),
                    span: span.clone(),
                });
            }
            // Layout damage and elisions the documentation is full of: repaired, and said so.
            let repair = super::json_repair::repair(body);
            let repaired = repair.as_ref().and_then(|(text, repairs)| {
                serde_json::from_str::<serde_json::Value>(text)
                    .ok()
                    .map(|v| (v, repairs))
            });
            match repaired {
                Some((mut v, repairs)) => {
                    strip_elisions(&mut v);
                    let what: Vec<&str> = repairs.iter().map(|r| r.describe()).collect();
                    diags.add(
                        span,
                        crate::diag::catalogue::EXAMPLE_REPAIRED,
                        format!(
                            "example is not valid JSON ({e}); repaired: {}",
                            what.join(", ")
                        ),
                    );
                    Some(Example {
                        value: ExampleValue::Json(v),
                        span: span.clone(),
                    })
                }
                None => {
                    // Cut short by the page: what it shows is read, never checked.
                    let base = repair.as_ref().map_or(body, |(t, _)| t.as_str());
                    if let Some((mut v, n)) = super::json_repair::close_cut_short(base) {
                        strip_elisions(&mut v);
                        diags.add(
                            span,
                            catalogue::EXAMPLE_CUT_SHORT,
                            format!("example is not valid JSON ({e}): it stops inside its structure; closed where it stops ({n} open bracket{}): the keys it shows are read, it is not checked against the schema", if n == 1 { "" } else { "s" }),
                        );
                        return Some(Example {
                            value: ExampleValue::Partial(v),
                            span: span.clone(),
                        });
                    }
                    diags.add(
                        span,
                        catalogue::EXAMPLE_INVALID_JSON,
                        format!("example is not valid JSON ({e}); kept as text"),
                    );
                    Some(Example {
                        value: ExampleValue::Text(body.to_string()),
                        span: span.clone(),
                    })
                }
            }
        }
    }
}

/// The examples of one code block: usually one; several when the block is not one JSON value
/// but JSON-looking texts separated by lines holding only `Or` / `或` (alternative bodies written
/// in one block), one of which at least parses (repaired if need be). Said with a note; a piece
/// that does not parse is kept as text with its own diagnostic, as any example.
pub fn example_values(body: &str, span: &Span, diags: &mut Diagnostics) -> Vec<Example> {
    let pieces = alternatives(body);
    if pieces.len() < 2 {
        return example_value(body, span, diags).into_iter().collect();
    }
    if !pieces.iter().any(|p| parses_repaired(p)) {
        return example_value(body, span, diags).into_iter().collect();
    }
    diags.add(
        span,
        catalogue::EXAMPLE_ALTERNATIVES,
        format!(
            "code block holds {} JSON values separated by a line saying \"or\": read as {} examples",
            pieces.len(),
            pieces.len()
        ),
    );
    pieces
        .iter()
        .filter_map(|p| example_value(p, span, diags))
        .collect()
}

/// Whether `s` is JSON as it stands or once its layout damage is repaired.
fn parses_repaired(s: &str) -> bool {
    let parses = |s: &str| serde_json::from_str::<serde_json::Value>(s).is_ok();
    parses(s) || super::json_repair::repair(s).is_some_and(|(t, _)| parses(&t))
}

/// `body` cut at separator lines, when it is not one JSON value and every piece looks like JSON.
fn alternatives(body: &str) -> Vec<String> {
    let is_separator = super::vocab::separates_alternatives;
    if !body.lines().any(is_separator)
        || serde_json::from_str::<serde_json::Value>(body.trim()).is_ok()
    {
        return vec![];
    }
    let mut pieces = vec![String::new()];
    for line in body.lines() {
        if is_separator(line) {
            pieces.push(String::new());
        } else if let Some(last) = pieces.last_mut() {
            last.push_str(line);
            last.push('\n');
        }
    }
    let pieces: Vec<String> = pieces.into_iter().map(|p| p.trim().to_string()).collect();
    if pieces.iter().all(|p| looks_like_json(p)) {
        pieces
    } else {
        vec![]
    }
}

/// An array item that is only an ellipsis (`"..."`, `"....."`, `"…"`) says "more items like
/// these", not a value: documentation writes it inside arrays of objects, where a string is not
/// a valid item. Removed (recursively); returns how many.
fn strip_elisions(v: &mut serde_json::Value) -> usize {
    let is_elision = |item: &serde_json::Value| {
        item.as_str().is_some_and(|s| {
            let t = s.trim();
            let dots = t.chars().filter(|&c| c == '.').count();
            let ellipses = t.chars().filter(|&c| c == '…').count();
            !t.is_empty() && dots + ellipses == t.chars().count() && (dots >= 3 || ellipses >= 1)
        })
    };
    match v {
        serde_json::Value::Array(items) => {
            let before = items.len();
            items.retain(|item| !is_elision(item));
            let mut removed = before - items.len();
            for item in items {
                removed += strip_elisions(item);
            }
            removed
        }
        serde_json::Value::Object(map) => map.values_mut().map(strip_elisions).sum(),
        _ => 0,
    }
}

/// Join consecutive pieces when each alone is invalid JSON but the concatenation is valid: a
/// page break splits a block in two or three, and some converted pages put every line of an
/// example in a block of its own (`{`, then `"connector": {`, …). Past the first few pieces the
/// joined text is only tried where its brackets close, so joining stays linear.
pub fn join_split_pieces(pieces: Vec<CodeExample>) -> Vec<CodeExample> {
    /// Pieces always tried, and the most one example may be made of.
    const NEAR: usize = 8;
    const MOST: usize = 400;
    let mut out: Vec<CodeExample> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let mut current = pieces[i].clone();
        let parses = |s: &str| serde_json::from_str::<serde_json::Value>(s).is_ok();
        if looks_like_json(&current.body) && !parses(&current.body) {
            let mut j = i + 1;
            let mut joined = current.body.clone();
            let mut brackets = Brackets::default();
            brackets.scan(&current.body);
            while j < pieces.len() && pieces[j].request_line.is_none() && j - i <= MOST {
                joined.push('\n');
                joined.push_str(&pieces[j].body);
                brackets.scan(&pieces[j].body);
                // Joined pieces may need the same repairs as one piece (`example_value`
                // makes them).
                if (j - i <= NEAR || brackets.closed()) && parses_repaired(&joined) {
                    current.body = joined.clone();
                    current.span = current.span.join(&pieces[j].span);
                    i = j;
                    break;
                }
                j += 1;
            }
        }
        out.push(current);
        i += 1;
    }
    out
}

/// Bracket depth of JSON-like text read piece by piece, strings skipped.
#[derive(Default)]
struct Brackets {
    depth: i64,
    in_string: bool,
    escaped: bool,
}

impl Brackets {
    fn scan(&mut self, text: &str) {
        for c in text.chars() {
            if self.in_string {
                match c {
                    _ if self.escaped => self.escaped = false,
                    '\\' => self.escaped = true,
                    '"' => self.in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => self.in_string = true,
                '{' | '[' => self.depth += 1,
                '}' | ']' => self.depth -= 1,
                _ => {}
            }
        }
    }

    fn closed(&self) -> bool {
        self.depth <= 0 && !self.in_string
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn request_line_and_joining() {
        let span = Span::new(&Arc::from("f"), 1, 3);
        let c = split_request_line(
            "POST https://endpoint/v1/{project_id}/jobs\n{\n  \"a\": 1\n}",
            &span,
        );
        assert_eq!(c.request_line.unwrap().path, "/v1/{project_id}/jobs");
        assert_eq!(c.body, "{\n  \"a\": 1\n}");
        let pieces = vec![
            split_request_line("{\"a\": [1,", &span),
            split_request_line("2]}", &span),
        ];
        let joined = join_split_pieces(pieces);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].body, "{\"a\": [1,\n2]}");
        let mut d = Diagnostics::new();
        assert!(matches!(
            example_value("{bad", &span, &mut d).unwrap().value,
            ExampleValue::Text(_)
        ));
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn alternatives_written_in_one_block_are_several_examples() {
        let span = Span::new(&Arc::from("f"), 1, 9);
        let mut d = Diagnostics::new();
        let body = "{\"action\": \"create\"}\nOr\n{\"action\": \"delete\",}";
        let values: Vec<ExampleValue> = example_values(body, &span, &mut d)
            .into_iter()
            .map(|e| e.value)
            .collect();
        assert_eq!(
            values,
            [
                ExampleValue::Json(serde_json::json!({"action": "create"})),
                ExampleValue::Json(serde_json::json!({"action": "delete"})),
            ]
        );
        let codes: Vec<&str> = d.iter().map(|x| x.code.as_str()).collect();
        assert_eq!(codes, ["example.alternatives", "example.repaired"]);
        // A string value `or` inside one JSON value, or a piece that is not JSON, splits nothing.
        let mut d = Diagnostics::new();
        let one = "{\"a\": [\n\"x\",\nor\n]}";
        assert_eq!(example_values(one, &span, &mut d).len(), 1);
        let prose = "{\"a\": 1}\nor\nsee the console";
        assert_eq!(example_values(prose, &span, &mut d).len(), 1);
        // A damaged alternative is one invalid example; the other is still read.
        let mut d = Diagnostics::new();
        let damaged = "{\"a\": 1}\n或\n{\"a\": \"x}";
        let values: Vec<bool> = example_values(damaged, &span, &mut d)
            .iter()
            .map(|e| matches!(e.value, ExampleValue::Json(_)))
            .collect();
        assert_eq!(values, [true, false]);
        let codes: Vec<&str> = d.iter().map(|x| x.code.as_str()).collect();
        assert_eq!(codes, ["example.alternatives", "example.invalid-json"]);
    }

    #[test]
    fn ellipsis_items_are_elisions_not_values() {
        let span = Span::new(&Arc::from("f"), 1, 3);
        let mut d = Diagnostics::new();
        let ex = example_value(
            r#"{"items": [{"a": 1}, "....."], "names": ["x", "…"], "text": "...", "dots": ["a.b", ".."]}"#,
            &span,
            &mut d,
        )
        .unwrap();
        assert_eq!(
            ex.value,
            ExampleValue::Json(serde_json::json!({
                "items": [{"a": 1}], "names": ["x"], "text": "...", "dots": ["a.b", ".."]
            })),
            "only array items that are nothing but an ellipsis go; a field's value stays"
        );
        assert_eq!(
            d.iter().map(|x| x.code.as_str()).collect::<Vec<_>>(),
            ["example.elision"]
        );
    }
}
