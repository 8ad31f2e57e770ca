#![no_main]
//! The whole pipeline in memory: read (format detected) → extract → OpenAPI JSON/YAML and the
//! Rust crate, each output parsed back.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| docbind_fuzz::pipeline(text));
