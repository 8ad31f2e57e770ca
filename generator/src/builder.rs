//! docbind in a build script: generate a client from documentation pages into `OUT_DIR` and
//! `include!` it, so the bindings follow the docs on every build.
//!
//! ```no_run
//! // build.rs, in `fn main`:
//! let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
//! docbind::Builder::new()
//!     .title("Widgets")
//!     .source("docs")
//!     .rust_module(out.join("widgets.rs"))
//!     .generate()
//!     .unwrap_or_else(|e| panic!("{e}"));
//! // src/lib.rs: pub mod widgets { include!(concat!(env!("OUT_DIR"), "/widgets.rs")); }
//! ```
//!
//! The including crate depends on `docbind-runtime` and `serde` (with `derive`). Every input
//! (each file of a source directory, the directory itself, each overlay) is announced with
//! `cargo:rerun-if-changed`, and warnings are printed as `cargo:warning=` lines; the
//! diagnostics also come back as values.

use crate::diag::{Diagnostics, Severity};
use crate::emit::rust::{RustOptions, ServiceScope};
use crate::pipeline::{self, Job, OpenApiVersion, PipelineError};
use std::path::PathBuf;

/// What to generate and how; every field has a default (`Settings::default()`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// The API's title (docs and OpenAPI `info.title`).
    pub title: String,
    /// OpenAPI `info.version`.
    pub version: String,
    /// Documentation files or directories, highest merge priority first.
    pub sources: Vec<PathBuf>,
    /// OpenAPI Overlay 1.0 files applied in order after extraction.
    pub overlays: Vec<PathBuf>,
    /// The endpoint template instead of the documented one.
    pub endpoint_template: Option<String>,
    /// The default region (first among the endpoint's regions).
    pub region: Option<String>,
    /// Path parameters the client configuration can supply (e.g. `project_id`).
    pub defaulted_path_params: Vec<String>,
    /// Project or global scope; from the reference when `None`.
    pub scope: Option<ServiceScope>,
    /// The Rust client, as one file to `include!`.
    pub rust_module: Option<PathBuf>,
    /// The OpenAPI document as JSON / YAML.
    pub openapi_json: Option<PathBuf>,
    pub openapi_yaml: Option<PathBuf>,
    pub openapi_version: OpenApiVersion,
    /// Fail when the documentation reading reports warnings.
    pub deny_warnings: bool,
    /// Print `cargo:rerun-if-changed` / `cargo:warning` lines (on by default).
    pub cargo_instructions: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            title: "API".into(),
            version: "0.0.0".into(),
            sources: Vec::new(),
            overlays: Vec::new(),
            endpoint_template: None,
            region: None,
            defaulted_path_params: Vec::new(),
            scope: None,
            rust_module: None,
            openapi_json: None,
            openapi_yaml: None,
            openapi_version: OpenApiVersion::default(),
            deny_warnings: false,
            cargo_instructions: true,
        }
    }
}

/// Builds [`Settings`] step by step and runs the generation.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    settings: Settings,
}

/// What a generation produced.
#[derive(Debug)]
pub struct Generated {
    /// Everything reading, extraction and overlays reported.
    pub diagnostics: Diagnostics,
    /// Operations in the generated client.
    pub operations: usize,
    /// The files written (unchanged files are left alone and not listed).
    pub written: Vec<PathBuf>,
}

#[derive(Debug)]
pub enum BuildError {
    /// No sources, or no output asked for.
    Settings(String),
    Pipeline(PipelineError),
    /// `deny_warnings` and the documentation reading reported warnings (listed).
    Warnings(Diagnostics),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Settings(e) => write!(f, "docbind: {e}"),
            BuildError::Pipeline(e) => write!(f, "docbind: {e}"),
            BuildError::Warnings(d) => {
                write!(f, "docbind: {} warnings (warnings denied):", d.len())?;
                for w in d.iter() {
                    write!(f, "\n  {w}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl Builder {
    pub fn new() -> Self {
        Builder::default()
    }
    pub fn with_settings(settings: Settings) -> Self {
        Builder { settings }
    }
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.settings.title = title.into();
        self
    }
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.settings.version = version.into();
        self
    }
    /// A documentation file or directory (every `.md`, `.rst`, `.txt` below it).
    pub fn source(mut self, path: impl Into<PathBuf>) -> Self {
        self.settings.sources.push(path.into());
        self
    }
    pub fn sources<P: Into<PathBuf>>(mut self, paths: impl IntoIterator<Item = P>) -> Self {
        self.settings
            .sources
            .extend(paths.into_iter().map(Into::into));
        self
    }
    pub fn overlay(mut self, path: impl Into<PathBuf>) -> Self {
        self.settings.overlays.push(path.into());
        self
    }
    pub fn endpoint_template(mut self, template: impl Into<String>) -> Self {
        self.settings.endpoint_template = Some(template.into());
        self
    }
    pub fn defaulted_path_param(mut self, name: impl Into<String>) -> Self {
        self.settings.defaulted_path_params.push(name.into());
        self
    }
    pub fn scope(mut self, scope: ServiceScope) -> Self {
        self.settings.scope = Some(scope);
        self
    }
    /// Write the Rust client here, as one file to `include!` in a module.
    pub fn rust_module(mut self, path: impl Into<PathBuf>) -> Self {
        self.settings.rust_module = Some(path.into());
        self
    }
    pub fn openapi_json(mut self, path: impl Into<PathBuf>) -> Self {
        self.settings.openapi_json = Some(path.into());
        self
    }
    pub fn openapi_yaml(mut self, path: impl Into<PathBuf>) -> Self {
        self.settings.openapi_yaml = Some(path.into());
        self
    }
    pub fn deny_warnings(mut self, deny: bool) -> Self {
        self.settings.deny_warnings = deny;
        self
    }
    pub fn cargo_instructions(mut self, print: bool) -> Self {
        self.settings.cargo_instructions = print;
        self
    }
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Read, extract, apply overlays, emit; write the outputs that changed.
    pub fn generate(self) -> Result<Generated, BuildError> {
        let s = self.settings;
        if s.sources.is_empty() {
            return Err(BuildError::Settings(
                "no documentation sources given".into(),
            ));
        }
        if s.rust_module.is_none() && s.openapi_json.is_none() && s.openapi_yaml.is_none() {
            return Err(BuildError::Settings(
                "nothing to write: give rust_module, openapi_json or openapi_yaml".into(),
            ));
        }
        let files = pipeline::expand_inputs(&s.sources)
            .map_err(|e| BuildError::Pipeline(PipelineError::Input(e)))?;
        if s.cargo_instructions {
            // The directories too: a page added to one changes the API.
            for path in s.sources.iter().chain(&files).chain(&s.overlays) {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
        let job = Job {
            title: s.title.clone(),
            version: s.version.clone(),
            openapi_json: s.openapi_json.clone(),
            openapi_yaml: s.openapi_yaml.clone(),
            openapi_version: s.openapi_version,
            endpoint_template: s.endpoint_template.clone(),
            region: s.region.clone(),
            overlays: s.overlays.clone(),
            ..Job::ad_hoc(files)
        };
        let mut outputs = pipeline::run(&job).map_err(BuildError::Pipeline)?;
        let diagnostics = outputs.api.diagnostics.clone();
        let warnings = Diagnostics(
            diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .cloned()
                .collect(),
        );
        if s.cargo_instructions {
            for w in warnings.iter() {
                println!("cargo:warning={w}");
            }
        }
        if s.deny_warnings && !warnings.is_empty() {
            return Err(BuildError::Warnings(warnings));
        }
        if let Some(path) = &s.rust_module {
            let opts = RustOptions {
                defaulted_path_params: s.defaulted_path_params.clone(),
                scope: s.scope,
                ..RustOptions::ad_hoc("module")
            };
            let module = crate::emit::rust::generate_module(&outputs.api, &opts)
                .map_err(|e| BuildError::Pipeline(PipelineError::Emit(e)))?;
            outputs.files.insert(path.clone(), module);
        }
        let written = outputs.changed_files();
        outputs.write().map_err(BuildError::Pipeline)?;
        Ok(Generated {
            diagnostics,
            operations: outputs.api.operations.len(),
            written,
        })
    }
}
