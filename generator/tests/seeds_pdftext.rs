//! Seed 004 (the full PDF-converted ModelArts reference) through extraction: operation count
//! including the recovered operation, every table accounted for, type references resolved,
//! wrap-damage-free names, parameters/bodies/headers/content types, merging with the small
//! seeds, and IR/OpenAPI snapshots of chosen sections.

mod common;
use common::ir_query::*;
use common::*;
use docbind::diag::Diagnostic;
use docbind::doc::Document;
use docbind::emit::openapi::{to_json, OpenApiVersion};
use docbind::extract::{extract, Coverage};
use docbind::ir::{Api, HttpMethod, Operation, ParamLocation, Schema, SchemaKind};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Seed 004 alone, extracted once for all tests of this file.
fn seed() -> &'static (Api, Coverage) {
    static SEED: OnceLock<(Api, Coverage)> = OnceLock::new();
    SEED.get_or_init(|| {
        let doc: Document = read_doc(SEED_004);
        extract(&[doc], &Default::default())
    })
}

fn diags_with<'a>(api: &'a Api, code: &str) -> Vec<&'a Diagnostic> {
    api.diagnostics.iter().filter(|d| d.code == code).collect()
}

#[test]
fn seed_004_yields_every_uri_and_the_recovered_batch_delete() {
    let (api, coverage) = seed();
    assert_eq!(api.operations.len(), 283);
    assert_eq!(coverage.operations, 283);
    let mut by_method: BTreeMap<HttpMethod, usize> = BTreeMap::new();
    for o in &api.operations {
        *by_method.entry(o.method).or_default() += 1;
    }
    // 282 URI lines (GET 137, POST 71, DELETE 37, PUT 32, PATCH 5) + the recovered POST.
    assert_eq!(by_method[&HttpMethod::Get], 137);
    assert_eq!(by_method[&HttpMethod::Post], 72);
    assert_eq!(by_method[&HttpMethod::Delete], 37);
    assert_eq!(by_method[&HttpMethod::Put], 32);
    assert_eq!(by_method[&HttpMethod::Patch], 5);

    // 10.4 lost its heading and URI line: its tables sit at the end of 10.3.
    let recovered = op(
        api,
        "POST",
        "/v2/{project_id}/pools/{pool_name}/nodes/batch-delete",
    );
    assert_eq!(recovered.summary, "批量删除节点");
    assert_eq!(
        params(recovered),
        vec![
            ("project_id", ParamLocation::Path, true),
            ("pool_name", ParamLocation::Path, true)
        ]
    );
    let body = recovered.request_body.as_ref().expect("request body");
    assert_eq!(
        fields(api, &body.schema),
        vec![("deleteNodeNames".to_string(), true)]
    );
    assert_eq!(body.examples.len(), 1, "the example request is attached");
    assert_eq!(
        recovered.responses.keys().collect::<Vec<_>>(),
        vec!["200", "404"]
    );
    assert_eq!(recovered.span.start, 23460);

    // 10.3 keeps only its own tables.
    let list = op(api, "GET", "/v2/{project_id}/pools/{pool_name}/nodes");
    assert_eq!(list.summary, "查询节点列表");
    assert!(list.request_body.is_none());
    assert!(list.span.end < 23460);
    assert_eq!(
        params(list).len(),
        4,
        "path + query parameters of 10.3 only: {:?}",
        params(list)
    );

    let notes = diags_with(api, "operation.recovered");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].span.start, 23460);
    assert!(notes[0].message.contains("batch-delete"));
    assert!(diags_with(api, "operation.restart-without-uri").is_empty());
}

#[test]
fn seed_004_type_references_are_resolved_or_diagnosed() {
    let (api, coverage) = seed();
    // The census counts 1,568 references in endpoint sections; the extraction counts every
    // `X object` / `Array of X objects` / `Map<String,X>` / `Array<X>` cell it reads.
    assert!((1568..=1580).contains(&coverage.type_refs), "{coverage:?}");
    let unresolved = coverage.type_refs - coverage.type_refs_resolved;
    assert!(
        unresolved * 200 <= coverage.type_refs,
        "at least 99.5% resolved: {coverage:?}"
    );
    // Every unresolved reference is diagnosed (one diagnostic per table row).
    let diagnosed: BTreeSet<u32> = diags_with(api, "type.unresolved")
        .iter()
        .map(|d| d.span.start)
        .collect();
    assert_eq!(diagnosed.len(), unresolved, "{diagnosed:?}");

    // The hard cases of the census resolve.
    let note_lines = |code: &str| -> BTreeSet<u32> {
        diags_with(api, code).iter().map(|d| d.span.start).collect()
    };
    let near = note_lines("type.resolved-near-miss");
    assert!(near.contains(&1051), "WorkflowServicePackage vs …Packege");
    assert!(near.contains(&3655), "Skulnfo vs SkuInfo");
    let abbreviated = note_lines("type.resolved-abbreviation");
    assert!(
        abbreviated.contains(&7641),
        "EndpointsRequest vs EndpointsReq"
    );
    assert!(
        abbreviated.contains(&11454),
        "InternationalizationDescription vs I18nDescription"
    );
    assert!(
        abbreviated.contains(&12713),
        "AutoSearchAlgorithmConfigParameter vs AutoSearchAlgoConfigParameter"
    );

    // A PascalCase name ending in an English word is not cut (`WorkflowParameter`).
    let workflows = op(api, "GET", "/v2/{project_id}/workflows");
    let body = &workflows.responses["200"].body.as_ref().unwrap().schema;
    let wf = field(api, body, "items");
    let SchemaKind::Array { items } = &wf.kind else {
        panic!("items is an array")
    };
    let parameters = field(api, items, "parameters");
    assert_eq!(
        names(&array_item_fields(api, parameters))[..3],
        ["name", "type", "description"]
    );
    // `Array<Storage>` with a `表20-515` link and a `storage 定义数据结构说明` caption.
    let create = op(api, "POST", "/v1/{project_id}/demanager/instances");
    let req = &create.request_body.as_ref().unwrap().schema;
    let spec = field(api, req, "spec");
    let storage = field(api, spec, "extend_storage");
    assert_eq!(
        names(&array_item_fields(api, storage)),
        ["type", "location"]
    );
    // `auto_stop`: a caption that starts with the field name.
    assert!(names(&fields(api, field(api, spec, "auto_stop"))).contains(&"enable"));
}

#[test]
fn seed_004_every_table_is_consumed_diagnosed_or_outside_operations() {
    let (api, c) = seed();
    assert_eq!(c.tables, 2829, "logical tables of seed 004");
    assert_eq!(
        c.tables,
        c.tables_in_operations + c.tables_outside_operations
    );
    assert_eq!(
        c.tables_in_operations,
        c.tables_consumed + c.tables_diagnosed
    );
    // ch.2 API overview, ch.18 permission tables, and other non-endpoint chapters.
    assert_eq!(c.tables_outside_operations, 50);
    let diagnosed = ["table.orphan", "table.unclassified", "table.ignored"]
        .iter()
        .map(|code| diags_with(api, code).len())
        .sum::<usize>();
    assert_eq!(diagnosed, c.tables_diagnosed);
    assert!(c.tables_diagnosed <= 20, "{c:?}");
}

/// Every name in a schema tree: object fields (and the names of what they reference).
fn walk_names<'a>(s: &'a Schema, out: &mut Vec<&'a str>) {
    match &s.kind {
        SchemaKind::Object { fields } => {
            for f in fields {
                out.push(&f.name);
                walk_names(&f.schema, out);
            }
        }
        SchemaKind::Array { items } => walk_names(items, out),
        SchemaKind::Map { values } => walk_names(values, out),
        SchemaKind::Ref { name } => out.push(name),
        _ => {}
    }
}

#[test]
fn seed_004_names_have_no_whitespace() {
    let (api, _) = seed();
    let mut all: Vec<&str> = Vec::new();
    for (name, s) in &api.schemas {
        all.push(name);
        walk_names(&s.schema, &mut all);
    }
    for o in &api.operations {
        for p in &o.parameters {
            all.push(&p.name);
            walk_names(&p.schema, &mut all);
        }
        for r in o.responses.values() {
            all.extend(r.headers.iter().map(|h| h.name.as_str()));
        }
    }
    assert!(all.len() > 5_000, "{}", all.len());
    let spaced: Vec<&&str> = all
        .iter()
        .filter(|n| n.contains(char::is_whitespace))
        .collect();
    assert!(spaced.is_empty(), "{spaced:?}");
    // Wrap damage repaired: `service_instance_c ount` (L20717), `os.modelarts/ node.prefix`.
    assert!(all.contains(&"service_instance_count"));
    assert!(all.contains(&"os.modelarts/node.prefix"));
}

#[test]
fn seed_004_parameters_bodies_headers_and_content_types() {
    let (api, _) = seed();
    // Legacy URI tables mix path and query parameters; the path template decides.
    let instances = op(api, "GET", "/v1/{project_id}/demanager/instances");
    let p = params(instances);
    assert_eq!(p[0], ("project_id", ParamLocation::Path, true));
    assert_eq!(p[1], ("de_type", ParamLocation::Query, true));
    assert!(p[2..].iter().all(|x| x.1 == ParamLocation::Query));

    // Request header tables (their token and content-type rows are the runtime's, kept with
    // the operation), response header tables.
    let headers = api
        .operations
        .iter()
        .filter(|o| {
            !o.runtime_headers.is_empty()
                || o.parameters
                    .iter()
                    .any(|p| p.location == ParamLocation::Header)
        })
        .count();
    assert!(headers >= 50, "{headers}");
    let response_headers: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|o| o.responses.values().any(|r| !r.headers.is_empty()))
        .collect();
    // 27 `响应 Header 参数` tables (X-Request-Id), three glued to their status line.
    let header_tables: usize = response_headers
        .iter()
        .map(|o| {
            o.responses
                .values()
                .filter(|r| !r.headers.is_empty())
                .count()
        })
        .sum();
    assert_eq!(header_tables, 27);
    assert!(response_headers.iter().all(|o| o
        .responses
        .values()
        .flat_map(|r| &r.headers)
        .all(|h| h.location == ParamLocation::Header)));

    // Responses per status code: error bodies are their own responses.
    let with_error_body = api
        .operations
        .iter()
        .filter(|o| {
            o.responses
                .iter()
                .any(|(c, r)| !c.starts_with('2') && r.body.is_some())
        })
        .count();
    assert!(with_error_body >= 40, "{with_error_body}");

    // A Content-Type header row naming a media type sets the request body's.
    let patched: Vec<&str> = api
        .operations
        .iter()
        .filter_map(|o| o.request_body.as_ref().map(|b| (o, b)))
        .filter(|(_, b)| b.content_type == "application/merge-patch+json")
        .map(|(o, _)| o.path.as_str())
        .collect();
    assert_eq!(patched.len(), 3, "{patched:?}");

    // Root-array bodies (`[数组元素]` rows).
    let metrics = op(
        api,
        "GET",
        "/v2/{project_id}/workflows/{workflow_id}/executions/{execution_id}/step-executions/{step_execution_id}/metrics",
    );
    let body = &metrics.responses["200"].body.as_ref().unwrap().schema;
    assert!(matches!(body.kind, SchemaKind::Array { .. }));
    let services = op(api, "PATCH", "/v1/{project_id}/services/{service_id}");
    let req = &services.request_body.as_ref().unwrap().schema;
    assert!(!array_item_fields(api, req).is_empty());
}

#[test]
fn merged_sources_report_disagreements_and_keep_other_wording() {
    let api = api_for(&[SEED_000, SEED_004]);
    let create = op(&api, "POST", "/v1/{project_id}/training-job-configs");
    // Seed 000 has priority (listed first): its span, and 004's disagreements reported.
    assert!(create.span.file.contains("000_"));
    let disagreements: Vec<&Diagnostic> = api
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("merge.") && d.code != "merge.duplicate-operation")
        .collect();
    assert!(!disagreements.is_empty());
    for d in &disagreements {
        // Each names both places: the diagnostic's own (004) and the kept source (000).
        assert!(d.span.file.contains("004_"), "{d}");
        assert!(d.message.contains("000_"), "{d}");
    }
    assert!(disagreements
        .iter()
        .any(|d| d.code == "merge.required-differs" && d.message.contains("data_source[].type")));
    // Field descriptions of the other source are kept where they differ.
    let alt = api
        .schemas
        .values()
        .flat_map(|s| match &s.schema.kind {
            SchemaKind::Object { fields } => fields.iter().collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .filter(|f| !f.schema.alt_descriptions.is_empty())
        .count();
    assert!(alt > 0, "alternative descriptions kept");

    // The English page (003) and the Chinese one (004): 003 listed first wins, 004's wording
    // is an alternative doc.
    let api = api_for(&[SEED_003, SEED_004]);
    let version = op(
        &api,
        "POST",
        "/v1/{project_id}/training-jobs/{job_id}/versions",
    );
    assert_eq!(version.summary, "Creating a Version of a Training Job");
    assert_eq!(version.alt_docs.len(), 1);
    assert_eq!(version.alt_docs[0].summary, "创建训练作业版本");
    assert!(api
        .diagnostics
        .iter()
        .any(|d| d.code == "merge.field-only-in-one" && d.message.contains("config.pool_id")));
}

/// The part of `api` that the chosen operations reach: operations, schemas, and the
/// diagnostics inside their spans (in the operations' files).
fn slice(api: &Api, chosen: &[(&str, &str)]) -> Api {
    let operations: Vec<Operation> = api
        .operations
        .iter()
        .filter(|o| chosen.contains(&(o.method.as_str(), o.path.as_str())))
        .cloned()
        .collect();
    assert_eq!(
        operations.len(),
        chosen.len(),
        "every chosen operation exists"
    );
    let mut pending: Vec<String> = Vec::new();
    fn refs(s: &Schema, out: &mut Vec<String>) {
        match &s.kind {
            SchemaKind::Ref { name } => out.push(name.clone()),
            SchemaKind::Array { items } => refs(items, out),
            SchemaKind::Map { values } => refs(values, out),
            SchemaKind::Object { fields } => fields.iter().for_each(|f| refs(&f.schema, out)),
            _ => {}
        }
    }
    for o in &operations {
        o.parameters
            .iter()
            .for_each(|p| refs(&p.schema, &mut pending));
        if let Some(b) = &o.request_body {
            refs(&b.schema, &mut pending);
        }
        for r in o.responses.values() {
            if let Some(b) = &r.body {
                refs(&b.schema, &mut pending);
            }
        }
    }
    let mut schemas = BTreeMap::new();
    while let Some(name) = pending.pop() {
        if schemas.contains_key(&name) {
            continue;
        }
        let s = api.schemas[&name].clone();
        refs(&s.schema, &mut pending);
        schemas.insert(name, s);
    }
    let mut diagnostics = docbind::diag::Diagnostics::new();
    for d in api.diagnostics.iter() {
        if operations.iter().any(|o| {
            o.span.file == d.span.file && o.span.start <= d.span.start && d.span.start <= o.span.end
        }) {
            diagnostics.0.push(d.clone());
        }
    }
    Api {
        title: api.title.clone(),
        version: api.version.clone(),
        sources: api.sources.clone(),
        operations,
        schemas,
        endpoint: api.endpoint.clone(),
        diagnostics,
    }
}

fn snapshot(name: &str, api: &Api) {
    insta::assert_json_snapshot!(format!("{name}_ir"), api);
    insta::assert_snapshot!(
        format!("{name}_openapi"),
        to_json(api, OpenApiVersion::V3_0_3)
    );
}

#[test]
fn snapshot_part_a_nodes_and_recovered_batch_delete() {
    let (api, _) = seed();
    snapshot(
        "seed_004_10_3_and_10_4",
        &slice(
            api,
            &[
                ("GET", "/v2/{project_id}/pools/{pool_name}/nodes"),
                (
                    "POST",
                    "/v2/{project_id}/pools/{pool_name}/nodes/batch-delete",
                ),
            ],
        ),
    );
}

#[test]
fn snapshot_part_a_wrap_damage_and_split_tables() {
    let (api, _) = seed();
    snapshot(
        "seed_004_part_a_monitor_and_lease",
        &slice(
            api,
            &[
                ("GET", "/v1/{project_id}/services/{service_id}/monitor"),
                ("GET", "/v1/{project_id}/notebooks/{id}/lease"),
            ],
        ),
    );
}

#[test]
fn snapshot_part_b_split_tables_and_legacy_uri_table() {
    let (api, _) = seed();
    snapshot(
        "seed_004_part_b_workers_and_instances",
        &slice(
            api,
            &[
                ("POST", "/v2/{project_id}/workforces/{workforce_id}/workers"),
                ("GET", "/v1/{project_id}/demanager/instances"),
            ],
        ),
    );
}

#[test]
fn snapshot_merged_training_job_config() {
    let api = api_for(&[SEED_000, SEED_004]);
    snapshot(
        "seed_000_and_004_merged_create_config",
        &slice(&api, &[("POST", "/v1/{project_id}/training-job-configs")]),
    );
}
