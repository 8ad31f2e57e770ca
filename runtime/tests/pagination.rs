//! Pagination streams against a local HTTP server serving a list of numbered items.

mod common;

use common::{MockServer, Recorded, Reply};
use docbind_runtime::{
    paginate_marker, paginate_marker_pages, paginate_offset, paginate_offset_pages,
    paginate_page_number, paginate_page_number_pages, serde_json, Client, Config, Error, Method,
    RequestSpec, RetryPolicy,
};
use futures_util::{StreamExt, TryStreamExt};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct ListResponse {
    items: Vec<u64>,
    #[serde(default)]
    next_marker: Option<String>,
}

/// `GET /v1/items?offset&limit` over items `0..total`.
fn offset_page(r: &Recorded, total: u64) -> Reply {
    let offset: u64 = r.query_value("offset").unwrap().parse().unwrap();
    let limit: u64 = r.query_value("limit").unwrap().parse().unwrap();
    let items: Vec<u64> = (offset..total).take(limit as usize).collect();
    Reply::json(200, &serde_json::json!({ "items": items }).to_string())
}

/// `GET /v1/items?marker&limit`: items after `marker`, next marker = last item, none at end.
fn marker_page(r: &Recorded, total: u64, limit: usize) -> Reply {
    let start = r
        .query_value("marker")
        .map(|m| m.parse::<u64>().unwrap() + 1)
        .unwrap_or(0);
    let items: Vec<u64> = (start..total).take(limit).collect();
    let next = items
        .last()
        .filter(|&&last| last + 1 < total)
        .map(|last| last.to_string());
    Reply::json(
        200,
        &serde_json::json!({ "items": items, "next_marker": next }).to_string(),
    )
}

async fn list(client: &Client, spec: RequestSpec) -> Result<ListResponse, Error> {
    let response = client.execute(spec).await?;
    if !response.is_success() {
        return Err(response.into_error());
    }
    response.json()
}

fn client(server: &MockServer) -> Client {
    Client::new(Config::with_base_url(server.url()).retry(RetryPolicy::disabled())).unwrap()
}

fn list_offset(
    client: &Client,
    offset: u64,
    limit: u64,
) -> impl std::future::Future<Output = Result<Vec<u64>, Error>> + '_ {
    let spec = RequestSpec::new(Method::GET, "/v1/items")
        .query("offset", offset)
        .query("limit", limit);
    async move { list(client, spec).await.map(|r| r.items) }
}

#[tokio::test]
async fn offset_stream_reads_all_items_and_stops_on_short_page() {
    let server = MockServer::start(|r, _| offset_page(r, 23)).await;
    let client = client(&server);
    let items: Vec<u64> =
        paginate_offset(0, 10, |offset, limit| list_offset(&client, offset, limit))
            .try_collect()
            .await
            .unwrap();
    assert_eq!(items, (0..23).collect::<Vec<_>>());
    let offsets: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.query_value("offset").unwrap())
        .collect();
    assert_eq!(offsets, ["0", "10", "20"]);
}

#[tokio::test]
async fn offset_stream_on_exact_multiple_ends_with_empty_page() {
    let server = MockServer::start(|r, _| offset_page(r, 20)).await;
    let client = client(&server);
    let items: Vec<u64> =
        paginate_offset(5, 5, |offset, limit| list_offset(&client, offset, limit))
            .try_collect()
            .await
            .unwrap();
    assert_eq!(items, (5..20).collect::<Vec<_>>());
    assert_eq!(server.count(), 4); // 5, 10, 15, then the empty page at 20
}

#[tokio::test]
async fn offset_stream_is_lazy() {
    let server = MockServer::start(|r, _| offset_page(r, 100)).await;
    let client = client(&server);
    let first: Vec<u64> =
        paginate_offset(0, 10, |offset, limit| list_offset(&client, offset, limit))
            .take(12)
            .try_collect()
            .await
            .unwrap();
    assert_eq!(first, (0..12).collect::<Vec<_>>());
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn offset_pages_stream_yields_whole_pages() {
    let server = MockServer::start(|r, _| offset_page(r, 7)).await;
    let client = client(&server);
    let pages: Vec<ListResponse> = paginate_offset_pages(0, 3, |offset, limit| {
        let spec = RequestSpec::new(Method::GET, "/v1/items")
            .query("offset", offset)
            .query("limit", limit);
        let client = &client;
        async move {
            let page = list(client, spec).await?;
            let count = page.items.len();
            Ok((page, count))
        }
    })
    .try_collect()
    .await
    .unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.items.len()).collect();
    assert_eq!(sizes, [3, 3, 1]);
}

#[tokio::test]
async fn error_is_yielded_once_and_ends_the_stream() {
    let server = MockServer::start(|r, i| {
        if i == 1 {
            Reply::json(500, r#"{"error_code":"X.1","error_msg":"boom"}"#)
        } else {
            offset_page(r, 100)
        }
    })
    .await;
    let client = client(&server);
    let results: Vec<Result<u64, Error>> =
        paginate_offset(0, 10, |offset, limit| list_offset(&client, offset, limit))
            .collect()
            .await;
    assert_eq!(results.len(), 11);
    assert!(results[..10].iter().all(Result::is_ok));
    assert!(
        matches!(&results[10], Err(Error::Api { status: 500, code: Some(c), .. }) if c == "X.1")
    );
    assert_eq!(server.count(), 2);
}

fn list_marker(
    client: &Client,
    marker: Option<String>,
) -> impl std::future::Future<Output = Result<(Vec<u64>, Option<String>), Error>> + '_ {
    let mut spec = RequestSpec::new(Method::GET, "/v1/items").query("limit", 4);
    if let Some(m) = marker {
        spec = spec.query("marker", m);
    }
    async move { list(client, spec).await.map(|r| (r.items, r.next_marker)) }
}

#[tokio::test]
async fn marker_stream_follows_markers_to_the_end() {
    let server = MockServer::start(|r, _| marker_page(r, 10, 4)).await;
    let client = client(&server);
    let items: Vec<u64> = paginate_marker(None, |marker| list_marker(&client, marker))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, (0..10).collect::<Vec<_>>());
    let markers: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.query_value("marker"))
        .collect();
    assert_eq!(markers, [None, Some("3".into()), Some("7".into())]);
}

#[tokio::test]
async fn marker_stream_starts_from_given_marker() {
    let server = MockServer::start(|r, _| marker_page(r, 10, 4)).await;
    let client = client(&server);
    let items: Vec<u64> = paginate_marker(Some("5".into()), |marker| list_marker(&client, marker))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, [6, 7, 8, 9]);
}

#[tokio::test]
async fn marker_stream_stops_when_server_echoes_the_marker() {
    // A broken server always answers the same page and marker.
    let server = MockServer::sequence(vec![Reply::json(
        200,
        r#"{"items":[1,2],"next_marker":"m"}"#,
    )])
    .await;
    let client = client(&server);
    let pages: Vec<ListResponse> = paginate_marker_pages(None, |marker| {
        let mut spec = RequestSpec::new(Method::GET, "/v1/items");
        if let Some(m) = marker {
            spec = spec.query("marker", m);
        }
        let client = &client;
        async move {
            let page = list(client, spec).await?;
            let next = page.next_marker.clone();
            Ok((page, next))
        }
    })
    .try_collect()
    .await
    .unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(server.count(), 2);
}

/// Generated builders hand these streams to multi-threaded runtimes.
#[test]
fn streams_are_send() {
    fn assert_send<S: Send>(_: &S) {}
    let client = Client::new(Config::with_base_url("http://127.0.0.1:9")).unwrap();
    let offset = paginate_offset(0, 10, |o, l| list_offset(&client, o, l));
    assert_send(&offset);
    let marker = paginate_marker(None, |m| list_marker(&client, m));
    assert_send(&marker);
}

#[tokio::test]
async fn page_number_stream_advances_by_one_page() {
    // Server treats `offset` as a page index.
    let server = MockServer::start(|r, _| {
        let page: u64 = r.query_value("offset").unwrap().parse().unwrap();
        let size: u64 = r.query_value("limit").unwrap().parse().unwrap();
        let items: Vec<u64> = (page * size..11).take(size as usize).collect();
        Reply::json(200, &serde_json::json!({ "items": items }).to_string())
    })
    .await;
    let client = client(&server);
    let items: Vec<u64> = paginate_page_number(0, 4, |page, size| list_offset(&client, page, size))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, (0..11).collect::<Vec<_>>());
    let pages: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.query_value("offset").unwrap())
        .collect();
    assert_eq!(pages, ["0", "1", "2"]);
}

#[tokio::test]
async fn page_number_pages_start_at_one() {
    let server = MockServer::start(|r, _| {
        let page: u64 = r.query_value("page").unwrap().parse().unwrap();
        let items: Vec<u64> = ((page - 1) * 5..12).take(5).collect();
        Reply::json(200, &serde_json::json!({ "items": items }).to_string())
    })
    .await;
    let client = client(&server);
    let sizes: Vec<usize> = paginate_page_number_pages(1, 5, |page, size| {
        let spec = RequestSpec::new(Method::GET, "/v1/items")
            .query("page", page)
            .query("limit", size);
        let client = &client;
        async move {
            let page = list(client, spec).await?;
            let count = page.items.len();
            Ok((page, count))
        }
    })
    .map_ok(|p: ListResponse| p.items.len())
    .try_collect()
    .await
    .unwrap();
    assert_eq!(sizes, [5, 5, 2]);
}
