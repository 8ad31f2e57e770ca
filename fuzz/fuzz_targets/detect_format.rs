#![no_main]
//! Format detection on any UTF-8 text, then the reader it picks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let format = docbind::read::detect_format(text);
    docbind_fuzz::read(text, format);
});
