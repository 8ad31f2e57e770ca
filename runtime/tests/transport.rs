//! Transport options against local servers: HTTP proxy with credentials, custom CA, client
//! certificate, `ignore_ssl_verification`, per-request timeout.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{MockServer, Reply};
use docbind_runtime::{Client, Config, Error, Method, Proxy, RequestSpec, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_rustls::rustls::{self, pki_types::pem::PemObject, pki_types::CertificateDer};

fn tls_file(name: &str) -> String {
    let path = format!("{}/tests/data/tls/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A TLS server on 127.0.0.1 with the test PKI's server certificate, answering `200 ok`
/// to every request; with `require_client_cert`, only clients with a certificate of the
/// test CA get through the handshake.
async fn tls_server(require_client_cert: bool) -> String {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let certs: Vec<CertificateDer<'static>> =
        CertificateDer::pem_slice_iter(tls_file("server.pem").as_bytes())
            .collect::<Result<_, _>>()
            .unwrap();
    let key = rustls::pki_types::PrivateKeyDer::from_pem_slice(tls_file("server.key").as_bytes())
        .unwrap();
    let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .unwrap();
    let builder = if require_client_cert {
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_slice(tls_file("ca.pem").as_bytes()).unwrap())
            .unwrap();
        let verifier =
            rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .unwrap();
        builder.with_client_cert_verifier(verifier)
    } else {
        builder.with_no_client_auth()
    };
    let config = Arc::new(builder.with_single_cert(certs, key).unwrap());
    let acceptor = tokio_rustls::TlsAcceptor::from(config);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("https://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(socket).await else {
                    return;
                };
                let mut head = Vec::new();
                let mut chunk = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&chunk[..n]),
                    }
                }
                let _ = tls
                    .write_all(
                        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
                    )
                    .await;
                let _ = tls.shutdown().await;
            });
        }
    });
    url
}

async fn get(config: Config) -> Result<u16, Error> {
    let client = Client::new(config.retry(RetryPolicy::disabled()))?;
    let response = client
        .execute(RequestSpec::new(Method::GET, "/v1/ping"))
        .await?;
    Ok(response.status)
}

#[tokio::test]
async fn custom_ca_is_trusted_and_unknown_ca_is_rejected() {
    let url = tls_server(false).await;
    let untrusted = get(Config::with_base_url(&url)).await;
    assert!(
        matches!(untrusted, Err(Error::Transport { .. })),
        "{untrusted:?}"
    );
    let trusted = get(Config::with_base_url(&url).ca_certificate_pem(tls_file("ca.pem"))).await;
    assert_eq!(trusted.unwrap(), 200);
}

#[tokio::test]
async fn client_certificate_is_presented_when_the_server_requires_one() {
    let url = tls_server(true).await;
    let trusted = || Config::with_base_url(&url).ca_certificate_pem(tls_file("ca.pem"));
    let without = get(trusted()).await;
    assert!(
        matches!(without, Err(Error::Transport { .. })),
        "{without:?}"
    );
    let identity = format!("{}{}", tls_file("client.pem"), tls_file("client.key"));
    let with = get(trusted().client_identity_pem(identity)).await;
    assert_eq!(with.unwrap(), 200);
}

#[tokio::test]
async fn ignore_ssl_verification_accepts_an_untrusted_server() {
    let url = tls_server(false).await;
    let status = get(Config::with_base_url(&url).ignore_ssl_verification(true)).await;
    assert_eq!(status.unwrap(), 200);
}

#[test]
fn unusable_certificates_and_proxy_urls_are_config_errors() {
    let base = || Config::with_base_url("https://127.0.0.1:1");
    for config in [
        base().ca_certificate_pem("not a certificate"),
        base().client_identity_pem(tls_file("client.pem")), // no private key
        base().proxy(Proxy::new("::not a url::")),
    ] {
        let err = Client::new(config).unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{err:?}");
    }
}

#[tokio::test]
async fn proxy_receives_requests_with_basic_credentials() {
    let proxy = MockServer::sequence(vec![Reply::json(200, "{}")]).await;
    let config = Config::with_base_url("http://api.example.invalid:8080")
        .proxy(Proxy::new(proxy.url()).basic_auth("alice", "s3cret pass"));
    let shown = format!("{config:?}");
    assert!(
        shown.contains("alice") && !shown.contains("s3cret"),
        "{shown}"
    );
    assert_eq!(get(config).await.unwrap(), 200);
    let request = &proxy.requests()[0];
    // A plain-HTTP request through a proxy uses the absolute URL as its target.
    assert_eq!(request.target, "http://api.example.invalid:8080/v1/ping");
    // base64("alice:s3cret pass")
    assert_eq!(
        request.header("proxy-authorization"),
        Some("Basic YWxpY2U6czNjcmV0IHBhc3M=")
    );
}

#[tokio::test]
async fn per_request_timeout_overrides_the_config_timeout() {
    let server = MockServer::sequence(vec![Reply::status(200).delay(Duration::from_secs(2))]).await;
    let client = Client::new(
        Config::with_base_url(server.url())
            .timeout(Duration::from_secs(30))
            .retry(RetryPolicy::disabled()),
    )
    .unwrap();
    let started = Instant::now();
    let short = client
        .execute(RequestSpec::new(Method::GET, "/slow").timeout(Duration::from_millis(100)))
        .await;
    assert!(matches!(short, Err(Error::Timeout)), "{short:?}");
    assert!(started.elapsed() < Duration::from_millis(1500));

    let strict = Client::new(
        Config::with_base_url(server.url())
            .timeout(Duration::from_millis(100))
            .retry(RetryPolicy::disabled()),
    )
    .unwrap();
    let long = strict
        .execute(RequestSpec::new(Method::GET, "/slow").timeout(Duration::from_secs(5)))
        .await;
    assert_eq!(long.unwrap().status, 200);
}
