//! Two IRs compared: operations matched by method + normalised path (placeholder names do not
//! count), then parameters, bodies, responses and every schema, recursively through references.
//!
//! Schemas are compared as a docbind emitter sees them (empty descriptions are none, a null
//! default or enum member makes a value nullable, enum values are compared as the emitter types
//! them), so a docs folder and the OpenAPI document generated from it compare equal.
//! Recursive schemas are normal: a pair of referenced schemas is walked once per operation and
//! direction (a shared schema's change is reported at the first place it is reached).

use super::rules::{rule, value_rule_id, Area, ValueKind};
use super::Finding;
use crate::diag::Span;
use crate::ir::path_placeholders;
use crate::ir::{
    Api, Example, Field, HttpMethod, Operation, ParamLocation, Parameter, Schema, SchemaKind,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The path with placeholder names removed (`/v1/{}/jobs/{}`): the matching key.
pub fn normalised_path(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path.trim_end_matches('/');
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str("{}");
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

type OpKey = (String, HttpMethod);

fn by_key(api: &Api) -> BTreeMap<OpKey, Vec<&Operation>> {
    let mut map: BTreeMap<OpKey, Vec<&Operation>> = BTreeMap::new();
    for op in &api.operations {
        map.entry((normalised_path(&op.path), op.method))
            .or_default()
            .push(op);
    }
    map
}

/// Every finding between `old` and `new`, in operation order.
pub fn compare(old: &Api, new: &Api) -> Vec<Finding> {
    let (olds, news) = (by_key(old), by_key(new));
    let keys: BTreeSet<&OpKey> = olds.keys().chain(news.keys()).collect();
    let mut out = Vec::new();
    for key in keys {
        let empty = Vec::new();
        let (o, n) = (
            olds.get(key).unwrap_or(&empty),
            news.get(key).unwrap_or(&empty),
        );
        // Operations sharing a key (rare: two pages documenting one path differently) pair up
        // in order; the rest are removed or added.
        for i in 0..o.len().max(n.len()) {
            let mut c = Comparer {
                old,
                new,
                key: format!("{} {}", key.1.as_str(), key.0),
                label: String::new(),
                visited: HashSet::new(),
                findings: Vec::new(),
            };
            match (o.get(i), n.get(i)) {
                (Some(a), Some(b)) => {
                    c.label = format!("{} {}", b.method.as_str(), b.path);
                    c.operation(a, b);
                }
                (Some(a), None) => {
                    c.label = format!("{} {}", a.method.as_str(), a.path);
                    let what = format!("operation {} was removed", a.id);
                    c.push("api-path-removed", "", what, Some(&a.span), None);
                }
                (None, Some(b)) => {
                    c.label = format!("{} {}", b.method.as_str(), b.path);
                    let what = format!("operation {} was added", b.id);
                    c.push("endpoint-added", "", what, None, Some(&b.span));
                }
                (None, None) => {}
            }
            out.extend(c.findings);
        }
    }
    out
}

struct Comparer<'a> {
    old: &'a Api,
    new: &'a Api,
    /// Method + normalised path: part of the fingerprint.
    key: String,
    /// Method + path as the newer side writes it: what people read.
    label: String,
    visited: HashSet<(String, String, Area)>,
    findings: Vec<Finding>,
}

/// Text as an emitter prints it: trimmed, empty is none.
fn text(t: Option<&str>) -> Option<&str> {
    t.map(str::trim).filter(|t| !t.is_empty())
}

fn location_name(l: ParamLocation) -> &'static str {
    match l {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
    }
}

fn short(t: &str) -> String {
    let one_line: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

impl Comparer<'_> {
    fn push(
        &mut self,
        id: &str,
        location: &str,
        message: String,
        old: Option<&Span>,
        new: Option<&Span>,
    ) {
        self.findings.push(Finding::new(
            rule(id),
            &self.key,
            &self.label,
            location,
            message,
            old.cloned(),
            new.cloned(),
        ));
    }

    fn operation(&mut self, a: &Operation, b: &Operation) {
        let (sa, sb) = (Some(&a.span), Some(&b.span));
        if a.id != b.id {
            let m = format!("operation id {} → {}", a.id, b.id);
            self.push("api-operation-id-changed", "", m, sa, sb);
        }
        if a.summary.trim() != b.summary.trim() {
            let m = format!("summary {:?} → {:?}", short(&a.summary), short(&b.summary));
            self.push("api-summary-changed", "", m, sa, sb);
        }
        if text(a.description.as_deref()) != text(b.description.as_deref()) {
            let m = "the description changed".to_string();
            self.push("api-description-changed", "", m, sa, sb);
        }
        match (a.auth.uses_credentials(), b.auth.uses_credentials()) {
            (false, true) => {
                let m = "the operation now needs the configured credentials".to_string();
                self.push("api-security-added", "security", m, sa, sb);
            }
            (true, false) => {
                let m = "the operation no longer takes the configured credentials".to_string();
                self.push("api-security-removed", "security", m, sa, sb);
            }
            _ => {}
        }
        self.parameters(a, b);
        self.request_body(a, b);
        self.responses(a, b);
    }

    /// Parameters by location and name; path placeholders by position (a renamed placeholder
    /// is the same parameter). Path rows for placeholders the path does not have are not
    /// emitted, so they are not compared.
    fn parameters(&mut self, a: &Operation, b: &Operation) {
        let (pa, pb) = (path_placeholders(&a.path), path_placeholders(&b.path));
        let renamed: BTreeMap<&str, &str> = pa.iter().copied().zip(pb.iter().copied()).collect();
        for (old_name, new_name) in &renamed {
            if old_name != new_name {
                let m = format!("path placeholder {{{old_name}}} is now {{{new_name}}}");
                let loc = format!("path.{new_name}");
                self.push(
                    "request-path-parameter-renamed",
                    &loc,
                    m,
                    Some(&a.span),
                    Some(&b.span),
                );
            }
        }
        let emitted = |op: &'_ Operation, placeholders: &[&str]| -> Vec<Parameter> {
            op.parameters
                .iter()
                .filter(|p| {
                    p.location != ParamLocation::Path || placeholders.contains(&p.name.as_str())
                })
                .cloned()
                .collect()
        };
        let mut old_params = emitted(a, &pa);
        for p in &mut old_params {
            if p.location == ParamLocation::Path {
                if let Some(n) = renamed.get(p.name.as_str()) {
                    p.name = n.to_string();
                }
            }
        }
        let new_params = emitted(b, &pb);
        let key = |p: &Parameter| (p.location, p.name.to_ascii_lowercase());
        let olds: BTreeMap<_, &Parameter> = old_params.iter().map(|p| (key(p), p)).collect();
        let news: BTreeMap<_, &Parameter> = new_params.iter().map(|p| (key(p), p)).collect();
        // OpenAPI makes every path parameter required.
        let required = |p: &Parameter| p.required || p.location == ParamLocation::Path;
        for (k, o) in &olds {
            let loc = format!("{}.{}", location_name(k.0), o.name);
            match news.get(k) {
                None => {
                    let m = format!("parameter {} was removed", o.name);
                    self.push("request-parameter-removed", &loc, m, Some(&o.span), None);
                }
                Some(n) => {
                    let (so, sn) = (Some(&o.span), Some(&n.span));
                    match (required(o), required(n)) {
                        (false, true) => {
                            let m = format!("parameter {} became required", n.name);
                            self.push("request-parameter-became-required", &loc, m, so, sn);
                        }
                        (true, false) => {
                            let m = format!("parameter {} became optional", n.name);
                            self.push("request-parameter-became-optional", &loc, m, so, sn);
                        }
                        _ => {}
                    }
                    self.schema(Area::RequestParameter, &loc, &o.schema, &n.schema, so, sn);
                }
            }
        }
        for (k, n) in &news {
            if olds.contains_key(k) {
                continue;
            }
            let loc = format!("{}.{}", location_name(k.0), n.name);
            let (id, what) = if required(n) {
                ("new-required-request-parameter", "required")
            } else {
                ("new-optional-request-parameter", "optional")
            };
            let m = format!("new {what} parameter {}", n.name);
            self.push(id, &loc, m, None, Some(&n.span));
        }
    }

    fn request_body(&mut self, a: &Operation, b: &Operation) {
        match (&a.request_body, &b.request_body) {
            (None, None) => {}
            (Some(o), None) => {
                let m = "the request body was removed".to_string();
                self.push("request-body-removed", "body", m, Some(&o.span), None);
            }
            (None, Some(n)) => {
                let (id, what) = if n.required {
                    ("new-required-request-body", "required")
                } else {
                    ("new-optional-request-body", "optional")
                };
                let m = format!("new {what} request body");
                self.push(id, "body", m, None, Some(&n.span));
            }
            (Some(o), Some(n)) => {
                let (so, sn) = (Some(&o.span), Some(&n.span));
                if o.content_type != n.content_type {
                    let m = format!("media type {} → {}", o.content_type, n.content_type);
                    self.push("request-body-media-type-changed", "body", m, so, sn);
                }
                match (o.required, n.required) {
                    (false, true) => {
                        let m = "the request body became required".to_string();
                        self.push("request-body-became-required", "body", m, so, sn);
                    }
                    (true, false) => {
                        let m = "the request body became optional".to_string();
                        self.push("request-body-became-optional", "body", m, so, sn);
                    }
                    _ => {}
                }
                if !same_examples(&o.examples, &n.examples) {
                    let m = "the documented request examples changed".to_string();
                    self.push("request-example-changed", "body", m, so, sn);
                }
                self.schema(Area::RequestProperty, "body", &o.schema, &n.schema, so, sn);
            }
        }
    }

    fn responses(&mut self, a: &Operation, b: &Operation) {
        let success = |s: &str| s.starts_with('2');
        let (sa, sb) = (Some(&a.span), Some(&b.span));
        for (status, o) in &a.responses {
            let loc = format!("response.{status}");
            let Some(n) = b.responses.get(status) else {
                let id = if success(status) {
                    "response-success-status-removed"
                } else {
                    "response-non-success-status-removed"
                };
                self.push(id, &loc, format!("response {status} was removed"), sa, None);
                continue;
            };
            self.headers(status, &o.headers, &n.headers);
            if !same_examples(&o.examples, &n.examples) {
                let m = format!("the documented examples of response {status} changed");
                self.push("response-example-changed", &loc, m, sa, sb);
            }
            match (&o.body, &n.body) {
                (None, None) => {}
                (Some(ob), None) => {
                    let m = format!("the body of response {status} was removed");
                    self.push("response-body-removed", &loc, m, Some(&ob.span), sb);
                }
                (None, Some(nb)) => {
                    let m = format!("response {status} now has a body");
                    self.push("response-body-added", &loc, m, sa, Some(&nb.span));
                }
                (Some(ob), Some(nb)) => {
                    let (so, sn) = (Some(&ob.span), Some(&nb.span));
                    if ob.content_type != nb.content_type {
                        let m = format!("media type {} → {}", ob.content_type, nb.content_type);
                        self.push("response-media-type-changed", &loc, m, so, sn);
                    }
                    let loc = format!("{loc}.body");
                    self.schema(Area::ResponseProperty, &loc, &ob.schema, &nb.schema, so, sn);
                }
            }
        }
        for status in b.responses.keys() {
            if !a.responses.contains_key(status) {
                let id = if success(status) {
                    "response-success-status-added"
                } else {
                    "response-non-success-status-added"
                };
                let loc = format!("response.{status}");
                self.push(id, &loc, format!("new response {status}"), None, sb);
            }
        }
    }

    fn headers(&mut self, status: &str, old: &[Parameter], new: &[Parameter]) {
        let find = |list: &'_ [Parameter], name: &str| {
            list.iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .cloned()
        };
        for o in old {
            let loc = format!("response.{status}.header.{}", o.name);
            match find(new, &o.name) {
                Some(n) => {
                    let (so, sn) = (Some(&o.span), Some(&n.span));
                    self.schema(Area::ResponseHeader, &loc, &o.schema, &n.schema, so, sn);
                }
                None => {
                    let id = if o.required {
                        "response-required-header-removed"
                    } else {
                        "response-optional-header-removed"
                    };
                    let m = format!("header {} was removed", o.name);
                    self.push(id, &loc, m, Some(&o.span), None);
                }
            }
        }
        for n in new {
            if find(old, &n.name).is_none() {
                let loc = format!("response.{status}.header.{}", n.name);
                let m = format!("new header {}", n.name);
                self.push("response-header-added", &loc, m, None, Some(&n.span));
            }
        }
    }

    fn value(&mut self, area: Area, kind: ValueKind, loc: &str, m: String, spans: Spans) {
        let id = value_rule_id(area, kind);
        self.push(&id, loc, m, spans.0, spans.1);
    }

    /// Compare two schemas at `loc`. `so`/`sn`: the nearest enclosing spans.
    fn schema(
        &mut self,
        area: Area,
        loc: &str,
        old: &Schema,
        new: &Schema,
        so: Option<&Span>,
        sn: Option<&Span>,
    ) {
        let spans: Spans = (old.span.as_ref().or(so), new.span.as_ref().or(sn));
        if text(old.description.as_deref()) != text(new.description.as_deref()) {
            let m = "the description changed".to_string();
            self.value(area, ValueKind::DescriptionChanged, loc, m, spans);
        }
        // References: compare the referenced schemas, once per pair.
        let (ro, rn) = (resolve(self.old, old), resolve(self.new, new));
        let names = (ref_name(old), ref_name(new));
        if names.0.is_some() || names.1.is_some() {
            let visit = (
                names.0.unwrap_or_default().to_string(),
                names.1.unwrap_or_default().to_string(),
                area,
            );
            if !self.visited.insert(visit) {
                return;
            }
        }
        let (to, tn) = (ro.kind.json_type(), rn.kind.json_type());
        if to != tn {
            let m = format!("type {to} → {tn}");
            self.value(area, ValueKind::TypeChanged, loc, m, spans);
            return;
        }
        let (fo, fn_) = (format_of(&ro.kind), format_of(&rn.kind));
        if fo != fn_ {
            let m = format!(
                "format {} → {}",
                fo.unwrap_or("(none)"),
                fn_.unwrap_or("(none)")
            );
            self.value(area, ValueKind::FormatChanged, loc, m, spans);
        }
        // Values, defaults, limits and nullability: on the referring schema, or else on the
        // referenced one.
        let (vo, vn) = (annotated(old, ro), annotated(new, rn));
        self.enums(area, loc, vo, vn, spans);
        let (d_old, d_new) = (vo.default.as_ref(), vn.default.as_ref());
        if d_old != d_new {
            let show = |d: Option<&Value>| d.map_or("(none)".to_string(), Value::to_string);
            let m = format!("default {} → {}", show(d_old), show(d_new));
            self.value(area, ValueKind::DefaultChanged, loc, m, spans);
        }
        self.limits(area, loc, vo, vn, spans);
        if !matches!(rn.kind, SchemaKind::Any) {
            match (nullable(vo), nullable(vn)) {
                (false, true) => {
                    let m = "may now be null".to_string();
                    self.value(area, ValueKind::BecameNullable, loc, m, spans);
                }
                (true, false) => {
                    let m = "may no longer be null".to_string();
                    self.value(area, ValueKind::BecameNotNullable, loc, m, spans);
                }
                _ => {}
            }
        }
        match (&ro.kind, &rn.kind) {
            (SchemaKind::Array { items: a }, SchemaKind::Array { items: b }) => {
                let loc = format!("{loc}[]");
                self.schema(area, &loc, a, b, spans.0, spans.1);
            }
            (SchemaKind::Map { values: a }, SchemaKind::Map { values: b }) => {
                let loc = format!("{loc}{{}}");
                self.schema(area, &loc, a, b, spans.0, spans.1);
            }
            (SchemaKind::Object { fields: a }, SchemaKind::Object { fields: b }) => {
                self.fields(area, loc, a, b, spans);
            }
            // An object with fields and a map are both "object": one with fields became a map
            // or back — the shape changed.
            (SchemaKind::Object { .. }, SchemaKind::Map { .. })
            | (SchemaKind::Map { .. }, SchemaKind::Object { .. }) => {
                let m = "an object with documented fields became a map, or back".to_string();
                self.value(area, ValueKind::TypeChanged, loc, m, spans);
            }
            _ => {}
        }
    }

    fn enums(&mut self, area: Area, loc: &str, o: &Schema, n: &Schema, spans: Spans) {
        let (eo, en) = (enum_set(o), enum_set(n));
        match (eo.is_empty(), en.is_empty()) {
            (true, true) => {}
            (true, false) => {
                let m = format!("values now restricted to {}", join(&en));
                self.value(area, ValueKind::EnumAdded, loc, m, spans);
            }
            (false, true) => {
                let m = format!("no longer restricted to {}", join(&eo));
                self.value(area, ValueKind::EnumRemoved, loc, m, spans);
            }
            (false, false) => {
                let added: BTreeSet<&String> = en.difference(&eo).collect();
                let removed: BTreeSet<&String> = eo.difference(&en).collect();
                for v in added {
                    let m = format!("new value {v}");
                    let loc = format!("{loc}={v}");
                    self.value(area, ValueKind::EnumValueAdded, &loc, m, spans);
                }
                for v in removed {
                    let m = format!("value {v} removed");
                    let loc = format!("{loc}={v}");
                    self.value(area, ValueKind::EnumValueRemoved, &loc, m, spans);
                }
            }
        }
    }

    fn limits(&mut self, area: Area, loc: &str, o: &Schema, n: &Schema, spans: Spans) {
        let (a, b) = (&o.constraints, &n.constraints);
        // (name, old, new, larger is stricter)
        let bounds = [
            (
                "minLength",
                a.min_length.map(|v| v as f64),
                b.min_length.map(|v| v as f64),
                true,
            ),
            (
                "maxLength",
                a.max_length.map(|v| v as f64),
                b.max_length.map(|v| v as f64),
                false,
            ),
            ("minimum", a.minimum, b.minimum, true),
            ("maximum", a.maximum, b.maximum, false),
        ];
        for (name, old, new, larger_is_stricter) in bounds {
            let stricter = match (old, new) {
                (None, None) => continue,
                (Some(x), Some(y)) if x == y => continue,
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (Some(x), Some(y)) => (y > x) == larger_is_stricter,
            };
            let show = |v: Option<f64>| v.map_or("(none)".to_string(), |v| v.to_string());
            let m = format!("{name} {} → {}", show(old), show(new));
            let kind = if stricter {
                ValueKind::LimitTightened
            } else {
                ValueKind::LimitRelaxed
            };
            let loc = format!("{loc}:{name}");
            self.value(area, kind, &loc, m, spans);
        }
        for (name, old, new) in [
            ("exclusiveMinimum", a.exclusive_minimum, b.exclusive_minimum),
            ("exclusiveMaximum", a.exclusive_maximum, b.exclusive_maximum),
        ] {
            if old != new {
                let kind = if new {
                    ValueKind::LimitTightened
                } else {
                    ValueKind::LimitRelaxed
                };
                let m = format!("{name} {old} → {new}");
                let loc = format!("{loc}:{name}");
                self.value(area, kind, &loc, m, spans);
            }
        }
    }

    fn fields(&mut self, area: Area, loc: &str, old: &[Field], new: &[Field], spans: Spans) {
        let find = |list: &'_ [Field], name: &str| list.iter().position(|f| f.name == name);
        let request = area.is_request();
        for o in old {
            let floc = format!("{loc}.{}", o.name);
            let fo = o.schema.span.as_ref().or(spans.0);
            match find(new, &o.name).map(|i| &new[i]) {
                None => {
                    let id = match (request, o.required) {
                        (true, _) => "request-property-removed",
                        (false, true) => "response-required-property-removed",
                        (false, false) => "response-optional-property-removed",
                    };
                    let m = format!("property {} was removed", o.name);
                    self.push(id, &floc, m, fo, None);
                }
                Some(n) => {
                    let fnew = n.schema.span.as_ref().or(spans.1);
                    let id = match (request, o.required, n.required) {
                        (true, false, true) => Some("request-property-became-required"),
                        (true, true, false) => Some("request-property-became-optional"),
                        (false, false, true) => Some("response-property-became-required"),
                        (false, true, false) => Some("response-property-became-optional"),
                        _ => None,
                    };
                    if let Some(id) = id {
                        let now = if n.required { "required" } else { "optional" };
                        let m = format!("property {} became {now}", n.name);
                        self.push(id, &floc, m, fo, fnew);
                    }
                    let area = if request {
                        area
                    } else {
                        Area::ResponseProperty
                    };
                    self.schema(area, &floc, &o.schema, &n.schema, fo, fnew);
                }
            }
        }
        for n in new {
            if find(old, &n.name).is_some() {
                continue;
            }
            let floc = format!("{loc}.{}", n.name);
            let fnew = n.schema.span.as_ref().or(spans.1);
            let id = match (request, n.required) {
                (true, true) => "new-required-request-property",
                (true, false) => "new-optional-request-property",
                (false, _) => "response-property-added",
            };
            let what = if n.required { "required" } else { "optional" };
            let m = format!("new {what} property {}", n.name);
            self.push(id, &floc, m, None, fnew);
        }
    }
}

type Spans<'s> = (Option<&'s Span>, Option<&'s Span>);

/// The schema a reference names, through chains of references (itself otherwise; an unknown
/// name is a free-form value).
fn resolve<'s>(api: &'s Api, mut s: &'s Schema) -> &'s Schema {
    static ANY: std::sync::LazyLock<Schema> = std::sync::LazyLock::new(Schema::any);
    // A chain longer than the schema table is a cycle of references.
    for _ in 0..=api.schemas.len() {
        let SchemaKind::Ref { name } = &s.kind else {
            return s;
        };
        match api.schemas.get(name) {
            Some(named) => s = &named.schema,
            None => return &ANY,
        }
    }
    &ANY
}

/// The same example values, in any order (the emitter writes JSON examples before text ones).
fn same_examples(a: &[Example], b: &[Example]) -> bool {
    let values = |list: &[Example]| {
        let mut v: Vec<String> = list
            .iter()
            .map(|e| serde_json::to_string(&e.value).unwrap_or_default())
            .collect();
        v.sort();
        v
    };
    values(a) == values(b)
}

fn ref_name(s: &Schema) -> Option<&str> {
    match &s.kind {
        SchemaKind::Ref { name } => Some(name),
        _ => None,
    }
}

fn format_of(kind: &SchemaKind) -> Option<&str> {
    match kind {
        SchemaKind::String { format } => text(format.as_deref()),
        other => text(other.format()),
    }
}

/// Where a value's enum, default and limits are: the referring schema when it states any,
/// the referenced one otherwise.
fn annotated<'s>(site: &'s Schema, target: &'s Schema) -> &'s Schema {
    let states_any = !site.enum_values.is_empty()
        || site.default.is_some()
        || !site.constraints.is_empty()
        || site.nullable;
    if states_any {
        site
    } else {
        target
    }
}

fn nullable(s: &Schema) -> bool {
    s.nullable
        || s.default.as_ref().is_some_and(Value::is_null)
        || s.enum_values.iter().any(|e| e.value.is_null())
}

/// Enum values as the emitter types them (`"1"` is 1 for an integer), as text.
fn enum_set(s: &Schema) -> BTreeSet<String> {
    s.enum_values
        .iter()
        .filter(|e| !e.value.is_null())
        .map(|e| match &e.value {
            Value::String(t) => match &s.kind {
                SchemaKind::Integer { .. } | SchemaKind::Number { .. }
                    if t.trim().parse::<f64>().is_ok() =>
                {
                    t.trim().to_string()
                }
                _ => format!("{t:?}"),
            },
            other => match &s.kind {
                SchemaKind::String { .. } => format!("{:?}", other.to_string()),
                _ => other.to_string(),
            },
        })
        .collect()
}

fn join(values: &BTreeSet<String>) -> String {
    values.iter().cloned().collect::<Vec<_>>().join(", ")
}
