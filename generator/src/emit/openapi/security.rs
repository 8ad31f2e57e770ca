//! Authentication and where the service is: `components.securitySchemes`, the document's
//! `security`, an operation's own `security` when its documentation says otherwise, and
//! `servers` from the documented endpoint.
//!
//! Huawei Cloud and Open Telekom Cloud accept an IAM token (`X-Auth-Token`) or an AK/SK
//! signature (`Authorization: SDK-HMAC-SHA256 …` with `X-Sdk-Date`). OpenAPI has no scheme
//! for request signing, so the signature is an `apiKey` in `Authorization` (what a consumer
//! must send) with `x-docbind-signing` describing how it is computed.

use crate::ir::{self, Auth};
use serde_json::{json, Map, Value};

/// The security scheme names, stable: consumers' generated code names its auth after them.
pub const TOKEN_SCHEME: &str = "iam_token";
pub const SIGNATURE_SCHEME: &str = "aksk_signature";

pub fn security_schemes() -> Value {
    json!({
        TOKEN_SCHEME: {
            "type": "apiKey",
            "in": "header",
            "name": "X-Auth-Token",
            "description": "An IAM token (the response header `X-Subject-Token` of IAM's token API)."
        },
        SIGNATURE_SCHEME: {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "An AK/SK request signature, `SDK-HMAC-SHA256 Access=AK, SignedHeaders=…, Signature=…`, computed over the request with the secret key and sent with `X-Sdk-Date` (temporary credentials add `X-Security-Token`; `X-Project-Id` or `X-Domain-Id` name the scope).",
            "x-docbind-signing": {
                "algorithm": "SDK-HMAC-SHA256",
                "date_header": "X-Sdk-Date",
                "security_token_header": "X-Security-Token",
                "scope_headers": ["X-Project-Id", "X-Domain-Id"]
            }
        }
    })
}

/// Either credential authenticates a request.
pub fn default_security() -> Value {
    json!([{ TOKEN_SCHEME: [] }, { SIGNATURE_SCHEME: [] }])
}

/// An operation's `security` and `x-docbind-auth` when it differs from the document's.
pub fn operation_security(auth: &Auth, m: &mut Map<String, Value>) {
    let (security, why) = match auth {
        Auth::Credentials => return,
        Auth::None { span } => (json!([]), json!({ "source": span.to_string() })),
        Auth::Optional { span } => {
            // `{}` is the empty requirement: the request may go without credentials.
            let mut alternatives = vec![json!({})];
            alternatives.extend(default_security().as_array().cloned().unwrap_or_default());
            (
                Value::Array(alternatives),
                json!({ "optional": true, "source": span.to_string() }),
            )
        }
        Auth::Caller { header, span } => (
            json!([]),
            json!({ "header": header, "source": span.to_string() }),
        ),
    };
    m.insert("security".into(), security);
    m.insert("x-docbind-auth".into(), why);
}

/// The documented headers the runtime sets, kept with their provenance.
pub fn runtime_headers(op: &ir::Operation, m: &mut Map<String, Value>) {
    if op.runtime_headers.is_empty() {
        return;
    }
    let list: Vec<Value> = op
        .runtime_headers
        .iter()
        .map(|h| {
            json!({
                "name": h.name,
                "role": h.role.as_str(),
                "source": h.span.to_string(),
            })
        })
        .collect();
    m.insert("x-docbind-runtime-headers".into(), Value::Array(list));
}

/// `servers` from the endpoint: the template, `{region}` a variable whose default is the
/// first documented region.
pub fn servers(endpoint: &ir::Endpoint) -> Value {
    let mut server = Map::new();
    server.insert("url".into(), endpoint.template.as_str().into());
    if endpoint.template.contains("{region}") {
        let mut region = Map::new();
        let default = endpoint.regions.first().map_or("", String::as_str);
        region.insert("default".into(), default.into());
        let description = if endpoint.regions.is_empty() {
            "The region id; the documentation lists none.".to_string()
        } else {
            format!(
                "The region id. The documentation lists: {}.",
                endpoint.regions.join(", ")
            )
        };
        region.insert("description".into(), description.into());
        server.insert("variables".into(), json!({ "region": region }));
    }
    server.insert("x-docbind-source".into(), endpoint.span.to_string().into());
    json!([server])
}
