//! When and how long to wait before trying a request again.

use http::{HeaderMap, Method};
use rand::Rng;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::{Error, RawResponse};

/// How the wait before each retry grows. `base` and `max` are the policy's
/// [`base_delay`](RetryPolicy::base_delay) and [`max_delay`](RetryPolicy::max_delay); `n` is
/// the retry number (1 for the first retry).
///
/// The official cores offer the same family (`BackoffStrategies` in the Python core,
/// `backoff` strategies in the Go core) with fixed 10 ms / 60 s bounds; here the bounds are the
/// policy's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backoff {
    /// Uniform in `0..=min(max, base·2ⁿ⁻¹)` (the default: spreads retries of many clients).
    #[default]
    FullJitter,
    /// Exactly `min(max, base·2ⁿ⁻¹)`: deterministic, for tests and single clients.
    Exponential,
    /// Half the exponential delay plus a random part up to the other half.
    EqualJitter,
    /// `min(max, uniform(base ..= 3·previous))`, starting from `previous = base`: grows
    /// like the exponential on average but decorrelates clients that failed together.
    DecorrelatedJitter,
}

/// What a retry condition sees of one failed attempt.
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    /// The server answered (any status).
    Response(&'a RawResponse),
    /// No usable answer: transport failure or timeout.
    Error(&'a Error),
}

/// A user-supplied retry condition, see [`RetryPolicy::retry_if`].
pub type RetryCondition = Arc<dyn Fn(&Method, &Outcome<'_>) -> bool + Send + Sync>;

/// Retry policy: backoff strategy, bounded attempts and delay, which outcomes are retried.
///
/// By default a request is retried only when its method is idempotent (GET, HEAD, PUT,
/// DELETE, OPTIONS) and it failed with 429, a 5xx status, a connection error or a timeout:
/// a POST that timed out may have created the resource already. [`retry_if`](Self::retry_if)
/// replaces the outcome test; [`retry_non_idempotent`](Self::retry_non_idempotent) lifts the
/// method restriction. The delay comes from the [`Backoff`] strategy (full jitter by default);
/// a `Retry-After` header (seconds or HTTP-date) replaces it. When `Retry-After` asks for
/// more than `max_delay`, the response is returned as is instead of waiting that long.
#[derive(Clone)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    backoff: Backoff,
    condition: Option<RetryCondition>,
    non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// 3 attempts, 200 ms base delay, 10 s maximum delay, full jitter.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
            backoff: Backoff::default(),
            condition: None,
            non_idempotent: false,
        }
    }
}

impl PartialEq for RetryPolicy {
    /// Conditions compare by identity (the same `Arc`).
    fn eq(&self, other: &Self) -> bool {
        let same_condition = match (&self.condition, &other.condition) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        self.max_attempts == other.max_attempts
            && self.base_delay == other.base_delay
            && self.max_delay == other.max_delay
            && self.backoff == other.backoff
            && self.non_idempotent == other.non_idempotent
            && same_condition
    }
}

impl Eq for RetryPolicy {}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("max_attempts", &self.max_attempts)
            .field("base_delay", &self.base_delay)
            .field("max_delay", &self.max_delay)
            .field("backoff", &self.backoff)
            .field("custom_condition", &self.condition.is_some())
            .field("non_idempotent", &self.non_idempotent)
            .finish()
    }
}

impl RetryPolicy {
    /// Never retry: every request is sent exactly once.
    pub fn disabled() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Total number of attempts including the first (at least 1).
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// Backoff ceiling before the first retry; doubles for each further retry.
    pub fn base_delay(mut self, d: Duration) -> Self {
        self.base_delay = d;
        self
    }

    /// Upper bound of any single wait, backoff or `Retry-After`.
    pub fn max_delay(mut self, d: Duration) -> Self {
        self.max_delay = d;
        self
    }

    /// How delays grow between attempts.
    pub fn backoff(mut self, b: Backoff) -> Self {
        self.backoff = b;
        self
    }

    /// Retry exactly the outcomes for which `condition(method, outcome)` is true (instead of
    /// 429/5xx/transport errors/timeouts). Non-idempotent methods still need
    /// [`retry_non_idempotent`](Self::retry_non_idempotent).
    pub fn retry_if(
        mut self,
        condition: impl Fn(&Method, &Outcome<'_>) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.condition = Some(Arc::new(condition));
        self
    }

    /// Also retry POST and PATCH. Only opt in for operations the service documents as safe to
    /// repeat (for example ones that take a client token): a retried POST can act twice.
    pub fn retry_non_idempotent(mut self, yes: bool) -> Self {
        self.non_idempotent = yes;
        self
    }

    /// Configured total number of attempts.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether `outcome` of a `method` request may be retried (attempts not counted).
    pub(crate) fn should_retry(&self, method: &Method, outcome: &Outcome<'_>) -> bool {
        if !self.non_idempotent && !is_idempotent(method) {
            return false;
        }
        match (&self.condition, outcome) {
            (Some(condition), _) => condition(method, outcome),
            (None, Outcome::Response(r)) => is_retryable_status(r.status),
            (None, Outcome::Error(e)) => matches!(e, Error::Transport { .. } | Error::Timeout),
        }
    }

    /// Delay before retry number `retry` (1 for the first retry); `previous` is the delay
    /// used before the previous retry (decorrelated jitter grows from it).
    pub(crate) fn backoff_delay(&self, retry: u32, previous: Duration) -> Duration {
        let exp = retry.saturating_sub(1).min(31);
        let exponential = self
            .base_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay);
        match self.backoff {
            Backoff::Exponential => exponential,
            Backoff::FullJitter => uniform(Duration::ZERO, exponential),
            Backoff::EqualJitter => {
                let half = exponential / 2;
                half + uniform(Duration::ZERO, exponential - half)
            }
            Backoff::DecorrelatedJitter => {
                let previous = previous.max(self.base_delay);
                uniform(self.base_delay, previous.saturating_mul(3)).min(self.max_delay)
            }
        }
    }

    /// Delay before retry number `retry` after a retryable response, or `None` when the
    /// server's `Retry-After` exceeds `max_delay`.
    pub(crate) fn delay_after_response(
        &self,
        retry: u32,
        previous: Duration,
        headers: &HeaderMap,
    ) -> Option<Duration> {
        match retry_after(headers, SystemTime::now()) {
            Some(wait) if wait > self.max_delay => None,
            Some(wait) => Some(wait),
            None => Some(self.backoff_delay(retry, previous)),
        }
    }
}

/// Uniform in `low..=high` (nanosecond resolution; `high < low` gives `low`).
fn uniform(low: Duration, high: Duration) -> Duration {
    let low_n = u64::try_from(low.as_nanos()).unwrap_or(u64::MAX);
    let high_n = u64::try_from(high.as_nanos()).unwrap_or(u64::MAX);
    if high_n <= low_n {
        return low;
    }
    Duration::from_nanos(rand::thread_rng().gen_range(low_n..=high_n))
}

/// Methods that can be repeated without changing the outcome (RFC 9110 §9.2.2; TRACE is
/// never generated).
pub(crate) fn is_idempotent(method: &Method) -> bool {
    [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
    ]
    .contains(method)
}

/// Too many requests or a server-side failure: worth another try.
pub(crate) fn is_retryable_status(status: u16) -> bool {
    status == 429 || (500..=599).contains(&status)
}

/// `Retry-After` as a wait from `now`: delta-seconds or an HTTP-date (past dates give zero).
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date =
        time::OffsetDateTime::parse(value, &time::format_description::well_known::Rfc2822).ok()?;
    let at = SystemTime::from(date);
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(retry_after: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            http::header::RETRY_AFTER,
            HeaderValue::from_str(retry_after).unwrap(),
        );
        h
    }

    #[test]
    fn retry_after_seconds_and_http_date() {
        let now = SystemTime::from(time::macros::datetime!(2015-10-21 07:28:00 UTC));
        assert_eq!(
            retry_after(&headers("120"), now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:28:30 GMT"), now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:27:00 GMT"), now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers("soon"), now), None);
        assert_eq!(retry_after(&HeaderMap::new(), now), None);
    }

    #[test]
    fn backoff_is_bounded_by_exponential_ceiling_and_max_delay() {
        let p = RetryPolicy::default()
            .base_delay(Duration::from_millis(10))
            .max_delay(Duration::from_millis(35));
        let z = Duration::ZERO;
        for _ in 0..200 {
            assert!(p.backoff_delay(1, z) <= Duration::from_millis(10));
            assert!(p.backoff_delay(2, z) <= Duration::from_millis(20));
            assert!(p.backoff_delay(3, z) <= Duration::from_millis(35));
            assert!(p.backoff_delay(40, z) <= Duration::from_millis(35));
        }
    }

    #[test]
    fn retry_after_beyond_max_delay_gives_up() {
        let p = RetryPolicy::default().max_delay(Duration::from_secs(5));
        assert_eq!(
            p.delay_after_response(1, Duration::ZERO, &headers("60")),
            None
        );
        assert_eq!(
            p.delay_after_response(1, Duration::ZERO, &headers("2")),
            Some(Duration::from_secs(2))
        );
    }

    #[test]
    fn each_strategy_stays_in_its_documented_range() {
        let ms = Duration::from_millis;
        let p = RetryPolicy::default()
            .base_delay(ms(100))
            .max_delay(ms(1000));
        let exp = p.clone().backoff(Backoff::Exponential);
        assert_eq!(
            [1, 2, 3, 4, 5].map(|n| exp.backoff_delay(n, Duration::ZERO)),
            [ms(100), ms(200), ms(400), ms(800), ms(1000)]
        );
        let equal = p.clone().backoff(Backoff::EqualJitter);
        let decorrelated = p.clone().backoff(Backoff::DecorrelatedJitter);
        for _ in 0..200 {
            let d = equal.backoff_delay(3, Duration::ZERO);
            assert!(d >= ms(200) && d <= ms(400), "{d:?}");
            let d = decorrelated.backoff_delay(2, ms(200));
            assert!(d >= ms(100) && d <= ms(600), "{d:?}");
            let d = decorrelated.backoff_delay(9, ms(900));
            assert!(d >= ms(100) && d <= ms(1000), "{d:?}");
        }
    }

    #[test]
    fn idempotent_methods_and_retryable_statuses() {
        assert!(is_idempotent(&Method::GET) && is_idempotent(&Method::DELETE));
        assert!(!is_idempotent(&Method::POST) && !is_idempotent(&Method::PATCH));
        assert!(is_retryable_status(429) && is_retryable_status(503));
        assert!(!is_retryable_status(400) && !is_retryable_status(200));
        assert_eq!(RetryPolicy::disabled().attempts(), 1);
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
    }
}
