//! Every reference of the corpus against its committed baseline (`tests/corpus/baselines/`): no
//! ratcheted figure may get worse (operations, endpoints extracted and missed, tables consumed
//! and orphaned, typed fields, example conformance and example field coverage, warnings…).
//! `DOCBIND_UPDATE_BASELINES=1 cargo test -p docbind --test corpus_ratchet` rewrites them after
//! a reviewed improvement.

mod common;
use common::*;
use docbind::report::{build, regressions, Baseline};

#[test]
fn no_reference_gets_worse() {
    let dir = repo_root().join("tests/corpus/baselines");
    let update = std::env::var_os("DOCBIND_UPDATE_BASELINES").is_some();
    let mut worse = Vec::new();
    for reference in corpus_references() {
        let (api, coverage) = reference_api(&reference);
        let report = build(&api, &coverage, &Default::default());
        // Every documented endpoint either became an operation or carries a diagnostic; the
        // figures say how many of each.
        assert!(coverage.endpoints_extracted <= coverage.endpoints_documented);
        let name = reference
            .trim_start_matches("tests/corpus/")
            .replace('/', "_");
        let path = dir.join(format!("{name}.json"));
        let current = Baseline {
            summary: report.summary.clone(),
        };
        if update {
            std::fs::create_dir_all(&dir).expect("baseline dir");
            let text = serde_json::to_string_pretty(&current).expect("serialises") + "\n";
            std::fs::write(&path, text).expect("baseline written");
            continue;
        }
        let baseline: Baseline =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (run with DOCBIND_UPDATE_BASELINES=1)",
                    path.display()
                )
            }))
            .expect("baseline parses");
        for (figure, was, now) in regressions(&baseline, &report) {
            worse.push(format!("{name}: {figure} {was} -> {now}"));
        }
    }
    assert!(
        worse.is_empty(),
        "figures worse than the baselines:\n{}",
        worse.join("\n")
    );
}
