//! `src/client.rs`: the `Client` wrapper and one request builder per operation, written
//! against runtime/CONTRACT.md (`RequestSpec`, `Client::execute`, `RawResponse`).

use super::docs::{code_span, doc_attrs_with_markdown, markdown_attrs};
use super::idents::ident;
use super::models::{type_tokens, Scope};
use super::paging::{FieldStep, ItemsAt, PagingKind, PagingPlan};
use super::plan::{
    Body, OperationPlan, ParamPlan, Plan, ResponsePlan, RustType, TypeBody, TypeDef,
};
use crate::ir::{self, ParamLocation};
use proc_macro2::TokenStream;
use quote::quote;

/// More arguments than this on one method trips `clippy::too_many_arguments` (limit 7).
const MAX_ARGUMENTS: usize = 7;

/// The head of `src/client.rs`: the module doc, `Client` and its one method per operation.
/// The builders follow, one [`builder_chunk`] per operation.
pub fn client_head(
    plan: &Plan,
    api: &ir::Api,
    features: &super::features::Features,
) -> TokenStream {
    let methods = plan.operations.iter().enumerate().map(|(n, p)| {
        let cfg = features.operation_cfg(n);
        let method = client_method(p, &api.operations[p.index], &plan.types);
        quote!(#cfg #method)
    });
    let title = super::docs::doc_lines(&api.title).join(" ");
    let client_doc = markdown_attrs(&format!(
        "Client for {title}. Cheap to clone; one per service endpoint is enough."
    ));
    quote! {
        //! The API client and one request builder per operation.

        #client_doc
        #[derive(Clone)]
        pub struct Client {
            inner: docbind_runtime::Client,
        }

        impl Client {
            /// A client for the given runtime configuration.
            pub fn new(config: docbind_runtime::Config) -> Result<Self, docbind_runtime::Error> {
                Ok(Self { inner: docbind_runtime::Client::new(config)? })
            }

            /// A client configured from the environment (credentials, region, project id), with the
            /// endpoint from [`super::ENDPOINT_TEMPLATE`].
            pub fn from_env() -> Result<Self, docbind_runtime::Error> {
                Self::new(docbind_runtime::Config::from_env(super::ENDPOINT_TEMPLATE)?)
            }

            /// A client configured by the official SDKs' provider chains (credentials from the
            /// environment, the profile file or the ECS metadata service; region from the
            /// environment or the regions file), scoped as [`super::SCOPE`] says.
            pub async fn from_chain() -> Result<Self, docbind_runtime::Error> {
                Self::new(docbind_runtime::Config::from_chain(super::ENDPOINT_TEMPLATE, super::SCOPE).await?)
            }

            /// Wrap an existing runtime client.
            pub fn from_runtime(inner: docbind_runtime::Client) -> Self {
                Self { inner }
            }

            /// The underlying runtime client.
            pub fn runtime(&self) -> &docbind_runtime::Client {
                &self.inner
            }

            #(#methods)*
        }
    }
}

/// The request builder of the `n`th planned operation (its struct and impls).
pub fn builder_chunk(plan: &Plan, api: &ir::Api, n: usize) -> TokenStream {
    let p = &plan.operations[n];
    builder(p, &api.operations[p.index], &plan.types)
}

fn location_word(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "Path",
        ParamLocation::Query => "Query",
        ParamLocation::Header => "Header",
    }
}

/// Required path, query and header parameters are constructor arguments, as is a required body.
pub(super) fn is_argument(p: &ParamPlan) -> bool {
    p.required && !p.defaulted
}

/// Strings are taken as `impl Into<String>`; everything else as its own type.
fn argument_type(ty: &RustType, types: &[TypeDef]) -> TokenStream {
    match ty {
        RustType::String => quote!(impl Into<String>),
        other => type_tokens(other, types, Scope::Crate),
    }
}

fn converted(ty: &RustType, value: TokenStream) -> TokenStream {
    match ty {
        RustType::String => quote!(#value.into()),
        _ => value,
    }
}

fn operation_doc(op: &ir::Operation) -> TokenStream {
    let mut markdown = vec![code_span(&format!("{} {}", op.method.as_str(), op.path))];
    markdown.push(String::new());
    markdown.push(format!("Source: {}", code_span(&op.span.to_string())));
    let summary = Some(op.summary.as_str()).filter(|s| !s.trim().is_empty());
    doc_attrs_with_markdown(
        summary.into_iter().chain(op.description.as_deref()),
        &markdown,
    )
}

fn client_method(plan: &OperationPlan, op: &ir::Operation, types: &[TypeDef]) -> TokenStream {
    let method = ident(&plan.method);
    let builder = ident(&plan.builder);
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for p in &plan.params {
        let name = ident(&p.ident);
        if is_argument(p) {
            let ty = argument_type(&p.ty, types);
            args.push(quote!(#name: #ty));
            inits.push(match p.ty {
                RustType::String => quote!(#name: #name.into()),
                _ => quote!(#name),
            });
        } else {
            inits.push(quote!(#name: None));
        }
    }
    if let Some(body) = &plan.body {
        if body.required {
            let ty = type_tokens(&body.body.ty, types, Scope::Crate);
            args.push(quote!(body: #ty));
            inits.push(quote!(body));
        } else {
            inits.push(quote!(body: None));
        }
    }
    let allow = if args.len() + 1 > MAX_ARGUMENTS {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        quote!()
    };
    let doc = operation_doc(op);
    quote! {
        #doc
        #allow
        pub fn #method(&self, #(#args),*) -> #builder<'_> {
            #builder { client: &self.inner, #(#inits),* }
        }
    }
}

fn builder(plan: &OperationPlan, op: &ir::Operation, types: &[TypeDef]) -> TokenStream {
    let name = ident(&plan.builder);
    // Intra-doc links cannot name raw identifiers (`r#type`): those get a plain code span.
    let method_ref = if plan.method.starts_with("r#") {
        format!("`Client::{}`", plan.method)
    } else {
        format!("[`Client::{}`]", plan.method)
    };
    let method_link = markdown_attrs(&format!(
        "Request builder for {method_ref}: `{} {}`.",
        op.method.as_str(),
        op.path.replace('`', "'")
    ));
    let mut fields = Vec::new();
    let mut setters = Vec::new();
    for p in &plan.params {
        let field = ident(&p.ident);
        let ty = type_tokens(&p.ty, types, Scope::Crate);
        if is_argument(p) {
            fields.push(quote!(#field: #ty));
            continue;
        }
        fields.push(quote!(#field: Option<#ty>));
        let arg_ty = argument_type(&p.ty, types);
        let value = converted(&p.ty, quote!(value));
        let what = if p.defaulted {
            format!(
                "{} parameter {}; when not set, the client configuration's default for it is used.",
                location_word(p.location),
                code_span(&p.json_name)
            )
        } else {
            format!(
                "{} parameter {}.",
                location_word(p.location),
                code_span(&p.json_name)
            )
        };
        let doc = doc_attrs_with_markdown(p.doc.iter().map(String::as_str), &[what]);
        setters.push(quote! {
            #doc
            pub fn #field(mut self, value: #arg_ty) -> Self {
                self.#field = Some(#value);
                self
            }
        });
    }
    if let Some(body) = &plan.body {
        let ty = type_tokens(&body.body.ty, types, Scope::Crate);
        if body.required {
            fields.push(quote!(body: #ty));
        } else {
            fields.push(quote!(body: Option<#ty>));
            let doc = doc_attrs_with_markdown(
                body.doc.iter().map(String::as_str),
                &[format!(
                    "Request body ({}).",
                    code_span(&body.body.content_type)
                )],
            );
            setters.push(quote! {
                #doc
                pub fn body(mut self, value: #ty) -> Self {
                    self.body = Some(value);
                    self
                }
            });
        }
    }
    let send = send_method(plan, op, types);
    let paging = plan
        .paging
        .as_ref()
        .map(|paging| paging_methods(plan, paging, types));
    // Paging helpers clone the builder for every page.
    let derive = if paging.is_some() {
        quote!(#[derive(Clone)])
    } else {
        quote!()
    };
    quote! {
        #method_link
        #[must_use = "a request builder does nothing until `.send().await`"]
        #derive
        pub struct #name<'a> {
            client: &'a docbind_runtime::Client,
            #(#fields,)*
        }

        impl #name<'_> {
            #(#setters)*
            #send
        }

        #paging
    }
}

/// Whether values of this type can go straight into a URL or header (they implement Display).
fn is_display(ty: &RustType, types: &[TypeDef]) -> bool {
    match ty {
        RustType::String
        | RustType::I16
        | RustType::I32
        | RustType::I64
        | RustType::F32
        | RustType::F64
        | RustType::Bool
        | RustType::Json => true,
        RustType::Named(id) => match &types[*id].body {
            TypeBody::StringEnum(_) | TypeBody::IntEnum(_) => true,
            TypeBody::Alias(inner) => is_display(inner, types),
            _ => false,
        },
        RustType::Bytes | RustType::Vec(_) | RustType::Map(_) => false,
    }
}

/// One statement adding parameter `p` (held in `value`) to `request`.
fn add_param(p: &ParamPlan, value: TokenStream, types: &[TypeDef]) -> TokenStream {
    let name = &p.json_name;
    if p.defaulted {
        return quote!(request = request.path_param_or_default(#name, #value););
    }
    let add = match p.location {
        ParamLocation::Path => quote!(path_param),
        ParamLocation::Query => quote!(query),
        ParamLocation::Header => quote!(header),
    };
    match &p.ty {
        ty if is_display(ty, types) => quote!(request = request.#add(#name, #value);),
        RustType::Vec(item) if is_display(item, types) && p.location == ParamLocation::Query => {
            quote!(request = request.query_all(#name, &#value);)
        }
        // Simple-style serialisation (comma separated) for arrays outside the query string.
        RustType::Vec(item) if is_display(item, types) => quote! {
            request = request.#add(
                #name,
                #value.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(","),
            );
        },
        // Objects and nested arrays have no documented encoding: send them as JSON text.
        _ => quote! {
            request = request.#add(
                #name,
                docbind_runtime::serde_json::to_string(&#value).map_err(|e| {
                    docbind_runtime::Error::Request { name: #name.to_owned(), message: e.to_string() }
                })?,
            );
        },
    }
}

fn add_body(body: &Body, value: TokenStream) -> TokenStream {
    let ct = &body.content_type;
    if !body.json {
        return quote!(request = request.bytes(#ct, #value););
    }
    let json = quote!(request = request.json(&#value)?;);
    if ct.trim().eq_ignore_ascii_case("application/json") {
        json
    } else {
        quote!(#json request = request.content_type(#ct);)
    }
}

fn send_method(plan: &OperationPlan, op: &ir::Operation, types: &[TypeDef]) -> TokenStream {
    let method = ident(op.method.as_str());
    let path = &op.path;
    let mut statements = Vec::new();
    for p in &plan.params {
        let field = ident(&p.ident);
        if is_argument(p) || p.defaulted {
            statements.push(add_param(p, quote!(self.#field), types));
        } else {
            let add = add_param(p, quote!(value), types);
            statements.push(quote!(if let Some(value) = self.#field { #add }));
        }
    }
    if let Some(body) = &plan.body {
        if body.required {
            statements.push(add_body(&body.body, quote!(self.body)));
        } else {
            let add = add_body(&body.body, quote!(value));
            statements.push(quote!(if let Some(value) = self.body { #add }));
        }
    }
    let binding = if statements.is_empty() {
        quote!(let request)
    } else {
        quote!(let mut request)
    };
    let (output, value) = decode(&plan.response, types);
    let headers_doc = headers_doc(op);
    // The documentation says the operation takes no credentials of the runtime's (token
    // issuing) or carries the caller's own in a header argument.
    let credentials = (!op.auth.uses_credentials()).then(|| quote!(.without_credentials()));
    quote! {
        /// Send the request: the decoded body with the response's status and headers.
        /// Non-success statuses become [`docbind_runtime::Error::Api`].
        #headers_doc
        pub async fn send_with_headers(
            self,
        ) -> Result<docbind_runtime::ResponseValue<#output>, docbind_runtime::Error> {
            #binding = docbind_runtime::RequestSpec::new(docbind_runtime::Method::#method, #path)#credentials;
            #(#statements)*
            let response = self.client.execute(request).await?;
            if !response.is_success() {
                return Err(response.into_error());
            }
            let (status, headers) = (response.status, response.headers.clone());
            Ok(docbind_runtime::ResponseValue::new(status, headers, #value))
        }

        /// Send the request: the decoded body ([`Self::send_with_headers`] keeps the status and
        /// headers). Non-success statuses become [`docbind_runtime::Error::Api`].
        pub async fn send(self) -> Result<#output, docbind_runtime::Error> {
            self.send_with_headers()
                .await
                .map(docbind_runtime::ResponseValue::into_inner)
        }
    }
}

/// The response headers the documentation describes for the success statuses, each as a doc
/// paragraph (nothing when it describes none).
fn headers_doc(op: &ir::Operation) -> TokenStream {
    let mut lines = Vec::new();
    for (status, response) in &op.responses {
        if !status.starts_with('2') {
            continue;
        }
        for header in &response.headers {
            let mut line = format!(
                "Documented header {} (HTTP {status})",
                code_span(&header.name)
            );
            match header.schema.description.as_deref().map(str::trim) {
                Some(text) if !text.is_empty() => {
                    line.push_str(": ");
                    line.push_str(&super::docs::doc_lines(text).join(" "));
                }
                _ => line.push('.'),
            }
            // Each its own paragraph, after a blank line.
            lines.push(String::new());
            lines.push(line);
        }
    }
    doc_attrs_with_markdown([], &lines)
}

/// The success type of `send()` and the expression producing it from `response` (`?` passes
/// on decoding errors).
fn decode(response: &ResponsePlan, types: &[TypeDef]) -> (TokenStream, TokenStream) {
    match response {
        ResponsePlan::Raw => (quote!(docbind_runtime::RawResponse), quote!(response)),
        ResponsePlan::Single(None) => (quote!(()), quote!(())),
        ResponsePlan::Single(Some(body)) => {
            (type_tokens(&body.ty, types, Scope::Crate), body_value(body))
        }
        ResponsePlan::Enum(id) => {
            let TypeBody::Response(variants) = &types[*id].body else {
                unreachable!("a response plan points at a response enum")
            };
            let name = type_tokens(&RustType::Named(*id), types, Scope::Crate);
            let arms = variants.iter().map(|v| {
                let status = proc_macro2::Literal::u16_unsuffixed(v.status);
                let variant = ident(&v.ident);
                match &v.body {
                    Some(body) => {
                        let value = if body.json {
                            quote!(response.json()?)
                        } else {
                            quote!(response.body)
                        };
                        quote!(#status => #name::#variant(#value),)
                    }
                    None => quote!(#status => #name::#variant,),
                }
            });
            let decode = quote! {
                match response.status {
                    #(#arms)*
                    status => #name::Other { status, body: response.body },
                }
            };
            (name, decode)
        }
    }
}

/// The only success body: JSON decoded, anything else as bytes.
fn body_value(body: &Body) -> TokenStream {
    if body.json {
        quote!(response.json()?)
    } else {
        quote!(response.body)
    }
}

/// `items()` and `pages()` for a builder whose operation pages (see [`super::paging`]).
fn paging_methods(plan: &OperationPlan, paging: &PagingPlan, types: &[TypeDef]) -> TokenStream {
    let name = ident(&plan.builder);
    let ResponsePlan::Single(Some(body)) = &plan.response else {
        unreachable!("only operations with one JSON success body page")
    };
    let page_ty = type_tokens(&body.ty, types, Scope::Crate);
    let item_ty = type_tokens(&paging.item_ty, types, Scope::Crate);
    let (items, count) = match &paging.items {
        ItemsAt::Body => (quote!(response), quote!(response.len())),
        ItemsAt::Field(FieldStep { ident: f, required }) => {
            let f = ident(f);
            if *required {
                (quote!(response.#f), quote!(response.#f.len()))
            } else {
                (
                    quote!(response.#f.unwrap_or_default()),
                    quote!(response.#f.as_ref().map_or(0, Vec::len)),
                )
            }
        }
    };
    let (how, items_body, pages_body) = match &paging.kind {
        PagingKind::Offset {
            offset,
            limit,
            page_size,
        } => {
            let (o, l) = (&plan.params[*offset], &plan.params[*limit]);
            let how = format!(
                "Pages are requested with {} counting items (starting at the value set on this builder, else 0) and {} items each (the value set on this builder, else {page_size}); the stream ends after a shorter page.",
                code_span(&o.json_name),
                code_span(&l.json_name),
            );
            let two = TwoParamPaging {
                position: (o, quote!(offset), start_value(o, 0, false, types)),
                size: (l, quote!(limit), start_value(l, *page_size, true, types)),
                items_fn: quote!(docbind_runtime::paginate_offset),
                pages_fn: quote!(docbind_runtime::paginate_offset_pages),
            };
            let (items_body, pages_body) = two.bodies(&items, &count, types);
            (how, items_body, pages_body)
        }
        PagingKind::PageNumber {
            page,
            size,
            first_page,
            page_size,
        } => {
            let (p, s) = (&plan.params[*page], &plan.params[*size]);
            let how = format!(
                "Pages are requested by number with {} (starting at the value set on this builder, else {first_page}) and {} items each (the value set on this builder, else {page_size}); the stream ends after a shorter page.",
                code_span(&p.json_name),
                code_span(&s.json_name),
            );
            let two = TwoParamPaging {
                position: (p, quote!(number), start_value(p, *first_page, false, types)),
                size: (s, quote!(size), start_value(s, *page_size, true, types)),
                items_fn: quote!(docbind_runtime::paginate_page_number),
                pages_fn: quote!(docbind_runtime::paginate_page_number_pages),
            };
            let (items_body, pages_body) = two.bodies(&items, &count, types);
            (how, items_body, pages_body)
        }
        PagingKind::Marker { marker, next } => {
            let m = &plan.params[*marker];
            let field = ident(&m.ident);
            let (start, set) = if is_argument(m) {
                (
                    quote!(Some(base.#field.clone())),
                    quote!(page.#field = marker.unwrap_or_default();),
                )
            } else {
                (quote!(base.#field.clone()), quote!(page.#field = marker;))
            };
            let next_marker = next_marker(next);
            let how = format!(
                "Pages are requested with the marker {} (starting at the value set on this builder), taken from the previous response; the stream ends when the response has no new marker.",
                code_span(&m.json_name),
            );
            let fetch = |result: TokenStream| {
                quote! {
                    move |marker: Option<String>| {
                        let page = base.clone();
                        async move {
                            let mut page = page;
                            #set
                            let response = page.send().await?;
                            let next = #next_marker;
                            Ok((#result, next))
                        }
                    }
                }
            };
            let items_fetch = fetch(items.clone());
            let pages_fetch = fetch(quote!(response));
            (
                how,
                quote!({ let start = #start; docbind_runtime::paginate_marker(start, #items_fetch) }),
                quote!({ let start = #start; docbind_runtime::paginate_marker_pages(start, #pages_fetch) }),
            )
        }
    };
    let items_doc = markdown_attrs(&format!(
        "Every item of every page, fetched lazily: one request per page as the stream is polled. {how} The first error is yielded and ends the stream."
    ));
    let pages_doc = markdown_attrs(&format!(
        "Every page (the whole response), fetched lazily: one request per page as the stream is polled. {how} The first error is yielded and ends the stream."
    ));
    quote! {
        impl<'a> #name<'a> {
            #items_doc
            pub fn items(
                self,
            ) -> impl docbind_runtime::Stream<Item = Result<#item_ty, docbind_runtime::Error>> + Unpin + 'a {
                let base = self;
                #items_body
            }

            #pages_doc
            pub fn pages(
                self,
            ) -> impl docbind_runtime::Stream<Item = Result<#page_ty, docbind_runtime::Error>> + Unpin + 'a {
                let base = self;
                #pages_body
            }
        }
    }
}

/// Offset/limit and page-number paging differ only in their parameters and runtime functions:
/// both fetch closures take `(position, size)`, set the two parameters and send.
struct TwoParamPaging<'p> {
    /// The parameter, the closure argument naming it, and its start value.
    position: (&'p ParamPlan, TokenStream, TokenStream),
    size: (&'p ParamPlan, TokenStream, TokenStream),
    items_fn: TokenStream,
    pages_fn: TokenStream,
}

impl TwoParamPaging<'_> {
    /// The bodies of `items()` and `pages()`.
    fn bodies(
        &self,
        items: &TokenStream,
        count: &TokenStream,
        types: &[TypeDef],
    ) -> (TokenStream, TokenStream) {
        let (p, p_var, start) = &self.position;
        let (s, s_var, size) = &self.size;
        let set = [
            set_value(p, p_var.clone(), types),
            set_value(s, s_var.clone(), types),
        ];
        let fetch = |result: TokenStream| {
            quote! {
                move |#p_var: u64, #s_var: u64| {
                    let page = base.clone();
                    async move {
                        let mut page = page;
                        #(#set)*
                        let response = page.send().await?;
                        Ok(#result)
                    }
                }
            }
        };
        let items_fetch = fetch(items.clone());
        let pages_fetch = fetch(quote!({ let count = #count; (response, count) }));
        let (items_fn, pages_fn) = (&self.items_fn, &self.pages_fn);
        (
            quote!(#items_fn(#start, #size, #items_fetch)),
            quote!(#pages_fn(#start, #size, #pages_fetch)),
        )
    }
}

/// A `u64` read from the builder's value of `p` (when set and convertible), else `fallback`.
fn start_value(p: &ParamPlan, fallback: u64, positive: bool, types: &[TypeDef]) -> TokenStream {
    let field = ident(&p.ident);
    let value = if is_argument(p) {
        quote!(Some(&base.#field))
    } else {
        quote!(base.#field.as_ref())
    };
    let parse = if is_string(&p.ty, types) {
        quote!(.and_then(|v| v.trim().parse::<u64>().ok()))
    } else {
        quote!(.and_then(|v| u64::try_from(*v).ok()))
    };
    let positive = if positive {
        quote!(.filter(|v| *v > 0))
    } else {
        quote!()
    };
    quote!(#value #parse #positive .unwrap_or(#fallback))
}

/// `page.<field> = <value of the u64 variable>;`, converted to the parameter's type.
fn set_value(p: &ParamPlan, var: TokenStream, types: &[TypeDef]) -> TokenStream {
    let field = ident(&p.ident);
    let name = &p.json_name;
    let value = if is_string(&p.ty, types) {
        quote!(#var.to_string())
    } else {
        let ty = type_tokens(&p.ty, types, Scope::Crate);
        quote! {
            <#ty>::try_from(#var).map_err(|_| docbind_runtime::Error::Request {
                name: #name.to_owned(),
                message: format!("{} is out of range for the parameter's type", #var),
            })?
        }
    };
    if is_argument(p) {
        quote!(page.#field = #value;)
    } else {
        quote!(page.#field = Some(#value);)
    }
}

fn is_string(ty: &RustType, types: &[TypeDef]) -> bool {
    match ty {
        RustType::String => true,
        RustType::Named(id) => match &types[*id].body {
            TypeBody::Alias(inner) => is_string(inner, types),
            _ => false,
        },
        _ => false,
    }
}

/// `Option<String>`: the next marker, read from `response` along `path`.
fn next_marker(path: &[FieldStep]) -> TokenStream {
    let mut steps = path.iter();
    let Some(first) = steps.next() else {
        unreachable!("a marker path has at least one field")
    };
    let f = ident(&first.ident);
    let mut expr = if first.required {
        quote!(Some(&response.#f))
    } else {
        quote!(response.#f.as_ref())
    };
    for step in steps {
        let f = ident(&step.ident);
        expr = if step.required {
            quote!(#expr.map(|v| &v.#f))
        } else {
            quote!(#expr.and_then(|v| v.#f.as_ref()))
        };
    }
    quote!(#expr.cloned())
}
