//! [`RequestSpec`]: one HTTP request as generated code describes it.

use std::collections::BTreeMap;
use std::fmt::Display;

use http::Method;

use crate::encoding::{decode_component, encode_component};
use crate::Error;

const JSON: &str = "application/json";

/// One HTTP request, built by generated code and sent with
/// [`Client::execute`](crate::Client::execute).
///
/// The path template's `{name}` placeholders are filled from [`RequestSpec::path_param`]
/// values or, when a name has no value, from the config's default path parameters
/// (e.g. `project_id`). Values are percent-encoded as single path segments, so `/` in a
/// value cannot change the route.
#[derive(Debug, Clone)]
pub struct RequestSpec {
    pub(crate) method: Method,
    path_template: &'static str,
    /// `None`: use the config default at send time.
    path_params: BTreeMap<&'static str, Option<String>>,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Vec<u8>,
    body_content_type: Option<&'static str>,
    content_type: Option<&'static str>,
    pub(crate) timeout: Option<std::time::Duration>,
    /// Whether the configured credentials (token, AK/SK signature, scope id) go along.
    pub(crate) with_credentials: bool,
}

impl RequestSpec {
    /// `path_template` like `"/v1/{project_id}/jobs/{job_id}"`; a fixed query
    /// (`"/v1/jobs?type=a"`) is allowed.
    pub fn new(method: Method, path_template: &'static str) -> Self {
        RequestSpec {
            method,
            path_template,
            path_params: BTreeMap::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Vec::new(),
            body_content_type: None,
            content_type: None,
            timeout: None,
            with_credentials: true,
        }
    }

    /// Fill a `{name}` placeholder (percent-encoded as a path segment).
    pub fn path_param(mut self, name: &'static str, value: impl Display) -> Self {
        self.path_params.insert(name, Some(value.to_string()));
        self
    }

    /// Like [`RequestSpec::path_param`], but when `value` is `None` the config's default path
    /// parameter of that name is used at send time ([`Error::Config`] if there is none).
    pub fn path_param_or_default(mut self, name: &'static str, value: Option<String>) -> Self {
        self.path_params.insert(name, value);
        self
    }

    /// Add a query parameter.
    pub fn query(mut self, name: &'static str, value: impl Display) -> Self {
        self.query.push((name.to_string(), value.to_string()));
        self
    }

    /// Repeated query parameter for arrays (`?a=1&a=2`).
    pub fn query_all<T: Display>(mut self, name: &'static str, values: &[T]) -> Self {
        self.query
            .extend(values.iter().map(|v| (name.to_string(), v.to_string())));
        self
    }

    /// Send without the configured credentials: no token, no AK/SK signature, no scope id.
    /// For operations the documentation says need no authentication (IAM's token API) and for
    /// those whose caller passes a credential of its own in a header.
    pub fn without_credentials(mut self) -> Self {
        self.with_credentials = false;
        self
    }

    /// Add a request header (it is signed with AK/SK credentials).
    pub fn header(mut self, name: &'static str, value: impl Display) -> Self {
        self.headers.push((name, value.to_string()));
        self
    }

    /// JSON body (sets `Content-Type: application/json` unless another content type is given).
    pub fn json<B: serde::Serialize + ?Sized>(mut self, body: &B) -> Result<Self, Error> {
        self.body = serde_json::to_vec(body).map_err(|e| Error::Request {
            name: "body".into(),
            message: format!("cannot serialize request body: {e}"),
        })?;
        self.body_content_type = Some(JSON);
        Ok(self)
    }

    /// Explicit `Content-Type`, overriding the one implied by the body.
    pub fn content_type(mut self, ct: &'static str) -> Self {
        self.content_type = Some(ct);
        self
    }

    /// Raw body with its content type.
    pub fn bytes(mut self, content_type: &'static str, body: Vec<u8>) -> Self {
        self.body = body;
        self.body_content_type = Some(content_type);
        self
    }

    /// Timeout of each attempt of this request, replacing [`Config::timeout`](crate::Config::timeout)
    /// (for example a long export or a quick health probe).
    pub fn timeout(mut self, d: std::time::Duration) -> Self {
        self.timeout = Some(d);
        self
    }

    /// HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// Path template as given to [`RequestSpec::new`].
    pub fn path_template(&self) -> &'static str {
        self.path_template
    }

    /// Content type sent: explicit, else implied by the body, else `application/json`
    /// (Huawei Cloud APIs document it as required on every request, bodiless ones included).
    pub(crate) fn effective_content_type(&self) -> &'static str {
        self.content_type.or(self.body_content_type).unwrap_or(JSON)
    }

    /// The percent-encoded path and the query (fixed query of the template first).
    pub(crate) fn resolve(
        &self,
        defaults: &BTreeMap<String, String>,
    ) -> Result<(String, Vec<(String, String)>), Error> {
        let (template, fixed_query) = match self.path_template.split_once('?') {
            Some((path, query)) => (path, parse_query(query)),
            None => (self.path_template, Vec::new()),
        };
        let path = self.fill_path(template, defaults)?;
        let mut query = fixed_query;
        query.extend(self.query.iter().cloned());
        Ok((path, query))
    }

    fn fill_path(
        &self,
        template: &str,
        defaults: &BTreeMap<String, String>,
    ) -> Result<String, Error> {
        let mut path = String::with_capacity(template.len() + 32);
        let mut used = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            path.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}').ok_or_else(|| {
                Error::config(format!(
                    "unclosed '{{' in path template {:?}",
                    self.path_template
                ))
            })?;
            let name = &after[..close];
            let value = self
                .path_params
                .get(name)
                .cloned()
                .flatten()
                .or_else(|| defaults.get(name).cloned())
                .ok_or_else(|| {
                    Error::config(format!(
                        "path parameter {{{name}}} of {:?} has no value and no configured default",
                        self.path_template
                    ))
                })?;
            // URL parsers resolve "." and ".." segments (even percent-encoded ones) and an empty
            // segment addresses another resource, so such values would silently change the route.
            if matches!(value.as_str(), "" | "." | "..") {
                return Err(Error::config(format!(
                    "path parameter {{{name}}} of {:?} cannot be {value:?}",
                    self.path_template
                )));
            }
            path.push_str(&encode_component(&value));
            used.push(name);
            rest = &after[close + 1..];
        }
        path.push_str(rest);
        // A value for a placeholder the template lacks means the caller built the wrong request.
        if let Some(name) = self
            .path_params
            .iter()
            .find(|(name, value)| value.is_some() && !used.contains(name))
            .map(|(name, _)| name)
        {
            return Err(Error::config(format!(
                "path parameter {name} is not in path template {:?}",
                self.path_template
            )));
        }
        Ok(path)
    }
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> BTreeMap<String, String> {
        [("project_id".to_string(), "p1".to_string())].into()
    }

    #[test]
    fn fills_and_encodes_path_params_with_defaults() {
        let spec = RequestSpec::new(Method::GET, "/v1/{project_id}/jobs/{job_id}")
            .path_param("job_id", "a b/c");
        let (path, query) = spec.resolve(&defaults()).unwrap();
        assert_eq!(path, "/v1/p1/jobs/a%20b%2Fc");
        assert!(query.is_empty());
    }

    #[test]
    fn explicit_value_beats_default() {
        let spec = RequestSpec::new(Method::GET, "/v1/{project_id}")
            .path_param_or_default("project_id", Some("p2".into()));
        assert_eq!(spec.resolve(&defaults()).unwrap().0, "/v1/p2");
        let spec = RequestSpec::new(Method::GET, "/v1/{project_id}")
            .path_param_or_default("project_id", None);
        assert_eq!(spec.resolve(&defaults()).unwrap().0, "/v1/p1");
    }

    #[test]
    fn missing_unknown_and_malformed_params_are_config_errors() {
        let missing = RequestSpec::new(Method::GET, "/v1/{job_id}");
        assert!(
            matches!(missing.resolve(&defaults()), Err(Error::Config(m)) if m.contains("{job_id}"))
        );
        let unknown = RequestSpec::new(Method::GET, "/v1/x").path_param("job_id", 1);
        assert!(matches!(
            unknown.resolve(&defaults()),
            Err(Error::Config(_))
        ));
        for value in ["", ".", ".."] {
            let dots = RequestSpec::new(Method::GET, "/v1/{job_id}/x").path_param("job_id", value);
            assert!(
                matches!(dots.resolve(&defaults()), Err(Error::Config(_))),
                "{value:?}"
            );
        }
        let unclosed = RequestSpec::new(Method::GET, "/v1/{job_id");
        assert!(matches!(
            unclosed.resolve(&defaults()),
            Err(Error::Config(_))
        ));
    }

    #[test]
    fn template_query_is_kept_before_caller_query() {
        let spec = RequestSpec::new(Method::GET, "/v1/jobs?type=a%20b&flag").query("limit", 5);
        let (path, query) = spec.resolve(&defaults()).unwrap();
        assert_eq!(path, "/v1/jobs");
        assert_eq!(
            query,
            vec![
                ("type".into(), "a b".into()),
                ("flag".into(), String::new()),
                ("limit".into(), "5".into())
            ]
        );
    }

    #[test]
    fn content_type_precedence() {
        let plain = RequestSpec::new(Method::GET, "/");
        assert_eq!(plain.effective_content_type(), "application/json");
        let bytes = RequestSpec::new(Method::PUT, "/").bytes("application/octet-stream", vec![1]);
        assert_eq!(bytes.effective_content_type(), "application/octet-stream");
        let json = RequestSpec::new(Method::POST, "/")
            .content_type("application/merge-patch+json")
            .json(&serde_json::json!({"a": 1}))
            .unwrap();
        assert_eq!(
            json.effective_content_type(),
            "application/merge-patch+json"
        );
        assert_eq!(json.body, br#"{"a":1}"#);
    }
}
