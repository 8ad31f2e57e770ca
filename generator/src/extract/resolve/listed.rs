//! An object no table describes whose description lists its fields, one bullet each, the name
//! marked (`-  **key** indicates the tag key. … a maximum of 36 characters.`, `-  **value**
//! indicates the tag value.`): an object of those fields, each typed and limited by what its
//! own words state (text unless they state whole numbers or true/false), none required (the
//! list says nothing of presence). Bullets that open with a marked name and a colon (`-  **Key**:
//! A key must contain …`) list fields only when the cell's own example shows those names as keys
//! (`"taints": [{"key": "status", …}]`), spelled as the example spells them, or when a sentence
//! of the cell calls those names fields (`including the **address** and **port** fields`);
//! without either they are as likely a value list (`-  **normal**: the zone is normal.`).

use super::Resolver;
use crate::diag::catalogue;
use crate::doc::{Inline, Paragraph, RichText};
use crate::extract::fields::RawField;
use crate::extract::prose::{self, ValueType};
use crate::extract::text::describe;
use crate::ir::{Field, IntFormat, NumberFormat, Schema, SchemaKind};

impl Resolver<'_, '_> {
    /// The object the field's description lists the fields of, if it lists two or more.
    pub(super) fn fields_in_description(&mut self, f: &RawField) -> Option<Schema> {
        let mut shown = quoted_keys(&describe(&f.description));
        shown.extend(named_as_fields(&f.description));
        let listed: Vec<(String, RichText)> = f
            .description
            .paragraphs
            .iter()
            .filter(|p| p.list_depth > 0)
            .filter_map(|p| named_item(p, &shown))
            .collect();
        if listed.len() < 2 {
            return None;
        }
        let mut fields = Vec::new();
        for (name, words) in listed {
            if fields.iter().any(|x: &Field| x.name == name) {
                return None; // a value list naming one value twice, not fields
            }
            let kind = match prose::stated_value_type(&words, &mut self.registry.prose) {
                ValueType::Integer => SchemaKind::Integer {
                    format: IntFormat::Int64,
                },
                ValueType::Number => SchemaKind::Number {
                    format: NumberFormat::Double,
                },
                ValueType::Boolean => SchemaKind::Boolean,
                ValueType::String => SchemaKind::String { format: None },
            };
            let mut schema = Schema::new(kind);
            schema.description = Some(describe(&words)).filter(|d| !d.is_empty());
            schema.span = Some(f.span.clone());
            prose::apply(
                &mut schema,
                &words,
                &f.span,
                &mut self.registry.prose,
                self.diags,
            );
            fields.push(Field {
                name,
                required: false,
                schema,
            });
        }
        let names: Vec<String> = fields.iter().map(|x| format!("`{}`", x.name)).collect();
        self.diags.add(
            &f.span,
            catalogue::SCHEMA_FIELDS_FROM_DESCRIPTION,
            format!(
                "`{}` has no table; its description lists the fields {}: an object of those, typed by their words, none required",
                f.name,
                names.join(", ")
            ),
        );
        Some(Schema::new(SchemaKind::Object { fields }))
    }
}

impl Resolver<'_, '_> {
    /// The map a field's description says the object is (`参数类型是map<string,object>`,
    /// `labels in the format of key-value pairs`): a map of the stated scalar values, or of
    /// free-form values.
    pub(super) fn map_in_description(&mut self, f: &RawField) -> Option<Schema> {
        let words = crate::extract::vocab::stated_map_values(&describe(&f.description))?;
        use crate::extract::types::{parse_type, TypeExpr};
        let values = match parse_type(&words) {
            TypeExpr::String => SchemaKind::String { format: None },
            TypeExpr::Int16 | TypeExpr::Int32 | TypeExpr::Int64 => SchemaKind::Integer {
                format: IntFormat::Int64,
            },
            TypeExpr::Boolean => SchemaKind::Boolean,
            _ => SchemaKind::Any,
        };
        self.diags.add(
            &f.span,
            catalogue::SCHEMA_MAP_FROM_DESCRIPTION,
            format!(
                "`{}` has no table; its description says it is a map ({words} values): a map from string keys",
                f.name
            ),
        );
        Some(Schema::new(SchemaKind::Map {
            values: Box::new(Schema::new(values)),
        }))
    }
}

/// A bullet that opens with a marked name and says what it is (`**key** indicates …`), or
/// whose name the cell's example shows as a key (`**Key**: …` beside `"key": "status"`): the
/// name, spelled as the example spells it, and the rest of the bullet.
fn named_item(p: &Paragraph, shown: &[String]) -> Option<(String, RichText)> {
    let (first, rest) = p.inlines.split_first()?;
    let name = match first {
        Inline::Strong(n) | Inline::Code(n) => n.trim(),
        _ => return None,
    };
    if !crate::extract::text::is_identifier(name) {
        return None;
    }
    let lead = rest.first().map(Inline::text).unwrap_or("").trim_start();
    let mut inlines = rest.to_vec();
    let name = if crate::extract::vocab::introduces_field_words(lead) {
        name.to_string()
    } else {
        let key = shown.iter().find(|k| k.eq_ignore_ascii_case(name))?;
        // `: A key must contain …` reads as the words after the colon.
        if let Some(Inline::Text(t)) = inlines.first_mut() {
            *t = t.trim_start().trim_start_matches([':', '：']).to_string();
        }
        key.clone()
    };
    let words = RichText {
        paragraphs: vec![Paragraph {
            list_depth: 0,
            inlines,
        }],
    };
    Some((name, words))
}

/// The names a sentence of the cell outside its bullets marks and calls fields (`including the
/// **client_protocol**, **server_protocol**, **address**, and **port** fields`, `包含**name**、
/// **id**字段`): they vouch for bullets naming them, as an example showing them as keys does.
fn named_as_fields(description: &RichText) -> Vec<String> {
    let calls_them_fields = |p: &Paragraph| {
        let text: String = p.inlines.iter().map(Inline::text).collect();
        crate::extract::vocab::calls_them_fields(&text)
    };
    description
        .paragraphs
        .iter()
        .filter(|p| p.list_depth == 0 && calls_them_fields(p))
        .flat_map(|p| p.inlines.iter())
        .filter_map(|i| match i {
            Inline::Strong(n) | Inline::Code(n) => Some(n.trim()),
            _ => None,
        })
        .filter(|n| crate::extract::text::is_identifier(n))
        .map(str::to_string)
        .collect()
}

/// The keys a JSON snippet in `text` shows: each quoted string followed by a colon.
fn quoted_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('"') else { break };
        let (quoted, tail) = (&after[..close], &after[close + 1..]);
        if tail.trim_start().starts_with(':') {
            keys.push(quoted.to_string());
            rest = tail;
        } else {
            // The closing quote may open the next string (`"a", "b": 1`).
            rest = &after[close..];
        }
    }
    keys
}
