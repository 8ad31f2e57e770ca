//! Emitters: IR → OpenAPI documents and IR → a Rust crate.

pub mod openapi;
pub mod rust;
