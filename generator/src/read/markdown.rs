//! Reader for Huawei Cloud markdown pages: markdown structure (pulldown-cmark) with embedded
//! HTML tables and notes (scraper, see [`super::html`]).
//!
//! Block structure comes from pulldown-cmark's event stream with byte ranges, which give every
//! block its line span. Inline content of a paragraph, heading or pipe-table cell is rendered
//! back to HTML and converted by the same code that reads HTML table cells, so links, anchors,
//! literals and `<br>` mean the same thing wherever they appear. Lists are flattened into
//! paragraphs marked with their depth.

mod assemble;
mod emphasis;
mod inline;

use super::html::{self, Fragment, Piece};
use super::lines::LineIndex;
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{Block, BlockKind, Cell, Document, Format, Inline, RichText, Row, Table};
use assemble::Assembler;
use inline::InlineHtml;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// Read one Huawei markdown page. Never fails: oddities become diagnostics.
pub fn read(file: Arc<str>, text: &str) -> (Document, Diagnostics) {
    let mut reader = Reader::new(file.clone(), text);
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        reader.event(event, range);
    }
    let (blocks, diags) = reader.finish();
    (
        Document {
            file,
            format: Format::HuaweiMarkdown,
            blocks,
        },
        diags,
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextKind {
    Paragraph,
    Heading(u8),
    Cell,
}

/// Inline content being gathered for a paragraph, heading or table cell.
#[derive(Debug)]
struct OpenText {
    kind: TextKind,
    range: Range<usize>,
    html: InlineHtml,
}

#[derive(Debug)]
struct OpenCode {
    lang: Option<String>,
    /// Indented (four spaces) rather than fenced.
    indented: bool,
    range: Range<usize>,
    text: String,
}

/// An HTML block: its text and, per piece, where the piece sits in the page (container
/// prefixes such as list indentation are not part of the text).
#[derive(Debug, Default)]
struct OpenHtml {
    range: Range<usize>,
    text: String,
    /// (offset in `text`, offset in the page) for each piece appended.
    pieces: Vec<(usize, usize)>,
}

#[derive(Debug, Default)]
struct OpenTable {
    range: Range<usize>,
    header: Option<Vec<Cell>>,
    rows: Vec<Row>,
    row: Vec<Cell>,
    row_range: Range<usize>,
}

struct Reader<'t> {
    file: Arc<str>,
    text: &'t str,
    lines: LineIndex,
    out: Assembler,
    diags: Diagnostics,
    list_depth: u8,
    open: Option<OpenText>,
    code: Option<OpenCode>,
    html: Option<OpenHtml>,
    table: Option<OpenTable>,
    /// Events starting before this offset were already consumed (an HTML table that
    /// pulldown-cmark cut at a blank line is read to its `</table>` in one piece).
    skip_until: usize,
}

impl<'t> Reader<'t> {
    fn new(file: Arc<str>, text: &'t str) -> Self {
        Reader {
            file,
            text,
            lines: LineIndex::new(text),
            out: Assembler::default(),
            diags: Diagnostics::new(),
            list_depth: 0,
            open: None,
            code: None,
            html: None,
            table: None,
            skip_until: 0,
        }
    }

    fn span(&self, range: &Range<usize>) -> Span {
        let (start, end) = self.lines.lines(range.start, range.end);
        Span::new(&self.file, start, end)
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if range.start < self.skip_until {
            return;
        }
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.close_code(),
                _ => {}
            }
            return;
        }
        if let Some(html) = &mut self.html {
            match event {
                Event::Html(h) | Event::InlineHtml(h) | Event::Text(h) => {
                    html.pieces.push((html.text.len(), range.start));
                    html.text.push_str(&h);
                    html.range.end = html.range.end.max(range.end);
                }
                Event::End(TagEnd::HtmlBlock) => self.close_html(),
                _ => {}
            }
            return;
        }
        if inline::is_inline(&event) {
            self.inline(&event, range);
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Html(h) => {
                // Raw HTML outside an HTML block should not happen; read it as a block anyway.
                self.close_text();
                self.html = Some(OpenHtml {
                    range: range.clone(),
                    text: h.to_string(),
                    pieces: vec![(0, range.start)],
                });
                self.close_html();
            }
            Event::Rule => self.close_text(),
            _ => {}
        }
    }

    fn inline(&mut self, event: &Event<'_>, range: Range<usize>) {
        let open = self.open.get_or_insert_with(|| {
            // Text directly inside a tight list item (or any container) has no Paragraph tag.
            OpenText {
                kind: TextKind::Paragraph,
                range: range.clone(),
                html: InlineHtml::default(),
            }
        });
        open.range.end = open.range.end.max(range.end);
        open.html.push(event);
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.open_text(TextKind::Paragraph, range),
            Tag::Heading { level, .. } => {
                self.open_text(TextKind::Heading(heading_level(level)), range)
            }
            Tag::List(_) => {
                self.close_text();
                self.list_depth = self.list_depth.saturating_add(1);
            }
            Tag::CodeBlock(kind) => {
                self.close_text();
                let indented = matches!(kind, CodeBlockKind::Indented);
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_string)
                    }
                    CodeBlockKind::Indented => None,
                };
                self.code = Some(OpenCode {
                    lang,
                    indented,
                    range,
                    text: String::new(),
                });
            }
            Tag::HtmlBlock => {
                self.close_text();
                self.html = Some(OpenHtml {
                    range: range.clone(),
                    ..OpenHtml::default()
                });
            }
            Tag::Table(_) => {
                self.close_text();
                self.table = Some(OpenTable {
                    range,
                    ..OpenTable::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.row.clear();
                    t.row_range = range;
                }
            }
            Tag::TableCell => self.open_text(TextKind::Cell, range),
            _ => self.close_text(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::List(_) => {
                self.close_text();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            TagEnd::TableCell => self.close_text(),
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header = Some(std::mem::take(&mut t.row));
                }
            }
            TagEnd::TableRow => {
                let span = self.table.as_ref().map(|t| self.span(&t.row_range));
                if let (Some(t), Some(span)) = (&mut self.table, span) {
                    t.rows.push(Row {
                        span,
                        cells: std::mem::take(&mut t.row),
                    });
                }
            }
            TagEnd::Table => self.close_table(),
            _ => self.close_text(),
        }
    }

    fn open_text(&mut self, kind: TextKind, range: Range<usize>) {
        self.close_text();
        self.open = Some(OpenText {
            kind,
            range,
            html: InlineHtml::default(),
        });
    }

    /// Finish the open paragraph, heading or cell.
    fn close_text(&mut self) {
        let Some(open) = self.open.take() else { return };
        let span = self.span(&open.range);
        let mut inline = open.html.finish();
        if let Some(cut) = html::nesting_cut(&inline) {
            self.diags.add(
                &span,
                catalogue::READ_MD_HTML_TOO_DEEP,
                format!(
                    "inline HTML nested deeper than {} elements; the rest of this text is skipped",
                    html::MAX_NESTING
                ),
            );
            inline.truncate(cut);
        }
        let (mut text, anchors) = html::rich_text_from_html(&inline);
        emphasis::recover_strong(&mut text);
        match open.kind {
            TextKind::Cell => {
                if let Some(t) = &mut self.table {
                    t.row.push(Cell { text });
                }
            }
            _ if text.is_empty() => anchors.into_iter().for_each(|a| self.out.anchor(a)),
            TextKind::Heading(level) => {
                let number = take_section_number(&mut text);
                self.out.push(Block {
                    span,
                    anchors,
                    kind: BlockKind::Heading {
                        level,
                        number,
                        text,
                    },
                });
            }
            TextKind::Paragraph => {
                let depth = self.list_depth;
                for p in &mut text.paragraphs {
                    p.list_depth = p.list_depth.saturating_add(depth);
                }
                self.out.push(Block {
                    span,
                    anchors,
                    kind: BlockKind::Paragraph {
                        text,
                        list_depth: depth,
                    },
                });
            }
        }
    }

    fn close_code(&mut self) {
        let Some(code) = self.code.take() else { return };
        let span = self.span(&code.range);
        // A caption indented like the list item it belonged to, after a table at the margin
        // ended that list (`    **表 2**  \[1\] tags字段数据结构说明`): Markdown reads an indented
        // code block; it is the next table's caption.
        if let Some(caption) = code
            .indented
            .then(|| indented_caption(&code.text))
            .flatten()
        {
            self.out.push(Block {
                span,
                anchors: Vec::new(),
                kind: BlockKind::Paragraph {
                    text: caption,
                    list_depth: self.list_depth,
                },
            });
            return;
        }
        self.out.push(Block {
            span,
            anchors: Vec::new(),
            kind: BlockKind::Code {
                lang: code.lang,
                text: dedent(&code.text),
            },
        });
    }

    fn close_table(&mut self) {
        let Some(t) = self.table.take() else { return };
        let span = self.span(&t.range);
        let header = t.header.unwrap_or_default();
        let width = header.len();
        let mut rows = t.rows;
        for row in &mut rows {
            let had = row.cells.len();
            if had != width {
                row.cells.resize(width, Cell::default());
                self.diags.add(
                    &row.span,
                    catalogue::READ_MD_RAGGED_ROW,
                    format!(
                        "row has {had} cells but the header has {width}; padded or cut to {width}"
                    ),
                );
            }
        }
        self.out.push(Block {
            span,
            anchors: Vec::new(),
            kind: BlockKind::Table(Table {
                caption: None,
                header,
                rows,
                pieces: 1,
            }),
        });
    }

    fn close_html(&mut self) {
        let Some(mut block) = self.html.take() else {
            return;
        };
        self.extend_unclosed_table(&mut block);
        let lines = &self.lines;
        let pieces = &block.pieces;
        let line_of = |offset: usize| {
            // The piece containing `offset`, then the same distance into the page.
            let i = pieces
                .partition_point(|(at, _)| *at <= offset)
                .saturating_sub(1);
            let (at, page) = pieces.get(i).copied().unwrap_or((0, block.range.start));
            lines.line(page + (offset - at.min(offset)))
        };
        let frag = Fragment {
            file: &self.file,
            html: &block.text,
            line_of: &line_of,
            list_depth: self.list_depth,
        };
        for piece in html::read_fragment(&frag, &mut self.diags) {
            match piece {
                Piece::Anchor(a) => self.out.anchor(a),
                Piece::Block(b) => self.out.push(b),
            }
        }
    }

    /// pulldown-cmark ends an HTML block at a blank line; a table with a blank line inside
    /// would be cut in two and its rest read as markdown. Read on to the closing `</table>`.
    fn extend_unclosed_table(&mut self, block: &mut OpenHtml) {
        let lower = block.text.to_ascii_lowercase();
        let opened = lower.matches("<table").count();
        let closed = lower.matches("</table").count();
        if opened <= closed {
            return;
        }
        let from = block.range.end;
        let Some(rest) = self.text.get(from..) else {
            return;
        };
        let rest_lower = rest.to_ascii_lowercase();
        let mut end = None;
        let mut search = 0;
        for _ in 0..(opened - closed) {
            match rest_lower.get(search..).and_then(|r| r.find("</table")) {
                Some(i) => {
                    search += i + "</table".len();
                    end = Some(search);
                }
                None => break,
            }
        }
        let Some(end) = end else {
            self.diags.add(
                &self.span(&block.range),
                catalogue::READ_MD_UNCLOSED_TABLE,
                "HTML table is never closed",
            );
            return;
        };
        // Read on to the next blank line: whatever markdown block holds the `</table>` line
        // ends there at the latest, so skipping up to it drops nothing (text after the table
        // becomes flow content of the fragment).
        let chunk_end = blank_line_after(rest, end);
        block.pieces.push((block.text.len(), from));
        block.text.push_str(rest.get(..chunk_end).unwrap_or(rest));
        block.range.end = from + chunk_end;
        self.skip_until = block.range.end;
        self.diags.add(
            &self.span(&block.range),
            catalogue::READ_MD_SPLIT_HTML_TABLE,
            "HTML table contains a blank line; read up to its </table>",
        );
    }

    fn finish(mut self) -> (Vec<Block>, Diagnostics) {
        self.close_text();
        self.close_code();
        self.close_html();
        self.close_table();
        let (blocks, loose) = self.out.finish();
        if !loose.is_empty() {
            let span = Span::new(
                &self.file,
                self.lines.line(self.text.len()),
                self.lines.line(self.text.len()),
            );
            self.diags.add(
                &span,
                catalogue::READ_MD_DANGLING_ANCHOR,
                format!("anchors at page end point at nothing: {}", loose.join(", ")),
            );
        }
        (blocks, self.diags)
    }
}

/// Offset of the first blank line starting at or after `from` (or the end of `text`).
fn blank_line_after(text: &str, from: usize) -> usize {
    let mut offset = text
        .get(from..)
        .and_then(|r| r.find('\n'))
        .map_or(text.len(), |i| from + i + 1);
    while offset < text.len() {
        let line_len = text[offset..]
            .find('\n')
            .map_or(text.len() - offset, |i| i + 1);
        if text[offset..offset + line_len].trim().is_empty() {
            return offset;
        }
        offset += line_len;
    }
    text.len()
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `4.2 创建训练作业` → number `4.2`. A bare number must be short (≤ 2 digits) so that a title
/// like `2024 版本说明` is not mistaken for a section number.
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}(?:\.\d{1,3})+|\d{1,2})\.?\s+").expect("static regex"));

/// Split a leading section number off a heading; the number is kept in `Heading::number`.
fn take_section_number(text: &mut RichText) -> Option<String> {
    let runs: usize = text.paragraphs.iter().map(|p| p.inlines.len()).sum();
    let first = text.paragraphs.first_mut()?.inlines.first_mut()?;
    let (Inline::Text(s) | Inline::Strong(s)) = first else {
        return None;
    };
    let caps = SECTION_NUMBER.captures(s)?;
    let number = caps[1].to_string();
    let rest = s.get(caps[0].len()..).unwrap_or("").to_string();
    if rest.trim().is_empty() && runs == 1 {
        return None; // a heading that is only a number is a title, not a numbered section
    }
    *s = rest;
    Some(number)
}

/// Remove the indentation common to all non-blank lines and the final newline: code fenced
/// inside a list item keeps only its own layout.
fn dedent(code: &str) -> String {
    let code = code.strip_suffix('\n').unwrap_or(code);
    let indent = code
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    code.lines()
        .map(|l| l.get(indent..).unwrap_or_else(|| l.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The caption an indented code block of one line holds, its Markdown emphasis and escapes
/// removed (`**表 2**  \[1\] tags字段数据结构说明` → `表 2 [1] tags字段数据结构说明`).
fn indented_caption(code: &str) -> Option<RichText> {
    let line = code.trim();
    if line.contains('\n') {
        return None;
    }
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {
                plain.extend(chars.next());
            }
            '*' => {}
            _ => plain.push(c),
        }
    }
    let text = RichText::from_text(plain.split_whitespace().collect::<Vec<_>>().join(" "));
    assemble::is_table_caption(&text).then_some(text)
}

#[cfg(test)]
mod tests;
