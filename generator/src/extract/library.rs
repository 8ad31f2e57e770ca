//! The job's documents seen together, for the links that leave a page: a field of one page
//! described by a table of another (`For details, see Table 5` linking another page's label,
//! `[表5](other.md#table5)`). Each page keeps its own section tree and indexes; this module
//! owns only the question "which page and table does this link name".

use super::operation::section_objects;
use super::resolve::{name_key, DocIndex, ObjectTable};
use super::sections::SectionTree;
use crate::doc::{Document, LinkTarget};
use std::collections::HashMap;

/// One document with what resolution needs of it.
pub struct Page<'a> {
    pub index: DocIndex<'a>,
    pub tree: SectionTree,
}

/// Every document of one extraction, by its position in the job.
pub struct Library<'a> {
    pub pages: Vec<Page<'a>>,
    /// Anchors of tables (rST labels, HTML ids) → the pages and table blocks carrying them,
    /// in page order (copied pages repeat their source's labels).
    anchors: HashMap<&'a str, Vec<(usize, usize)>>,
    /// File name (last path component) → pages with that name, in page order.
    files: HashMap<&'a str, Vec<usize>>,
    /// Object tables by the name their caption or title gives (`nat_gateway字段说明` →
    /// `natgateway`, as [`name_key`] spells it) → pages and table blocks, in page order.
    named: HashMap<String, Vec<(usize, usize)>>,
}

impl<'a> Library<'a> {
    pub fn new(docs: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut pages = Vec::new();
        let mut anchors: HashMap<&'a str, Vec<(usize, usize)>> = HashMap::new();
        let mut files: HashMap<&'a str, Vec<usize>> = HashMap::new();
        let mut named: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (n, doc) in docs.into_iter().enumerate() {
            let index = DocIndex::new(doc);
            // Borrowed from the document (not the index) so the map lives as long as `'a`.
            for block in doc.blocks.iter().flat_map(|b| &b.anchors) {
                if let Some(&table) = index.anchors.get(block.as_str()) {
                    let at = anchors.entry(block.as_str()).or_default();
                    if !at.contains(&(n, table)) {
                        at.push((n, table));
                    }
                }
            }
            files.entry(file_name(&doc.file)).or_default().push(n);
            for block in 0..doc.blocks.len() {
                if let Some(name) = object_caption(doc, block) {
                    named.entry(name_key(&name)).or_default().push((n, block));
                }
            }
            pages.push(Page {
                tree: SectionTree::build(doc),
                index,
            });
        }
        Library {
            pages,
            anchors,
            files,
            named,
        }
    }

    /// The table another page than `from` captions with `name` (`表3 nat_gateway字段说明` for
    /// `nat_gateway | Dict` on the create page): the first in page order, when every other
    /// page's table of that name lists the same fields (copies agree; differing tables leave the
    /// name ambiguous, and `None`).
    pub fn table_named(&self, name: &str, from: usize) -> Option<(usize, usize)> {
        let found: Vec<(usize, usize)> = self
            .named
            .get(&name_key(name))?
            .iter()
            .copied()
            .filter(|&(p, _)| p != from)
            .collect();
        let first = *found.first()?;
        // The field names, read as any field table is (its name column, names cleaned).
        let fields = |(p, b): (usize, usize)| {
            let table = self.pages[p].index.table(b)?;
            let rows = super::fields::read_fields(
                table,
                &super::fields::columns(table),
                &mut crate::diag::Diagnostics::new(),
            );
            Some(rows.into_iter().map(|r| r.name).collect::<Vec<_>>())
        };
        let shape = fields(first)?;
        found
            .iter()
            .all(|&at| fields(at).as_ref() == Some(&shape))
            .then_some(first)
    }

    /// The table on another page than `from` that a link names: a markdown link to a file of
    /// the job with an anchor of a table there, or an rST label this page lacks and another
    /// page defines on a table. `None` for links within the page, to page tops, or outside
    /// the job.
    pub fn foreign_table(&self, target: &LinkTarget, from: usize) -> Option<(usize, usize)> {
        let LinkTarget::Page { page, anchor } = target else {
            return None;
        };
        match anchor {
            Some(anchor) => self
                .files
                .get(file_name(page))?
                .iter()
                .filter(|&&p| p != from)
                .find_map(|&p| Some((p, *self.pages[p].index.anchors.get(anchor.as_str())?))),
            // An rST `:ref:` to a label of another page (the reader cannot know it is a table).
            None => self
                .anchors
                .get(page.as_str())?
                .iter()
                .copied()
                .find(|&(p, _)| p != from),
        }
    }

    /// The object tables of the top-level section holding `block` on page `page` (the tables
    /// a nested field of that table may name).
    pub fn objects_around(&self, page: usize, block: usize) -> Vec<ObjectTable> {
        let Page { index, tree } = &self.pages[page];
        let section = tree
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.heading.is_some() && s.start <= block && block < s.end)
            .min_by_key(|(_, s)| s.level)
            .map_or(0, |(i, _)| i);
        section_objects(index.doc, tree, section)
    }
}

/// The object a table's caption (or title paragraph) names, when it names one
/// (`nat_gateway字段说明`, not `响应参数`).
fn object_caption(doc: &Document, block: usize) -> Option<String> {
    let caption = super::text::table_caption(doc, block)?;
    match super::vocab::caption_role(&caption) {
        super::vocab::CaptionRole::Object(name) => Some(name),
        _ => None,
    }
}

/// The last component of a path or link (`../a/b.md` → `b.md`), without a query.
fn file_name(path: &str) -> &str {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names() {
        assert_eq!(file_name("../a/b.md"), "b.md");
        assert_eq!(file_name("b.md"), "b.md");
        assert_eq!(file_name("dir\\b.md?x=1"), "b.md");
    }
}
