//! The Python client openapi-python-client generates (default configuration) from the committed
//! ModelArts spec, against a Prism mock of the same spec: `tests/e2e/python_client.py` calls
//! 13 operations (path and query parameters, request bodies, 200 and 201 answers) and checks that
//! each answer decodes into the generated model class.
//!
//! Needs `DOCBIND_OPENAPI_PYTHON_CLIENT` (set by scripts/test.sh, which installs the tool in a
//! venv whose Python runs the script); skipped with a message when it is unset. Prism is
//! required as in `prism.rs`.

use docbind_e2e::{locate_prism, workspace_root, Prism, PRISM_ENV};
use std::path::PathBuf;
use std::process::Command;

#[test]
fn generated_python_client_against_prism() {
    let Some(generator) = std::env::var_os("DOCBIND_OPENAPI_PYTHON_CLIENT")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
    else {
        eprintln!(
            "skipped: DOCBIND_OPENAPI_PYTHON_CLIENT is unset; scripts/test.sh installs \
             openapi-python-client and sets it"
        );
        return;
    };
    let bin_dir = generator
        .parent()
        .expect("the tool is in a venv's bin")
        .to_path_buf();
    let python = bin_dir.join("python");
    let root = workspace_root();
    let spec = root.join("spec/modelarts.openapi.json");
    let dir = tempfile::tempdir().unwrap();
    let client = dir.path().join("client");
    // Its default post-generation hooks run `ruff`, installed beside it.
    let path = std::env::join_paths(
        std::iter::once(bin_dir.clone()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();
    let o = Command::new(&generator)
        .env("PATH", &path)
        .current_dir(dir.path())
        .args(["generate", "--path"])
        .arg(&spec)
        .arg("--output-path")
        .arg(&client)
        .output()
        .expect("openapi-python-client runs");
    let text = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && !text.contains("WARNING"), "{text}");

    let binary = locate_prism(std::env::var_os(PRISM_ENV), std::env::var_os("PATH"))
        .unwrap_or_else(|e| panic!("{e}"));
    let prism = Prism::start(&binary, &spec).unwrap_or_else(|e| panic!("{e}"));
    let o = Command::new(&python)
        .arg(root.join("tests/e2e/python_client.py"))
        .arg(&client)
        .arg(&spec)
        .arg(prism.base_url())
        .output()
        .expect("python runs");
    let text = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "{text}\nPrism log (last lines):\n{}",
        prism.log_tail(40)
    );
    eprintln!("{text}");
}
