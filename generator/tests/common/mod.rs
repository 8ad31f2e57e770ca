//! Shared helpers for cross-stage tests. Inputs are named by repo-relative paths so that
//! provenance in snapshots does not depend on where the repo is checked out.
#![allow(dead_code)]

use docbind::doc::Document;
use docbind::ir::Api;
use std::path::PathBuf;

/// IR queries and the all-stage snapshot helper.
pub mod ir_query;

/// The hand-built IR the emitter tests use (see fixture.rs).
pub mod fixture;
#[allow(unused_imports)]
pub use fixture::fixture_api;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every API reference of the corpus (`tests/corpus/<cloud>/<service>`), repo-relative, sorted.
pub fn corpus_references() -> Vec<String> {
    let mut out = Vec::new();
    for cloud in ["huawei-md", "otc-rst"] {
        let dir = repo_root().join("tests/corpus").join(cloud);
        for entry in std::fs::read_dir(&dir).expect("corpus is listable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                let name = path
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .to_string();
                out.push(format!("tests/corpus/{cloud}/{name}"));
            }
        }
    }
    out.sort();
    out
}

/// The IR and coverage of a whole reference (a repo-relative directory), as `generate` builds it.
pub fn reference_api(rel: &str) -> (Api, docbind::extract::Coverage) {
    let root = repo_root();
    let sources = docbind::pipeline::expand_inputs(&[root.join(rel)]).expect("listable");
    // The readers' diagnostics count too, as in `docbind report DIR` (the ratchet's warnings
    // are the report's).
    let mut reader_diags = docbind::diag::Diagnostics::new();
    let docs: Vec<Document> = sources
        .iter()
        .map(|p| {
            let (doc, diags) =
                read_doc_with_diagnostics(&p.strip_prefix(&root).unwrap_or(p).to_string_lossy());
            reader_diags.extend(diags);
            doc
        })
        .collect();
    docbind::pipeline::build_api(&docs, reader_diags, "API", "0.0.0")
}

pub fn read_doc(rel: &str) -> Document {
    read_doc_with_diagnostics(rel).0
}

/// A repo-relative input read as the pipeline reads it, with the reader's diagnostics.
pub fn read_doc_with_diagnostics(rel: &str) -> (Document, docbind::diag::Diagnostics) {
    let text = docbind::read::load_file(&repo_root().join(rel)).expect("readable test input");
    let format = docbind::read::detect_format(&text);
    docbind::read::read_text(rel, &text, format)
}

/// The IR of the given repo-relative inputs, exactly as the pipeline builds it.
pub fn api_for(rels: &[&str]) -> Api {
    let docs: Vec<Document> = rels.iter().map(|r| read_doc(r)).collect();
    docbind::pipeline::build_api(&docs, Default::default(), "ModelArts", "test").0
}

pub const SEED_000: &str = "spec/docs/000_4ba9fffda41aa61a.txt";
pub const SEED_001: &str = "spec/docs/001_abd0ffcc6504af86.txt";
pub const SEED_002: &str = "spec/docs/002_9f4ae7770f540e2e.txt";
pub const SEED_003: &str = "spec/docs/003_ce73705021848f54.txt";
pub const SEED_004: &str = "spec/docs/004_1a1b83b5d1b965a6.txt";

pub fn docbind_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_docbind"))
}
