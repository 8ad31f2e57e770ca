//! Other languages' generators accept what docbind emits: openapi-python-client (default
//! configuration) and openapi-generator (typescript-fetch, spec validation on) generate a client
//! from the ModelArts spec and from every corpus reference's spec without errors.
//!
//! scripts/test.sh installs both (PyPI, into target/tools/gen) and names them in
//! `DOCBIND_OPENAPI_PYTHON_CLIENT` and `DOCBIND_OPENAPI_GENERATOR`; with a variable unset, its
//! test prints why and passes. What a tool still warns about (and, for openapi-python-client,
//! how many operations it did not generate) is compared with a committed list under
//! `tests/data/other-generators/`: a new line fails the test, and so does a listed line that
//! is gone (remove it, or rewrite the lists with `DOCBIND_UPDATE_BASELINES=1`).

mod common;
use common::*;
use docbind::emit::openapi::{to_json, OpenApiVersion};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// Every spec the tools are run on: (name, file), written under `dir`. The ModelArts spec is
/// the committed one (3.0.3, plus a 3.1 rendering for tools that read 3.1); each corpus
/// reference's is generated in-process, as `docbind generate DIR --openapi OUT` writes it.
fn specs(dir: &Path, with_3_1: bool) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let committed = repo_root().join("spec/modelarts.openapi.json");
    out.push(("modelarts".to_string(), committed));
    if with_3_1 {
        let root = repo_root();
        let path = dir.join("modelarts-3.1.json");
        let o = Command::new(docbind_bin())
            .current_dir(&root)
            .args(["generate", "--openapi-version", "3.1", "--openapi"])
            .arg(&path)
            .args(docbind_toml_sources(&root))
            .output()
            .expect("docbind runs");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        out.push(("modelarts-3.1".to_string(), path));
    }
    for rel in corpus_references() {
        let name = rel.trim_start_matches("tests/corpus/").replace('/', "_");
        let (api, _) = reference_api(&rel);
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, to_json(&api, OpenApiVersion::V3_0_3)).unwrap();
        out.push((name, path));
    }
    out
}

/// The default job's sources (for a 3.1 rendering of the ModelArts spec through the CLI).
fn docbind_toml_sources(root: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(root.join("docbind.toml")).unwrap();
    let config: toml::Value = toml::from_str(&text).unwrap();
    let sources = config["sources"].as_array().expect("sources");
    let mut args: Vec<String> = sources
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    for overlay in config
        .get("overlays")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
    {
        args.push("--overlay".into());
        args.push(overlay.as_str().unwrap().to_string());
    }
    args
}

/// The tool named by `var`, or `None` (with a message saying how to get it).
fn tool(var: &str, what: &str) -> Option<PathBuf> {
    match std::env::var_os(var).filter(|v| !v.is_empty()) {
        Some(v) => {
            let path = PathBuf::from(v);
            assert!(
                path.is_file(),
                "{var}={} does not name a file",
                path.display()
            );
            Some(path)
        }
        None => {
            eprintln!(
                "skipped: {var} is unset; scripts/test.sh installs {what} and sets it \
                 (run the suite through it to include this test)"
            );
            None
        }
    }
}

/// Operations in a spec file.
fn operation_count(spec: &Path) -> usize {
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(spec).unwrap()).unwrap();
    doc["paths"]
        .as_object()
        .map(|paths| {
            paths
                .values()
                .filter_map(serde_json::Value::as_object)
                .map(|item| item.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Compares `found` with the committed list `file` (under tests/data/other-generators/).
fn ratchet(file: &str, found: &BTreeSet<String>) {
    let path = repo_root()
        .join("generator/tests/data/other-generators")
        .join(file);
    let text = found.iter().map(|l| format!("{l}\n")).collect::<String>();
    if std::env::var_os("DOCBIND_UPDATE_BASELINES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let listed: BTreeSet<String> = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let new: Vec<&String> = found.difference(&listed).collect();
    let gone: Vec<&String> = listed.difference(found).collect();
    assert!(
        new.is_empty(),
        "{} new warning(s) not in {}:\n{}",
        new.len(),
        path.display(),
        new.iter().map(|l| format!("  {l}\n")).collect::<String>()
    );
    assert!(
        gone.is_empty(),
        "{} listed warning(s) are gone: remove them from {} (or rewrite it with \
         DOCBIND_UPDATE_BASELINES=1):\n{}",
        gone.len(),
        path.display(),
        gone.iter().map(|l| format!("  {l}\n")).collect::<String>()
    );
}

/// Runs `job` over `items` on two threads (the machine's cores), results in input order.
fn on_two_threads<T: Sync, R: Send>(items: &[T], job: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    let i = *n;
                    *n += 1;
                    i
                };
                let Some(item) = items.get(i) else { break };
                let r = job(item);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every item ran"))
        .collect()
}

/// openapi-python-client's warnings in its output: each `WARNING …` / `Unable to …` block's
/// header with the line that says why (object addresses removed).
fn python_client_warnings(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("WARNING") || line.starts_with("Unable to") {
            let why = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty())
                .unwrap_or("");
            let why = strip_addresses(why);
            out.push(format!("{} | {why}", line.trim()));
        }
    }
    out
}

fn strip_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        out.push_str(&rest[..at]);
        rest = rest[at + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

#[test]
fn openapi_python_client_generates_every_spec() {
    let Some(binary) = tool("DOCBIND_OPENAPI_PYTHON_CLIENT", "openapi-python-client") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let specs = specs(dir.path(), true);
    // Its default post-generation hooks run `ruff`, installed beside it.
    let path = std::env::join_paths(
        std::iter::once(binary.parent().unwrap().to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();
    let runs = on_two_threads(&specs, |(name, spec)| {
        let out_dir = dir.path().join(format!("py-{name}"));
        let o = Command::new(&binary)
            .env("PATH", &path)
            .current_dir(dir.path())
            .args(["generate", "--path"])
            .arg(spec)
            .arg("--output-path")
            .arg(&out_dir)
            .output()
            .expect("openapi-python-client runs");
        let text =
            String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
        (o.status.success(), text, out_dir)
    });
    let mut errors = Vec::new();
    let mut found = BTreeSet::new();
    for ((name, spec), (ok, text, out_dir)) in specs.iter().zip(runs) {
        // An error it survives is still a failure here (a post-hook error, a skipped hook).
        if !ok || text.contains("Error(s) encountered") || text.contains("is not in PATH") {
            errors.push(format!("{name}:\n{text}"));
            continue;
        }
        for w in python_client_warnings(&text) {
            found.insert(format!("{name} | {w}"));
        }
        let operations = operation_count(spec);
        let generated = count_lines(&out_dir, "py", |l| l.starts_with("def sync_detailed("));
        if generated != operations {
            found.insert(format!(
                "{name} | {} of {operations} operations not generated",
                operations.saturating_sub(generated)
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    ratchet("openapi-python-client.txt", &found);
}

/// Lines that `is_operation` accepts in the files under `dir` whose names end with
/// `extension`: a generated client's functions, one per operation (`def sync_detailed(` in a
/// module per endpoint, `async fooRaw(` in an API class per tag).
fn count_lines(dir: &Path, extension: &str, is_operation: fn(&str) -> bool) -> usize {
    let mut count = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == extension) {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                count += text.lines().filter(|l| is_operation(l.trim())).count();
            }
        }
    }
    count
}

#[test]
fn openapi_generator_validates_and_generates_every_spec() {
    let Some(binary) = tool("DOCBIND_OPENAPI_GENERATOR", "openapi-generator-cli") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let specs = specs(dir.path(), false);
    // One JVM per spec, two at a time: the two cores stay busy and a spec's log stays its own.
    let runs = on_two_threads(&specs, |(name, spec)| {
        let out_dir = dir.path().join(format!("ts-{name}"));
        let o = Command::new(&binary)
            .args(["generate", "-g", "typescript-fetch", "-i"])
            .arg(spec)
            .arg("-o")
            .arg(&out_dir)
            .output()
            .expect("openapi-generator-cli runs");
        let text =
            String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
        (o.status.success(), text, out_dir)
    });
    let mut errors = Vec::new();
    let mut found = BTreeSet::new();
    for ((name, spec), (ok, text, out_dir)) in specs.iter().zip(runs) {
        if !ok || text.contains(" ERROR ") || text.contains("SpecValidationException") {
            errors.push(format!("{name}:\n{text}"));
            continue;
        }
        // An API class per tag: tags that generate the same class name overwrite each
        // other's file, and their operations are gone.
        let operations = operation_count(spec);
        let generated = count_lines(&out_dir, "ts", |l| {
            l.starts_with("async ") && l.contains("Raw(")
        });
        if generated != operations {
            found.insert(format!(
                "{name} | {} of {operations} operations not generated",
                operations.saturating_sub(generated)
            ));
        }
        let out_dir = out_dir.to_string_lossy().to_string();
        for line in text.lines().filter(|l| l.contains(" WARN ")) {
            // `[main] WARN  o.o.c.SomeClass - message`: the message, without temp paths.
            let message = line.split_once(" - ").map_or(line, |(_, m)| m);
            found.insert(format!("{name} | {}", message.replace(&out_dir, "OUT")));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    ratchet("openapi-generator.txt", &found);
}

#[test]
fn warnings_are_read_from_the_tools_output() {
    let text = "Generating out\nWARNING parsing GET /a within x. Endpoint will not be generated.\n\nCannot parse <obj object at 0x7f00ab> here\n\nUnable to process schema /components/schemas/A:\n\nGot {1}\n";
    assert_eq!(
        python_client_warnings(text),
        [
            "WARNING parsing GET /a within x. Endpoint will not be generated. | Cannot parse <obj object> here",
            "Unable to process schema /components/schemas/A: | Got {1}"
        ]
    );
}
