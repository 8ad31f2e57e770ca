//! Diagnostics are values: every stage returns them next to its output so that nothing is
//! dropped silently and nothing panics on bad input. The CLI decides how to print them.

pub mod catalogue;

pub use catalogue::Code;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Where something came from: a file and a 1-based, inclusive line range.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub file: Arc<str>,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: &Arc<str>, start: u32, end: u32) -> Self {
        Span {
            file: file.clone(),
            start,
            end: end.max(start),
        }
    }
    /// Smallest span covering both (same file assumed; the first one's file wins).
    pub fn join(&self, other: &Span) -> Span {
        Span {
            file: self.file.clone(),
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.start)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: a fact the user may want to know (e.g. a free-form object).
    Note,
    /// Something was guessed or skipped; `--deny-warnings` turns these into a failure.
    Warning,
    /// The input could not be used at all.
    Error,
}

/// A stable, machine-readable diagnostic. `code` never changes meaning between releases
/// (tests and overlay files refer to it), `message` is for humans.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    pub span: Span,
    pub severity: Severity,
    pub code: String,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.span.file, self.span.start, self.code, self.message
        )
    }
}

/// An append-only bag of diagnostics that stages pass around.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }
    fn push(&mut self, span: &Span, severity: Severity, code: &str, message: impl Into<String>) {
        self.0.push(Diagnostic {
            span: span.clone(),
            severity,
            code: code.to_string(),
            message: message.into(),
        });
    }
    /// Record a diagnostic of a catalogued code, at the code's severity.
    pub fn add(&mut self, span: &Span, code: Code, message: impl Into<String>) {
        self.push(span, code.severity, code.id, message)
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0)
    }
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|d| d.severity == severity).count()
    }
    /// Deterministic order: by file, line, code, message.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.span.file, a.span.start, &a.code, &a.message).cmp(&(
                &b.span.file,
                b.span.start,
                &b.code,
                &b.message,
            ))
        });
        self.0.dedup();
    }
}
