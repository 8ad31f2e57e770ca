//! HTML table parsing (scraper) shared by readers whose pages embed HTML tables.
//!
//! A reader hands over a block-level HTML fragment ([`Fragment`]) and gets back [`Piece`]s:
//! blocks (tables, paragraphs of notes, `<pre>` code) and loose anchors (`<a name>` that wait
//! for the next block). scraper's DOM carries no source positions, so before parsing every
//! structural opening tag gets a marker attribute with its byte offset in the fragment; the
//! markers give rows and paragraphs their real line numbers.

mod grid;
mod rich;

pub use rich::{link_target, rich_text_from_html};

use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{Block, BlockKind, Cell, Row, Table};
use grid::RawCell;
use regex::Regex;
use rich::{FlowBuilder, PlacedParagraph};
use scraper::{ElementRef, Html, Node};
use std::sync::{Arc, LazyLock};

/// Attribute the reader adds to opening tags: the tag's byte offset in the fragment.
const MARKER_ATTR: &str = "data-docbind-at";

/// A block-level HTML fragment and how to map its offsets back to the page.
pub struct Fragment<'a> {
    pub file: &'a Arc<str>,
    pub html: &'a str,
    /// 1-based page line of a byte offset inside `html`.
    pub line_of: &'a dyn Fn(usize) -> u32,
    /// List depth of the context the fragment sits in (an HTML block inside a list item).
    pub list_depth: u8,
}

#[derive(Debug, Clone)]
pub enum Piece {
    /// An anchor that no block in the fragment claimed; it belongs to the next block.
    Anchor(String),
    Block(Block),
}

/// Read a block-level fragment into blocks and loose anchors, in document order.
pub fn read_fragment(frag: &Fragment<'_>, diags: &mut Diagnostics) -> Vec<Piece> {
    let html = match nesting_cut(frag.html) {
        None => frag.html,
        Some(cut) => {
            let span = Span::new(
                frag.file,
                (frag.line_of)(cut),
                (frag.line_of)(frag.html.len().saturating_sub(1)),
            );
            diags.add(
                &span,
                catalogue::READ_MD_HTML_TOO_DEEP,
                format!("HTML nested deeper than {MAX_NESTING} elements; the rest of this HTML block is skipped"),
            );
            &frag.html[..cut]
        }
    };
    let doc = Html::parse_fragment(&mark_offsets(html));
    let mut reader = FragmentReader {
        frag,
        lower: frag.html.to_ascii_lowercase(),
        pieces: Vec::new(),
        diags,
    };
    let mut flow = FlowBuilder::new();
    for child in doc.root_element().children() {
        let el = ElementRef::wrap(child);
        match el.map(|e| e.value().name()) {
            Some("table") => {
                let el = el.expect("matched an element");
                let start = marker(el).map(frag.line_of);
                reader.flush_flow(&mut flow, start);
                let block = reader.table(el);
                reader.pieces.push(Piece::Block(block));
            }
            Some("pre") => {
                let el = el.expect("matched an element");
                let start = marker(el).map(frag.line_of);
                reader.flush_flow(&mut flow, start);
                let block = reader.pre(el);
                reader.pieces.push(Piece::Block(block));
            }
            _ => {
                if matches!(child.value(), Node::Element(_) | Node::Text(_)) {
                    flow.walk(child);
                }
            }
        }
    }
    reader.flush_flow(&mut flow, None);
    let trailing = flow.take_anchors();
    reader
        .pieces
        .extend(trailing.into_iter().map(Piece::Anchor));
    reader.pieces
}

/// How deep HTML elements may nest. Real pages nest a table in a list in a cell a few levels
/// deep; the HTML parser's scope checks walk the stack of open elements (quadratic time) and
/// the tree walks recurse (stack depth), so deeper input is cut here, before parsing.
pub const MAX_NESTING: usize = 100;

/// Elements that never have content (no closing tag to wait for).
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements a repeated opening tag closes implicitly (`<p>a<p>b`, `<li>`, cells and rows).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// Byte offset of the first opening tag nested deeper than [`MAX_NESTING`], if any. A linear
/// scan of tags that mirrors how a parser nests them closely enough to bound its work: void
/// elements and `/>` do not nest, a repeated `<p>`/`<li>`/cell/row closes its sibling, a
/// closing tag closes up to its opening tag (stray ones are ignored). Comments, quotes and
/// scripts are not special: a miscount only moves where a pathological fragment is cut.
pub fn nesting_cut(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut open: Vec<&str> = Vec::new();
    let mut at = 0;
    while let Some(i) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + i;
        at = start + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = if closing { at + 1 } else { at };
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let end = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| name_start + p);
        at = end;
        if closing {
            if let Some(pos) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                open.truncate(pos);
            }
            continue;
        }
        let self_closed = end > 0 && bytes.get(end - 1) == Some(&b'/');
        if self_closed || VOID_ELEMENTS.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            continue;
        }
        let sibling = SELF_CLOSING_SIBLINGS
            .iter()
            .any(|s| s.eq_ignore_ascii_case(name));
        if sibling && open.last().is_some_and(|o| o.eq_ignore_ascii_case(name)) {
            continue;
        }
        if open.len() == MAX_NESTING {
            return Some(start);
        }
        open.push(name);
    }
    None
}

/// A structural opening tag: its name ends where an HTML tokenizer ends it (white space, `/`,
/// `>`). Spelled out rather than `\b`: a Unicode word boundary keeps the regex engine off its
/// fast path on every page that holds Chinese text.
static MARKED_TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)<(tr|td|th|p|li|pre|table|div|ul|ol|dl|dt|dd|h[1-6]|blockquote|caption|br)([\t\n\x0C\r />]|$)",
    )
    .expect("static regex")
});

/// Insert `data-docbind-at="OFFSET"` into each structural opening tag.
fn mark_offsets(html: &str) -> String {
    MARKED_TAGS
        .replace_all(html, |caps: &regex::Captures<'_>| {
            let whole = caps.get(0).expect("group 0 always matches");
            format!(
                "<{} {MARKER_ATTR}=\"{}\"{}",
                &caps[1],
                whole.start(),
                &caps[2]
            )
        })
        .into_owned()
}

fn marker(el: ElementRef<'_>) -> Option<usize> {
    el.attr(MARKER_ATTR).and_then(|v| v.parse().ok())
}

struct FragmentReader<'a, 'f> {
    frag: &'a Fragment<'f>,
    /// ASCII-lowercased copy of the fragment for case-insensitive closing-tag searches.
    lower: String,
    pieces: Vec<Piece>,
    diags: &'a mut Diagnostics,
}

impl FragmentReader<'_, '_> {
    fn span(&self, start: u32, end: u32) -> Span {
        Span::new(self.frag.file, start, end)
    }

    fn first_line(&self) -> u32 {
        (self.frag.line_of)(0)
    }

    fn last_line(&self) -> u32 {
        (self.frag.line_of)(self.frag.html.trim_end().len().saturating_sub(1))
    }

    /// Line of the first `needle` (a closing tag) at or after `from`.
    fn line_of_next(&self, needle: &str, from: usize) -> Option<u32> {
        let rest = self.lower.get(from..)?;
        rest.find(needle).map(|i| (self.frag.line_of)(from + i))
    }

    /// Turn the flow content gathered so far into paragraph blocks. `next_line` is where the
    /// following block starts, which bounds the last paragraph.
    fn flush_flow(&mut self, flow: &mut FlowBuilder, next_line: Option<u32>) {
        let paragraphs: Vec<PlacedParagraph> = flow.take_done();
        // Bare text has no tag to carry a marker: it starts after the previous block (or with
        // the fragment), and never before the paragraph ahead of it.
        let mut floor = self
            .pieces
            .iter()
            .rev()
            .find_map(|p| match p {
                Piece::Block(b) => Some(b.span.end + 1),
                Piece::Anchor(_) => None,
            })
            .unwrap_or_else(|| self.first_line());
        let starts: Vec<u32> = paragraphs
            .iter()
            .map(|p| {
                let start = p.at.map(self.frag.line_of).unwrap_or(floor);
                floor = start;
                start
            })
            .collect();
        let bound = next_line
            .map(|l| l.saturating_sub(1))
            .unwrap_or_else(|| self.last_line());
        for (i, placed) in paragraphs.into_iter().enumerate() {
            let start = starts[i];
            let end = starts
                .get(i + 1)
                .map(|n| n.saturating_sub(1))
                .unwrap_or(bound);
            let mut paragraph = placed.paragraph;
            paragraph.list_depth = paragraph.list_depth.saturating_add(self.frag.list_depth);
            let list_depth = paragraph.list_depth;
            self.pieces.push(Piece::Block(Block {
                span: self.span(start, end),
                anchors: placed.anchors,
                kind: BlockKind::Paragraph {
                    text: crate::doc::RichText {
                        paragraphs: vec![paragraph],
                    },
                    list_depth,
                },
            }));
        }
    }

    fn pre(&mut self, el: ElementRef<'_>) -> Block {
        let at = marker(el).unwrap_or(0);
        let start = (self.frag.line_of)(at);
        let end = self
            .line_of_next("</pre", at)
            .unwrap_or_else(|| self.last_line());
        let text: String = el.text().collect();
        let text = text
            .strip_prefix('\n')
            .unwrap_or(&text)
            .trim_end()
            .to_string();
        let lang = el
            .value()
            .classes()
            .find_map(|c| {
                c.strip_prefix("language-")
                    .or_else(|| c.strip_prefix("lang-"))
            })
            .map(str::to_string);
        let anchors = el
            .attr("id")
            .map(|id| vec![id.to_string()])
            .unwrap_or_default();
        Block {
            span: self.span(start, end),
            anchors,
            kind: BlockKind::Code { lang, text },
        }
    }

    fn table(&mut self, el: ElementRef<'_>) -> Block {
        let at = marker(el).unwrap_or(0);
        let start = (self.frag.line_of)(at);
        let mut caption = None;
        let mut head: Vec<ElementRef<'_>> = Vec::new();
        let mut body: Vec<ElementRef<'_>> = Vec::new();
        for child in el.child_elements() {
            match child.value().name() {
                "caption" => caption = Some(rich::rich_text_of(child)).filter(|c| !c.is_empty()),
                "thead" => head.extend(child.child_elements().filter(|r| r.value().name() == "tr")),
                "tbody" | "tfoot" => {
                    body.extend(child.child_elements().filter(|r| r.value().name() == "tr"))
                }
                "tr" => body.push(child),
                _ => {}
            }
        }
        // Without <thead>, leading rows made only of <th> are the header.
        if head.is_empty() {
            let n = body.iter().take_while(|r| is_header_row(**r)).count();
            head = body.drain(..n).collect();
        }
        let last_tr_end = head
            .iter()
            .chain(body.iter())
            .filter_map(|r| marker(*r))
            .max()
            .and_then(|at| self.lower.get(at..)?.find("</tr").map(|i| at + i));
        let end = last_tr_end
            .and_then(|from| self.line_of_next("</table", from))
            .or_else(|| self.line_of_next("</table", at))
            .unwrap_or_else(|| self.last_line());
        let table_span = self.span(start, end);

        let mut header = grid::merge_header_rows(grid::expand(&raw_rows(&head)));
        let mut body_cells = grid::expand(&raw_rows(&body));
        let mut body_spans: Vec<Span> = self.row_spans(&body, end);
        if header.is_empty() && !body_cells.is_empty() {
            self.diags.add(
                &body_spans[0],
                catalogue::READ_MD_TABLE_NO_HEADER,
                "table has no header row; its first row is used as the header",
            );
            header = body_cells.remove(0);
            body_spans.remove(0);
        }
        if header.is_empty() {
            self.diags.add(
                &table_span,
                catalogue::READ_MD_EMPTY_TABLE,
                "table has no rows",
            );
        }
        let width = header.len();
        let rows = body_cells
            .into_iter()
            .zip(body_spans)
            .map(|(mut cells, span)| {
                if let Some(had) = grid::fit_width(&mut cells, width) {
                    self.diags.add(
                        &span,
                        catalogue::READ_MD_RAGGED_ROW,
                        format!("row has {had} cells but the header has {width}; padded or cut to {width}"),
                    );
                }
                Row { span, cells }
            })
            .collect();
        let anchors = [el.attr("id"), el.attr("name")]
            .into_iter()
            .flatten()
            .map(str::to_string)
            .collect();
        Block {
            span: table_span,
            anchors,
            kind: BlockKind::Table(Table {
                caption,
                header,
                rows,
                pieces: 1,
            }),
        }
    }

    /// Each row runs from its `<tr>` to its `</tr>` (or up to the next row when unclosed).
    fn row_spans(&self, rows: &[ElementRef<'_>], table_end: u32) -> Vec<Span> {
        let starts: Vec<Option<usize>> = rows.iter().map(|r| marker(*r)).collect();
        let mut last = self.first_line();
        starts
            .iter()
            .enumerate()
            .map(|(i, at)| {
                // A row the HTML parser made up (cells without <tr>) has no marker of its own.
                let start = at.map(self.frag.line_of).unwrap_or(last);
                last = start;
                let next_start = starts.get(i + 1).copied().flatten().map(self.frag.line_of);
                let end = at
                    .and_then(|at| self.line_of_next("</tr", at))
                    .filter(|e| next_start.is_none_or(|n| *e <= n))
                    .or(next_start.map(|n| n.saturating_sub(1)))
                    .unwrap_or(table_end);
                self.span(start, end)
            })
            .collect()
    }
}

fn is_header_row(row: ElementRef<'_>) -> bool {
    let mut cells = row
        .child_elements()
        .filter(|c| matches!(c.value().name(), "td" | "th"))
        .peekable();
    cells.peek().is_some() && cells.all(|c| c.value().name() == "th")
}

fn raw_rows(rows: &[ElementRef<'_>]) -> Vec<Vec<RawCell>> {
    rows.iter()
        .map(|row| {
            row.child_elements()
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(|c| {
                    RawCell::new(
                        Cell {
                            text: rich::rich_text_of(c),
                        },
                        c.attr("colspan"),
                        c.attr("rowspan"),
                    )
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Inline, LinkTarget};
    use crate::read::lines::LineIndex;

    #[test]
    fn structural_tags_are_marked_where_a_tokenizer_ends_their_names() {
        assert_eq!(
            mark_offsets("<TR><td class=\"c\">a<br/></td><table-x><p\n>"),
            "<TR data-docbind-at=\"0\"><td data-docbind-at=\"4\" class=\"c\">a<br data-docbind-at=\"19\"/></td><table-x><p data-docbind-at=\"38\"\n>"
        );
        // A name running on into other letters (Chinese ones too) is another tag.
        assert_eq!(
            mark_offsets("<td中>x<pre"),
            "<td中>x<pre data-docbind-at=\"8\""
        );
    }

    fn read(html: &str) -> (Vec<Piece>, Diagnostics) {
        let file: Arc<str> = Arc::from("t.md");
        let idx = LineIndex::new(html);
        let line_of = |off: usize| idx.line(off) + 10; // fragment starts on page line 11
        let frag = Fragment {
            file: &file,
            html,
            line_of: &line_of,
            list_depth: 0,
        };
        let mut diags = Diagnostics::new();
        let pieces = read_fragment(&frag, &mut diags);
        (pieces, diags)
    }

    fn only_table(pieces: &[Piece]) -> (&Block, &Table) {
        let tables: Vec<(&Block, &Table)> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Block(
                    b @ Block {
                        kind: BlockKind::Table(t),
                        ..
                    },
                ) => Some((b, t)),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 1);
        tables[0]
    }

    fn grid(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.one_line()).collect())
            .collect()
    }

    #[test]
    fn table_rows_have_real_lines_and_spans_expand() {
        let html = "<table id=\"t1\"><thead><tr><th>组</th><th>名</th><th>说明</th></tr>\n</thead>\n<tbody><tr><td rowspan=\"2\">A</td><td>x</td><td>1</td>\n</tr>\n<tr><td>y</td><td>2</td>\n</tr>\n<tr><td colspan=\"3\">全部</td></tr>\n</tbody>\n</table>\n";
        let (pieces, diags) = read(html);
        assert!(diags.is_empty(), "{diags:?}");
        let (block, t) = only_table(&pieces);
        assert_eq!(block.anchors, vec!["t1".to_string()]);
        assert_eq!((block.span.start, block.span.end), (11, 19));
        let header: Vec<String> = t.header.iter().map(|c| c.text.one_line()).collect();
        assert_eq!(header, vec!["组", "名", "说明"]);
        assert_eq!(
            grid(t),
            vec![
                vec!["A", "x", "1"],
                vec!["A", "y", "2"],
                vec!["全部", "全部", "全部"]
            ]
        );
        let spans: Vec<(u32, u32)> = t.rows.iter().map(|r| (r.span.start, r.span.end)).collect();
        assert_eq!(spans, vec![(13, 14), (15, 16), (17, 17)]);
    }

    #[test]
    fn ragged_rows_are_fitted_with_a_diagnostic() {
        let html = "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>";
        let (pieces, diags) = read(html);
        let (_, t) = only_table(&pieces);
        assert_eq!(grid(t), vec![vec!["1", ""], vec!["1", "2"]]);
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, vec!["read.md.ragged-row", "read.md.ragged-row"]);
    }

    #[test]
    fn headerless_table_promotes_first_row() {
        let (pieces, diags) =
            read("<table><tr><td>k</td><td>v</td></tr><tr><td>1</td><td>2</td></tr></table>");
        let (_, t) = only_table(&pieces);
        assert_eq!(t.header.len(), 2);
        assert_eq!(grid(t), vec![vec!["1", "2"]]);
        assert_eq!(
            diags.iter().next().map(|d| d.code.as_str()),
            Some("read.md.table-no-header")
        );
    }

    #[test]
    fn notes_become_paragraphs_and_anchors_float() {
        let html = "<div class=\"note\"><span class=\"notetitle\"> 说明： </span><div class=\"notebody\"><p>第一段<a href=\"#\">丢失</a></p>\n<ul><li>项</li></ul>\n</div></div>\n<a name=\"table9\"></a>\n";
        let (pieces, _) = read(html);
        let paras: Vec<(String, u8, u32)> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Block(Block {
                    kind: BlockKind::Paragraph { text, list_depth },
                    span,
                    ..
                }) => Some((text.one_line(), *list_depth, span.start)),
                _ => None,
            })
            .collect();
        assert_eq!(
            paras,
            vec![
                ("说明：".into(), 0, 11),
                ("第一段丢失".into(), 0, 11),
                ("项".into(), 1, 12)
            ]
        );
        assert!(matches!(pieces.last(), Some(Piece::Anchor(a)) if a == "table9"));
        let lost = pieces.iter().find_map(|p| match p {
            Piece::Block(Block {
                kind: BlockKind::Paragraph { text, .. },
                ..
            }) => text.links().next().map(|(_, t)| t.clone()),
            _ => None,
        });
        assert_eq!(lost, Some(LinkTarget::Lost));
    }

    #[test]
    fn top_level_pre_is_code() {
        let (pieces, _) = read("<pre class=\"screen\">\n{\n  \"a\": 1\n}</pre>\n");
        match &pieces[..] {
            [Piece::Block(Block {
                kind: BlockKind::Code { lang, text },
                span,
                ..
            })] => {
                assert_eq!(lang, &None);
                assert_eq!(text, "{\n  \"a\": 1\n}");
                assert_eq!((span.start, span.end), (11, 14));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn cell_inline_kinds() {
        let html = "<table><thead><tr><th>参数</th></tr></thead><tbody><tr><td><p>取<span class=\"parmvalue\">“obs”</span></p></td></tr></tbody></table>";
        let (pieces, _) = read(html);
        let (_, t) = only_table(&pieces);
        assert_eq!(
            t.rows[0].cells[0].text.paragraphs[0].inlines,
            vec![Inline::Text("取".into()), Inline::Code("obs".into())]
        );
    }

    #[test]
    fn garbage_does_not_panic() {
        for html in [
            "<table",
            "<tr><td>x",
            "</table></tr>",
            "<table><tr><td colspan=99999999999>x</td></tr></table>",
            "<pre",
            "\u{0}<p>",
        ] {
            let _ = read(html);
        }
    }

    #[test]
    fn nesting_counts_what_a_parser_keeps_open() {
        let deep = |tag: &str, n: usize| format!("{}x", format!("<{tag}>").repeat(n));
        // Siblings a repeated tag closes, void elements, `/>` and closed elements do not nest.
        for flat in [
            deep("p", 1000),
            deep("li", 1000),
            deep("br", 1000),
            "<img/>".repeat(1000),
            "<div>a</div>".repeat(1000),
            "<DIV>a</div>".repeat(1000),
            "</div>".repeat(1000),
        ] {
            assert_eq!(nesting_cut(&flat), None, "{}", &flat[..20]);
        }
        let divs = deep("div", MAX_NESTING + 5);
        assert_eq!(nesting_cut(&divs), Some(MAX_NESTING * "<div>".len()));
        assert_eq!(nesting_cut(&deep("div", MAX_NESTING)), None);
        // A closing tag closes what it matches and everything left open inside it.
        let closed = format!(
            "{}{}{}",
            deep("td><span", 40),
            "</td>".repeat(40),
            deep("b", 70)
        );
        assert_eq!(nesting_cut(&closed), None);
    }
}
