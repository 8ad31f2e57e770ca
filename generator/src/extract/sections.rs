//! The section tree of a document, and which sections describe operations.

use super::vocab::{section_role, SectionRole};
use crate::doc::{BlockKind, Document};
use crate::ir::HttpMethod;

#[derive(Debug, Clone)]
pub struct Section {
    /// Index of the heading block (None for the document root).
    pub heading: Option<usize>,
    pub level: u8,
    pub title: String,
    pub role: SectionRole,
    /// Blocks of this section, heading excluded: `[start, end)` covers the whole subtree.
    pub start: usize,
    pub end: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct SectionTree {
    pub sections: Vec<Section>,
}

/// Strip a leading section number (`20.3.2.1 `) from a heading title.
pub fn strip_number(title: &str) -> &str {
    let t = title.trim();
    let num_len = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .map(char::len_utf8)
        .sum::<usize>();
    if num_len > 0 && t[..num_len].chars().any(|c| c.is_ascii_digit()) {
        let rest = &t[num_len..];
        if rest.starts_with(char::is_whitespace) {
            return rest.trim();
        }
    }
    t
}

impl SectionTree {
    pub fn build(doc: &Document) -> Self {
        let mut sections = vec![Section {
            heading: None,
            level: 0,
            title: String::new(),
            role: SectionRole::Other,
            start: 0,
            end: doc.blocks.len(),
            parent: None,
            children: Vec::new(),
        }];
        let mut stack: Vec<usize> = vec![0];
        for (i, block) in doc.blocks.iter().enumerate() {
            let BlockKind::Heading { level, text, .. } = &block.kind else {
                continue;
            };
            let level = (*level).max(1);
            while let Some(&top) = stack.last() {
                if top != 0 && sections[top].level >= level {
                    sections[top].end = i;
                    stack.pop();
                } else {
                    break;
                }
            }
            let parent = *stack.last().unwrap_or(&0);
            let title = text.one_line();
            let role = section_role(strip_number(&title));
            let idx = sections.len();
            sections.push(Section {
                heading: Some(i),
                level,
                title,
                role,
                start: i + 1,
                end: doc.blocks.len(),
                parent: Some(parent),
                children: Vec::new(),
            });
            sections[parent].children.push(idx);
            stack.push(idx);
        }
        SectionTree { sections }
    }

    /// The section owning block `i` most closely (the deepest one whose range contains it).
    pub fn innermost(&self, block: usize) -> usize {
        let mut current = 0;
        loop {
            let next = self.sections[current].children.iter().copied().find(|&c| {
                let s = &self.sections[c];
                s.heading.is_some_and(|h| h <= block) && block < s.end
            });
            match next {
                Some(n) => current = n,
                None => return current,
            }
        }
    }

    /// The role in force at block `i`: the role of the innermost enclosing section that has a
    /// known role, not looking above `op_section`.
    pub fn role_at(&self, block: usize, op_section: usize) -> SectionRole {
        let mut s = self.innermost(block);
        loop {
            if s == op_section {
                return SectionRole::Other;
            }
            if self.sections[s].role != SectionRole::Other {
                return self.sections[s].role;
            }
            match self.sections[s].parent {
                Some(p) => s = p,
                None => return SectionRole::Other,
            }
        }
    }
}

/// A `METHOD /path` request line found in a URI section (or an example).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLine {
    pub method: HttpMethod,
    /// Path template, without scheme/host/query.
    pub path: String,
    /// Query part as written (`a={a}&b={b}`), if any.
    pub query: Option<String>,
}

/// Find a request line at the start of `text`. Lines wrapped by the converter are re-joined:
/// path pieces continue while a token begins or ends like a path fragment.
pub fn parse_request_line(text: &str) -> Option<RequestLine> {
    let mut tokens = text.split_whitespace();
    let first = tokens.next()?;
    let method =
        HttpMethod::parse(first).filter(|_| first.chars().all(|c| c.is_ascii_uppercase()))?;
    let mut url = tokens.next()?.to_string();
    for tok in tokens {
        let continues = url.ends_with(['/', '{', '=', '&', '?', '_', '-'])
            || tok.starts_with(['/', '{', '}', '?', '&', '=', '_'])
            || url.matches('{').count() > url.matches('}').count()
            // An optional query list in brackets (`/acls[?page_size, page_no]`) runs on.
            || url.matches('[').count() > url.matches(']').count();
        // A quote never stands in a path, nor a lone brace: `{"a": …}` or `{` on the next line
        // opens the request body.
        let opens_body = tok == "{" || tok.contains('"');
        if continues && !tok.starts_with("HTTP/") && !opens_body {
            url.push_str(tok);
        } else {
            break;
        }
    }
    let url = url.replace('\\', "");
    // `/v1/acls[?page_size, page_no]`: optional query parameters listed in brackets.
    let url = match url.split_once("[?") {
        Some((path, list)) => {
            let names: Vec<&str> = list
                .trim_end_matches(']')
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            format!("{path}?{}", names.join("&"))
        }
        None => url,
    };
    // Strip scheme and host (`https://{endpoint}/v1/…`, `{endpoint}/v1/…`, `endpoint/v1/…`).
    let without_scheme = url.split_once("://").map(|(_, r)| r).unwrap_or(&url);
    let path_start = if without_scheme.starts_with('/') {
        Some(0)
    } else {
        without_scheme.find('/')
    };
    let path_and_query = &without_scheme[path_start?..];
    if !url.starts_with('/')
        && !url.contains("://")
        && !url.starts_with("{endpoint}")
        && !url.starts_with("endpoint")
    {
        return None;
    }
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q.to_string())),
        None => (path_and_query, None),
    };
    let path = path.trim_end_matches(['，', '。', ',', ';']).to_string();
    // `GET /` alone lists the API versions: the root is a path when it is the whole URL.
    let root = path == "/" && url == "/";
    if (path.len() < 2 && !root) || !path.starts_with('/') {
        return None;
    }
    Some(RequestLine {
        method,
        path,
        query,
    })
}

/// Whether a concrete request path (from an example) fits a path template: same segments,
/// a `{placeholder}` segment matching any value. Typing slips of examples do not count: a
/// doubled slash (`//v1/…`), a query after a full-width question mark (`/versions？page=1`).
pub fn path_fits(template: &str, concrete: &str) -> bool {
    let (t, c) = (path_segments(template), path_segments(concrete));
    t.len() == c.len()
        && t.iter().zip(&c).all(|(a, b)| {
            a == b
                || (a.starts_with('{') && a.ends_with('}'))
                || (b.starts_with('{') && b.ends_with('}'))
        })
}

/// The segments of a path, without empty ones (`//v1/…`) and without a query (after `?`, or
/// a full-width `？`).
pub fn path_segments(path: &str) -> Vec<&str> {
    let path = path.split(['?', '？']).next().unwrap_or(path);
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// Placeholder-insensitive form of a path, for merging and comparing operations.
pub fn normalize_path(path: &str) -> String {
    let mut out = String::new();
    let mut in_brace = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_brace = true;
                out.push_str("{}");
            }
            '}' => in_brace = false,
            _ if in_brace => {}
            _ => out.push(c),
        }
    }
    out.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines() {
        let r = parse_request_line("POST /v1/{project_id}/training-job-configs").unwrap();
        assert_eq!(
            (r.method, r.path.as_str()),
            (HttpMethod::Post, "/v1/{project_id}/training-job-configs")
        );
        let r = parse_request_line("POST    https://endpoint/v1/{project_id}/training-job-configs")
            .unwrap();
        assert_eq!(r.path, "/v1/{project_id}/training-job-configs");
        let r =
            parse_request_line("GET https://{endpoint}/v2/{project_id}/datasets?offset=0&limit=10")
                .unwrap();
        assert_eq!(
            (r.path.as_str(), r.query.as_deref()),
            ("/v2/{project_id}/datasets", Some("offset=0&limit=10"))
        );
        let r = parse_request_line(
            "GET /v2/{project_id}/algorithms/{algorithm_type}/ {algorithm_name}",
        )
        .unwrap();
        assert_eq!(
            r.path,
            "/v2/{project_id}/algorithms/{algorithm_type}/{algorithm_name}"
        );
        let r = parse_request_line("GET /v1/{project_id}/x?de_type={de_type}&sort_by={sort by}")
            .unwrap();
        assert_eq!(r.path, "/v1/{project_id}/x");
        assert!(parse_request_line("Get the list").is_none());
        let r = parse_request_line("POST /v2/orders/pay\n{\"order_id\":\"CS21\"}").unwrap();
        assert_eq!(r.path, "/v2/orders/pay");
        let r = parse_request_line("POST /v2/orders/pay\n{\n  \"a\": 1\n}").unwrap();
        assert_eq!(r.path, "/v2/orders/pay");
        assert!(parse_request_line("POST请求必填").is_none());
        // The root lists the API versions; a slash inside prose is no path.
        assert_eq!(parse_request_line("GET /").unwrap().path, "/");
        assert_eq!(parse_request_line("GET / HTTP/1.1").unwrap().path, "/");
        assert!(parse_request_line("GET / or POST").is_none_or(|r| r.path != "/"));
        // Optional query parameters listed in brackets, the list wrapped over tokens.
        let r = parse_request_line("GET /v1.0/apigw/acls[?page_size, page_no, id]").unwrap();
        assert_eq!(
            (r.path.as_str(), r.query.as_deref()),
            ("/v1.0/apigw/acls", Some("page_size&page_no&id"))
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            strip_number("20.3.2.1 创建训练作业参数"),
            "创建训练作业参数"
        );
        assert_eq!(strip_number("URI"), "URI");
        assert_eq!(strip_number("3D 模型"), "3D 模型");
    }

    #[test]
    fn concrete_paths_fit_templates() {
        assert!(path_fits(
            "/v1/{project_id}/configs/{name}",
            "/v1/{project_id}/configs/config"
        ));
        assert!(!path_fits(
            "/v1/{project_id}/configs/{name}",
            "/v1/{project_id}/configs"
        ));
        assert!(!path_fits(
            "/v1/{project_id}/configs/{name}/stop",
            "/v1/{project_id}/configs/a/start"
        ));
    }

    #[test]
    fn normalized_paths() {
        assert_eq!(
            normalize_path("/v1/{project_id}/jobs/{job_id}/"),
            "/v1/{}/jobs/{}"
        );
    }
}
