//! `Client::execute` against a local HTTP server: retries, timeouts, errors, path and
//! query encoding, default path parameters, authentication headers.

mod common;

use std::time::{Duration, Instant};

use common::{MockServer, Recorded, Reply};
use docbind_runtime::signing::{self, SigningRequest};
use docbind_runtime::{
    serde_json, Client, Config, Credentials, Error, Method, RequestSpec, RetryPolicy,
};

/// Fast retries so tests stay quick.
fn fast_retry(attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(attempts)
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_secs(5))
}

fn build(config: Config) -> Client {
    Client::new(config).expect("client")
}

fn get(path: &'static str) -> RequestSpec {
    RequestSpec::new(Method::GET, path)
}

#[tokio::test]
async fn idempotent_methods_are_retried_on_503_until_success() {
    for method in [Method::GET, Method::PUT, Method::DELETE] {
        let server = MockServer::sequence(vec![
            Reply::status(503),
            Reply::status(502),
            Reply::json(200, r#"{"ok":true}"#),
        ])
        .await;
        let client = build(Config::with_base_url(server.url()).retry(fast_retry(3)));
        let response = client
            .execute(RequestSpec::new(method.clone(), "/v1/things"))
            .await
            .unwrap();
        assert_eq!(response.status, 200, "{method}");
        assert_eq!(server.count(), 3, "{method}");
        assert!(server
            .requests()
            .iter()
            .all(|r| r.method == method.as_str()));
    }
}

#[tokio::test]
async fn non_idempotent_methods_are_not_retried() {
    for method in [Method::POST, Method::PATCH] {
        let server = MockServer::sequence(vec![Reply::status(503), Reply::status(200)]).await;
        let client = build(Config::with_base_url(server.url()).retry(fast_retry(5)));
        let response = client
            .execute(
                RequestSpec::new(method.clone(), "/v1/things")
                    .json(&serde_json::json!({"a": 1}))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status, 503, "{method}");
        assert_eq!(server.count(), 1, "{method}");
    }
}

#[tokio::test]
async fn attempts_are_bounded_and_last_response_returned() {
    let server = MockServer::sequence(vec![Reply::json(500, r#"{"error_code":"X.500"}"#)]).await;
    let client = build(Config::with_base_url(server.url()).retry(fast_retry(4)));
    let response = client.execute(get("/v1/things")).await.unwrap();
    assert_eq!(response.status, 500);
    assert_eq!(server.count(), 4);

    let server = MockServer::sequence(vec![Reply::status(503)]).await;
    let client = build(Config::with_base_url(server.url()).retry(RetryPolicy::disabled()));
    assert_eq!(client.execute(get("/")).await.unwrap().status, 503);
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let server = MockServer::sequence(vec![Reply::status(404), Reply::status(200)]).await;
    let client = build(Config::with_base_url(server.url()).retry(fast_retry(3)));
    assert_eq!(client.execute(get("/")).await.unwrap().status, 404);
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn retry_after_seconds_is_honoured_on_429() {
    let server = MockServer::sequence(vec![
        Reply::status(429).header("Retry-After", "1"),
        Reply::json(200, "{}"),
    ])
    .await;
    // Zero backoff: any wait measured comes from Retry-After.
    let policy = fast_retry(3).base_delay(Duration::ZERO);
    let client = build(Config::with_base_url(server.url()).retry(policy));
    let started = Instant::now();
    let response = client.execute(get("/v1/things")).await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(response.status, 200);
    assert_eq!(server.count(), 2);
    assert!(elapsed >= Duration::from_secs(1), "waited only {elapsed:?}");
    assert!(elapsed < Duration::from_secs(3), "waited {elapsed:?}");
}

#[tokio::test]
async fn retry_after_http_date_in_the_past_retries_at_once() {
    let server = MockServer::sequence(vec![
        Reply::status(503).header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),
        Reply::json(200, "{}"),
    ])
    .await;
    let client = build(Config::with_base_url(server.url()).retry(fast_retry(2)));
    let started = Instant::now();
    assert_eq!(client.execute(get("/")).await.unwrap().status, 200);
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn retry_after_longer_than_max_delay_returns_the_response() {
    let server = MockServer::sequence(vec![
        Reply::status(429).header("Retry-After", "3600"),
        Reply::json(200, "{}"),
    ])
    .await;
    let client = build(Config::with_base_url(server.url()).retry(fast_retry(3)));
    let started = Instant::now();
    let response = client.execute(get("/")).await.unwrap();
    assert_eq!(response.status, 429);
    assert_eq!(server.count(), 1);
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn dropped_connections_are_retried_for_get_only() {
    let server = MockServer::sequence(vec![Reply::hang_up()]).await;
    let client = build(Config::with_base_url(server.url()).retry(fast_retry(3)));
    let err = client.execute(get("/v1/things")).await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(server.count(), 3);

    let server = MockServer::sequence(vec![Reply::hang_up(), Reply::json(200, "{}")]).await;
    let client = build(Config::with_base_url(server.url()).retry(fast_retry(3)));
    assert_eq!(client.execute(get("/")).await.unwrap().status, 200);
    assert_eq!(server.count(), 2);

    let server = MockServer::sequence(vec![Reply::hang_up(), Reply::json(200, "{}")]).await;
    let client = build(Config::with_base_url(server.url()).retry(fast_retry(3)));
    let err = client
        .execute(RequestSpec::new(Method::POST, "/v1/things"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn refused_connection_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = build(Config::with_base_url(&url).retry(fast_retry(2)));
    match client.execute(get("/")).await {
        Err(Error::Transport { message }) => assert!(!message.is_empty()),
        other => panic!("expected Transport, got {other:?}"),
    }
}

#[tokio::test]
async fn slow_server_gives_timeout_after_bounded_attempts() {
    let server =
        MockServer::sequence(vec![Reply::json(200, "{}").delay(Duration::from_secs(5))]).await;
    let config = Config::with_base_url(server.url())
        .timeout(Duration::from_millis(150))
        .retry(fast_retry(2));
    let started = Instant::now();
    let err = build(config).execute(get("/")).await.unwrap_err();
    assert!(matches!(err, Error::Timeout), "{err:?}");
    assert_eq!(server.count(), 2);
    assert!(started.elapsed() < Duration::from_secs(2));

    let server =
        MockServer::sequence(vec![Reply::json(200, "{}").delay(Duration::from_secs(5))]).await;
    let config = Config::with_base_url(server.url())
        .timeout(Duration::from_millis(150))
        .retry(fast_retry(3));
    let err = build(config)
        .execute(RequestSpec::new(Method::POST, "/"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout), "{err:?}");
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn api_errors_decode_both_message_spellings_and_request_id() {
    let cases = [
        (
            r#"{"error_code":"ModelArts.0104","error_msg":"Job not found."}"#,
            "Job not found.",
        ),
        (
            r#"{"error_code":"ModelArts.0104","error_message":"Job not found."}"#,
            "Job not found.",
        ),
    ];
    for (body, message) in cases {
        let server =
            MockServer::sequence(vec![Reply::json(404, body).header("X-Request-Id", "req-42")])
                .await;
        let client = build(Config::with_base_url(server.url()));
        let response = client.execute(get("/v1/jobs/1")).await.unwrap();
        assert!(!response.is_success());
        assert_eq!(response.header("x-request-id"), Some("req-42"));
        match response.into_error() {
            Error::Api {
                status,
                code,
                message: m,
                request_id,
                body: b,
            } => {
                assert_eq!(status, 404);
                assert_eq!(code.as_deref(), Some("ModelArts.0104"));
                assert_eq!(m.as_deref(), Some(message));
                assert_eq!(request_id.as_deref(), Some("req-42"));
                assert_eq!(b, body);
            }
            other => panic!("expected Api, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn undecodable_body_is_a_decode_error_with_snippet() {
    let server =
        MockServer::sequence(vec![Reply::status(200).body("<html>gateway says hi</html>")]).await;
    let response = build(Config::with_base_url(server.url()))
        .execute(get("/"))
        .await
        .unwrap();
    match response.json::<serde_json::Value>() {
        Err(Error::Decode {
            status, snippet, ..
        }) => {
            assert_eq!(status, 200);
            assert_eq!(snippet, "<html>gateway says hi</html>");
        }
        other => panic!("expected Decode, got {other:?}"),
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Job {
        id: u32,
    }
    let server = MockServer::sequence(vec![Reply::json(200, r#"{"id":"not a number"}"#)]).await;
    let response = build(Config::with_base_url(server.url()))
        .execute(get("/"))
        .await
        .unwrap();
    assert!(
        matches!(response.json::<Job>(), Err(Error::Decode { snippet, .. }) if snippet.contains("not a number"))
    );
}

#[tokio::test]
async fn empty_body_decodes_as_null() {
    let server = MockServer::sequence(vec![Reply::status(204)]).await;
    let response = build(Config::with_base_url(server.url()))
        .execute(RequestSpec::new(Method::DELETE, "/v1/x"))
        .await
        .unwrap();
    assert!(response.is_success());
    response.json::<()>().unwrap();
    assert_eq!(response.json::<Option<serde_json::Value>>().unwrap(), None);
}

#[tokio::test]
async fn path_params_are_encoded_and_project_id_defaults() {
    let server = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let client = build(Config::with_base_url(server.url()).project_id("proj 1"));
    client
        .execute(
            get("/v1/{project_id}/jobs/{job_id}/versions/{version}")
                .path_param("job_id", "a b/c?d#e%f")
                .path_param("version", 7)
                .path_param_or_default("project_id", None),
        )
        .await
        .unwrap();
    client
        .execute(get("/v2/{project_id}/pools").path_param("project_id", "explicit"))
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(
        requests[0].target,
        "/v1/proj%201/jobs/a%20b%2Fc%3Fd%23e%25f/versions/7"
    );
    assert_eq!(requests[1].target, "/v2/explicit/pools");
}

#[tokio::test]
async fn custom_default_path_param_and_base_path_prefix() {
    let server = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let base = format!("{}/gateway/", server.url());
    let client = build(Config::with_base_url(&base).default_path_param("workspace_id", "ws"));
    client
        .execute(get("/v1/{workspace_id}/items"))
        .await
        .unwrap();
    assert_eq!(server.requests()[0].target, "/gateway/v1/ws/items");
}

#[tokio::test]
async fn missing_path_param_is_a_config_error_and_nothing_is_sent() {
    let server = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let client = build(Config::with_base_url(server.url()));
    let err = client
        .execute(get("/v1/{project_id}/jobs").path_param_or_default("project_id", None))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Config(m) if m.contains("project_id")),
        "{err:?}"
    );
    assert_eq!(server.count(), 0);
}

#[tokio::test]
async fn query_arrays_repeat_and_values_are_encoded() {
    let server = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let client = build(Config::with_base_url(server.url()));
    client
        .execute(
            get("/v1/services")
                .query("name", "a b&c=d")
                .query_all("status", &["running", "failed"])
                .query("limit", 10)
                .query("is_personal", true),
        )
        .await
        .unwrap();
    let r = &server.requests()[0];
    assert_eq!(
        r.raw_query(),
        "is_personal=true&limit=10&name=a%20b%26c%3Dd&status=failed&status=running"
    );
    let statuses: Vec<String> = r
        .query()
        .into_iter()
        .filter(|(k, _)| k == "status")
        .map(|(_, v)| v)
        .collect();
    assert_eq!(statuses, ["failed", "running"]);
    assert_eq!(r.query_value("name").as_deref(), Some("a b&c=d"));
}

#[tokio::test]
async fn json_body_headers_and_user_agent_are_sent() {
    let server = MockServer::sequence(vec![Reply::json(201, "{}")]).await;
    let client = build(Config::with_base_url(server.url()).user_agent("my-app/1.0"));
    client
        .execute(
            RequestSpec::new(Method::POST, "/v1/jobs")
                .header("X-Language", "en-us")
                .json(&serde_json::json!({"name": "job", "count": 2}))
                .unwrap(),
        )
        .await
        .unwrap();
    let r = &server.requests()[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("x-language"), Some("en-us"));
    assert_eq!(r.header("user-agent"), Some("my-app/1.0"));
    assert_eq!(r.body, br#"{"name":"job","count":2}"#);
    assert_eq!(r.header("authorization"), None);
    assert_eq!(r.header("x-auth-token"), None);
}

#[tokio::test]
async fn token_is_sent_as_x_auth_token() {
    let server = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let client = build(
        Config::with_base_url(server.url())
            .credentials(Credentials::Token("iam-token-value".into())),
    );
    client.execute(get("/v1/x")).await.unwrap();
    let r = &server.requests()[0];
    assert_eq!(r.header("x-auth-token"), Some("iam-token-value"));
    assert_eq!(r.header("authorization"), None);
}

#[tokio::test]
async fn requests_without_credentials_carry_no_token_signature_or_scope() {
    let server = MockServer::sequence(vec![Reply::json(200, "{}"), Reply::json(200, "{}")]).await;
    for credentials in [
        Credentials::Token("iam-token-value".into()),
        Credentials::aksk(AK, SK),
    ] {
        let client = build(
            Config::with_base_url(server.url())
                .credentials(credentials)
                .project_id("p-1"),
        );
        client
            .execute(get("/v3/auth/tokens").without_credentials())
            .await
            .unwrap();
    }
    for r in server.requests() {
        for header in [
            "x-auth-token",
            "authorization",
            "x-sdk-date",
            "x-project-id",
        ] {
            assert_eq!(r.header(header), None, "{header}");
        }
    }
}

const AK: &str = "HPUAJNYCIXMLQ1YEXAMPLE";
const SK: &str = "tDk1YWQ0NzQtNTc3OC00NDZiLWI4NWEtMzk1ZGU2OGVEXAMPLE";

/// What the gateway does: parse `Authorization`, recompute the signature from the request
/// as received (signed headers only), compare.
fn verify_signature(r: &Recorded) -> Result<(), String> {
    let auth = r.header("authorization").ok_or("no Authorization")?;
    let rest = auth
        .strip_prefix("SDK-HMAC-SHA256 Access=")
        .ok_or_else(|| format!("bad scheme: {auth}"))?;
    let (access, rest) = rest
        .split_once(", SignedHeaders=")
        .ok_or("no SignedHeaders")?;
    let (signed, signature) = rest.split_once(", Signature=").ok_or("no Signature")?;
    if access != AK {
        return Err(format!("wrong access key {access}"));
    }
    if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!("signature is not 64 hex digits: {signature}"));
    }
    let mut names: Vec<&str> = signed.split(';').collect();
    for required in ["host", "x-sdk-date"] {
        if !names.contains(&required) {
            return Err(format!("{required} not signed"));
        }
    }
    let sorted = {
        let mut s = names.clone();
        s.sort();
        s
    };
    if names != sorted {
        return Err("signed headers not sorted".into());
    }
    let headers: Vec<(String, String)> = names
        .drain(..)
        .map(|n| {
            r.header(n)
                .map(|v| (n.to_string(), v.to_string()))
                .ok_or_else(|| format!("signed header {n} not sent"))
        })
        .collect::<Result<_, _>>()?;
    let expected = signing::sign(
        AK,
        SK,
        &SigningRequest {
            method: &r.method,
            host: r.header("host").unwrap_or_default(),
            path: r.path(),
            query: &r.query(),
            headers: &headers,
            body: &r.body,
        },
    )
    .map_err(|e| e.to_string())?;
    if expected.signature != signature {
        return Err(format!(
            "signature mismatch; server canonical request:\n{}",
            expected.canonical_request
        ));
    }
    Ok(())
}

#[tokio::test]
async fn aksk_requests_carry_a_valid_signature() {
    let server = MockServer::start(|r, _| match verify_signature(r) {
        Ok(()) => Reply::json(200, "{}"),
        Err(e) => Reply::json(401, &serde_json::json!({"error_msg": e}).to_string()),
    })
    .await;
    let client = build(
        Config::with_base_url(server.url())
            .credentials(Credentials::aksk(AK, SK))
            .project_id("0a1b2c3d4e5f"),
    );
    let requests = [
        get("/v2/{project_id}/workflows")
            .query("offset", 20)
            .query("limit", 10)
            .query("name", "a b/c~d*e")
            .query_all("status", &["running", "failed"]),
        RequestSpec::new(Method::DELETE, "/v1/{project_id}/configs/{name}")
            .path_param("name", "my config:1"),
        RequestSpec::new(Method::PUT, "/v2/{project_id}/workflows/1")
            .header("X-Language", "  zh-cn ")
            .json(&serde_json::json!({"description": "工作流描述"}))
            .unwrap(),
    ];
    for spec in requests {
        let response = client.execute(spec).await.unwrap();
        assert_eq!(response.status, 200, "{}", response.text());
    }
    for r in server.requests() {
        let date = r.header("x-sdk-date").expect("X-Sdk-Date sent");
        assert_eq!(date.len(), 16, "{date}");
        assert!(date.ends_with('Z') && date.as_bytes()[8] == b'T', "{date}");
        assert_eq!(r.header("x-project-id"), Some("0a1b2c3d4e5f"));
        assert_eq!(r.header("x-security-token"), None);
        assert_eq!(r.header("x-auth-token"), None);
    }
}

#[tokio::test]
async fn wrong_secret_key_fails_verification() {
    let server = MockServer::start(|r, _| match verify_signature(r) {
        Ok(()) => Reply::json(200, "{}"),
        Err(e) => Reply::json(401, &serde_json::json!({"error_msg": e}).to_string()),
    })
    .await;
    let client = build(
        Config::with_base_url(server.url()).credentials(Credentials::aksk(AK, "not-the-secret")),
    );
    let response = client.execute(get("/v1/x")).await.unwrap();
    assert_eq!(response.status, 401);
    assert!(
        matches!(response.into_error(), Error::Api { message: Some(m), .. } if m.contains("signature mismatch"))
    );
}

#[tokio::test]
async fn temporary_credentials_send_and_sign_the_security_token() {
    let server = MockServer::start(|r, _| match verify_signature(r) {
        Ok(()) => Reply::json(200, "{}"),
        Err(e) => Reply::json(401, &serde_json::json!({"error_msg": e}).to_string()),
    })
    .await;
    let client = build(
        Config::with_base_url(server.url()).credentials(Credentials::AkSk {
            ak: AK.into(),
            sk: SK.into(),
            security_token: Some("gQpjbi1ub3J0aC00EXAMPLETOKEN".into()),
        }),
    );
    let response = client
        .execute(get("/v2/pools").query("limit", 5))
        .await
        .unwrap();
    assert_eq!(response.status, 200, "{}", response.text());
    let r = &server.requests()[0];
    assert_eq!(
        r.header("x-security-token"),
        Some("gQpjbi1ub3J0aC00EXAMPLETOKEN")
    );
    assert!(r
        .header("authorization")
        .unwrap()
        .contains("SignedHeaders=content-type;host;x-sdk-date;x-security-token,"));
}

#[tokio::test]
async fn each_retry_is_signed_again() {
    let server = MockServer::start(|r, i| match verify_signature(r) {
        Ok(()) if i == 0 => Reply::status(503),
        Ok(()) => Reply::json(200, "{}"),
        Err(e) => Reply::json(401, &serde_json::json!({"error_msg": e}).to_string()),
    })
    .await;
    let client = build(
        Config::with_base_url(server.url())
            .credentials(Credentials::aksk(AK, SK))
            .retry(fast_retry(3)),
    );
    assert_eq!(client.execute(get("/v1/x")).await.unwrap().status, 200);
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn bad_base_url_and_header_are_config_errors() {
    assert!(matches!(
        Client::new(Config::with_base_url("not a url")),
        Err(Error::Config(_))
    ));
    assert!(matches!(
        Client::new(Config::with_base_url("ftp://host")),
        Err(Error::Config(_))
    ));
    let client = build(Config::with_base_url("http://127.0.0.1:9"));
    let err = client
        .execute(get("/").header("X-Bad", "line\nbreak"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Config(m) if !m.contains("line")),
        "{err:?}"
    );
}

#[tokio::test]
async fn redirects_are_not_followed_so_tokens_stay_put() {
    let elsewhere = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let location = format!("{}/stolen", elsewhere.url());
    let server = MockServer::sequence(vec![Reply::status(302).header("Location", &location)]).await;
    let client = build(
        Config::with_base_url(server.url()).credentials(Credentials::Token("secret-token".into())),
    );
    let response = client.execute(get("/v1/x")).await.unwrap();
    assert_eq!(response.status, 302);
    assert_eq!(response.header("location"), Some(location.as_str()));
    assert_eq!(elsewhere.count(), 0);
}
