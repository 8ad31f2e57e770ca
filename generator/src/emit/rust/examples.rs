//! `src/doc_examples.rs`: the documented examples as tests of the generated crate. Every JSON
//! request example must deserialize into the operation's request body type and every JSON
//! success-response example into the response type of its status. Examples the reviewed
//! allow-list names as documentation errors stay, marked `#[ignore]` with the reason.
//!
//! Not generated (nothing typed to test against): non-JSON examples, examples of bodies typed
//! as free-form JSON or raw bytes, and examples of error statuses (the crate returns error
//! bodies as `docbind_runtime::Error`, untyped).

use super::idents::ident;
use super::models::{type_tokens, Scope};
use super::plan::{Body, Plan, ResponsePlan, RustType, TypeBody};
use crate::allowlist::ExampleAllowlist;
use crate::ir::{self, ExampleValue};
use proc_macro2::TokenStream;
use quote::quote;

/// The body type a success status decodes into, if it is typed JSON.
fn response_body<'a>(plan: &'a Plan, response: &'a ResponsePlan, status: u16) -> Option<&'a Body> {
    match response {
        ResponsePlan::Raw | ResponsePlan::Single(None) => None,
        ResponsePlan::Single(Some(body)) => Some(body),
        ResponsePlan::Enum(id) => match &plan.types[*id].body {
            TypeBody::Response(variants) => variants
                .iter()
                .find(|v| v.status == status)
                .and_then(|v| v.body.as_ref()),
            _ => None,
        },
    }
}

fn typed(body: &Body) -> bool {
    body.json && !matches!(body.ty, RustType::Json | RustType::Bytes)
}

/// One test per example; `None` when there is nothing to test.
pub fn examples_file(
    plan: &Plan,
    api: &ir::Api,
    allowlist: &ExampleAllowlist,
) -> Option<TokenStream> {
    let mut tests = Vec::new();
    for op_plan in &plan.operations {
        let op = &api.operations[op_plan.index];
        let mut sites: Vec<(String, &Body, &[ir::Example])> = Vec::new();
        if let (Some(rb), Some(body)) = (&op.request_body, &op_plan.body) {
            sites.push(("request".into(), &body.body, &rb.examples));
        }
        for (status, r) in &op.responses {
            let Some(code) = status
                .parse::<u16>()
                .ok()
                .filter(|c| (200..300).contains(c))
            else {
                continue;
            };
            if let Some(body) = response_body(plan, &op_plan.response, code) {
                if r.body.is_some() {
                    sites.push((status.clone(), body, &r.examples));
                }
            }
        }
        for (status, body, examples) in sites {
            if !typed(body) {
                continue;
            }
            let ty = type_tokens(&body.ty, &plan.types, Scope::Crate);
            for (i, ex) in examples.iter().enumerate() {
                let ExampleValue::Json(value) = &ex.value else {
                    continue;
                };
                let name = ident(&format!("{}_{}_{}", op.id, status, i + 1));
                let json = serde_json::to_string_pretty(value).unwrap_or_default();
                let provenance = format!("{} (documented at {})", op.id, ex.span);
                let ignore = allowlist.reason(&op.id, &status, i + 1).map(|reason| {
                    let reason = format!("documentation error: {reason}");
                    quote!(#[ignore = #reason])
                });
                tests.push(quote! {
                    #[test]
                    #ignore
                    fn #name() {
                        let parsed = docbind_runtime::serde_json::from_str::<#ty>(#json);
                        assert!(parsed.is_ok(), "{}: {:?}", #provenance, parsed.err());
                    }
                });
            }
        }
    }
    if tests.is_empty() {
        return None;
    }
    Some(quote! {
        //! The documented request and response examples, decoded into the generated types.
        #![allow(non_snake_case)]

        #(#tests)*
    })
}
