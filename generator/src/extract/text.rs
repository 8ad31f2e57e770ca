//! Rendering documentation rich text into plain description strings.

use crate::doc::RichText;

/// Paragraphs separated by a blank line; list items as `- item` lines.
pub fn describe(rt: &RichText) -> String {
    let mut out = String::new();
    let mut prev_list = false;
    for p in &rt.paragraphs {
        let text: String = p.inlines.iter().map(|i| i.text()).collect::<String>();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        let is_list = p.list_depth > 0;
        if !out.is_empty() {
            out.push_str(if is_list || prev_list { "\n" } else { "\n\n" });
        }
        if is_list {
            for _ in 1..p.list_depth {
                out.push_str("  ");
            }
            let bare = text.trim_start_matches(['•', '●', '-', '*', '·']).trim_start();
            out.push_str("- ");
            out.push_str(bare);
        } else {
            out.push_str(&text);
        }
        prev_list = is_list;
    }
    out
}
