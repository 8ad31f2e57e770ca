//! Merging operations that several sources describe (same method + normalised path). Sources
//! come in priority order: the first description wins; every disagreement is a diagnostic
//! naming both places, and the other source's wording is kept: operation summaries and
//! descriptions as [`AltDoc`]s, field and parameter descriptions as
//! [`crate::ir::Schema::alt_descriptions`].
//!
//! Schemas are compared recursively through references: parameters by name and location,
//! request and response bodies, response headers, then object fields by name — a field present
//! in one source only, a different type, required flag or enum list is reported. One exception
//! to "the first wins": request bodies sharing no field are different actions of one endpoint
//! (`{"os-start": …}` / `{"os-stop": …}`), and the body holds them all (`alternative_actions`).

use super::registry::Registry;
use super::sections::normalize_path;
use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::ir::{AltDoc, AltText, Operation, Schema, SchemaKind};
use std::collections::{BTreeMap, BTreeSet};

pub fn merge_operations(
    ops: Vec<(usize, Operation)>,
    registry: &mut Registry,
    diags: &mut Diagnostics,
) -> Vec<Operation> {
    let mut by_key: BTreeMap<(crate::ir::HttpMethod, String), usize> = BTreeMap::new();
    let mut out: Vec<Operation> = Vec::new();
    let mut ordered = ops;
    ordered.sort_by_key(|(source, _)| *source);
    for (_, op) in ordered {
        let key = (op.method, normalize_path(&op.path));
        match by_key.get(&key) {
            None => {
                by_key.insert(key, out.len());
                out.push(op);
            }
            Some(&i) => {
                let kept = &mut out[i];
                diags.add(
                    &op.span,
                    catalogue::MERGE_DUPLICATE_OPERATION,
                    format!(
                        "`{} {}` is also described at {}; that description has priority",
                        op.method.as_str(),
                        op.path,
                        kept.span
                    ),
                );
                if op.summary != kept.summary || op.description != kept.description {
                    kept.alt_docs.push(AltDoc {
                        source: op.span.file.to_string(),
                        summary: op.summary.clone(),
                        description: op.description.clone(),
                    });
                }
                // Headers and authentication another source documents complete the kept ones.
                kept.auth = super::auth::combine(kept, &op);
                for h in &op.runtime_headers {
                    if !kept
                        .runtime_headers
                        .iter()
                        .any(|k| k.name.eq_ignore_ascii_case(&h.name))
                    {
                        kept.runtime_headers.push(h.clone());
                    }
                }
                let mut cmp = Comparison {
                    registry: &mut *registry,
                    diags: &mut *diags,
                    operation: format!("{} {}", kept.method.as_str(), kept.path),
                    seen: BTreeSet::new(),
                };
                cmp.operations(kept, &op);
            }
        }
    }
    out
}

/// One merge of a lower-priority operation into the kept one.
struct Comparison<'a> {
    registry: &'a mut Registry,
    diags: &'a mut Diagnostics,
    /// `METHOD /path` of the kept operation, for messages.
    operation: String,
    /// Named schema pairs already compared (recursive types, shared schemas).
    seen: BTreeSet<(String, String)>,
}

/// A short name for a schema's type, for comparison and messages. References and inline
/// objects are both "object": the structure is compared field by field.
fn type_label(s: &Schema) -> String {
    match &s.kind {
        SchemaKind::String { format: None } => "string".into(),
        SchemaKind::String { format: Some(f) } => format!("string ({f})"),
        SchemaKind::Integer { format } => format!("integer ({format})"),
        SchemaKind::Number { format } => format!("number ({format})"),
        SchemaKind::Boolean => "boolean".into(),
        SchemaKind::Array { items } => format!("array of {}", type_label(items)),
        SchemaKind::Map { values } => format!("map of {}", type_label(values)),
        SchemaKind::Object { .. } | SchemaKind::Ref { .. } => "object".into(),
        SchemaKind::Any => "free-form value".into(),
    }
}

fn place(s: &Schema, fallback: &Span) -> Span {
    s.span.clone().unwrap_or_else(|| fallback.clone())
}

impl Comparison<'_> {
    fn differ(&mut self, code: crate::diag::Code, at: &Span, what: String) {
        self.diags.add(
            at,
            code,
            format!("sources disagree on `{}`: {what}", self.operation),
        );
    }

    fn operations(&mut self, kept: &mut Operation, other: &Operation) {
        let (kept_at, other_at) = (kept.span.clone(), other.span.clone());
        for p in &other.parameters {
            match kept
                .parameters
                .iter_mut()
                .find(|k| k.name == p.name && k.location == p.location)
            {
                None => self.differ(
                    catalogue::MERGE_PARAMETER_ONLY_IN_ONE,
                    &p.span,
                    format!(
                        "{:?} parameter `{}` is documented here but not at {kept_at}",
                        p.location, p.name
                    ),
                ),
                Some(k) => {
                    let what = format!("{:?} parameter {}", p.location, p.name).to_lowercase();
                    if k.required != p.required {
                        self.differ(
                            catalogue::MERGE_REQUIRED_DIFFERS,
                            &p.span,
                            format!(
                                "{what} is {} here but {} at {}",
                                required_word(p.required),
                                required_word(k.required),
                                k.span
                            ),
                        );
                    }
                    let (k_span, p_span) = (k.span.clone(), p.span.clone());
                    self.node(&mut k.schema, &k_span, &p.schema, &p_span, &what);
                }
            }
        }
        for k in &kept.parameters {
            if !other
                .parameters
                .iter()
                .any(|p| p.name == k.name && p.location == k.location)
            {
                self.differ(
                    catalogue::MERGE_PARAMETER_ONLY_IN_ONE,
                    &other_at,
                    format!(
                        "{:?} parameter `{}` is documented at {} but not here",
                        k.location, k.name, k.span
                    ),
                );
            }
        }
        if !self.alternative_actions(kept, other) {
            let kept_body = kept
                .request_body
                .as_mut()
                .map(|b| (&b.content_type, &mut b.schema, b.span.clone()));
            let other_body = other
                .request_body
                .as_ref()
                .map(|b| (&b.content_type, &b.schema, &b.span));
            self.body("request body", kept_body, other_body, &kept_at, &other_at);
        }
        for (code, o) in &other.responses {
            let Some(k) = kept.responses.get_mut(code) else {
                self.differ(
                    catalogue::MERGE_RESPONSE_ONLY_IN_ONE,
                    &other_at,
                    format!("status {code} is documented here but not at {kept_at}"),
                );
                continue;
            };
            for h in &o.headers {
                if let Some(kh) = k.headers.iter_mut().find(|kh| kh.name == h.name) {
                    let (kh_span, what) =
                        (kh.span.clone(), format!("status {code} header {}", h.name));
                    self.node(&mut kh.schema, &kh_span, &h.schema, &h.span, &what);
                } else {
                    self.differ(
                        catalogue::MERGE_PARAMETER_ONLY_IN_ONE,
                        &h.span,
                        format!(
                            "status {code} header `{}` is documented here but not at {kept_at}",
                            h.name
                        ),
                    );
                }
            }
            let kept_body = k
                .body
                .as_mut()
                .map(|b| (&b.content_type, &mut b.schema, b.span.clone()));
            let other_body = o
                .body
                .as_ref()
                .map(|b| (&b.content_type, &b.schema, &b.span));
            self.body(
                &format!("status {code} body"),
                kept_body,
                other_body,
                &kept_at,
                &other_at,
            );
        }
        for code in kept.responses.keys() {
            if !other.responses.contains_key(code) {
                self.differ(
                    catalogue::MERGE_RESPONSE_ONLY_IN_ONE,
                    &other_at,
                    format!("status {code} is documented at {kept_at} but not here"),
                );
            }
        }
    }

    /// Two pages documenting one `METHOD /path` with request bodies that share no field name
    /// (`{"os-start": {…}}` on the start page, `{"os-stop": {…}}` on the stop page) document
    /// two actions of one endpoint, told apart by the body: the request body gets every field
    /// of both, each optional (a request sends one action), and both pages' examples. The
    /// request body becomes an object of its own (the kept one may be a shared component).
    /// Returns whether it was that case.
    fn alternative_actions(&mut self, kept: &mut Operation, other: &Operation) -> bool {
        let (Some(k), Some(o)) = (kept.request_body.as_mut(), other.request_body.as_ref()) else {
            return false;
        };
        let fields_of = |s: &Schema| match &s.kind {
            SchemaKind::Object { fields } if !fields.is_empty() => Some(fields.clone()),
            _ => None,
        };
        let (Some(kf), Some(of)) = (
            fields_of(&self.deref(&k.schema)),
            fields_of(&self.deref(&o.schema)),
        ) else {
            return false;
        };
        if k.content_type != o.content_type
            || kf.iter().any(|f| of.iter().any(|g| g.name == f.name))
        {
            return false;
        }
        let mut fields: Vec<crate::ir::Field> = kf.into_iter().chain(of).collect();
        for f in &mut fields {
            f.required = false;
        }
        let names: Vec<String> = fields.iter().map(|f| format!("`{}`", f.name)).collect();
        self.diags.add(
            &o.span,
            catalogue::MERGE_ALTERNATIVE_BODIES,
            format!(
                "`{}` is also described at {} with a request body sharing no field with this one: two actions of one endpoint; the request body holds {}, each optional",
                self.operation,
                k.span,
                names.join(", ")
            ),
        );
        let mut schema = Schema::new(SchemaKind::Object { fields });
        schema.description = k
            .schema
            .description
            .clone()
            .or_else(|| self.deref(&k.schema).description);
        schema.span = Some(k.span.clone());
        k.schema = schema;
        k.required = k.required && o.required;
        k.examples.extend(o.examples.iter().cloned());
        true
    }

    /// Compare one schema node (a field, parameter or body): its description (kept as an
    /// alternative when it differs), its type, enum values, and its structure.
    /// Compare a body documented by both sources (content type, then schema), or report the one
    /// source that documents it.
    fn body(
        &mut self,
        what: &str,
        kept: Option<(&String, &mut Schema, Span)>,
        other: Option<(&String, &Schema, &Span)>,
        kept_at: &Span,
        other_at: &Span,
    ) {
        match (kept, other) {
            (Some((k_type, k_schema, k_span)), Some((o_type, o_schema, o_span))) => {
                if k_type != o_type {
                    self.differ(
                        catalogue::MERGE_CONTENT_TYPE_DIFFERS,
                        o_span,
                        format!("{what} is `{o_type}` here but `{k_type}` at {k_span}"),
                    );
                }
                self.node(k_schema, &k_span, o_schema, o_span, what);
            }
            (Some((_, _, k_span)), None) => self.differ(
                catalogue::MERGE_BODY_ONLY_IN_ONE,
                other_at,
                format!("{what} is documented at {k_span} but not here"),
            ),
            (None, Some((_, _, o_span))) => self.differ(
                catalogue::MERGE_BODY_ONLY_IN_ONE,
                o_span,
                format!("{what} is documented here but not at {kept_at}"),
            ),
            (None, None) => {}
        }
    }

    fn node(
        &mut self,
        kept: &mut Schema,
        kept_at: &Span,
        other: &Schema,
        other_at: &Span,
        what: &str,
    ) {
        let (kept_at, other_at) = (place(kept, kept_at), place(other, other_at));
        if let Some(text) = other
            .description
            .as_deref()
            .filter(|d| !d.trim().is_empty())
        {
            match kept.description.as_deref() {
                None => kept.description = Some(text.to_string()),
                Some(k) if k != text => {
                    if !kept.alt_descriptions.iter().any(|a| a.text == text) {
                        kept.alt_descriptions.push(AltText {
                            source: other_at.to_string(),
                            text: text.to_string(),
                        });
                    }
                }
                Some(_) => {}
            }
        }
        let other_deref = self.deref(other);
        let (kl, ol) = (type_label(&self.deref(kept)), type_label(&other_deref));
        if kl != ol {
            self.differ(
                catalogue::MERGE_TYPE_DIFFERS,
                &other_at,
                format!("`{what}` is {ol} here but {kl} at {kept_at}"),
            );
            return;
        }
        let enums = |s: &Schema| -> BTreeSet<String> {
            s.enum_values.iter().map(|e| e.value.to_string()).collect()
        };
        let (ke, oe) = (enums(&self.deref(kept)), enums(&other_deref));
        if ke != oe {
            let list = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join(", ");
            self.differ(
                catalogue::MERGE_ENUM_DIFFERS,
                &other_at,
                format!(
                    "`{what}` allows [{}] here but [{}] at {kept_at}",
                    list(&oe),
                    list(&ke)
                ),
            );
        }
        // The pair of named schemas compared is keyed by the other side's *name*: after `deref`
        // only its body is left, and keying by the growing field path never repeats on a
        // recursive schema (a node whose field is an array of the same node).
        let other_name = match &other.kind {
            SchemaKind::Ref { name } => name.clone(),
            _ => what.to_string(),
        };
        self.structure(kept, &kept_at, &other_deref, &other_name, &other_at, what);
    }

    /// A named schema's body, or the schema itself.
    fn deref(&self, s: &Schema) -> Schema {
        match &s.kind {
            SchemaKind::Ref { name } => self
                .registry
                .schemas
                .get(name)
                .map(|n| n.schema.clone())
                .unwrap_or_else(|| s.clone()),
            _ => s.clone(),
        }
    }

    /// `other_name` names `other` for the visited set: its schema name if it was a reference
    /// (an inline schema is finite, so its path is enough).
    fn structure(
        &mut self,
        kept: &mut Schema,
        kept_at: &Span,
        other: &Schema,
        other_name: &str,
        other_at: &Span,
        what: &str,
    ) {
        if let SchemaKind::Ref { name } = &kept.kind {
            if !self.seen.insert((name.clone(), other_name.to_string())) {
                return;
            }
            let name = name.clone();
            let Some(mut named) = self.registry.schemas.get(&name).cloned() else {
                return;
            };
            self.structure(
                &mut named.schema,
                kept_at,
                other,
                other_name,
                other_at,
                what,
            );
            self.registry.schemas.insert(name, named);
            return;
        }
        match (&mut kept.kind, &other.kind) {
            (SchemaKind::Array { items: k }, SchemaKind::Array { items: o }) => {
                self.node(k, kept_at, o, other_at, &format!("{what}[]"));
            }
            (SchemaKind::Map { values: k }, SchemaKind::Map { values: o }) => {
                self.node(k, kept_at, o, other_at, &format!("{what}{{}}"));
            }
            (SchemaKind::Object { fields: kf }, SchemaKind::Object { fields: of }) => {
                for o in of {
                    let path = format!("{what}.{}", o.name);
                    let o_at = place(&o.schema, other_at);
                    match kf.iter_mut().find(|k| k.name == o.name) {
                        None => self.differ(
                            catalogue::MERGE_FIELD_ONLY_IN_ONE,
                            &o_at,
                            format!("field `{path}` is documented here but not at {kept_at}"),
                        ),
                        Some(k) => {
                            let k_at = place(&k.schema, kept_at);
                            if k.required != o.required {
                                self.differ(
                                    catalogue::MERGE_REQUIRED_DIFFERS,
                                    &o_at,
                                    format!(
                                        "field `{path}` is {} here but {} at {k_at}",
                                        required_word(o.required),
                                        required_word(k.required)
                                    ),
                                );
                            }
                            self.node(&mut k.schema, &k_at, &o.schema, &o_at, &path);
                        }
                    }
                }
                for k in kf.iter() {
                    if !of.iter().any(|o| o.name == k.name) {
                        self.differ(
                            catalogue::MERGE_FIELD_ONLY_IN_ONE,
                            other_at,
                            format!(
                                "field `{what}.{}` is documented at {} but not here",
                                k.name,
                                place(&k.schema, kept_at)
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

fn required_word(required: bool) -> &'static str {
    if required {
        "required"
    } else {
        "optional"
    }
}
