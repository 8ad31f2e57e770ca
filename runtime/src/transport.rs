//! Transport options for corporate networks: proxy, custom CA, client certificate, and the
//! escape hatch that turns certificate verification off.

use std::fmt;

use crate::Error;

/// An HTTP(S) proxy every request goes through, with optional Basic credentials.
/// `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct Proxy {
    url: String,
    user: Option<(String, String)>,
}

impl Proxy {
    /// Proxy URL such as `http://proxy.example.com:3128`.
    pub fn new(url: impl Into<String>) -> Self {
        Proxy {
            url: url.into(),
            user: None,
        }
    }

    /// Send `Proxy-Authorization: Basic …` with these credentials.
    pub fn basic_auth(mut self, user: impl Into<String>, password: impl Into<String>) -> Self {
        self.user = Some((user.into(), password.into()));
        self
    }
}

impl fmt::Debug for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Proxy")
            .field("url", &self.url)
            .field("user", &self.user.as_ref().map(|(user, _)| user))
            .finish()
    }
}

/// TLS and proxy settings of a [`Config`](crate::Config).
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Transport {
    pub proxy: Option<Proxy>,
    /// PEM certificates trusted besides the built-in roots.
    pub ca_certificates: Vec<Vec<u8>>,
    /// PEM client certificate chain and private key.
    pub identity: Option<Vec<u8>>,
    pub ignore_ssl_verification: bool,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("proxy", &self.proxy)
            .field("ca_certificates", &self.ca_certificates.len())
            .field("client_identity", &self.identity.is_some())
            .field("ignore_ssl_verification", &self.ignore_ssl_verification)
            .finish()
    }
}

impl Transport {
    /// Apply these settings to a client under construction.
    pub(crate) fn apply(
        &self,
        mut builder: reqwest::ClientBuilder,
    ) -> Result<reqwest::ClientBuilder, Error> {
        if let Some(proxy) = &self.proxy {
            let mut p = reqwest::Proxy::all(&proxy.url)
                .map_err(|e| Error::config(format!("invalid proxy URL {:?}: {e}", proxy.url)))?;
            if let Some((user, password)) = &proxy.user {
                p = p.basic_auth(user, password);
            }
            builder = builder.proxy(p);
        }
        for pem in &self.ca_certificates {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| Error::config(format!("invalid CA certificate PEM: {e}")))?;
            if certs.is_empty() {
                return Err(Error::config("CA certificate PEM holds no certificate"));
            }
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        if let Some(pem) = &self.identity {
            let identity = reqwest::Identity::from_pem(pem).map_err(|e| {
                Error::config(format!(
                    "invalid client certificate PEM (needs certificate and private key): {e}"
                ))
            })?;
            builder = builder.identity(identity);
        }
        if self.ignore_ssl_verification {
            tracing::warn!(
                target: "docbind_runtime",
                "TLS certificate verification is OFF: any server can impersonate the endpoint"
            );
            builder = builder.danger_accept_invalid_certs(true);
        }
        Ok(builder)
    }
}
