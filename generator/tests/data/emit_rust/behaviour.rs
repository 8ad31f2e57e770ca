//! Copied into the crate generated from the fixture IR (tests/behaviour.rs) and run with
//! `cargo test`: generated models and builders behave as documented against a local server.

use std::collections::BTreeMap;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use training_client::models::*;

#[test]
fn unknown_enum_values_are_kept_not_rejected() {
    let status: JobStatus = serde_json::from_str("\"JOB_RUNNING\"").unwrap();
    assert_eq!(status, JobStatus::JobRunning);
    let status: JobStatus = serde_json::from_str("\"BRAND_NEW\"").unwrap();
    assert_eq!(status, JobStatus::Other("BRAND_NEW".into()));
    assert_eq!(serde_json::to_string(&status).unwrap(), "\"BRAND_NEW\"");
    // Equality follows the wire value.
    assert_eq!(JobStatus::Other("FAILED".into()), JobStatus::Failed);
    // The literal value "Other" does not clash with the catch-all.
    assert_eq!(JobStatus::from("Other"), JobStatus::Other2);
    assert_eq!(JobStatus::Variant6.as_str(), "已完成");
    assert_eq!(JobStatus::Empty.to_string(), "");
    // A number where a string was documented still decodes.
    assert_eq!(
        serde_json::from_str::<JobStatus>("7").unwrap(),
        JobStatus::Other("7".into())
    );

    let p: Priority = serde_json::from_str("3").unwrap();
    assert_eq!(p, Priority::Value3);
    assert_eq!(
        serde_json::from_str::<Priority>("\"-1\"").unwrap(),
        Priority::ValueMinus1
    );
    assert_eq!(
        serde_json::from_str::<Priority>("42").unwrap(),
        Priority::Other(42)
    );
    assert_eq!(serde_json::to_string(&Priority::ValueMinus1).unwrap(), "-1");
    assert!(serde_json::from_str::<Priority>("\"high\"").is_err());
}

#[test]
fn models_round_trip_with_renames_and_recursion() {
    let json = serde_json::json!({
        "id": "j1", "name": "demo", "status": "FAILED", "unknown_field": true,
        "type": "train",
        "parent": {"id": "j0", "name": "base", "status": "SOMETHING_NEW"},
        "children": [{"id": "j2", "name": "child", "status": "JOB_RUNNING"}],
        "owner": {"名称": "张三", "年龄": 30}
    });
    let job: Job = serde_json::from_value(json).unwrap();
    assert_eq!(job.r#type, Some(JobType::Train));
    assert_eq!(
        job.parent.as_ref().unwrap().status,
        JobStatus::Other("SOMETHING_NEW".into())
    );
    assert_eq!(job.owner.as_ref().unwrap().field_1, "张三");
    let back = serde_json::to_value(&job).unwrap();
    // Optional fields that were absent stay absent; unknown fields are ignored.
    assert!(back.get("spec").is_none());
    assert!(back.get("unknown_field").is_none());
    assert_eq!(back["owner"]["年龄"], 30);

    let body = CreateJobRequest {
        name: "n".into(),
        config: CreateJobRequestConfig {
            engine: CreateJobRequestConfigEngine {
                engine_id: 1,
                engine_version: None,
            },
            parameters: Some(vec![CreateJobRequestConfigParametersItem {
                name: "lr".into(),
                value: "0.1".into(),
            }]),
            inputs: Some(BTreeMap::new()),
            user_data: Some(serde_json::json!({"free": ["form"]})),
        },
        r#type: Some(CreateJobRequestType::Other("custom".into())),
        self_: None,
        n_2fa: Some(true),
        field_6: Some("名字".into()),
        field_7: None,
        job_name: Some("dotted".into()),
        job_name_2: Some("dashed".into()),
        job_name_3: None,
        job_name_4: None,
        priority: None,
        metadata: None,
        tags: None,
        owner: None,
        node: None,
    };
    let v = serde_json::to_value(&body).unwrap();
    assert_eq!(v["2fa"], true);
    assert_eq!(v["名称"], "名字");
    assert_eq!(v["job.name"], "dotted");
    assert_eq!(v["job-name"], "dashed");
    assert_eq!(v["type"], "custom");
    assert_eq!(v["config"]["user-data"]["free"][0], "form");
    assert!(v.get("self").is_none());
}

/// Serve `replies` in order, one connection each; returns the raw requests received.
async fn serve(replies: Vec<String>) -> (String, tokio::task::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = tokio::spawn(async move {
        let mut seen = Vec::new();
        for reply in replies {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            loop {
                let n = socket.read(&mut chunk).await.unwrap();
                buf.extend_from_slice(&chunk[..n]);
                let text = String::from_utf8_lossy(&buf).to_string();
                if let Some(end) = text.find("\r\n\r\n") {
                    let length = text[..end]
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse::<usize>().unwrap())
                        })
                        .unwrap_or(0);
                    if buf.len() >= end + 4 + length {
                        break;
                    }
                }
                if n == 0 {
                    break;
                }
            }
            seen.push(String::from_utf8_lossy(&buf).to_string());
            socket.write_all(reply.as_bytes()).await.unwrap();
            socket.shutdown().await.unwrap();
        }
        seen
    });
    (base, handle)
}

fn reply(status: &str, body: &str) -> String {
    format!("HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
}

#[tokio::test]
async fn builders_send_documented_requests_and_decode_typed_responses() {
    let (base, server) = serve(vec![
        reply(
            "200 OK",
            r#"{"total": 1, "jobs": [{"id": "j1", "name": "demo", "status": "JOB_RUNNING"}]}"#,
        ),
        reply("202 Accepted", r#"{"task_id": "t1"}"#),
        reply("204 No Content", ""),
        reply(
            "404 Not Found",
            r#"{"error_code": "ModelArts.0104", "error_msg": "Job not found"}"#,
        ),
        reply("200 OK", r#"{"loss": [0.5, 0.25]}"#),
    ])
    .await;
    let config = training_client::Config::with_base_url(&base)
        .project_id("proj-1")
        .retry(docbind_runtime::RetryPolicy::disabled());
    let client = training_client::Client::new(config).unwrap();

    let page = client
        .list_jobs()
        .limit(10)
        .status(ListJobsStatus::JobRunning)
        .tags(vec!["a".into(), "b".into()])
        .x_language("en-us")
        .send()
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.jobs[0].status, JobStatus::JobRunning);

    let updated = client
        .update_job("j 1", true)
        .project_id("other")
        .body(JobUpdate {
            description: None,
            priority: Some(Priority::Value2),
        })
        .send()
        .await
        .unwrap();
    assert_eq!(
        updated,
        UpdateJobResponse::Status202(UpdateJobResponse202 {
            task_id: "t1".into()
        })
    );

    client
        .batch_add_tags(
            "j1",
            vec![Tag {
                key: "k".into(),
                value: None,
            }],
        )
        .send()
        .await
        .unwrap();

    match client.delete_job("missing").send().await {
        Err(docbind_runtime::Error::Api { status, code, .. }) => {
            assert_eq!(status, 404);
            assert_eq!(code.as_deref(), Some("ModelArts.0104"));
        }
        other => panic!("expected an API error, got {other:?}"),
    }

    let metrics = client
        .get_metrics("j1", "loss/val", GetMetricsPeriod::Value5)
        .send()
        .await
        .unwrap();
    assert_eq!(metrics["loss"], vec![0.5, 0.25]);

    let requests = server.await.unwrap();
    let first_line = |i: usize| requests[i].lines().next().unwrap().to_string();
    assert!(
        first_line(0).starts_with("GET /v1/proj-1/training-jobs?"),
        "{}",
        first_line(0)
    );
    for part in ["limit=10", "status=JOB_RUNNING", "tags=a", "tags=b"] {
        assert!(
            first_line(0).contains(part),
            "{part} missing in {}",
            first_line(0)
        );
    }
    assert!(requests[0]
        .to_ascii_lowercase()
        .contains("x-language: en-us"));
    assert!(
        first_line(1).starts_with("PUT /v1/other/training-jobs/j%201?dry_run=true"),
        "{}",
        first_line(1)
    );
    assert!(requests[1]
        .to_ascii_lowercase()
        .contains("content-type: application/json;charset=utf-8"));
    assert!(
        requests[1].ends_with(r#"{"priority":2}"#),
        "{}",
        requests[1]
    );
    assert!(requests[2].ends_with(r#"[{"key":"k"}]"#), "{}", requests[2]);
    assert!(
        first_line(4).starts_with("GET /v2/proj-1/jobs/j1/metrics/loss%2Fval?period=5"),
        "{}",
        first_line(4)
    );
}
