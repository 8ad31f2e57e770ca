//! Inline markup of PDF-converted text → [`RichText`].
//!
//! The converter left a mix of markdown (`[x](#)`, `**x**`, `\_`) and HTML fragments
//! (`<br>`, `<b>`, `<a href="#">`, `<code>`, `<p>`, `<ul>`/`<li>`) in prose and in table cells.
//! Lists come in two shapes: balanced `<ul><li>• a</li></ul>` and an opened-but-never-closed
//! `<ul style=…>` whose items are only introduced by `•`/`●`. Both become list paragraphs.
//!
//! Only markup is interpreted. Angle brackets that are not one of the known HTML tags stay
//! literal, because type cells hold `Map<String, Object>` and `Array<storageType >`.

use crate::doc::{Inline, LinkTarget, Paragraph, RichText};

/// Parse one cell / paragraph / heading text.
pub fn parse_rich(src: &str) -> RichText {
    let mut b = Builder::default();
    let mut rest = src;
    let mut prev = ' ';
    while let Some(c) = rest.chars().next() {
        let used = match c {
            '\\' => escape(rest, &mut b),
            '<' => tag(rest, &mut b),
            '&' => entity(rest, &mut b),
            '[' => markdown_link(rest, &mut b),
            '*' => strong(rest, &mut b),
            '•' | '●' if b.bullet_starts_item(prev) => {
                b.start_item();
                c.len_utf8()
            }
            _ => 0,
        };
        let used = if used != 0 {
            used
        } else if is_special(c) {
            b.push_char(c);
            c.len_utf8()
        } else {
            // Copy the whole run up to the next character that may start markup.
            let len = rest.find(is_special).unwrap_or(rest.len());
            b.run.push_str(&rest[..len]);
            len
        };
        prev = rest[..used].chars().next_back().unwrap_or(c);
        rest = &rest[used..];
    }
    b.finish()
}

/// Characters that may start markup; everything else is copied in runs.
fn is_special(c: char) -> bool {
    matches!(c, '\\' | '<' | '&' | '[' | '*' | '•' | '●')
}

/// Markdown backslash escape: only ASCII punctuation is escapable (CommonMark), so `\n`
/// inside a JSON-looking description stays as written.
fn escape(rest: &str, b: &mut Builder) -> usize {
    match rest[1..].chars().next() {
        Some(n) if n.is_ascii_punctuation() => {
            b.push_char(n);
            1 + n.len_utf8()
        }
        _ => 0,
    }
}

fn entity(rest: &str, b: &mut Builder) -> usize {
    const ENTITIES: [(&str, char); 7] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&apos;", '\''),
        ("&nbsp;", ' '),
    ];
    for (name, ch) in ENTITIES {
        if rest.starts_with(name) {
            b.push_char(ch);
            return name.len();
        }
    }
    0
}

/// `[text](target)`; anything else starting with `[` (ranges like `[0, 256]`) is literal.
fn markdown_link(rest: &str, b: &mut Builder) -> usize {
    let Some(close) = rest.find(']') else {
        return 0;
    };
    let text = &rest[1..close];
    if text.contains('[') || !rest[close + 1..].starts_with('(') {
        return 0;
    }
    let after = &rest[close + 2..];
    let Some(end) = after.find(')') else { return 0 };
    let target = &after[..end];
    if target.contains(char::is_whitespace) {
        return 0;
    }
    b.push_inline(Inline::Link {
        text: unescape(text),
        target: link_target(target),
    });
    close + 2 + end + 1
}

/// `**x**` and `***x***` → Strong. Single `*` stays literal: the text uses it for wildcards
/// and masked values (`aa7e…0*****`), and italics carry no meaning for extraction.
fn strong(rest: &str, b: &mut Builder) -> usize {
    let marker = if rest.starts_with("***") {
        "***"
    } else if rest.starts_with("**") {
        "**"
    } else {
        return 0;
    };
    let inner_start = marker.len();
    let Some(rel) = find_unescaped(&rest[inner_start..], marker) else {
        return 0;
    };
    let inner = &rest[inner_start..inner_start + rel];
    if inner.trim().is_empty() {
        return 0;
    }
    b.push_inline(Inline::Strong(plain_of(inner)));
    inner_start + rel + marker.len()
}

fn find_unescaped(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = hay[from..].find(needle) {
        let at = from + rel;
        if at == 0 || hay.as_bytes()[at - 1] != b'\\' {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

/// Plain text of a nested fragment (markup inside bold or link text is flattened).
fn plain_of(s: &str) -> String {
    parse_rich(s).one_line()
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&n) = chars.peek() {
                if n.is_ascii_punctuation() {
                    out.push(n);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

fn link_target(target: &str) -> LinkTarget {
    let target = target.trim();
    if target.is_empty() || target == "#" {
        LinkTarget::Lost
    } else if let Some(anchor) = target.strip_prefix('#') {
        LinkTarget::Anchor(anchor.to_string())
    } else if target.contains("://") || target.starts_with("mailto:") {
        LinkTarget::Url(target.to_string())
    } else {
        match target.split_once('#') {
            Some((page, anchor)) => LinkTarget::Page {
                page: page.to_string(),
                anchor: Some(anchor.to_string()),
            },
            None => LinkTarget::Page {
                page: target.to_string(),
                anchor: None,
            },
        }
    }
}

/// An HTML tag the converter emits. Returns bytes consumed, 0 when `<` is literal text.
fn tag(rest: &str, b: &mut Builder) -> usize {
    if let Some(len) = autolink(rest, b) {
        return len;
    }
    let Some(t) = Tag::parse(rest) else { return 0 };
    match (t.name, t.closing) {
        ("br", _) => b.end_paragraph(),
        ("p" | "div", _) => b.end_paragraph(),
        ("ul" | "ol", false) => {
            b.end_paragraph();
            b.list_depth = b.list_depth.saturating_add(1);
        }
        ("ul" | "ol", true) => {
            b.end_paragraph();
            b.list_depth = b.list_depth.saturating_sub(1);
        }
        ("li", false) => b.start_item(),
        ("li", true) => b.end_paragraph(),
        ("b" | "strong", false) => b.set_style(Style::Strong),
        ("code", false) => b.set_style(Style::Code),
        ("a", false) => b.set_style(Style::Link(link_target(t.href.as_deref().unwrap_or("#")))),
        ("b" | "strong" | "code" | "a", true) => b.set_style(Style::Plain),
        // Presentational tags carry nothing for extraction; drop the markup, keep the text.
        _ => {}
    }
    t.len
}

/// `<https://…>` autolink.
fn autolink(rest: &str, b: &mut Builder) -> Option<usize> {
    let end = rest.find('>')?;
    let url = &rest[1..end];
    if !(url.starts_with("http://") || url.starts_with("https://"))
        || url.contains(char::is_whitespace)
    {
        return None;
    }
    b.push_inline(Inline::Link {
        text: url.to_string(),
        target: LinkTarget::Url(url.to_string()),
    });
    Some(end + 1)
}

struct Tag {
    name: &'static str,
    closing: bool,
    href: Option<String>,
    len: usize,
}

impl Tag {
    const KNOWN: [&'static str; 17] = [
        "a", "b", "strong", "code", "br", "p", "div", "ul", "ol", "li", "i", "em", "span", "sup",
        "sub", "u", "font",
    ];

    fn parse(rest: &str) -> Option<Tag> {
        let end = rest.find('>')?;
        let inner = &rest[1..end];
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(i) => (true, i),
            None => (false, inner),
        };
        let inner = inner.strip_suffix('/').unwrap_or(inner);
        let name_len = inner
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(inner.len());
        let name = Self::KNOWN
            .iter()
            .find(|k| k.eq_ignore_ascii_case(&inner[..name_len]))?;
        let attrs = &inner[name_len..];
        // A tag name must be followed by attributes (whitespace first) or nothing.
        if !(attrs.is_empty() || attrs.starts_with(char::is_whitespace))
            || (closing && !attrs.trim().is_empty())
        {
            return None;
        }
        let href = if *name == "a" {
            attr(attrs, "href")
        } else {
            None
        };
        Some(Tag {
            href,
            name,
            closing,
            len: end + 1,
        })
    }
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let at = attrs.find(&format!("{name}="))?;
    let value = &attrs[at + name.len() + 1..];
    let quote = value.chars().next()?;
    if quote == '"' || quote == '\'' {
        let body = &value[1..];
        body.find(quote).map(|e| body[..e].to_string())
    } else {
        Some(value.split_whitespace().next().unwrap_or("").to_string())
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Style {
    Plain,
    Strong,
    Code,
    Link(LinkTarget),
}

struct Builder {
    done: Vec<Paragraph>,
    current: Paragraph,
    run: String,
    style: Style,
    /// Open `<ul>` nesting; never-closed lists keep it raised to the end of the cell.
    list_depth: u8,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            done: Vec::new(),
            current: Paragraph::default(),
            run: String::new(),
            style: Style::Plain,
            list_depth: 0,
        }
    }
}

impl Builder {
    fn push_char(&mut self, c: char) {
        self.run.push(c);
    }

    fn push_inline(&mut self, inline: Inline) {
        self.flush_run();
        push_merged(&mut self.current.inlines, inline);
    }

    fn set_style(&mut self, style: Style) {
        self.flush_run();
        self.style = style;
    }

    fn flush_run(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.run);
        let inline = match &self.style {
            Style::Plain => Inline::Text(text),
            Style::Strong => Inline::Strong(text),
            Style::Code => Inline::Code(text),
            Style::Link(target) => Inline::Link {
                text,
                target: target.clone(),
            },
        };
        push_merged(&mut self.current.inlines, inline);
    }

    /// Nothing but whitespace so far in the current paragraph.
    fn paragraph_is_blank(&self) -> bool {
        self.run.trim().is_empty()
            && self
                .current
                .inlines
                .iter()
                .all(|i| i.text().trim().is_empty())
    }

    /// A bullet introduces an item inside a list, at the start of a paragraph, or after
    /// whitespace (cells list `可选值如下： • HOURS` without any `<ul>`).
    fn bullet_starts_item(&self, prev: char) -> bool {
        self.list_depth > 0 || prev.is_whitespace() || self.paragraph_is_blank()
    }

    fn start_item(&mut self) {
        self.end_paragraph();
        self.current.list_depth = self.list_depth.max(1);
    }

    fn end_paragraph(&mut self) {
        self.flush_run();
        // The next paragraph starts outside any item; `<li>` or a bullet raises it again.
        let mut p = std::mem::take(&mut self.current);
        if !p.inlines.iter().all(|i| i.text().trim().is_empty()) {
            trim_paragraph(&mut p);
            self.done.push(p);
        }
    }

    fn finish(mut self) -> RichText {
        self.end_paragraph();
        RichText {
            paragraphs: self.done,
        }
    }
}

fn push_merged(inlines: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text(prev)), Inline::Text(next)) = (inlines.last_mut(), &inline) {
        prev.push_str(next);
        return;
    }
    inlines.push(inline);
}

/// Trim whitespace at the paragraph's edges (markup leaves spaces around tags and bullets).
fn trim_paragraph(p: &mut Paragraph) {
    while matches!(p.inlines.first(), Some(Inline::Text(t)) if t.trim().is_empty()) {
        p.inlines.remove(0);
    }
    while matches!(p.inlines.last(), Some(Inline::Text(t)) if t.trim().is_empty()) {
        p.inlines.pop();
    }
    if let Some(Inline::Text(t)) = p.inlines.first_mut() {
        let lead = t.len() - t.trim_start().len();
        t.drain(..lead);
    }
    if let Some(Inline::Text(t)) = p.inlines.last_mut() {
        t.truncate(t.trim_end().len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(r: &RichText) -> Vec<(u8, String)> {
        r.paragraphs
            .iter()
            .map(|p| (p.list_depth, p.inlines.iter().map(Inline::text).collect()))
            .collect()
    }

    #[test]
    fn unclosed_ul_bullets_become_items() {
        let r = parse_rich(
            r#"过滤方式。可选值如下： <ul style="list-style-type: none"> • equal表示精确匹配。 • contain表示模糊匹配。"#,
        );
        assert_eq!(
            texts(&r),
            vec![
                (0, "过滤方式。可选值如下：".into()),
                (1, "equal表示精确匹配。".into()),
                (1, "contain表示模糊匹配。".into())
            ]
        );
    }

    #[test]
    fn bullets_without_ul_after_whitespace_are_items() {
        let r = parse_rich("时间单位。可选取值如下： • HOURS • DAYS");
        assert_eq!(
            texts(&r),
            vec![
                (0, "时间单位。可选取值如下：".into()),
                (1, "HOURS".into()),
                (1, "DAYS".into())
            ]
        );
        assert_eq!(parse_rich("a•b").plain(), "a•b");
    }

    #[test]
    fn balanced_list_with_code_and_paragraph() {
        let r = parse_rich(
            r#"<p>样本状态：</p> <ul style="x"> <li>• <code>__ALL__</code>: 已标注</li> <li>● b</li> </ul> 尾"#,
        );
        assert_eq!(
            texts(&r),
            vec![
                (0, "样本状态：".into()),
                (1, "__ALL__: 已标注".into()),
                (1, "b".into()),
                (0, "尾".into())
            ]
        );
        assert_eq!(r.paragraphs[1].inlines[0], Inline::Code("__ALL__".into()));
    }

    #[test]
    fn links_strong_escapes_and_literal_angles() {
        let r = parse_rich(
            r##"见<a href="#">表20-545</a>，<b>SearchProp</b><br>object，Map<String, Object>，{project\_id}，[0, 256]，[错误码](#)"##,
        );
        assert_eq!(r.paragraphs.len(), 2);
        assert!(r.paragraphs[0].inlines.contains(&Inline::Link {
            text: "表20-545".into(),
            target: LinkTarget::Lost
        }));
        assert!(r.paragraphs[0]
            .inlines
            .contains(&Inline::Strong("SearchProp".into())));
        assert_eq!(
            r.paragraphs[1]
                .inlines
                .iter()
                .map(Inline::text)
                .collect::<String>(),
            "object，Map<String, Object>，{project_id}，[0, 256]，错误码"
        );
        assert!(r
            .links()
            .any(|(t, l)| t == "错误码" && *l == LinkTarget::Lost));
    }

    #[test]
    fn markdown_bold_and_masked_stars() {
        let r = parse_rich(r"***ma\_endpoint***为终端节点，aa7e*****，a&amp;b");
        assert_eq!(
            r.paragraphs[0].inlines[0],
            Inline::Strong("ma_endpoint".into())
        );
        assert_eq!(r.plain(), "ma_endpoint为终端节点，aa7e*****，a&b");
    }

    #[test]
    fn unknown_or_unterminated_markup_is_literal() {
        assert_eq!(
            parse_rich("Array<storageType >").plain(),
            "Array<storageType >"
        );
        assert_eq!(parse_rich("a < b").plain(), "a < b");
        assert_eq!(parse_rich("[x](y").plain(), "[x](y");
        assert_eq!(parse_rich("**x").plain(), "**x");
        assert_eq!(parse_rich("a\\nb").plain(), "a\\nb");
        assert!(parse_rich("•").is_empty());
    }
}
