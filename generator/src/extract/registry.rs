//! Named schemas (OpenAPI components) with structural de-duplication: the same name with the
//! same shape is one schema — also when, node by node, one of the two lists no values where
//! the other lists some (a table copied to a page whose descriptions do not list them: the
//! lists are kept, with a note); the same name with a different shape gets a distinct name
//! derived from the operation context, and a diagnostic says so. Never merged silently.
//!
//! Names depend on what was registered before, so the order of `intern` calls is part of the
//! result: documents are extracted in sorted path order, operations in document order.

use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::ir::{AltText, NamedSchema, Schema, SchemaKind};
use heck::ToUpperCamelCase;
use std::collections::BTreeMap;

/// The run-wide state every schema is built through: the named schemas, and what has been read
/// from description prose so far (repeated descriptions are read once).
#[derive(Debug, Default)]
pub struct Registry {
    pub schemas: BTreeMap<String, NamedSchema>,
    pub prose: super::prose::Memo,
}

/// A schema with documentation stripped: what "the same structure" means (type, fields with
/// their required flags, enum values).
fn shape(s: &Schema) -> Schema {
    let mut out = s.clone();
    out.walk_mut(&mut |n| {
        *n = Schema {
            kind: std::mem::replace(&mut n.kind, SchemaKind::Any),
            enum_values: std::mem::take(&mut n.enum_values)
                .into_iter()
                .map(|e| crate::ir::EnumValue {
                    value: e.value,
                    description: None,
                })
                .collect(),
            json_content: n.json_content.take(),
            ..Schema::new(SchemaKind::Any)
        }
    });
    out
}

/// Whether `a` and `b` are the same structure once the value lists one of them omits are set
/// aside, node by node (the lists both give must agree).
fn same_but_omitted_value_lists(a: &Schema, b: &Schema) -> bool {
    fn relax(a: &mut Schema, b: &mut Schema) {
        if a.enum_values.is_empty() || b.enum_values.is_empty() {
            a.enum_values.clear();
            b.enum_values.clear();
        }
        match (&mut a.kind, &mut b.kind) {
            (SchemaKind::Object { fields: fa }, SchemaKind::Object { fields: fb })
                if fa.len() == fb.len() =>
            {
                for (x, y) in fa.iter_mut().zip(fb.iter_mut()) {
                    relax(&mut x.schema, &mut y.schema);
                }
            }
            (SchemaKind::Array { items: x }, SchemaKind::Array { items: y })
            | (SchemaKind::Map { values: x }, SchemaKind::Map { values: y }) => relax(x, y),
            _ => {}
        }
    }
    let (mut a, mut b) = (shape(a), shape(b));
    relax(&mut a, &mut b);
    a == b
}

/// Give `kept` the value lists `other` has where `kept` lists none (same structure).
fn fill_value_lists(kept: &mut Schema, other: &Schema) {
    if kept.enum_values.is_empty() && !other.enum_values.is_empty() {
        kept.enum_values = other.enum_values.clone();
        kept.mined.extend(
            other
                .mined
                .iter()
                .filter(|m| m.kind == crate::ir::MinedKind::Enum)
                .cloned(),
        );
    }
    match (&mut kept.kind, &other.kind) {
        (SchemaKind::Object { fields: kf }, SchemaKind::Object { fields: of }) => {
            for (k, o) in kf.iter_mut().zip(of) {
                fill_value_lists(&mut k.schema, &o.schema);
            }
        }
        (SchemaKind::Array { items: k }, SchemaKind::Array { items: o })
        | (SchemaKind::Map { values: k }, SchemaKind::Map { values: o }) => fill_value_lists(k, o),
        _ => {}
    }
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

    /// The schema registered from the table at `table` with the shape `wanted`, if any.
    fn built_from(&self, table: Option<&Span>, wanted: &Schema) -> Option<String> {
        let table = table?;
        self.schemas
            .values()
            .find(|n| n.schema.span.as_ref() == Some(table) && shape(&n.schema) == *wanted)
            .map(|n| n.name.clone())
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
        let wanted = shape(&schema);
        // One table, one schema: the same table built again (from another operation, or a
        // page linking it) is the schema first registered for it, whatever name this build
        // prefers — unless the preferred name already holds this shape.
        let preferred_fits = self
            .schemas
            .get(preferred)
            .is_some_and(|existing| shape(&existing.schema) == wanted);
        if !preferred_fits {
            if let Some(built) = self.built_from(schema.span.as_ref(), &wanted) {
                self.absorb(&built, &schema);
                return built;
            }
        }
        let mut candidates = vec![preferred.to_string()];
        if !preferred.starts_with(context) {
            candidates.push(format!("{context}{preferred}"));
        }
        for (i, name) in candidates.iter().enumerate() {
            match self.schemas.get(name) {
                None => {
                    if i > 0 {
                        diags.add(span, catalogue::SCHEMA_NAME_COLLISION, format!("schema `{preferred}` is already defined with other fields; this one is named `{name}`"));
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
                Some(existing) if same_but_omitted_value_lists(&existing.schema, &schema) => {
                    let name = name.clone();
                    self.absorb(&name, &schema);
                    if let Some(existing) = self.schemas.get_mut(&name) {
                        fill_value_lists(&mut existing.schema, &schema);
                    }
                    diags.add(span, catalogue::SCHEMA_VALUE_LISTS_MERGED, format!("schema `{name}` is registered again where one of the two lists no values for a field the other lists them for: one schema, with the lists"));
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
                    diags.add(span, catalogue::SCHEMA_NAME_COLLISION, format!("schema `{preferred}` is already defined with other fields; this one is named `{name}`"));
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

    /// A copy of a table whose page lists no values for a field is the schema of the page that
    /// does, which keeps its list; copies listing other values stay apart.
    #[test]
    fn value_lists_one_copy_omits_are_one_schema() {
        let span = Span::new(&Arc::from("f"), 1, 1);
        let listed = |values: &[&str]| {
            let mut o = obj(&[("language", false)]);
            if let SchemaKind::Object { fields } = &mut o.kind {
                fields[0].schema.enum_values = values
                    .iter()
                    .map(|v| crate::ir::EnumValue {
                        value: serde_json::json!(v),
                        description: None,
                    })
                    .collect();
            }
            o
        };
        let mut d = Diagnostics::new();
        let mut r = Registry::default();
        let mut intern = |schema: Schema, r: &mut Registry| {
            r.intern("I18nDescription", "CreateJob", schema, &span, &mut d)
        };
        assert_eq!(intern(listed(&[]), &mut r), "I18nDescription");
        assert_eq!(
            intern(listed(&["zh-cn", "en-us"]), &mut r),
            "I18nDescription"
        );
        assert_eq!(intern(listed(&[]), &mut r), "I18nDescription");
        assert_eq!(
            intern(listed(&["fr-fr"]), &mut r),
            "CreateJobI18nDescription"
        );
        let SchemaKind::Object { fields } = &r.schemas["I18nDescription"].schema.kind else {
            panic!()
        };
        assert_eq!(fields[0].schema.enum_values.len(), 2, "the list is kept");
        let codes: Vec<&str> = d.iter().map(|x| x.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "schema.value-lists-merged",
                "schema.value-lists-merged",
                "schema.name-collision"
            ]
        );
    }

    #[test]
    fn component_names() {
        assert_eq!(component_name("data_source", "X"), "DataSource");
        assert_eq!(component_name("WorkflowStep", "X"), "WorkflowStep");
        assert_eq!(component_name("训练作业", "CreateJob"), "CreateJob");
        assert_eq!(component_name("3d_model", "Obj"), "Obj3dModel");
    }
}
