//! An OpenAPI document docbind emitted (JSON or YAML, 3.0.3 or 3.1.0) read back into the IR, so
//! `docbind diff` can compare a committed spec with a fresh one, and overlays can build new
//! schemas from the Schema Objects they carry.
//!
//! Only what docbind writes is understood: the `x-docbind-*` extensions give back provenance
//! (`x-docbind-source` → operation span, `x-docbind-name` → documented schema name,
//! `x-docbind-raw-type`, `x-docbind-example-shapes`, `x-docbind-overlay`, `x-docbind-json-content`). A construct docbind
//! never emits is a diagnostic (`import.unsupported`), never silently dropped.

use crate::diag::catalogue;
use crate::diag::{Diagnostics, Span};
use crate::ir::{
    AltDoc, AltText, Api, Auth, Constraints, EnumValue, Example, ExampleShape, ExampleValue, Field,
    HttpMethod, NamedSchema, Operation, ParamLocation, Parameter, RequestBody, Response,
    ResponseBody, RuntimeHeader, Schema, SchemaKind,
};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Does this text look like an OpenAPI document (JSON or YAML with a top-level `openapi` key)?
pub fn parse_document(text: &str) -> Option<Value> {
    let value: Value = serde_json::from_str(text)
        .ok()
        .or_else(|| serde_norway::from_str(text).ok())?;
    value
        .get("openapi")
        .is_some_and(Value::is_string)
        .then_some(value)
}

/// The IR of an emitted OpenAPI document. `file` names the document in spans of things that
/// carry no `x-docbind-source`.
pub fn import(doc: &Value, file: &str) -> Api {
    let file: Arc<str> = Arc::from(file);
    let mut importer = Importer::for_document(doc, &file);
    let info = doc.get("info");
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    let mut api = Api {
        title: text(info.and_then(|i| i.get("title"))),
        version: text(info.and_then(|i| i.get("version"))),
        sources: info
            .and_then(|i| i.get("x-docbind-sources"))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default(),
        ..Api::default()
    };
    if let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (component, value) in schemas {
            // An inline enum named for code generators is put back where it is used.
            if importer.inline.contains_key(component) {
                continue;
            }
            let key = importer.keys[component].clone();
            let schema = importer.schema(value);
            api.schemas
                .insert(key.clone(), NamedSchema { name: key, schema });
        }
    }
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for (method, op) in item.as_object().into_iter().flatten() {
                match HttpMethod::parse(method) {
                    Some(m) => api.operations.push(importer.operation(path, m, op)),
                    None => importer.unsupported(&format!("paths.{path}.{method}")),
                }
            }
        }
    }
    api.endpoint = doc.pointer("/servers/0").and_then(|server| {
        let template = text_of(server, "url")?;
        let span = text_of(server, "x-docbind-source")
            .and_then(|s| parse_span(&s))
            .unwrap_or_else(|| Span::new(&file, 1, 1));
        // The default region first, then the others the description lists.
        let mut regions: Vec<String> = server
            .pointer("/variables/region/default")
            .and_then(Value::as_str)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .into_iter()
            .collect();
        let listed = server
            .pointer("/variables/region/description")
            .and_then(Value::as_str)
            .and_then(|d| d.split_once(": "))
            .map(|(_, list)| list.trim_end_matches('.').to_string());
        for r in listed.iter().flat_map(|l| l.split(", ")) {
            if !regions.iter().any(|x| x == r) {
                regions.push(r.to_string());
            }
        }
        Some(crate::ir::Endpoint {
            template,
            regions,
            span,
        })
    });
    api.diagnostics = importer.diagnostics;
    api.normalize();
    api
}

/// Component name → IR schema key: the documented name (`x-docbind-name`) when the emitter had
/// to rewrite it, the component name otherwise.
fn component_keys(doc: &Value) -> BTreeMap<String, String> {
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object);
    schemas
        .into_iter()
        .flatten()
        .map(|(component, value)| {
            let documented = value.get("x-docbind-name").and_then(Value::as_str);
            (
                component.clone(),
                documented.unwrap_or(component).to_string(),
            )
        })
        .collect()
}

/// Components that are inline schemas given a name (`x-docbind-inline`, see
/// `emit::openapi::consumers`), by component name.
fn inline_components(doc: &Value) -> BTreeMap<String, Value> {
    doc.pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, v)| {
            v.get(crate::emit::openapi::consumers::INLINE_MARKER)
                .is_some()
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// A span from `file:line` text (`x-docbind-source`).
pub fn parse_span(text: &str) -> Option<Span> {
    let (file, line) = text.rsplit_once(':')?;
    let line: u32 = line.parse().ok()?;
    Some(Span::new(&Arc::from(file), line, line))
}

/// The documented titles of tags whose names differ from them (`x-displayName`).
fn tag_titles(doc: &Value) -> BTreeMap<String, String> {
    let tags = doc
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    tags.filter_map(|t| {
        let name = t.get("name")?.as_str()?;
        let title = t.get("x-displayName")?.as_str()?;
        Some((name.to_string(), title.to_string()))
    })
    .collect()
}

/// Converts Schema Objects; collects what it cannot represent.
pub struct Importer {
    file: Arc<str>,
    /// Component name → IR schema key.
    keys: BTreeMap<String, String>,
    /// Inline schemas the document names (see [`inline_components`]).
    inline: BTreeMap<String, Value>,
    /// Tag name → the documented chapter title (`x-displayName`, where the name differs).
    tag_titles: BTreeMap<String, String>,
    pub diagnostics: Diagnostics,
}

impl Importer {
    /// An importer for schemas outside a document (overlay `update` values): references name
    /// components of the document `doc`.
    pub fn for_document(doc: &Value, file: &str) -> Self {
        Importer {
            file: Arc::from(file),
            keys: component_keys(doc),
            inline: inline_components(doc),
            tag_titles: tag_titles(doc),
            diagnostics: Diagnostics::new(),
        }
    }

    fn unsupported(&mut self, what: &str) {
        let span = Span::new(&self.file, 1, 1);
        self.diagnostics.add(
            &span,
            catalogue::IMPORT_UNSUPPORTED,
            format!("{what}: not a construct docbind emits; ignored"),
        );
    }

    fn operation(&mut self, path: &str, method: HttpMethod, op: &Value) -> Operation {
        let text = |k: &str| op.get(k).and_then(Value::as_str).map(String::from);
        let span = text("x-docbind-source")
            .and_then(|s| parse_span(&s))
            .unwrap_or_else(|| Span::new(&self.file, 1, 1));
        let mut parameters = Vec::new();
        for p in op
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            // A placeholder docbind added for an undocumented path parameter is not documentation.
            if p.get("x-docbind-undocumented").is_some() {
                continue;
            }
            if let Some(param) = self.parameter(p, &span) {
                parameters.push(param);
            }
        }
        let request_body = op.get("requestBody").and_then(|b| {
            let (content_type, media) = b.get("content")?.as_object()?.iter().next()?;
            Some(RequestBody {
                content_type: content_type.clone(),
                required: b.get("required").and_then(Value::as_bool).unwrap_or(false),
                schema: self.schema_with_description(media.get("schema")?, b.get("description")),
                examples: examples(media, ("example", "examples"), &span),
                span: span.clone(),
            })
        });
        let mut responses = BTreeMap::new();
        for (status, r) in op
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if status == "default" && r.get("content").is_none() && r.get("headers").is_none() {
                // The placeholder for "no response documented".
                continue;
            }
            responses.insert(status.clone(), self.response(r, &span));
        }
        Operation {
            id: text("operationId").unwrap_or_default(),
            method,
            path: path.to_string(),
            summary: text("summary").unwrap_or_default(),
            description: text("description"),
            tag: op.pointer("/tags/0").and_then(Value::as_str).map(|name| {
                self.tag_titles
                    .get(name)
                    .cloned()
                    .unwrap_or_else(|| name.to_string())
            }),
            parameters,
            request_body,
            responses,
            alt_docs: op
                .get("x-docbind-alt-docs")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|a| AltDoc {
                    source: text_of(a, "source").unwrap_or_default(),
                    summary: text_of(a, "summary").unwrap_or_default(),
                    description: text_of(a, "description"),
                })
                .collect(),
            runtime_headers: runtime_headers(op, &span),
            auth: auth(op, &span),
            span,
        }
    }

    fn parameter(&mut self, p: &Value, span: &Span) -> Option<Parameter> {
        let location = match p.get("in").and_then(Value::as_str) {
            Some("path") => ParamLocation::Path,
            Some("query") => ParamLocation::Query,
            Some("header") => ParamLocation::Header,
            other => {
                self.unsupported(&format!("parameter location {other:?}"));
                return None;
            }
        };
        let schema = p.get("schema").cloned().unwrap_or(Value::Null);
        Some(Parameter {
            name: p.get("name")?.as_str()?.to_string(),
            location,
            required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
            schema: self.schema_with_description(&schema, p.get("description")),
            span: span.clone(),
        })
    }

    fn response(&mut self, r: &Value, span: &Span) -> Response {
        let mut headers = Vec::new();
        for (name, h) in r
            .get("headers")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let schema = h.get("schema").cloned().unwrap_or(Value::Null);
            headers.push(Parameter {
                name: name.clone(),
                location: ParamLocation::Header,
                required: h.get("required").and_then(Value::as_bool).unwrap_or(false),
                schema: self.schema_with_description(&schema, h.get("description")),
                span: span.clone(),
            });
        }
        let media = r
            .get("content")
            .and_then(Value::as_object)
            .and_then(|c| c.iter().next());
        // Examples sit in the media object, or on the response when no body is described.
        let examples = match media {
            Some((_, m)) => examples(m, ("example", "examples"), span),
            None => examples(r, ("x-docbind-example", "x-docbind-examples"), span),
        };
        let body = media.and_then(|(content_type, media)| {
            Some(ResponseBody {
                content_type: content_type.clone(),
                schema: self.schema(media.get("schema")?),
                span: span.clone(),
            })
        });
        Response {
            description: r
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            headers,
            body,
            examples,
        }
    }

    /// A schema whose description is printed one level up (parameters, headers, bodies).
    fn schema_with_description(&mut self, v: &Value, description: Option<&Value>) -> Schema {
        let mut s = self.schema(v);
        if let Some(d) = description.and_then(Value::as_str) {
            s.description = Some(d.to_string());
        }
        s
    }

    /// A Schema Object as docbind writes it → an IR schema.
    pub fn schema(&mut self, v: &Value) -> Schema {
        let Some(m) = v.as_object() else {
            return Schema::any();
        };
        // Example shapes: `anyOf` [documented, shape…] with the shapes named in an extension.
        if let (Some(branches), Some(shapes)) = (
            m.get("anyOf").and_then(Value::as_array),
            m.get("x-docbind-example-shapes"),
        ) {
            let mut s = branches
                .first()
                .map_or_else(Schema::any, |b| self.schema(b));
            s.example_shapes =
                serde_json::from_value::<Vec<ExampleShape>>(shapes.clone()).unwrap_or_default();
            // Values and limits are on the documented branch; the description outside.
            if let Some(d) = m.get("description").and_then(Value::as_str) {
                s.description = Some(d.to_string());
            }
            s.alt_descriptions = alt_descriptions(m);
            return s;
        }
        // An inline schema the document names: the component's schema, the use site's words.
        let target = m
            .get("$ref")
            .or_else(|| v.pointer("/allOf/0/$ref"))
            .and_then(Value::as_str)
            .map(|r| r.trim_start_matches("#/components/schemas/"));
        if let Some(component) = target.and_then(|c| self.inline.get(c)).cloned() {
            let mut s = self.schema(&component);
            if let Some(d) = m.get("description").and_then(Value::as_str) {
                s.description = Some(d.to_string());
            }
            s.alt_descriptions = alt_descriptions(m);
            return s;
        }
        let mut nullable = m.get("nullable").and_then(Value::as_bool).unwrap_or(false);
        let kind = if let Some(r) = m.get("$ref").and_then(Value::as_str) {
            self.reference(r)
        } else if let Some(r) = v.pointer("/allOf/0/$ref").and_then(Value::as_str) {
            // 3.0: a reference wrapped so its siblings (description, nullable) count.
            self.reference(r)
        } else if let Some(any_of) = m.get("anyOf").and_then(Value::as_array) {
            // 3.1: a nullable reference.
            nullable |= any_of.iter().any(|b| b.get("type") == Some(&"null".into()));
            match any_of.iter().find_map(|b| b.get("$ref")?.as_str()) {
                Some(r) => self.reference(r),
                None => {
                    self.unsupported("anyOf without a reference");
                    SchemaKind::Any
                }
            }
        } else {
            let (ty, null) = match m.get("type") {
                Some(Value::String(t)) => (Some(t.as_str()), false),
                Some(Value::Array(types)) => (
                    types
                        .iter()
                        .filter_map(Value::as_str)
                        .find(|t| *t != "null"),
                    types.iter().any(|t| t == "null"),
                ),
                _ => (None, false),
            };
            nullable |= null;
            self.kind(ty, m)
        };
        let mut s = Schema::new(kind);
        s.nullable = nullable;
        s.raw_type = m
            .get("x-docbind-raw-type")
            .and_then(Value::as_str)
            .map(String::from);
        s.json_content = m
            .get("contentSchema")
            .or_else(|| m.get("x-docbind-json-content"))
            .map(|c| Box::new(self.schema(c)));
        self.annotate(&mut s, m);
        s
    }

    fn reference(&mut self, reference: &str) -> SchemaKind {
        let component = reference.trim_start_matches("#/components/schemas/");
        let name = self
            .keys
            .get(component)
            .cloned()
            .unwrap_or_else(|| component.to_string());
        SchemaKind::Ref { name }
    }

    fn kind(&mut self, ty: Option<&str>, m: &Map<String, Value>) -> SchemaKind {
        let format = m.get("format").and_then(Value::as_str).map(String::from);
        match ty {
            Some("string") => SchemaKind::String { format },
            // docbind writes a format on every integer and number; another tool's document
            // may not (OpenAPI's defaults are used then).
            Some("integer") => SchemaKind::Integer {
                format: format
                    .as_deref()
                    .and_then(crate::ir::IntFormat::parse)
                    .unwrap_or(crate::ir::IntFormat::Int64),
            },
            Some("number") => SchemaKind::Number {
                format: format
                    .as_deref()
                    .and_then(crate::ir::NumberFormat::parse)
                    .unwrap_or(crate::ir::NumberFormat::Double),
            },
            Some("boolean") => SchemaKind::Boolean,
            Some("array") => SchemaKind::Array {
                items: Box::new(m.get("items").map_or_else(Schema::any, |i| self.schema(i))),
            },
            Some("object") => match m.get("additionalProperties") {
                Some(values @ Value::Object(_)) => SchemaKind::Map {
                    values: Box::new(self.schema(values)),
                },
                _ => {
                    let required: Vec<&str> = m
                        .get("required")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .collect();
                    let properties = m.get("properties").and_then(Value::as_object);
                    let fields = properties
                        .into_iter()
                        .flatten()
                        .map(|(name, p)| Field {
                            name: name.clone(),
                            required: required.contains(&name.as_str()),
                            schema: self.schema(p),
                        })
                        .collect();
                    SchemaKind::Object { fields }
                }
            },
            None => SchemaKind::Any,
            Some(other) => {
                self.unsupported(&format!("type {other:?}"));
                SchemaKind::Any
            }
        }
    }

    /// Description, values, default, limits and docbind's extensions.
    fn annotate(&mut self, s: &mut Schema, m: &Map<String, Value>) {
        if let Some(d) = m.get("description").and_then(Value::as_str) {
            s.description = Some(d.to_string());
        }
        s.alt_descriptions = alt_descriptions(m);
        let descriptions = m.get("x-enum-descriptions").and_then(Value::as_array);
        // Fractional numbers' values are written as `x-docbind-enum` (see `emit::openapi::schema`).
        if let Some(values) = m
            .get("enum")
            .or_else(|| m.get("x-docbind-enum"))
            .and_then(Value::as_array)
        {
            s.enum_values = values
                .iter()
                .enumerate()
                .map(|(i, value)| EnumValue {
                    value: value.clone(),
                    description: descriptions
                        .and_then(|d| d.get(i))
                        .and_then(Value::as_str)
                        .filter(|d| !d.is_empty())
                        .map(String::from),
                })
                .collect();
        }
        s.default = m.get("default").cloned();
        let uint = |k: &str| m.get(k).and_then(Value::as_u64);
        let is_array = matches!(s.kind, SchemaKind::Array { .. });
        let (min_len, max_len) = if is_array {
            ("minItems", "maxItems")
        } else {
            ("minLength", "maxLength")
        };
        let mut c = Constraints {
            min_length: uint(min_len),
            max_length: uint(max_len),
            minimum: m.get("minimum").and_then(Value::as_f64),
            maximum: m.get("maximum").and_then(Value::as_f64),
            ..Constraints::default()
        };
        // 3.0 writes a flag next to the bound, 3.1 the bound itself.
        for (key, bound, flag) in [
            ("exclusiveMinimum", &mut c.minimum, &mut c.exclusive_minimum),
            ("exclusiveMaximum", &mut c.maximum, &mut c.exclusive_maximum),
        ] {
            match m.get(key) {
                Some(Value::Bool(b)) => *flag = *b,
                Some(n) if n.is_number() => {
                    *bound = n.as_f64();
                    *flag = true;
                }
                _ => {}
            }
        }
        s.constraints = c;
        s.overlay = strings(m.get("x-docbind-overlay"));
    }
}

/// The examples the emitter wrote into `m`: one under `one`, several under `many`
/// (`exampleN.value`), and those that are not JSON in `x-docbind-example-text`.
fn examples(m: &Value, (one, many): (&str, &str), span: &Span) -> Vec<Example> {
    let json = |value: &Value| Example {
        value: ExampleValue::Json(value.clone()),
        span: span.clone(),
    };
    let mut out: Vec<Example> = m.get(one).map(json).into_iter().collect();
    if let Some(named) = m.get(many).and_then(Value::as_object) {
        out.extend(named.values().filter_map(|e| e.get("value")).map(json));
    }
    out.extend(
        strings(m.get("x-docbind-example-text"))
            .into_iter()
            .map(|t| Example {
                value: ExampleValue::Text(t),
                span: span.clone(),
            }),
    );
    if let Some(partial) = m.get("x-docbind-example-partial").and_then(Value::as_array) {
        out.extend(partial.iter().map(|v| Example {
            value: ExampleValue::Partial(v.clone()),
            span: span.clone(),
        }));
    }
    out
}

/// The runtime-owned headers the operation documents (`x-docbind-runtime-headers`).
fn runtime_headers(op: &Value, fallback: &Span) -> Vec<RuntimeHeader> {
    let list = op
        .get("x-docbind-runtime-headers")
        .and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .filter_map(|h| {
            let role = serde_json::from_value(h.get("role")?.clone()).ok()?;
            Some(RuntimeHeader {
                name: text_of(h, "name")?,
                role,
                span: text_of(h, "source")
                    .and_then(|s| parse_span(&s))
                    .unwrap_or_else(|| fallback.clone()),
            })
        })
        .collect()
}

/// How the operation authenticates: `security: []` with `x-docbind-auth` saying why.
fn auth(op: &Value, fallback: &Span) -> Auth {
    let Some(why) = op.get("x-docbind-auth") else {
        return match op.get("security").and_then(Value::as_array) {
            Some(list) if list.is_empty() => Auth::None {
                span: fallback.clone(),
            },
            _ => Auth::Credentials,
        };
    };
    let span = text_of(why, "source")
        .and_then(|s| parse_span(&s))
        .unwrap_or_else(|| fallback.clone());
    match text_of(why, "header") {
        Some(header) => Auth::Caller { header, span },
        None => Auth::None { span },
    }
}

fn text_of(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(String::from)
}

/// Other sources' wording of a field (`x-docbind-alt-descriptions`).
fn alt_descriptions(m: &Map<String, Value>) -> Vec<AltText> {
    let list = m
        .get("x-docbind-alt-descriptions")
        .and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .map(|a| AltText {
            source: text_of(a, "source").unwrap_or_default(),
            text: text_of(a, "description").unwrap_or_default(),
        })
        .collect()
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(String::from))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::openapi::{to_openapi, OpenApiVersion};

    /// Emitting, importing and emitting again gives the same document (both versions).
    #[test]
    fn round_trip_of_an_emitted_document() {
        let mut api = Api {
            title: "T".into(),
            version: "1".into(),
            ..Api::default()
        };
        let file: Arc<str> = Arc::from("a.md");
        let mut inner = Schema::new(SchemaKind::Integer {
            format: crate::ir::IntFormat::Int32,
        });
        inner.enum_values = vec![EnumValue {
            value: 1.into(),
            description: Some("one".into()),
        }];
        inner.constraints.maximum = Some(5.0);
        inner.constraints.exclusive_maximum = true;
        inner.nullable = true;
        let mut named = Schema::new(SchemaKind::Object {
            fields: vec![
                Field {
                    name: "n".into(),
                    required: true,
                    schema: inner,
                },
                Field {
                    name: "self".into(),
                    required: false,
                    schema: Schema::new(SchemaKind::Ref {
                        name: "节点".into(),
                    })
                    .with_description(Some("recursive".into())),
                },
                Field {
                    name: "encoded".into(),
                    required: false,
                    schema: Schema {
                        json_content: Some(Box::new(Schema::new(SchemaKind::Ref {
                            name: "节点".into(),
                        }))),
                        ..Schema::string()
                    },
                },
            ],
        });
        named.overlay = vec!["o.yaml:3".into()];
        api.schemas.insert(
            "节点".into(),
            NamedSchema {
                name: "节点".into(),
                schema: named,
            },
        );
        api.operations.push(Operation {
            id: "get_node".into(),
            method: HttpMethod::Get,
            path: "/v1/nodes/{id}".into(),
            summary: "Get".into(),
            description: None,
            tag: None,
            parameters: vec![Parameter {
                name: "id".into(),
                location: ParamLocation::Path,
                required: true,
                schema: Schema::string().with_description(Some("the id".into())),
                span: Span::new(&file, 3, 3),
            }],
            request_body: None,
            responses: BTreeMap::from([(
                "200".into(),
                Response {
                    description: "OK".into(),
                    headers: vec![],
                    body: Some(ResponseBody {
                        content_type: "application/json".into(),
                        schema: Schema::new(SchemaKind::Ref {
                            name: "节点".into(),
                        }),
                        span: Span::new(&file, 9, 9),
                    }),
                    examples: vec![],
                },
            )]),
            alt_docs: vec![],
            runtime_headers: Vec::new(),
            auth: Default::default(),
            span: Span::new(&file, 1, 1),
        });
        for version in [OpenApiVersion::V3_0_3, OpenApiVersion::V3_1_0] {
            let doc = to_openapi(&api, version);
            let back = import(&doc, "spec.json");
            assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
            assert_eq!(to_openapi(&back, version), doc);
            assert_eq!(back.operations[0].span.to_string(), "a.md:1");
            assert!(back.schemas.contains_key("节点"));
        }
    }
}
