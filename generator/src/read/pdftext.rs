//! Reader stub (being implemented).
use crate::diag::Diagnostics;
use crate::doc::{Document, Format};
use std::sync::Arc;

pub fn read(file: Arc<str>, _text: &str) -> (Document, Diagnostics) {
    (Document { file, format: Format::PdfText, blocks: Vec::new() }, Diagnostics::new())
}
