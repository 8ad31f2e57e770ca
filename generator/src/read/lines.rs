//! Byte offset → 1-based line number, for readers whose parsers report byte ranges.

/// Start offsets of every line of a text, so offsets map to lines by binary search.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// 1-based line of the byte at `offset` (offsets past the end map to the last line).
    pub fn line(&self, offset: usize) -> u32 {
        let offset = offset.min(self.len);
        let line = self.starts.partition_point(|&s| s <= offset);
        u32::try_from(line.max(1)).unwrap_or(u32::MAX)
    }

    /// Inclusive 1-based line range of the half-open byte range `start..end`. A range that ends
    /// with its line's newline does not reach into the next line.
    pub fn lines(&self, start: usize, end: usize) -> (u32, u32) {
        let first = self.line(start);
        let last = if end > start {
            self.line(end - 1)
        } else {
            first
        };
        (first, last.max(first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 1); // the newline belongs to its line
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(6), 3);
        assert_eq!(idx.line(7), 4);
        assert_eq!(idx.line(100), 4);
        assert_eq!(idx.lines(0, 3), (1, 1));
        assert_eq!(idx.lines(0, 4), (1, 2));
        assert_eq!(idx.lines(5, 5), (2, 2));
    }
}
