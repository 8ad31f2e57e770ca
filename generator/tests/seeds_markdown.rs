//! Seeds 000/001/002 (Huawei markdown): acceptance facts and snapshots of every stage.

mod common;
use common::ir_query::*;
use common::*;
use docbind::ir::{ParamLocation, SchemaKind};

#[test]
fn seed_000_create_training_job_config() {
    let api = api_for(&[SEED_000]);
    assert_eq!(api.operations.len(), 1);
    let o = op(&api, "POST", "/v1/{project_id}/training-job-configs");
    assert_eq!(o.summary, "创建训练作业参数");
    assert_eq!(params(o), vec![("project_id", ParamLocation::Path, true)]);

    let body = &o.request_body.as_ref().expect("request body").schema;
    let f = fields(&api, body);
    assert_eq!(f.len(), 17);
    let required: Vec<&str> = f.iter().filter(|x| x.1).map(|x| x.0.as_str()).collect();
    // 表2 marks eleven rows 是, mutually exclusive alternatives included; the request example
    // omits three of them, which proves those are not mandatory: the 是 rows minus what the
    // example leaves out, each relaxation a diagnostic.
    assert_eq!(
        required,
        vec![
            "config_name",
            "worker_server_num",
            "app_url",
            "boot_file_url",
            "spec_id",
            "dataset_id",
            "dataset_version_id",
            "engine_id"
        ]
    );
    assert_eq!(
        relaxed_by_example(&api),
        vec!["model_id", "data_url", "data_source"]
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
        matches!(field(&api, body, "model_id").kind, SchemaKind::Integer { format } if format == docbind::ir::IntFormat::Int64)
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
    assert_eq!(
        params(o),
        vec![
            ("project_id", ParamLocation::Path, true),
            ("config_name", ParamLocation::Path, true)
        ]
    );
    let body = &o.request_body.as_ref().unwrap().schema;
    let f = fields(&api, body);
    assert_eq!(f.len(), 16);
    // Ten 是 rows; the example omits the same three alternatives as seed 000's.
    assert_eq!(f.iter().filter(|x| x.1).count(), 7);
    assert_eq!(
        relaxed_by_example(&api),
        vec!["model_id", "data_url", "data_source"]
    );
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

#[test]
fn snapshots_seed_000() {
    snapshot_stages!("seed_000", SEED_000);
}

#[test]
fn snapshots_seed_001() {
    snapshot_stages!("seed_001", SEED_001);
}

#[test]
fn snapshots_seed_002() {
    snapshot_stages!("seed_002", SEED_002);
}
