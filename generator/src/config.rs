//! `docbind.toml`: the default job (sources in priority order, outputs, crate options).

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub api: ApiConfig,
    /// Input documents, highest priority first (the first source wins merge conflicts).
    pub sources: Vec<PathBuf>,
    #[serde(default)]
    pub openapi: Option<OpenApiConfig>,
    #[serde(default)]
    pub rust: Option<RustConfig>,
    #[serde(default)]
    pub examples: Option<ExamplesConfig>,
    /// OpenAPI Overlay 1.0 files that correct the extracted API, applied in order.
    #[serde(default)]
    pub overlays: Vec<PathBuf>,
    #[serde(default)]
    pub review: Option<ReviewConfig>,
}

/// `[review]`: where `docbind review` writes the default job's review site.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewConfig {
    /// The site's directory (default `target/review`, next to docbind.toml).
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesConfig {
    /// The reviewed list of documented examples that contradict their schema
    /// (see [`crate::allowlist`]).
    pub allowlist: Option<PathBuf>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    pub title: String,
    pub version: String,
    /// Base URL template (`https://svc.{region}.example.com`) overriding the endpoint the
    /// documentation's endpoint table states; both outputs use it.
    #[serde(default)]
    pub endpoint_template: Option<String>,
    /// The default region (OpenAPI `servers` variable default); the first documented region
    /// when not given.
    #[serde(default)]
    pub region: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenApiConfig {
    pub json: Option<PathBuf>,
    pub yaml: Option<PathBuf>,
    /// "3.0.3" (default) or "3.1.0".
    #[serde(default = "default_openapi_version")]
    pub version: String,
}

fn default_openapi_version() -> String {
    "3.0.3".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RustConfig {
    pub dir: PathBuf,
    pub crate_name: String,
    #[serde(default = "default_crate_version")]
    pub crate_version: String,
    /// The Cargo.toml dependency line for the runtime crate; without it the runtime is
    /// bundled with the generated crate (`runtime/` inside it).
    #[serde(default)]
    pub runtime_dependency: Option<String>,
    /// Path parameters the client fills from its configuration unless given (e.g. project_id).
    #[serde(default)]
    pub defaulted_path_params: Vec<String>,
    /// `project` or `global`; without it, the reference decides (global when no path names a
    /// project).
    #[serde(default)]
    pub scope: Option<crate::emit::rust::ServiceScope>,
}

fn default_crate_version() -> String {
    "0.1.0".into()
}

impl Config {
    /// Load a config file; relative paths in it are relative to the file's directory.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let mut config: Config =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        // Relative to the config file; a config in the current directory keeps paths as written
        // (diagnostics then say `spec/docs/x.txt`, not `./spec/docs/x.txt`).
        let base = path.parent().unwrap_or(Path::new(""));
        for s in config.sources.iter_mut().chain(&mut config.overlays) {
            *s = base.join(&*s);
        }
        if let Some(o) = &mut config.openapi {
            o.json = o.json.as_ref().map(|p| base.join(p));
            o.yaml = o.yaml.as_ref().map(|p| base.join(p));
        }
        if let Some(r) = &mut config.rust {
            r.dir = base.join(&r.dir);
        }
        if let Some(e) = &mut config.examples {
            e.allowlist = e.allowlist.as_ref().map(|p| base.join(p));
        }
        if let Some(r) = &mut config.review {
            r.dir = base.join(&r.dir);
        }
        Ok(config)
    }

    /// Where `docbind review` writes the site of this job: `[review] dir`, or `target/review`
    /// next to the config file (build products live under `target/`, which git ignores).
    pub fn review_dir(&self, path: &Path) -> PathBuf {
        match &self.review {
            Some(r) => r.dir.clone(),
            None => path
                .parent()
                .unwrap_or(Path::new(""))
                .join("target")
                .join("review"),
        }
    }
}
