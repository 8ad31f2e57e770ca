//! Emitters: IR → OpenAPI documents and IR → a Rust crate.

pub mod groups;
pub mod openapi;
pub mod rust;

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_in_order() {
        assert_eq!(
            crate::ir::path_placeholders("/v1/{project_id}/jobs/{job_id}/x"),
            ["project_id", "job_id"]
        );
        assert!(crate::ir::path_placeholders("/v1/jobs").is_empty());
        assert_eq!(
            crate::ir::path_placeholders("/v1/{unclosed"),
            Vec::<&str>::new()
        );
    }
}
