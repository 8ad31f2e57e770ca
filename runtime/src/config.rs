//! Client configuration: endpoint, credentials, default path parameters, timeouts, retries.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::{Error, RetryPolicy};

/// Environment variable names read by [`Config::from_env`].
pub mod env {
    /// Access key ID.
    pub const AK: &str = "HUAWEICLOUD_SDK_AK";
    /// Secret access key.
    pub const SK: &str = "HUAWEICLOUD_SDK_SK";
    /// Project ID, default for every `{project_id}` path parameter.
    pub const PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
    /// Security token of temporary AK/SK credentials.
    pub const SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    /// Region, substituted for `{region}` in the endpoint template.
    pub const REGION: &str = "HUAWEICLOUD_SDK_REGION";
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
        }
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
            .finish()
    }
}
