//! Every diagnostic code a run emits is in the catalogue (`diag::catalogue`), at the severity
//! the catalogue gives it: on the seeds and on every reference of the corpus.

mod common;
use common::*;
use docbind::diag::catalogue;
use std::collections::BTreeSet;

#[test]
fn every_emitted_code_is_catalogued() {
    let mut unknown = BTreeSet::new();
    let mut emitted = BTreeSet::new();
    let mut references = corpus_references();
    references.push("spec/docs".to_string());
    for reference in references {
        let (api, _) = reference_api(&reference);
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
                    unknown.insert(format!("{reference}: {d}"));
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
