//! `.. list-table::` (a bullet list of rows, each a bullet list of cells) and
//! `.. csv-table::` (comma-separated records in the directive content). Both take
//! `:header-rows: N`; csv tables also take `:header:` and `:delim:`.

use super::body::{item_lines, list_marker, rich_paragraph, rich_text_of};
use super::context::Ctx;
use super::directive::DirectiveParts;
use super::grid::merge_header_rows;
use super::lines::Line;
use crate::diag::catalogue;
use crate::diag::Span;
use crate::doc::{Cell, RichText, Row, Table};

/// One parsed row before the table is squared up: its span and cell texts.
struct RawRow {
    span: Span,
    cells: Vec<RichText>,
}

pub(crate) fn list_table(ctx: &mut Ctx, parts: &DirectiveParts, start: u32) -> Table {
    let mut rows = Vec::new();
    for (row_lines, first, last) in items(ctx, &parts.content) {
        let mut cells = Vec::new();
        for (cell_lines, _, _) in items(ctx, &row_lines) {
            let (text, anchors) = rich_text_of(ctx, &cell_lines);
            ctx.pending_anchors.extend(anchors);
            cells.push(text);
        }
        rows.push(RawRow {
            span: ctx.span(first, last),
            cells,
        });
    }
    let header_rows = header_rows(ctx, parts, start);
    square(ctx, rows, header_rows, None, start)
}

/// The bullet items of `lines`: (content lines, first line no, last line no). Text outside
/// items is reported, since a list table has nowhere to put it.
fn items(ctx: &mut Ctx, lines: &[Line]) -> Vec<(Vec<Line>, u32, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        match list_marker(&line.text).filter(|_| line.indent() == 0) {
            Some(col) => {
                let (content, end) = item_lines(lines, i, col);
                let last = lines[..end].last().map_or(line.no, |l| l.no);
                out.push((content, line.no, last));
                i = end.max(i + 1);
            }
            None => {
                let span = ctx.span(line.no, line.no);
                ctx.diags.add(
                    &span,
                    catalogue::READ_RST_MALFORMED_TABLE,
                    "list-table content outside a bullet item is ignored",
                );
                i += 1;
            }
        }
    }
    out
}

pub(crate) fn csv_table(ctx: &mut Ctx, parts: &DirectiveParts, start: u32) -> Table {
    let delim = match parts.option("delim") {
        Some("tab") => '\t',
        Some("space") => ' ',
        Some(d) => d.chars().next().unwrap_or(','),
        None => ',',
    };
    if parts.option("file").is_some() || parts.option("url").is_some() {
        let span = ctx.span(start, start);
        ctx.diags.add(
            &span,
            catalogue::READ_RST_MALFORMED_TABLE,
            "csv-table data from :file: or :url: is not read; only inline content is",
        );
    }
    let explicit_header = parts.option("header").map(|h| {
        let fields = csv_records(&[Line::new(start, h)], delim)
            .into_iter()
            .next()
            .map(|(_, _, f)| f)
            .unwrap_or_default();
        fields
            .iter()
            .map(|f| rich_paragraph(ctx, f, start, 0))
            .collect::<Vec<_>>()
    });
    let rows = csv_records(&parts.content, delim)
        .into_iter()
        .map(|(first, last, fields)| RawRow {
            span: ctx.span(first, last),
            cells: fields
                .iter()
                .map(|f| rich_paragraph(ctx, f.trim(), first, 0))
                .collect(),
        })
        .collect();
    let header_rows = header_rows(ctx, parts, start);
    square(ctx, rows, header_rows, explicit_header, start)
}

/// CSV records: `"` quotes fields (doubled inside), a quoted field may span lines.
fn csv_records(lines: &[Line], delim: char) -> Vec<(u32, u32, Vec<String>)> {
    let mut records = Vec::new();
    let (mut fields, mut field, mut quoted, mut first) = (Vec::new(), String::new(), false, None);
    for line in lines {
        if line.is_blank() && !quoted {
            continue;
        }
        first.get_or_insert(line.no);
        let mut chars = line.text.trim_start().chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' if quoted => quoted = false,
                '"' if field.trim().is_empty() => {
                    field.clear();
                    quoted = true;
                }
                c if c == delim && !quoted => {
                    fields.push(std::mem::take(&mut field));
                    // rST allows a space after the delimiter.
                    while chars.peek() == Some(&' ') && delim != ' ' {
                        chars.next();
                    }
                }
                c => field.push(c),
            }
        }
        if quoted {
            field.push(' ');
            continue;
        }
        fields.push(std::mem::take(&mut field));
        records.push((
            first.take().unwrap_or(line.no),
            line.no,
            std::mem::take(&mut fields),
        ));
    }
    if quoted || !fields.is_empty() {
        fields.push(field);
        let last = lines.last().map_or(0, |l| l.no);
        records.push((first.unwrap_or(last), last, fields));
    }
    records
}

fn header_rows(ctx: &mut Ctx, parts: &DirectiveParts, start: u32) -> usize {
    match parts.option("header-rows").map(str::parse::<usize>) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            let span = ctx.span(start, start);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_MALFORMED_TABLE,
                ":header-rows: is not a number; no header rows assumed",
            );
            0
        }
    }
}

/// Give every row the same number of cells (short rows padded, with a warning) and split
/// off the header rows.
fn square(
    ctx: &mut Ctx,
    rows: Vec<RawRow>,
    header_rows: usize,
    explicit_header: Option<Vec<RichText>>,
    start: u32,
) -> Table {
    let width = rows
        .iter()
        .map(|r| r.cells.len())
        .chain(explicit_header.iter().map(Vec::len))
        .max()
        .unwrap_or(0);
    let mut rows: Vec<Row> = rows
        .into_iter()
        .map(|r| {
            if r.cells.len() < width {
                ctx.diags.add(
                    &r.span,
                    catalogue::READ_RST_MALFORMED_TABLE,
                    format!(
                        "row has {} cells, the table {}; padded with empty cells",
                        r.cells.len(),
                        width
                    ),
                );
            }
            let mut cells: Vec<Cell> = r.cells.into_iter().map(|text| Cell { text }).collect();
            cells.resize(width, Cell::default());
            Row {
                span: r.span,
                cells,
            }
        })
        .collect();
    let header_rows = header_rows.min(rows.len());
    let header_cells: Vec<Vec<Cell>> = rows.drain(..header_rows).map(|r| r.cells).collect();
    let mut header = match explicit_header {
        Some(h) => h.into_iter().map(|text| Cell { text }).collect(),
        None if header_cells.is_empty() => {
            let span = ctx.span(start, start);
            ctx.diags.add(
                &span,
                catalogue::READ_RST_TABLE_WITHOUT_HEADER,
                "table has no header rows; header cells are empty",
            );
            Vec::new()
        }
        None => merge_header_rows(&header_cells),
    };
    header.resize(width, Cell::default());
    Table {
        caption: None,
        header,
        rows,
        pieces: 1,
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::{Block, BlockKind, Table};
    use crate::read::rst::read;
    use std::sync::Arc;

    fn table(src: &str) -> (Block, Table, Vec<String>) {
        let (doc, diags) = read(Arc::from("t.rst"), src);
        let block = doc
            .blocks
            .into_iter()
            .find(|b| matches!(b.kind, BlockKind::Table(_)))
            .expect("table");
        let BlockKind::Table(t) = block.kind.clone() else {
            unreachable!()
        };
        (block, t, diags.iter().map(|d| d.code.clone()).collect())
    }

    fn rows(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.plain()).collect())
            .collect()
    }

    #[test]
    fn list_table_with_header_and_multi_paragraph_cell() {
        let src = ".. _lt:\n\n.. list-table:: **Table 1** Params\n   :header-rows: 1\n\n   * - Name\n     - Description\n   * - ``id``\n     - First.\n\n       Second.\n   * - short\n";
        let (block, t, diags) = table(src);
        assert_eq!(block.anchors, vec!["lt".to_string()]);
        assert_eq!(t.caption.as_ref().unwrap().plain(), "Table 1 Params");
        assert_eq!(
            t.header.iter().map(|c| c.text.plain()).collect::<Vec<_>>(),
            ["Name", "Description"]
        );
        assert_eq!(
            rows(&t),
            vec![vec!["id", "First.\nSecond."], vec!["short", ""]]
        );
        assert_eq!((t.rows[0].span.start, t.rows[0].span.end), (8, 11));
        assert_eq!(diags, ["read.rst.malformed-table"]);
        assert_eq!((block.span.start, block.span.end), (3, 12));
    }

    #[test]
    fn csv_table_with_quotes_header_option_and_multiline_field() {
        let src = ".. csv-table:: Codes\n   :header: \"Code\", \"Meaning\"\n\n   200, OK\n   \"400\", \"Bad, \"\"really\"\"\n   bad\"\n";
        let (_, t, diags) = table(src);
        assert_eq!(
            t.header.iter().map(|c| c.text.plain()).collect::<Vec<_>>(),
            ["Code", "Meaning"]
        );
        assert_eq!(
            rows(&t),
            vec![vec!["200", "OK"], vec!["400", "Bad, \"really\" bad"]]
        );
        assert_eq!((t.rows[1].span.start, t.rows[1].span.end), (5, 6));
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn csv_table_header_rows_and_bad_option() {
        let (_, t, diags) = table(".. csv-table::\n   :header-rows: x\n\n   a,b\n");
        assert_eq!(rows(&t), vec![vec!["a", "b"]]);
        assert_eq!(
            diags,
            ["read.rst.malformed-table", "read.rst.table-without-header"]
        );
    }
}
