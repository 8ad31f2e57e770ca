//! The credential provider chain (environment → profile file → ECS metadata) and the region
//! provider chain (environment → regions file → template), with injected environments and
//! temporary home directories: no test touches the process environment or the real `$HOME`.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use common::{MockServer, Recorded, Reply};
use docbind_runtime::{
    names, Client, Config, CredentialSource, EndpointSource, Error, Method, RequestSpec, Scope,
    Sources,
};

const TEMPLATE: &str = "https://modelarts.{region}.myhuaweicloud.com";
const SK: &str = "tDk1YWQ0NzQtNTc3OC00NDZiLWI4NWEtMzk1ZGU2OGVEXAMPLE";

fn sources(vars: &[(&str, &str)], home: Option<&Path>) -> Sources {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Sources::new(move |k| vars.get(k).cloned(), home.map(Path::to_path_buf))
}

/// A home directory with `~/.huaweicloud/<name>` holding `text`.
fn home_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".huaweicloud");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    home
}

/// Send one GET through `config` to a mock server and return what it received.
async fn sent(config: Config) -> Recorded {
    let server = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let client = Client::new(config.endpoint(server.url())).unwrap();
    client
        .execute(RequestSpec::new(Method::GET, "/v1/things"))
        .await
        .unwrap();
    server.requests().remove(0)
}

#[tokio::test]
async fn environment_answers_first_with_project_or_domain_id() {
    let home = home_with(&[("credentials", "[basic]\nak = FILEAK\nsk = FILESK\n")]);
    let vars = [
        (names::REGION, "eu-west-101"),
        (names::AK, "ENVAK"),
        (names::SK, SK),
        (names::SECURITY_TOKEN, "ENVTOKEN"),
        (names::PROJECT_ID, "proj-env"),
        (names::DOMAIN_ID, "dom-env"),
    ];
    let src = sources(&vars, Some(home.path()));
    let project = Config::from_chain_with(TEMPLATE, Scope::Project, &src)
        .await
        .unwrap();
    assert_eq!(
        project.credential_source(),
        Some(&CredentialSource::Environment)
    );
    assert_eq!(
        project.base_url(),
        "https://modelarts.eu-west-101.myhuaweicloud.com"
    );
    assert_eq!(project.region(), Some("eu-west-101"));
    let r = sent(project).await;
    assert!(r.header("authorization").unwrap().contains("Access=ENVAK"));
    assert_eq!(r.header("x-project-id"), Some("proj-env"));
    assert_eq!(r.header("x-security-token"), Some("ENVTOKEN"));

    let global = Config::from_chain_with(TEMPLATE, Scope::Global, &src)
        .await
        .unwrap();
    let r = sent(global).await;
    assert_eq!(r.header("x-domain-id"), Some("dom-env"));
    assert_eq!(r.header("x-project-id"), None);
}

#[tokio::test]
async fn profile_file_sections_answer_when_the_environment_has_no_keys() {
    let profile = "[basic]\nak = BASICAK\nsk = BASICSK\nproject_id = proj-file\n\n\
                   [global]\nak = GLOBALAK\nsk = GLOBALSK\ndomain_id = dom-file\n\
                   iam_endpoint = https://iam.example.test\n";
    let home = home_with(&[("credentials", profile)]);
    let src = sources(&[(names::REGION, "cn-north-4")], Some(home.path()));
    let path = home.path().join(".huaweicloud/credentials");

    let basic = Config::from_chain_with(TEMPLATE, Scope::Project, &src)
        .await
        .unwrap();
    assert_eq!(
        basic.credential_source(),
        Some(&CredentialSource::ProfileFile(path.clone()))
    );
    let r = sent(basic).await;
    assert!(r
        .header("authorization")
        .unwrap()
        .contains("Access=BASICAK"));
    assert_eq!(r.header("x-project-id"), Some("proj-file"));

    let global = Config::from_chain_with(TEMPLATE, Scope::Global, &src)
        .await
        .unwrap();
    assert_eq!(
        global.effective_iam_endpoint().as_deref(),
        Some("https://iam.example.test")
    );
    let r = sent(global).await;
    assert!(r
        .header("authorization")
        .unwrap()
        .contains("Access=GLOBALAK"));
    assert_eq!(r.header("x-domain-id"), Some("dom-file"));
}

#[tokio::test]
async fn credentials_file_variable_replaces_the_home_profile() {
    let elsewhere = tempfile::tempdir().unwrap();
    let file: PathBuf = elsewhere.path().join("my-creds.ini");
    std::fs::write(&file, "[basic]\nak = VARAK\nsk = VARSK\n").unwrap();
    let home = home_with(&[("credentials", "[basic]\nak = HOMEAK\nsk = HOMESK\n")]);
    let src = sources(
        &[
            (names::REGION, "cn-north-4"),
            (names::CREDENTIALS_FILE, file.to_str().unwrap()),
        ],
        Some(home.path()),
    );
    let config = Config::from_chain_with(TEMPLATE, Scope::Project, &src)
        .await
        .unwrap();
    assert_eq!(
        config.credential_source(),
        Some(&CredentialSource::ProfileFile(file))
    );
    assert!(sent(config)
        .await
        .header("authorization")
        .unwrap()
        .contains("Access=VARAK"));
}

/// Metadata service: a session token, then security keys; the first key expires in 10
/// minutes (inside the 40-minute refresh margin), later ones in two hours.
async fn metadata_server() -> MockServer {
    let keys_served = Arc::new(Mutex::new(0));
    MockServer::start(move |request, _| {
        if request.method == "PUT" && request.path() == "/meta-data/latest/api/token" {
            return Reply::status(200).body("session-token-1");
        }
        if request.path() != "/openstack/latest/securitykey" {
            return Reply::status(404);
        }
        let mut n = keys_served.lock().unwrap();
        *n += 1;
        let lifetime = if *n == 1 {
            time::Duration::minutes(10)
        } else {
            time::Duration::hours(2)
        };
        let expires = (time::OffsetDateTime::now_utc() + lifetime)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        Reply::json(
            200,
            &format!(
                r#"{{"credential":{{"access":"TEMPAK{n}","secret":"TEMPSK{n}","securitytoken":"TEMPTOKEN{n}","expires_at":"{expires}"}}}}"#
            ),
        )
    })
    .await
}

#[tokio::test]
async fn ecs_metadata_answers_last_and_is_refreshed_before_expiry() {
    let metadata = metadata_server().await;
    let empty_home = tempfile::tempdir().unwrap();
    let src = sources(
        &[(names::REGION, "cn-north-4"), (names::PROJECT_ID, "p1")],
        Some(empty_home.path()),
    )
    .metadata_url(metadata.url());
    let config = Config::from_chain_with(TEMPLATE, Scope::Project, &src)
        .await
        .unwrap();
    assert_eq!(
        config.credential_source(),
        Some(&CredentialSource::EcsMetadata(metadata.url().to_string()))
    );
    let shown = format!("{config:?}");
    assert!(
        !shown.contains("TEMPSK") && !shown.contains("TEMPTOKEN"),
        "{shown}"
    );

    let api = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let client = Client::new(config.endpoint(api.url())).unwrap();
    for _ in 0..3 {
        client
            .execute(RequestSpec::new(Method::GET, "/v1/things"))
            .await
            .unwrap();
    }
    let used: Vec<(String, String)> = api
        .requests()
        .iter()
        .map(|r| {
            let auth = r.header("authorization").unwrap();
            let ak = auth
                .split("Access=")
                .nth(1)
                .unwrap()
                .split(',')
                .next()
                .unwrap();
            (
                ak.to_string(),
                r.header("x-security-token").unwrap().to_string(),
            )
        })
        .collect();
    // The chain fetched key 1 (expiring soon), the first request refreshed to key 2, which
    // stays valid: no further fetches.
    let key2 = ("TEMPAK2".to_string(), "TEMPTOKEN2".to_string());
    assert_eq!(used, vec![key2.clone(), key2.clone(), key2]);
    let fetches: Vec<Recorded> = metadata
        .requests()
        .into_iter()
        .filter(|r| r.path() == "/openstack/latest/securitykey")
        .collect();
    assert_eq!(fetches.len(), 2);
    assert!(fetches
        .iter()
        .all(|r| r.header("x-metadata-token") == Some("session-token-1")));
}

#[tokio::test]
async fn chain_errors_name_the_sources_but_never_the_secrets() {
    let home = tempfile::tempdir().unwrap();
    let nothing = Config::from_chain_with(
        TEMPLATE,
        Scope::Project,
        &sources(&[(names::REGION, "cn-north-4")], Some(home.path())),
    )
    .await
    .unwrap_err();
    let message = nothing.to_string();
    for part in ["environment", "profile file", "ECS metadata"] {
        assert!(message.contains(part), "{message}");
    }

    let half = Config::from_chain_with(
        TEMPLATE,
        Scope::Project,
        &sources(&[(names::REGION, "cn-north-4"), (names::SK, SK)], None),
    )
    .await
    .unwrap_err();
    assert!(matches!(half, Error::Config(_)));
    assert!(!format!("{half} {half:?}").contains(&SK[..12]));

    // Federation configured but its ID token file missing: an error naming the file.
    let federation = Config::from_chain_with(
        TEMPLATE,
        Scope::Project,
        &sources(
            &[
                (names::REGION, "cn-north-4"),
                (names::IDP_ID, "idp"),
                (names::ID_TOKEN_FILE, "/nonexistent/docbind/id-token"),
            ],
            None,
        ),
    )
    .await
    .unwrap_err();
    assert!(
        federation
            .to_string()
            .contains("/nonexistent/docbind/id-token"),
        "{federation}"
    );

    let no_region = Config::from_chain_with(TEMPLATE, Scope::Project, &sources(&[], None))
        .await
        .unwrap_err();
    assert!(no_region.to_string().contains(names::REGION));
}

#[tokio::test]
async fn region_chain_environment_then_regions_file_then_template() {
    let keys = [(names::AK, "AK"), (names::SK, "SK")];
    let regions = "MODELARTS:\n  - id: eu-west-101\n    endpoint: https://file.example.test\n\
                   modelarts:\n  - id: ap-southeast-3\n    endpoints:\n      - https://first.example.test\n      - https://second.example.test\n";
    let home = home_with(&[("regions.yaml", regions)]);
    let config = |region: &str, extra: &[(&str, &str)]| {
        let mut vars = vec![(names::REGION, region)];
        vars.extend_from_slice(&keys);
        vars.extend_from_slice(extra);
        let src = sources(&vars, Some(home.path()));
        async move {
            Config::from_chain_with(TEMPLATE, Scope::Project, &src)
                .await
                .unwrap()
        }
    };
    let env_var = "HUAWEICLOUD_SDK_REGION_MODELARTS_EU_WEST_101";
    let from_env = config(
        "eu-west-101",
        &[(
            env_var,
            "https://env.example.test,https://backup.example.test",
        )],
    )
    .await;
    assert_eq!(from_env.base_url(), "https://env.example.test");
    assert_eq!(
        from_env.endpoint_source(),
        Some(&EndpointSource::Environment(env_var.to_string()))
    );

    let from_file = config("eu-west-101", &[]).await;
    assert_eq!(from_file.base_url(), "https://file.example.test");
    let file = home.path().join(".huaweicloud/regions.yaml");
    assert_eq!(
        from_file.endpoint_source(),
        Some(&EndpointSource::RegionsFile(file))
    );
    assert_eq!(
        config("ap-southeast-3", &[]).await.base_url(),
        "https://first.example.test"
    );

    let from_template = config("cn-north-4", &[]).await;
    assert_eq!(
        from_template.base_url(),
        "https://modelarts.cn-north-4.myhuaweicloud.com"
    );
    assert_eq!(
        from_template.endpoint_source(),
        Some(&EndpointSource::Template)
    );
}

#[tokio::test]
async fn broken_regions_file_is_an_error_naming_it() {
    let home = home_with(&[("regions.yaml", "MODELARTS: [ {id: x")]);
    let err = Config::from_chain_with(
        TEMPLATE,
        Scope::Project,
        &sources(
            &[(names::REGION, "x"), (names::AK, "AK"), (names::SK, "SK")],
            Some(home.path()),
        ),
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("regions.yaml"), "{err}");
}

/// IAM for ID token federation: checks the exchange's headers and bodies, answers with an
/// unscoped token and then temporary credentials valid for two hours.
async fn federation_iam() -> MockServer {
    MockServer::start(|request, _| {
        let body: docbind_runtime::serde_json::Value =
            docbind_runtime::serde_json::from_slice(&request.body).unwrap_or_default();
        match request.path() {
            "/v3.0/OS-AUTH/id-token/tokens"
                if request.header("x-idp-id") == Some("corp-idp")
                    && body["auth"]["id_token"]["id"] == "eyJ.id.token" =>
            {
                Reply::json(201, "{}").header("X-Subject-Token", "unscoped-token")
            }
            "/v3.0/OS-CREDENTIAL/securitytokens"
                if request.header("x-auth-token") == Some("unscoped-token")
                    && body["auth"]["identity"]["token"]["id"] == "unscoped-token" =>
            {
                let expires = (time::OffsetDateTime::now_utc() + time::Duration::hours(2))
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap();
                Reply::json(
                    201,
                    &format!(
                        r#"{{"credential":{{"access":"FEDAK","secret":"FEDSK","securitytoken":"FEDTOKEN","expires_at":"{expires}"}}}}"#
                    ),
                )
            }
            _ => Reply::json(401, r#"{"error_msg":"unexpected request"}"#),
        }
    })
    .await
}

#[tokio::test]
async fn id_token_federation_from_environment_or_profile_exchanges_at_iam() {
    let iam = federation_iam().await;
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("id-token");
    std::fs::write(&token_file, "eyJ.id.token\n").unwrap();
    let token_path = token_file.to_str().unwrap();

    let from_env = Config::from_chain_with(
        TEMPLATE,
        Scope::Project,
        &sources(
            &[
                (names::REGION, "cn-north-4"),
                (names::IDP_ID, "corp-idp"),
                (names::ID_TOKEN_FILE, token_path),
                (names::IAM_ENDPOINT, iam.url()),
                (names::PROJECT_ID, "p-fed"),
            ],
            None,
        ),
    )
    .await
    .unwrap();
    let profile = format!(
        "[global]\nidp_id = corp-idp\nid_token_file = {token_path}\niam_endpoint = {}\ndomain_id = d-fed\n",
        iam.url()
    );
    let home = home_with(&[("credentials", &profile)]);
    let from_profile = Config::from_chain_with(
        TEMPLATE,
        Scope::Global,
        &sources(&[(names::REGION, "cn-north-4")], Some(home.path())),
    )
    .await
    .unwrap();
    for (config, id_header, id) in [
        (from_env, "x-project-id", "p-fed"),
        (from_profile, "x-domain-id", "d-fed"),
    ] {
        assert_eq!(
            config.credential_source(),
            Some(&CredentialSource::IdTokenFederation {
                idp_id: "corp-idp".into()
            })
        );
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("FEDSK") && !shown.contains("FEDTOKEN"),
            "{shown}"
        );
        let r = sent(config).await;
        assert!(r.header("authorization").unwrap().contains("Access=FEDAK"));
        assert_eq!(r.header("x-security-token"), Some("FEDTOKEN"));
        assert_eq!(r.header(id_header), Some(id));
    }
    // Two exchanges (one per chain), each of two requests.
    assert_eq!(iam.count(), 4);
}
