//! Client configuration: endpoint, credentials, default path parameters, timeouts, retries.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::hooks::{Hooks, RequestInfo};
use crate::provider::{self, CredentialSource, TemporaryCredentials};
use crate::region::{self, Cloud, EndpointSource};
use crate::sources::{names, Sources};
use crate::transport::{Proxy, Transport};
use crate::{Error, RawResponse, RetryPolicy};
use std::sync::Arc;

/// Whether a service's resources live in a project or in the account (domain).
///
/// Requests signed with AK/SK carry the ID IAM needs to scope them: `X-Project-Id` for
/// project-scoped services (most: ECS, ModelArts, …), `X-Domain-Id` for global services
/// (IAM, DNS, CDN, …). When the ID is not configured and the IAM endpoint is known, the
/// client asks IAM once (`GET /v3/projects?name=<region>` or `GET /v3/auth/domains`) and keeps
/// the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Project-scoped: `X-Project-Id`, the project of the configured region.
    #[default]
    Project,
    /// Global: `X-Domain-Id`, the account's domain.
    Global,
}

impl Scope {
    /// Section of the credentials profile file the chain reads for this scope.
    pub fn profile_section(self) -> &'static str {
        match self {
            Scope::Project => "basic",
            Scope::Global => "global",
        }
    }
}

/// Which AK/SK signature requests carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Signing {
    /// `SDK-HMAC-SHA256`, signed with the secret key.
    #[default]
    Standard,
    /// `V11-HMAC-SHA256` ([`signing::sign_derived`](crate::signing::sign_derived)): a key
    /// derived for the day, the config's region and `service` signs instead of the secret key.
    /// Needs a region ([`Config::new`] or [`Config::region_id`]).
    Derived {
        /// Service name in the derivation info (the API Gateway's name for the service).
        service: String,
    },
}

/// Environment variable names read by [`Config::from_env`] (the same names as in
/// [`names`](crate::names), which lists everything the provider chains read).
pub mod env {
    pub use crate::sources::names::{AK, PROJECT_ID, REGION, SECURITY_TOKEN, SK};
}

/// How requests authenticate. `Debug` never shows secrets.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum Credentials {
    /// Send requests unauthenticated.
    #[default]
    None,
    /// IAM token, sent as `X-Auth-Token`.
    Token(String),
    /// Access key / secret key: requests are signed with `SDK-HMAC-SHA256`; `security_token`
    /// (temporary credentials) is sent as `X-Security-Token`.
    AkSk {
        /// Access key ID.
        ak: String,
        /// Secret access key.
        sk: String,
        /// Security token of temporary credentials.
        security_token: Option<String>,
    },
}

impl Credentials {
    /// Permanent AK/SK credentials.
    pub fn aksk(ak: impl Into<String>, sk: impl Into<String>) -> Self {
        Credentials::AkSk {
            ak: ak.into(),
            sk: sk.into(),
            security_token: None,
        }
    }
}

/// Shows only the first 4 characters of the access key ID (enough to tell keys apart);
/// secret key and tokens are never shown.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::None => f.write_str("None"),
            Credentials::Token(_) => f.write_str("Token(<redacted>)"),
            Credentials::AkSk {
                ak, security_token, ..
            } => f
                .debug_struct("AkSk")
                .field(
                    "ak",
                    &format_args!("{}…", ak.chars().take(4).collect::<String>()),
                )
                .field("sk", &format_args!("<redacted>"))
                .field(
                    "security_token",
                    &security_token.as_ref().map(|_| format_args!("<redacted>")),
                )
                .finish(),
        }
    }
}

/// Client configuration, built from code or from the environment.
///
/// ```
/// use docbind_runtime::{Config, Credentials, RetryPolicy};
/// use std::time::Duration;
///
/// let config = Config::new("https://modelarts.{region}.myhuaweicloud.com", "cn-north-4")
///     .credentials(Credentials::aksk("AK", "SK"))
///     .project_id("0a1b2c3d4e5f")
///     .timeout(Duration::from_secs(30))
///     .retry(RetryPolicy::default().max_attempts(5));
/// assert_eq!(config.base_url(), "https://modelarts.cn-north-4.myhuaweicloud.com");
/// assert!(!format!("{config:?}").contains("SK\""));
/// ```
#[derive(Clone)]
pub struct Config {
    pub(crate) base_url: String,
    pub(crate) region: Option<String>,
    pub(crate) credentials: Credentials,
    pub(crate) default_path_params: BTreeMap<String, String>,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) user_agent: String,
    pub(crate) scope: Scope,
    pub(crate) domain_id: Option<String>,
    pub(crate) iam_endpoint: Option<String>,
    pub(crate) signing: Signing,
    pub(crate) transport: Transport,
    pub(crate) hooks: Hooks,
    /// Set when credentials come from a refreshing source (ECS metadata).
    pub(crate) temporary: Option<Arc<TemporaryCredentials>>,
    pub(crate) credential_source: Option<CredentialSource>,
    pub(crate) endpoint_source: Option<EndpointSource>,
    /// False for the client that performs ID discovery itself.
    pub(crate) discover_ids: bool,
}

const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
const REGION_PLACEHOLDER: &str = "{region}";

impl Config {
    /// Endpoint from a template such as `"https://modelarts.{region}.myhuaweicloud.com"`.
    pub fn new(endpoint_template: &str, region: &str) -> Self {
        let mut config =
            Config::with_base_url(&endpoint_template.replace(REGION_PLACEHOLDER, region));
        config.region = Some(region.to_string());
        config
    }

    /// Any base URL, e.g. a mock server or a private endpoint. A path prefix is kept.
    pub fn with_base_url(base_url: &str) -> Self {
        Config {
            base_url: base_url.trim_end_matches('/').to_string(),
            region: None,
            credentials: Credentials::None,
            default_path_params: BTreeMap::new(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            retry: RetryPolicy::default(),
            user_agent: concat!("docbind-runtime/", env!("CARGO_PKG_VERSION")).to_string(),
            scope: Scope::default(),
            domain_id: None,
            iam_endpoint: None,
            signing: Signing::default(),
            transport: Transport::default(),
            hooks: Hooks::default(),
            temporary: None,
            credential_source: None,
            endpoint_source: None,
            discover_ids: true,
        }
    }

    /// Everything from the official provider chains, reading the process environment, the
    /// home directory and the ECS metadata service ([`Sources::system`]).
    ///
    /// See [`Config::from_chain_with`].
    pub async fn from_chain(endpoint_template: &str, scope: Scope) -> Result<Self, Error> {
        Config::from_chain_with(endpoint_template, scope, &Sources::system()).await
    }

    /// Configuration from the provider chains, in the official cores' order:
    ///
    /// - **Region**: `HUAWEICLOUD_SDK_REGION` (required).
    /// - **Endpoint** (region chain, [`region::resolve_endpoint`](crate::resolve_endpoint)):
    ///   `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`, then the regions file, then the template.
    ///   The service name is the template host's first label.
    /// - **Credentials** (credential chain): `HUAWEICLOUD_SDK_AK`/`_SK`/`_SECURITY_TOKEN`
    ///   with `_PROJECT_ID` (project scope) or `_DOMAIN_ID` (global scope); then the profile
    ///   file (`HUAWEICLOUD_SDK_CREDENTIALS_FILE` or `~/.huaweicloud/credentials`, section
    ///   `[basic]` or `[global]`, keys `ak`, `sk`, `security_token`, `project_id` /
    ///   `domain_id`, `iam_endpoint`); then the ECS metadata service (temporary credentials
    ///   refreshed [`REFRESH_BEFORE_EXPIRY`](crate::REFRESH_BEFORE_EXPIRY) before expiry).
    ///   Where the environment (`HUAWEICLOUD_SDK_IDP_ID` + `_ID_TOKEN_FILE`) or the profile
    ///   (`idp_id` + `id_token_file`) configures OpenID Connect federation instead of AK/SK,
    ///   the ID token is exchanged at IAM for temporary credentials, again before they expire.
    /// - **IAM endpoint** for ID discovery: `HUAWEICLOUD_SDK_IAM_ENDPOINT`, the profile's
    ///   `iam_endpoint`, else the endpoint's cloud default ([`Cloud::iam_endpoint`]).
    ///
    /// [`Config::credential_source`] and [`Config::endpoint_source`] say which link answered.
    /// Errors name variables and files, never their secret values.
    pub async fn from_chain_with(
        endpoint_template: &str,
        scope: Scope,
        sources: &Sources,
    ) -> Result<Self, Error> {
        let region = sources
            .var(names::REGION)
            .ok_or_else(|| Error::config(format!("{} is not set", names::REGION)))?;
        let (endpoint, endpoint_source) = match region::service_of_template(endpoint_template) {
            Some(service) => {
                region::resolve_endpoint(&service, &region, endpoint_template, sources)?
            }
            None => (
                endpoint_template.replace(REGION_PLACEHOLDER, &region),
                EndpointSource::Template,
            ),
        };
        let default_iam = region::Cloud::of_url(&endpoint).map(|cloud| cloud.iam_endpoint(&region));
        let found = provider::chain(scope, sources, default_iam.as_deref()).await?;
        let mut config = Config::with_base_url(&endpoint)
            .region_id(region)
            .scope(scope)
            .credentials(found.credentials);
        config.temporary = found.temporary;
        config.credential_source = Some(found.source);
        config.endpoint_source = Some(endpoint_source);
        if let Some(id) = found.scope_id {
            config = match scope {
                Scope::Project => config.project_id(id),
                Scope::Global => config.domain_id(id),
            };
        }
        if let Some(iam) = sources.var(names::IAM_ENDPOINT).or(found.iam_endpoint) {
            config = config.iam_endpoint(iam);
        }
        Ok(config)
    }

    /// From `HUAWEICLOUD_SDK_REGION` (required), `HUAWEICLOUD_SDK_AK`/`_SK` (both or
    /// neither), `HUAWEICLOUD_SDK_SECURITY_TOKEN` and `HUAWEICLOUD_SDK_PROJECT_ID`.
    pub fn from_env(endpoint_template: &str) -> Result<Self, Error> {
        Config::from_env_with(endpoint_template, |name| std::env::var(name).ok())
    }

    /// Like [`Config::from_env`], reading variables through `lookup` (testable without
    /// touching the process environment). Empty values count as unset.
    pub fn from_env_with(
        endpoint_template: &str,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, Error> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let region =
            get(env::REGION).ok_or_else(|| Error::config(format!("{} is not set", env::REGION)))?;
        let mut config = Config::new(endpoint_template, region.trim());
        config.credentials = match (get(env::AK), get(env::SK)) {
            (Some(ak), Some(sk)) => Credentials::AkSk {
                ak,
                sk,
                security_token: get(env::SECURITY_TOKEN),
            },
            (None, None) => Credentials::None,
            (Some(_), None) => {
                return Err(Error::config(format!(
                    "{} is set but {} is not",
                    env::AK,
                    env::SK
                )))
            }
            (None, Some(_)) => {
                return Err(Error::config(format!(
                    "{} is set but {} is not",
                    env::SK,
                    env::AK
                )))
            }
        };
        if let Some(project_id) = get(env::PROJECT_ID) {
            config = config.project_id(project_id);
        }
        Ok(config)
    }

    /// Replace the endpoint with any base URL (keeps everything else).
    pub fn endpoint(mut self, base_url: &str) -> Self {
        self.base_url = base_url.trim_end_matches('/').to_string();
        self
    }

    /// How requests authenticate.
    pub fn credentials(mut self, c: Credentials) -> Self {
        self.credentials = c;
        self.temporary = None;
        self
    }

    /// Default for every `{project_id}` path parameter; also sent as `X-Project-Id` with
    /// AK/SK signing.
    pub fn project_id(self, id: impl Into<String>) -> Self {
        self.default_path_param("project_id", id)
    }

    /// Default value for the `{name}` path parameter of every request.
    pub fn default_path_param(mut self, name: &str, value: impl Into<String>) -> Self {
        self.default_path_params
            .insert(name.to_string(), value.into());
        self
    }

    /// Timeout of one attempt (connect, send, receive the whole body). Default 60 s.
    /// With retries, a call may take up to attempts × timeout plus the delays between them.
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }

    /// TCP/TLS connect timeout. Default 10 s.
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = d;
        self
    }

    /// Retry policy; [`RetryPolicy::disabled`] sends every request once.
    pub fn retry(mut self, r: RetryPolicy) -> Self {
        self.retry = r;
        self
    }

    /// `User-Agent` header value. Default `docbind-runtime/<version>`.
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = ua.into();
        self
    }

    /// Set the region without touching the endpoint (for [`Config::with_base_url`] configs:
    /// ID discovery and derived signing need it).
    pub fn region_id(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Project-scoped (default) or global service; see [`Scope`].
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Account (domain) ID sent as `X-Domain-Id` by global services.
    pub fn domain_id(mut self, id: impl Into<String>) -> Self {
        self.domain_id = Some(id.into());
        self
    }

    /// IAM endpoint for project / domain ID discovery. Default: the endpoint's cloud's IAM in
    /// the configured region ([`Cloud::iam_endpoint`]); none for other hosts, where a missing
    /// ID is simply not sent.
    pub fn iam_endpoint(mut self, url: impl Into<String>) -> Self {
        self.iam_endpoint = Some(url.into().trim_end_matches('/').to_string());
        self
    }

    /// AK/SK signature algorithm; see [`Signing`].
    pub fn signing(mut self, signing: Signing) -> Self {
        self.signing = signing;
        self
    }

    /// Send every request through this proxy.
    pub fn proxy(mut self, proxy: Proxy) -> Self {
        self.transport.proxy = Some(proxy);
        self
    }

    /// Also trust the CA certificate(s) in this PEM text (a corporate TLS-inspecting proxy,
    /// a private endpoint). The built-in roots stay trusted.
    pub fn ca_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.transport.ca_certificates.push(pem.into());
        self
    }

    /// Present this client certificate: PEM with the certificate chain and its private key
    /// (PKCS#8, PKCS#1 or SEC1).
    pub fn client_identity_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.transport.identity = Some(pem.into());
        self
    }

    /// **Dangerous.** `true` accepts *any* TLS certificate: expired, self-signed, issued
    /// for another host. Anyone on the network path can then read and change requests,
    /// including tokens and signed requests they can replay. It exists because the official
    /// cores have it, for throw-away test environments only; prefer
    /// [`Config::ca_certificate_pem`]. A `WARN` event is logged when a client is built with it.
    pub fn ignore_ssl_verification(mut self, ignore: bool) -> Self {
        self.transport.ignore_ssl_verification = ignore;
        self
    }

    /// Call `hook` before every attempt is sent (the official `HttpHandler` request handler),
    /// IAM ID discovery requests included.
    pub fn on_request(mut self, hook: impl Fn(&RequestInfo<'_>) + Send + Sync + 'static) -> Self {
        self.hooks.on_request.push(Arc::new(hook));
        self
    }

    /// Call `hook` after every attempt that got a response, with the time it took (the
    /// official `HttpHandler` response handler).
    pub fn on_response(
        mut self,
        hook: impl Fn(&RequestInfo<'_>, &RawResponse, Duration) + Send + Sync + 'static,
    ) -> Self {
        self.hooks.on_response.push(Arc::new(hook));
        self
    }

    /// Scope set with [`Config::scope`].
    pub fn service_scope(&self) -> Scope {
        self.scope
    }

    /// Which provider of the credential chain answered ([`Config::from_chain`] only).
    pub fn credential_source(&self) -> Option<&CredentialSource> {
        self.credential_source.as_ref()
    }

    /// Which link of the region chain gave the endpoint ([`Config::from_chain`] only).
    pub fn endpoint_source(&self) -> Option<&EndpointSource> {
        self.endpoint_source.as_ref()
    }

    /// The IAM endpoint ID discovery would use, if any.
    pub fn effective_iam_endpoint(&self) -> Option<String> {
        if let Some(url) = &self.iam_endpoint {
            return Some(url.clone());
        }
        let region = self.region.as_deref()?;
        Cloud::of_url(&self.base_url).map(|cloud| cloud.iam_endpoint(region))
    }

    /// Base URL requests go to (no trailing `/`).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Region given to [`Config::new`] or read from the environment.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// Default path parameters by name.
    pub fn default_path_params(&self) -> &BTreeMap<String, String> {
        &self.default_path_params
    }

    /// Configured credentials (their `Debug` output is redacted).
    pub fn credentials_ref(&self) -> &Credentials {
        &self.credentials
    }

    /// Configured retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url)
            .field("region", &self.region)
            .field("credentials", &self.credentials)
            .field("default_path_params", &self.default_path_params)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("user_agent", &self.user_agent)
            .field("scope", &self.scope)
            .field("domain_id", &self.domain_id)
            .field("iam_endpoint", &self.iam_endpoint)
            .field("signing", &self.signing)
            .field("transport", &self.transport)
            .field("hooks", &self.hooks)
            .field("credential_source", &self.credential_source)
            .field("endpoint_source", &self.endpoint_source)
            .finish()
    }
}
