//! Field tables: a table whose columns are name / required / type / description, read into
//! raw rows. Names are repaired here (wrap damage) because only here do we know a cell is a name.

use super::vocab::{column, required_flag, Column};
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{RichText, Table};

#[derive(Debug, Clone)]
pub struct RawField {
    pub name: String,
    /// The name cell as written: it may link to the table describing the field.
    pub name_cell: RichText,
    /// None when the table has no required column or the cell states no plain flag.
    pub required: Option<bool>,
    pub type_text: String,
    pub type_cell: RichText,
    pub description: RichText,
    pub span: Span,
    /// The row heads a group: one cell spanning the table names the object whose fields the
    /// rows below it (up to the next such row) are.
    pub heads_group: bool,
    /// The group-heading row above this one, if any.
    pub group: Option<String>,
}

#[derive(Debug, Clone, Copy)]
pub struct Columns {
    pub name: Option<usize>,
    pub required: Option<usize>,
    pub ty: Option<usize>,
    pub description: Option<usize>,
    pub status: Option<usize>,
    pub method: Option<usize>,
    pub uri: Option<usize>,
    /// The header names the type and required columns in one order and every row holds them
    /// in the other (`参数 | 参数类型 | 是否必选` over `project_id | 是 | String`): read as the
    /// cells show.
    pub swapped: bool,
}

pub fn columns(table: &Table) -> Columns {
    let mut c = Columns {
        name: None,
        required: None,
        ty: None,
        description: None,
        status: None,
        method: None,
        uri: None,
        swapped: false,
    };
    for (i, h) in table.header.iter().enumerate() {
        let slot = match column(&h.text.one_line()) {
            Column::Name => &mut c.name,
            Column::Required => &mut c.required,
            Column::Type => &mut c.ty,
            Column::Description => &mut c.description,
            Column::Status => &mut c.status,
            Column::Method => &mut c.method,
            Column::Uri => &mut c.uri,
            Column::Other => continue,
        };
        if slot.is_none() {
            *slot = Some(i);
        }
    }
    if let (Some(ty), Some(required)) = (c.ty, c.required) {
        let cell = |row: &crate::doc::Row, i: usize| {
            row.cells
                .get(i)
                .map(|c| c.text.one_line())
                .unwrap_or_default()
        };
        let swapped = |row: &crate::doc::Row| {
            required_flag(&cell(row, ty)).is_some()
                && !matches!(
                    super::types::parse_type(&cell(row, required)),
                    super::types::TypeExpr::Unknown(_)
                )
        };
        if !table.rows.is_empty() && table.rows.iter().all(swapped) {
            (c.ty, c.required, c.swapped) = (Some(required), Some(ty), true);
        }
    }
    c
}

impl Columns {
    pub fn is_field_table(&self) -> bool {
        self.name.is_some() && (self.ty.is_some() || self.description.is_some())
    }
    /// Status codes and what they mean. A type column beside the codes holds their reason
    /// phrases (`Return Code | Type | Description`: `302 | Found | …`) when every row's code is
    /// one; otherwise the table describes return values (`返回值 | 类型 | 说明`).
    pub fn is_status_table(&self, table: &Table) -> bool {
        let Some(status) = self.status else {
            return false;
        };
        let is_code = |row: &crate::doc::Row| {
            row.cells
                .get(status)
                .and_then(|c| super::vocab::status_code(&c.text.one_line()))
                .is_some()
        };
        self.ty.is_none() || (!table.rows.is_empty() && table.rows.iter().all(is_code))
    }
    /// A table giving the request line as a method column and a URI column.
    pub fn is_request_line_table(&self) -> bool {
        self.method.is_some() && self.uri.is_some()
    }
}

/// Repair a name cell: remove markup remnants and the spaces PDF line wrapping put inside an
/// identifier (`service_instance_c ount`, `os.modelarts/ node.prefix`). Spaces are kept when
/// the name is prose-like (contains CJK or the pieces are plain words).
pub fn clean_name(raw: &str) -> String {
    let s = raw.replace(['\\', '*', '`'], "");
    let s = s.trim();
    let identifier_chars = |c: char| c.is_ascii_alphanumeric() || "_-./:@$[]{}".contains(c);
    if s.contains(char::is_whitespace) {
        let pieces: Vec<&str> = s.split_whitespace().collect();
        if pieces.iter().all(|p| p.chars().all(identifier_chars)) {
            // A real multi-word name would not contain identifier punctuation; a wrapped one does,
            // or is a single lower-case identifier split mid-word.
            let joined: String = pieces.concat();
            let has_punct = joined.chars().any(|c| "_./-".contains(c));
            let looks_split = pieces.len() == 2
                && pieces[0]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase());
            if has_punct || looks_split {
                return joined;
            }
        }
        return pieces.join(" ");
    }
    s.to_string()
}

pub fn read_fields(table: &Table, cols: &Columns, diags: &mut Diagnostics) -> Vec<RawField> {
    let Some(name_col) = cols.name else {
        // A table used for fields whose header names no column of field names: said, as its
        // rows are lost (`Attribute | Type | …` before `attribute` was a known header).
        if let Some(first) = table.rows.first() {
            let header: Vec<String> = table.header.iter().map(|h| h.text.one_line()).collect();
            diags.add(
                &first.span,
                catalogue::TABLE_NO_NAME_COLUMN,
                format!(
                    "the table's header ({}) has no column of field names; its {} rows are not read",
                    header.join(" | "),
                    table.rows.len()
                ),
            );
        }
        return Vec::new();
    };
    if let (true, Some(first)) = (cols.swapped, table.rows.first()) {
        diags.add(
            &first.span,
            catalogue::TABLE_SWAPPED_COLUMNS,
            "the header names the type and required columns in the other order than every row holds them (a required flag under the type, a type under the required flag): read as the cells show",
        );
    }
    let mut out: Vec<RawField> = Vec::new();
    let mut group: Option<String> = None;
    for row in &table.rows {
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.cells.get(i))
                .map(|c| c.text.clone())
                .unwrap_or_default()
        };
        let name_cell = cell(Some(name_col));
        let name = clean_name(&name_cell.one_line());
        if heads_group(row, &name) {
            group = Some(name.clone());
            out.push(RawField {
                name,
                name_cell,
                required: None,
                type_text: String::new(),
                type_cell: RichText::default(),
                description: RichText::default(),
                span: row.span.clone(),
                heads_group: true,
                group: None,
            });
            continue;
        }
        let mut type_cell = cell(cols.ty);
        let mut description = cell(cols.description);
        if name.is_empty() {
            if type_cell.is_empty() && !description.is_empty() {
                // The tail of the previous row's description, split at a page break.
                if let Some(prev) = out.last_mut() {
                    prev.description.paragraphs.extend(description.paragraphs);
                    continue;
                }
            }
            if !(type_cell.is_empty() && description.is_empty()) {
                diags.add(
                    &row.span,
                    catalogue::TABLE_ROW_WITHOUT_NAME,
                    "a table row has no parameter name; skipped",
                );
            }
            continue;
        }
        // A row copied from a table with a required column (`containerBaseSize | No |
        // Integer …` in a name / type / description table): the flag sits in the type column
        // and the type opens the description. Read it as the row it was.
        let shifted = if cols.required.is_none() {
            shifted_row(&type_cell, &description)
        } else {
            None
        };
        let shifted_flag = shifted.as_ref().map(|(flag, ..)| *flag);
        if let Some((flag, ty, rest)) = shifted {
            diags.add(
                &row.span,
                catalogue::FIELD_ROW_SHIFTED,
                format!("the row of `{name}` has a required flag in its type column and its type in its description: read as `{} | {}`", if flag { "required" } else { "optional" }, ty.one_line()),
            );
            type_cell = ty;
            description = rest;
        }
        let required_text = cell(cols.required).one_line();
        let required = if shifted_flag.is_some() {
            shifted_flag
        } else if cols.required.is_some() {
            let flag = required_flag(&required_text);
            if flag.is_none() {
                diags.add(&row.span, catalogue::FIELD_REQUIRED_UNCLEAR, format!("required flag of `{name}` is not a plain yes/no ({required_text:?}); treated as optional"));
            }
            flag
        } else {
            None
        };
        let field = RawField {
            name,
            name_cell,
            required,
            type_text: type_cell.one_line(),
            type_cell,
            description,
            span: row.span.clone(),
            heads_group: false,
            group: group.clone(),
        };
        out.extend(alternative_names(field, diags));
    }
    out
}

/// `env_id/env`, `status/stack_status`: one value under two names. The first is the field as
/// documented; each other is an optional field of the same type (a client sending the first
/// name is right). Keys that hold a slash of their own (`kubernetes.io/name`) have dots or
/// hyphens in them and are left whole.
fn alternative_names(field: RawField, diags: &mut Diagnostics) -> Vec<RawField> {
    let names: Vec<&str> = field.name.split('/').map(str::trim).collect();
    if names.len() < 2 || !names.iter().all(|n| super::text::is_identifier(n)) {
        return vec![field];
    }
    diags.add(
        &field.span,
        catalogue::FIELD_ALTERNATIVE_NAMES,
        format!(
            "`{}` names one value {} ways: the field `{}`, and {} optional",
            field.name,
            names.len(),
            names[0],
            names[1..]
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    names
        .iter()
        .enumerate()
        .map(|(i, name)| RawField {
            name: name.to_string(),
            required: if i == 0 {
                field.required
            } else {
                field.required.map(|_| false)
            },
            ..field.clone()
        })
        .collect()
}

impl RawField {
    /// The row's name path in its table: `metaData.count` for the row `count` of the group
    /// `metaData`.
    pub fn path(&self) -> String {
        match &self.group {
            Some(g) => format!("{g}.{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Rows named with a path (`metaData.count`) below the row of its head (`metaData`): each is
/// a row of the group of the longest prefix another row of the table names, under its last
/// name. Other dotted names (`os.modelarts/workspace.id`, a label key) stay as written.
pub fn nest_dotted_rows(mut rows: Vec<RawField>) -> Vec<RawField> {
    let paths: std::collections::HashSet<String> = rows.iter().map(RawField::path).collect();
    for row in rows.iter_mut().filter(|r| !r.heads_group) {
        let full = row.path();
        let head = full
            .match_indices('.')
            .rev()
            .map(|(i, _)| &full[..i])
            .find(|prefix| !prefix.is_empty() && paths.contains(*prefix));
        if let Some(head) = head {
            let name = full[head.len() + 1..].to_string();
            if !name.is_empty() {
                row.group = Some(head.to_string());
                row.name = name;
            }
        }
    }
    rows
}

/// A row made of one cell spanning the table (the reader repeats it in every column) that
/// holds a field name: `parameters` above `order_id`, `scale_type`, … (older Huawei pages).
fn heads_group(row: &crate::doc::Row, name: &str) -> bool {
    let texts: Vec<String> = row.cells.iter().map(|c| c.text.one_line()).collect();
    texts.len() >= 3
        && super::text::is_identifier(name)
        && texts.iter().all(|t| clean_name(t) == name)
}

/// For a row whose type cell is a plain required flag and whose description opens with a
/// paragraph that is a known type on its own: the flag, that type, and the rest of the
/// description.
fn shifted_row(type_cell: &RichText, description: &RichText) -> Option<(bool, RichText, RichText)> {
    let flag = required_flag(&type_cell.one_line())?;
    let (first, rest) = description.paragraphs.split_first()?;
    let first = RichText {
        paragraphs: vec![first.clone()],
    };
    let known = !matches!(
        super::types::parse_type(&first.one_line()),
        super::types::TypeExpr::Unknown(_) | super::types::TypeExpr::Named(_)
    );
    // A type alone, not a sentence that happens to start with one.
    let short = first.one_line().split_whitespace().count() <= 4;
    (known && short).then(|| {
        (
            flag,
            first,
            RichText {
                paragraphs: rest.to_vec(),
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_wrap_damage() {
        assert_eq!(
            clean_name("service_instance_c ount"),
            "service_instance_count"
        );
        assert_eq!(
            clean_name("os.modelarts/ node.prefix"),
            "os.modelarts/node.prefix"
        );
        assert_eq!(clean_name("data\\_source"), "data_source");
        assert_eq!(clean_name("X-Auth-Token"), "X-Auth-Token");
        assert_eq!(clean_name("[数组元素]"), "[数组元素]");
        assert_eq!(clean_name("Content Type Header"), "Content Type Header");
    }
}
