//! Seeds 000/001/002 (Huawei markdown): acceptance facts and snapshots of every stage.

mod common;
use common::*;
use docbind::emit::openapi::{to_json, OpenApiVersion};
use docbind::emit::rust::{generate_crate, RustOptions};
use docbind::ir::{Api, Operation, ParamLocation, Schema, SchemaKind};

fn op<'a>(api: &'a Api, method: &str, path: &str) -> &'a Operation {
    api.operations
        .iter()
        .find(|o| o.method.as_str() == method && o.path == path)
        .unwrap_or_else(|| panic!("no operation {method} {path}"))
}

fn deref<'a>(api: &'a Api, s: &'a Schema) -> &'a Schema {
    match &s.kind {
        SchemaKind::Ref { name } => {
            &api.schemas
                .get(name)
                .unwrap_or_else(|| panic!("schema {name} missing"))
                .schema
        }
        _ => s,
    }
}

/// `(name, required)` of an object schema's fields, following a `$ref`.
fn fields(api: &Api, s: &Schema) -> Vec<(String, bool)> {
    match &deref(api, s).kind {
        SchemaKind::Object { fields } => fields
            .iter()
            .map(|f| (f.name.clone(), f.required))
            .collect(),
        other => panic!("not an object: {other:?}"),
    }
}

fn field<'a>(api: &'a Api, s: &'a Schema, name: &str) -> &'a Schema {
    match &deref(api, s).kind {
        SchemaKind::Object { fields } => {
            &fields
                .iter()
                .find(|f| f.name == name)
                .unwrap_or_else(|| panic!("no field {name}"))
                .schema
        }
        other => panic!("not an object: {other:?}"),
    }
}

fn array_item_fields(api: &Api, s: &Schema) -> Vec<(String, bool)> {
    match &s.kind {
        SchemaKind::Array { items } => fields(api, items),
        other => panic!("not an array: {other:?}"),
    }
}

fn names(v: &[(String, bool)]) -> Vec<&str> {
    v.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn seed_000_create_training_job_config() {
    let api = api_for(&[SEED_000]);
    assert_eq!(api.operations.len(), 1);
    let o = op(&api, "POST", "/v1/{project_id}/training-job-configs");
    assert_eq!(o.summary, "创建训练作业参数");
    let params: Vec<_> = o
        .parameters
        .iter()
        .map(|p| (p.name.as_str(), p.location, p.required))
        .collect();
    assert_eq!(params, vec![("project_id", ParamLocation::Path, true)]);

    let body = &o.request_body.as_ref().expect("request body").schema;
    let f = fields(&api, body);
    assert_eq!(f.len(), 17);
    let required: Vec<&str> = f.iter().filter(|x| x.1).map(|x| x.0.as_str()).collect();
    // Exactly the 是 rows of 表2 (the table marks mutually exclusive fields all 是).
    assert_eq!(
        required,
        vec![
            "config_name",
            "worker_server_num",
            "app_url",
            "boot_file_url",
            "model_id",
            "spec_id",
            "data_url",
            "dataset_id",
            "dataset_version_id",
            "data_source",
            "engine_id"
        ]
    );
    let ds = array_item_fields(&api, field(&api, body, "data_source"));
    assert_eq!(
        names(&ds),
        vec!["dataset_id", "dataset_version", "type", "data_url"]
    );
    assert!(
        ds.iter().all(|x| x.1),
        "000 marks data_source sub-fields 是"
    );
    let p = array_item_fields(&api, field(&api, body, "parameter"));
    assert_eq!(names(&p), vec!["label", "value"]);
    assert!(
        matches!(field(&api, body, "model_id").kind, SchemaKind::Integer { ref format } if format == "int64")
    );

    let ok = o.responses.get("200").expect("200 response");
    let resp = fields(&api, &ok.body.as_ref().expect("response body").schema);
    assert_eq!(
        names(&resp),
        vec!["is_success", "error_message", "error_code"]
    );
    // The documented request and success response examples are attached.
    assert_eq!(o.request_body.as_ref().unwrap().examples.len(), 1);
    assert_eq!(ok.examples.len(), 1);
}

#[test]
fn seed_001_update_training_job_config() {
    let api = api_for(&[SEED_001]);
    let o = op(
        &api,
        "PUT",
        "/v1/{project_id}/training-job-configs/{config_name}",
    );
    let params: Vec<_> = o
        .parameters
        .iter()
        .map(|p| (p.name.as_str(), p.location, p.required))
        .collect();
    assert_eq!(
        params,
        vec![
            ("project_id", ParamLocation::Path, true),
            ("config_name", ParamLocation::Path, true)
        ]
    );
    let body = &o.request_body.as_ref().unwrap().schema;
    let f = fields(&api, body);
    assert_eq!(f.len(), 16);
    assert_eq!(f.iter().filter(|x| x.1).count(), 10);
    // No links in 001: nested tables attach by the caption naming the field.
    let ds = array_item_fields(&api, field(&api, body, "data_source"));
    assert_eq!(
        names(&ds),
        vec!["dataset_id", "dataset_version", "type", "data_url"]
    );
    assert!(
        ds.iter().all(|x| !x.1),
        "001 marks data_source sub-fields 否"
    );
    assert_eq!(
        names(&array_item_fields(&api, field(&api, body, "parameter"))),
        vec!["label", "value"]
    );
    let resp = fields(&api, &o.responses["200"].body.as_ref().unwrap().schema);
    assert_eq!(
        names(&resp),
        vec!["is_success", "error_message", "error_code"]
    );
    // The example request uses a concrete config name: it still belongs to this operation.
    assert_eq!(o.request_body.as_ref().unwrap().examples.len(), 1);
}

#[test]
fn seed_002_sdk_page_alone_is_a_diagnostic_not_an_operation() {
    let api = api_for(&[SEED_002]);
    assert!(api.operations.is_empty());
    assert!(api.diagnostics.iter().any(|d| d.code == "sdk.no-operation"));
    assert!(api.schemas.contains_key("GetJobConfigsInfoResponse"));
    assert!(api.schemas.contains_key("EstimatorRequest"));
}

#[test]
fn seed_002_verifies_the_rest_page_of_the_same_title() {
    let rest = "tests/corpus/huawei-md/modelarts/API参考/查询训练作业参数详情.md";
    let api = api_for(&[rest, SEED_002]);
    assert_eq!(api.operations.len(), 1);
    let o = &api.operations[0];
    assert_eq!(o.summary, "查询训练作业参数详情");
    assert!(
        o.alt_docs.iter().any(|d| d.source == SEED_002),
        "the SDK page is recorded on the operation"
    );
    assert!(!api.diagnostics.iter().any(|d| d.code == "sdk.no-operation"));
}

fn rust_options() -> RustOptions {
    RustOptions {
        crate_name: "modelarts".into(),
        crate_version: "0.1.0".into(),
        runtime_dependency: "docbind-runtime = { path = \"../../runtime\" }".into(),
        endpoint_template: "https://modelarts.{region}.myhuaweicloud.com".into(),
        defaulted_path_params: vec!["project_id".into()],
        example_allowlist: Default::default(),
    }
}

fn snapshot_all_stages(name: &str, rel: &str) {
    let api = api_for(&[rel]);
    insta::assert_json_snapshot!(format!("{name}_ir"), api);
    insta::assert_snapshot!(
        format!("{name}_openapi"),
        to_json(&api, OpenApiVersion::V3_0_3)
    );
    let files = generate_crate(&api, &rust_options()).expect("crate generates");
    let mut rust = String::new();
    for (path, content) in &files {
        if path.extension().is_some_and(|e| e == "rs") {
            rust.push_str(&format!("// ===== {} =====\n{content}\n", path.display()));
        }
    }
    insta::assert_snapshot!(format!("{name}_rust"), rust);
}

#[test]
fn snapshots_seed_000() {
    snapshot_all_stages("seed_000", SEED_000);
}

#[test]
fn snapshots_seed_001() {
    snapshot_all_stages("seed_001", SEED_001);
}

#[test]
fn snapshots_seed_002() {
    snapshot_all_stages("seed_002", SEED_002);
}
