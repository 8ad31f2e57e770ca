//! The coverage report of the default job (docbind.toml) against the committed baseline
//! (spec/report-baseline.json): no figure may get worse. Also: every documented example that does
//! not match its schema is explained in the reviewed allow-list, and every allow-list entry
//! still names a failing example (no stale excuses).

mod common;
use common::*;
use docbind::allowlist::{Contradiction, ExampleAllowlist};
use docbind::config::Config;
use docbind::report::{build, regressions, Baseline, Report};

fn current() -> (Report, ExampleAllowlist) {
    let config = Config::load(&repo_root().join("docbind.toml")).expect("docbind.toml loads");
    let allowlist = config
        .examples
        .as_ref()
        .and_then(|e| e.allowlist.as_ref())
        .map(|p| ExampleAllowlist::load(p).expect("allow-list loads"))
        .unwrap_or_default();
    let (docs, diags) = docbind::pipeline::read_sources(&config.sources).expect("sources read");
    let (mut api, coverage) =
        docbind::pipeline::build_api(&docs, diags, &config.api.title, &config.api.version);
    // What is generated: with the overlays' corrections.
    let version = docbind::cli::job_from_config(&repo_root().join("docbind.toml"))
        .expect("docbind.toml loads")
        .openapi_version;
    docbind::overlay::apply_files(&mut api, &config.overlays, version).expect("overlays apply");
    (build(&api, &coverage, &allowlist), allowlist)
}

#[test]
fn report_figures_do_not_regress_and_failures_are_explained() {
    let (report, allowlist) = current();
    let baseline: Baseline = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("spec/report-baseline.json"))
            .expect("baseline readable"),
    )
    .expect("baseline parses");
    let worse = regressions(&baseline, &report);
    assert!(
        worse.is_empty(),
        "figures worse than spec/report-baseline.json (name, baseline, now): {worse:?}"
    );

    let e = &report.examples;
    assert!(e.checked > 300, "the examples are checked: {e:?}");
    assert_eq!(e.checked, e.conformant + e.non_conformant.len() as u64);
    let unexplained: Vec<_> = e
        .non_conformant
        .iter()
        .filter(|n| n.allowlisted.is_none())
        .map(|n| format!("{} {} at {}: {:?}", n.operation, n.status, n.at, n.errors))
        .collect();
    assert!(
        unexplained.is_empty(),
        "non-conformant examples missing from spec/examples-allowlist.toml:\n{}",
        unexplained.join("\n")
    );
    let stale: Vec<_> = allowlist
        .examples
        .iter()
        .filter(|a| a.contradicts == Contradiction::Schema)
        .filter(|a| {
            !e.non_conformant
                .iter()
                .any(|n| a.covers(&n.operation, &n.status, n.index))
        })
        .map(|a| format!("{} {} {:?}", a.operation, a.status, a.index))
        .collect();
    assert!(
        stale.is_empty(),
        "allow-list entries whose examples now conform (remove them): {stale:?}"
    );
    assert_eq!(report.summary["type_unknown"].value, 0);
}
