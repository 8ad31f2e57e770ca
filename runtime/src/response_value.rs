//! [`ResponseValue`]: a decoded success response with its status and headers.

/// The decoded body of a success response, with the status and headers it came with (the
/// documentation describes some response headers, e.g. a location or a request ID).
/// Dereferences to the body.
#[derive(Debug, Clone)]
pub struct ResponseValue<T> {
    status: u16,
    headers: http::HeaderMap,
    inner: T,
}

impl<T> ResponseValue<T> {
    /// A decoded body with the status and headers of its response.
    pub fn new(status: u16, headers: http::HeaderMap, inner: T) -> Self {
        Self {
            status,
            headers,
            inner,
        }
    }

    /// HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// All response headers.
    pub fn headers(&self) -> &http::HeaderMap {
        &self.headers
    }

    /// First value of header `name` (case-insensitive), if it is valid visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)?.to_str().ok()
    }

    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.inner
    }
}

impl<T> std::ops::Deref for ResponseValue<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exposes_status_headers_and_body() {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-job-id", http::HeaderValue::from_static("job-1"));
        let value = ResponseValue::new(201, headers, vec![1, 2]);
        assert_eq!(value.status(), 201);
        assert_eq!(value.header("X-Job-Id"), Some("job-1"));
        assert_eq!(value.header("missing"), None);
        assert_eq!(value.len(), 2, "dereferences to the body");
        assert_eq!(value.into_inner(), [1, 2]);
    }
}
