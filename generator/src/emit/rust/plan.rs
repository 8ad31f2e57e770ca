//! The Rust view of the IR, decided before any code is printed: every type the crate defines
//! (named schemas, inline objects, enums, per-operation response enums) with its final
//! identifier, and for each operation how its builder looks.
//!
//! Names are claimed in a fixed order — reserved names, named schemas (so they keep their clean
//! names), operation builders, then types derived while walking schemas and operations in IR
//! order — which makes the output deterministic and collision-free.

use super::idents::{pascal_words, Namespace};
use super::paging::{paging, PagingPlan};
use super::EmitError;
use crate::ir::{self, ExampleShape, Schema, SchemaKind};
use std::collections::BTreeMap;

pub type TypeId = usize;

/// A Rust type expression used for a field, parameter or body.
#[derive(Debug, Clone, PartialEq)]
pub enum RustType {
    String,
    I16,
    I32,
    I64,
    F32,
    F64,
    Bool,
    /// `serde_json::Value`: free-form JSON.
    Json,
    /// `Vec<u8>`: a non-JSON body.
    Bytes,
    Vec(Box<RustType>),
    Map(Box<RustType>),
    Named(TypeId),
}

#[derive(Debug, Clone)]
pub struct TypeDef {
    pub name: String,
    /// Plain-text documentation paragraphs (escaped when printed).
    pub doc: Vec<String>,
    pub body: TypeBody,
}

#[derive(Debug, Clone)]
pub enum TypeBody {
    /// Reserved but not yet filled (only during planning).
    Pending,
    Struct(Vec<FieldDef>),
    StringEnum(Vec<Variant>),
    IntEnum(Vec<Variant>),
    Alias(RustType),
    /// The typed result of an operation with several success statuses.
    Response(Vec<ResponseVariant>),
}

#[derive(Debug, Clone)]
pub struct FieldDef {
    pub ident: String,
    pub json_name: String,
    pub ty: RustType,
    pub required: bool,
    /// Set when the field closes a cycle of directly contained structs.
    pub boxed: bool,
    pub doc: Vec<String>,
    /// How to decode the other JSON shapes the documentation's examples show for this field.
    pub lenient: Option<Lenient>,
    /// The type of the JSON document this string field holds (`ir::Schema::json_content`).
    pub json_content: Option<TypeId>,
}

/// A field whose documented examples contradict its table (see `extract::evidence`) decodes
/// through a `docbind_runtime::lenient` deserializer; the Rust type stays the documented one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lenient {
    /// Scalars (or arrays/maps of them) that also arrive as other scalars: `lenient::scalar`.
    Scalar,
    /// A list that also arrives as one item, or one object that also arrives as a list (typed
    /// as the list): `lenient::one_or_many`.
    OneOrMany,
}

/// Which lenient decoding a field's schema needs, if any.
fn lenient_of(schema: &Schema) -> Option<Lenient> {
    if schema
        .example_shapes
        .iter()
        .any(|s| matches!(s, ExampleShape::ListOfItems | ExampleShape::SingleItem))
    {
        return Some(Lenient::OneOrMany);
    }
    fn scalar_shapes(s: &Schema) -> bool {
        // Generated enums decode any JSON value themselves (unknown ones into `Other`).
        if enum_body(s).is_some() {
            return false;
        }
        match &s.kind {
            SchemaKind::String { .. }
            | SchemaKind::Integer { .. }
            | SchemaKind::Number { .. }
            | SchemaKind::Boolean => !s.example_shapes.is_empty(),
            SchemaKind::Array { items } => scalar_shapes(items),
            SchemaKind::Map { values } => scalar_shapes(values),
            _ => false,
        }
    }
    scalar_shapes(schema).then_some(Lenient::Scalar)
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub ident: String,
    /// A JSON string or integer.
    pub value: serde_json::Value,
    pub doc: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ResponseVariant {
    pub ident: String,
    pub status: u16,
    pub body: Option<Body>,
    pub description: String,
}

/// A request or response body: its type and how it travels.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub ty: RustType,
    pub content_type: String,
    /// JSON bodies are (de)serialised; anything else travels as raw bytes.
    pub json: bool,
}

#[derive(Debug, Clone)]
pub struct OperationPlan {
    pub index: usize,
    pub builder: String,
    pub method: String,
    pub params: Vec<ParamPlan>,
    pub body: Option<RequestBodyPlan>,
    pub response: ResponsePlan,
    /// Set for list operations whose pagination could be decided (see [`super::paging`]).
    pub paging: Option<PagingPlan>,
}

#[derive(Debug, Clone)]
pub struct ParamPlan {
    pub json_name: String,
    pub location: ir::ParamLocation,
    /// Builder field and setter name.
    pub ident: String,
    pub ty: RustType,
    pub required: bool,
    /// A path parameter the client config can supply (e.g. `project_id`).
    pub defaulted: bool,
    pub doc: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct RequestBodyPlan {
    pub body: Body,
    pub required: bool,
    pub doc: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum ResponsePlan {
    /// No success status is documented: the caller gets the raw response.
    Raw,
    /// All success statuses share one body type (or none: `()`).
    Single(Option<Body>),
    /// Several success statuses with different bodies.
    Enum(TypeId),
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub types: Vec<TypeDef>,
    /// Every type id once, in the order `models.rs` defines them: each named schema followed
    /// by the inline types and enums of its fields (depth first), then the operations' types in
    /// operation order (each operation's together), so a reader finds a field's type next to it.
    pub print_order: Vec<TypeId>,
    pub operations: Vec<OperationPlan>,
}

/// Type names the generated code relies on, so no model may take them.
const RESERVED_TYPES: &[&str] = &[
    "Box",
    "Client",
    "Clone",
    "Config",
    "Copy",
    "Credentials",
    "Debug",
    "Default",
    "Eq",
    "Err",
    "Error",
    "From",
    "Into",
    "None",
    "Ok",
    "Option",
    "PartialEq",
    "RawResponse",
    "RequestSpec",
    "Result",
    "Self",
    "Some",
    "String",
    "ToString",
    "Vec",
];
/// Methods of the generated `Client` itself.
const RESERVED_CLIENT_METHODS: &[&str] = &["new", "from_env", "from_runtime", "runtime"];
/// Builder fields / methods that parameters must not take.
const RESERVED_BUILDER_MEMBERS: &[&str] = &["client", "body", "send", "items", "pages"];

pub fn is_json_content_type(ct: &str) -> bool {
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence.ends_with("+json")
}

struct Planner {
    types: Vec<TypeDef>,
    type_names: Namespace,
    named: BTreeMap<String, TypeId>,
}

pub fn plan(api: &ir::Api, defaulted_path_params: &[String]) -> Result<Plan, EmitError> {
    let mut p = Planner {
        // The named schemas come first and their number is known; inline and per-operation
        // types are added as they are met.
        types: Vec::with_capacity(api.schemas.len()),
        type_names: Namespace::pascal().reserving(RESERVED_TYPES),
        named: BTreeMap::new(),
    };
    for (n, (key, named)) in api.schemas.iter().enumerate() {
        let name = p.type_names.claim(&named.name, &format!("Schema{}", n + 1));
        let id = p.reserve(name);
        p.named.insert(key.clone(), id);
    }
    let mut method_names = Namespace::snake().reserving(RESERVED_CLIENT_METHODS);
    let heads: Vec<(String, String)> = api
        .operations
        .iter()
        .enumerate()
        .map(|(n, op)| {
            let fallback = format!("operation_{}", n + 1);
            (
                p.type_names.claim(&op.id, &fallback),
                method_names.claim(&op.id, &fallback),
            )
        })
        .collect();
    // Types are created depth first while a schema is filled, so the types a schema's fields
    // create are the ids added meanwhile: they are printed right after it.
    let mut print_order = Vec::with_capacity(p.types.len());
    for (key, named) in &api.schemas {
        let id = p.named[key];
        let first_inline = p.types.len();
        let name = p.types[id].name.clone();
        let body = p.body_of(&named.schema, &name)?;
        p.types[id].body = body;
        p.types[id].doc = schema_doc(&named.schema);
        print_order.push(id);
        print_order.extend(first_inline..p.types.len());
    }
    let first_operation_type = p.types.len();
    let mut operations = Vec::new();
    for (index, (op, (builder, method))) in api.operations.iter().zip(heads).enumerate() {
        operations.push(p.operation(index, op, builder, method, defaulted_path_params)?);
    }
    print_order.extend(first_operation_type..p.types.len());
    let mut types = p.types;
    mark_boxed_fields(&mut types);
    Ok(Plan {
        types,
        print_order,
        operations,
    })
}

impl Planner {
    fn reserve(&mut self, name: String) -> TypeId {
        self.types.push(TypeDef {
            name,
            doc: Vec::new(),
            body: TypeBody::Pending,
        });
        self.types.len() - 1
    }

    fn new_type(&mut self, hint: &str, doc: Vec<String>, body: TypeBody) -> TypeId {
        let name = self.type_names.claim_converted(hint);
        let id = self.reserve(name);
        self.types[id].doc = doc;
        self.types[id].body = body;
        id
    }

    /// The definition of a named schema: a struct, an enum, or an alias for anything else.
    fn body_of(&mut self, schema: &Schema, name: &str) -> Result<TypeBody, EmitError> {
        if let Some(body) = enum_body(schema) {
            return Ok(body);
        }
        match &schema.kind {
            SchemaKind::Object { fields } => Ok(TypeBody::Struct(self.fields(fields, name)?)),
            _ => Ok(TypeBody::Alias(self.rust_type(schema, name)?)),
        }
    }

    fn fields(&mut self, fields: &[ir::Field], parent: &str) -> Result<Vec<FieldDef>, EmitError> {
        let mut idents = Namespace::snake();
        let mut out = Vec::new();
        for (n, field) in fields.iter().enumerate() {
            let fallback = format!("field_{}", n + 1);
            let ident = idents.claim(&field.name, &fallback);
            let part = pascal_words(&field.name).unwrap_or_else(|| format!("Field{}", n + 1));
            let mut ty = self.rust_type(&field.schema, &format!("{parent}{part}"))?;
            let lenient = lenient_of(&field.schema);
            if field
                .schema
                .example_shapes
                .contains(&ExampleShape::ListOfItems)
            {
                // One object in the table, a list of them in the example: the list holds both.
                ty = RustType::Vec(Box::new(ty));
            }
            let json_content = match &field.schema.json_content {
                Some(content) => match self.rust_type(content, &format!("{parent}{part}Json"))? {
                    RustType::Named(id) => Some(id),
                    _ => None,
                },
                None => None,
            };
            out.push(FieldDef {
                ident,
                json_name: field.name.clone(),
                ty,
                // A value the examples show as null cannot be a plain required Rust value.
                required: field.required && !field.schema.nullable,
                boxed: false,
                doc: schema_doc(&field.schema),
                lenient,
                json_content,
            });
        }
        Ok(out)
    }

    /// The type of a schema used in place; `hint` names any type this creates.
    fn rust_type(&mut self, schema: &Schema, hint: &str) -> Result<RustType, EmitError> {
        if let Some(body) = enum_body(schema) {
            return Ok(RustType::Named(self.new_type(
                hint,
                schema_doc(schema),
                body,
            )));
        }
        // A number the examples also show as arbitrary text (a UUID where the table says
        // Integer) can only be held as text.
        let text_too = schema.example_shapes.contains(&ExampleShape::String);
        Ok(match &schema.kind {
            SchemaKind::String { .. } => RustType::String,
            SchemaKind::Integer { .. } | SchemaKind::Number { .. } | SchemaKind::Boolean
                if text_too =>
            {
                RustType::String
            }
            SchemaKind::Integer { format } => match format {
                ir::IntFormat::Int16 => RustType::I16,
                ir::IntFormat::Int32 => RustType::I32,
                ir::IntFormat::Int64 => RustType::I64,
            },
            SchemaKind::Number { format } => match format {
                ir::NumberFormat::Float => RustType::F32,
                ir::NumberFormat::Double => RustType::F64,
            },
            SchemaKind::Boolean => RustType::Bool,
            SchemaKind::Any => RustType::Json,
            SchemaKind::Array { items } => {
                RustType::Vec(Box::new(self.rust_type(items, &format!("{hint}Item"))?))
            }
            SchemaKind::Map { values } => {
                RustType::Map(Box::new(self.rust_type(values, &format!("{hint}Value"))?))
            }
            SchemaKind::Ref { name } => match self.named.get(name) {
                Some(id) => RustType::Named(*id),
                None => {
                    return Err(EmitError::UnknownSchema {
                        name: name.clone(),
                        referenced_from: hint.to_string(),
                    })
                }
            },
            SchemaKind::Object { fields } => {
                let id = self.new_type(hint, schema_doc(schema), TypeBody::Pending);
                let name = self.types[id].name.clone();
                let fields = self.fields(fields, &name)?;
                self.types[id].body = TypeBody::Struct(fields);
                RustType::Named(id)
            }
        })
    }

    fn operation(
        &mut self,
        index: usize,
        op: &ir::Operation,
        builder: String,
        method: String,
        defaulted_path_params: &[String],
    ) -> Result<OperationPlan, EmitError> {
        let mut members = Namespace::snake().reserving(RESERVED_BUILDER_MEMBERS);
        let mut params = Vec::new();
        // Path parameters in template order (the IR guarantees they are its placeholders).
        for (n, param) in op.path_parameters().into_iter().enumerate() {
            let placeholder = param.name.as_str();
            let schema = &param.schema;
            let defaulted = defaulted_path_params.iter().any(|d| d == placeholder);
            let ident = members.claim(placeholder, &format!("path_{}", n + 1));
            let ty = if defaulted {
                RustType::String
            } else {
                let hint = format!(
                    "{builder}{}",
                    pascal_words(placeholder).unwrap_or_else(|| format!("Path{}", n + 1))
                );
                self.rust_type(schema, &hint)?
            };
            params.push(ParamPlan {
                json_name: placeholder.to_string(),
                location: ir::ParamLocation::Path,
                ident,
                ty,
                required: !defaulted,
                defaulted,
                doc: schema_doc(schema),
            });
        }
        for (n, param) in op
            .parameters
            .iter()
            .enumerate()
            .filter(|(_, p)| p.location != ir::ParamLocation::Path)
        {
            let ident = members.claim(&param.name, &format!("param_{}", n + 1));
            let hint = format!(
                "{builder}{}",
                pascal_words(&param.name).unwrap_or_else(|| format!("Param{}", n + 1))
            );
            let ty = self.rust_type(&param.schema, &hint)?;
            params.push(ParamPlan {
                json_name: param.name.clone(),
                location: param.location,
                ident,
                ty,
                required: param.required,
                defaulted: false,
                doc: schema_doc(&param.schema),
            });
        }
        let body = match &op.request_body {
            None => None,
            Some(rb) => Some(RequestBodyPlan {
                body: self.body(&rb.content_type, &rb.schema, &format!("{builder}Request"))?,
                required: rb.required,
                doc: schema_doc(&rb.schema),
            }),
        };
        let response = self.response(op, &builder)?;
        let paging = paging(op, &params, &response, &self.types);
        Ok(OperationPlan {
            index,
            builder,
            method,
            params,
            body,
            response,
            paging,
        })
    }

    fn body(&mut self, content_type: &str, schema: &Schema, hint: &str) -> Result<Body, EmitError> {
        let json = is_json_content_type(content_type);
        let ty = if json {
            self.rust_type(schema, hint)?
        } else {
            RustType::Bytes
        };
        Ok(Body {
            ty,
            content_type: content_type.to_string(),
            json,
        })
    }

    fn response(&mut self, op: &ir::Operation, builder: &str) -> Result<ResponsePlan, EmitError> {
        let success: Vec<(u16, &ir::Response)> = op
            .responses
            .iter()
            .filter_map(|(code, r)| {
                code.parse::<u16>()
                    .ok()
                    .filter(|c| (200..300).contains(c))
                    .map(|c| (c, r))
            })
            .collect();
        let Some((_, first)) = success.first() else {
            return Ok(ResponsePlan::Raw);
        };
        let shape = |r: &ir::Response| {
            r.body
                .as_ref()
                .map(|b| (is_json_content_type(&b.content_type), b.schema.clone()))
        };
        if success.iter().all(|(_, r)| shape(r) == shape(first)) {
            let body = match &first.body {
                Some(b) => {
                    Some(self.body(&b.content_type, &b.schema, &format!("{builder}Response"))?)
                }
                None => None,
            };
            return Ok(ResponsePlan::Single(body));
        }
        let id = self.new_type(
            &format!("{builder}Response"),
            vec![format!("The success responses of `{}`, by status.", op.id)],
            TypeBody::Pending,
        );
        let mut variants = Vec::new();
        for (status, r) in success {
            let body = match &r.body {
                Some(b) => Some(self.body(
                    &b.content_type,
                    &b.schema,
                    &format!("{builder}Response{status}"),
                )?),
                None => None,
            };
            variants.push(ResponseVariant {
                ident: format!("Status{status}"),
                status,
                body,
                description: r.description.clone(),
            });
        }
        self.types[id].body = TypeBody::Response(variants);
        Ok(ResponsePlan::Enum(id))
    }
}

/// Documented values of a string or integer schema become a Rust enum; other kinds keep the
/// plain type (their values are still listed in the documentation and the OpenAPI document).
fn enum_body(schema: &Schema) -> Option<TypeBody> {
    if schema.enum_values.is_empty() {
        return None;
    }
    let integer = match schema.kind {
        SchemaKind::String { .. } => false,
        SchemaKind::Integer { .. } => true,
        _ => return None,
    };
    let mut idents = Namespace::pascal().reserving(&["Other"]);
    let mut seen = Vec::new();
    let mut variants = Vec::new();
    for (n, ev) in schema.enum_values.iter().enumerate() {
        let value = if integer {
            match integer_value(&ev.value) {
                Some(i) => serde_json::Value::from(i),
                None => continue,
            }
        } else {
            match &ev.value {
                serde_json::Value::String(s) => serde_json::Value::String(s.clone()),
                other => serde_json::Value::String(other.to_string()),
            }
        };
        // A repeated value would be an unreachable match arm.
        if seen.contains(&value) {
            continue;
        }
        seen.push(value.clone());
        let ident = match &value {
            serde_json::Value::Number(i) => {
                let text = i.to_string();
                idents.claim_converted(&match text.strip_prefix('-') {
                    Some(abs) => format!("ValueMinus{abs}"),
                    None => format!("Value{text}"),
                })
            }
            serde_json::Value::String(s) if s.is_empty() => idents.claim_converted("Empty"),
            serde_json::Value::String(s) => idents.claim(s, &format!("Variant{}", n + 1)),
            _ => unreachable!("enum values are normalised to strings or integers above"),
        };
        variants.push(Variant {
            ident,
            value,
            doc: ev.description.clone(),
        });
    }
    if variants.is_empty() {
        return None;
    }
    Some(if integer {
        TypeBody::IntEnum(variants)
    } else {
        TypeBody::StringEnum(variants)
    })
}

fn integer_value(v: &serde_json::Value) -> Option<i64> {
    match v {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Documentation paragraphs for a schema: its description plus constraints and default,
/// which the type system does not enforce.
pub fn schema_doc(schema: &Schema) -> Vec<String> {
    let mut doc = Vec::new();
    if let Some(d) = schema
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        doc.push(d.to_string());
    }
    doc.extend(
        schema
            .alt_descriptions
            .iter()
            .map(|a| super::docs::alt_description(&a.source, &a.text)),
    );
    let c = &schema.constraints;
    let bound = |v: Option<f64>, exclusive: bool, word: &str| {
        v.map(|v| {
            format!(
                "{word} {}{}",
                format_number(v),
                if exclusive { " (exclusive)" } else { "" }
            )
        })
    };
    let limits: Vec<String> = [
        c.min_length.map(|v| format!("minimum length {v}")),
        c.max_length.map(|v| format!("maximum length {v}")),
        bound(c.minimum, c.exclusive_minimum, "minimum"),
        bound(c.maximum, c.exclusive_maximum, "maximum"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !limits.is_empty() {
        doc.push(format!("Constraints: {}.", limits.join(", ")));
    }
    if let Some(default) = &schema.default {
        doc.push(format!("Default: {default}."));
    }
    doc
}

/// A documented limit as text, written as JSON writes it (`1`, not `1.0`).
pub fn format_number(v: f64) -> String {
    crate::ir::json_number(v).to_string()
}

/// Box struct fields that would otherwise make a type infinitely sized: a field whose type
/// directly (not through `Vec` or a map) contains the struct that holds it.
fn mark_boxed_fields(types: &mut [TypeDef]) {
    let direct: Vec<Vec<TypeId>> = types.iter().map(direct_children).collect();
    for (id, def) in types.iter_mut().enumerate() {
        if let TypeBody::Struct(fields) = &mut def.body {
            for field in fields.iter_mut() {
                if let RustType::Named(target) = field.ty {
                    field.boxed = reaches(&direct, target, id);
                }
            }
        }
    }
}

fn direct_children(def: &TypeDef) -> Vec<TypeId> {
    let of = |ty: &RustType| match ty {
        RustType::Named(id) => Some(*id),
        _ => None,
    };
    match &def.body {
        TypeBody::Struct(fields) => fields.iter().filter_map(|f| of(&f.ty)).collect(),
        TypeBody::Alias(ty) => of(ty).into_iter().collect(),
        TypeBody::Response(variants) => variants
            .iter()
            .filter_map(|v| v.body.as_ref().and_then(|b| of(&b.ty)))
            .collect(),
        _ => Vec::new(),
    }
}

fn reaches(direct: &[Vec<TypeId>], from: TypeId, to: TypeId) -> bool {
    let mut stack = vec![from];
    let mut seen = vec![false; direct.len()];
    while let Some(id) = stack.pop() {
        if id == to {
            return true;
        }
        if !std::mem::replace(&mut seen[id], true) {
            stack.extend(&direct[id]);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;
    use crate::ir::{Field, HttpMethod, Operation, Parameter, Response, ResponseBody};
    use serde_json::json;
    use std::sync::Arc;

    fn span() -> Span {
        Span::new(&Arc::from("t.md"), 1, 1)
    }
    fn obj(fields: Vec<(&str, bool, Schema)>) -> Schema {
        Schema::new(SchemaKind::Object {
            fields: fields
                .into_iter()
                .map(|(n, r, s)| Field {
                    name: n.into(),
                    required: r,
                    schema: s,
                })
                .collect(),
        })
    }
    fn rf(name: &str) -> Schema {
        Schema::new(SchemaKind::Ref { name: name.into() })
    }
    fn arr(items: Schema) -> Schema {
        Schema::new(SchemaKind::Array {
            items: Box::new(items),
        })
    }
    fn api(schemas: Vec<(&str, Schema)>, operations: Vec<Operation>) -> ir::Api {
        ir::Api {
            schemas: schemas
                .into_iter()
                .map(|(n, s)| {
                    (
                        n.to_string(),
                        ir::NamedSchema {
                            name: n.into(),
                            schema: s,
                        },
                    )
                })
                .collect(),
            operations,
            ..Default::default()
        }
    }
    fn op(
        id: &str,
        path: &str,
        parameters: Vec<Parameter>,
        responses: Vec<(&str, Option<Schema>)>,
    ) -> Operation {
        Operation {
            id: id.into(),
            method: HttpMethod::Get,
            path: path.into(),
            summary: String::new(),
            description: None,
            tag: None,
            parameters,
            request_body: None,
            responses: responses
                .into_iter()
                .map(|(code, body)| {
                    let body = body.map(|schema| ResponseBody {
                        content_type: "application/json".into(),
                        schema,
                        span: span(),
                    });
                    (
                        code.to_string(),
                        Response {
                            description: String::new(),
                            headers: vec![],
                            body,
                            examples: vec![],
                        },
                    )
                })
                .collect(),
            alt_docs: vec![],
            runtime_headers: Vec::new(),
            auth: Default::default(),
            span: span(),
        }
    }
    fn names(plan: &Plan) -> Vec<&str> {
        plan.types.iter().map(|t| t.name.as_str()).collect()
    }
    fn field<'p>(plan: &'p Plan, ty: &str, field: &str) -> &'p FieldDef {
        let def = plan.types.iter().find(|t| t.name == ty).unwrap();
        let TypeBody::Struct(fields) = &def.body else {
            panic!("{ty} is not a struct")
        };
        fields.iter().find(|f| f.json_name == field).unwrap()
    }

    #[test]
    fn inline_types_are_named_after_parent_and_field_without_collisions() {
        let inner = obj(vec![("x", true, Schema::string())]);
        let a = api(
            vec![
                (
                    "Job",
                    obj(vec![
                        ("spec", true, inner.clone()),
                        ("items", false, arr(inner.clone())),
                    ]),
                ),
                // Claimed first, so the inline `Job.spec` type must take another name.
                ("JobSpec", obj(vec![])),
            ],
            vec![],
        );
        let plan = plan(&a, &[]).unwrap();
        assert_eq!(names(&plan), ["Job", "JobSpec", "JobSpec2", "JobItemsItem"]);
        assert_eq!(field(&plan, "Job", "spec").ty, RustType::Named(2));
    }

    #[test]
    fn inline_types_are_printed_after_their_schema() {
        let inner = obj(vec![("x", true, obj(vec![("y", true, Schema::string())]))]);
        let a = api(
            vec![
                ("Alpha", obj(vec![("spec", true, inner.clone())])),
                ("Beta", obj(vec![("spec", true, inner)])),
            ],
            vec![op(
                "list",
                "/things",
                vec![],
                vec![("200", Some(obj(vec![("z", true, Schema::string())])))],
            )],
        );
        let plan = plan(&a, &[]).unwrap();
        assert_eq!(
            names(&plan),
            [
                "Alpha",
                "Beta",
                "AlphaSpec",
                "AlphaSpecX",
                "BetaSpec",
                "BetaSpecX",
                "ListResponse"
            ]
        );
        let printed: Vec<&str> = plan
            .print_order
            .iter()
            .map(|id| plan.types[*id].name.as_str())
            .collect();
        assert_eq!(
            printed,
            [
                "Alpha",
                "AlphaSpec",
                "AlphaSpecX",
                "Beta",
                "BetaSpec",
                "BetaSpecX",
                "ListResponse"
            ]
        );
    }

    #[test]
    fn only_direct_cycles_are_boxed() {
        let a = api(
            vec![
                (
                    "Node",
                    obj(vec![
                        ("next", false, rf("Node")),
                        ("children", false, arr(rf("Node"))),
                        ("link", false, rf("Link")),
                    ]),
                ),
                (
                    "Link",
                    obj(vec![
                        ("back", false, rf("Node")),
                        ("leaf", false, rf("Leaf")),
                    ]),
                ),
                ("Leaf", obj(vec![("v", true, Schema::string())])),
            ],
            vec![],
        );
        let plan = plan(&a, &[]).unwrap();
        assert!(field(&plan, "Node", "next").boxed);
        assert!(!field(&plan, "Node", "children").boxed);
        assert!(field(&plan, "Node", "link").boxed);
        assert!(field(&plan, "Link", "back").boxed);
        assert!(!field(&plan, "Link", "leaf").boxed);
    }

    #[test]
    fn response_shapes() {
        let body = || Some(obj(vec![("id", true, Schema::string())]));
        let a = api(
            vec![],
            vec![
                op(
                    "one",
                    "/a",
                    vec![],
                    vec![("200", body()), ("400", Some(Schema::any()))],
                ),
                op("same", "/b", vec![], vec![("200", body()), ("201", body())]),
                op("none", "/c", vec![], vec![("204", None)]),
                op("mixed", "/d", vec![], vec![("200", body()), ("202", None)]),
                op("undocumented", "/e", vec![], vec![("404", None)]),
            ],
        );
        let plan = plan(&a, &[]).unwrap();
        let r: Vec<_> = plan.operations.iter().map(|o| &o.response).collect();
        assert!(matches!(
            r[0],
            ResponsePlan::Single(Some(Body { json: true, .. }))
        ));
        assert!(matches!(r[1], ResponsePlan::Single(Some(_))));
        assert!(matches!(r[2], ResponsePlan::Single(None)));
        let ResponsePlan::Enum(id) = r[3] else {
            panic!("{:?}", r[3])
        };
        assert_eq!(plan.types[*id].name, "MixedResponse");
        let TypeBody::Response(variants) = &plan.types[*id].body else {
            panic!()
        };
        assert_eq!(
            variants
                .iter()
                .map(|v| (v.ident.as_str(), v.body.is_some()))
                .collect::<Vec<_>>(),
            [("Status200", true), ("Status202", false)]
        );
        assert!(matches!(r[4], ResponsePlan::Raw));
        // Error bodies get no types; success bodies are named after the operation.
        assert_eq!(
            names(&plan),
            [
                "OneResponse",
                "SameResponse",
                "MixedResponse",
                "MixedResponse200"
            ]
        );
    }

    #[test]
    fn enums_are_deduplicated_and_keep_the_catch_all_free() {
        let mut s = Schema::string();
        s.enum_values = ["A", "a", "Other", "A", ""]
            .iter()
            .map(|v| ir::EnumValue {
                value: json!(v),
                description: None,
            })
            .collect();
        let Some(TypeBody::StringEnum(v)) = enum_body(&s) else {
            panic!()
        };
        assert_eq!(
            v.iter().map(|v| v.ident.as_str()).collect::<Vec<_>>(),
            ["A", "A2", "Other2", "Empty"]
        );
        let mut i = Schema::new(SchemaKind::Integer {
            format: crate::ir::IntFormat::Int32,
        });
        i.enum_values = [json!(1), json!("2"), json!("x"), json!(-3)]
            .into_iter()
            .map(|value| ir::EnumValue {
                value,
                description: None,
            })
            .collect();
        let Some(TypeBody::IntEnum(v)) = enum_body(&i) else {
            panic!()
        };
        assert_eq!(
            v.iter().map(|v| v.ident.as_str()).collect::<Vec<_>>(),
            ["Value1", "Value2", "ValueMinus3"]
        );
        // Booleans with listed values keep their plain type.
        let mut b = Schema::new(SchemaKind::Boolean);
        b.enum_values = vec![ir::EnumValue {
            value: json!(true),
            description: None,
        }];
        assert!(enum_body(&b).is_none());
    }

    /// Path parameters come in template order whatever order the tables listed them in (the
    /// IR guarantees one per placeholder); a defaulted one is an optional setter.
    #[test]
    fn path_parameters_follow_the_template() {
        let p = |name: &str| Parameter {
            name: name.into(),
            location: ir::ParamLocation::Path,
            required: true,
            schema: Schema::string(),
            span: span(),
        };
        let a = api(
            vec![],
            vec![op(
                "get",
                "/v1/{project_id}/x/{item_id}",
                vec![p("item_id"), p("project_id")],
                vec![],
            )],
        );
        let plan = plan(&a, &["project_id".to_string()]).unwrap();
        let params: Vec<_> = plan.operations[0]
            .params
            .iter()
            .map(|p| (p.json_name.as_str(), p.required, p.defaulted))
            .collect();
        assert_eq!(
            params,
            [("project_id", false, true), ("item_id", true, false)]
        );
    }

    #[test]
    fn builder_names_and_methods_avoid_reserved_names() {
        let a = api(
            vec![("Client", obj(vec![]))],
            vec![
                op("new", "/a", vec![], vec![]),
                op("client", "/b", vec![], vec![]),
            ],
        );
        let plan = plan(&a, &[]).unwrap();
        assert_eq!(names(&plan), ["Client2"]);
        let ops: Vec<_> = plan
            .operations
            .iter()
            .map(|o| (o.builder.as_str(), o.method.as_str()))
            .collect();
        assert_eq!(ops, [("New", "new_2"), ("Client3", "client")]);
    }

    #[test]
    fn a_dangling_reference_is_an_error() {
        let a = api(vec![("A", obj(vec![("b", true, rf("Missing"))]))], vec![]);
        assert!(matches!(
            plan(&a, &[]),
            Err(EmitError::UnknownSchema { .. })
        ));
    }

    fn query(name: &str, schema: Schema, description: &str) -> Parameter {
        let mut schema = schema;
        schema.description = Some(description.into());
        Parameter {
            name: name.into(),
            location: ir::ParamLocation::Query,
            required: false,
            schema,
            span: span(),
        }
    }
    fn int() -> Schema {
        Schema::new(SchemaKind::Integer {
            format: crate::ir::IntFormat::Int32,
        })
    }
    fn paging_of(parameters: Vec<Parameter>, body: Schema) -> Option<PagingPlan> {
        let a = api(
            vec![
                ("Item", obj(vec![("id", true, Schema::string())])),
                ("Meta", obj(vec![("continue", false, Schema::string())])),
            ],
            vec![op("list", "/items", parameters, vec![("200", Some(body))])],
        );
        plan(&a, &[]).unwrap().operations[0].paging.clone()
    }
    fn list_body() -> Schema {
        obj(vec![
            ("total", true, int()),
            ("items", false, arr(rf("Item"))),
            ("names", false, arr(Schema::string())),
        ])
    }

    #[test]
    fn offset_counts_items_unless_documented_as_pages() {
        use super::super::paging::{ItemsAt, PagingKind};
        let items = paging_of(
            vec![
                query("offset", int(), "分页记录的起始位置偏移量。"),
                query("limit", int(), "每一页的数量。"),
            ],
            list_body(),
        )
        .unwrap();
        assert!(matches!(
            items.kind,
            PagingKind::Offset {
                offset: 0,
                limit: 1,
                page_size: super::super::paging::FALLBACK_PAGE_SIZE
            }
        ));
        // The only array of objects holds the items; arrays of strings do not count.
        assert!(matches!(&items.items, ItemsAt::Field(f) if f.ident == "items" && !f.required));
        let mut limit = query("limit", Schema::string(), "每页条目数。");
        limit.schema.default = Some(json!("50"));
        // That the offset counts pages is an IR fact extraction reads from the description.
        let mut offset = query("offset", Schema::string(), "分页列表的起始页，默认为0。");
        offset.schema.mined.push(crate::ir::MinedFact {
            kind: crate::ir::MinedKind::PageIndex,
            span: offset.span.clone(),
            text: "分页列表的起始页".into(),
        });
        let pages = paging_of(vec![offset, limit], list_body()).unwrap();
        assert!(matches!(
            pages.kind,
            PagingKind::PageNumber {
                page: 0,
                size: 1,
                first_page: 0,
                page_size: 50
            }
        ));
    }

    #[test]
    fn page_numbers_start_at_one_unless_documented() {
        use super::super::paging::PagingKind;
        let plain = paging_of(
            vec![
                query("page", int(), "Page."),
                query("per_page", int(), "Size."),
            ],
            arr(rf("Item")),
        )
        .unwrap();
        assert!(matches!(
            plain.kind,
            PagingKind::PageNumber { first_page: 1, .. }
        ));
        assert_eq!(plain.items, super::super::paging::ItemsAt::Body);
        let mut page = query("page", int(), "Page.");
        page.schema.constraints.minimum = Some(0.0);
        let documented =
            paging_of(vec![page, query("page_size", int(), "Size.")], list_body()).unwrap();
        assert!(matches!(
            documented.kind,
            PagingKind::PageNumber { first_page: 0, .. }
        ));
    }

    #[test]
    fn markers_need_the_next_marker_in_the_response() {
        use super::super::paging::{FieldStep, PagingKind};
        let nested = obj(vec![
            ("metadata", false, rf("Meta")),
            ("items", false, arr(rf("Item"))),
        ]);
        let marker =
            paging_of(vec![query("continue", Schema::string(), "Marker.")], nested).unwrap();
        let PagingKind::Marker { marker: 0, next } = marker.kind else {
            panic!("{marker:?}")
        };
        let steps: Vec<_> = next.iter().map(|s: &FieldStep| s.ident.as_str()).collect();
        assert_eq!(steps, ["metadata", "r#continue"]);
        // No field carries the next marker: undecidable, so no helper.
        assert_eq!(
            paging_of(
                vec![query("marker", Schema::string(), "Marker.")],
                list_body()
            ),
            None
        );
    }

    #[test]
    fn no_helper_without_a_single_array_of_objects() {
        let two_arrays = obj(vec![
            ("items", false, arr(rf("Item"))),
            ("others", false, arr(rf("Item"))),
        ]);
        let params = || {
            vec![
                query("offset", int(), "Offset."),
                query("limit", int(), "Limit."),
            ]
        };
        assert_eq!(paging_of(params(), two_arrays), None);
        assert_eq!(paging_of(params(), obj(vec![("total", true, int())])), None);
        // No paging parameters at all.
        assert_eq!(paging_of(vec![], list_body()), None);
    }
}
