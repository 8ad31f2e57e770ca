//! The intermediate model between extraction and emission. Serde-serialisable (`docbind ir`
//! prints it) and deterministic: collections are ordered (operations by path then method,
//! schemas by name, fields in table order).
//!
//! Stable identities for later tooling (diff, overlays): an operation is identified by
//! `method + path`, a schema by its component name, a field by its JSON name within its parent.

use crate::diag::{Diagnostics, Span};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Api {
    pub title: String,
    pub version: String,
    /// The input files, in the order given (for provenance and source priority).
    pub sources: Vec<String>,
    pub operations: Vec<Operation>,
    /// Named schemas (OpenAPI `components/schemas`), keyed by component name.
    pub schemas: BTreeMap<String, NamedSchema>,
    /// Where the service is reached, when the reference's endpoint page says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<Endpoint>,
    pub diagnostics: Diagnostics,
}

/// The service endpoint as the documentation states it: a URL template with a `{region}`
/// placeholder and the regions the documentation lists (in its order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    /// E.g. `https://modelarts.{region}.myhuaweicloud.com`.
    pub template: String,
    /// Region ids the documentation lists, in the documentation's order (may be empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
}

impl HttpMethod {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "GET" => Self::Get,
            "PUT" => Self::Put,
            "POST" => Self::Post,
            "DELETE" => Self::Delete,
            "OPTIONS" => Self::Options,
            "HEAD" => Self::Head,
            "PATCH" => Self::Patch,
            _ => return None,
        })
    }
    /// Whether a request of this method has a body to document (GET and HEAD have none).
    pub fn carries_body(&self) -> bool {
        !matches!(self, Self::Get | Self::Head)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Put => "PUT",
            Self::Post => "POST",
            Self::Delete => "DELETE",
            Self::Options => "OPTIONS",
            Self::Head => "HEAD",
            Self::Patch => "PATCH",
        }
    }
    pub fn lower(&self) -> &'static str {
        match self {
            Self::Get => "get",
            Self::Put => "put",
            Self::Post => "post",
            Self::Delete => "delete",
            Self::Options => "options",
            Self::Head => "head",
            Self::Patch => "patch",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Operation {
    /// snake_case operation id, unique in the API (OpenAPI `operationId`, Rust method name).
    pub id: String,
    pub method: HttpMethod,
    /// Normalised path template, e.g. `/v1/{project_id}/training-job-configs`.
    pub path: String,
    /// The page / section title.
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Grouping (the chapter or page group), when the source has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    pub parameters: Vec<Parameter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_body: Option<RequestBody>,
    /// Responses keyed by status code (`"200"`, `"201"`, …) or `"default"`.
    pub responses: BTreeMap<String, Response>,
    /// Documentation of the same operation from other sources (e.g. an English page).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_docs: Vec<AltDoc>,
    /// Documented request headers the runtime sets itself (authentication, signing, transport,
    /// scope): not arguments of the operation, kept here so nothing documented is dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runtime_headers: Vec<RuntimeHeader>,
    /// How the operation authenticates, when its documentation says something specific.
    #[serde(default, skip_serializing_if = "Auth::is_default")]
    pub auth: Auth,
    pub span: Span,
}

/// A documented request header that the runtime owns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RuntimeHeader {
    /// As documented (`X-Auth-Token`).
    pub name: String,
    pub role: HeaderRole,
    pub span: Span,
}

/// What a runtime-owned header carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderRole {
    /// A credential the runtime adds from its configuration (IAM token, security token,
    /// the AK/SK signature).
    Auth,
    /// Part of the AK/SK signature (the signing time).
    Signing,
    /// HTTP transport (`Content-Type` of the body, `Content-Length`, `Host`).
    Transport,
    /// The project or account the credentials are scoped to (`X-Project-Id`, `X-Domain-Id`).
    Scope,
}

impl HeaderRole {
    pub fn as_str(self) -> &'static str {
        match self {
            HeaderRole::Auth => "auth",
            HeaderRole::Signing => "signing",
            HeaderRole::Transport => "transport",
            HeaderRole::Scope => "scope",
        }
    }
}

/// How an operation authenticates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Auth {
    /// With the runtime's configured credentials (IAM token or AK/SK signature): the default.
    #[default]
    Credentials,
    /// The documentation says the operation needs no authentication (e.g. token issuing).
    None { span: Span },
    /// One documented variant needs none, another documents credentials (one endpoint for
    /// password and delegated token requests): credentials go along when configured.
    Optional { span: Span },
    /// The caller passes the credential in a documented header parameter (e.g. an identity
    /// provider's `Authorization: Bearer {ID token}`): the runtime adds none of its own.
    Caller { header: String, span: Span },
}

impl Auth {
    pub fn is_default(&self) -> bool {
        matches!(self, Auth::Credentials)
    }
    /// Whether the runtime's configured credentials go with the request.
    pub fn uses_credentials(&self) -> bool {
        matches!(self, Auth::Credentials | Auth::Optional { .. })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AltDoc {
    pub source: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamLocation {
    Path,
    Query,
    Header,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Parameter {
    pub name: String,
    pub location: ParamLocation,
    pub required: bool,
    pub schema: Schema,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequestBody {
    pub content_type: String,
    pub required: bool,
    pub schema: Schema,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Response {
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<Parameter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<ResponseBody>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResponseBody {
    pub content_type: String,
    pub schema: Schema,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    pub value: ExampleValue,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum ExampleValue {
    Json(serde_json::Value),
    /// JSON cut short by the page (a PDF page break ate the rest; `example.cut-short`), closed
    /// where it stops: the keys and values it shows are the documentation's, what is missing
    /// is unknown, so it is never checked against the schema, never narrows or widens it, and
    /// is no test of the generated client.
    Partial(serde_json::Value),
    /// Not valid JSON (kept verbatim; a diagnostic says why).
    Text(String),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NamedSchema {
    pub name: String,
    pub schema: Schema,
}

/// A schema node: a type plus everything the documentation says about values of that type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    #[serde(flatten)]
    pub kind: SchemaKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The type cell as written in the documentation (after markup removal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_type: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<EnumValue>,
    #[serde(default, skip_serializing_if = "Constraints::is_empty")]
    pub constraints: Constraints,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The description other sources give the same field, when it differs (merged operations:
    /// e.g. the English page's wording next to the Chinese one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_descriptions: Vec<AltText>,
    /// Where the enum values, constraints and default above were read from, when they were
    /// mined from the description prose (see `extract::prose`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mined: Vec<MinedFact>,
    /// Null is an accepted value: the documentation's own examples show it (see
    /// `extract::evidence`). Null as an enum member or default also makes a schema nullable.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
    /// Other JSON shapes than the documented type that the documentation's own examples show
    /// for this value (see `extract::evidence`), sorted and unique. The documented type stays
    /// the primary one; emitters accept these too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub example_shapes: Vec<ExampleShape>,
    /// The overlay actions (`file:line`) that changed this schema (see `overlay`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overlay: Vec<String>,
    /// For a string: the JSON document the text holds, when the documentation describes that
    /// content with a table of its own (a `String` field whose examples are
    /// `"{\"metric\": …}"`). The value on the wire stays a string; this says how to read it
    /// (OpenAPI 3.1 `contentSchema`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_content: Option<Box<Schema>>,
}

/// A JSON shape an example shows where the table documents another type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleShape {
    /// A string holding a number, for a numeric type (`"100"` where the table says Integer).
    NumericString,
    /// `"true"` or `"false"`, for a boolean type.
    BooleanString,
    /// Any other string, for a non-string type (a UUID where the table says Integer).
    String,
    /// A number, for a string type.
    Number,
    /// A boolean, for a string type.
    Boolean,
    /// An array, for a string type.
    Array,
    /// An object, for a string type.
    Object,
    /// An array of values of the documented object type (where the table says one object).
    ListOfItems,
    /// One item of the documented array type (where the table says an array).
    SingleItem,
}

/// A description from another source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AltText {
    /// The source file (and line) it comes from.
    pub source: String,
    pub text: String,
}

/// One fact read from description prose, with the words that state it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinedFact {
    pub kind: MinedKind,
    pub span: Span,
    /// The text that states the fact (`枚举值如下：…`, `1到64位`, `默认为10`).
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinedKind {
    Enum,
    Default,
    MinLength,
    MaxLength,
    Minimum,
    Maximum,
    /// The number counts pages, not items (`起始页`, `page number`): a paging parameter named
    /// like an offset that the emitters must step by one page, not by the page size.
    PageIndex,
}

/// `{name}` placeholders of a path template, in order. Path parameters are exactly these (the
/// IR's guarantee: extraction adds a string parameter for a placeholder without a row and makes
/// a "path" row that names no placeholder a query parameter).
pub fn path_placeholders(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    out
}

/// A number as JSON: integral values print without a fraction (`1`, not `1.0`); beyond 2^53
/// a float cannot hold every integer, so such values stay floats.
pub fn json_number(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Value::from(v)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SchemaKind {
    String {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        format: Option<String>,
    },
    Integer {
        format: IntFormat,
    },
    Number {
        format: NumberFormat,
    },
    Boolean,
    Array {
        items: Box<Schema>,
    },
    /// A JSON object with arbitrary keys and values of one schema (`Map<String,X>`).
    Map {
        values: Box<Schema>,
    },
    /// An object described by a table, inline (not a named component).
    Object {
        fields: Vec<Field>,
    },
    /// A reference to a named schema in [`Api::schemas`].
    Ref {
        name: String,
    },
    /// A free-form value (Object/JSON with no describing table, unknown type spellings).
    Any,
}

/// The width of an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IntFormat {
    Int16,
    Int32,
    Int64,
}

impl IntFormat {
    /// The OpenAPI `format` keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            IntFormat::Int16 => "int16",
            IntFormat::Int32 => "int32",
            IntFormat::Int64 => "int64",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "int16" => IntFormat::Int16,
            "int32" => IntFormat::Int32,
            "int64" => IntFormat::Int64,
            _ => return None,
        })
    }
    /// Whether `v` fits in this width.
    pub fn fits(self, v: i128) -> bool {
        match self {
            IntFormat::Int16 => i16::try_from(v).is_ok(),
            IntFormat::Int32 => i32::try_from(v).is_ok(),
            IntFormat::Int64 => i64::try_from(v).is_ok(),
        }
    }
}

impl std::fmt::Display for IntFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The precision of a floating-point number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberFormat {
    Float,
    Double,
}

impl NumberFormat {
    /// The OpenAPI `format` keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            NumberFormat::Float => "float",
            NumberFormat::Double => "double",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "float" => NumberFormat::Float,
            "double" => NumberFormat::Double,
            _ => return None,
        })
    }
}

impl std::fmt::Display for NumberFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl SchemaKind {
    /// The OpenAPI `format` keyword of a string, integer or number.
    pub fn format(&self) -> Option<&str> {
        match self {
            SchemaKind::String { format } => format.as_deref(),
            SchemaKind::Integer { format } => Some(format.as_str()),
            SchemaKind::Number { format } => Some(format.as_str()),
            _ => None,
        }
    }

    /// The JSON type a value of this kind has: references and maps are objects, `Any` is "any".
    pub fn json_type(&self) -> &'static str {
        match self {
            SchemaKind::String { .. } => "string",
            SchemaKind::Integer { .. } => "integer",
            SchemaKind::Number { .. } => "number",
            SchemaKind::Boolean => "boolean",
            SchemaKind::Array { .. } => "array",
            SchemaKind::Map { .. } | SchemaKind::Object { .. } | SchemaKind::Ref { .. } => "object",
            SchemaKind::Any => "any",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The JSON name exactly as documented.
    pub name: String,
    pub required: bool,
    pub schema: Schema,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumValue {
    pub value: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<f64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive_minimum: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive_maximum: bool,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }

    /// The limits in words, one per kind (`length 1–255`, `≥ 0`, `< 10`), for readers (the
    /// review page, diagnostics).
    pub fn words(&self) -> Vec<String> {
        let mut out = Vec::new();
        match (self.min_length, self.max_length) {
            (Some(a), Some(b)) => out.push(format!("length {a}–{b}")),
            (Some(a), None) => out.push(format!("length ≥ {a}")),
            (None, Some(b)) => out.push(format!("length ≤ {b}")),
            (None, None) => {}
        }
        if let Some(m) = self.minimum {
            let op = if self.exclusive_minimum { ">" } else { "≥" };
            out.push(format!("{op} {}", json_number(m)));
        }
        if let Some(m) = self.maximum {
            let op = if self.exclusive_maximum { "<" } else { "≤" };
            out.push(format!("{op} {}", json_number(m)));
        }
        out
    }
}

impl Operation {
    /// A bare operation for unit tests: no parameters, bodies or responses.
    #[cfg(test)]
    pub(crate) fn stub(id: &str, method: HttpMethod, path: &str, span: Span) -> Self {
        Operation {
            id: id.into(),
            method,
            path: path.into(),
            summary: String::new(),
            description: None,
            tag: None,
            parameters: Vec::new(),
            request_body: None,
            responses: Default::default(),
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Default::default(),
            span,
        }
    }

    /// The schemas the operation holds itself, in document order: parameters, request body,
    /// then per response its headers and body (not the schemas these nest or reference).
    pub fn schemas(&self) -> impl Iterator<Item = &Schema> {
        let responses = self.responses.values().flat_map(|r| {
            let headers = r.headers.iter().map(|h| &h.schema);
            headers.chain(r.body.iter().map(|b| &b.schema))
        });
        self.parameters
            .iter()
            .map(|p| &p.schema)
            .chain(self.request_body.iter().map(|b| &b.schema))
            .chain(responses)
    }

    /// The path parameters in the order of the path's placeholders (the IR guarantees one
    /// parameter per placeholder).
    pub fn path_parameters(&self) -> Vec<&Parameter> {
        path_placeholders(&self.path)
            .into_iter()
            .filter_map(|name| {
                self.parameters
                    .iter()
                    .find(|p| p.location == ParamLocation::Path && p.name == name)
            })
            .collect()
    }

    /// [`Operation::schemas`], mutable.
    pub fn schemas_mut(&mut self) -> impl Iterator<Item = &mut Schema> {
        let responses = self.responses.values_mut().flat_map(|r| {
            let headers = r.headers.iter_mut().map(|h| &mut h.schema);
            headers.chain(r.body.iter_mut().map(|b| &mut b.schema))
        });
        self.parameters
            .iter_mut()
            .map(|p| &mut p.schema)
            .chain(self.request_body.iter_mut().map(|b| &mut b.schema))
            .chain(responses)
    }
}

/// How [`Schema::walk`] reached a node from its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via<'a> {
    /// The schema `walk` was called on.
    Root,
    /// A field of an inline object.
    Field(&'a str),
    /// The items of an array.
    Items,
    /// The values of a map.
    Values,
    /// The JSON document a string holds ([`Schema::json_content`]).
    JsonContent,
}

impl Schema {
    /// Visit this schema and every schema nested in it (array items, map values, inline object
    /// fields, the JSON a string holds), parents before children, fields in order. References
    /// are not followed: a named schema is walked on its own, so recursive types need no
    /// visited set here.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Schema, Via<'a>)) {
        self.walk_via(Via::Root, visit);
    }

    fn walk_via<'a>(&'a self, via: Via<'a>, visit: &mut impl FnMut(&'a Schema, Via<'a>)) {
        visit(self, via);
        match &self.kind {
            SchemaKind::Array { items } => items.walk_via(Via::Items, visit),
            SchemaKind::Map { values } => values.walk_via(Via::Values, visit),
            SchemaKind::Object { fields } => {
                for f in fields {
                    f.schema.walk_via(Via::Field(&f.name), visit);
                }
            }
            SchemaKind::String { .. }
            | SchemaKind::Integer { .. }
            | SchemaKind::Number { .. }
            | SchemaKind::Boolean
            | SchemaKind::Ref { .. }
            | SchemaKind::Any => {}
        }
        if let Some(content) = &self.json_content {
            content.walk_via(Via::JsonContent, visit);
        }
    }

    /// [`Schema::walk`], mutable: each node is visited before its children, so a visit may
    /// change what is walked next.
    pub fn walk_mut(&mut self, visit: &mut impl FnMut(&mut Schema)) {
        visit(self);
        match &mut self.kind {
            SchemaKind::Array { items } => items.walk_mut(visit),
            SchemaKind::Map { values } => values.walk_mut(visit),
            SchemaKind::Object { fields } => {
                for f in fields {
                    f.schema.walk_mut(visit);
                }
            }
            SchemaKind::String { .. }
            | SchemaKind::Integer { .. }
            | SchemaKind::Number { .. }
            | SchemaKind::Boolean
            | SchemaKind::Ref { .. }
            | SchemaKind::Any => {}
        }
        if let Some(content) = &mut self.json_content {
            content.walk_mut(visit);
        }
    }

    /// The names of the schemas this one references directly (nested inline schemas included).
    pub fn references(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(&mut |s, _| {
            if let SchemaKind::Ref { name } = &s.kind {
                out.push(name.as_str());
            }
        });
        out
    }

    pub fn new(kind: SchemaKind) -> Self {
        Schema {
            kind,
            description: None,
            raw_type: None,
            enum_values: Vec::new(),
            constraints: Constraints::default(),
            default: None,
            span: None,
            alt_descriptions: Vec::new(),
            mined: Vec::new(),
            nullable: false,
            example_shapes: Vec::new(),
            overlay: Vec::new(),
            json_content: None,
        }
    }
    pub fn string() -> Self {
        Self::new(SchemaKind::String { format: None })
    }
    pub fn any() -> Self {
        Self::new(SchemaKind::Any)
    }
    pub fn with_description(mut self, d: Option<String>) -> Self {
        self.description = d.filter(|s| !s.trim().is_empty());
        self
    }
}

impl Api {
    /// The schema `schema` stands for once references are followed (a bounded number of hops;
    /// an unknown name stops at the reference).
    pub fn resolve<'a>(&'a self, schema: &'a Schema) -> &'a Schema {
        let mut node = schema;
        for _ in 0..16 {
            match &node.kind {
                SchemaKind::Ref { name } => match self.schemas.get(name) {
                    Some(named) => node = &named.schema,
                    None => break,
                },
                _ => break,
            }
        }
        node
    }

    /// Sort everything that has no inherent order so output is byte-identical for any input order.
    pub fn normalize(&mut self) {
        self.operations
            .sort_by(|a, b| (&a.path, a.method).cmp(&(&b.path, b.method)));
        self.diagnostics.sort();
    }
}
