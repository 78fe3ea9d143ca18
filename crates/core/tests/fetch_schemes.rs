//! What a fetch may be led to: http and https only, at most 10 redirects
//! (the default), and never a redirect to another scheme. Each test runs a
//! real HTTP server on loopback.

mod support;

use claimdesk_core::Error;
use claimdesk_core::ingest::fetch::{FetchOptions, fetch, fetch_and_capture};
use support::{Reply, TestServer};

const PAGE: &str = "<html><head><title>Pier reopens</title></head><body><article>\
    <p>The north pier reopened on Monday after three weeks of repairs, the harbour office said.</p>\
    <p>Fishing crews said the delay had cost them most of the autumn season.</p></article></body></html>";

/// A chain of `hops` redirects, /hop/0 → /hop/1 → … → /hop/{hops}, which serves the page.
fn chain(hops: usize) -> TestServer {
    TestServer::start(move |path| {
        let n: usize = path
            .strip_prefix("/hop/")
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX);
        if n < hops {
            Reply::redirect(302, &format!("/hop/{}", n + 1))
        } else if n == hops {
            Reply::ok("text/html; charset=utf-8", PAGE)
        } else {
            Reply::status(404)
        }
    })
}

#[test]
fn ten_redirects_are_followed_by_default_and_an_eleventh_is_refused() {
    let options = FetchOptions::default();
    assert_eq!(options.max_redirects, 10);

    let server = chain(10);
    let captured = fetch_and_capture(&server.url("/hop/0"), &options).expect("10 redirects");
    assert_eq!(
        captured.meta.final_url.as_deref(),
        Some(server.url("/hop/10").as_str())
    );
    assert!(captured.text.contains("north pier reopened"));

    let server = chain(11);
    let err = fetch(&server.url("/hop/0"), &options).expect_err("11 redirects");
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    assert!(err.to_string().contains("more than 10 redirects"), "{err}");
    assert_eq!(server.seen().len(), 11, "the 11th redirect is not followed");
}

#[test]
fn a_redirect_to_another_scheme_is_refused_without_following_it() {
    for (target, scheme) in [
        ("file:///etc/passwd", "file"),
        ("data:text/html,<p>hi</p>", "data"),
        ("ftp://127.0.0.1/page.html", "ftp"),
        ("javascript:alert(1)", "javascript"),
    ] {
        let server = TestServer::start(move |path| match path {
            "/go" => Reply::redirect(301, target),
            _ => Reply::ok("text/html", PAGE),
        });
        let err =
            fetch_and_capture(&server.url("/go"), &FetchOptions::default()).expect_err(target);
        assert!(matches!(err, Error::Invalid(_)), "{target}: {err:?}");
        let message = err.to_string();
        assert!(
            message.contains(&format!("redirect to a {scheme}: URL")),
            "{target}: {message}"
        );
        assert_eq!(
            server.seen().len(),
            1,
            "{target}: nothing else was requested"
        );
    }
}

#[test]
fn only_http_and_https_addresses_are_fetched_at_all() {
    for url in [
        "file:///etc/passwd",
        "data:text/html,<p>hi</p>",
        "ftp://127.0.0.1/page.html",
        "javascript:alert(1)",
        "gopher://127.0.0.1/",
    ] {
        let err = fetch(url, &FetchOptions::default()).expect_err(url);
        assert!(matches!(err, Error::Invalid(_)), "{url}: {err:?}");
        assert!(
            err.to_string()
                .contains("only fetches http:// and https://"),
            "{url}: {err}"
        );
    }
}
