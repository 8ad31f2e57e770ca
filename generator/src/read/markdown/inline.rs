//! Inline markdown → HTML, so that markdown inlines and the HTML fragments mixed into them
//! (`<a name>`, `<br>`, `<span class="parmvalue">`) go through one rich-text converter.
//! Rendering whole paragraphs (instead of handling each `InlineHtml` event) keeps an HTML
//! element that spans several events intact, e.g. `<a href="x.md">`text`</a>`.

use pulldown_cmark::{Event, Tag, TagEnd};

#[derive(Debug, Default)]
pub(super) struct InlineHtml {
    html: String,
    /// Inside `![alt](src)`: alt text is not page text.
    image_depth: usize,
}

impl InlineHtml {
    /// Render one inline event; returns false for events that are not inline content.
    pub fn push(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                if self.image_depth == 0 {
                    escape_into(&mut self.html, t);
                }
            }
            Event::Code(t) => {
                self.html.push_str("<code>");
                escape_into(&mut self.html, t);
                self.html.push_str("</code>");
            }
            Event::InlineHtml(h) | Event::Html(h) => self.html.push_str(h),
            Event::SoftBreak => self.html.push('\n'),
            Event::HardBreak => self.html.push_str("<br>"),
            Event::FootnoteReference(name) => {
                self.html.push('[');
                escape_into(&mut self.html, name);
                self.html.push(']');
            }
            Event::TaskListMarker(done) => self.html.push_str(if *done { "[x] " } else { "[ ] " }),
            Event::Start(tag) => return self.start(tag),
            Event::End(tag) => return self.end(*tag),
            Event::Rule => return false,
        }
        true
    }

    fn start(&mut self, tag: &Tag<'_>) -> bool {
        match tag {
            Tag::Emphasis => self.html.push_str("<em>"),
            Tag::Strong => self.html.push_str("<strong>"),
            Tag::Strikethrough => self.html.push_str("<s>"),
            Tag::Superscript => self.html.push_str("<sup>"),
            Tag::Subscript => self.html.push_str("<sub>"),
            Tag::Link { dest_url, .. } => {
                self.html.push_str("<a href=\"");
                escape_into(&mut self.html, dest_url);
                self.html.push_str("\">");
            }
            Tag::Image { .. } => self.image_depth += 1,
            _ => return false,
        }
        true
    }

    fn end(&mut self, tag: TagEnd) -> bool {
        match tag {
            TagEnd::Emphasis => self.html.push_str("</em>"),
            TagEnd::Strong => self.html.push_str("</strong>"),
            TagEnd::Strikethrough => self.html.push_str("</s>"),
            TagEnd::Superscript => self.html.push_str("</sup>"),
            TagEnd::Subscript => self.html.push_str("</sub>"),
            TagEnd::Link => self.html.push_str("</a>"),
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            _ => return false,
        }
        true
    }

    pub fn finish(self) -> String {
        self.html
    }
}

/// Whether an event is inline content (text, inline markup) rather than block structure.
pub(super) fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::FootnoteReference(_)
        | Event::TaskListMarker(_) => true,
        Event::Html(_) | Event::Rule => false,
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
