//! `src/models.rs`: one item per planned type (structs, enums, aliases, response enums).

use super::docs::{doc_attrs, doc_attrs_with_markdown};
use super::enums::{int_enum, string_enum};
use super::idents::{bare, ident};
use super::plan::{Body, FieldDef, Lenient, Plan, ResponseVariant, RustType, TypeBody, TypeDef};
use proc_macro2::TokenStream;
use quote::quote;

/// Where a type expression is printed: inside `models` names resolve directly, elsewhere (the
/// client and the example tests, modules beside `models`) they go through `super::models::`,
/// so the code works as a crate and as a module included anywhere (`docbind::Builder`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Models,
    Crate,
}

/// A type expression as tokens.
pub fn type_tokens(ty: &RustType, types: &[TypeDef], scope: Scope) -> TokenStream {
    match ty {
        RustType::String => quote!(String),
        RustType::I16 => quote!(i16),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F32 => quote!(f32),
        RustType::F64 => quote!(f64),
        RustType::Bool => quote!(bool),
        RustType::Json => quote!(docbind_runtime::serde_json::Value),
        RustType::Bytes => quote!(Vec<u8>),
        RustType::Vec(item) => {
            let item = type_tokens(item, types, scope);
            quote!(Vec<#item>)
        }
        RustType::Map(value) => {
            let value = type_tokens(value, types, scope);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        RustType::Named(id) => {
            let name = ident(&types[*id].name);
            match scope {
                Scope::Models => quote!(#name),
                Scope::Crate => quote!(super::models::#name),
            }
        }
    }
}

/// The models file as its header (crate-level doc) and one item group per type, produced
/// lazily so the caller can print each before building the next.
pub fn models_file<'p>(
    plan: &'p Plan,
    title: &str,
) -> (TokenStream, impl Iterator<Item = TokenStream> + 'p) {
    let items = plan
        .print_order
        .iter()
        .map(|id| type_def(&plan.types[*id], &plan.types));
    let title = super::docs::doc_lines(title).join(" ");
    let header =
        format!(" Data types of {title}: request and response bodies, enums and their parts.");
    (quote! { #![doc = #header] }, items)
}

fn type_def(def: &TypeDef, types: &[TypeDef]) -> TokenStream {
    let name = ident(&def.name);
    let doc = doc_attrs(def.doc.iter().map(String::as_str));
    match &def.body {
        TypeBody::Pending => unreachable!("planning fills every reserved type"),
        TypeBody::Struct(fields) => {
            let fields = fields.iter().map(|f| field(f, types));
            quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
                pub struct #name {
                    #(#fields,)*
                }
            }
        }
        TypeBody::StringEnum(variants) => string_enum(&name, doc, variants),
        TypeBody::IntEnum(variants) => int_enum(&name, doc, variants),
        TypeBody::Alias(ty) => {
            let ty = type_tokens(ty, types, Scope::Models);
            quote! {
                #doc
                pub type #name = #ty;
            }
        }
        TypeBody::Response(variants) => response_enum(&name, doc, variants, types),
    }
}

/// `pub <name>: <type>` with its docs and serde attributes.
fn field(f: &FieldDef, types: &[TypeDef]) -> TokenStream {
    let content = f.json_content.map(|id| {
        let name = &types[id].name;
        format!("JSON text of [`{name}`] (parse it with `serde_json::from_str`).")
    });
    let doc = doc_attrs_with_markdown(f.doc.iter().map(String::as_str), content.as_slice());
    let name = ident(&f.ident);
    let mut ty = type_tokens(&f.ty, types, Scope::Models);
    if f.boxed {
        ty = quote!(Box<#ty>);
    }
    let rename = (bare(&f.ident) != f.json_name).then(|| {
        let json = &f.json_name;
        quote!(#[serde(rename = #json)])
    });
    let with = match f.lenient {
        None => None,
        Some(Lenient::Scalar) => Some("docbind_runtime::lenient::scalar"),
        Some(Lenient::OneOrMany) => Some("docbind_runtime::lenient::one_or_many"),
    };
    let serde = match (f.required, with) {
        (true, None) => quote!(),
        (true, Some(with)) => quote!(#[serde(deserialize_with = #with)]),
        (false, None) => quote!(#[serde(default, skip_serializing_if = "Option::is_none")]),
        (false, Some(with)) => quote! {
            #[serde(default, deserialize_with = #with, skip_serializing_if = "Option::is_none")]
        },
    };
    if !f.required {
        ty = quote!(Option<#ty>);
    }
    quote!(#doc #rename #serde pub #name: #ty)
}

fn body_type(body: &Body, types: &[TypeDef]) -> TokenStream {
    type_tokens(&body.ty, types, Scope::Models)
}

fn response_enum(
    name: &proc_macro2::Ident,
    doc: TokenStream,
    variants: &[ResponseVariant],
    types: &[TypeDef],
) -> TokenStream {
    let variants = variants.iter().map(|v| {
        let variant = ident(&v.ident);
        let text = format!("HTTP {}: {}", v.status, v.description.trim());
        let doc = doc_attrs([text.as_str()]);
        match &v.body {
            Some(body) => {
                let ty = body_type(body, types);
                quote!(#doc #variant(#ty),)
            }
            None => quote!(#doc #variant,),
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant, clippy::enum_variant_names)]
        pub enum #name {
            #(#variants)*
            /// A success status the documentation does not list, with its raw body.
            Other { status: u16, body: Vec<u8> },
        }
    }
}
