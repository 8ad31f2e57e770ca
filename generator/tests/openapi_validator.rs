//! The emitted OpenAPI passes an independent validator: openapi-spec-validator (PyPI), which
//! scripts/test.sh installs into a venv and names in DOCBIND_PYTHON.

mod common;
use common::*;
use std::process::Command;

fn python() -> String {
    std::env::var("DOCBIND_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn validate(files: &[std::path::PathBuf]) {
    let probe = Command::new(python()).args(["-c", "import openapi_spec_validator"]).output();
    assert!(
        probe.as_ref().is_ok_and(|o| o.status.success()),
        "openapi-spec-validator is not installed for {}: run scripts/test.sh (it installs it) or set DOCBIND_PYTHON",
        python()
    );
    let out = Command::new(python()).arg("-m").arg("openapi_spec_validator").args(files).output().expect("validator runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "validator rejected the document(s):\n{text}");
    assert_eq!(text.matches(": OK").count(), files.len(), "{text}");
}

#[test]
fn committed_openapi_documents_are_valid() {
    let root = repo_root();
    validate(&[root.join("spec/modelarts.openapi.json"), root.join("spec/modelarts.openapi.yaml")]);
}

#[test]
fn openapi_3_0_and_3_1_of_the_whole_markdown_corpus_are_valid() {
    let root = repo_root();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (version, name) in [("3.0", "c30"), ("3.1", "c31")] {
        let json = dir.path().join(format!("{name}.json"));
        let yaml = dir.path().join(format!("{name}.yaml"));
        let o = Command::new(docbind_bin())
            .current_dir(&root)
            .args(["generate", "tests/corpus/huawei-md/modelarts", "--openapi-version", version, "--openapi"])
            .arg(&json)
            .arg("--yaml")
            .arg(&yaml)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        files.push(json);
        files.push(yaml);
    }
    validate(&files);
}
