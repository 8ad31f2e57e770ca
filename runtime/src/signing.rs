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
    let canonical = Canonical::of(req)?;
    let string_to_sign = format!(
        "{ALGORITHM}\n{}\n{}",
        canonical.date,
        hex::encode(Sha256::digest(canonical.request.as_bytes()))
    );
    let signature = hmac_hex(sk.as_bytes(), &string_to_sign);
    let authorization = format!(
        "{ALGORITHM} Access={ak}, SignedHeaders={}, Signature={signature}",
        canonical.signed_headers
    );
    Ok(canonical.into_signature(string_to_sign, signature, authorization))
}

/// Name of the derived signing algorithm ([`sign_derived`]).
pub const DERIVED_ALGORITHM: &str = "V11-HMAC-SHA256";

/// Sign `req` with a key derived from the AK/SK for one day, region and service
/// (`V11-HMAC-SHA256`, what the official cores call *derived auth*).
///
/// The canonical request is the same as [`sign`]'s. The signing key is HKDF-SHA256 (RFC 5869)
/// with the access key as salt, the secret key as input key material and
/// `info = "<yyyymmdd>/<region>/<service>"`, 32 bytes, used as its lower-case hex text. So the
/// secret key itself never signs a request, and a leaked signature only concerns one
/// service in one region on one day. The string to sign gains the `info` line and the
/// `Authorization` header names `Credential=<ak>/<info>`.
///
/// Fails with [`Error::Config`] when the request has no [`DATE_HEADER`] or `region` /
/// `service` is empty.
pub fn sign_derived(
    ak: &str,
    sk: &str,
    region: &str,
    service: &str,
    req: &SigningRequest<'_>,
) -> Result<Signature, Error> {
    if region.is_empty() || service.is_empty() {
        return Err(Error::config(
            "derived signing needs a region and a service name",
        ));
    }
    let canonical = Canonical::of(req)?;
    let day = canonical.date.get(..8).unwrap_or_default();
    let info = format!("{day}/{region}/{service}");
    let string_to_sign = format!(
        "{DERIVED_ALGORITHM}\n{}\n{info}\n{}",
        canonical.date,
        hex::encode(Sha256::digest(canonical.request.as_bytes()))
    );
    let mut key = [0u8; 32];
    hkdf::Hkdf::<Sha256>::new(Some(ak.as_bytes()), sk.as_bytes())
        .expand(info.as_bytes(), &mut key)
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    let signature = hmac_hex(hex::encode(key).as_bytes(), &string_to_sign);
    let authorization = format!(
        "{DERIVED_ALGORITHM} Credential={ak}/{info}, SignedHeaders={}, Signature={signature}",
        canonical.signed_headers
    );
    Ok(canonical.into_signature(string_to_sign, signature, authorization))
}

/// Steps 1–4, shared by both algorithms.
struct Canonical {
    date: String,
    signed_headers: String,
    request: String,
}

impl Canonical {
    fn of(req: &SigningRequest<'_>) -> Result<Self, Error> {
        let headers = canonical_header_map(req);
        let date = headers
            .get("x-sdk-date")
            .ok_or_else(|| Error::config("AK/SK signing needs an X-Sdk-Date header"))?
            .clone();
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
        let request = format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            req.method.to_ascii_uppercase(),
            canonical_uri(req.path),
            canonical_query(req.query),
            canonical_headers,
            signed_headers,
            body_hash
        );
        Ok(Canonical {
            date,
            signed_headers,
            request,
        })
    }

    fn into_signature(
        self,
        string_to_sign: String,
        signature: String,
        authorization: String,
    ) -> Signature {
        Signature {
            canonical_request: self.request,
            string_to_sign,
            signed_headers: self.signed_headers,
            signature,
            authorization,
        }
    }
}

fn hmac_hex(key: &[u8], data: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(data.as_bytes());
    hex::encode(mac.finalize().into_bytes())
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
