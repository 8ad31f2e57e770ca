//! Runtime for docbind-generated Huawei Cloud / Open Telekom Cloud API clients.
//!
//! Generated crates stay thin: each operation builds a [`RequestSpec`], sends it with
//! [`Client::execute`], and decodes the [`RawResponse`]. This crate supplies the rest:
//!
//! - [`Config`]: endpoint from a region template or any base URL, [`Credentials`],
//!   default path parameters (`project_id`), timeouts, [`RetryPolicy`], user agent; also
//!   from `HUAWEICLOUD_SDK_*` environment variables ([`Config::from_env`]).
//! - Authentication: IAM token (`X-Auth-Token`) or AK/SK signing ([`signing`],
//!   `SDK-HMAC-SHA256`, with `X-Security-Token` for temporary credentials).
//! - Retries with exponential backoff and full jitter for idempotent requests, honouring
//!   `Retry-After`.
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
//! Secrets (secret key, tokens) never appear in `Debug` output; the crate does no logging.
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
pub mod lenient;
#[doc(hidden)]
pub mod open_enum;
mod paginate;
mod request;
mod response;
mod response_value;
mod retry;
pub mod signing;

pub use futures_core::Stream;
pub use http::Method;
pub use serde_json;

/// Paths the exported macros use; not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use serde;
}

pub use client::{Client, AUTH_TOKEN_HEADER, PROJECT_ID_HEADER};
pub use config::{env, Config, Credentials};
pub use encoding::{decode_component, encode_component};
pub use error::Error;
pub use paginate::{
    paginate_marker, paginate_marker_pages, paginate_offset, paginate_offset_pages,
    paginate_page_number, paginate_page_number_pages,
};
pub use request::RequestSpec;
pub use response::{RawResponse, REQUEST_ID_HEADER};
pub use response_value::ResponseValue;
pub use retry::RetryPolicy;
