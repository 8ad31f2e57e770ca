//! Syntax trees built directly, for the most numerous generated items (data structs and their
//! fields).
//!
//! Most generated code is written with `quote!` and parsed back by syn before prettyplease lays
//! it out. For a large API that round trip is the bulk of generation time: thousands of structs
//! with tens of thousands of fields, all of one shape. Those are built here as syn trees, with
//! the few attributes they share built once and cloned, so they skip tokenising and parsing;
//! prettyplease prints them exactly as it prints the parsed equivalent (the emit_rust snapshot
//! tests pin that down).

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::punctuated::Punctuated;

/// Attributes and paths every struct shares, built once per file.
pub struct Common {
    derive: syn::Attribute,
    doc: syn::Path,
}

impl Common {
    pub fn new() -> Self {
        Self {
            derive: syn::parse_quote!(
                #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            ),
            doc: syn::parse_quote!(doc),
        }
    }

    /// `#[doc = "<text>"]` (a parked doc key, see `docs`).
    pub fn doc_attr(&self, text: &str) -> syn::Attribute {
        outer(syn::Meta::NameValue(syn::MetaNameValue {
            path: self.doc.clone(),
            eq_token: Default::default(),
            value: syn::Expr::Lit(syn::ExprLit {
                attrs: Vec::new(),
                lit: syn::Lit::Str(syn::LitStr::new(text, Span::call_site())),
            }),
        }))
    }

    /// Rustdoc for plain-text parts as attributes: one parked doc block, or none for no text.
    pub fn doc_attrs<'a>(&self, parts: impl IntoIterator<Item = &'a str>) -> Vec<syn::Attribute> {
        super::docs::doc_key(parts)
            .map(|key| self.doc_attr(&key))
            .into_iter()
            .collect()
    }

    /// The derive every data struct carries.
    pub fn derive(&self) -> syn::Attribute {
        self.derive.clone()
    }
}

impl Default for Common {
    fn default() -> Self {
        Self::new()
    }
}

fn outer(meta: syn::Meta) -> syn::Attribute {
    syn::Attribute {
        pound_token: Default::default(),
        style: syn::AttrStyle::Outer,
        bracket_token: Default::default(),
        meta,
    }
}

/// `#[<name>(<tokens>)]`: attribute arguments stay tokens, as syn itself keeps them.
pub fn list_attr(name: &str, tokens: TokenStream) -> syn::Attribute {
    outer(syn::Meta::List(syn::MetaList {
        path: ident_path(name),
        delimiter: syn::MacroDelimiter::Paren(Default::default()),
        tokens,
    }))
}

/// `#[serde(...)]` with the given arguments.
pub fn serde_attr(tokens: TokenStream) -> syn::Attribute {
    list_attr("serde", tokens)
}

fn ident_path(name: &str) -> syn::Path {
    syn::Path::from(syn::Ident::new(name, Span::call_site()))
}

/// A path type such as `docbind_runtime::serde_json::Value`, with generic arguments on its
/// last segment (`Option<T>`, `std::collections::BTreeMap<String, V>`).
pub fn path_type(segments: &[&str], args: Vec<syn::Type>) -> syn::Type {
    let mut path = syn::Path {
        leading_colon: None,
        segments: Punctuated::new(),
    };
    let last = segments.len().saturating_sub(1);
    for (i, name) in segments.iter().enumerate() {
        let arguments = if i == last && !args.is_empty() {
            syn::PathArguments::AngleBracketed(syn::AngleBracketedGenericArguments {
                colon2_token: None,
                lt_token: Default::default(),
                args: args
                    .iter()
                    .cloned()
                    .map(syn::GenericArgument::Type)
                    .collect(),
                gt_token: Default::default(),
            })
        } else {
            syn::PathArguments::None
        };
        path.segments.push(syn::PathSegment {
            ident: super::idents::ident(name),
            arguments,
        });
    }
    syn::Type::Path(syn::TypePath { qself: None, path })
}

/// `pub <name>: <ty>,` with its attributes.
pub fn field(attrs: Vec<syn::Attribute>, name: &str, ty: syn::Type) -> syn::Field {
    syn::Field {
        attrs,
        vis: syn::Visibility::Public(Default::default()),
        mutability: syn::FieldMutability::None,
        ident: Some(super::idents::ident(name)),
        colon_token: Some(Default::default()),
        ty,
    }
}

/// `pub struct <name> { fields }` with its attributes.
pub fn struct_item(attrs: Vec<syn::Attribute>, name: &str, fields: Vec<syn::Field>) -> syn::Item {
    syn::Item::Struct(syn::ItemStruct {
        attrs,
        vis: syn::Visibility::Public(Default::default()),
        struct_token: Default::default(),
        ident: super::idents::ident(name),
        generics: Default::default(),
        fields: syn::Fields::Named(syn::FieldsNamed {
            brace_token: Default::default(),
            named: fields.into_iter().collect(),
        }),
        semi_token: None,
    })
}

/// The arguments of an optional field's serde attribute (`default, skip_serializing_if = ...`),
/// with a `deserialize_with` when the field decodes leniently.
pub fn optional_field_args(deserialize_with: Option<&str>) -> TokenStream {
    match deserialize_with {
        None => quote!(default, skip_serializing_if = "Option::is_none"),
        Some(with) => {
            quote!(default, deserialize_with = #with, skip_serializing_if = "Option::is_none")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(item: syn::Item) -> String {
        prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: Vec::new(),
            items: vec![item],
        })
    }

    #[test]
    fn built_trees_print_like_parsed_code() {
        let common = Common::new();
        let ty = path_type(
            &["Option"],
            vec![path_type(
                &["std", "collections", "BTreeMap"],
                vec![
                    path_type(&["String"], Vec::new()),
                    path_type(&["Vec"], vec![path_type(&["i64"], Vec::new())]),
                ],
            )],
        );
        let f = field(
            vec![
                common.doc_attr(" Tags."),
                serde_attr(quote!(rename = "type")),
                serde_attr(optional_field_args(None)),
            ],
            "r#type",
            ty,
        );
        let built = struct_item(
            vec![common.doc_attr(" A job."), common.derive()],
            "Job",
            vec![f],
        );
        let parsed: syn::Item = syn::parse_quote! {
            #[doc = " A job."]
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            pub struct Job {
                #[doc = " Tags."]
                #[serde(rename = "type")]
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub r#type: Option<std::collections::BTreeMap<String, Vec<i64>>>,
            }
        };
        assert_eq!(printed(built), printed(parsed));
    }
}
