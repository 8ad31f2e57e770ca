//! Inline enums that code generators would give the same name get component names.
//!
//! A generator turns every inline enum into a named type, and the common ones name it after
//! where it sits: openapi-python-client uses `{Parent}{Property}` with the parent being the
//! model (`ListServices` + `status`), the operation for parameters (`list_services` + `status`),
//! `{name}_type_{i}` for `anyOf` branches and `{name}_item` for array items, all Pascal-cased.
//! Two different enums can meet under one name (a model `ListServices` with a `status` enum
//! and an operation `list_services` with a `status` query enum of other values); the generator
//! then drops the operation ("conflicting enums"). Both are correct OpenAPI: the collision is
//! the generators' naming scheme, so this pass predicts that scheme (a class name also clashes
//! with a model of the same name) and moves every clashing enum but one into
//! `components/schemas` under a name of its own, which every generator uses as it is.
//!
//! The moved schema keeps everything but its description, which stays where it is used
//! (beside the `$ref`, wrapped in `allOf` for 3.0, which ignores siblings of `$ref`); the
//! component is marked `x-docbind-inline` with the place it comes from, so reading the document
//! back (`openapi_import`) puts it back in place and the IR round-trips.

use super::OpenApiVersion;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The extension marking a component that is an inline enum given a name (value: the JSON
/// pointer of the place it was moved from).
pub const INLINE_MARKER: &str = "x-docbind-inline";

/// One named type a generator would create.
struct Site {
    /// JSON pointer of the schema.
    pointer: String,
    /// The class name a generator would give it.
    class: String,
    /// For enums: the values and member names (equal enums may share a name); `None` for a
    /// model, which never shares its name.
    values: Option<Value>,
    /// A parameter's schema (the moved component is named `…Param`, else `…Enum`).
    parameter: bool,
}

/// Move clashing inline enums of `doc` into components (see the module docs).
pub fn name_clashing_enums(doc: &mut Value, version: OpenApiVersion) {
    let sites = sites(doc);
    let mut by_class: BTreeMap<&str, Vec<&Site>> = BTreeMap::new();
    for site in &sites {
        by_class.entry(site.class.as_str()).or_default().push(site);
    }
    let mut taken: BTreeSet<String> = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    taken.extend(sites.iter().map(|s| s.class.clone()));
    let mut moves: Vec<(&Site, String)> = Vec::new();
    for (class, group) in &by_class {
        let distinct: BTreeSet<String> = group
            .iter()
            .map(|s| {
                s.values
                    .as_ref()
                    .map_or_else(|| s.pointer.clone(), Value::to_string)
            })
            .collect();
        if distinct.len() < 2 {
            continue;
        }
        // A model keeps its name (it cannot move); otherwise the first enum in document order
        // (components, then paths: the order generators read them) keeps it, with every
        // enum equal to it.
        let kept = if group.iter().any(|s| s.values.is_none()) {
            None
        } else {
            group[0].values.as_ref()
        };
        for site in group {
            let Some(values) = &site.values else { continue };
            if Some(values) == kept {
                continue;
            }
            let stem = format!(
                "{}{}",
                ascii_key(class),
                if site.parameter { "Param" } else { "Enum" }
            );
            let mut name = stem.clone();
            let mut counter = 2;
            while !taken.insert(name.clone()) {
                name = format!("{stem}{counter}");
                counter += 1;
            }
            moves.push((site, name));
        }
    }
    let mut components = Vec::new();
    for (site, name) in moves {
        let Some(slot) = doc.pointer_mut(&site.pointer) else {
            continue;
        };
        let Value::Object(mut schema) = slot.take() else {
            continue;
        };
        let mut use_site = Map::new();
        let reference = Value::from(format!("#/components/schemas/{name}"));
        if version == OpenApiVersion::V3_1_0 {
            use_site.insert("$ref".into(), reference);
        } else {
            let mut r = Map::new();
            r.insert("$ref".into(), reference);
            use_site.insert("allOf".into(), Value::Array(vec![Value::Object(r)]));
        }
        for key in ["description", "x-docbind-alt-descriptions"] {
            if let Some(v) = schema.remove(key) {
                use_site.insert(key.into(), v);
            }
        }
        if use_site.len() == 1 {
            // Nothing beside the reference: a plain `$ref` in both versions.
            let mut r = Map::new();
            r.insert("$ref".into(), format!("#/components/schemas/{name}").into());
            use_site = r;
        }
        schema.insert(INLINE_MARKER.into(), site.pointer.clone().into());
        *slot = Value::Object(use_site);
        components.push((name, Value::Object(schema)));
    }
    if components.is_empty() {
        return;
    }
    let Some(root) = doc.as_object_mut() else {
        return;
    };
    let schemas = root
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .map(|c| {
            c.entry("schemas")
                .or_insert_with(|| Value::Object(Map::new()))
        });
    let Some(Value::Object(schemas)) = schemas else {
        return;
    };
    let mut all: Vec<(String, Value)> = std::mem::take(schemas).into_iter().collect();
    all.extend(components);
    // Components are ordered by name, as `components::schemas` writes them.
    all.sort_by(|a, b| a.0.cmp(&b.0));
    schemas.extend(all);
}

/// `ListServicesStatus` with anything but ASCII letters and digits left out (a component key
/// must match `[a-zA-Z0-9._-]+`).
fn ascii_key(class: &str) -> String {
    let key: String = class.chars().filter(char::is_ascii_alphanumeric).collect();
    if key.is_empty() {
        "Inline".into()
    } else {
        key
    }
}

/// JSON pointer escaping of one token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Every named type the document yields, in the order generators read them.
fn sites(doc: &Value) -> Vec<Site> {
    let mut out = Vec::new();
    if let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (name, schema) in schemas {
            let pointer = format!("/components/schemas/{}", escape(name));
            walk(schema, &pointer, name, "", false, &mut out);
        }
    }
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        for (method, op) in item.as_object().into_iter().flatten() {
            let Some(op_id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let endpoint = snake_case(op_id);
            let endpoint_class = pascal_case(&endpoint);
            let at = format!("/paths/{}/{}", escape(path), escape(method));
            for (i, p) in op
                .get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                if let (Some(name), Some(schema)) =
                    (p.get("name").and_then(Value::as_str), p.get("schema"))
                {
                    let pointer = format!("{at}/parameters/{i}/schema");
                    walk(schema, &pointer, name, &endpoint_class, true, &mut out);
                }
            }
            if let Some(content) = op
                .pointer("/requestBody/content")
                .and_then(Value::as_object)
            {
                for (media, m) in content {
                    let parent = if content.len() > 1 {
                        format!("{endpoint}_{}", body_type(media))
                    } else {
                        endpoint.clone()
                    };
                    if let Some(schema) = m.get("schema") {
                        let pointer = format!("{at}/requestBody/content/{}/schema", escape(media));
                        walk(
                            schema,
                            &pointer,
                            "body",
                            &pascal_case(&parent),
                            false,
                            &mut out,
                        );
                    }
                }
            }
            for (status, r) in op
                .get("responses")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                for (media, m) in r
                    .get("content")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    if let Some(schema) = m.get("schema") {
                        let pointer = format!(
                            "{at}/responses/{}/content/{}/schema",
                            escape(status),
                            escape(media)
                        );
                        let name = format!("response_{status}");
                        walk(schema, &pointer, &name, &endpoint_class, false, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// openapi-python-client's name for a body of several media types.
fn body_type(media: &str) -> &'static str {
    match media.split(';').next().unwrap_or("").trim() {
        "application/x-www-form-urlencoded" => "data",
        "multipart/form-data" => "files",
        "application/octet-stream" => "content",
        _ => "json",
    }
}

/// The named types one schema yields (`name` within the parent whose Pascal-cased name is
/// `parent_class`, computed once per parent rather than once per property).
fn walk(
    v: &Value,
    pointer: &str,
    name: &str,
    parent_class: &str,
    parameter: bool,
    out: &mut Vec<Site>,
) {
    let Some(m) = v.as_object() else { return };
    if m.contains_key("$ref") {
        return;
    }
    let list = |k: &str| {
        m.get(k)
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
    };
    let (all_of, any_of, one_of) = (list("allOf"), list("anyOf"), list("oneOf"));
    if all_of.len() + any_of.len() + one_of.len() == 1
        && all_of
            .iter()
            .chain(any_of)
            .chain(one_of)
            .all(|b| b.get("$ref").is_some())
    {
        return;
    }
    let class = format!("{parent_class}{}", pascal_case(name));
    if m.get("enum")
        .and_then(Value::as_array)
        .is_some_and(|e| !e.is_empty())
    {
        let mut values = Map::new();
        values.insert("enum".into(), m["enum"].clone());
        if let Some(names) = m.get("x-enum-varnames") {
            values.insert("x-enum-varnames".into(), names.clone());
        }
        out.push(Site {
            pointer: pointer.to_string(),
            class,
            values: Some(Value::Object(values)),
            parameter,
        });
        return;
    }
    if !any_of.is_empty() || !one_of.is_empty() {
        let branches = any_of
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("{pointer}/anyOf/{i}"), b))
            .chain(
                one_of
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (format!("{pointer}/oneOf/{i}"), b)),
            );
        for (i, (at, branch)) in branches.enumerate() {
            walk(
                branch,
                &at,
                &format!("{name}_type_{i}"),
                parent_class,
                parameter,
                out,
            );
        }
        return;
    }
    let ty = m.get("type").and_then(Value::as_str);
    if ty == Some("array") {
        if let Some(items) = m.get("items") {
            let at = format!("{pointer}/items");
            walk(
                items,
                &at,
                &format!("{name}_item"),
                parent_class,
                parameter,
                out,
            );
        }
        return;
    }
    let model = ty == Some("object")
        || !all_of.is_empty()
        || (ty.is_none() && m.contains_key("properties"));
    if model {
        let child_parent = pascal_case(&class);
        out.push(Site {
            pointer: pointer.to_string(),
            class: class.clone(),
            values: None,
            parameter,
        });
        for (prop, schema) in m
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let at = format!("{pointer}/properties/{}", escape(prop));
            walk(schema, &at, prop, &child_parent, false, out);
        }
        if let Some(extra) = m.get("additionalProperties").filter(|a| a.is_object()) {
            let at = format!("{pointer}/additionalProperties");
            walk(extra, &at, "AdditionalProperty", &child_parent, false, out);
        }
    }
}

/// Words of an identifier as openapi-python-client's `split_words` finds them: characters
/// other than letters, digits and `_ . -` and space dropped; when there is an upper-case
/// letter, every run `[A-Z]?[a-z]+` is a word of its own (and so is the text between two
/// runs); then words split at `_ . -` and space.
fn words(text: &str) -> Vec<String> {
    let kept: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | ' ' | '-'))
        .collect();
    let mut spaced = String::new();
    if kept.iter().any(|c| c.is_uppercase()) {
        let mut i = 0;
        while i < kept.len() {
            let start = i;
            let run_start = if kept[i].is_ascii_uppercase()
                && kept.get(i + 1).is_some_and(char::is_ascii_lowercase)
            {
                Some(i + 1)
            } else if kept[i].is_ascii_lowercase() {
                Some(i)
            } else {
                None
            };
            match run_start {
                Some(mut j) => {
                    while kept.get(j).is_some_and(char::is_ascii_lowercase) {
                        j += 1;
                    }
                    spaced.push(' ');
                    spaced.extend(&kept[start..j]);
                    spaced.push(' ');
                    i = j;
                }
                None => {
                    spaced.push(kept[i]);
                    i += 1;
                }
            }
        }
    } else {
        spaced.extend(&kept);
    }
    spaced
        .split(['_', '.', ' ', '-'])
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// openapi-python-client's `pascal_case`: each word capitalised (first letter upper, the rest
/// lower) unless all its letters are upper-case already.
pub fn pascal_case(text: &str) -> String {
    words(text)
        .iter()
        .map(|w| {
            let upper = w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase);
            if upper {
                return w.clone();
            }
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase()
            })
        })
        .collect()
}

/// openapi-python-client's `snake_case` (an operation's endpoint name).
fn snake_case(text: &str) -> String {
    words(text).join("_").to_lowercase()
}
