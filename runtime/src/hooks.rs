//! Request / response hooks: user code that observes every attempt (the official cores'
//! `HttpHandler` request and response handlers).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, Method};

use crate::RawResponse;

/// One attempt as it is about to be sent. Secret headers (`Authorization`, `X-Auth-Token`,
/// `X-Security-Token`) are marked sensitive, so `Debug` of [`headers`](Self::headers) shows
/// them as `Sensitive`; a hook must not log their values.
#[derive(Debug)]
#[non_exhaustive]
pub struct RequestInfo<'a> {
    /// HTTP method.
    pub method: &'a Method,
    /// Full URL with the encoded path and query.
    pub url: &'a str,
    /// Path template of the operation (`/v1/{project_id}/jobs/{job_id}`).
    pub path_template: &'static str,
    /// Headers sent, signature included.
    pub headers: &'a HeaderMap,
    /// 1 for the first attempt.
    pub attempt: u32,
}

type RequestHook = dyn Fn(&RequestInfo<'_>) + Send + Sync;
type ResponseHook = dyn Fn(&RequestInfo<'_>, &RawResponse, Duration) + Send + Sync;

/// The hooks of a [`Config`](crate::Config); cloned configs share them.
#[derive(Clone, Default)]
pub(crate) struct Hooks {
    pub on_request: Vec<Arc<RequestHook>>,
    pub on_response: Vec<Arc<ResponseHook>>,
}

impl Hooks {
    pub(crate) fn request(&self, info: &RequestInfo<'_>) {
        for hook in &self.on_request {
            hook(info);
        }
    }

    pub(crate) fn response(
        &self,
        info: &RequestInfo<'_>,
        response: &RawResponse,
        elapsed: Duration,
    ) {
        for hook in &self.on_response {
            hook(info, response, elapsed);
        }
    }
}

impl fmt::Debug for Hooks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hooks")
            .field("on_request", &self.on_request.len())
            .field("on_response", &self.on_response.len())
            .finish()
    }
}
