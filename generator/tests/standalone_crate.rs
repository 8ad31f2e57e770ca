//! A generated crate builds outside this repository with no edits: `docbind generate DIR --rust
//! OUT` bundles the runtime (`OUT/runtime/`), and the crate is built in a temporary directory
//! outside any workspace, offline, against the dependencies this project already fetched (its
//! Cargo.lock is copied in so the versions are the ones tested here).
//!
//! Set `DOCBIND_SKIP_CORPUS_CRATES=1` to skip it in a quick local loop (like `corpus_crates`).

mod common;
use common::*;
use docbind::emit::rust::{runtime_bundle, RustOptions};
use docbind::pipeline::{self, Job};
use std::process::Command;

#[test]
fn the_bundled_runtime_lists_every_runtime_source() {
    let mut on_disk: Vec<String> = std::fs::read_dir(repo_root().join("runtime/src"))
        .expect("runtime/src")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    on_disk.sort();
    let bundled: Vec<&str> = runtime_bundle::SOURCES.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        bundled, on_disk,
        "runtime_bundle::SOURCES must list runtime/src"
    );
}

#[test]
fn an_ad_hoc_crate_builds_outside_the_workspace() {
    if std::env::var_os("DOCBIND_SKIP_CORPUS_CRATES").is_some() {
        eprintln!("skipped: DOCBIND_SKIP_CORPUS_CRATES is set");
        return;
    }
    let root = repo_root();
    let outside = std::env::temp_dir().join("docbind-standalone-crate");
    assert!(
        !outside.starts_with(&root),
        "the temporary directory must be outside the repository"
    );
    let dir = outside.join("dns-client");
    let job = Job {
        title: "DNS".into(),
        rust: Some(RustOptions::ad_hoc("dns-client")),
        rust_dir: Some(dir.clone()),
        ..Job::ad_hoc(
            pipeline::expand_inputs(&[root.join("tests/corpus/otc-rst/dns")]).expect("listable"),
        )
    };
    let outputs = pipeline::run(&job).expect("generates");
    let (_, files) = outputs.crate_dir.as_ref().expect("a crate");
    let manifest = &files[std::path::Path::new("Cargo.toml")];
    assert!(
        manifest.contains("docbind-runtime = { path = \"runtime\" }"),
        "{manifest}"
    );
    assert!(files.contains_key(std::path::Path::new("runtime/src/lib.rs")));
    outputs.write().expect("written");
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).expect("lockfile copied");

    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(&dir)
        // The corpus crates' target directory and profile (`corpus_crates.rs`): the
        // dependencies compiled there are reused, only the runtime copy and the crate build.
        .env("CARGO_TARGET_DIR", root.join("target/corpus-crates/target"))
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_MANIFEST_DIR")
        .args(["build", "--offline", "--quiet"])
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the standalone crate does not build:\n{}",
        stderr.lines().take(120).collect::<Vec<_>>().join("\n")
    );
    assert!(
        !stderr.contains("warning"),
        "the standalone crate builds with warnings:\n{stderr}"
    );
}
