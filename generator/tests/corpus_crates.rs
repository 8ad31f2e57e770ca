//! The generated crate of every corpus reference builds: each reference of `tests/corpus/` is
//! generated into one throw-away workspace under `target/corpus-crates/`, which is then checked
//! with `cargo clippy -D warnings` (clippy runs the compiler's checks, then its lints). The
//! committed ModelArts crate (`generated/modelarts`) is built and tested by the main workspace;
//! here `cargo check` depth is enough, as a user's first `cargo build` of a new service needs.
//!
//! Set `DOCBIND_SKIP_CORPUS_CRATES=1` to skip it in a quick local loop.

mod common;
use common::*;
use docbind::emit::rust::RustOptions;
use docbind::pipeline::{self, Job};
use std::path::Path;
use std::process::Command;

/// `tests/corpus/huawei-md/iam` → `corpus-huawei-md-iam`.
fn crate_name(reference: &str) -> String {
    format!(
        "corpus-{}",
        reference
            .trim_start_matches("tests/corpus/")
            .replace('/', "-")
    )
}

#[test]
fn every_reference_crate_builds_without_warnings() {
    if std::env::var_os("DOCBIND_SKIP_CORPUS_CRATES").is_some() {
        eprintln!("skipped: DOCBIND_SKIP_CORPUS_CRATES is set");
        return;
    }
    let root = repo_root();
    let workspace = root.join("target/corpus-crates");
    std::fs::create_dir_all(&workspace).expect("workspace dir");
    let runtime = root.join("runtime");
    let mut members = Vec::new();
    for reference in corpus_references() {
        let name = crate_name(&reference);
        let dir = workspace.join(&name);
        // What `docbind generate DIR --rust OUT --crate-name NAME` builds, with the runtime of
        // this checkout instead of a bundled copy per crate (`standalone_crate.rs` builds one
        // bundled crate outside the workspace).
        let job = Job {
            title: name.clone(),
            rust: Some(RustOptions {
                runtime_dependency: Some(format!(
                    "docbind-runtime = {{ path = {:?} }}",
                    runtime.to_string_lossy()
                )),
                ..RustOptions::ad_hoc(&name)
            }),
            rust_dir: Some(dir),
            ..Job::ad_hoc(pipeline::expand_inputs(&[root.join(&reference)]).expect("listable"))
        };
        let outputs = pipeline::run(&job).unwrap_or_else(|e| panic!("{reference}: {e}"));
        // Unchanged files are left alone, so a rerun checks only what changed.
        outputs
            .write()
            .unwrap_or_else(|e| panic!("{reference}: {e}"));
        members.push(name);
    }
    write_workspace(&workspace, &root, &members);

    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(&workspace)
        .env("CARGO_TARGET_DIR", workspace.join("target"))
        .env_remove("RUSTFLAGS")
        .args(["clippy", "--workspace", "--quiet", "--", "-D", "warnings"])
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the generated crates do not build cleanly:\n{}",
        // The first errors say what is wrong; thousands of lines would hide them.
        stderr.lines().take(200).collect::<Vec<_>>().join("\n")
    );
}

/// A workspace of the generated crates, locked to the versions the project itself uses.
fn write_workspace(workspace: &Path, root: &Path, members: &[String]) {
    let list = members
        .iter()
        .map(|m| format!("    {m:?},\n"))
        .collect::<String>();
    let manifest = format!(
        "# Written by generator/tests/corpus_crates.rs.\n[workspace]\nresolver = \"2\"\nmembers = [\n{list}]\n\n[profile.dev]\ndebug = false\n"
    );
    std::fs::write(workspace.join("Cargo.toml"), manifest).expect("manifest written");
    std::fs::copy(root.join("Cargo.lock"), workspace.join("Cargo.lock")).expect("lockfile copied");
}
