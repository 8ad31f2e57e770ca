//! The one mapping from documented type spellings to a type expression.
//!
//! Covers `String`, `Integer`/`Int`, `Long`, `Short`, `Float`/`Double`/`Number`, `Boolean`,
//! `Object`/`JSON`/`Dict`, `X object`, `Array of X objects`, `Array of strings`, `Array<X>`,
//! `JSON Array`, `List`, `Map<String,X>` in its spellings, `AnyType`, `X结构数组`, sized scalars
//! (`String(64)`, whose length [`stated_length`] gives), `List(X)`, scalar alternatives (`Str or
//! Int`, `Uuid-Str`), and wrap damage (`NetworkConnect ion object`, `Array<storageType >`).
//! Anything else is `Unknown`: the caller reports it and uses a free-form value, never a guess.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExpr {
    String,
    Int16,
    Int32,
    Int64,
    Float,
    Double,
    Number,
    Boolean,
    /// An object whose fields, if any, come from a describing table found by link or caption.
    Object,
    /// A type name, to be resolved against object tables (`WorkflowStep object`).
    Named(String),
    Array(Box<TypeExpr>),
    Map(Box<TypeExpr>),
    /// Binary content (`File`), for non-JSON bodies.
    Binary,
    /// Any JSON value, as documented (`AnyType`): free-form by design, not for want of a table.
    Any,
    Unknown(String),
}

impl TypeExpr {
    /// The type name the expression refers to, through lists and maps.
    pub fn named(&self) -> Option<&str> {
        match self {
            TypeExpr::Named(n) => Some(n),
            TypeExpr::Array(inner) | TypeExpr::Map(inner) => inner.named(),
            _ => None,
        }
    }

    /// An object, or a list or map of objects (a table may describe it).
    pub fn is_object_like(&self) -> bool {
        match self {
            TypeExpr::Object | TypeExpr::Named(_) => true,
            TypeExpr::Array(inner) | TypeExpr::Map(inner) => inner.is_object_like(),
            _ => false,
        }
    }
}

/// Collapse whitespace and remove markup remnants (`<br>`, `<b>`) from a type cell.
pub fn clean_type_text(raw: &str) -> String {
    let mut s = raw.to_string();
    for tag in [
        "<br>",
        "<br/>",
        "<br />",
        "<b>",
        "</b>",
        "<strong>",
        "</strong>",
        "**",
        "`",
        "\\",
    ] {
        s = s.replace(tag, " ");
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn parse_type(raw: &str) -> TypeExpr {
    let s = clean_type_text(raw);
    let first = first_sentence(&s);
    let parsed = parse_clean(without_footnote(without_table_reference(first)), false);
    // `list(string)，数据结构参见(表6 Annotation字段数据结构说明)`: after a scalar word the cell
    // says where the value's structure is: objects of that table (the resolver follows the
    // reference), as when the same cell is written with an ASCII comma.
    let rest = s.get(first.len()..).unwrap_or("");
    // `数据结构参见表8 EndPoint字段数据结构说明` alone: an object of the table it names.
    if matches!(parsed, TypeExpr::Unknown(_)) && super::vocab::gives_structure_by_reference(&s) {
        return TypeExpr::Object;
    }
    if !super::vocab::gives_structure_by_reference(rest) {
        return parsed;
    }
    match parsed {
        TypeExpr::String => TypeExpr::Object,
        TypeExpr::Array(item) if *item == TypeExpr::String => {
            TypeExpr::Array(Box::new(TypeExpr::Object))
        }
        other => other,
    }
}

/// `列表数据结构[1]`: the type without the footnote mark naming its table (`[1] keypairs字段数据
/// 结构说明`); the resolver finds that table by the field's name.
fn without_footnote(s: &str) -> &str {
    match s.strip_suffix(']').and_then(|r| r.rsplit_once('[')) {
        Some((head, n)) if !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()) => {
            head.trim()
        }
        _ => s,
    }
}

/// A type cell that also names the table describing it (`List<Object> Table 6`, `object
/// Table 5`, `表2 object`): the type without the reference (the resolver follows it).
fn without_table_reference(s: &str) -> &str {
    let words: Vec<&str> = s.split_whitespace().collect();
    let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '-');
    match words.as_slice() {
        [.., t, n] if words.len() > 2 && t.eq_ignore_ascii_case("table") && is_number(n) => {
            let cut = s.rfind(*t).unwrap_or(s.len());
            // `Objects in Table 6`: the preposition goes with the reference.
            let head = s[..cut].trim();
            // `Array of Table 7`: the reference is the item type (read whole below).
            if head.to_ascii_lowercase().ends_with(" of") {
                return s;
            }
            head.strip_suffix(" in").map_or(head, str::trim)
        }
        [first, _, ..] if first.strip_prefix('表').is_some_and(is_number) => {
            s[first.len()..].trim()
        }
        _ => s,
    }
}

/// A type cell that goes on after its type (`Dictionary data structure. For details, see
/// Table 3.`, `字典数据结构，请参见表3。`, `String。`): the type is the first sentence; the
/// reference in the rest is followed by the resolver.
fn first_sentence(s: &str) -> &str {
    let mut depth = 0i32;
    let cut = s
        .char_indices()
        .find(|&(i, c)| {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                _ => {}
            }
            depth == 0
                && (matches!(c, '。' | '，' | '；')
                    || (c == '.' && s[i + 1..].starts_with(' '))
                    || (c == '.' && i + 1 == s.len()))
        })
        .map(|(i, _)| i);
    let s = match cut {
        Some(i) if i > 0 => s[..i].trim(),
        _ => s,
    };
    // `Dict` and `For details, see Table 2.` in two paragraphs of the cell run together
    // without a full stop: the type ends where the reference begins.
    match s.find(" For details") {
        Some(i) if i > 0 => s[..i].trim(),
        _ => s,
    }
}

fn scalar(word: &str) -> Option<TypeExpr> {
    Some(match word.to_ascii_lowercase().as_str() {
        // A UUID is documented as its own type (`uuid`, `Uuid-Str`); its text is not always the
        // canonical form, so no `format`.
        // `jsonString`: text holding a JSON document.
        // `enum`: a word from a value list the description gives (`取值范围：CREATE，UPDATE，
        // DELETE。`); the prose miner reads the list.
        "string" | "str" | "text" | "char" | "varchar" | "uuid" | "jsonstring" | "enum"
        | "enumeration" => TypeExpr::String,
        "integer" | "int" | "int32" | "integer32" => TypeExpr::Int32,
        "long" | "int64" | "integer64" | "bigint" => TypeExpr::Int64,
        "short" | "int16" => TypeExpr::Int16,
        // A Java-style byte status code is a small integer; widened to int32.
        "byte" | "int8" => TypeExpr::Int32,
        "float" | "float32" => TypeExpr::Float,
        "double" | "float64" => TypeExpr::Double,
        "number" | "numeric" | "decimal" => TypeExpr::Number,
        "boolean" | "bool" => TypeExpr::Boolean,
        "object" | "json" | "dict" | "jsonobject" | "json object" | "obj" | "map" => {
            TypeExpr::Object
        }
        "file" | "binary" | "stream" => TypeExpr::Binary,
        // `AnyType`, `Any`: the documentation says any JSON value (a free-form value by design).
        "anytype" | "any" | "任意类型" => TypeExpr::Any,
        _ => return None,
    })
}

/// Plural scalar words used in `Array of strings`.
fn plural_scalar(word: &str) -> Option<TypeExpr> {
    let w = word.to_ascii_lowercase();
    let singular = w
        .strip_suffix("es")
        .filter(|s| s.ends_with("ss"))
        .map(str::to_string)
        .or_else(|| w.strip_suffix('s').map(str::to_string))?;
    match scalar(&singular)? {
        TypeExpr::Object => Some(TypeExpr::Object),
        other => Some(other),
    }
}

/// A type name as documents write them: ASCII letters, digits, `_-.` and wrap-damage spaces.
/// Prose (`对应infer_type的config`, "the config matching infer_type") is not a name.
fn is_identifier_like(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' || c == ' ')
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
}

/// `表 6` / `Table 6`: the type is the object described by that numbered table (the resolver
/// follows the number).
fn is_table_reference(s: &str) -> bool {
    let rest = s
        .strip_prefix('表')
        .or_else(|| strip_ci(s, "table"))
        .map(str::trim);
    rest.is_some_and(|r| {
        !r.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
    })
}

/// A type name with wrap damage removed: `NetworkConnect ion` → `NetworkConnection`.
fn type_name(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn strip_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let n = s.len().checked_sub(suffix.len())?;
    if s.is_char_boundary(n) && s[n..].eq_ignore_ascii_case(suffix) {
        Some(&s[..n])
    } else {
        None
    }
}

/// Split `String, X` at the top-level comma of a generic argument list.
/// The words a map type is spelt with (`Map<String,X>`, `Dict(str:str)`), lower case.
fn is_map_word(word: &str) -> bool {
    matches!(word, "map" | "dict" | "hashmap")
}

/// A map of the value type after the key type in `inner` (`String,X`, `str:str`).
fn map_of(inner: &str) -> Option<TypeExpr> {
    let (_, value) = split_top_comma(inner).or_else(|| inner.split_once(':'))?;
    Some(TypeExpr::Map(Box::new(parse_clean(value.trim(), true))))
}

fn split_top_comma(s: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            ',' | '，' if depth == 0 => return Some((&s[..i], &s[i + c.len_utf8()..])),
            _ => {}
        }
    }
    None
}

fn parse_clean(s: &str, nested: bool) -> TypeExpr {
    let s = s.trim();
    // A cell saying there is no type (`无`, `None`, `-`, `N/A`: "this parameter is left
    // blank") is an empty cell, not a type named `None` or a spelling to learn.
    if s.is_empty() || super::vocab::says_none(s) {
        return TypeExpr::Unknown(String::new());
    }
    if let Some(t) = scalar(s) {
        return t;
    }
    // `列表数据结构` / `字典数据结构` (older DEW pages): a list of structures / a structure.
    match s {
        "列表数据结构" | "列表" => return TypeExpr::Array(Box::new(TypeExpr::Object)),
        "字典数据结构" | "字典" => return TypeExpr::Object,
        _ => {}
    }
    // `参考graph图类型数据结构说明` alone: an object of the table the cell refers to by caption.
    if !nested && super::vocab::referenced_caption_name(s).is_some() {
        return TypeExpr::Object;
    }
    // `Map<String>X` (the value type after the bracket).
    if let Some(value) = strip_ci(s, "map<string>").filter(|v| !v.trim().is_empty()) {
        return TypeExpr::Map(Box::new(parse_clean(value, true)));
    }
    // Generic forms: Array<X>, List<X>, Map<String,X>.
    if let (Some(open), true) = (s.find('<'), s.ends_with('>')) {
        let head = s[..open].trim();
        let inner = &s[open + 1..s.len() - 1];
        match head.to_ascii_lowercase().as_str() {
            "array" | "list" | "set" | "jsonarray" | "json array" => {
                return TypeExpr::Array(Box::new(parse_clean(inner, true)))
            }
            // `Dict<enterprise_project>`: one named object type, the way `List<X>` names a
            // list of them (OTC EPS; the examples show the object itself, not a map of them).
            "dict" if !inner.contains([',', '，', '<']) => {
                if let t @ TypeExpr::Named(_) = parse_clean(inner, true) {
                    return t;
                }
                return TypeExpr::Map(Box::new(parse_clean(inner, true)));
            }
            // `Map<X>` with one type only: a map of X values.
            head if is_map_word(head) => {
                return map_of(inner)
                    .unwrap_or_else(|| TypeExpr::Map(Box::new(parse_clean(inner, true))))
            }
            _ => {}
        }
    }
    // Array of X objects / Array of strings / Array of Map<String,String> objects.
    if let Some(rest) = strip_ci(s, "array of ").or_else(|| strip_ci(s, "list of ")) {
        let rest = rest.trim();
        if rest.eq_ignore_ascii_case("objects") || rest.eq_ignore_ascii_case("object") {
            return TypeExpr::Array(Box::new(TypeExpr::Object));
        }
        if let Some(t) = plural_scalar(rest) {
            return TypeExpr::Array(Box::new(t));
        }
        let inner = strip_suffix_ci(rest, " objects")
            .or_else(|| strip_suffix_ci(rest, " object"))
            .or_else(|| strip_suffix_ci(rest, "objects"))
            .unwrap_or(rest);
        return TypeExpr::Array(Box::new(parse_clean(inner, true)));
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "array"
            | "json array"
            | "jsonarray"
            | "list"
            | "array[]"
            | "object[]"
            | "json数组"
            | "数组"
    ) {
        return TypeExpr::Array(Box::new(TypeExpr::Object));
    }
    if is_table_reference(s) {
        return TypeExpr::Object;
    }
    // `字典数据类型` ("dictionary data type"; `字段数据类型` is its typo): an object whose table
    // the resolver finds by field name or reference.
    if matches!(
        lower.as_str(),
        "字典数据类型"
            | "字段数据类型"
            | "字典"
            | "字典类型"
            | "字典数据"
            | "字典数据结构"
            | "结构体数据类型"
            | "结构体"
            | "dictionary data structure"
            | "dictionary"
            | "dict data structure"
    ) {
        return TypeExpr::Object;
    }
    // `列表数据结构` / `List data structure`: a list of objects described by a table.
    if matches!(
        lower.as_str(),
        "列表数据结构" | "list data structure" | "列表"
    ) {
        return TypeExpr::Array(Box::new(TypeExpr::Object));
    }
    // `[]String` (Go-style array).
    if let Some(inner) = s.strip_prefix("[]").filter(|i| !i.trim().is_empty()) {
        return TypeExpr::Array(Box::new(parse_clean(inner, true)));
    }
    if let Some(inner) = s.strip_suffix("[]") {
        return TypeExpr::Array(Box::new(parse_clean(inner, true)));
    }
    // `X结构数组` / `X数组结构` / `X数组` (Chinese "array of structure X"). When X is prose
    // rather than a name, it is still an array of structures: the resolver finds the table by
    // reference or field name.
    for suffix in ["结构体数组", "结构数组", "对象数组", "数组结构", "数组"] {
        if let Some(name) = s.strip_suffix(suffix) {
            let name = name.trim();
            let item = if name.is_empty() {
                TypeExpr::Object
            } else {
                match parse_clean(name, true) {
                    TypeExpr::Unknown(_) => TypeExpr::Object,
                    t => t,
                }
            };
            return TypeExpr::Array(Box::new(item));
        }
    }
    // `X结构` / `X结构体` / `X对象` / `X实例` ("structure / object / instance X").
    for suffix in ["结构体", "结构", "对象", "实例"] {
        if let Some(name) = s.strip_suffix(suffix) {
            let name = name.trim();
            // `List结构`: a list of structures (the item by reference).
            if ["list", "array"].contains(&name.to_ascii_lowercase().as_str()) {
                return TypeExpr::Array(Box::new(TypeExpr::Object));
            }
            // `JSON对象`: a JSON object, no type named JSON.
            if let Some(t) = scalar(name) {
                return t;
            }
            if is_identifier_like(name) {
                return TypeExpr::Named(type_name(name));
            }
            if !name.is_empty() && !name.contains(char::is_whitespace) {
                return TypeExpr::Object;
            }
        }
    }
    // `jobs array` (OTC legacy pages): an array of the object named X.
    if let Some(name) = strip_suffix_ci(s, " array") {
        let name = name.trim();
        if let Some(t) = scalar(name) {
            return TypeExpr::Array(Box::new(t));
        }
        if is_identifier_like(name) {
            return TypeExpr::Array(Box::new(TypeExpr::Named(type_name(name))));
        }
    }
    // `X object` (possibly wrap-damaged: `NetworkConnect ion object`, or misspelled: `oject`).
    if let Some(name) = strip_suffix_ci(s, " object")
        .or_else(|| strip_suffix_ci(s, " objects"))
        .or_else(|| strip_suffix_ci(s, " oject"))
        .or_else(|| strip_suffix_ci(s, " objcet"))
    {
        let name = name.trim();
        if let Some(t) = scalar(name) {
            return t;
        }
        if is_identifier_like(name) {
            return TypeExpr::Named(type_name(name));
        }
    }
    // `String(64)`, `String (255)`: the scalar; the length is the field's limit (`stated_length`).
    if let Some((head, _)) = sized_scalar(s) {
        return head;
    }
    // `integer (int32)`, `number (double)`, `string (date-time)`: a scalar and its format.
    if let Some(t) = formatted_scalar(s) {
        return t;
    }
    // `Dict(str:str)`, `Map(String, Integer)`: a map of the value type after the key type.
    if let Some((head, inner)) = head_and_parenthesized(s) {
        if is_map_word(&head.to_ascii_lowercase()) {
            if let Some(map) = map_of(inner) {
                return map;
            }
        }
    }
    // `List(nat_gateway)`, `List (NAT gateways)`: a list of the item the parentheses name;
    // prose there (not a name) leaves the item to the resolver (reference or field name).
    if let Some(inner) = parenthesized_item(s) {
        let item = match parse_clean(inner, true) {
            TypeExpr::Unknown(_) => TypeExpr::Object,
            TypeExpr::Named(_) if inner.contains(char::is_whitespace) => TypeExpr::Object,
            t => t,
        };
        return TypeExpr::Array(Box::new(item));
    }
    // `Str or Int`, `StrorInt`, `String/Integer`, `Uuid-Str`: alternatives or qualified words
    // that are all scalars.
    if let Some(t) = scalar_alternatives(s) {
        return t;
    }
    // A bare identifier: a type name (resolved against tables, or reported unresolved).
    if is_identifier_like(s)
        && (nested || s.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || !s.contains(' '))
    {
        let joined = type_name(s);
        if let Some(t) = scalar(&joined) {
            return t;
        }
        // `Objects in Table 6`: objects of the table the reference names.
        if joined.eq_ignore_ascii_case("objects") {
            return TypeExpr::Object;
        }
        return TypeExpr::Named(joined);
    }
    TypeExpr::Unknown(s.to_string())
}

/// `Head(inner)` / `Head (inner)`: the word before the parentheses and what they hold, trimmed.
fn head_and_parenthesized(s: &str) -> Option<(&str, &str)> {
    let (head, rest) = s.split_once('(')?;
    Some((head.trim(), rest.strip_suffix(')')?.trim()))
}

/// `String(64)` / `String (255)` / `varchar(32)`: the scalar and the number in parentheses.
fn sized_scalar(s: &str) -> Option<(TypeExpr, u64)> {
    let (head, size) = head_and_parenthesized(s)?;
    Some((scalar(head)?, size.parse().ok()?))
}

/// `integer (int32)` / `Integer(int64)` / `number (double)`: the format when it is a scalar of
/// the same family (an integer width, a decimal width), else the head; `string (date-time)`
/// and other string formats a string.
fn formatted_scalar(s: &str) -> Option<TypeExpr> {
    let (head, format) = head_and_parenthesized(s)?;
    let head = scalar(head)?;
    let integer = |t: &TypeExpr| matches!(t, TypeExpr::Int16 | TypeExpr::Int32 | TypeExpr::Int64);
    let decimal = |t: &TypeExpr| matches!(t, TypeExpr::Float | TypeExpr::Double | TypeExpr::Number);
    match scalar(format) {
        Some(f) if (integer(&head) && integer(&f)) || (decimal(&head) && decimal(&f)) => Some(f),
        Some(_) => None,
        None if head == TypeExpr::String
            && matches!(
                format.to_ascii_lowercase().as_str(),
                "date-time" | "date" | "time" | "uri" | "email" | "byte" | "password"
            ) =>
        {
            Some(head)
        }
        None => None,
    }
}

/// The item named in `List(X)` / `List (X)` / `Array(X)`.
fn parenthesized_item(s: &str) -> Option<&str> {
    let (head, inner) = head_and_parenthesized(s)?;
    let is_list = matches!(head.to_ascii_lowercase().as_str(), "list" | "array" | "set");
    (is_list && !inner.is_empty()).then_some(inner)
}

/// A type cell made only of scalar words joined by `or`, `/`, `|` or a hyphen (`Str or Int`,
/// `StrorInt`, `String/Integer`, `Uuid-Str`). One kind of scalar is that scalar; integers of
/// several widths the widest; integers and decimals a number; anything else any JSON value the
/// words allow (the IR has no unions, and the documentation does state the value is one of
/// them).
fn scalar_alternatives(s: &str) -> Option<TypeExpr> {
    let lower = s.to_ascii_lowercase();
    let mut words: Vec<&str> = lower
        .split(['/', '|', '-', ' '])
        .filter(|w| !w.is_empty() && *w != "or")
        .collect();
    if words.len() == 1 {
        // `StrorInt`: one word, split at an `or` between two scalar words.
        let w = words[0];
        let split = w.match_indices("or").find_map(|(i, _)| {
            let (a, b) = (&w[..i], &w[i + 2..]);
            (scalar(a).is_some() && scalar(b).is_some()).then_some([a, b])
        })?;
        words = split.to_vec();
    }
    if words.len() < 2 {
        return None;
    }
    let kinds: Vec<TypeExpr> = words.iter().map(|w| scalar(w)).collect::<Option<_>>()?;
    let integer = |t: &TypeExpr| matches!(t, TypeExpr::Int16 | TypeExpr::Int32 | TypeExpr::Int64);
    let numeric = |t: &TypeExpr| {
        integer(t) || matches!(t, TypeExpr::Float | TypeExpr::Double | TypeExpr::Number)
    };
    Some(if kinds.iter().all(|k| *k == kinds[0]) {
        kinds[0].clone()
    } else if kinds.iter().all(integer) {
        TypeExpr::Int64
    } else if kinds.iter().all(numeric) {
        TypeExpr::Number
    } else {
        TypeExpr::Any
    })
}

/// The maximum length a type cell states (`String(64)`, `String (255)`), for string types.
pub fn stated_length(raw: &str) -> Option<u64> {
    let s = clean_type_text(raw);
    match sized_scalar(first_sentence(&s))? {
        (TypeExpr::String, n) if n > 0 => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TypeExpr::*;

    fn arr(t: TypeExpr) -> TypeExpr {
        Array(Box::new(t))
    }
    fn named(s: &str) -> TypeExpr {
        Named(s.to_string())
    }

    #[test]
    fn spellings() {
        let cases: Vec<(&str, TypeExpr)> = vec![
            ("String", String),
            ("string", String),
            // Older Huawei pages: a word from the value list the description gives.
            ("enum", String),
            ("Enum", String),
            ("Integer", Int32),
            ("integer", Int32),
            ("Int", Int32),
            ("Long", Int64),
            ("Short", Int16),
            ("Float", Float),
            ("Double", Double),
            ("Number", Number),
            ("Boolean", Boolean),
            ("Object", Object),
            ("AnyType", Any),
            ("Array of AnyType", arr(Any)),
            ("object", Object),
            ("JSON", Object),
            ("Dict", Object),
            ("字典数据类型", Object),
            ("字段数据类型", Object),
            ("[]String", arr(String)),
            (
                "Dictionary data structure. For details, see Table 3.",
                Object,
            ),
            ("字典数据结构，请参见表3。", Object),
            ("列表数据结构。", arr(Object)),
            ("String。", String),
            ("List<Object> Table 6", arr(Object)),
            ("object Table 5", Object),
            ("表2 object", Object),
            ("Map<String>String", Map(Box::new(String))),
            ("Map<String>[]string", Map(Box::new(arr(String)))),
            ("flavor oject", named("flavor")),
            ("结构体数据类型", Object),
            ("Map<String，String>", Map(Box::new(String))),
            ("WorkflowStep object", named("WorkflowStep")),
            ("NetworkConnect ion object", named("NetworkConnection")),
            ("Array of WorkflowStep objects", arr(named("WorkflowStep"))),
            (
                "Array of WorkflowMetric Pair objects",
                arr(named("WorkflowMetricPair")),
            ),
            ("Array of strings", arr(String)),
            ("Array of integers", arr(Int32)),
            ("Array of doubles", arr(Double)),
            ("Array of objects", arr(Object)),
            (
                "Array of Map<String,String> objects",
                arr(Map(Box::new(String))),
            ),
            ("JSON Array", arr(Object)),
            ("Array", arr(Object)),
            ("List", arr(Object)),
            ("Array<Object>", arr(Object)),
            ("Array<Storage>", arr(named("Storage"))),
            ("Array<storageType >", arr(named("storageType"))),
            ("Array<Array<Integer>>", arr(arr(Int32))),
            ("Array<Array<String>>", arr(arr(String))),
            ("Map<String,Object>", Map(Box::new(Object))),
            ("Dict(str:str)", Map(Box::new(String))),
            ("Map(String, Integer)", Map(Box::new(Int32))),
            ("integer (int32)", Int32),
            ("Integer(int64)", Int64),
            ("number (double)", Double),
            ("string (date-time)", String),
            ("Dict For details, see Table 2", Object),
            ("Objects in Table 6", Object),
            ("Array of Table 7", arr(Object)),
            (
                "list(string)，数据结构参见(表6 Annotation字段数据结构说明)",
                arr(Object),
            ),
            ("string，数据结构参见表8", Object),
            ("String，参见表8", String),
            ("数据结构参见表8 EndPoint字段数据结构说明", Object),
            ("数据结构参见表8", Object),
            ("List of table 3-2", arr(Object)),
            ("JSON对象", Object),
            ("List结构", arr(Object)),
            ("列表数据结构[1]", arr(Object)),
            ("字典数据结构\\[2\\]", Object),
            ("参考graph图类型数据结构说明", Object),
            ("JSON数组", arr(Object)),
            ("Map<String, Object>", Map(Box::new(Object))),
            ("Map<String,String >", Map(Box::new(String))),
            ("Map<String,String<br>>", Map(Box::new(String))),
            ("Map<String,Array<String>>", Map(Box::new(arr(String)))),
            ("Map<String,Integer>", Map(Box::new(Int32))),
            ("Map<String,SkuInfo>", Map(Box::new(named("SkuInfo")))),
            ("<b>SearchProp</b><br>object", named("SearchProp")),
            ("jobs结构数组", arr(named("jobs"))),
            ("logVolume数组结构", arr(named("logVolume"))),
            ("Environment实例", named("Environment")),
            ("对应infer_type的config结构数组", arr(Object)),
            ("表2", Object),
            ("Table 4-3", Object),
            ("List of 表6", arr(Object)),
            (
                "包括predictor configs结构和transformer configs",
                Unknown("包括predictor configs结构和transformer configs".into()),
            ),
            ("jobs array", arr(named("jobs"))),
            ("String array", arr(String)),
            ("String(64)", String),
            ("String (255)", String),
            ("Integer(10)", Int32),
            ("List(nat_gateway)", arr(named("nat_gateway"))),
            ("List (NAT gateways)", arr(Object)),
            ("Array(String)", arr(String)),
            ("Str or Int", Any),
            ("StrorInt", Any),
            ("String/Integer", Any),
            ("Integer or Long", Int64),
            ("Integer or Float", Number),
            ("Uuid-Str", String),
            ("uuid", String),
            ("", Unknown("".into())),
            (
                "Dict<enterprise_project>",
                Named("enterprise_project".into()),
            ),
            ("Dict<String>", Map(Box::new(String))),
            ("无", Unknown("".into())),
            ("None", Unknown("".into())),
            ("-", Unknown("".into())),
            ("N/A", Unknown("".into())),
            ("见说明 或 其他", Unknown("见说明 或 其他".into())),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_type(input), expected, "type spelling {input:?}");
        }
    }

    #[test]
    fn lengths_stated_in_the_type_cell() {
        assert_eq!(stated_length("String(64)"), Some(64));
        assert_eq!(stated_length("String (255)"), Some(255));
        assert_eq!(
            stated_length("Integer(10)"),
            None,
            "a width of digits, not a length"
        );
        assert_eq!(stated_length("String"), None);
        assert_eq!(stated_length("List(nat_gateway)"), None);
    }
}
