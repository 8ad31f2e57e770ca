//! Headings of PDF-converted text.
//!
//! The conversion lost heading markup in the first part (a title is a bare line `4.2 新建
//! Workflow` between blank lines) and kept a markdown level that ignores the numbering in the
//! second part (`## 20.1.2` next to `### 20.1.1`). Levels therefore come from the number
//! (`20.3.2.1` → 4); sub-section titles (功能介绍, URI, …) sit one level below the section.

use regex::Regex;
use std::sync::LazyLock;

/// `4.2 新建 Workflow workflow` — a section number, whitespace, a title.
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+(?:\.\d+)*)\s+(\S.*)$").expect("valid regex"));
/// List items the converter turned into headings: `2. 调用…`, `a. 请求消息体:`.
static LIST_LIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d+|[A-Za-z])[.)](?:\s|$)").expect("valid regex"));

/// Standard sub-section titles of an API reference page (current and legacy layouts, Chinese
/// and English editions). A bare line equal to one of these is a heading, not a paragraph.
pub const SUBSECTION_TITLES: &[&str] = &[
    "功能介绍",
    "接口约束",
    "调试",
    "URI",
    "请求参数",
    "响应参数",
    "请求示例",
    "响应示例",
    "状态码",
    "错误码",
    "请求消息",
    "响应消息",
    "参数说明",
    "Function",
    "Constraints",
    "Debugging",
    "Request Parameters",
    "Response Parameters",
    "Example Requests",
    "Example Responses",
    "Status Codes",
    "Error Codes",
];

/// Call-out labels (`📖 说明`, `须知`) that the conversion sometimes marked as headings.
const ADMONITIONS: &[&str] = &[
    "说明",
    "注意",
    "须知",
    "警告",
    "危险",
    "Note",
    "NOTE",
    "Notice",
    "Caution",
    "Warning",
    "Important",
];

pub fn is_subsection_title(s: &str) -> bool {
    SUBSECTION_TITLES.contains(&s.trim())
}

/// A sub-section title with something glued right after it (`响应示例**状态码：200**`).
pub fn split_glued_subsection(s: &str) -> Option<(&str, &str)> {
    SUBSECTION_TITLES.iter().find_map(|t| {
        s.strip_prefix(t)
            .filter(|rest| rest.starts_with("**"))
            .map(|rest| (*t, rest))
    })
}

pub fn is_admonition(s: &str) -> bool {
    let core = s.trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
    ADMONITIONS.contains(&core)
}

pub fn is_list_like(s: &str) -> bool {
    LIST_LIKE.is_match(s)
}

/// Split `4.2 新建 Workflow` into the number and the title.
pub fn split_number(s: &str) -> Option<(SectionNumber, &str)> {
    let c = NUMBERED.captures(s)?;
    let number = SectionNumber::parse(c.get(1)?.as_str())?;
    Some((number, c.get(2)?.as_str().trim_end()))
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SectionNumber(pub Vec<u32>);

impl SectionNumber {
    pub fn parse(s: &str) -> Option<Self> {
        s.split('.')
            .map(|p| p.parse::<u32>().ok())
            .collect::<Option<Vec<_>>>()
            .map(SectionNumber)
    }

    pub fn depth(&self) -> u8 {
        u8::try_from(self.0.len()).unwrap_or(u8::MAX)
    }

    /// Does `self` follow `prev` without a gap: first child, next sibling, or the next
    /// sibling of an ancestor. The first heading may carry any number: a file may hold a
    /// slice of a larger document.
    pub fn follows(&self, prev: Option<&SectionNumber>) -> bool {
        let Some(prev) = prev else {
            return !self.0.is_empty();
        };
        let (p, n) = (&prev.0, &self.0);
        if n.len() == p.len() + 1 {
            return n[..p.len()] == p[..] && n[p.len()] == 1;
        }
        if n.is_empty() || n.len() > p.len() {
            return false;
        }
        let k = n.len() - 1;
        n[..k] == p[..k] && n[k] == p[k] + 1
    }

    /// Later in document order (used to accept a TOC-confirmed jump over a missing section).
    pub fn is_after(&self, prev: Option<&SectionNumber>) -> bool {
        prev.is_none_or(|p| self.0 > p.0)
    }
}

impl std::fmt::Display for SectionNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(u32::to_string).collect();
        f.write_str(&parts.join("."))
    }
}

/// Tracks the heading context so unnumbered headings get a level relative to it.
#[derive(Debug, Default)]
pub struct Levels {
    pub last_number: Option<SectionNumber>,
    /// Level of the last numbered or sub-section heading.
    structural: u8,
}

impl Levels {
    pub fn numbered(&mut self, number: SectionNumber) -> u8 {
        let level = number.depth().max(1);
        self.last_number = Some(number);
        self.structural = level;
        level
    }

    pub fn section_depth(&self) -> u8 {
        self.last_number.as_ref().map_or(0, SectionNumber::depth)
    }

    pub fn subsection(&mut self) -> u8 {
        let level = self.section_depth().saturating_add(1);
        self.structural = level;
        level
    }

    /// Any other heading nests under the last structural one (so an example title inside
    /// 请求示例 does not end that sub-section), and is a sibling of other such headings.
    pub fn other(&self) -> u8 {
        self.structural.saturating_add(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> SectionNumber {
        SectionNumber::parse(s).unwrap()
    }

    #[test]
    fn numbering_continuity() {
        assert!(n("4.3").follows(Some(&n("4.2"))));
        assert!(n("4.2.1").follows(Some(&n("4.2"))));
        assert!(n("5").follows(Some(&n("4.2.1"))));
        assert!(n("4.3").follows(Some(&n("4.2.7"))));
        assert!(!n("10.5").follows(Some(&n("10.3"))));
        assert!(!n("16.833").follows(Some(&n("6.15"))));
        assert!(!n("4.2.2").follows(Some(&n("4.2"))));
        assert!(n("1").follows(None));
        assert!(n("4.1").follows(None));
        assert!(n("10.5").is_after(Some(&n("10.3"))));
    }

    #[test]
    fn levels_from_numbers_not_markup() {
        let mut l = Levels::default();
        assert_eq!(l.numbered(n("20.3.2.1")), 4);
        assert_eq!(l.subsection(), 5);
        assert_eq!(l.other(), 6);
        assert_eq!(l.numbered(n("20.3.3")), 3);
        assert_eq!(l.other(), 4);
    }

    #[test]
    fn classifiers() {
        assert_eq!(
            split_number("4.2 新建 Workflow workflow").map(|(n, t)| (n.to_string(), t)),
            Some(("4.2".into(), "新建 Workflow workflow"))
        );
        assert!(split_number("2. 调用").is_none());
        assert!(is_list_like("2. 调用[创建工作空间](#)接口"));
        assert!(is_list_like("a. 请求消息体:"));
        assert!(!is_list_like("20.1.1 查询数据集列表"));
        assert!(is_admonition("📖 说明"));
        assert_eq!(
            split_glued_subsection("响应示例**状态码：200**"),
            Some(("响应示例", "**状态码：200**"))
        );
    }
}
