//! Table grid: expand `colspan`/`rowspan` so every row is a plain list of cells.

use crate::doc::Cell;

/// Spans larger than this are treated as errors in the page, not as layout to reproduce
/// (a `colspan="100000"` must not make the reader allocate a huge row).
pub(crate) const MAX_SPAN: usize = 256;

#[derive(Debug, Clone)]
pub(crate) struct RawCell {
    pub cell: Cell,
    pub colspan: usize,
    /// 0 means "to the end of the row group", as in HTML.
    pub rowspan: usize,
}

impl RawCell {
    pub fn new(cell: Cell, colspan: Option<&str>, rowspan: Option<&str>) -> Self {
        let parse = |v: Option<&str>, default: usize| {
            v.and_then(|s| s.trim().parse::<usize>().ok())
                .unwrap_or(default)
        };
        RawCell {
            cell,
            colspan: parse(colspan, 1).clamp(1, MAX_SPAN),
            rowspan: parse(rowspan, 1).min(MAX_SPAN),
        }
    }
}

/// Expand one row group (thead or tbody): a cell spanning columns is repeated in each of
/// them, a cell spanning rows is repeated in the rows below.
pub(crate) fn expand(rows: &[Vec<RawCell>]) -> Vec<Vec<Cell>> {
    // Per column: the cell still hanging down from a row above, and how many rows it covers.
    let mut carry: Vec<Option<(Cell, usize)>> = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let rows_left = rows.len() - r; // this row included
        let mut cells = row.iter();
        let mut expanded: Vec<Cell> = Vec::new();
        let mut col = 0;
        loop {
            if let Some(slot) = carry.get_mut(col) {
                if let Some((cell, left)) = slot {
                    expanded.push(cell.clone());
                    *left -= 1;
                    if *left == 0 {
                        *slot = None;
                    }
                    col += 1;
                    continue;
                }
            }
            match cells.next() {
                Some(raw) => {
                    let down = if raw.rowspan == 0 {
                        rows_left
                    } else {
                        raw.rowspan.min(rows_left)
                    };
                    for _ in 0..raw.colspan {
                        if carry.len() <= col {
                            carry.resize(col + 1, None);
                        }
                        carry[col] = (down > 1).then(|| (raw.cell.clone(), down - 1));
                        expanded.push(raw.cell.clone());
                        col += 1;
                    }
                }
                // Cells hanging down further right leave a hole here; keep the columns aligned.
                None if carry.iter().skip(col).any(Option::is_some) => {
                    expanded.push(Cell::default());
                    col += 1;
                }
                None => break,
            }
        }
        out.push(expanded);
    }
    out
}

/// Several header rows (grouped headings) become one: per column, the distinct texts top-down.
pub(crate) fn merge_header_rows(rows: Vec<Vec<Cell>>) -> Vec<Cell> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .map(|c| {
            let mut merged = Cell::default();
            for cell in rows.iter().filter_map(|r| r.get(c)) {
                for p in &cell.text.paragraphs {
                    if !merged.text.paragraphs.contains(p) {
                        merged.text.paragraphs.push(p.clone());
                    }
                }
            }
            merged
        })
        .collect()
}

/// Make a row exactly `width` cells wide; returns the original width when it was ragged.
pub(crate) fn fit_width(cells: &mut Vec<Cell>, width: usize) -> Option<usize> {
    let had = cells.len();
    if had == width {
        return None;
    }
    cells.resize(width, Cell::default());
    Some(had)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::RichText;

    fn raw(s: &str, colspan: usize, rowspan: usize) -> RawCell {
        RawCell {
            cell: Cell {
                text: RichText::from_text(s),
            },
            colspan,
            rowspan,
        }
    }

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.text.plain()).collect())
            .collect()
    }

    #[test]
    fn rowspan_repeats_downwards() {
        let rows = vec![
            vec![raw("g", 1, 3), raw("a", 1, 1)],
            vec![raw("b", 1, 1)],
            vec![raw("c", 1, 1)],
            vec![raw("x", 1, 1), raw("d", 1, 1)],
        ];
        assert_eq!(
            texts(&expand(&rows)),
            vec![
                vec!["g", "a"],
                vec!["g", "b"],
                vec!["g", "c"],
                vec!["x", "d"]
            ]
        );
    }

    #[test]
    fn colspan_repeats_sideways_and_combines_with_rowspan() {
        let rows = vec![
            vec![raw("wide", 2, 2), raw("a", 1, 1)],
            vec![raw("b", 1, 1)],
        ];
        assert_eq!(
            texts(&expand(&rows)),
            vec![vec!["wide", "wide", "a"], vec!["wide", "wide", "b"]]
        );
    }

    #[test]
    fn rowspan_zero_and_overlong_stop_at_group_end() {
        let rows = vec![vec![raw("z", 1, 0), raw("a", 1, 1)], vec![raw("b", 1, 1)]];
        assert_eq!(texts(&expand(&rows)), vec![vec!["z", "a"], vec!["z", "b"]]);
        let rows = vec![vec![raw("long", 1, 9)], vec![]];
        assert_eq!(texts(&expand(&rows)), vec![vec!["long"], vec!["long"]]);
    }

    #[test]
    fn hole_before_hanging_cell_is_kept_aligned() {
        let rows = vec![vec![raw("a", 1, 1), raw("b", 1, 1), raw("c", 1, 2)], vec![]];
        assert_eq!(
            texts(&expand(&rows)),
            vec![vec!["a", "b", "c"], vec!["", "", "c"]]
        );
    }

    #[test]
    fn spans_are_clamped() {
        let c = RawCell::new(Cell::default(), Some("100000"), Some("-3"));
        assert_eq!((c.colspan, c.rowspan), (MAX_SPAN, 1));
        let c = RawCell::new(Cell::default(), Some("0"), Some("0"));
        assert_eq!((c.colspan, c.rowspan), (1, 0));
    }

    #[test]
    fn header_rows_merge_per_column() {
        let rows = expand(&[
            vec![raw("参数", 1, 2), raw("取值", 2, 1)],
            vec![raw("最小", 1, 1), raw("最大", 1, 1)],
        ]);
        let merged = merge_header_rows(rows);
        let got: Vec<String> = merged.iter().map(|c| c.text.one_line()).collect();
        assert_eq!(got, vec!["参数", "取值 最小", "取值 最大"]);
    }

    #[test]
    fn fit_width_pads_and_truncates() {
        let mut row = vec![Cell::default()];
        assert_eq!(fit_width(&mut row, 3), Some(1));
        assert_eq!(row.len(), 3);
        assert_eq!(fit_width(&mut row, 2), Some(3));
        assert_eq!(fit_width(&mut row, 2), None);
    }
}
