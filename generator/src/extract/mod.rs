//! Extraction: documents → IR.
