//! The OpenAPI emitter on the fixture IR: validity against the official OpenAPI JSON Schemas,
//! version differences, determinism, and snapshots.

mod common;

use docbind::emit::openapi::{to_json, to_openapi, to_yaml, OpenApiVersion};
use serde_json::{json, Value};

fn official_schema(file: &str) -> Value {
    let path = format!("{}/tests/data/openapi/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn validation_errors(schema: &Value, doc: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("official schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

#[test]
fn openapi_3_0_validates_against_the_official_schema() {
    let doc = to_openapi(&common::fixture_api(), OpenApiVersion::V3_0_3);
    let errors = validation_errors(&official_schema("schema-3.0.json"), &doc);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn openapi_3_1_validates_against_the_official_schema() {
    let doc = to_openapi(&common::fixture_api(), OpenApiVersion::V3_1_0);
    let errors = validation_errors(&official_schema("schema-3.1.json"), &doc);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_validator_rejects_a_broken_document() {
    // Guards the two tests above against a validator that accepts anything.
    let mut doc = to_openapi(&common::fixture_api(), OpenApiVersion::V3_0_3);
    doc["paths"]["/v1/quotas"]["get"]["responses"]["default"]["description"] = json!(42);
    assert!(!validation_errors(&official_schema("schema-3.0.json"), &doc).is_empty());
}

#[test]
fn every_ref_resolves() {
    for version in [OpenApiVersion::V3_0_3, OpenApiVersion::V3_1_0] {
        let doc = to_openapi(&common::fixture_api(), version);
        let mut refs = Vec::new();
        collect_refs(&doc, &mut refs);
        assert!(refs.len() > 10);
        for r in refs {
            let name = r
                .strip_prefix("#/components/schemas/")
                .expect("local component ref");
            assert!(
                doc["components"]["schemas"].get(name).is_some(),
                "dangling {r}"
            );
        }
    }
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[test]
fn schema_details() {
    let doc = to_openapi(&common::fixture_api(), OpenApiVersion::V3_0_3);
    let schemas = &doc["components"]["schemas"];
    // Enum values are typed like the schema, deduplicated, and descriptions stay aligned.
    let status = &schemas["JobStatus"];
    assert_eq!(
        status["enum"],
        json!([
            "JOB_RUNNING",
            "job-running",
            "FAILED",
            "Other",
            "1080p",
            "已完成",
            ""
        ])
    );
    assert_eq!(status["x-enum-descriptions"].as_array().unwrap().len(), 7);
    assert_eq!(status["x-enum-descriptions"][4], json!(""));
    assert_eq!(schemas["Priority"]["enum"], json!([1, 2, 3, -1]));
    assert_eq!(schemas["Priority"]["default"], json!(2));
    // A CJK schema name becomes a valid component key and keeps its documented name.
    let owner = &schemas["Job"]["properties"]["owner"];
    let renamed = owner["$ref"]
        .as_str()
        .unwrap()
        .trim_start_matches("#/components/schemas/");
    assert!(
        renamed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)),
        "{renamed}"
    );
    assert_eq!(schemas[renamed]["x-docbind-name"], json!("用户信息"));
    // 3.0 keeps a described ref's description by wrapping it in allOf.
    assert_eq!(
        schemas["Job"]["properties"]["spec"]["allOf"][0]["$ref"],
        json!("#/components/schemas/JobSpec")
    );
    // Exclusive bounds: boolean form in 3.0, numeric form in 3.1.
    let ratio = |d: &Value| {
        d["components"]["schemas"]["JobSpec"]["properties"]["resource"]["properties"]["ratio"]
            .clone()
    };
    assert_eq!(
        ratio(&doc),
        json!({"type": "number", "format": "float", "description": "Sampling ratio in (0, 1].", "minimum": 0, "exclusiveMinimum": true, "maximum": 1})
    );
    let doc31 = to_openapi(&common::fixture_api(), OpenApiVersion::V3_1_0);
    assert_eq!(
        ratio(&doc31),
        json!({"type": "number", "format": "float", "description": "Sampling ratio in (0, 1].", "exclusiveMinimum": 0, "maximum": 1})
    );
    assert_eq!(
        doc31["components"]["schemas"]["Job"]["properties"]["spec"]["$ref"],
        json!("#/components/schemas/JobSpec")
    );
    // Free-form values are `{}` plus documentation; raw types are kept.
    let user_data = &doc["paths"]["/v1/{project_id}/training-jobs"]["post"]["requestBody"]
        ["content"]["application/json"]["schema"]["properties"]["config"]["properties"]
        ["user-data"];
    assert_eq!(
        user_data,
        &json!({"description": "Any JSON, passed through.", "x-docbind-raw-type": "Object"})
    );
}

#[test]
fn operation_details() {
    let doc = to_openapi(&common::fixture_api(), OpenApiVersion::V3_0_3);
    let create = &doc["paths"]["/v1/{project_id}/training-jobs"]["post"];
    assert_eq!(create["operationId"], json!("create_job"));
    assert_eq!(
        create["x-docbind-source"],
        json!("docs/training-jobs.md:28")
    );
    let media = &create["requestBody"]["content"]["application/json"];
    assert_eq!(media["example"]["name"], json!("demo"));
    assert_eq!(media["x-docbind-example-text"].as_array().unwrap().len(), 1);
    let list = &doc["paths"]["/v1/{project_id}/training-jobs"]["get"];
    assert_eq!(
        list["x-docbind-alt-docs"][0]["summary"],
        json!("Querying the Training Job List")
    );
    assert_eq!(
        list["responses"]["200"]["headers"]["X-Request-Id"]["schema"],
        json!({"type": "string"})
    );
    // Path parameters are always required, and they are the path's placeholders.
    let metrics = &doc["paths"]["/v2/{project_id}/jobs/{job_id}/metrics/{metric-name}"]["get"];
    let params = metrics["parameters"].as_array().unwrap();
    assert!(params
        .iter()
        .filter(|p| p["in"] == "path")
        .all(|p| p["required"] == json!(true)));
    let path_params: Vec<&serde_json::Value> = params
        .iter()
        .filter(|p| p["in"] == "path")
        .map(|p| &p["name"])
        .collect();
    assert_eq!(path_params, ["project_id", "job_id", "metric-name"]);
    // Several JSON examples use `examples`; an empty description gets a generic one.
    assert!(
        metrics["responses"]["200"]["content"]["application/json;charset=UTF-8"]["examples"]
            ["example2"]
            .is_object()
    );
    assert_eq!(
        doc["paths"]["/v1/{project_id}/training-jobs/{job_id}"]["get"]["responses"]["200"]
            ["description"],
        json!("HTTP 200 response")
    );
    assert!(doc["paths"]["/v1/quotas"]["get"]["responses"]["default"]["description"].is_string());
    // Examples of a bodiless response stay on the response.
    let delete = &doc["paths"]["/v1/{project_id}/training-jobs/{job_id}"]["delete"];
    assert_eq!(
        delete["responses"]["204"]["x-docbind-example-text"],
        json!(["(empty)"])
    );
}

#[test]
fn output_is_deterministic_and_newline_terminated() {
    let api = common::fixture_api();
    for version in [OpenApiVersion::V3_0_3, OpenApiVersion::V3_1_0] {
        let json = to_json(&api, version);
        assert_eq!(json, to_json(&common::fixture_api(), version));
        assert!(json.ends_with("}\n"));
        let yaml = to_yaml(&api, version);
        assert_eq!(yaml, to_yaml(&common::fixture_api(), version));
        // YAML and JSON carry the same document.
        let from_yaml: Value = serde_norway::from_str(&yaml).unwrap();
        assert_eq!(from_yaml, to_openapi(&api, version));
    }
}

#[test]
fn snapshots() {
    let api = common::fixture_api();
    insta::assert_snapshot!(
        "fixture_openapi_3_0_json",
        to_json(&api, OpenApiVersion::V3_0_3)
    );
    insta::assert_snapshot!(
        "fixture_openapi_3_0_yaml",
        to_yaml(&api, OpenApiVersion::V3_0_3)
    );
    insta::assert_snapshot!(
        "fixture_openapi_3_1_json",
        to_json(&api, OpenApiVersion::V3_1_0)
    );
}
