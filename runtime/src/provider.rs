//! The credential provider chain: environment, profile file, ECS instance metadata.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::Mutex;

use crate::sources::{names, Sources};
use crate::{Credentials, Error, RawResponse, Scope};

/// Which provider of the chain supplied the credentials (never the secrets themselves).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    /// `HUAWEICLOUD_SDK_AK` / `_SK` (and `_SECURITY_TOKEN`).
    Environment,
    /// The `[basic]` or `[global]` section of this profile file.
    ProfileFile(PathBuf),
    /// Temporary credentials of the ECS instance's agency, from this metadata service,
    /// refreshed before they expire.
    EcsMetadata(String),
    /// Temporary credentials IAM exchanged for an OpenID Connect ID token of this identity
    /// provider (`idp_id` + `id_token_file`, from the environment or the profile file),
    /// exchanged again before they expire.
    IdTokenFederation {
        /// Identity provider ID.
        idp_id: String,
    },
}

impl fmt::Display for CredentialSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialSource::Environment => f.write_str("environment variables"),
            CredentialSource::ProfileFile(path) => write!(f, "profile file {}", path.display()),
            CredentialSource::EcsMetadata(url) => write!(f, "ECS metadata service {url}"),
            CredentialSource::IdTokenFederation { idp_id } => {
                write!(f, "ID token federation with identity provider {idp_id}")
            }
        }
    }
}

/// What one provider found.
pub(crate) struct Found {
    pub source: CredentialSource,
    pub credentials: Credentials,
    pub temporary: Option<std::sync::Arc<TemporaryCredentials>>,
    /// `project_id` (project scope) or `domain_id` (global scope), when configured.
    pub scope_id: Option<String>,
    pub iam_endpoint: Option<String>,
    /// ID token to exchange ([`CredentialSource::IdTokenFederation`] before [`federate`]).
    pub id_token_file: Option<PathBuf>,
}

impl Found {
    fn federated(
        idp_id: String,
        id_token_file: PathBuf,
        scope_id: Option<String>,
        iam_endpoint: Option<String>,
    ) -> Self {
        Found {
            source: CredentialSource::IdTokenFederation { idp_id },
            credentials: Credentials::None,
            temporary: None,
            scope_id,
            iam_endpoint,
            id_token_file: Some(id_token_file),
        }
    }
}

/// Try the providers in the official order; the first that has credentials answers. A
/// provider that is configured but broken (half an AK/SK pair, an unreadable profile file or
/// ID token file, a failing token exchange) stops the chain with its error instead of
/// silently falling through to the next one. `default_iam` is where ID token federation goes
/// when neither the environment nor the profile names an IAM endpoint.
pub(crate) async fn chain(
    scope: Scope,
    sources: &Sources,
    default_iam: Option<&str>,
) -> Result<Found, Error> {
    let mut tried = Vec::new();
    match from_environment(scope, sources)? {
        Some(found) => return federate(found, default_iam).await,
        None => tried.push("environment: HUAWEICLOUD_SDK_AK/_SK not set".to_string()),
    }
    match sources.profile_path(names::CREDENTIALS_FILE, names::CREDENTIALS_FILE_NAME) {
        Some(path) => match from_profile(scope, &path)? {
            Some(found) => return federate(found, default_iam).await,
            None => tried.push(format!(
                "profile file {}: missing or without [{}] ak/sk",
                path.display(),
                scope.profile_section()
            )),
        },
        None => tried.push("profile file: no home directory".to_string()),
    }
    match &sources.metadata_url {
        Some(url) => {
            let temporary = TemporaryCredentials::new(Exchange::EcsMetadata { url: url.clone() })?;
            match temporary.current().await {
                Ok(credentials) => {
                    return Ok(Found {
                        source: CredentialSource::EcsMetadata(url.clone()),
                        credentials,
                        temporary: Some(std::sync::Arc::new(temporary)),
                        scope_id: None,
                        iam_endpoint: None,
                        id_token_file: None,
                    })
                }
                Err(e) => tried.push(format!("ECS metadata {url}: {e}")),
            }
        }
        None => tried.push("ECS metadata: not consulted".to_string()),
    }
    Err(Error::config(format!(
        "no credentials found by the provider chain ({})",
        tried.join("; ")
    )))
}

/// A provider found `idp_id` + `id_token_file`: exchange the ID token now (so the chain
/// reports a working source) and keep exchanging it before the credentials expire.
async fn federate(mut found: Found, default_iam: Option<&str>) -> Result<Found, Error> {
    let CredentialSource::IdTokenFederation { idp_id } = &found.source else {
        return Ok(found);
    };
    let Some(token_file) = found.id_token_file.take() else {
        return Ok(found);
    };
    let iam = found
        .iam_endpoint
        .clone()
        .or(default_iam.map(str::to_string))
        .ok_or_else(|| {
            Error::config(format!(
                "ID token federation needs an IAM endpoint: set {} or the profile's iam_endpoint",
                names::IAM_ENDPOINT
            ))
        })?;
    let temporary = TemporaryCredentials::new(Exchange::IdToken {
        iam,
        idp_id: idp_id.clone(),
        token_file,
    })?;
    found.credentials = temporary.current().await?;
    found.temporary = Some(std::sync::Arc::new(temporary));
    Ok(found)
}

fn from_environment(scope: Scope, sources: &Sources) -> Result<Option<Found>, Error> {
    let id_variable = match scope {
        Scope::Global => names::DOMAIN_ID,
        _ => names::PROJECT_ID,
    };
    let scope_id = sources.var(id_variable);
    let iam_endpoint = sources.var(names::IAM_ENDPOINT);
    if let (Some(idp_id), Some(file)) = (
        sources.var(names::IDP_ID),
        sources.var(names::ID_TOKEN_FILE),
    ) {
        return Ok(Some(Found::federated(
            idp_id,
            file.into(),
            scope_id,
            iam_endpoint,
        )));
    }
    let credentials = match (sources.var(names::AK), sources.var(names::SK)) {
        (Some(ak), Some(sk)) => Credentials::AkSk {
            ak,
            sk,
            security_token: sources.var(names::SECURITY_TOKEN),
        },
        (None, None) => return Ok(None),
        (Some(_), None) => return Err(half_pair(names::AK, names::SK)),
        (None, Some(_)) => return Err(half_pair(names::SK, names::AK)),
    };
    Ok(Some(Found {
        source: CredentialSource::Environment,
        credentials,
        temporary: None,
        scope_id,
        iam_endpoint,
        id_token_file: None,
    }))
}

fn half_pair(set: &str, unset: &str) -> Error {
    Error::config(format!("{set} is set but {unset} is not"))
}

/// The official profile file: INI, `[basic]` for project-scoped and `[global]` for global
/// services, keys `ak`, `sk`, `security_token`, `project_id` / `domain_id`, `iam_endpoint`.
fn from_profile(scope: Scope, path: &std::path::Path) -> Result<Option<Found>, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::config(format!("{}: {e}", path.display()))),
    };
    let ini = ini::Ini::load_from_str(&text)
        .map_err(|e| Error::config(format!("{}: not an INI file: {e}", path.display())))?;
    let Some(section) = ini.section(Some(scope.profile_section())) else {
        return Ok(None);
    };
    let get = |key: &str| {
        section
            .get(key)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let id_key = match scope {
        Scope::Global => "domain_id",
        _ => "project_id",
    };
    if let (Some(idp_id), Some(file)) = (get("idp_id"), get("id_token_file")) {
        return Ok(Some(Found::federated(
            idp_id,
            file.into(),
            get(id_key),
            get("iam_endpoint"),
        )));
    }
    let (Some(ak), Some(sk)) = (get("ak"), get("sk")) else {
        return Ok(None);
    };
    Ok(Some(Found {
        source: CredentialSource::ProfileFile(path.to_path_buf()),
        credentials: Credentials::AkSk {
            ak,
            sk,
            security_token: get("security_token"),
        },
        temporary: None,
        scope_id: get(id_key),
        iam_endpoint: get("iam_endpoint"),
        id_token_file: None,
    }))
}

/// Refresh temporary credentials this long before they expire (the official cores' margin).
pub const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(40 * 60);
const METADATA_TOKEN_PATH: &str = "/meta-data/latest/api/token";
const METADATA_SECURITY_KEY_PATH: &str = "/openstack/latest/securitykey";
const METADATA_TOKEN_TTL_SECONDS: &str = "21600";

const ID_TOKEN_PATH: &str = "/v3.0/OS-AUTH/id-token/tokens";
const SECURITY_TOKENS_PATH: &str = "/v3.0/OS-CREDENTIAL/securitytokens";
/// Lifetime asked for federated temporary credentials (the official cores' 6 h).
const FEDERATION_DURATION_SECONDS: u64 = 6 * 60 * 60;

/// Where temporary credentials come from.
pub(crate) enum Exchange {
    /// The ECS metadata service: the instance agency's credentials.
    EcsMetadata { url: String },
    /// IAM: an OpenID Connect ID token (read from the file at each exchange, since the
    /// platform that writes it rotates it) for an unscoped token, that for credentials.
    IdToken {
        iam: String,
        idp_id: String,
        token_file: PathBuf,
    },
}

/// Temporary AK/SK + security token, obtained on first use and again whenever less than
/// [`REFRESH_BEFORE_EXPIRY`] is left.
pub(crate) struct TemporaryCredentials {
    exchange: Exchange,
    http: reqwest::Client,
    current: Mutex<Option<(Credentials, OffsetDateTime)>>,
}

impl TemporaryCredentials {
    pub(crate) fn new(exchange: Exchange) -> Result<Self, Error> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(30));
        if let Exchange::EcsMetadata { .. } = exchange {
            // The metadata service is link-local: never through a proxy, and quick to answer.
            builder = builder.no_proxy().timeout(Duration::from_secs(3));
        }
        let http = builder
            .build()
            .map_err(|e| Error::config(format!("cannot build credentials client: {e}")))?;
        Ok(TemporaryCredentials {
            exchange,
            http,
            current: Mutex::new(None),
        })
    }

    /// Valid credentials, refreshed when due.
    pub(crate) async fn current(&self) -> Result<Credentials, Error> {
        let mut current = self.current.lock().await;
        let now = OffsetDateTime::now_utc();
        if let Some((credentials, expires_at)) = &*current {
            if *expires_at - now > REFRESH_BEFORE_EXPIRY {
                return Ok(credentials.clone());
            }
        }
        let fresh = match &self.exchange {
            Exchange::EcsMetadata { url } => self.ask_metadata_service(url).await?,
            Exchange::IdToken {
                iam,
                idp_id,
                token_file,
            } => self.exchange_id_token(iam, idp_id, token_file).await?,
        };
        tracing::debug!(target: "docbind_runtime", expires_at = %fresh.1, "obtained temporary credentials");
        *current = Some(fresh.clone());
        Ok(fresh.0)
    }

    async fn ask_metadata_service(
        &self,
        url: &str,
    ) -> Result<(Credentials, OffsetDateTime), Error> {
        // A session token is optional (older metadata services do not issue one).
        let token = self
            .http
            .put(format!("{url}{METADATA_TOKEN_PATH}"))
            .header("X-Metadata-Token-Ttl-Seconds", METADATA_TOKEN_TTL_SECONDS)
            .send()
            .await
            .ok()
            .filter(|r| r.status().is_success());
        let token = match token {
            Some(r) => r.text().await.ok(),
            None => None,
        };
        let mut request = self.http.get(format!("{url}{METADATA_SECURITY_KEY_PATH}"));
        if let Some(token) = token {
            request = request.header("X-Metadata-Token", token);
        }
        let raw = send("metadata service", request).await?;
        parse_security_key(&raw)
    }

    async fn exchange_id_token(
        &self,
        iam: &str,
        idp_id: &str,
        token_file: &std::path::Path,
    ) -> Result<(Credentials, OffsetDateTime), Error> {
        let id_token = std::fs::read_to_string(token_file)
            .map_err(|e| Error::config(format!("ID token file {}: {e}", token_file.display())))?;
        let id_token = id_token.trim();
        if id_token.is_empty() {
            return Err(Error::config(format!(
                "ID token file {} is empty",
                token_file.display()
            )));
        }
        let iam = iam.trim_end_matches('/');
        let request = self
            .http
            .post(format!("{iam}{ID_TOKEN_PATH}"))
            .header("X-Idp-Id", idp_id)
            .json(&serde_json::json!({"auth": {"id_token": {"id": id_token}}}));
        let raw = send("IAM token exchange", request).await?;
        let unscoped = raw
            .header("X-Subject-Token")
            .ok_or_else(|| Error::config("IAM answered the ID token without X-Subject-Token"))?
            .to_string();
        let request = self
            .http
            .post(format!("{iam}{SECURITY_TOKENS_PATH}"))
            .header(crate::AUTH_TOKEN_HEADER, &unscoped)
            .json(&serde_json::json!({"auth": {"identity": {
                "methods": ["token"],
                "token": {"id": unscoped, "duration_seconds": FEDERATION_DURATION_SECONDS}
            }}}));
        let raw = send("IAM temporary credentials", request).await?;
        parse_security_key(&raw)
    }
}

/// Send a credentials request; non-success statuses become [`Error::Api`].
async fn send(what: &str, request: reqwest::RequestBuilder) -> Result<RawResponse, Error> {
    let transport = |e: reqwest::Error| Error::Transport {
        message: format!("{what}: {e}"),
    };
    let response = request.send().await.map_err(transport)?;
    let raw = crate::client::read_response(response)
        .await
        .map_err(transport)?;
    if raw.is_success() {
        Ok(raw)
    } else {
        Err(raw.into_error())
    }
}

/// `{"credential": {"access", "secret", "securitytoken", "expires_at"}}`.
fn parse_security_key(raw: &RawResponse) -> Result<(Credentials, OffsetDateTime), Error> {
    #[derive(serde::Deserialize)]
    struct Body {
        credential: Key,
    }
    #[derive(serde::Deserialize)]
    struct Key {
        access: String,
        secret: String,
        securitytoken: String,
        expires_at: String,
    }
    // serde's message may quote the body, and the body holds secrets: say only what failed.
    let body: Body = serde_json::from_slice(&raw.body).map_err(|_| {
        Error::config("the metadata service's answer is not a security key document")
    })?;
    let key = body.credential;
    let expires_at = OffsetDateTime::parse(
        &key.expires_at,
        &time::format_description::well_known::Rfc3339,
    )
    .map_err(|e| Error::config(format!("metadata expires_at is not RFC 3339: {e}")))?;
    Ok((
        Credentials::AkSk {
            ak: key.access,
            sk: key.secret,
            security_token: Some(key.securitytoken),
        },
        expires_at,
    ))
}
