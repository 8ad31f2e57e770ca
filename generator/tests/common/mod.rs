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

pub fn read_doc(rel: &str) -> Document {
    let text = docbind::read::load_file(&repo_root().join(rel)).expect("readable test input");
    let format = docbind::read::detect_format(&text);
    docbind::read::read_text(rel, &text, format).0
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
