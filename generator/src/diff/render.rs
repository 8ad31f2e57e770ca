//! A diff [`Report`] as text for people (grouped by operation, file:line on both sides), JSON
//! for machines, or markdown for a pull-request comment.

use super::rules::Level;
use super::{Finding, Report};
use crate::diag::Span;

fn span(s: &Option<Span>) -> String {
    s.as_ref().map_or("-".to_string(), Span::to_string)
}

fn summary(r: &Report) -> String {
    format!(
        "{} breaking, {} warning, {} info ({} ignored); the generated crate needs a {} version bump",
        r.count(Level::Breaking),
        r.count(Level::Warning),
        r.count(Level::Info),
        r.ignored.len(),
        r.semver
    )
}

/// Findings of one operation at a time, in report order.
fn by_operation(findings: &[Finding]) -> impl Iterator<Item = &[Finding]> {
    findings.chunk_by(|a, b| a.operation == b.operation)
}

pub fn text(r: &Report) -> String {
    let mut out = String::new();
    for group in by_operation(&r.findings) {
        out.push_str(&group[0].operation);
        out.push('\n');
        for f in group {
            let at = if f.location.is_empty() {
                String::new()
            } else {
                format!(" at {}", f.location)
            };
            out.push_str(&format!(
                "  {:<8} {}{at}: {}\n           old {}  new {}  [{}]\n",
                f.level.as_str(),
                f.rule,
                f.message,
                span(&f.old),
                span(&f.new),
                f.fingerprint
            ));
        }
    }
    out.push_str(&summary(r));
    out.push('\n');
    out
}

pub fn json(r: &Report) -> String {
    let value = serde_json::json!({
        "summary": {
            "breaking": r.count(Level::Breaking),
            "warning": r.count(Level::Warning),
            "info": r.count(Level::Info),
            "ignored": r.ignored.len(),
            "semver": r.semver,
        },
        "findings": r.findings,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// Markdown cells may not hold `|` or line breaks.
fn cell(t: &str) -> String {
    t.replace('|', "\\|").replace('\n', " ")
}

pub fn markdown(r: &Report) -> String {
    let mut out = format!("## docbind diff\n\n{}.\n", summary(r));
    for group in by_operation(&r.findings) {
        out.push_str(&format!(
            "\n### `{}`\n\n| level | rule | where | change | old | new | fingerprint |\n|---|---|---|---|---|---|---|\n",
            group[0].operation
        ));
        for f in group {
            out.push_str(&format!(
                "| {} | `{}` | `{}` | {} | {} | {} | `{}` |\n",
                f.level.as_str(),
                f.rule,
                cell(&f.location),
                cell(&f.message),
                cell(&span(&f.old)),
                cell(&span(&f.new)),
                f.fingerprint
            ));
        }
    }
    out
}
