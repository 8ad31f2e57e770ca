//! Bodies: the request body table, response body tables per status code, and response header
//! tables.

use super::super::fields::read_fields;
use super::super::resolve::Resolver;
use super::super::vocab::SectionRole;
use super::blocks::{Found, TableLink};
use super::status::StatusDocs;
use crate::diag::catalogue;
use crate::doc::LinkTarget;
use crate::ir::{
    ParamLocation, Parameter, RequestBody, Response, ResponseBody, Schema, SchemaKind,
};
use std::collections::BTreeMap;

/// The request body from its table; a second request body table is diagnosed and left out.
pub(super) fn read_request_body(
    resolver: &mut Resolver<'_, '_>,
    f: &Found<'_>,
    request_body: &mut Option<RequestBody>,
) {
    let block_span = resolver.index.doc.blocks[f.block].span.clone();
    if request_body.is_some() {
        resolver.diags.add(
            &block_span,
            catalogue::BODY_DUPLICATE_REQUEST_TABLE,
            "a second request body table in one operation; ignored",
        );
        return;
    }
    resolver.used.insert(f.block);
    let name = format!("{}Request", resolver.context);
    let schema = body_schema(resolver, f, &name);
    let content_type = content_type_of(resolver, &schema);
    let required = matches!(
        &schema.kind,
        SchemaKind::Ref { .. } | SchemaKind::Array { .. }
    );
    *request_body = Some(RequestBody {
        content_type,
        required,
        schema,
        examples: Vec::new(),
        span: block_span,
    });
}

/// The response body of status `code` (the default success code when the table has none).
pub(super) fn read_response_body(
    resolver: &mut Resolver<'_, '_>,
    f: &Found<'_>,
    code: Option<&String>,
    status: &StatusDocs,
    responses: &mut BTreeMap<String, Response>,
) {
    let block_span = resolver.index.doc.blocks[f.block].span.clone();
    let code = code
        .cloned()
        .unwrap_or_else(|| status.default_success.clone());
    let resp = responses
        .entry(code.clone())
        .or_insert_with(|| status.empty_response(&code));
    if resp.body.is_some() {
        resolver.diags.add(
            &block_span,
            catalogue::BODY_DUPLICATE_RESPONSE_TABLE,
            format!("a second response body table for status {code}; ignored"),
        );
        return;
    }
    resolver.used.insert(f.block);
    let name = if code == status.default_success {
        format!("{}Response", resolver.context)
    } else {
        format!("{}Response{code}", resolver.context)
    };
    let schema = body_schema(resolver, f, &name);
    let content_type = content_type_of(resolver, &schema);
    if let Some(resp) = responses.get_mut(&code) {
        resp.body = Some(ResponseBody {
            content_type,
            schema,
            span: block_span,
        });
    }
}

/// The media type of a body a table describes: a file (`- | File | the chart archive`) is
/// bytes, anything else JSON. A documented `Content-Type` header overrides it later.
fn content_type_of(resolver: &Resolver<'_, '_>, schema: &Schema) -> String {
    let mut schema = schema;
    // Aliases are few; the bound only guards against a cycle of them.
    for _ in 0..8 {
        let SchemaKind::Ref { name } = &schema.kind else {
            break;
        };
        match resolver.registry.schemas.get(name) {
            Some(named) => schema = &named.schema,
            None => break,
        }
    }
    match &schema.kind {
        SchemaKind::String { format } if format.as_deref() == Some("binary") => {
            "application/octet-stream".into()
        }
        _ => "application/json".into(),
    }
}

/// Bodies no table of this page describes, where a paragraph of the request or response
/// sub-section links another page's table (`:ref:\`Table 26 <…>\` describes the response
/// parameters`, an update page pointing at the create page's table): that table, built on its
/// page. The success response gets it when it has no body of its own.
pub(super) fn bodies_on_other_pages(
    resolver: &mut Resolver<'_, '_>,
    links: &[TableLink<'_>],
    carries_body: bool,
    default_success: &str,
    request_body: &mut Option<RequestBody>,
    responses: &mut BTreeMap<String, Response>,
) {
    for link in links {
        let span = resolver.index.doc.blocks[link.block].span.clone();
        let (what, name) = match link.section {
            SectionRole::Request if carries_body && request_body.is_none() => {
                ("request body", format!("{}Request", resolver.context))
            }
            SectionRole::Response
                if responses
                    .get(default_success)
                    .is_some_and(|r| r.body.is_none()) =>
            {
                ("response body", format!("{}Response", resolver.context))
            }
            _ => continue,
        };
        let targets = link.targets.iter().copied();
        let schema = match linked_object_of_this_page(resolver, &link.targets) {
            Some(object) => {
                resolver.diags.add(
                    &span,
                    catalogue::BODY_LINKED_TABLE,
                    format!(
                        "the {what} is the table this paragraph links (`{}`), which no field \
                         references",
                        object.name
                    ),
                );
                resolver.object_schema(object.block, &object.name, &span)
            }
            None => {
                let Some(schema) = resolver.table_on_another_page(targets, &name, &span) else {
                    continue;
                };
                resolver.diags.add(
                    &span,
                    catalogue::BODY_ON_ANOTHER_PAGE,
                    format!("the {what} is the table this paragraph links on another page"),
                );
                schema
            }
        };
        if link.section == SectionRole::Request {
            *request_body = Some(RequestBody {
                content_type: "application/json".into(),
                required: true,
                schema,
                examples: Vec::new(),
                span,
            });
        } else if let Some(resp) = responses.get_mut(default_success) {
            resp.body = Some(ResponseBody {
                content_type: "application/json".into(),
                schema,
                span,
            });
        }
    }
}

/// An object table of this page that a paragraph links and no field references (`响应中含有多个
/// 模板结构，结构如表2所示`): what the paragraph's sub-section sends.
fn linked_object_of_this_page(
    resolver: &Resolver<'_, '_>,
    targets: &[&LinkTarget],
) -> Option<crate::extract::resolve::ObjectTable> {
    targets.iter().find_map(|target| {
        let block = resolver.index.linked_table(target)?;
        let object = resolver.objects.iter().find(|o| o.block == block)?;
        (!resolver.used.contains(&block)).then(|| object.clone())
    })
}

/// The headers of status `code`'s response (the default success code when the table has none).
pub(super) fn read_response_headers(
    resolver: &mut Resolver<'_, '_>,
    f: &Found<'_>,
    code: Option<&String>,
    status: &StatusDocs,
    responses: &mut BTreeMap<String, Response>,
) {
    resolver.used.insert(f.block);
    let code = code
        .cloned()
        .unwrap_or_else(|| status.default_success.clone());
    let raws = read_fields(f.table, &f.cols, resolver.diags);
    let headers: Vec<Parameter> = raws
        .iter()
        .map(|raw| Parameter {
            name: raw.name.clone(),
            location: ParamLocation::Header,
            required: false,
            schema: resolver.field_schema(raw, f.block),
            span: raw.span.clone(),
        })
        .collect();
    responses
        .entry(code.clone())
        .or_insert_with(|| status.empty_response(&code))
        .headers
        .extend(headers);
}

/// The schema of a root body table: a named object, or an array when the only row is the
/// documented array element (`[数组元素]`, `[array element]`).
fn body_schema(resolver: &mut Resolver<'_, '_>, f: &Found<'_>, name: &str) -> Schema {
    // Only a one-row table can be a root array; look at its name cell before reading rows, so
    // ordinary body tables are read once (by `object_schema`) and report their problems once.
    let single_name = match (f.table.rows.as_slice(), f.cols.name) {
        ([row], Some(col)) => row
            .cells
            .get(col)
            .map(|c| super::super::fields::clean_name(&c.text.one_line())),
        _ => None,
    };
    if single_name.is_some_and(|n| n.starts_with('[') && n.ends_with(']')) {
        let raws = read_fields(f.table, &f.cols, resolver.diags);
        if let Some(element) = raws.first() {
            let mut s = resolver.field_schema(element, f.block);
            if !matches!(s.kind, SchemaKind::Array { .. }) {
                s = Schema::new(SchemaKind::Array { items: Box::new(s) });
            }
            return s;
        }
    }
    let span = resolver.index.doc.blocks[f.block].span.clone();
    resolver.object_schema(f.block, name, &span)
}
