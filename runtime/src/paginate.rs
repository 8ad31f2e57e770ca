//! Streams over paginated list operations (offset/limit and marker styles).
//!
//! Each function takes a `fetch` closure that sends one list request and returns the page;
//! the stream calls it lazily, one page at a time, and ends after the last page or after the
//! first error (which it yields). Generated list builders expose `.pages()`/`.items()` on
//! top of these.

use std::future::Future;

use futures_core::Stream;
use futures_util::future::{FutureExt, Map};
use futures_util::stream::{self, StreamExt};

use crate::Error;

/// Pages of an offset/limit list: `fetch(offset, limit)` returns a page and the number of
/// items in it. Starts at `offset`, advances by the item count, and stops after a page with
/// fewer than `limit` items (or none).
pub fn paginate_offset_pages<P, F, Fut>(
    offset: u64,
    limit: u64,
    fetch: F,
) -> impl Stream<Item = Result<P, Error>> + Unpin
where
    F: FnMut(u64, u64) -> Fut,
    Fut: Future<Output = Result<(P, usize), Error>>,
{
    counted_pages(offset, limit, fetch, |offset, count| offset + count)
}

/// Pages of a list addressed by page number (some services call the page number `offset`,
/// others `page`): `fetch(page, page_size)` returns a page and its item count. Starts at
/// `first_page`, advances by one, stops after a page with fewer than `page_size` items.
pub fn paginate_page_number_pages<P, F, Fut>(
    first_page: u64,
    page_size: u64,
    fetch: F,
) -> impl Stream<Item = Result<P, Error>> + Unpin
where
    F: FnMut(u64, u64) -> Fut,
    Fut: Future<Output = Result<(P, usize), Error>>,
{
    counted_pages(first_page, page_size, fetch, |page, _| page + 1)
}

/// Items of a list addressed by page number; see [`paginate_page_number_pages`].
pub fn paginate_page_number<T, F, Fut>(
    first_page: u64,
    page_size: u64,
    fetch: F,
) -> impl Stream<Item = Result<T, Error>> + Unpin
where
    F: FnMut(u64, u64) -> Fut,
    Fut: Future<Output = Result<Vec<T>, Error>>,
{
    flatten(paginate_page_number_pages(
        first_page,
        page_size,
        with_count(fetch),
    ))
}

/// Shared engine of the offset and page-number styles: `advance(cursor, items_received)`
/// gives the next cursor; a short or empty page is the last.
fn counted_pages<P, F, Fut>(
    start: u64,
    limit: u64,
    fetch: F,
    advance: fn(u64, u64) -> u64,
) -> impl Stream<Item = Result<P, Error>> + Unpin
where
    F: FnMut(u64, u64) -> Fut,
    Fut: Future<Output = Result<(P, usize), Error>>,
{
    Box::pin(stream::unfold(
        (fetch, Some(start)),
        move |(mut fetch, next)| async move {
            let cursor = next?;
            match fetch(cursor, limit).await {
                Ok((page, count)) => {
                    let count = count as u64;
                    let next = (count > 0 && count >= limit).then(|| advance(cursor, count));
                    Some((Ok(page), (fetch, next)))
                }
                Err(e) => Some((Err(e), (fetch, None))),
            }
        },
    ))
}

/// A page of items with its item count.
type Counted<T> = Result<(Vec<T>, usize), Error>;
/// Future of a page fetch adapted by [`with_count`].
type CountedFuture<Fut, T> = Map<Fut, fn(Result<Vec<T>, Error>) -> Counted<T>>;

/// Adapt an items fetcher to the `(page, count)` form.
fn with_count<T, F, Fut>(mut fetch: F) -> impl FnMut(u64, u64) -> CountedFuture<Fut, T>
where
    F: FnMut(u64, u64) -> Fut,
    Fut: Future<Output = Result<Vec<T>, Error>>,
{
    fn count<T>(result: Result<Vec<T>, Error>) -> Counted<T> {
        result.map(|items| {
            let count = items.len();
            (items, count)
        })
    }
    move |cursor, limit| fetch(cursor, limit).map(count::<T> as fn(_) -> _)
}

/// Items of an offset/limit list: `fetch(offset, limit)` returns the items of one page.
/// Same paging rule as [`paginate_offset_pages`].
///
/// ```
/// use docbind_runtime::{paginate_offset, Error};
/// use futures_util::TryStreamExt;
///
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let all: Vec<u64> = (0..25).collect();
/// let items: Vec<u64> = paginate_offset(0, 10, |offset, limit| {
///     let page = all.iter().copied().skip(offset as usize).take(limit as usize).collect();
///     async move { Ok::<_, Error>(page) }
/// })
/// .try_collect()
/// .await?;
/// assert_eq!(items, all);
/// # Ok::<_, Error>(()) }).unwrap();
/// ```
pub fn paginate_offset<T, F, Fut>(
    offset: u64,
    limit: u64,
    fetch: F,
) -> impl Stream<Item = Result<T, Error>> + Unpin
where
    F: FnMut(u64, u64) -> Fut,
    Fut: Future<Output = Result<Vec<T>, Error>>,
{
    flatten(paginate_offset_pages(offset, limit, with_count(fetch)))
}

/// Pages of a marker list: `fetch(marker)` returns a page and the marker of the next one.
/// Starts with `marker` (usually `None`) and stops when the next marker is `None`, empty,
/// or the same as the one just used (a server echoing its input would loop forever).
pub fn paginate_marker_pages<P, F, Fut>(
    marker: Option<String>,
    fetch: F,
) -> impl Stream<Item = Result<P, Error>> + Unpin
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<(P, Option<String>), Error>>,
{
    Box::pin(stream::unfold(
        (fetch, Some(marker)),
        |(mut fetch, next)| async move {
            let marker = next?;
            match fetch(marker.clone()).await {
                Ok((page, following)) => {
                    let next = following
                        .filter(|m| !m.is_empty() && Some(m) != marker.as_ref())
                        .map(Some);
                    Some((Ok(page), (fetch, next)))
                }
                Err(e) => Some((Err(e), (fetch, None))),
            }
        },
    ))
}

/// Items of a marker list: `fetch(marker)` returns one page's items and the next marker.
/// Same paging rule as [`paginate_marker_pages`].
pub fn paginate_marker<T, F, Fut>(
    marker: Option<String>,
    fetch: F,
) -> impl Stream<Item = Result<T, Error>> + Unpin
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<(Vec<T>, Option<String>), Error>>,
{
    flatten(paginate_marker_pages(marker, fetch))
}

/// Stream of pages of items → stream of items (an error ends the stream after being yielded).
fn flatten<T>(
    pages: impl Stream<Item = Result<Vec<T>, Error>> + Unpin,
) -> impl Stream<Item = Result<T, Error>> + Unpin {
    pages.flat_map(|page| {
        let items: Vec<Result<T, Error>> = match page {
            Ok(items) => items.into_iter().map(Ok).collect(),
            Err(e) => vec![Err(e)],
        };
        stream::iter(items)
    })
}
