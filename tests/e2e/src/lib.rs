//! Test support for running the generated client against a Prism mock server.
//!
//! - [`Prism`] starts `prism mock --errors` on a free port of 127.0.0.1, waits until it
//!   listens, and kills it when dropped (also when a test panics);
//! - [`Spec`] reads the documented examples of the generated OpenAPI document, so tests send
//!   the documented request bodies and compare responses with the documented examples.
//!
//! With `--errors`, Prism answers a request that violates the spec with 422 (or the documented
//! 400), and a documented example that violates its own response schema with 500: either way
//! the generated client sees a non-success status and the test fails.

use serde::de::DeserializeOwned;
use std::ffi::OsString;
use std::io::Read;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable naming the Prism binary (set by `scripts/test.sh`).
pub const PRISM_ENV: &str = "DOCBIND_PRISM";

/// How long Prism may take to load the spec and listen.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(120);

/// The workspace root (this crate lives in `tests/e2e`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The Prism binary: `$DOCBIND_PRISM` if set, else `prism` found on `PATH`. Missing Prism is an
/// error, not a reason to skip: the test command installs it.
pub fn locate_prism(
    env_value: Option<OsString>,
    path_value: Option<OsString>,
) -> Result<PathBuf, String> {
    if let Some(value) = env_value.filter(|v| !v.is_empty()) {
        let path = PathBuf::from(value);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!(
                "{PRISM_ENV}={} does not name a file; run the suite through scripts/test.sh, \
                 which installs Prism (npm @stoplight/prism-cli, version in scripts/prism-version)",
                path.display()
            ))
        };
    }
    if let Some(path) = path_value {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join("prism");
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(format!(
        "Prism was not found: {PRISM_ENV} is unset and there is no `prism` on PATH. Run the suite \
         through scripts/test.sh, which installs Prism (npm @stoplight/prism-cli, version in \
         scripts/prism-version) and sets {PRISM_ENV}"
    ))
}

/// A running `prism mock` process; killed on drop.
pub struct Prism {
    child: Child,
    addr: SocketAddr,
    log: tempfile::NamedTempFile,
}

impl Prism {
    /// Start Prism on `spec` (request validation on, `--errors`) and wait until it listens.
    pub fn start(binary: &Path, spec: &Path) -> Result<Prism, String> {
        // The port is free when chosen but another process may take it before Prism binds;
        // a few attempts make that race harmless.
        let mut last_error = String::new();
        for _ in 0..3 {
            match Prism::start_once(binary, spec) {
                Ok(prism) => return Ok(prism),
                Err(e) => last_error = e,
            }
        }
        Err(last_error)
    }

    fn start_once(binary: &Path, spec: &Path) -> Result<Prism, String> {
        let port = free_port()?;
        let log = tempfile::NamedTempFile::new().map_err(|e| format!("temp file: {e}"))?;
        let out = log.reopen().map_err(|e| format!("temp file: {e}"))?;
        let err = log.reopen().map_err(|e| format!("temp file: {e}"))?;
        let child = Command::new(binary)
            .args(["mock", "--errors", "--host", "127.0.0.1", "--port"])
            .arg(port.to_string())
            .arg(spec)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let mut prism = Prism {
            child,
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            log,
        };
        prism.wait_until_listening()?;
        Ok(prism)
    }

    fn wait_until_listening(&mut self) -> Result<(), String> {
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "Prism exited ({status}) before listening:\n{}",
                    self.log_tail(40)
                ));
            }
            if self.log_text().contains("Prism is listening")
                && TcpStream::connect_timeout(&self.addr, Duration::from_millis(200)).is_ok()
            {
                return Ok(());
            }
            if started.elapsed() > STARTUP_TIMEOUT {
                return Err(format!(
                    "Prism did not listen on {} within {STARTUP_TIMEOUT:?}:\n{}",
                    self.addr,
                    self.log_tail(40)
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Everything Prism has logged so far.
    pub fn log_text(&self) -> String {
        let mut text = String::new();
        if let Ok(mut f) = self.log.reopen() {
            let _ = f.read_to_string(&mut text);
        }
        text
    }

    /// The last `lines` lines of the log (for failure messages).
    pub fn log_tail(&self, lines: usize) -> String {
        let text = self.log_text();
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| format!("no free local port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("no free local port: {e}"))
}

/// The generated OpenAPI document, for its documented examples.
pub struct Spec {
    doc: serde_json::Value,
}

impl Spec {
    pub fn load(path: &Path) -> Result<Spec, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let doc = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
        Ok(Spec { doc })
    }

    /// The operation object of `METHOD path`.
    pub fn operation(&self, method: &str, path: &str) -> Result<&serde_json::Value, String> {
        self.doc["paths"]
            .get(path)
            .and_then(|item| item.get(method.to_ascii_lowercase()))
            .ok_or_else(|| format!("the spec has no operation {method} {path}"))
    }

    /// The documented JSON request body example of `METHOD path`, as `T`.
    pub fn request_example<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
    ) -> Result<T, String> {
        let media = &self.operation(method, path)?["requestBody"]["content"]["application/json"];
        let example = first_example(media)
            .ok_or_else(|| format!("{method} {path} documents no JSON request example"))?;
        serde_json::from_value(example.clone()).map_err(|e| {
            format!("the documented request example of {method} {path} does not fit the type: {e}")
        })
    }

    /// The documented JSON example of the `status` response of `METHOD path`, as `T`; `None`
    /// when there is none (Prism then builds a body from the schema).
    pub fn response_example<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        status: u16,
    ) -> Result<Option<T>, String> {
        let media = &self.operation(method, path)?["responses"][status.to_string()]["content"]
            ["application/json"];
        let Some(example) = first_example(media) else {
            return Ok(None);
        };
        serde_json::from_value(example.clone())
            .map(Some)
            .map_err(|e| {
                format!(
                    "the documented {status} example of {method} {path} does not fit the type: {e}"
                )
            })
    }
}

/// `example`, else the first of `examples` (the one Prism returns).
fn first_example(media: &serde_json::Value) -> Option<&serde_json::Value> {
    media.get("example").or_else(|| {
        media
            .get("examples")?
            .as_object()?
            .values()
            .next()?
            .get("value")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_prism_is_an_error_that_says_how_to_get_it() {
        let empty = tempfile::tempdir().unwrap();
        let err = locate_prism(None, Some(empty.path().as_os_str().to_owned())).unwrap_err();
        assert!(err.contains("scripts/test.sh"), "{err}");
        let err = locate_prism(Some("/nonexistent/prism".into()), None).unwrap_err();
        assert!(err.contains("/nonexistent/prism"), "{err}");
    }

    #[test]
    fn prism_is_found_on_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("prism"), "").unwrap();
        let found = locate_prism(None, Some(dir.path().as_os_str().to_owned())).unwrap();
        assert_eq!(found, dir.path().join("prism"));
    }

    #[test]
    fn the_first_example_is_the_one_prism_returns() {
        let media = serde_json::json!({"examples": {"b": {"value": 1}, "a": {"value": 2}}});
        assert_eq!(first_example(&media), Some(&serde_json::json!(1)));
        let media = serde_json::json!({"example": 3, "examples": {"a": {"value": 2}}});
        assert_eq!(first_example(&media), Some(&serde_json::json!(3)));
    }
}
