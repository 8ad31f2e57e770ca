//! The `docbind` binary: the default job is up to date, output is deterministic, bad inputs are
//! one-line errors with the documented exit codes, and the whole markdown corpus never panics.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Output};

fn docbind(args: &[&str], cwd: &Path) -> Output {
    Command::new(docbind_bin())
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("docbind runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn check_passes_on_the_committed_tree() {
    let o = docbind(&["check"], &repo_root());
    assert_eq!(
        o.status.code(),
        Some(0),
        "docbind check failed:\n{}",
        stderr(&o)
    );
}

#[test]
fn generation_is_byte_identical_and_independent_of_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root();
    let seeds = [SEED_000, SEED_001, SEED_002];
    let mut outputs = Vec::new();
    for (i, order) in [[0, 1, 2], [0, 1, 2], [2, 0, 1]].iter().enumerate() {
        let json = dir.path().join(format!("{i}.json"));
        let yaml = dir.path().join(format!("{i}.yaml"));
        let rust = dir.path().join(format!("crate{i}"));
        let mut args: Vec<String> = vec!["generate".into()];
        args.extend(order.iter().map(|&k| seeds[k].to_string()));
        args.extend([
            "--openapi".into(),
            json.display().to_string(),
            "--yaml".into(),
            yaml.display().to_string(),
        ]);
        args.extend([
            "--rust".into(),
            rust.display().to_string(),
            "--crate-name".into(),
            "x".into(),
        ]);
        let o = docbind(&args.iter().map(String::as_str).collect::<Vec<_>>(), &root);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let mut all = std::fs::read(&json).unwrap();
        all.extend(std::fs::read(&yaml).unwrap());
        for f in [
            "Cargo.toml",
            "README.md",
            "src/lib.rs",
            "src/models.rs",
            "src/client.rs",
        ] {
            all.extend(std::fs::read(rust.join(f)).unwrap_or_else(|_| panic!("{f} generated")));
        }
        outputs.push(all);
    }
    assert!(outputs[0] == outputs[1], "two runs differ");
    assert!(outputs[0] == outputs[2], "input order changed the output");
}

#[test]
fn unchanged_outputs_are_not_rewritten() {
    // Rewriting identical files would bump their mtimes and make cargo rebuild the crate.
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root();
    let json = dir.path().join("o.json");
    let rust = dir.path().join("crate");
    let args = [
        "generate",
        SEED_000,
        "--openapi",
        json.to_str().unwrap(),
        "--rust",
        rust.to_str().unwrap(),
        "--crate-name",
        "x",
    ];
    let modified = |p: &std::path::Path| std::fs::metadata(p).unwrap().modified().unwrap();
    let o = docbind(&args, &root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let models = rust.join("src/models.rs");
    let before = (modified(&json), modified(&models));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let o = docbind(&args, &root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!((modified(&json), modified(&models)), before);
    // A stray file in the crate directory is stale: the crate is regenerated without it.
    std::fs::write(rust.join("src/extra.rs"), "").unwrap();
    let o = docbind(&args, &root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!rust.join("src/extra.rs").exists());
    assert!(models.exists());
}

#[test]
fn unreadable_inputs_are_one_line_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("binary.md");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let latin1 = dir.path().join("latin1.md");
    std::fs::write(&latin1, b"# caf\xe9\n").unwrap();
    let missing = dir.path().join("missing.md");
    let out = dir.path().join("out.json");
    for (input, why) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&latin1, "UTF-8"),
        (&missing, "cannot read"),
    ] {
        let o = docbind(
            &[
                "generate",
                input.to_str().unwrap(),
                "--openapi",
                out.to_str().unwrap(),
            ],
            dir.path(),
        );
        assert_eq!(o.status.code(), Some(2), "{input:?}");
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(
            err.contains(input.to_str().unwrap()) && err.contains(why),
            "{err}"
        );
        assert!(!out.exists(), "nothing written on failure");
    }
}

#[test]
fn a_failed_run_leaves_previous_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "previous").unwrap();
    let seed = repo_root().join(SEED_000);
    let missing = dir.path().join("missing.md");
    let o = docbind(
        &[
            "generate",
            seed.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--openapi",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
}

#[test]
fn deny_warnings_and_json_diagnostics() {
    let root = repo_root();
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("o.json");
    // Seed 002 alone warns (an SDK page without its REST page).
    let o = docbind(
        &[
            "generate",
            SEED_002,
            "--openapi",
            json.to_str().unwrap(),
            "--deny-warnings",
        ],
        &root,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("spec/docs/002_9f4ae7770f540e2e.txt:1: sdk.no-operation:"),
        "{}",
        stderr(&o)
    );
    let o = docbind(
        &[
            "generate",
            SEED_002,
            "--openapi",
            json.to_str().unwrap(),
            "--diagnostics",
            "json",
        ],
        &root,
    );
    assert_eq!(o.status.code(), Some(0));
    let diags: serde_json::Value = serde_json::from_str(&stderr(&o)).expect("JSON diagnostics");
    assert_eq!(diags[0]["code"], "sdk.no-operation");
    assert_eq!(diags[0]["span"]["start"], 1);
}

#[test]
fn bad_usage_exits_2() {
    let root = repo_root();
    assert_eq!(
        docbind(&["generate", SEED_000], &root).status.code(),
        Some(2),
        "no output named"
    );
    assert_eq!(docbind(&["frobnicate"], &root).status.code(), Some(2));
    assert_eq!(
        docbind(&["generate", "--config", "nope.toml"], &root)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn ir_command_prints_the_model() {
    let o = docbind(&["ir", SEED_000], &repo_root());
    assert_eq!(o.status.code(), Some(0));
    let ir: serde_json::Value = serde_json::from_slice(&o.stdout).expect("IR JSON on stdout");
    assert_eq!(
        ir["operations"][0]["path"],
        "/v1/{project_id}/training-job-configs"
    );
}

/// Every markdown page that carries `METHOD /path` becomes an operation or gets a diagnostic.
#[test]
fn the_whole_markdown_corpus_yields_operations_or_reasons() {
    let root = repo_root();
    let corpus = "tests/corpus/huawei-md/modelarts";
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("x.json");
    let o = docbind(
        &[
            "generate",
            corpus,
            "--openapi",
            json.to_str().unwrap(),
            "--diagnostics",
            "json",
            "--notes",
        ],
        &root,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let diags: Vec<serde_json::Value> = serde_json::from_str(&stderr(&o)).unwrap();
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let mut sources = std::collections::BTreeSet::new();
    for item in spec["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            if let Some(src) = op.get("x-docbind-source").and_then(|s| s.as_str()) {
                sources.insert(src.rsplit_once(':').map(|x| x.0).unwrap_or(src).to_string());
            }
        }
    }
    let explained: std::collections::BTreeSet<String> = diags
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("uri."))
        .map(|d| d["span"]["file"].as_str().unwrap().to_string())
        .collect();
    let re = regex::Regex::new(r"(?m)^\s*(GET|POST|PUT|DELETE|PATCH)\s+\S*/").unwrap();
    let mut pages = 0;
    for entry in docbind::pipeline::expand_inputs(&[root.join(corpus)]).unwrap() {
        let text = std::fs::read_to_string(&entry).unwrap().replace('\\', "");
        if !re.is_match(&text) {
            continue;
        }
        pages += 1;
        let rel = entry.strip_prefix(&root).unwrap().display().to_string();
        assert!(
            sources.contains(&rel) || explained.contains(&rel),
            "{rel} has a METHOD + URI but neither an operation nor a diagnostic"
        );
    }
    assert!(pages >= 137, "corpus pages with a request line: {pages}");
    assert!(
        sources.len() >= 135,
        "operations from the corpus: {}",
        sources.len()
    );
}

#[test]
fn report_command_writes_json_and_checks_the_baseline() {
    let o = docbind(
        &[
            "report",
            "--json",
            "-",
            "--baseline",
            "spec/report-baseline.json",
        ],
        &repo_root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    let examples = &report["examples"];
    assert!(examples["valid_json"].as_u64().unwrap_or(0) > 300);
    assert!(examples["conformant"].as_u64().unwrap_or(0) > 250);
    assert_eq!(report["summary"]["type_unknown"]["value"], 0);
    assert!(report["diagnostics"]
        .as_object()
        .is_some_and(|d| !d.is_empty()));
}

/// `docbind report INPUT --allowlist FILE`: an ad-hoc run with a reviewed list of wrong
/// examples; the undeclared example fields of a listed example carry the list's reason.
#[test]
fn report_of_an_ad_hoc_run_takes_an_allowlist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("p.md");
    std::fs::write(
        &page,
        "# 查询用户<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v3/users/{user_id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 1**  响应参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| name | String | 用户名。 |\n\n\
## 响应示例<a name=\"a4\"></a>\n\n```\n{\"name\": \"u\", \"users\": [{\"name\": \"u\"}]}\n```\n",
    )
    .expect("page written");
    let list = dir.path().join("allow.toml");
    std::fs::write(
        &list,
        "[[example]]\noperation = \"show_user\"\nstatus = \"200\"\nreason = \"the list page's example\"\n",
    )
    .expect("list written");
    let args = |extra: &[&str]| {
        let mut a = vec!["report", page.to_str().unwrap(), "--json", "-"];
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| {
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        docbind(&refs, &repo_root())
    };
    let o = run(args(&["--allowlist", list.to_str().unwrap()]));
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    let undeclared = &report["examples"]["undeclared_fields"];
    assert_eq!(undeclared[0]["path"], "users[].name", "{undeclared}");
    assert_eq!(undeclared[0]["allowlisted"], "the list page's example");
    let o = run(args(&[]));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert!(report["examples"]["undeclared_fields"][0]["allowlisted"].is_null());
    // Without inputs, docbind.toml names the list.
    let o = docbind(
        &["report", "--allowlist", list.to_str().unwrap()],
        &repo_root(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
