//! [`RawResponse`]: the final HTTP response of [`Client::execute`](crate::Client::execute).

use serde_json::Value;

use crate::error::snippet;
use crate::Error;

/// Header carrying the service's request ID.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Status, headers and body of a response, whatever its status.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// HTTP status code.
    pub status: u16,
    /// Response headers.
    pub headers: http::HeaderMap,
    /// Whole body.
    pub body: Vec<u8>,
}

impl RawResponse {
    /// 2xx status.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Decode the body as JSON; [`Error::Decode`] with a snippet on failure. An empty
    /// (or all-whitespace) body decodes as JSON `null`, so `()`, `Option<T>` and
    /// `serde_json::Value` work for bodiless responses.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, Error> {
        let body: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &self.body
        };
        serde_json::from_slice(body).map_err(|e| Error::Decode {
            status: self.status,
            message: e.to_string(),
            snippet: snippet(&self.body),
        })
    }

    /// Body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// First value of header `name` (case-insensitive), if it is valid visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)?.to_str().ok()
    }

    /// [`Error::Api`] built from a non-success response: `error_code` and
    /// `error_msg`/`error_message` from the body (also found nested in an `error` object,
    /// as some services document), `X-Request-Id` from the headers.
    pub fn into_error(self) -> Error {
        let parsed: Option<Value> = serde_json::from_slice(&self.body).ok();
        let fields = parsed.as_ref().and_then(|v| {
            if v.get("error_code").is_some() || v.get("error_msg").is_some() {
                Some(v)
            } else {
                v.get("error").filter(|e| e.is_object()).or(Some(v))
            }
        });
        let field = |names: &[&str]| {
            fields.and_then(|f| names.iter().find_map(|n| f.get(*n).and_then(scalar_text)))
        };
        Error::Api {
            status: self.status,
            code: field(&["error_code", "code"]),
            message: field(&["error_msg", "error_message", "message"]),
            request_id: self.header(REQUEST_ID_HEADER).map(str::to_string),
            body: self.text(),
        }
    }
}

/// Strings as is, numbers and booleans as written; objects, arrays and null are not messages.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            headers: http::HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn empty_body_is_null() {
        let r = response(204, "");
        r.json::<()>().unwrap();
        assert_eq!(r.json::<Option<u32>>().unwrap(), None);
        assert_eq!(r.json::<Value>().unwrap(), Value::Null);
        assert_eq!(response(200, " \n").json::<Value>().unwrap(), Value::Null);
    }

    #[test]
    fn decode_error_keeps_status_and_snippet() {
        match response(200, "<html>oops</html>").json::<Value>() {
            Err(Error::Decode {
                status, snippet, ..
            }) => {
                assert_eq!(status, 200);
                assert_eq!(snippet, "<html>oops</html>");
            }
            other => panic!("expected Decode, got {other:?}"),
        }
    }

    #[test]
    fn api_error_field_spellings() {
        let cases = [
            (
                r#"{"error_code":"E.1","error_msg":"bad"}"#,
                Some("E.1"),
                Some("bad"),
            ),
            (
                r#"{"error_code":"E.2","error_message":"worse"}"#,
                Some("E.2"),
                Some("worse"),
            ),
            (
                r#"{"error":{"code":401,"message":"nope"}}"#,
                Some("401"),
                Some("nope"),
            ),
            ("not json", None, None),
        ];
        for (body, code, message) in cases {
            match response(400, body).into_error() {
                Error::Api {
                    status,
                    code: c,
                    message: m,
                    body: b,
                    ..
                } => {
                    assert_eq!(status, 400);
                    assert_eq!(c.as_deref(), code, "{body}");
                    assert_eq!(m.as_deref(), message, "{body}");
                    assert_eq!(b, body);
                }
                other => panic!("expected Api, got {other:?}"),
            }
        }
    }
}
