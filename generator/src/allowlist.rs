//! The reviewed list of documented examples that are wrong (the documentation contradicts its
//! own parameter tables): `spec/examples-allowlist.toml`, named in `docbind.toml`
//! (`[examples] allowlist = …`). Listed examples stay in the outputs; the generated crate keeps
//! their tests but marks them ignored with the reason, and the report lists them as explained.

use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleAllowlist {
    #[serde(default, rename = "example")]
    pub examples: Vec<AllowedExample>,
}

/// One documented example known not to match its schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowedExample {
    /// Operation id (`create_training_job`).
    pub operation: String,
    /// `request`, or the response status code (`200`).
    pub status: String,
    /// Which example of that operation and status (1-based, in documentation order); all of
    /// them when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// Why the documentation's example is wrong.
    pub reason: String,
    /// What the example contradicts (its schema unless stated).
    #[serde(default, skip_serializing_if = "Contradiction::is_schema")]
    pub contradicts: Contradiction,
}

/// How a listed example is wrong.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Contradiction {
    /// It does not conform to its schema (what `docbind report` checks).
    #[default]
    Schema,
    /// It conforms, but shows a field its tables do not document, so the generated model
    /// cannot reproduce it (what the generated `doc_examples` round trip checks).
    RoundTrip,
}

impl Contradiction {
    fn is_schema(&self) -> bool {
        *self == Contradiction::Schema
    }
}

impl ExampleAllowlist {
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The reason example `index` (1-based) of `operation` at `status` is allowed to fail, if
    /// it is listed.
    pub fn reason(&self, operation: &str, status: &str, index: usize) -> Option<&str> {
        self.examples
            .iter()
            .find(|e| e.covers(operation, status, index))
            .map(|e| e.reason.as_str())
    }
}

impl AllowedExample {
    pub fn covers(&self, operation: &str, status: &str, index: usize) -> bool {
        self.operation == operation
            && self.status == status
            && self.index.is_none_or(|i| i == index)
    }
}
