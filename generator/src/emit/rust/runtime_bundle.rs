//! The runtime bundled with a generated crate, so the crate builds anywhere with no edits: the
//! sources of `docbind-runtime` are compiled into docbind and written next to the crate
//! (`runtime/`), with a manifest that stands alone (the workspace's inherited keys and
//! dependency versions resolved). A crate whose `docbind.toml` names a runtime dependency
//! (a path in this workspace, a registry version) does not bundle it.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// The directory, relative to the generated crate, that holds the bundled runtime.
pub const DIR: &str = "runtime";

/// The manifest line the generated crate depends on the bundled runtime with.
pub fn dependency_line() -> String {
    format!("docbind-runtime = {{ path = \"{DIR}\" }}")
}

const MANIFEST: &str = include_str!("../../../../runtime/Cargo.toml");
const WORKSPACE_MANIFEST: &str = include_str!("../../../../Cargo.toml");

macro_rules! sources {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../../../../runtime/src/", $file)))),*]
    };
}

/// Every source file of the runtime (`generator/tests/emit_rust.rs` checks the list against
/// `runtime/src/`, so a new file cannot be forgotten).
pub const SOURCES: &[(&str, &str)] = sources!(
    "client.rs",
    "config.rs",
    "encoding.rs",
    "error.rs",
    "hooks.rs",
    "lenient.rs",
    "lib.rs",
    "open_enum.rs",
    "paginate.rs",
    "provider.rs",
    "region.rs",
    "request.rs",
    "response.rs",
    "response_value.rs",
    "retry.rs",
    "signing.rs",
    "sources.rs",
    "transport.rs",
);

/// The bundled runtime's files, relative to the generated crate.
pub fn files() -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    out.insert(
        PathBuf::from(DIR).join("Cargo.toml"),
        standalone_manifest(MANIFEST, WORKSPACE_MANIFEST),
    );
    for (name, text) in SOURCES {
        out.insert(PathBuf::from(DIR).join("src").join(name), text.to_string());
    }
    out
}

/// The runtime's manifest with every `workspace = true` key replaced by the workspace's value
/// (features listed on both sides are joined), and without dev-dependencies (its tests are not
/// bundled). Both manifests are docbind's own, compiled in: a malformed one is a build defect
/// that the bundle test catches, so this never fails at run time.
fn standalone_manifest(manifest: &str, workspace: &str) -> String {
    let mut m: toml::Table = manifest.parse().expect("runtime/Cargo.toml parses");
    let w: toml::Table = workspace.parse().expect("Cargo.toml parses");
    let inherited_package = w
        .get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(toml::Value::as_table)
        .cloned()
        .unwrap_or_default();
    let inherited_deps = w
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(toml::Value::as_table)
        .cloned()
        .unwrap_or_default();
    if let Some(package) = m.get_mut("package").and_then(toml::Value::as_table_mut) {
        for (key, value) in package.iter_mut() {
            if is_inherited(value) {
                if let Some(v) = inherited_package.get(key) {
                    *value = v.clone();
                }
            }
        }
        package.insert("publish".into(), toml::Value::Boolean(false));
    }
    m.remove("dev-dependencies");
    if let Some(deps) = m
        .get_mut("dependencies")
        .and_then(toml::Value::as_table_mut)
    {
        for (name, value) in deps.iter_mut() {
            if !is_inherited(value) {
                continue;
            }
            let mut resolved = match inherited_deps.get(name) {
                Some(toml::Value::String(version)) => {
                    let mut t = toml::Table::new();
                    t.insert("version".into(), toml::Value::String(version.clone()));
                    t
                }
                Some(toml::Value::Table(t)) => t.clone(),
                _ => continue,
            };
            if let Some(local) = value.as_table() {
                for (key, v) in local {
                    match key.as_str() {
                        "workspace" => {}
                        "features" => {
                            let mut features: Vec<toml::Value> = resolved
                                .get("features")
                                .and_then(toml::Value::as_array)
                                .cloned()
                                .unwrap_or_default();
                            for f in v.as_array().into_iter().flatten() {
                                if !features.contains(f) {
                                    features.push(f.clone());
                                }
                            }
                            resolved.insert("features".into(), toml::Value::Array(features));
                        }
                        _ => {
                            resolved.insert(key.clone(), v.clone());
                        }
                    }
                }
            }
            *value = toml::Value::Table(resolved);
        }
    }
    let body = toml::to_string(&m).expect("a TOML table serialises");
    format!(
        "# @generated by docbind: the docbind runtime, bundled so this crate builds on its own.\n{body}"
    )
}

fn is_inherited(value: &toml::Value) -> bool {
    value
        .as_table()
        .and_then(|t| t.get("workspace"))
        .and_then(toml::Value::as_bool)
        == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inherited_keys_and_dependencies_are_resolved() {
        let manifest = "[package]\nname = \"r\"\nedition.workspace = true\n\n[dependencies]\na.workspace = true\nb = { workspace = true, features = [\"x\"] }\nc = \"1\"\n\n[dev-dependencies]\nd = \"1\"\n";
        let workspace = "[workspace.package]\nedition = \"2021\"\n\n[workspace.dependencies]\na = \"0.3\"\nb = { version = \"2\", default-features = false, features = [\"w\"] }\n";
        let out: toml::Table = standalone_manifest(manifest, workspace).parse().unwrap();
        assert_eq!(out["package"]["edition"].as_str(), Some("2021"));
        assert_eq!(out["dependencies"]["a"]["version"].as_str(), Some("0.3"));
        assert_eq!(
            out["dependencies"]["b"]["features"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            out["dependencies"]["b"]["default-features"].as_bool(),
            Some(false)
        );
        assert_eq!(out["dependencies"]["c"].as_str(), Some("1"));
        assert!(out.get("dev-dependencies").is_none());
    }

    #[test]
    fn the_real_runtime_manifest_stands_alone() {
        let text = files()[&PathBuf::from("runtime/Cargo.toml")].clone();
        assert!(!text.contains("workspace"), "{text}");
    }
}
