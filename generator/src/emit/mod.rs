//! Emitters: IR → OpenAPI documents and IR → a Rust crate.

pub mod openapi;
pub mod rust;

/// `{name}` placeholders of a path template, in order. Both emitters take path parameters
/// from the template: a placeholder with no parameter row still needs a value, and a path
/// parameter row that names no placeholder has nowhere to go.
pub fn path_placeholders(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_in_order() {
        assert_eq!(
            super::path_placeholders("/v1/{project_id}/jobs/{job_id}/x"),
            ["project_id", "job_id"]
        );
        assert!(super::path_placeholders("/v1/jobs").is_empty());
        assert_eq!(
            super::path_placeholders("/v1/{unclosed"),
            Vec::<&str>::new()
        );
    }
}
