//! Turning field tables into schemas: type expressions resolved against the tables that describe
//! nested objects — by link, by type name (exact, wrap-repaired, abbreviated, near-miss), by a
//! `表 N`/`Table N` reference, or by a caption naming the field — nearest following table first.

use super::fields::{columns, read_fields, RawField};
use super::library::Library;
use super::registry::{component_name, Registry};
use super::text::describe;
use super::types::{parse_type, TypeExpr};
use super::vocab::{strip_table_number, CaptionRole};
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{BlockKind, Document, LinkTarget, RichText, Table};
use crate::ir::{Field, Schema, SchemaKind};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

mod alternatives;
mod listed;
mod unlisted;
mod variants;

/// An object-describing table of the document, with the name its caption gives it.
#[derive(Debug, Clone)]
pub struct ObjectTable {
    pub block: usize,
    pub name: String,
}

/// Document-wide indexes used for resolution.
pub struct DocIndex<'a> {
    pub doc: &'a Document,
    /// anchor → table block.
    pub anchors: HashMap<String, usize>,
    /// caption number (`4-3`, `3`) → table blocks with that number (in order).
    pub numbers: HashMap<String, Vec<usize>>,
}

impl<'a> DocIndex<'a> {
    /// The table an in-page link points at (`#table123`, an rST label of this page).
    pub fn linked_table(&self, target: &LinkTarget) -> Option<usize> {
        match target {
            LinkTarget::Anchor(a) => self.anchors.get(a.as_str()).copied(),
            _ => None,
        }
    }

    pub fn new(doc: &'a Document) -> Self {
        let mut anchors = HashMap::new();
        let mut numbers: HashMap<String, Vec<usize>> = HashMap::new();
        // A link target on the title of a nested table (a list item naming the object, then
        // its table) means the table, unless a table carries the same target itself.
        let mut titles = HashMap::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            if let Some(table) = super::text::titled_table(doc, i) {
                for a in &b.anchors {
                    titles.entry(a.clone()).or_insert(table);
                }
            }
            if let BlockKind::Table(t) = &b.kind {
                for a in &b.anchors {
                    anchors.entry(a.clone()).or_insert(i);
                }
                if let Some(num) = t
                    .caption
                    .as_ref()
                    .and_then(|c| strip_table_number(&c.one_line()).0)
                {
                    numbers.entry(num).or_default().push(i);
                }
            }
        }
        for (a, table) in titles {
            anchors.entry(a).or_insert(table);
        }
        DocIndex {
            doc,
            anchors,
            numbers,
        }
    }
    pub fn table(&self, block: usize) -> Option<&'a Table> {
        match &self.doc.blocks.get(block)?.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        }
    }
}

/// Lookup key for names: case-insensitive, ignoring `_`, `-`, spaces.
pub fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The scalar type a type name misspells by one letter (`doubule`, `Interger`, `Stirng`).
fn near_miss_scalar(name: &str) -> Option<&'static str> {
    const SCALARS: &[&str] = &[
        "string", "integer", "double", "float", "boolean", "number", "long",
    ];
    let key = name_key(name);
    if key.chars().count() < 5 {
        return None; // short words are too close to everything
    }
    SCALARS
        .iter()
        .copied()
        .find(|s| edit_distance(&key, s) == 1 || one_swap(&key, s))
}

/// Whether `a` is `b` with two neighbouring letters swapped (`stirng`, `string`): a typing
/// slip the edit distance counts as two.
fn one_swap(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            cur[j] = (prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The words of a PascalCase / snake_case name: `I18nDescription` → `I18n`, `Description`;
/// `EndpointsReq` → `Endpoints`, `Req`; `HTTPServer` → `HTTP`, `Server`.
fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.iter().map(|w| w.to_lowercase()).collect()
}

/// One word stands for the other: equal, a prefix of at least three letters (`algo` /
/// `algorithm`, `req` / `request`, `requirements` / `requirement`), or a numeronym (`i18n` /
/// `internationalization`: first letter, count of omitted letters, last letter).
fn word_abbreviates(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short == long || (short.len() >= 3 && long.starts_with(short)) {
        return true;
    }
    let s: Vec<char> = short.chars().collect();
    let digits: String = s
        .iter()
        .skip(1)
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let Ok(omitted) = digits.parse::<usize>() else {
        return false;
    };
    let l: Vec<char> = long.chars().collect();
    s.len() == digits.len() + 2
        && l.len() == omitted + 2
        && s.first() == l.first()
        && s.last() == l.last()
}

/// Two type names with the same number of words where every word abbreviates the other's, at
/// least one word differing and the first word shared (so `Data` never matches `Dataset`).
fn abbreviates_word_by_word(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    wa.len() == wb.len()
        && wa.len() >= 2
        && wa != wb
        && wa.iter().zip(&wb).all(|(x, y)| word_abbreviates(x, y))
        && (wa[0] == wb[0] || wa[1..] == wb[1..])
}

/// `表 N` / `Table N` (with an optional name after it), compiled once for extraction.
pub(super) static TABLE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(super::vocab::TABLE_REFERENCE).expect("valid regex"));

/// Resolves the tables of one operation into schemas.
pub struct Resolver<'a, 'r> {
    pub index: &'a DocIndex<'a>,
    pub objects: Vec<ObjectTable>,
    pub registry: &'r mut Registry,
    pub diags: &'r mut Diagnostics,
    /// PascalCase operation name, to disambiguate schema names.
    pub context: String,
    /// table block → component name, so a table referenced twice is one schema.
    memo: HashMap<usize, String>,
    /// Tables being built (outermost first), with the component name each is built under: a
    /// recursive reference names it before it is registered.
    in_progress: Vec<(usize, String)>,
    /// Every table of the operation (for `Resolver::by_position`; empty: no position guesses).
    pub tables: Vec<usize>,
    /// Name keys of every field and type name the operation's tables mention, and the tables
    /// their cells link to (computed on first need).
    mentioned: Option<(BTreeSet<String>, BTreeSet<usize>)>,
    /// Tables consumed (for orphan detection and coverage counts).
    pub used: BTreeSet<usize>,
    /// Every page of the job and this page's number, for links to another page's table
    /// (`None`: links leave no page, as for SDK pages).
    pub library: Option<(&'a Library<'a>, usize)>,
    /// Tables being built by the resolvers of other pages that led here (page, block, name):
    /// a link back to one of them is a recursive type across pages, referred to by that name.
    foreign_chain: Vec<(usize, usize, String)>,
    /// Type-name references met (`X object`, `Array of X objects`, `Map<String,X>`, `Array<X>`),
    /// by table row (line) and name, and whether each found its describing table. Keyed so a
    /// row read twice (e.g. a table reached from two operations) counts once.
    pub type_refs: BTreeMap<(u32, std::string::String), bool>,
}

impl<'a, 'r> Resolver<'a, 'r> {
    pub fn new(
        index: &'a DocIndex<'a>,
        objects: Vec<ObjectTable>,
        registry: &'r mut Registry,
        diags: &'r mut Diagnostics,
        context: String,
    ) -> Self {
        Resolver {
            index,
            objects,
            registry,
            diags,
            context,
            memo: HashMap::new(),
            in_progress: Vec::new(),
            tables: Vec::new(),
            mentioned: None,
            used: BTreeSet::new(),
            type_refs: BTreeMap::new(),
            library: None,
            foreign_chain: Vec::new(),
        }
    }

    /// The schema of a table on another page that the field's cells link to, built there: its
    /// nested fields resolve against that page's tables. The component keeps the name that
    /// page's caption gives the table, else `preferred` (the type or field name).
    fn by_foreign_link(&mut self, f: &RawField, preferred: &str) -> Option<Schema> {
        let links = f.type_cell.links().chain(f.description.links());
        self.table_on_another_page(links.map(|(_, target)| target), preferred, &f.span)
    }

    /// The first of `links` that names a table on another page, built by a resolver of that
    /// page (its nested links resolve there); a table being built up the chain of resolvers
    /// that led here is a recursive reference. Also what a paragraph saying another page's
    /// table describes a body (`:ref:\`Table 26 <…>\` describes the response parameters`)
    /// resolves through.
    pub fn table_on_another_page<'l>(
        &mut self,
        links: impl IntoIterator<Item = &'l LinkTarget>,
        preferred: &str,
        span: &Span,
    ) -> Option<Schema> {
        let (library, page) = self.library?;
        let (other, block) = links
            .into_iter()
            .find_map(|target| library.foreign_table(target, page))?;
        Some(self.foreign_object((library, page), (other, block), preferred, span))
    }

    /// An object (or the items of a list) no table of this page describes, named like a table
    /// of another page of the job: `nat_gateway | Dict | nat_gateway对象` on the create page
    /// and `表3 nat_gateway字段说明` on the list page; `snat_rules | List(snat_rule)` and a
    /// `snat_rule` table elsewhere. The type name must be the table's exact name, or the field's
    /// name (or its singular) when the description calls the value that object (`nat_gateway对象`,
    /// `snat_rule object`); every page captioning a table so must list the same fields. Said
    /// with a note.
    fn table_named_on_another_page(
        &mut self,
        f: &RawField,
        type_name: Option<&str>,
    ) -> Option<Schema> {
        let (library, page) = self.library?;
        let mut names: Vec<String> = type_name.map(str::to_string).into_iter().collect();
        if type_name.is_none() {
            // A field name alone is no evidence (`params`, `result`, `tags` name unrelated
            // tables on other pages): the description must call the value that object.
            let description = f.description.one_line();
            let one = crate::extract::names::singular(&f.name);
            names.extend(
                [f.name.clone(), one]
                    .into_iter()
                    .filter(|n| super::vocab::calls_it_object(&description, n)),
            );
        }
        let (name, (other, block)) = names
            .iter()
            .find_map(|n| Some((n, library.table_named(n, page)?)))?;
        let file = library.pages[other].index.doc.file.clone();
        let what = format!(
            "`{}` has no table on its page; the table `{name}` of {file} describes it",
            f.name
        );
        self.diags
            .add(&f.span, catalogue::TYPE_TABLE_ON_ANOTHER_PAGE, what);
        Some(self.foreign_object((library, page), (other, block), name, &f.span))
    }

    /// The schema of table `block` of page `other`, built by a resolver of that page (its
    /// nested links resolve there); a table being built up the chain of resolvers that led
    /// here is a recursive reference.
    fn foreign_object(
        &mut self,
        (library, page): (&'a Library<'a>, usize),
        (other, block): (usize, usize),
        preferred: &str,
        span: &Span,
    ) -> Schema {
        if let Some((_, _, name)) = self
            .foreign_chain
            .iter()
            .find(|(p, b, _)| (*p, *b) == (other, block))
        {
            return Schema::new(SchemaKind::Ref { name: name.clone() });
        }
        let mut chain = self.foreign_chain.clone();
        chain.extend(
            self.in_progress
                .iter()
                .map(|(b, name)| (page, *b, name.clone())),
        );
        let mut there = Resolver::new(
            &library.pages[other].index,
            library.objects_around(other, block),
            self.registry,
            self.diags,
            self.context.clone(),
        );
        there.library = Some((library, other));
        there.foreign_chain = chain;
        let name = there.table_object_name(block, preferred);
        there.object_schema(block, &name, span)
    }

    /// The object table nearest after `from` (else nearest before) whose name matches.
    fn nearest(&self, from: usize, matches: impl Fn(&ObjectTable) -> bool) -> Option<usize> {
        let hits: Vec<usize> = self
            .objects
            .iter()
            .filter(|o| matches(o))
            .map(|o| o.block)
            .collect();
        // `<=`: a table may describe a type that contains itself (`Event.events: Array of Event`).
        hits.iter()
            .copied()
            .find(|&b| b > from)
            .or_else(|| hits.iter().copied().rev().find(|&b| b <= from))
    }

    /// Say which table a type name was matched to when the names are not the same.
    fn note_fuzzy_match(
        &mut self,
        span: &Span,
        name: &str,
        block: usize,
        code: crate::diag::Code,
        why: &str,
    ) {
        let found = self
            .objects
            .iter()
            .find(|o| o.block == block)
            .map(|o| o.name.clone())
            .unwrap_or_default();
        self.diags.add(
            span,
            code,
            format!("type `{name}` resolved to the table named `{found}` ({why})"),
        );
    }

    fn by_type_name(&mut self, name: &str, from: usize, span: &Span) -> Option<usize> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(b) = self.nearest(from, |o| name_key(&o.name) == key) {
            return Some(b);
        }
        // Abbreviations (`EndpointsRequest` vs `EndpointsReq`, `…Response` vs `…Resp`,
        // `AutoSearchAlgorithmConfig` vs `AutoSearchAlgoConfig`, `I18n` vs `Internationalization`).
        let abbreviated = self.nearest(from, |o| {
            let k = name_key(&o.name);
            let (short, long) = if k.len() < key.len() {
                (&k, &key)
            } else {
                (&key, &k)
            };
            (short.len() >= 6
                && long.starts_with(short.as_str())
                && short.len() * 10 >= long.len() * 7)
                || abbreviates_word_by_word(name, &o.name)
        });
        if let Some(b) = abbreviated {
            self.note_fuzzy_match(
                span,
                name,
                b,
                catalogue::TYPE_RESOLVED_ABBREVIATION,
                "abbreviated name",
            );
            return Some(b);
        }
        // Typos (`Packege`/`Package`, `Skulnfo`/`SkuInfo`).
        let near = self.nearest(from, |o| {
            let k = name_key(&o.name);
            key.len() >= 6 && edit_distance(&k, &key) <= 2
        });
        if let Some(b) = near {
            self.note_fuzzy_match(
                span,
                name,
                b,
                catalogue::TYPE_RESOLVED_NEAR_MISS,
                "names differ by a typo",
            );
            return Some(b);
        }
        None
    }

    /// The table a field's link should have named, when the link skips it: a table of this
    /// operation captioned with the field's own name stands between the field's table and the
    /// linked one, which names another object (`instances` → "Table 4 instance field data
    /// structure description", with "Table 3 instances field data structure description" in
    /// between, whose `instance` row links Table 4 in turn). The table in between must link the
    /// linked one (it is its parent), or the same name may just be another field's, nested
    /// elsewhere (`provision.spec` beside a top-level `spec`).
    fn past_slipped_link(&mut self, f: &RawField, from: usize, linked: usize) -> usize {
        let key = name_key(&f.name);
        let named = |b: usize| self.names_table(b, &key);
        if key.is_empty() || named(linked) {
            return linked;
        }
        let (low, high) = (from.min(linked), from.max(linked));
        let Some(between) = self
            .objects
            .iter()
            .find(|o| o.block > low && o.block < high && name_key(&o.name) == key)
            .map(|o| o.block)
            .filter(|&b| self.cells_link_to(b, linked))
        else {
            return linked;
        };
        let name = &f.name;
        self.diags.add(
            &f.span,
            catalogue::TYPE_LINK_SKIPS_TABLE,
            format!(
                "`{name}` links a table describing another object; the table captioned `{name}` between them is used"
            ),
        );
        between
    }

    /// Whether `block` is an object table whose name is `key` (a [`name_key`]).
    fn names_table(&self, block: usize, key: &str) -> bool {
        self.objects
            .iter()
            .any(|o| o.block == block && name_key(&o.name) == key)
    }

    /// Whether a cell of table `block` links table `target` (by anchor or by number).
    fn cells_link_to(&self, block: usize, target: usize) -> bool {
        if self.table_links(block).contains(&target) {
            return true;
        }
        let Some(table) = self.index.table(block) else {
            return false;
        };
        table.rows.iter().flat_map(|r| &r.cells).any(|cell| {
            TABLE_REF.captures_iter(&cell.text.one_line()).any(|c| {
                self.index
                    .numbers
                    .get(&c[1])
                    .is_some_and(|bs| bs.contains(&target))
            })
        })
    }

    /// The tables of this page that `texts` link to (by anchor), in link order.
    fn anchored_tables<'t>(&self, texts: impl IntoIterator<Item = &'t RichText>) -> Vec<usize> {
        texts
            .into_iter()
            .flat_map(|text| text.links())
            .filter_map(|(_, target)| self.index.linked_table(target))
            .collect()
    }

    /// The tables of this page the cells of table `block` link to. (By link only: a `Table N`
    /// in a cell may be another page's table N.)
    fn table_links(&self, block: usize) -> Vec<usize> {
        match self.index.table(block) {
            Some(table) => {
                self.anchored_tables(table.rows.iter().flat_map(|r| &r.cells).map(|c| &c.text))
            }
            None => Vec::new(),
        }
    }

    /// The object table of this page the type cell links to, when that table's name qualifies
    /// the type's (`metadata Field Description for Creating Disks` for `metadata`, beside
    /// another table named just `metadata`): the link says which. A link to a table named
    /// exactly like the type gives way to the nearest table of that name (copied pages repeat
    /// one label for every `obs` row, each followed by its own `obs` table); a link to another
    /// name may be copied from another page. The caller leaves a link back to a table being
    /// built to the other lookups (pages link a nested `spec` to its parent).
    fn type_link(&self, field: &RawField, type_name: &str) -> Option<usize> {
        let key = name_key(type_name);
        if key.is_empty() {
            return None;
        }
        self.anchored_tables([&field.type_cell])
            .into_iter()
            .find(|&b| {
                self.objects.iter().any(|o| {
                    let name = name_key(&o.name);
                    o.block == b && name.starts_with(&key) && name != key
                })
            })
    }

    /// A table the field's cells link to, or name by number (`表 4`, `Table 5`).
    fn by_reference(&self, field: &RawField, from: usize) -> Option<usize> {
        // The first linked table, unless another linked one is named after the field (a
        // description naming a sibling field links that field's table too: `a与b二选一`).
        let linked = self.anchored_tables([&field.type_cell, &field.description, &field.name_cell]);
        let own = name_key(&field.name);
        if let Some(&b) = linked
            .iter()
            .find(|&&b| self.names_table(b, &own))
            .or(linked.first())
        {
            return Some(b);
        }
        let text = format!(
            "{} {}",
            field.type_cell.one_line(),
            field.description.one_line()
        );
        let refs: Vec<(String, Option<String>)> = TABLE_REF
            .captures_iter(&text)
            .map(|c| (c[1].to_string(), c.get(2).map(|m| m.as_str().to_string())))
            .collect();
        if refs.is_empty() {
            // `参考graph图类型数据结构说明`: a table referred to by its caption, not its number.
            let key = super::vocab::referenced_caption_name(&text).map(|n| name_key(&n))?;
            return self.nearest(from, |o| name_key(&o.name) == key);
        }
        // A `Table N` link to another page (an rST label this document lacks, a markdown link
        // to another file) names that page's table N: this page's table N is another object.
        let foreign: Vec<String> = [&field.type_cell, &field.description]
            .into_iter()
            .flat_map(|cell| cell.links())
            .filter(|(_, target)| match target {
                LinkTarget::Anchor(a) => !self.index.anchors.contains_key(a),
                LinkTarget::Page { .. } => true,
                LinkTarget::Url(_) | LinkTarget::Lost => false,
            })
            .flat_map(|(text, _)| {
                TABLE_REF
                    .captures_iter(text)
                    .map(|c| c[1].to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        // Copied pages keep the source page's links but have their own table N for the same
        // object: such a table counts when its caption names the field.
        let field_key = name_key(&field.name);
        let fits = |number: &String, block: usize| {
            !foreign.contains(number)
                || self
                    .caption_object_name(block)
                    .is_some_and(|n| name_key(&n) == field_key)
        };
        // A table of this operation with that number; else one of this operation whose caption
        // names the object the reference names (the number may be another document's:
        // `表9 notebook字段数据结构说明`); else the nearest table with that number anywhere.
        for (number, _) in &refs {
            if let Some(&b) = self.index.numbers.get(number).and_then(|blocks| {
                blocks
                    .iter()
                    .find(|b| self.objects.iter().any(|o| o.block == **b) && fits(number, **b))
            }) {
                return Some(b);
            }
        }
        for (_, name) in &refs {
            let Some(key) = name.as_deref().map(name_key).filter(|k| !k.is_empty()) else {
                continue;
            };
            if let Some(b) = self.nearest(from, |o| name_key(&o.name) == key) {
                return Some(b);
            }
        }
        let elsewhere = refs.iter().find_map(|(number, _)| {
            self.index
                .numbers
                .get(number)?
                .iter()
                .copied()
                .filter(|&b| fits(number, b))
                .min_by_key(|b| b.abs_diff(from))
        })?;
        // The number points into another operation's section (copied pages keep the numbers
        // of the page they were copied from): when this operation has its own table for the
        // same object, that copy is the one meant.
        let target = self.caption_object_name(elsewhere).map(|n| name_key(&n));
        Some(
            target
                .and_then(|key| self.nearest(from, |o| name_key(&o.name) == key))
                .unwrap_or(elsewhere),
        )
    }

    /// A table whose caption names the field by its path from the table it stands in:
    /// `role_assignments.role` for the field `role` of the table `role_assignments` (pages
    /// caption nested tables with dotted paths instead of type names).
    fn by_field_path(&self, field: &RawField, from: usize) -> Option<usize> {
        let parent = self.objects.iter().find(|o| o.block == from)?;
        let key = name_key(&format!("{}.{}", parent.name, field.name));
        self.nearest(from, |o| o.name.contains('.') && name_key(&o.name) == key)
    }

    /// The table of this operation captioned with the clause the field's description opens
    /// with, when nothing else ties them (`vpc_health_config | 字典数据类型 | 健康检查详情，仅…`
    /// and `表 4 健康检查详情`): the caption names what the description names.
    fn by_description(&self, field: &RawField, from: usize) -> Option<usize> {
        let text = describe(&field.description);
        let first = text
            .split(['。', '，', '；', '\n'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches(['.', '：', ':']);
        let key = name_key(first);
        // A phrase, not a word that may name anything (`详情`, `Details`).
        if key.chars().count() < 4 {
            return None;
        }
        let found = self.nearest(from, |o| name_key(&o.name) == key)?;
        (found != from && !self.used.contains(&found)).then_some(found)
    }

    /// A type name no table describes: a scalar it misspells (`doubule`), the kind of value
    /// the description lists (`Array<Storage type>`, `Options: …`), else a free-form value.
    fn untabled_type(
        &mut self,
        name: &str,
        f: &RawField,
        from: usize,
        reference: (u32, String),
    ) -> Schema {
        if let Some(scalar) = near_miss_scalar(name) {
            *self.type_refs.entry(reference).or_default() = true;
            let what = format!("type `{name}` of `{}` names no table and is one letter off the scalar type `{scalar}`: read as {scalar}", f.name);
            self.diags
                .add(&f.span, catalogue::TYPE_RESOLVED_NEAR_MISS, what);
            return self.resolve(&parse_type(scalar), f, from);
        }
        let listed = super::prose::listed_value_type(&f.description, &mut self.registry.prose);
        if let Some(ty) = listed {
            let kind = match ty {
                super::prose::ValueType::Integer => SchemaKind::Integer {
                    format: crate::ir::IntFormat::Int64,
                },
                super::prose::ValueType::Boolean => SchemaKind::Boolean,
                _ => SchemaKind::String { format: None },
            };
            *self.type_refs.entry(reference).or_default() = true;
            let what = format!(
                "type `{name}` of `{}` names no table and the description lists its values: {}",
                f.name,
                kind.json_type()
            );
            self.diags
                .add(&f.span, catalogue::TYPE_NAMES_VALUE_LIST, what);
            return Schema::new(kind);
        }
        if let Some(elsewhere) = self.table_named_on_another_page(f, Some(name)) {
            *self.type_refs.entry(reference).or_default() = true;
            return elsewhere;
        }
        self.type_refs.entry(reference).or_default();
        let what = format!(
            "type `{name}` of `{}` has no table describing it: a free-form value",
            f.name
        );
        self.diags.add(&f.span, catalogue::TYPE_UNRESOLVED, what);
        Schema::any()
    }

    /// An object no table describes: the fields or the map its description states, else a
    /// free-form value.
    fn described_object(&mut self, f: &RawField) -> Schema {
        if let Some(listed) = self.fields_in_description(f) {
            return listed;
        }
        if let Some(map) = self.map_in_description(f) {
            return map;
        }
        if let Some(elsewhere) = self.table_named_on_another_page(f, None) {
            return elsewhere;
        }
        let what = format!(
            "`{}` is an object with no table describing it: a free-form value",
            f.name
        );
        self.diags.add(&f.span, catalogue::SCHEMA_FREE_FORM, what);
        Schema::any()
    }

    /// For the only object row of a table, the object table right after it when nothing
    /// else claims that table: pages wrap a response in `error: Object` and describe the
    /// object in the next table (`ErrorDetail`) with no link and no shared name, or list
    /// `vpc_instances | 字典数据类型` beside scalars and describe it in `后端实例详情`. Said
    /// with a note, as it rests on position alone.
    fn by_position(&mut self, field: &RawField, from: usize) -> Option<usize> {
        if self.tables.is_empty() || !self.only_object_row(field, from) {
            return None;
        }
        let next = (from + 1..self.index.doc.blocks.len())
            .find(|&b| matches!(self.index.doc.blocks[b].kind, BlockKind::Table(_)))?;
        let object = self.objects.iter().find(|o| o.block == next)?;
        if self.used.contains(&next) || self.memo.contains_key(&next) {
            return None;
        }
        let name = object.name.clone();
        // Not a table named like a field path or an English phrase (`instance field data
        // structure`): those name what they describe, and that is not this field. A type
        // name (`ErrorDetail`) or a phrase in another script (`后端实例详情`) may be it.
        let type_like = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        let other_script = !name.is_ascii() && !name.contains('.');
        if !type_like && !other_script {
            return None;
        }
        // A table some row names (by field or type name) or links to is that row's.
        let (names, linked) = self.mentioned();
        if names.contains(&name_key(&name)) || linked.contains(&next) {
            return None;
        }
        self.diags.add(
            &field.span,
            crate::diag::catalogue::TYPE_RESOLVED_BY_POSITION,
            format!(
                "object `{}` has no link or name tying it to a table; the table right after, `{name}`, is taken to describe it",
                field.name
            ),
        );
        Some(next)
    }

    /// Whether `field` is the only row of table `from` whose type is an object (or a list or
    /// map of objects): with two, position cannot say which one the next table describes.
    fn only_object_row(&mut self, field: &RawField, from: usize) -> bool {
        let Some(table) = self.index.table(from) else {
            return false;
        };
        let rows = read_fields(table, &columns(table), &mut Diagnostics::new());
        let objects: Vec<&RawField> = rows
            .iter()
            .filter(|r| parse_type(&r.type_text).is_object_like())
            .collect();
        matches!(objects[..], [only] if only.name == field.name)
    }

    /// What the operation's tables mention: field names, words of type cells, link targets.
    fn mentioned(&mut self) -> &(BTreeSet<String>, BTreeSet<usize>) {
        let (index, tables) = (self.index, &self.tables);
        self.mentioned.get_or_insert_with(|| {
            let mut names = BTreeSet::new();
            let mut linked = BTreeSet::new();
            for &b in tables {
                let Some(table) = index.table(b) else {
                    continue;
                };
                for r in read_fields(table, &columns(table), &mut Diagnostics::new()) {
                    names.insert(name_key(&r.name));
                    for word in r
                        .type_text
                        .split(|c: char| !c.is_alphanumeric() && c != '_')
                    {
                        names.insert(name_key(word));
                    }
                    // The type name as the parser reads it: wrap damage repaired
                    // (`SampleMeta data object` names `SampleMetadata`).
                    if let Some(named) = parse_type(&r.type_text).named() {
                        names.insert(name_key(named));
                    }
                    for cell in [&r.type_cell, &r.description, &r.name_cell] {
                        for (_, target) in cell.links() {
                            if let LinkTarget::Anchor(a) = target {
                                linked.extend(index.anchors.get(a).copied());
                            }
                        }
                    }
                }
            }
            (names, linked)
        })
    }

    /// The table being built for type `name`, when a field inside it (or inside a table it
    /// contains) names that type again: a recursive type (`children: Array of Node objects`
    /// in the table describing `Node`), whatever tied the type to the table.
    fn being_built_as(&self, name: &str) -> Option<usize> {
        let key = name_key(&component_name(name, &self.context));
        self.in_progress
            .iter()
            .find(|(_, building)| name_key(building) == key)
            .map(|(b, _)| *b)
    }

    fn by_field_name(&self, field: &RawField, from: usize) -> Option<usize> {
        let key = name_key(&field.name);
        self.nearest(from, |o| name_key(&o.name) == key)
            .or_else(|| {
                // A list is named in the plural, the table of one item in the singular
                // (`instances | Array | 实例的详情数组` and `表 3 instance参数说明`).
                if !matches!(parse_type(&field.type_text), TypeExpr::Array(_)) {
                    return None;
                }
                let one = name_key(&crate::extract::names::singular(&field.name));
                (one != key).then_some(())?;
                self.nearest(from, |o| name_key(&o.name) == one)
            })
    }

    /// Build (or reuse) the named schema for an object table.
    pub fn object_schema(&mut self, block: usize, preferred_name: &str, span: &Span) -> Schema {
        self.used.insert(block);
        if let Some(name) = self.memo.get(&block) {
            return Schema::new(SchemaKind::Ref { name: name.clone() });
        }
        if let Some((_, name)) = self.in_progress.iter().find(|(b, _)| *b == block) {
            // A recursive structure: refer to the component being built, by the name it is
            // being built under (not the name this reference would prefer).
            return Schema::new(SchemaKind::Ref { name: name.clone() });
        }
        let Some(table) = self.index.table(block) else {
            return Schema::any();
        };
        let building = component_name(preferred_name, &self.context);
        self.in_progress.push((block, building.clone()));
        let schema = self.table_schema(table, block);
        self.in_progress.pop();
        let table_span = self.index.doc.blocks[block].span.clone();
        let mut schema = schema;
        schema.span = Some(table_span);
        let name = self
            .registry
            .intern(&building, &self.context, schema, span, self.diags);
        if name != building {
            // Registered under another name (a collision): its references to itself follow.
            if let Some(named) = self.registry.schemas.get_mut(&name) {
                named.schema.walk_mut(&mut |n| {
                    if matches!(&n.kind, SchemaKind::Ref { name: r } if *r == building) {
                        n.kind = SchemaKind::Ref { name: name.clone() };
                    }
                });
            }
        }
        self.memo.insert(block, name.clone());
        Schema::new(SchemaKind::Ref { name })
    }

    /// The object schema of a field table (fields in table order).
    pub fn table_schema(&mut self, table: &Table, block: usize) -> Schema {
        let cols = columns(table);
        let raw = read_fields(table, &cols, self.diags);
        if let [only] = &raw[..] {
            if crate::extract::vocab::names_no_field(&only.name) {
                self.diags.add(
                    &only.span,
                    catalogue::SCHEMA_NAMELESS_ROW,
                    format!(
                        "the table's one row is named `{}`: it describes the value itself (`{}`)",
                        only.name,
                        only.type_text.trim()
                    ),
                );
                return self.field_schema(only, block);
            }
        }
        let raw = crate::extract::fields::nest_dotted_rows(raw);
        let top: Vec<&RawField> = raw.iter().filter(|f| f.group.is_none()).collect();
        // Rows by the group they belong to, built once: a table may have 100,000 rows.
        let mut groups: HashMap<&str, Vec<&RawField>> = HashMap::new();
        for f in &raw {
            if let Some(g) = &f.group {
                groups.entry(g.as_str()).or_default().push(f);
            }
        }
        let mut fields = self.fields_of(&top, &groups, block);
        let unlisted = self.unlisted_fields(block, &fields);
        fields.extend(unlisted);
        Schema::new(SchemaKind::Object { fields })
    }

    /// The fields of `rows` (rows of one object of the table `all`); a row heading a group is
    /// an object of the rows of its group.
    fn fields_of(
        &mut self,
        rows: &[&RawField],
        groups: &HashMap<&str, Vec<&RawField>>,
        block: usize,
    ) -> Vec<Field> {
        let mut fields: Vec<Field> = Vec::new();
        // A set, not a scan of `fields`: a table may have 100,000 rows.
        let mut names = std::collections::HashSet::new();
        for &f in rows {
            if !names.insert(f.name.as_str()) {
                self.diags.add(
                    &f.span,
                    catalogue::FIELD_DUPLICATE,
                    format!(
                        "field `{}` is listed twice in one table; the first is kept",
                        f.name
                    ),
                );
                continue;
            }
            let path = f.path();
            let members: &[&RawField] = groups.get(path.as_str()).map_or(&[], Vec::as_slice);
            let expr = parse_type(&f.type_text);
            if !members.is_empty() {
                // A row spanning the table (no type), or `metaData | JSON对象` above
                // `metaData.count | int`: the rows of its group are the object's fields (its
                // items', for a list). A head naming a type of its own keeps it.
                let item = match &expr {
                    TypeExpr::Array(inner) if **inner == TypeExpr::Object => Some(true),
                    TypeExpr::Object | TypeExpr::Unknown(_) => Some(false),
                    _ => None,
                };
                let Some(list) = item else {
                    self.diags.add(&f.span, catalogue::FIELD_DOTTED_ROWS, format!("rows named `{path}.…` below `{path}`, which has a type of its own (`{}`), are not added", f.type_text.trim()));
                    fields.push(Field {
                        name: f.name.clone(),
                        required: f.required.unwrap_or(false),
                        schema: self.field_schema(f, block),
                    });
                    continue;
                };
                let object = Schema::new(SchemaKind::Object {
                    fields: self.fields_of(members, groups, block),
                });
                let schema = if list {
                    Schema::new(SchemaKind::Array {
                        items: Box::new(object),
                    })
                } else {
                    object
                };
                if f.heads_group {
                    self.diags.add(&f.span, catalogue::FIELD_GROUP_ROW, format!("a row spanning the table names `{}`: the {} rows below it are that object's fields", f.name, members.len()));
                } else {
                    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
                    self.diags.add(
                        &f.span,
                        catalogue::FIELD_DOTTED_ROWS,
                        format!(
                            "rows named `{path}.…` below `{path}` are its fields ({})",
                            names.join(", ")
                        ),
                    );
                }
                fields.push(Field {
                    name: f.name.clone(),
                    required: f.required.unwrap_or(false),
                    schema: self.described(schema, f),
                });
                continue;
            }
            if expr.is_object_like() {
                if let Some(keys) = self.named_alternatives(f) {
                    fields.extend(self.alternative_fields(f, keys));
                    continue;
                }
            }
            let schema = self.field_schema(f, block);
            fields.push(Field {
                name: f.name.clone(),
                required: f.required.unwrap_or(false),
                schema,
            });
        }
        fields
    }

    /// The schema of one documented field / parameter.
    pub fn field_schema(&mut self, f: &RawField, table_block: usize) -> Schema {
        let expr = parse_type(&f.type_text);
        let mut schema = self.resolve(&expr, f, table_block);
        if expr == TypeExpr::String {
            schema.json_content = self.json_text_of(f, table_block).map(Box::new);
        }
        self.described(schema, f)
    }

    /// The schema of a parameter row. A row without a type (parameter tables with only name,
    /// mandatory and description columns are common) still names a value sent as URL or header
    /// text, never a free-form JSON value: it is an integer when its description states
    /// whole-number limits, a whole-number default or whole-number values, a boolean when it
    /// lists `true`/`false`, otherwise a string.
    pub fn parameter_schema(&mut self, f: &RawField, table_block: usize) -> Schema {
        if !f.type_text.trim().is_empty() {
            return self.field_schema(f, table_block);
        }
        let ty = super::prose::stated_value_type(&f.description, &mut self.registry.prose);
        let (kind, said) = match ty {
            super::prose::ValueType::Integer => (
                SchemaKind::Integer {
                    format: crate::ir::IntFormat::Int64,
                },
                "an integer, as its description states whole numbers",
            ),
            super::prose::ValueType::Boolean => (
                SchemaKind::Boolean,
                "a boolean, as its description lists true and false",
            ),
            _ => (
                SchemaKind::String { format: None },
                "a string (URL or header text)",
            ),
        };
        self.diags.add(
            &f.span,
            catalogue::PARAM_UNTYPED,
            format!("parameter `{}` has no type: typed as {said}", f.name),
        );
        self.described(Schema::new(kind), f)
    }

    /// A field's schema with the row's description, type cell, provenance and the facts its
    /// description states.
    fn described(&mut self, mut schema: Schema, f: &RawField) -> Schema {
        schema.description = Some(describe(&f.description)).filter(|d| !d.is_empty());
        schema.raw_type = Some(f.type_text.clone()).filter(|t| !t.is_empty());
        schema.span = Some(f.span.clone());
        super::prose::apply(
            &mut schema,
            &f.description,
            &f.span,
            &mut self.registry.prose,
            self.diags,
        );
        super::prose::apply_type_length(&mut schema, &f.type_text, &f.span);
        schema
    }

    fn resolve(&mut self, expr: &TypeExpr, f: &RawField, from: usize) -> Schema {
        use TypeExpr::*;
        let kind = match expr {
            String => SchemaKind::String { format: None },
            Any => SchemaKind::Any,
            Binary => SchemaKind::String {
                format: Some("binary".into()),
            },
            Int16 => SchemaKind::Integer {
                format: crate::ir::IntFormat::Int16,
            },
            Int32 => SchemaKind::Integer {
                format: crate::ir::IntFormat::Int32,
            },
            Int64 => SchemaKind::Integer {
                format: crate::ir::IntFormat::Int64,
            },
            Float => SchemaKind::Number {
                format: crate::ir::NumberFormat::Float,
            },
            Double | Number => SchemaKind::Number {
                format: crate::ir::NumberFormat::Double,
            },
            Boolean => SchemaKind::Boolean,
            Array(inner) => SchemaKind::Array {
                items: Box::new(self.resolve(inner, f, from)),
            },
            Map(inner) => SchemaKind::Map {
                values: Box::new(self.resolve(inner, f, from)),
            },
            Object => {
                // A table of this page that the field names comes before a link to another
                // page's: copied pages keep the source's links beside their own copy of it.
                let local = self
                    .by_reference(f, from)
                    .map(|linked| self.past_slipped_link(f, from, linked))
                    .or_else(|| self.by_field_path(f, from))
                    .or_else(|| self.by_field_name(f, from));
                if local.is_none() {
                    if let Some(schema) = self.by_foreign_link(f, &f.name) {
                        return schema;
                    }
                }
                let found = local
                    .or_else(|| self.by_description(f, from))
                    .or_else(|| self.by_position(f, from));
                let variants = self.variants(f, from, found.filter(|&b| b != from));
                if !variants.is_empty() {
                    return self.variants_schema(&variants, &f.name, &f.span);
                }
                return match found {
                    Some(b) if b != from => {
                        self.object_schema(b, &self.table_object_name(b, &f.name), &f.span)
                    }
                    _ => self.described_object(f),
                };
            }
            Named(name) => {
                let reference = (f.span.start, name.clone());
                // A link on the type itself (`:ref:\`metadata <…>\` object`) names its table
                // exactly, before any table merely named like the type.
                let found = self
                    .type_link(f, name)
                    .filter(|&b| b != from && !self.in_progress.iter().any(|(p, _)| *p == b))
                    .or_else(|| self.by_field_path(f, from))
                    .or_else(|| self.by_type_name(name, from, &f.span))
                    .or_else(|| self.being_built_as(name))
                    .or_else(|| self.by_reference(f, from))
                    .or_else(|| self.by_field_name(f, from));
                if found.is_none() {
                    if let Some(schema) = self.by_foreign_link(f, name) {
                        *self.type_refs.entry(reference).or_default() = true;
                        return schema;
                    }
                }
                let variants = self.variants(f, from, found.filter(|&b| b != from));
                if !variants.is_empty() {
                    *self.type_refs.entry(reference).or_default() = true;
                    return self.variants_schema(&variants, name, &f.span);
                }
                return match found {
                    Some(b) if b != from || self.in_progress.iter().any(|(p, _)| *p == b) => {
                        *self.type_refs.entry(reference).or_default() = true;
                        self.object_schema(b, name, &f.span)
                    }
                    // `Timestamp`, `Time`, `DateTime` with no table of that name: a point in
                    // time, written as text (RFC 3339 in the examples); a scalar, not a
                    // reference to an object.
                    _ if super::vocab::names_point_in_time(name) => {
                        self.diags.add(
                            &f.span,
                            catalogue::TYPE_TIME_AS_STRING,
                            format!("type `{name}` of `{}` names a point in time and no table describes it: a string", f.name),
                        );
                        return Schema::new(SchemaKind::String { format: None });
                    }
                    _ => self.untabled_type(name, f, from, reference),
                };
            }
            Unknown(raw) => {
                if raw.is_empty() {
                    self.diags.add(
                        &f.span,
                        catalogue::TYPE_MISSING,
                        format!("`{}` has no type: a free-form value", f.name),
                    );
                } else {
                    self.diags.add(
                        &f.span,
                        catalogue::TYPE_UNKNOWN,
                        format!(
                            "unknown type spelling `{raw}` of `{}`: a free-form value",
                            f.name
                        ),
                    );
                }
                SchemaKind::Any
            }
        };
        Schema::new(kind)
    }

    /// The JSON document a string field holds, when the field refers to a table of this page
    /// named after it (`model_metric_list | String | …具体请参见表5` with `表5
    /// model_metric_list属性列表`): pages describe such text's content like an object's. A
    /// table named otherwise is another object the value merely relates to (an ID "see Table 4"
    /// for the list of flavors), not the text's content.
    fn json_text_of(&mut self, f: &RawField, from: usize) -> Option<Schema> {
        let block = self.by_reference(f, from).filter(|&b| b != from)?;
        if !self.names_table(block, &name_key(&f.name)) {
            return None;
        }
        let content = self.object_schema(block, &self.table_object_name(block, &f.name), &f.span);
        let SchemaKind::Ref { name } = &content.kind else {
            return None;
        };
        self.diags.add(
            &f.span,
            catalogue::SCHEMA_JSON_TEXT,
            format!(
                "`{}` is a string whose content a table describes: JSON text of `{name}`",
                f.name
            ),
        );
        Some(content)
    }

    /// The object a table's caption names, if it names one.
    fn caption_object_name(&self, block: usize) -> Option<std::string::String> {
        let caption = super::text::table_caption(self.index.doc, block)?;
        match super::vocab::caption_role(&caption) {
            CaptionRole::Object(n) => Some(n),
            _ => None,
        }
    }

    /// The name to give a table found by link/number/field name: its caption name, else the field.
    fn table_object_name(&self, block: usize, field_name: &str) -> std::string::String {
        self.objects
            .iter()
            .find(|o| o.block == block)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| {
                match super::text::table_caption(self.index.doc, block)
                    .map(|c| super::vocab::caption_role(&c))
                {
                    Some(CaptionRole::Object(n)) => n,
                    _ => field_name.to_string(),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(
            edit_distance("workflowservicepackege", "workflowservicepackage"),
            1
        );
        assert_eq!(edit_distance("skulnfo", "skuinfo"), 1);
        assert_eq!(near_miss_scalar("Stirng"), Some("string"));
        assert_eq!(near_miss_scalar("Interger"), Some("integer"));
        assert_eq!(near_miss_scalar("Strings"), Some("string"));
        assert!(!one_swap("listen", "silent"));
        assert_eq!(name_key("data_source"), "datasource");
    }

    #[test]
    fn word_abbreviations() {
        assert_eq!(words("I18nDescription"), ["i18n", "description"]);
        assert_eq!(words("HTTPServerConfig"), ["http", "server", "config"]);
        assert!(abbreviates_word_by_word(
            "InternationalizationDescription",
            "I18nDescription"
        ));
        assert!(abbreviates_word_by_word(
            "AutoSearchAlgorithmConfigParameter",
            "AutoSearchAlgoConfigParameter"
        ));
        assert!(abbreviates_word_by_word("EndpointsRequest", "EndpointsReq"));
        assert!(!abbreviates_word_by_word("DataSource", "DatasetSource2"));
        assert!(!abbreviates_word_by_word("JobInput", "JobOutput"));
        assert!(!abbreviates_word_by_word("Config", "Configs"));
    }
}
