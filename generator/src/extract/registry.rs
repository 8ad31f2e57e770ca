//! Named schemas (OpenAPI components) with structural de-duplication: the same name with the
//! same shape is one schema; the same name with a different shape gets a distinct name derived
//! from the operation context, and a diagnostic says so. Never merged silently.
//!
//! Names depend on what was registered before, so the order of `intern` calls is part of the
//! result. A deferring registry lets operations be assembled apart (on another thread) and their
//! calls replayed later in the order a sequential run would have made them (see
//! `extract::parallel`).

use crate::diag::{Diagnostics, Span};
use crate::ir::{AltText, NamedSchema, Operation, Schema, SchemaKind};
use heck::ToUpperCamelCase;
use std::collections::BTreeMap;

/// The run-wide state every schema is built through: the named schemas, and what has been read
/// from description prose so far (repeated descriptions are read once).
#[derive(Debug, Default)]
pub struct Registry {
    pub schemas: BTreeMap<String, NamedSchema>,
    pub prose: super::prose::Memo,
    /// Set on a registry that defers naming (see [`Registry::deferring`]): the `intern` calls
    /// made so far, in order.
    deferred: Option<Vec<Deferred>>,
}

/// One `intern` call kept for later.
#[derive(Debug)]
struct Deferred {
    preferred: String,
    context: String,
    schema: Schema,
    span: Span,
}

/// Stands for the name the `n`th deferred schema will get: private-use marks around the call
/// number, which no documented name contains.
fn placeholder(n: usize) -> String {
    format!("{PLACEHOLDER_OPEN}{n}{PLACEHOLDER_CLOSE}")
}

const PLACEHOLDER_OPEN: char = '\u{E010}';
const PLACEHOLDER_CLOSE: char = '\u{E011}';

/// The names deferred schemas got when replayed, by call number.
#[derive(Debug, Default)]
pub struct Renames(Vec<String>);

impl Renames {
    /// `text` with every placeholder replaced by its name.
    pub fn text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(PLACEHOLDER_OPEN) {
            out.push_str(&rest[..start]);
            let after = &rest[start + PLACEHOLDER_OPEN.len_utf8()..];
            let end = after.find(PLACEHOLDER_CLOSE);
            let name = end
                .and_then(|e| after[..e].parse::<usize>().ok())
                .and_then(|n| self.0.get(n));
            match (name, end) {
                (Some(name), Some(e)) => {
                    out.push_str(name);
                    rest = &after[e + PLACEHOLDER_CLOSE.len_utf8()..];
                }
                _ => {
                    out.push(PLACEHOLDER_OPEN);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Replace placeholders in `text`, if it has any.
    pub fn in_place(&self, text: &mut String) {
        if text.contains(PLACEHOLDER_OPEN) {
            *text = self.text(text);
        }
    }

    /// Replace placeholders in every reference of `schema` (nested ones included).
    pub fn schema(&self, schema: &mut Schema) {
        match &mut schema.kind {
            SchemaKind::Ref { name } => self.in_place(name),
            SchemaKind::Array { items } => self.schema(items),
            SchemaKind::Map { values } => self.schema(values),
            SchemaKind::Object { fields } => {
                for f in fields {
                    self.schema(&mut f.schema);
                }
            }
            SchemaKind::String { .. }
            | SchemaKind::Integer { .. }
            | SchemaKind::Number { .. }
            | SchemaKind::Boolean
            | SchemaKind::Any => {}
        }
    }

    /// Replace placeholders in every schema of `op`.
    pub fn operation(&self, op: &mut Operation) {
        for schema in op.schemas_mut() {
            self.schema(schema);
        }
    }
}

/// A schema with documentation stripped: what "the same structure" means.
fn shape(s: &Schema) -> Schema {
    let mut out = Schema::new(match &s.kind {
        SchemaKind::Array { items } => SchemaKind::Array {
            items: Box::new(shape(items)),
        },
        SchemaKind::Map { values } => SchemaKind::Map {
            values: Box::new(shape(values)),
        },
        SchemaKind::Object { fields } => SchemaKind::Object {
            fields: fields
                .iter()
                .map(|f| crate::ir::Field {
                    name: f.name.clone(),
                    required: f.required,
                    schema: shape(&f.schema),
                })
                .collect(),
        },
        other => other.clone(),
    });
    out.enum_values = s
        .enum_values
        .iter()
        .map(|e| crate::ir::EnumValue {
            value: e.value.clone(),
            description: None,
        })
        .collect();
    out
}

/// PascalCase a documented name for use as a component name. Names with no ASCII letters
/// (e.g. Chinese captions) fall back to `fallback`.
pub fn component_name(raw: &str, fallback: &str) -> String {
    let ascii: String = raw
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let name = ascii.to_upper_camel_case();
    let name = if name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        name
    } else if name.is_empty() {
        fallback.to_upper_camel_case()
    } else {
        format!("{}{}", fallback.to_upper_camel_case(), name)
    };
    if name.is_empty() {
        "Object".to_string()
    } else {
        name
    }
}

/// Keep `other`'s field descriptions as alternatives on `kept` (same structure), recursing
/// through inline arrays, maps and objects; references are interned, hence absorbed, on their own.
fn absorb_descriptions(kept: &mut Schema, other: &Schema, source: &str) {
    if let Some(text) = other
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        match kept.description.as_deref() {
            None => kept.description = Some(text.to_string()),
            Some(k) if k != text && !kept.alt_descriptions.iter().any(|a| a.text == text) => {
                let source = other
                    .span
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_else(|| source.to_string());
                kept.alt_descriptions.push(AltText {
                    source,
                    text: text.to_string(),
                });
            }
            Some(_) => {}
        }
    }
    match (&mut kept.kind, &other.kind) {
        (SchemaKind::Array { items: k }, SchemaKind::Array { items: o })
        | (SchemaKind::Map { values: k }, SchemaKind::Map { values: o }) => {
            absorb_descriptions(k, o, source)
        }
        (SchemaKind::Object { fields: kf }, SchemaKind::Object { fields: of }) => {
            for (k, o) in kf.iter_mut().zip(of) {
                absorb_descriptions(&mut k.schema, &o.schema, source);
            }
        }
        _ => {}
    }
}

impl Registry {
    /// A registry that names nothing yet: `intern` records each call and answers with a
    /// placeholder; [`Registry::replay`] later makes the same calls, in the same order, on the
    /// shared registry. Operations can so be assembled apart from it (on another thread) with
    /// the names they would have got in sequence.
    pub fn deferring() -> Self {
        Registry {
            deferred: Some(Vec::new()),
            ..Registry::default()
        }
    }

    /// Make `deferred`'s recorded `intern` calls on this registry, in order (each schema's
    /// references to earlier placeholders first given their names), and return the names.
    pub fn replay(&mut self, deferred: Registry, diags: &mut Diagnostics) -> Renames {
        let mut renames = Renames::default();
        for call in deferred.deferred.unwrap_or_default() {
            let mut schema = call.schema;
            renames.schema(&mut schema);
            let name = self.intern(&call.preferred, &call.context, schema, &call.span, diags);
            renames.0.push(name);
        }
        renames
    }

    /// The same structure interned again: when it comes from another document, its wording
    /// is kept next to the first one (a table copied between pages of one document is not
    /// another wording worth keeping).
    fn absorb(&mut self, name: &str, schema: &Schema) {
        let Some(existing) = self.schemas.get_mut(name) else {
            return;
        };
        let file = |s: &Schema| s.span.as_ref().map(|s| s.file.clone());
        if file(&existing.schema) != file(schema) {
            let source = file(schema).map(|f| f.to_string()).unwrap_or_default();
            absorb_descriptions(&mut existing.schema, schema, &source);
        }
    }

    /// Register `schema` under `preferred` (already PascalCase). `context` (PascalCase operation
    /// name) disambiguates a clash. Returns the name actually used.
    pub fn intern(
        &mut self,
        preferred: &str,
        context: &str,
        schema: Schema,
        span: &Span,
        diags: &mut Diagnostics,
    ) -> String {
        if let Some(calls) = &mut self.deferred {
            calls.push(Deferred {
                preferred: preferred.to_string(),
                context: context.to_string(),
                schema,
                span: span.clone(),
            });
            return placeholder(calls.len() - 1);
        }
        let wanted = shape(&schema);
        let mut candidates = vec![preferred.to_string()];
        if !preferred.starts_with(context) {
            candidates.push(format!("{context}{preferred}"));
        }
        for (i, name) in candidates.iter().enumerate() {
            match self.schemas.get(name) {
                None => {
                    if i > 0 {
                        diags.note(span, "schema.name-collision", format!("schema `{preferred}` is already defined with other fields; this one is named `{name}`"));
                    }
                    self.schemas.insert(
                        name.clone(),
                        NamedSchema {
                            name: name.clone(),
                            schema,
                        },
                    );
                    return name.clone();
                }
                Some(existing) if shape(&existing.schema) == wanted => {
                    let name = name.clone();
                    self.absorb(&name, &schema);
                    return name;
                }
                Some(_) => {}
            }
        }
        let base = candidates
            .last()
            .cloned()
            .unwrap_or_else(|| preferred.to_string());
        let mut n = 2;
        loop {
            let name = format!("{base}{n}");
            match self.schemas.get(&name) {
                None => {
                    diags.note(span, "schema.name-collision", format!("schema `{preferred}` is already defined with other fields; this one is named `{name}`"));
                    self.schemas.insert(
                        name.clone(),
                        NamedSchema {
                            name: name.clone(),
                            schema,
                        },
                    );
                    return name;
                }
                Some(existing) if shape(&existing.schema) == wanted => {
                    self.absorb(&name, &schema);
                    return name;
                }
                Some(_) => n += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Field;
    use std::sync::Arc;

    fn obj(fields: &[(&str, bool)]) -> Schema {
        Schema::new(SchemaKind::Object {
            fields: fields
                .iter()
                .map(|(n, r)| Field {
                    name: n.to_string(),
                    required: *r,
                    schema: Schema::string(),
                })
                .collect(),
        })
    }

    #[test]
    fn dedup_and_collisions() {
        let span = Span::new(&Arc::from("f"), 1, 1);
        let mut d = Diagnostics::new();
        let mut r = Registry::default();
        assert_eq!(
            r.intern(
                "DataSource",
                "CreateJob",
                obj(&[("a", true)]),
                &span,
                &mut d
            ),
            "DataSource"
        );
        let mut described = obj(&[("a", true)]);
        described.description = Some("other words".into());
        assert_eq!(
            r.intern("DataSource", "UpdateJob", described, &span, &mut d),
            "DataSource"
        );
        assert_eq!(
            r.intern(
                "DataSource",
                "UpdateJob",
                obj(&[("a", false)]),
                &span,
                &mut d
            ),
            "UpdateJobDataSource"
        );
        assert_eq!(
            r.intern(
                "DataSource",
                "UpdateJob",
                obj(&[("b", false)]),
                &span,
                &mut d
            ),
            "UpdateJobDataSource2"
        );
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|x| x.code == "schema.name-collision"));
    }

    #[test]
    fn component_names() {
        assert_eq!(component_name("data_source", "X"), "DataSource");
        assert_eq!(component_name("WorkflowStep", "X"), "WorkflowStep");
        assert_eq!(component_name("训练作业", "CreateJob"), "CreateJob");
        assert_eq!(component_name("3d_model", "Obj"), "Obj3dModel");
    }

    /// Deferred calls replayed in order get the names sequential calls would have got, and
    /// references to earlier deferred schemas follow them (here into a collision name).
    #[test]
    fn deferred_interns_replay_like_sequential_ones() {
        let span = Span::new(&Arc::from("f"), 1, 1);
        let calls = |r: &mut Registry, d: &mut Diagnostics| {
            let child = r.intern("Child", "Op", obj(&[("x", true)]), &span, d);
            let parent = Schema::new(SchemaKind::Object {
                fields: vec![Field {
                    name: "child".into(),
                    required: true,
                    schema: Schema::new(SchemaKind::Ref {
                        name: child.clone(),
                    }),
                }],
            });
            let parent = r.intern("Parent", "Op", parent, &span, d);
            (child, parent)
        };
        let seeded = || {
            let mut r = Registry::default();
            r.intern(
                "Child",
                "Other",
                obj(&[("y", true)]),
                &span,
                &mut Diagnostics::new(),
            );
            r
        };
        let mut sequential = seeded();
        let mut seq_diags = Diagnostics::new();
        let names = calls(&mut sequential, &mut seq_diags);
        assert_eq!(names, ("OpChild".to_string(), "Parent".to_string()));

        let mut deferring = Registry::deferring();
        let mut local = Diagnostics::new();
        let (child, parent) = calls(&mut deferring, &mut local);
        assert!(local.is_empty() && deferring.schemas.is_empty());
        let mut shared = seeded();
        let mut diags = Diagnostics::new();
        let renames = shared.replay(deferring, &mut diags);
        assert_eq!(renames.text(&child), "OpChild");
        assert_eq!(
            renames.text(&format!("`{parent}` uses `{child}`")),
            "`Parent` uses `OpChild`"
        );
        assert_eq!(
            format!("{:?}", shared.schemas),
            format!("{:?}", sequential.schemas)
        );
        assert_eq!(format!("{diags:?}"), format!("{seq_diags:?}"));
        // A mark that is not a placeholder is left as it is.
        assert_eq!(renames.text("a\u{E010}b"), "a\u{E010}b");
        assert_eq!(renames.text("\u{E010}99\u{E011}"), "\u{E010}99\u{E011}");
    }
}
