//! The single error type of the runtime and of generated clients.

use std::fmt;

/// Longest body excerpt kept in [`Error::Decode`] and shown by `Display` for [`Error::Api`].
pub(crate) const SNIPPET_CHARS: usize = 256;

/// Everything that can go wrong when calling an API.
#[non_exhaustive]
#[derive(Debug)]
pub enum Error {
    /// The request could not be sent or the response could not be read (DNS, TCP, TLS, …).
    Transport {
        /// What the HTTP stack reported.
        message: String,
    },
    /// The connect or request timeout of [`Config`](crate::Config) elapsed.
    Timeout,
    /// The service answered with a non-success status.
    Api {
        /// HTTP status code.
        status: u16,
        /// `error_code` from the documented error body, if present.
        code: Option<String>,
        /// `error_msg` (or `error_message`) from the documented error body, if present.
        message: Option<String>,
        /// `X-Request-Id` response header: quote it when contacting support.
        request_id: Option<String>,
        /// The whole response body (lossy UTF-8).
        body: String,
    },
    /// The response body did not match the expected type.
    Decode {
        /// HTTP status code of the response.
        status: u16,
        /// What serde reported.
        message: String,
        /// The start of the body, to see what the service actually sent.
        snippet: String,
    },
    /// Bad configuration or request: missing path parameter, invalid header, unusable URL, …
    Config(String),
    /// A value given for the request could not be encoded: a parameter without a documented
    /// encoding that does not serialize as JSON, a page position out of its parameter's range.
    Request {
        /// The parameter (or `body`) whose value could not be encoded.
        name: String,
        /// What went wrong.
        message: String,
    },
}

impl Error {
    /// HTTP status of [`Error::Api`] and [`Error::Decode`]; `None` otherwise.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } | Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub(crate) fn config(message: impl Into<String>) -> Self {
        Error::Config(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport { message } => write!(f, "transport error: {message}"),
            Error::Timeout => f.write_str("request timed out"),
            Error::Api {
                status,
                code,
                message,
                request_id,
                body,
            } => {
                write!(f, "API error: HTTP {status}")?;
                if let Some(code) = code {
                    write!(f, " {code}")?;
                }
                match message {
                    Some(message) => write!(f, ": {message}")?,
                    None if !body.is_empty() => write!(f, ": {}", snippet(body.as_bytes()))?,
                    None => {}
                }
                if let Some(id) = request_id {
                    write!(f, " (request id {id})")?;
                }
                Ok(())
            }
            Error::Decode {
                status,
                message,
                snippet,
            } => write!(
                f,
                "cannot decode response (HTTP {status}): {message}; body starts with {snippet:?}"
            ),
            Error::Config(message) => write!(f, "configuration error: {message}"),
            Error::Request { name, message } => {
                write!(f, "cannot encode request value `{name}`: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The first [`SNIPPET_CHARS`] characters of `body` (lossy UTF-8), with `…` when cut.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(SNIPPET_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_cuts_on_char_boundary() {
        let body = "é".repeat(SNIPPET_CHARS + 10);
        let s = snippet(body.as_bytes());
        assert_eq!(s.chars().count(), SNIPPET_CHARS + 1);
        assert!(s.ends_with('…'));
        assert_eq!(snippet(b"short"), "short");
    }

    #[test]
    fn api_error_display_names_code_message_and_request_id() {
        let e = Error::Api {
            status: 404,
            code: Some("ModelArts.0104".into()),
            message: Some("job not found".into()),
            request_id: Some("abc123".into()),
            body: String::new(),
        };
        assert_eq!(
            e.to_string(),
            "API error: HTTP 404 ModelArts.0104: job not found (request id abc123)"
        );
        assert_eq!(e.status(), Some(404));
    }

    #[test]
    fn request_error_names_the_value() {
        let e = Error::Request {
            name: "limit".into(),
            message: "70000 is out of range".into(),
        };
        assert_eq!(
            e.to_string(),
            "cannot encode request value `limit`: 70000 is out of range"
        );
        assert_eq!(e.status(), None);
    }
}
