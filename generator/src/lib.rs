//! docbind: cloud API documentation tables → IR → OpenAPI + Rust bindings.
//!
//! Stages talk only through typed boundaries: readers ([`read`]) produce a [`doc::Document`],
//! extraction ([`extract`]) turns documents into the [`ir::Api`], emitters ([`emit`]) turn the IR
//! into OpenAPI and a Rust crate. Every stage returns [`diag::Diagnostics`] next to its output.

pub mod allowlist;
pub mod builder;
pub mod cli;
pub mod config;
pub mod conformance;
pub mod diag;
pub mod diff;
pub mod doc;
pub mod emit;
pub mod extract;
pub mod ir;
pub mod openapi_import;
pub mod overlay;
pub mod pipeline;
pub mod read;
pub mod report;
pub mod review;

pub use builder::{Builder, Settings};
