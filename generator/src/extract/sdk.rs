//! SDK reference pages document a language SDK call, not an HTTP request: there is no method
//! or URI. Their parameter tables become named schemas; when the input set also has the REST
//! page with the same title, the SDK's return-value table verifies (and enriches) that
//! operation's success response. Alone, an SDK page yields a diagnostic, not an operation.

use super::registry::{component_name, Registry};
use super::resolve::{name_key, DocIndex, ObjectTable, Resolver};
use super::sections::{strip_number, SectionTree};
use super::vocab::{caption_role, CaptionRole};
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::doc::{BlockKind, Document};
use crate::ir::{AltDoc, Field, Operation, SchemaKind};
use std::collections::BTreeSet;

#[derive(Debug, Clone)]
pub struct SdkPage {
    pub file: String,
    pub title: String,
    /// Component names of the call's argument tables and return-value tables.
    pub request_schemas: Vec<String>,
    pub response_schemas: Vec<String>,
    pub span: Span,
}

pub fn read_sdk_page(
    doc: &Document,
    tree: &SectionTree,
    index: &DocIndex<'_>,
    registry: &mut Registry,
    diags: &mut Diagnostics,
) -> Vec<SdkPage> {
    let title = tree
        .sections
        .iter()
        .find(|s| s.heading.is_some())
        .map(|s| strip_number(&s.title).to_string())
        .unwrap_or_default();
    let mut objects = Vec::new();
    let mut sdk_tables = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let BlockKind::Table(t) = &b.kind else {
            continue;
        };
        let caption = t.caption.as_ref().map(|c| c.one_line()).unwrap_or_default();
        match caption_role(&caption) {
            CaptionRole::SdkRequest(name) => sdk_tables.push((i, name, true)),
            CaptionRole::SdkResponse(name) => sdk_tables.push((i, name, false)),
            CaptionRole::Object(name) => objects.push(ObjectTable { block: i, name }),
            _ => {}
        }
    }
    if sdk_tables.is_empty() {
        return Vec::new();
    }
    let context = component_name(&title, "Sdk");
    let mut resolver = Resolver::new(index, objects, registry, diags, context);
    let mut page = SdkPage {
        file: doc.file.to_string(),
        title,
        request_schemas: Vec::new(),
        response_schemas: Vec::new(),
        span: Span::new(&doc.file, 1, 1),
    };
    for (block, name, is_request) in sdk_tables {
        let suffix = if is_request { "Request" } else { "Response" };
        let span = doc.blocks[block].span.clone();
        let schema = resolver.object_schema(
            block,
            &format!("{}{suffix}", component_name(&name, "Sdk")),
            &span,
        );
        if let SchemaKind::Ref { name } = schema.kind {
            if is_request {
                page.request_schemas.push(name)
            } else {
                page.response_schemas.push(name)
            }
        }
    }
    vec![page]
}

fn top_fields(registry: &Registry, name: &str) -> Vec<Field> {
    match registry.schemas.get(name).map(|s| &s.schema.kind) {
        Some(SchemaKind::Object { fields }) => fields.clone(),
        _ => Vec::new(),
    }
}

/// Verify the REST operation with the SDK page's title against the SDK return values. Returns
/// the schema names to keep in the API.
pub fn apply(
    page: &SdkPage,
    operations: &mut [Operation],
    registry: &Registry,
    diags: &mut Diagnostics,
) -> BTreeSet<String> {
    let keep: BTreeSet<String> = page
        .request_schemas
        .iter()
        .chain(&page.response_schemas)
        .cloned()
        .collect();
    let Some(op) = operations
        .iter_mut()
        .find(|o| name_key(&o.summary) == name_key(&page.title))
    else {
        diags.add(
            &page.span,
            catalogue::SDK_NO_OPERATION,
            format!("SDK page `{}` documents an SDK call with no HTTP method or URI, and no REST page of that title is among the inputs: no operation (schemas kept: {})", page.title, keep.iter().cloned().collect::<Vec<_>>().join(", ")),
        );
        return keep;
    };
    op.alt_docs.push(AltDoc {
        source: page.file.clone(),
        summary: format!("SDK: {}", page.title),
        description: None,
    });
    let Some(success) = op
        .responses
        .iter()
        .find(|(c, r)| c.starts_with('2') && r.body.is_some())
        .map(|(c, _)| c.clone())
    else {
        diags.add(
            &page.span,
            catalogue::SDK_NOTHING_TO_VERIFY,
            format!(
                "operation `{}` has no success response body to verify against the SDK page",
                op.summary
            ),
        );
        return keep;
    };
    let rest_name = match &op.responses[&success].body.as_ref().map(|b| &b.schema.kind) {
        Some(SchemaKind::Ref { name }) => name.clone(),
        _ => return keep,
    };
    let rest_fields = top_fields(registry, &rest_name);
    for sdk_name in &page.response_schemas {
        for sf in top_fields(registry, sdk_name) {
            match rest_fields.iter().find(|f| f.name == sf.name) {
                None => diags.add(
                    &sf.schema.span.clone().unwrap_or(page.span.clone()),
                    catalogue::SDK_FIELD_NOT_IN_REST,
                    format!(
                        "SDK return value `{}` is not in the REST response of `{}`",
                        sf.name, op.summary
                    ),
                ),
                Some(rf)
                    if rf.schema.kind.json_type() != sf.schema.kind.json_type()
                        && !matches!(rf.schema.kind, SchemaKind::Any) =>
                {
                    diags.add(
                        &sf.schema.span.clone().unwrap_or(page.span.clone()),
                        catalogue::SDK_TYPE_DIFFERS,
                        format!(
                            "`{}` is {} in the SDK page but {} in the REST response of `{}`",
                            sf.name,
                            sf.schema.kind.json_type(),
                            rf.schema.kind.json_type(),
                            op.summary
                        ),
                    )
                }
                Some(_) => {}
            }
        }
    }
    keep
}
