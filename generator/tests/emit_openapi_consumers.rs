//! What strict consumers (openapi-generator, openapi-python-client) need from the emitted
//! document, one small IR per class, in 3.0.3 and 3.1.0: every array has `items`; enum values
//! that generators would name alike get `x-enum-varnames`; inline enums that generators would
//! name alike and component names differing only in case get names of their own; fractional
//! number values are listed outside `enum`; a free-form header is a string. The importer reads
//! every such document back to the same IR (the emitted document is reproduced).

use docbind::diag::Span;
use docbind::emit::openapi::{to_openapi, OpenApiVersion};
use docbind::ir::*;
use docbind::openapi_import::import;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

const VERSIONS: [OpenApiVersion; 2] = [OpenApiVersion::V3_0_3, OpenApiVersion::V3_1_0];

fn span() -> Span {
    Span::new(&Arc::from("docs/x.md"), 1, 1)
}

fn string_enum(values: &[&str]) -> Schema {
    let mut s = Schema::string();
    s.enum_values = values
        .iter()
        .map(|v| EnumValue {
            value: json!(v),
            description: None,
        })
        .collect();
    s
}

fn field(name: &str, schema: Schema) -> Field {
    Field {
        name: name.into(),
        required: false,
        schema,
    }
}

fn object(fields: Vec<Field>) -> Schema {
    Schema::new(SchemaKind::Object { fields })
}

fn param(name: &str, location: ParamLocation, schema: Schema) -> Parameter {
    Parameter {
        name: name.into(),
        location,
        required: false,
        schema,
        span: span(),
    }
}

/// One operation `list_services` with the given parameters and a 200 body, and the given
/// named schemas.
fn api(parameters: Vec<Parameter>, body: Schema, schemas: Vec<(&str, Schema)>) -> Api {
    let mut responses = BTreeMap::new();
    responses.insert(
        "200".to_string(),
        Response {
            description: "OK".into(),
            headers: Vec::new(),
            body: Some(ResponseBody {
                content_type: "application/json".into(),
                schema: body,
                span: span(),
            }),
            examples: Vec::new(),
        },
    );
    Api {
        title: "T".into(),
        version: "1".into(),
        sources: Vec::new(),
        operations: vec![Operation {
            id: "list_services".into(),
            method: HttpMethod::Get,
            path: "/v1/services".into(),
            summary: "List".into(),
            description: None,
            tag: None,
            parameters,
            request_body: None,
            responses,
            alt_docs: Vec::new(),
            runtime_headers: Vec::new(),
            auth: Default::default(),
            span: span(),
        }],
        schemas: schemas
            .into_iter()
            .map(|(name, schema)| {
                (
                    name.to_string(),
                    NamedSchema {
                        name: name.into(),
                        schema,
                    },
                )
            })
            .collect(),
        endpoint: None,
        diagnostics: Default::default(),
    }
}

/// The document in `version`, checked to come back unchanged through the importer.
fn emit(api: &Api, version: OpenApiVersion) -> Value {
    let doc = to_openapi(api, version);
    let back = import(&doc, "spec.json");
    assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
    assert_eq!(
        to_openapi(&back, version),
        doc,
        "{version:?}: not reproduced"
    );
    doc
}

fn every_array_has_items(v: &Value, at: &str, missing: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if m.get("type") == Some(&json!("array")) && !m.contains_key("items") {
                missing.push(at.to_string());
            }
            for (k, x) in m {
                every_array_has_items(x, &format!("{at}/{k}"), missing);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                every_array_has_items(x, &format!("{at}/{i}"), missing);
            }
        }
        _ => {}
    }
}

#[test]
fn an_array_shown_by_an_example_has_items() {
    let mut s = Schema::string();
    s.example_shapes = vec![ExampleShape::Array];
    let a = api(Vec::new(), object(vec![field("tags", s)]), Vec::new());
    for version in VERSIONS {
        let doc = emit(&a, version);
        let mut missing = Vec::new();
        every_array_has_items(&doc, "", &mut missing);
        assert!(missing.is_empty(), "{missing:?}");
        let shape = &doc["paths"]["/v1/services"]["get"]["responses"]["200"]["content"]
            ["application/json"]["schema"]["properties"]["tags"]["anyOf"][1];
        assert_eq!(shape, &json!({"type": "array", "items": {}}));
    }
}

#[test]
fn values_differing_in_case_or_punctuation_get_distinct_member_names() {
    let arch = string_enum(&[
        "x86_64",
        "AARCH64",
        "X86_64",
        "foo-bar",
        "foo_bar",
        "已完成",
        "",
    ]);
    let plain = string_enum(&["running", "stopped"]);
    let a = api(
        Vec::new(),
        object(vec![field("arch", arch), field("state", plain)]),
        Vec::new(),
    );
    for version in VERSIONS {
        let doc = emit(&a, version);
        let props = &doc["paths"]["/v1/services"]["get"]["responses"]["200"]["content"]
            ["application/json"]["schema"]["properties"];
        assert_eq!(
            props["arch"]["x-enum-varnames"],
            json!([
                "X86_64",
                "AARCH64",
                "X86_64_2",
                "FOO_BAR",
                "FOO_BAR_2",
                "VALUE_6",
                "VALUE_7"
            ])
        );
        // Values that generators already name apart keep the document as it was.
        assert!(props["state"].get("x-enum-varnames").is_none());
    }
}

#[test]
fn inline_enums_that_generators_would_name_alike_get_component_names() {
    // The model `ListServices` has a `status` enum, and so does the operation `list_services`
    // (a query parameter), with other values: both would be the class `ListServicesStatus`.
    let mut model_status = string_enum(&["running", "stopped"]);
    model_status.description = Some("Service state.".into());
    let schemas = vec![("ListServices", object(vec![field("status", model_status)]))];
    let query = string_enum(&["running", "deploying", "failed"]);
    let same = string_enum(&["running", "stopped"]);
    let a = api(
        vec![param("status", ParamLocation::Query, query.clone())],
        Schema::new(SchemaKind::Ref {
            name: "ListServices".into(),
        }),
        schemas.clone(),
    );
    for version in VERSIONS {
        let doc = emit(&a, version);
        let components = &doc["components"]["schemas"];
        // The model's enum keeps its place (first in reading order).
        assert_eq!(
            components["ListServices"]["properties"]["status"]["enum"],
            json!(["running", "stopped"])
        );
        let p = &doc["paths"]["/v1/services"]["get"]["parameters"][0]["schema"];
        assert_eq!(
            p,
            &json!({"$ref": "#/components/schemas/ListServicesStatusParam"})
        );
        let moved = &components["ListServicesStatusParam"];
        assert_eq!(moved["enum"], json!(["running", "deploying", "failed"]));
        assert_eq!(
            moved["x-docbind-inline"],
            json!("/paths/~1v1~1services/get/parameters/0/schema")
        );
    }
    // Equal values share a generated class: nothing moves.
    let a = api(
        vec![param("status", ParamLocation::Query, same)],
        Schema::any(),
        schemas,
    );
    for version in VERSIONS {
        let doc = emit(&a, version);
        assert!(doc["components"]["schemas"]
            .get("ListServicesStatusParam")
            .is_none());
    }
}

#[test]
fn an_enum_moved_beside_a_description_keeps_it_at_the_use_site() {
    // A model named like the property's class (`ThingKind`) forces the enum to move.
    let mut kind = string_enum(&["a", "b"]);
    kind.description = Some("The kind.".into());
    let a = api(
        Vec::new(),
        Schema::any(),
        vec![
            ("Thing", object(vec![field("kind", kind)])),
            ("ThingKind", object(vec![field("x", Schema::string())])),
        ],
    );
    let doc = emit(&a, OpenApiVersion::V3_0_3);
    assert_eq!(
        doc["components"]["schemas"]["Thing"]["properties"]["kind"],
        json!({"allOf": [{"$ref": "#/components/schemas/ThingKindEnum"}], "description": "The kind."})
    );
    let doc = emit(&a, OpenApiVersion::V3_1_0);
    assert_eq!(
        doc["components"]["schemas"]["Thing"]["properties"]["kind"],
        json!({"$ref": "#/components/schemas/ThingKindEnum", "description": "The kind."})
    );
}

#[test]
fn component_names_differing_only_in_case_are_told_apart() {
    let a = api(
        Vec::new(),
        Schema::any(),
        vec![
            ("L7Policy", object(vec![field("a", Schema::string())])),
            ("L7policy", object(vec![field("b", Schema::string())])),
        ],
    );
    for version in VERSIONS {
        let doc = emit(&a, version);
        let keys: Vec<&String> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(keys, ["L7Policy", "L7policy_2"]);
        assert_eq!(
            doc["components"]["schemas"]["L7policy_2"]["x-docbind-name"],
            json!("L7policy")
        );
    }
}

#[test]
fn fractional_number_values_are_listed_outside_enum() {
    let mut capacity = Schema::new(SchemaKind::Number {
        format: NumberFormat::Float,
    });
    capacity.enum_values = [json!(0.125), json!(1), json!(2)]
        .into_iter()
        .map(|value| EnumValue {
            value,
            description: None,
        })
        .collect();
    let mut count = Schema::new(SchemaKind::Number {
        format: NumberFormat::Double,
    });
    count.enum_values = vec![EnumValue {
        value: json!(4),
        description: None,
    }];
    let a = api(
        Vec::new(),
        object(vec![field("capacity", capacity), field("count", count)]),
        Vec::new(),
    );
    for version in VERSIONS {
        let doc = emit(&a, version);
        let props = &doc["paths"]["/v1/services"]["get"]["responses"]["200"]["content"]
            ["application/json"]["schema"]["properties"];
        assert!(props["capacity"].get("enum").is_none());
        assert_eq!(props["capacity"]["x-docbind-enum"], json!([0.125, 1, 2]));
        // Whole numbers stay a closed set.
        assert_eq!(props["count"]["enum"], json!([4]));
    }
}

#[test]
fn a_free_form_header_is_a_string() {
    let mut any = Schema::any();
    any.raw_type = Some("?".into());
    let a = api(
        vec![param("X-Trace", ParamLocation::Header, any)],
        Schema::any(),
        Vec::new(),
    );
    for version in VERSIONS {
        let doc = emit(&a, version);
        assert_eq!(
            doc["paths"]["/v1/services"]["get"]["parameters"][0]["schema"],
            json!({"type": "string", "x-docbind-raw-type": "?"})
        );
    }
}
