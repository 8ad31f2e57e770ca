//! `src/models.rs`: one item per planned type (structs, enums, aliases, response enums).

use super::ast;
use super::docs::{doc_attrs, doc_key};
use super::enums::{int_enum, string_enum, Skeletons};
use super::idents::{bare, ident};
use super::plan::{Body, FieldDef, Lenient, Plan, ResponseVariant, RustType, TypeBody, TypeDef};
use super::Chunk;
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// Where a type expression is printed: inside `models` names resolve directly, elsewhere they
/// go through `crate::models::`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Models,
    Crate,
}

/// A type expression as tokens (for code written with `quote!`); the same as [`syn_type`].
pub fn type_tokens(ty: &RustType, types: &[TypeDef], scope: Scope) -> TokenStream {
    syn_type(ty, types, scope).into_token_stream()
}

/// A type expression as a syntax tree (items built directly use it as is, see [`ast`]).
pub fn syn_type(ty: &RustType, types: &[TypeDef], scope: Scope) -> syn::Type {
    let plain = |name: &str| ast::path_type(&[name], Vec::new());
    match ty {
        RustType::String => plain("String"),
        RustType::I16 => plain("i16"),
        RustType::I32 => plain("i32"),
        RustType::I64 => plain("i64"),
        RustType::F32 => plain("f32"),
        RustType::F64 => plain("f64"),
        RustType::Bool => plain("bool"),
        RustType::Json => ast::path_type(&["docbind_runtime", "serde_json", "Value"], Vec::new()),
        RustType::Bytes => ast::path_type(&["Vec"], vec![plain("u8")]),
        RustType::Vec(item) => ast::path_type(&["Vec"], vec![syn_type(item, types, scope)]),
        RustType::Map(value) => ast::path_type(
            &["std", "collections", "BTreeMap"],
            vec![plain("String"), syn_type(value, types, scope)],
        ),
        RustType::Named(id) => {
            let name = types[*id].name.as_str();
            match scope {
                Scope::Models => plain(name),
                Scope::Crate => ast::path_type(&["crate", "models", name], Vec::new()),
            }
        }
    }
}

/// The models file as its header (crate-level doc) and one chunk per type, produced lazily so
/// the caller can print each before building the next.
pub fn models_file<'p>(
    plan: &'p Plan,
    title: &str,
) -> (TokenStream, impl Iterator<Item = Chunk> + 'p) {
    let common = ast::Common::new();
    let enums = Skeletons::new();
    let items = plan
        .types
        .iter()
        .map(move |def| type_def(def, &plan.types, &common, &enums));
    let title = super::docs::doc_lines(title).join(" ");
    let header =
        format!(" Data types of {title}: request and response bodies, enums and their parts.");
    (quote! { #![doc = #header] }, items)
}

fn type_def(def: &TypeDef, types: &[TypeDef], common: &ast::Common, enums: &Skeletons) -> Chunk {
    let name = ident(&def.name);
    match &def.body {
        TypeBody::Pending => unreachable!("planning fills every reserved type"),
        // Structs are most of the file: built as syntax trees, not parsed (see `ast`).
        TypeBody::Struct(fields) => {
            let mut attrs = common.doc_attrs(def.doc.iter().map(String::as_str));
            attrs.push(common.derive());
            let fields = fields.iter().map(|f| field(f, types, common)).collect();
            Chunk::Items(vec![ast::struct_item(attrs, &def.name, fields)])
        }
        // Enums, the next most numerous, are filled into a parsed skeleton (see `enums`); the
        // tokens are the fallback should the skeleton not fit.
        TypeBody::StringEnum(variants) => {
            let doc_key = doc_key(def.doc.iter().map(String::as_str));
            enums.string_enum(&def.name, doc_key, variants).map_or_else(
                || Chunk::Tokens(string_enum(&name, doc(def), variants)),
                Chunk::Items,
            )
        }
        TypeBody::IntEnum(variants) => {
            let doc_key = doc_key(def.doc.iter().map(String::as_str));
            enums.int_enum(&def.name, doc_key, variants).map_or_else(
                || Chunk::Tokens(int_enum(&name, doc(def), variants)),
                Chunk::Items,
            )
        }
        TypeBody::Alias(ty) => {
            let ty = type_tokens(ty, types, Scope::Models);
            let doc = doc(def);
            Chunk::Tokens(quote! {
                #doc
                pub type #name = #ty;
            })
        }
        TypeBody::Response(variants) => {
            Chunk::Tokens(response_enum(&name, doc(def), variants, types))
        }
    }
}

fn doc(def: &TypeDef) -> TokenStream {
    doc_attrs(def.doc.iter().map(String::as_str))
}

fn field(f: &FieldDef, types: &[TypeDef], common: &ast::Common) -> syn::Field {
    let mut attrs = common.doc_attrs(f.doc.iter().map(String::as_str));
    let mut ty = syn_type(&f.ty, types, Scope::Models);
    if f.boxed {
        ty = ast::path_type(&["Box"], vec![ty]);
    }
    if bare(&f.ident) != f.json_name {
        let json = &f.json_name;
        attrs.push(ast::serde_attr(quote!(rename = #json)));
    }
    let with = match f.lenient {
        None => None,
        Some(Lenient::Scalar) => Some("docbind_runtime::lenient::scalar"),
        Some(Lenient::OneOrMany) => Some("docbind_runtime::lenient::one_or_many"),
    };
    if f.required {
        if let Some(with) = with {
            attrs.push(ast::serde_attr(quote!(deserialize_with = #with)));
        }
    } else {
        attrs.push(ast::serde_attr(ast::optional_field_args(with)));
        ty = ast::path_type(&["Option"], vec![ty]);
    }
    ast::field(attrs, &f.ident, ty)
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
