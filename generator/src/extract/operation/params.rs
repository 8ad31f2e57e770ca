//! Parameters: path, query and header rows of the operation's tables, every path placeholder
//! a path parameter (the IR's guarantee: path parameters are exactly the path's placeholders),
//! query parameters written only into the URI line, and the request body's media type from a
//! `Content-Type` header row.

use super::super::fields::read_fields;
use super::super::resolve::Resolver;
use super::super::sections::RequestLine;
use super::blocks::{Found, Purpose};
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::ir::{path_placeholders, ParamLocation, Parameter, Schema};

/// The parameter rows of a parameter table read for `purpose` (`Params`, `UriParams` or
/// `RequestHeaders`), added to `parameters` unless already documented.
pub(super) fn read_parameter_table(
    resolver: &mut Resolver<'_, '_>,
    f: &Found<'_>,
    purpose: &Purpose,
    request: &RequestLine,
    parameters: &mut Vec<Parameter>,
) {
    let placeholders = path_placeholders(&request.path);
    resolver.used.insert(f.block);
    for raw in read_fields(f.table, &f.cols, resolver.diags) {
        let location = match purpose {
            Purpose::Params(l) => *l,
            Purpose::RequestHeaders => ParamLocation::Header,
            _ if placeholders.contains(&raw.name.as_str()) => ParamLocation::Path,
            _ => ParamLocation::Query,
        };
        let location =
            if location == ParamLocation::Path && !placeholders.contains(&raw.name.as_str()) {
                resolver.diags.add(
                    &raw.span,
                    catalogue::PARAM_NOT_IN_PATH,
                    format!(
                        "path parameter `{}` does not appear in `{}`; treated as a query parameter",
                        raw.name, request.path
                    ),
                );
                ParamLocation::Query
            } else {
                location
            };
        if parameters
            .iter()
            .any(|p| p.name == raw.name && p.location == location)
        {
            resolver.diags.add(
                &raw.span,
                catalogue::PARAM_DUPLICATE,
                format!(
                    "parameter `{}` is documented twice; the first is kept",
                    raw.name
                ),
            );
            continue;
        }
        let required = location == ParamLocation::Path || raw.required.unwrap_or(false);
        let schema = resolver.parameter_schema(&raw, f.block);
        parameters.push(Parameter {
            name: raw.name.clone(),
            location,
            required,
            schema,
            span: raw.span.clone(),
        });
    }
}

/// Parameters the request line implies but no table documents: a path placeholder without a
/// row (a string path parameter), a query parameter written into the URI line (`?a={a}`).
pub(super) fn add_undocumented(
    request: &RequestLine,
    uri_span: &Span,
    parameters: &mut Vec<Parameter>,
    diags: &mut Diagnostics,
) {
    for name in path_placeholders(&request.path) {
        if !parameters
            .iter()
            .any(|p| p.location == ParamLocation::Path && p.name == name)
        {
            diags.add(
                uri_span,
                catalogue::PARAM_UNDOCUMENTED_PATH,
                format!("path parameter `{name}` has no table row; typed as a string"),
            );
            parameters.push(Parameter {
                name: name.to_string(),
                location: ParamLocation::Path,
                required: true,
                schema: Schema::string(),
                span: uri_span.clone(),
            });
        }
    }
    if let Some(q) = &request.query {
        for pair in q.split('&') {
            let name = pair.split('=').next().unwrap_or("").trim();
            if !name.is_empty() && !name.contains('{') && !parameters.iter().any(|p| p.name == name)
            {
                diags.add(
                    uri_span,
                    catalogue::PARAM_QUERY_FROM_URI,
                    format!(
                        "query parameter `{name}` appears only in the URI line; typed as a string"
                    ),
                );
                parameters.push(Parameter {
                    name: name.to_string(),
                    location: ParamLocation::Query,
                    required: false,
                    schema: Schema::string(),
                    span: uri_span.clone(),
                });
            }
        }
    }
}

static MEDIA_TYPE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b(?:application|text|multipart|image|audio|video)/[A-Za-z0-9.+-]+")
        .expect("valid regex")
});

/// The media types a text names, in order, each once.
pub(in crate::extract) fn media_types(text: &str) -> Vec<String> {
    let mut named: Vec<String> = Vec::new();
    for m in MEDIA_TYPE.find_iter(text) {
        // A media type ending a sentence (`… is application/json.`) leaves the full stop out.
        let t = m.as_str().trim_end_matches('.').to_ascii_lowercase();
        if !named.contains(&t) {
            named.push(t);
        }
    }
    named
}

/// The request body's media type when a `Content-Type` request header row names one (`取值为
/// application/merge-patch+json`, `multipart/form-data`); JSON otherwise. A row naming several
/// types (a choice) keeps JSON if it is among them, else the first, and says so.
pub(super) fn documented_content_type(
    parameters: &[Parameter],
    diags: &mut Diagnostics,
) -> Option<String> {
    let header = parameters.iter().find(|p| {
        p.location == ParamLocation::Header && p.name.eq_ignore_ascii_case("content-type")
    })?;
    let named = media_types(header.schema.description.as_deref().unwrap_or_default());
    match named.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [first, ..] => {
            let chosen = if named.iter().any(|t| t == "application/json") {
                "application/json".to_string()
            } else {
                first.clone()
            };
            diags.add(
                &header.span,
                catalogue::BODY_CONTENT_TYPE_CHOICE,
                format!(
                    "the Content-Type header names several media types ({}); the request body is documented as `{chosen}`",
                    named.join(", ")
                ),
            );
            Some(chosen)
        }
    }
}
