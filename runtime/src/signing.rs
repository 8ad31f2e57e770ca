//! AK/SK request signing, algorithm `SDK-HMAC-SHA256` (Huawei Cloud API Gateway).
//!
//! The steps follow the official SDK signers (checked against vectors computed with the
//! Python SDK core, see `tests/signing_vectors.rs`):
//!
//! 1. **Canonical URI**: the path is percent-decoded, split on `/`, each segment encoded with
//!    [`encode_component`], re-joined, and a trailing `/` appended when missing.
//! 2. **Canonical query**: each name and value encoded, pairs sorted by (name, value),
//!    joined as `name=value` with `&` (repeated names stay repeated, empty values keep `=`).
//! 3. **Canonical headers**: names lower-cased, values trimmed, sorted by name, each line
//!    `name:value\n`; `host` is added from the request host when absent.
//! 4. **Canonical request**: `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nhex(sha256(body))`
//!    (the body hash is `UNSIGNED-PAYLOAD` when `X-Sdk-Content-Sha256` says so).
//! 5. **String to sign**: `SDK-HMAC-SHA256\n<X-Sdk-Date>\nhex(sha256(canonical request))`.
//! 6. **Signature**: `hex(hmac_sha256(sk, string to sign))`, sent as
//!    `Authorization: SDK-HMAC-SHA256 Access=<ak>, SignedHeaders=<names>, Signature=<sig>`.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use time::OffsetDateTime;

use crate::encoding::{decode_component, encode_component};
use crate::Error;

/// Name of the signing algorithm, first word of the `Authorization` header.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// Header carrying the signing time, `YYYYMMDDTHHMMSSZ` in UTC.
pub const DATE_HEADER: &str = "X-Sdk-Date";
/// Header carrying the security token of temporary credentials (signed like any header).
pub const SECURITY_TOKEN_HEADER: &str = "X-Security-Token";
const CONTENT_SHA256_HEADER: &str = "x-sdk-content-sha256";
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// The parts of an HTTP request that enter the signature.
#[derive(Debug, Clone, Copy)]
pub struct SigningRequest<'a> {
    /// HTTP method (upper-cased when signing).
    pub method: &'a str,
    /// `host` or `host:port`, used when `headers` has no `Host`.
    pub host: &'a str,
    /// Request path, raw (`/a/my config`) or already percent-encoded (`/a/my%20config`).
    pub path: &'a str,
    /// Query parameters in any order, unencoded.
    pub query: &'a [(String, String)],
    /// Headers to sign, unencoded; must contain [`DATE_HEADER`]. All of them are signed.
    pub headers: &'a [(String, String)],
    /// Exact body bytes sent.
    pub body: &'a [u8],
}

/// Result of signing, every intermediate step included for verification and debugging.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// Step 4.
    pub canonical_request: String,
    /// Step 5.
    pub string_to_sign: String,
    /// Lower-case header names joined with `;`.
    pub signed_headers: String,
    /// Hex HMAC-SHA256.
    pub signature: String,
    /// Value of the `Authorization` header.
    pub authorization: String,
}

/// Sign `req` with access key `ak` and secret key `sk`.
///
/// Fails with [`Error::Config`] when the request has no [`DATE_HEADER`].
pub fn sign(ak: &str, sk: &str, req: &SigningRequest<'_>) -> Result<Signature, Error> {
    let headers = canonical_header_map(req);
    let date = headers
        .get("x-sdk-date")
        .ok_or_else(|| Error::config("AK/SK signing needs an X-Sdk-Date header"))?;
    let signed_headers = headers
        .keys()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(";");
    let canonical_headers: String = headers
        .iter()
        .map(|(name, value)| format!("{name}:{value}\n"))
        .collect();
    let body_hash = match headers.get(CONTENT_SHA256_HEADER) {
        Some(v) if v == UNSIGNED_PAYLOAD => UNSIGNED_PAYLOAD.to_string(),
        _ => hex::encode(Sha256::digest(req.body)),
    };
    let canonical_request = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        req.method.to_ascii_uppercase(),
        canonical_uri(req.path),
        canonical_query(req.query),
        canonical_headers,
        signed_headers,
        body_hash
    );
    let string_to_sign = format!(
        "{ALGORITHM}\n{date}\n{}",
        hex::encode(Sha256::digest(canonical_request.as_bytes()))
    );
    let mut mac =
        Hmac::<Sha256>::new_from_slice(sk.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    let signature = hex::encode(mac.finalize().into_bytes());
    let authorization =
        format!("{ALGORITHM} Access={ak}, SignedHeaders={signed_headers}, Signature={signature}");
    Ok(Signature {
        canonical_request,
        string_to_sign,
        signed_headers,
        signature,
        authorization,
    })
}

/// Lower-cased names → trimmed values, sorted by name; a later duplicate wins.
fn canonical_header_map(req: &SigningRequest<'_>) -> BTreeMap<String, String> {
    let mut headers: BTreeMap<String, String> = req
        .headers
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    headers
        .entry("host".to_string())
        .or_insert_with(|| req.host.trim().to_string());
    headers
}

/// Step 1: canonical form of a raw or percent-encoded path (always ends with `/`).
pub fn canonical_uri(path: &str) -> String {
    let mut uri = decode_component(path)
        .split('/')
        .map(encode_component)
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Step 2: canonical query string; also the exact query the client sends.
pub fn canonical_query(query: &[(String, String)]) -> String {
    let mut pairs: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (encode_component(k), encode_component(v)))
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// `path`, plus `?` and the canonical query when there is one: the request target to send.
pub fn request_uri(path: &str, query: &[(String, String)]) -> String {
    let query = canonical_query(query);
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// Format a time as an `X-Sdk-Date` value (`20251103T081500Z`).
pub fn sdk_date(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_uri_adds_trailing_slash_once() {
        assert_eq!(canonical_uri("/v1/a"), "/v1/a/");
        assert_eq!(canonical_uri("/v1/a/"), "/v1/a/");
        assert_eq!(canonical_uri(""), "/");
        assert_eq!(canonical_uri("/v1/my%20config%3A1"), "/v1/my%20config%3A1/");
        assert_eq!(canonical_uri("/v1/my config:1"), "/v1/my%20config%3A1/");
    }

    #[test]
    fn canonical_query_sorts_by_name_then_value() {
        let q = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            canonical_query(&q(&[("b", "2"), ("a", "z"), ("a", "y"), ("c", "")])),
            "a=y&a=z&b=2&c="
        );
        assert_eq!(canonical_query(&[]), "");
    }

    #[test]
    fn sdk_date_is_basic_iso8601_utc() {
        let t = time::macros::datetime!(2025-11-03 09:15:00 +01:00);
        assert_eq!(sdk_date(t), "20251103T081500Z");
    }

    #[test]
    fn missing_date_is_a_config_error() {
        let req = SigningRequest {
            method: "GET",
            host: "h",
            path: "/",
            query: &[],
            headers: &[],
            body: b"",
        };
        assert!(matches!(sign("ak", "sk", &req), Err(Error::Config(_))));
    }
}
