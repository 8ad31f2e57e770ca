//! Derived AK/SK signing (`V11-HMAC-SHA256`) reproduces every vector computed with the
//! official Python SDK core (`tests/data/derived_signing_vectors.py` wrote them), and the
//! client uses it when configured.

mod common;

use common::{MockServer, Reply};
use docbind_runtime::signing::{self, SigningRequest, DERIVED_ALGORITHM};
use docbind_runtime::{serde_json, Client, Config, Credentials, Method, RequestSpec, Signing};
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/derived-signing-vectors.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("vector file is JSON")
}

fn text<'a>(v: &'a Value, name: &str) -> &'a str {
    v[name]
        .as_str()
        .unwrap_or_else(|| panic!("field {name} missing in {v}"))
}

#[test]
fn derived_signing_matches_the_official_python_signer() {
    let file = vectors();
    assert_eq!(file["algorithm"], DERIVED_ALGORITHM);
    let vectors = file["vectors"].as_array().expect("vectors");
    assert!(vectors.len() >= 4, "vector file shrank");
    for vector in vectors {
        let name = text(vector, "name");
        let input = &vector["input"];
        let expected = &vector["expected"];
        let query: Vec<(String, String)> = input["query"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (text_at(p, 0), text_at(p, 1)))
            .collect();
        let mut headers: Vec<(String, String)> = input["headers"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect();
        // The official signer marks non-JSON bodies unsigned by adding this header itself.
        let content_type = &headers.iter().find(|(k, _)| k == "Content-Type").unwrap().1;
        if !content_type.starts_with("application/json") {
            headers.push(("X-Sdk-Content-Sha256".into(), "UNSIGNED-PAYLOAD".into()));
        }
        let sig = signing::sign_derived(
            text(input, "ak"),
            text(input, "sk"),
            text(input, "region"),
            text(input, "service"),
            &SigningRequest {
                method: text(input, "method"),
                host: text(input, "host"),
                path: text(input, "path"),
                query: &query,
                headers: &headers,
                body: text(input, "body").as_bytes(),
            },
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        for (field, actual) in [
            ("canonical_request", &sig.canonical_request),
            ("string_to_sign", &sig.string_to_sign),
            ("signed_headers", &sig.signed_headers),
            ("authorization", &sig.authorization),
        ] {
            assert_eq!(actual, text(expected, field), "{name}: {field}");
        }
        assert_eq!(
            signing::request_uri(text(input, "path"), &query),
            text(expected, "request_uri"),
            "{name}: request_uri"
        );
    }
}

fn text_at(pair: &Value, i: usize) -> String {
    pair[i].as_str().unwrap().to_string()
}

#[test]
fn derived_signing_needs_region_and_service() {
    let headers = [("X-Sdk-Date".to_string(), "20251103T081500Z".to_string())];
    let req = SigningRequest {
        method: "GET",
        host: "h",
        path: "/",
        query: &[],
        headers: &headers,
        body: b"",
    };
    assert!(signing::sign_derived("ak", "sk", "", "ecs", &req).is_err());
    assert!(signing::sign_derived("ak", "sk", "eu-de", "", &req).is_err());
    assert!(signing::sign_derived("ak", "sk", "eu-de", "ecs", &req).is_ok());
}

#[tokio::test]
async fn client_signs_with_derived_key_when_configured() {
    let server = MockServer::sequence(vec![Reply::status(200)]).await;
    let config = Config::with_base_url(server.url())
        .credentials(Credentials::aksk("AKDERIVED", "SKDERIVED"))
        .project_id("p1")
        .region_id("eu-de")
        .signing(Signing::Derived {
            service: "ecs".into(),
        });
    let client = Client::new(config).unwrap();
    client
        .execute(RequestSpec::new(Method::GET, "/v1/{project_id}/servers"))
        .await
        .unwrap();
    let request = &server.requests()[0];
    let auth = request.header("authorization").unwrap();
    let date = request.header("x-sdk-date").unwrap();
    let expected_prefix = format!(
        "V11-HMAC-SHA256 Credential=AKDERIVED/{}/eu-de/ecs, SignedHeaders=",
        &date[..8]
    );
    assert!(auth.starts_with(&expected_prefix), "{auth}");
    assert!(!auth.contains("SKDERIVED"));
}
