//! The review site's page models and their askama templates (`/templates/review`). HTML
//! escaping stays on: every string here is documentation text or derived from it.

use askama::Template;

/// `index.html`: figures and every operation.
#[derive(Template)]
#[template(path = "review/index.html")]
pub struct IndexPage {
    pub title: String,
    pub version: String,
    pub sources: Vec<String>,
    pub operations: Vec<OpRow>,
    /// Operations with at least one warning in their section.
    pub with_warnings: usize,
    pub bars: Vec<Bar>,
    pub figures: Vec<FigureView>,
    pub codes: Vec<CodeCount>,
}

pub struct OpRow {
    pub id: String,
    /// Relative to the index.
    pub href: String,
    pub method: &'static str,
    pub path: String,
    pub summary: String,
    pub tag: String,
    /// `file:line` of the section.
    pub at: String,
    pub warnings: usize,
    /// Lower-case text the filter matches.
    pub search: String,
}

/// A ratio of the report as a bar.
pub struct Bar {
    pub en: &'static str,
    pub zh: &'static str,
    pub part: usize,
    pub whole: usize,
    /// 0–100, rounded down (100 only when complete); 100 when there is nothing to count.
    pub percent: usize,
}

impl Bar {
    pub fn new(en: &'static str, zh: &'static str, part: usize, whole: usize) -> Self {
        let percent = (part.min(whole) * 100).checked_div(whole).unwrap_or(100);
        Bar {
            en,
            zh,
            part,
            whole,
            percent,
        }
    }
}

/// One ratcheted figure of `docbind report`.
pub struct FigureView {
    pub name: String,
    pub value: u64,
    /// `↑` when higher is better, `↓` when lower is.
    pub better: &'static str,
}

pub struct CodeCount {
    pub code: String,
    pub count: usize,
    pub severity: &'static str,
    pub summary: String,
}

/// `op/<id>.html`.
#[derive(Template)]
#[template(path = "review/operation.html")]
pub struct OperationPage {
    pub title: String,
    pub id: String,
    pub method: &'static str,
    pub path: String,
    pub summary: String,
    pub description: String,
    pub tag: String,
    pub at: String,
    /// Other sources documenting the same operation (`file: title`).
    pub alt_docs: Vec<String>,
    /// (page file, operation id) of the neighbours in the index order.
    pub prev: Option<(String, String)>,
    pub next: Option<(String, String)>,
    pub source: SourcePane,
    pub params: Vec<ParamGroup>,
    pub request: Option<BodyView>,
    pub responses: Vec<ResponseView>,
    pub schemas: Vec<NamedView>,
    /// Diagnostics in the section that are warnings or errors.
    pub warnings: usize,
    pub diagnostics: Vec<DiagView>,
}

pub struct SourcePane {
    pub file: String,
    pub first: u32,
    pub last: u32,
    /// The section goes on beyond what is shown.
    pub cut: bool,
    pub items: Vec<SourceItem>,
}

/// A source line or a table (exactly one is set).
pub struct SourceItem {
    pub line: Option<SrcLine>,
    pub table: Option<SrcTable>,
}

pub struct SrcLine {
    pub n: u32,
    pub text: String,
    /// The most severe diagnostic at this line (`warning`, `note`…), empty if none.
    pub diag: &'static str,
    /// The diagnostics at this line, one per line.
    pub title: String,
}

pub struct SrcTable {
    pub start: u32,
    pub end: u32,
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<SrcRow>,
    /// The table's lines as written.
    pub raw: Vec<RawLine>,
    /// The anchor of the table's first line when no row claims it.
    pub id: Option<String>,
}

pub struct SrcRow {
    pub line: u32,
    /// `L<line>`, for the first row starting at a line.
    pub id: Option<String>,
    pub cells: Vec<String>,
    pub diag: &'static str,
    pub title: String,
}

pub struct RawLine {
    pub n: u32,
    pub text: String,
}

pub struct ParamGroup {
    pub en: &'static str,
    pub zh: &'static str,
    pub table: SchemaTable,
}

/// Where something was read: `L<line>` in this page's source pane, else `file:line`.
pub struct Place {
    pub text: String,
    /// The line, when it is in this page's source pane.
    pub line: Option<u32>,
    /// The full `file:line`.
    pub title: String,
}

pub struct BodyView {
    pub content_type: String,
    pub required: bool,
    pub at: Place,
    /// The body's own schema (its type; an inline object's fields as the nested table).
    pub root: FieldRow,
    pub examples: Vec<ExampleView>,
}

pub struct ResponseView {
    pub status: String,
    pub success: bool,
    pub description: String,
    pub headers: SchemaTable,
    pub body: Option<BodyView>,
    pub examples: Vec<ExampleView>,
}

pub struct NamedView {
    pub anchor: String,
    pub name: String,
    pub at: Option<Place>,
    pub type_text: String,
    pub link: Option<Link>,
    /// An object's fields; for any other type, the schema itself as one row.
    pub table: SchemaTable,
}

pub struct DiagView {
    pub line: u32,
    /// The line is among those shown (a long section is cut).
    pub in_pane: bool,
    pub severity: &'static str,
    pub code: String,
    pub message: String,
}

pub struct ExampleView {
    pub index: usize,
    pub at: Place,
    /// `ok`, `bad` or `none`.
    pub class: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    /// Validation errors, or values outside documented lists.
    pub details: Vec<String>,
    pub text: String,
}

/// Rows of fields (or parameters), each possibly holding the nested table of an inline object.
/// A template of its own so that nesting renders recursively.
#[derive(Template)]
#[template(path = "review/schema_table.html")]
pub struct SchemaTable {
    pub rows: Vec<FieldRow>,
}

pub struct FieldRow {
    pub name: String,
    pub description: String,
    /// The type cell as documented.
    pub raw_type: String,
    /// The type in words, before `link` (`array of `, `integer (int32)`).
    pub type_text: String,
    pub link: Option<Link>,
    /// Other JSON shapes examples show, and `null`.
    pub also: String,
    pub required: bool,
    pub enum_values: Vec<EnumView>,
    pub default: String,
    pub limits: String,
    pub badges: Vec<Badge>,
    /// The source line in this page's source pane.
    pub line: Option<u32>,
    /// `file:line` of the row, wherever it is.
    pub at: String,
    /// `at` with the file's base name only.
    pub at_short: String,
    /// The page showing the row, when it is not in this page's source pane (a shared schema
    /// described in another operation's section).
    pub at_href: Option<String>,
    /// Warnings at the row's line.
    pub warnings: usize,
    pub nested: Option<SchemaTable>,
}

/// A link to a named schema on the same page.
#[derive(Clone)]
pub struct Link {
    pub anchor: String,
    pub name: String,
}

pub struct EnumView {
    pub value: String,
    pub description: String,
}

/// Where a fact came from other than the row itself: prose, an example, an overlay.
pub struct Badge {
    /// `mined`, `example` or `overlay`.
    pub class: &'static str,
    pub en: String,
    pub zh: String,
    pub title: String,
    pub line: Option<u32>,
}

pub fn index(page: &IndexPage) -> Result<String, askama::Error> {
    page.render()
}

pub fn operation(page: &OperationPage) -> Result<String, askama::Error> {
    page.render()
}
