//! Names of the default job (docbind.toml): operation ids (unique, snapshot) and schema-name
//! collisions (same caption, different fields → a context-qualified name and a diagnostic).

mod common;
use common::*;
use docbind::config::Config;
use docbind::ir::Api;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn api() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| {
        let config = Config::load(&repo_root().join("docbind.toml")).expect("docbind.toml loads");
        let (docs, diags) = docbind::pipeline::read_sources(&config.sources).expect("sources");
        docbind::pipeline::build_api(&docs, diags, "ModelArts", "test").0
    })
}

#[test]
fn operation_ids_are_unique_and_stable() {
    let api = api();
    let ids: BTreeSet<&str> = api.operations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids.len(), api.operations.len(), "operation ids are unique");
    assert!(api.operations.len() > 250);
    // No id falls back to numbering: every collision is told apart by version, method or item.
    let numbered: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| {
            id.rsplit('_')
                .next()
                .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    assert!(numbered.is_empty(), "numbered ids: {numbered:?}");
    let table: String = api
        .operations
        .iter()
        .map(|o| format!("{:<7} {:<95} {}\n", o.method.as_str(), o.path, o.id))
        .collect();
    insta::assert_snapshot!("operation_ids", table);
}

#[test]
fn schema_name_collisions() {
    let api = api();
    let collisions: Vec<String> = api
        .diagnostics
        .iter()
        .filter(|d| d.code == "schema.name-collision")
        .map(|d| d.message.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(!collisions.is_empty());
    // Every qualified name exists and differs from the name it was asked for.
    for message in &collisions {
        let names: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
        let [wanted, got] = names[..] else {
            panic!("unexpected message {message}")
        };
        assert_ne!(wanted, got);
    }
    let names: BTreeSet<&str> = api.schemas.keys().map(String::as_str).collect();
    assert_eq!(names.len(), api.schemas.len());
    insta::assert_snapshot!("schema_name_collisions", collisions.join("\n"));
}
