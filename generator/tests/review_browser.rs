//! The review site in a real browser: Chromium headless driven through chromedriver
//! (WebDriver, via fantoccini). The site of the default job is opened from `file://` (no
//! server: the site must work offline); the test checks that the index lists every operation,
//! that the filter narrows the list, and that clicking an extracted field highlights its
//! source row; it saves screenshots under `target/review-screenshots/`.
//!
//! `DOCBIND_CHROMEDRIVER` names the chromedriver binary (scripts/test.sh installs Debian's
//! `chromium` and `chromium-driver` and sets it); without it the test says so and passes, so
//! `cargo test` works on a machine without a browser. `DOCBIND_CHROMIUM` optionally names the
//! browser binary when chromedriver does not find it.

mod common;
use common::*;
use docbind::ir::{Api, SchemaKind};
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// chromedriver, stopped when the test ends (also when it fails).
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_driver(binary: &str) -> (Driver, u16) {
    // A free port: bound, read and released for chromedriver.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free local port")
        .port();
    let child = Command::new(binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{binary}: cannot start: {e}"));
    let driver = Driver(child);
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "chromedriver did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (driver, port)
}

async fn connect(port: u16) -> Client {
    let args = [
        "--headless=new",
        // As root (containers, CI) Chromium's sandbox cannot start.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=1400,900",
        "--lang=en-US",
    ];
    let mut options = serde_json::json!({ "args": args });
    if let Ok(binary) = std::env::var("DOCBIND_CHROMIUM") {
        options["binary"] = binary.into();
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session")
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// An operation whose page has a request body with several fields from the source pane: the
/// first such in index order (deterministic).
fn operation_to_open(api: &Api) -> &docbind::ir::Operation {
    api.operations
        .iter()
        .find(|op| {
            let Some(body) = &op.request_body else {
                return false;
            };
            match &api.resolve(&body.schema).kind {
                SchemaKind::Object { fields } => {
                    fields.len() >= 3
                        && fields.iter().all(|f| {
                            f.schema
                                .span
                                .as_ref()
                                .is_some_and(|s| s.file == op.span.file && s.start > op.span.start)
                        })
                }
                _ => false,
            }
        })
        .expect("the default job has an operation with a documented request body")
}

async fn visible_rows(client: &Client) -> usize {
    let mut n = 0;
    for row in client.find_all(Locator::Css("tr.op")).await.expect("rows") {
        if row.is_displayed().await.expect("displayed") {
            n += 1;
        }
    }
    n
}

async fn screenshot(client: &Client, dir: &Path, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(name), png).expect("screenshot written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn review_site_in_chromium() {
    let Ok(chromedriver) = std::env::var("DOCBIND_CHROMEDRIVER") else {
        eprintln!(
            "review_browser: skipped (DOCBIND_CHROMEDRIVER is not set; scripts/test.sh installs \
             chromium and chromium-driver and sets it)"
        );
        return;
    };
    let job = docbind::cli::job_from_config(&repo_root().join("docbind.toml")).expect("job");
    let (inputs, site) = docbind::review::run(&job).expect("the default job reviews");
    let dir = tempfile::tempdir().expect("temp dir");
    docbind::review::write(&site, dir.path()).expect("site written");
    let shots: PathBuf = repo_root().join("target/review-screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot dir");
    let api = &inputs.api;

    let (_driver, port) = start_driver(&chromedriver);
    let client = connect(port).await;
    client
        .set_window_size(1400, 900)
        .await
        .expect("window size");

    // The index lists every operation, all visible.
    client
        .goto(&file_url(&dir.path().join("index.html")))
        .await
        .expect("index opens");
    let rows = client.find_all(Locator::Css("tr.op")).await.expect("rows");
    assert_eq!(rows.len(), api.operations.len(), "one row per operation");
    assert_eq!(visible_rows(&client).await, api.operations.len());
    screenshot(&client, &shots, "index.png").await;

    // Typing into the filter narrows the list to the matching operations.
    let op = operation_to_open(api);
    let filter = client
        .find(Locator::Id("filter"))
        .await
        .expect("filter box");
    filter.send_keys(&op.id).await.expect("typing");
    let shown = visible_rows(&client).await;
    let matching = api
        .operations
        .iter()
        .filter(|o| {
            format!("{} {} {} {}", o.id, o.method.as_str(), o.path, o.summary)
                .to_lowercase()
                .contains(&op.id)
        })
        .count();
    assert!(shown >= 1 && shown < api.operations.len(), "{shown} shown");
    assert_eq!(
        shown, matching,
        "the filter shows exactly the matching rows"
    );
    let counter = client.find(Locator::Id("shown")).await.expect("counter");
    assert_eq!(counter.text().await.expect("text"), shown.to_string());
    screenshot(&client, &shots, "index-filtered.png").await;

    // "has warnings" narrows it further or keeps it; clearing both restores every row.
    filter.clear().await.expect("clear");
    let warn = client
        .find(Locator::Id("only-warnings"))
        .await
        .expect("checkbox");
    warn.click().await.expect("check");
    let with_warnings = visible_rows(&client).await;
    assert!(with_warnings < api.operations.len(), "{with_warnings}");
    warn.click().await.expect("uncheck");
    assert_eq!(visible_rows(&client).await, api.operations.len());

    // The operation's page: clicking a field row highlights its row in the source pane.
    let link = client
        .find(Locator::Css(&format!(
            "tr.op a[href=\"op/{}.html\"]",
            op.id
        )))
        .await
        .expect("the operation's link");
    link.click().await.expect("follow");
    let fields = client
        .find_all(Locator::Css("tr.field[data-line]"))
        .await
        .expect("field rows");
    assert!(fields.len() >= 3, "{} field rows with a line", fields.len());
    // A field of the body (not the first row, which may be a path parameter at the top).
    let field = &fields[fields.len() / 2];
    let line: u32 = field
        .attr("data-line")
        .await
        .expect("attr")
        .expect("data-line")
        .parse()
        .expect("a line number");
    field.click().await.expect("click the field");
    let lit = client
        .find_all(Locator::Css(".highlight"))
        .await
        .expect("highlighted");
    assert_eq!(lit.len(), 1, "exactly one source row is highlighted");
    let id = lit[0].attr("id").await.expect("attr").expect("an id");
    let lit_line: u32 = id.trim_start_matches('L').parse().expect("L<line>");
    assert!(
        lit_line <= line && line - lit_line < 50,
        "field at line {line} highlighted {id}"
    );
    assert!(lit[0].is_displayed().await.expect("displayed"));
    // The source pane scrolled to it: the row is inside the pane's visible box.
    let pane = client.find(Locator::Id("source")).await.expect("pane");
    let (_, pane_y, _, pane_h) = pane.rectangle().await.expect("pane box");
    let (_, row_y, _, _) = lit[0].rectangle().await.expect("row box");
    assert!(
        row_y >= pane_y && row_y <= pane_y + pane_h,
        "highlighted row at y={row_y}, pane {pane_y}..{}",
        pane_y + pane_h
    );
    // The page back at its top for the picture (the source pane is sticky: the highlighted
    // row stays in view).
    client
        .execute("window.scrollTo(0, 0)", vec![])
        .await
        .expect("scroll");
    screenshot(&client, &shots, "operation.png").await;

    // Chinese labels.
    client
        .find(Locator::Css("button.lang"))
        .await
        .expect("language toggle")
        .click()
        .await
        .expect("toggle");
    let heading = client
        .find(Locator::Css(".extracted h2 .zh"))
        .await
        .expect("a Chinese heading");
    assert!(heading.is_displayed().await.expect("displayed"));
    screenshot(&client, &shots, "operation-zh.png").await;
    client
        .find(Locator::Css("button.lang"))
        .await
        .expect("language toggle")
        .click()
        .await
        .expect("toggle back");

    // A narrow window: the source pane stacks above the extracted model, still highlighting.
    client.set_window_size(420, 900).await.expect("narrow");
    client.refresh().await.expect("reload");
    let fields = client
        .find_all(Locator::Css("tr.field[data-line]"))
        .await
        .expect("field rows");
    fields[fields.len() / 2].click().await.expect("click");
    assert_eq!(
        client
            .find_all(Locator::Css(".highlight"))
            .await
            .expect("highlighted")
            .len(),
        1
    );
    screenshot(&client, &shots, "operation-narrow.png").await;
    client
        .goto(&file_url(&dir.path().join("index.html")))
        .await
        .expect("index opens");
    screenshot(&client, &shots, "index-narrow.png").await;

    client.close().await.expect("session closed");
    eprintln!("review_browser: screenshots in {}", shots.display());
}
