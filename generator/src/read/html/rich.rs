//! HTML flow content (table cells, notes, rendered markdown paragraphs) → rich text.
//!
//! The walker keeps what extraction needs: paragraph structure (`<p>`, `<br>`, list items with
//! their depth), links with classified targets, literals (`<code>`, `parmvalue` spans) and bold
//! runs. Everything else collapses to its text, with HTML whitespace rules applied per run.

use super::MARKER_ATTR;
use crate::doc::{Inline, LinkTarget, Paragraph, RichText};
use scraper::{ElementRef, Node};

/// A finished paragraph plus what the block-level reader needs to place it.
#[derive(Debug, Clone)]
pub(crate) struct PlacedParagraph {
    pub paragraph: Paragraph,
    /// `<a name>` / `id` anchors met in or right before this paragraph.
    pub anchors: Vec<String>,
    /// Fragment offset of the innermost marked element the paragraph started in.
    pub at: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Strong,
}

/// Turns a DOM subtree into paragraphs; call [`FlowBuilder::walk`] on nodes in order.
#[derive(Debug, Default)]
pub(crate) struct FlowBuilder {
    done: Vec<PlacedParagraph>,
    inlines: Vec<Inline>,
    /// Anchors waiting for the open (or next) paragraph.
    anchors: Vec<String>,
    depth: u8,
    open_at: Option<usize>,
    list_depth: u8,
    at: Option<usize>,
}

impl FlowBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn walk(&mut self, node: ego_tree::NodeRef<'_, Node>) {
        self.walk_styled(node, Style::Plain);
    }

    pub fn walk_children(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            self.walk_styled(child, Style::Plain);
        }
    }

    fn walk_styled(&mut self, node: ego_tree::NodeRef<'_, Node>, style: Style) {
        match node.value() {
            Node::Text(t) => self.push(match style {
                Style::Plain => Inline::Text(t.to_string()),
                Style::Strong => Inline::Strong(t.to_string()),
            }),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(node) {
                    self.element(el, style);
                }
            }
            _ => {}
        }
    }

    fn children(&mut self, el: ElementRef<'_>, style: Style) {
        for child in el.children() {
            self.walk_styled(child, style);
        }
    }

    fn element(&mut self, el: ElementRef<'_>, style: Style) {
        let outer_at = self.at;
        if let Some(at) = el.attr(MARKER_ATTR).and_then(|v| v.parse().ok()) {
            self.at = Some(at);
        }
        match el.value().name() {
            "a" => self.anchor_or_link(el, style),
            "br" => self.break_paragraph(),
            "img" | "script" | "style" | "template" | "head" | "title" | "meta" | "link" => {}
            "pre" => {
                self.break_paragraph();
                self.push(Inline::Code(pre_text(el)));
                self.break_paragraph();
            }
            "code" | "tt" | "kbd" | "samp" => {
                self.push(Inline::Code(collapse_ws(&text_of(el)).trim().to_string()))
            }
            "span" if has_class(el, "parmvalue") => self.push(Inline::Code(
                strip_quotes(collapse_ws(&text_of(el)).trim()).to_string(),
            )),
            "strong" | "b" => self.children(el, Style::Strong),
            "ul" | "ol" | "dl" => {
                self.break_paragraph();
                self.list_depth = self.list_depth.saturating_add(1);
                self.children(el, style);
                self.list_depth = self.list_depth.saturating_sub(1);
                self.break_paragraph();
            }
            "li" | "dt" | "dd" => {
                self.break_paragraph();
                // A stray <li> outside any list still reads as a list item.
                let stray = self.list_depth == 0;
                if stray {
                    self.list_depth = 1;
                }
                self.children(el, style);
                self.break_paragraph();
                if stray {
                    self.list_depth = 0;
                }
            }
            // Cells of a table nested in flow content: keep them apart on the row's line.
            "td" | "th" => {
                self.push(Inline::Text(" ".into()));
                self.children(el, style);
            }
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "section"
            | "article" | "header" | "footer" | "caption" | "table" | "thead" | "tbody"
            | "tfoot" | "tr" | "figure" | "figcaption" | "center" | "hr" | "html" | "body" => {
                self.break_paragraph();
                self.children(el, style);
                self.break_paragraph();
            }
            _ => self.children(el, style),
        }
        self.at = outer_at;
    }

    fn anchor_or_link(&mut self, el: ElementRef<'_>, style: Style) {
        match el.attr("href") {
            Some(href) => {
                let text = collapse_ws(&text_of(el)).trim().to_string();
                self.push(Inline::Link {
                    text,
                    target: link_target(href),
                });
            }
            None => {
                for name in [el.attr("name"), el.attr("id")].into_iter().flatten() {
                    let name = name.trim();
                    if !name.is_empty() && !self.anchors.iter().any(|a| a == name) {
                        self.anchors.push(name.to_string());
                    }
                }
                self.children(el, style);
            }
        }
    }

    fn push(&mut self, inline: Inline) {
        if self.inlines.is_empty() {
            if inline.text().trim().is_empty() && !matches!(inline, Inline::Link { .. }) {
                return; // leading whitespace never opens a paragraph
            }
            self.depth = self.list_depth;
            self.open_at = self.at;
        }
        self.inlines.push(inline);
    }

    /// Close the open paragraph (if it has any content).
    pub fn break_paragraph(&mut self) {
        let inlines = normalize_inlines(std::mem::take(&mut self.inlines));
        if inlines.is_empty() {
            return;
        }
        self.done.push(PlacedParagraph {
            paragraph: Paragraph {
                list_depth: self.depth,
                inlines,
            },
            anchors: std::mem::take(&mut self.anchors),
            at: self.open_at,
        });
    }

    /// Finished paragraphs and anchors that no paragraph followed.
    pub fn finish(mut self) -> (Vec<PlacedParagraph>, Vec<String>) {
        self.break_paragraph();
        (self.done, self.anchors)
    }

    /// Take the paragraphs finished so far (the builder stays usable).
    pub fn take_done(&mut self) -> Vec<PlacedParagraph> {
        self.break_paragraph();
        std::mem::take(&mut self.done)
    }

    pub fn take_anchors(&mut self) -> Vec<String> {
        std::mem::take(&mut self.anchors)
    }
}

/// Rich text of an element's content (a table cell); anchors inside are dropped.
pub(crate) fn rich_text_of(el: ElementRef<'_>) -> RichText {
    let mut flow = FlowBuilder::new();
    flow.walk_children(el);
    let (paragraphs, _anchors) = flow.finish();
    RichText {
        paragraphs: paragraphs.into_iter().map(|p| p.paragraph).collect(),
    }
}

/// Rich text of an inline HTML fragment (a markdown paragraph rendered to HTML), with the
/// anchors it carries.
pub fn rich_text_from_html(html: &str) -> (RichText, Vec<String>) {
    let doc = scraper::Html::parse_fragment(html);
    let mut flow = FlowBuilder::new();
    flow.walk_children(doc.root_element());
    let (paragraphs, trailing) = flow.finish();
    let mut anchors = Vec::new();
    for a in paragraphs
        .iter()
        .flat_map(|p| p.anchors.iter())
        .chain(trailing.iter())
    {
        if !anchors.contains(a) {
            anchors.push(a.clone());
        }
    }
    (
        RichText {
            paragraphs: paragraphs.into_iter().map(|p| p.paragraph).collect(),
        },
        anchors,
    )
}

/// Classify an `href` the way the documentation converters write them.
pub fn link_target(href: &str) -> LinkTarget {
    let href = href.trim();
    if href.is_empty() || href == "#" || href.to_ascii_lowercase().starts_with("javascript:") {
        return LinkTarget::Lost;
    }
    if let Some(anchor) = href.strip_prefix('#') {
        return LinkTarget::Anchor(anchor.to_string());
    }
    if href.contains("://") || href.to_ascii_lowercase().starts_with("mailto:") {
        return LinkTarget::Url(href.to_string());
    }
    match href.split_once('#') {
        Some((page, anchor)) => LinkTarget::Page {
            page: page.to_string(),
            anchor: Some(anchor).filter(|a| !a.is_empty()).map(str::to_string),
        },
        None => LinkTarget::Page {
            page: href.to_string(),
            anchor: None,
        },
    }
}

fn has_class(el: ElementRef<'_>, class: &str) -> bool {
    el.value().classes().any(|c| c.eq_ignore_ascii_case(class))
}

fn text_of(el: ElementRef<'_>) -> String {
    el.text().collect()
}

/// `<pre>` keeps its whitespace; the newline right after `<pre>` is not content (HTML rule),
/// trailing blank lines are layout.
fn pre_text(el: ElementRef<'_>) -> String {
    let text = text_of(el);
    let text = text
        .strip_prefix("\r\n")
        .or_else(|| text.strip_prefix('\n'))
        .unwrap_or(&text);
    text.trim_end().to_string()
}

/// `parmvalue` spans quote their value (“obs”, sometimes “obs“ or "obs"); the quotes are
/// typography, not part of the value.
pub(crate) fn strip_quotes(s: &str) -> &str {
    const QUOTES: &[char] = &['“', '”', '"', '‘', '’', '\''];
    let mut chars = s.chars();
    match (chars.next(), chars.next_back()) {
        (Some(a), Some(b)) if QUOTES.contains(&a) && QUOTES.contains(&b) => chars.as_str(),
        _ => s,
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}')
}

/// HTML whitespace collapsing: every run of whitespace becomes one space.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if is_html_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Collapse whitespace across the runs of one paragraph, trim its ends, drop empty runs and
/// merge neighbouring runs of the same kind. `Code` runs keep their text (a `<pre>` block).
fn normalize_inlines(raw: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(raw.len());
    let mut after_space = true; // paragraph start behaves like preceding whitespace
    for inline in raw {
        let inline = match inline {
            Inline::Text(s) | Inline::Strong(s) if s.is_empty() => continue,
            Inline::Text(s) => Inline::Text(collapse_after(&s, after_space)),
            Inline::Strong(s) => Inline::Strong(collapse_after(&s, after_space)),
            other => other,
        };
        match &inline {
            Inline::Text(s) | Inline::Strong(s) => {
                if s.is_empty() {
                    continue;
                }
                after_space = s.ends_with(' ');
            }
            _ => after_space = false,
        }
        match (out.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(s)) => prev.push_str(&s),
            (Some(Inline::Strong(prev)), Inline::Strong(s)) => prev.push_str(&s),
            (_, inline) => out.push(inline),
        }
    }
    // Trailing whitespace is layout; a run that becomes empty disappears.
    while let Some(last) = out.last_mut() {
        match last {
            Inline::Text(s) | Inline::Strong(s) => {
                let trimmed_len = s.trim_end_matches(' ').len();
                s.truncate(trimmed_len);
                if s.is_empty() {
                    out.pop();
                    continue;
                }
            }
            _ => {}
        }
        break;
    }
    // Whitespace before a strong run belongs outside it: "a<b> x</b>" reads "a" " x".
    out
}

fn collapse_after(s: &str, after_space: bool) -> String {
    let c = collapse_ws(s);
    if after_space {
        c.trim_start_matches(' ').to_string()
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(html: &str) -> RichText {
        let doc =
            scraper::Html::parse_fragment(&format!("<table><tr><td>{html}</td></tr></table>"));
        let sel = scraper::Selector::parse("td").unwrap();
        let td = doc.select(&sel).next().unwrap();
        rich_text_of(td)
    }

    fn para(depth: u8, inlines: Vec<Inline>) -> Paragraph {
        Paragraph {
            list_depth: depth,
            inlines,
        }
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn paragraphs_and_br_split() {
        let rt = cell("<p>one\n two</p>\n<p>three<br>four</p>");
        assert_eq!(
            rt.paragraphs,
            vec![
                para(0, vec![text("one two")]),
                para(0, vec![text("three")]),
                para(0, vec![text("four")])
            ]
        );
    }

    #[test]
    fn nested_lists_carry_depth() {
        let rt = cell("<p>可选值：</p><ul><li>a<ul><li><p>a1</p></li><li>a2</li></ul>tail</li><li>b</li></ul>");
        let got: Vec<(u8, String)> = rt
            .paragraphs
            .iter()
            .map(|p| {
                (
                    p.list_depth,
                    RichText {
                        paragraphs: vec![p.clone()],
                    }
                    .plain(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (0, "可选值：".into()),
                (1, "a".into()),
                (2, "a1".into()),
                (2, "a2".into()),
                (1, "tail".into()),
                (1, "b".into())
            ]
        );
    }

    #[test]
    fn links_are_classified() {
        let rt = cell(
            r##"<p>见<a href="#table1267642234716">表4</a>、<a href="其他页.md">x</a>、<a href="页.md#t1">y</a>、<a href="#">z</a>、<a href="https://e.com/a">u</a></p>"##,
        );
        let links: Vec<(&str, &LinkTarget)> = rt.links().collect();
        assert_eq!(
            links,
            vec![
                ("表4", &LinkTarget::Anchor("table1267642234716".into())),
                (
                    "x",
                    &LinkTarget::Page {
                        page: "其他页.md".into(),
                        anchor: None
                    }
                ),
                (
                    "y",
                    &LinkTarget::Page {
                        page: "页.md".into(),
                        anchor: Some("t1".into())
                    }
                ),
                ("z", &LinkTarget::Lost),
                ("u", &LinkTarget::Url("https://e.com/a".into())),
            ]
        );
    }

    #[test]
    fn anchors_dropped_literals_kept() {
        let rt = cell(
            r#"<p id="p1"><a name="p1"></a><a name="p1"></a>取值为<span class="parmvalue" id="x"><a name="x"></a>“obs”</span>或<code> dataset </code>，<strong>必填</strong> <span class="filepath">“/usr/app/”</span></p>"#,
        );
        assert_eq!(
            rt.paragraphs,
            vec![para(
                0,
                vec![
                    text("取值为"),
                    Inline::Code("obs".into()),
                    text("或"),
                    Inline::Code("dataset".into()),
                    text("，"),
                    Inline::Strong("必填".into()),
                    text(" “/usr/app/”"),
                ]
            )]
        );
    }

    #[test]
    fn pre_keeps_layout_and_entities_decode() {
        let rt = cell(
            "<p>Array&lt;Object&gt; 例如：</p><pre class=\"screen\">\n{\n  \"a\": 1\n}\n</pre>",
        );
        assert_eq!(rt.paragraphs[0].inlines, vec![text("Array<Object> 例如：")]);
        assert_eq!(
            rt.paragraphs[1].inlines,
            vec![Inline::Code("{\n  \"a\": 1\n}".into())]
        );
    }

    #[test]
    fn whitespace_only_cell_is_empty() {
        assert!(cell(" \n <p> </p>\n").paragraphs.is_empty());
    }

    #[test]
    fn quotes_are_stripped_only_in_pairs() {
        assert_eq!(strip_quotes("“obs”"), "obs");
        assert_eq!(strip_quotes("“obs“"), "obs");
        assert_eq!(strip_quotes("\"x\""), "x");
        assert_eq!(strip_quotes("“"), "“");
        assert_eq!(strip_quotes("obs"), "obs");
    }

    #[test]
    fn inline_fragment_collects_anchors() {
        let (rt, anchors) = rich_text_from_html("创建<a name=\"a1\"></a><a name=\"a1\"></a> 参数");
        assert_eq!(rt.plain(), "创建 参数");
        assert_eq!(anchors, vec!["a1".to_string()]);
    }
}
