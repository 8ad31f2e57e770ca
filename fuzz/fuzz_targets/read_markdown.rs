#![no_main]
//! The markdown reader on any UTF-8 text: it must return (document, diagnostics), never panic,
//! never overflow its stack, in time linear in the input.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| docbind_fuzz::read(text, docbind::doc::Format::HuaweiMarkdown));
