//! Project-scoped and global services: `X-Project-Id` / `X-Domain-Id`, and the one-time
//! discovery of a missing ID through a local IAM server.

mod common;

use common::{MockServer, Reply};
use docbind_runtime::{Client, Cloud, Config, Credentials, Error, Method, RequestSpec, Scope};

fn signed(api: &MockServer, iam: &MockServer, region: &str) -> Config {
    Config::with_base_url(api.url())
        .region_id(region)
        .iam_endpoint(iam.url())
        .credentials(Credentials::aksk("AKDISC", "SKDISC"))
}

#[tokio::test]
async fn project_id_is_discovered_once_through_iam_and_fills_the_path() {
    let iam = MockServer::sequence(vec![Reply::json(
        200,
        r#"{"projects":[{"id":"p-discovered","name":"eu-de"}]}"#,
    )])
    .await;
    let api = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let client = Client::new(signed(&api, &iam, "eu-de")).unwrap();
    for _ in 0..2 {
        client
            .execute(RequestSpec::new(Method::GET, "/v1/{project_id}/servers"))
            .await
            .unwrap();
    }
    assert_eq!(iam.count(), 1, "discovered once, then cached");
    let ask = &iam.requests()[0];
    assert_eq!(ask.path(), "/v3/projects");
    assert_eq!(ask.query_value("name").as_deref(), Some("eu-de"));
    assert!(ask
        .header("authorization")
        .unwrap()
        .starts_with("SDK-HMAC-SHA256 Access=AKDISC"));
    assert_eq!(ask.header("x-project-id"), None);
    for request in api.requests() {
        assert_eq!(request.path(), "/v1/p-discovered/servers");
        assert_eq!(request.header("x-project-id"), Some("p-discovered"));
    }
}

#[tokio::test]
async fn global_services_send_the_domain_id_discovered_from_auth_domains() {
    let iam = MockServer::sequence(vec![Reply::json(
        200,
        r#"{"domains":[{"id":"d-discovered","name":"acme"}]}"#,
    )])
    .await;
    let api = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let client = Client::new(signed(&api, &iam, "eu-de").scope(Scope::Global)).unwrap();
    client
        .execute(RequestSpec::new(Method::GET, "/v2/zones"))
        .await
        .unwrap();
    assert_eq!(iam.requests()[0].path(), "/v3/auth/domains");
    let request = &api.requests()[0];
    assert_eq!(request.header("x-domain-id"), Some("d-discovered"));
    assert_eq!(request.header("x-project-id"), None);
}

#[tokio::test]
async fn configured_ids_skip_discovery() {
    let iam = MockServer::sequence(vec![Reply::status(500)]).await;
    let api = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    for config in [
        signed(&api, &iam, "eu-de").project_id("p-set"),
        signed(&api, &iam, "eu-de")
            .scope(Scope::Global)
            .domain_id("d-set"),
    ] {
        Client::new(config)
            .unwrap()
            .execute(RequestSpec::new(Method::GET, "/v1/x"))
            .await
            .unwrap();
    }
    assert_eq!(iam.count(), 0);
    let requests = api.requests();
    assert_eq!(requests[0].header("x-project-id"), Some("p-set"));
    assert_eq!(requests[1].header("x-domain-id"), Some("d-set"));
}

#[tokio::test]
async fn zero_or_several_projects_and_iam_errors_stop_the_request() {
    for (body, status, expected) in [
        (r#"{"projects":[]}"#, 200, "lists no projects"),
        (
            r#"{"projects":[{"id":"a"},{"id":"b"}]}"#,
            200,
            "lists 2 projects",
        ),
        (
            r#"{"error_code":"IAM.0001","error_msg":"denied"}"#,
            403,
            "IAM.0001",
        ),
    ] {
        let iam = MockServer::sequence(vec![Reply::json(status, body)]).await;
        let api = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
        let err = Client::new(signed(&api, &iam, "eu-de"))
            .unwrap()
            .execute(RequestSpec::new(Method::GET, "/v1/{project_id}/x"))
            .await
            .unwrap_err();
        assert!(err.to_string().contains(expected), "{err}");
        assert_eq!(api.count(), 0, "nothing sent without the ID");
        if status != 200 {
            assert!(matches!(err, Error::Api { status: 403, .. }));
        }
    }
}

#[test]
fn default_iam_endpoint_follows_the_endpoints_cloud() {
    let huawei = Config::new(
        &Cloud::HuaweiCloud.endpoint_template("modelarts"),
        "cn-north-4",
    );
    assert_eq!(
        huawei.effective_iam_endpoint().as_deref(),
        Some("https://iam.cn-north-4.myhuaweicloud.com")
    );
    let otc = Config::new(&Cloud::OpenTelekomCloud.endpoint_template("dns"), "eu-de");
    assert_eq!(otc.base_url(), "https://dns.eu-de.otc.t-systems.com");
    assert_eq!(
        otc.effective_iam_endpoint().as_deref(),
        Some("https://iam.eu-de.otc.t-systems.com")
    );
    // Mock servers and private endpoints have no default: a missing ID is simply not sent.
    let mock = Config::with_base_url("http://127.0.0.1:9").region_id("eu-de");
    assert_eq!(mock.effective_iam_endpoint(), None);
    assert_eq!(
        mock.iam_endpoint("https://iam.example.test/")
            .effective_iam_endpoint()
            .as_deref(),
        Some("https://iam.example.test")
    );
}
