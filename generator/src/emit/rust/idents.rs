//! Documentation names → Rust identifiers.
//!
//! Rules (the same for fields, types, enum variants and methods):
//! - Only ASCII letters and digits carry over; every other character (dots, dashes, spaces,
//!   brackets, CJK text) separates words. heck then does the case conversion, so
//!   `X-Auth-Token` → `x_auth_token`, `user.name` → `user_name`, `jobType` → `job_type`.
//! - A name with no ASCII letter or digit at all (e.g. `名称`) gets the caller's fallback, a
//!   readable positional name such as `field_3`; the JSON name stays in `#[serde(rename)]`.
//!   We do not transliterate: pinyin guesses are unstable and not more readable.
//! - A leading digit gets a prefix (`n_2fa`, `N2fa`) because identifiers cannot start with one.
//! - Keywords become raw identifiers (`r#type`); those that cannot be raw (`self`, `Self`,
//!   `super`, `crate`) get a trailing underscore (`self_`, `Self_`).
//! - Collisions inside one namespace get a deterministic suffix in claim order: `_2`, `_3` for
//!   snake_case and `2`, `3` for PascalCase (an underscore would trip `non_camel_case_types`).

use heck::{ToPascalCase, ToSnakeCase};
use std::collections::BTreeSet;

/// Keywords of Rust 2021 (strict and reserved, including `gen` reserved by 2024).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that `r#` cannot escape.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// Replace everything that is not an ASCII letter or digit by a space so heck sees word breaks.
fn ascii_words(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// snake_case words of `name`, or `None` when it has no ASCII letter or digit.
pub fn snake_words(name: &str) -> Option<String> {
    let s = ascii_words(name).to_snake_case();
    (!s.is_empty()).then_some(s)
}

/// PascalCase words of `name`, or `None` when it has no ASCII letter or digit.
pub fn pascal_words(name: &str) -> Option<String> {
    let s = ascii_words(name).to_pascal_case();
    (!s.is_empty()).then_some(s)
}

/// Make a converted name a legal identifier: digit prefix, keyword escaping.
/// Returns the identifier text, possibly starting with `r#`.
fn legalize(name: &str, digit_prefix: &str) -> String {
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{name}")
    } else {
        name.to_string()
    };
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// The identifier without a raw prefix (what collisions are judged on).
pub fn bare(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Snake,
    Pascal,
}

/// One namespace of identifiers (the fields of a struct, the variants of an enum, the crate's
/// types, a builder's methods). Claims are first come, first served, so callers must claim in a
/// deterministic order.
#[derive(Debug, Clone)]
pub struct Namespace {
    case: Case,
    used: BTreeSet<String>,
}

impl Namespace {
    pub fn snake() -> Self {
        Namespace {
            case: Case::Snake,
            used: BTreeSet::new(),
        }
    }
    pub fn pascal() -> Self {
        Namespace {
            case: Case::Pascal,
            used: BTreeSet::new(),
        }
    }
    /// Names that must never be handed out (generated helpers, prelude names).
    pub fn reserving(mut self, names: &[&str]) -> Self {
        self.used.extend(names.iter().map(|n| n.to_string()));
        self
    }
    /// Whether `ident` (bare form) is already taken.
    pub fn is_taken(&self, ident: &str) -> bool {
        self.used.contains(bare(ident))
    }

    /// Claim an identifier for the documentation name `name`; `fallback` is used when `name`
    /// has no ASCII letter or digit (it must itself be a valid word such as `field_3`).
    pub fn claim(&mut self, name: &str, fallback: &str) -> String {
        let words = match self.case {
            Case::Snake => snake_words(name).unwrap_or_else(|| fallback.to_snake_case()),
            Case::Pascal => pascal_words(name).unwrap_or_else(|| fallback.to_pascal_case()),
        };
        self.claim_converted(&words)
    }

    /// Claim an identifier for an already converted word (e.g. `ShowJob` + `Response`).
    pub fn claim_converted(&mut self, words: &str) -> String {
        let digit_prefix = match self.case {
            Case::Snake => "n_",
            Case::Pascal => "N",
        };
        let first = legalize(words, digit_prefix);
        if self.used.insert(bare(&first).to_string()) {
            return first;
        }
        // Suffix the bare form; trailing underscores (from `self_`) are dropped first so the
        // result never contains `__`.
        let stem = bare(&first).trim_end_matches('_').to_string();
        for n in 2.. {
            let candidate = match self.case {
                Case::Snake => format!("{stem}_{n}"),
                Case::Pascal => format!("{stem}{n}"),
            };
            let candidate = legalize(&candidate, digit_prefix);
            if self.used.insert(bare(&candidate).to_string()) {
                return candidate;
            }
        }
        unreachable!("an unbounded counter always finds a free name")
    }
}

/// A `syn::Ident` from identifier text produced here (handles the `r#` prefix).
pub fn ident(text: &str) -> proc_macro2::Ident {
    match text.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(text, proc_macro2::Span::call_site()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snake(names: &[&str]) -> Vec<String> {
        let mut ns = Namespace::snake();
        names
            .iter()
            .enumerate()
            .map(|(i, n)| ns.claim(n, &format!("field_{}", i + 1)))
            .collect()
    }
    fn pascal(names: &[&str]) -> Vec<String> {
        let mut ns = Namespace::pascal();
        names
            .iter()
            .enumerate()
            .map(|(i, n)| ns.claim(n, &format!("Type{}", i + 1)))
            .collect()
    }

    #[test]
    fn snake_case_fields() {
        assert_eq!(
            snake(&["jobName", "X-Auth-Token", "user.name", "HTTPStatus", "a b"]),
            [
                "job_name",
                "x_auth_token",
                "user_name",
                "http_status",
                "a_b"
            ]
        );
    }

    #[test]
    fn pascal_case_types() {
        assert_eq!(
            pascal(&["job_config", "ListJobsResponse", "data-source", "v2.spec"]),
            ["JobConfig", "ListJobsResponse", "DataSource", "V2Spec"]
        );
    }

    #[test]
    fn keywords_become_raw_or_suffixed() {
        assert_eq!(
            snake(&["type", "self", "super", "crate", "match", "async", "gen"]),
            ["r#type", "self_", "super_", "crate_", "r#match", "r#async", "r#gen"]
        );
        assert_eq!(pascal(&["Self", "self"]), ["Self_", "Self2"]);
    }

    #[test]
    fn leading_digits_get_a_prefix() {
        assert_eq!(snake(&["2fa", "404"]), ["n_2fa", "n_404"]);
        assert_eq!(pascal(&["2fa", "1080p"]), ["N2fa", "N1080p"]);
    }

    #[test]
    fn non_ascii_names_fall_back_to_positional_names() {
        assert_eq!(
            snake(&["名称", "描述", "job名称"]),
            ["field_1", "field_2", "job"]
        );
        assert_eq!(pascal(&["用户信息"]), ["Type1"]);
    }

    #[test]
    fn collisions_get_deterministic_suffixes() {
        assert_eq!(
            snake(&["userName", "user_name", "user-name", "USER_NAME"]),
            ["user_name", "user_name_2", "user_name_3", "user_name_4"]
        );
        assert_eq!(pascal(&["job", "Job", "JOB"]), ["Job", "Job2", "Job3"]);
        // A keyword that collides loses its raw prefix in the suffixed form.
        assert_eq!(snake(&["type", "Type"]), ["r#type", "type_2"]);
        // `self_` is taken by `self`: the suffix never creates a double underscore.
        assert_eq!(
            snake(&["self", "self_", "self"]),
            ["self_", "self_2", "self_3"]
        );
    }

    #[test]
    fn reserved_names_are_skipped() {
        let mut ns = Namespace::pascal().reserving(&["Client", "Option"]);
        assert_eq!(ns.claim("client", "T"), "Client2");
        assert_eq!(ns.claim("option", "T"), "Option2");
        let mut ns = Namespace::snake().reserving(&["send"]);
        assert_eq!(ns.claim("send", "f"), "send_2");
    }

    #[test]
    fn fallback_names_also_collide_safely() {
        let mut ns = Namespace::snake();
        assert_eq!(ns.claim("field_1", "x"), "field_1");
        assert_eq!(ns.claim("名称", "field_1"), "field_1_2");
    }

    #[test]
    fn ident_handles_raw_prefix() {
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("job_id").to_string(), "job_id");
    }
}
