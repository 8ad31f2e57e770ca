//! The table of contents: `4.2 新建 Workflow workflow⇥32` (title, optional dot leaders, TAB,
//! page number). It is skipped as content but kept as a cross-check for body headings: the
//! body of a PDF conversion has no other reliable signal that a bare numbered line is a title.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static TOC_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d+(?:\.\d+)*)\s+(\S.*?)[.·…\s]*\t\s*(\d+)\s*$").expect("valid regex")
});

/// Fewer entries than this is a stray TAB line, not a table of contents.
const MIN_ENTRIES: usize = 3;

#[derive(Debug, Clone)]
pub struct TocEntry {
    pub number: String,
    pub title: String,
    /// 0-based line index in the file.
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct Toc {
    pub entries: Vec<TocEntry>,
    /// 0-based, half-open line range the TOC occupies (to be skipped).
    pub start: usize,
    pub end: usize,
    by_number: HashMap<String, usize>,
}

impl Toc {
    /// Find the first run of TOC lines (blank lines may sit between entries).
    pub fn find(lines: &[&str]) -> Option<Toc> {
        let start = lines.iter().position(|l| TOC_LINE.is_match(l))?;
        let mut toc = Toc {
            start,
            end: start,
            ..Toc::default()
        };
        for (i, line) in lines.iter().enumerate().skip(start) {
            if let Some(c) = TOC_LINE.captures(line) {
                toc.entries.push(TocEntry {
                    number: c[1].to_string(),
                    title: c[2].trim().to_string(),
                    line: i,
                });
                toc.end = i + 1;
            } else if !line.trim().is_empty() {
                break;
            }
        }
        if toc.entries.len() < MIN_ENTRIES {
            return None;
        }
        for (i, e) in toc.entries.iter().enumerate() {
            toc.by_number.entry(e.number.clone()).or_insert(i);
        }
        Some(toc)
    }

    pub fn get(&self, number: &str) -> Option<&TocEntry> {
        self.by_number.get(number).map(|&i| &self.entries[i])
    }
}

/// Titles compare without whitespace and leader dots: the TOC and the body wrap differently.
pub fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '·' | '…'))
            .collect::<String>()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_entries_with_and_without_leaders() {
        let lines = [
            "目录",
            "",
            "1 使用前必读\t1",
            "4.2 新建 Workflow workflow\t32",
            "20.3.3.3 查询可视化作业详情.....\t1672",
            "",
            "1 使用前必读",
        ];
        let toc = Toc::find(&lines).expect("toc");
        assert_eq!((toc.start, toc.end), (2, 5));
        assert_eq!(toc.entries.len(), 3);
        assert_eq!(
            toc.get("20.3.3.3").map(|e| e.title.as_str()),
            Some("查询可视化作业详情")
        );
        assert!(same_title(
            "新建 Workflow workflow",
            "新建Workflow workflow"
        ));
    }

    #[test]
    fn too_few_entries_is_not_a_toc() {
        assert!(Toc::find(&["1 a\t2", "x"]).is_none());
    }
}
