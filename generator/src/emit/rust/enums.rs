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

/// Enums as syntax trees built without parsing: [`string_enum`]/[`int_enum`] of a value-less
/// enum are parsed once per file, and each enum clones that skeleton and fills in its name,
/// docs, variants and match arms (see `ast` for why). The token functions stay the one
/// definition of the code; a test checks both paths print the same.
pub struct Skeletons {
    string: Vec<syn::Item>,
    int: Vec<syn::Item>,
    common: super::ast::Common,
}

impl Skeletons {
    pub fn new() -> Self {
        let parse = |tokens: TokenStream| -> Vec<syn::Item> {
            syn::parse2::<syn::File>(tokens)
                .map(|f| f.items)
                .unwrap_or_default()
        };
        let name = ident(SKELETON_NAME);
        Self {
            string: parse(string_enum(&name, TokenStream::new(), &[])),
            int: parse(int_enum(&name, TokenStream::new(), &[])),
            common: super::ast::Common::new(),
        }
    }

    /// The items of a string enum; None when the skeleton does not have the expected shape
    /// (the caller then prints the tokens instead).
    pub fn string_enum(
        &self,
        name: &str,
        doc: Option<String>,
        variants: &[Variant],
    ) -> Option<Vec<syn::Item>> {
        let values: Vec<syn::Lit> = variants
            .iter()
            .map(|v| {
                let text = v
                    .value
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.value.to_string());
                syn::Lit::Str(syn::LitStr::new(&text, proc_macro2::Span::call_site()))
            })
            .collect();
        self.fill(&self.string, name, doc, variants, &values)
    }

    /// The items of an integer enum (None as for [`Skeletons::string_enum`], and for negative
    /// values, which the skeleton path does not spell).
    pub fn int_enum(
        &self,
        name: &str,
        doc: Option<String>,
        variants: &[Variant],
    ) -> Option<Vec<syn::Item>> {
        let mut values = Vec::new();
        for v in variants {
            let n = u64::try_from(v.value.as_i64()?).ok()?;
            values.push(syn::Lit::Int(syn::LitInt::new(
                &n.to_string(),
                proc_macro2::Span::call_site(),
            )));
        }
        self.fill(&self.int, name, doc, variants, &values)
    }

    fn fill(
        &self,
        skeleton: &[syn::Item],
        name: &str,
        doc: Option<String>,
        variants: &[Variant],
        values: &[syn::Lit],
    ) -> Option<Vec<syn::Item>> {
        let mut items = skeleton.to_vec();
        let [syn::Item::Enum(def), syn::Item::Impl(inherent), syn::Item::Impl(from), syn::Item::Macro(shared)] =
            items.as_mut_slice()
        else {
            return None;
        };
        let name_ident = ident(name);
        def.ident = name_ident.clone();
        if let Some(doc) = doc {
            def.attrs.insert(0, self.common.doc_attr(&doc));
        }
        let mut documented = syn::punctuated::Punctuated::<syn::Variant, syn::Token![,]>::new();
        for v in variants {
            documented.push(syn::Variant {
                attrs: self.common.doc_attrs(v.doc.as_deref()),
                ident: ident(&v.ident),
                fields: syn::Fields::Unit,
                discriminant: None,
            });
        }
        documented.extend(std::mem::take(&mut def.variants));
        def.variants = documented;

        let self_type = super::ast::path_type(&[name], Vec::new());
        *inherent.self_ty = self_type.clone();
        *from.self_ty = self_type;
        let [syn::ImplItem::Const(all), syn::ImplItem::Fn(wire)] = inherent.items.as_mut_slice()
        else {
            return None;
        };
        let syn::Expr::Reference(syn::ExprReference { expr: array, .. }) = &mut all.expr else {
            return None;
        };
        let syn::Expr::Array(array) = array.as_mut() else {
            return None;
        };
        array.elems = values.iter().map(|l| literal_expr(l.clone())).collect();
        let variant_path = |v: &Variant| -> syn::ExprPath {
            let mut path: syn::Path = syn::Path::from(ident("Self"));
            path.segments.push(ident(&v.ident).into());
            syn::ExprPath {
                attrs: Vec::new(),
                qself: None,
                path,
            }
        };
        prepend_arms(
            only_match(&mut wire.block)?,
            variants
                .iter()
                .zip(values)
                .map(|(v, lit)| arm(syn::Pat::Path(variant_path(v)), literal_expr(lit.clone()))),
        );
        let [syn::ImplItem::Fn(convert)] = from.items.as_mut_slice() else {
            return None;
        };
        prepend_arms(
            only_match(&mut convert.block)?,
            variants.iter().zip(values).map(|(v, lit)| {
                arm(
                    syn::Pat::Lit(syn::ExprLit {
                        attrs: Vec::new(),
                        lit: lit.clone(),
                    }),
                    syn::Expr::Path(variant_path(v)),
                )
            }),
        );
        shared.mac.tokens = quote!(#name_ident);
        Some(items)
    }
}

impl Default for Skeletons {
    fn default() -> Self {
        Self::new()
    }
}

/// The skeleton's placeholder name (replaced in every item).
const SKELETON_NAME: &str = "DocbindEnumSkeleton";

fn literal_expr(lit: syn::Lit) -> syn::Expr {
    syn::Expr::Lit(syn::ExprLit {
        attrs: Vec::new(),
        lit,
    })
}

fn arm(pat: syn::Pat, body: syn::Expr) -> syn::Arm {
    syn::Arm {
        attrs: Vec::new(),
        pat,
        guard: None,
        fat_arrow_token: Default::default(),
        body: Box::new(body),
        comma: Some(Default::default()),
    }
}

/// The `match` a function body consists of.
fn only_match(block: &mut syn::Block) -> Option<&mut syn::ExprMatch> {
    match block.stmts.as_mut_slice() {
        [syn::Stmt::Expr(syn::Expr::Match(m), None)] => Some(m),
        _ => None,
    }
}

fn prepend_arms(m: &mut syn::ExprMatch, arms: impl Iterator<Item = syn::Arm>) {
    let rest = std::mem::take(&mut m.arms);
    m.arms = arms.chain(rest).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(items: Vec<syn::Item>) -> String {
        prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: Vec::new(),
            items,
        })
    }

    fn parsed(tokens: TokenStream) -> Vec<syn::Item> {
        syn::parse2::<syn::File>(tokens).unwrap().items
    }

    fn variant(ident: &str, value: serde_json::Value, doc: Option<&str>) -> Variant {
        Variant {
            ident: ident.into(),
            value,
            doc: doc.map(str::to_string),
        }
    }

    #[test]
    fn skeleton_enums_print_like_the_token_definition() {
        let skeletons = Skeletons::new();
        let strings = [
            variant("Running", "RUNNING".into(), Some("Runs.")),
            variant("Type", "type".into(), None),
        ];
        let built = skeletons
            .string_enum("Phase", Some(" Phase.".into()), &strings)
            .expect("skeleton shape");
        let doc = quote!(#[doc = " Phase."]);
        super::super::docs::clear_stashed_docs();
        let expected = parsed(string_enum(&ident("Phase"), doc.clone(), &strings));
        let built = super::super::docs::expand_stashed_docs(printed(built)).unwrap();
        let expected = super::super::docs::expand_stashed_docs(printed(expected)).unwrap();
        assert_eq!(built, expected);

        let ints = [
            variant("Value0", 0.into(), Some("Zero.")),
            variant("Value1", 1.into(), None),
        ];
        let built = skeletons
            .int_enum("Role", None, &ints)
            .expect("skeleton shape");
        let expected = parsed(int_enum(&ident("Role"), TokenStream::new(), &ints));
        assert_eq!(
            super::super::docs::expand_stashed_docs(printed(built)).unwrap(),
            super::super::docs::expand_stashed_docs(printed(expected)).unwrap()
        );
        assert!(
            skeletons
                .int_enum("Signed", None, &[variant("Minus", (-1).into(), None)])
                .is_none(),
            "negative values take the token path"
        );
    }
}
