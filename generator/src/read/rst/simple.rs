//! Simple tables: `=====  =====` borders, one text line per row unless the first column is
//! blank (continuation line), optional header above the second border, optional `-----`
//! underlines that make a cell span the columns it covers.

use super::body::rich_text_of;
use super::context::Ctx;
use super::grid::merge_header_rows;
use super::lines::Line;
use crate::diag::catalogue;
use crate::doc::{Block, BlockKind, Cell, RichText, Row, Table};
use regex::Regex;
use std::sync::LazyLock;

static BORDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^=+(?: +=+)*$").unwrap());
static SPAN_UNDERLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ *-+(?: +-+)* *$").unwrap());

pub(crate) fn is_border(text: &str) -> bool {
    BORDER.is_match(text.trim_end())
}

/// Exclusive end of the simple table starting at `start`: after the first border line that is
/// followed by a blank line or the end. A table without such a border (truncated page) ends at
/// its first blank line.
pub(crate) fn table_end(lines: &[Line], start: usize) -> usize {
    for k in start + 1..lines.len() {
        if is_border(&lines[k].text) && lines.get(k + 1).is_none_or(Line::is_blank) {
            return k + 1;
        }
    }
    lines[start..]
        .iter()
        .position(Line::is_blank)
        .map_or(lines.len(), |p| start + p)
}

/// Column ranges (start, end exclusive, in characters) of a border line.
fn columns(border: &str) -> Vec<(usize, usize)> {
    let mut cols = Vec::new();
    let mut start = None;
    for (i, c) in border.chars().chain(std::iter::once(' ')).enumerate() {
        match (c, start) {
            ('=' | '-', None) => start = Some(i),
            (' ', Some(s)) => {
                cols.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    cols
}

/// One logical row: its physical lines, and the span underline that follows it if any.
struct RawRow {
    lines: Vec<Line>,
    spans: Option<Vec<(usize, usize)>>,
}

fn slice(text: &str, from: usize, to: Option<usize>) -> String {
    let chars = text.chars().skip(from);
    match to {
        Some(to) => chars.take(to.saturating_sub(from)).collect(),
        None => chars.collect(),
    }
}

pub(crate) fn read(ctx: &mut Ctx, lines: &[Line], out: &mut Vec<Block>) {
    let first = lines[0].no;
    let last = lines.last().map_or(first, |l| l.no);
    let cols = columns(&lines[0].text);
    let borders: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_border(&l.text))
        .map(|(i, _)| i)
        .collect();
    let closed = borders.len() >= 2 && borders.last() == Some(&(lines.len() - 1));
    if !closed {
        let span = ctx.span(first, last);
        ctx.diags.add(
            &span,
            catalogue::READ_RST_MALFORMED_TABLE,
            "simple table has no closing border; read up to its first blank line",
        );
    }
    // Header: the lines between the first two borders when a third border closes the body.
    let (header_lines, body_lines) = if borders.len() >= 3 {
        (&lines[1..borders[1]], &lines[borders[1] + 1..])
    } else {
        (&lines[0..0], &lines[1..])
    };
    let header_rows = group_rows(header_lines, &cols);
    let body_rows = group_rows(body_lines, &cols);
    let mut cells_of = |row: &RawRow| -> Vec<Cell> { row_cells(ctx, row, &cols) };
    let header_cells: Vec<Vec<Cell>> = header_rows.iter().map(&mut cells_of).collect();
    let body: Vec<(u32, u32, Vec<Cell>)> = body_rows
        .iter()
        .map(|r| {
            (
                r.lines[0].no,
                r.lines
                    .iter()
                    .rev()
                    .find(|l| !l.is_blank())
                    .map_or(r.lines[0].no, |l| l.no),
                cells_of(r),
            )
        })
        .collect();
    let header = if header_cells.is_empty() {
        let span = ctx.span(first, last);
        ctx.diags.add(
            &span,
            catalogue::READ_RST_TABLE_WITHOUT_HEADER,
            "simple table has no header; header cells are empty",
        );
        vec![Cell::default(); cols.len()]
    } else {
        merge_header_rows(&header_cells)
    };
    let rows = body
        .into_iter()
        .map(|(s, e, cells)| Row {
            span: ctx.span(s, e),
            cells,
        })
        .collect();
    ctx.emit(
        out,
        first,
        last,
        BlockKind::Table(Table {
            caption: None,
            header,
            rows,
            pieces: 1,
        }),
    );
}

/// Group physical lines into rows: a line whose first column has text starts a row, other
/// lines continue the current one; `---` underlines attach to the row above; borders and
/// leading blank lines are skipped.
fn group_rows(lines: &[Line], cols: &[(usize, usize)]) -> Vec<RawRow> {
    let first_col_end = cols.get(1).map(|c| c.0);
    let mut rows: Vec<RawRow> = Vec::new();
    for line in lines {
        if is_border(&line.text) {
            continue;
        }
        if !rows.is_empty() && SPAN_UNDERLINE.is_match(&line.text) && !line.is_blank() {
            if let Some(row) = rows.last_mut() {
                row.spans = Some(columns(&line.text));
            }
            continue;
        }
        let starts_row = !slice(&line.text, 0, first_col_end).trim().is_empty();
        match rows.last_mut() {
            Some(row) if !starts_row => row.lines.push(line.clone()),
            _ if line.is_blank() => {}
            _ => rows.push(RawRow {
                lines: vec![line.clone()],
                spans: None,
            }),
        }
    }
    rows
}

/// The cells of one row. Each column's text runs up to the next column's start (the last
/// column to the end of the line). With a span underline, one text per underline segment is
/// repeated in every column that the segment covers.
fn row_cells(ctx: &mut Ctx, row: &RawRow, cols: &[(usize, usize)]) -> Vec<Cell> {
    let segments: Vec<(usize, usize)> = match &row.spans {
        Some(spans) if !spans.is_empty() => spans.clone(),
        _ => cols.to_vec(),
    };
    let mut texts: Vec<RichText> = Vec::with_capacity(segments.len());
    for (k, (start, end)) in segments.iter().enumerate() {
        let next_start = segments.get(k + 1).map(|s| s.0);
        let content: Vec<Line> = row
            .lines
            .iter()
            .map(|l| Line::new(l.no, slice(&l.text, *start, next_start).trim_end()))
            .collect();
        if next_start.is_some() {
            check_gap(ctx, row, *end, next_start.unwrap_or(*end));
        }
        let (text, anchors) = rich_text_of(ctx, &content);
        ctx.pending_anchors.extend(anchors);
        texts.push(text);
    }
    cols.iter()
        .map(|(start, _)| {
            let segment = segments.iter().rposition(|(s, _)| s <= start).unwrap_or(0);
            Cell {
                text: texts[segment].clone(),
            }
        })
        .collect()
}

/// Text in the gap between two columns means the text crosses a column boundary: the table
/// is misaligned and the cell split may be wrong.
fn check_gap(ctx: &mut Ctx, row: &RawRow, gap_start: usize, gap_end: usize) {
    for line in &row.lines {
        if !slice(&line.text, gap_start, Some(gap_end))
            .trim()
            .is_empty()
        {
            let span = ctx.span(line.no, line.no);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_MALFORMED_TABLE,
                "simple table text crosses a column boundary",
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::rst::body::{parse_blocks, Scope};
    use crate::read::rst::lines::split;
    use std::sync::Arc;

    fn table(src: &str) -> (Table, Block, Ctx) {
        let lines = split(src);
        let mut ctx = Ctx::new(Arc::from("t.rst"), &lines);
        let mut out = Vec::new();
        parse_blocks(&mut ctx, &lines, Scope::PAGE, &mut out);
        let block = out
            .into_iter()
            .find(|b| matches!(b.kind, BlockKind::Table(_)))
            .expect("a table");
        match &block.kind {
            BlockKind::Table(t) => (t.clone(), block.clone(), ctx),
            _ => unreachable!(),
        }
    }

    fn texts(cells: &[Cell]) -> Vec<String> {
        cells.iter().map(|c| c.text.plain()).collect()
    }

    #[test]
    fn header_and_rows() {
        let (t, block, ctx) = table(
            "========= ========= ====== ===============\nParameter Mandatory Type   Description\n========= ========= ====== ===============\nlabel     No        String Parameter name\nvalue     No        String Parameter value\n========= ========= ====== ===============\n",
        );
        assert_eq!(
            texts(&t.header),
            vec!["Parameter", "Mandatory", "Type", "Description"]
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            texts(&t.rows[1].cells),
            vec!["value", "No", "String", "Parameter value"]
        );
        assert_eq!((t.rows[1].span.start, t.rows[1].span.end), (5, 5));
        assert_eq!((block.span.start, block.span.end), (1, 6));
        assert!(ctx.diags.is_empty());
    }

    #[test]
    fn continuation_lines_and_long_last_column() {
        let (t, _, _) = table("===== =====\nA     B\n===== =====\nx     one\n      two\n\n      three is longer than the border\ny     z\n===== =====\n");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            texts(&t.rows[0].cells),
            vec!["x", "one two\nthree is longer than the border"]
        );
        assert_eq!((t.rows[0].span.start, t.rows[0].span.end), (4, 7));
    }

    #[test]
    fn column_span_underline() {
        let (t, _, _) = table("=====  =====  =====\n  Inputs      Out\n------------  -----\nA      B      C\n=====  =====  =====\n1      2      3\n=====  =====  =====\n");
        assert_eq!(texts(&t.header), vec!["Inputs\nA", "Inputs\nB", "Out\nC"]);
        assert_eq!(texts(&t.rows[0].cells), vec!["1", "2", "3"]);
    }

    #[test]
    fn no_header_and_unclosed() {
        let (t, _, ctx) = table("=== ===\na   b\n=== ===\n");
        assert_eq!(t.rows.len(), 1);
        assert_eq!(
            ctx.diags.iter().next().unwrap().code,
            "read.rst.table-without-header"
        );
        let (t, _, ctx) = table("=== ===\nh   i\n=== ===\na   b\n\nafter\n");
        assert_eq!(texts(&t.header), vec!["", ""]);
        assert_eq!(t.rows.len(), 2);
        assert!(ctx
            .diags
            .iter()
            .any(|d| d.code == "read.rst.malformed-table"));
    }

    #[test]
    fn text_across_column_boundary_warns() {
        let (_, _, ctx) = table("=== ===\nA   B\n=== ===\nabcdefg\n=== ===\n");
        assert!(ctx
            .diags
            .iter()
            .any(|d| d.code == "read.rst.malformed-table"));
    }
}
