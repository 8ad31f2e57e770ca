//! Forward-compatible enums: documented values become variants, anything else lands in
//! `Other(..)` carrying the raw value, so a service adding a value never breaks decoding.
//!
//! Each enum spells out its wire mapping (`VALUES`, `as_str()`/`value()`, `From<&str>`/
//! `From<i64>`); the trait impls that follow from it (Display, equality and hashing by wire
//! value, lenient serde) are the same for every enum and come from the runtime's
//! `string_enum_impls!`/`int_enum_impls!`, which keeps generated crates small and quick to
//! generate and compile (hundreds of enums would otherwise repeat ~50 lines each).

use super::docs::doc_attrs;
use super::idents::ident;
use super::plan::Variant;
use proc_macro2::TokenStream;
use quote::quote;

/// An unsuffixed integer literal (`-` as a separate token, as the parser expects).
fn int_literal(v: i64) -> TokenStream {
    let abs = proc_macro2::Literal::u64_unsuffixed(v.unsigned_abs());
    if v < 0 {
        quote!(-#abs)
    } else {
        quote!(#abs)
    }
}

fn variant_docs(v: &Variant) -> TokenStream {
    doc_attrs(v.doc.as_deref())
}

pub fn string_enum(
    name: &proc_macro2::Ident,
    doc: TokenStream,
    variants: &[Variant],
) -> TokenStream {
    let idents: Vec<_> = variants.iter().map(|v| ident(&v.ident)).collect();
    let docs: Vec<_> = variants.iter().map(variant_docs).collect();
    let values: Vec<String> = variants
        .iter()
        .map(|v| {
            v.value
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.value.to_string())
        })
        .collect();
    quote! {
        #doc
        #[derive(Debug, Clone)]
        #[allow(clippy::enum_variant_names)]
        pub enum #name {
            #( #docs #idents, )*
            /// A value this crate does not know (yet); it carries the raw value.
            Other(String),
        }

        impl #name {
            /// Every documented value, in documentation order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#idents => #values, )*
                    Self::Other(value) => value.as_str(),
                }
            }
        }

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #values => Self::#idents, )*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        docbind_runtime::string_enum_impls!(#name);
    }
}

pub fn int_enum(name: &proc_macro2::Ident, doc: TokenStream, variants: &[Variant]) -> TokenStream {
    let idents: Vec<_> = variants.iter().map(|v| ident(&v.ident)).collect();
    let docs: Vec<_> = variants.iter().map(variant_docs).collect();
    let values: Vec<TokenStream> = variants
        .iter()
        .filter_map(|v| v.value.as_i64())
        .map(int_literal)
        .collect();
    quote! {
        #doc
        #[derive(Debug, Clone, Copy)]
        #[allow(clippy::enum_variant_names)]
        pub enum #name {
            #( #docs #idents, )*
            /// A value this crate does not know (yet); it carries the raw value.
            Other(i64),
        }

        impl #name {
            /// Every documented value, in documentation order.
            pub const VALUES: &'static [i64] = &[#(#values),*];

            /// The value as sent on the wire.
            pub fn value(&self) -> i64 {
                match self {
                    #( Self::#idents => #values, )*
                    Self::Other(value) => *value,
                }
            }
        }

        impl From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #( #values => Self::#idents, )*
                    other => Self::Other(other),
                }
            }
        }

        docbind_runtime::int_enum_impls!(#name);
    }
}
