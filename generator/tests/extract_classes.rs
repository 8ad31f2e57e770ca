//! Classes of documentation layout seen in other services' references, each pinned with a
//! small page of its own (never a page of the corpus): how nested tables are tied to fields,
//! recursive types, and the IR guarantee that every reference names a schema.

use docbind::doc::Format;
use docbind::ir::{Api, ExampleShape, ParamLocation, Schema, SchemaKind};
use docbind::{pipeline, read};

/// The API of `pages` (file name, text) read in `format` and extracted together.
fn pages_api(format: Format, pages: &[(&str, &str)]) -> Api {
    let mut docs = Vec::new();
    let mut diags = docbind::diag::Diagnostics::new();
    for (file, text) in pages {
        let (doc, d) = read::read_text(file, text, format);
        docs.push(doc);
        diags.extend(d);
    }
    pipeline::build_api(&docs, diags, "t", "1").0
}

fn api(pages: &[(&str, &str)]) -> Api {
    pages_api(Format::HuaweiMarkdown, pages)
}

fn codes(api: &Api) -> Vec<&str> {
    api.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// Every reference names a schema of the API (what the emitters rely on).
fn assert_references_resolve(api: &Api) {
    let mut refs: Vec<String> = Vec::new();
    let mut collect = |s: &Schema| {
        refs.extend(s.references().into_iter().map(str::to_string));
    };
    api.operations
        .iter()
        .flat_map(|o| o.schemas())
        .for_each(&mut collect);
    api.schemas.values().for_each(|n| collect(&n.schema));
    for r in refs {
        assert!(api.schemas.contains_key(&r), "dangling reference `{r}`");
    }
}

fn field<'a>(api: &'a Api, schema: &str, name: &str) -> &'a Schema {
    let SchemaKind::Object { fields } = &api.schemas[schema].schema.kind else {
        panic!("{schema} is not an object");
    };
    &fields.iter().find(|f| f.name == name).expect(name).schema
}

/// The component the first operation's 200 response body names.
fn success_body(api: &Api) -> &str {
    body_component(&api.operations[0])
}

/// The component an operation's 200 response body names.
fn body_component(op: &docbind::ir::Operation) -> &str {
    let body = op.responses["200"]
        .body
        .as_ref()
        .unwrap_or_else(|| panic!("{} has no response body", op.path));
    let SchemaKind::Ref { name } = &body.schema.kind else {
        panic!("{:#?}", body.schema)
    };
    name
}

/// The item schema of list field `name` of component `schema`.
fn list_items<'a>(api: &'a Api, schema: &str, name: &str) -> &'a Schema {
    let SchemaKind::Array { items } = &field(api, schema, name).kind else {
        panic!("{name} is not a list")
    };
    items
}

fn page(title: &str, method_path: &str, tables: &str) -> String {
    format!(
        "# {title}<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\n{method_path}\n\n## 响应参数<a name=\"a3\"></a>\n\n{tables}"
    )
}

fn table(caption: &str, rows: &[(&str, &str)]) -> String {
    let mut t = format!("**表 1**  {caption}\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n");
    for (name, ty) in rows {
        t.push_str(&format!("| {name} | {ty} | 说明。 |\n"));
    }
    t.push('\n');
    t
}

/// Nested tables captioned with the field's dotted path from the table it stands in
/// (`role_assignments.role`, `role_assignments.scope.project`), whatever the type cell says.
#[test]
fn captions_naming_a_dotted_field_path() {
    let tables = [
        table(
            "响应Body参数",
            &[("role_assignments", "Array of RoleAssignmentBody objects")],
        ),
        table(
            "role\\_assignments",
            &[
                ("id", "String"),
                ("role", "RoleAssignmentId object"),
                ("scope", "RoleAssignmentScope object"),
            ],
        ),
        table("role\\_assignments.role", &[("id", "String")]),
        table(
            "role\\_assignments.scope",
            &[("project", "RoleProjectAssignmentId object")],
        ),
        table(
            "role\\_assignments.scope.project",
            &[("id", "String"), ("name", "String")],
        ),
    ]
    .concat();
    let api = api(&[(
        "p.md",
        &page("查询授权", "GET /v3/role-assignments", &tables),
    )]);
    assert_references_resolve(&api);
    let c = codes(&api);
    assert!(
        !c.contains(&"table.orphan") && !c.contains(&"type.unresolved"),
        "{c:?}"
    );
    let role = field(&api, "RoleAssignmentBody", "role");
    let SchemaKind::Ref { name } = &role.kind else {
        panic!("{role:?}")
    };
    assert!(
        matches!(&api.schemas[name].schema.kind, SchemaKind::Object { fields } if fields.len() == 1)
    );
    let SchemaKind::Ref { name: scope } = &field(&api, "RoleAssignmentBody", "scope").kind else {
        panic!()
    };
    let SchemaKind::Ref { name: project } = &field(&api, scope, "project").kind else {
        panic!()
    };
    assert!(
        matches!(&api.schemas[project].schema.kind, SchemaKind::Object { fields } if fields.len() == 2)
    );
}

/// A type that contains itself, where the table describing it is captioned with the field
/// name (`role_assignments`) rather than the type name (`RoleAssignmentBody`), and a field
/// whose type name only nearly matches the table being built.
#[test]
fn recursive_type_described_under_another_name() {
    let tables = [
        table(
            "响应Body参数",
            &[("role_assignments", "Array of RoleAssignmentBody objects")],
        ),
        table(
            "role\\_assignments",
            &[
                ("id", "String"),
                ("children", "Array of RoleAssignmentBody objects"),
                ("role", "RoleAssignmentId object"),
            ],
        ),
    ]
    .concat();
    let api = api(&[(
        "p.md",
        &page("查询授权", "GET /v3/role-assignments", &tables),
    )]);
    assert_references_resolve(&api);
    let children = field(&api, "RoleAssignmentBody", "children");
    let SchemaKind::Array { items } = &children.kind else {
        panic!("{children:?}")
    };
    assert_eq!(
        items.kind,
        SchemaKind::Ref {
            name: "RoleAssignmentBody".into()
        }
    );
}

/// Two pages define a recursive `Node` differently: the second is renamed, and its reference
/// to itself follows the new name (it used to name the first page's `Node`, or nothing).
#[test]
fn renamed_recursive_type_refers_to_itself() {
    let first = page(
        "查询树",
        "GET /v1/trees",
        &[
            table("响应Body参数", &[("root", "Node object")]),
            table(
                "Node",
                &[("id", "String"), ("children", "Array of Node objects")],
            ),
        ]
        .concat(),
    );
    let second = page(
        "查询森林",
        "GET /v1/forests",
        &[
            table("响应Body参数", &[("root", "Node object")]),
            table(
                "Node",
                &[("name", "Integer"), ("kids", "Array of Node objects")],
            ),
        ]
        .concat(),
    );
    let api = api(&[("a.md", &first), ("b.md", &second)]);
    assert_references_resolve(&api);
    let renamed: Vec<&String> = api
        .schemas
        .keys()
        .filter(|k| k.ends_with("Node") && *k != "Node")
        .collect();
    assert_eq!(renamed.len(), 1, "{:?}", api.schemas.keys());
    let kids = field(&api, renamed[0], "kids");
    let SchemaKind::Array { items } = &kids.kind else {
        panic!()
    };
    assert_eq!(
        items.kind,
        SchemaKind::Ref {
            name: renamed[0].clone()
        }
    );
    let children = field(&api, "Node", "children");
    let SchemaKind::Array { items } = &children.kind else {
        panic!()
    };
    assert_eq!(
        items.kind,
        SchemaKind::Ref {
            name: "Node".into()
        }
    );
}

fn rst_api(text: &str) -> Api {
    rst_pages(&[("p.rst", text)])
}

/// OpenStack-style rST pages: tables captioned with the part of the message they describe
/// (`Parameters in the request body`), nested tables introduced by a list item naming the
/// field path (`auth.identity`) instead of a caption, reached through a `:ref:` in the name
/// cell.
#[test]
fn titled_nested_tables_reached_from_the_name_cell() {
    let text = r#"Obtaining a Token
=================

URI
---

POST /v3/auth/tokens

Request Parameters
------------------

-  Parameters in the request header

   +--------------+--------+-----------+------------------+
   | Parameter    | Type   | Mandatory | Description      |
   +==============+========+===========+==================+
   | Content-Type | String | Yes       | application/json |
   +--------------+--------+-----------+------------------+

-  Parameters in the request body

   +------------------------------+------------------+-----------+-----------------+
   | Name                         | Type             | Mandatory | Description     |
   +==============================+==================+===========+=================+
   | :ref:`auth <p__li_auth>`     | TokenAuth object | Yes       | Authentication. |
   +------------------------------+------------------+-----------+-----------------+

   -  .. _p__li_auth:

      auth

      +------------------------------------------+--------------------------+-----------+-------------+
      | Name                                     | Type                     | Mandatory | Description |
      +==========================================+==========================+===========+=============+
      | :ref:`identity <p__li_identity>`         | TokenAuthIdentity object | Yes       | Identity.   |
      +------------------------------------------+--------------------------+-----------+-------------+
      | :ref:`OS-FEDERATION <p__li_federation>`  | Object                   | No        | Federation. |
      +------------------------------------------+--------------------------+-----------+-------------+

   -  .. _p__li_federation:

      auth.OS-FEDERATION

      +----------+--------+-----------+-------------+
      | Name     | Type   | Mandatory | Description |
      +==========+========+===========+=============+
      | protocol | String | No        | Protocol.   |
      +----------+--------+-----------+-------------+

   -  .. _p__li_identity:

      auth.identity

      +---------+------------------+-----------+-------------+
      | Name    | Type             | Mandatory | Description |
      +=========+==================+===========+=============+
      | methods | Array of strings | Yes       | Methods.    |
      +---------+------------------+-----------+-------------+
"#;
    let api = rst_api(text);
    assert_references_resolve(&api);
    let c = codes(&api);
    assert!(
        !c.contains(&"table.orphan")
            && !c.contains(&"table.unclassified")
            && !c.contains(&"type.unresolved"),
        "{:#?}",
        api.diagnostics
    );
    let op = &api.operations[0];
    // The header table was read: Content-Type is the runtime's, kept with the operation.
    assert!(op.runtime_headers.iter().any(|h| h.name == "Content-Type"));
    let body = op.request_body.as_ref().expect("request body");
    let SchemaKind::Ref { name } = &body.schema.kind else {
        panic!()
    };
    let SchemaKind::Ref { name: auth } = &field(&api, name, "auth").kind else {
        panic!()
    };
    let SchemaKind::Ref { name: identity } = &field(&api, auth, "identity").kind else {
        panic!()
    };
    assert!(matches!(
        field(&api, identity, "methods").kind,
        SchemaKind::Array { .. }
    ));
    // A path segment with hyphens titles its table as well.
    let SchemaKind::Ref { name: federation } = &field(&api, auth, "OS-FEDERATION").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, federation, "protocol");
}

/// Older Huawei pages: `请求` / `响应` sections whose tables are captioned by the part of the
/// message (`URI格式的参数说明`, `请求样例的参数说明`, `响应样例的参数说明`).
#[test]
fn tables_captioned_by_message_part() {
    let text = "# 修改记录<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPATCH /v2/records/{record_id}\n\n**表 1**  URI格式的参数说明\n\n| 名称 | 是否必选 | 参数类型 | 说明 |\n| --- | --- | --- | --- |\n| record_id | 是 | String | 记录ID。 |\n\n## 请求<a name=\"a3\"></a>\n\n-   参数说明\n\n    **表 2**  请求样例的参数说明\n\n    | 名称 | 是否必选 | 参数类型 | 说明 |\n    | --- | --- | --- | --- |\n    | ttl | 否 | Integer | 缓存时间。 |\n\n## 响应<a name=\"a4\"></a>\n\n-   参数说明\n\n    **表 3**  响应样例的参数说明\n\n    | 名称 | 参数类型 | 说明 |\n    | --- | --- | --- |\n    | id | String | 记录ID。 |\n";
    let api = api(&[("p.md", text)]);
    let c = codes(&api);
    assert!(
        !c.contains(&"table.orphan") && !c.contains(&"table.unclassified"),
        "{c:?}"
    );
    let op = &api.operations[0];
    assert!(op.parameters.iter().any(|p| p.name == "record_id"));
    assert!(op.request_body.is_some());
    assert!(op.responses.values().any(|r| r.body.is_some()));
}

/// An error response wrapped in a one-row table (`error: Object`) whose object is described by
/// the next table with neither a link nor a shared name (`ErrorDetail`); and a caption naming
/// the field it describes (`Data structure of the values field`).
#[test]
fn wrapped_error_objects_and_field_structure_captions() {
    let text = r#"Signing Data
============

URI
---

POST /v1.0/{project_id}/kms/sign

Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 1** Response body parameters

   ========= ====== =================
   Parameter Type   Description
   ========= ====== =================
   key_id    String Key ID
   values    Object Values
   ========= ====== =================

.. table:: **Table 2** Data structure of the **values** field

   ========= ====== =================
   Parameter Type   Description
   ========= ====== =================
   size      String Size
   ========= ====== =================

**Status code: 400**

.. table:: **Table 3** Response body parameter

   ========= ====== =============
   Parameter Type   Description
   ========= ====== =============
   error     Object Error message
   ========= ====== =============

.. table:: **Table 4** ErrorDetail

   ========== ====== =================
   Parameter  Type   Description
   ========== ====== =================
   error_code String Error code
   error_msg  String Error information
   ========== ====== =================
"#;
    let api = rst_api(text);
    assert_references_resolve(&api);
    let c = codes(&api);
    assert!(
        !c.contains(&"table.orphan") && !c.contains(&"schema.free-form"),
        "{:#?}",
        api.diagnostics
    );
    assert!(c.contains(&"type.resolved-by-position"), "{c:?}");
    let op = &api.operations[0];
    let SchemaKind::Ref { name } = &op.responses["400"]
        .body
        .as_ref()
        .expect("400 body")
        .schema
        .kind
    else {
        panic!()
    };
    let SchemaKind::Ref { name: error } = &field(&api, name, "error").kind else {
        panic!()
    };
    assert!(
        matches!(&api.schemas[error].schema.kind, SchemaKind::Object { fields } if fields.len() == 2)
    );
}

/// The request line written as a table with a method and a URI column; an object typed as a
/// dictionary (`字典数据类型`) tied to its table by the field name.
#[test]
fn request_line_as_a_table() {
    let text = "# 添加后端实例<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\n**表 1**  HTTP/HTTPS请求方法以及URI\n\n| 请求方法 | URI |\n| --- | --- |\n| POST | /v1.0/apigw/vpc-channels/{id}/members |\n\n**表 2**  参数说明\n\n| 名称 | 是否必选 | 类型 | 说明 |\n| --- | --- | --- | --- |\n| id | 是 | String | 通道编号。 |\n\n## 请求消息<a name=\"a3\"></a>\n\n**表 3**  参数说明\n\n| 参数 | 是否必选 | 类型 | 说明 |\n| --- | --- | --- | --- |\n| member | 是 | 字典数据类型 | 后端实例。 |\n\n**表 4**  member\n\n| 参数 | 是否必选 | 类型 | 说明 |\n| --- | --- | --- | --- |\n| weight | 是 | Integer | 权重。 |\n";
    let api = api(&[("p.md", text)]);
    assert_eq!(api.operations.len(), 1, "{:#?}", api.diagnostics);
    let op = &api.operations[0];
    assert_eq!(op.path, "/v1.0/apigw/vpc-channels/{id}/members");
    let c = codes(&api);
    assert!(
        !c.contains(&"table.orphan")
            && !c.contains(&"table.unclassified")
            && !c.contains(&"type.unknown"),
        "{c:?}"
    );
    let SchemaKind::Ref { name } = &op.request_body.as_ref().expect("body").schema.kind else {
        panic!()
    };
    assert!(matches!(
        field(&api, name, "member").kind,
        SchemaKind::Ref { .. }
    ));
}

/// A recursive type described by two sources of one run (here the same page twice): merging
/// compares the two descriptions once per pair of named schemas instead of forever.
#[test]
fn recursive_type_in_two_sources_merges() {
    let page = page(
        "查询树",
        "GET /v1/trees",
        &[
            table("响应Body参数", &[("root", "Node object")]),
            table(
                "Node",
                &[("id", "String"), ("children", "Array of Node objects")],
            ),
        ]
        .concat(),
    );
    let api = api(&[("a.md", &page), ("b.md", &page)]);
    assert_eq!(api.operations.len(), 1);
    assert_references_resolve(&api);
    assert!(codes(&api).contains(&"merge.duplicate-operation"));
}

/// Examples given as alternatives (`Example request` {block} `or` {block}), and an error body
/// offered as an alternative success response (`Example response` {block} `or`
/// {`{"error": …}`}): the second request block is a request example, and the error body is not
/// a success example.
#[test]
fn alternative_examples_and_error_bodies_under_success_headings() {
    let text = r#"Tagging a Key
=============

URI
---

POST /v1.0/{project_id}/kms/tags

Request Parameters
------------------

.. table:: **Table 1** Request body parameters

   ====== ========= ================ ===========
   Name   Mandatory Type             Description
   ====== ========= ================ ===========
   action Yes       String           Operation.
   tags   Yes       Array of strings Tag keys.
   ====== ========= ================ ===========

Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ====== ========= ====== ===========
   Name   Mandatory Type   Description
   ====== ========= ====== ===========
   key_id Yes       String Key ID.
   ====== ========= ====== ===========

Examples
--------

-  Example request

   .. code-block::

      {"action": "create", "tags": ["a"]}

   or

   .. code-block::

      {"action": "delete", "tags": ["b"]}

-  Example response

   .. code-block::

      {"key_id": "k1"}

   or

   .. code-block::

      {"error": {"error_code": "KMS.0001", "error_msg": "failed"}}
"#;
    let api = rst_api(text);
    let op = &api.operations[0];
    let request = &op.request_body.as_ref().expect("request body").examples;
    assert_eq!(request.len(), 2, "both alternatives are request examples");
    let success = &op.responses["200"].examples;
    assert_eq!(success.len(), 1, "the error body is not a success example");
    assert!(codes(&api).contains(&"example.failure-unattached"));
}

#[test]
fn examples_wrapping_the_documented_object() {
    // The tables list a job's fields and a tag's; every example wraps them in one more key.
    let text = r#"Querying a Job
==============

URI
---

GET /v3/{project_id}/jobs

Response Parameters
-------------------

.. table:: **Table 1** Response body parameters

   ====== ====== ===========
   Name   Type   Description
   ====== ====== ===========
   id     String Job ID.
   name   String Job name.
   status String Job status.
   ====== ====== ===========

Example Response
----------------

-  Creating an instance

   .. code-block::

      {"job": {"id": "j1", "name": "CreateInstance", "status": "Completed"}}

-  Deleting an instance

   .. code-block::

      {"job": {"id": "j2", "name": "DeleteInstance", "status": "Running", "process": "60%"}}
"#;
    let api = rst_api(text);
    let body = &api.operations[0].responses["200"]
        .body
        .as_ref()
        .unwrap()
        .schema;
    let SchemaKind::Object { fields } = &body.kind else {
        panic!("the body is the wrapper object: {body:?}")
    };
    assert_eq!(fields.len(), 1);
    // Optional in a response: the table states no presence for it.
    assert_eq!(
        (fields[0].name.as_str(), fields[0].required),
        ("job", false)
    );
    let SchemaKind::Object { fields: job } = &api.resolve(&fields[0].schema).kind else {
        panic!("the job is the documented object")
    };
    // `process`, which only the second example holds, is added from it (optional).
    let names: Vec<(&str, bool)> = job.iter().map(|f| (f.name.as_str(), f.required)).collect();
    assert_eq!(
        names,
        [
            ("id", false),
            ("name", false),
            ("status", false),
            ("process", false)
        ]
    );
    assert!(matches!(job[3].schema.kind, SchemaKind::String { .. }));
    assert!(codes(&api).contains(&"schema.wrapped-by-example"));
    assert!(codes(&api).contains(&"field.from-example"));

    // One example without the wrapper: no proof, the table's shape stays.
    let unwrapped = text.replace(
        r#"{"job": {"id": "j1", "name": "CreateInstance", "status": "Completed"}}"#,
        r#"{"id": "j1", "name": "CreateInstance", "status": "Completed"}"#,
    );
    let api = rst_api(&unwrapped);
    let body = &api.operations[0].responses["200"]
        .body
        .as_ref()
        .unwrap()
        .schema;
    let SchemaKind::Object { fields } = &api.resolve(body).kind else {
        panic!("an object")
    };
    assert_eq!(fields.len(), 3, "{fields:?}");
    assert!(!codes(&api).contains(&"schema.wrapped-by-example"));
}

#[test]
fn examples_of_the_item_under_a_list_table() {
    // The body table is a list's (`items`: Pool), every example is one Pool.
    let text = r#"Querying a Pool
===============

URI
---

GET /v3/{project_id}/pools/{pool_id}

Response
--------

.. table:: **Table 1** Response parameters

   ========== =========== ===========
   Parameter  Type        Description
   ========== =========== ===========
   kind       String      API type.
   items      Pool object Pools.
   ========== =========== ===========

.. table:: **Table 2** Pool

   ========== ====== ===========
   Parameter  Type   Description
   ========== ====== ===========
   kind       String API type.
   name       String Pool name.
   size       Integer Pool size.
   ========== ====== ===========

**Response example**

.. code-block::

   {"kind": "Pool", "name": "p1", "size": 3}
"#;
    let api = rst_api(text);
    let body = &api.operations[0].responses["200"]
        .body
        .as_ref()
        .unwrap()
        .schema;
    let SchemaKind::Object { fields } = &api.resolve(body).kind else {
        panic!("an object: {body:?}")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["kind", "name", "size"]);
    assert!(codes(&api).contains(&"schema.unwrapped-by-example"));
}

/// Parameter tables with only name, mandatory and description columns (older OTC and Huawei
/// pages): the values travel as URL text, so they are typed from the description, never left
/// free-form; a body field without a type stays free-form.
#[test]
fn parameter_rows_without_a_type_column() {
    let text = r#"Listing Backups
===============

URI
---

GET /v3/{project_id}/backups?offset={offset}&limit={limit}

.. table:: **Table 1** Parameter description

   ========== ========= ===================================================================
   Name       Mandatory Description
   ========== ========= ===================================================================
   project_id Yes       Specifies the project ID.
   offset     No        Specifies the index position. The default value is **0**.
   limit      No        The number of records. The minimum value is **1** and the maximum value is **100**.
   verbose    No        Whether to list details. The value can be **true** or **false**.
   kind       No        Backup type. The value can be **auto** or **manual**.
   ========== ========= ===================================================================

Response
--------

.. table:: **Table 2** Response parameters

   ======= ========= ======================
   Name    Mandatory Description
   ======= ========= ======================
   backups Yes       The backups, any shape.
   ======= ========= ======================
"#;
    let api = rst_api(text);
    let op = &api.operations[0];
    let param = |name: &str| {
        &op.parameters
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no parameter {name}: {:#?}", op.parameters))
            .schema
    };
    assert!(matches!(
        param("project_id").kind,
        SchemaKind::String { .. }
    ));
    assert!(matches!(param("offset").kind, SchemaKind::Integer { .. }));
    assert_eq!(param("offset").default, Some(serde_json::json!(0)));
    assert!(matches!(param("limit").kind, SchemaKind::Integer { .. }));
    assert_eq!(param("limit").constraints.maximum, Some(100.0));
    assert_eq!(param("verbose").kind, SchemaKind::Boolean);
    assert!(matches!(param("kind").kind, SchemaKind::String { .. }));
    assert_eq!(param("kind").enum_values.len(), 2);
    let c = codes(&api);
    assert_eq!(
        c.iter().filter(|c| **c == "param.untyped").count(),
        5,
        "{c:?}"
    );
    // The body field without a type is the only free-form value, and says so.
    assert_eq!(
        c.iter().filter(|c| **c == "type.missing").count(),
        1,
        "{c:?}"
    );
}

/// A GET operation whose page lists its filters as request body fields (OpenStack list
/// operations, `请求参数` of a query): GET has no body, the rows are query parameters, and a row
/// naming a path placeholder is the path parameter.
#[test]
fn request_body_table_of_a_get_is_the_query() {
    let tables = format!(
        "{}{}",
        "## 请求参数<a name=\"r1\"></a>\n\n",
        table(
            "请求参数",
            &[("id", "String"), ("limit", "Integer"), ("name", "String")]
        )
    );
    let text = format!(
        "# 查询证书<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2/certificates/{{id}}/items\n\n{tables}## 响应参数<a name=\"a3\"></a>\n\n{}",
        table("响应参数", &[("count", "Integer")])
    );
    let api = api(&[("p.md", &text)]);
    let op = &api.operations[0];
    assert!(op.request_body.is_none(), "{:#?}", op.request_body);
    let located: Vec<(&str, ParamLocation)> = op
        .parameters
        .iter()
        .map(|p| (p.name.as_str(), p.location))
        .collect();
    assert_eq!(
        located,
        [
            ("id", ParamLocation::Path),
            ("limit", ParamLocation::Query),
            ("name", ParamLocation::Query)
        ]
    );
    let c = codes(&api);
    assert!(c.contains(&"body.read-as-query"), "{c:?}");
    assert!(!c.contains(&"param.undocumented-path"), "{c:?}");
}

/// A field whose link skips the table describing it (OTC RDS v1 list pages): `instances` links
/// Table 4 (`instance`), while Table 3, captioned `instances field data structure description`,
/// stands between them and links Table 4 from its `instance` row. Table 3 is the field's, and
/// nothing is left orphaned. A same-named table that does not lead to the linked one (another
/// field's, nested elsewhere) is not taken.
#[test]
fn a_link_that_skips_the_table_named_after_the_field() {
    let text = r#"Listing Instances
=================

URI
---

GET /v1/{project_id}/instances

Response
--------

.. table:: **Table 2** Parameter description

   +-----------+-------------------------------------------------------+-------------+
   | Name      | Type                                                  | Description |
   +===========+=======================================================+=============+
   | instances | List data structure. For details, see :ref:`Table 4   | Instances.  |
   |           | <p__table4>`.                                         |             |
   +-----------+-------------------------------------------------------+-------------+
   | spec      | Dictionary data structure. For details, see           | Spec.       |
   |           | :ref:`Table 6 <p__table6>`.                           |             |
   +-----------+-------------------------------------------------------+-------------+

.. table:: **Table 3** instances field data structure description

   +----------+-----------------------------------------------------+-------------+
   | Name     | Type                                                | Description |
   +==========+=====================================================+=============+
   | instance | Dictionary data structure. For details, see         | Instance.   |
   |          | :ref:`Table 4 <p__table4>`.                         |             |
   +----------+-----------------------------------------------------+-------------+

.. _p__table4:

.. table:: **Table 4** instance field data structure description

   ==== ====== ===========
   Name Type   Description
   ==== ====== ===========
   id   String Its ID.
   spec String A spec.
   ==== ====== ===========

.. table:: **Table 5** spec field data structure description

   ===== ====== ===========
   Name  Type   Description
   ===== ====== ===========
   cores Int    Cores.
   ===== ====== ===========

.. _p__table6:

.. table:: **Table 6** flavor field data structure description

   ==== ====== ===========
   Name Type   Description
   ==== ====== ===========
   ram  Int    RAM.
   ==== ====== ===========
"#;
    let api = rst_api(text);
    assert_references_resolve(&api);
    let name = success_body(&api);
    let SchemaKind::Ref { name: wrapper } = &list_items(&api, name, "instances").kind else {
        panic!("instances items are not an object")
    };
    let SchemaKind::Ref { name: instance } = &field(&api, wrapper, "instance").kind else {
        panic!("no instance in {wrapper}")
    };
    assert!(matches!(
        field(&api, instance, "id").kind,
        SchemaKind::String { .. }
    ));
    // `spec` links Table 6: Table 5 (`spec`) lies between but does not lead there.
    let SchemaKind::Ref { name: spec } = &field(&api, name, "spec").kind else {
        panic!("spec is not an object")
    };
    assert!(matches!(
        field(&api, spec, "ram").kind,
        SchemaKind::Integer { .. }
    ));
    let c = codes(&api);
    assert_eq!(
        c.iter().filter(|c| **c == "type.link-skips-table").count(),
        1,
        "{:#?}",
        api.diagnostics
    );
}

/// `Table N` links to another page (an rST label this page lacks): that page's table N, not
/// this page's table with the same number, unless this page's table N is a copy describing the
/// same field (copied pages keep the source page's labels). No silent wrong type.
#[test]
fn table_links_to_another_page() {
    let text = r#"Listing Keys
============

URI
---

POST /v1/keys/list

Response
--------

.. table:: **Table 4** Response parameters

   +-------------+------------------+------------------------------------------------------+
   | Parameter   | Type             | Description                                          |
   +=============+==================+======================================================+
   | key_details | Array of objects | Details. For details, see :ref:`Table 5 <other__t5>`.|
   +-------------+------------------+------------------------------------------------------+
   | networks    | Array of objects | Networks. For details, see :ref:`Table 6 <other__t6>`|
   +-------------+------------------+------------------------------------------------------+

.. table:: **Table 5** Status codes

   ====== ===========
   Status Description
   ====== ===========
   200    OK.
   ====== ===========

.. table:: **Table 6** **networks** field description

   ==== ====== ===========
   Name Type   Description
   ==== ====== ===========
   id   String Subnet ID.
   ==== ====== ===========
"#;
    let api = rst_api(text);
    assert_references_resolve(&api);
    let name = success_body(&api);
    assert_eq!(
        list_items(&api, name, "key_details").kind,
        SchemaKind::Any,
        "another page's table, not this page's Table 5"
    );
    let SchemaKind::Ref { name: networks } = &list_items(&api, name, "networks").kind else {
        panic!("networks items are not an object")
    };
    assert!(matches!(
        field(&api, networks, "id").kind,
        SchemaKind::String { .. }
    ));
}

fn rst_pages(pages: &[(&str, &str)]) -> Api {
    pages_api(Format::Rst, pages)
}

/// The operation whose path is `path`.
fn operation<'a>(api: &'a Api, path: &str) -> &'a docbind::ir::Operation {
    api.operations
        .iter()
        .find(|o| o.path == path)
        .unwrap_or_else(|| panic!("no operation {path}"))
}

/// A field described by a table of another page of the same reference (an rST label that
/// page defines): the table is built there, its own nested links resolve against that page,
/// and the page's own operation and the linking one share one schema. A link back to the
/// first page's table being built is a recursive type across pages: a reference, no endless
/// descent.
#[test]
fn a_table_on_another_page() {
    let list = r#"Listing Keys
============

URI
---

POST /v1/keys/list

Response
--------

.. _list__t4:

.. table:: **Table 4** Response parameters

   +-------------+------------------+------------------------------------------------------+
   | Parameter   | Type             | Description                                          |
   +=============+==================+======================================================+
   | key_details | Array of objects | Details. For details, see :ref:`Table 5 <show__t5>`. |
   +-------------+------------------+------------------------------------------------------+
   | total       | Integer          | Number of keys.                                      |
   +-------------+------------------+------------------------------------------------------+
"#;
    let show = r#"Showing a Key
=============

URI
---

POST /v1/keys/show

Response
--------

.. table:: **Table 4** Response parameters

   +----------+--------+---------------------------------------------+
   | Parameter| Type   | Description                                 |
   +==========+========+=============================================+
   | key_info | Object | The key. See :ref:`Table 5 <show__t5>`.     |
   +----------+--------+---------------------------------------------+

.. _show__t5:

.. table:: **Table 5** key_info field description

   +----------+--------+----------------------------------------------------+
   | Parameter| Type   | Description                                        |
   +==========+========+====================================================+
   | key_id   | String | Key ID.                                            |
   +----------+--------+----------------------------------------------------+
   | rotation | Object | Rotation. See :ref:`Table 6 <show__t6>`.           |
   +----------+--------+----------------------------------------------------+

.. _show__t6:

.. table:: **Table 6** rotation field description

   +----------+---------+--------------------------------------------+
   | Parameter| Type    | Description                                |
   +==========+=========+============================================+
   | interval | Integer | Days between rotations.                    |
   +----------+---------+--------------------------------------------+
"#;
    {
        let api = rst_pages(&[("list.rst", list), ("show.rst", show)]);
        assert_references_resolve(&api);
        let listed = body_component(operation(&api, "/v1/keys/list"));
        let SchemaKind::Ref { name: details } = &list_items(&api, listed, "key_details").kind
        else {
            panic!("key_details items are not the other page's table")
        };
        assert!(matches!(
            field(&api, details, "key_id").kind,
            SchemaKind::String { .. }
        ));
        // Table 6 is the other page's: resolved there, not looked for on the list page.
        let SchemaKind::Ref { name: rotation } = &field(&api, details, "rotation").kind else {
            panic!("rotation is not resolved on its own page")
        };
        assert!(matches!(
            field(&api, rotation, "interval").kind,
            SchemaKind::Integer { .. }
        ));
        let shown = body_component(operation(&api, "/v1/keys/show"));
        assert_eq!(
            field(&api, shown, "key_info").kind,
            SchemaKind::Ref {
                name: details.clone()
            },
            "one table, one schema"
        );
    }
    let back = show.replace(
        "   | rotation | Object | Rotation. See :ref:`Table 6 <show__t6>`.           |",
        "   | rotation | Object | Rotation. See :ref:`Table 6 <show__t6>`.           |\n   +----------+--------+----------------------------------------------------+\n   | listing  | Object | Back to the list. See :ref:`Table 4 <list__t4>`.   |",
    );
    assert_ne!(back, show);
    let api = rst_pages(&[("list.rst", list), ("show.rst", &back)]);
    assert_references_resolve(&api);
    let listed = body_component(operation(&api, "/v1/keys/list"));
    let SchemaKind::Ref { name: details } = &list_items(&api, listed, "key_details").kind else {
        panic!("key_details items are not the other page's table")
    };
    assert_eq!(
        field(&api, details, "listing").kind,
        SchemaKind::Ref {
            name: listed.to_string()
        },
        "the link back names the list's own body"
    );
}

/// The markdown form: `[表5](other.md#anchor)` names the table carrying that anchor in the
/// file of the job with that name.
#[test]
fn a_markdown_link_to_another_files_table() {
    let list = page(
        "查询列表",
        "GET /v1/items",
        "**表 2**  响应Body参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| items | Array of objects | 详情请参见[表5](详情.md#t5)。 |\n\n",
    );
    let show = page(
        "查询详情",
        "GET /v1/items/{id}",
        "**表 2**  响应Body参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| item | Object | 详情请参见[表5](#t5)。 |\n\n<a name=\"t5\"></a>\n**表 5**  item字段说明\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| name | String | 名称。 |\n\n",
    );
    let api = api(&[("docs/列表.md", &list), ("docs/详情.md", &show)]);
    assert_references_resolve(&api);
    let listed = body_component(operation(&api, "/v1/items"));
    let SchemaKind::Ref { name: item } = &list_items(&api, listed, "items").kind else {
        panic!(
            "items are not the other file's table: {:#?}",
            api.diagnostics
        )
    };
    assert!(matches!(
        field(&api, item, "name").kind,
        SchemaKind::String { .. }
    ));
}

/// Older Huawei pages put the request example in the `请求消息` section under labels naming a
/// variant (`**MySQL：**`, `使用备份文件恢复：`), not the message: still the request's example,
/// never the success response's.
#[test]
fn request_examples_under_variant_labels() {
    let text = "# 恢复实例<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\n-   URI格式\n\n    POST /v3/{project_id}/instances/recovery\n\n## 请求消息<a name=\"a3\"></a>\n\n-   参数说明\n\n    **表 1**  参数说明\n\n    | 名称 | 是否必选 | 参数类型 | 说明 |\n    | --- | --- | --- | --- |\n    | source | 是 | String | 源实例。 |\n\n-   请求样例\n\n    **使用备份文件恢复：**\n\n    **MySQL：**\n\n    ```\n    {\"source\": \"a\"}\n    ```\n\n    **SQL Server：**\n\n    ```\n    {\"source\": \"b\"}\n    ```\n\n## 响应消息<a name=\"a4\"></a>\n\n-   正常响应要素说明\n\n    **表 2**  要素说明\n\n    | 名称 | 参数类型 | 说明 |\n    | --- | --- | --- |\n    | job_id | String | 任务ID。 |\n\n-   正常响应样例\n\n    **MySQL：**\n\n    ```\n    {\"job_id\": \"j\"}\n    ```\n";
    let api = api(&[("恢复实例.md", text)]);
    let op = &api.operations[0];
    let request = op.request_body.as_ref().expect("request body");
    assert_eq!(request.examples.len(), 2, "{:#?}", api.diagnostics);
    assert_eq!(op.responses["200"].examples.len(), 1);
}

/// A request section whose only field tables are the headers and an object captioned by its
/// type (`Table 3 NodePool structure`, then its nested objects): that object is the body of
/// the POST. A form's fields (`FormData`) never become a JSON body: they are diagnosed as a
/// form body, not generated yet.
#[test]
fn request_body_captioned_as_an_object() {
    let page = |object: &str| {
        format!(
            r#"Creating a Node Pool
====================

URI
---

POST /api/v3/nodepools

Request
-------

.. table:: **Table 2** Parameters in the request header

   ============ ========= ====== ==================
   Parameter    Mandatory Type   Description
   ============ ========= ====== ==================
   Content-Type Yes       String application/json.
   ============ ========= ====== ==================

.. table:: **Table 3** {object} structure

   ========== ========= ======== =============================================
   Parameter  Mandatory Type     Description
   ========== ========= ======== =============================================
   kind       Yes       String   API type.
   metadata   Yes       metadata Metadata. See :ref:`Table 4 <np__t4>`.
   ========== ========= ======== =============================================

.. _np__t4:

.. table:: **Table 4** Data structure of the **metadata** field

   ========== ========= ====== ============
   Parameter  Mandatory Type   Description
   ========== ========= ====== ============
   name       Yes       String Pool name.
   ========== ========= ====== ============

Response
--------

None.
"#
        )
    };
    let api = rst_api(&page("NodePool"));
    assert_references_resolve(&api);
    let body = api.operations[0]
        .request_body
        .as_ref()
        .unwrap_or_else(|| panic!("no request body: {:#?}", api.diagnostics));
    let SchemaKind::Ref { name } = &body.schema.kind else {
        panic!("{:#?}", body.schema)
    };
    assert!(matches!(
        field(&api, name, "kind").kind,
        SchemaKind::String { .. }
    ));
    assert!(matches!(
        field(&api, name, "metadata").kind,
        SchemaKind::Ref { .. }
    ));
    assert!(codes(&api).contains(&"body.first-object-table"));

    // A form's fields are said to be a form body not generated yet, not an unwanted table.
    let form = rst_api(&page("FormData"));
    assert!(form.operations[0].request_body.is_none());
    assert!(codes(&form).contains(&"body.form-data-unsupported"));
    assert!(!form
        .diagnostics
        .iter()
        .any(|d| d.code == "table.orphan" && d.message.contains("FormData")));
}

/// `Timestamp` / `Time` as a type name: a string when no table describes an object of that
/// name, the table's object when one does.
#[test]
fn point_in_time_type_names() {
    let text = page(
        "查询策略",
        "GET /v1/policies",
        &(table(
            "响应Body参数",
            &[("update_time", "Timestamp"), ("window", "Time")],
        ) + &table("Time", &[("start", "String"), ("end", "String")])),
    );
    let api = api(&[("p.md", &text)]);
    assert_references_resolve(&api);
    let name = success_body(&api);
    assert!(matches!(
        field(&api, name, "update_time").kind,
        SchemaKind::String { format: None }
    ));
    assert!(
        matches!(&field(&api, name, "window").kind, SchemaKind::Ref { name } if name == "Time"),
        "{:#?}",
        field(&api, name, "window")
    );
    assert!(codes(&api).contains(&"type.time-as-string"));
    assert!(!codes(&api).contains(&"type.unresolved"));
}

/// A type cell saying there is no type (`restart | 无 | 该参数值为空。`, `None`, `-`): a field
/// without a type (type.missing, a free-form value), not a type named `None` left unresolved
/// or an unknown spelling (Huawei and OTC RDS reboot pages; `-` on an OTC CCE page).
#[test]
fn a_type_cell_saying_none() {
    let text = page(
        "重启实例",
        "POST /v3/instances/{id}/action",
        &table(
            "响应Body参数",
            &[
                ("restart", "无"),
                ("stop", "None"),
                ("prefs", "-"),
                ("job_id", "String"),
            ],
        ),
    );
    let api = api(&[("p.md", &text)]);
    let found = codes(&api);
    for bad in ["type.unknown", "type.unresolved"] {
        assert!(!found.contains(&bad), "{bad}: {:#?}", api.diagnostics);
    }
    assert_eq!(found.iter().filter(|c| **c == "type.missing").count(), 3);
    let name = success_body(&api);
    for f in ["restart", "stop", "prefs"] {
        assert!(matches!(field(&api, name, f).kind, SchemaKind::Any), "{f}");
    }
    assert!(matches!(
        field(&api, name, "job_id").kind,
        SchemaKind::String { .. }
    ));
}

/// The only object row of a multi-row table (`vpc_instances | 字典数据类型`), with neither link
/// nor shared name, is described by the unclaimed table right after it (`后端实例详情`); with
/// two object rows position cannot tell, and nothing is guessed.
#[test]
fn the_only_object_row_and_the_table_after_it() {
    let body = |rows: &[(&str, &str)]| {
        page(
            "添加后端实例",
            "POST /v1/channels/{id}/members",
            &(table("参数说明", rows)
                + &table(
                    "后端实例详情",
                    &[("instance_id", "String"), ("weight", "Integer")],
                )),
        )
    };
    let one = api(&[(
        "p.md",
        &body(&[("total", "Integer"), ("vpc_instances", "字典数据类型")]),
    )]);
    assert_references_resolve(&one);
    let name = success_body(&one);
    let SchemaKind::Ref { name: item } = &field(&one, name, "vpc_instances").kind else {
        panic!("{:#?}", one.diagnostics)
    };
    assert!(matches!(
        field(&one, item, "weight").kind,
        SchemaKind::Integer { .. }
    ));
    assert!(codes(&one).contains(&"type.resolved-by-position"));

    let two = api(&[(
        "p.md",
        &body(&[("vpc_instances", "字典数据类型"), ("tags", "Object")]),
    )]);
    let name = success_body(&two);
    assert_eq!(field(&two, name, "vpc_instances").kind, SchemaKind::Any);
    assert!(codes(&two).contains(&"table.orphan"));

    // A table some row names, even with its name broken by a line wrap (`Error Detail
    // object`), is that row's: position does not give it away.
    let claimed = page(
        "查询",
        "GET /v1/things",
        &(table("响应Body参数", &[("total", "Integer"), ("error", "Object")])
            + &table("ErrorDetail", &[("code", "String")])
            + &table("Holder", &[("detail", "Error Detail object")])),
    );
    let claimed = api(&[("p.md", &claimed)]);
    let name = success_body(&claimed);
    assert_eq!(field(&claimed, name, "error").kind, SchemaKind::Any);
}

/// A request line with concrete values under an examples heading (`GET /v3/97b0…/instances`)
/// is the documented operation's, extracted when its path template fits.
#[test]
fn concrete_request_lines_count_as_their_template() {
    let text = "# 查询实例列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\n-   URI格式\n\n    PATH：/\\{version\\_id\\}/\\{project\\_id\\}/instances\n\n    Method：GET\n\n## 样例<a name=\"a3\"></a>\n\n查询所有实例列表：\n\nGET /v3/97b026aa9cc4417888c14c84a1ad9860/instances\n";
    let (doc, diags) = read::read_text("p.md", text, Format::HuaweiMarkdown);
    let (api, coverage) = pipeline::build_api(&[doc], diags, "t", "1");
    assert_eq!(api.operations.len(), 1);
    assert_eq!(
        (coverage.endpoints_extracted, coverage.endpoints_documented),
        (2, 2),
        "{coverage:#?}"
    );
}

/// A body no table of the page describes, where the sub-section's paragraph links another
/// page's table (`:ref:\`Table 4 <…>\` describes the response parameters`): that table, the same
/// schema as on its own page.
#[test]
fn a_body_described_on_another_page() {
    let create = r#"Creating a Pool
===============

URI
---

POST /v1/pools

Response
--------

.. _create__t4:

.. table:: **Table 4** Response parameters

   ========== ====== ============
   Parameter  Type   Description
   ========== ====== ============
   id         String Pool ID.
   size       Integer Pool size.
   ========== ====== ============
"#;
    let update = r#"Updating a Pool
===============

URI
---

PUT /v1/pools/{pool_id}

Response
--------

:ref:`Table 4 <create__t4>` describes the response parameters.
"#;
    let api = rst_pages(&[("create.rst", create), ("update.rst", update)]);
    assert_references_resolve(&api);
    let created = body_component(operation(&api, "/v1/pools"));
    assert_eq!(
        body_component(operation(&api, "/v1/pools/{pool_id}")),
        created,
        "one table, one schema"
    );
    assert!(matches!(
        field(&api, created, "size").kind,
        SchemaKind::Integer { .. }
    ));
    assert!(codes(&api).contains(&"body.on-another-page"));
}

/// A row copied from a request table (with a required column) into a response table without
/// one: `containerBaseSize | No | Integer ¶ Details…` is an optional Integer described by the
/// rest, not a field of an unknown type `No`.
#[test]
fn rows_copied_from_a_table_with_a_required_column() {
    let text = r#"Reading a Node
==============

URI
---

GET /api/v3/nodes/{node_id}

Response
--------

.. table:: **Table 2** Response parameters

   +-------------------+---------+------------------------------------+
   | Parameter         | Type    | Description                        |
   +===================+=========+====================================+
   | maxPods           | Integer | Maximum number of pods.            |
   +-------------------+---------+------------------------------------+
   | containerBaseSize | No      | Integer                            |
   |                   |         |                                    |
   |                   |         | Disk space of one container in GB. |
   +-------------------+---------+------------------------------------+
"#;
    let api = rst_api(text);
    let name = success_body(&api);
    let size = field(&api, name, "containerBaseSize");
    assert!(matches!(size.kind, SchemaKind::Integer { .. }), "{size:#?}");
    assert_eq!(
        size.description.as_deref(),
        Some("Disk space of one container in GB.")
    );
    assert!(codes(&api).contains(&"field.row-shifted"));
    assert!(!codes(&api).contains(&"type.unresolved"));
}

/// A field several tables describe, one per variant: by a list of table references whose
/// captions name the same object with a variant in parentheses, or by tables named
/// `<variant> <field>` beside a field typed as prose. One object with every variant's fields,
/// required only where every variant requires it; no variant table is left unused.
#[test]
fn a_field_described_by_one_table_per_variant() {
    let text = "# 查询任务<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v3/jobs/{id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  参数说明\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n\
| status | 是 | String | 状态。 |\n\
| entities | 是 | Object | 请参见如下各表：[表3](#t3)、[表4](#t4)。 |\n\n\
<a name=\"t3\"></a>**表 3**  entities字段数据结构说明(调整实例容量)\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n\
| instance_id | 是 | String | 实例ID。 |\n| volume_size | 是 | Integer | 容量。 |\n\n\
<a name=\"t4\"></a>**表 4**  entities字段数据结构说明(主备倒换)\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n\
| instance_id | 是 | String | 实例ID。 |\n| role | 是 | String | 角色。 |\n";
    let linked = api(&[("p.md", text)]);
    assert_references_resolve(&linked);
    let body = success_body(&linked);
    let SchemaKind::Ref { name } = &field(&linked, body, "entities").kind else {
        panic!("{:#?}", linked.diagnostics)
    };
    let SchemaKind::Object { fields } = &linked.schemas[name].schema.kind else {
        panic!("{name} is not an object")
    };
    let listed: Vec<(&str, bool)> = fields
        .iter()
        .map(|f| (f.name.as_str(), f.required))
        .collect();
    assert_eq!(
        listed,
        [
            ("instance_id", true),
            ("volume_size", false),
            ("role", false)
        ]
    );
    assert!(codes(&linked).contains(&"schema.variants-merged"));
    assert!(
        !codes(&linked).contains(&"table.orphan"),
        "{:#?}",
        linked.diagnostics
    );

    // `config` typed as prose (`对应infer_type的config结构数组`), tables named by variant.
    let named = page(
        "部署服务",
        "POST /v1/services",
        &(table(
            "参数说明",
            &[
                ("infer_type", "String"),
                ("config", "对应infer_type的config结构数组"),
            ],
        ) + &table(
            "real-time config结构",
            &[("model_id", "String"), ("weight", "Integer")],
        ) + &table(
            "batch config结构",
            &[("model_id", "String"), ("src_path", "String")],
        )),
    );
    let named = api(&[("p.md", &named)]);
    assert_references_resolve(&named);
    let body = success_body(&named);
    let SchemaKind::Ref { name } = &list_items(&named, body, "config").kind else {
        panic!("{:#?}", named.diagnostics)
    };
    for f in ["model_id", "weight", "src_path"] {
        field(&named, name, f);
    }
    assert!(
        !codes(&named).contains(&"table.orphan"),
        "{:#?}",
        named.diagnostics
    );

    // A field linking one table per variant (`httpEndpoints，参考表 后端httpEndpoints参数说明`, …);
    // a linked table that another linked one links in turn is nested, not a variant.
    let text = "# 导出API<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/apis/{id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  参数说明\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n\
| backend_define | Object | httpEndpoints，参考[表 后端httpEndpoints参数说明](#t3)；mockEndpoints，参考[表 后端mockEndpoints参数说明](#t4)；参数见[表 后端parameters参数说明](#t5)。 |\n\n\
<a name=\"t3\"></a>**表 3**  后端httpEndpoints参数说明\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n\
| address | String | 地址。 |\n| parameters | Object | 参考[表 后端parameters参数说明](#t5)。 |\n\n\
<a name=\"t4\"></a>**表 4**  后端mockEndpoints参数说明\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n\
| result_content | String | 返回结果。 |\n\n\
<a name=\"t5\"></a>**表 5**  后端parameters参数说明\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n\
| name | String | 名称。 |\n";
    let links = api(&[("p.md", text)]);
    assert_references_resolve(&links);
    let body = success_body(&links);
    let SchemaKind::Ref { name } = &field(&links, body, "backend_define").kind else {
        panic!("{:#?}", links.diagnostics)
    };
    let SchemaKind::Object { fields } = &links.schemas[name].schema.kind else {
        panic!("{name} is not an object")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["address", "parameters", "result_content"]);
    assert!(
        !codes(&links).contains(&"table.orphan"),
        "{:#?}",
        links.diagnostics
    );

    // Links to a sibling row's table (`a与b二选一`, each name linked) make no variants.
    let text = "# 修改策略<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v3/policy\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  参数说明\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n\
| netmasks | Array of objects | [netmasks](#t3)与[ranges](#t4)二选一。 |\n\
| ranges | Array of objects | [netmasks](#t3)与[ranges](#t4)二选一。 |\n\n\
<a name=\"t3\"></a>**表 3**  netmasks\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| netmask | String | 网段。 |\n\n\
<a name=\"t4\"></a>**表 4**  ranges\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| range | String | 区间。 |\n";
    let siblings = api(&[("p.md", text)]);
    assert!(
        !codes(&siblings).contains(&"schema.variants-merged"),
        "{:#?}",
        siblings.diagnostics
    );
    let body = success_body(&siblings);
    let SchemaKind::Ref { name } = &list_items(&siblings, body, "ranges").kind else {
        panic!("{:#?}", siblings.diagnostics)
    };
    field(&siblings, name, "range");

    // One table named by a variant is no set of variants: it stays what it was.
    let single = page(
        "部署服务",
        "POST /v1/services",
        &(table("参数说明", &[("config", "对应infer_type的config结构数组")])
            + &table("real-time config结构", &[("model_id", "String")])),
    );
    let single = api(&[("p.md", &single)]);
    assert!(!codes(&single).contains(&"schema.variants-merged"));
}

/// A walkthrough calling other services first (`step1 请求样例` with its request line and
/// `step1 响应样例` after it; a `POST` of another path altogether): those blocks are the other
/// operations', not this one's; a doubled slash or a full-width `？` in this operation's own
/// request line is a slip, not another operation.
#[test]
fn walkthrough_steps_calling_another_operation() {
    let text = "# 添加成员<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v2/pools/{pool_id}/members\n\n## 请求消息<a name=\"a3\"></a>\n\n\
**表 2**  请求参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n\
| address | 是 | String | 地址。 |\n\n\
## 请求示例<a name=\"a4\"></a>\n\n\
-   step1 请求样例 查询端口。\n\n    ```\n    GET https://{VPCEndpoint}/v2.0/ports?device_id=f738\n    ```\n\n\
    step1 响应样例\n\n    ```\n    {\"ports\": [{\"id\": \"9497\", \"fixed_ips\": []}]}\n    ```\n\n\
-   step2 请求样例 申请弹性公网IP。\n\n    ```\n    POST /v1/5d3a/publicips\n    \n    {\"publicip\": {\"type\": \"5_bgp\"}}\n    ```\n\n\
    step2 响应样例\n\n    ```\n    {\"publicip\": {\"id\": \"f588\"}}\n    ```\n\n\
-   step3 请求样例 添加成员。\n\n    ```\n    POST //v2/pools/5d3a/members？lang=zh\n    \n    {\"address\": \"192.168.44.11\"}\n    ```\n";
    let api = api(&[("p.md", text)]);
    let op = &api.operations[0];
    let examples = &op.request_body.as_ref().expect("request body").examples;
    let shown: Vec<String> = examples
        .iter()
        .map(|e| match &e.value {
            docbind::ir::ExampleValue::Json(v) => v.to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        shown,
        [r#"{"address":"192.168.44.11"}"#],
        "{:#?}",
        api.diagnostics
    );
    assert_eq!(
        codes(&api)
            .iter()
            .filter(|c| **c == "example.other-operation")
            .count(),
        4
    );
}

/// A list page whose example shows one item alone (`{"product_id": …}` under a body
/// `products | Array`): the example is taken inside the list, `{"products": [item]}`, and the
/// schema stays the table's.
#[test]
fn an_example_of_one_item_of_the_listed_objects() {
    let text = "# 查询产品规格列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1.0/products\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 1**  参数说明\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| products | Array | 产品列表。 |\n\n\
**表 2**  products参数说明\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n\
| product_id | String | 产品ID。 |\n| spec_code | String | 规格。 |\n| engine | String | 引擎。 |\n\n\
## 响应示例<a name=\"a4\"></a>\n\n```\n{\"product_id\": \"dcs.single\", \"spec_code\": \"dcs.s\", \"engine\": \"redis\"}\n```\n";
    let api = api(&[("p.md", text)]);
    let op = &api.operations[0];
    let body = body_component(op);
    assert!(matches!(
        list_items(&api, body, "products").kind,
        SchemaKind::Ref { .. }
    ));
    let docbind::ir::ExampleValue::Json(example) = &op.responses["200"].examples[0].value else {
        panic!("{:#?}", op.responses["200"].examples)
    };
    assert_eq!(example["products"][0]["engine"], "redis");
    assert!(codes(&api).contains(&"example.item-of-list"));
}

/// An object no table describes whose description lists its fields as bullets with the name
/// marked (`**key** indicates the tag key … at most 36 characters`): an object of those fields,
/// typed and limited by their words; bullets after a colon (`**normal**: …`) list values, and
/// make nothing.
#[test]
fn fields_listed_in_the_description() {
    let text = r#"Querying Tags
=============

URI
---

GET /v1.0/tags

Response
--------

.. table:: **Table 2** Response parameters

   +-----------+------------------+------------------------------------------------------------+
   | Parameter | Type             | Description                                                |
   +===========+==================+============================================================+
   | tags      | Array of objects | List of tags.                                              |
   |           |                  |                                                            |
   |           |                  | -  **key** indicates the tag key, at most 36 characters.   |
   |           |                  | -  **value** indicates the tag value.                      |
   +-----------+------------------+------------------------------------------------------------+
   | status    | Object           | Status per zone.                                           |
   |           |                  |                                                            |
   |           |                  | -  **normal**: the zone is normal.                         |
   |           |                  | -  **abandon**: the zone is abandoned.                     |
   +-----------+------------------+------------------------------------------------------------+
   | taints    | Object           | Each taint contains the following parameters:              |
   |           |                  |                                                            |
   |           |                  | -  **Key**: A key must contain 1 to 63 characters.         |
   |           |                  | -  **Effect**: NoSchedule or NoExecute.                    |
   |           |                  |                                                            |
   |           |                  | Example:                                                   |
   |           |                  |                                                            |
   |           |                  | .. code-block::                                            |
   |           |                  |                                                            |
   |           |                  |    "taints": [{"key": "status", "effect": "NoSchedule"}]   |
   +-----------+------------------+------------------------------------------------------------+
   | k8sTags   | Object           | Tags of a node, key-value pairs.                           |
   |           |                  |                                                            |
   |           |                  | -  **Key**: 1 to 63 characters.                            |
   |           |                  | -  **Value**: at most 63 characters.                       |
   |           |                  |                                                            |
   |           |                  | Example:                                                   |
   |           |                  |                                                            |
   |           |                  | .. code-block::                                            |
   |           |                  |                                                            |
   |           |                  |    "k8sTags": {"key": "value"}                             |
   +-----------+------------------+------------------------------------------------------------+
"#;
    let api = rst_api(text);
    let name = success_body(&api);
    let SchemaKind::Object { fields } = &list_items(&api, name, "tags").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["key", "value"]);
    assert!(matches!(fields[0].schema.kind, SchemaKind::String { .. }));
    assert_eq!(fields[0].schema.constraints.max_length, Some(36));
    assert!(fields.iter().all(|f| !f.required));
    assert_eq!(field(&api, name, "status").kind, SchemaKind::Any);
    // `**Key**:` bullets beside the cell's own example: the fields as the example spells them.
    let SchemaKind::Object { fields } = &field(&api, name, "taints").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["key", "effect"]);
    assert_eq!(fields[0].schema.constraints.max_length, Some(63));
    assert_eq!(
        fields[0].schema.description.as_deref(),
        Some("A key must contain 1 to 63 characters.")
    );
    // An example keyed by other names than the bullets' (`Value` is no key): no fields; its
    // description's `key-value pairs` make it a map.
    assert!(matches!(
        field(&api, name, "k8sTags").kind,
        SchemaKind::Map { .. }
    ));
    let listed = codes(&api)
        .iter()
        .filter(|c| **c == "schema.fields-from-description")
        .count();
    assert_eq!(listed, 2);
}

/// A row standing for one of several keys, each named in a bullet of its description and
/// described by its own table (`backend_define | Object` with `httpEndpoints，参考表 …` and
/// `mockEndpoints，参考表 …`): one optional field per key, of that key's table.
#[test]
fn a_row_standing_for_named_keys() {
    let text = "# 导入API<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/apis/{id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  响应Body参数\n\n\
<table><thead><tr><th>名称</th><th>参数类型</th><th>说明</th></tr></thead><tbody>\
<tr><td>type</td><td>String</td><td>后端类型</td></tr>\
<tr><td>backend_define</td><td>Object</td><td><p>API后端定义</p><ul><li>httpEndpoints，参考<a href=\"#t3\">表 后端httpEndpoints参数说明</a></li><li>mockEndpoints，参考<a href=\"#t4\">表 后端mockEndpoints参数说明</a></li></ul></td></tr>\
</tbody></table>\n\n\
<a name=\"t3\"></a>**表 3**  后端httpEndpoints参数说明\n\n| 名称 | 参数类型 | 说明 |\n| --- | --- | --- |\n| address | String | 地址。 |\n\n\
<a name=\"t4\"></a>**表 4**  后端mockEndpoints参数说明\n\n| 名称 | 参数类型 | 说明 |\n| --- | --- | --- |\n| result_content | String | 返回结果。 |\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Object { fields } = &api.schemas[body].schema.kind else {
        panic!("{body} is not an object")
    };
    let names: Vec<(&str, bool)> = fields
        .iter()
        .map(|f| (f.name.as_str(), f.required))
        .collect();
    assert_eq!(
        names,
        [
            ("type", false),
            ("httpEndpoints", false),
            ("mockEndpoints", false)
        ],
        "{:#?}",
        api.diagnostics
    );
    let SchemaKind::Ref { name } = &field(&api, body, "mockEndpoints").kind else {
        panic!()
    };
    field(&api, name, "result_content");
    assert!(codes(&api).contains(&"field.named-alternatives"));
    assert!(!codes(&api).contains(&"table.orphan"));
}

/// A nested table captioned with a field path whose last step its parent table does not list
/// (`token.roles` beside a `token` table without `roles`): the parent gets that field,
/// optional. Not when another table of the operation lists the field (the request's `role`
/// without `links` beside the response's `role` with it).
#[test]
fn a_nested_table_for_a_field_its_parent_omits() {
    let text = r#"Obtaining a Token
=================

URI
---

POST /v3/tokens

Response Parameters
-------------------

.. table:: **Table 4** Parameters in the response body

   ========= ====== =============
   Parameter Type   Description
   ========= ====== =============
   token     Object Token details.
   ========= ====== =============

.. table:: **Table 5** token

   ========== ====== ================
   Parameter  Type   Description
   ========== ====== ================
   expires_at String Expiry time.
   ========== ====== ================

.. table:: **Table 6** token.roles

   ========= ====== ============
   Parameter Type   Description
   ========= ====== ============
   id        String Role ID.
   name      String Role name.
   ========= ====== ============
"#;
    let api = rst_api(text);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name: token } = &field(&api, body, "token").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let SchemaKind::Ref { name: roles } = &field(&api, token, "roles").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, roles, "name");
    assert!(codes(&api).contains(&"field.from-nested-table"));
    assert!(!codes(&api).contains(&"table.orphan"));

    let listed_elsewhere = r#"Creating a Role
===============

URI
---

POST /v3/roles

Request Parameters
------------------

.. table:: **Table 2** Parameters in the request body

   ========= ====== ============
   Parameter Type   Description
   ========= ====== ============
   role      Object Role.
   ========= ====== ============

.. table:: **Table 3** role

   ========= ====== ============
   Parameter Type   Description
   ========= ====== ============
   name      String Role name.
   ========= ====== ============

Response Parameters
-------------------

.. table:: **Table 4** Parameters in the response body

   ========= ====== ============
   Parameter Type   Description
   ========= ====== ============
   role      Object Role.
   ========= ====== ============

.. table:: **Table 5** role

   ========= ====== ============
   Parameter Type   Description
   ========= ====== ============
   name      String Role name.
   links     Object Links.
   ========= ====== ============

.. table:: **Table 6** role.links

   ========= ====== ============
   Parameter Type   Description
   ========= ====== ============
   self      String Link.
   ========= ====== ============
"#;
    let api = rst_api(listed_elsewhere);
    assert!(
        !codes(&api).contains(&"field.from-nested-table"),
        "{:#?}",
        api.diagnostics
    );
}

/// A type linked to a table whose caption qualifies the type's name (`:ref:\`metadata <…>\`
/// object` → `metadata Field Description for Creating Disks`) is that table, though another
/// table is named just `metadata`.
#[test]
fn a_type_linked_to_a_qualified_table() {
    let text = r#"Creating a Configuration
========================

URI
---

POST /autoscaling-api/v1/configs

Response
--------

.. table:: **Table 2** Response parameters

   ======== ========================================== ==============
   Parameter Type                                      Description
   ======== ========================================== ==============
   disk     :ref:`disk <t3>` object                    Disk.
   metadata :ref:`metadata <t10>` object               ECS metadata.
   ======== ========================================== ==============

.. _t3:

.. table:: **Table 3** **disk** field description

   ======== ========================================== ==============
   Parameter Type                                      Description
   ======== ========================================== ==============
   size     Integer                                    Disk size.
   metadata :ref:`metadata <t5>` object                Disk metadata.
   ======== ========================================== ==============

.. _t5:

.. table:: **Table 5** **metadata** Field Description for Creating Disks

   ================== ====== ===========
   Parameter          Type   Description
   ================== ====== ===========
   system_encrypted   String Encryption.
   ================== ====== ===========

.. _t10:

.. table:: **Table 10** **metadata** field description

   ========== ====== ===========
   Parameter  Type   Description
   ========== ====== ===========
   admin_pass String Password.
   ========== ====== ===========
"#;
    let api = rst_api(text);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name: disk } = &field(&api, body, "disk").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let SchemaKind::Ref {
        name: disk_metadata,
    } = &field(&api, disk, "metadata").kind
    else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, disk_metadata, "system_encrypted");
    let SchemaKind::Ref { name: metadata } = &field(&api, body, "metadata").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, metadata, "admin_pass");
    assert!(
        !codes(&api).contains(&"table.orphan"),
        "{:#?}",
        api.diagnostics
    );
}

/// A string field whose description refers to a table named after it (`model_metric_list |
/// String | …具体请参见表3` with `表3 model_metric_list属性列表`) holds JSON text that table
/// describes: the field stays a string, the table is its content's schema (and no orphan). A
/// string referring to a table named otherwise (an ID "see Table 4" for the list of flavors)
/// only relates to that object.
#[test]
fn a_string_holding_json_a_table_describes() {
    let text = "# 查询作业<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/jobs/{id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  响应参数\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| model_metric_list | String | 模型评测参数。具体请参见表3。 |\n\
| flavor | String | 规格ID。取值请参见表4。 |\n\n\
**表 3**  model_metric_list属性列表\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| metric | Array of Double | 指标。 |\n| total | Double | 总分。 |\n\n\
**表 4**  flavors属性列表\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| flavor_id | String | 规格ID。 |\n| cpu | Integer | 核数。 |\n\n\
## 响应示例<a name=\"a4\"></a>\n\n```\n{\"model_metric_list\": \"{\\\"metric\\\": [0.5], \\\"total\\\": 0.5}\", \"flavor\": \"s1\"}\n```\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let metrics = field(&api, body, "model_metric_list");
    assert!(
        matches!(metrics.kind, SchemaKind::String { .. }),
        "{metrics:#?}"
    );
    let Some(SchemaKind::Ref { name }) = metrics.json_content.as_deref().map(|c| &c.kind) else {
        panic!("{:#?}", api.diagnostics)
    };
    let SchemaKind::Object { fields } = &api.schemas[name].schema.kind else {
        panic!("{name} is not an object")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["metric", "total"]);
    assert!(codes(&api).contains(&"schema.json-text"));
    let flavor = field(&api, body, "flavor");
    assert!(flavor.json_content.is_none(), "{flavor:#?}");

    // Both OpenAPI versions say how to read the text; the Rust field stays a String and names
    // the type to parse it into.
    let v31 =
        docbind::emit::openapi::to_openapi(&api, docbind::emit::openapi::OpenApiVersion::V3_1_0);
    let property = &v31["components"]["schemas"][body]["properties"]["model_metric_list"];
    assert_eq!(property["type"], "string");
    assert_eq!(property["contentMediaType"], "application/json");
    assert!(
        property["contentSchema"]["$ref"].as_str().is_some(),
        "{property:#}"
    );
    let v30 =
        docbind::emit::openapi::to_openapi(&api, docbind::emit::openapi::OpenApiVersion::V3_0_3);
    let property = &v30["components"]["schemas"][body]["properties"]["model_metric_list"];
    assert!(property.get("contentSchema").is_none());
    assert!(
        property["x-docbind-json-content"]["$ref"]
            .as_str()
            .is_some(),
        "{property:#}"
    );
    let files =
        docbind::emit::rust::generate_crate(&api, &docbind::emit::rust::RustOptions::ad_hoc("t"))
            .expect("crate");
    let models = &files[std::path::Path::new("src/models.rs")];
    assert!(
        models.contains("pub model_metric_list: Option<String>")
            && models.contains("JSON text of [`"),
        "{models}"
    );
}

/// Keys the examples hold that the table lacks (`id`, `provisioning_status` of a load balancer
/// whose table was copied from the create request) are added as optional fields typed by the
/// examples' values; examples disagreeing on a type widen it (integer and fraction: number;
/// otherwise free-form); keys that are no names, objects that hold no documented field (a
/// wrapper) and a key shown only where a documented field of its type is missing (`descripton`)
/// add nothing.
#[test]
fn fields_the_examples_hold_and_the_table_lacks() {
    let text = "# 查询负载均衡器<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2/lbs/{id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  响应参数\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| name | String | 名称。 |\n| description | String | 描述。 |\n\n\
## 响应示例<a name=\"a4\"></a>\n\n\
```\n{\"name\": \"lb1\", \"description\": \"d\", \"id\": \"x1\", \"weight\": 1, \"size\": 1, \"tags\": [\"a\", \"b\"], \"/odd key\": 1}\n```\n\n\
```\n{\"name\": \"lb4\", \"descripton\": \"misspelt\"}\n```\n\n\
```\n{\"name\": \"lb2\", \"id\": \"x2\", \"weight\": 1.5, \"size\": \"big\"}\n```\n\n\
```\n{\"wrapper\": {\"name\": \"lb3\"}}\n```\n";
    let api = api(&[("p.md", text)]);
    let body = success_body(&api);
    let SchemaKind::Object { fields } = &api.schemas[body].schema.kind else {
        panic!("{body} is not an object")
    };
    let added: Vec<(&str, bool, &str)> = fields
        .iter()
        .map(|f| (f.name.as_str(), f.required, f.schema.kind.json_type()))
        .collect();
    assert_eq!(
        added,
        [
            ("name", false, "string"),
            ("description", false, "string"),
            ("id", false, "string"),
            ("weight", false, "number"),
            ("size", false, "any"),
            ("tags", false, "array"),
        ],
        "{:#?}",
        api.diagnostics
    );
    assert!(matches!(
        list_items(&api, body, "tags").kind,
        SchemaKind::String { .. }
    ));
    let notes = codes(&api)
        .iter()
        .filter(|c| **c == "field.from-example")
        .count();
    assert_eq!(notes, 4, "one per added field");
    // What is not added is said: the key that is no name, the misspelt field, the object
    // holding none of the table's fields.
    let mut said: Vec<&str> = api
        .diagnostics
        .iter()
        .filter(|d| d.code == "example.undeclared-key")
        .map(|d| {
            if d.message.contains("misspelt") {
                "misspelt"
            } else if d.message.contains("holding none") {
                "unheld"
            } else {
                "not a name"
            }
        })
        .collect();
    said.sort();
    assert_eq!(
        said,
        ["misspelt", "not a name", "unheld"],
        "{:#?}",
        api.diagnostics
    );
}

/// A table of two rows, `key` and `value`, describes one entry of a map when the examples hold
/// entries (`"max_connections": "10"`) instead of those two keys: the object is a map of the
/// `value` row. A table of the same rows whose example holds `key` and `value` (a tag) stays an
/// object, and so does a list of such objects.
#[test]
fn a_key_and_value_table_describing_a_map_entry() {
    let text = "# 查询参数<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v3/configurations/{id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  响应参数\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| name | String | 名称。 |\n| values | 字典数据结构 | 参数值，详见[表3](#t3)。 |\n| tag | Object | 标签，详见[表4](#t4)。 |\n\
| tags | Array of objects | 标签列表，详见[表4](#t4)。 |\n\n\
<a name=\"t3\"></a>**表 3**  values字段数据结构说明\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| key | String | 参数名称，如\"max_connections\": \"10\"中的max_connections。 |\n| value | String | 参数值。 |\n\n\
<a name=\"t4\"></a>**表 4**  tag字段数据结构说明\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| key | String | 键。 |\n| value | String | 值。 |\n\n\
## 响应示例<a name=\"a4\"></a>\n\n\
```\n{\"name\": \"c1\", \"values\": {\"max_connections\": \"10\", \"autocommit\": \"OFF\"}, \"tag\": {\"key\": \"k\", \"value\": \"v\"}, \"tags\": [{\"key\": \"k\", \"value\": \"v\"}]}\n```\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let values = match &field(&api, body, "values").kind {
        SchemaKind::Ref { name } => &api.schemas[name].schema,
        _ => field(&api, body, "values"),
    };
    let SchemaKind::Map { values: entry } = &values.kind else {
        panic!("values is not a map: {values:#?}\n{:#?}", api.diagnostics)
    };
    assert!(matches!(entry.kind, SchemaKind::String { .. }));
    let SchemaKind::Ref { name: tag } = &field(&api, body, "tag").kind else {
        panic!("tag is not a reference")
    };
    field(&api, tag, "key");
    field(&api, tag, "value");
    assert!(matches!(
        list_items(&api, body, "tags").kind,
        SchemaKind::Ref { .. }
    ));
    let keyed = codes(&api)
        .iter()
        .filter(|c| **c == "schema.keyed-by-example")
        .count();
    assert_eq!(keyed, 1, "{:#?}", api.diagnostics);
    assert!(!codes(&api).contains(&"field.from-example"));
}

/// A body table whose one row is named `-` describes the body itself: the body is that row's
/// type (the next table's object, listed as the example shows; a file, as bytes), never an
/// object with a field named `-`.
#[test]
fn a_table_whose_one_row_is_nameless() {
    let list = "# 绑定签名密钥<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v1/sign-bindings\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 3**  参数说明\n\n| 名称 | 类型 | 说明 |\n| --- | --- | --- |\n| - | 字典数据类型 | 绑定关系列表 |\n\n\
**表 4**  字典类型响应参数\n\n| 名称 | 类型 | 说明 |\n| --- | --- | --- |\n| id | String | 绑定关系的ID |\n| sign_id | String | 签名密钥的编号 |\n\n\
响应消息样例：\n\n```\n[{\"id\": \"b1\", \"sign_id\": \"s1\"}]\n```\n";
    let file = "# 下载模板<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2/charts/{id}/archive\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  响应参数\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n| - | File | 模板包。 |\n";
    let api = api(&[("a.md", list), ("b.md", file)]);
    assert_references_resolve(&api);
    let bind = api
        .operations
        .iter()
        .find(|o| o.path.contains("sign"))
        .unwrap();
    let body = bind.responses["200"].body.as_ref().expect("a body");
    assert_eq!(body.content_type, "application/json");
    let mut schema = &body.schema;
    while let SchemaKind::Ref { name } = &schema.kind {
        schema = &api.schemas[name].schema;
    }
    let SchemaKind::Object { fields } = &schema.kind else {
        panic!("{schema:#?}")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["id", "sign_id"], "{:#?}", api.diagnostics);
    let archive = api
        .operations
        .iter()
        .find(|o| o.path.contains("archive"))
        .unwrap();
    let body = archive.responses["200"].body.as_ref().expect("a body");
    assert_eq!(body.content_type, "application/octet-stream");
    let nameless = codes(&api)
        .iter()
        .filter(|c| **c == "schema.nameless-row")
        .count();
    assert_eq!(nameless, 2);
}

/// A list named in the plural whose item table is named in the singular, with no link between
/// them (`instances | Array | 实例的详情数组`, then `表 3 instance参数说明`): the list's items are
/// that table's objects. A scalar field of the singular's name is not matched.
#[test]
fn a_list_named_in_the_plural_of_its_item_table() {
    let text = "# 查询所有实例列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1.0/{project_id}/instances\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 2**  参数说明\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| instances | Array | 实例的详情数组。 |\n| instance_num | Integer | 实例个数。 |\n\n\
**表 3**  instance参数说明\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| name | String | 实例名称。 |\n| port | Integer | 端口。 |\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name } = &list_items(&api, body, "instances").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, name, "port");
    assert!(!codes(&api).contains(&"table.orphan"));
    assert!(!codes(&api).contains(&"schema.free-form"));
}

/// A table no field references, captioned with a plain name the examples show as a key of an
/// object whose table lacks it (`loadbalancer` copied from the create request, without
/// `listeners`; `Table 4 listeners parameter description`; responses holding `"listeners":
/// [{"id": …}]`): the object gets that field, a list of that table's objects. A table whose name
/// no example shows stays an orphan.
#[test]
fn a_table_tied_to_its_field_by_the_examples() {
    let text = r#"Querying Load Balancers
=======================

URI
---

GET /v2.0/lbaas/loadbalancers

Response
--------

.. table:: **Table 2** Response parameters

   +---------------+-------+-----------------------------------------------+
   | Parameter     | Type  | Description                                   |
   +===============+=======+===============================================+
   | loadbalancers | Array | Lists the load balancers. See :ref:`Table 3`. |
   +---------------+-------+-----------------------------------------------+

.. _t3:

.. table:: **Table 3** **loadbalancer** parameter description

   +-------------+--------+------------------------------+
   | Parameter   | Type   | Description                  |
   +=============+========+==============================+
   | name        | String | Specifies the name.          |
   +-------------+--------+------------------------------+

.. table:: **Table 4** **listeners** parameter description

   +-----------+--------+----------------------------------+
   | Parameter | Type   | Description                      |
   +===========+========+==================================+
   | id        | String | Specifies the listener ID.       |
   +-----------+--------+----------------------------------+

.. table:: **Table 5** **certificates** parameter description

   +-----------+--------+----------------------------------+
   | Parameter | Type   | Description                      |
   +===========+========+==================================+
   | id        | String | Specifies the certificate ID.    |
   +-----------+--------+----------------------------------+

Example Response
----------------

.. code-block::

   {"loadbalancers": [{"name": "lb1", "listeners": [{"id": "l1"}]}]}
"#;
    let api = rst_api(text);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name: lb } = &list_items(&api, body, "loadbalancers").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let SchemaKind::Ref { name: listener } = &list_items(&api, lb, "listeners").kind else {
        panic!(
            "listeners is not a list of the table's objects: {:#?}",
            api.schemas[lb.as_str()]
        )
    };
    field(&api, listener, "id");
    assert!(codes(&api).contains(&"field.from-example-table"));
    // Nothing shows `certificates`: still an orphan (and no key added from the example).
    let orphans = codes(&api).iter().filter(|c| **c == "table.orphan").count();
    assert_eq!(orphans, 1, "{:#?}", api.diagnostics);
    assert!(!codes(&api).contains(&"field.from-example"));
}

/// An object no table describes whose description says it is a map (`key-value pairs`,
/// `参数类型是map<string,string>`) is a map from string keys: of the stated scalar values, else of
/// free-form ones. An object whose description says nothing of the kind stays free-form.
#[test]
fn an_object_its_description_calls_a_map() {
    let text = "# 创建任务<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/tasks/{id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  响应参数\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| labels | Object | Labels in the format of key-value pairs. |\n\
| params | Object | 算子参数，参数类型是map&lt;string,string&gt;。 |\n\
| options | Object | 键值对形式的选项。 |\n\
| spec | Object | 任务规格。 |\n";
    let api = api(&[("p.md", text)]);
    let body = success_body(&api);
    let values = |name: &str| match &field(&api, body, name).kind {
        SchemaKind::Map { values } => values.kind.clone(),
        other => panic!("{name} is not a map: {other:?}"),
    };
    assert_eq!(values("labels"), SchemaKind::Any);
    assert_eq!(values("params"), SchemaKind::String { format: None });
    assert_eq!(values("options"), SchemaKind::Any);
    assert_eq!(field(&api, body, "spec").kind, SchemaKind::Any);
    let maps = codes(&api)
        .iter()
        .filter(|c| **c == "schema.map-from-description")
        .count();
    assert_eq!(maps, 3);
}

/// A type name no table describes: one letter off a scalar type is that scalar (`doubule`);
/// naming a kind of value the description lists is a field of those values (`Array<Storage
/// type>` with `Options: **obs**, **evs**`); anything else stays a free-form value.
#[test]
fn type_names_no_table_describes() {
    let text = "# 查询规格<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/flavors\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 2**  响应参数\n\n| 参数 | 参数类型 | 说明 |\n| --- | --- | --- |\n\
| price | doubule | 价格。 |\n\
| storage_list | Array&lt;Storage type&gt; | 支持的存储类型。可选值：**obs**、**evs**。 |\n\
| predictor | Predictor | 预测器。 |\n";
    let api = api(&[("p.md", text)]);
    let body = success_body(&api);
    assert!(
        matches!(field(&api, body, "price").kind, SchemaKind::Number { .. }),
        "{:#?}",
        api.diagnostics
    );
    let items = list_items(&api, body, "storage_list");
    assert!(
        matches!(items.kind, SchemaKind::String { .. }),
        "{items:#?}"
    );
    assert_eq!(field(&api, body, "predictor").kind, SchemaKind::Any);
    let c = codes(&api);
    assert!(c.contains(&"type.resolved-near-miss") && c.contains(&"type.names-value-list"));
    assert_eq!(c.iter().filter(|c| **c == "type.unresolved").count(), 1);
}

/// Object rows with neither link nor shared name whose descriptions open with the caption of a
/// table of the operation (`vpc_health_config | 字典数据类型 | 健康检查详情，仅…` and `表 4
/// 健康检查详情`): each takes that table, whatever the order of the tables.
#[test]
fn a_table_captioned_with_the_fields_description() {
    let text = "# 更新VPC通道<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/vpc-channels/{id}\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 3**  参数说明\n\n| 名称 | 类型 | 说明 |\n| --- | --- | --- |\n| name | String | 名称。 |\n\
| vpc_health_config | 字典数据类型 | 健康检查详情，仅VPC通道类型为2时有效。 |\n| vpc_instances | 字典数据类型 | 后端实例列表。 |\n\n\
**表 4**  后端实例列表\n\n| 名称 | 类型 | 说明 |\n| --- | --- | --- |\n| instance_id | String | 实例ID。 |\n\n\
**表 5**  健康检查详情\n\n| 名称 | 类型 | 说明 |\n| --- | --- | --- |\n| port | Integer | 端口。 |\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name: health } = &field(&api, body, "vpc_health_config").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, health, "port");
    let SchemaKind::Ref { name: instances } = &field(&api, body, "vpc_instances").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, instances, "instance_id");
    assert!(!codes(&api).contains(&"table.orphan"));
}

/// A success response documented by its example alone (an empty `响应参数` section, then
/// `状态码： 200` and `{"agency_name": "…"}`) gets a body typed from its examples, one optional
/// field per key; an error response documented the same way keeps no body.
#[test]
fn a_success_response_documented_by_its_example_alone() {
    let text = "# 创建委托<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v2/{project_id}/agency\n\n## 响应参数<a name=\"a3\"></a>\n\n无\n\n\
## 响应示例<a name=\"a4\"></a>\n\n**状态码： 200**\n\nOK\n\n```\n{\n  \"agency_name\": \"ma_agency_iam-user01\",\n  \"count\": 2\n}\n```\n\n\
**状态码： 400**\n\nBad Request\n\n```\n{\n  \"error_code\": \"ModelArts.0001\"\n}\n```\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let op = &api.operations[0];
    let body = op.responses["200"]
        .body
        .as_ref()
        .unwrap_or_else(|| panic!("{:#?}", api.diagnostics));
    let SchemaKind::Ref { name } = &body.schema.kind else {
        panic!("{:#?}", body.schema)
    };
    assert!(matches!(
        field(&api, name, "agency_name").kind,
        SchemaKind::String { .. }
    ));
    assert!(matches!(
        field(&api, name, "count").kind,
        SchemaKind::Integer { .. }
    ));
    assert!(op.responses.get("400").is_none_or(|r| r.body.is_none()));
    assert!(codes(&api).contains(&"body.from-example"));
}

/// Neutron-style type cells: a string with its length in parentheses (`String(64)`,
/// `String (255)`), a list naming its item table in parentheses (`List(nat_gateway)`) or
/// describing it in prose (`List (NAT gateways)`, item table found by the field's name), and
/// scalar alternatives or qualified scalars (`Str or Int`, `StrorInt`, `Uuid-Str`). None of them
/// is an unknown spelling or an unresolved type any more.
#[test]
fn sized_listed_and_alternative_scalar_type_spellings() {
    let text = "# 查询网关列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2.0/gateways\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 1**  响应参数\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| gateways | List(gateway) | gateway对象列表。 |\n| routers | List (Routers of the tenant) | 路由器列表。 |\n\n\
**表 2**  gateway字段说明\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| id | Uuid-Str | 网关的id。 |\n| name | String(64) | 网关名称。 |\n| description | String (255) | 描述。 |\n| protocol | Str or Int | 协议。 |\n| port | StrorInt | 端口。 |\n| count | Integer or Long | 数量。 |\n\n\
**表 3**  routers字段说明\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| router_id | uuid | 路由器的id。 |\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    for code in ["type.unknown", "type.unresolved", "table.orphan"] {
        assert!(!codes(&api).contains(&code), "{:#?}", api.diagnostics);
    }
    let body = success_body(&api);
    let SchemaKind::Ref { name: gateway } = &list_items(&api, body, "gateways").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    assert!(matches!(
        field(&api, gateway, "id").kind,
        SchemaKind::String { .. }
    ));
    let name = field(&api, gateway, "name");
    assert!(matches!(name.kind, SchemaKind::String { .. }));
    assert_eq!(name.constraints.max_length, Some(64));
    assert_eq!(
        field(&api, gateway, "description").constraints.max_length,
        Some(255)
    );
    assert!(matches!(
        field(&api, gateway, "protocol").kind,
        SchemaKind::Any
    ));
    assert!(matches!(field(&api, gateway, "port").kind, SchemaKind::Any));
    assert!(matches!(
        field(&api, gateway, "count").kind,
        SchemaKind::Integer {
            format: docbind::ir::IntFormat::Int64
        }
    ));
    let SchemaKind::Ref { name: router } = &list_items(&api, body, "routers").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    assert!(matches!(
        field(&api, router, "router_id").kind,
        SchemaKind::String { .. }
    ));
}

/// Nested tables titled by a list item that says which field they describe, with no `Table N`
/// caption: `snapshot参数说明` (Huawei), `Parameters in the **snapshot** field` and `Description
/// of field **tag**` (OTC). They were second body tables, ignored; each is the field's table.
#[test]
fn tables_titled_by_the_field_they_describe() {
    let md = "# 更新快照<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPUT /v2/snapshots/{id}\n\n## 请求消息<a name=\"a3\"></a>\n\n\
-   请求参数\n\n    | 参数 | 参数类型 | 是否必选 | 描述 |\n    | --- | --- | --- | --- |\n    | snapshot | Object | 是 | 待更新的快照信息，请参见snapshot参数说明。 |\n\n\
-   snapshot参数说明\n\n    | 参数 | 参数类型 | 是否必选 | 描述 |\n    | --- | --- | --- | --- |\n    | name | String | 否 | 名称。 |\n    | description | String | 否 | 描述。 |\n";
    let api = api(&[("p.md", md)]);
    assert_references_resolve(&api);
    let op = &api.operations[0];
    let SchemaKind::Ref { name } = &op.request_body.as_ref().expect("a body").schema.kind else {
        panic!()
    };
    let SchemaKind::Ref { name: snapshot } = &field(&api, name, "snapshot").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, snapshot, "description");
    assert!(
        !codes(&api).contains(&"table.unclassified"),
        "{:#?}",
        api.diagnostics
    );

    let rst = r#"Creating a Snapshot
===================

URI
---

POST /v2/{project_id}/snapshots

Request
-------

-  Parameter description

   +-----------+--------+-----------+------------------------------------+
   | Parameter | Type   | Mandatory | Description                        |
   +===========+========+===========+====================================+
   | snapshot  | Object | Yes       | The snapshot to create.            |
   +-----------+--------+-----------+------------------------------------+
   | tags      | Array  | No        | The tags.                          |
   +-----------+--------+-----------+------------------------------------+

-  Parameters in the **snapshot** field

   +-----------+--------+-----------+------------------------------------+
   | Parameter | Type   | Mandatory | Description                        |
   +===========+========+===========+====================================+
   | volume_id | String | Yes       | The ID of the snapshot's disk.     |
   +-----------+--------+-----------+------------------------------------+

-  Description of field **tag**

   +-----------+--------+-----------+------------------------------------+
   | Parameter | Type   | Mandatory | Description                        |
   +===========+========+===========+====================================+
   | key       | String | Yes       | The tag key.                       |
   +-----------+--------+-----------+------------------------------------+
"#;
    let api = rst_api(rst);
    assert_references_resolve(&api);
    let op = &api.operations[0];
    let SchemaKind::Ref { name } = &op.request_body.as_ref().expect("a body").schema.kind else {
        panic!()
    };
    let SchemaKind::Ref { name: snapshot } = &field(&api, name, "snapshot").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, snapshot, "volume_id");
    let SchemaKind::Ref { name: tag } = &list_items(&api, name, "tags").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, tag, "key");
    for code in ["table.unclassified", "table.orphan", "schema.free-form"] {
        assert!(!codes(&api).contains(&code), "{:#?}", api.diagnostics);
    }
}

/// One code block holding alternative bodies separated by a line saying `Or`: two request
/// examples (the second one damaged by the documentation is kept as text, said as such), and an
/// OpenStack-style fault (`{"itemNotFound": {"message": …, "code": …}}`) under a success example
/// is a failure example, not the success response's.
#[test]
fn alternatives_in_one_block_and_wrapped_faults() {
    let rst = r#"Tagging a Gateway
=================

URI
---

POST /v2.0/gateways/{id}/tags/action

Request
-------

-  Parameter description

   +-----------+--------+-----------+------------------------------------+
   | Parameter | Type   | Mandatory | Description                        |
   +===========+========+===========+====================================+
   | action    | String | Yes       | create or delete.                  |
   +-----------+--------+-----------+------------------------------------+

-  Example request

   .. code-block:: text

      POST https://{endpoint}/v2.0/gateways/9ad6/tags/action
      {
          "action": "create"
      }
      Or
      {
          "action": "delete"
      }
      Or
      {
          "action": "delete
      }

Response
--------

-  Parameter description

   +-----------+--------+------------------------------------+
   | Parameter | Type   | Description                        |
   +===========+========+====================================+
   | id        | String | The gateway ID.                    |
   +-----------+--------+------------------------------------+

-  Example response

   .. code-block::

      {
          "id": "g1"
      }

   In the preceding example, **error** indicates a general error, for example:

   .. code-block::

      {
          "itemNotFound": {
              "message": "XXXX",
              "code": "XXX"
          }
      }

Status Codes
------------

=========== ===========
Status Code Description
=========== ===========
200         OK
404         Not found
=========== ===========
"#;
    let api = rst_api(rst);
    let op = &api.operations[0];
    let requests: Vec<&docbind::ir::ExampleValue> = op
        .request_body
        .as_ref()
        .expect("a body")
        .examples
        .iter()
        .map(|e| &e.value)
        .collect();
    assert_eq!(requests.len(), 3, "{:#?}", api.diagnostics);
    assert_eq!(
        requests[1],
        &docbind::ir::ExampleValue::Json(serde_json::json!({"action": "delete"}))
    );
    assert!(matches!(requests[2], docbind::ir::ExampleValue::Text(_)));
    assert!(codes(&api).contains(&"example.alternatives"));
    assert_eq!(op.responses["200"].examples.len(), 1);
    assert_eq!(
        op.responses["404"].examples.len(),
        1,
        "{:#?}",
        api.diagnostics
    );
}

/// An object described once, on another page (older Neutron-style references): the create page
/// says `gateway | Dict | gateway对象。` and the list page holds `表 3 gateway字段说明`; a list
/// names its item type (`rules | List(rule)`) described elsewhere. Both take that table (a
/// note says which page). A field whose description does not call it that object (`params |
/// Dict | 参数。`) stays free-form even when another page has a `params` table: a field name
/// alone is no evidence.
#[test]
fn an_object_described_on_another_page_of_the_reference() {
    let create = "# 创建网关<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v2.0/gateways\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 1**  响应参数\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| gateway | Dict | gateway对象。 |\n| rules | List(rule) | 规则列表。 |\n| params | Dict | 参数。 |\n";
    let list = "# 查询网关列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2.0/gateways\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 2**  响应参数\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| gateways | List(gateway) | gateway对象列表。 |\n\n\
**表 3**  gateway字段说明\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| id | String | 网关的id。 |\n| name | String(64) | 名称。 |\n";
    let rules = "# 查询规则<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2.0/rules/{id}\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 1**  响应参数\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| rule | Dict | 规则。详见表2。 |\n| params | Dict | 参数。详见表3。 |\n\n\
**表 2**  rule字段说明\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| port | Integer | 端口。 |\n\n\
**表 3**  params字段说明\n\n| 参数名称 | 类型 | 说明 |\n| --- | --- | --- |\n| cpu | Integer | CPU。 |\n";
    let api = api(&[
        ("create.md", create),
        ("list.md", list),
        ("rules.md", rules),
    ]);
    assert_references_resolve(&api);
    let create = api
        .operations
        .iter()
        .find(|o| o.method == docbind::ir::HttpMethod::Post)
        .unwrap();
    let body = body_component(create);
    let SchemaKind::Ref { name: gateway } = &field(&api, body, "gateway").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    assert_eq!(
        field(&api, gateway, "name").constraints.max_length,
        Some(64)
    );
    let SchemaKind::Ref { name: rule } = &list_items(&api, body, "rules").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, rule, "port");
    assert!(matches!(field(&api, body, "params").kind, SchemaKind::Any));
    let elsewhere = codes(&api)
        .iter()
        .filter(|c| **c == "type.table-on-another-page")
        .count();
    assert_eq!(elsewhere, 2, "{:#?}", api.diagnostics);
}

/// Two pages, one `POST …/action`: bodies that share no field (`{"os-start": {…}}`,
/// `{"os-stop": {…}}`) are two actions of one endpoint, told apart by the body. The request body
/// holds both keys, each optional, with both pages' examples (the first page used to win alone:
/// a client could only stop servers). Bodies sharing a field stay one action documented twice.
#[test]
fn actions_of_one_endpoint_told_apart_by_the_body() {
    let page = |title: &str, key: &str| {
        format!(
            "# {title}<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v1/{{project_id}}/servers/action\n\n## 请求消息<a name=\"a3\"></a>\n\n\
**表 1**  请求参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| {key} | 是 | Object | 操作，详情请参见表2。 |\n\n\
**表 2**  {key}字段数据结构说明\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| servers | 是 | Array of strings | 云服务器ID列表。 |\n\n\
## 请求示例<a name=\"a4\"></a>\n\n```\n{{\"{key}\": {{\"servers\": [\"s1\"]}}}}\n```\n"
        )
    };
    let start = page("批量启动云服务器", "os-start");
    let stop = page("批量关闭云服务器", "os-stop");
    let api = api(&[("start.md", &start), ("stop.md", &stop)]);
    assert_references_resolve(&api);
    assert_eq!(api.operations.len(), 1);
    let body = api.operations[0].request_body.as_ref().expect("a body");
    let SchemaKind::Object { fields } = &body.schema.kind else {
        panic!("{:#?}", body.schema)
    };
    let keys: Vec<(&str, bool)> = fields
        .iter()
        .map(|f| (f.name.as_str(), f.required))
        .collect();
    assert_eq!(keys, [("os-start", false), ("os-stop", false)]);
    assert_eq!(body.examples.len(), 2);
    assert!(codes(&api).contains(&"merge.alternative-bodies"));
    assert!(!codes(&api).contains(&"merge.field-only-in-one"));
}

/// Field tables whose name column is headed `Attribute` (OTC VPC pages) are read like any other;
/// a table read for fields whose header names no column of field names is said
/// (`table.no-name-column`), not silently an object without fields.
#[test]
fn attribute_columns_and_tables_without_a_name_column() {
    let rst = r#"Creating a Peering
==================

URI
---

POST /v2.0/vpc/peerings

Request Message
---------------

.. table:: **Table 1** Request parameter

   +-----------+-----------+-------------------------------------------+--------------------------+
   | Parameter | Mandatory | Type                                      | Description              |
   +===========+===========+===========================================+==========================+
   | peering   | Yes       | :ref:`peering <label_peering>` object     | The peering connection.  |
   +-----------+-----------+-------------------------------------------+--------------------------+
   | extra     | No        | :ref:`extra <label_extra>` object         | Extra settings.          |
   +-----------+-----------+-------------------------------------------+--------------------------+

.. _label_peering:

.. table:: **Table 2** Description of the **peering** field

   +------------------+-----------+--------+--------------------------+
   | Attribute        | Mandatory | Type   | Description              |
   +==================+===========+========+==========================+
   | name             | Yes       | String | The name.                |
   +------------------+-----------+--------+--------------------------+

.. _label_extra:

.. table:: **Table 3** Description of the **extra** field

   +------------------+--------+--------------------------+
   | Key              | Type   | Description              |
   +==================+========+==========================+
   | mode             | String | The mode.                |
   +------------------+--------+--------------------------+
"#;
    let api = rst_api(rst);
    assert_references_resolve(&api);
    let op = &api.operations[0];
    let SchemaKind::Ref { name } = &op.request_body.as_ref().expect("a body").schema.kind else {
        panic!()
    };
    let SchemaKind::Ref { name: peering } = &field(&api, name, "peering").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    assert!(field(&api, peering, "name").description.is_some());
    assert!(
        codes(&api).contains(&"table.no-name-column"),
        "{:#?}",
        api.diagnostics
    );
}

/// A response section with no body table, whose first table is captioned with the name of its
/// own row (`表 2 backups字段数据结构说明` listing `backups | Array of backup objects`) and whose
/// second describes one item under the same caption: the first is the body, the second the
/// items (they were an orphan and a body typed from the example alone).
#[test]
fn a_response_table_captioned_with_its_own_row() {
    let text = "# 查询快照列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1.0/{project_id}/clusters/{cluster_id}/index_snapshots\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 2**  backups字段数据结构说明\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| backups | Array of backup objects | 快照列表。 |\n\n\
**表 3**  backups字段数据结构说明\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| id | String | 快照ID。 |\n| name | String | 快照名称。 |\n\n\
## 示例<a name=\"a4\"></a>\n\n响应示例\n\n```\n{\"backups\": [{\"id\": \"b1\", \"name\": \"s1\"}]}\n```\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name: backup } = &list_items(&api, body, "backups").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, backup, "name");
    for code in ["table.orphan", "body.from-example"] {
        assert!(!codes(&api).contains(&code), "{:#?}", api.diagnostics);
    }
    assert!(codes(&api).contains(&"body.self-naming-table"));
}

/// Older pages caption their header table `Header说明` (in the URI section): it is the request
/// headers' table (the token header is the runtime's), not an orphan object named `Header`.
#[test]
fn a_header_table_captioned_header_shuo_ming() {
    let text = "# 获取任务列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\n-   URI格式\n\n    GET /v1.0/{project_id}/tasks\n\n\
-   Header说明\n\n    **表 2**  Header说明\n\n    | 名称 | 是否必选 | 说明 |\n    | --- | --- | --- |\n    | X-Auth-Token | 是 | 用户Token。 |\n    | X-Language | 是 | 请求语言类型。 |\n\n\
## 正常响应<a name=\"a3\"></a>\n\n**表 4**  要素说明\n\n| 名称 | 参数类型 | 说明 |\n| --- | --- | --- |\n| total_record | Int | 总记录数。 |\n";
    let api = api(&[("p.md", text)]);
    assert!(
        !codes(&api).contains(&"table.orphan"),
        "{:#?}",
        api.diagnostics
    );
    let op = &api.operations[0];
    assert!(
        op.parameters
            .iter()
            .any(|p| p.name == "X-Language" && p.location == ParamLocation::Header),
        "{:#?}",
        op.parameters
    );
}

/// A list the documentation leaves free-form (`tags | Array of objects`, no link) beside a table
/// nobody references whose rows are exactly the keys the examples show in its items
/// (`表 2 resource_tag数据结构说明`: `key`, `value`; `"tags": [{"key": …, "value": …}]`): the
/// list is of that table. A table whose rows the examples do not match exactly stays an orphan.
#[test]
fn a_free_form_list_tied_to_a_table_by_the_keys_its_examples_show() {
    let text = "# 查询镜像标签<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2/{project_id}/images/{image_id}/tags\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 1**  响应参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| tags | Array of objects | 标签列表 |\n\n\
**表 2**  resource_tag数据结构说明\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| key | String | 标签的键 |\n| value | String | 标签的值 |\n\n\
**表 3**  other数据结构说明\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| key | String | 键 |\n| size | Integer | 大小 |\n\n\
响应样例\n\n```\n{\"tags\": [{\"key\": \"k0\", \"value\": \"v0\"}, {\"value\": \"v1\", \"key\": \"k1\"}]}\n```\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name: tag } = &list_items(&api, body, "tags").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, tag, "value");
    assert!(codes(&api).contains(&"field.table-by-example-keys"));
    let orphans = codes(&api).iter().filter(|c| **c == "table.orphan").count();
    assert_eq!(orphans, 1, "the `other` table: {:#?}", api.diagnostics);
}

/// A field the documentation types as a scalar (`loadbalancers | String | IDs of the load
/// balancers`) that every example shows as objects whose keys are exactly the rows of a table
/// nobody references, captioned with the field's name (`Table 3 loadbalancers parameter
/// description`: `id`): the field is a list of that table (it was a string widened to "any
/// array", the table an orphan). A one-row table captioned with another name, and a scalar the
/// examples also show as a scalar, stay as documented.
#[test]
fn a_scalar_the_examples_show_as_a_named_tables_objects() {
    let rst = r#"Querying Pools
==============

URI
---

GET /v2/{project_id}/pools

Response Parameters
-------------------

.. table:: **Table 1** Response parameters

   ========= ============ ==============
   Parameter Type         Description
   ========= ============ ==============
   pools     Array        See Table 2.
   ========= ============ ==============

.. table:: **Table 2** **pools** parameter description

   ============= ====== ==========================================
   Parameter     Type   Description
   ============= ====== ==========================================
   id            String The pool ID.
   loadbalancers String Lists the IDs of the load balancers.
   listener      String The listener.
   owner         String The owner.
   ============= ====== ==========================================

.. table:: **Table 3** **loadbalancers** parameter description

   ========= ====== ====================
   Parameter Type   Description
   ========= ====== ====================
   id        String The load balancer ID.
   ========= ====== ====================

.. table:: **Table 4** **members** parameter description

   ========= ====== ====================
   Parameter Type   Description
   ========= ====== ====================
   id        String The listener ID.
   ========= ====== ====================

.. table:: **Table 5** **owner** parameter description

   ========= ====== ====================
   Parameter Type   Description
   ========= ====== ====================
   name      String The owner's name.
   ========= ====== ====================

Example Response
----------------

.. code-block::

   {"pools": [{"id": "p1", "loadbalancers": [{"id": "lb1"}], "listener": {"id": "l1"}, "owner": {"name": "o"}},
              {"id": "p2", "loadbalancers": [], "listener": {"id": "l2"}, "owner": "o2"}]}
"#;
    let api = rst_api(rst);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name: pool } = &list_items(&api, body, "pools").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let SchemaKind::Ref { name: lb } = &list_items(&api, pool, "loadbalancers").kind else {
        panic!("{:#?}", api.schemas[pool])
    };
    field(&api, lb, "id");
    // `listener` is shown as objects, but table 4 is captioned `members`: one row alone ties
    // nothing. `owner` is shown once as an object and once as a string.
    for scalar in ["listener", "owner"] {
        assert!(
            !matches!(
                field(&api, pool, scalar).kind,
                SchemaKind::Ref { .. } | SchemaKind::Array { .. }
            ),
            "{scalar}: {:#?}",
            api.schemas[pool]
        );
    }
    assert!(codes(&api).contains(&"field.table-by-example-keys"));
    let orphans = codes(&api).iter().filter(|c| **c == "table.orphan").count();
    assert_eq!(orphans, 2, "`members` and `owner`: {:#?}", api.diagnostics);
}

/// Two bold values the converter glued (`<strong>bandwidth</strong><strong>traffic</strong>`
/// became `**bandwidth****traffic**`, one bold run to Markdown) are two values, not one holding
/// `****`.
#[test]
fn bold_values_glued_by_the_converter() {
    let text = "# 移除EIP<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v2/{project_id}/bandwidths/{id}/remove\n\n## 请求参数<a name=\"a3\"></a>\n\n\
**表 1**  请求Body参数\n\n|参数|是否必选|参数类型|描述|\n|--|--|--|--|\n|charge_mode|是|String|独占带宽的计费类型。（bandwidth/traffic）枚举值：**bandwidth****traffic**|\n";
    let api = api(&[("p.md", text)]);
    let body = api.operations[0].request_body.as_ref().expect("body");
    let SchemaKind::Ref { name } = &body.schema.kind else {
        panic!("{:#?}", body.schema)
    };
    let values: Vec<&serde_json::Value> = field(&api, name, "charge_mode")
        .enum_values
        .iter()
        .map(|e| &e.value)
        .collect();
    assert_eq!(
        values,
        [
            &serde_json::json!("bandwidth"),
            &serde_json::json!("traffic")
        ]
    );
}

/// `Request Parameters`, `Example Request`, `Response Parameters`, `Example Response` is one
/// operation's order (OTC VPC, IMS, Cloud Eye, AS pages): the response part after the request
/// example is no restart (it used to warn `operation.restart-without-uri` on every such page).
#[test]
fn a_response_part_after_the_request_example_is_no_restart() {
    let rst = r#"Creating a VPC
==============

URI
---

POST /v1/{project_id}/vpcs

Request Parameters
------------------

.. table:: **Table 1** Request parameter

   +-----------+-----------+--------+--------------------------+
   | Parameter | Mandatory | Type   | Description              |
   +===========+===========+========+==========================+
   | name      | Yes       | String | The name.                |
   +-----------+-----------+--------+--------------------------+

Example Request
---------------

.. code-block:: text

   POST https://{Endpoint}/v1/{project_id}/vpcs

   {"name": "vpc"}

Response Parameters
-------------------

.. table:: **Table 2** Response parameter

   +-----------+--------+--------------------------+
   | Parameter | Type   | Description              |
   +===========+========+==========================+
   | id        | String | The ID.                  |
   +-----------+--------+--------------------------+

Example Response
----------------

.. code-block::

   {"id": "v1"}
"#;
    let api = rst_api(rst);
    assert_eq!(api.operations.len(), 1);
    assert!(
        !codes(&api).contains(&"operation.restart-without-uri"),
        "{:#?}",
        api.diagnostics
    );
    assert!(api.operations[0].responses["200"].body.is_some());
}

/// `Data structure description of **traffic_limited_list**` titles the table of that list's
/// items (OTC Anti-DDoS pages), and a table of the error-code sub-section (`Error Code | Error
/// Message`, `表 5 错误码`) lists error codes: neither is an ignored, unclassified table.
#[test]
fn data_structure_titles_and_error_code_tables() {
    let rst = r#"Querying Policies
=================

URI
---

GET /v1/{project_id}/antiddos/query_config_list

Response
--------

-  Parameter description

   +----------------------+---------------------+------------------------+
   | Parameter            | Type                | Description            |
   +======================+=====================+========================+
   | traffic_limited_list | List data structure | List of traffic limits |
   +----------------------+---------------------+------------------------+

-  Data structure description of **traffic_limited_list**

   ================== ======= ===========================
   Parameter          Type    Description
   ================== ======= ===========================
   traffic_pos_id     Integer Position ID of traffic
   ================== ======= ===========================

Error Codes
-----------

.. table:: **Table 5** Error codes

   +------------+-----------------------------+
   | Error Code | Error Message               |
   +============+=============================+
   | DDOS.0001  | The input is invalid.       |
   +------------+-----------------------------+
"#;
    let api = rst_api(rst);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name } = &list_items(&api, body, "traffic_limited_list").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, name, "traffic_pos_id");
    for code in [
        "table.unclassified",
        "body.duplicate-response-table",
        "table.orphan",
    ] {
        assert!(!codes(&api).contains(&code), "{:#?}", api.diagnostics);
    }
}

/// `GET /` alone lists the API versions (Keystone, Neutron and most OTC services document
/// it): the root is an operation's path like any other. It used to be no path at all, so the
/// page had no operation and its endpoint was not even counted as documented.
#[test]
fn the_root_path_lists_the_versions() {
    let text = "# 查询版本<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /\n\n## 请求消息<a name=\"a3\"></a>\n\n无\n\n\
## 响应消息<a name=\"a4\"></a>\n\n**表 1**  响应参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| versions | Array of strings | 版本列表 |\n\n\
响应样例\n\n```\n{\"versions\": [\"v1\", \"v2\"]}\n```\n";
    let api = api(&[("p.md", text)]);
    assert!(
        !codes(&api).contains(&"uri.missing"),
        "{:#?}",
        api.diagnostics
    );
    assert_eq!(api.operations.len(), 1);
    assert_eq!(api.operations[0].path, "/");
    field(&api, success_body(&api), "versions");
}

/// A table cell that capitalises a field's first letter (`Hosts | 是 | Array | 主机参数，请参见表4`)
/// while every example shows `"hosts": […]`: the field is `hosts` (the wire name) of the table
/// it names. Before, `Hosts` stayed (required, never shown) and `hosts` was added beside it as
/// a list of free-form values. A key that differs otherwise, or a table name some example
/// shows, is left as documented.
#[test]
fn a_capitalised_table_name_the_examples_show_in_lower_case() {
    let text = "# 查询主机列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1.1/{project_id}/clusters/{cluster_id}/hosts\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 3**  响应参数说明\n\n| 参数名 | 是否必选 | 参数类型 | 说明 |\n| --- | --- | --- | --- |\n| total | 是 | Integer | 主机列表总数。 |\n| Hosts | 是 | Array of Host objects | 主机参数，请参见表4。 |\n| Zone | 否 | String | 可用区。 |\n\n\
**表 4**  Host\n\n| 参数名 | 是否必选 | 参数类型 | 说明 |\n| --- | --- | --- | --- |\n| id | 是 | String | 主机ID。 |\n| name | 是 | String | 主机名称。 |\n\n\
响应样例\n\n```\n{\"total\": 1, \"hosts\": [{\"id\": \"h1\", \"name\": \"node-1\"}], \"Zone\": \"az1\"}\n```\n";
    let api = api(&[("p.md", text)]);
    assert_references_resolve(&api);
    let body = success_body(&api);
    let SchemaKind::Ref { name: host } = &list_items(&api, body, "hosts").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, host, "name");
    let SchemaKind::Object { fields } = &api.schemas[body].schema.kind else {
        panic!("an object")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    // `Zone` is shown as documented: it keeps its name.
    assert_eq!(names, ["total", "hosts", "Zone"], "{:#?}", api.diagnostics);
    assert!(fields[1].required, "still documented as mandatory");
    assert!(codes(&api).contains(&"field.named-by-example"));
    assert!(!codes(&api).contains(&"field.from-example"));
}

/// Full-width `，` and `：` typed for `,` and `:` outside strings (a Chinese input method) are
/// read as JSON punctuation; inside strings they stay as written.
#[test]
fn full_width_punctuation_in_an_example() {
    let text = "# 查询标签<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/{project_id}/tags\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 1**  响应参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| key | String | 键，不超过36个字符。 |\n| value | String | 值。 |\n\n\
响应样例\n\n```\n{\n  \"key\"： \"k1\"，\n  \"value\": \"a，b\"\n}\n```\n";
    let api = api(&[("p.md", text)]);
    assert!(
        codes(&api).contains(&"example.repaired"),
        "{:#?}",
        api.diagnostics
    );
    assert!(!codes(&api).contains(&"example.invalid-json"));
    let example = serde_json::to_string(&api.operations[0].responses["200"].examples[0]).unwrap();
    assert!(example.contains("a，b"), "{example}");
}

/// Kubernetes-style Huawei pages caption their tables `Path参数`, `Query参数` and `参数描述`;
/// OTC pages `Parameters description` in the URI section. Each was a table describing an
/// object named after its caption, an orphan, and the parameters were lost.
#[test]
fn parameter_captions_of_kubernetes_style_and_older_pages() {
    let text = "# 列出Network<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /apis/v1/namespaces/{namespace}/networks\n\n\
**表 1**  Path参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| namespace | Yes | string | 命名空间。 |\n\n\
**表 2**  Query参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| limit | No | integer (int32) | 返回的最大个数。 |\n\n\
## 响应消息<a name=\"a3\"></a>\n\n**表 3**  参数描述\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| kind | String | 类型。 |\n";
    let api = api(&[("p.md", text)]);
    assert!(
        !codes(&api).contains(&"table.orphan"),
        "{:#?}",
        api.diagnostics
    );
    let op = &api.operations[0];
    let located: Vec<(&str, ParamLocation)> = op
        .parameters
        .iter()
        .map(|p| (p.name.as_str(), p.location))
        .collect();
    assert_eq!(
        located,
        [
            ("namespace", ParamLocation::Path),
            ("limit", ParamLocation::Query)
        ]
    );
    assert!(matches!(
        op.parameters[1].schema.kind,
        SchemaKind::Integer { .. }
    ));
    field(&api, success_body(&api), "kind");

    let rst = r#"Releasing a DeH
===============

URI
---

DELETE /v1.0/{project_id}/dedicated-hosts/{dedicated_host_id}

.. table:: **Table 1** Parameters description

   +-------------------+--------+-----------+-----------------------+
   | Parameter         | Type   | Mandatory | Description           |
   +===================+========+===========+=======================+
   | project_id        | String | Yes       | Specifies the project |
   +-------------------+--------+-----------+-----------------------+
   | dedicated_host_id | String | Yes       | Specifies the DeH ID. |
   +-------------------+--------+-----------+-----------------------+

Status Code
-----------

.. table:: **Table 2** Returned error codes

   ============== =============================================
   Error Code     Description
   ============== =============================================
   409 Conflict   A DeH accommodating ECSs cannot be released.
   ============== =============================================
"#;
    let api = rst_api(rst);
    let found = codes(&api);
    assert!(
        !found.contains(&"table.orphan") && !found.contains(&"table.unclassified"),
        "{:#?}",
        api.diagnostics
    );
    assert_eq!(api.operations[0].parameters.len(), 2);
}

/// Type cells of the DeH object model and of Kubernetes pages: `Dict(str:str)` is a map of
/// strings, `integer (int32)` an integer, and `Dict` followed in the cell by `For details, see
/// Table 2.` (a second paragraph, no full stop between) an object of that table.
#[test]
fn parenthesised_maps_formats_and_a_reference_after_the_type() {
    let rst = r#"Querying a DeH
==============

URI
---

GET /v1.0/{project_id}/dedicated-hosts/{dedicated_host_id}

Response
--------

.. table:: **Table 1** Response parameters

   +-----------------+---------------------------------------------------------------+-----------------------------+
   | Parameter       | Type                                                          | Description                 |
   +=================+===============================================================+=============================+
   | host_properties | Dict                                                          | Specifies the properties.   |
   |                 |                                                               |                             |
   |                 | For details, see :ref:`Table 2 <deh_02_0018__host_property>`. |                             |
   +-----------------+---------------------------------------------------------------+-----------------------------+
   | tags            | Dict(str:str)                                                 | Specifies the DeH tags.     |
   +-----------------+---------------------------------------------------------------+-----------------------------+

.. _deh_02_0018__host_property:

.. table:: **Table 2** host_property

   +-----------+--------+-------------------------+
   | Parameter | Type   | Description             |
   +===========+========+=========================+
   | host_type | String | Specifies the DeH type. |
   +-----------+--------+-------------------------+
"#;
    let api = rst_api(rst);
    assert!(
        !codes(&api).contains(&"type.unknown") && !codes(&api).contains(&"table.orphan"),
        "{:#?}",
        api.diagnostics
    );
    let body = success_body(&api);
    let SchemaKind::Map { values } = &field(&api, body, "tags").kind else {
        panic!("tags is a map")
    };
    assert!(matches!(values.kind, SchemaKind::String { .. }));
    let SchemaKind::Ref { name } = &field(&api, body, "host_properties").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, name, "host_type");
}

/// A boolean the examples write as a string (`"is_charge": "true"`; OTC VPC Endpoint, DMS,
/// RDS): accepted as well, as a boolean written as a string — the Rust field stays a `bool`
/// decoded leniently, OpenAPI says `anyOf` boolean or `"true"`/`"false"`. Other text where a
/// boolean is documented is any string.
#[test]
fn a_boolean_the_examples_write_as_a_string() {
    let text = "# 查询服务<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/{project_id}/services\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 1**  响应参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| is_charge | Boolean | 是否收费。 |\n| enabled | Boolean | 是否启用。 |\n\n\
响应样例\n\n```\n{\"is_charge\": \"true\", \"enabled\": \"yes\"}\n```\n";
    let api = api(&[("p.md", text)]);
    let body = success_body(&api);
    assert_eq!(
        field(&api, body, "is_charge").example_shapes,
        [ExampleShape::BooleanString]
    );
    assert_eq!(
        field(&api, body, "enabled").example_shapes,
        [ExampleShape::String]
    );
    assert!(codes(&api).contains(&"type.widened-by-example"));
}

/// Older Huawei pages (MRS) group a body table's rows under rows of one cell spanning the
/// table (`parameters`, `previous_values`): the rows below such a row, up to the next one, are
/// the fields of that object. They used to be one flat object with a field `parameters` of type
/// `parameters` (unresolved), its `plan_id` a duplicate of the top-level one. And the request
/// examples stood under `请求样例` and then under a label per variant (`扩容Core节点样例：`)
/// naming neither request nor response: they are request examples (they were taken for the
/// response's).
#[test]
fn rows_grouped_under_spanning_rows_and_variant_labels_under_the_request_label() {
    let text = "# 调整集群节点<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPUT /v1.1/{project_id}/cluster_infos/{cluster_id}\n\n## 请求消息<a name=\"a3\"></a>\n\n\
**表 2**  请求参数说明\n\n\
<table><thead><tr><th>参数名</th><th>是否必选</th><th>参数类型</th><th>说明</th></tr></thead><tbody>\
<tr><td>service_id</td><td>否</td><td>String</td><td>服务ID。</td></tr>\
<tr><td>plan_id</td><td>否</td><td>String</td><td>套餐ID。</td></tr>\
<tr><td colspan=\"4\"><p><strong>parameters</strong></p></td></tr>\
<tr><td>order_id</td><td>是</td><td>String</td><td>订单号。</td></tr>\
<tr><td>scale_type</td><td>是</td><td>String</td><td>scale_in：缩容；scale_out：扩容</td></tr>\
<tr><td colspan=\"4\"><p><strong>previous_values</strong></p></td></tr>\
<tr><td>plan_id</td><td>否</td><td>String</td><td>预留参数。</td></tr>\
</tbody></table>\n\n\
## 响应消息<a name=\"a4\"></a>\n\n**表 3**  响应参数说明\n\n| 参数名 | 是否必选 | 参数类型 | 说明 |\n| --- | --- | --- | --- |\n| result | 是 | String | 操作结果。 |\n\n\
## 示例<a name=\"a5\"></a>\n\n-   请求样例\n\n    扩容Core节点样例：\n\n    ```\n    {\"parameters\": {\"order_id\": \"\", \"scale_type\": \"scale_out\"}, \"previous_values\": {\"plan_id\": \"\"}}\n    ```\n\n\
    缩容样例：\n\n    ```\n    {\"parameters\": {\"order_id\": \"\", \"scale_type\": \"scale_in\"}}\n    ```\n\n\
-   响应样例\n\n    ```\n    {\"result\": \"succeeded\"}\n    ```\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    for bad in [
        "type.unresolved",
        "field.duplicate",
        "field.required-unclear",
    ] {
        assert!(!found.contains(&bad), "{bad}: {:#?}", api.diagnostics);
    }
    assert!(found.contains(&"field.group-row"));
    let op = &api.operations[0];
    let request = op.request_body.as_ref().expect("a request body");
    let SchemaKind::Ref { name: body } = &request.schema.kind else {
        panic!("a named body")
    };
    let SchemaKind::Object { fields } = &api.schemas[body].schema.kind else {
        panic!("an object")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["service_id", "plan_id", "parameters", "previous_values"]
    );
    let SchemaKind::Object { fields: grouped } = &fields[2].schema.kind else {
        panic!("parameters is an object: {:#?}", fields[2])
    };
    let grouped: Vec<(&str, bool)> = grouped
        .iter()
        .map(|f| (f.name.as_str(), f.required))
        .collect();
    assert_eq!(grouped, [("order_id", true), ("scale_type", true)]);
    assert_eq!(request.examples.len(), 2, "{:#?}", api.diagnostics);
    assert_eq!(op.responses["200"].examples.len(), 1);
}

/// OTC TMS captions its tables `Header parameters` / `Header` and `Body parameters` / `Body`:
/// the section says which message's (a `Header` table under `Response` lists response
/// headers). Each `Body` table was read as an object named `Body`, an orphan.
#[test]
fn header_and_body_captions_take_their_message_from_the_section() {
    let rst = r#"Querying Tag Quotas
===================

URI
---

GET /v1.0/tms/quotas

Request
-------

.. table:: **Table 1** Header

   +--------------+-----------+--------+--------------------------+
   | Parameter    | Mandatory | Type   | Description              |
   +==============+===========+========+==========================+
   | X-Language   | No        | String | The language.            |
   +--------------+-----------+--------+--------------------------+

Response
--------

**Status code: 200**

.. table:: **Table 2** Header parameters

   +--------------+--------+------------------+
   | Parameter    | Type   | Description      |
   +==============+========+==================+
   | X-Request-Id | String | The request ID.  |
   +--------------+--------+------------------+

.. table:: **Table 3** Body parameters

   +-----------+--------------------------------+-------------+
   | Parameter | Type                           | Description |
   +===========+================================+=============+
   | quotas    | :ref:`TagQuota <tq>` object    | Quotas.     |
   +-----------+--------------------------------+-------------+

.. _tq:

.. table:: **Table 4** TagQuota

   +-----------+---------+-------------+
   | Parameter | Type    | Description |
   +===========+=========+=============+
   | used      | Integer | Used.       |
   +-----------+---------+-------------+
"#;
    let api = rst_api(rst);
    assert!(
        !codes(&api).contains(&"table.orphan"),
        "{:#?}",
        api.diagnostics
    );
    let op = &api.operations[0];
    assert!(op
        .parameters
        .iter()
        .any(|p| p.name == "X-Language" && p.location == ParamLocation::Header));
    assert!(op.responses["200"]
        .headers
        .iter()
        .any(|h| h.name == "X-Request-Id"));
    let SchemaKind::Ref { name } = &field(&api, success_body(&api), "quotas").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, name, "used");
}

/// Older Huawei pages (SMS) caption object tables `X信息` ("X information") and the response
/// table `响应信息`, and type a field `String` whose description refers to its table (`template
/// | 是 | String | 模板信息，请参见表2`, `表2 template信息`) while the examples send the object:
/// the field is that object (the type cell is wrong), its nested tables reached. It used to be
/// a string with every table below an orphan, and the response table one too.
#[test]
fn a_string_the_examples_show_as_the_object_its_table_describes() {
    let text = "# 新增模板信息<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v1/sms/vm/template\n\n## 请求消息<a name=\"a3\"></a>\n\n\
**表 1**  参数说明\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| template | 是 | String | 模板信息，请参见表2 |\n\n\
**表 2**  template信息\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| name | 是 | String | 模板名称 |\n| vpc | 是 | Object | Vpc信息，请参见表3。 |\n\n\
**表 3**  vpc信息\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| id | 是 | String | 虚拟私有云ID |\n\n\
## 响应消息<a name=\"a4\"></a>\n\n**表 4**  响应信息\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| id | String | ID |\n\n\
## 示例<a name=\"a5\"></a>\n\n-   请求示例\n\n    ```\n    {\"template\": {\"name\": \"t1\", \"vpc\": {\"id\": \"v1\"}}}\n    ```\n\n\
-   响应示例\n\n    ```\n    {\"id\": \"t-1\"}\n    ```\n";
    let api = api(&[("p.md", text)]);
    assert!(
        !codes(&api).contains(&"table.orphan"),
        "{:#?}",
        api.diagnostics
    );
    assert!(codes(&api).contains(&"schema.object-by-example"));
    let op = &api.operations[0];
    let SchemaKind::Ref { name: body } = &op.request_body.as_ref().expect("a body").schema.kind
    else {
        panic!("a named body")
    };
    let SchemaKind::Ref { name: template } = &field(&api, body, "template").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let SchemaKind::Ref { name: vpc } = &field(&api, template, "vpc").kind else {
        panic!("vpc is an object of table 3")
    };
    field(&api, vpc, "id");
    field(&api, success_body(&api), "id");
    assert!(!codes(&api).contains(&"body.from-example"));
}

/// Huawei VOD pages title their response part `返回参数` / `返回示例` and give the failure's body
/// a table of its own (`处理失败返回参数`: `error_code`, `error_msg`): the section is the
/// response, and a table captioned as what a failure returns is no success body (errors keep
/// no body; the runtime reads them) — it was an orphan. A table of an object whose name mentions
/// failure (`failure参数说明`) is still that object.
#[test]
fn a_failure_body_table_under_fan_hui_can_shu() {
    let text = "# 修改媒资属性<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPUT /v1.0/{project_id}/asset/info\n\n\
## 请求参数<a name=\"a3\"></a>\n\n**表 2**  请求Body参数\n\n| 参数 | 是否必选 | 类型 | 说明 |\n| --- | --- | --- | --- |\n| asset_id | 是 | String | 媒资ID。 |\n\n\
## 返回参数<a name=\"a4\"></a>\n\n**表 3**  响应Body参数\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| failure | Array of failure objects | 失败的媒资。 |\n\n\
**表 4**  failure参数说明\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| asset_id | String | 媒资ID。 |\n\n\
-   **处理失败时返回**\n\n    **表 5**  处理失败返回参数\n\n    <table><thead><tr><th>参数</th><th>类型</th><th>说明</th></tr></thead><tbody>\
<tr><td>error_code</td><td>String</td><td>错误码。</td></tr><tr><td>error_msg</td><td>String</td><td>错误描述。</td></tr></tbody></table>\n\n\
## 返回示例<a name=\"a5\"></a>\n\n-   处理成功返回\n\n    ```\n    {\"failure\": []}\n    ```\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    assert!(
        !found.contains(&"table.orphan") && !found.contains(&"table.unclassified"),
        "{:#?}",
        api.diagnostics
    );
    let body = success_body(&api);
    let SchemaKind::Ref { name: failure } = &list_items(&api, body, "failure").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, failure, "asset_id");
    let SchemaKind::Object { fields } = &api.schemas[body].schema.kind else {
        panic!("an object")
    };
    assert!(fields.iter().all(|f| f.name != "error_code"));
    assert_eq!(api.operations[0].responses["200"].examples.len(), 1);
}

/// Huawei AOM lists an object's fields as rows named with a path below the object's own row
/// (`metaData | JSON对象`, `metaData.count | int`, `metaData.total | int`): they are that
/// object's fields (of the items, below a list). They used to be fields named `metaData.count`
/// beside a `metaData` typed as an unknown `JSON` type. A dotted name whose head no row names
/// (a label key, `os.modelarts/workspace.id`) stays as written.
#[test]
fn rows_named_with_a_path_below_their_head() {
    let text = "# 查询阈值规则列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/{project_id}/ams/alarms\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 2**  响应参数\n\n| 参数名称 | 参数类型 | 描述 |\n| --- | --- | --- |\n| metaData | JSON对象 | 元数据信息。 |\n| metaData.count | int | 当前返回结果条数。 |\n| metaData.page.next | string | 下一页。 |\n| metaData.page | JSON对象 | 分页。 |\n\
| items | JSON数组 | 列表。 |\n| items.id | string | ID。 |\n| os.label/name | string | 标签。 |\n";
    let api = api(&[("p.md", text)]);
    assert!(
        !codes(&api).contains(&"type.unresolved"),
        "{:#?}",
        api.diagnostics
    );
    let body = success_body(&api);
    let SchemaKind::Object { fields } = &api.schemas[body].schema.kind else {
        panic!("an object")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["metaData", "items", "os.label/name"]);
    let SchemaKind::Object { fields: meta } = &fields[0].schema.kind else {
        panic!("metaData is an object: {:#?}", fields[0])
    };
    let meta_names: Vec<&str> = meta.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(meta_names, ["count", "page"]);
    let SchemaKind::Object { fields: page } = &meta[1].schema.kind else {
        panic!("page is an object")
    };
    assert_eq!(page[0].name, "next");
    let SchemaKind::Array { items } = &fields[1].schema.kind else {
        panic!("items is a list")
    };
    let SchemaKind::Object { fields: item } = &items.kind else {
        panic!("of objects: {items:#?}")
    };
    assert_eq!(item[0].name, "id");
}

/// Huawei GES pages refer to a table by its caption instead of its number (`graph | 是 |
/// 参考graph图类型数据结构说明。`, `graphs | List结构，参见Graph类型数据结构说明。`) and open each
/// response example with its status line (`Http Status Code: 200`, then the body). The field is
/// an object (a list) of that table; the example is the body of that status. They were an
/// unknown type, an unresolved `List` and an orphan, and every response example stayed text.
#[test]
fn tables_referred_to_by_caption_and_status_lines_opening_examples() {
    let text = "# 查询图列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1.0/{projectId}/graphs\n\n## 响应<a name=\"a3\"></a>\n\n\
**表 2**  要素说明\n\n| 名称 | 是否必选 | 参数类型 | 说明 |\n| --- | --- | --- | --- |\n| graphCount | 否 | Integer | 图总个数。 |\n| graphs | 否 | List结构，参见Graph类型数据结构说明。 | Graph类型列表。 |\n| owner | 否 | 参考owner类型数据结构说明。 | 所有者。 |\n\n\
**表 3**  Graph类型数据结构\n\n| 名称 | 是否必选 | 参数类型 | 说明 |\n| --- | --- | --- | --- |\n| id | 是 | String | 图ID。 |\n\n\
**表 4**  owner类型数据结构说明\n\n| 名称 | 是否必选 | 参数类型 | 说明 |\n| --- | --- | --- | --- |\n| name | 是 | String | 名称。 |\n\n\
## 响应示例<a name=\"a4\"></a>\n\n```\nHttp Status Code: 200\n{\n    \"graphCount\": 1,\n    \"graphs\": [{\"id\": \"g1\"}],\n    \"owner\": {\"name\": \"o\"}\n}\n```\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    for bad in [
        "type.unknown",
        "type.unresolved",
        "table.orphan",
        "example.invalid-json",
    ] {
        assert!(!found.contains(&bad), "{bad}: {:#?}", api.diagnostics);
    }
    let body = success_body(&api);
    let SchemaKind::Ref { name: graph } = &list_items(&api, body, "graphs").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, graph, "id");
    let SchemaKind::Ref { name: owner } = &field(&api, body, "owner").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, owner, "name");
    let examples = &api.operations[0].responses["200"].examples;
    assert_eq!(examples.len(), 1);
    assert!(matches!(
        examples[0].value,
        docbind::ir::ExampleValue::Json(_)
    ));
}

/// Huawei DEW pages number their object tables as footnotes (`keypairs | 列表数据结构[1]`, then a
/// table titled `[1] keypairs字段数据结构说明`; `字典数据结构[2]`) and introduce error bodies with
/// `**状态码为 400 时: **`. The footnote tables are the fields' objects (they were unknown types
/// and unclassified tables), the 400 table that status's body (it was an orphan).
#[test]
fn footnote_numbered_tables_and_status_said_with_wei() {
    let text = "# 查询SSH密钥对列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v3/{project_id}/keypairs\n\n## 响应消息<a name=\"a3\"></a>\n\n\
**表 1**  响应参数\n\n| 名称 | 参数类型 | 说明 |\n| --- | --- | --- |\n| keypairs | 列表数据结构\\[1\\] | SSH密钥对信息列表。 |\n\n\
\\[1\\] keypairs字段数据结构说明\n\n| 名称 | 参数类型 | 说明 |\n| --- | --- | --- |\n| keypair | 字典数据结构\\[2\\] | SSH密钥对信息详情。 |\n\n\
\\[2\\] keypair字段数据结构说明\n\n| 名称 | 参数类型 | 说明 |\n| --- | --- | --- |\n| name | String | 名称。 |\n\n\
**状态码为 400 时: **\n\n**表 6**  响应Body参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| error_code | String | 错误码。 |\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    for bad in ["type.unknown", "table.unclassified", "table.orphan"] {
        assert!(!found.contains(&bad), "{bad}: {:#?}", api.diagnostics);
    }
    let body = success_body(&api);
    let SchemaKind::Ref { name: item } = &list_items(&api, body, "keypairs").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let SchemaKind::Ref { name: keypair } = &field(&api, item, "keypair").kind else {
        panic!("keypair is the [2] table")
    };
    field(&api, keypair, "name");
    assert!(api.operations[0].responses.contains_key("400"));
}

/// A list whose type cell names no type and whose description refers to no table (`tags | Array
/// of objects | Specifies the tag list.` in a response) took the request's `Tag` table by its
/// name (`key`, `values`), while an unreferenced `resource_tag` table lists exactly the keys the
/// examples show (`key`, `value`): the field is of the table the examples match (OTC Dedicated
/// Host; the `Tag` table gained a `value` field from the example and `resource_tag` was an
/// orphan). A guessed table the examples fit keeps the field.
#[test]
fn a_table_guessed_by_name_gives_way_to_the_one_the_examples_match() {
    let rst = r#"Querying DeHs by Tag
====================

URI
---

POST /v1.0/{project_id}/dedicated-host-tags/resource_instances/action

Request
-------

.. table:: **Table 1** Request parameters

   +-----------+-----------+----------------------------------+-------------+
   | Parameter | Mandatory | Type                             | Description |
   +===========+===========+==================================+=============+
   | tags      | No        | Array of :ref:`Tag <t3>` objects | Tags.       |
   +-----------+-----------+----------------------------------+-------------+

.. _t3:

.. table:: **Table 3** Tag

   +-----------+-----------+------------------+-------------+
   | Parameter | Mandatory | Type             | Description |
   +===========+===========+==================+=============+
   | key       | Yes       | String           | Key.        |
   +-----------+-----------+------------------+-------------+
   | values    | Yes       | Array of strings | Values.     |
   +-----------+-----------+------------------+-------------+

Response
--------

.. table:: **Table 5** Response parameters

   +-----------+------------------+-----------------------+
   | Parameter | Type             | Description           |
   +===========+==================+=======================+
   | resources | Array of objects | See Table 6.          |
   +-----------+------------------+-----------------------+

.. table:: **Table 6** Description of the **resource** field

   +-------------+------------------+-------------------------+
   | Parameter   | Type             | Description             |
   +=============+==================+=========================+
   | resource_id | String           | Specifies the DeH ID.   |
   +-------------+------------------+-------------------------+
   | tags        | Array of objects | Specifies the tag list. |
   +-------------+------------------+-------------------------+

.. table:: **Table 7** **resource_tag** field description

   +-----------+--------+-------------------------+
   | Parameter | Type   | Description             |
   +===========+========+=========================+
   | key       | String | Specifies the tag key.  |
   +-----------+--------+-------------------------+
   | value     | String | Specifies the tag value.|
   +-----------+--------+-------------------------+

Example Response
----------------

.. code-block::

   {
       "resources": [{"resource_id": "d1", "tags": [{"key": "k", "value": "v"}]}]
   }
"#;
    let api = rst_api(rst);
    assert!(
        !codes(&api).contains(&"table.orphan"),
        "{:#?}",
        api.diagnostics
    );
    assert!(
        !codes(&api).contains(&"field.from-example"),
        "{:#?}",
        api.diagnostics
    );
    let body = success_body(&api);
    let SchemaKind::Ref { name: resource } = &list_items(&api, body, "resources").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    let SchemaKind::Ref { name: tag } = &list_items(&api, resource, "tags").kind else {
        panic!("{:#?}", api.diagnostics)
    };
    field(&api, tag, "value");
    let request = api.operations[0].request_body.as_ref().expect("a body");
    let SchemaKind::Ref { name: req } = &request.schema.kind else {
        panic!("a named body")
    };
    let SchemaKind::Ref { name: req_tag } = &list_items(&api, req, "tags").kind else {
        panic!("the request's tags keep their table")
    };
    field(&api, req_tag, "values");
    assert_ne!(req_tag, tag);
}

/// Heat-style rST pages (OTC Resource Template): sections `Request Parameter` / `Response
/// Parameter` (singular), nested tables titled by a paragraph `**stack** structure
/// information`, status codes under `Return Code` in a `Return Code` column, and a name cell
/// giving one value two names (`status/stack_status`): two query parameters, the first as
/// documented, not one named `status/stack_status` that no server reads.
#[test]
fn heat_style_sections_titles_return_codes_and_alternative_names() {
    let rst = r#"Querying Stacks
===============

URI
---

GET /v1/{project_id}/stacks

Request Parameter
-----------------

=================== ===== ======= ========= ===================
Parameter           In    Type    Mandatory Description
=================== ===== ======= ========= ===================
status/stack_status query String  Yes       The stack status.
limit               query Integer No        Number of stacks.
=================== ===== ======= ========= ===================

Response Parameter
------------------

========= ==== ===== ===========
Parameter In   Type  Description
========= ==== ===== ===========
stack     body Dict  The stack.
========= ==== ===== ===========

**stack** structure information

========= ==== ====== ===========
Parameter In   Type   Description
========= ==== ====== ===========
id        body String The UUID.
========= ==== ====== ===========

Return Code
-----------

.. table:: **Table 2** Normal return code

   =========== ===== ========================
   Return Code Type  Description
   =========== ===== ========================
   200         OK    Request was successful.
   =========== ===== ========================
"#;
    let api = rst_api(rst);
    let found = codes(&api);
    for bad in [
        "table.unclassified",
        "table.orphan",
        "body.duplicate-response-table",
    ] {
        assert!(!found.contains(&bad), "{bad}: {:#?}", api.diagnostics);
    }
    assert!(found.contains(&"field.alternative-names"));
    let op = &api.operations[0];
    let query: Vec<(&str, bool)> = op
        .parameters
        .iter()
        .filter(|p| p.location == ParamLocation::Query)
        .map(|p| (p.name.as_str(), p.required))
        .collect();
    assert_eq!(
        query,
        [("status", true), ("stack_status", false), ("limit", false)]
    );
    let body = success_body(&api);
    let SchemaKind::Ref { name: stack } = &field(&api, body, "stack").kind else {
        panic!("stack is the titled table: {:#?}", api.diagnostics)
    };
    field(&api, stack, "id");
    assert_eq!(op.responses["200"].description, "Request was successful.");
}

/// Response tables captioned `Normal response` and `Abnormal response` (OTC BMS): the first is
/// the success body, the second a failure's (ignored: errors keep no body), and the `error`
/// object only the failure body holds is ignored with it — no orphans.
#[test]
fn normal_and_abnormal_response_captions() {
    let rst = r#"Attaching a Disk
================

URI
---

POST /v1/{project_id}/servers/{server_id}/attachvolume

Response
--------

-  Response parameters

.. table:: **Table 3** Normal response

   ====== ====== ============
   Name   Type   Description
   ====== ====== ============
   job_id String The task ID.
   ====== ====== ============

.. table:: **Table 4** Abnormal response

   ===== ========================= ====================================
   Name  Type                      Description
   ===== ========================= ====================================
   error Dictionary data structure The error. For details, see Table 5.
   ===== ========================= ====================================

.. table:: **Table 5** **error** data structure

   ======= ====== ==============
   Name    Type   Description
   ======= ====== ==============
   message String The message.
   details detail The details.
   ======= ====== ==============

.. table:: **Table 6** **detail** data structure

   ==== ====== =========
   Name Type   Description
   ==== ====== =========
   code String The code.
   ==== ====== =========
"#;
    let api = rst_api(rst);
    let found = codes(&api);
    assert!(!found.contains(&"table.orphan"), "{:#?}", api.diagnostics);
    assert_eq!(found.iter().filter(|c| **c == "table.ignored").count(), 3);
    let body = success_body(&api);
    field(&api, body, "job_id");
    assert!(!api
        .schemas
        .keys()
        .any(|k| k.to_lowercase().contains("error")));
}

/// A type cell leaving out a level of nesting (`location | Array of integers | 四个顶点的二维坐标
/// （x,y）`, the example showing points `[[65, 1006], [1388, 1006]]`, Huawei OCR): a list of
/// lists of integers — a client decoding `Vec<i32>` would fail on every response. A list the
/// examples show flat stays as documented.
#[test]
fn a_level_of_nesting_the_type_cell_leaves_out() {
    let text = "# 车牌识别<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v2/ocr/license-plate\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 1**  响应Body参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n\
| location | Array of integers | 四个顶点的二维坐标（x,y）。 |\n| scores | Array of integers | 得分。 |\n\n\
## 响应示例<a name=\"a4\"></a>\n\n```\n{\"location\": [[65, 1006], [1388, 1006]], \"scores\": [1, 2]}\n```\n";
    let api = api(&[("p.md", text)]);
    assert!(codes(&api).contains(&"type.nested-by-example"));
    let body = success_body(&api);
    let SchemaKind::Array { items: point } = &list_items(&api, body, "location").kind else {
        panic!("{:#?}", field(&api, body, "location"))
    };
    assert!(matches!(point.kind, SchemaKind::Integer { .. }));
    assert!(matches!(
        list_items(&api, body, "scores").kind,
        SchemaKind::Integer { .. }
    ));
}

/// One value where the table documents a list of such values (`actions | Array of strings`,
/// the example `"actions": "REBOOTING"`, Huawei CDM): accepted as a single item (the Rust
/// field decodes one or many), as one object is for a list of objects.
#[test]
fn one_value_where_the_table_documents_a_list_of_them() {
    let text = "# 查询集群详情<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1.1/clusters/{id}\n\n## 响应参数<a name=\"a3\"></a>\n\n\
**表 1**  响应Body参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n\
| actions | Array of strings | 集群状态。 |\n| ports | Array of integers | 端口。 |\n\n\
## 响应示例<a name=\"a4\"></a>\n\n```\n{\"actions\": \"REBOOTING\", \"ports\": \"22\"}\n```\n";
    let api = api(&[("p.md", text)]);
    let body = success_body(&api);
    assert_eq!(
        field(&api, body, "actions").example_shapes,
        [ExampleShape::SingleItem]
    );
    // A string where numbers are listed is no item of the list.
    assert!(!field(&api, body, "ports")
        .example_shapes
        .contains(&ExampleShape::SingleItem));
}

/// A list whose cell calls the names it marks fields (`server | Array | Specifies the origin
/// server information, including the **client_protocol**, **address** and **port** fields.`)
/// and then explains each in a colon bullet (`**port**: port number. The value ranges from
/// **0** to **65535**.`): a list of objects of those fields (OTC WAF). Colon bullets the cell does not call
/// fields stay a value list (`**normal**: …`).
#[test]
fn colon_bullets_the_cell_calls_fields() {
    let text = "# 创建域名<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v1/waf/instance\n\n## 请求参数<a name=\"a3\"></a>\n\n\
**表 1**  请求Body参数\n\n<a name=\"t1\"></a>\n<table><thead><tr><th><p>参数</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr></thead>\n<tbody>\
<tr><td><p>server</p></td><td><p>Array</p></td><td><p>Specifies the origin server information, including the <strong>client_protocol</strong>, <strong>address</strong>, and <strong>port</strong> fields.</p>\
<ul><li><strong>client_protocol</strong>: protocol type of the client.</li><li><strong>address</strong>: IP address of the server.</li><li><strong>port</strong>: port number. The value ranges from <strong>0</strong> to <strong>65535</strong>.</li></ul></td></tr>\
<tr><td><p>state</p></td><td><p>Object</p></td><td><p>State of the <strong>server</strong> field.</p>\
<ul><li><strong>normal</strong>: the server is normal.</li><li><strong>abnormal</strong>: the server is down.</li></ul></td></tr>\
</tbody></table>\n";
    let api = api(&[("p.md", text)]);
    let op = &api.operations[0];
    let body = body_component_request(op);
    let SchemaKind::Object { fields } = &list_items(&api, body, "server").kind else {
        panic!("{:#?}", field(&api, body, "server"))
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["client_protocol", "address", "port"]);
    assert!(matches!(fields[2].schema.kind, SchemaKind::Integer { .. }));
    assert_eq!(field(&api, body, "state").kind, SchemaKind::Any);
}

fn body_component_request(op: &docbind::ir::Operation) -> &str {
    let body = op.request_body.as_ref().expect("request body");
    let SchemaKind::Ref { name } = &body.schema.kind else {
        panic!("{:#?}", body.schema)
    };
    name
}

/// A flattened table (OTC VBS, Huawei OCR v1.0): `backup_policies | list<dict>` and, right
/// below it in the same table, the fields of its items, among them `scheduled_policy | dict`
/// and below that its own fields. The examples show each row only inside the free-form row
/// above it: the rows are those values' fields, at every depth. A row the examples show beside
/// the free-form one (`count`) stays.
#[test]
fn a_flattened_table_regrouped_by_the_examples() {
    let rst = r#"Querying Backup Policies
========================

URI
---

GET /v2/{project_id}/backuppolicy

Response
--------

-  Parameter description

   ==================== ========== ===================
   Parameter            Type       Description
   ==================== ========== ===================
   backup_policies      list<dict> Backup policies.
   backup_policy_name   string     Policy name.
   scheduled_policy     dict       Scheduling policy.
   start_time           string     Start time.
   frequency            integer    Interval in days.
   backup_policy_id     string     Policy ID.
   count                integer    Number of policies.
   ==================== ========== ===================

-  Example response

   .. code-block::

      {
          "backup_policies": [{
              "backup_policy_name": "plan01",
              "scheduled_policy": {"start_time": "01:00", "frequency": 1},
              "backup_policy_id": "af8a20b0"
          }],
          "count": 1
      }
"#;
    let api = rst_api(rst);
    assert!(codes(&api).contains(&"field.flat-rows-by-example"));
    let body = success_body(&api);
    let SchemaKind::Object { fields: top } = &api.schemas[body].schema.kind else {
        panic!()
    };
    let names: Vec<&str> = top.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["backup_policies", "count"]);
    let SchemaKind::Object { fields: item } = &list_items(&api, body, "backup_policies").kind
    else {
        panic!("{:#?}", field(&api, body, "backup_policies"))
    };
    let names: Vec<&str> = item.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["backup_policy_name", "scheduled_policy", "backup_policy_id"]
    );
    let SchemaKind::Object { fields: policy } = &item[1].schema.kind else {
        panic!("{:#?}", item[1])
    };
    let names: Vec<&str> = policy.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["start_time", "frequency"]);
    assert!(matches!(policy[1].schema.kind, SchemaKind::Integer { .. }));
}

/// OTC PLAS-style pages: a body of one row naming its object's type (`Service |
/// ConnectorCreateReq object`), the objects' tables titled by a sentence (`The
/// ConnectorCreateReq object has the following attributes.`), and an example converted with
/// every line in a code block of its own. The lines are one example, the row is a label, and
/// the body is the object the example shows (`{"connector": {…}}`).
#[test]
fn one_line_code_blocks_sentence_titles_and_a_label_row() {
    let mut rst = String::from(
        r#"Creating a Connector
====================

URI
---

POST /v1.0/connectors

Request
-------

-  Parameter description

   ========= ========= ============================ ============
   Parameter Mandatory Type                         Description
   ========= ========= ============================ ============
   Service   Yes       ConnectorCreateReq object    The request.
   ========= ========= ============================ ============

The ConnectorCreateReq object has the following attributes.

========= ========= ============== ==============
Parameter Mandatory Type           Description
========= ========= ============== ==============
connector Yes       BaseModel object The connector.
========= ========= ============== ==============

The BaseModel object has the following attributes.

========= ========= ====== ===========
Parameter Mandatory Type   Description
========= ========= ====== ===========
name      Yes       String The name.
bandwidth Yes       int32  Bandwidth.
========= ========= ====== ===========

-  Sample request

"#,
    );
    for line in [
        "{",
        "\"connector\": {",
        "\"name\": \"c-1\",",
        "\"bandwidth\": 50",
        "}",
        "}",
    ] {
        rst.push_str(&format!("   .. code-block:: text\n\n      {line}\n\n"));
    }
    let api = rst_api(&rst);
    let found = codes(&api);
    for bad in ["table.orphan", "table.unclassified", "type.unresolved"] {
        assert!(!found.contains(&bad), "{bad}: {:#?}", api.diagnostics);
    }
    let op = &api.operations[0];
    let body = op.request_body.as_ref().expect("a body");
    assert_eq!(body.examples.len(), 1, "{:#?}", body.examples);
    let docbind::ir::ExampleValue::Json(example) = &body.examples[0].value else {
        panic!("{:#?}", body.examples)
    };
    assert_eq!(example["connector"]["bandwidth"], 50);
    let SchemaKind::Ref { name } = &body.schema.kind else {
        panic!("{:#?}", body.schema)
    };
    let SchemaKind::Ref { name: model } = &field(&api, name, "connector").kind else {
        panic!(
            "the body is the ConnectorCreateReq object: {:#?}",
            api.schemas[name]
        )
    };
    field(&api, model, "bandwidth");
}

/// Tables of a field's values (`tls_ciphers_policy取值说明` over `安全策略 | 支持的TLS版本 |
/// 加密套件`, Huawei and OTC ELB; `language取值范围`, Huawei SIS): the field takes the first
/// column's values, described by the rest of each row, added to the ones its description
/// lists. A table of values no field takes is ignored and said, not unclassified.
#[test]
fn tables_of_a_fields_values() {
    let text = "# 查询监听器<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2/listeners\n\n\
**表 1**  Query参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n\
| tls_ciphers_policy | 否 | String | 安全策略，取值包括：tls-1-0, tls-1-2。详细参见表2。 |\n\n\
**表 2**  tls\\_ciphers\\_policy取值说明\n\n| 安全策略 | 支持的TLS版本 | 加密套件 |\n| --- | --- | --- |\n\
| tls-1-0-inherit | TLS 1.0 | RC4-SHA |\n| tls-1-0 | TLS 1.0 | AES128-SHA |\n| tls-1-2 | TLS 1.2 | AES256-SHA |\n\n\
**表 3**  mode取值说明\n\n| 模式 | 说明 |\n| --- | --- |\n| fast | 快速。 |\n\n\
## 响应参数<a name=\"a3\"></a>\n\n**表 4**  响应Body参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| count | Integer | 总数。 |\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    assert!(
        !found.contains(&"table.unclassified"),
        "{:#?}",
        api.diagnostics
    );
    assert!(found.contains(&"enum.from-values-table"));
    assert!(found.contains(&"table.ignored"), "mode: no such field");
    let p = &api.operations[0].parameters;
    let policy = p
        .iter()
        .find(|p| p.name == "tls_ciphers_policy")
        .expect("param");
    let values: Vec<&str> = policy
        .schema
        .enum_values
        .iter()
        .filter_map(|e| e.value.as_str())
        .collect();
    assert_eq!(values, ["tls-1-0", "tls-1-2", "tls-1-0-inherit"]);
    let inherit = &policy.schema.enum_values[2];
    assert_eq!(inherit.description.as_deref(), Some("TLS 1.0 | RC4-SHA"));
}

/// S3-style pages write the request as an HTTP message (`请求消息样式` / `Request Syntax`: the
/// request line, then header lines) and tell operations apart by query words (`?acl`): not
/// generated yet, but never dropped silently. Each request line is a documented endpoint that
/// was not extracted, with a `uri.http-message` warning at its line.
#[test]
fn http_message_pages_are_diagnosed_not_dropped() {
    let zh = "# 获取桶ACL<a name=\"a1\"></a>\n\n## 请求消息样式<a name=\"a2\"></a>\n\n```\nGET /?acl HTTP/1.1\nHost: bucketname.obs.region.example.com\nDate: date\nAuthorization: authorization\n```\n\n## 请求消息头<a name=\"a3\"></a>\n\n该请求使用公共消息头。\n\n## 响应消息元素<a name=\"a4\"></a>\n\n**表 1**  响应消息元素\n\n| 名称 | 描述 |\n| --- | --- |\n| Owner | 桶的所有者。<br>类型：XML |\n";
    let en = "Deleting an Object\n==================\n\nRequest Syntax\n--------------\n\n.. code-block:: text\n\n   DELETE /ObjectName HTTP/1.1\n   Host: bucketname.obs.region.example.com\n   Authorization: authorization\n\nResponse Syntax\n---------------\n\n.. code-block:: text\n\n   HTTP/1.1 status_code\n   Date: date\n";
    for api in [api(&[("acl.md", zh)]), rst_api(en)] {
        assert!(api.operations.is_empty(), "{:?}", api.operations);
        let warned: Vec<_> = api
            .diagnostics
            .iter()
            .filter(|d| d.code == "uri.http-message")
            .collect();
        assert_eq!(warned.len(), 1, "{:?}", codes(&api));
        assert!(warned[0].span.start > 1, "{warned:?}");
    }
}

/// Response tables captioned `成功响应参数` and `失败响应参数` (Huawei AOS): the success body and
/// a failure's (ignored: errors keep no body) — before, each was an orphan object named `成功`
/// or `失败`.
#[test]
fn success_and_failure_response_captions() {
    let text = "# 创建模板<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v2/{project_id}/templates\n\n## 响应消息<a name=\"a3\"></a>\n\n-   请求成功的响应消息\n\n    **表 4**  成功响应参数\n\n    | 参数 | 参数类型 | 描述 |\n    | --- | --- | --- |\n    | id | String | 模板ID |\n\n-   请求失败的响应消息\n\n    **表 5**  失败响应参数\n\n    | 参数 | 参数类型 | 描述 |\n    | --- | --- | --- |\n    | message | String | 请求失败的详细原因 |\n    | code | String | 原因代码 |\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    assert!(!found.contains(&"table.orphan"), "{:#?}", api.diagnostics);
    let body = success_body(&api);
    field(&api, body, "id");
    assert!(found.contains(&"table.ignored"), "{found:?}");
    assert!(
        !api.schemas
            .keys()
            .any(|k| k.contains("失败") || k.contains("成功")),
        "{:?}",
        api.schemas.keys()
    );
}

/// A title paragraph naming the field (`**links参数信息**`) right above a table whose own
/// caption names nothing (`表 2 参数说明`): the table describes that field (Huawei DSS) — before,
/// it was an orphan named after its caption.
#[test]
fn a_title_above_a_caption_that_names_nothing() {
    let text = "# 查询版本<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2/versions\n\n## 响应消息<a name=\"a3\"></a>\n\n**表 1**  响应参数\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| id | String | 版本ID。 |\n| links | Array | API的URL地址。 |\n| media | Array | 媒体类型。 |\n\n**media参数信息**\n\n**表 2**  参数说明\n\n| 参数名 | 参数类型 | 是否必选 | 说明 |\n| --- | --- | --- | --- |\n| base | string | 是 | 基础类型 |\n\n**links参数信息**\n\n**表 3**  参数说明\n\n| 参数名 | 参数类型 | 是否必选 | 说明 |\n| --- | --- | --- | --- |\n| rel | string | 是 | 链接的描述 |\n| href | string | 是 | 链接 |\n";
    let api = api(&[("p.md", text)]);
    assert!(
        !codes(&api).contains(&"table.orphan"),
        "{:#?}",
        api.diagnostics
    );
    let body = success_body(&api);
    let SchemaKind::Ref { name: link } = &list_items(&api, body, "links").kind else {
        panic!("{:#?}", list_items(&api, body, "links"))
    };
    field(&api, link, "href");
    let SchemaKind::Ref { name: media } = &list_items(&api, body, "media").kind else {
        panic!("{:#?}", list_items(&api, body, "media"))
    };
    field(&api, media, "base");
}

/// A response section whose prose links the table of what it returns (`响应中含有多个模板结构，
/// 结构如表2所示` above `表 2 模板结构`, Huawei AOS), no field referencing that table: it is the
/// body (a list of them, as the example shows) — before, an orphan, and the body came from the
/// example alone.
#[test]
fn a_response_paragraph_linking_the_table_it_returns() {
    let text = "# 查询模板列表<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2/{project_id}/templates\n\n## 响应消息<a name=\"a3\"></a>\n\n-   响应参数\n\n    响应中含有多个模板结构，结构如[表2](#table54)所示。\n\n    **表 2**  模板结构\n\n    <a name=\"table54\"></a>\n    | 参数 | 参数类型 | 描述 |\n    | --- | --- | --- |\n    | id | String | 模板ID |\n    | name | String | 模板名称 |\n\n-   响应示例\n\n    ```\n    [{\"id\": \"d078\", \"name\": \"helloworld\"}]\n    ```\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    assert!(!found.contains(&"table.orphan"), "{:#?}", api.diagnostics);
    assert!(found.contains(&"body.linked-table"), "{found:?}");
    assert!(!found.contains(&"field.from-example"), "{found:?}");
    let body = success_body(&api);
    field(&api, body, "name");
}

/// A label saying a failure's response follows (`请求失败的响应消息`, Huawei AOS): the examples
/// under its sub-labels (`响应示例`) are that failure's, not the success response's — until a
/// label says success. A sentence about some case (`当allFailure为true时，响应返回为空。`) is
/// no such label.
#[test]
fn examples_under_a_failure_label() {
    let text = "# 创建模板<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v2/{project_id}/templates\n\n## 响应消息<a name=\"a3\"></a>\n\n当参数allFailure为true时，响应返回为空。\n\n-   请求成功的响应消息\n    -   响应参数\n\n        **表 4**  成功响应参数\n\n        | 参数 | 参数类型 | 描述 |\n        | --- | --- | --- |\n        | id | String | 模板ID |\n\n    -   响应示例\n\n        ```\n        {\"id\": \"d078\"}\n        ```\n\n-   请求失败的响应消息\n    -   响应示例\n\n        ```\n        {\"message\": \"Parameters validate err\", \"code\": \"02000005\"}\n        ```\n\n## 状态码<a name=\"a4\"></a>\n\n| 状态码 | 描述 |\n| --- | --- |\n| 201 | Created |\n| 400 | Bad Request |\n";
    let api = api(&[("p.md", text)]);
    let op = &api.operations[0];
    assert_eq!(op.responses["201"].examples.len(), 1, "{:#?}", op.responses);
    assert!(
        !codes(&api).contains(&"example.undeclared-key")
            && !codes(&api).contains(&"field.from-example"),
        "{:?}",
        codes(&api)
    );
}

/// A response example split by field (OTC RMS): `Example 1` is the bare `resources` list,
/// `Example 2` the `page_info` object. Each is taken inside its field and checks against the
/// body; the body stays an object (before, the list was "an array of such objects" and the
/// body was widened to accept one, though its items hold none of the body's fields). A list
/// that is no field's value is not such an array either: the example stays non-conformant.
#[test]
fn examples_that_each_show_one_fields_value() {
    let rst = |example_one: &str| {
        format!(
            r#"Querying Resources
==================

URI
---

GET /v1/resource-manager/domains/{{domain_id}}/all-resources

Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 3** Response body parameters

   ========= ====================================== ==================
   Parameter Type                                   Description
   ========= ====================================== ==================
   resources Array of :ref:`Entity <t4>` objects     The resource list.
   page_info :ref:`Page Info <t5>` object            The pagination.
   ========= ====================================== ==================

.. _t4:

.. table:: **Table 4** Entity

   ========= ====== ==============
   Parameter Type   Description
   ========= ====== ==============
   id        String The ID.
   name      String The name.
   provider  String The provider.
   ========= ====== ==============

.. _t5:

.. table:: **Table 5** Page Info

   ============= ====== ==============
   Parameter     Type   Description
   ============= ====== ==============
   current_count Number The count.
   next_marker   String The marker.
   ============= ====== ==============

Example Response
----------------

**Status code: 200**

-  Example 1

   .. code-block::

      {example_one}

-  Example 2

   .. code-block::

      {{ "current_count" : 7, "next_marker" : "CAES" }}
"#
        )
    };
    let api = rst_api(&rst(
        r#"[ { "id" : "3ccd", "name" : "elb-265a", "provider" : "elb" } ]"#,
    ));
    let found = codes(&api);
    assert_eq!(
        found
            .iter()
            .filter(|c| **c == "example.field-value")
            .count(),
        2,
        "{found:?}"
    );
    assert!(!found.contains(&"type.widened-by-example"), "{found:?}");
    let examples = &api.operations[0].responses["200"].examples;
    let shown: Vec<String> = examples
        .iter()
        .map(|e| match &e.value {
            docbind::ir::ExampleValue::Json(serde_json::Value::Object(o)) => {
                o.keys().cloned().collect::<Vec<_>>().join(",")
            }
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(shown, ["resources", "page_info"]);
    // A body of one list field shown as the bare list (`agency_mappings`, Huawei MRS): taken
    // inside it too, not accepted as a list of bodies.
    let one = "# 查询映射<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v2/{project_id}/agency-mapping\n\n## 响应参数<a name=\"a3\"></a>\n\n**表 2**  响应Body参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| agency_mappings | Array of AgencyMapping objects | 映射关系。 |\n\n**表 3**  AgencyMapping\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| agency | String | 委托。 |\n| agency_id | String | 委托ID。 |\n\n## 响应示例<a name=\"a4\"></a>\n\n```\n[ {\"agency\" : \"a1\", \"agency_id\" : \"09\"} ]\n```\n";
    let single = pages_api(Format::HuaweiMarkdown, &[("p.md", one)]);
    let found = codes(&single);
    assert!(found.contains(&"example.field-value"), "{found:?}");
    assert!(!found.contains(&"type.widened-by-example"), "{found:?}");
    // Items of no field: neither taken inside a field nor accepted as the body's items.
    let api = rst_api(&rst(r#"[ { "color" : "red", "size" : 3 } ]"#));
    let found = codes(&api);
    assert_eq!(
        found
            .iter()
            .filter(|c| **c == "example.field-value")
            .count(),
        1,
        "{found:?}"
    );
    assert!(!found.contains(&"type.widened-by-example"), "{found:?}");
}

/// A type cell that names a scalar and then says where the value's structure is
/// (`list(string)，数据结构参见(表2 Annotation字段数据结构说明)`, Huawei APM), or says only that
/// (`数据结构参见表3`): objects of that table, whichever comma the cell uses — before, the
/// full-width comma left a list of strings and the table an orphan, and the bare reference
/// was an unknown type. A reference that is no structure (`String，参见表3`, an ID of what the
/// table lists) leaves the scalar.
#[test]
fn a_scalar_type_cell_giving_the_structure_by_reference() {
    let text = "# 查询调用链<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nGET /v1/{project_id}/spans\n\n## 响应参数<a name=\"a3\"></a>\n\n**表 1**  响应参数\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| annotations | list(string)，数据结构参见([表2 Annotation字段数据结构说明](#t2)) | 事件。 |\n| endpoint | 数据结构参见[表3](#t3) | 服务。 |\n| endpoint_id | String，参见[表3](#t3) | 服务ID。 |\n\n**表 2**  Annotation字段数据结构说明<a name=\"t2\"></a>\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| value | string | 事件类型。 |\n\n**表 3**  EndPoint字段数据结构说明<a name=\"t3\"></a>\n\n| 参数 | 参数类型 | 描述 |\n| --- | --- | --- |\n| port | string | 端口。 |\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    assert!(
        !found.contains(&"table.orphan") && !found.contains(&"type.unknown"),
        "{:#?}",
        api.diagnostics
    );
    let body = success_body(&api);
    let SchemaKind::Ref { name: annotation } = &list_items(&api, body, "annotations").kind else {
        panic!("{:#?}", field(&api, body, "annotations"))
    };
    field(&api, annotation, "value");
    let SchemaKind::Ref { name: endpoint } = &field(&api, body, "endpoint").kind else {
        panic!("{:#?}", field(&api, body, "endpoint"))
    };
    field(&api, endpoint, "port");
    assert!(matches!(
        field(&api, body, "endpoint_id").kind,
        SchemaKind::String { .. }
    ));
}

/// Three conversion defects of one page (Huawei BMS): a header naming the type and required
/// columns in the other order than every row holds them (`参数 | 参数类型 | 是否必选` over
/// `project_id | 是 | String`); a caption indented like the list item it belonged to after a
/// table at the margin ended the list (Markdown reads it as an indented code block); and that
/// caption numbered twice (`表 2 [1] tags字段数据结构说明`, the type cell saying
/// `List <resource_tag>[1]`).
#[test]
fn swapped_columns_and_an_indented_footnoted_caption() {
    let text = "# 批量添加标签<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v1/\\{project\\_id\\}/servers/\\{server\\_id\\}/tags/action\n\n**表 1**  参数说明\n\n|参数|参数类型|是否必选|描述|\n|--|--|--|--|\n|project_id|是|String|项目ID。|\n|server_id|是|String|服务器ID。|\n\n\n## 请求消息<a name=\"a3\"></a>\n\n-   请求参数\n\n|参数|参数类型|是否必选|描述|\n|--|--|--|--|\n|tags|List <resource_tag>[1]|是|标签列表。|\n|action|String|是|操作标识。|\n\n\n    **表 2**  \\[1\\] tags字段数据结构说明\n\n|参数|参数类型|是否必选|描述|\n|--|--|--|--|\n|key|String|是|键。|\n|value|String|是|值。|\n";
    let api = api(&[("p.md", text)]);
    let found = codes(&api);
    assert!(found.contains(&"table.swapped-columns"), "{found:?}");
    for code in [
        "type.unknown",
        "type.unresolved",
        "table.unclassified",
        "table.orphan",
    ] {
        assert!(!found.contains(&code), "{code}: {:#?}", api.diagnostics);
    }
    let op = &api.operations[0];
    let project = op
        .parameters
        .iter()
        .find(|p| p.name == "project_id")
        .expect("project_id");
    assert!(matches!(project.schema.kind, SchemaKind::String { .. }));
    let body = body_component_request(op);
    let SchemaKind::Ref { name: tag } = &list_items(&api, body, "tags").kind else {
        panic!("{:#?}", field(&api, body, "tags"))
    };
    field(&api, tag, "value");
}

/// A request example whose block opens with the request's target alone, without its method
/// (`/drs/v2.0/0002…/replication_task` or `https://{endpoint}/v1/…/tags/create`, then the
/// body): the line is the target, the rest the example — before, the whole block was text.
#[test]
fn an_example_opening_with_its_target_alone() {
    let text = "# 创建任务<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPOST /v2.0/{project_id}/tasks\n\n## 请求参数<a name=\"a3\"></a>\n\n**表 1**  请求Body参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| name | 是 | String | 名称。 |\n\n## 请求示例<a name=\"a4\"></a>\n\n```\n/v2.0/0002c3790b874a678c2022d69341ab6a/tasks  \n{\n    \"name\": \"migration\"\n}\n```\n\n```\nhttps://{endpoint}/v2.0/0002c3790b874a678c2022d69341ab6a/tasks\n{\"name\": \"second\"}\n```\n";
    let api = api(&[("p.md", text)]);
    let body = api.operations[0].request_body.as_ref().expect("body");
    let names: Vec<&serde_json::Value> = body
        .examples
        .iter()
        .filter_map(|e| match &e.value {
            docbind::ir::ExampleValue::Json(v) => v.get("name"),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["migration", "second"], "{:#?}", body.examples);
}

/// A response example block holding only a status line (`STATUS CODE 204`, Huawei IMS): the
/// status of what follows, not an example text of the success response.
#[test]
fn an_example_block_of_only_a_status_line() {
    let text = "# 添加镜像标签<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPUT /v2/images/{image_id}/tags/{tag}\n\n## 响应消息<a name=\"a3\"></a>\n\n-   响应参数\n\n    无\n\n-   响应样例\n\n    ```\n    STATUS CODE 204\n    ```\n\n## 返回值<a name=\"a4\"></a>\n\n-   正常\n\n    204\n";
    let api = api(&[("p.md", text)]);
    let op = &api.operations[0];
    assert!(
        op.responses.values().all(|r| r.examples.is_empty()),
        "{:#?}",
        op.responses
    );
}

/// Operations defined by a `Method | Path` table right under their title, with `Sample
/// requests` / `Sample responses` sub-sections and no URI section (OTC Cloud Create): each is
/// an operation — before, the page yielded none and said nothing. A walkthrough's table (a
/// section of steps, no examples of its own) stays none.
#[test]
fn method_and_path_tables_under_an_operation_title() {
    let text = r#"API v2
======

List templates
--------------

This endpoint lists all templates.

+--------+-------------------+
| Method | Path              |
+========+===================+
| GET    | /api/v2/templates |
+--------+-------------------+

Sample responses
^^^^^^^^^^^^^^^^

.. code-block:: json

    {"data": [{"id": "OpenShift:4.16.19"}], "error": null}

Delete application
------------------

+--------+---------------------------------------+
| Method | Path                                  |
+========+=======================================+
| DELETE | /api/v2/applications/{application-id} |
+--------+---------------------------------------+

Sample requests
^^^^^^^^^^^^^^^

.. code-block:: bash

    curl --request DELETE https://designer.example.com/api/v2/applications/4711

Creating a Load Balancer (walkthrough)
--------------------------------------

Interface Format
^^^^^^^^^^^^^^^^

+--------+---------------------+
| Method | Path                |
+========+=====================+
| POST   | /v2/lbaas/balancers |
+--------+---------------------+

Procedure
^^^^^^^^^

Send the request.
"#;
    let api = rst_api(text);
    let mut found: Vec<String> = api
        .operations
        .iter()
        .map(|o| format!("{} {}", o.method.as_str(), o.path))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "DELETE /api/v2/applications/{application-id}",
            "GET /api/v2/templates"
        ]
    );
}

/// A one-row table whose scalar row says it stands for key-value pairs (`key_val | String |
/// 一个或多个键值对形式的元数据信息`, Huawei EVS), the example holding other keys with values of
/// that type (`{"key1": "value1", "key2": "value2"}`): a map of strings. Before, only rows of
/// objects or lists were read so; a scalar row without those words stays a field.
#[test]
fn a_scalar_row_standing_for_key_value_pairs() {
    let page = |description: &str| {
        format!("# 更新元数据<a name=\"a1\"></a>\n\n## URI<a name=\"a2\"></a>\n\nPUT /v2/volumes/{{volume_id}}/metadata\n\n## 请求消息<a name=\"a3\"></a>\n\n-   请求参数\n\n    | 参数 | 参数类型 | 是否必选 | 描述 |\n    | --- | --- | --- | --- |\n    | metadata | Object | 是 | 元数据，请参见 metadata参数说明。 |\n\n-   metadata参数说明\n\n    | 参数 | 参数类型 | 是否必选 | 描述 |\n    | --- | --- | --- | --- |\n    | key_val | String | 否 | {description} |\n\n-   请求样例\n\n    ```\n    {{\"metadata\": {{\"key1\": \"value1\", \"key2\": \"value2\"}}}}\n    ```\n")
    };
    let api = api(&[("p.md", &page("一个或多个键值对形式的元数据信息。"))]);
    assert!(
        codes(&api).contains(&"schema.keyed-by-example"),
        "{:?}",
        codes(&api)
    );
    let body = body_component_request(&api.operations[0]);
    let SchemaKind::Ref { name: metadata } = &field(&api, body, "metadata").kind else {
        panic!("{:#?}", field(&api, body, "metadata"))
    };
    let SchemaKind::Map { values } = &api.schemas[metadata.as_str()].schema.kind else {
        panic!("{:#?}", api.schemas[metadata.as_str()])
    };
    assert!(matches!(values.kind, SchemaKind::String { .. }));
    let api = pages_api(Format::HuaweiMarkdown, &[("p.md", &page("元数据信息。"))]);
    assert!(!codes(&api).contains(&"schema.keyed-by-example"));
}
