//! Runtime for docbind-generated Huawei Cloud / Open Telekom Cloud API clients.
//!
//! Generated crates stay thin: each operation builds a [`RequestSpec`], sends it with
//! [`Client::execute`], and decodes the [`RawResponse`]. This crate supplies the rest:
//!
//! - [`Config`]: endpoint from a region template or any base URL, [`Credentials`],
//!   default path parameters (`project_id`), timeouts, [`RetryPolicy`], user agent, transport
//!   options ([`Proxy`], custom CA, client certificate), request/response hooks.
//! - The official SDK cores' provider chains ([`Config::from_chain`]): credentials from the
//!   environment, the `~/.huaweicloud/credentials` profile or the ECS metadata service
//!   (refreshed before expiry); endpoints from `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`,
//!   `~/.huaweicloud/regions.yaml` or the template, for both [`Cloud`]s.
//! - Project-scoped and global services ([`Scope`]): `X-Project-Id` or `X-Domain-Id`,
//!   discovered once through IAM when not configured.
//! - Authentication: IAM token (`X-Auth-Token`) or AK/SK signing ([`signing`],
//!   `SDK-HMAC-SHA256`, or derived `V11-HMAC-SHA256`, with `X-Security-Token` for temporary
//!   credentials).
//! - Retries with a [`Backoff`] strategy, a user condition, idempotent methods only unless
//!   opted in, honouring `Retry-After`.
//! - A `tracing` span per request (method, path template, attempts, status, elapsed,
//!   request ID); no header value, body or credential is ever recorded.
//! - One [`Error`] type; [`RawResponse::into_error`] reads the documented `error_code` /
//!   `error_msg` / `error_message` body fields and `X-Request-Id`.
//! - Pagination streams: [`paginate_offset`], [`paginate_page_number`], [`paginate_marker`]
//!   and their `_pages` forms.
//!
//! - [`string_enum_impls!`] / [`int_enum_impls!`]: the trait impls every generated
//!   forward-compatible enum shares (equality by wire value, lenient decoding).
//! - [`lenient`]: deserializers for fields whose documented examples show other JSON shapes than
//!   their tables (a number in a String field, `"100"` in an Integer field).
//!
//! Secrets (secret key, tokens) never appear in `Debug` output or in the `tracing` output.
//! See `README.md` of this crate for how it compares with the official SDK cores.
//!
//! # Example
//!
//! What a generated operation does, by hand:
//!
//! ```
//! use docbind_runtime::{Client, Config, Credentials, Error, Method, RequestSpec};
//! use serde::Deserialize;
//!
//! #[derive(Debug, Deserialize)]
//! struct Job {
//!     job_id: String,
//!     #[serde(default)]
//!     status: Option<String>,
//! }
//!
//! async fn show_job(client: &Client, job_id: &str) -> Result<Job, Error> {
//!     let spec = RequestSpec::new(Method::GET, "/v2/{project_id}/training-jobs/{job_id}")
//!         .path_param("job_id", job_id)
//!         .path_param_or_default("project_id", None); // filled from Config::project_id
//!     let response = client.execute(spec).await?;
//!     if !response.is_success() {
//!         return Err(response.into_error());
//!     }
//!     response.json()
//! }
//!
//! let config = Config::new("https://modelarts.{region}.myhuaweicloud.com", "cn-north-4")
//!     .credentials(Credentials::aksk("my-ak", "my-sk"))
//!     .project_id("0a1b2c3d4e5f");
//! let client = Client::new(config)?;
//! assert_eq!(client.config().base_url(), "https://modelarts.cn-north-4.myhuaweicloud.com");
//! assert!(!format!("{client:?}").contains("my-sk"));
//! # let _ = show_job;
//! # Ok::<(), Error>(())
//! ```

mod client;
mod config;
mod encoding;
mod error;
mod hooks;
pub mod lenient;
#[doc(hidden)]
pub mod open_enum;
mod paginate;
mod provider;
mod region;
mod request;
mod response;
mod response_value;
mod retry;
pub mod signing;
mod sources;
mod transport;

pub use futures_core::Stream;
pub use http::Method;
pub use serde_json;

/// Paths the exported macros use; not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use serde;
}

pub use client::{Client, AUTH_TOKEN_HEADER, DOMAIN_ID_HEADER, PROJECT_ID_HEADER};
pub use config::{env, Config, Credentials, Scope, Signing};
pub use encoding::{decode_component, encode_component};
pub use error::Error;
pub use hooks::RequestInfo;
pub use paginate::{
    paginate_marker, paginate_marker_pages, paginate_offset, paginate_offset_pages,
    paginate_page_number, paginate_page_number_pages,
};
pub use provider::{CredentialSource, REFRESH_BEFORE_EXPIRY};
pub use region::{resolve_endpoint, service_of_template, Cloud, EndpointSource};
pub use request::RequestSpec;
pub use response::{RawResponse, REQUEST_ID_HEADER};
pub use response_value::ResponseValue;
pub use retry::{Backoff, Outcome, RetryCondition, RetryPolicy};
pub use sources::{names, Sources};
pub use transport::Proxy;
