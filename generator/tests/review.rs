//! `docbind review`: the site of a small page pinned as a snapshot (index and operation page,
//! the shared inline style and script left out), and the site of every corpus reference
//! listing every operation.

mod common;
use common::*;
use docbind::conformance::Outcome;
use docbind::pipeline::Job;
use docbind::review;
use std::path::PathBuf;
use std::time::Instant;

/// The shared inline style and scripts (`templates/review/_assets.html`, `_script.html`)
/// replaced by markers: they are the same on every page and would drown what the snapshot is
/// about.
fn without_assets(html: &str) -> String {
    let start = html.find("<style>").expect("inline style");
    let end = html[start..].find("</script>").expect("inline script") + start + "</script>".len();
    let html = format!("{}[assets]{}", &html[..start], &html[end..]);
    let start = html.rfind("<script>").expect("page script");
    let end = html[start..].find("</script>").expect("page script") + start + "</script>".len();
    format!("{}[script]{}", &html[..start], &html[end..])
}

#[test]
fn small_page_site_snapshot() {
    // Relative to the package directory (the tests' working directory): provenance in the
    // snapshot does not depend on where the repository is checked out.
    let job = Job {
        overlays: vec![PathBuf::from("tests/data/review/overlay.yaml")],
        ..Job::ad_hoc(vec![PathBuf::from("tests/data/review/create_widget.md")])
    };
    let (inputs, site) = review::run(&job).expect("the fixture reviews");
    assert_eq!(inputs.api.operations.len(), 1);
    assert_eq!(
        site.files.keys().cloned().collect::<Vec<_>>(),
        vec![
            PathBuf::from("index.html"),
            PathBuf::from("op/create_widget.html")
        ]
    );
    // The outcomes read back from the report are what the conformance check says (the
    // fixture has a conforming, a non-conforming, a schema-less, a non-JSON and a cut-short
    // example).
    let checked: Vec<_> = docbind::conformance::check_examples(&inputs.api)
        .into_iter()
        .map(|c| (c.site, c.outcome))
        .collect();
    let derived: Vec<_> = inputs
        .checks
        .iter()
        .map(|c| (c.site.clone(), c.outcome.clone()))
        .collect();
    assert_eq!(derived, checked);
    let kinds: std::collections::BTreeSet<&str> = checked
        .iter()
        .map(|(_, o)| match o {
            Outcome::Conformant { .. } => "conformant",
            Outcome::NonConformant { .. } => "non-conformant",
            Outcome::NoSchema => "no schema",
            Outcome::NotJson => "not JSON",
            Outcome::Partial => "cut short",
        })
        .collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    // Deterministic: a second build is byte-identical.
    let again = review::build(&inputs).expect("renders");
    assert_eq!(again.files, site.files);
    insta::assert_snapshot!(
        "review_index",
        without_assets(&site.files[&PathBuf::from("index.html")])
    );
    insta::assert_snapshot!(
        "review_operation",
        without_assets(&site.files[&PathBuf::from("op/create_widget.html")])
    );
}

/// Every reference of the corpus gets a site whose index lists each operation once and links
/// a page per operation.
#[test]
fn every_corpus_reference_reviews() {
    let root = repo_root();
    let started = Instant::now();
    let references = corpus_references();
    // Two workers take references in turn (sizes differ a lot), like `pipeline::run_all`.
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(reference) = references.get(i) else {
                    break;
                };
                check_reference(&root, reference);
            });
        }
    });
    let elapsed = started.elapsed();
    eprintln!("corpus sites built in {elapsed:.1?}");
}

fn check_reference(root: &std::path::Path, reference: &str) {
    let sources = docbind::pipeline::expand_inputs(&[root.join(reference)]).expect("listable");
    let (inputs, site) = review::run(&Job::ad_hoc(sources)).expect("reviews");
    let ops = inputs.api.operations.len();
    let index = &site.files[&PathBuf::from("index.html")];
    assert_eq!(
        index.matches("<tr class=\"op\"").count(),
        ops,
        "{reference}: index rows"
    );
    assert_eq!(
        site.files.len(),
        ops + 1,
        "{reference}: one page per operation"
    );
    for page in site.files.keys().filter(|p| p.starts_with("op")) {
        let href = format!("href=\"{}\"", page.display());
        assert!(index.contains(&href), "{reference}: {href} not linked");
    }
}

/// The command line: an ad-hoc run writes the site into `--out`; with `--deny-warnings` it
/// still writes it (that is how the warnings get reviewed) and exits 1; without inputs the job
/// of `--config` goes into its `[review] dir`; an unreadable input is exit 2.
#[test]
fn review_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = repo_root().join("generator/tests/data/review/create_widget.md");
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(docbind_bin())
            .arg("review")
            .args(args)
            .output()
            .expect("docbind runs")
    };
    let out = dir.path().join("adhoc");
    let o = run(&[fixture.as_os_str(), "--out".as_ref(), out.as_os_str()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.join("index.html").is_file() && out.join("op/create_widget.html").is_file());
    // A page of an operation that no longer exists is removed; other files are left alone.
    std::fs::write(out.join("op/gone.html"), "old").expect("written");
    std::fs::write(out.join("notes.txt"), "mine").expect("written");
    let o = run(&[
        fixture.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--deny-warnings".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.join("op/gone.html").exists() && out.join("notes.txt").exists());

    let config = dir.path().join("docbind.toml");
    std::fs::write(
        &config,
        format!(
            "sources = [{:?}]\n[api]\ntitle = \"Widgets\"\nversion = \"1\"\n[review]\ndir = \"site\"\n",
            fixture.display().to_string()
        ),
    )
    .expect("config written");
    let o = run(&["--config".as_ref(), config.as_os_str()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let index = std::fs::read_to_string(dir.path().join("site/index.html")).expect("index");
    assert!(index.contains("<title>Widgets 1"));

    let o = run(&[dir.path().join("missing.md").as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
}
