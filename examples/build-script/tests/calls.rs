//! The client the build script generated, called against a local server.

use docbind_example_build_script::{widgets, OPENAPI};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

/// Answers each connection with the next body (HTTP/1.1, JSON, connection closed) and returns
/// the request lines and headers it was sent.
fn serve(bodies: Vec<&'static str>) -> (String, std::thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for body in bodies {
            let (stream, _) = listener.accept().expect("a connection");
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).expect("a request line");
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                if line == "\r\n" || line.is_empty() {
                    break;
                }
                head.push_str(&line);
            }
            let mut request_body = vec![0; length];
            reader.read_exact(&mut request_body).expect("the body");
            head.push_str(&String::from_utf8_lossy(&request_body));
            seen.push(head);
            let reply = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            reader
                .get_mut()
                .write_all(reply.as_bytes())
                .expect("the reply");
        }
        seen
    });
    (url, handle)
}

#[tokio::test]
async fn the_generated_client_calls_the_documented_operations() {
    let (url, server) = serve(vec![
        r#"{"count": 1, "widgets": [{"id": "w-1", "name": "gear", "size": "small"}]}"#,
        r#"{"id": "w-2"}"#,
    ]);
    let config = widgets::Config::with_base_url(&url)
        .credentials(widgets::Credentials::Token("token-1".into()))
        .project_id("p-1");
    let client = widgets::Client::new(config).expect("client");

    let page = client.list_widgets().limit(5).send().await.expect("list");
    assert_eq!(page.count, Some(1));
    let first = &page.widgets.as_ref().expect("widgets")[0];
    assert_eq!(first.name.as_deref(), Some("gear"));

    let body = widgets::models::CreateWidgetRequest { name: "cog".into() };
    let created = client.create_widget(body).send().await.expect("create");
    assert_eq!(created.id.as_deref(), Some("w-2"));

    let seen = server.join().expect("server");
    assert!(
        seen[0].starts_with("GET /v1/p-1/widgets?limit=5 "),
        "{}",
        seen[0]
    );
    // The token is the runtime's, from the configuration: not an argument of the operation.
    assert!(seen[0]
        .to_ascii_lowercase()
        .contains("x-auth-token: token-1"));
    assert!(seen[1].starts_with("POST /v1/p-1/widgets "), "{}", seen[1]);
    assert!(seen[1].ends_with(r#"{"name":"cog"}"#), "{}", seen[1]);
}

#[test]
fn the_endpoint_and_the_openapi_document_come_from_the_docs() {
    assert_eq!(
        widgets::ENDPOINT_TEMPLATE,
        "https://widgets.{region}.example.com"
    );
    let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("JSON");
    assert_eq!(
        doc["servers"][0]["variables"]["region"]["default"],
        "xx-north-1"
    );
    assert!(doc["paths"]["/v1/{project_id}/widgets"]["get"].is_object());
}
