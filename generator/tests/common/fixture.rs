//! A hand-built IR exercising what the emitters must handle: path/query/header parameters,
//! JSON and non-JSON bodies, 200/201/202/204 with and without bodies, nested inline objects,
//! arrays of refs, maps, free-form values, string and integer enums with descriptions,
//! constraints, defaults, recursion, and names that are keywords, start with digits, are
//! Chinese, contain dots/dashes or collide after case conversion, plus a root-array body.
#![allow(dead_code)]

use docbind::diag::Span;
use docbind::ir::*;
use serde_json::json;
use std::sync::Arc;

fn span(line: u32) -> Span {
    Span::new(&Arc::from("docs/training-jobs.md"), line, line + 3)
}

fn kind(k: SchemaKind) -> Schema {
    Schema::new(k)
}
fn string() -> Schema {
    Schema::string()
}
fn int32() -> Schema {
    kind(SchemaKind::Integer {
        format: docbind::ir::IntFormat::Int32,
    })
}
fn int64() -> Schema {
    kind(SchemaKind::Integer {
        format: docbind::ir::IntFormat::Int64,
    })
}
fn double() -> Schema {
    kind(SchemaKind::Number {
        format: docbind::ir::NumberFormat::Double,
    })
}
fn float() -> Schema {
    kind(SchemaKind::Number {
        format: docbind::ir::NumberFormat::Float,
    })
}
fn boolean() -> Schema {
    kind(SchemaKind::Boolean)
}
fn array(items: Schema) -> Schema {
    kind(SchemaKind::Array {
        items: Box::new(items),
    })
}
fn map(values: Schema) -> Schema {
    kind(SchemaKind::Map {
        values: Box::new(values),
    })
}
fn object(fields: Vec<Field>) -> Schema {
    kind(SchemaKind::Object { fields })
}
fn reference(name: &str) -> Schema {
    kind(SchemaKind::Ref { name: name.into() })
}
fn doc(mut s: Schema, d: &str) -> Schema {
    s.description = Some(d.into());
    s
}
fn raw(mut s: Schema, r: &str) -> Schema {
    s.raw_type = Some(r.into());
    s
}
fn req(name: &str, schema: Schema) -> Field {
    Field {
        name: name.into(),
        required: true,
        schema,
    }
}
fn opt(name: &str, schema: Schema) -> Field {
    Field {
        name: name.into(),
        required: false,
        schema,
    }
}
fn values(mut s: Schema, vals: &[(serde_json::Value, Option<&str>)]) -> Schema {
    s.enum_values = vals
        .iter()
        .map(|(v, d)| EnumValue {
            value: v.clone(),
            description: d.map(str::to_string),
        })
        .collect();
    s
}
fn param(
    name: &str,
    location: ParamLocation,
    required: bool,
    schema: Schema,
    line: u32,
) -> Parameter {
    Parameter {
        name: name.into(),
        location,
        required,
        schema,
        span: span(line),
    }
}
fn response(description: &str, body: Option<Schema>, examples: Vec<ExampleValue>) -> Response {
    Response {
        description: description.into(),
        headers: Vec::new(),
        body: body.map(|schema| ResponseBody {
            content_type: "application/json".into(),
            schema,
            span: span(90),
        }),
        examples: examples
            .into_iter()
            .map(|value| Example {
                value,
                span: span(95),
            })
            .collect(),
    }
}
fn named(name: &str, schema: Schema) -> (String, NamedSchema) {
    (
        name.to_string(),
        NamedSchema {
            name: name.into(),
            schema,
        },
    )
}

fn project_id() -> Parameter {
    param("project_id", ParamLocation::Path, true, doc(raw(string(), "String"), "Project ID. See [Obtaining a Project ID](https://support.example.com/api/projectid.html)."), 10)
}
fn job_id() -> Parameter {
    param(
        "job_id",
        ParamLocation::Path,
        true,
        doc(string(), "ID of the training job."),
        11,
    )
}
fn error_response(description: &str) -> Response {
    response(
        description,
        Some(reference("ErrorResponse")),
        vec![ExampleValue::Json(
            json!({"error_code": "ModelArts.0104", "error_msg": "Job not found"}),
        )],
    )
}

fn job_status() -> Schema {
    doc(
        values(
            raw(string(), "String"),
            &[
                (json!("JOB_RUNNING"), Some("The job is running.")),
                (
                    json!("job-running"),
                    Some("Legacy spelling of JOB_RUNNING."),
                ),
                (
                    json!("FAILED"),
                    Some("The job failed; see <error_msg> for [details]."),
                ),
                (json!("Other"), Some("A literal value named Other.")),
                (json!("1080p"), None),
                (json!("已完成"), Some("Completed (Chinese value).")),
                (json!(""), Some("Not yet scheduled.")),
                (json!("FAILED"), Some("Duplicate row in the documentation.")),
            ],
        ),
        "Status of a training job.",
    )
}

fn priority() -> Schema {
    let mut s = values(
        raw(int32(), "Integer"),
        &[
            (json!(1), Some("Low.")),
            (json!(2), Some("Normal.")),
            (json!("3"), Some("High (written as a string).")),
            (json!(-1), Some("Unset.")),
        ],
    );
    s.default = Some(json!(2));
    doc(s, "Scheduling priority.")
}

fn schemas() -> std::collections::BTreeMap<String, NamedSchema> {
    let mut name = doc(
        raw(string(), "String"),
        "Job name: 1 to 64 characters, letters, digits, `-` and `_`.",
    );
    name.constraints = Constraints {
        min_length: Some(1),
        max_length: Some(64),
        ..Default::default()
    };
    let mut node_count = doc(int32(), "Number of nodes.");
    node_count.constraints = Constraints {
        minimum: Some(1.0),
        maximum: Some(10.0),
        ..Default::default()
    };
    node_count.default = Some(json!(1));
    let mut ratio = doc(float(), "Sampling ratio in (0, 1].");
    ratio.constraints = Constraints {
        minimum: Some(0.0),
        exclusive_minimum: true,
        maximum: Some(1.0),
        ..Default::default()
    };
    let mut tag_key = doc(string(), "Tag key.");
    tag_key.constraints = Constraints {
        min_length: Some(1),
        max_length: Some(36),
        ..Default::default()
    };
    [
        named(
            "Job",
            doc(
                object(vec![
                    req("id", doc(string(), "Job ID.")),
                    req("name", name.clone()),
                    req("status", reference("JobStatus")),
                    opt("priority", reference("Priority")),
                    opt("spec", doc(reference("JobSpec"), "Specification; may be omitted in list views.")),
                    opt("parent", doc(reference("Job"), "The job this one was copied from.")),
                    opt("children", array(reference("Job"))),
                    opt("tags", array(reference("Tag"))),
                    opt("created_at", doc(raw(int64(), "Long"), "Creation time, milliseconds since the epoch.")),
                    opt("type", values(string(), &[(json!("train"), Some("Training.")), (json!("tune"), Some("Tuning."))])),
                    opt("owner", reference("用户信息")),
                ]),
                "A training job.",
            ),
        ),
        named("JobStatus", job_status()),
        named("Priority", priority()),
        named(
            "JobSpec",
            object(vec![
                req(
                    "resource",
                    doc(
                        object(vec![req("flavor", doc(string(), "Flavor ID, e.g. modelarts.vm.gpu.p100.")), opt("node_count", node_count), opt("ratio", ratio)]),
                        "Resources.",
                    ),
                ),
                opt("root", reference("TreeNode")),
                opt("data_sources", doc(map(reference("DataSource")), "Inputs by channel name.")),
            ]),
        ),
        named("TreeNode", object(vec![req("label", string()), opt("next", reference("TreeLink"))])),
        named("TreeLink", object(vec![opt("target", reference("TreeNode")), opt("weight", double())])),
        named("Tag", object(vec![req("key", tag_key), opt("value", doc(string(), "Tag value."))])),
        named(
            "DataSource",
            object(vec![
                req("dataset_id", string()),
                opt("obs_url", doc(string(), "OBS path, e.g. https://bucket.obs.example.com/data/[train]/ . Use <bucket>/<path>.\n- first line\nsecond line\n```")),
            ]),
        ),
        named("ErrorResponse", object(vec![req("error_code", string()), req("error_msg", string())])),
        named("用户信息", object(vec![req("名称", doc(string(), "User name.")), opt("年龄", int32())])),
        named("JobList", doc(array(reference("Job")), "A page of jobs.")),
        named("job_list", doc(map(kind(SchemaKind::Any)), "Free-form job index.")),
        named("Self", object(vec![opt("self", string()), opt("Self", string())])),
        named("Client", object(vec![opt("endpoint", string())])),
        named(
            "ListJobsResponse",
            object(vec![
                req("total", doc(int64(), "Total count.")),
                req("jobs", array(reference("Job"))),
                opt("index", reference("job_list")),
                opt("page", reference("JobList")),
            ]),
        ),
        named("JobUpdate", object(vec![opt("description", string()), opt("priority", reference("Priority"))])),
    ]
    .into_iter()
    .collect()
}

fn create_job_body() -> Schema {
    let engine = object(vec![
        req("engine_id", int64()),
        opt("engine_version", string()),
    ]);
    let config = object(vec![
        req("engine", doc(engine, "Engine.")),
        opt(
            "parameters",
            array(object(vec![req("name", string()), req("value", string())])),
        ),
        opt("inputs", map(reference("DataSource"))),
        opt(
            "user-data",
            doc(
                raw(kind(SchemaKind::Any), "Object"),
                "Any JSON, passed through.",
            ),
        ),
    ]);
    object(vec![
        req("name", string()),
        req("config", doc(config, "Job configuration.")),
        opt(
            "type",
            doc(
                values(
                    string(),
                    &[(json!("train"), Some("Training.")), (json!("tune"), None)],
                ),
                "Job type.",
            ),
        ),
        opt("self", boolean()),
        opt("2fa", boolean()),
        opt("名称", string()),
        opt("描述", string()),
        opt("job.name", string()),
        opt("job-name", string()),
        opt("job_name", string()),
        opt("jobName", string()),
        opt("priority", reference("Priority")),
        opt("metadata", kind(SchemaKind::Any)),
        opt("tags", array(reference("Tag"))),
        opt("owner", reference("用户信息")),
        opt("node", reference("Self")),
    ])
}

fn operations() -> Vec<Operation> {
    let mut limit = doc(int32(), "Page size.");
    limit.constraints = Constraints {
        minimum: Some(1.0),
        maximum: Some(100.0),
        ..Default::default()
    };
    limit.default = Some(json!(10));
    let mut list_ok = response(
        "OK",
        Some(reference("ListJobsResponse")),
        vec![ExampleValue::Json(
            json!({"total": 1, "jobs": [{"id": "j1", "name": "demo", "status": "JOB_RUNNING"}]}),
        )],
    );
    list_ok.headers = vec![param(
        "X-Request-Id",
        ParamLocation::Header,
        false,
        doc(string(), "Request ID for support."),
        70,
    )];
    let sort = values(
        string(),
        &[
            (json!("create_time"), Some("By creation time.")),
            (json!("name"), None),
        ],
    );
    let created = object(vec![req("job_id", string()), opt("created_at", int64())]);
    let period = values(
        int32(),
        &[
            (json!(1), Some("One minute.")),
            (json!(5), Some("Five minutes.")),
            (json!(60), None),
        ],
    );
    let mut upload_body = kind(SchemaKind::String {
        format: Some("binary".into()),
    });
    upload_body.description = Some("File content.".into());
    vec![
        Operation {
            id: "list_jobs".into(),
            method: HttpMethod::Get,
            path: "/v1/{project_id}/training-jobs".into(),
            summary: "List training jobs".into(),
            description: Some(
                "Lists jobs of a project, newest first.\nFiltering by [status] is optional.".into(),
            ),
            tag: Some("Training Jobs".into()),
            parameters: vec![
                project_id(),
                param("limit", ParamLocation::Query, false, limit, 20),
                param(
                    "offset",
                    ParamLocation::Query,
                    false,
                    doc(int32(), "Offset."),
                    21,
                ),
                param("status", ParamLocation::Query, false, job_status(), 22),
                param(
                    "tags",
                    ParamLocation::Query,
                    false,
                    doc(array(string()), "Filter by tags (repeat the parameter)."),
                    23,
                ),
                param("sort_by", ParamLocation::Query, false, sort, 24),
                param(
                    "X-Language",
                    ParamLocation::Header,
                    false,
                    doc(string(), "Response language, `zh-cn` or `en-us`."),
                    25,
                ),
                param(
                    "filter",
                    ParamLocation::Query,
                    false,
                    doc(map(string()), "Extra filters as JSON."),
                    26,
                ),
            ],
            request_body: None,
            responses: [("200".to_string(), list_ok)].into_iter().collect(),
            alt_docs: vec![AltDoc {
                source: "docs/en/training-jobs.md".into(),
                summary: "Querying the Training Job List".into(),
                description: None,
            }],
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(1),
        },
        Operation {
            id: "create_job".into(),
            method: HttpMethod::Post,
            path: "/v1/{project_id}/training-jobs".into(),
            summary: "创建训练作业".into(),
            description: Some("Creates a training job.".into()),
            tag: Some("Training Jobs".into()),
            parameters: vec![
                project_id(),
                param(
                    "X-Auth-Token",
                    ParamLocation::Header,
                    true,
                    doc(string(), "User token."),
                    30,
                ),
            ],
            request_body: Some(RequestBody {
                content_type: "application/json".into(),
                required: true,
                schema: create_job_body(),
                examples: vec![
                    Example {
                        value: ExampleValue::Json(
                            json!({"name": "demo", "config": {"engine": {"engine_id": 1}}}),
                        ),
                        span: span(40),
                    },
                    Example {
                        value: ExampleValue::Text(
                            "POST https://{endpoint}/v1/{project_id}/training-jobs\n{ name: demo }"
                                .into(),
                        ),
                        span: span(45),
                    },
                ],
                span: span(35),
            }),
            responses: [
                (
                    "201".to_string(),
                    response(
                        "Created",
                        Some(created),
                        vec![ExampleValue::Json(json!({"job_id": "j1"}))],
                    ),
                ),
                ("400".to_string(), error_response("Bad request")),
            ]
            .into_iter()
            .collect(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(28),
        },
        Operation {
            id: "show_job".into(),
            method: HttpMethod::Get,
            path: "/v1/{project_id}/training-jobs/{job_id}".into(),
            summary: "Show a training job".into(),
            description: None,
            tag: Some("Training Jobs".into()),
            parameters: vec![project_id(), job_id()],
            request_body: None,
            responses: [(
                "200".to_string(),
                response("", Some(reference("Job")), Vec::new()),
            )]
            .into_iter()
            .collect(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(100),
        },
        Operation {
            id: "update_job".into(),
            method: HttpMethod::Put,
            path: "/v1/{project_id}/training-jobs/{job_id}".into(),
            summary: "Update a training job".into(),
            description: None,
            tag: Some("Training Jobs".into()),
            parameters: vec![
                project_id(),
                job_id(),
                param("dry_run", ParamLocation::Query, true, boolean(), 121),
            ],
            request_body: Some(RequestBody {
                content_type: "application/json;charset=UTF-8".into(),
                required: false,
                schema: reference("JobUpdate"),
                examples: Vec::new(),
                span: span(125),
            }),
            responses: [
                (
                    "200".to_string(),
                    response("Updated at once.", Some(reference("Job")), Vec::new()),
                ),
                (
                    "202".to_string(),
                    response(
                        "Accepted; runs asynchronously.",
                        Some(object(vec![req("task_id", string())])),
                        Vec::new(),
                    ),
                ),
                (
                    "204".to_string(),
                    response("Nothing changed.", None, Vec::new()),
                ),
            ]
            .into_iter()
            .collect(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(120),
        },
        Operation {
            id: "delete_job".into(),
            method: HttpMethod::Delete,
            path: "/v1/{project_id}/training-jobs/{job_id}".into(),
            summary: "Delete a training job".into(),
            description: None,
            tag: Some("Training Jobs".into()),
            parameters: vec![project_id(), job_id()],
            request_body: None,
            responses: [
                (
                    "204".to_string(),
                    response("Deleted.", None, vec![ExampleValue::Text("(empty)".into())]),
                ),
                ("404".to_string(), error_response("Not found")),
            ]
            .into_iter()
            .collect(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(140),
        },
        Operation {
            id: "batch_add_tags".into(),
            method: HttpMethod::Post,
            path: "/v1/{project_id}/training-jobs/{job_id}/tags".into(),
            summary: "Add tags".into(),
            description: Some("The body is a JSON array.".into()),
            tag: Some("Tags".into()),
            parameters: vec![project_id(), job_id()],
            request_body: Some(RequestBody {
                content_type: "application/json".into(),
                required: true,
                schema: array(reference("Tag")),
                examples: Vec::new(),
                span: span(165),
            }),
            responses: [("204".to_string(), response("No Content", None, Vec::new()))]
                .into_iter()
                .collect(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(160),
        },
        Operation {
            id: "upload_file".into(),
            method: HttpMethod::Put,
            path: "/v1/{project_id}/files/{file_name}".into(),
            summary: "Upload a file".into(),
            description: None,
            tag: Some("Files".into()),
            parameters: vec![
                project_id(),
                param("file_name", ParamLocation::Path, true, string(), 181),
                param("Content-MD5", ParamLocation::Header, false, string(), 182),
            ],
            request_body: Some(RequestBody {
                content_type: "application/octet-stream".into(),
                required: true,
                schema: upload_body,
                examples: Vec::new(),
                span: span(185),
            }),
            responses: [("200".to_string(), response("Stored.", None, Vec::new()))]
                .into_iter()
                .collect(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(180),
        },
        Operation {
            id: "get_metrics".into(),
            method: HttpMethod::Get,
            path: "/v2/{project_id}/jobs/{job_id}/metrics/{metric-name}".into(),
            summary: "Get job metrics".into(),
            description: None,
            tag: None,
            parameters: vec![
                project_id(),
                job_id(),
                // A placeholder no table documents: extraction adds it as a string (the IR
                // guarantees path parameters are exactly the placeholders).
                param("metric-name", ParamLocation::Path, true, string(), 200),
                param(
                    "period",
                    ParamLocation::Query,
                    true,
                    doc(period, "Aggregation period in minutes."),
                    201,
                ),
            ],
            request_body: None,
            responses: [(
                "200".to_string(),
                Response {
                    description: "Metric series by name.".into(),
                    headers: Vec::new(),
                    body: Some(ResponseBody {
                        content_type: "application/json;charset=UTF-8".into(),
                        schema: map(array(double())),
                        span: span(210),
                    }),
                    examples: vec![
                        Example {
                            value: ExampleValue::Json(json!({"loss": [0.5, 0.25]})),
                            span: span(215),
                        },
                        Example {
                            value: ExampleValue::Json(json!({})),
                            span: span(220),
                        },
                    ],
                },
            )]
            .into_iter()
            .collect(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(200),
        },
        Operation {
            id: "export_report".into(),
            method: HttpMethod::Get,
            path: "/v1/{project_id}/reports/{report_id}".into(),
            summary: "Export a report".into(),
            description: None,
            tag: None,
            parameters: vec![
                project_id(),
                param("report_id", ParamLocation::Path, true, int64(), 231),
            ],
            request_body: None,
            responses: [(
                "200".to_string(),
                Response {
                    description: "The report as CSV.".into(),
                    headers: Vec::new(),
                    body: Some(ResponseBody {
                        content_type: "text/csv".into(),
                        schema: string(),
                        span: span(235),
                    }),
                    examples: Vec::new(),
                },
            )]
            .into_iter()
            .collect(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(230),
        },
        Operation {
            id: "show_quotas".into(),
            method: HttpMethod::Get,
            path: "/v1/quotas".into(),
            summary: "Show quotas".into(),
            description: Some("The response is not documented.".into()),
            tag: None,
            parameters: Vec::new(),
            request_body: None,
            responses: Default::default(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Auth::Credentials,
            span: span(250),
        },
    ]
}

/// The fixture API (normalised, as extraction would hand it over).
pub fn fixture_api() -> Api {
    let mut api = Api {
        title: "Training Service [test]".into(),
        version: "v1".into(),
        sources: vec![
            "docs/training-jobs.md".into(),
            "docs/en/training-jobs.md".into(),
        ],
        operations: operations(),
        schemas: schemas(),
        endpoint: Some(docbind::ir::Endpoint {
            template: "https://training.{region}.example.com".into(),
            regions: vec!["xx-north-1".into(), "xx-east-2".into()],
            span: Span::new(&std::sync::Arc::from("docs/endpoints.md"), 5, 9),
        }),
        diagnostics: Default::default(),
    };
    api.normalize();
    api
}
