//! IR → a Rust client crate.
//!
//! [`generate_crate`] returns every file of the crate as text; the caller writes them. Code is
//! built as token streams (syn/quote) and printed with prettyplease, so generation needs no
//! rustfmt; Cargo.toml, README.md and the crate docs come from askama templates.
//!
//! - [`idents`] turns documentation names into Rust identifiers;
//! - [`plan`] decides the IR's Rust shape (types, names, builders) up front;
//! - [`models`] and [`enums`] print `src/models.rs`;
//! - [`paging`] decides which list operations get pagination streams;
//! - [`client`] prints `src/client.rs`;
//! - [`crate_files`] renders the templated scaffolding;
//! - [`docs`] turns descriptions into warning-free rustdoc.

pub mod ast;
pub mod client;
pub mod crate_files;
pub mod docs;
pub mod enums;
pub mod examples;
pub mod idents;
pub mod models;
pub mod paging;
pub mod plan;

use crate::ir;
use quote::quote;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct RustOptions {
    /// Cargo package name, e.g. `modelarts`.
    pub crate_name: String,
    pub crate_version: String,
    /// The Cargo.toml dependency line for the runtime, e.g.
    /// `docbind-runtime = { path = "../../runtime" }`.
    pub runtime_dependency: String,
    /// Endpoint template such as `https://modelarts.{region}.myhuaweicloud.com`.
    pub endpoint_template: String,
    /// Path parameters the client configuration can supply (e.g. `project_id`): they become
    /// optional builder setters instead of required arguments.
    pub defaulted_path_params: Vec<String>,
    /// Documented examples known to be wrong: their generated tests are ignored, with the reason.
    pub example_allowlist: crate::allowlist::ExampleAllowlist,
}

#[derive(Debug)]
pub enum EmitError {
    /// A `Ref` names a schema that is not in `Api::schemas`.
    UnknownSchema {
        name: String,
        referenced_from: String,
    },
    /// Generated tokens did not parse as a Rust file (a generator bug).
    InvalidTokens {
        file: String,
        message: String,
    },
    Template(askama::Error),
}

impl fmt::Display for EmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmitError::UnknownSchema {
                name,
                referenced_from,
            } => {
                write!(
                    f,
                    "schema `{name}` (referenced from {referenced_from}) is not defined"
                )
            }
            EmitError::InvalidTokens { file, message } => {
                write!(f, "generated {file} does not parse: {message}")
            }
            EmitError::Template(e) => write!(f, "template error: {e}"),
        }
    }
}

impl std::error::Error for EmitError {}

impl From<askama::Error> for EmitError {
    fn from(e: askama::Error) -> Self {
        EmitError::Template(e)
    }
}

/// Print a token stream as a formatted Rust file.
///
/// prettyplease puts no blank lines between items; for readability each top-level item is
/// printed on its own and separated by a blank line, and so are the items of impl blocks.
fn unparse(file: &str, tokens: proc_macro2::TokenStream) -> Result<String, EmitError> {
    let mut out = String::new();
    print_chunk(file, tokens, &mut out)?;
    Ok(out)
}

/// A piece of a file to print: tokens to parse, or an item built directly (see [`ast`]).
pub enum Chunk {
    Tokens(proc_macro2::TokenStream),
    Items(Vec<syn::Item>),
}

/// Like [`unparse`], for a file given as a header (inner attributes) and a stream of chunks:
/// each is printed on its own, so the syntax tree of the whole file (hundreds of MB for a
/// large API) never exists at once.
fn unparse_streamed(
    file: &str,
    header: proc_macro2::TokenStream,
    chunks: impl Iterator<Item = Chunk>,
) -> Result<String, EmitError> {
    let mut out = String::new();
    print_chunk(file, header, &mut out)?;
    for chunk in chunks {
        match chunk {
            Chunk::Tokens(tokens) => print_chunk(file, tokens, &mut out)?,
            Chunk::Items(items) => {
                for item in items {
                    print_item(file, item, &mut out)?;
                }
            }
        }
    }
    Ok(out)
}

fn print_chunk(
    file: &str,
    tokens: proc_macro2::TokenStream,
    out: &mut String,
) -> Result<(), EmitError> {
    let parsed: syn::File = syn::parse2(tokens).map_err(|e| EmitError::InvalidTokens {
        file: file.to_string(),
        message: e.to_string(),
    })?;
    if !parsed.attrs.is_empty() {
        let text = prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: parsed.attrs,
            items: Vec::new(),
        });
        out.push_str(&expand_docs(file, text)?);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    for item in parsed.items {
        print_item(file, item, out)?;
    }
    Ok(())
}

/// One top-level item, after a blank line unless it opens the file.
fn print_item(file: &str, item: syn::Item, out: &mut String) -> Result<(), EmitError> {
    if !out.is_empty() {
        out.push('\n');
    }
    let text = prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    });
    out.push_str(&expand_docs(file, separate_impl_items(&text))?);
    Ok(())
}

fn expand_docs(file: &str, text: String) -> Result<String, EmitError> {
    docs::expand_stashed_docs(text).map_err(|message| EmitError::InvalidTokens {
        file: file.to_string(),
        message,
    })
}

/// A blank line after every item that closes at impl-item depth (`    }`), unless the block
/// itself closes next. Generated code has no multi-line string literals, so lines are code.
fn separate_impl_items(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        if line == "    }" {
            if let Some(next) = lines.peek() {
                if next.starts_with("    ")
                    && !next.starts_with("     ")
                    && !next.trim_start().starts_with('}')
                {
                    out.push('\n');
                }
            }
        }
    }
    out
}

const GENERATED_NOTE: &str =
    "// @generated by docbind from the API reference documentation. Do not edit by hand.\n";

/// All files of the client crate for `api`, keyed by path relative to the crate root.
pub fn generate_crate(
    api: &ir::Api,
    opts: &RustOptions,
) -> Result<BTreeMap<PathBuf, String>, EmitError> {
    // Doc blocks are parked per thread while tokens are printed (see `docs`); none from an
    // earlier run may linger, and none should outlive this one.
    docs::clear_stashed_docs();
    let files = generate_files(api, opts);
    docs::clear_stashed_docs();
    files
}

fn generate_files(
    api: &ir::Api,
    opts: &RustOptions,
) -> Result<BTreeMap<PathBuf, String>, EmitError> {
    let plan = plan::plan(api, &opts.defaulted_path_params)?;
    let mut files = BTreeMap::new();
    files.insert(
        PathBuf::from("Cargo.toml"),
        crate_files::cargo_toml(api, opts)?,
    );
    files.insert(
        PathBuf::from("README.md"),
        crate_files::readme(api, &plan, opts)?,
    );

    // Two threads print: this one models.rs and doc_examples.rs, the other the head of
    // client.rs; then both print the client's builders from a shared pool (see `BuilderPool`).
    let pool = BuilderPool::new(&plan, api);
    let ((printed, builders), client_head) = crate::threads::join(
        || (models_and_examples(api, opts, &plan), pool.print()),
        || -> Result<_, EmitError> {
            let head = unparse("src/client.rs", client::client_head(&plan, api))?;
            Ok((head, pool.print()?))
        },
    );
    let (mut client, more) = client_head?;
    let mut builders = builders?;
    builders.extend(more);
    builders.sort_by_key(|(n, _)| *n);
    for (_, text) in builders {
        // As if printed into one text: `print_item` separates items by a blank line.
        client.push('\n');
        client.push_str(&text);
    }
    let (models, doc_examples) = printed?;
    files.insert(
        PathBuf::from("src/lib.rs"),
        lib_file(opts, doc_examples.is_some())?,
    );
    files.insert(
        PathBuf::from("src/models.rs"),
        format!("{GENERATED_NOTE}{models}"),
    );
    if let Some(text) = doc_examples {
        files.insert(
            PathBuf::from("src/doc_examples.rs"),
            format!("{GENERATED_NOTE}{text}"),
        );
    }
    files.insert(
        PathBuf::from("src/client.rs"),
        format!("{GENERATED_NOTE}{client}"),
    );
    // The code is laid out by prettyplease; `cargo fmt` in a workspace that contains the crate
    // must leave it alone, or `docbind check` would report it stale.
    files.insert(
        PathBuf::from("rustfmt.toml"),
        "# @generated by docbind: the code is formatted by prettyplease at generation time.\ndisable_all_formatting = true\n".to_string(),
    );
    Ok(files)
}

/// The client's request builders, one per operation, printed by whichever thread is free: the
/// threads' fixed shares (models vs. client head) differ per API, and taking builders one at a
/// time from a shared counter keeps both busy to the end. Each builder's tokens are built and
/// printed on one thread (doc blocks are parked per thread, see `docs`) and the texts are put
/// back in operation order, so the file does not depend on which thread printed what.
struct BuilderPool<'a> {
    plan: &'a plan::Plan,
    api: &'a ir::Api,
    next: std::sync::atomic::AtomicUsize,
}

impl<'a> BuilderPool<'a> {
    fn new(plan: &'a plan::Plan, api: &'a ir::Api) -> Self {
        BuilderPool {
            plan,
            api,
            next: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Print builders until none is left: (operation number, text) of those printed here.
    fn print(&self) -> Result<Vec<(usize, String)>, EmitError> {
        let mut printed = Vec::new();
        loop {
            let n = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if n >= self.plan.operations.len() {
                return Ok(printed);
            }
            let mut text = String::new();
            let tokens = client::builder_chunk(self.plan, self.api, n);
            print_chunk("src/client.rs", tokens, &mut text)?;
            printed.push((n, text));
        }
    }
}

/// src/models.rs, and src/doc_examples.rs when the documentation has examples.
fn models_and_examples(
    api: &ir::Api,
    opts: &RustOptions,
    plan: &plan::Plan,
) -> Result<(String, Option<String>), EmitError> {
    let (header, chunks) = models::models_file(plan, &api.title);
    let models = unparse_streamed("src/models.rs", header, chunks)?;
    let examples = examples::examples_file(plan, api, &opts.example_allowlist)
        .map(|tokens| unparse("src/doc_examples.rs", tokens))
        .transpose()?;
    Ok((models, examples))
}

/// src/lib.rs; it declares `doc_examples` only when that file is generated.
fn lib_file(opts: &RustOptions, has_examples: bool) -> Result<String, EmitError> {
    let endpoint = &opts.endpoint_template;
    let examples_mod = has_examples.then(|| {
        quote! {
            #[cfg(test)]
            mod doc_examples;
        }
    });
    let lib_body = quote! {
        #![forbid(unsafe_code)]

        mod client;
        #examples_mod
        pub mod models;

        pub use client::*;
        pub use docbind_runtime::{Config, Credentials, Error};

        /// The endpoint template of the service; `{region}` is replaced by the configured region.
        pub const ENDPOINT_TEMPLATE: &str = #endpoint;
    };
    Ok(format!(
        "{}{}",
        crate_files::lib_header()?,
        unparse("src/lib.rs", lib_body)?
    ))
}
