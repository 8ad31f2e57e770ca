//! Secrets never appear in Debug/Display output; configuration from environment variables.

use std::collections::HashMap;

use docbind_runtime::{env, Client, Config, Credentials, Error};

const SK: &str = "tDk1YWQ0NzQtNTc3OC00NDZiLWI4NWEtMzk1ZGU2OGVEXAMPLE";
const TOKEN: &str = "MIIEXAMPLEIAMTOKENxyz";
const SECURITY_TOKEN: &str = "gQpjbi1ub3J0aC00EXAMPLETOKEN";

fn assert_no_secrets(text: &str) {
    for secret in [SK, TOKEN, SECURITY_TOKEN] {
        assert!(!text.contains(secret), "secret leaked in {text}");
        assert!(
            !text.contains(&secret[..12]),
            "secret prefix leaked in {text}"
        );
    }
}

#[test]
fn debug_of_credentials_config_and_client_hides_secrets() {
    let all = [
        Credentials::Token(TOKEN.into()),
        Credentials::AkSk {
            ak: "HPUAJNYCIXMLQ1YEXAMPLE".into(),
            sk: SK.into(),
            security_token: Some(SECURITY_TOKEN.into()),
        },
    ];
    for credentials in all {
        assert_no_secrets(&format!("{credentials:?}"));
        assert_no_secrets(&format!("{credentials:#?}"));
        let config = Config::new(
            "https://modelarts.{region}.myhuaweicloud.com",
            "eu-west-101",
        )
        .credentials(credentials.clone());
        let shown = format!("{config:?}");
        assert_no_secrets(&shown);
        assert!(shown.contains("redacted"), "{shown}");
        assert!(shown.contains("modelarts.eu-west-101"), "{shown}");
        let client = Client::new(config).unwrap();
        assert_no_secrets(&format!("{client:?}"));
        assert_no_secrets(&format!("{:?}", client.config().credentials_ref()));
    }
    let aksk = format!("{:?}", Credentials::aksk("HPUAJNYCIXMLQ1YEXAMPLE", SK));
    assert!(aksk.contains("HPUA"), "{aksk}");
    assert!(!aksk.contains("HPUAJNYCIXMLQ1YEXAMPLE"), "{aksk}");
}

#[test]
fn config_errors_from_env_do_not_echo_values() {
    let vars: HashMap<&str, &str> = [(env::REGION, "cn-north-4"), (env::SK, SK)].into();
    let err = Config::from_env_with("https://x.{region}.example.com", |k| {
        vars.get(k).map(|v| v.to_string())
    })
    .unwrap_err();
    assert!(matches!(err, Error::Config(_)));
    assert_no_secrets(&err.to_string());
    assert_no_secrets(&format!("{err:?}"));
}

fn from_vars(vars: &[(&str, &str)]) -> Result<Config, Error> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Config::from_env_with("https://modelarts.{region}.myhuaweicloud.com", |k| {
        vars.get(k).cloned()
    })
}

#[test]
fn from_env_reads_all_variables() {
    let config = from_vars(&[
        (env::AK, "AK1"),
        (env::SK, "SK1"),
        (env::SECURITY_TOKEN, "ST1"),
        (env::PROJECT_ID, "p1"),
        (env::REGION, "ap-southeast-1"),
    ])
    .unwrap();
    assert_eq!(
        config.base_url(),
        "https://modelarts.ap-southeast-1.myhuaweicloud.com"
    );
    assert_eq!(config.region(), Some("ap-southeast-1"));
    assert_eq!(
        config
            .default_path_params()
            .get("project_id")
            .map(String::as_str),
        Some("p1")
    );
    assert_eq!(
        config.credentials_ref(),
        &Credentials::AkSk {
            ak: "AK1".into(),
            sk: "SK1".into(),
            security_token: Some("ST1".into())
        }
    );
}

#[test]
fn from_env_without_keys_is_unauthenticated_and_empty_values_are_unset() {
    let config = from_vars(&[(env::REGION, "cn-north-4"), (env::AK, ""), (env::SK, "")]).unwrap();
    assert_eq!(config.credentials_ref(), &Credentials::None);
    assert!(config.default_path_params().is_empty());
}

#[test]
fn from_env_rejects_missing_region_and_half_keys() {
    assert!(
        matches!(from_vars(&[(env::AK, "a"), (env::SK, "s")]), Err(Error::Config(m)) if m.contains(env::REGION))
    );
    assert!(
        matches!(from_vars(&[(env::REGION, "r"), (env::AK, "a")]), Err(Error::Config(m)) if m.contains(env::SK))
    );
    assert!(
        matches!(from_vars(&[(env::REGION, "r"), (env::SK, "s")]), Err(Error::Config(m)) if m.contains(env::AK))
    );
}

#[test]
fn endpoint_override_keeps_the_rest() {
    let config = from_vars(&[(env::REGION, "cn-north-4"), (env::PROJECT_ID, "p")])
        .unwrap()
        .endpoint("http://127.0.0.1:8080/");
    assert_eq!(config.base_url(), "http://127.0.0.1:8080");
    assert_eq!(config.region(), Some("cn-north-4"));
    assert_eq!(config.default_path_params().len(), 1);
}
