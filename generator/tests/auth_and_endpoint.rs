//! Authentication and the endpoint as the documentation states them, pinned with small pages of
//! their own (never corpus pages): which documented headers the runtime owns, which operations
//! need no credentials, and where the service is — in the IR, the OpenAPI and the Rust crate.

use docbind::doc::Format;
use docbind::emit::openapi::{to_openapi, OpenApiVersion};
use docbind::ir::{Api, Auth, HeaderRole, ParamLocation};
use docbind::{pipeline, read};
use serde_json::json;

fn api(pages: &[(&str, &str)]) -> Api {
    let mut docs = Vec::new();
    let mut diags = docbind::diag::Diagnostics::new();
    for (file, text) in pages {
        let (doc, d) = read::read_text(file, text, Format::HuaweiMarkdown);
        docs.push(doc);
        diags.extend(d);
    }
    pipeline::build_api(&docs, diags, "t", "1").0
}

fn header_table(rows: &[(&str, &str, &str)]) -> String {
    let mut t = "**表 2**  请求Header参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n".to_string();
    for (name, required, description) in rows {
        t.push_str(&format!(
            "| {name} | {required} | String | {description} |\n"
        ));
    }
    t.push('\n');
    t
}

fn body_table() -> &'static str {
    "**表 3**  请求Body参数\n\n| 参数 | 是否必选 | 参数类型 | 描述 |\n| --- | --- | --- | --- |\n| name | 是 | String | 名称。 |\n\n"
}

fn operation_page(anchor: &str, title: &str, request_line: &str, request: &str) -> String {
    format!(
        "# {title}<a name=\"{anchor}\"></a>\n\n## URI<a name=\"{anchor}_u\"></a>\n\n{request_line}\n\n## 请求参数<a name=\"{anchor}_r\"></a>\n\n{request}## 响应参数<a name=\"{anchor}_s\"></a>\n\n无\n"
    )
}

/// Token, signature, transport and scope headers are the runtime's; a header the API itself
/// defines stays an argument; a misspelled runtime header is recognised, with a warning.
#[test]
fn runtime_headers_are_not_arguments() {
    let headers = header_table(&[
        ("X-Auth-Token", "是", "用户Token。"),
        (
            "Content-Type",
            "是",
            "消息体的类型（格式），取值为application/json。",
        ),
        ("X-Project-Id", "否", "项目ID。"),
        ("X-Sdk-Date", "否", "签名时间。"),
        ("X-Language", "否", "返回信息的语言。"),
    ]);
    let misspelled = header_table(&[("Conent-Type", "是", "消息体的类型。")]);
    let api = api(&[
        (
            "create.md",
            &operation_page(
                "create",
                "创建资源",
                "POST /v1/{project_id}/things",
                &format!("{headers}{}", body_table()),
            ),
        ),
        (
            "delete.md",
            &operation_page(
                "delete",
                "删除资源",
                "DELETE /v1/{project_id}/things/{id}",
                &misspelled,
            ),
        ),
    ]);
    let create = &api.operations[0];
    let headers: Vec<&str> = create
        .parameters
        .iter()
        .filter(|p| p.location == ParamLocation::Header)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(headers, ["X-Language"]);
    let owned: Vec<(&str, HeaderRole)> = create
        .runtime_headers
        .iter()
        .map(|h| (h.name.as_str(), h.role))
        .collect();
    assert_eq!(
        owned,
        [
            ("X-Auth-Token", HeaderRole::Auth),
            ("Content-Type", HeaderRole::Transport),
            ("X-Project-Id", HeaderRole::Scope),
            ("X-Sdk-Date", HeaderRole::Signing),
        ]
    );
    assert_eq!(
        create.request_body.as_ref().unwrap().content_type,
        "application/json"
    );
    let delete = &api.operations[1];
    assert!(delete
        .parameters
        .iter()
        .all(|p| p.location != ParamLocation::Header));
    assert_eq!(delete.runtime_headers[0].name, "Content-Type");
    assert!(api
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "param.runtime-header-misspelled"));

    // OpenAPI: no header parameter but X-Language, the headers kept as provenance, the
    // document secured by token or signature.
    let doc = to_openapi(&api, OpenApiVersion::V3_0_3);
    let post = &doc["paths"]["/v1/{project_id}/things"]["post"];
    let names: Vec<&str> = post["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["in"] == "header")
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["X-Language"]);
    assert_eq!(post["x-docbind-runtime-headers"][0]["name"], "X-Auth-Token");
    assert!(post.get("security").is_none());
    assert_eq!(
        doc["security"],
        json!([{ "iam_token": [] }, { "aksk_signature": [] }])
    );
    assert_eq!(
        doc["components"]["securitySchemes"]["iam_token"],
        json!({
            "type": "apiKey",
            "in": "header",
            "name": "X-Auth-Token",
            "description": doc["components"]["securitySchemes"]["iam_token"]["description"],
        })
    );
    assert_eq!(
        doc["components"]["securitySchemes"]["aksk_signature"]["x-docbind-signing"]["algorithm"],
        "SDK-HMAC-SHA256"
    );
}

/// A sentence linking to an operation's page and saying it needs no authentication (the
/// "making a request" page of every reference has one, linking to the token API) makes that
/// operation `security: []`; a page referring to itself counts too; a header documented as the
/// caller's own `Bearer` credential stays an argument and the operation takes no credentials.
#[test]
fn operations_the_documentation_says_need_no_credentials() {
    let statement = "# 构造请求<a name=\"req\"></a>\n\n对于[获取令牌](https://support.example.com/api/tok_0001.html)接口，由于不需要认证，所以只添加“Content-Type”即可。\n\nThe API used to [list versions](versions.md) does not require authentication.\n";
    let token = operation_page(
        "tok_0001",
        "获取令牌",
        "POST /v3/tokens",
        &format!(
            "{}{}",
            header_table(&[("Content-Type", "是", "application/json")]),
            body_table()
        ),
    );
    let own = operation_page("self_1", "查询元数据", "GET /v3/metadata", "无\n\n")
        .replace("## 请求参数", "该接口无需认证。\n\n## 请求参数");
    let bearer = operation_page(
        "fed_1",
        "交换令牌",
        "POST /v3/federation/auth",
        &header_table(&[(
            "Authorization",
            "是",
            "身份提供商的ID Token，格式为Bearer {ID Token}。",
        )]),
    );
    let other = operation_page(
        "other_1",
        "查询资源",
        "GET /v3/things",
        &header_table(&[(
            "X-Auth-Token",
            "是",
            "用户Token。This API is the only one that does not require authentication.",
        )]),
    );
    let api = api(&[
        ("req.md", statement),
        ("tok.md", &token),
        ("self.md", &own),
        ("fed.md", &bearer),
        ("other.md", &other),
    ]);
    let auth = |path: &str| &api.operations.iter().find(|o| o.path == path).unwrap().auth;
    assert!(matches!(auth("/v3/tokens"), Auth::None { span } if span.file.as_ref() == "req.md"));
    assert!(matches!(auth("/v3/metadata"), Auth::None { .. }));
    assert!(
        matches!(auth("/v3/federation/auth"), Auth::Caller { header, .. } if header == "Authorization")
    );
    // A header cell's wording about another API is not a statement about this one.
    assert!(matches!(auth("/v3/things"), Auth::Credentials));
    let fed = api
        .operations
        .iter()
        .find(|o| o.path == "/v3/federation/auth")
        .unwrap();
    assert_eq!(
        fed.parameters
            .iter()
            .filter(|p| p.name == "Authorization")
            .count(),
        1
    );

    let doc = to_openapi(&api, OpenApiVersion::V3_1_0);
    assert_eq!(doc["paths"]["/v3/tokens"]["post"]["security"], json!([]));
    assert_eq!(
        doc["paths"]["/v3/tokens"]["post"]["x-docbind-auth"]["source"]
            .as_str()
            .unwrap()
            .split(':')
            .next(),
        Some("req.md")
    );
    assert_eq!(
        doc["paths"]["/v3/federation/auth"]["post"]["security"],
        json!([])
    );
    assert!(doc["paths"]["/v3/things"]["get"].get("security").is_none());

    // The Rust client sends those requests without the configured credentials.
    let files =
        docbind::emit::rust::generate_crate(&api, &docbind::emit::rust::RustOptions::ad_hoc("t"))
            .unwrap();
    let client = &files[std::path::Path::new("src/client.rs")];
    assert_eq!(
        client.matches(".without_credentials()").count(),
        3,
        "{client}"
    );
}

/// Two pages documenting one endpoint, one saying it needs no authentication and one listing
/// the token header: credentials are optional (`security` with the empty requirement first).
#[test]
fn one_endpoint_with_and_without_credentials_makes_them_optional() {
    let statement = "# 构造请求<a name=\"req\"></a>\n\n对于[获取令牌](tok_0001.md)接口，由于不需要认证，所以只添加Content-Type即可。\n";
    let password = operation_page(
        "tok_0001",
        "获取令牌（密码）",
        "POST /v3/tokens",
        body_table(),
    );
    let delegated = operation_page(
        "tok_0002",
        "获取委托令牌",
        "POST /v3/tokens",
        &format!(
            "{}{}",
            header_table(&[("X-Auth-Token", "是", "用户Token。")]),
            body_table()
        ),
    );
    let api = api(&[
        ("req.md", statement),
        ("a.md", &password),
        ("b.md", &delegated),
    ]);
    assert_eq!(api.operations.len(), 1);
    assert!(matches!(api.operations[0].auth, Auth::Optional { .. }));
    let doc = to_openapi(&api, OpenApiVersion::V3_0_3);
    assert_eq!(
        doc["paths"]["/v3/tokens"]["post"]["security"],
        json!([{}, { "iam_token": [] }, { "aksk_signature": [] }])
    );
}

/// An endpoint table (region id + a host naming it) gives `servers` with a `region` variable
/// and the crate's endpoint template; without a table, request lines with a full URL to one of
/// the API's operations do (a host of another API's example does not count).
#[test]
fn the_endpoint_from_its_table_or_from_request_examples() {
    let endpoints = "# 终端节点<a name=\"ep\"></a>\n\n**表 1**  终端节点\n\n| 区域名称 | 区域 | 终端节点（Endpoint） | 协议类型 |\n| --- | --- | --- | --- |\n| 华北-一 | xx-north-1 | svc.xx-north-1.example.com | HTTPS |\n| 华东-二 | xx-east-2 | svc.xx-east-2.example.com | HTTPS |\n";
    let op = operation_page("op_1", "查询资源", "GET /v1/{project_id}/things", "无\n\n");
    let with_table = api(&[("ep.md", endpoints), ("op.md", &op)]);
    let e = with_table.endpoint.as_ref().expect("an endpoint");
    assert_eq!(e.template, "https://svc.{region}.example.com");
    assert_eq!(e.regions, ["xx-north-1", "xx-east-2"]);
    let doc = to_openapi(&with_table, OpenApiVersion::V3_0_3);
    assert_eq!(doc["servers"][0]["url"], "https://svc.{region}.example.com");
    assert_eq!(
        doc["servers"][0]["variables"]["region"]["default"],
        "xx-north-1"
    );
    let files = docbind::emit::rust::generate_crate(
        &with_table,
        &docbind::emit::rust::RustOptions::ad_hoc("t"),
    )
    .unwrap();
    assert!(
        files[std::path::Path::new("src/lib.rs")].contains("\"https://svc.{region}.example.com\"")
    );

    let examples = "# 构造请求<a name=\"req\"></a>\n\n```\nPOST https://iam.xx-north-1.example.com/v3/auth/tokens\n```\n\n```\nGET https://svc.xx-west-3.example.com/v1/{project_id}/things\n```\n";
    let from_requests = api(&[("req.md", examples), ("op.md", &op)]);
    let e = from_requests.endpoint.as_ref().expect("an endpoint");
    assert_eq!(e.template, "https://svc.{region}.example.com");
    assert_eq!(e.regions, ["xx-west-3"]);

    let none = api(&[("op.md", &op)]);
    assert!(none.endpoint.is_none());
    assert!(to_openapi(&none, OpenApiVersion::V3_0_3)
        .get("servers")
        .is_none());
}
