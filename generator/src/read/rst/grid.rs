//! Grid tables (`+---+` borders, `|` column separators, `+===+` under the header).
//!
//! Cells are found the way docutils does it: from each known top-left corner, follow the top
//! edge to a `+`, the right edge down to a `+`, then verify the bottom and left edges. That
//! discovers row and column spans without special cases. Cell boundaries then define a grid
//! of rows × columns; spanning cells are expanded by repeating them in every slot they cover,
//! so each row has exactly `header.len()` cells.

use super::body::rich_text_of;
use super::context::Ctx;
use super::lines::Line;
use crate::diag::catalogue;
use crate::diag::Span;
use crate::doc::{Block, BlockKind, Cell, Inline, Paragraph, RichText, Row, Table};
use std::collections::{BTreeSet, HashSet};

/// `+----+---+` or `+====+===+` (a border line of a grid table).
pub(crate) fn is_border(text: &str) -> bool {
    let t = text.trim_end();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.chars().all(|c| matches!(c, '+' | '-' | '='))
        && t.contains(['-', '='])
}

/// Lines that continue a grid table.
pub(crate) fn is_table_line(text: &str) -> bool {
    text.starts_with('+') || text.starts_with('|')
}

/// A cell as character rectangle: row/column indices of its border lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GridCell {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

/// The structure of a grid table.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    pub cells: Vec<GridCell>,
    /// Line indices of the horizontal boundaries, top to bottom.
    pub row_bounds: Vec<usize>,
    /// `slots[r][c]` = index into `cells` of the cell covering grid row `r`, column `c`.
    pub slots: Vec<Vec<usize>>,
    /// Number of grid rows above the `+===+` line (0 when the table has no header).
    pub header_rows: usize,
}

/// Scan a grid table given as padded character rows (all the same width).
pub(crate) fn scan(g: &[Vec<char>]) -> Result<Layout, String> {
    let height = g.len();
    let width = g.first().map_or(0, Vec::len);
    if height < 3 || width < 3 || g[0][0] != '+' {
        return Err("too small to be a grid table".into());
    }
    let mut corners: BTreeSet<(usize, usize)> = BTreeSet::from([(0, 0)]);
    let mut done = HashSet::new();
    let mut cells = Vec::new();
    while let Some((top, left)) = corners.pop_first() {
        if !done.insert((top, left)) || top + 1 >= height || left + 1 >= width {
            continue;
        }
        if let Some((bottom, right)) = scan_cell(g, top, left) {
            cells.push(GridCell {
                top,
                left,
                bottom,
                right,
            });
            corners.insert((top, right));
            corners.insert((bottom, left));
        }
    }
    if cells.is_empty() {
        return Err("no complete cell found".into());
    }
    let row_bounds: Vec<usize> = cells
        .iter()
        .flat_map(|c| [c.top, c.bottom])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let col_bounds: Vec<usize> = cells
        .iter()
        .flat_map(|c| [c.left, c.right])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if row_bounds.last() != Some(&(height - 1)) {
        return Err(format!(
            "cells end at line {} of {}: the table is not closed",
            row_bounds.last().map_or(0, |b| b + 1),
            height
        ));
    }
    if col_bounds.last() != Some(&(width - 1)) {
        return Err("cells do not reach the right edge of the table".into());
    }
    let index = |bounds: &[usize], v: usize| bounds.binary_search(&v).unwrap_or(0);
    let mut slots = vec![vec![usize::MAX; col_bounds.len() - 1]; row_bounds.len() - 1];
    for (id, cell) in cells.iter().enumerate() {
        for row in &mut slots[index(&row_bounds, cell.top)..index(&row_bounds, cell.bottom)] {
            for slot in &mut row[index(&col_bounds, cell.left)..index(&col_bounds, cell.right)] {
                if *slot != usize::MAX {
                    return Err(format!("cells overlap at line {}", cell.top + 1));
                }
                *slot = id;
            }
        }
    }
    if let Some(r) = slots.iter().position(|row| row.contains(&usize::MAX)) {
        return Err(format!(
            "no cell covers part of the row starting at line {}",
            row_bounds[r] + 1
        ));
    }
    let separator = g
        .iter()
        .position(|l| l.len() > 1 && l[0] == '+' && l[1] == '=');
    let header_rows = separator.map_or(0, |s| row_bounds.iter().position(|b| *b == s).unwrap_or(0));
    Ok(Layout {
        cells,
        row_bounds,
        slots,
        header_rows,
    })
}

fn scan_cell(g: &[Vec<char>], top: usize, left: usize) -> Option<(usize, usize)> {
    for right in left + 1..g[top].len() {
        match g[top][right] {
            '+' => {
                if let Some(bottom) = scan_down(g, top, left, right) {
                    return Some((bottom, right));
                }
            }
            '-' | '=' => {}
            _ => return None,
        }
    }
    None
}

fn scan_down(g: &[Vec<char>], top: usize, left: usize, right: usize) -> Option<usize> {
    for (bottom, line) in g.iter().enumerate().skip(top + 1) {
        match line[right] {
            '+' => {
                if closes_cell(g, top, left, bottom, right) {
                    return Some(bottom);
                }
            }
            '|' => {}
            _ => return None,
        }
    }
    None
}

/// The bottom edge from `right` back to `left` and the left edge up to `top` are borders.
fn closes_cell(g: &[Vec<char>], top: usize, left: usize, bottom: usize, right: usize) -> bool {
    g[bottom][left] == '+'
        && g[bottom][left + 1..right]
            .iter()
            .all(|c| matches!(c, '-' | '=' | '+'))
        && g[top + 1..bottom]
            .iter()
            .all(|l| matches!(l[left], '|' | '+'))
}

/// Read a grid table (lines from its top border to its last line) and emit it.
pub(crate) fn read(ctx: &mut Ctx, lines: &[Line], out: &mut Vec<Block>) {
    let mut grid: Vec<Vec<char>> = lines
        .iter()
        .map(|l| l.text.trim_end().chars().collect())
        .collect();
    let mut numbers: Vec<u32> = lines.iter().map(|l| l.no).collect();
    let first = numbers[0];
    let last = *numbers.last().unwrap_or(&first);
    // A table cut off before its closing border (truncated page) is closed with a copy of
    // its last border, so the complete rows stay usable.
    if !lines.last().is_some_and(|l| is_border(&l.text)) {
        if let Some(border) = lines.iter().rev().find(|l| is_border(&l.text)) {
            let span = ctx.span(first, last);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_MALFORMED_TABLE,
                "grid table has no closing border; closed after its last line",
            );
            grid.push(border.text.trim_end().replace('=', "-").chars().collect());
            numbers.push(last);
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut grid {
        row.resize(width, ' ');
    }
    let layout = match scan(&grid) {
        Ok(layout) => layout,
        Err(reason) => {
            let span = ctx.span(first, last);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_MALFORMED_TABLE,
                format!("grid table could not be parsed ({reason}); kept as text"),
            );
            let text = lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            let text = RichText {
                paragraphs: vec![Paragraph {
                    list_depth: 0,
                    inlines: vec![Inline::Text(text)],
                }],
            };
            ctx.emit(
                out,
                first,
                last,
                BlockKind::Paragraph {
                    text,
                    list_depth: 0,
                },
            );
            return;
        }
    };
    let mut anchors = Vec::new();
    let texts: Vec<RichText> = layout
        .cells
        .iter()
        .map(|c| {
            let content: Vec<Line> = (c.top + 1..c.bottom)
                .map(|y| {
                    Line::new(
                        numbers[y],
                        grid[y][c.left + 1..c.right]
                            .iter()
                            .collect::<String>()
                            .trim_end(),
                    )
                })
                .collect();
            let (text, found) = rich_text_of(ctx, &content);
            anchors.extend(found);
            text
        })
        .collect();
    let file = ctx.file.clone();
    let row_span = |r: usize| {
        let (top, bottom) = (layout.row_bounds[r], layout.row_bounds[r + 1]);
        Span::new(
            &file,
            numbers[(top + 1).min(bottom)],
            numbers[bottom.saturating_sub(1).max(top)],
        )
    };
    let cells_of = |r: usize| -> Vec<Cell> {
        layout.slots[r]
            .iter()
            .map(|id| Cell {
                text: texts[*id].clone(),
            })
            .collect()
    };
    let columns = layout.slots[0].len();
    let header = if layout.header_rows == 0 {
        let span = ctx.span(first, last);
        ctx.diags.add(
            &span,
            catalogue::READ_RST_TABLE_WITHOUT_HEADER,
            "grid table has no `+===+` header separator; header cells are empty",
        );
        vec![Cell::default(); columns]
    } else {
        merge_header_rows(&(0..layout.header_rows).map(&cells_of).collect::<Vec<_>>())
    };
    let rows = (layout.header_rows..layout.slots.len())
        .map(|r| Row {
            span: row_span(r),
            cells: cells_of(r),
        })
        .collect();
    ctx.pending_anchors.extend(anchors);
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

/// Several header rows become one: each column's texts are stacked, a cell repeated by a
/// row span only once.
pub(crate) fn merge_header_rows(rows: &[Vec<Cell>]) -> Vec<Cell> {
    let columns = rows.first().map_or(0, Vec::len);
    (0..columns)
        .map(|c| {
            let mut text = RichText::default();
            let mut previous: Option<&Cell> = None;
            for row in rows {
                let cell = &row[c];
                if previous != Some(cell) && !cell.text.is_empty() {
                    text.paragraphs.extend(cell.text.paragraphs.iter().cloned());
                }
                previous = Some(cell);
            }
            Cell { text }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::rst::body::{parse_blocks, Scope};
    use crate::read::rst::lines::split;
    use std::sync::Arc;

    fn grid(src: &str) -> Vec<Vec<char>> {
        let lines: Vec<&str> = src.lines().collect();
        let w = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        lines
            .iter()
            .map(|l| l.chars().chain(std::iter::repeat(' ')).take(w).collect())
            .collect()
    }

    fn table(src: &str) -> (Vec<Block>, Ctx) {
        let lines = split(src);
        let mut ctx = Ctx::new(Arc::from("t.rst"), &lines);
        let mut out = Vec::new();
        parse_blocks(&mut ctx, &lines, Scope::PAGE, &mut out);
        (out, ctx)
    }

    fn the_table(b: &Block) -> &Table {
        match &b.kind {
            BlockKind::Table(t) => t,
            other => panic!("not a table: {other:?}"),
        }
    }

    fn texts(cells: &[Cell]) -> Vec<String> {
        cells.iter().map(|c| c.text.plain()).collect()
    }

    const SPANS: &str = "\
+-----+-----+-----+
| H1  | H2 and H3 |
+=====+=====+=====+
| a   | b   | c   |
+-----+     +-----+
| d   |     | e   |
+-----+-----+-----+
| wide row        |
+-----------------+";

    #[test]
    fn scan_finds_row_and_column_spans() {
        let layout = scan(&grid(SPANS)).unwrap();
        assert_eq!(layout.header_rows, 1);
        assert_eq!(layout.row_bounds, vec![0, 2, 4, 6, 8]);
        assert_eq!(layout.slots.len(), 4);
        assert_eq!(layout.slots[0][1], layout.slots[0][2]);
        assert_eq!(layout.slots[1][1], layout.slots[2][1]);
        assert!(layout.slots[3].iter().all(|s| *s == layout.slots[3][0]));
    }

    #[test]
    fn spans_expand_to_full_rows() {
        let (out, ctx) = table(SPANS);
        let t = the_table(&out[0]);
        assert_eq!(texts(&t.header), vec!["H1", "H2 and H3", "H2 and H3"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(texts(&t.rows[0].cells), vec!["a", "b", "c"]);
        assert_eq!(texts(&t.rows[1].cells), vec!["d", "b", "e"]);
        assert_eq!(texts(&t.rows[2].cells), vec!["wide row"; 3]);
        assert_eq!((t.rows[1].span.start, t.rows[1].span.end), (6, 6));
        assert_eq!((out[0].span.start, out[0].span.end), (1, 9));
        assert!(ctx.diags.is_empty());
    }

    #[test]
    fn multi_line_cells_keep_paragraphs_and_lists() {
        let src = "\
+------+---------------------+
| Name | Description         |
+======+=====================+
| a    | First line          |
|      | continues.          |
|      |                     |
|      | -  **x**: one       |
|      | -  **y**: two       |
+------+---------------------+";
        let (out, _) = table(src);
        let t = the_table(&out[0]);
        let cell = &t.rows[0].cells[1].text;
        assert_eq!(cell.paragraphs.len(), 3);
        assert_eq!(
            cell.paragraphs[0].inlines,
            vec![Inline::Text("First line continues.".into())]
        );
        assert_eq!(
            (cell.paragraphs[1].list_depth, cell.paragraphs[2].list_depth),
            (1, 1)
        );
        assert_eq!((t.rows[0].span.start, t.rows[0].span.end), (4, 8));
    }

    #[test]
    fn table_without_header_gets_empty_header_and_note() {
        let (out, ctx) = table("+---+---+\n| a | b |\n+---+---+\n");
        let t = the_table(&out[0]);
        assert_eq!(t.header.len(), 2);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(
            ctx.diags.iter().next().unwrap().code,
            "read.rst.table-without-header"
        );
    }

    #[test]
    fn truncated_table_is_closed_with_warning() {
        let (out, ctx) =
            table("+---+---+\n| a | b |\n+===+===+\n| 1 | 2 |\n+---+---+\n| 3 | 4 |\n");
        let t = the_table(&out[0]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(texts(&t.rows[1].cells), vec!["3", "4"]);
        assert_eq!(
            ctx.diags.iter().next().unwrap().code,
            "read.rst.malformed-table"
        );
    }

    #[test]
    fn garbled_tables_become_text_with_warning() {
        for src in [
            "+---+---+\n| a   b |\n+===+===+\n| 1 | 2 \n+-+-+---+\n",
            "+---+---+\n| a | b |\n+---+\n",
            "+---+\n|\n+",
            "+--+\n",
            "+---+---+\n| a | b |\n| 1 | 2 |\n",
        ] {
            let (out, ctx) = table(src);
            assert!(!out.is_empty(), "{src}");
            assert!(
                ctx.diags
                    .iter()
                    .any(|d| d.code == "read.rst.malformed-table"
                        || d.code == "read.rst.table-without-header"),
                "{src}"
            );
        }
    }

    #[test]
    fn header_rows_merge() {
        let a = Cell {
            text: RichText::from_text("A"),
        };
        let b = Cell {
            text: RichText::from_text("B"),
        };
        let merged = merge_header_rows(&[vec![a.clone(), a.clone()], vec![a.clone(), b.clone()]]);
        assert_eq!(texts(&merged), vec!["A", "A\nB"]);
    }
}
