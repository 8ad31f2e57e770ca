//! Rendering documentation rich text into plain description strings.

use super::vocab::CaptionRole;
use crate::doc::{BlockKind, Document, RichText};

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
            let bare = text
                .trim_start_matches(['•', '●', '-', '*', '·'])
                .trim_start();
            out.push_str("- ");
            out.push_str(bare);
        } else {
            out.push_str(&text);
        }
        prev_list = is_list;
    }
    out
}

/// A table's caption: its own, else the title paragraph right before it. Nested tables are
/// often introduced by a list item that names the object by its field path (`auth.identity`,
/// `role_assignments`) instead of a caption; such a title is a bare name path.
pub fn table_caption(doc: &Document, block: usize) -> Option<String> {
    let BlockKind::Table(table) = &doc.blocks.get(block)?.kind else {
        return None;
    };
    let own = table.caption.as_ref().map(|c| c.one_line());
    if own.as_deref().is_some_and(|c| !says_nothing(c)) {
        return own;
    }
    let title = block
        .checked_sub(1)
        .filter(|&t| titled_table(doc, t).is_some());
    match title.map(|t| &doc.blocks[t].kind) {
        Some(BlockKind::Paragraph { text, .. }) => Some(text.one_line().trim().to_string()),
        _ => own,
    }
}

/// The table that block `title` is the title of: a paragraph right before a table without a
/// caption that is a bare name path (`auth.identity`), says which object or field the table
/// describes (`snapshot参数说明`, `Parameters in the **snapshot** field`) or names a part of the
/// message (`Parameters in the request header`).
pub fn titled_table(doc: &Document, title: usize) -> Option<usize> {
    let BlockKind::Paragraph { text, .. } = &doc.blocks.get(title)?.kind else {
        return None;
    };
    let BlockKind::Table(table) = &doc.blocks.get(title + 1)?.kind else {
        return None;
    };
    let text = text.one_line();
    let text = text.trim();
    let is_title = is_name_path(text)
        || super::vocab::field_description_caption(text).is_some()
        || match super::vocab::caption_role(text) {
            // A name path and a word saying the table describes it (`snapshot参数说明`,
            // `auth.identity字段数据结构说明`, `links parameter description`): not any
            // paragraph that happens to stand before a table.
            CaptionRole::Object(name) => name.len() < text.len() && is_name_path(&name),
            CaptionRole::Generic | CaptionRole::SdkRequest(_) | CaptionRole::SdkResponse(_) => {
                false
            }
            _ => text.chars().count() <= 60,
        };
    let caption_says_nothing = table
        .caption
        .as_ref()
        .is_none_or(|c| says_nothing(&c.one_line()));
    (caption_says_nothing && is_title).then_some(title + 1)
}

/// A caption that names nothing (`表 2 参数说明`, `Table 3 Parameters`): a title paragraph
/// right above it (`**links参数信息**`) says what the table describes.
fn says_nothing(caption: &str) -> bool {
    super::vocab::caption_role(caption) == CaptionRole::Generic
}

/// `auth`, `auth.identity`, `role_assignments.scope.project`, `token.user.OS-FEDERATION`:
/// identifiers (hyphens allowed, as keys hold them) joined by dots.
fn is_name_path(s: &str) -> bool {
    !s.is_empty() && s.len() <= 120 && s.split('.').all(is_hyphenated_identifier)
}

/// A JSON key written like a program identifier: `tags`, `_links`, `httpEndpoints`.
pub fn is_identifier(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// An identifier that may also hold hyphens, as field names and modes do (`real-time`,
/// `x-apigateway-backend`).
pub fn is_hyphenated_identifier(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A key as OpenStack-native APIs name extension attributes: hyphenated identifiers joined by
/// colons (`os-backup-project-attr:project_id`, `OS-EXT-STS:power_state`).
pub fn is_attribute_name(s: &str) -> bool {
    s.split(':').all(is_hyphenated_identifier)
}

#[cfg(test)]
mod tests {
    #[test]
    fn name_paths() {
        for yes in [
            "auth",
            "auth.identity",
            "role_assignments.scope.project",
            "X_1",
        ] {
            assert!(super::is_name_path(yes), "{yes}");
        }
        for no in [
            "",
            "auth.",
            "1st",
            "请求参数",
            "Parameters in the request",
            "a.b c",
        ] {
            assert!(!super::is_name_path(no), "{no}");
        }
    }

    #[test]
    fn attribute_names() {
        for yes in [
            "os-backup-project-attr:project_id",
            "OS-EXT-STS:power_state",
            "id",
        ] {
            assert!(super::is_attribute_name(yes), "{yes}");
        }
        for no in ["ac;_id", "ssl_id ", "maintain_end\"", "a:", ":b", "a::b"] {
            assert!(!super::is_attribute_name(no), "{no}");
        }
    }
}
