//! Every diagnostic code docbind emits, with its severity, a one-line summary and an
//! explanation (`docbind explain CODE` prints it, as `rustc --explain` does).
//!
//! Codes are stable: tests, allow-lists and users' CI filters refer to them. A code is
//! `<stage>.<what>`: `read.md.*`, `read.rst.*`, `read.pdf.*` for the readers, the extraction
//! step's own prefixes (`uri`, `param`, `body`, `table`, `type`, `field`, `schema`, `prose`,
//! `example`, `enum`, `required`, `merge`, `sdk`, `operation`, `response`) after them. Call sites
//! name the constant, never a string; `tests/diagnostic_catalogue.rs` fails when a run emits a
//! code that is not here.

use super::Severity;

/// One diagnostic code of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    pub id: &'static str,
    pub severity: Severity,
    /// What happened, in one line.
    pub summary: &'static str,
    /// Why it happens, what docbind did about it, and what the user can do; with an example.
    pub explanation: &'static str,
}

macro_rules! catalogue {
    ($($name:ident = $id:literal, $severity:ident, $summary:literal, $explanation:literal;)*) => {
        $(
            #[doc = $summary]
            pub const $name: Code = Code {
                id: $id,
                severity: Severity::$severity,
                summary: $summary,
                explanation: $explanation,
            };
        )*
        /// Every code, in catalogue order.
        pub const ALL: &[Code] = &[$($name),*];
    };
}

/// The code with this id.
pub fn find(id: &str) -> Option<&'static Code> {
    ALL.iter().find(|c| c.id == id)
}

catalogue! {
    // ---- Markdown reader (Huawei pages: markdown with embedded HTML tables) ----
    READ_MD_RAGGED_ROW = "read.md.ragged-row", Warning,
        "A table row has more or fewer cells than the header.",
        "The row is padded with empty cells or cut to the header's width, so the columns keep their meaning. Usually a cell with an unescaped `|` or a row broken by the converter.\nExample: `| a | b | c |` under a two-column header.";
    READ_MD_TABLE_NO_HEADER = "read.md.table-no-header", Note,
        "An HTML table has no header row.",
        "Column roles (name, type, required, description) are read from the header; without one the table is kept, but extraction may not recognise what it describes.\nExample: `<table><tr><td>name</td>…` with no `<th>` or `<thead>`.";
    READ_MD_EMPTY_TABLE = "read.md.empty-table", Warning,
        "A table has a header but no rows.",
        "The table is kept (it may still be referenced) but describes nothing. Often a page whose rows were removed when the API changed.\nExample: `<table><thead>…</thead><tbody></tbody></table>`.";
    READ_MD_UNCLOSED_TABLE = "read.md.unclosed-table", Warning,
        "An HTML table is not closed before the page ends.",
        "The table is read up to the end of the page. Check the page source for a missing `</table>`.";
    READ_MD_SPLIT_HTML_TABLE = "read.md.split-html-table", Note,
        "An HTML table was split by blank lines and has been re-joined.",
        "Markdown ends an HTML block at a blank line; pages with blank lines inside `<table>` arrive in pieces, which the reader joins back into one table.";
    READ_MD_DANGLING_ANCHOR = "read.md.dangling-anchor", Note,
        "A link points to an anchor that no element of the page carries.",
        "References by link (`[表3](#xyz)`) cannot be followed; extraction falls back to type names and captions.\nExample: `[ServiceConfig](#section5)` with no `<a name=\"section5\">`.";
    READ_MD_HTML_TOO_DEEP = "read.md.html-too-deep", Warning,
        "HTML nested deeper than the reader follows; the deeper part is cut.",
        "Real pages nest a few levels (a table in a list in a cell); a page nesting hundreds of elements is damaged or hostile. The reader keeps what stands above the limit, so the run stays linear in the input and never exhausts the stack.";
    // ---- reStructuredText reader (Open Telekom Cloud pages) ----
    READ_RST_DANGLING_TARGET = "read.rst.dangling-target", Note,
        "A `:ref:` names a target no page of the run defines.",
        "The reference text is kept as plain text; nested tables it pointed to are found by type name or caption instead.\nExample: ``:ref:`Table 3 <xyz__tab_abc>` `` with no `.. _xyz__tab_abc:`.";
    READ_RST_INLINE_UNTERMINATED = "read.rst.inline-unterminated", Note,
        "Inline markup (`**`, `` ` ``, `*`) is opened but not closed.",
        "The marker is kept as literal text, as docutils does.";
    READ_RST_LITERAL_BLOCK_MISSING = "read.rst.literal-block-missing", Warning,
        "A `::` or `.. code-block::` announces a literal block that does not follow.",
        "Nothing is lost but the example the page meant to show. Check the indentation of the block.";
    READ_RST_MALFORMED_TABLE = "read.rst.malformed-table", Warning,
        "A grid or simple table's borders do not line up.",
        "The reader keeps the rows it can delimit and reports where the layout broke; cells may be merged or split.\nExample: a `+----+` line shorter than the rows under it.";
    READ_RST_NESTED_TABLE = "read.rst.nested-table", Note,
        "A table stands inside a table cell.",
        "The inner table is kept as the cell's text; docbind does not describe objects with nested grid tables.";
    READ_RST_TABLE_DIRECTIVE_WITHOUT_TABLE = "read.rst.table-directive-without-table", Warning,
        "A `.. table::` directive holds no table.",
        "The caption is dropped with it. Usually an indentation error.";
    READ_RST_TABLE_WITHOUT_HEADER = "read.rst.table-without-header", Note,
        "A grid table has no `+===+` header separator.",
        "Header cells are empty, so columns are recognised by position only if at all.";
    READ_RST_TOO_DEEP = "read.rst.too-deep", Warning,
        "Nested blocks deeper than the reader follows; the deeper part is cut.",
        "Lists and directives nested hundreds of levels deep are not documentation; the reader keeps what stands above the limit so it never exhausts the stack.";
    READ_RST_UNKNOWN_DIRECTIVE = "read.rst.unknown-directive", Note,
        "A directive the reader does not know.",
        "Its content is kept as paragraphs. Directives that carry API facts (tables, code) are known.";
    READ_RST_UNKNOWN_SUBSTITUTION = "read.rst.unknown-substitution", Warning,
        "A `|name|` substitution is used but not defined.",
        "The text `|name|` is kept as written.";
    // ---- PDF-converted text reader ----
    READ_PDF_TOC_SKIPPED = "read.pdf.toc-skipped", Note,
        "The table of contents was recognised and skipped.",
        "Its entries are used to cross-check the numbered headings of the body (see read.pdf.toc-entry-missing).";
    READ_PDF_TOC_ENTRY_MISSING = "read.pdf.toc-entry-missing", Warning,
        "The table of contents lists a section the body does not have.",
        "Often a heading glued to the text before it by the converter; the section's content is then read as part of the previous one.\nExample: `table of contents lists 10.4 批量删除节点 but the body has no such heading`.";
    READ_PDF_HEADING_TOC_MISMATCH = "read.pdf.heading-toc-mismatch", Warning,
        "A numbered heading's title differs from its table-of-contents entry.",
        "The body's title is used. Usually a doc edit made in one place only.";
    READ_PDF_HEADING_NOT_IN_TOC = "read.pdf.heading-not-in-toc", Warning,
        "A numbered heading of the body is missing from the table of contents.",
        "The heading is kept. It may be a numbered list item that looks like a heading.";
    READ_PDF_HEADING_NUMBER_GAP = "read.pdf.heading-number-gap", Warning,
        "Section numbers skip one (10.5 follows 10.3).",
        "A heading was lost by the converter; its content becomes part of the previous section.";
    READ_PDF_GLUED_HEADING = "read.pdf.glued-heading", Note,
        "A heading was glued to the text after it and has been split off.",
        "Example: `响应示例{\"a\": 1}` becomes the heading `响应示例` and a code block.";
    READ_PDF_GLUED_CAPTION = "read.pdf.glued-caption", Note,
        "A table caption was glued to the line before it and has been split off.",
        "Captions name the object a table describes, so they are recovered.";
    READ_PDF_ROW_WIDTH = "read.pdf.row-width", Warning,
        "A table row has a different number of cells than the header.",
        "The row is padded or cut to the header's width.";
    READ_PDF_SPLIT_ROW_MERGED = "read.pdf.split-row-merged", Note,
        "A table row split by a page break was joined to the previous row.",
        "PDF conversion cuts rows at page ends; a continuation row without a name cell is merged back.";
    READ_PDF_UNCLOSED_FENCE = "read.pdf.unclosed-fence", Warning,
        "A code fence is not closed before the document ends.",
        "The rest of the document is read as code. Check the converted text around the line.";
    // ---- Finding operations ----
    URI_MISSING = "uri.missing", Warning,
        "A URI section has no `METHOD /path` line: no operation.",
        "Operations are found by their request line under a URI heading (`URI`, `请求URI`). Without one, the section yields nothing.\nExample: `section 授权 has a URI heading but no METHOD /path line`.";
    URI_HTTP_MESSAGE = "uri.http-message", Warning,
        "The request is documented as an HTTP message (S3-style pages); such pages are not generated yet: no operation.",
        "S3-style pages (object storage) document a request by its syntax, `请求消息样式` / `Request Syntax`: a request line `PUT /{ObjectName}?acl HTTP/1.1` and header lines, then `请求消息头` / `请求消息元素` (headers and XML or JSON elements), with operations told apart by query words such as `?acl`. docbind does not generate them yet (planned with XML bodies); the request line counts as a documented endpoint that was not extracted.\nExample: `## 请求消息样式` over `GET /v2/workflows/{graph_name} HTTP/1.1`, `Host: obs.cn-north-4.myhuaweicloud.com`, `Authorization: authorization`.";
    URI_MULTIPLE = "uri.multiple", Warning,
        "A URI section holds a second, different request line; only the first is used.",
        "Often an example URI with concrete ids next to the template.";
    URI_OUTSIDE_URI_SECTION = "uri.outside-uri-section", Note,
        "A request line in the section's prose is used as the operation's URI.",
        "Older pages state `GET /v1/...` in a paragraph instead of a URI sub-section.";
    URI_SECOND_IN_SECTION = "uri.second-in-section", Warning,
        "A section already yielded an operation; another request line in it is not extracted.",
        "A section describes one operation. Example requests with concrete ids trigger this when they stand outside an example section.";
    URI_EXAMPLE_ONLY = "uri.example-only", Note,
        "A page has request lines only in examples or prose: no operation from it.",
        "Pages explaining how to call the API (authentication, getting started) show requests that are not operations of this reference.";
    OPERATION_RECOVERED = "operation.recovered", Warning,
        "A section starts over with a second operation that lost its heading and URI; it was recovered.",
        "Some pages document two operations in one section. The second is split off, named after its example request.";
    OPERATION_RESTART_WITHOUT_URI = "operation.restart-without-uri", Warning,
        "A section starts over with a second group of sub-sections, but no example names another request.",
        "The sub-sections are kept as part of the first operation; its parameters may then mix two variants of the request.";
    // ---- Parameters, bodies, responses, tables ----
    PARAM_NOT_IN_PATH = "param.not-in-path", Warning,
        "A documented path parameter does not appear in the path; it is treated as a query parameter.",
        "Path parameters are exactly the path's placeholders (an IR guarantee the emitters rely on).";
    PARAM_DUPLICATE = "param.duplicate", Warning,
        "A parameter is documented twice in one operation; the first is kept.",
        "Example: `project_id` in both the URI table and a path parameter table.";
    PARAM_UNDOCUMENTED_PATH = "param.undocumented-path", Warning,
        "A path placeholder has no table row; it is typed as a string.",
        "Example: `/v2/{project_id}/keys/{key}` with no row for `key`.";
    PARAM_UNTYPED = "param.untyped", Note,
        "A parameter row states no type; it is typed from its description.",
        "Path, query and header values travel as text, so a parameter without a type cell is a string, an integer when its description states whole-number limits, default or values (`limit`: `The minimum value is 1 and the maximum value is 100`), or a boolean when it lists `true`/`false`. Body fields without a type stay free-form (`type.missing`).";
    PARAM_QUERY_FROM_URI = "param.query-from-uri", Note,
        "A query parameter appears only in the request line; it is typed as a string.",
        "Example: `GET /v1/x?id={id}` with no table row for `id`.";
    PARAM_RUNTIME_HEADER_MISSPELLED = "param.runtime-header-misspelled", Warning,
        "A documented header name is one letter away from a header the runtime sets; it is read as that header.",
        "Example: `Conent-Type` is read as `Content-Type`, which the runtime sets itself (not an argument).";
    AUTH_NONE_STATED = "auth.none-stated", Note,
        "The documentation says an operation needs no authentication: it is sent without credentials.",
        "Example: `对于获取用户Token接口，由于不需要认证…` with a link to that operation's page; OpenAPI `security: []`.";
    AUTH_CALLER_CREDENTIAL = "auth.caller-credential", Note,
        "An operation takes its credential in a documented header (e.g. `Authorization: Bearer {ID token}`): the header stays an argument and the runtime adds no credentials.",
        "Example: an identity provider's token exchange documents `Authorization` as `Bearer {ID Token}`.";
    ENDPOINT_SEVERAL_TEMPLATES = "endpoint.several-templates", Note,
        "The endpoint tables list hosts of more than one pattern; the most common is the endpoint template.",
        "Example: most regions at `svc.{region}.myhuaweicloud.com`, one at another domain: set `[rust] endpoint_template` to choose.";
    BODY_READ_AS_QUERY = "body.read-as-query", Note,
        "A GET or HEAD operation documents request body fields; they are read as query parameters.",
        "GET and HEAD requests carry no body. Pages that list a list operation's filters under `Request parameters` / `请求参数` (`marker`, `limit`, `page_reverse`) describe the query string, as their example URLs show.";
    BODY_SELF_NAMING_TABLE = "body.self-naming-table", Note,
        "A response section with no body table holds a table captioned with the name of one of its own rows: that table is the body.",
        "Example: `表 2 backups字段数据结构说明` listing `backups | Array of backup objects`, then `表 3 backups字段数据结构说明` describing one backup. A table cannot describe a field it lists, so it holds it: it is the response body, and the second table the items.";
    BODY_FIRST_OBJECT_TABLE = "body.first-object-table", Warning,
        "No table of the request section is captioned as the request body; its first object table is taken as the body.",
        "Example: a `Request` section with `Table 2 Parameters in the request header` and `Table 3 NodePool structure` (then tables for `metadata`, `spec`): the NodePool table is the body of the POST.";
    BODY_ON_ANOTHER_PAGE = "body.on-another-page", Note,
        "A body no table of the page describes is the table on another page that a paragraph of its sub-section links.",
        "Example: an update page's `Response` says ``:ref:`Table 26 <…>` describes the response parameters``, Table 26 being the create page's response table: that table, built on its own page, is the body.";
    BODY_LINKED_TABLE = "body.linked-table", Note,
        "A body no table is captioned as is the object table of the page that a paragraph of its sub-section links, when no field references that table.",
        "Example: `响应中含有多个模板结构，结构如表2所示` above `表2 模板结构`: the response body is the template object (a list of them where the examples show one, see type.widened-by-example).";
    BODY_FORM_DATA_UNSUPPORTED = "body.form-data-unsupported", Warning,
        "A table lists the fields of a form (multipart or URL-encoded) body; such bodies are not generated yet.",
        "Example: `Table 2 FormData` under a chart upload (`content | Yes | File`, `parameters | No | String`). The operation is generated without a typed request body; multipart bodies are planned.";
    BODY_FROM_EXAMPLE = "body.from-example", Warning,
        "A success response has examples but no table: its body is typed from the examples, one optional field per key.",
        "Values are typed as the examples show them (objects free-form: no structure is invented from an example; examples disagreeing on a key's type widen it). Error responses keep no body (the runtime reads errors).\nExample: `响应参数` with nothing in it, and `状态码： 200` with `{\"agency_name\": \"ma_agency_iam-user01\"}`: the 200 body is an object with an optional string `agency_name`.";
    BODY_DUPLICATE_REQUEST_TABLE = "body.duplicate-request-table", Warning,
        "A second request body table in one operation is ignored.",
        "Usually a page documenting two variants of a request. The first table is the body.";
    BODY_DUPLICATE_RESPONSE_TABLE = "body.duplicate-response-table", Warning,
        "A second response body table for one status code is ignored.",
        "Usually a table of a nested object whose caption was not recognised as naming it.";
    BODY_CONTENT_TYPE_CHOICE = "body.content-type-choice", Note,
        "The Content-Type header names several media types; one is chosen for the request body.",
        "JSON is chosen when it is among them, else the first named.";
    RESPONSE_ASSUMED_SUCCESS = "response.assumed-success", Note,
        "No success response is documented; a 200 with no body is assumed.",
        "Every operation needs a success response in OpenAPI; the assumed one carries no schema.";
    TABLE_IGNORED = "table.ignored", Note,
        "A table inside an operation is deliberately not used (e.g. an error-code table).",
        "Error codes are not part of an operation's schema.";
    TABLE_ORPHAN = "table.orphan", Warning,
        "A table describing an object is not referenced by any field.",
        "Nested objects are tied to fields by link, type name, `表 N` reference or caption; none matched. The object's fields are then missing from the schema.\nExample: `table describing 要素 is not referenced by any field`.";
    TABLE_UNCLASSIFIED = "table.unclassified", Warning,
        "A table in an operation is not recognised as parameters, body, object or status codes.",
        "Its columns or caption are of a kind docbind does not know; it is ignored.";
    FIELD_ROW_SHIFTED = "field.row-shifted", Warning,
        "A row of a table without a required column carries a required flag in its type column and its type in its description; it is read that way.",
        "Rows copied from the request table into the response table keep their four cells: `containerBaseSize | No | Integer | Details…` under `Parameter | Type | Description` becomes an optional Integer.";
    TABLE_SWAPPED_COLUMNS = "table.swapped-columns", Warning,
        "The header names the type and required columns in one order and every row holds them in the other; read as the cells show.",
        "Example: `参数 | 参数类型 | 是否必选 | 描述` over `project_id | 是 | String | 项目ID。`: `project_id` is a required string (before, its type was the unknown spelling `是`). Only when every row has a required flag under the type and a known type under the required flag.";
    TABLE_NO_NAME_COLUMN = "table.no-name-column", Warning,
        "A table read for fields has no header cell docbind knows as the column of field names; its rows are not read.",
        "The object it describes gets no fields from it. The header words are in extract/vocab.rs (`参数`, `名称`, `Parameter`, `Name`, `Attribute`, …); a new word there is the fix.\nExample: `Key | Type | Description` (no `Name`/`Parameter`/`Attribute` column).";
    TABLE_ROW_WITHOUT_NAME = "table.row-without-name", Warning,
        "A field table row has no name; it is skipped.",
        "Usually a row split by the converter.";
    // ---- Types and fields ----
    FIELD_NAMED_ALTERNATIVES = "field.named-alternatives", Note,
        "A row that stands for one of several keys, each named in a bullet of its description with its own table, becomes one optional field per key.",
        "Example: `backend_define | Object | API后端定义` with the bullets `httpEndpoints，参考表 后端httpEndpoints参数说明` and `mockEndpoints，参考表 后端mockEndpoints参数说明`: the object has optional `httpEndpoints` and `mockEndpoints` fields of those tables (the examples show `\"httpEndpoints\": {…}`, never `backend_define`).";
    FIELD_FROM_EXAMPLE = "field.from-example", Warning,
        "An example's object holds a key its table lacks: the key is added as an optional field typed by the example's value.",
        "Example: the table of `loadbalancers` lists `name`, `description`, `vip_subnet_id`, … and every example response also holds `\"id\"`, `\"provisioning_status\"`, `\"listeners\": [{…}]`: `id` and `provisioning_status` become optional strings, `listeners` a list of free-form values (no structure is invented from an example). Only objects that hold a documented field count (a wrapper `{\"role\": {…}}` holds none), and only keys that are names; examples that disagree on a key's type leave it free-form. The field's description names the example.";
    FIELD_NAMED_BY_EXAMPLE = "field.named-by-example", Warning,
        "A table capitalises a field's first letter and the examples show the field in lower case, never as documented; the field takes the examples' name (the wire name) and keeps its table's schema.",
        "Table cells often get their first letter capitalised by the documentation tool; the examples are captured from the wire.\nExample: `Hosts | 是 | Array | 主机参数，请参见表4。` and the response example `{\"total\": 1, \"hosts\": [{\"id\": …}]}`: the field is `hosts`, a list of the table 4 objects. Only a difference in the first letter counts, and only when the examples show no `Hosts`.";
    FIELD_FROM_NESTED_TABLE = "field.from-nested-table", Warning,
        "A nested table captioned with a field path names a field its parent table does not list; the field is added, optional.",
        "Example: tables `token.roles` and `token.catalog` beside a `token` table listing only `expires_at`, `methods`, `issued_at` and `user`: `token` gets optional `roles` and `catalog` fields of those tables.";
    EXAMPLE_UNDECLARED_KEY = "example.undeclared-key", Warning,
        "An example holds a key its object's table lacks, and docbind does not add it as a field: it is no field name, it stands for a documented field misspelt, or the object holds none of the table's fields.",
        "The generated model cannot hold the key (a Rust client drops it); the report lists it among the undeclared example fields. Usually a defect of the example.\nExamples: `\"ac;_id\"` or `\"ssl_id \"` (no name); `{\"key\": \"batch_size\", \"value\": 32}` beside `{\"label\": …, \"value\": …}` (`label` misspelt); a user page's example showing `{\"users\": […], \"links\": {…}}` where its table documents one user (another operation's example).";
    FIELD_FROM_EXAMPLE_TABLE = "field.from-example-table", Warning,
        "A table no field references is named after a key the operation's examples show in an object whose table lacks it; the object gets that field, optional, of that table.",
        "The object's table is usually a copy (the create request's) without the fields only responses hold. A list where the examples show a list.\nExample: `Table 3 loadbalancer parameter description` without `listeners`, `Table 4 listeners parameter description` (one row, `id`) that nothing links, and response examples holding `\"listeners\": [{\"id\": …}]` in each load balancer: `listeners` becomes an optional list of the table 4 objects.";
    FIELD_TABLE_BY_EXAMPLE_KEYS = "field.table-by-example-keys", Warning,
        "A table no field references lists exactly the keys the operation's examples show in a field the documentation leaves free-form, types as a scalar, or whose table was only taken by the field's name and lacks keys the examples show; the field is of that table.",
        "Example: `tags | Array of objects | 标签列表` with no link, `表 2 resource_tag数据结构说明` listing `key` and `value`, and the example `\"tags\": [{\"key\": …, \"value\": …}]`: `tags` becomes a list of the table's objects. Every object shown holds only the table's rows and together all of them; one such field in the operation, else the table stays an orphan; a one-row table only when its caption names the field.\nExample: `loadbalancers | String | 关联的负载均衡器ID的列表` beside `表 6 loadbalancers字段说明` (one row, `id`) and every example showing `\"loadbalancers\": [{\"id\": …}]`: a list of the table's objects. A scalar some example shows as a scalar stays as documented.";
    FIELD_ALTERNATIVE_NAMES = "field.alternative-names", Note,
        "A name cell gives one value two names (`env_id/env`, `status/stack_status`): the first is the field as documented, each other an optional field of the same type.",
        "Without this the generated client would send a key named `env_id/env`, which no server reads. Only names that are plain identifiers count: `kubernetes.io/name`, `alpha.cce/preInstall` are keys of their own.\nExample: `env_id/env | 是 | String | 目前支持env_id和env，两个均存在时以env_id为准`: a required `env_id` and an optional `env`.";
    FIELD_FLAT_ROWS_BY_EXAMPLE = "field.flat-rows-by-example", Warning,
        "A table lists, right below a row it leaves free-form, rows that the examples show only inside that row's value: they are the fields of that value (of its items, for a list), at every depth the examples show.",
        "Older pages flatten nested objects into one table with no mark of nesting; the examples show where each row sits. Only documented rows move (two at least, starting with the row right below); keys the examples show beside the free-form row stay where they are.\nExample: `backup | dict`, then `status`, `description`, `links`, … in the same table, and every example `{\"backup\": {\"status\": …, \"links\": […]}}`: `backup` is an object of those fields.";
    FIELD_GROUP_ROW = "field.group-row", Note,
        "A row made of one cell spanning the table holds a field name: the rows below it, up to the next such row, are the fields of that object (optional).",
        "Example: `service_id`, `plan_id`, then a row `parameters` across all columns, then `order_id`, `scale_type`, …: the body has `service_id`, `plan_id` and an object `parameters` holding `order_id`, `scale_type`, … A spanning row that holds no field name (`Note: …`) is no group.";
    FIELD_DOTTED_ROWS = "field.dotted-rows", Note,
        "Rows named with a path (`metaData.count`) below the row of its head (`metaData | JSON对象`) are the fields of that object (of its items, for a list); a head with a schema of its own keeps it and the rows are said, not added.",
        "Example: `metaData | JSON对象 | 查询结果元数据信息`, `metaData.count | int`, `metaData.total | int`: `metaData` is an object with `count` and `total`. A dotted name whose head no row names (`os.modelarts/workspace.id`) stays a field of that name.";
    FIELD_DUPLICATE = "field.duplicate", Warning,
        "A field is listed twice in one table; the first is kept.",
        "Example: `field delete_sfs is listed twice in one table`.";
    FIELD_REQUIRED_UNCLEAR = "field.required-unclear", Warning,
        "The required column says neither yes nor no; the field is optional.",
        "Example: `POST/PUT请求必填，GET不能包含` (required depends on the method).";
    TYPE_TABLE_ON_ANOTHER_PAGE = "type.table-on-another-page", Note,
        "An object, or a type name, that no table of its page describes is described by the table another page of the reference captions with exactly its name.",
        "Older pages describe an object once (`表3 nat_gateway字段说明` on the list page) and elsewhere only name it (`nat_gateway | Dict | nat_gateway对象` on the create page, `snat_rules | List(snat_rule)`). The type name must be the caption's name, or the field's name (or its singular) when the description calls the value that object (`nat_gateway对象`, `snat_rule object`: a field name alone names unrelated tables, `params`, `result`); every page captioning a table with it must list the same fields; otherwise the value stays free-form (schema.free-form, type.unresolved).";
    TYPE_LINK_SKIPS_TABLE = "type.link-skips-table", Warning,
        "A field links a table describing another object, past a table captioned with the field's own name; that table is used.",
        "Example: `instances` links \"Table 4 instance field data structure description\" while \"Table 3 instances field data structure description\" (whose `instance` row links Table 4) stands between them: `instances` is Table 3.";
    TYPE_MISSING = "type.missing", Warning,
        "A field has no type; it is a free-form value.",
        "The type cell is empty, or says there is none (`无`, `None`, `-`, `N/A`: `restart | None | This parameter is left blank.`). The generated field accepts any JSON.";
    TYPE_UNKNOWN = "type.unknown", Warning,
        "A type spelling docbind does not know; the field is a free-form value.",
        "Known spellings are listed in extract/types.rs. Example: `unknown type spelling 包括predictor configs结构和transformer configs` (a sentence in the type column).";
    TYPE_TIME_AS_STRING = "type.time-as-string", Note,
        "A type naming a point in time (`Timestamp`, `Time`, `DateTime`) that no table describes is a string.",
        "Example: `update_time | Timestamp | 更新时间` with examples such as `\"2018-08-15T03:41:11Z\"`. No format is claimed (the pages write several), and an example showing a number widens it as for any string.";
    TYPE_UNRESOLVED = "type.unresolved", Warning,
        "A type names an object no table describes; the field is a free-form value.",
        "Example: `type disk of disk has no table describing it`.";
    TYPE_RESOLVED_ABBREVIATION = "type.resolved-abbreviation", Note,
        "A type name was matched to a table by abbreviation or plural.",
        "Example: `type Listeners resolved to the table named listener`.";
    TYPE_RESOLVED_NEAR_MISS = "type.resolved-near-miss", Note,
        "A type name was matched to a table, or a scalar type, whose name differs by a typo.",
        "Example: `type Result resolved to the table named result结果`; `price | doubule`, with no table named so, is a double.";
    TYPE_NAMES_VALUE_LIST = "type.names-value-list", Note,
        "A type name no table describes names a kind of value the description lists: the field holds those values.",
        "The values' type is taken (text unless they are all whole numbers or true/false); the list becomes the field's value list as usual.\nExample: `storage_list | Array<Storage type> | Supported storage type. Options: **obs**, **evs**`: a list of strings, `obs` or `evs`.";
    TYPE_RESOLVED_BY_POSITION = "type.resolved-by-position", Note,
        "An object field was tied to the unclaimed object table right after its own table.",
        "Pages list a row such as `error: Object` (or, in a table of several rows, the only object row: `vpc_instances | 字典数据类型 | 后端实例列表`) and then the table describing it (`ErrorDetail`, `后端实例详情`) with neither a link nor a shared name. The next table is taken when no other field claimed it and its caption is not an English phrase or field path naming something else; the note says which.\nExample: `object error has no link or name tying it to a table; the table right after, ErrorDetail, is taken to describe it`.";
    SCHEMA_NAMELESS_ROW = "schema.nameless-row", Note,
        "A table's one row is named `-`: it describes the value itself, not a field of it.",
        "The value (a body, or the object a field's table describes) is that row's type, with its description; no field named `-` is generated.\nExample: `表 3 参数说明` with the one row `- | 字典数据类型 | API与签名密钥的绑定关系列表`, then `表 4 字典类型响应参数`: the response body is the table 4 object (a list of them, as its example shows).";
    SCHEMA_MAP_FROM_DESCRIPTION = "schema.map-from-description", Note,
        "An object field with no table whose description says it is a map is a map from string keys.",
        "The values are the scalar type the description states (`map<string,string>`), free-form otherwise (`map<string,object>`, `key-value pairs`). A Rust client gets a map instead of an untyped value.\nExample: `labels | Object | Add-on labels in the format of key-value pairs.`; `params | Object | 算子参数，参数类型是map<string,object>`.";
    SCHEMA_FREE_FORM = "schema.free-form", Note,
        "An object field has no table describing it; it is a free-form value.",
        "Documented as `Object`/`JSON` without a nested table.";
    SCHEMA_VARIANTS_MERGED = "schema.variants-merged", Note,
        "A field several tables describe, one per variant, is one object with the fields of all of them.",
        "Example: `entities` with \"请参见如下各表：表4、表7、表9、表10\" (`entities字段数据结构说明(调整实例容量)`, `…(主备倒换)`, …), or `config` beside tables `real-time config`, `batch config`, `edge config`. A field is required only where every variant requires it; a field two variants type differently keeps the first one's type (the note names it).";
    SCHEMA_JSON_TEXT = "schema.json-text", Note,
        "A string field that refers to a table named after it holds JSON text that table describes: the field stays a string, the table is its content's schema.",
        "Example: `model_metric_list | String | 训练作业的模型评测参数。具体请参见表5。` with `表5 model_metric_list属性列表` (`metric`, `total_metric`), and examples sending `\"model_metric_list\": \"{\\\"metric\\\":[…]}\"`. OpenAPI 3.1 gets `contentMediaType: application/json` with `contentSchema`, 3.0 `x-docbind-json-content`; the Rust field stays `String` and its documentation names the type to parse it into.";
    SCHEMA_OBJECT_BY_EXAMPLE = "schema.object-by-example", Warning,
        "A string field whose content a table describes (schema.json-text) is shown by the examples as that object, or a list of them: the type cell is wrong; the field is the object (the list).",
        "Example: `template | 是 | String | 模板信息，请参见表2` with `表2 template信息` (`name`, `vpc`, …) and the request example `\"template\": {\"name\": …}`: `template` is an object of table 2.";
    SCHEMA_FIELDS_FROM_DESCRIPTION = "schema.fields-from-description", Note,
        "An object no table describes whose description lists its fields, one bullet each with the name marked, is an object of those fields.",
        "Example: `tags | Array of objects | list of tags` with the bullets `**key** indicates the tag key … a maximum of 36 characters` and `**value** indicates the tag value`: items with `key` and `value`, strings limited as their words state, none required.";
    SCHEMA_DANGLING_REFERENCE = "schema.dangling-reference", Warning,
        "A reference names a schema no table defines; the value is free-form.",
        "A safety net: resolution should never produce such a reference, but if it does, one field loses its type instead of the run failing. Please report it with the page.\nExample: `reference to RoleAssignmentId, which no table defines`.";
    SCHEMA_VALUE_LISTS_MERGED = "schema.value-lists-merged", Note,
        "A table registered again differs from the schema of its name only by value lists one of them omits: it is the same schema, with the lists.",
        "A table copied between pages whose descriptions list a field's values on one page only (`language | String | 国际语种，可选值如下：zh-cn（中文） en-us（英文）` on one page, `国际语种。` on another) would otherwise become two types; where both pages give a list, the lists must agree.";
    SCHEMA_NAME_COLLISION = "schema.name-collision", Note,
        "Two different objects share a documented name; the later one is renamed.",
        "The new name is qualified by the operation. Example: `schema Log is already defined with other fields; this one is named SdkLog`.";
    // ---- Facts mined from prose ----
    PROSE_CONSTRAINT_AMBIGUOUS = "prose.constraint-ambiguous", Note,
        "The description states different values for one limit; none is used.",
        "Example: `取值范围0~732` and `取值1~732` in one description.";
    PROSE_DEFAULT_AMBIGUOUS = "prose.default-ambiguous", Note,
        "The description states several defaults; none is used.",
        "Example: `默认300` … `默认60`.";
    PROSE_DEFAULT_CONTRADICTS = "prose.default-contradicts", Note,
        "The stated default is outside the stated values or limits; no default is recorded.",
        "OpenAPI validators reject such a default, and the description contradicts itself.";
    PROSE_DEFAULT_TYPE_MISMATCH = "prose.default-type-mismatch", Note,
        "The stated default is not a value of the field's type; no default is recorded.",
        "Example: default `按需计费` for an integer field.";
    ENUM_FROM_VALUES_TABLE = "enum.from-values-table", Note,
        "A table captioned as a field's values (`tls_ciphers_policy取值说明`, `language取值范围`) lists them in its first column: the operation's fields of that name take them, each described by the rest of its row.",
        "Only string fields (or lists of strings), and integer fields when every value is an integer; a value list the description gives gains the table's other values and meanings. The values must be plain tokens. A table no such field takes is ignored and said (table.ignored).\nExample: `表 2 tls_ciphers_policy取值说明` listing `tls-1-0-inherit`, `tls-1-0`, `tls-1-1`, … and the query parameter `tls_ciphers_policy`: a string of those values.";
    PROSE_VALUES_BESIDE_LIMITS = "prose.values-beside-limits", Note,
        "The description states values outside its own limits: they are alternatives to the range, not a list; the limits are widened to hold them and no value list is kept.",
        "Example: `The value can be -1 or ranges from 0 to 99999` (`取值为-1或0-99999`) read as values [-1] and limits 0–99999, which no value satisfies together: the field is an integer from -1 to 99999.";
    PROSE_ENUM_TYPE_MISMATCH = "prose.enum-type-mismatch", Warning,
        "An announced value list holds a value not of the field's type; the list is not used.",
        "Example: `0.125` in the value list of an integer field.";
    // ---- Evidence from the documentation's examples ----
    EXAMPLE_INVALID_JSON = "example.invalid-json", Warning,
        "An example is not valid JSON; it is kept as text.",
        "It cannot check or widen the schema. Usually converter damage or an elided example.";
    EXAMPLE_REPAIRED = "example.repaired", Note,
        "An example that was not valid JSON was repaired and is used.",
        "Only layout damage is repaired: a string wrapped over lines (re-joined), a `// remark` after a value (removed to the line end), a full-width `，` or `：` or curly quotes `“` `”` outside strings (read as `,`, `:` or `\"`), a comma missing at a line end between a value and the next member (added), a trailing comma or one right after `{` or `[` (removed), a bare `...` standing for more items (removed). The message names each repair; anything else stays unparsed (example.invalid-json).\nExample: `example is not valid JSON (trailing comma at line 29 column 3); repaired: a trailing comma removed`.";
    EXAMPLE_ALTERNATIVES = "example.alternatives", Note,
        "One code block holds several JSON values separated by a line saying `Or` (`或`); each is an example of its own.",
        "Alternative bodies written in one block (`{\"action\": \"create\", …}` / `Or` / `{\"action\": \"delete\", …}`) are not one JSON value; split at the separator line, one piece at least must parse (repaired if need be), else the block stays one example; a piece that does not parse is kept as text (example.invalid-json).";
    EXAMPLE_CUT_SHORT = "example.cut-short", Note,
        "An example stops inside its structure (a page break ate the rest); it is closed where it stops and kept as a partial example.",
        "Open strings, arrays and objects are closed in order, a dangling comma or key dropped. The keys and values it shows count for the report's field coverage and show in the review; what is missing is unknown, so it is not checked against the schema, proves nothing about the schema (no widening, no relaxed required flags) and is no test of the generated client. In OpenAPI it is `x-docbind-example-partial`.\nExample: `{\"steps\": [ {\"name\": \"a\", \"inputs\": [ {` at the foot of a PDF page.";
    EXAMPLE_ELISION = "example.elision", Note,
        "An example marks omitted items with an ellipsis; they were removed.",
        "`\"...\"` or `…` items stand for more of the same; the rest of the example is used.";
    EXAMPLE_OTHER_OPERATION = "example.other-operation", Note,
        "An example request is not this operation's; it is not attached.",
        "Example: `POST /v2/charts` shown on the page of `PUT /v2/charts/{chart_id}`.";
    EXAMPLE_NO_REQUEST_BODY = "example.no-request-body", Note,
        "A request example is given for an operation without a documented request body; not attached.",
        "The body table may be missing from the page.";
    EXAMPLE_FAILURE_UNATTACHED = "example.failure-unattached", Note,
        "A failure response example has no status code; it is not attached.",
        "With several error statuses documented, the example cannot be placed.";
    EXAMPLE_UNKNOWN_STATUS = "example.unknown-status", Note,
        "A response example names a status that is not documented; not attached.",
        "The example stands under a status heading (`状态码：404`) that no status table or response documents, so it has nowhere to go.\nExample: `response example for undocumented status 404; not attached`.";
    TYPE_NESTED_BY_EXAMPLE = "type.nested-by-example", Warning,
        "A number or boolean the examples show as a list of such values (a point `[x, y]` in `Array of integers`): typed as that list.",
        "The type cell names the innermost values and leaves out a level of nesting; a client decoding the documented type would fail on every such response.\nExample: `location | Array of integers | 票证区域四个顶点的二维坐标（x,y）` and the example `\"location\": [[65, 1006], [1388, 1006], …]`: a list of lists of integers.";
    TYPE_WIDENED_BY_EXAMPLE = "type.widened-by-example", Warning,
        "An example shows another JSON shape than the documented type; it is accepted as well.",
        "OpenAPI gets `anyOf` [documented, shown]; the Rust field decodes leniently.\nExample: `Tag.key is documented as String but the example shows a number`.";
    SCHEMA_KEYED_BY_EXAMPLE = "schema.keyed-by-example", Note,
        "An object documented by one row whose examples use other keys for it, each holding that row's value, is a map; so is an object documented by a `key` and a `value` row whose examples hold entries instead.",
        "The row names what the keys are.\nExample: `paths` documents one row, `uri | Object | API访问地址`, and the example holds `\"paths\": {\"/test/{path}\": {\"get\": {…}}}`: `paths` maps each URI to its `uri` object (whose one row `method` is keyed by `get` in turn).\nExample: `values | Dictionary data structure` with the rows `key | String | the parameter name` and `value | String | the parameter value`, and the example `\"values\": {\"max_connections\": \"10\"}`: a map from parameter name to a `value` string. An example holding `key` or `value` keeps the object (a tag `{\"key\": \"k\", \"value\": \"v\"}`).";
    EXAMPLE_ITEM_OF_LIST = "example.item-of-list", Warning,
        "An example shows one item of the body's only matching list field, without the body around it; it is taken inside that list.",
        "Example: a body `products | Array` (table `products参数说明`) whose example is one product object: checked and kept as `{\"products\": [that object]}`. The table is the truth; the example elides the wrapper.";
    EXAMPLE_FIELD_VALUE = "example.field-value", Warning,
        "An example shows the value of one field of the body alone, without the body around it; it is taken inside that field.",
        "Pages that split a response's example by field: `Example 1` a bare list of resources, `Example 2` `{\"current_count\": 7, \"next_marker\": …}`, for a body of `resources | Array of Resources Entity objects` and `page_info | Page Info object`. Each example holds none of the body's fields and is exactly one field's value (a list of its item's objects, or its object: mostly that table's fields): checked and kept as `{\"resources\": […]}` and `{\"page_info\": {…}}`. The body stays as its table documents it.";
    SCHEMA_WRAPPED_BY_EXAMPLE = "schema.wrapped-by-example", Warning,
        "Every example wraps the object a body's table documents in one more key (or a key in a key, or a list beside undeclared scalars such as a count); the body is that wrapper.",
        "The table lists the fields of `job`, the examples show `{\"job\": {…}}` (or `{\"jobs\": [{…}]}`): the body becomes an object with that one field around the documented schema (required in a request, optional in a response), so clients decode what the service sends. Only where every JSON example of the body agrees and the wrapped objects are mostly documented fields.\nExample: `the response 200 of list_jobs: its table lists the fields of the object that every example wraps in job`.";
    SCHEMA_UNWRAPPED_BY_EXAMPLE = "schema.unwrapped-by-example", Warning,
        "A body's table documents a wrapper field, but every example is that field's object itself; the body is the field's schema.",
        "Typical of a table copied from a list page (`items`: NodePool) onto the page of one item, whose examples show one NodePool. Only where no example has the field, two thirds of their keys (at least two) are the field's table's fields (more of them than the body table's), and exactly one field qualifies.\nExample: `the response 200 of show_node_pool: its table documents a field items, but every example is the items object itself`.";
    TYPE_NULLABLE_BY_EXAMPLE = "type.nullable-by-example", Warning,
        "An example holds null for a field not documented as nullable; null is accepted.",
        "The schema gets `nullable` (OpenAPI) and the Rust field is an `Option` that accepts null.\nExample: `L7Rule.key is not documented as nullable but the example holds null`.";
    ENUM_EXTENDED_BY_EXAMPLE = "enum.extended-by-example", Warning,
        "An example shows a value outside the documented list; it is added as shown only in an example.",
        "Enums are open in generated code, so clients never break on such a value.";
    REQUIRED_RELAXED_BY_EXAMPLE = "required.relaxed-by-example", Warning,
        "A mandatory field is omitted by an example; it becomes optional.",
        "Example: `ResetNode.spec is documented as mandatory but the example omits it`.";
    LIMIT_RELAXED_BY_EXAMPLE = "limit.relaxed-by-example", Warning,
        "An example shows a value outside the documented limits; the limit is relaxed to admit it.",
        "Responses show `\"\"` for a name documented as 1 to 255 characters, or `-1` (unlimited) for a quota documented from 0: a client must accept what the service sends. A masked value (`******`, `XXXXXX`) stands for a secret and proves nothing; it stays non-conformant in the report.\nExample: `` `Certificate.description` is documented with length 1–255 but the example at 创建证书.md:365 shows \"\": now length ≤ 255 ``.";
    // ---- Several sources of one API ----
    MERGE_DUPLICATE_OPERATION = "merge.duplicate-operation", Note,
        "An operation is described in several sources; the first source has priority.",
        "Other sources' wording is kept as alternative documentation.";
    MERGE_PARAMETER_ONLY_IN_ONE = "merge.parameter-only-in-one", Warning,
        "Sources disagree: a parameter is documented in one but not the other.",
        "The operation keeps the parameters of the source with priority; the other source's parameter is reported so a reviewer can decide which page is right.\nExample: `Query parameter nocatalog is documented at …:89 but not here`.";
    MERGE_REQUIRED_DIFFERS = "merge.required-differs", Warning,
        "Sources disagree on whether a parameter or field is required.",
        "The source with priority wins.\nExample: `header parameter content-type is optional here but required at …`.";
    MERGE_TYPE_DIFFERS = "merge.type-differs", Warning,
        "Sources disagree on a type.",
        "The source with priority wins; compare the two pages named in the message.\nExample: `field count is integer here but string at …`.";
    MERGE_ENUM_DIFFERS = "merge.enum-differs", Warning,
        "Sources disagree on a value list.",
        "The source with priority wins; the other list is named in the message.";
    MERGE_ALTERNATIVE_BODIES = "merge.alternative-bodies", Note,
        "Two pages document one `METHOD /path` with request bodies that share no field: two actions of one endpoint, told apart by the body. The request body holds the fields of both, each optional, and both pages' examples.",
        "Example: `批量启动云服务器` (`{\"os-start\": {…}}`) and `批量关闭云服务器` (`{\"os-stop\": {…}}`), both `POST /v1/{project_id}/cloudservers/action`: the body has optional `os-start` and `os-stop`. Bodies sharing a field are one action documented twice: the first source has priority and every difference is said (merge.field-only-in-one, …).";
    MERGE_FIELD_ONLY_IN_ONE = "merge.field-only-in-one", Warning,
        "Sources disagree: a field is documented in one but not the other.",
        "The source with priority wins.\nExample: `field status 201 body.token is documented at … but not here`.";
    MERGE_BODY_ONLY_IN_ONE = "merge.body-only-in-one", Warning,
        "Sources disagree: a body is documented in one but not the other.",
        "The source with priority wins; a body only the other source documents is left out.\nExample: `request body is documented here but not at …`.";
    MERGE_RESPONSE_ONLY_IN_ONE = "merge.response-only-in-one", Warning,
        "Sources disagree: a response status is documented in one but not the other.",
        "The source with priority wins.\nExample: `status 500 is documented at … but not here`.";
    MERGE_CONTENT_TYPE_DIFFERS = "merge.content-type-differs", Warning,
        "Sources disagree on a body's media type.",
        "The source with priority wins.\nExample: `request body is application/json. here but application/json at …`.";
    // ---- Overlays and imported OpenAPI documents ----
    OVERLAY_APPLIED = "overlay.applied", Note,
        "An overlay action changed the model.",
        "Overlays (OpenAPI Overlay 1.0, listed in docbind.toml or given with --overlay) correct the documentation where it is wrong; each applied action is noted at its line in the overlay file, and the values it set carry `x-docbind-overlay` in the OpenAPI document.\nExample: `action 1 (target $.components.schemas.X.properties.y.items): type set to string`.";
    IMPORT_UNSUPPORTED = "import.unsupported", Warning,
        "An imported OpenAPI document uses something docbind never emits; it is ignored.",
        "`docbind diff` reads OpenAPI documents that docbind emitted; constructs outside that subset (e.g. `oneOf` of objects, callbacks) are skipped with this warning so the comparison still runs.";
    // ---- SDK reference pages ----
    SDK_NO_OPERATION = "sdk.no-operation", Warning,
        "An SDK page documents a call with no HTTP method or URI, and no REST page of its title is among the inputs.",
        "Its tables are kept as schemas but no operation comes from it.";
    SDK_NOTHING_TO_VERIFY = "sdk.nothing-to-verify", Note,
        "The REST operation an SDK page describes has no success response body to verify against.",
        "SDK pages are used to verify and enrich the REST operation of the same title; with no response body there is nothing to compare.";
    SDK_FIELD_NOT_IN_REST = "sdk.field-not-in-rest", Warning,
        "An SDK return value is not in the REST response of the same operation.",
        "The REST page is the source of truth for the HTTP API; the SDK page's extra value is reported, not added.\nExample: `SDK return value id is not in the REST response of 绑定签名密钥`.";
    SDK_TYPE_DIFFERS = "sdk.type-differs", Warning,
        "A field's type differs between the SDK page and the REST page.",
        "The REST page's type is kept.\nExample: `is_shared is boolean in the SDK page but number in the REST response`.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for c in ALL {
            assert!(seen.insert(c.id), "{} twice", c.id);
            assert!(
                c.id.split('.').count() >= 2
                    && c.id
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch == '.' || ch == '-'),
                "{}",
                c.id
            );
            assert!(!c.summary.is_empty(), "{}", c.id);
        }
        assert_eq!(find("uri.missing"), Some(&URI_MISSING));
        assert_eq!(find("no.such-code"), None);
    }
}
