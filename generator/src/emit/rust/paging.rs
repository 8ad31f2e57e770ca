//! Which list operations get pagination helpers, decided from the operation's shape alone.
//!
//! An operation pages when
//! - it has query parameters following one of the common conventions (names compared without
//!   case, `-` or `_`): `offset` + `limit` (items or pages, see below), a page number
//!   (`page`, `page_no`, `page_num`, `page_number`, `page_index`) + a page size (`per_page`,
//!   `page_size`, `limit`, `size`), or a marker (`marker`, `continue`, `cursor`, `page_token`,
//!   `next_token`);
//! - its success response is one JSON body whose items can be found structurally: the body is
//!   an array of objects, or an object with exactly one array-of-objects field;
//! - for markers, the response carries the next marker in a string field named like the
//!   parameter (or `next_` + the name), at the top level or inside one nested object.
//!
//! Whether `offset` counts items or pages is an IR fact ([`MinedKind::PageIndex`], read by
//! extraction from its description); unless the description clearly says pages, it counts
//! items. Anything undecidable gets no helper rather than a guess.

use super::plan::{ParamPlan, ResponsePlan, RustType, TypeBody, TypeDef, TypeId};
use crate::ir::{self, MinedKind, ParamLocation, Schema};

/// Page size used when the caller sets none and the documentation gives no default or maximum.
/// Small on purpose: a page shorter than the requested size ends the stream, so asking for
/// more than the service returns per page would end it early.
pub const FALLBACK_PAGE_SIZE: u64 = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct PagingPlan {
    pub kind: PagingKind,
    /// Where the items are in the success body.
    pub items: ItemsAt,
    pub item_ty: RustType,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PagingKind {
    /// `offset` counts items. Indices into the operation's `params`.
    Offset {
        offset: usize,
        limit: usize,
        page_size: u64,
    },
    /// A parameter counting pages (a page number, or an `offset` documented as one).
    PageNumber {
        page: usize,
        size: usize,
        first_page: u64,
        page_size: u64,
    },
    /// An opaque marker; `next` is the path of the next marker in the response body.
    Marker { marker: usize, next: Vec<FieldStep> },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ItemsAt {
    /// The body is the array.
    Body,
    /// A field of the body struct.
    Field(FieldStep),
}

/// One field access: its Rust identifier and whether it is `Option`al.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldStep {
    pub ident: String,
    pub required: bool,
}

const OFFSET_NAMES: &[&str] = &["offset"];
const LIMIT_NAMES: &[&str] = &["limit"];
const PAGE_NAMES: &[&str] = &["page", "pageno", "pagenum", "pagenumber", "pageindex"];
const PAGE_SIZE_NAMES: &[&str] = &["perpage", "pagesize", "limit", "size"];
const MARKER_NAMES: &[&str] = &["marker", "continue", "cursor", "pagetoken", "nexttoken"];

fn squashed(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The pagination of one operation, if it has one that can be decided.
pub fn paging(
    op: &ir::Operation,
    params: &[ParamPlan],
    response: &ResponsePlan,
    types: &[TypeDef],
) -> Option<PagingPlan> {
    let ResponsePlan::Single(Some(body)) = response else {
        return None;
    };
    if !body.json {
        return None;
    }
    let (items, item_ty) = items_of(&body.ty, types)?;
    let find = |names: &[&str], numeric: bool| {
        params.iter().position(|p| {
            p.location == ParamLocation::Query
                && names.contains(&squashed(&p.json_name).as_str())
                && if numeric {
                    is_number_like(&p.ty, types)
                } else {
                    resolved(&p.ty, types) == &RustType::String
                }
        })
    };
    let schema_of = |index: usize| {
        let p = &params[index];
        op.parameters
            .iter()
            .find(|d| d.location == p.location && d.name == p.json_name)
            .map(|d| &d.schema)
    };
    let kind = if let (Some(offset), Some(limit)) =
        (find(OFFSET_NAMES, true), find(LIMIT_NAMES, true))
    {
        let page_size = page_size(schema_of(limit));
        let counts_pages = schema_of(offset)
            .is_some_and(|s| s.mined.iter().any(|m| m.kind == MinedKind::PageIndex));
        if counts_pages {
            PagingKind::PageNumber {
                page: offset,
                size: limit,
                first_page: first_page(schema_of(offset), 0),
                page_size,
            }
        } else {
            PagingKind::Offset {
                offset,
                limit,
                page_size,
            }
        }
    } else if let (Some(page), Some(size)) = (find(PAGE_NAMES, true), find(PAGE_SIZE_NAMES, true)) {
        PagingKind::PageNumber {
            page,
            size,
            first_page: first_page(schema_of(page), 1),
            page_size: page_size(schema_of(size)),
        }
    } else {
        let marker = find(MARKER_NAMES, false)?;
        let next = next_marker_path(&body.ty, &params[marker].json_name, types)?;
        PagingKind::Marker { marker, next }
    };
    Some(PagingPlan {
        kind,
        items,
        item_ty,
    })
}

/// A type with its aliases followed.
fn resolved<'t>(ty: &'t RustType, types: &'t [TypeDef]) -> &'t RustType {
    match ty {
        RustType::Named(id) => match &types[*id].body {
            TypeBody::Alias(inner) => resolved(inner, types),
            _ => ty,
        },
        _ => ty,
    }
}

/// Integers, or strings (some documents type counters as `String`; they travel the same way).
fn is_number_like(ty: &RustType, types: &[TypeDef]) -> bool {
    matches!(
        resolved(ty, types),
        RustType::I16 | RustType::I32 | RustType::I64 | RustType::String
    )
}

fn struct_id(ty: &RustType, types: &[TypeDef]) -> Option<TypeId> {
    match resolved(ty, types) {
        RustType::Named(id) if matches!(types[*id].body, TypeBody::Struct(_)) => Some(*id),
        _ => None,
    }
}

/// The element type when `ty` is an array of objects.
fn object_items(ty: &RustType, types: &[TypeDef]) -> Option<RustType> {
    match resolved(ty, types) {
        RustType::Vec(item) if struct_id(item, types).is_some() => Some((**item).clone()),
        _ => None,
    }
}

fn items_of(body: &RustType, types: &[TypeDef]) -> Option<(ItemsAt, RustType)> {
    if let Some(item) = object_items(body, types) {
        return Some((ItemsAt::Body, item));
    }
    let TypeBody::Struct(fields) = &types[struct_id(body, types)?].body else {
        return None;
    };
    let mut arrays = fields
        .iter()
        .filter_map(|f| object_items(&f.ty, types).map(|item| (f, item)));
    let (field, item) = arrays.next()?;
    if arrays.next().is_some() {
        return None;
    }
    Some((
        ItemsAt::Field(FieldStep {
            ident: field.ident.clone(),
            required: field.required,
        }),
        item,
    ))
}

/// The string field carrying the next marker: named like the parameter or `next_` + it,
/// directly in the body or in one nested object (the first match in field order).
fn next_marker_path(body: &RustType, marker: &str, types: &[TypeDef]) -> Option<Vec<FieldStep>> {
    let wanted = [squashed(marker), squashed(&format!("next_{marker}"))];
    let fields_of = |ty: &RustType| match struct_id(ty, types).map(|id| &types[id].body) {
        Some(TypeBody::Struct(fields)) => Some(fields),
        _ => None,
    };
    let step = |f: &super::plan::FieldDef| FieldStep {
        ident: f.ident.clone(),
        required: f.required,
    };
    let is_marker = |f: &super::plan::FieldDef| {
        wanted.contains(&squashed(&f.json_name)) && resolved(&f.ty, types) == &RustType::String
    };
    let top = fields_of(body)?;
    if let Some(f) = top.iter().find(|f| is_marker(f)) {
        return Some(vec![step(f)]);
    }
    top.iter().find_map(|outer| {
        let inner = fields_of(&outer.ty)?.iter().find(|f| is_marker(f))?;
        Some(vec![step(outer), step(inner)])
    })
}

fn documented_u64(value: Option<&serde_json::Value>) -> Option<u64> {
    match value? {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The documented default page size, else the documented maximum, else the fallback.
fn page_size(schema: Option<&Schema>) -> u64 {
    let default = schema.and_then(|s| documented_u64(s.default.as_ref()));
    let maximum = schema
        .and_then(|s| s.constraints.maximum)
        .filter(|m| m.fract() == 0.0 && *m >= 1.0 && *m <= u32::MAX as f64)
        .map(|m| m as u64);
    default
        .filter(|d| *d > 0)
        .or(maximum)
        .unwrap_or(FALLBACK_PAGE_SIZE)
}

/// The first page: the documented minimum, else the documented default, else `fallback`.
fn first_page(schema: Option<&Schema>, fallback: u64) -> u64 {
    let minimum = schema
        .and_then(|s| s.constraints.minimum)
        .filter(|m| m.fract() == 0.0 && *m >= 0.0 && *m <= u32::MAX as f64)
        .map(|m| m as u64);
    minimum
        .or_else(|| schema.and_then(|s| documented_u64(s.default.as_ref())))
        .unwrap_or(fallback)
}
