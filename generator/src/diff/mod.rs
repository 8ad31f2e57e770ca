//! `docbind diff OLD NEW`: what changed in an API between two documentation versions, each
//! rule-labelled (breaking / warning / info, see [`rules`]) with a stable fingerprint, and the
//! semver bump the generated crate needs.
//!
//! - [`load`] turns a side (docs folder or files, a `docbind.toml` job, or an OpenAPI document
//!   docbind emitted) into the IR;
//! - [`compare`] walks two IRs;
//! - [`render`] prints findings as text, JSON or markdown.

pub mod compare;
pub mod render;
pub mod rules;

use crate::diag::{Diagnostics, Span};
use crate::ir::Api;
use crate::pipeline;
use rules::{Bump, Level, Rule};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// One change, labelled by a rule.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: String,
    pub level: Level,
    pub bump: Bump,
    /// Method + path as the newer side writes it (the older side's for a removed operation).
    pub operation: String,
    /// Where in the operation (`query.limit`, `body.spec.nodes[].name`, `response.200.body.id`,
    /// `…=value` for an enum value, `…:maxLength` for a limit); empty for the operation itself.
    pub location: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Span>,
    /// Hash of rule id, method + normalised path, and location: stable across wording changes,
    /// line moves and placeholder renames, so a reviewed finding can be ignored.
    pub fingerprint: String,
}

impl Finding {
    pub fn new(
        rule: &Rule,
        key: &str,
        operation: &str,
        location: &str,
        message: String,
        old: Option<Span>,
        new: Option<Span>,
    ) -> Finding {
        let digest = Sha256::digest(format!("{}\n{key}\n{location}", rule.id));
        let fingerprint = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Finding {
            rule: rule.id.clone(),
            level: rule.level,
            bump: rule.bump,
            operation: operation.to_string(),
            location: location.to_string(),
            message,
            old,
            new,
            fingerprint,
        }
    }
}

/// The outcome of a comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Findings not ignored, grouped by operation (operation order, then level, location).
    pub findings: Vec<Finding>,
    /// Fingerprints of findings the ignore file listed.
    pub ignored: Vec<Finding>,
    /// The semver bump the generated crate needs: the largest of every finding's, ignored ones
    /// included (ignoring a reviewed change does not make it compatible); `none` if nothing
    /// changed.
    pub semver: &'static str,
}

impl Report {
    pub fn count(&self, level: Level) -> usize {
        self.findings.iter().filter(|f| f.level == level).count()
    }
    /// Does any finding reach `level`?
    pub fn fails(&self, level: Level) -> bool {
        self.findings.iter().any(|f| f.level >= level)
    }
}

/// Compare two IRs; findings whose fingerprint is in `ignore` are set aside.
pub fn diff(old: &Api, new: &Api, ignore: &BTreeSet<String>) -> Report {
    let mut all = compare::compare(old, new);
    // Within an operation: most severe first, then by place.
    all.sort_by(|a, b| {
        (
            &a.operation,
            std::cmp::Reverse(a.level),
            &a.location,
            &a.rule,
        )
            .cmp(&(
                &b.operation,
                std::cmp::Reverse(b.level),
                &b.location,
                &b.rule,
            ))
    });
    let semver = all
        .iter()
        .map(|f| f.bump)
        .max()
        .map_or("none", Bump::as_str);
    let (ignored, findings) = all
        .into_iter()
        .partition(|f| ignore.contains(&f.fingerprint));
    Report {
        findings,
        ignored,
        semver,
    }
}

/// `version` (the last release's) after a `bump` (`major` / `minor` / `patch` / `none`), by
/// Cargo's semver rules: in `0.y.z` a breaking change bumps `y` and anything else `z`; in
/// `0.0.z` every change bumps `z`.
pub fn bump_version(version: &str, bump: &str) -> Result<String, String> {
    let parts: Vec<u64> = version
        .split(['-', '+'])
        .next()
        .unwrap_or_default()
        .split('.')
        .map(|p| {
            p.parse()
                .map_err(|_| format!("crate version {version:?} is not x.y.z"))
        })
        .collect::<Result<_, _>>()?;
    let [major, minor, patch] = parts[..] else {
        return Err(format!("crate version {version:?} is not x.y.z"));
    };
    let (major, minor, patch) = match (bump, major, minor) {
        ("none", ..) => (major, minor, patch),
        (_, 0, 0) => (0, 0, patch + 1),
        ("major", 0, _) => (0, minor + 1, 0),
        ("major", ..) => (major + 1, 0, 0),
        ("minor", 0, _) | ("patch", ..) => (major, minor, patch + 1),
        ("minor", ..) => (major, minor + 1, 0),
        (other, ..) => return Err(format!("unknown bump {other:?}")),
    };
    Ok(format!("{major}.{minor}.{patch}"))
}

/// Fingerprints listed in an ignore file: the first word of each line; `#` starts a comment
/// (write the rule and operation after it, for the reader).
pub fn parse_ignore(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.split('#').next()?.split_whitespace().next())
        .map(String::from)
        .collect()
}

/// One side of a comparison as IR, with the diagnostics of building it.
///
/// `path` is an OpenAPI document (JSON or YAML with a top-level `openapi` key), a
/// `docbind.toml` job (its sources and overlays), or a documentation file or folder.
pub fn load(path: &Path) -> Result<(Api, Diagnostics), String> {
    let name = path.display().to_string();
    let is_file = path.is_file();
    if is_file && path.extension().is_some_and(|e| e == "toml") {
        let job = crate::cli::job_from_config(path)?;
        let (docs, diags) = pipeline::read_sources(&job.sources).map_err(|e| e.to_string())?;
        let (mut api, _) = pipeline::build_api(&docs, diags, &job.title, &job.version);
        crate::overlay::apply_files(&mut api, &job.overlays, job.openapi_version)
            .map_err(|e| e.to_string())?;
        let diagnostics = std::mem::take(&mut api.diagnostics);
        return Ok((api, diagnostics));
    }
    if is_file
        && path
            .extension()
            .is_some_and(|e| e == "json" || e == "yaml" || e == "yml")
    {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let doc = crate::openapi_import::parse_document(&text)
            .ok_or_else(|| format!("{name}: not an OpenAPI document (no `openapi` key)"))?;
        let mut api = crate::openapi_import::import(&doc, &name);
        let diagnostics = std::mem::take(&mut api.diagnostics);
        return Ok((api, diagnostics));
    }
    let sources = pipeline::expand_inputs(&[path.to_path_buf()]).map_err(|e| e.to_string())?;
    if sources.is_empty() {
        return Err(format!("{name}: no documentation files (.md, .rst, .txt)"));
    }
    let (docs, diags) = pipeline::read_sources(&sources).map_err(|e| e.to_string())?;
    let (mut api, _) = pipeline::build_api(&docs, diags, "API", "0.0.0");
    let diagnostics = std::mem::take(&mut api.diagnostics);
    Ok((api, diagnostics))
}
