//! The Rust emitter on the fixture IR: the generated crate builds, passes clippy with
//! `-D warnings` and documents with `RUSTDOCFLAGS=-D warnings`; generation is deterministic;
//! snapshots of every generated file.

mod common;

use docbind::emit::rust::{generate_crate, RustOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn options() -> RustOptions {
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    let runtime = runtime
        .canonicalize()
        .expect("runtime crate next to the generator");
    RustOptions {
        crate_name: "training-client".into(),
        crate_version: "0.1.0".into(),
        runtime_dependency: Some(format!(
            "docbind-runtime = {{ path = {:?} }}",
            runtime.display().to_string()
        )),
        defaulted_path_params: vec!["project_id".into()],
        scope: None,
        example_allowlist: Default::default(),
    }
}

fn generated() -> BTreeMap<PathBuf, String> {
    generate_crate(&common::fixture_api(), &options()).expect("fixture generates")
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(generated(), generated());
}

#[test]
fn crate_layout() {
    let files = generated();
    let names: Vec<_> = files.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(
        names,
        [
            "Cargo.toml",
            "README.md",
            "rustfmt.toml",
            "src/client.rs",
            "src/doc_examples.rs",
            "src/lib.rs",
            "src/models.rs"
        ]
    );
}

#[test]
fn snapshots() {
    // The runtime path is machine-specific; snapshot a portable dependency line instead.
    let mut opts = options();
    opts.runtime_dependency = Some(r#"docbind-runtime = { path = "../../runtime" }"#.into());
    let files = generate_crate(&common::fixture_api(), &opts).unwrap();
    for (path, text) in &files {
        let name = format!(
            "fixture_crate__{}",
            path.display().to_string().replace(['/', '.'], "_")
        );
        insta::assert_snapshot!(name, text);
    }
}

/// The shared target directory (so dependencies are not rebuilt), or this workspace's.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

fn cargo(dir: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("RUSTDOCFLAGS", "-D warnings")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {} failed:\n{}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn generated_crate_builds_lints_and_documents_cleanly() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("emit-rust-fixture");
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in generated() {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = if path.ends_with("Cargo.toml") {
            // The temp dir is inside this workspace's tree: declare the crate its own workspace.
            // The behaviour test needs a server and JSON helpers.
            let dev = "serde_json = \"1\"\ntokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\", \"net\", \"io-util\"] }\n";
            // The template's own `[dev-dependencies]` table is the last one: extend it.
            if text.contains("\n[dev-dependencies]\n") {
                format!("{text}{dev}\n[workspace]\n")
            } else {
                format!("{text}\n[dev-dependencies]\n{dev}\n[workspace]\n")
            }
        } else {
            text
        };
        std::fs::write(&path, text).unwrap();
    }
    // Resolve dependencies exactly as this workspace does (offline, already built).
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();
    cargo(&dir, &["build", "--offline", "--quiet"]);
    cargo(
        &dir,
        &["clippy", "--offline", "--quiet", "--", "-D", "warnings"],
    );
    cargo(&dir, &["doc", "--offline", "--quiet", "--no-deps"]);
    // Behaviour: enums, renames, recursion, and builders against a local server.
    std::fs::create_dir_all(dir.join("tests")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/emit_rust/behaviour.rs"),
        dir.join("tests/behaviour.rs"),
    )
    .unwrap();
    cargo(&dir, &["test", "--offline", "--quiet"]);
}
