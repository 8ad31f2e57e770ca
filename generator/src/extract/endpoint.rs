//! The service endpoint from the reference's endpoint table: rows pairing a region id
//! (`cn-north-4`, `eu-de`) with a host that names it as one of its labels
//! (`modelarts.cn-north-4.myhuaweicloud.com`) give the template
//! `https://modelarts.{region}.myhuaweicloud.com`. Read from the values, not the column titles,
//! so any table of that shape counts, in any language. A reference without such a table
//! still shows its host in request examples (`GET https://svc.cn-north-1.example.com/v1/…`):
//! request lines whose path is one of the API's operations count the same way (a host in an
//! example of another service's API, such as IAM's token request, names no operation here).

use super::sections;
use crate::diag::{catalogue, Diagnostics};
use crate::doc::{BlockKind, Document};
use crate::ir::{Endpoint, HttpMethod, Operation};
use std::collections::BTreeMap;

/// The endpoint the documents' tables state; the template most rows agree on when they differ
/// (with a note), the first documented when tied.
pub(super) fn endpoint<D: std::borrow::Borrow<Document>>(
    docs: &[D],
    operations: &[Operation],
    diags: &mut Diagnostics,
) -> Option<Endpoint> {
    let mut from_tables = Found::default();
    let mut from_requests = Found::default();
    for doc in docs.iter().map(|d| d.borrow()) {
        for block in &doc.blocks {
            match &block.kind {
                BlockKind::Table(table) => {
                    for row in &table.rows {
                        let cells: Vec<String> =
                            row.cells.iter().map(|c| c.text.one_line()).collect();
                        if let Some((template, region)) = row_endpoint(&cells) {
                            from_tables.add(template, region, &block.span);
                        }
                    }
                }
                BlockKind::Paragraph { text, .. } => {
                    for line in text.plain().lines() {
                        if let Some((template, region)) = request_endpoint(line, operations) {
                            from_requests.add(template, region, &block.span);
                        }
                    }
                }
                BlockKind::Code { text, .. } => {
                    for line in text.lines() {
                        if let Some((template, region)) = request_endpoint(line, operations) {
                            from_requests.add(template, region, &block.span);
                        }
                    }
                }
                BlockKind::Heading { .. } => {}
            }
        }
    }
    let found = if from_tables.0.is_empty() {
        from_requests
    } else {
        from_tables
    };
    found.chosen(diags)
}

/// Templates seen: template → (first seen order, rows, endpoint with its regions).
#[derive(Default)]
struct Found(BTreeMap<String, (usize, usize, Endpoint)>);

impl Found {
    fn add(&mut self, template: String, region: String, span: &crate::diag::Span) {
        let order = self.0.len();
        let (_, rows, endpoint) = self.0.entry(template.clone()).or_insert_with(|| {
            let endpoint = Endpoint {
                template,
                regions: Vec::new(),
                span: span.clone(),
            };
            (order, 0, endpoint)
        });
        *rows += 1;
        if !endpoint.regions.contains(&region) {
            endpoint.regions.push(region);
        }
    }

    /// The template most rows agree on (the first seen when tied), with a note naming the
    /// others.
    fn chosen(self, diags: &mut Diagnostics) -> Option<Endpoint> {
        let mut ranked: Vec<(usize, usize, Endpoint)> = self.0.into_values().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut ranked = ranked.into_iter();
        let (_, _, chosen) = ranked.next()?;
        let others: Vec<String> = ranked
            .map(|(_, n, e)| format!("{} ({n})", e.template))
            .collect();
        if !others.is_empty() {
            diags.add(
                &chosen.span,
                catalogue::ENDPOINT_SEVERAL_TEMPLATES,
                format!(
                    "endpoint template `{}` ({} regions); other hosts: {}",
                    chosen.template,
                    chosen.regions.len(),
                    others.join(", ")
                ),
            );
        }
        Some(chosen)
    }
}

/// A request line with a full URL (`POST https://svc.cn-north-1.example.com/v1/{project_id}/x`)
/// whose path is an operation of the API: the host's template and region.
fn request_endpoint(line: &str, operations: &[Operation]) -> Option<(String, String)> {
    let mut tokens = line.split_whitespace();
    HttpMethod::parse(tokens.next()?)?;
    let url = tokens.next()?;
    let (scheme, rest) = url.split_once("://")?;
    let (host, _) = rest.split_once('/')?;
    let request = sections::parse_request_line(line)?;
    if !operations
        .iter()
        .any(|o| sections::path_fits(&o.path, &request.path))
    {
        return None;
    }
    let region = host.split('.').find(|l| is_region_id(l))?;
    row_endpoint(&[region.to_string(), format!("{scheme}://{host}")])
}

/// A row naming a region id in one cell and, in another, a host that has it as a label.
fn row_endpoint(cells: &[String]) -> Option<(String, String)> {
    for region in cells.iter().filter(|c| is_region_id(c)) {
        for host_cell in cells {
            let Some((scheme, host)) = host_of(host_cell) else {
                continue;
            };
            let labels: Vec<&str> = host.split('.').collect();
            if labels.iter().filter(|l| **l == region.as_str()).count() != 1 {
                continue;
            }
            let templated: Vec<&str> = labels
                .iter()
                .map(|l| if *l == region.as_str() { "{region}" } else { l })
                .collect();
            return Some((
                format!("{scheme}://{}", templated.join(".")),
                region.clone(),
            ));
        }
    }
    None
}

/// `cn-north-4`, `eu-de`, `ap-southeast-1`: lowercase words joined by hyphens.
fn is_region_id(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 2
        && parts[0].len() >= 2
        && parts[0].chars().all(|c| c.is_ascii_lowercase())
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A host name (optionally a URL with a scheme and no path): scheme and host.
fn host_of(cell: &str) -> Option<(&str, &str)> {
    let cell = cell.trim().trim_end_matches('/');
    let (scheme, host) = match cell.split_once("://") {
        Some((s, h)) if s == "https" || s == "http" => (s, h),
        Some(_) => return None,
        None => ("https", cell),
    };
    let ok = host.split('.').count() >= 3
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    ok.then_some((scheme, host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_region_and_a_host_naming_it_give_a_template() {
        assert_eq!(
            row_endpoint(&cells(&[
                "华北-北京四",
                "cn-north-4",
                "svc.cn-north-4.example.com",
                "HTTPS"
            ])),
            Some((
                "https://svc.{region}.example.com".into(),
                "cn-north-4".into()
            ))
        );
        assert_eq!(
            row_endpoint(&cells(&[
                "Region",
                "eu-de",
                "https://svc.eu-de.otc.example.com/"
            ])),
            Some((
                "https://svc.{region}.otc.example.com".into(),
                "eu-de".into()
            ))
        );
    }

    #[test]
    fn rows_of_other_tables_are_not_endpoints() {
        // A field table: names, types, descriptions.
        assert_eq!(
            row_endpoint(&cells(&["region_id", "String", "cn-north-4"])),
            None
        );
        // A host that does not name the row's region.
        assert_eq!(
            row_endpoint(&cells(&["cn-north-4", "svc.example.com"])),
            None
        );
        assert!(!is_region_id("String"));
        assert!(!is_region_id("x-auth-token1"));
        assert!(is_region_id("ap-southeast-1"));
    }
}
