//! Readers: one per documentation format, each producing a format-neutral [`Document`].
//!
//! Readers own layout recovery (tables split at page breaks, grid tables, HTML tables, escapes);
//! they know nothing about APIs. Extraction owns meaning.

pub mod html;
pub mod lines;
pub mod markdown;
pub mod pdftext;
pub mod rst;

use crate::diag::Diagnostics;
use crate::doc::{Document, Format};
use std::path::Path;
use std::sync::Arc;

/// Why an input file could not be read at all (a one-line error naming the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for InputError {}

/// Guess the format of a page from its content (extension is not reliable: seeds are `.txt`).
pub fn detect_format(text: &str) -> Format {
    let head: String = text.lines().take(60).collect::<Vec<_>>().join("\n");
    // reStructuredText: field list, targets, or a title underline right after the first lines.
    if head.contains(":original_name:")
        || head.lines().any(|l| l.starts_with(".. _") || l.starts_with(".. table::"))
        || rst_title_underline(&head)
    {
        return Format::Rst;
    }
    // PDF-converted text has no HTML tables and many TAB-separated lines or a TOC with TAB leaders.
    let tabbed = text.lines().take(2000).filter(|l| l.contains('\t')).count();
    if !text.contains("<table") && tabbed >= 5 {
        return Format::PdfText;
    }
    Format::HuaweiMarkdown
}

fn rst_title_underline(head: &str) -> bool {
    let lines: Vec<&str> = head.lines().collect();
    lines.windows(2).any(|w| {
        let (title, under) = (w[0].trim_end(), w[1].trim_end());
        !title.is_empty()
            && under.len() >= 3
            && under.chars().all(|c| c == '=')
            && under.chars().count() >= title.chars().count().min(3)
            && !title.starts_with('|')
    })
}

/// Read one document whose text is already loaded.
pub fn read_text(file: &str, text: &str, format: Format) -> (Document, Diagnostics) {
    let file: Arc<str> = Arc::from(file);
    match format {
        Format::HuaweiMarkdown => markdown::read(file, text),
        Format::Rst => rst::read(file, text),
        Format::PdfText => pdftext::read(file, text),
    }
}

/// Load a file from disk, rejecting missing, empty, binary and non-UTF-8 inputs.
pub fn load_file(path: &Path) -> Result<String, InputError> {
    let file = path.display().to_string();
    let err = |reason: &str| InputError { file: file.clone(), reason: reason.to_string() };
    let bytes = std::fs::read(path).map_err(|e| err(&format!("cannot read: {e}")))?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err("empty input"));
    }
    if bytes.contains(&0) {
        return Err(err("binary input (contains NUL bytes)"));
    }
    let text = String::from_utf8(bytes).map_err(|e| err(&format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to())))?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}
