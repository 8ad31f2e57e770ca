//! [`Client`]: sends [`RequestSpec`]s with authentication, signing and retries.

use std::fmt;
use std::sync::Arc;

use http::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, HOST};
use reqwest::Url;

use crate::retry::{is_idempotent, is_retryable_status};
use crate::signing::{self, SigningRequest, DATE_HEADER, SECURITY_TOKEN_HEADER};
use crate::{Config, Credentials, Error, RawResponse, RequestSpec};

/// Header carrying an IAM token.
pub const AUTH_TOKEN_HEADER: &str = "X-Auth-Token";
/// Header carrying the project ID of AK/SK-signed requests.
pub const PROJECT_ID_HEADER: &str = "X-Project-Id";

/// HTTP client for one endpoint; cheap to clone (shares its connection pool).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    http: reqwest::Client,
    endpoint: Endpoint,
}

/// The base URL split into what requests need.
struct Endpoint {
    /// `scheme://host[:port]`.
    origin: String,
    /// Path prefix of the base URL, without trailing `/` (often empty).
    base_path: String,
    /// `Host` header value: host plus port when not the scheme's default.
    host: String,
}

impl Endpoint {
    fn parse(base_url: &str) -> Result<Self, Error> {
        let url = Url::parse(base_url)
            .map_err(|e| Error::config(format!("invalid base URL {base_url:?}: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::config(format!(
                "base URL {base_url:?} must use http or https"
            )));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::config(format!(
                "base URL {base_url:?} must not have a query or fragment"
            )));
        }
        let host_name = url
            .host_str()
            .ok_or_else(|| Error::config(format!("base URL {base_url:?} has no host")))?;
        let host = match url.port() {
            Some(port) => format!("{host_name}:{port}"),
            None => host_name.to_string(),
        };
        Ok(Endpoint {
            origin: format!("{}://{host}", url.scheme()),
            base_path: url.path().trim_end_matches('/').to_string(),
            host,
        })
    }
}

impl Client {
    /// Build a client; [`Error::Config`] for an unusable base URL or HTTP stack setup.
    pub fn new(config: Config) -> Result<Self, Error> {
        let endpoint = Endpoint::parse(&config.base_url)?;
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .user_agent(config.user_agent.clone())
            // A redirect would carry X-Auth-Token / X-Security-Token to whatever host the
            // Location names (reqwest strips only `Authorization`), and AK/SK signatures do not
            // survive it anyway: return 3xx responses to the caller instead.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::config(format!("cannot build HTTP client: {}", chain(&e))))?;
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                http,
                endpoint,
            }),
        })
    }

    /// The configuration this client was built with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Send one request (auth, signing, retries applied). Returns the final HTTP response
    /// whatever its status; `Err` only for transport failures, timeouts, bad configuration.
    ///
    /// Idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS) are retried on 429, 5xx,
    /// connection errors and timeouts as the config's [`RetryPolicy`](crate::RetryPolicy)
    /// says; each attempt is signed afresh.
    pub async fn execute(&self, req: RequestSpec) -> Result<RawResponse, Error> {
        let config = &self.inner.config;
        let (path, query) = req.resolve(&config.default_path_params)?;
        let path = format!("{}{path}", self.inner.endpoint.base_path);
        let target = signing::request_uri(&path, &query);
        let url = Url::parse(&format!("{}{target}", self.inner.endpoint.origin))
            .map_err(|e| Error::config(format!("invalid request URL for {target:?}: {e}")))?;
        let policy = &config.retry;
        let retryable = is_idempotent(&req.method);
        let mut attempt = 1;
        loop {
            let headers = self.headers(&req, &path, &query)?;
            let may_retry = retryable && attempt < policy.attempts();
            match self.send_once(&req, url.clone(), headers).await {
                Ok(response) if may_retry && is_retryable_status(response.status) => {
                    match policy.delay_after_response(attempt, &response.headers) {
                        Some(delay) => tokio::time::sleep(delay).await,
                        None => return Ok(response),
                    }
                }
                Err(Error::Transport { .. } | Error::Timeout) if may_retry => {
                    tokio::time::sleep(policy.backoff(attempt)).await;
                }
                result => return result,
            }
            attempt += 1;
        }
    }

    async fn send_once(
        &self,
        req: &RequestSpec,
        url: Url,
        headers: HeaderMap,
    ) -> Result<RawResponse, Error> {
        let response = self
            .inner
            .http
            .request(req.method.clone(), url)
            .headers(headers)
            .body(req.body.clone())
            .send()
            .await
            .map_err(from_reqwest)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(from_reqwest)?.to_vec();
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }

    /// Request headers of one attempt: content type, caller headers, then authentication.
    fn headers(
        &self,
        req: &RequestSpec,
        path: &str,
        query: &[(String, String)],
    ) -> Result<HeaderMap, Error> {
        let config = &self.inner.config;
        let mut headers = HeaderMap::new();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static(req.effective_content_type()),
        );
        for (name, value) in &req.headers {
            headers.insert(header_name(name)?, header_value(name, value)?);
        }
        match &config.credentials {
            Credentials::None => {}
            Credentials::Token(token) => {
                let mut value = header_value(AUTH_TOKEN_HEADER, token)?;
                value.set_sensitive(true);
                headers.insert(HeaderName::from_static("x-auth-token"), value);
            }
            Credentials::AkSk {
                ak,
                sk,
                security_token,
            } => {
                let host = &self.inner.endpoint.host;
                headers.insert(HOST, header_value("Host", host)?);
                let date = signing::sdk_date(time::OffsetDateTime::now_utc());
                headers.insert(
                    HeaderName::from_static("x-sdk-date"),
                    header_value(DATE_HEADER, &date)?,
                );
                if let Some(project_id) = config.default_path_params.get("project_id") {
                    let name = HeaderName::from_static("x-project-id");
                    if !headers.contains_key(&name) {
                        headers.insert(name, header_value(PROJECT_ID_HEADER, project_id)?);
                    }
                }
                if let Some(token) = security_token {
                    let mut value = header_value(SECURITY_TOKEN_HEADER, token)?;
                    value.set_sensitive(true);
                    headers.insert(HeaderName::from_static("x-security-token"), value);
                }
                let signed: Vec<(String, String)> = headers
                    .iter()
                    .map(|(name, value)| {
                        (
                            name.as_str().to_string(),
                            String::from_utf8_lossy(value.as_bytes()).into_owned(),
                        )
                    })
                    .collect();
                let signature = signing::sign(
                    ak,
                    sk,
                    &SigningRequest {
                        method: req.method.as_str(),
                        host,
                        path,
                        query,
                        headers: &signed,
                        body: &req.body,
                    },
                )?;
                let mut value = header_value("Authorization", &signature.authorization)?;
                value.set_sensitive(true);
                headers.insert(AUTHORIZATION, value);
            }
        }
        Ok(headers)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

fn header_name(name: &str) -> Result<HeaderName, Error> {
    HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| Error::config(format!("invalid header name {name:?}")))
}

/// UTF-8 is sent as raw bytes (obs-text), as the official SDKs do; control characters fail.
fn header_value(name: &str, value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_bytes(value.as_bytes())
        .map_err(|_| Error::config(format!("invalid value for header {name}")))
}

fn from_reqwest(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::Timeout
    } else if e.is_builder() {
        Error::config(chain(&e))
    } else {
        Error::Transport { message: chain(&e) }
    }
}

/// An error and its sources, `: `-separated (reqwest's own message alone is too terse).
fn chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}
