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
}

impl fmt::Display for CredentialSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialSource::Environment => f.write_str("environment variables"),
            CredentialSource::ProfileFile(path) => write!(f, "profile file {}", path.display()),
            CredentialSource::EcsMetadata(url) => write!(f, "ECS metadata service {url}"),
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
}

/// Try the providers in the official order; the first that has credentials answers. A
/// provider that is configured but broken (half an AK/SK pair, an unreadable profile file,
/// federation variables this runtime cannot use yet) stops the chain with its error instead
/// of silently falling through to the next one.
pub(crate) async fn chain(scope: Scope, sources: &Sources) -> Result<Found, Error> {
    let mut tried = Vec::new();
    match from_environment(scope, sources)? {
        Some(found) => return Ok(found),
        None => tried.push("environment: HUAWEICLOUD_SDK_AK/_SK not set".to_string()),
    }
    match sources.profile_path(names::CREDENTIALS_FILE, names::CREDENTIALS_FILE_NAME) {
        Some(path) => match from_profile(scope, &path)? {
            Some(found) => return Ok(found),
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
            let temporary = TemporaryCredentials::ecs_metadata(url)?;
            match temporary.current().await {
                Ok(credentials) => {
                    return Ok(Found {
                        source: CredentialSource::EcsMetadata(url.clone()),
                        credentials,
                        temporary: Some(std::sync::Arc::new(temporary)),
                        scope_id: None,
                        iam_endpoint: None,
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

fn federation_unsupported(origin: &str) -> Error {
    Error::config(format!(
        "{origin} configures OpenID Connect federation (idp_id + id_token_file), which \
         docbind-runtime does not support yet: use AK/SK or ECS agency credentials"
    ))
}

fn from_environment(scope: Scope, sources: &Sources) -> Result<Option<Found>, Error> {
    if sources.var(names::IDP_ID).is_some() && sources.var(names::ID_TOKEN_FILE).is_some() {
        return Err(federation_unsupported("the environment"));
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
    let id_variable = match scope {
        Scope::Global => names::DOMAIN_ID,
        _ => names::PROJECT_ID,
    };
    Ok(Some(Found {
        source: CredentialSource::Environment,
        credentials,
        temporary: None,
        scope_id: sources.var(id_variable),
        iam_endpoint: sources.var(names::IAM_ENDPOINT),
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
    if get("idp_id").is_some() && get("id_token_file").is_some() {
        return Err(federation_unsupported(&path.display().to_string()));
    }
    let (Some(ak), Some(sk)) = (get("ak"), get("sk")) else {
        return Ok(None);
    };
    let id_key = match scope {
        Scope::Global => "domain_id",
        _ => "project_id",
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
    }))
}

/// Refresh temporary credentials this long before they expire (the official cores' margin).
pub const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(40 * 60);
const METADATA_TOKEN_PATH: &str = "/meta-data/latest/api/token";
const METADATA_SECURITY_KEY_PATH: &str = "/openstack/latest/securitykey";
const METADATA_TOKEN_TTL_SECONDS: &str = "21600";

/// Temporary AK/SK + security token from the ECS metadata service, fetched on first use and
/// again whenever less than [`REFRESH_BEFORE_EXPIRY`] is left.
pub(crate) struct TemporaryCredentials {
    url: String,
    http: reqwest::Client,
    current: Mutex<Option<(Credentials, OffsetDateTime)>>,
}

impl TemporaryCredentials {
    pub(crate) fn ecs_metadata(url: &str) -> Result<Self, Error> {
        // The metadata service is link-local: never through a proxy, and quick to answer.
        let http = reqwest::Client::builder()
            .no_proxy()
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(3))
            .build()
            .map_err(|e| Error::config(format!("cannot build metadata client: {e}")))?;
        Ok(TemporaryCredentials {
            url: url.trim_end_matches('/').to_string(),
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
        let fresh = self.fetch().await?;
        tracing::debug!(target: "docbind_runtime", expires_at = %fresh.1, "refreshed temporary credentials from ECS metadata");
        *current = Some(fresh.clone());
        Ok(fresh.0)
    }

    async fn fetch(&self) -> Result<(Credentials, OffsetDateTime), Error> {
        // A session token is optional (older metadata services do not issue one).
        let token = self
            .http
            .put(format!("{}{METADATA_TOKEN_PATH}", self.url))
            .header("X-Metadata-Token-Ttl-Seconds", METADATA_TOKEN_TTL_SECONDS)
            .send()
            .await
            .ok()
            .filter(|r| r.status().is_success());
        let token = match token {
            Some(r) => r.text().await.ok(),
            None => None,
        };
        let mut request = self
            .http
            .get(format!("{}{METADATA_SECURITY_KEY_PATH}", self.url));
        if let Some(token) = token {
            request = request.header("X-Metadata-Token", token);
        }
        let response = request.send().await.map_err(|e| Error::Transport {
            message: format!("metadata service: {e}"),
        })?;
        let raw = RawResponse {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response
                .bytes()
                .await
                .map_err(|e| Error::Transport {
                    message: format!("metadata service: {e}"),
                })?
                .to_vec(),
        };
        if !raw.is_success() {
            return Err(raw.into_error());
        }
        parse_security_key(&raw)
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
