//! Seed 003 and the Open Telekom Cloud rST corpus through extraction: acceptance facts, corpus
//! counts, hard pages, and rST/markdown equivalence.

mod common;
use common::ir_query::*;
use common::*;
use docbind::ir::{ParamLocation, SchemaKind};

#[test]
fn seed_003_create_training_job_version() {
    let api = api_for(&[SEED_003]);
    assert_eq!(api.operations.len(), 1);
    let o = op(
        &api,
        "POST",
        "/v1/{project_id}/training-jobs/{job_id}/versions",
    );
    assert_eq!(o.summary, "Creating a Version of a Training Job");
    assert_eq!(
        params(o),
        vec![
            ("project_id", ParamLocation::Path, true),
            ("job_id", ParamLocation::Path, true)
        ]
    );
    let body = &o.request_body.as_ref().expect("request body").schema;
    assert_eq!(
        fields(&api, body),
        vec![
            ("job_desc".to_string(), false),
            ("config".to_string(), true)
        ]
    );
    let config = field(&api, body, "config");
    let cf = fields(&api, config);
    assert_eq!(cf.len(), 16);
    let required: Vec<&str> = cf.iter().filter(|f| f.1).map(|f| f.0.as_str()).collect();
    assert_eq!(
        required,
        vec![
            "worker_server_num",
            "app_url",
            "boot_file_url",
            "spec_id",
            "engine_id",
            "train_url",
            "pre_version_id"
        ]
    );
    // The table marks model_id Mandatory, but the request example omits it (it is the
    // alternative to app_url/boot_file_url/engine_id).
    assert_eq!(relaxed_by_example(&api), vec!["model_id"]);
    let ds = array_item_fields(&api, field(&api, config, "data_source"));
    assert_eq!(
        names(&ds),
        vec!["dataset_id", "dataset_version", "type", "data_url"]
    );
    // `parameter` is described by the simple table.
    let p = array_item_fields(&api, field(&api, config, "parameter"));
    assert_eq!(
        p,
        vec![("label".to_string(), false), ("value".to_string(), false)]
    );
    let resp = fields(
        &api,
        &o.responses["200"]
            .body
            .as_ref()
            .expect("response body")
            .schema,
    );
    assert_eq!(
        names(&resp),
        vec![
            "is_success",
            "error_message",
            "error_code",
            "job_id",
            "job_name",
            "status",
            "create_time",
            "version_id",
            "version_name"
        ]
    );
    // The sample with `""V0001"` is not JSON: kept as text, with a diagnostic.
    assert!(api
        .diagnostics
        .iter()
        .any(|d| d.code == "example.invalid-json" && d.span.file.as_ref() == SEED_003));
}

#[test]
fn snapshots_seed_003() {
    snapshot_stages!("seed_003", SEED_003);
}

/// The whole OTC corpus: every page with `METHOD /path` becomes an operation or gets a diagnostic.
#[test]
fn otc_corpus_operations_and_counts() {
    let root = repo_root();
    let files =
        docbind::pipeline::expand_inputs(&[root.join("tests/corpus/otc-rst/modelarts")]).unwrap();
    let rels: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(&root).unwrap().display().to_string())
        .collect();
    let docs: Vec<_> = rels.iter().map(|r| read_doc(r)).collect();
    let (api, coverage) = docbind::pipeline::build_api(&docs, Default::default(), "OTC", "test");
    let re = regex::Regex::new(r"(?m)^\s*(GET|POST|PUT|DELETE|PATCH)\s+\S*/").unwrap();
    let with_uri: Vec<&String> = rels
        .iter()
        .filter(|r| re.is_match(&std::fs::read_to_string(root.join(r)).unwrap()))
        .collect();
    assert_eq!(
        with_uri.len(),
        224,
        "pages carrying a request line (222 API pages + 2 calling-convention pages)"
    );
    let op_files: std::collections::BTreeSet<&str> = api
        .operations
        .iter()
        .map(|o| o.span.file.as_ref())
        .collect();
    let explained: std::collections::BTreeSet<&str> = api
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("uri."))
        .map(|d| d.span.file.as_ref())
        .collect();
    for page in &with_uri {
        assert!(
            op_files.contains(page.as_str()) || explained.contains(page.as_str()),
            "{page}: no operation and no diagnostic"
        );
    }
    assert!(
        api.operations.len() >= 218,
        "operations: {}",
        api.operations.len()
    );
    assert_eq!(api.operations.len(), 222);
    // Tables in operation sections: consumed, or reported with a diagnostic.
    let reported = api
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.code.as_str(),
                "table.orphan" | "table.unclassified" | "table.ignored"
            )
        })
        .count();
    assert_eq!(
        coverage.tables_in_operations,
        coverage.tables_consumed + reported,
        "{coverage:?}"
    );
    assert!(
        coverage.tables_consumed * 100 >= coverage.tables_in_operations * 98,
        "{coverage:?}"
    );
    let unresolved = api
        .diagnostics
        .iter()
        .filter(|d| d.code == "type.unresolved")
        .count();
    // 4: the `flavor_details` table of the old "modifying a development environment" page is
    // reached since links to another page's table N stopped taking this page's table N, and it
    // types `storage_list` as `Array< storageType >`, a type no table describes.
    assert!(unresolved <= 4, "unresolved type references: {unresolved}");
    eprintln!("OTC corpus: {} operations, {}/{} tables consumed, {reported} reported, {unresolved} unresolved type references", api.operations.len(), coverage.tables_consumed, coverage.tables_in_operations);
}

/// Hard pages: 7 levels of nested objects with 4 status codes; 5 status codes; a cell of 32
/// paragraphs and chains of tables referring to each other.
#[test]
fn hard_otc_pages() {
    for (name, rel) in [
        ("otc_auto_labeling_task_list", "tests/corpus/otc-rst/modelarts/historical_apis/data_management_old_version/obtaining_an_auto_labeling_task_list_by_page.rst"),
        ("otc_create_notebook", "tests/corpus/otc-rst/modelarts/development_environment_management/creating_a_notebook_instance.rst"),
        ("otc_update_sample_labels", "tests/corpus/otc-rst/modelarts/historical_apis/data_management_old_version/updating_sample_labels_in_batches.rst"),
    ] {
        let api = api_for(&[rel]);
        assert_eq!(api.operations.len(), 1, "{rel}");
        insta::assert_json_snapshot!(format!("{name}_ir"), api);
    }
    let api = api_for(&["tests/corpus/otc-rst/modelarts/development_environment_management/creating_a_notebook_instance.rst"]);
    assert_eq!(api.operations[0].responses.len(), 5);
}

/// The same page written as a Huawei markdown page and as an OTC rST page gives the same IR
/// (provenance aside).
#[test]
fn rst_and_markdown_pages_give_the_same_ir() {
    fn without_provenance(v: serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Object(m) => serde_json::Value::Object(
                m.into_iter()
                    .filter(|(k, _)| k != "span" && k != "sources")
                    .map(|(k, v)| (k, without_provenance(v)))
                    .collect(),
            ),
            serde_json::Value::Array(a) => {
                serde_json::Value::Array(a.into_iter().map(without_provenance).collect())
            }
            other => other,
        }
    }
    let md = api_for(&["generator/tests/data/equivalence/things.md"]);
    let rst = api_for(&["generator/tests/data/equivalence/things.rst"]);
    assert_eq!(md.operations.len(), 1);
    let parts = field(
        &md,
        &md.operations[0].request_body.as_ref().unwrap().schema,
        "parts",
    );
    assert_eq!(
        names(&array_item_fields(&md, parts)),
        vec!["label", "weight"]
    );
    assert!(matches!(parts.kind, SchemaKind::Array { .. }));
    assert_eq!(
        without_provenance(serde_json::to_value(&md).unwrap()),
        without_provenance(serde_json::to_value(&rst).unwrap()),
    );
}
