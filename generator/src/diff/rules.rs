//! The catalogue of change rules: stable ids, levels, the semver bump each needs in the
//! generated crate, and what each means. `docs/diff-rules.md` is rendered from it
//! ([`catalogue_markdown`]; a test keeps the page in step).
//!
//! Two families: rules about operations, bodies, responses and presence of parameters and
//! properties (written out below), and rules about a *value* (a parameter, a request or response
//! property, a response header), one per [`Area`] × [`ValueKind`], whose level depends on the
//! direction: what a client sends may not become stricter, what it receives may not become
//! looser.

use serde::Serialize;
use std::sync::OnceLock;

/// How bad a change is for existing clients of the HTTP API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Breaking,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Breaking => "breaking",
        }
    }
}

/// The semver bump the regenerated Rust crate needs for a change: `major` when code using the
/// previous crate may stop compiling (an item removed or retyped), `minor` when items are added,
/// `patch` when only documentation or runtime behaviour changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    Patch,
    Minor,
    Major,
}

impl Bump {
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: String,
    pub level: Level,
    pub bump: Bump,
    /// What changed.
    pub meaning: String,
    /// Why it has this level (what breaks, or why nothing does).
    pub why: String,
}

/// Where a value sits: the direction decides the level of a value rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    RequestParameter,
    RequestProperty,
    ResponseProperty,
    ResponseHeader,
}

impl Area {
    pub const ALL: [Area; 4] = [
        Area::RequestParameter,
        Area::RequestProperty,
        Area::ResponseProperty,
        Area::ResponseHeader,
    ];
    pub fn prefix(self) -> &'static str {
        match self {
            Area::RequestParameter => "request-parameter",
            Area::RequestProperty => "request-property",
            Area::ResponseProperty => "response-property",
            Area::ResponseHeader => "response-header",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            Area::RequestParameter => "a request parameter",
            Area::RequestProperty => "a request body property",
            Area::ResponseProperty => "a response body property",
            Area::ResponseHeader => "a response header",
        }
    }
    pub fn is_request(self) -> bool {
        matches!(self, Area::RequestParameter | Area::RequestProperty)
    }
}

/// A change of one value's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ValueKind {
    TypeChanged,
    FormatChanged,
    EnumValueAdded,
    EnumValueRemoved,
    EnumAdded,
    EnumRemoved,
    DefaultChanged,
    LimitTightened,
    LimitRelaxed,
    BecameNullable,
    BecameNotNullable,
    DescriptionChanged,
}

impl ValueKind {
    pub const ALL: [ValueKind; 12] = [
        ValueKind::TypeChanged,
        ValueKind::FormatChanged,
        ValueKind::EnumValueAdded,
        ValueKind::EnumValueRemoved,
        ValueKind::EnumAdded,
        ValueKind::EnumRemoved,
        ValueKind::DefaultChanged,
        ValueKind::LimitTightened,
        ValueKind::LimitRelaxed,
        ValueKind::BecameNullable,
        ValueKind::BecameNotNullable,
        ValueKind::DescriptionChanged,
    ];
    pub fn suffix(self) -> &'static str {
        match self {
            ValueKind::TypeChanged => "type-changed",
            ValueKind::FormatChanged => "format-changed",
            ValueKind::EnumValueAdded => "enum-value-added",
            ValueKind::EnumValueRemoved => "enum-value-removed",
            ValueKind::EnumAdded => "enum-added",
            ValueKind::EnumRemoved => "enum-removed",
            ValueKind::DefaultChanged => "default-changed",
            ValueKind::LimitTightened => "limit-tightened",
            ValueKind::LimitRelaxed => "limit-relaxed",
            ValueKind::BecameNullable => "became-nullable",
            ValueKind::BecameNotNullable => "became-not-nullable",
            ValueKind::DescriptionChanged => "description-changed",
        }
    }

    /// Level, bump, meaning and reason for a value in `area`.
    fn rule(self, area: Area) -> (Level, Bump, String, &'static str) {
        use Level::*;
        let req = area.is_request();
        let noun = area.noun();
        match self {
            ValueKind::TypeChanged => (
                Breaking,
                Bump::Major,
                format!("the JSON type of {noun} changed"),
                "values of the old type are rejected (request) or fail to decode (response); the Rust field or argument changes type",
            ),
            ValueKind::FormatChanged => (
                Warning,
                Bump::Major,
                format!("the format of {noun} changed (e.g. int32 → int64, date-time)"),
                "the value range or encoding differs; the Rust type may change (i32 → i64)",
            ),
            ValueKind::EnumValueAdded if req => (
                Info,
                Bump::Minor,
                format!("{noun} accepts a new enum value"),
                "clients may send more values; nothing they sent before is rejected (the Rust enum gains a variant)",
            ),
            ValueKind::EnumValueAdded => (
                Warning,
                Bump::Minor,
                format!("{noun} may return a new enum value"),
                "clients with closed enums fail on the new value; docbind's generated enums are open (an `Other` variant keeps unknown values), so its crate does not break, but code matching on the value should handle it",
            ),
            ValueKind::EnumValueRemoved if req => (
                Breaking,
                Bump::Major,
                format!("{noun} no longer accepts an enum value"),
                "requests with that value are rejected; the Rust variant disappears",
            ),
            ValueKind::EnumValueRemoved => (
                Info,
                Bump::Major,
                format!("{noun} no longer returns an enum value"),
                "clients just stop seeing it; the Rust variant disappears, so the crate needs a major bump",
            ),
            ValueKind::EnumAdded if req => (
                Warning,
                Bump::Major,
                format!("{noun} is now restricted to a list of values"),
                "values outside the list that were accepted before may be rejected; the Rust type becomes an enum",
            ),
            ValueKind::EnumAdded => (
                Info,
                Bump::Major,
                format!("{noun} now documents its list of values"),
                "responses only become more predictable; the Rust type becomes an enum",
            ),
            ValueKind::EnumRemoved if req => (
                Info,
                Bump::Major,
                format!("{noun} is no longer restricted to a list of values"),
                "every value sent before is still accepted; the Rust type stops being an enum",
            ),
            ValueKind::EnumRemoved => (
                Warning,
                Bump::Major,
                format!("{noun} no longer documents its list of values"),
                "any value may now come back, which code matching on the old list does not expect",
            ),
            ValueKind::DefaultChanged => (
                if req { Warning } else { Info },
                Bump::Patch,
                format!("the default of {noun} changed"),
                if req {
                    "a client that omits the value gets different behaviour"
                } else {
                    "documentation only: a response value is always sent as it is"
                },
            ),
            ValueKind::LimitTightened => (
                if req { Breaking } else { Info },
                Bump::Patch,
                format!("a length or range limit of {noun} became stricter"),
                if req {
                    "values that were valid are rejected"
                } else {
                    "responses stay within what clients accepted"
                },
            ),
            ValueKind::LimitRelaxed => (
                if req { Info } else { Warning },
                Bump::Patch,
                format!("a length or range limit of {noun} became looser or was removed"),
                if req {
                    "everything valid before stays valid"
                } else {
                    "responses may hold values clients did not expect (longer text, larger numbers)"
                },
            ),
            ValueKind::BecameNullable => (
                if req { Info } else { Breaking },
                Bump::Major,
                format!("{noun} may now be null"),
                if req {
                    "clients may send null; nothing they sent before is rejected"
                } else {
                    "clients that do not expect null fail to decode it; the Rust type becomes an Option"
                },
            ),
            ValueKind::BecameNotNullable => (
                if req { Breaking } else { Info },
                Bump::Major,
                format!("{noun} may no longer be null"),
                if req {
                    "requests sending null are rejected"
                } else {
                    "clients stop seeing null; the Rust type stops being an Option"
                },
            ),
            ValueKind::DescriptionChanged => (
                Info,
                Bump::Patch,
                format!("the description of {noun} changed"),
                "wording only: the documentation of the Rust item changes",
            ),
        }
    }
}

/// Rules about operations, bodies, responses and the presence of parameters, properties and
/// headers: (id, level, bump, meaning, why).
const FIXED: &[(&str, Level, Bump, &str, &str)] = &[
    (
        "api-path-removed",
        Level::Breaking,
        Bump::Major,
        "an operation (method + path) disappeared",
        "every call to it fails; its Rust method disappears",
    ),
    (
        "endpoint-added",
        Level::Info,
        Bump::Minor,
        "a new operation",
        "nothing existing changes; a Rust method is added",
    ),
    (
        "api-operation-id-changed",
        Level::Warning,
        Bump::Major,
        "the operation id changed (from the title or an overlay)",
        "the HTTP call is the same, but the Rust method and its builder are renamed",
    ),
    (
        "api-security-added",
        Level::Breaking,
        Bump::Patch,
        "an operation that needed no credentials (or took the caller's own) now needs the configured ones",
        "clients calling it without credentials are refused; the Rust client now sends them",
    ),
    (
        "api-security-removed",
        Level::Info,
        Bump::Patch,
        "an operation now needs no credentials of the runtime's (or takes the caller's own in a header)",
        "requests with credentials still work; the Rust client stops sending them",
    ),
    (
        "api-summary-changed",
        Level::Info,
        Bump::Patch,
        "the operation's title changed",
        "wording only",
    ),
    (
        "api-description-changed",
        Level::Info,
        Bump::Patch,
        "the operation's description changed",
        "wording only",
    ),
    (
        "request-path-parameter-renamed",
        Level::Info,
        Bump::Patch,
        "a path placeholder has another name at the same position",
        "the URL is the same; the Rust argument is positional",
    ),
    (
        "new-required-request-parameter",
        Level::Breaking,
        Bump::Major,
        "a new required parameter",
        "requests without it are rejected; the Rust method takes a new argument",
    ),
    (
        "new-optional-request-parameter",
        Level::Info,
        Bump::Minor,
        "a new optional parameter",
        "nothing existing changes; a builder setter is added",
    ),
    (
        "request-parameter-removed",
        Level::Warning,
        Bump::Major,
        "a parameter is no longer documented",
        "the service may ignore or reject it; its Rust setter disappears",
    ),
    (
        "request-parameter-became-required",
        Level::Breaking,
        Bump::Major,
        "an optional parameter became required",
        "requests without it are rejected; the Rust method takes it as an argument",
    ),
    (
        "request-parameter-became-optional",
        Level::Info,
        Bump::Major,
        "a required parameter became optional",
        "every request sent before is still valid; the Rust argument becomes a setter",
    ),
    (
        "new-required-request-body",
        Level::Breaking,
        Bump::Major,
        "the operation now needs a request body",
        "requests without it are rejected",
    ),
    (
        "new-optional-request-body",
        Level::Info,
        Bump::Minor,
        "the operation now accepts an optional request body",
        "nothing existing changes",
    ),
    (
        "request-body-removed",
        Level::Warning,
        Bump::Major,
        "the operation no longer documents a request body",
        "the service may reject a body; the Rust body type disappears",
    ),
    (
        "request-body-became-required",
        Level::Breaking,
        Bump::Major,
        "the request body became required",
        "requests without it are rejected",
    ),
    (
        "request-body-became-optional",
        Level::Info,
        Bump::Patch,
        "the request body became optional",
        "everything sent before is still valid",
    ),
    (
        "request-body-media-type-changed",
        Level::Breaking,
        Bump::Patch,
        "the request body's media type changed",
        "bodies of the old type are rejected (the regenerated crate sends the new one)",
    ),
    (
        "new-required-request-property",
        Level::Breaking,
        Bump::Major,
        "a new required request body property",
        "bodies without it are rejected; the Rust struct gains a required field",
    ),
    (
        "new-optional-request-property",
        Level::Info,
        Bump::Minor,
        "a new optional request body property",
        "nothing existing changes",
    ),
    (
        "request-property-removed",
        Level::Warning,
        Bump::Major,
        "a request body property is no longer documented",
        "the service may ignore or reject it; the Rust field disappears",
    ),
    (
        "request-property-became-required",
        Level::Breaking,
        Bump::Major,
        "an optional request body property became required",
        "bodies without it are rejected; the Rust field stops being an Option",
    ),
    (
        "request-property-became-optional",
        Level::Info,
        Bump::Major,
        "a required request body property became optional",
        "every body sent before is still valid; the Rust field becomes an Option",
    ),
    (
        "response-success-status-removed",
        Level::Breaking,
        Bump::Major,
        "a 2xx response is no longer documented",
        "clients expecting that status and its body break; its Rust response type disappears",
    ),
    (
        "response-non-success-status-removed",
        Level::Info,
        Bump::Patch,
        "an error response is no longer documented",
        "error handling is generic",
    ),
    (
        "response-success-status-added",
        Level::Info,
        Bump::Minor,
        "a new 2xx response",
        "clients may see a status they did not expect before, with a new body type",
    ),
    (
        "response-non-success-status-added",
        Level::Info,
        Bump::Patch,
        "a new error response",
        "error handling is generic",
    ),
    (
        "response-body-removed",
        Level::Breaking,
        Bump::Major,
        "a response no longer documents a body",
        "clients reading the body get nothing; the Rust response type disappears",
    ),
    (
        "response-body-added",
        Level::Info,
        Bump::Minor,
        "a response now documents a body",
        "nothing existing changes",
    ),
    (
        "response-media-type-changed",
        Level::Breaking,
        Bump::Patch,
        "a response body's media type changed",
        "clients decoding the old type fail",
    ),
    (
        "response-property-added",
        Level::Info,
        Bump::Minor,
        "a new response body property",
        "clients ignore fields they do not know (serde does)",
    ),
    (
        "response-required-property-removed",
        Level::Breaking,
        Bump::Major,
        "a required response body property disappeared",
        "clients relying on it fail to decode; the Rust field disappears",
    ),
    (
        "response-optional-property-removed",
        Level::Warning,
        Bump::Major,
        "an optional response body property disappeared",
        "clients see it missing (they had to handle that); the Rust field disappears",
    ),
    (
        "response-property-became-optional",
        Level::Breaking,
        Bump::Major,
        "a required response body property became optional",
        "clients relying on it fail when it is missing; the Rust field becomes an Option",
    ),
    (
        "response-property-became-required",
        Level::Info,
        Bump::Major,
        "an optional response body property became required",
        "clients just always see it; the Rust field stops being an Option",
    ),
    (
        "request-example-changed",
        Level::Info,
        Bump::Patch,
        "the documented request examples changed",
        "examples are documentation; where docbind could not read a body's table they are the only sign that the body changed, so read them",
    ),
    (
        "response-example-changed",
        Level::Info,
        Bump::Patch,
        "the documented examples of a response changed",
        "examples are documentation; where docbind could not read a body's table they are the only sign that the body changed, so read them",
    ),
    (
        "response-header-added",
        Level::Info,
        Bump::Minor,
        "a new response header",
        "nothing existing changes",
    ),
    (
        "response-required-header-removed",
        Level::Breaking,
        Bump::Major,
        "a required response header disappeared",
        "clients reading it fail",
    ),
    (
        "response-optional-header-removed",
        Level::Warning,
        Bump::Major,
        "an optional response header disappeared",
        "clients see it missing (they had to handle that)",
    ),
];

/// Every rule: the fixed ones, then the value rules by area and kind.
pub fn catalogue() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules: Vec<Rule> = FIXED
            .iter()
            .map(|(id, level, bump, meaning, why)| Rule {
                id: id.to_string(),
                level: *level,
                bump: *bump,
                meaning: meaning.to_string(),
                why: why.to_string(),
            })
            .collect();
        for area in Area::ALL {
            for kind in ValueKind::ALL {
                let (level, bump, meaning, why) = kind.rule(area);
                rules.push(Rule {
                    id: value_rule_id(area, kind),
                    level,
                    bump,
                    meaning,
                    why: why.to_string(),
                });
            }
        }
        rules
    })
}

pub fn value_rule_id(area: Area, kind: ValueKind) -> String {
    format!("{}-{}", area.prefix(), kind.suffix())
}

/// The rule with this id. Ids come from this module's own tables, so a miss is a bug in the
/// caller (the tests run every rule).
pub fn rule(id: &str) -> &'static Rule {
    catalogue()
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("diff rule {id:?} is not in the catalogue"))
}

/// The catalogue as the body of `docs/diff-rules.md`.
pub fn catalogue_markdown() -> String {
    let mut out = String::from(
        "| id | level | crate bump | meaning | why this level |\n|---|---|---|---|---|\n",
    );
    for r in catalogue() {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            r.id,
            r.level.as_str(),
            r.bump.as_str(),
            r.meaning,
            r.why
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut ids: Vec<&str> = catalogue().iter().map(|r| r.id.as_str()).collect();
        assert!(ids
            .iter()
            .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
