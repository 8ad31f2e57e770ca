//! [`Client`]: sends [`RequestSpec`]s with authentication, signing and retries.

use std::borrow::Cow;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, HOST};
use reqwest::Url;
use tokio::sync::OnceCell;
use tracing::field::Empty;
use tracing::Instrument;

use crate::hooks::RequestInfo;
use crate::retry::Outcome;
use crate::signing::{self, SigningRequest, DATE_HEADER, SECURITY_TOKEN_HEADER};
use crate::{Config, Credentials, Error, RawResponse, RequestSpec, Scope, Signing};

/// Header carrying an IAM token.
pub const AUTH_TOKEN_HEADER: &str = "X-Auth-Token";
/// Header carrying the project ID of AK/SK-signed requests to project-scoped services.
pub const PROJECT_ID_HEADER: &str = "X-Project-Id";
/// Header carrying the account (domain) ID of AK/SK-signed requests to global services.
pub const DOMAIN_ID_HEADER: &str = "X-Domain-Id";

/// HTTP client for one endpoint; cheap to clone (shares its connection pool and the
/// discovered project / domain ID).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    http: reqwest::Client,
    endpoint: Endpoint,
    /// Project or domain ID asked from IAM, once.
    discovered_id: OnceCell<String>,
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
    /// Build a client; [`Error::Config`] for an unusable base URL, proxy, certificate or HTTP
    /// stack setup.
    pub fn new(config: Config) -> Result<Self, Error> {
        let endpoint = Endpoint::parse(&config.base_url)?;
        let builder = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .user_agent(config.user_agent.clone())
            // A redirect would carry X-Auth-Token / X-Security-Token to whatever host the
            // Location names (reqwest strips only `Authorization`), and AK/SK signatures do not
            // survive it anyway: return 3xx responses to the caller instead.
            .redirect(reqwest::redirect::Policy::none());
        let http = config
            .transport
            .apply(builder)?
            .build()
            .map_err(|e| Error::config(format!("cannot build HTTP client: {}", chain(&e))))?;
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                http,
                endpoint,
                discovered_id: OnceCell::new(),
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
    ///
    /// Each call runs in a `tracing` span `docbind.request` (fields `method`,
    /// `path_template`, and once known `attempts`, `status`, `elapsed_ms`, `request_id`);
    /// each attempt emits a `DEBUG` event. Header values, bodies and credentials are never
    /// recorded.
    pub async fn execute(&self, req: RequestSpec) -> Result<RawResponse, Error> {
        let span = tracing::info_span!(
            target: "docbind_runtime",
            "docbind.request",
            method = %req.method,
            path_template = req.path_template(),
            attempts = Empty,
            status = Empty,
            elapsed_ms = Empty,
            request_id = Empty,
        );
        self.execute_in_span(req, span.clone())
            .instrument(span)
            .await
    }

    async fn execute_in_span(
        &self,
        req: RequestSpec,
        span: tracing::Span,
    ) -> Result<RawResponse, Error> {
        let config = &self.inner.config;
        let started = Instant::now();
        let scope_id = if req.with_credentials {
            self.scope_id(&self.credentials().await?).await?
        } else {
            None
        };
        let defaults = match (&scope_id, config.scope) {
            (Some(id), Scope::Project)
                if !config.default_path_params.contains_key("project_id") =>
            {
                let mut defaults = config.default_path_params.clone();
                defaults.insert("project_id".to_string(), id.clone());
                Cow::Owned(defaults)
            }
            _ => Cow::Borrowed(&config.default_path_params),
        };
        let (path, query) = req.resolve(&defaults)?;
        let path = format!("{}{path}", self.inner.endpoint.base_path);
        let target = signing::request_uri(&path, &query);
        let url = Url::parse(&format!("{}{target}", self.inner.endpoint.origin))
            .map_err(|e| Error::config(format!("invalid request URL for {target:?}: {e}")))?;
        let policy = &config.retry;
        let mut attempt = 1;
        let mut previous_delay = Duration::ZERO;
        let result = loop {
            let credentials = if req.with_credentials {
                self.credentials().await?
            } else {
                Credentials::None
            };
            let headers = self.headers(&req, &path, &query, &credentials, scope_id.as_deref())?;
            let info = RequestInfo {
                method: &req.method,
                url: url.as_str(),
                path_template: req.path_template(),
                headers: &headers,
                attempt,
            };
            config.hooks.request(&info);
            let sent = Instant::now();
            let outcome = self.send_once(&req, url.clone(), headers.clone()).await;
            let elapsed = sent.elapsed();
            let may_retry = attempt < policy.attempts();
            let delay = match &outcome {
                Ok(response) => {
                    config.hooks.response(&info, response, elapsed);
                    tracing::debug!(
                        target: "docbind_runtime",
                        attempt,
                        status = response.status,
                        elapsed_ms = elapsed.as_millis() as u64,
                        "attempt answered"
                    );
                    if may_retry && policy.should_retry(&req.method, &Outcome::Response(response)) {
                        policy.delay_after_response(attempt, previous_delay, &response.headers)
                    } else {
                        None
                    }
                }
                Err(error @ (Error::Transport { .. } | Error::Timeout)) => {
                    tracing::debug!(
                        target: "docbind_runtime",
                        attempt,
                        error = %error,
                        elapsed_ms = elapsed.as_millis() as u64,
                        "attempt failed"
                    );
                    (may_retry && policy.should_retry(&req.method, &Outcome::Error(error)))
                        .then(|| policy.backoff_delay(attempt, previous_delay))
                }
                Err(_) => None,
            };
            match delay {
                Some(delay) => {
                    tokio::time::sleep(delay).await;
                    previous_delay = delay;
                    attempt += 1;
                }
                None => break outcome,
            }
        };
        span.record("attempts", attempt);
        span.record("elapsed_ms", started.elapsed().as_millis() as u64);
        if let Ok(response) = &result {
            span.record("status", response.status);
            if let Some(id) = response.header(crate::REQUEST_ID_HEADER) {
                span.record("request_id", id);
            }
        }
        tracing::debug!(target: "docbind_runtime", "request finished");
        result
    }

    /// Credentials of the next attempt: the configured ones, or temporary ones refreshed
    /// when due.
    async fn credentials(&self) -> Result<Credentials, Error> {
        match &self.inner.config.temporary {
            Some(temporary) => temporary.current().await,
            None => Ok(self.inner.config.credentials.clone()),
        }
    }

    /// The project ID (project scope) or domain ID (global scope) AK/SK requests carry:
    /// configured, or discovered through IAM once when an IAM endpoint is known.
    async fn scope_id(&self, credentials: &Credentials) -> Result<Option<String>, Error> {
        let config = &self.inner.config;
        let configured = match config.scope {
            Scope::Project => config.default_path_params.get("project_id"),
            Scope::Global => config.domain_id.as_ref(),
        };
        if configured.is_some() || !matches!(credentials, Credentials::AkSk { .. }) {
            return Ok(configured.cloned());
        }
        let Some(iam) = config
            .effective_iam_endpoint()
            .filter(|_| config.discover_ids)
        else {
            return Ok(None);
        };
        let id = self
            .inner
            .discovered_id
            .get_or_try_init(|| self.discover_id(iam, credentials.clone()))
            .await?;
        Ok(Some(id.clone()))
    }

    /// Ask IAM for the project named like the region, or the account's domain.
    fn discover_id(
        &self,
        iam: String,
        credentials: Credentials,
    ) -> Pin<Box<dyn Future<Output = Result<String, Error>> + Send + '_>> {
        let config = &self.inner.config;
        let mut iam_config = Config::with_base_url(&iam)
            .credentials(credentials)
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .retry(config.retry.clone())
            .user_agent(config.user_agent.clone());
        iam_config.transport = config.transport.clone();
        iam_config.hooks = config.hooks.clone();
        iam_config.discover_ids = false;
        let scope = config.scope;
        let region = config.region.clone();
        Box::pin(async move {
            let iam_client = Client::new(iam_config)?;
            let (spec, list) = match scope {
                Scope::Project => {
                    let region = region.ok_or_else(|| {
                        Error::config("project ID discovery needs a region (Config::region_id)")
                    })?;
                    let spec =
                        RequestSpec::new(http::Method::GET, "/v3/projects").query("name", region);
                    (spec, "projects")
                }
                Scope::Global => (
                    RequestSpec::new(http::Method::GET, "/v3/auth/domains"),
                    "domains",
                ),
            };
            let response = iam_client.execute(spec).await?;
            if !response.is_success() {
                return Err(response.into_error());
            }
            let body: serde_json::Value = response.json()?;
            let ids: Vec<&str> = body[list]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|item| item["id"].as_str())
                .collect();
            match ids.as_slice() {
                [id] => {
                    tracing::info!(target: "docbind_runtime", %iam, list, "discovered scope ID through IAM");
                    Ok(id.to_string())
                }
                [] => Err(Error::config(format!(
                    "IAM at {iam} lists no {list} for these credentials; configure the ID \
                     (project_id / domain_id)"
                ))),
                _ => Err(Error::config(format!(
                    "IAM at {iam} lists {} {list}: configure which one to use \
                     (project_id / domain_id)",
                    ids.len()
                ))),
            }
        })
    }

    async fn send_once(
        &self,
        req: &RequestSpec,
        url: Url,
        headers: HeaderMap,
    ) -> Result<RawResponse, Error> {
        let mut request = self
            .inner
            .http
            .request(req.method.clone(), url)
            .headers(headers)
            .body(req.body.clone());
        if let Some(timeout) = req.timeout {
            request = request.timeout(timeout);
        }
        let response = request.send().await.map_err(from_reqwest)?;
        read_response(response).await.map_err(from_reqwest)
    }

    /// Request headers of one attempt: content type, caller headers, then authentication.
    fn headers(
        &self,
        req: &RequestSpec,
        path: &str,
        query: &[(String, String)],
        credentials: &Credentials,
        scope_id: Option<&str>,
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
        match credentials {
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
                if let Some(id) = scope_id {
                    let name = match config.scope {
                        Scope::Project => PROJECT_ID_HEADER,
                        Scope::Global => DOMAIN_ID_HEADER,
                    };
                    let header = header_name(name)?;
                    if !headers.contains_key(&header) {
                        headers.insert(header, header_value(name, id)?);
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
                let request = SigningRequest {
                    method: req.method.as_str(),
                    host,
                    path,
                    query,
                    headers: &signed,
                    body: &req.body,
                };
                let signature = match &config.signing {
                    Signing::Standard => signing::sign(ak, sk, &request)?,
                    Signing::Derived { service } => {
                        let region = config.region.as_deref().ok_or_else(|| {
                            Error::config("derived signing needs a region (Config::region_id)")
                        })?;
                        signing::sign_derived(ak, sk, region, service, &request)?
                    }
                };
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

/// Status, headers and the whole body of a response.
pub(crate) async fn read_response(
    response: reqwest::Response,
) -> Result<RawResponse, reqwest::Error> {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.bytes().await?.to_vec();
    Ok(RawResponse {
        status,
        headers,
        body,
    })
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
