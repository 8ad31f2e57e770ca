//! The generated ModelArts client against a Prism mock of the generated spec.
//!
//! One Prism process serves the whole suite (startup costs a few seconds). Every case calls one
//! operation through the generated builder; Prism validates the request against the spec (a
//! rejection is a non-success status, so the case fails) and answers with the documented example,
//! which must decode into the generated type and, where the operation has one success body, equal
//! the documented example decoded directly. All cases run; failures are reported together.

use docbind_e2e::{locate_prism, workspace_root, Prism, Spec, PRISM_ENV};
use docbind_runtime::{Config, Credentials, Error, RetryPolicy};
use futures_util::StreamExt;
use modelarts::models;
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::future::Future;
use std::time::Instant;

const TOKEN: &str = "e2e-token";

/// Records which operations ran and which failed.
#[derive(Default)]
struct Ledger {
    exercised: BTreeSet<(&'static str, &'static str)>,
    failures: Vec<String>,
}

impl Ledger {
    async fn case(
        &mut self,
        method: &'static str,
        path: &'static str,
        run: impl Future<Output = Result<(), String>>,
    ) {
        self.exercised.insert((method, path));
        if let Err(e) = run.await {
            self.failures.push(format!("{method} {path}: {e}"));
        }
    }
}

/// A client error as text: Prism's rejection details are in the body.
fn api<T>(result: Result<T, Error>) -> Result<T, String> {
    result.map_err(|e| match e {
        Error::Api { status, body, .. } => format!("HTTP {status}: {body}"),
        other => other.to_string(),
    })
}

/// The response equals the documented example (when the operation documents one: otherwise
/// Prism answers with a body built from the schema, and decoding it is the check).
fn documented<T: PartialEq + Debug>(got: &T, example: Option<T>) -> Result<(), String> {
    match example {
        Some(example) => same(got, &example, "response"),
        None => Ok(()),
    }
}

fn same<T: PartialEq + Debug>(got: &T, documented: &T, what: &str) -> Result<(), String> {
    if got == documented {
        Ok(())
    } else {
        Err(format!(
            "{what} differs from the documented example:\n got {got:?}\nwant {documented:?}"
        ))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_client_against_prism() {
    let binary = locate_prism(std::env::var_os(PRISM_ENV), std::env::var_os("PATH"))
        .unwrap_or_else(|e| panic!("{e}"));
    let spec_path = workspace_root().join("spec/modelarts.openapi.json");
    let spec = Spec::load(&spec_path).unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let prism = Prism::start(&binary, &spec_path).unwrap_or_else(|e| panic!("{e}"));
    let startup = started.elapsed();
    // Prism checks the documented security: the token goes in `X-Auth-Token`, set by the
    // runtime from the configuration, never as an operation argument.
    let config = Config::with_base_url(&prism.base_url())
        .credentials(Credentials::Token(TOKEN.into()))
        .project_id("0f5d9b6c2a3e4b7f8c1d2e3f4a5b6c7d")
        .retry(RetryPolicy::disabled());
    let client = modelarts::Client::new(config).expect("client");
    let s = &spec;
    let c = &client;
    let mut ledger = Ledger::default();
    let calls = Instant::now();

    // ---- GET: path, query and header parameters; pagination streams.
    ledger
        .case("GET", "/v1/{project_id}/notebooks", async {
            let path = "/v1/{project_id}/notebooks";
            let page = api(c
                .list_notebooks()
                .offset(0)
                .limit(10)
                .status("RUNNING".into())
                .send()
                .await)?;
            let documented: models::ListNotebooksResponse = s
                .response_example("GET", path, 200)?
                .ok_or("the list example is missing")?;
            same(&page, &documented, "response")?;
            // The example page is shorter than the default page size: one request, its items.
            let items: Vec<_> = c.list_notebooks().items().collect().await;
            let items = items
                .into_iter()
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.to_string())?;
            same(
                &items,
                documented.data.as_ref().unwrap_or(&Vec::new()),
                "streamed items",
            )?;
            // Pages as long as the limit: the stream keeps requesting (Prism validates each).
            let limit = documented.data.as_ref().map_or(0, Vec::len);
            if limit > 0 {
                let wanted = 2 * limit + 1;
                let got: Vec<_> = c
                    .list_notebooks()
                    .limit(i32::try_from(limit).map_err(|e| e.to_string())?)
                    .items()
                    .take(wanted)
                    .collect()
                    .await;
                let got = got
                    .into_iter()
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| e.to_string())?;
                if got.len() != wanted {
                    return Err(format!(
                        "{} items over three pages, wanted {wanted}",
                        got.len()
                    ));
                }
            }
            Ok(())
        })
        .await;
    ledger
        .case("GET", "/v1/{project_id}/notebooks/{id}", async {
            let got = api(c.show_notebook("nb-1").send().await)?;
            documented(
                &got,
                s.response_example("GET", "/v1/{project_id}/notebooks/{id}", 200)?,
            )
        })
        .await;
    ledger
        .case("GET", "/v1/{project_id}/models", async {
            let path = "/v1/{project_id}/models";
            let got = api(c
                .list_models()
                .model_name("m")
                .limit(5)
                .order("asc".into())
                .send()
                .await)?;
            documented(&got, s.response_example("GET", path, 200)?)
        })
        .await;
    ledger
        .case("GET", "/v1/{project_id}/models/{model_id}", async {
            let got = api(c.show_model("model-1").send().await)?;
            documented(
                &got,
                s.response_example("GET", "/v1/{project_id}/models/{model_id}", 200)?,
            )
        })
        .await;
    ledger
        .case("GET", "/v1/{project_id}/app-auth/apps", async {
            let path = "/v1/{project_id}/app-auth/apps";
            let documented: models::ListAppAuthAppsResponse = s
                .response_example("GET", path, 200)?
                .ok_or("the list example is missing")?;
            let pages: Vec<_> = c.list_app_auth_apps().pages().collect().await;
            let pages = pages
                .into_iter()
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.to_string())?;
            same(&pages, &vec![documented], "pages")
        })
        .await;
    ledger
        .case("GET", "/v1/{project_id}/events", async {
            let path = "/v1/{project_id}/events";
            let documented: models::ListEventsResponse = s
                .response_example("GET", path, 200)?
                .ok_or("the list example is missing")?;
            let items: Vec<_> = c
                .list_events("pools".into(), "pool-1")
                .limit(50)
                .items()
                .collect()
                .await;
            let items = items
                .into_iter()
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.to_string())?;
            // The mock repeats its marker: the second page's marker equals the one just used,
            // so the stream stops after two requests.
            let per_page = documented.items.clone().unwrap_or_default();
            let marker = documented
                .metadata
                .as_ref()
                .and_then(|m| m.r#continue.clone());
            let pages = if marker.is_some_and(|m| !m.is_empty()) {
                2
            } else {
                1
            };
            let want: Vec<_> = (0..pages).flat_map(|_| per_page.iter().cloned()).collect();
            same(&items, &want, "streamed items")
        })
        .await;
    ledger
        .case("GET", "/v2/{project_id}/datasets", async {
            let got = api(c
                .list_datasets()
                .offset(0)
                .limit(10)
                .search_content("cat")
                .send()
                .await)?;
            documented(
                &got,
                s.response_example("GET", "/v2/{project_id}/datasets", 200)?,
            )
        })
        .await;
    ledger
        .case(
            "GET",
            "/v2/{project_id}/training-jobs/{training_job_id}/events",
            async {
                let path = "/v2/{project_id}/training-jobs/{training_job_id}/events";
                let got = api(c
                    .list_training_job_events("job-1")
                    .x_language("en-US")
                    .limit(10)
                    .send()
                    .await)?;
                documented(&got, s.response_example("GET", path, 200)?)
            },
        )
        .await;
    ledger
        .case("GET", "/v1/{project_id}/images", async {
            let got = api(c
                .list_images()
                .name_fuzzy_match(true)
                .limit(20)
                .send()
                .await)?;
            documented(
                &got,
                s.response_example("GET", "/v1/{project_id}/images", 200)?,
            )
        })
        .await;
    ledger
        .case("GET", "/v1/{project_id}/services/specifications", async {
            let path = "/v1/{project_id}/services/specifications";
            let got = api(c.list_service_specifications().limit("10").send().await)?;
            documented(&got, s.response_example("GET", path, 200)?)
        })
        .await;
    ledger
        .case("GET", "/v1/{project_id}/training-jobs", async {
            let path = "/v1/{project_id}/training-jobs";
            let got = api(c.list_training_jobs().page(1).per_page(10).send().await)?;
            documented(&got, s.response_example("GET", path, 200)?)
        })
        .await;
    ledger
        .case("GET", "/v1/{project_id}/services/{service_id}", async {
            let path = "/v1/{project_id}/services/{service_id}";
            let got = api(c.show_service("svc-1").send().await)?;
            documented(&got, s.response_example("GET", path, 200)?)
        })
        .await;

    // ---- POST: documented request bodies, optional headers.
    ledger
        .case("POST", "/v1/{project_id}/notebooks", async {
            let path = "/v1/{project_id}/notebooks";
            api(c
                .create_notebook(s.request_example("POST", path)?)
                .send()
                .await)
            .map(drop)
        })
        .await;
    ledger
        .case("POST", "/v2/{project_id}/datasets", async {
            let path = "/v2/{project_id}/datasets";
            let got = api(c
                .create_dataset(s.request_example("POST", path)?)
                .send()
                .await)?;
            documented(&got, s.response_example("POST", path, 201)?)
        })
        .await;
    ledger
        .case("POST", "/v2/{project_id}/workforces", async {
            let path = "/v2/{project_id}/workforces";
            let got = api(c
                .create_workforce(s.request_example("POST", path)?)
                .send()
                .await)?;
            documented(&got, s.response_example("POST", path, 201)?)
        })
        .await;
    ledger
        .case("POST", "/v1/{project_id}/app-auth/apps", async {
            let path = "/v1/{project_id}/app-auth/apps";
            let got = api(c
                .create_app_auth_app(s.request_example("POST", path)?)
                .send()
                .await)?;
            documented(&got, s.response_example("POST", path, 200)?)
        })
        .await;
    ledger
        .case("POST", "/v2/{project_id}/pools", async {
            let path = "/v2/{project_id}/pools";
            let got = api(c
                .create_pool(s.request_example("POST", path)?)
                .x_model_arts_user_id("user-1")
                .send()
                .await)?;
            documented(&got, s.response_example("POST", path, 200)?)
        })
        .await;
    ledger
        .case("POST", "/v1/{project_id}/notebooks/{id}/stop", async {
            api(c.stop_notebook("nb-1").send().await).map(drop)
        })
        .await;
    ledger
        .case("POST", "/v2/{project_id}/processor-tasks", async {
            let path = "/v2/{project_id}/processor-tasks";
            let got = api(c
                .create_processor_task(s.request_example("POST", path)?)
                .send()
                .await)?;
            documented(&got, s.response_example("POST", path, 200)?)
        })
        .await;

    // ---- PUT
    ledger
        .case("PUT", "/v1/{project_id}/notebooks/{id}", async {
            let path = "/v1/{project_id}/notebooks/{id}";
            api(c
                .update_notebook("nb-1", s.request_example("PUT", path)?)
                .send()
                .await)
            .map(drop)
        })
        .await;
    ledger
        .case("PUT", "/v1/{project_id}/workspaces/{workspace_id}", async {
            let path = "/v1/{project_id}/workspaces/{workspace_id}";
            let got = api(c
                .update_workspace("ws-1", s.request_example("PUT", path)?)
                .send()
                .await)?;
            documented(&got, s.response_example("PUT", path, 200)?)
        })
        .await;
    ledger
        .case("PUT", "/v2/{project_id}/datasets/{dataset_id}", async {
            let path = "/v2/{project_id}/datasets/{dataset_id}";
            let got = api(c
                .update_dataset("ds-1", s.request_example("PUT", path)?)
                .send()
                .await)?;
            documented(&got, s.response_example("PUT", path, 200)?)
        })
        .await;
    ledger
        .case(
            "PUT",
            "/v2/{project_id}/datasets/{dataset_id}/workforce-tasks/{workforce_task_id}/acceptance/status",
            async {
                let path = "/v2/{project_id}/datasets/{dataset_id}/workforce-tasks/{workforce_task_id}/acceptance/status";
                let body = s.request_example("PUT", path)?;
                let got = api(
                    c.update_dataset_workforce_task_acceptance_status("ds-1", "wt-1", "en-us".into(), body)
                        .send()
                        .await,
                )?;
                documented(&got, s.response_example("PUT", path, 200)?)
            },
        )
        .await;
    ledger
        .case("PUT", "/v1/{project_id}/dev-servers/{id}/stop", async {
            let path = "/v1/{project_id}/dev-servers/{id}/stop";
            let got = api(c.stop_dev_server("dev-1").send().await)?;
            documented(&got, s.response_example("PUT", path, 200)?)
        })
        .await;

    // ---- DELETE
    ledger
        .case("DELETE", "/v1/{project_id}/notebooks/{id}", async {
            api(c.delete_notebook("nb-1").send().await).map(drop)
        })
        .await;
    ledger
        .case("DELETE", "/v2/{project_id}/datasets/{dataset_id}", async {
            api(c.delete_dataset("ds-1").send().await).map(drop)
        })
        .await;
    ledger
        .case("DELETE", "/v1/{project_id}/models/{model_id}", async {
            let path = "/v1/{project_id}/models/{model_id}";
            let got = api(c.delete_model("model-1").cascade(true).send().await)?;
            documented(&got, s.response_example("DELETE", path, 200)?)
        })
        .await;
    ledger
        .case("DELETE", "/v2/{project_id}/authorizations", async {
            api(c.delete_authorizations().user_id("user-1").send().await).map(drop)
        })
        .await;

    // ---- PATCH
    ledger
        .case("PATCH", "/v1/{project_id}/notebooks/{id}/lease", async {
            let path = "/v1/{project_id}/notebooks/{id}/lease";
            api(c
                .update_notebook_lease("nb-1", s.request_example("PATCH", path)?)
                .duration(3_600_000)
                .send()
                .await)
            .map(drop)
        })
        .await;

    // ---- Prism really validates: a request the spec forbids is rejected, and the client
    // reports the rejection as an API error.
    ledger
        .case("POST", "/v1/{project_id}/notebooks", async {
            // Required `flavor`, `image_id` and `volume` are missing.
            let raw = docbind_runtime::RequestSpec::new(
                docbind_runtime::Method::POST,
                "/v1/{project_id}/notebooks",
            )
            .json(&docbind_runtime::serde_json::json!({ "name": "nb" }))
            .map_err(|e| e.to_string())?;
            let response = c.runtime().execute(raw).await.map_err(|e| e.to_string())?;
            match response.into_error() {
                Error::Api {
                    status: 400..=499, ..
                } => Ok(()),
                other => Err(format!(
                    "an invalid body was not rejected with 4xx: {other:?}"
                )),
            }
        })
        .await;
    // Security is validated too: without credentials the documented `security` rejects the
    // call (401), so the token above really travelled in `X-Auth-Token`.
    ledger
        .case("GET", "/v1/{project_id}/models", async {
            let anonymous = modelarts::Client::new(
                Config::with_base_url(&prism.base_url())
                    .project_id("0f5d9b6c2a3e4b7f8c1d2e3f4a5b6c7d")
                    .retry(RetryPolicy::disabled()),
            )
            .map_err(|e| e.to_string())?;
            match anonymous.list_models().send().await {
                Err(Error::Api { status: 401, .. }) => Ok(()),
                other => Err(format!(
                    "a call without credentials was not refused: {other:?}"
                )),
            }
        })
        .await;

    let elapsed = calls.elapsed();
    let methods: BTreeSet<&str> = ledger.exercised.iter().map(|(m, _)| *m).collect();
    for (method, path) in &ledger.exercised {
        if let Err(e) = spec.operation(method, path) {
            ledger.failures.push(e);
        }
    }
    println!(
        "prism suite: {} operations exercised ({}) in {elapsed:?}, Prism startup {startup:?}",
        ledger.exercised.len(),
        methods.iter().copied().collect::<Vec<_>>().join(", "),
    );
    assert!(
        ledger.failures.is_empty(),
        "{} of {} operations failed:\n{}\n\nPrism log (tail):\n{}",
        ledger.failures.len(),
        ledger.exercised.len(),
        ledger.failures.join("\n\n"),
        prism.log_tail(60)
    );
    assert!(
        ledger.exercised.len() >= 25,
        "only {} operations",
        ledger.exercised.len()
    );
    assert_eq!(methods.len(), 5, "methods covered: {methods:?}");
}
