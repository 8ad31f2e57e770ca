//! Reader for text converted from a PDF API reference.
//!
//! Such a file mixes two layouts, and both are recognised everywhere (no fixed boundary):
//! - bare numbered title lines (`4.2 新建 Workflow`) with bare sub-section lines (`URI`) and
//!   TAB-separated tables whose cells may hold an unclosed `<ul>` with `•` items;
//! - markdown headings whose `#` level ignores the numbering, pipe tables with HTML in cells.
//!
//! Layout recovery done here: the table of contents is skipped (and used to confirm titles),
//! heading levels come from section numbers, table pieces split at page breaks are joined
//! (including rows split across the break), captions glued to a preceding status line are
//! split off, `<br>`/`<ul>`/`<li>` become paragraphs and list items. Text is otherwise kept
//! as written; see `tables` for why wrapped identifiers are not repaired here.

mod headings;
mod inline;
mod tables;
mod toc;

use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{Block, BlockKind, Document, Format};
use headings::{Levels, SectionNumber};
use regex::Regex;
use std::sync::{Arc, LazyLock};
use tables::{line_no, RawTable};
use toc::Toc;

pub use inline::parse_rich;

/// `表 4-3 响应 Body 参数`, `**表 20-544** 响应参数`, `Table 3 …`.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*)?(?:表|Table)\s*\d+(?:[-.]\d+)?(?:\*\*)?(?:\s|$)").expect("valid regex")
});
/// A bold caption glued to the end of the previous line: `状态码：404**表 8-106** 响应 Header 参数`.
static GLUED_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.*?\S)\s*(\*\*(?:表|Table)\s*\d+(?:[-.]\d+)?\*\*.*)$").expect("valid regex")
});
static FENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*)(?:[-*+]\s+)?(```+|~~~+)\s*([^`\s]*)\s*$").expect("valid regex")
});
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#{1,6}\s+(.*?)\s*#*\s*$").expect("valid regex"));
/// Block-level list items: `- x`, `• x` (marker dropped) and `2. x`, `a) x` (marker kept: step
/// numbers are referred to from the text).
static BULLET_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\s*)[-*+•●]\s+(.*)$").expect("valid regex"));
static ORDERED_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\s*)(?:\d+|[a-z])[.)]\s+\S").expect("valid regex"));
/// Terminal punctuation: a line ending like a sentence is not a title.
const SENTENCE_END: &[char] = &['。', '：', ':', '；', ';', '，', ',', '!', '！', '?', '？'];

/// Read PDF-converted text into the format-neutral document.
pub fn read(file: Arc<str>, text: &str) -> (Document, Diagnostics) {
    let lines: Vec<&str> = text.lines().collect();
    let mut reader = Reader::new(&file, &lines);
    reader.run();
    let (blocks, diags) = reader.finish();
    (
        Document {
            file,
            format: Format::PdfText,
            blocks,
        },
        diags,
    )
}

struct Reader<'a> {
    file: &'a Arc<str>,
    lines: &'a [&'a str],
    toc: Option<Toc>,
    toc_seen: Vec<bool>,
    levels: Levels,
    blocks: Vec<Block>,
    diags: Diagnostics,
    /// The last table, kept open while only blank lines follow: the next piece may continue it.
    open_table: Option<RawTable>,
    /// Line indexes of the paragraph being collected.
    para: Vec<usize>,
}

impl<'a> Reader<'a> {
    fn new(file: &'a Arc<str>, lines: &'a [&'a str]) -> Self {
        let toc = Toc::find(lines);
        let toc_seen = vec![false; toc.as_ref().map_or(0, |t| t.entries.len())];
        Reader {
            file,
            lines,
            toc,
            toc_seen,
            levels: Levels::default(),
            blocks: Vec::new(),
            diags: Diagnostics::new(),
            open_table: None,
            para: Vec::new(),
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, line_no(start), line_no(end))
    }

    fn run(&mut self) {
        let toc_range = self.toc.as_ref().map(|t| (t.start, t.end));
        if let (Some((start, end)), Some(toc)) = (toc_range, &self.toc) {
            let span = self.span(start, end.saturating_sub(1));
            self.diags.add(
                &span,
                catalogue::READ_PDF_TOC_SKIPPED,
                format!(
                    "table of contents with {} entries skipped",
                    toc.entries.len()
                ),
            );
        }
        let mut i = 0;
        while i < self.lines.len() {
            if let Some((start, end)) = toc_range {
                if i == start {
                    self.flush_paragraph();
                    i = end;
                    continue;
                }
            }
            i = self.step(i);
        }
        self.flush_paragraph();
        self.close_table();
    }

    /// Handle the construct starting at line `i`; returns the next line to look at.
    fn step(&mut self, i: usize) -> usize {
        let line = self.lines[i];
        if line.trim().is_empty() {
            self.flush_paragraph();
            return i + 1;
        }
        if let Some(c) = FENCE.captures(line) {
            self.flush_paragraph();
            let indent = c.get(1).map_or(0, |m| m.as_str().len());
            let fence = c[2].to_string();
            let lang = Some(c[3].to_string()).filter(|l| !l.is_empty());
            return self.code(i, indent, &fence, lang);
        }
        if tables::starts_table(self.lines, i) {
            self.flush_paragraph();
            return self.table(i, None);
        }
        if let Some(c) = MD_HEADING.captures(line) {
            self.flush_paragraph();
            self.markdown_heading(i, c.get(1).map_or("", |m| m.as_str()));
            return i + 1;
        }
        let after_blank = self.para.is_empty() && (i == 0 || self.lines[i - 1].trim().is_empty());
        let before_blank = self.lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        if after_blank && before_blank && self.bare_heading(i) {
            return i + 1;
        }
        if after_blank {
            if let Some((title, rest)) = headings::split_glued_subsection(line.trim()) {
                if self.levels.last_number.is_some() {
                    self.diags.add(
                        &self.span(i, i),
                        catalogue::READ_PDF_GLUED_HEADING,
                        format!("`{title}` split from the text glued after it"),
                    );
                    let level = self.levels.subsection();
                    self.push_heading(i, level, None, title);
                    self.push_paragraph(i, i, rest, 0);
                    return i + 1;
                }
            }
        }
        if let Some(next) = self.table_after(i) {
            if CAPTION.is_match(line) {
                self.flush_paragraph();
                return self.table(next, Some((i, line.trim().to_string())));
            }
            if let Some(c) = GLUED_CAPTION.captures(line) {
                self.flush_paragraph();
                self.diags.add(
                    &self.span(i, i),
                    catalogue::READ_PDF_GLUED_CAPTION,
                    "caption split from the line it was glued to",
                );
                self.push_paragraph(i, i, &c[1], 0);
                return self.table(next, Some((i, c[2].to_string())));
            }
        }
        if !self.para.is_empty() && (BULLET_ITEM.is_match(line) || ORDERED_ITEM.is_match(line)) {
            self.flush_paragraph();
        }
        self.para.push(i);
        i + 1
    }

    /// The line index of a table starting after `i` and only blank lines.
    fn table_after(&self, i: usize) -> Option<usize> {
        let next = (i + 1..self.lines.len()).find(|&j| !self.lines[j].trim().is_empty())?;
        tables::starts_table(self.lines, next).then_some(next)
    }

    /// A bare line between blank lines: a numbered title or a sub-section title.
    fn bare_heading(&mut self, i: usize) -> bool {
        let line = self.lines[i].trim();
        if let Some((number, title)) = headings::split_number(line) {
            if self.accept_bare_number(&number, title) {
                self.numbered_heading(i, number, title);
                return true;
            }
            return false;
        }
        if headings::is_subsection_title(line) && self.levels.last_number.is_some() {
            let level = self.levels.subsection();
            self.push_heading(i, level, None, line);
            return true;
        }
        false
    }

    /// A bare numbered line is a title only if its number continues the outline, or the table
    /// of contents lists it (a section may be missing from the body). Without the TOC saying
    /// so, a line that ends like a sentence is not a title.
    fn accept_bare_number(&self, number: &SectionNumber, title: &str) -> bool {
        let last = self.levels.last_number.as_ref();
        let in_toc = self
            .toc
            .as_ref()
            .and_then(|t| t.get(&number.to_string()))
            .is_some();
        if in_toc {
            return number.follows(last) || number.is_after(last);
        }
        number.follows(last) && !title.ends_with(SENTENCE_END) && title.chars().count() <= 80
    }

    fn numbered_heading(&mut self, i: usize, number: SectionNumber, title: &str) {
        let span = self.span(i, i);
        let label = number.to_string();
        if !number.follows(self.levels.last_number.as_ref()) {
            let prev = self
                .levels
                .last_number
                .as_ref()
                .map_or_else(|| "the start".to_string(), |p| p.to_string());
            self.diags.add(
                &span,
                catalogue::READ_PDF_HEADING_NUMBER_GAP,
                format!("section {label} follows {prev}"),
            );
        }
        if let Some(toc) = &self.toc {
            match toc.get(&label) {
                None => self.diags.add(
                    &span,
                    catalogue::READ_PDF_HEADING_NOT_IN_TOC,
                    format!("section {label} `{title}` is not in the table of contents"),
                ),
                Some(entry) => {
                    let index = toc
                        .entries
                        .iter()
                        .position(|e| e.line == entry.line)
                        .unwrap_or(0);
                    if !toc::same_title(&entry.title, title) {
                        let message = format!("section {label} is `{title}` in the body but `{}` in the table of contents", entry.title);
                        self.diags
                            .add(&span, catalogue::READ_PDF_HEADING_TOC_MISMATCH, message);
                    }
                    if let Some(seen) = self.toc_seen.get_mut(index) {
                        *seen = true;
                    }
                }
            }
        }
        let level = self.levels.numbered(number);
        self.push_heading(i, level, Some(label), title);
    }

    /// A markdown heading. Its `#` count is ignored: the level comes from the numbering.
    fn markdown_heading(&mut self, i: usize, text: &str) {
        if headings::is_list_like(text) {
            // A list item the converter promoted to a heading (`## 2. 调用…`): not a section.
            self.push_paragraph(i, i, text, 1);
        } else if headings::is_admonition(text) {
            self.push_paragraph(i, i, text, 0);
        } else if let Some((number, title)) = headings::split_number(text) {
            self.numbered_heading(i, number, title);
        } else if headings::is_subsection_title(text) {
            let level = self.levels.subsection();
            self.push_heading(i, level, None, text);
        } else {
            let level = self.levels.other();
            self.push_heading(i, level, None, text);
        }
    }

    fn code(&mut self, i: usize, indent: usize, fence: &str, lang: Option<String>) -> usize {
        let close = (i + 1..self.lines.len()).find(|&j| {
            let t = self.lines[j].trim();
            t.starts_with(fence)
                && t.trim_start_matches(fence.chars().next().unwrap_or('`'))
                    .is_empty()
        });
        let end = close.unwrap_or(self.lines.len());
        if close.is_none() {
            self.diags.add(
                &self.span(i, i),
                catalogue::READ_PDF_UNCLOSED_FENCE,
                "code fence is never closed; taken to the end of the file",
            );
        }
        let body: Vec<&str> = self.lines[i + 1..end]
            .iter()
            .map(|l| strip_indent(l, indent))
            .collect();
        let last = close.unwrap_or(end.saturating_sub(1)).max(i);
        self.push(
            i,
            last,
            BlockKind::Code {
                lang,
                text: body.join("\n"),
            },
        );
        last + 1
    }

    /// Parse a table piece at `i` (caption at an earlier line) and join it to the open table
    /// when it is that table's continuation across a page break.
    fn table(&mut self, i: usize, caption: Option<(usize, String)>) -> usize {
        let (mut piece, next) = tables::parse_piece(self.lines, i, self.file, &mut self.diags);
        if let Some((line, text)) = caption {
            piece.start = line;
            piece.caption = Some(text);
        }
        match self.open_table.as_mut() {
            Some(open) if tables::continues(open, &piece) => {
                let first_row = piece.rows.first().map(|r| r.start);
                if tables::append_piece(open, piece) {
                    if let Some(row) = first_row {
                        let span = Span::new(self.file, line_no(row), line_no(row));
                        self.diags.add(
                            &span,
                            catalogue::READ_PDF_SPLIT_ROW_MERGED,
                            "row split by a page break joined to the previous row",
                        );
                    }
                }
            }
            _ => {
                self.close_table();
                self.open_table = Some(piece);
            }
        }
        next
    }

    fn close_table(&mut self) {
        if let Some(raw) = self.open_table.take() {
            let (span, table) = tables::finish(raw, self.file);
            self.blocks.push(Block {
                span,
                anchors: Vec::new(),
                kind: BlockKind::Table(table),
            });
        }
    }

    fn flush_paragraph(&mut self) {
        let (Some(&first), Some(&last)) = (self.para.first(), self.para.last()) else {
            return;
        };
        self.para.clear();
        let head = self.lines[first];
        let (depth, head_text) = if let Some(c) = BULLET_ITEM.captures(head) {
            (list_depth(&c[1]), c.get(2).map_or("", |m| m.as_str()))
        } else if let Some(c) = ORDERED_ITEM.captures(head) {
            (list_depth(&c[1]), head.trim_start())
        } else {
            (0, head.trim())
        };
        let mut text = head_text.trim_end().to_string();
        for line in &self.lines[first + 1..=last] {
            text.push('\n');
            text.push_str(line.trim());
        }
        self.push_paragraph(first, last, &text, depth);
    }

    fn push_paragraph(&mut self, start: usize, end: usize, text: &str, list_depth: u8) {
        let text = parse_rich(text);
        if !text.is_empty() {
            self.push(start, end, BlockKind::Paragraph { text, list_depth });
        }
    }

    fn push_heading(&mut self, i: usize, level: u8, number: Option<String>, title: &str) {
        self.push(
            i,
            i,
            BlockKind::Heading {
                level,
                number,
                text: parse_rich(title),
            },
        );
    }

    /// Every non-table block ends the open table: a continuation piece follows only blank lines.
    fn push(&mut self, start: usize, end: usize, kind: BlockKind) {
        self.close_table();
        let span = self.span(start, end);
        self.blocks.push(Block {
            span,
            anchors: Vec::new(),
            kind,
        });
    }

    fn finish(mut self) -> (Vec<Block>, Diagnostics) {
        if let Some(toc) = &self.toc {
            for (entry, seen) in toc.entries.iter().zip(&self.toc_seen) {
                if !seen {
                    let span = Span::new(self.file, line_no(entry.line), line_no(entry.line));
                    let message = format!(
                        "table of contents lists {} `{}` but the body has no such heading",
                        entry.number, entry.title
                    );
                    self.diags
                        .add(&span, catalogue::READ_PDF_TOC_ENTRY_MISSING, message);
                }
            }
        }
        (self.blocks, self.diags)
    }
}

fn list_depth(indent: &str) -> u8 {
    let width = indent
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum::<usize>();
    u8::try_from(1 + width / 2).unwrap_or(u8::MAX)
}

fn strip_indent(line: &str, indent: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(indent)..]
}
