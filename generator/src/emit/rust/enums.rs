//! Forward-compatible enums: documented values become variants, anything else lands in
//! `Other(..)` carrying the raw value, so a service adding a value never breaks decoding.
//!
//! Serialize/Deserialize/Display/PartialEq are written by hand around `as_str()`/`value()`:
//! equality follows the wire value, so `Other("RUNNING".into()) == Running` like the server
//! would see it. Deserialization is lenient about the JSON type (a number where a string enum
//! was documented still decodes, into `Other`), because documentation types are often loose.

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

        impl From<String> for #name {
            fn from(value: String) -> Self {
                Self::from(value.as_str())
            }
        }

        impl std::str::FromStr for #name {
            type Err = std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq for #name {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl Eq for #name {}

        impl std::hash::Hash for #name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.as_str().hash(state);
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Ok(match <docbind_runtime::serde_json::Value as serde::Deserialize>::deserialize(deserializer)? {
                    docbind_runtime::serde_json::Value::String(value) => Self::from(value),
                    other => Self::Other(other.to_string()),
                })
            }
        }
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

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.value())
            }
        }

        impl PartialEq for #name {
            fn eq(&self, other: &Self) -> bool {
                self.value() == other.value()
            }
        }

        impl Eq for #name {}

        impl std::hash::Hash for #name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.value().hash(state);
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use serde::de::Error as _;
                let raw = <docbind_runtime::serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                // Numbers documented as integers are sometimes sent as strings.
                let number = match &raw {
                    docbind_runtime::serde_json::Value::Number(n) => n.as_i64(),
                    docbind_runtime::serde_json::Value::String(s) => s.trim().parse().ok(),
                    _ => None,
                };
                number.map(Self::from).ok_or_else(|| D::Error::custom(format!("expected an integer, found {raw}")))
            }
        }
    }
}
