//! Source lines with their 1-based line numbers, and the indentation helpers every rST
//! construct needs (rST structure is mostly indentation).

/// One source line. `text` has tabs expanded and trailing whitespace removed; nested
/// constructs (list items, directive content, table cells) work on dedented copies that
/// keep the original line number so that spans and diagnostics point at the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub no: u32,
    pub text: String,
}

impl Line {
    pub fn new(no: u32, text: impl Into<String>) -> Self {
        Line {
            no,
            text: text.into(),
        }
    }
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
    /// Leading spaces, in characters.
    pub fn indent(&self) -> usize {
        self.text.chars().take_while(|c| *c == ' ').count()
    }
}

/// Split a page into lines: tabs expanded to 8-column stops (the rST rule), trailing
/// whitespace dropped, a leading byte-order mark removed.
pub(crate) fn split(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            Line::new(
                u32::try_from(i + 1).unwrap_or(u32::MAX),
                expand_tabs(l).trim_end(),
            )
        })
        .collect()
}

fn expand_tabs(line: &str) -> String {
    if !line.contains('\t') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut col = 0usize;
    for c in line.chars() {
        if c == '\t' {
            let pad = 8 - col % 8;
            out.extend(std::iter::repeat_n(' ', pad));
            col += pad;
        } else {
            out.push(c);
            col += 1;
        }
    }
    out
}

/// Smallest indentation of the non-blank lines (0 when all are blank).
pub(crate) fn min_indent(lines: &[Line]) -> usize {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(Line::indent)
        .min()
        .unwrap_or(0)
}

/// Remove up to `n` leading spaces from every line.
pub(crate) fn dedent(lines: &[Line], n: usize) -> Vec<Line> {
    lines
        .iter()
        .map(|l| {
            // Indentation is spaces, one byte each, so the cut is a byte offset.
            let strip = l.indent().min(n);
            Line::new(l.no, &l.text[strip..])
        })
        .collect()
}

/// Remove the common indentation of all non-blank lines.
pub(crate) fn dedent_common(lines: &[Line]) -> Vec<Line> {
    dedent(lines, min_indent(lines))
}

/// Exclusive end of the indented block that starts at `from`: the run of blank or indented
/// lines, without its trailing blank lines.
pub(crate) fn indented_end(lines: &[Line], from: usize) -> usize {
    let mut end = from;
    let mut last_text = from;
    while end < lines.len() && (lines[end].is_blank() || lines[end].indent() > 0) {
        end += 1;
        if !lines[end - 1].is_blank() {
            last_text = end;
        }
    }
    last_text
}

/// The lines without leading and trailing blank lines.
pub(crate) fn trim_blank_edges(lines: &[Line]) -> &[Line] {
    let start = lines
        .iter()
        .position(|l| !l.is_blank())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_blank())
        .map_or(start, |p| p + 1);
    &lines[start..end.max(start)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ls(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line::new(i as u32 + 1, *t))
            .collect()
    }

    #[test]
    fn split_expands_tabs_and_strips_bom() {
        let lines = split("\u{feff}a\tb  \n\tc");
        assert_eq!(lines[0], Line::new(1, "a       b"));
        assert_eq!(lines[1], Line::new(2, "        c"));
    }

    #[test]
    fn indented_end_stops_at_unindented_text_and_drops_trailing_blanks() {
        let lines = ls(&["x", "  a", "", "   b", "", "y"]);
        assert_eq!(indented_end(&lines, 1), 4);
        assert_eq!(indented_end(&lines, 5), 5);
    }

    #[test]
    fn dedent_keeps_relative_indentation_and_line_numbers() {
        let out = dedent_common(&ls(&["   a", "", "     b"]));
        assert_eq!(out, ls(&["a", "", "  b"]));
    }

    #[test]
    fn trim_blank_edges_keeps_inner_blanks() {
        let lines = ls(&["", "a", "", "b", ""]);
        assert_eq!(trim_blank_edges(&lines).len(), 3);
        assert!(trim_blank_edges(&ls(&["", ""])).is_empty());
    }
}
