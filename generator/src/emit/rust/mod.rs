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

pub mod client;
pub mod crate_files;
pub mod docs;
pub mod enums;
pub mod examples;
pub mod features;
pub mod idents;
pub mod models;
pub mod paging;
pub mod plan;
pub mod runtime_bundle;

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
    /// `docbind-runtime = { path = "../../runtime" }`; `None` bundles the runtime with the
    /// crate (`runtime/`), so it builds anywhere with no edits.
    pub runtime_dependency: Option<String>,
    /// Path parameters the client configuration can supply (e.g. `project_id`): they become
    /// optional builder setters instead of required arguments.
    pub defaulted_path_params: Vec<String>,
    /// Whether the service is project-scoped or global (IAM, DNS…: authenticated by domain).
    /// `None`: from the reference — global when no path has a `{project_id}`.
    pub scope: Option<ServiceScope>,
    /// Documented examples known to be wrong: their generated tests are ignored, with the reason.
    pub example_allowlist: crate::allowlist::ExampleAllowlist,
}

impl RustOptions {
    /// The options of an ad-hoc run (`docbind generate INPUTS --rust DIR --crate-name NAME`):
    /// no docbind.toml, so the runtime is bundled with the crate, and the endpoint and the
    /// scope come from the reference.
    pub fn ad_hoc(crate_name: &str) -> Self {
        RustOptions {
            crate_name: crate_name.to_string(),
            crate_version: "0.1.0".into(),
            runtime_dependency: None,
            defaulted_path_params: vec![],
            scope: None,
            example_allowlist: Default::default(),
        }
    }
}

/// How the runtime scopes the service's credentials (`docbind_runtime::Scope`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceScope {
    Project,
    Global,
}

impl ServiceScope {
    /// Project-scoped when at least half the operations name the project right after the
    /// path's version (`/v1/{project_id}/jobs`, `/rds/v1/{project_id}/…`,
    /// `/api/v3/projects/{project_id}/clusters`, `/{version_id}/{project_id}/…`): the project
    /// scopes those calls. A global service where a few calls name a project (IAM's project
    /// management, DNS tags) stays global.
    pub fn of(api: &ir::Api) -> Self {
        let scoped = api
            .operations
            .iter()
            .filter(|o| names_scope_project(&o.path))
            .count();
        if scoped * 2 >= api.operations.len() && scoped > 0 {
            ServiceScope::Project
        } else {
            ServiceScope::Global
        }
    }
}

fn names_scope_project(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let Some(i) = segments.iter().position(|s| *s == "{project_id}") else {
        return false;
    };
    let version = |t: &str| {
        t.strip_prefix(['v', 'V'])
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
            || (t.starts_with('{') && t.to_ascii_lowercase().contains("version"))
    };
    let service = |t: &str| t.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    // `…/v3/projects/{project_id}/clusters`: the project collection names the scope too.
    let before = match &segments[..i] {
        [rest @ .., "projects"] => rest,
        all => all,
    };
    match before {
        [] => true,
        [v] => version(v),
        [s, v] => service(s) && version(v),
        _ => false,
    }
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

/// Print token streams, one after the other, as a formatted Rust file; the first may carry
/// the file's inner attributes.
///
/// prettyplease puts no blank lines between items; for readability each top-level item is
/// printed on its own and separated by a blank line, and so are the items of impl blocks.
/// Each stream is parsed and printed before the next is built, so the syntax tree of a whole
/// file (hundreds of MB for a large API) never exists at once.
fn unparse(file: &str, chunks: impl IntoIterator<Item = Chunk>) -> Result<String, EmitError> {
    let mut out = String::new();
    for (tokens, cfg) in chunks {
        print_chunk(file, tokens, cfg, &mut out)?;
    }
    Ok(out)
}

/// Items to print, and the `#[cfg(…)]` attribute every one of them gets (a Cargo feature).
type Chunk = (proc_macro2::TokenStream, Option<proc_macro2::TokenStream>);

fn print_chunk(
    file: &str,
    tokens: proc_macro2::TokenStream,
    cfg: Option<proc_macro2::TokenStream>,
    out: &mut String,
) -> Result<(), EmitError> {
    let mut parsed: syn::File = syn::parse2(tokens).map_err(|e| EmitError::InvalidTokens {
        file: file.to_string(),
        message: e.to_string(),
    })?;
    if let Some(cfg) = cfg {
        let attr: syn::Attribute = syn::parse_quote!(#cfg);
        for item in &mut parsed.items {
            if let Some(attrs) = item_attrs(item) {
                attrs.insert(0, attr.clone());
            }
        }
    }
    if !parsed.attrs.is_empty() {
        out.push_str(&prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: parsed.attrs,
            items: Vec::new(),
        }));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    for item in parsed.items {
        print_item(item, out);
    }
    Ok(())
}

/// The attributes of the items generated code has.
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Struct(i) => &mut i.attrs,
        syn::Item::Enum(i) => &mut i.attrs,
        syn::Item::Impl(i) => &mut i.attrs,
        syn::Item::Macro(i) => &mut i.attrs,
        syn::Item::Type(i) => &mut i.attrs,
        syn::Item::Fn(i) => &mut i.attrs,
        syn::Item::Const(i) => &mut i.attrs,
        syn::Item::Use(i) => &mut i.attrs,
        syn::Item::Mod(i) => &mut i.attrs,
        syn::Item::Trait(i) => &mut i.attrs,
        syn::Item::Static(i) => &mut i.attrs,
        _ => return None,
    })
}

/// One top-level item, after a blank line unless it opens the file.
fn print_item(item: syn::Item, out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
    let text = prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    });
    out.push_str(&separate_impl_items(&text));
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
    let plan = plan::plan(api, &opts.defaulted_path_params)?;
    let features = features::Features::of(&plan, api);
    let mut files = BTreeMap::new();
    files.insert(
        PathBuf::from("Cargo.toml"),
        crate_files::cargo_toml(api, opts, &features)?,
    );
    files.insert(
        PathBuf::from("README.md"),
        crate_files::readme(api, &plan, opts, &features)?,
    );
    let Sources {
        models,
        client,
        doc_examples,
    } = sources(api, &plan, &features, Some(&opts.example_allowlist))?;
    files.insert(
        PathBuf::from("src/lib.rs"),
        lib_file(
            api,
            opts.scope.unwrap_or_else(|| ServiceScope::of(api)),
            doc_examples.is_some(),
        )?,
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
    if opts.runtime_dependency.is_none() {
        files.extend(runtime_bundle::files());
    }
    // The code is laid out by prettyplease; `cargo fmt` in a workspace that contains the crate
    // must leave it alone, or `docbind check` would report it stale.
    files.insert(
        PathBuf::from("rustfmt.toml"),
        "# @generated by docbind: the code is formatted by prettyplease at generation time.\ndisable_all_formatting = true\n".to_string(),
    );
    Ok(files)
}

/// Where the client connects by default: the documented (or configured) endpoint; a reserved
/// name when the documentation states none, so a client fails clearly until a base URL is set.
pub fn endpoint_template(api: &ir::Api) -> &str {
    api.endpoint
        .as_ref()
        .map_or("https://example.invalid", |e| e.template.as_str())
}

/// The code of a crate's modules.
struct Sources {
    models: String,
    client: String,
    doc_examples: Option<String>,
}

/// `models`, `client` and, given the allow-list, `doc_examples`, printed.
fn sources(
    api: &ir::Api,
    plan: &plan::Plan,
    features: &features::Features,
    examples: Option<&crate::allowlist::ExampleAllowlist>,
) -> Result<Sources, EmitError> {
    let (header, types) = models::models_file(plan, &api.title);
    let types = plan
        .print_order
        .iter()
        .zip(types)
        .map(|(id, tokens)| (tokens, features.type_cfg(*id)));
    let models = unparse(
        "src/models.rs",
        std::iter::once((header, None)).chain(types),
    )?;
    let doc_examples = examples
        .and_then(|allowlist| examples::examples_file(plan, api, allowlist, features))
        .map(|tokens| unparse("src/doc_examples.rs", [(tokens, None)]))
        .transpose()?;
    let builders = (0..plan.operations.len()).map(|n| {
        (
            client::builder_chunk(plan, api, n),
            features.operation_cfg(n),
        )
    });
    let client = unparse(
        "src/client.rs",
        std::iter::once((client::client_head(plan, api, features), None)).chain(builders),
    )?;
    Ok(Sources {
        models,
        client,
        doc_examples,
    })
}

/// The client as one file to `include!` in any module of another crate (a build script's
/// output, see `crate::builder`): `models` and the client inline, with the endpoint and scope
/// constants. No Cargo features (a `#[cfg(feature)]` would name the including crate's
/// features) and no example tests; the including crate depends on `docbind-runtime` and `serde`.
pub fn generate_module(api: &ir::Api, opts: &RustOptions) -> Result<String, EmitError> {
    let plan = plan::plan(api, &opts.defaulted_path_params)?;
    let Sources { models, client, .. } = sources(api, &plan, &features::Features::default(), None)?;
    let scope = opts.scope.unwrap_or_else(|| ServiceScope::of(api));
    let constants = unparse("module", [(constants(api, scope), None)])?;
    Ok(format!(
        "{GENERATED_NOTE}// Include it in any module: `include!(concat!(env!(\"OUT_DIR\"), \"/FILE\"));`.\n\npub mod models {{\n{models}}}\n\nmod client {{\n{client}}}\n\npub use client::*;\n\n{constants}"
    ))
}

/// The re-exports and constants a client's root module has.
fn constants(api: &ir::Api, scope: ServiceScope) -> proc_macro2::TokenStream {
    let endpoint = endpoint_template(api);
    let scope = match scope {
        ServiceScope::Project => quote!(Project),
        ServiceScope::Global => quote!(Global),
    };
    quote! {
        pub use docbind_runtime::{Config, Credentials, Error};

        /// The endpoint template of the service; `{region}` is replaced by the configured region.
        pub const ENDPOINT_TEMPLATE: &str = #endpoint;

        /// Whether the service's credentials are scoped to a project (`X-Project-Id`) or to the
        /// account's domain (`X-Domain-Id`, global services).
        pub const SCOPE: docbind_runtime::Scope = docbind_runtime::Scope::#scope;
    }
}

/// src/lib.rs; it declares `doc_examples` only when that file is generated.
fn lib_file(api: &ir::Api, scope: ServiceScope, has_examples: bool) -> Result<String, EmitError> {
    let constants = constants(api, scope);
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
        #constants
    };
    Ok(format!(
        "{}{}",
        crate_files::lib_header()?,
        unparse("src/lib.rs", [(lib_body, None)])?
    ))
}

#[cfg(test)]
mod scope_tests {
    use super::*;

    fn api(paths: &[&str]) -> ir::Api {
        let mut api = ir::Api::default();
        for p in paths {
            api.operations.push(ir::Operation::stub(
                "",
                ir::HttpMethod::Get,
                p,
                crate::diag::Span::new(&std::sync::Arc::from("f"), 1, 1),
            ));
        }
        api
    }

    #[test]
    fn services_are_scoped_by_the_project_their_paths_name() {
        for scoped in [
            "/v1/{project_id}/jobs",
            "/rds/v1/{project_id}/backups",
            "/autoscaling-api/v1/{project_id}/quotas",
            "/api/v3/projects/{project_id}/clusters",
            "/{version_id}/{project_id}/configurations",
        ] {
            assert_eq!(
                ServiceScope::of(&api(&[scoped])),
                ServiceScope::Project,
                "{scoped}"
            );
        }
        // IAM manages projects; DNS has a few project-scoped tag calls: both are global.
        let iam = api(&["/v3/users", "/v3/groups", "/v3/projects/{project_id}"]);
        assert_eq!(ServiceScope::of(&iam), ServiceScope::Global);
        let dns = api(&[
            "/v2/zones",
            "/v2/zones/{zone_id}",
            "/v2/{project_id}/zones/tags",
        ]);
        assert_eq!(ServiceScope::of(&dns), ServiceScope::Global);
        assert_eq!(ServiceScope::of(&api(&["/v2/zones"])), ServiceScope::Global);
    }
}
