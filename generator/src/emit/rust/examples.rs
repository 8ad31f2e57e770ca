//! `src/doc_examples.rs`: the documented examples as tests of the generated crate. Every JSON
//! request example must deserialize into the operation's request body type and every JSON
//! success-response example into the response type of its status, and serialize back to what
//! the example says (rules for null, numbers and lenient shapes in the generated `difference`). Examples the reviewed
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
    features: &super::features::Features,
) -> Option<TokenStream> {
    let mut tests = Vec::new();
    for (n, op_plan) in plan.operations.iter().enumerate() {
        let cfg = features.operation_cfg(n);
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
                    #cfg
                    #[test]
                    #ignore
                    fn #name() {
                        round_trip::<#ty>(#json, #provenance);
                    }
                });
            }
        }
    }
    if tests.is_empty() {
        return None;
    }
    Some(quote! {
        //! The documented request and response examples, decoded into the generated types and
        //! encoded again: what comes back must say what the example says, so a field the model
        //! lacks fails its test.
        #![allow(non_snake_case)]

        use docbind_runtime::serde_json::{self, Value};

        /// Decode `json` as `T`, encode it again and compare with the example.
        fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(json: &str, provenance: &str) {
            let example: Value = serde_json::from_str(json).expect("documented examples are JSON");
            let decoded: T = match serde_json::from_value(example.clone()) {
                Ok(decoded) => decoded,
                Err(e) => panic!("{provenance}: does not decode: {e}"),
            };
            let encoded = serde_json::to_value(&decoded).expect("models encode");
            if let Some(difference) = difference("$", &example, &encoded) {
                panic!("{provenance}: the model does not reproduce the example: {difference}");
            }
        }

        /// The first place where `model` (the example after the round trip) says something else
        /// than `example`. Not differences: a member that is null in the example and absent from
        /// the model (optional fields skip `None`); numbers of equal value at `f32` precision
        /// when one is a float (`5` in a float field is `5.0`, `0.6` in an `f32` field is
        /// `0.6000000238418579`); and the shapes the runtime's lenient decoders accept for a field
        /// whose examples show them (`"5"` for a number, a value for its text, one item for a
        /// list), which the model encodes in the documented shape.
        fn difference(path: &str, example: &Value, model: &Value) -> Option<String> {
            match (example, model) {
                (Value::Object(e), Value::Object(m)) => {
                    for (key, value) in e {
                        let at = format!("{path}.{key}");
                        match m.get(key) {
                            Some(modelled) => {
                                if let Some(d) = difference(&at, value, modelled) {
                                    return Some(d);
                                }
                            }
                            None if value.is_null() => {}
                            None => return Some(format!("{at} is not in the model")),
                        }
                    }
                    m.keys()
                        .find(|key| !e.contains_key(*key))
                        .map(|key| format!("{path}.{key} is not in the example"))
                }
                (Value::Array(e), Value::Array(m)) if e.len() == m.len() => e
                    .iter()
                    .zip(m)
                    .enumerate()
                    .find_map(|(i, (e, m))| difference(&format!("{path}[{i}]"), e, m)),
                (e, Value::Array(m)) if !e.is_array() && m.len() == 1 => difference(path, e, &m[0]),
                (Value::Number(e), Value::Number(m)) if same_number(e, m) => None,
                (Value::String(text), value) | (value, Value::String(text)) if is_text_of(text, value) => None,
                (e, m) if e == m => None,
                (e, m) => Some(format!("{path} is {e} in the example but {m} in the model")),
            }
        }

        /// Equal numbers; compared at `f32` precision when one of them is a float.
        fn same_number(e: &serde_json::Number, m: &serde_json::Number) -> bool {
            e == m || ((e.is_f64() || m.is_f64()) && e.as_f64().map(|v| v as f32) == m.as_f64().map(|v| v as f32))
        }

        /// Whether `text` is the JSON text of `value`, a number, boolean, object or array.
        fn is_text_of(text: &str, value: &Value) -> bool {
            !value.is_string()
                && !value.is_null()
                && serde_json::to_string(value).is_ok_and(|json| json == text.trim())
        }

        #(#tests)*
    })
}
