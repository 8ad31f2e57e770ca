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
        || head
            .lines()
            .any(|l| l.starts_with(".. _") || l.starts_with(".. table::"))
        || rst_title_underline(&head)
    {
        return Format::Rst;
    }
    // Huawei markdown pages open with an anchored heading: `# Title<a name="…"></a>`.
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.starts_with('#') && first.contains("<a name=") {
        return Format::HuaweiMarkdown;
    }
    // PDF-converted text has TAB-separated table rows (and TOC lines with TAB leaders) outside
    // code fences; markdown pages have tabs only inside code.
    let mut in_fence = false;
    let mut tabbed = 0;
    for line in text.lines().take(5000) {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && line.contains('\t') && !line.starts_with('\t') {
            tabbed += 1;
        }
    }
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

/// Largest input file read, in bytes, unless `DOCBIND_MAX_INPUT_BYTES` says otherwise. Reading
/// costs about 5 bytes of memory per input byte (README, "Limits"); a reference of many pages
/// is a few MB, so 256 MiB leaves room while keeping a wrong input (a disk image, a log) from
/// exhausting memory.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The input size limit in force: `DOCBIND_MAX_INPUT_BYTES` (a byte count) or the default.
pub fn max_input_bytes() -> Result<u64, InputError> {
    match std::env::var("DOCBIND_MAX_INPUT_BYTES") {
        Err(_) => Ok(DEFAULT_MAX_INPUT_BYTES),
        Ok(v) => v.trim().parse().map_err(|_| InputError {
            file: "DOCBIND_MAX_INPUT_BYTES".into(),
            reason: format!("`{v}` is not a byte count"),
        }),
    }
}

/// Load a file from disk, rejecting missing, non-regular (devices, FIFOs, sockets: they never
/// end or block), oversized, empty, binary and non-UTF-8 inputs.
pub fn load_file(path: &Path) -> Result<String, InputError> {
    load_file_limited(path, max_input_bytes()?)
}

/// [`load_file`] with an explicit size limit in bytes.
pub fn load_file_limited(path: &Path, max_bytes: u64) -> Result<String, InputError> {
    use std::io::Read;
    let file = path.display().to_string();
    let err = |reason: &str| InputError {
        file: file.clone(),
        reason: reason.to_string(),
    };
    // Checked before opening: opening a FIFO blocks until a writer appears.
    let meta = std::fs::metadata(path).map_err(|e| err(&format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(err(
            "not a regular file (a directory, device, FIFO or socket)",
        ));
    }
    let too_big = || {
        err(&format!(
            "larger than the input limit of {max_bytes} bytes (DOCBIND_MAX_INPUT_BYTES)"
        ))
    };
    if meta.len() > max_bytes {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| err(&format!("cannot read: {e}")))?;
    // The file may have grown since its size was checked.
    if bytes.len() as u64 > max_bytes {
        return Err(too_big());
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err("empty input"));
    }
    if bytes.contains(&0) {
        return Err(err("binary input (contains NUL bytes)"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        err(&format!(
            "not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// The name a source goes by in provenance (`x-docbind-source`, `Source:` docs, diagnostics):
/// relative to `base` (the working directory), so that outputs generated from the same tree on
/// two machines are identical whether inputs were named by absolute or relative paths. A
/// relative path is kept as given; an absolute one outside `base` is reached with `..`.
pub fn provenance_name(path: &Path, base: &Path) -> String {
    use std::path::Component;
    if path.is_relative() || base.is_relative() {
        return path.display().to_string();
    }
    let (p, b): (Vec<Component>, Vec<Component>) =
        (path.components().collect(), base.components().collect());
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.display().to_string();
    }
    let mut rel = std::path::PathBuf::new();
    for _ in common..b.len() {
        rel.push("..");
    }
    rel.extend(&p[common..]);
    // Provenance is text in committed outputs: `/` on every platform.
    rel.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(
            detect_format(
                "# 认证鉴权<a name=\"x\"></a>\n\n```\n{\n\t\"a\":\t1,\n\t\"b\":\t2\n}\n```\n"
            ),
            Format::HuaweiMarkdown
        );
        let code_with_tabs = "# Title\n\n```\na\tb\nc\td\ne\tf\ng\th\ni\tj\n```\n";
        assert_eq!(detect_format(code_with_tabs), Format::HuaweiMarkdown);
        let pdf = "目录\n1 概述\t1\n2 调用\t3\n3 API\t5\n\n表 1-1 参数\n参数\t类型\t描述\na\tString\tx\nb\tString\ty\n";
        assert_eq!(detect_format(pdf), Format::PdfText);
        assert_eq!(
            detect_format(":original_name: x.html\n\nTitle\n=====\n"),
            Format::Rst
        );
        assert_eq!(detect_format("Title\n=====\n\ntext\n"), Format::Rst);
    }

    #[test]
    fn provenance_is_relative_to_the_base() {
        let base = Path::new("/home/a/repo");
        let name = |p: &str| provenance_name(Path::new(p), base);
        assert_eq!(name("/home/a/repo/spec/docs/x.txt"), "spec/docs/x.txt");
        assert_eq!(name("/home/a/other/y.md"), "../other/y.md");
        assert_eq!(name("spec/docs/x.txt"), "spec/docs/x.txt");
        assert_eq!(name("../z.md"), "../z.md");
    }
}
