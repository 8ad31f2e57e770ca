//! Every diagnostic code a run emits is in the catalogue (`diag::catalogue`), at the severity
//! the catalogue gives it: on the seeds and on every reference of the corpus.

use docbind::diag::catalogue;
use docbind::pipeline;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn references() -> Vec<PathBuf> {
    let mut out = vec![repo().join("spec/docs")];
    for cloud in ["huawei-md", "otc-rst"] {
        let dir = repo().join("tests/corpus").join(cloud);
        let mut services: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("corpus is listable")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_dir())
            .collect();
        services.sort();
        out.extend(services);
    }
    out
}

#[test]
fn every_emitted_code_is_catalogued() {
    let mut unknown = BTreeSet::new();
    let mut emitted = BTreeSet::new();
    for reference in references() {
        let sources = pipeline::expand_inputs(&[reference.clone()]).expect("listable");
        let (docs, diags) = pipeline::read_sources(&sources).expect("readable");
        let (api, _) = pipeline::build_api(&docs, diags, "t", "1");
        for d in api.diagnostics.iter() {
            match catalogue::find(&d.code) {
                Some(c) => {
                    assert_eq!(
                        c.severity, d.severity,
                        "{d}: catalogue says {:?}",
                        c.severity
                    );
                    emitted.insert(c.id);
                }
                None => {
                    unknown.insert(format!("{}: {d}", reference.display()));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "codes missing from the catalogue:\n{unknown:#?}"
    );
    // The corpora exercise most of the catalogue: a code nothing emits any more is worth a look.
    assert!(emitted.len() * 2 > catalogue::ALL.len(), "{emitted:?}");
}

#[test]
fn explain_prints_a_code_and_rejects_an_unknown_one() {
    let bin = env!("CARGO_BIN_EXE_docbind");
    let out = std::process::Command::new(bin)
        .args(["explain", "table.orphan"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("table.orphan (warning)"), "{text}");
    assert!(text.contains("Example:"), "{text}");
    let out = std::process::Command::new(bin)
        .args(["explain", "no.such-code"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let list = std::process::Command::new(bin)
        .arg("explain")
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&list.stdout).lines().count(),
        catalogue::ALL.len()
    );
}
