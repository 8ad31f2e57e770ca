//! IR → OpenAPI 3.0.3 / 3.1 (JSON and YAML).
