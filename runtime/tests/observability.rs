//! `tracing` spans per request and request/response hooks; captured logs never contain the
//! access key, secret key or tokens.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{MockServer, Reply};
use docbind_runtime::{Client, Config, Credentials, Method, RequestSpec, RetryPolicy};
use tracing_subscriber::fmt::format::FmtSpan;

const AK: &str = "HPUAJNYCIXMLQ1YEXAMPLE";
const SK: &str = "tDk1YWQ0NzQtNTc3OC00NDZiLWI4NWEtMzk1ZGU2OGVEXAMPLE";
const SECURITY_TOKEN: &str = "gQpjbi1ub3J0aC00EXAMPLETOKEN";
const IAM_TOKEN: &str = "MIIEXAMPLEIAMTOKENxyz";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(3)
        .base_delay(Duration::from_millis(1))
}

/// Every test of this file runs its client inside `capture_logs`, one at a time: tracing
/// caches per-callsite interest process-wide, so a callsite first hit by a test without a
/// subscriber (or while another test's scoped subscriber comes and goes) could be muted
/// for the test that captures.
static CAPTURE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Run `body` with every event and span close of every level written to the capture.
async fn capture_logs<F: std::future::Future<Output = ()>>(body: F) -> String {
    let _one_at_a_time = CAPTURE.lock().await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .finish();
    // Current-thread test runtime: the guard covers the client and the mock server tasks.
    let _guard = tracing::subscriber::set_default(subscriber);
    body.await;
    captured.text()
}

#[tokio::test]
async fn each_request_has_a_span_with_method_template_status_attempts_and_request_id() {
    let server = MockServer::sequence(vec![
        Reply::status(503),
        Reply::json(200, "{}").header("X-Request-Id", "req-42"),
    ])
    .await;
    let config = Config::with_base_url(server.url())
        .credentials(Credentials::AkSk {
            ak: AK.into(),
            sk: SK.into(),
            security_token: Some(SECURITY_TOKEN.into()),
        })
        .project_id("p1")
        .retry(fast_retry());
    let logs = capture_logs(async {
        let client = Client::new(config).unwrap();
        let spec = RequestSpec::new(Method::GET, "/v1/{project_id}/jobs/{job_id}")
            .path_param("job_id", "j1");
        client.execute(spec).await.unwrap();
    })
    .await;
    let close = logs
        .lines()
        .find(|l| l.contains("docbind.request") && l.contains("close"))
        .unwrap_or_else(|| panic!("no span close in\n{logs}"));
    for field in [
        "method=GET",
        "path_template=\"/v1/{project_id}/jobs/{job_id}\"",
        "attempts=2",
        "status=200",
        "request_id=\"req-42\"",
        "elapsed_ms=",
    ] {
        assert!(close.contains(field), "{field} missing in {close}");
    }
    assert!(
        logs.contains("attempt=1") && logs.contains("status=503"),
        "{logs}"
    );
    for secret in [AK, SK, SECURITY_TOKEN, &SK[..12]] {
        assert!(!logs.contains(secret), "secret in logs:\n{logs}");
    }
}

#[tokio::test]
async fn tokens_and_failed_attempts_are_not_logged_either() {
    let server = MockServer::sequence(vec![Reply::hang_up(), Reply::status(204)]).await;
    let config = Config::with_base_url(server.url())
        .credentials(Credentials::Token(IAM_TOKEN.into()))
        .retry(fast_retry());
    let logs = capture_logs(async {
        let client = Client::new(config).unwrap();
        client
            .execute(RequestSpec::new(Method::DELETE, "/v1/things/t1"))
            .await
            .unwrap();
    })
    .await;
    assert!(logs.contains("attempt failed"), "{logs}");
    assert!(logs.contains("status=204"), "{logs}");
    assert!(
        !logs.contains(IAM_TOKEN) && !logs.contains(&IAM_TOKEN[..10]),
        "{logs}"
    );
}

#[tokio::test]
async fn hooks_observe_every_attempt_and_response() {
    let server = MockServer::sequence(vec![Reply::status(502), Reply::json(200, "{}")]).await;
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let (requests, responses) = (seen.clone(), seen.clone());
    let config = Config::with_base_url(server.url())
        .credentials(Credentials::Token(IAM_TOKEN.into()))
        .retry(fast_retry())
        .on_request(move |info| {
            // Secret headers are marked sensitive: their Debug output is hidden.
            let headers = format!("{:?}", info.headers);
            assert!(!headers.contains(IAM_TOKEN), "{headers}");
            requests.lock().unwrap().push(format!(
                "request {} {} {} attempt {}",
                info.method, info.path_template, info.url, info.attempt
            ));
        })
        .on_response(move |info, response, elapsed| {
            assert!(elapsed < Duration::from_secs(5));
            responses.lock().unwrap().push(format!(
                "response {} attempt {}",
                response.status, info.attempt
            ));
        });
    capture_logs(async {
        let client = Client::new(config).unwrap();
        client
            .execute(RequestSpec::new(Method::GET, "/v1/things").query("limit", 5))
            .await
            .unwrap();
    })
    .await;
    let url = format!("{}/v1/things?limit=5", server.url());
    assert_eq!(
        *seen.lock().unwrap(),
        vec![
            format!("request GET /v1/things {url} attempt 1"),
            "response 502 attempt 1".to_string(),
            format!("request GET /v1/things {url} attempt 2"),
            "response 200 attempt 2".to_string(),
        ]
    );
}

#[tokio::test]
async fn ignoring_tls_verification_logs_a_warning() {
    let logs = capture_logs(async {
        Client::new(Config::with_base_url("https://127.0.0.1:9").ignore_ssl_verification(true))
            .unwrap();
    })
    .await;
    assert!(
        logs.contains("WARN") && logs.contains("verification is OFF"),
        "{logs}"
    );
}
