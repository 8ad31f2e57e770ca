//! Corrections that survive regeneration: OpenAPI Overlay Specification 1.0 documents
//! (`overlay: 1.0.0`, `info`, `actions` of `target` + `update` / `remove`) applied to the IR
//! after extraction and before both emitters, so the OpenAPI document and the Rust crate agree.
//!
//! Targets are RFC 9535 JSONPath expressions (`serde_json_path`) written against the OpenAPI
//! document docbind emits. Each action is evaluated on the document of the IR as the previous
//! actions left it; every node it selects is mapped back onto the IR (an operation, a parameter,
//! a schema, a property, an enum value or a `required` entry) and the action is applied there:
//! - `update` is merged as the 1.0 text says — objects recursively, other values replaced,
//!   arrays appended (`enum`, `required`); an `update` on a selected array appends to it;
//! - `remove: true` deletes the node (and wins over an `update` in the same action).
//!
//! An action docbind cannot map, or a target that selects nothing, is an error naming the
//! overlay file, line and action. Every applied action is a note (`overlay.applied`) at its line,
//! and every changed schema lists the action in `x-docbind-overlay`.

use crate::diag::catalogue;
use crate::diag::Span;
use crate::emit::openapi::{components::component_names, to_openapi, OpenApiVersion};
use crate::ir::{Api, EnumValue, Field, ParamLocation, Schema, SchemaKind};
use crate::openapi_import::Importer;
use crate::read::InputError;
use serde::Deserialize;
use serde_json::{Map, Value};
use serde_json_path::{JsonPath, PathElement};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Deserialize)]
struct Overlay {
    overlay: String,
    info: Info,
    #[serde(default)]
    #[allow(dead_code)] // Documents which description the overlay was written for.
    extends: Option<String>,
    actions: Vec<Action>,
}

#[derive(Debug, Deserialize)]
struct Info {
    title: String,
    #[allow(dead_code)]
    version: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Action {
    target: String,
    #[serde(default)]
    #[allow(dead_code)] // For the reader of the overlay.
    description: Option<String>,
    #[serde(default)]
    update: Option<Value>,
    #[serde(default)]
    remove: bool,
}

/// Apply overlay files in order. The IR's document form is the one of `version` (targets are
/// written against it). On an error the API may be part-changed and is to be dropped.
pub fn apply_files(
    api: &mut Api,
    files: &[PathBuf],
    version: OpenApiVersion,
) -> Result<(), InputError> {
    for file in files {
        let text = crate::read::load_file(file)?;
        apply_text(api, &file.display().to_string(), &text, version)?;
    }
    Ok(())
}

/// Apply one overlay document (`file` names it in diagnostics and errors).
pub fn apply_text(
    api: &mut Api,
    file: &str,
    text: &str,
    version: OpenApiVersion,
) -> Result<(), InputError> {
    let error = |line: usize, reason: String| InputError {
        file: format!("{file}:{line}"),
        reason,
    };
    let overlay: Overlay = serde_norway::from_str(text)
        .map_err(|e| error(1, format!("not an Overlay 1.0 document: {e}")))?;
    if !overlay.overlay.starts_with("1.0") {
        let v = &overlay.overlay;
        return Err(error(
            1,
            format!("overlay version {v:?} (docbind reads 1.0.x)"),
        ));
    }
    let lines = action_lines(text);
    let file_arc: Arc<str> = Arc::from(file);
    for (n, action) in overlay.actions.iter().enumerate() {
        let line = lines.get(n).copied().unwrap_or(1);
        let source = format!("{file}:{line}");
        let name = format!("action {} (target `{}`)", n + 1, action.target);
        let changed = apply_action(api, action, &source, version)
            .map_err(|reason| error(line, format!("{name}: {reason}")))?;
        let span = Span::new(&file_arc, line as u32, line as u32);
        let verb = if action.remove { "removed" } else { "updated" };
        api.diagnostics.add(
            &span,
            catalogue::OVERLAY_APPLIED,
            format!(
                "overlay {:?} {name}: {verb} {}",
                overlay.info.title,
                changed.join(", ")
            ),
        );
    }
    Ok(())
}

/// The line of each action's `target` key, in order: where a diagnostic points. (YAML and JSON
/// parsers here do not keep positions; every action has exactly one `target`.)
fn action_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            t.starts_with("target:") || t.starts_with("\"target\"")
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// What a selected node is in the IR.
#[derive(Debug, Clone)]
enum Node {
    Operation(usize),
    /// A parameter: operation, location, name.
    Parameter(usize, ParamLocation, String),
    Schema(SchemaPath),
    /// A value of a schema's `enum`.
    EnumValue(SchemaPath, Value),
    /// A name in an object schema's `required`.
    Required(SchemaPath, String),
    /// A keyword of a schema (only `remove` uses it: `description`, `default`, …).
    Keyword(SchemaPath, String),
    /// A keyword of an operation (`description`, `summary`).
    OperationKeyword(usize, String),
}

#[derive(Debug, Clone)]
struct SchemaPath {
    root: Root,
    steps: Vec<Step>,
}

#[derive(Debug, Clone)]
enum Root {
    Component(String),
    Parameter(usize, ParamLocation, String),
    RequestBody(usize),
    ResponseBody(usize, String),
    ResponseHeader(usize, String, String),
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Items,
    Values,
}

fn apply_action(
    api: &mut Api,
    action: &Action,
    source: &str,
    version: OpenApiVersion,
) -> Result<Vec<String>, String> {
    let path = JsonPath::parse(&action.target).map_err(|e| format!("invalid JSONPath: {e}"))?;
    let doc = to_openapi(api, version);
    let located = path.query_located(&doc);
    if located.is_empty() {
        return Err("the target matches nothing in the OpenAPI document".into());
    }
    if !action.remove && action.update.is_none() {
        return Err("neither `update` nor `remove: true`".into());
    }
    // Map every node before changing anything: an action applies whole or not at all.
    let mut nodes = Vec::new();
    for l in located.iter() {
        let tokens: Vec<PathElement> = l.location().iter().cloned().collect();
        let pointer = l.location().to_json_pointer();
        let node = map_node(api, &doc, &tokens)
            .ok_or_else(|| format!("{pointer} is nothing docbind can change"))?;
        nodes.push((pointer, node));
    }
    let mut importer = Importer::for_document(&doc, source);
    // An update that fails midway leaves earlier nodes changed: every caller stops on the
    // error (an overlay that does not apply is a usage error), so nothing reads that API.
    // Removals last to first: removing an operation shifts the indices of those after it.
    let order: Vec<&(String, Node)> = if action.remove {
        nodes.iter().rev().collect()
    } else {
        nodes.iter().collect()
    };
    for (pointer, node) in order {
        let result = if action.remove {
            remove(api, node)
        } else {
            let update = action.update.as_ref().unwrap_or(&Value::Null);
            update_node(api, node, update, &mut importer, source)
        };
        result.map_err(|e| format!("{pointer}: {e}"))?;
    }
    Ok(nodes.into_iter().map(|(p, _)| p).collect())
}

fn name(e: &PathElement) -> Option<String> {
    match e {
        PathElement::Name(n) => Some(n.to_string()),
        PathElement::Index(_) => None,
    }
}

/// A location in the emitted document → an IR node.
fn map_node(api: &Api, doc: &Value, tokens: &[PathElement]) -> Option<Node> {
    let first = name(tokens.first()?)?;
    match first.as_str() {
        "components" => {
            if name(tokens.get(1)?)? != "schemas" {
                return None;
            }
            let component = name(tokens.get(2)?)?;
            let names = component_names(api);
            let key = names.iter().find(|(_, c)| **c == component)?.0.clone();
            schema_node(doc, tokens, 3, Root::Component(key))
        }
        "paths" => {
            let path = name(tokens.get(1)?)?;
            let method = name(tokens.get(2)?)?;
            let op = api
                .operations
                .iter()
                .position(|o| o.path == path && o.method.lower() == method)?;
            operation_node(api, doc, tokens, op)
        }
        _ => None,
    }
}

fn pointer_of(tokens: &[PathElement]) -> String {
    tokens
        .iter()
        .map(|t| match t {
            PathElement::Name(n) => format!("/{}", n.replace('~', "~0").replace('/', "~1")),
            PathElement::Index(i) => format!("/{i}"),
        })
        .collect()
}

fn operation_node(api: &Api, doc: &Value, tokens: &[PathElement], op: usize) -> Option<Node> {
    let rest = &tokens[3..];
    let Some(head) = rest.first() else {
        return Some(Node::Operation(op));
    };
    match name(head)?.as_str() {
        key @ ("description" | "summary" | "operationId") if rest.len() == 1 => {
            Some(Node::OperationKeyword(op, key.to_string()))
        }
        "parameters" => {
            let PathElement::Index(_) = rest.get(1)? else {
                return None;
            };
            let emitted = doc.pointer(&pointer_of(&tokens[..5]))?;
            // A placeholder docbind added has no documentation to correct.
            if emitted.get("x-docbind-undocumented").is_some() {
                return None;
            }
            let pname = emitted.get("name")?.as_str()?.to_string();
            let location = match emitted.get("in")?.as_str()? {
                "path" => ParamLocation::Path,
                "query" => ParamLocation::Query,
                _ => ParamLocation::Header,
            };
            api.operations[op]
                .parameters
                .iter()
                .any(|p| p.name == pname && p.location == location)
                .then_some(())?;
            match rest.get(2).and_then(name).as_deref() {
                None => Some(Node::Parameter(op, location, pname)),
                Some("schema") => schema_node(doc, tokens, 6, Root::Parameter(op, location, pname)),
                _ => None,
            }
        }
        "requestBody" => {
            // requestBody / content / {media type} / schema
            (name(rest.get(1)?)? == "content" && name(rest.get(3)?)? == "schema").then_some(())?;
            schema_node(doc, tokens, 3 + 4, Root::RequestBody(op))
        }
        "responses" => {
            let status = name(rest.get(1)?)?;
            match name(rest.get(2)?)?.as_str() {
                "content" if name(rest.get(4)?)? == "schema" => {
                    schema_node(doc, tokens, 3 + 5, Root::ResponseBody(op, status))
                }
                "headers" if name(rest.get(4)?)? == "schema" => {
                    let header = name(rest.get(3)?)?;
                    schema_node(doc, tokens, 3 + 5, Root::ResponseHeader(op, status, header))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Schema keywords an overlay may remove.
const REMOVABLE: &[&str] = &[
    "description",
    "default",
    "enum",
    "format",
    "nullable",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "required",
];

fn schema_node(doc: &Value, tokens: &[PathElement], from: usize, root: Root) -> Option<Node> {
    let mut path = SchemaPath {
        root,
        steps: Vec::new(),
    };
    let mut i = from;
    while i < tokens.len() {
        let token = name(&tokens[i]);
        match token.as_deref() {
            Some("properties") => {
                path.steps.push(Step::Field(name(tokens.get(i + 1)?)?));
                i += 2;
            }
            Some("items") => {
                path.steps.push(Step::Items);
                i += 1;
            }
            Some("additionalProperties") => {
                path.steps.push(Step::Values);
                i += 1;
            }
            // The reference wrapper (3.0 `allOf`, 3.1 nullable `anyOf`) and the documented
            // branch of an example-shape `anyOf` are the schema itself.
            Some("allOf" | "anyOf") if matches!(tokens.get(i + 1), Some(PathElement::Index(0))) => {
                i += 2;
            }
            Some(key @ ("enum" | "required")) if i + 2 == tokens.len() => {
                let value = doc.pointer(&pointer_of(&tokens[..i + 2]))?.clone();
                return Some(if key == "enum" {
                    Node::EnumValue(path, value)
                } else {
                    Node::Required(path, value.as_str()?.to_string())
                });
            }
            Some(key) if i + 1 == tokens.len() && REMOVABLE.contains(&key) => {
                return Some(Node::Keyword(path, key.to_string()));
            }
            _ => return None,
        }
    }
    Some(Node::Schema(path))
}

/// The schema at `path`, mutable.
fn schema_mut<'a>(api: &'a mut Api, path: &SchemaPath) -> Result<&'a mut Schema, String> {
    let gone = || "the node is gone (an earlier action removed it)".to_string();
    let mut s: &mut Schema = match &path.root {
        Root::Component(key) => &mut api.schemas.get_mut(key).ok_or_else(gone)?.schema,
        Root::Parameter(op, location, name) => {
            let params = &mut api.operations[*op].parameters;
            let p = params
                .iter_mut()
                .find(|p| p.name == *name && p.location == *location);
            &mut p.ok_or_else(gone)?.schema
        }
        Root::RequestBody(op) => {
            let body = api.operations[*op].request_body.as_mut();
            &mut body.ok_or_else(gone)?.schema
        }
        Root::ResponseBody(op, status) => {
            let r = api.operations[*op].responses.get_mut(status);
            let body = r.and_then(|r| r.body.as_mut());
            &mut body.ok_or_else(gone)?.schema
        }
        Root::ResponseHeader(op, status, name) => {
            let r = api.operations[*op]
                .responses
                .get_mut(status)
                .ok_or_else(gone)?;
            let h = r.headers.iter_mut().find(|h| h.name == *name);
            &mut h.ok_or_else(gone)?.schema
        }
    };
    for step in &path.steps {
        s = match (step, &mut s.kind) {
            (Step::Field(n), SchemaKind::Object { fields }) => {
                let f = fields.iter_mut().find(|f| f.name == *n);
                &mut f.ok_or_else(gone)?.schema
            }
            (Step::Items, SchemaKind::Array { items }) => items,
            (Step::Values, SchemaKind::Map { values }) => values,
            _ => return Err(gone()),
        };
    }
    Ok(s)
}

fn remove(api: &mut Api, node: &Node) -> Result<(), String> {
    match node {
        Node::Operation(op) => {
            api.operations.remove(*op);
        }
        Node::Parameter(op, location, name) => {
            api.operations[*op]
                .parameters
                .retain(|p| !(p.name == *name && p.location == *location));
        }
        Node::OperationKeyword(op, key) if key == "description" => {
            api.operations[*op].description = None;
        }
        Node::OperationKeyword(_, key) => return Err(format!("`{key}` cannot be removed")),
        Node::Schema(path) => match path.steps.split_last() {
            Some((Step::Field(name), parent)) => {
                let parent = SchemaPath {
                    root: path.root.clone(),
                    steps: parent.to_vec(),
                };
                let object = schema_mut(api, &parent)?;
                if let SchemaKind::Object { fields } = &mut object.kind {
                    fields.retain(|f| f.name != *name);
                }
            }
            _ => return Err("only a property can be removed from a schema".into()),
        },
        Node::EnumValue(path, value) => {
            let s = schema_mut(api, path)?;
            s.enum_values.retain(|e| !same_value(&e.value, value));
        }
        Node::Required(path, name) => {
            let s = schema_mut(api, path)?;
            set_required(s, name, false)?;
        }
        Node::Keyword(path, key) => {
            let s = schema_mut(api, path)?;
            let c = &mut s.constraints;
            match key.as_str() {
                "description" => s.description = None,
                "default" => s.default = None,
                "enum" => s.enum_values.clear(),
                "nullable" => s.nullable = false,
                "minimum" => c.minimum = None,
                "maximum" => c.maximum = None,
                "minLength" | "minItems" => c.min_length = None,
                "maxLength" | "maxItems" => c.max_length = None,
                "exclusiveMinimum" => c.exclusive_minimum = false,
                "exclusiveMaximum" => c.exclusive_maximum = false,
                "format" => match &mut s.kind {
                    SchemaKind::String { format } => *format = None,
                    _ => return Err("only a string's format can be removed".into()),
                },
                "required" => {
                    if let SchemaKind::Object { fields } = &mut s.kind {
                        fields.iter_mut().for_each(|f| f.required = false);
                    }
                }
                other => return Err(format!("`{other}` cannot be removed")),
            }
        }
    }
    Ok(())
}

/// Enum values compare as the emitter prints them (`"1"` and 1 are one value of an integer).
fn same_value(a: &Value, b: &Value) -> bool {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text(a) == text(b)
}

fn set_required(s: &mut Schema, name: &str, required: bool) -> Result<(), String> {
    let SchemaKind::Object { fields } = &mut s.kind else {
        return Err("`required` applies to an object schema".into());
    };
    let f = fields.iter_mut().find(|f| f.name == name);
    f.ok_or_else(|| format!("no property {name:?}"))?.required = required;
    Ok(())
}

fn update_node(
    api: &mut Api,
    node: &Node,
    update: &Value,
    importer: &mut Importer,
    source: &str,
) -> Result<(), String> {
    match node {
        Node::Operation(op) => {
            let op = &mut api.operations[*op];
            for (key, value) in object(update)? {
                let text = value
                    .as_str()
                    .ok_or_else(|| format!("`{key}` must be a string"))?;
                match key.as_str() {
                    "operationId" => op.id = text.to_string(),
                    "summary" => op.summary = text.to_string(),
                    "description" => op.description = Some(text.to_string()),
                    other => return Err(format!("`{other}` of an operation is not mapped")),
                }
            }
        }
        Node::Parameter(op, location, name) => {
            let params = &mut api.operations[*op].parameters;
            let p = params
                .iter_mut()
                .find(|p| p.name == *name && p.location == *location)
                .ok_or("the parameter is gone")?;
            for (key, value) in object(update)? {
                match (key.as_str(), value) {
                    ("description", Value::String(d)) => p.schema.description = Some(d.clone()),
                    ("required", Value::Bool(b)) => p.required = *b,
                    ("name", Value::String(n)) => p.name = n.clone(),
                    ("schema", v) => update_schema(&mut p.schema, v, importer, source)?,
                    (other, _) => return Err(format!("`{other}` of a parameter is not mapped")),
                }
            }
            mark(&mut p.schema, source);
        }
        Node::Schema(path) => {
            let s = schema_mut(api, path)?;
            update_schema(s, update, importer, source)?;
        }
        // An update of a selected array appends to it.
        Node::Keyword(path, key) if key == "enum" || key == "required" => {
            let s = schema_mut(api, path)?;
            let values = match update {
                Value::Array(a) => a.clone(),
                v => vec![v.clone()],
            };
            let mut m = Map::new();
            m.insert(key.clone(), Value::Array(values));
            update_schema(s, &Value::Object(m), importer, source)?;
        }
        Node::EnumValue(..)
        | Node::Required(..)
        | Node::Keyword(..)
        | Node::OperationKeyword(..) => {
            return Err("`update` needs an object or array target (select its parent)".into())
        }
    }
    Ok(())
}

fn object(v: &Value) -> Result<&Map<String, Value>, String> {
    v.as_object()
        .ok_or_else(|| "`update` must be an object".into())
}

/// Merge a Schema Object fragment into an IR schema.
fn update_schema(
    s: &mut Schema,
    update: &Value,
    importer: &mut Importer,
    source: &str,
) -> Result<(), String> {
    let update = object(update)?;
    let mut own_change = false;
    // The type first: the other keywords apply to the new type.
    if let Some(ty) = update.get("type") {
        let ty = ty.as_str().ok_or("`type` must be a string")?;
        retype(s, ty)?;
        own_change = true;
    }
    for (key, value) in update {
        let not_mapped = || format!("`{key}` with value {value} is not mapped");
        match (key.as_str(), value) {
            ("description", Value::String(d)) => s.description = Some(d.clone()),
            ("type", _) => continue,
            ("format", Value::String(f)) => match &mut s.kind {
                SchemaKind::String { format } => *format = Some(f.clone()),
                SchemaKind::Integer { format } => {
                    *format = crate::ir::IntFormat::parse(f)
                        .ok_or_else(|| format!("integer format {f:?} (int16, int32 or int64)"))?
                }
                SchemaKind::Number { format } => {
                    *format = crate::ir::NumberFormat::parse(f)
                        .ok_or_else(|| format!("number format {f:?} (float or double)"))?
                }
                _ => return Err(format!("`format` on a {} schema", s.kind.json_type())),
            },
            ("$ref", Value::String(r)) => {
                let name = r.trim_start_matches("#/components/schemas/");
                s.kind = SchemaKind::Ref {
                    name: name.to_string(),
                };
            }
            ("nullable", Value::Bool(b)) => s.nullable = *b,
            ("default", v) => s.default = Some(v.clone()),
            ("enum", Value::Array(values)) => {
                for v in values {
                    if !s.enum_values.iter().any(|e| same_value(&e.value, v)) {
                        s.enum_values.push(EnumValue {
                            value: v.clone(),
                            description: None,
                        });
                    }
                }
            }
            ("required", Value::Array(names)) => {
                for n in names {
                    let n = n.as_str().ok_or_else(not_mapped)?;
                    set_required(s, n, true)?;
                }
            }
            ("minimum", v) => s.constraints.minimum = Some(v.as_f64().ok_or_else(not_mapped)?),
            ("maximum", v) => s.constraints.maximum = Some(v.as_f64().ok_or_else(not_mapped)?),
            ("minLength" | "minItems", v) => {
                s.constraints.min_length = Some(v.as_u64().ok_or_else(not_mapped)?)
            }
            ("maxLength" | "maxItems", v) => {
                s.constraints.max_length = Some(v.as_u64().ok_or_else(not_mapped)?)
            }
            ("properties", Value::Object(props)) => {
                let SchemaKind::Object { fields } = &mut s.kind else {
                    return Err("`properties` on a schema that is not an object".into());
                };
                for (name, p) in props {
                    match fields.iter_mut().find(|f| f.name == *name) {
                        Some(f) => update_schema(&mut f.schema, p, importer, source)?,
                        None => {
                            let mut schema = importer.schema(p);
                            mark(&mut schema, source);
                            fields.push(Field {
                                name: name.clone(),
                                required: false,
                                schema,
                            });
                        }
                    }
                }
                continue;
            }
            ("items", v @ Value::Object(_)) => match &mut s.kind {
                SchemaKind::Array { items } => {
                    update_schema(items, v, importer, source)?;
                    continue;
                }
                _ => return Err("`items` on a schema that is not an array".into()),
            },
            ("additionalProperties", v @ Value::Object(_)) => match &mut s.kind {
                SchemaKind::Map { values } => {
                    update_schema(values, v, importer, source)?;
                    continue;
                }
                _ => return Err("`additionalProperties` on a schema that is not a map".into()),
            },
            _ => return Err(not_mapped()),
        }
        own_change = true;
    }
    if own_change {
        mark(s, source);
    }
    Ok(())
}

/// Record that the action at `source` changed this schema (once).
fn mark(s: &mut Schema, source: &str) {
    if !s.overlay.iter().any(|o| o == source) {
        s.overlay.push(source.to_string());
    }
}

/// A new JSON type: the schema keeps its documentation and takes the type; the update's
/// `format`, `items`, `properties`, … are merged after it. A reference keeps its target for
/// `object` (it is one).
fn retype(s: &mut Schema, ty: &str) -> Result<(), String> {
    if s.kind.json_type() == ty {
        return Ok(());
    }
    s.kind = match ty {
        "string" => SchemaKind::String { format: None },
        // The documented spellings: Integer is int32, Number double.
        "integer" => SchemaKind::Integer {
            format: crate::ir::IntFormat::Int32,
        },
        "number" => SchemaKind::Number {
            format: crate::ir::NumberFormat::Double,
        },
        "boolean" => SchemaKind::Boolean,
        "array" => SchemaKind::Array {
            items: Box::new(Schema::any()),
        },
        "object" => SchemaKind::Object { fields: Vec::new() },
        other => return Err(format!("unknown type {other:?}")),
    };
    Ok(())
}
