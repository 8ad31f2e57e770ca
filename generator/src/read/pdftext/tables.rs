//! Tables of PDF-converted text: TAB-separated lines (first part) and markdown pipe tables
//! (second part), both split at page breaks.
//!
//! A page break leaves a *piece*: blank line(s), the header repeated, no caption. Pieces are
//! kept raw (cell source strings) until the logical table is complete, because a row split
//! by the break continues in the next piece (`|  |  | <ul>…` — empty key cells holding the
//! tail of the previous row's description) and must be re-joined before inline parsing: an
//! HTML list opened in one piece may be continued in the next.
//!
//! Cell text is not repaired beyond layout: a parameter name wrapped as `service_instance_c
//! ount` keeps its space here. Whether a space inside a cell is wrap damage depends on the
//! column's meaning (identifier vs description), which only extraction knows.

use super::inline::parse_rich;
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{Cell, RichText, Row, Table};
use regex::Regex;
use std::sync::Arc;
use std::sync::LazyLock;

static PIPE_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$").expect("valid regex")
});

/// A physical table piece or a logical table under construction, with raw cell strings.
#[derive(Debug, Clone)]
pub struct RawTable {
    /// 0-based first line (caption line when there is one).
    pub start: usize,
    /// 0-based last line.
    pub end: usize,
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<RawRow>,
    pub pieces: u32,
}

#[derive(Debug, Clone)]
pub struct RawRow {
    pub start: usize,
    pub end: usize,
    pub cells: Vec<String>,
}

pub fn is_tab_row(line: &str) -> bool {
    line.contains('\t')
}

pub fn is_pipe_row(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

pub fn is_pipe_separator(line: &str) -> bool {
    line.contains('-') && PIPE_SEPARATOR.is_match(line)
}

/// Does a table piece start at `lines[i]`?
pub fn starts_table(lines: &[&str], i: usize) -> bool {
    match lines.get(i) {
        Some(l) if is_tab_row(l) => true,
        Some(l) if is_pipe_row(l) => lines.get(i + 1).is_some_and(|n| is_pipe_separator(n)),
        _ => false,
    }
}

/// Parse the piece starting at `lines[i]` (which must satisfy [`starts_table`]); returns it and
/// the index after its last line.
pub fn parse_piece(
    lines: &[&str],
    i: usize,
    file: &Arc<str>,
    diags: &mut Diagnostics,
) -> (RawTable, usize) {
    let tabbed = is_tab_row(lines[i]);
    let split: fn(&str) -> Vec<String> = if tabbed { split_tab } else { split_pipe };
    let header = split(lines[i]);
    let mut j = if tabbed { i + 1 } else { i + 2 };
    let mut rows = Vec::new();
    while j < lines.len()
        && (if tabbed {
            is_tab_row(lines[j])
        } else {
            is_pipe_row(lines[j])
        })
    {
        let mut cells = split(lines[j]);
        fit_width(
            &mut cells,
            header.len(),
            &Span::new(file, line_no(j), line_no(j)),
            diags,
        );
        rows.push(RawRow {
            start: j,
            end: j,
            cells,
        });
        j += 1;
    }
    (
        RawTable {
            start: i,
            end: j - 1,
            caption: None,
            header,
            rows,
            pieces: 1,
        },
        j,
    )
}

fn split_tab(line: &str) -> Vec<String> {
    line.split('\t').map(|c| c.trim().to_string()).collect()
}

/// Split on unescaped `|`; the outer pipes are optional in markdown. Works on slices: the
/// converter pads cells with hundreds of spaces, which must not be copied around.
fn split_pipe(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = if line.ends_with('|') && !line.ends_with("\\|") {
        &line[..line.len() - 1]
    } else {
        line
    };
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        if byte == b'|' && (at == 0 || bytes[at - 1] != b'\\') {
            cells.push(pipe_cell(&line[start..at]));
            start = at + 1;
        }
    }
    cells.push(pipe_cell(&line[start..]));
    cells
}

fn pipe_cell(raw: &str) -> String {
    raw.trim().replace("\\|", "|")
}

/// Every row must have the header's width; never drop text: surplus cells are joined into
/// the last one, missing cells are empty.
fn fit_width(cells: &mut Vec<String>, width: usize, span: &Span, diags: &mut Diagnostics) {
    if cells.len() == width || width == 0 {
        return;
    }
    diags.add(
        span,
        catalogue::READ_PDF_ROW_WIDTH,
        format!("row has {} cells, header has {width}", cells.len()),
    );
    if cells.len() > width {
        let surplus = cells.split_off(width);
        if let Some(last) = cells.last_mut() {
            for s in surplus.into_iter().filter(|s| !s.is_empty()) {
                last.push(' ');
                last.push_str(&s);
            }
        }
    } else {
        cells.resize(width, String::new());
    }
}

/// Headers compare without whitespace and `<br>`: a repeated header may wrap differently
/// (`IA<br>M<br>项目` vs `IAM项目`).
pub fn header_key(header: &[String]) -> Vec<String> {
    header
        .iter()
        .map(|h| {
            h.replace("<br>", "")
                .replace("<br/>", "")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        })
        .collect()
}

/// Is `piece` (uncaptioned, right after `table`) the continuation of `table` across a page break?
pub fn continues(table: &RawTable, piece: &RawTable) -> bool {
    piece.caption.is_none() && header_key(&table.header) == header_key(&piece.header)
}

/// A row split by the page break: the key cells (all but the last, or the first two of wider
/// tables) are empty while some cell holds text. Its text is the tail of the previous row.
fn is_split_row(row: &RawRow) -> bool {
    let key_cells = row.cells.len().saturating_sub(1).clamp(1, 2);
    row.cells.len() >= 2
        && row.cells[..key_cells].iter().all(|c| c.is_empty())
        && row.cells.iter().any(|c| !c.is_empty())
}

/// Append `piece` to `table`. Returns whether a split row was merged into the previous row.
pub fn append_piece(table: &mut RawTable, piece: RawTable) -> bool {
    table.pieces += piece.pieces;
    table.end = piece.end;
    let mut rows = piece.rows.into_iter();
    let mut merged = false;
    let first = rows.next();
    match (first, table.rows.last_mut()) {
        (Some(first), Some(prev)) if is_split_row(&first) => {
            for (p, tail) in prev.cells.iter_mut().zip(first.cells) {
                if tail.is_empty() {
                    continue;
                }
                // The break fell inside the cell; `<br>` keeps the tail a separate paragraph,
                // which is how both lists and `<br>` lists continue.
                if !p.is_empty() {
                    p.push_str("<br>");
                }
                p.push_str(&tail);
            }
            prev.end = first.end;
            merged = true;
        }
        (Some(first), _) => table.rows.push(first),
        (None, _) => {}
    }
    table.rows.extend(rows);
    merged
}

/// Turn a finished raw table into the document model.
pub fn finish(raw: RawTable, file: &Arc<str>) -> (Span, Table) {
    let cells = |v: Vec<String>| {
        v.iter()
            .map(|s| Cell {
                text: parse_rich(s),
            })
            .collect::<Vec<_>>()
    };
    let table = Table {
        caption: raw
            .caption
            .as_deref()
            .map(parse_rich)
            .filter(|c: &RichText| !c.is_empty()),
        header: cells(raw.header),
        rows: raw
            .rows
            .into_iter()
            .map(|r| Row {
                span: Span::new(file, line_no(r.start), line_no(r.end)),
                cells: cells(r.cells),
            })
            .collect(),
        pieces: raw.pieces,
    };
    (Span::new(file, line_no(raw.start), line_no(raw.end)), table)
}

/// 0-based index → 1-based line number.
pub fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(lines: &[&str]) -> RawTable {
        let file: Arc<str> = Arc::from("t");
        parse_piece(lines, 0, &file, &mut Diagnostics::new()).0
    }

    #[test]
    fn pipe_and_tab_cells() {
        assert_eq!(split_pipe("| a | b<br>c |  |"), vec!["a", "b<br>c", ""]);
        assert_eq!(
            split_tab("a\t是\tString\t描述 "),
            vec!["a", "是", "String", "描述"]
        );
        assert!(is_pipe_separator("|-----|:---:|--|"));
        assert!(!is_pipe_separator("| a | b |"));
    }

    #[test]
    fn split_row_tail_joins_previous_row() {
        let mut t = piece(&[
            "| 参数 | 类型 | 描述 |",
            "|---|---|---|",
            "| a | String | 可选值如下：<ul><li>• 1: x</li></ul> |",
        ]);
        let p = piece(&[
            "| 参数 | 类型 | 描述 |",
            "|---|---|---|",
            "|  |  | <ul><li>• 2: y</li></ul> |",
            "| b | Integer | z |",
        ]);
        assert!(continues(&t, &p));
        assert!(append_piece(&mut t, p));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            t.rows[0].cells[2],
            "可选值如下：<ul><li>• 1: x</li></ul><br><ul><li>• 2: y</li></ul>"
        );
        assert_eq!(t.pieces, 2);
    }

    #[test]
    fn rowspan_gap_is_not_a_split_row() {
        let row = RawRow {
            start: 0,
            end: 0,
            cells: vec!["".into(), "创建Notebook实例".into(), "说明".into()],
        };
        assert!(!is_split_row(&row));
    }

    #[test]
    fn ragged_rows_keep_text() {
        let file: Arc<str> = Arc::from("t");
        let mut d = Diagnostics::new();
        let (t, next) = parse_piece(
            &["a\tb\tc", "1\t2\t3\t4", "5\t6", "", "x"],
            0,
            &file,
            &mut d,
        );
        assert_eq!(next, 3);
        assert_eq!(t.rows[0].cells, vec!["1", "2", "3 4"]);
        assert_eq!(t.rows[1].cells, vec!["5", "6", ""]);
        assert_eq!(d.len(), 2);
    }
}
