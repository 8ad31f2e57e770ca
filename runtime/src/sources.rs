//! Where the provider chains look: environment variables, the home directory, the ECS
//! metadata service. Injectable so tests never touch the process environment or `$HOME`.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// Variable and file names the provider chains read (the official SDK cores' names).
pub mod names {
    /// Access key ID.
    pub const AK: &str = "HUAWEICLOUD_SDK_AK";
    /// Secret access key.
    pub const SK: &str = "HUAWEICLOUD_SDK_SK";
    /// Security token of temporary AK/SK.
    pub const SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    /// Project ID (project-scoped services).
    pub const PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
    /// Account (domain) ID (global services).
    pub const DOMAIN_ID: &str = "HUAWEICLOUD_SDK_DOMAIN_ID";
    /// Identity provider ID of OpenID Connect federation.
    pub const IDP_ID: &str = "HUAWEICLOUD_SDK_IDP_ID";
    /// File holding the OpenID Connect ID token.
    pub const ID_TOKEN_FILE: &str = "HUAWEICLOUD_SDK_ID_TOKEN_FILE";
    /// Region, substituted for `{region}` in the endpoint template.
    pub const REGION: &str = "HUAWEICLOUD_SDK_REGION";
    /// IAM endpoint used to discover project / domain IDs.
    pub const IAM_ENDPOINT: &str = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
    /// Path of the credentials profile file (default `~/.huaweicloud/credentials`).
    pub const CREDENTIALS_FILE: &str = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    /// Path of the regions file (default `~/.huaweicloud/regions.yaml`).
    pub const REGIONS_FILE: &str = "HUAWEICLOUD_SDK_REGIONS_FILE";
    /// Prefix of per-service, per-region endpoint variables:
    /// `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}` (upper case, `-` → `_`).
    pub const REGION_ENDPOINT_PREFIX: &str = "HUAWEICLOUD_SDK_REGION";
    /// Directory under the home directory holding both files.
    pub const PROFILE_DIR: &str = ".huaweicloud";
    /// Credentials file name inside [`PROFILE_DIR`].
    pub const CREDENTIALS_FILE_NAME: &str = "credentials";
    /// Regions file name inside [`PROFILE_DIR`].
    pub const REGIONS_FILE_NAME: &str = "regions.yaml";
    /// ECS metadata service of every Huawei Cloud / Open Telekom Cloud instance.
    pub const METADATA_URL: &str = "http://169.254.169.254";
}

type Lookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// The environment the provider chains read: variables, home directory, metadata URL.
#[derive(Clone)]
pub struct Sources {
    lookup: Arc<Lookup>,
    home: Option<PathBuf>,
    pub(crate) metadata_url: Option<String>,
}

impl Sources {
    /// The process environment, `$HOME` (`%USERPROFILE%` on Windows) and the ECS metadata
    /// service at [`names::METADATA_URL`].
    pub fn system() -> Self {
        let home = std::env::var_os("HOME")
            .or_else(|| std::env::var_os("USERPROFILE"))
            .map(PathBuf::from);
        Sources {
            lookup: Arc::new(|name| std::env::var(name).ok()),
            home,
            metadata_url: Some(names::METADATA_URL.to_string()),
        }
    }

    /// Variables from `lookup`, profile files under `home`, and no metadata service (add one
    /// with [`Sources::metadata_url`]).
    pub fn new(
        lookup: impl Fn(&str) -> Option<String> + Send + Sync + 'static,
        home: Option<PathBuf>,
    ) -> Self {
        Sources {
            lookup: Arc::new(lookup),
            home,
            metadata_url: None,
        }
    }

    /// Ask this metadata service (scheme, host, port) for temporary credentials last.
    pub fn metadata_url(mut self, url: impl Into<String>) -> Self {
        self.metadata_url = Some(url.into().trim_end_matches('/').to_string());
        self
    }

    /// Skip the metadata service (outside ECS its address only times out).
    pub fn without_metadata(mut self) -> Self {
        self.metadata_url = None;
        self
    }

    /// A variable's trimmed value; empty counts as unset.
    pub fn var(&self, name: &str) -> Option<String> {
        (self.lookup)(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// `$VAR` if set, else `~/.huaweicloud/<file_name>`; `None` without a home directory.
    pub(crate) fn profile_path(&self, var: &str, file_name: &str) -> Option<PathBuf> {
        self.var(var).map(PathBuf::from).or_else(|| {
            self.home
                .as_ref()
                .map(|h| h.join(names::PROFILE_DIR).join(file_name))
        })
    }
}

impl fmt::Debug for Sources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sources")
            .field("home", &self.home)
            .field("metadata_url", &self.metadata_url)
            .finish_non_exhaustive()
    }
}
