//! Assembling one operation from its section: URI, parameters, request body, responses per
//! status code, examples.

use super::examples::{example_value, join_split_pieces, split_request_line, CodeExample};
use super::fields::{columns, read_fields, Columns};
use super::names::base_operation_id;
use super::registry::Registry;
use super::resolve::{DocIndex, ObjectTable, Resolver};
use super::sections::{strip_number, RequestLine, SectionTree};
use super::text::describe;
use super::vocab::{caption_role, mentions_failure, status_line, CaptionRole, SectionRole};
use crate::diag::{Diagnostics, Span};
use crate::doc::{BlockKind, Table};
use crate::ir::{
    Operation, ParamLocation, Parameter, RequestBody, Response, ResponseBody, Schema, SchemaKind,
};
use heck::ToUpperCamelCase;
use std::collections::{BTreeMap, BTreeSet};

/// What a table is for, within an operation.
#[derive(Debug, Clone, PartialEq)]
enum Purpose {
    Params(ParamLocation),
    UriParams,
    RequestBody,
    ResponseBody(Option<String>),
    ResponseHeaders(Option<String>),
    RequestHeaders,
    Object(String),
    Status,
    Ignored(&'static str),
    Unclassified,
}

struct Found<'a> {
    block: usize,
    table: &'a Table,
    purpose: Purpose,
    cols: Columns,
    /// The purpose came from the enclosing section because the caption was generic
    /// (`Parameters`, `参数说明`).
    generic: bool,
}

/// A generic caption is the body table the first time in a section; when the same body already
/// has a table, a generically captioned table is an object named by its caption (`Table 5
/// Parameters` describing `Array of Parameters objects`).
fn reclassify_repeated_generic_bodies(found: &mut [Found<'_>]) {
    let mut seen_request = false;
    let mut seen_response: BTreeSet<Option<String>> = BTreeSet::new();
    for f in found.iter_mut() {
        let repeated = match &f.purpose {
            Purpose::RequestBody => std::mem::replace(&mut seen_request, true),
            Purpose::ResponseBody(code) => !seen_response.insert(code.clone()),
            _ => false,
        };
        if repeated && f.generic {
            let caption = f
                .table
                .caption
                .as_ref()
                .map(|c| c.one_line())
                .unwrap_or_default();
            let name = super::vocab::object_name_from_caption(
                &super::vocab::strip_table_number(&caption).1,
            );
            if !name.is_empty() {
                f.purpose = Purpose::Object(name);
            }
        }
    }
}

/// Everything an operation section yields, before ids are assigned.
pub struct Assembled {
    pub operation: Operation,
    /// Tables of the operation's blocks: all, consumed, and not consumed but diagnosed
    /// (`table.orphan`, `table.unclassified`, `table.ignored`): `seen = used + diagnosed`.
    pub tables_seen: usize,
    pub tables_used: usize,
    pub tables_diagnosed: usize,
    /// Type-name references by (line, name) and whether each was resolved.
    pub type_refs: BTreeMap<(u32, String), bool>,
}

pub struct OperationInput<'a> {
    pub index: &'a DocIndex<'a>,
    pub tree: &'a SectionTree,
    pub section: usize,
    pub request: RequestLine,
    pub uri_span: Span,
    /// The blocks of the section that describe this operation (all of them, unless the section
    /// holds a recovered second operation: see [`super::restart`]).
    pub blocks: std::ops::Range<usize>,
    /// The summary when the section title is not this operation's (a recovered operation).
    pub summary: Option<String>,
}

fn purpose_for(
    role: CaptionRole,
    section: SectionRole,
    status: &Option<String>,
    cols: &Columns,
) -> Purpose {
    if cols.is_status_table() {
        return Purpose::Status;
    }
    if !cols.is_field_table() {
        return Purpose::Unclassified;
    }
    match role {
        CaptionRole::PathParams => Purpose::Params(ParamLocation::Path),
        CaptionRole::QueryParams => Purpose::Params(ParamLocation::Query),
        CaptionRole::UriParams => Purpose::UriParams,
        CaptionRole::RequestHeaders => Purpose::RequestHeaders,
        CaptionRole::ResponseHeaders => Purpose::ResponseHeaders(status.clone()),
        CaptionRole::RequestBody => Purpose::RequestBody,
        CaptionRole::ResponseBody => Purpose::ResponseBody(status.clone()),
        CaptionRole::Object(name) => Purpose::Object(name),
        // Inside an operation, `instances 字段响应参数说明` describes the object `instances`.
        CaptionRole::SdkRequest(name) | CaptionRole::SdkResponse(name) => {
            Purpose::Object(super::vocab::object_name_from_caption(&name))
        }
        CaptionRole::Generic => match section {
            SectionRole::Uri => Purpose::UriParams,
            SectionRole::Request => Purpose::RequestBody,
            SectionRole::Response => Purpose::ResponseBody(status.clone()),
            SectionRole::ErrorCodes => Purpose::Ignored("an error-code table"),
            _ => Purpose::Unclassified,
        },
    }
}

/// Assemble the operation described by `input.section`.
pub fn assemble(
    input: OperationInput<'_>,
    registry: &mut Registry,
    diags: &mut Diagnostics,
) -> Assembled {
    let index = input.index;
    let doc = index.doc;
    let tree = input.tree;
    let sec = &tree.sections[input.section];
    let first = if input.blocks.start == sec.start {
        sec.heading
    } else {
        Some(input.blocks.start)
    };
    let op_span = first
        .map(|h| {
            doc.blocks[h]
                .span
                .join(&doc.blocks[input.blocks.end.saturating_sub(1).max(h)].span)
        })
        .unwrap_or_else(|| input.uri_span.clone());
    let summary = input
        .summary
        .clone()
        .unwrap_or_else(|| strip_number(&sec.title).to_string());
    let base_id = base_operation_id(input.request.method, &input.request.path);
    let context = base_id.to_upper_camel_case();

    // Walk the section's blocks once, tracking the sub-section role and the status context.
    let mut description: Vec<String> = Vec::new();
    let mut found: Vec<Found<'_>> = Vec::new();
    let mut codes: Vec<(SectionRole, Option<String>, String, CodeExample)> = Vec::new();
    let mut status: Option<String> = None;
    let mut last_role = SectionRole::Other;
    let mut label = String::new();
    for i in input.blocks.clone() {
        let block = &doc.blocks[i];
        let role = tree.role_at(i, input.section);
        if role != last_role {
            status = None;
            label.clear();
            last_role = role;
        }
        match &block.kind {
            BlockKind::Heading { text, .. } => {
                if let Some(code) = status_line(&text.one_line()) {
                    status = Some(code);
                }
                label = text.one_line();
            }
            BlockKind::Paragraph { text, .. } => {
                let line = text.one_line();
                if let Some(code) = status_line(&line) {
                    status = Some(code);
                    continue;
                }
                // Prose of the description sub-section, or directly under the operation heading.
                let describes = role == SectionRole::Description
                    || (role == SectionRole::Other && tree.innermost(i) == input.section);
                if describes && !line.is_empty() {
                    description.push(describe(text));
                }
                label = line;
            }
            BlockKind::Table(table) => {
                let cols = columns(table);
                let caption = table
                    .caption
                    .as_ref()
                    .map(|c| c.one_line())
                    .unwrap_or_default();
                let caption_role = caption_role(&caption);
                let generic = caption_role == CaptionRole::Generic;
                let purpose = purpose_for(caption_role, role, &status, &cols);
                found.push(Found {
                    block: i,
                    table,
                    purpose,
                    cols,
                    generic,
                });
            }
            BlockKind::Code { lang, text } => {
                let is_code_sample = lang.as_deref().is_some_and(|l| {
                    !matches!(
                        l.to_ascii_lowercase().as_str(),
                        "json" | "text" | "http" | "" | "console"
                    )
                });
                if is_code_sample || matches!(role, SectionRole::Uri | SectionRole::SampleCode) {
                    continue;
                }
                codes.push((
                    role,
                    status.clone(),
                    label.clone(),
                    split_request_line(text, &block.span),
                ));
            }
        }
    }

    reclassify_repeated_generic_bodies(&mut found);
    let objects: Vec<ObjectTable> = found
        .iter()
        .filter_map(|f| match &f.purpose {
            Purpose::Object(name) => Some(ObjectTable {
                block: f.block,
                name: name.clone(),
            }),
            _ => None,
        })
        .collect();
    let mut resolver = Resolver::new(index, objects, registry, diags, context.clone());

    // Status table: documented codes and their descriptions.
    let mut status_docs: BTreeMap<String, String> = BTreeMap::new();
    for f in found.iter().filter(|f| f.purpose == Purpose::Status) {
        resolver.used.insert(f.block);
        let (Some(sc), dc) = (f.cols.status, f.cols.description) else {
            continue;
        };
        for row in &f.table.rows {
            let code: String = row
                .cells
                .get(sc)
                .map(|c| c.text.one_line())
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if code.len() == 3 {
                let d = dc
                    .and_then(|d| row.cells.get(d))
                    .map(|c| describe(&c.text))
                    .unwrap_or_default();
                status_docs.entry(code).or_insert(d);
            }
        }
    }
    let default_success = status_docs
        .keys()
        .find(|c| c.starts_with('2'))
        .cloned()
        .unwrap_or_else(|| "200".to_string());

    let mut parameters: Vec<Parameter> = Vec::new();
    let mut request_body: Option<RequestBody> = None;
    let mut responses: BTreeMap<String, Response> = BTreeMap::new();
    let path_placeholders: BTreeSet<String> = placeholders(&input.request.path);

    for f in &found {
        let block_span = &doc.blocks[f.block].span;
        match &f.purpose {
            Purpose::Params(_) | Purpose::UriParams | Purpose::RequestHeaders => {
                resolver.used.insert(f.block);
                for raw in read_fields(f.table, &f.cols, resolver.diags) {
                    let location = match &f.purpose {
                        Purpose::Params(l) => *l,
                        Purpose::RequestHeaders => ParamLocation::Header,
                        _ if path_placeholders.contains(&raw.name) => ParamLocation::Path,
                        _ => ParamLocation::Query,
                    };
                    if location == ParamLocation::Path && !path_placeholders.contains(&raw.name) {
                        resolver.diags.warn(&raw.span, "param.not-in-path", format!("path parameter `{}` does not appear in `{}`; treated as a query parameter", raw.name, input.request.path));
                    }
                    let location = if location == ParamLocation::Path
                        && !path_placeholders.contains(&raw.name)
                    {
                        ParamLocation::Query
                    } else {
                        location
                    };
                    if parameters
                        .iter()
                        .any(|p| p.name == raw.name && p.location == location)
                    {
                        resolver.diags.warn(
                            &raw.span,
                            "param.duplicate",
                            format!(
                                "parameter `{}` is documented twice; the first is kept",
                                raw.name
                            ),
                        );
                        continue;
                    }
                    let required = location == ParamLocation::Path || raw.required.unwrap_or(false);
                    let schema = resolver.field_schema(&raw, f.block);
                    parameters.push(Parameter {
                        name: raw.name.clone(),
                        location,
                        required,
                        schema,
                        span: raw.span.clone(),
                    });
                }
            }
            Purpose::RequestBody => {
                if request_body.is_some() {
                    resolver.diags.warn(
                        block_span,
                        "body.duplicate-request-table",
                        "a second request body table in one operation; ignored",
                    );
                    continue;
                }
                resolver.used.insert(f.block);
                let schema = body_schema(&mut resolver, f, &format!("{context}Request"));
                let required = matches!(
                    &schema.kind,
                    SchemaKind::Ref { .. } | SchemaKind::Array { .. }
                );
                request_body = Some(RequestBody {
                    content_type: "application/json".into(),
                    required,
                    schema,
                    examples: Vec::new(),
                    span: block_span.clone(),
                });
            }
            Purpose::ResponseBody(code) => {
                let code = code.clone().unwrap_or_else(|| default_success.clone());
                let resp = responses
                    .entry(code.clone())
                    .or_insert_with(|| empty_response(&code, &status_docs));
                if resp.body.is_some() {
                    resolver.diags.warn(
                        block_span,
                        "body.duplicate-response-table",
                        format!("a second response body table for status {code}; ignored"),
                    );
                    continue;
                }
                resolver.used.insert(f.block);
                let name = if code == default_success {
                    format!("{context}Response")
                } else {
                    format!("{context}Response{code}")
                };
                let schema = body_schema(&mut resolver, f, &name);
                responses.get_mut(&code).expect("inserted above").body = Some(ResponseBody {
                    content_type: "application/json".into(),
                    schema,
                    span: block_span.clone(),
                });
            }
            Purpose::ResponseHeaders(code) => {
                resolver.used.insert(f.block);
                let code = code.clone().unwrap_or_else(|| default_success.clone());
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
                    .or_insert_with(|| empty_response(&code, &status_docs))
                    .headers
                    .extend(headers);
            }
            Purpose::Object(_) | Purpose::Status => {}
            Purpose::Ignored(why) => {
                resolver.diags.note(
                    block_span,
                    "table.ignored",
                    format!("table not used: {why}"),
                );
            }
            Purpose::Unclassified => {}
        }
    }

    // Path placeholders without a documented parameter.
    for name in &path_placeholders {
        if !parameters
            .iter()
            .any(|p| p.location == ParamLocation::Path && &p.name == name)
        {
            resolver.diags.warn(
                &input.uri_span,
                "param.undocumented-path",
                format!("path parameter `{name}` has no table row; typed as a string"),
            );
            parameters.push(Parameter {
                name: name.clone(),
                location: ParamLocation::Path,
                required: true,
                schema: Schema::string(),
                span: input.uri_span.clone(),
            });
        }
    }
    // Query parameters written into the URI line (`?a={a}`) but not documented in a table.
    if let Some(q) = &input.request.query {
        for pair in q.split('&') {
            let name = pair.split('=').next().unwrap_or("").trim();
            if !name.is_empty() && !name.contains('{') && !parameters.iter().any(|p| p.name == name)
            {
                resolver.diags.note(
                    &input.uri_span,
                    "param.query-from-uri",
                    format!(
                        "query parameter `{name}` appears only in the URI line; typed as a string"
                    ),
                );
                parameters.push(Parameter {
                    name: name.to_string(),
                    location: ParamLocation::Query,
                    required: false,
                    schema: Schema::string(),
                    span: input.uri_span.clone(),
                });
            }
        }
    }

    // Status codes documented without a table still become responses.
    for code in status_docs.keys() {
        responses
            .entry(code.clone())
            .or_insert_with(|| empty_response(code, &status_docs));
    }
    if !responses.keys().any(|c| c.starts_with('2')) {
        resolver.diags.note(
            &op_span,
            "response.assumed-success",
            format!("no success response documented; assuming {default_success} with no body"),
        );
        responses.insert(
            default_success.clone(),
            empty_response(&default_success, &status_docs),
        );
    }

    if let Some(body) = request_body.as_mut() {
        if let Some(ct) = documented_content_type(&parameters, resolver.diags) {
            body.content_type = ct;
        }
    }

    // Examples.
    attach_examples(
        codes,
        &input.request,
        &default_success,
        &mut request_body,
        &mut responses,
        resolver.diags,
    );

    // Tables nobody used.
    let used = resolver.used.clone();
    let mut tables_seen = 0;
    let mut tables_used = 0;
    let mut tables_diagnosed = 0;
    for f in &found {
        tables_seen += 1;
        if used.contains(&f.block) {
            tables_used += 1;
            continue;
        }
        tables_diagnosed += 1;
        let span = &doc.blocks[f.block].span;
        match &f.purpose {
            // Already reported where it was classified.
            Purpose::Ignored(_) => {}
            Purpose::Object(name) => resolver.diags.warn(
                span,
                "table.orphan",
                format!("table describing `{name}` is not referenced by any field"),
            ),
            _ => resolver.diags.warn(
                span,
                "table.unclassified",
                "table not recognised as parameters, body, object or status codes; ignored",
            ),
        }
    }

    let tag = tag_of(tree, input.section);
    let description = description.join("\n\n");
    Assembled {
        operation: Operation {
            id: base_id,
            method: input.request.method,
            path: input.request.path.clone(),
            summary,
            description: Some(description).filter(|d| !d.is_empty()),
            tag,
            parameters,
            request_body,
            responses,
            alt_docs: Vec::new(),
            span: op_span,
        },
        tables_seen,
        tables_used,
        tables_diagnosed,
        type_refs: std::mem::take(&mut resolver.type_refs),
    }
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
            .map(|c| super::fields::clean_name(&c.text.one_line())),
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

static MEDIA_TYPE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b(?:application|text|multipart|image|audio|video)/[A-Za-z0-9.+-]+")
        .expect("valid regex")
});

/// The request body's media type when a `Content-Type` request header row names one (`取值为
/// application/merge-patch+json`, `multipart/form-data`); JSON otherwise. A row naming several
/// types (a choice) keeps JSON if it is among them, else the first, and says so.
fn documented_content_type(parameters: &[Parameter], diags: &mut Diagnostics) -> Option<String> {
    let header = parameters.iter().find(|p| {
        p.location == ParamLocation::Header && p.name.eq_ignore_ascii_case("content-type")
    })?;
    let text = header.schema.description.as_deref().unwrap_or_default();
    let mut named: Vec<String> = Vec::new();
    for m in MEDIA_TYPE.find_iter(text) {
        let t = m.as_str().to_ascii_lowercase();
        if !named.contains(&t) {
            named.push(t);
        }
    }
    match named.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [first, ..] => {
            let chosen = if named.iter().any(|t| t == "application/json") {
                "application/json".to_string()
            } else {
                first.clone()
            };
            diags.note(
                &header.span,
                "body.content-type-choice",
                format!(
                    "the Content-Type header names several media types ({}); the request body is documented as `{chosen}`",
                    named.join(", ")
                ),
            );
            Some(chosen)
        }
    }
}

fn empty_response(code: &str, docs: &BTreeMap<String, String>) -> Response {
    let description = docs
        .get(code)
        .filter(|d| !d.is_empty())
        .cloned()
        .unwrap_or_else(|| reason_phrase(code).to_string());
    Response {
        description,
        headers: Vec::new(),
        body: None,
        examples: Vec::new(),
    }
}

fn reason_phrase(code: &str) -> &'static str {
    match code {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "No Content",
        "400" => "Bad Request",
        "401" => "Unauthorized",
        "403" => "Forbidden",
        "404" => "Not Found",
        "409" => "Conflict",
        "500" => "Internal Server Error",
        _ => "Response",
    }
}

fn placeholders(path: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.insert(rest[start + 1..start + len].to_string());
        rest = &rest[start + len + 1..];
    }
    out
}

/// The chapter an operation belongs to: the title of its outermost titled ancestor.
fn tag_of(tree: &SectionTree, section: usize) -> Option<String> {
    let mut s = tree.sections[section].parent?;
    let mut outermost = None;
    while s != 0 {
        outermost = Some(s);
        s = tree.sections[s].parent?;
    }
    outermost
        .map(|o| strip_number(&tree.sections[o].title).to_string())
        .filter(|t| !t.is_empty())
}

fn attach_examples(
    codes: Vec<(SectionRole, Option<String>, String, CodeExample)>,
    request: &RequestLine,
    default_success: &str,
    request_body: &mut Option<RequestBody>,
    responses: &mut BTreeMap<String, Response>,
    diags: &mut Diagnostics,
) {
    // Re-join pieces of one example split at a page break (same role and status).
    let mut groups: Vec<(SectionRole, Option<String>, String, Vec<CodeExample>)> = Vec::new();
    for (role, status, label, code) in codes {
        match groups.last_mut() {
            Some(g)
                if g.0 == role && g.1 == status && g.2 == label && code.request_line.is_none() =>
            {
                g.3.push(code)
            }
            _ => groups.push((role, status, label, vec![code])),
        }
    }
    for (role, status, label, pieces) in groups {
        for code in join_split_pieces(pieces) {
            let is_request = code.request_line.is_some()
                || role == SectionRole::RequestExample
                || (role == SectionRole::Examples
                    && (label.contains("请求") || label.to_lowercase().contains("request")));
            if let Some(rl) = &code.request_line {
                if rl.method != request.method
                    || !super::sections::path_fits(&request.path, &rl.path)
                {
                    diags.note(
                        &code.span,
                        "example.other-operation",
                        format!(
                            "example request `{} {}` is not this operation's `{} {}`; not attached",
                            rl.method.as_str(),
                            rl.path,
                            request.method.as_str(),
                            request.path
                        ),
                    );
                    continue;
                }
            }
            let Some(example) = example_value(&code.body, &code.span, diags) else {
                continue;
            };
            if is_request {
                match request_body {
                    Some(b) => b.examples.push(example),
                    None => diags.note(&code.span, "example.no-request-body", "request example given for an operation without a documented request body; not attached"),
                }
                continue;
            }
            let code_status = match status.clone() {
                Some(s) => s,
                None if mentions_failure(&label) => {
                    let errors: Vec<&String> =
                        responses.keys().filter(|c| !c.starts_with('2')).collect();
                    if errors.len() == 1 {
                        errors[0].clone()
                    } else {
                        diags.note(
                            &code.span,
                            "example.failure-unattached",
                            "failure response example with no status code; not attached",
                        );
                        continue;
                    }
                }
                None => default_success.to_string(),
            };
            match responses.get_mut(&code_status) {
                Some(r) => r.examples.push(example),
                None => diags.note(
                    &code.span,
                    "example.unknown-status",
                    format!("response example for undocumented status {code_status}; not attached"),
                ),
            }
        }
    }
}
