//! Overlays (OpenAPI Overlay 1.0) applied to the IR: every mapped keyword, removal, action order,
//! remove winning over update, arrays appended, errors naming the action, notes with file:line,
//! `x-docbind-overlay` in the emitted spec, the `--overlay` flag, and the ModelArts correction
//! in the committed outputs.

mod common;
use common::*;
use docbind::emit::openapi::{to_openapi, OpenApiVersion};
use docbind::ir::Api;
use docbind::openapi_import::import;
use docbind::overlay::apply_text;
use serde_json::{json, Value};
use std::process::Command;

const V30: OpenApiVersion = OpenApiVersion::V3_0_3;

const BASE: &str = r#"
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /v1/jobs:
    post:
      operationId: create_job
      parameters:
        - {name: limit, in: query, required: false, description: how many, schema: {type: integer, format: int32}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Job'}
      responses: {'200': {description: OK}}
      x-docbind-source: docs/jobs.md:3
components:
  schemas:
    Job:
      type: object
      required: [name]
      properties:
        name: {type: string, description: The nmae.}
        kind: {type: string, enum: [a, b]}
        size: {type: integer, format: int32}
        tags: {type: array, items: {type: string}}
"#;

fn base() -> Api {
    import(&serde_norway::from_str(BASE).unwrap(), "base.yaml")
}

fn overlay(actions: &str) -> String {
    format!("overlay: 1.0.0\ninfo:\n  title: fixes\n  version: 1.0.0\nactions:\n{actions}")
}

fn spec(api: &Api) -> Value {
    to_openapi(api, V30)
}

fn apply(actions: &str) -> Result<(Api, Value), String> {
    let mut api = base();
    apply_text(&mut api, "fix.yaml", &overlay(actions), V30).map_err(|e| e.to_string())?;
    let doc = spec(&api);
    Ok((api, doc))
}

#[test]
fn schema_keywords_map_onto_the_ir() {
    let (api, doc) = apply(
        r#"  - target: $.components.schemas.Job.properties.size
    update: {type: string, format: byte, nullable: true, description: Size in bytes., maxLength: 9}
  - target: $.components.schemas.Job.properties.kind
    update: {enum: [c], default: a}
  - target: $.components.schemas.Job
    update: {required: [kind], properties: {name: {description: The name.}, extra: {type: boolean}}}
"#,
    )
    .unwrap();
    let job = &doc["components"]["schemas"]["Job"];
    assert_eq!(
        job["properties"]["size"],
        json!({"type": "string", "format": "byte", "nullable": true,
               "description": "Size in bytes.", "maxLength": 9,
               "x-docbind-overlay": ["fix.yaml:6"]})
    );
    // Arrays are appended.
    assert_eq!(job["properties"]["kind"]["enum"], json!(["a", "b", "c"]));
    assert_eq!(job["properties"]["kind"]["default"], json!("a"));
    assert_eq!(job["required"], json!(["name", "kind"]));
    assert_eq!(job["properties"]["name"]["description"], json!("The name."));
    assert_eq!(job["properties"]["extra"]["type"], json!("boolean"));
    assert_eq!(job["x-docbind-overlay"], json!(["fix.yaml:10"]));
    // One note per applied action, at the action's line.
    let notes: Vec<String> = api
        .diagnostics
        .iter()
        .filter(|d| d.code == "overlay.applied")
        .map(|d| format!("{}:{}", d.span.file, d.span.start))
        .collect();
    assert_eq!(notes, ["fix.yaml:6", "fix.yaml:8", "fix.yaml:10"]);
}

#[test]
fn operations_and_parameters_map_onto_the_ir() {
    let (_, doc) = apply(
        r#"  - target: $.paths['/v1/jobs'].post
    update: {operationId: submit_job, summary: Submit a job}
  - target: $.paths['/v1/jobs'].post.parameters[?@.name == 'limit']
    update: {required: true, description: At most this many., schema: {maximum: 100}}
"#,
    )
    .unwrap();
    let op = &doc["paths"]["/v1/jobs"]["post"];
    assert_eq!(op["operationId"], json!("submit_job"));
    assert_eq!(op["summary"], json!("Submit a job"));
    let p = &op["parameters"][0];
    assert_eq!(p["required"], json!(true));
    assert_eq!(p["description"], json!("At most this many."));
    assert_eq!(p["schema"]["maximum"], json!(100));
    assert_eq!(p["schema"]["x-docbind-overlay"], json!(["fix.yaml:8"]));
}

#[test]
fn removal_and_remove_winning_over_update() {
    let (_, doc) = apply(
        r#"  - target: $.components.schemas.Job.properties.tags
    remove: true
    update: {description: ignored}
  - target: $.components.schemas.Job.properties.kind.enum[?@ == 'b']
    remove: true
  - target: $.components.schemas.Job.required[0]
    remove: true
  - target: $.paths['/v1/jobs'].post.parameters[0]
    remove: true
"#,
    )
    .unwrap();
    let job = &doc["components"]["schemas"]["Job"];
    assert!(job["properties"].get("tags").is_none());
    assert_eq!(job["properties"]["kind"]["enum"], json!(["a"]));
    assert!(job.get("required").is_none());
    assert!(doc["paths"]["/v1/jobs"]["post"].get("parameters").is_none());
}

#[test]
fn removing_several_operations_at_once() {
    let two = BASE.replace(
        "components:",
        "  /v1/jobs/{id}:\n    get:\n      operationId: get_job\n      responses: {'200': {description: OK}}\n    delete:\n      operationId: delete_job\n      responses: {'204': {description: Gone}}\ncomponents:",
    );
    let mut api = import(&serde_norway::from_str(&two).unwrap(), "base.yaml");
    assert_eq!(api.operations.len(), 3);
    let fix = overlay("  - target: $.paths['/v1/jobs/{id}'][*]\n    remove: true\n");
    apply_text(&mut api, "fix.yaml", &fix, V30).unwrap();
    let ids: Vec<&str> = api.operations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["create_job"]);
}

#[test]
fn actions_apply_in_order_each_to_the_previous_result() {
    // The second action targets the property the first one adds.
    let (_, doc) = apply(
        r#"  - target: $.components.schemas.Job
    update: {properties: {owner: {type: string}}}
  - target: $.components.schemas.Job.properties.owner
    update: {format: email}
"#,
    )
    .unwrap();
    let owner = &doc["components"]["schemas"]["Job"]["properties"]["owner"];
    assert_eq!(owner["format"], json!("email"));
    // Selecting several nodes updates each of them.
    let (_, doc) = apply(
        "  - target: $.components.schemas.Job.properties[?@.type == 'string']\n    update: {description: text}\n",
    )
    .unwrap();
    let props = &doc["components"]["schemas"]["Job"]["properties"];
    assert_eq!(props["name"]["description"], json!("text"));
    assert_eq!(props["kind"]["description"], json!("text"));
    assert!(props["size"].get("description").is_none());
}

#[test]
fn errors_name_the_action_and_its_line() {
    let nothing =
        apply("  - target: $.components.schemas.Nope\n    update: {description: x}\n").unwrap_err();
    assert!(nothing.starts_with("fix.yaml:6: action 1"), "{nothing}");
    assert!(nothing.contains("matches nothing"), "{nothing}");

    let unmappable = apply(
        "  - target: $.components.schemas.Job\n    update: {description: ok}\n  - target: $.info\n    update: {title: x}\n",
    )
    .unwrap_err();
    assert!(
        unmappable.starts_with("fix.yaml:8: action 2"),
        "{unmappable}"
    );
    assert!(
        unmappable.contains("nothing docbind can change"),
        "{unmappable}"
    );

    let key =
        apply("  - target: $.components.schemas.Job.properties.size\n    update: {x-vendor: 1}\n")
            .unwrap_err();
    assert!(
        key.contains("`x-vendor`") && key.contains("not mapped"),
        "{key}"
    );

    let syntax = apply("  - target: $..[\n    update: {}\n").unwrap_err();
    assert!(syntax.contains("invalid JSONPath"), "{syntax}");

    let mut api = base();
    let version = apply_text(
        &mut api,
        "v.yaml",
        "overlay: 2.0.0\ninfo: {title: t, version: '1'}\nactions: []\n",
        V30,
    )
    .unwrap_err()
    .to_string();
    assert!(version.contains("overlay version"), "{version}");
}

#[test]
fn an_overlay_on_an_ad_hoc_run_changes_both_outputs_and_runs_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let fix = dir.path().join("fix.yaml");
    std::fs::write(
        &fix,
        overlay("  - target: $.components.schemas.CreateDatasetImportTaskRequest.properties.included_labels.items\n    update: {type: string}\n"),
    )
    .unwrap();
    let run = |n: usize| {
        let json = dir.path().join(format!("{n}.json"));
        let rust = dir.path().join(format!("crate{n}"));
        let o = Command::new(docbind_bin())
            .current_dir(repo_root())
            .args(["generate", SEED_004, "--overlay"])
            .arg(&fix)
            .arg("--openapi")
            .arg(&json)
            .arg("--rust")
            .arg(&rust)
            .args(["--crate-name", "m", "--notes"])
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(String::from_utf8_lossy(&o.stderr).contains("overlay.applied"));
        let models = std::fs::read_to_string(rust.join("src/models.rs")).unwrap();
        (std::fs::read_to_string(json).unwrap(), models)
    };
    let (a, b) = (run(1), run(2));
    assert_eq!(a, b);
    assert!(a.1.contains("pub included_labels: Option<Vec<String>>"));
    let doc: Value = serde_json::from_str(&a.0).unwrap();
    let items = &doc["components"]["schemas"]["CreateDatasetImportTaskRequest"]["properties"]
        ["included_labels"]["items"];
    assert_eq!(items["type"], json!("string"));
}

#[test]
fn the_modelarts_correction_is_in_the_committed_outputs() {
    let root = repo_root();
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("spec/modelarts.openapi.json")).unwrap(),
    )
    .unwrap();
    let items = &doc["components"]["schemas"]["CreateDatasetImportTaskRequest"]["properties"]
        ["included_labels"]["items"];
    assert_eq!(items["type"], json!("string"));
    assert_eq!(
        items["x-docbind-overlay"],
        json!(["spec/overlays/modelarts.yaml:9"])
    );
    let allowlist = std::fs::read_to_string(root.join("spec/examples-allowlist.toml")).unwrap();
    assert!(!allowlist.contains("included_labels"));
}
