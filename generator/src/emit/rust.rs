//! IR → Rust crate (syn/quote + prettyplease; scaffolding from askama templates).
