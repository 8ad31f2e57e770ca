//! The documentation vocabulary (zh and en): sub-section titles, table header columns, caption
//! roles, required flags. This is the only place that knows these words; it knows nothing about
//! any particular service.

/// What a sub-section of an operation section is about, from its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionRole {
    Description,
    Constraints,
    Debugging,
    Uri,
    /// The request written as an HTTP message (`请求消息样式`, `Request Syntax`: the request line,
    /// then header lines), as S3-style pages do.
    RequestSyntax,
    Request,
    Response,
    RequestExample,
    ResponseExample,
    Examples,
    StatusCodes,
    ErrorCodes,
    /// SDK pages: `参数说明` / `示例代码`.
    ParameterDescription,
    SampleCode,
    Other,
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ':' | '：' | '*'))
        .collect::<String>()
        .to_lowercase()
}

pub fn section_role(title: &str) -> SectionRole {
    use SectionRole::*;
    let t = squash(title);
    match t.as_str() {
        "功能介绍" | "function" | "functions" | "description" | "功能描述" => Description,
        "接口约束" | "constraints" | "约束与限制" => Constraints,
        "调试" | "debugging" => Debugging,
        "uri" | "url" | "请求uri" => Uri,
        "请求消息样式" | "requestsyntax" => RequestSyntax,
        "请求参数" | "请求消息" | "请求" | "request" | "requests" | "requestparameters"
        | "requestparameter" | "requestbody" | "requestmessage" => Request,
        "响应参数" | "响应消息" | "响应" | "response" | "responses" | "responseparameters"
        | "responseparameter" | "responsebody" | "responsemessage" | "正常响应"
        | "normalresponse" | "正常响应消息" | "返回参数" | "返回消息" => Response,
        "请求示例" | "examplerequest" | "examplerequests" | "samplerequest" | "samplerequests"
        | "requestexample" | "requestexamples" => RequestExample,
        "响应示例" | "返回示例" | "exampleresponse" | "exampleresponses" | "sampleresponse"
        | "sampleresponses" | "responseexample" | "responseexamples" => ResponseExample,
        "示例" | "samples" | "sample" | "example" | "examples" => Examples,
        "状态码" | "statuscode" | "statuscodes" | "返回值" | "returnedvalues" | "returncode"
        | "returncodes" => StatusCodes,
        "错误码" | "errorcode" | "errorcodes" | "异常响应" | "abnormalresponse" => {
            ErrorCodes
        }
        "参数说明" | "parameterdescription" | "parameters" => ParameterDescription,
        "示例代码" | "samplecode" => SampleCode,
        _ => Other,
    }
}

/// What a table column holds, from its header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Required,
    Type,
    Description,
    Status,
    /// The HTTP method of a request-line table (`请求方法` | `URI`).
    Method,
    /// The path of a request-line table.
    Uri,
    Other,
}

pub fn column(header: &str) -> Column {
    let t = squash(header);
    match t.as_str() {
        "参数" | "参数名" | "参数名称" | "名称" | "字段" | "字段名" | "parameter"
        | "parameters" | "name" | "field" | "属性" | "属性名" | "attribute" | "attributes"
        | "attributename" | "fieldname" | "property" => Column::Name,
        "是否必选" | "是否为必选" | "必选" | "是否必填" | "必填" | "mandatory" | "required"
        | "ismandatory" => Column::Required,
        "参数类型" | "类型" | "数据类型" | "type" | "datatype" | "valuetype" => {
            Column::Type
        }
        "描述" | "说明" | "参数说明" | "description" | "descriptions" | "含义" => {
            Column::Description
        }
        "状态码" | "statuscode" | "statuscodes" | "httpstatuscode" | "返回值" | "returnedvalue"
        | "returnedvalues" | "returnvalue" | "returnvalues" | "returncode" | "returncodes" => {
            Column::Status
        }
        "请求方法" | "方法" | "method" | "httpmethod" | "requestmethod" => Column::Method,
        "uri" | "url" | "请求uri" | "请求url" | "请求路径" | "path" | "requesturi" => {
            Column::Uri
        }
        _ => Column::Other,
    }
}

/// Parse a required-flag cell. `None` when the cell does not say (empty or free text that
/// states no plain yes/no; the caller reports it).
pub fn required_flag(cell: &str) -> Option<bool> {
    let t = cell.trim();
    let lower = t.to_lowercase();
    for (word, value) in [
        ("是", true),
        ("否", false),
        ("yes", true),
        ("no", false),
        ("必选", true),
        ("可选", false),
        ("true", true),
        ("false", false),
        ("mandatory", true),
        ("optional", false),
    ] {
        if lower == word {
            return Some(value);
        }
    }
    // "否，使用Token认证时必选。" — a flag followed by a qualification: the flag wins.
    for (prefix, value) in [("是", true), ("否", false), ("yes", true), ("no", false)] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            if rest.starts_with(['，', ',', '。', '.', '(', '（', ' ', ';', '；']) {
                return Some(value);
            }
        }
    }
    None
}

/// The role a caption gives a table, and the object name it carries if it names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptionRole {
    PathParams,
    QueryParams,
    /// Path and/or query (legacy URI tables that mix both; decided by the path template).
    UriParams,
    RequestHeaders,
    ResponseHeaders,
    /// `Header parameters`, `Header`: the headers of the message whose section it stands in.
    Headers,
    RequestBody,
    ResponseBody,
    /// A generic "parameters" caption: the enclosing section decides.
    Generic,
    /// A table describing a named object (`WorkflowStep`, `data_source 参数列表`).
    Object(String),
    /// SDK pages: `Estimator请求参数说明`, `get_job_configs_info返回参数说明`.
    SdkRequest(String),
    SdkResponse(String),
}

/// Strip the table number: `表 4-3 …`, `**表 3** …`, `表3…`, `Table 3 …`.
pub fn strip_table_number(caption: &str) -> (Option<String>, String) {
    let c = caption.replace("**", "");
    let c = c.trim();
    for prefix in ["表", "Table", "table"] {
        if let Some(rest) = c.strip_prefix(prefix) {
            let rest = rest.trim_start();
            let num: String = rest
                .chars()
                .take_while(|ch| ch.is_ascii_digit() || *ch == '-' || *ch == '.')
                .collect();
            if !num.is_empty() {
                let tail = rest[num.len()..].trim();
                // `表 2 [1] tags字段数据结构说明`: a numbered table also footnote-numbered.
                let tail = footnote_mark(tail).map_or(tail, |(_, t)| t).to_string();
                return (Some(num.trim_end_matches(['.', '-']).to_string()), tail);
            }
        }
    }
    // `[1] keypairs字段数据结构说明`: a footnote-numbered table (the type cell says `…[1]`).
    let unescaped = c.replace('\\', "");
    if let Some((num, tail)) = footnote_mark(&unescaped) {
        return (Some(format!("[{num}]")), tail.to_string());
    }
    (None, c.to_string())
}

/// A leading footnote mark (`[1] keypairs…` → `1`, `keypairs…`).
fn footnote_mark(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix("\\[").or_else(|| s.strip_prefix('['))?;
    let (num, tail) = s.split_once(']')?;
    let num = num.strip_suffix('\\').unwrap_or(num);
    (!num.is_empty() && num.chars().all(|ch| ch.is_ascii_digit())).then(|| (num, tail.trim()))
}

const OBJECT_SUFFIXES: &[&str] = &[
    "字段数据结构说明",
    "定义数据结构说明",
    "定义结构说明",
    "数据结构说明",
    "属性列表说明",
    "参数列表说明",
    "属性列表",
    "参数列表",
    "结构说明",
    "参数说明",
    "字段说明",
    "属性说明",
    "对象说明",
    // `vpc信息` ("vpc information", older Huawei pages).
    "信息",
    "数据结构",
    "结构体",
    "属性",
    "参数",
    "字段",
    "结构",
    "说明",
    "对象",
    "定义",
    // OTC's English for 字段数据结构说明 (`instances field data structure description`).
    "field data structure description",
    "data structure description",
    "field data structure",
    "data structure",
    "field description",
    "parameterdescription",
    "parameters",
    "parameter",
    "fielddescription",
    "fields",
    "description",
    "object",
    "structure",
    // `**stack** structure information` (OTC Resource Template): a title paragraph.
    "structure information",
    "information",
];

pub fn caption_role(caption_text: &str) -> CaptionRole {
    let (_, rest) = strip_table_number(caption_text);
    let t = squash(&rest);
    let has = |w: &str| t.contains(w);
    if t.is_empty() {
        return CaptionRole::Generic;
    }
    // `Path参数` / `Query参数`: Kubernetes-style pages mix the English word in.
    if has("路径参数") || t == "pathparameters" || t == "pathparameter" || t == "path参数" {
        return CaptionRole::PathParams;
    }
    if is_query_caption(&t) || has("查询检索参数") || t == "查询参数" || t == "query参数"
    {
        return CaptionRole::QueryParams;
    }
    // `Header说明` / `Header参数说明` (older pages, in the URI or request section).
    if has("请求header")
        || has("请求头")
        || has("请求消息头")
        || t == "requestheaderparameters"
        || t == "requestheaders"
        || matches!(
            t.as_str(),
            "header说明" | "header参数说明" | "header参数" | "消息头说明"
        )
    {
        return CaptionRole::RequestHeaders;
    }
    if has("响应header")
        || has("响应头")
        || has("响应消息头")
        || t == "responseheaderparameters"
        || t == "responseheaders"
    {
        return CaptionRole::ResponseHeaders;
    }
    if has("请求body") || t == "requestbodyparameters" || t == "requestbody" {
        return CaptionRole::RequestBody;
    }
    // `Normal response` / `Abnormal response` (OTC BMS), `成功响应参数` / `失败响应参数` (Huawei
    // AOS): the success body, and a failure's, which the caller tells apart by its words (a
    // failure body is ignored).
    if has("响应body")
        || matches!(
            t.as_str(),
            "responsebodyparameters"
                | "responsebody"
                | "normalresponse"
                | "abnormalresponse"
                | "正常响应"
                | "异常响应"
                | "成功响应参数"
                | "失败响应参数"
        )
    {
        return CaptionRole::ResponseBody;
    }
    // `Table 1 Header` / `Table 2 Body` (OTC TMS): the section says which message's.
    if t == "header" || t == "headers" {
        return CaptionRole::Headers;
    }
    if t == "body" {
        return CaptionRole::Generic;
    }
    if has("uri参数") || t == "uriparameters" {
        return CaptionRole::UriParams;
    }
    if matches!(
        t.as_str(),
        "参数说明"
            | "参数"
            | "请求参数"
            | "响应参数"
            | "请求参数说明"
            | "响应参数说明"
            | "返回参数"
            | "返回参数说明"
            | "参数描述"
            | "参数解释"
            | "请求信息"
            | "响应信息"
            | "返回信息"
            | "请求参数描述"
            | "响应参数描述"
            | "parameters"
            | "parameter"
            | "parameterdescription"
            | "parametersdescription"
            | "description"
            | "说明"
            | "requestparameters"
            | "responseparameters"
            | "请求消息"
            | "响应消息"
            | "要素"
            | "要素说明"
            | "参数要素"
    ) {
        return CaptionRole::Generic;
    }
    if let Some(role) = message_part_caption(&t)
        .filter(|_| rest.trim().contains(char::is_whitespace) || !rest.is_ascii())
    {
        return role;
    }
    if let Some(field) = field_description_caption(&rest) {
        return CaptionRole::Object(field);
    }
    // SDK captions: a name followed by 请求参数说明 / 返回参数说明.
    let name = rest.replace("**", "");
    let name = name.trim();
    for (suffix, req) in [
        ("请求参数说明", true),
        ("请求参数", true),
        ("返回参数说明", false),
        ("返回参数", false),
        ("响应参数说明", false),
        ("响应参数", false),
    ] {
        if let Some(head) = name.strip_suffix(suffix) {
            let head = head.trim();
            if !head.is_empty() {
                return if req {
                    CaptionRole::SdkRequest(head.to_string())
                } else {
                    CaptionRole::SdkResponse(head.to_string())
                };
            }
        }
    }
    CaptionRole::Object(object_name_from_caption(name))
}

/// Captions naming the part of the message a table describes rather than an object:
/// `Parameters in the request body`, `Parameter in the URI`, `Response parameters`,
/// `URI格式的参数说明`, `请求样例的参数说明`. `squashed` is the caption without spaces, lowercase
/// (the caller makes sure an English caption is words, not one PascalCase object name).
fn message_part_caption(squashed: &str) -> Option<CaptionRole> {
    let mut head = squashed;
    for prefix in [
        "parametersinthe",
        "parameterinthe",
        "parametersin",
        "parameterin",
        "parameterdescriptionofthe",
        "parameterdescriptionof",
        "descriptionofparametersinthe",
    ] {
        if let Some(rest) = head.strip_prefix(prefix) {
            head = rest;
            break;
        }
    }
    for suffix in [
        "的参数说明",
        "参数说明",
        "的参数",
        "的要素说明",
        "要素说明",
        "的要素",
        "parameterdescription",
        "parameters",
        "parameter",
    ] {
        if let Some(rest) = head.strip_suffix(suffix) {
            head = rest;
            break;
        }
    }
    if head.len() == squashed.len() {
        return None;
    }
    Some(match head {
        "uri" | "url" | "uri格式" | "url格式" => CaptionRole::UriParams,
        "path" | "路径" => CaptionRole::PathParams,
        "query" | "querystring" => CaptionRole::QueryParams,
        "requestheader" | "requestheaders" | "请求头" | "请求消息头" => {
            CaptionRole::RequestHeaders
        }
        "header" | "headers" => CaptionRole::Headers,
        // `Body parameters`: the body of the message whose section it stands in.
        "body" => CaptionRole::Generic,
        "responseheader" | "responseheaders" | "响应头" | "响应消息头" => {
            CaptionRole::ResponseHeaders
        }
        "requestbody" | "request" | "requestexample" | "请求样例" | "请求示例" | "请求体"
        | "请求消息体" => CaptionRole::RequestBody,
        "responsebody" | "response" | "responseexample" | "响应样例" | "响应示例" | "响应体"
        | "响应消息体" | "返回值" => CaptionRole::ResponseBody,
        _ => return None,
    })
}

/// `Description of the router field`, `Data structure of the values field`, `Description of
/// field **tag**`, `Parameters in the **snapshot** field`, `Parameter description of field
/// **restore_req**` name the object `router`, `values`, `tag`, `snapshot`, `restore_req`.
pub fn field_description_caption(caption: &str) -> Option<String> {
    let words: Vec<&str> = caption
        .trim_end_matches(['.', ':', '：'])
        .split_whitespace()
        .collect();
    // `The PlasConnectorCreateReq object has the following attributes.` (OTC PLAS).
    if let [t, name, kind, h, t2, f, what] = words.as_slice() {
        let is = |w: &str, want: &[&str]| want.iter().any(|x| w.eq_ignore_ascii_case(x));
        if is(t, &["the"])
            && is(kind, &["object", "field", "structure"])
            && is(h, &["has", "contains"])
            && is(t2, &["the"])
            && is(f, &["following"])
            && is(what, &["attributes", "parameters", "fields", "properties"])
        {
            let name = name.trim_matches(['*', '`']);
            return super::text::is_hyphenated_identifier(name).then(|| name.to_string());
        }
    }
    let rest = match words.as_slice() {
        [d, o, rest @ ..]
            if d.eq_ignore_ascii_case("description") && o.eq_ignore_ascii_case("of") =>
        {
            rest
        }
        [d, s, o, rest @ ..]
            if d.eq_ignore_ascii_case("data")
                && s.eq_ignore_ascii_case("structure")
                && o.eq_ignore_ascii_case("of") =>
        {
            rest
        }
        // `Parameter description of field **restore_req**` (the message-part captions,
        // `Parameter description of the request body`, are told apart before).
        [p, d, o, rest @ ..]
            if (p.eq_ignore_ascii_case("parameter") || p.eq_ignore_ascii_case("parameters"))
                && d.eq_ignore_ascii_case("description")
                && o.eq_ignore_ascii_case("of") =>
        {
            rest
        }
        // `Data structure description of **traffic_limited_list**`: the name alone follows.
        [d, s, e, o, name]
            if d.eq_ignore_ascii_case("data")
                && s.eq_ignore_ascii_case("structure")
                && e.eq_ignore_ascii_case("description")
                && o.eq_ignore_ascii_case("of") =>
        {
            let name = name.trim_matches(['*', '`']);
            return super::text::is_hyphenated_identifier(name).then(|| name.to_string());
        }
        // `Parameters in the snapshot field` (the message-part captions, `Parameters in the
        // request body`, are told apart before: they end in no `field`).
        [p, i, rest @ ..]
            if (p.eq_ignore_ascii_case("parameters") || p.eq_ignore_ascii_case("parameter"))
                && i.eq_ignore_ascii_case("in") =>
        {
            rest
        }
        _ => return None,
    };
    let rest = match rest {
        [t, rest @ ..] if t.eq_ignore_ascii_case("the") => rest,
        _ => rest,
    };
    let is_kind = |w: &str| w.eq_ignore_ascii_case("field") || w.eq_ignore_ascii_case("object");
    // `… the router field`, and `… field **tag**` with the word first.
    match rest {
        [name, f] if is_kind(f) => Some(name.trim_matches(['*', '`']).to_string()),
        [f, name] if is_kind(f) => Some(name.trim_matches(['*', '`']).to_string()),
        _ => None,
    }
}

/// `Query 参数`, `query 请求参数`, `Query Parameters` — but not an object named `QueryServiceConfig`:
/// after `query` comes no further identifier letter unless it is the word `parameter`.
fn is_query_caption(squashed: &str) -> bool {
    squashed.strip_prefix("query").is_some_and(|rest| {
        rest.is_empty()
            || rest.starts_with("parameter")
            || !rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
    }) || matches!(
        squashed,
        "descriptionofthequeryparameter"
            | "descriptionofthequeryparameters"
            | "parameterinaqueryrequest"
            | "parametersinaqueryrequest"
    )
}

/// Whether `s` ends with `suffix` as a caption word: a CJK suffix may be glued to the name
/// (`data_source属性列表`), an English one must be a separate word (`config parameters`), so
/// that a PascalCase object name ending in a word (`WorkflowParameter`, `MetricObject`) keeps it.
/// Returns the byte index where the suffix starts.
fn suffix_start(s: &str, suffix: &str) -> Option<usize> {
    if suffix.is_ascii() {
        let lower = s.to_ascii_lowercase();
        let start = lower.len().checked_sub(suffix.len())?;
        let before = lower.get(..start)?;
        (lower.get(start..)? == suffix && before.ends_with(char::is_whitespace)).then_some(start)
    } else {
        // Compare ignoring spaces inside the suffix (`属性 列表`): walk back over the suffix chars.
        let mut want = suffix.chars().rev().peekable();
        let mut cut = s.len();
        for (i, ch) in s.char_indices().rev() {
            if want.peek().is_none() {
                break;
            }
            if ch.is_whitespace() {
                cut = i;
                continue;
            }
            if want.next() != Some(ch) {
                return None;
            }
            cut = i;
        }
        want.peek().is_none().then_some(cut)
    }
}

/// `data_source 参数列表` → `data_source`; `**config** parameters` → `config`;
/// `notebook 定义数据结构说明` → `notebook`; `WorkflowStep` → `WorkflowStep`.
pub fn object_name_from_caption(caption_rest: &str) -> String {
    let mut s = caption_rest
        .replace("**", "")
        .replace('\\', "")
        .trim()
        .to_string();
    'strip: loop {
        for suffix in OBJECT_SUFFIXES {
            if let Some(cut) = suffix_start(&s, suffix) {
                let shorter = s[..cut].trim_end();
                // Never strip the name itself (`parameter属性列表` → `parameter`, not ``).
                if !shorter.is_empty() {
                    s = shorter.to_string();
                    continue 'strip;
                }
            }
        }
        break;
    }
    if s.is_empty() {
        caption_rest.trim().to_string()
    } else {
        s
    }
}

/// The object a table is referred to by its caption, not its number (`参考graph图类型数据结构说明`,
/// `List结构，参见Graph类型数据结构说明。` → `graph图类型`, `Graph类型`): the words after 参见 /
/// 参考 up to the end of the clause, read as a caption. None for a numbered table (`请参见表3`)
/// or anything that is no caption of an object.
pub fn referenced_caption_name(text: &str) -> Option<String> {
    let at = ["参见", "参考"]
        .iter()
        .filter_map(|w| text.find(w).map(|i| i + w.len()))
        .min()?;
    let phrase = text[at..]
        .split(['。', '，', '；', ',', ';', '（', '('])
        .next()?
        .trim()
        .trim_end_matches('.');
    if phrase.is_empty() || phrase.starts_with('表') || phrase.to_lowercase().starts_with("table")
    {
        return None;
    }
    let caption_words = OBJECT_SUFFIXES.iter().any(|s| phrase.ends_with(s));
    let name = object_name_from_caption(phrase);
    (caption_words && name != phrase && !name.contains(char::is_whitespace)).then_some(name)
}

/// The object a table describes and the variant of it a closing parenthesis names:
/// `entities字段数据结构说明(调整实例容量)` → (`entities`, `调整实例容量`); `instance field data
/// structure description (creating a read replica)` → (`instance`, `creating a read replica`).
pub fn variant_in_parentheses(object_name: &str) -> Option<(String, String)> {
    let body = object_name.trim().strip_suffix([')', '）'])?;
    let open = body.rfind(['(', '（'])?;
    let variant = body[open..].trim_start_matches(['(', '（']).trim();
    let base = object_name_from_caption(&body[..open]);
    (super::text::is_hyphenated_identifier(&base) && !variant.is_empty())
        .then(|| (base, variant.to_string()))
}

/// The object a table describes and the variant of it one leading word names: `real-time
/// config` → (`config`, `real-time`). The word is letters and hyphens (a mode, not a field
/// name: `compute_flavors element` names no variant), and only counts where the object's
/// name is the field's own (see `resolve::variants`): `Parameters in the tags field` is no
/// variant of a `field`.
pub fn variant_by_leading_word(object_name: &str) -> Option<(String, String)> {
    let (variant, base) = object_name.trim().split_once(' ')?;
    let mode = !variant.is_empty() && variant.chars().all(|c| c.is_alphabetic() || c == '-');
    (mode && super::text::is_hyphenated_identifier(base))
        .then(|| (base.to_string(), variant.to_string()))
}

/// A status line: `状态码：200`, `状态码： 200`, `状态码: 200`, `**状态码：200**`, `Status code: 200`.
pub fn status_line(text: &str) -> Option<String> {
    let t = text.replace("**", "");
    let t = t.trim();
    let lower = t.to_lowercase();
    for prefix in ["状态码", "status code", "http status code", "返回码"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            // `状态码： 400`, `状态码为 400 时:` (DEW).
            let rest = rest
                .trim_start()
                .trim_start_matches([':', '：', '为'])
                .trim_start();
            if let Some(code) = status_code(rest) {
                return Some(code);
            }
        }
    }
    None
}

/// The HTTP status code a text opens with: exactly three digits (`200`, `302 Found`).
pub fn status_code(text: &str) -> Option<String> {
    let code: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    (code.len() == 3).then_some(code)
}

/// Words that say an example shows a failure (so it is not attached to a success response).
pub fn mentions_failure(text: &str) -> bool {
    let l = text.to_lowercase();
    [
        "失败",
        "异常",
        "错误",
        "failed",
        "failure",
        "error response",
        "abnormal",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// A paragraph that only joins two alternatives (`or` between two example blocks): the
/// block after it stands under the same label as the one before.
pub fn is_alternative_connective(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches([':', '：', ',', '，'])
        .to_lowercase();
    ["or", "或", "或者", "and/or"].contains(&t.as_str())
}

/// Top-level keys of an error body (`{"error": {…}}`, `{"error_code": …, "error_msg": …}`):
/// an example made only of them shows a failure, whatever its heading says.
const ERROR_BODY_KEYS: &[&str] = &[
    "error",
    "error_code",
    "error_msg",
    "error_message",
    "errorcode",
    "errormsg",
    "request_id",
];

/// Whether an example object consists only of error-body keys, one of them naming an error.
pub fn is_error_body(keys: &[&str]) -> bool {
    !keys.is_empty()
        && keys
            .iter()
            .all(|k| ERROR_BODY_KEYS.contains(&k.to_ascii_lowercase().as_str()))
        && keys
            .iter()
            .any(|k| k.to_ascii_lowercase().starts_with("error"))
}

/// Whether an example object is an OpenStack-style fault: one key naming the fault
/// (`itemNotFound`, `badRequest`) wrapping an object of only `message`, `code` and `details`,
/// with a `message`.
pub fn is_wrapped_fault(example: &serde_json::Map<String, serde_json::Value>) -> bool {
    let mut entries = example.iter();
    let (Some((_, serde_json::Value::Object(inner))), None) = (entries.next(), entries.next())
    else {
        return false;
    };
    inner.contains_key("message")
        && inner
            .keys()
            .all(|k| matches!(k.as_str(), "message" | "code" | "details"))
}

/// A line standing alone between two alternative examples in one code block (`{…}` / `Or` /
/// `{…}`, `或`).
pub fn separates_alternatives(line: &str) -> bool {
    let w = line.trim().trim_end_matches([':', '：']).to_lowercase();
    ["or", "或", "或者", "otherwise", "alternatively"].contains(&w.as_str())
}

/// Whether a description calls the value the object `name` (`nat_gateway对象`, `snat_rule
/// object`, `rule结构`).
pub fn calls_it_object(description: &str, name: &str) -> bool {
    let (d, n) = (description.to_lowercase(), name.to_lowercase());
    [
        format!("{n}对象"),
        format!("{n} object"),
        format!("{n}结构"),
    ]
    .iter()
    .any(|w| d.contains(w.as_str()))
}

/// Words that say an example shows a success.
pub fn mentions_success(text: &str) -> bool {
    let l = text.to_lowercase();
    ["成功", "success", "normal"].iter().any(|w| l.contains(w))
}

/// Whether the description of an `offset`-like parameter clearly says it counts *pages*
/// (`分页列表的起始页`, `从第几页开始`, `指定要查询页的索引`, "page number") rather than items.
/// `分页` alone means "pagination" and says nothing about the unit, so it never matches.
pub fn counts_pages(description: &str) -> bool {
    let l = description.to_lowercase();
    [
        "起始页",
        "第几页",
        "页的索引",
        "页码",
        "page number",
        "page index",
        "start page",
        "starting page",
        "first page to",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// Whether an example's label says it is the request (`请求示例`, `Example request`).
pub fn names_request(label: &str) -> bool {
    label.contains("请求") || label.to_lowercase().contains("request")
}

/// Words after a bullet's marked name that say the bullet describes a field of that name
/// (`**key** indicates the tag key`, `**key**表示标签键`). Not a colon: `**normal**: …` and
/// `**bndbox**: consists of two points` list values and shapes as often as fields.
pub fn introduces_field_words(after_name: &str) -> bool {
    let t = after_name.to_lowercase();
    ["indicates", "specifies", "表示"]
        .iter()
        .any(|w| t.starts_with(w))
}

/// What a description says an object's values are when it says the object is a map
/// (`参数类型是map<string,object>`, `labels in the format of key-value pairs`, `键值对`): the
/// value type's words (`object` when only key-value pairs are said).
pub fn stated_map_values(description: &str) -> Option<String> {
    static MAP_TYPE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?:^|[^A-Za-z_])map\s*<\s*string\s*[,，]\s*([A-Za-z]+)\s*>")
            .expect("valid regex")
    });
    static KEY_VALUE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?:^|[^A-Za-z_])key[-/ ]value\s+pairs?\b|键值对")
            .expect("valid regex")
    });
    if let Some(c) = MAP_TYPE.captures(description) {
        return Some(c[1].to_string());
    }
    KEY_VALUE
        .is_match(description)
        .then(|| "object".to_string())
}

/// A row name that names no field (`-`, `--`, `—`): the row describes the value itself.
pub fn names_no_field(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| matches!(c, '-' | '–' | '—' | '/'))
}

/// A sentence calling the names it marks fields (`including the **address** and **port**
/// fields`, `包含**name**、**id**字段`).
pub fn calls_them_fields(sentence: &str) -> bool {
    sentence.to_lowercase().contains(" field") || sentence.contains("字段")
}

/// A caption naming the values of a field (`tls_ciphers_policy取值说明`, `language取值范围`,
/// `Values of protocol`, `protocol values`): that field's name.
pub fn values_caption(caption: &str) -> Option<String> {
    let (_, rest) = strip_table_number(caption);
    let rest = rest.replace("**", "").replace('\\', "");
    let rest = rest.trim();
    let name = ["取值说明", "取值范围", "取值列表", "的取值", "取值"]
        .iter()
        .find_map(|s| rest.strip_suffix(s))
        .or_else(|| {
            let lower = rest.to_ascii_lowercase();
            [" values", " value description", " value range"]
                .iter()
                .find_map(|s| lower.strip_suffix(s).map(|n| &rest[..n.len()]))
        })
        .or_else(|| {
            ["Values of ", "values of "]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
        })?;
    let name = name.trim().trim_end_matches('的').trim();
    super::text::is_hyphenated_identifier(name).then(|| name.to_string())
}

/// A type cell saying the value has no type (`无`, `None`, `-`, `N/A`, `空`): the page's way of
/// leaving the cell blank (`restart | None | This parameter is left blank.`).
pub fn says_none(type_cell: &str) -> bool {
    names_no_field(type_cell)
        || matches!(
            type_cell.to_ascii_lowercase().as_str(),
            "无" | "空" | "none" | "n/a" | "na"
        )
}

/// A type name that means a point in time (`Timestamp`, `Time`, `DateTime`, `Date`, `时间戳`).
pub fn names_point_in_time(name: &str) -> bool {
    matches!(
        super::resolve::name_key(name).as_str(),
        "timestamp" | "time" | "datetime" | "date" | "时间" | "时间戳" | "日期"
    )
}

/// An object name that is a form's fields (`FormData`, `请求formData`): a multipart or
/// URL-encoded body, not a JSON object.
pub fn names_form_data(name: &str) -> bool {
    super::resolve::name_key(name).contains("formdata")
}

/// A label saying an example is a response (`响应样例`, `Example response`).
pub fn names_response(label: &str) -> bool {
    label.contains("响应") || label.contains("返回") || label.to_lowercase().contains("response")
}

/// Whether the rest of a type cell, after its type word, says where the value's structure is
/// described (`，数据结构参见(表6 …)`, `, structure: see Table 6`) — not merely refers to
/// something (`，参见表8`: an ID of what Table 8 lists).
pub fn gives_structure_by_reference(rest: &str) -> bool {
    let l = rest.to_lowercase();
    (l.contains("结构") || l.contains("structure")) && refers_elsewhere(&l)
}

/// Words referring the reader elsewhere (`请参见`, `详见`, `see`).
const REFERENCE_WORDS: &[&str] = &["参见", "参考", "请见", "详见", "see "];

/// Whether `text` refers the reader to another place (a table, a page).
pub fn refers_elsewhere(text: &str) -> bool {
    let lower = text.to_lowercase();
    REFERENCE_WORDS.iter().any(|w| lower.contains(w))
}

/// Words that make a clause an example, a reference or a condition, not a statement of fact.
pub fn is_example_or_reference(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    [
        "例如",
        "比如",
        "举例",
        "示例",
        "e.g.",
        "for example",
        "such as",
        "example",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || refers_elsewhere(clause)
}

/// A reference to a numbered table: `表 4-3`, `表20-515`, `Table 5`, optionally followed by
/// the caption's object name (`表9 notebook字段数据结构说明`, `表10 auto_stop 字段…`).
/// Captures: the number, the object name.
pub const TABLE_REFERENCE: &str = r"(?:表|Table)\s*(\d+(?:-\d+)?)(?:\s*([A-Za-z_][A-Za-z0-9_.]*))?";

/// Phrases announcing a value list (`枚举值如下`, `可选值为`, `The value can be`). `取值范围` (a
/// range) is not one. Its word boundary is ASCII (`(?-u:\b)`): a Unicode one keeps the regex
/// engine off its fast path on every description that holds Chinese text.
pub const VALUE_LIST_ANNOUNCE: &str = r"(?ix)
        (?: 枚举取值 | 枚举值 | 可选值 | 枚举 | 有效值 | 合法值 | 可选项 | 可选[^\s。，,：:]{1,8}?(?:如下|有) | 取值(?:[^范默\s。，,：:]{0,2})?(?:如下|为|包括|包含|有|可以是|可为|是)
          | 目前已有[^\s。，,：:]{0,8}?如下 | 支持(?:的[^\s。，,：:]{1,8})?(?:如下|以下)[^\s。，,：:]{0,4}
          | (?:possible|valid|available|allowed|enumerated|supported)\s+values?(?:\s+(?:are|is|include|includes))?
          | (?:the\s+)?options?(?:\s+(?:are|include))?\s*[:：]
          | (?:the\s+)?options\s+are\s+available\s*[:：]
          | (?:the\s+)?options\s+(?:are|include)(?-u:\b)
          | (?:the\s+)?(?:value|parameter)\s+(?:can|may|must)\s+be(?:\s+one\s+of)?(?:\s+the\s+following)?
          | (?:the\s+)?value\s+is\s+one\s+of
          | value\s+options?
        )
        (?:如下|如下所示|包括|包含|为|是|有|\s+as\s+follows)?\s*[:：]?";

/// A value range stated as a list of names (`取值范围：SOURCE_IP、HTTP_COOKIE、APP_COOKIE。`,
/// `取值：TCP、UDP_CONNECT或HTTP。`, `Value range: next, previous`): a value list when every
/// piece of the sentence is a name (a range of numbers, `取值范围：1~100`, is a limit).
/// So is a sentence opening with `Value:` (`Proxy instance status. Value: ACTIVE, ABNORMAL,
/// FAILED, or DELETED.`; `Default value: 1000` and `Example value: 1,2,3` are not).
pub const VALUE_RANGE_OF_NAMES: &str =
    r"(?i)(?:取值(?:范围)?|value\s+range|(?:^|[.。]\s+)values?)\s*(?:为|是)?\s*[:：]";

/// A value stated as fixed (`固定值“v3”，该值不可修改`, `固定取值为dss`, `The value is fixed at
/// **Addon** and cannot be changed.`): a list of that one value (or of the alternatives named
/// with it, `固定值“Cluster”或“cluster”`).
pub const FIXED_VALUE: &str = r"(?i)(?:固定(?:取)?值?(?:为|是)?\s*[:：]?|(?:the\s+)?value\s+is\s+fixed\s+(?:at|to|as)(?-u:\b))";

/// Words that make a sentence conditional (`当type为PATH时`, `If action is set to filter`).
/// `periodType=year时，`, `如需…`. (`当前`, currently, `应当`, should, `同时`, at the same time, are
/// none.)
pub const CONDITIONAL: &str = r"(?i)(?:^|[^应适相])当[^前然]|如果|如需|若|(?:^|[^同])时[，,]|(?-u:\b)(?:if|when|unless)(?-u:\b)";

/// Separators between the values of an inline list (`、`, `,`, `or`, `或`, `和`).
pub const VALUE_LIST_SEPARATOR: &str = r"\s*(?:、|,|，|\|)\s*(?:(?:or|and)\s+|(?:或者|或|以及|及|和)\s*)?|\s+(?:or|and)\s+|\s*(?:或者|或|以及|及|和)\s*";

/// Lead-in words that make a bullet list something other than a value list (rules, examples,
/// a mapping, a parameter explanation).
/// An alternative that names a kind of value instead of a value (`0 (default) or a positive
/// integer`, `…或其他正整数`), or a state rather than a value (`The value can be empty.`,
/// `left blank`): the list it ends is open, not an enumeration. (A marked `**null**` is a
/// value: the markers keep it from matching.)
pub const OPEN_ALTERNATIVE: &str = r"(?i)^(?:(?:an?|any)\s+(?:other\s+|valid\s+)?(?:positive\s+|negative\s+|non-negative\s+)?(?:integer|number|value|string)s?\b|(?:其他|任意)?(?:正整数|非负整数|整数|数值|值)$|其他|任意|(?:left\s+)?(?:empty|blank|null|unset|unspecified|omitted)$|为?空$)";

pub const NOT_A_VALUE_LIST: &str = r"(?i)例如|比如|举例|规则|说明|注意|约束|限制|对应关系|参数解释|格式|示例|要求|场景|步骤|以下字段|如下字段|e\.g\.|for example|such as|\bnote\b|\brules?\b|\bformat\b|\b(?:following|these)\s+fields\b|\bfields\s+are\s+included\b|\bin\s+this\s+example\b";

/// A request line given as labelled values (`PATH：/v3/{project_id}/x` and `Method：PUT` on
/// lines of their own): which part `line` gives, and its value.
pub fn request_line_part(line: &str) -> Option<(RequestLinePart, &str)> {
    let (label, value) = line.split_once([':', '：'])?;
    let part = match label.trim().to_lowercase().as_str() {
        "path" | "uri" | "url" | "请求路径" => RequestLinePart::Path,
        "method" | "http method" | "请求方法" | "方法" => RequestLinePart::Method,
        _ => return None,
    };
    Some((part, value.trim()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestLinePart {
    Method,
    Path,
}

/// The role of a request header the runtime sets itself, by its documented name (HTTP header
/// names are case-insensitive). Any other header stays an operation parameter.
pub fn runtime_header_role(name: &str) -> Option<crate::ir::HeaderRole> {
    use crate::ir::HeaderRole::*;
    Some(match name.trim().to_ascii_lowercase().as_str() {
        // The IAM token, the temporary credentials' security token, the AK/SK signature.
        "x-auth-token" | "x-security-token" | "authorization" => Auth,
        "x-sdk-date" => Signing,
        "content-type" | "content-length" | "host" | "transfer-encoding" | "user-agent" => {
            Transport
        }
        "x-project-id" | "x-domain-id" => Scope,
        _ => return None,
    })
}

/// The runtime-owned header names, as documentation pages spell them (for near-miss repair).
pub const RUNTIME_HEADER_NAMES: &[&str] = &[
    "X-Auth-Token",
    "X-Security-Token",
    "Authorization",
    "X-Sdk-Date",
    "Content-Type",
    "Content-Length",
    "Transfer-Encoding",
    "User-Agent",
    "X-Project-Id",
    "X-Domain-Id",
];

/// A header description stating that the caller supplies a credential of its own in it
/// (`格式为Bearer {ID Token}`, `The format is Bearer {ID Token}`): not the runtime's signature.
pub fn describes_caller_credential(description: &str) -> bool {
    let d = description.to_ascii_lowercase();
    d.contains("bearer ") || d.contains("basic ")
}

/// Sentence text stating that an API needs no authentication.
pub fn says_no_authentication(sentence: &str) -> bool {
    const PHRASES: &[&str] = &[
        "不需要认证",
        "无需认证",
        "不需要鉴权",
        "无需鉴权",
        "无需进行认证",
        "不需要进行认证",
        "does not require authentication",
        "do not require authentication",
        "doesn't require authentication",
        "requires no authentication",
        "require no authentication",
        "no authentication is required",
        "without authentication",
    ];
    let s = sentence.to_lowercase();
    PHRASES.iter().any(|p| s.contains(p))
}

/// Sentence text referring to the API of the page it is on (`该接口`, `this API`).
pub fn refers_to_this_api(sentence: &str) -> bool {
    const PHRASES: &[&str] = &[
        "该接口",
        "本接口",
        "此接口",
        "该api",
        "本api",
        "this api",
        "this operation",
        "this interface",
    ];
    let s = sentence.to_lowercase();
    PHRASES.iter().any(|p| s.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_line_parts() {
        assert_eq!(
            request_line_part("PATH：/v3/{project_id}/x"),
            Some((RequestLinePart::Path, "/v3/{project_id}/x"))
        );
        assert_eq!(
            request_line_part("Method: POST"),
            Some((RequestLinePart::Method, "POST"))
        );
        assert_eq!(request_line_part("Note: see below"), None);
    }

    #[test]
    fn variant_names() {
        let pair = |b: &str, q: &str| Some((b.to_string(), q.to_string()));
        let v = variant_in_parentheses;
        assert_eq!(
            v("entities字段数据结构说明(调整实例容量)"),
            pair("entities", "调整实例容量")
        );
        assert_eq!(
            v("instance字段数据结构说明（创建只读副本）"),
            pair("instance", "创建只读副本")
        );
        assert_eq!(
            v("instance field data structure description (creating a read replica)"),
            pair("instance", "creating a read replica")
        );
        assert_eq!(v("config"), None);
        assert_eq!(v("Parameter for Replica creation (SQL Server)"), None);
        let w = variant_by_leading_word;
        assert_eq!(w("real-time config"), pair("config", "real-time"));
        assert_eq!(w("Parameters in the tags field"), None);
        assert_eq!(w("compute_flavors element"), None);
        assert_eq!(w("后端实例详情"), None);
    }

    #[test]
    fn tables_referred_to_by_caption() {
        let r = referenced_caption_name;
        assert_eq!(
            r("参考graph图类型数据结构说明。").as_deref(),
            Some("graph图类型")
        );
        assert_eq!(
            r("List结构，参见Graph类型数据结构说明。").as_deref(),
            Some("Graph类型")
        );
        assert_eq!(r("请参见表3"), None);
        assert_eq!(r("详情请参见创建集群接口"), None);
    }

    #[test]
    fn status_columns() {
        // `Returned Values | Description` lists `400 Bad Request`, … (OTC AS, abnormal part).
        for header in ["Returned Values", "Status Codes", "返回值", "状态码"] {
            assert_eq!(column(header), Column::Status, "{header}");
        }
        assert_eq!(column("Error Code"), Column::Other);
    }

    #[test]
    fn captions_that_only_say_description() {
        // In a URI section, `Table 1 Description` lists the path parameters.
        assert_eq!(
            caption_role("**Table 1** Description"),
            CaptionRole::Generic
        );
        assert_eq!(caption_role("表 1 说明"), CaptionRole::Generic);
        assert_eq!(
            caption_role("**Table 1** Parameters description"),
            CaptionRole::Generic
        );
        assert_eq!(caption_role("表 1 参数描述"), CaptionRole::Generic);
        assert_eq!(
            strip_table_number("\\[1\\] keypairs字段数据结构说明"),
            (
                Some("[1]".to_string()),
                "keypairs字段数据结构说明".to_string()
            )
        );
        assert_eq!(
            caption_role("[2] keypair字段数据结构说明"),
            CaptionRole::Object("keypair".into())
        );
        assert_eq!(caption_role("表 1 Path参数"), CaptionRole::PathParams);
        for (caption, role) in [
            ("**Table 1** Header parameters", CaptionRole::Headers),
            ("**Table 1** Header", CaptionRole::Headers),
            ("**Table 2** Body parameters", CaptionRole::Generic),
            ("**Table 2** Body", CaptionRole::Generic),
            ("表 1 请求消息头", CaptionRole::RequestHeaders),
            ("表 4 响应消息头", CaptionRole::ResponseHeaders),
            (
                "**Table 2** Parameter in a query request",
                CaptionRole::QueryParams,
            ),
            (
                "**Table 1** Request header parameters",
                CaptionRole::RequestHeaders,
            ),
        ] {
            assert_eq!(caption_role(caption), role, "{caption}");
        }
        assert_eq!(caption_role("表 2 Query参数"), CaptionRole::QueryParams);
        assert_eq!(
            caption_role("**Table 3** Description of the query parameter"),
            CaptionRole::QueryParams
        );
    }

    #[test]
    fn captions() {
        assert_eq!(
            caption_role("**表 3**  data_source 参数列表"),
            CaptionRole::Object("data_source".into())
        );
        assert_eq!(
            caption_role("表 3 data_source属性列表"),
            CaptionRole::Object("data_source".into())
        );
        assert_eq!(
            caption_role("**表 4**  parameter属性列表"),
            CaptionRole::Object("parameter".into())
        );
        assert_eq!(
            caption_role("**Table 3** **config** parameters"),
            CaptionRole::Object("config".into())
        );
        assert_eq!(
            caption_role("表 4-26 WorkflowStep"),
            CaptionRole::Object("WorkflowStep".into())
        );
        assert_eq!(
            caption_role("表 20-517 auto_stop 定义数据结构说明"),
            CaptionRole::Object("auto_stop".into())
        );
        assert_eq!(
            caption_role("表 4-13 WorkflowParameter"),
            CaptionRole::Object("WorkflowParameter".into())
        );
        assert_eq!(
            caption_role("表 6-369 MetricObject"),
            CaptionRole::Object("MetricObject".into())
        );
        assert_eq!(
            caption_role("表 9-51 QueryServiceConfig"),
            CaptionRole::Object("QueryServiceConfig".into())
        );
        assert_eq!(
            caption_role("表 20-689 configs 属性列表说明"),
            CaptionRole::Object("configs".into())
        );
        assert_eq!(
            caption_role("表 20-518 workspace 定义结构说明"),
            CaptionRole::Object("workspace".into())
        );
        assert_eq!(
            caption_role("表 1-2 query 请求参数"),
            CaptionRole::QueryParams
        );
        assert_eq!(caption_role("表 4-24 路径参数"), CaptionRole::PathParams);
        assert_eq!(caption_role("表 20-2 Query 参数"), CaptionRole::QueryParams);
        assert_eq!(
            caption_role("表 4-25 请求 Body 参数"),
            CaptionRole::RequestBody
        );
        assert_eq!(
            caption_role("表 4-3 响应 Body 参数"),
            CaptionRole::ResponseBody
        );
        assert_eq!(
            caption_role("表 8-106 响应 Header 参数"),
            CaptionRole::ResponseHeaders
        );
        assert_eq!(caption_role("**表 1**  参数说明"), CaptionRole::Generic);
        assert_eq!(
            caption_role("表 1 URI格式的参数说明"),
            CaptionRole::UriParams
        );
        assert_eq!(
            caption_role("表 2 请求样例的参数说明"),
            CaptionRole::RequestBody
        );
        assert_eq!(
            caption_role("表 3 响应样例的参数说明"),
            CaptionRole::ResponseBody
        );
        assert_eq!(
            caption_role("Table 1 Parameter in the URI"),
            CaptionRole::UriParams
        );
        assert_eq!(
            caption_role("Parameters in the request header"),
            CaptionRole::RequestHeaders
        );
        assert_eq!(
            caption_role("Parameters in the request body"),
            CaptionRole::RequestBody
        );
        assert_eq!(
            caption_role("Table 4 Parameters in the response"),
            CaptionRole::ResponseBody
        );
        assert_eq!(
            caption_role("Table 5 Description of the router field"),
            CaptionRole::Object("router".into())
        );
        assert_eq!(
            caption_role("**表 2** Header说明"),
            CaptionRole::RequestHeaders
        );
        assert_eq!(
            caption_role("**Table 3** Description of field **tag**"),
            CaptionRole::Object("tag".into())
        );
        assert_eq!(
            caption_role("Parameters in the **snapshot** field"),
            CaptionRole::Object("snapshot".into())
        );
        assert_eq!(
            field_description_caption("Data structure description of **traffic_limited_list**"),
            Some("traffic_limited_list".into())
        );
        assert_eq!(
            field_description_caption("Data structure description of the request"),
            None
        );
        assert_eq!(
            caption_role("**Table 3** Normal response"),
            CaptionRole::ResponseBody
        );
        assert_eq!(
            caption_role("The PlasConnectorCreateReq object has the following attributes."),
            CaptionRole::Object("PlasConnectorCreateReq".into())
        );
        assert_eq!(
            caption_role("**stack** structure information"),
            CaptionRole::Object("stack".into())
        );
        assert_eq!(
            caption_role("**Table 3** Parameter description of field **restore_req**"),
            CaptionRole::Object("restore_req".into())
        );
        assert_eq!(
            caption_role("**Table 2** Parameter description of the request body"),
            CaptionRole::RequestBody
        );
        assert_eq!(
            caption_role("Table 6 QueryParameters"),
            CaptionRole::QueryParams
        );
        assert_eq!(
            caption_role("Table 9 Data structure of the **values** field"),
            CaptionRole::Object("values".into())
        );
        assert_eq!(
            caption_role("Table 7 RequestParameter"),
            CaptionRole::Object("RequestParameter".into())
        );
        assert_eq!(caption_role("**Table 6** Parameters"), CaptionRole::Generic);
        assert_eq!(
            caption_role("**表 2**  get_job_configs_info返回参数说明"),
            CaptionRole::SdkResponse("get_job_configs_info".into())
        );
        assert_eq!(
            caption_role("**表 1**  Estimator请求参数说明"),
            CaptionRole::SdkRequest("Estimator".into())
        );
    }

    #[test]
    fn flags() {
        assert_eq!(required_flag("是"), Some(true));
        assert_eq!(required_flag("No"), Some(false));
        assert_eq!(required_flag("否，使用Token认证时必选。"), Some(false));
        assert_eq!(required_flag("POST/PUT请求必填，GET不能包含。"), None);
        assert_eq!(required_flag(""), None);
    }

    #[test]
    fn status_lines() {
        assert_eq!(status_line("状态码：200"), Some("200".into()));
        assert_eq!(status_line("状态码： 404"), Some("404".into()));
        assert_eq!(status_line("**状态码: 201**"), Some("201".into()));
        assert_eq!(status_line("Status code: 204"), Some("204".into()));
        assert_eq!(status_line("状态码请参见状态码"), None);
        assert_eq!(status_line("**状态码为 400 时: **").as_deref(), Some("400"));
    }

    #[test]
    fn sections() {
        assert_eq!(section_role("URI"), SectionRole::Uri);
        assert_eq!(section_role("请求消息"), SectionRole::Request);
        assert_eq!(section_role("Response Body"), SectionRole::Response);
        assert_eq!(section_role("Status Code"), SectionRole::StatusCodes);
        assert_eq!(section_role("正常响应"), SectionRole::Response);
        assert_eq!(section_role("Normal Response"), SectionRole::Response);
        assert_eq!(section_role("Abnormal Response"), SectionRole::ErrorCodes);
    }

    #[test]
    fn offset_units() {
        assert!(counts_pages("分页列表的起始页，默认为0。"));
        assert!(counts_pages("分页展示时，从第几页开始。默认为0。"));
        assert!(counts_pages("指定要查询页的索引，默认为“0”。"));
        assert!(counts_pages("The page number to start from."));
        // `分页` is "pagination": the unit is items here.
        assert!(!counts_pages("分页记录的起始位置偏移量，默认值0。"));
        assert!(!counts_pages("数据条目偏移量。"));
        assert!(!counts_pages("Offset of the first item."));
    }
}
