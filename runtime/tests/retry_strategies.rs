//! Retry parity with the official cores against a server that fails N times: backoff
//! strategies, user-supplied condition, idempotent-only unless opted in, Retry-After.

mod common;

use std::time::{Duration, Instant};

use common::{MockServer, Reply};
use docbind_runtime::{Backoff, Client, Config, Error, Method, Outcome, RequestSpec, RetryPolicy};

/// Fails `n` times with `status`, then answers 200.
async fn failing(n: usize, status: u16) -> MockServer {
    MockServer::start(move |_, i| {
        if i < n {
            Reply::status(status)
        } else {
            Reply::json(200, "{}")
        }
    })
    .await
}

async fn send(server: &MockServer, policy: RetryPolicy, method: Method) -> Result<u16, Error> {
    let client = Client::new(Config::with_base_url(server.url()).retry(policy)).unwrap();
    Ok(client
        .execute(RequestSpec::new(method, "/v1/things"))
        .await?
        .status)
}

#[tokio::test]
async fn exponential_backoff_waits_base_then_double() {
    let server = failing(2, 503).await;
    let policy = RetryPolicy::default()
        .max_attempts(3)
        .backoff(Backoff::Exponential)
        .base_delay(Duration::from_millis(60))
        .max_delay(Duration::from_secs(5));
    let started = Instant::now();
    assert_eq!(send(&server, policy, Method::GET).await.unwrap(), 200);
    let elapsed = started.elapsed();
    // 60 ms + 120 ms, exactly (no jitter).
    assert!(elapsed >= Duration::from_millis(180), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn jittered_strategies_retry_until_success_within_their_bounds() {
    for (backoff, lower) in [
        // Equal jitter: at least half of 40 + 80 + 160 ms.
        (Backoff::EqualJitter, Duration::from_millis(140)),
        // Decorrelated jitter: at least the base delay per retry.
        (Backoff::DecorrelatedJitter, Duration::from_millis(120)),
        (Backoff::FullJitter, Duration::ZERO),
    ] {
        let server = failing(3, 500).await;
        let policy = RetryPolicy::default()
            .max_attempts(4)
            .backoff(backoff)
            .base_delay(Duration::from_millis(40))
            .max_delay(Duration::from_millis(400));
        let started = Instant::now();
        assert_eq!(send(&server, policy, Method::GET).await.unwrap(), 200);
        let elapsed = started.elapsed();
        assert!(elapsed >= lower, "{backoff:?}: {elapsed:?}");
        // Upper bound: three waits of at most max_delay, plus slack.
        assert!(
            elapsed < Duration::from_millis(3000),
            "{backoff:?}: {elapsed:?}"
        );
        assert_eq!(server.count(), 4, "{backoff:?}");
    }
}

#[tokio::test]
async fn user_condition_replaces_the_default_statuses() {
    let fast = || {
        RetryPolicy::default()
            .max_attempts(4)
            .base_delay(Duration::from_millis(1))
    };
    // 409 is not retried by default …
    let server = failing(2, 409).await;
    assert_eq!(send(&server, fast(), Method::GET).await.unwrap(), 409);
    assert_eq!(server.count(), 1);
    // … but is with a condition that says so.
    let server = failing(2, 409).await;
    let on_conflict =
        fast().retry_if(|_, outcome| matches!(outcome, Outcome::Response(r) if r.status == 409));
    assert_eq!(send(&server, on_conflict, Method::GET).await.unwrap(), 200);
    assert_eq!(server.count(), 3);
    // And a condition that refuses everything stops the default 503 retries.
    let server = failing(2, 503).await;
    let never = fast().retry_if(|_, _| false);
    assert_eq!(send(&server, never, Method::GET).await.unwrap(), 503);
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn post_is_retried_only_when_opted_in() {
    let fast = || {
        RetryPolicy::default()
            .max_attempts(3)
            .base_delay(Duration::from_millis(1))
    };
    let server = failing(1, 503).await;
    assert_eq!(send(&server, fast(), Method::POST).await.unwrap(), 503);
    assert_eq!(server.count(), 1);

    let server = failing(1, 503).await;
    let opted_in = fast().retry_non_idempotent(true);
    assert_eq!(send(&server, opted_in, Method::POST).await.unwrap(), 200);
    assert_eq!(server.count(), 2);

    // A custom condition alone does not make POST retryable.
    let server = failing(1, 503).await;
    let condition_only = fast().retry_if(|_, _| true);
    assert_eq!(
        send(&server, condition_only, Method::POST).await.unwrap(),
        503
    );
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn retry_after_replaces_the_strategy_delay() {
    let server = MockServer::sequence(vec![
        Reply::status(429).header("Retry-After", "1"),
        Reply::json(200, "{}"),
    ])
    .await;
    let policy = RetryPolicy::default()
        .backoff(Backoff::Exponential)
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_secs(5));
    let started = Instant::now();
    assert_eq!(send(&server, policy, Method::GET).await.unwrap(), 200);
    assert!(started.elapsed() >= Duration::from_secs(1));
}
