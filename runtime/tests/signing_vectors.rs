//! Every AK/SK signing vector (computed with the official Python SDK signer) must be
//! reproduced exactly: canonical request, string to sign, signed headers, Authorization and
//! the request URI.

use docbind_runtime::signing::{self, SigningRequest, ALGORITHM};
use docbind_runtime::{encode_component, serde_json};
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/aksk-signing-vectors.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("vector file is JSON")
}

fn str_field<'a>(v: &'a Value, name: &str) -> &'a str {
    v[name]
        .as_str()
        .unwrap_or_else(|| panic!("field {name} missing in {v}"))
}

/// Query values in the vectors are JSON scalars or arrays (array = repeated parameter).
fn query_pairs(query: &Value) -> Vec<(String, String)> {
    let scalar = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut pairs = Vec::new();
    for pair in query.as_array().expect("query is an array") {
        let name = pair[0].as_str().expect("query name").to_string();
        match &pair[1] {
            Value::Array(values) => pairs.extend(values.iter().map(|v| (name.clone(), scalar(v)))),
            v => pairs.push((name, scalar(v))),
        }
    }
    pairs
}

#[test]
fn every_vector_matches_every_expected_field() {
    let file = vectors();
    assert_eq!(file["algorithm"], ALGORITHM);
    let vectors = file["vectors"].as_array().expect("vectors array");
    assert!(vectors.len() >= 9, "vector file shrank: {}", vectors.len());
    for vector in vectors {
        let name = str_field(vector, "name");
        let input = &vector["input"];
        let expected = &vector["expected"];
        let query = query_pairs(&input["query"]);
        let headers: Vec<(String, String)> = input["headers"]
            .as_object()
            .expect("headers object")
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().expect("header value").to_string()))
            .collect();
        let path = str_field(input, "path");
        let request = SigningRequest {
            method: str_field(input, "method"),
            host: str_field(input, "host"),
            path,
            query: &query,
            headers: &headers,
            body: str_field(input, "body").as_bytes(),
        };
        let sig = signing::sign(str_field(input, "ak"), str_field(input, "sk"), &request)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            sig.canonical_request,
            str_field(expected, "canonical_request"),
            "{name}: canonical_request"
        );
        assert_eq!(
            sig.string_to_sign,
            str_field(expected, "string_to_sign"),
            "{name}: string_to_sign"
        );
        assert_eq!(
            sig.signed_headers,
            str_field(expected, "signed_headers"),
            "{name}: signed_headers"
        );
        assert_eq!(
            sig.authorization,
            str_field(expected, "authorization"),
            "{name}: authorization"
        );
        assert!(sig.authorization.ends_with(&sig.signature), "{name}");
        assert_eq!(
            signing::request_uri(path, &query),
            str_field(expected, "request_uri"),
            "{name}: request_uri"
        );
    }
}

/// The client sends percent-encoded paths; signing the encoded form must give the same
/// signature as the raw form the vectors use.
#[test]
fn encoded_paths_sign_like_raw_paths() {
    let file = vectors();
    for vector in file["vectors"].as_array().unwrap() {
        let input = &vector["input"];
        let raw = str_field(input, "path");
        let encoded = raw
            .split('/')
            .map(encode_component)
            .collect::<Vec<_>>()
            .join("/");
        let query = query_pairs(&input["query"]);
        let headers: Vec<(String, String)> = input["headers"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect();
        let sign = |path: &str| {
            signing::sign(
                "ak",
                "sk",
                &SigningRequest {
                    method: str_field(input, "method"),
                    host: str_field(input, "host"),
                    path,
                    query: &query,
                    headers: &headers,
                    body: str_field(input, "body").as_bytes(),
                },
            )
            .unwrap()
        };
        assert_eq!(sign(raw), sign(&encoded), "{}", str_field(vector, "name"));
    }
}

/// Header names are case-insensitive and values are trimmed before signing.
#[test]
fn header_case_and_whitespace_do_not_change_the_signature() {
    let sign = |headers: &[(&str, &str)]| {
        let headers: Vec<(String, String)> = headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        signing::sign(
            "ak",
            "sk",
            &SigningRequest {
                method: "get",
                host: "example.com",
                path: "/v1/x",
                query: &[],
                headers: &headers,
                body: b"",
            },
        )
        .unwrap()
    };
    let a = sign(&[("X-Sdk-Date", "20251103T081500Z"), ("X-Custom", "v")]);
    let b = sign(&[("x-sdk-date", " 20251103T081500Z "), ("X-CUSTOM", "\tv ")]);
    assert_eq!(a, b);
    assert!(a.canonical_request.starts_with("GET\n"));
    assert_eq!(a.signed_headers, "host;x-custom;x-sdk-date");
}
