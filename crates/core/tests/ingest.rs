//! The ingest engine against fixture pages written for the project, real
//! files in a temporary folder, and a real HTTP server on loopback.

mod support;

use std::fs;
use std::time::Duration;

use chrono::NaiveDate;
use claimdesk_core::Error;
use claimdesk_core::ingest::batch::{self, BatchInput, Imported, Progress, run_batch};
use claimdesk_core::ingest::fetch::{FetchOptions, fetch_and_capture};
use claimdesk_core::ingest::html::{capture_html, capture_html_bytes};
use claimdesk_core::ingest::{WarningKind, capture_file};
use claimdesk_core::model::AddOutcome;
use proptest::prelude::*;
use support::{Reply, TestServer, fixture, fixture_path, make_pdf};

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Short limits so failures show quickly; no test asserts on time itself.
fn quick() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_millis(500),
        max_bytes: 64 * 1024,
        max_redirects: 5,
    }
}

// ---------------------------------------------------------------- HTML pages

#[test]
fn news_page_keeps_every_article_paragraph_and_no_clutter() {
    let c = capture_file(&fixture_path("news-with-clutter.html")).expect("captures");
    let paras = paragraphs(&c.text);
    assert_eq!(
        paras.len(),
        6,
        "six article paragraphs, each its own block:\n{}",
        c.text
    );
    assert!(paras[0].starts_with("Single tickets on the island ferry will cost 12% more"));
    assert!(paras[1].contains("from £8.50 to £9.52"));
    assert!(paras[2].starts_with("“Nobody wants to put fares up,” said councillor Bram Okafor"));
    assert!(paras[5].ends_with("slightly fewer than the year before."));
    for clutter in [
        "NAV-LINK-TEXT",
        "ADVERT-TEXT",
        "CAPTION-TEXT",
        "COMMENT-TEXT",
        "RELATED-TEXT",
        "SHARE-TEXT",
        "FOOTER-TEXT",
        "TRACKING-SCRIPT-TEXT",
        "SCRIPT-WRITTEN-TEXT",
    ] {
        assert!(
            !c.text.contains(clutter),
            "{clutter} leaked into the article:\n{}",
            c.text
        );
    }
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn news_page_metadata_comes_from_meta_tags() {
    let c = capture_file(&fixture_path("news-with-clutter.html")).expect("captures");
    let m = &c.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Ferry fares to rise by 12% from January, council confirms")
    );
    assert_eq!(m.site_name.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(m.authors, ["Ines Marlowe"]);
    assert_eq!(m.published, date(2026, 11, 18));
    assert_eq!(m.modified, date(2026, 11, 19));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://harbour-gazette.example/news/2026/11/ferry-fares-rise")
    );
    assert_eq!(m.language.as_deref(), Some("en-GB"));
}

#[test]
fn json_ld_graph_gives_authors_outlet_and_the_publishers_own_dates() {
    let c = capture_file(&fixture_path("jsonld-metadata.html")).expect("captures");
    let m = &c.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Reservoir at 31% as drought enters its fourth month")
    );
    assert_eq!(
        m.authors,
        ["Rosa Quintela", "Dmitri Albescu"],
        "a Person reference and an inline Person"
    );
    assert_eq!(
        m.site_name.as_deref(),
        Some("The Valley Courier"),
        "publisher by @id reference"
    );
    // 22:15 at -03:00 is already the 22nd in UTC; the publication day is the publisher's.
    assert_eq!(m.published, date(2026, 11, 21));
    assert_eq!(m.modified, date(2026, 11, 23));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://valley-courier.example/environment/reservoir-31-percent")
    );
    assert_eq!(m.language.as_deref(), Some("pt-BR"));
    assert_eq!(paragraphs(&c.text).len(), 4);
}

#[test]
fn windows_1252_page_keeps_accents_and_curly_quotes() {
    let c = capture_file(&fixture_path("windows-1252.html")).expect("captures");
    assert_eq!(c.encoding.as_deref(), Some("windows-1252"));
    assert!(
        c.text.starts_with("Le café de la jetée, ouvert en 1986"),
        "{}",
        c.text
    );
    assert!(
        c.text.contains("« C’est une décision difficile »"),
        "{}",
        c.text
    );
    assert!(c.text.contains("Où irons-nous maintenant"));
    assert_eq!(
        c.meta.title.as_deref(),
        Some("Le café du port ferme après quarante ans")
    );
    assert_eq!(c.meta.authors, ["Hélène Dufrêne"]);
    assert_eq!(c.meta.site_name.as_deref(), Some("L’Écho de la Baie"));
    assert!(
        c.html.as_deref().is_some_and(|h| h.contains("café")),
        "snapshot is stored as UTF-8"
    );
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn windows_1252_page_without_a_declaration_is_detected() {
    let bytes = fixture("windows-1252.html");
    let undeclared = String::from_utf8_lossy(&bytes).contains("<meta charset=\"windows-1252\">");
    assert!(undeclared, "fixture declares its charset");
    let needle = b"<meta charset=\"windows-1252\">";
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("declaration");
    let stripped = [&bytes[..at], &bytes[at + needle.len()..]].concat();
    let c = capture_html_bytes(&stripped, None, None).expect("captures");
    assert!(c.text.contains("Le café de la jetée"), "{}", c.text);
    assert!(c.text.contains("qu’elle étudiera"), "{}", c.text);
}

#[test]
fn hostile_page_yields_only_its_text_and_is_kept_as_a_snapshot() {
    let c = capture_file(&fixture_path("hostile.html")).expect("captures");
    assert_eq!(paragraphs(&c.text).len(), 3, "{}", c.text);
    assert!(
        c.text.contains("Read the survey for the full results."),
        "link text kept, link dropped"
    );
    let meta_json = serde_json::to_string(&c.meta).expect("json");
    for field in [c.text.as_str(), meta_json.as_str()] {
        assert!(
            !field.contains("HOSTILE"),
            "hostile content reached the text or metadata: {field}"
        );
        assert!(!field.contains("javascript:"), "{field}");
        assert!(
            !field.contains('<'),
            "markup reached the text or metadata: {field}"
        );
    }
    let snapshot = c.html.expect("snapshot kept");
    assert!(
        snapshot.contains("onload=\"alert('HOSTILE-ONLOAD')\""),
        "the snapshot is the page as found"
    );
}

#[test]
fn near_empty_page_warns_and_keeps_the_snapshot() {
    let c = capture_file(&fixture_path("near-empty.html")).expect("captured for review");
    let thin = c
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::ThinArticle)
        .expect("thin warning");
    assert!(
        thin.message.contains("snapshot was kept"),
        "{}",
        thin.message
    );
    assert!(c.text.split_whitespace().count() < 5, "{}", c.text);
    assert!(
        c.html
            .as_deref()
            .is_some_and(|h| h.contains("<div id=\"app\">"))
    );
    assert_eq!(
        c.meta.site_name.as_deref(),
        Some("Metro Daily"),
        "metadata is still read"
    );
}

#[test]
fn article_wrappers_whose_names_sound_like_clutter_survive() {
    let paragraph = |n: usize| {
        format!(
            "<p>Paragraph {n} of the story: the tender for the new breakwater closed on Friday with three bids, \
             the lowest of them eleven percent above the budget the council approved in spring.</p>"
        )
    };
    let story: String = (1..=5).map(paragraph).collect();
    let page = format!(
        "<html><body><form id=\"aspnetForm\" action=\"/page.aspx\">\
         <div class=\"story-body has-comments\">{story}</div>\
         <div class=\"comments\"><p>COMMENT-TEXT first!</p></div></form>\
         <form class=\"signup\"><p>NEWSLETTER-TEXT sign up</p></form>\
         </body></html>"
    );
    let c = capture_html(&page, None).expect("captures");
    assert_eq!(paragraphs(&c.text).len(), 5, "{}", c.text);
    assert!(c.text.starts_with("Paragraph 1 of the story"));
    assert!(
        !c.text.contains("COMMENT-TEXT") && !c.text.contains("NEWSLETTER-TEXT"),
        "{}",
        c.text
    );
}

#[test]
fn malformed_html_is_read_as_far_as_it_goes() {
    let broken = "<html><head><title>Tide tables</title><body><article>\
        <p>High water at the bar is at 06:12 tomorrow, the harbour master said, and the pilots will board from the east buoy as usual.\
        <p>Low water follows at 12:40, when the channel will be closed to vessels drawing more than four metres, as it was last spring.\
        <p>The next spring tide is expected on the twelfth</b></i></div></span>";
    let c = capture_html(broken, None).expect("captures");
    let paras = paragraphs(&c.text);
    assert_eq!(paras.len(), 3, "{}", c.text);
    assert!(paras[2].starts_with("The next spring tide"));
    assert_eq!(c.meta.title.as_deref(), Some("Tide tables"));

    for junk in [
        "",
        "<",
        "<<>><</",
        "</p></div></body>",
        "<table><tr><td><p>x</table>",
        "\u{0}<p>\u{0}",
    ] {
        let c = capture_html(junk, None).expect("never fails on bad markup");
        assert!(
            c.warnings
                .iter()
                .any(|w| w.kind == WarningKind::ThinArticle),
            "{junk:?}"
        );
    }
    // Nesting far beyond any real page skips the readability pass (whose cost
    // grows with depth) and still yields the text, flagged for review.
    let deep = "<div>".repeat(2_000) + "<p>Text at the bottom of a very deep page.</p>";
    let c = capture_html(&deep, None).expect("captures");
    assert_eq!(c.text, "Text at the bottom of a very deep page.");
    assert!(
        c.warnings
            .iter()
            .any(|w| w.kind == WarningKind::WholePageFallback)
    );
}

#[test]
fn binary_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("photo.html");
    fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let err = capture_file(&png).expect_err("refused");
    assert!(matches!(err, Error::Invalid(_)));
    assert!(err.to_string().contains("PNG image"), "{err}");
    assert!(
        err.to_string().contains("photo.html"),
        "names the file: {err}"
    );

    let blob = dir.path().join("dump.txt");
    fs::write(&blob, b"abc\0\0\x01\x02def").expect("write");
    let err = capture_file(&blob).expect_err("refused");
    assert!(err.to_string().contains("binary"), "{err}");
}

proptest! {
    /// Whatever the markup, capture returns normalised text and never panics.
    #[test]
    fn any_markup_gives_normalised_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>".to_owned()), Just("</p>".to_owned()), Just("<div class=\"comment\">".to_owned()),
                Just("</div>".to_owned()), Just("<script>".to_owned()), Just("<br>".to_owned()),
                Just("<article>".to_owned()), Just("<!--".to_owned()), Just("&amp;".to_owned()),
                Just("&#x0;".to_owned()), "[ a-zA-Zé’\n\t<>/\"=]{0,40}",
            ],
            0..60,
        )
    ) {
        let page = parts.concat();
        let c = capture_html(&page, None).expect("never fails");
        prop_assert!(!c.text.contains("\n\n\n"));
        prop_assert_eq!(c.text.trim(), c.text.as_str());
        prop_assert_eq!(c.html.as_deref(), Some(page.as_str()));
    }
}

// ------------------------------------------------------- text, Markdown, PDF

#[test]
fn markdown_and_text_files_keep_paragraphs_and_get_a_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("statement.md");
    fs::write(
        &md,
        "# Statement on the ferry fares\n\nThe council *regrets* the rise.\n\n1. Fuel\n2. Staff\n",
    )
    .expect("write");
    let c = capture_file(&md).expect("captures");
    assert_eq!(
        c.text,
        "Statement on the ferry fares\n\nThe council regrets the rise.\n\nFuel\nStaff"
    );
    assert_eq!(
        c.meta.title.as_deref(),
        Some("Statement on the ferry fares")
    );
    assert!(c.html.is_none());

    let txt = dir.path().join("interview-transcript.txt");
    fs::write(
        &txt,
        "\u{feff}Q: When did you know?\r\nA: On Monday.\r\n\r\n\r\nQ: Who told you?\r\n",
    )
    .expect("write");
    let c = capture_file(&txt).expect("captures");
    assert_eq!(
        c.text,
        "Q: When did you know?\nA: On Monday.\n\nQ: Who told you?"
    );
    assert_eq!(c.meta.title, None, "the store takes the first line");
}

#[test]
fn invalid_utf8_text_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("latin1.txt");
    fs::write(&path, b"Le caf\xe9 ferme.").expect("write");
    let err = capture_file(&path).expect_err("refused");
    assert!(matches!(err, Error::Invalid(_)));
    let msg = err.to_string();
    assert!(msg.contains("latin1.txt") && msg.contains("UTF-8"), "{msg}");
}

#[test]
fn files_without_a_known_extension_are_sniffed_or_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = dir.path().join("notes.docx");
    fs::write(&docx, b"PK\x03\x04\x14\x00").expect("write");
    let err = capture_file(&docx).expect_err("refused");
    assert!(matches!(err, Error::Invalid(_)));
    assert!(
        err.to_string().contains("ZIP archive"),
        "says what it is: {err}"
    );

    let saved = dir.path().join("saved-page");
    fs::write(&saved, fixture("jsonld-metadata.html")).expect("write");
    let c = capture_file(&saved).expect("read as HTML");
    assert_eq!(c.meta.authors, ["Rosa Quintela", "Dmitri Albescu"]);

    let err = capture_file(&dir.path().join("gone.html")).expect_err("missing");
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    let err = capture_file(dir.path()).expect_err("a folder");
    assert!(err.to_string().contains("is a directory"), "{err}");
}

#[test]
fn pdf_text_is_extracted_page_by_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("press-release.pdf");
    fs::write(
        &path,
        make_pdf(&[
            "The mayor will sign the ferry contract on Friday.",
            "Questions to the press office.",
        ]),
    )
    .expect("write");
    let c = capture_file(&path).expect("captures");
    let paras = paragraphs(&c.text);
    assert_eq!(
        paras,
        [
            "The mayor will sign the ferry contract on Friday.",
            "Questions to the press office."
        ]
    );
    assert_eq!(c.meta.title.as_deref(), Some("press-release"));
}

#[test]
fn pdfs_without_text_or_broken_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let scan = dir.path().join("scan.pdf");
    fs::write(&scan, make_pdf(&[])).expect("write");
    let err = capture_file(&scan).expect_err("no text layer");
    assert!(err.to_string().contains("no text layer"), "{err}");

    let broken = dir.path().join("broken.pdf");
    let mut bytes = make_pdf(&["Half a document"]);
    bytes.truncate(bytes.len() / 2);
    fs::write(&broken, &bytes).expect("write");
    let err = capture_file(&broken).expect_err("damaged");
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");

    let fake = dir.path().join("fake.pdf");
    fs::write(&fake, b"<html>not a pdf</html>").expect("write");
    let err = capture_file(&fake).expect_err("not a pdf");
    assert!(err.to_string().contains("not a PDF"), "{err}");
}

// ------------------------------------------------------------ fetch (loopback)

#[test]
fn fetch_follows_redirects_and_records_the_final_url() {
    let page = fixture("news-with-clutter.html");
    let server = TestServer::start(move |path| match path {
        "/short/ferry" => Reply::redirect(301, "/moved/ferry"),
        "/moved/ferry" => Reply::redirect(302, "/news/ferry-fares"),
        "/news/ferry-fares" => Reply::ok("text/html; charset=utf-8", page.clone()),
        _ => Reply::status(404),
    });
    let c = fetch_and_capture(&server.url("/short/ferry"), &quick()).expect("fetched");
    assert_eq!(
        c.meta.final_url.as_deref(),
        Some(server.url("/news/ferry-fares").as_str())
    );
    assert_eq!(
        c.meta.identity_url(),
        Some("https://harbour-gazette.example/news/2026/11/ferry-fares-rise"),
        "the page's canonical URL identifies it, not the address it was fetched from"
    );
    assert!(c.text.starts_with("Single tickets on the island ferry"));
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    let agent = seen[0].header("user-agent").unwrap_or_default();
    assert!(
        agent.starts_with("Claimdesk/"),
        "user agent names Claimdesk: {agent}"
    );
    assert!(
        agent.contains(env!("CARGO_PKG_VERSION")),
        "and its version: {agent}"
    );
}

#[test]
fn redirect_loops_stop_with_a_clear_error() {
    let server = TestServer::start(|_| Reply::redirect(302, "/loop"));
    let err = fetch_and_capture(&server.url("/loop"), &quick()).expect_err("loop");
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    assert!(err.to_string().contains("more than 5 redirects"), "{err}");
}

#[test]
fn missing_pages_and_server_errors_say_so() {
    let server = TestServer::start(|path| match path {
        "/gone" => Reply::status(404),
        "/broken" => Reply::status(503),
        _ => Reply::status(403),
    });
    let err = fetch_and_capture(&server.url("/gone"), &quick()).expect_err("404");
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    assert!(err.to_string().contains("/gone answered 404"), "{err}");

    let err = fetch_and_capture(&server.url("/broken"), &quick()).expect_err("503");
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    assert!(
        err.to_string().contains("503") && err.to_string().contains("try again later"),
        "{err}"
    );

    let err = fetch_and_capture(&server.url("/private"), &quick()).expect_err("403");
    assert!(err.to_string().contains("refuses access"), "{err}");
}

#[test]
fn slow_servers_time_out() {
    let server = TestServer::start(|path| match path {
        "/silent" => Reply::Stall,
        _ => Reply::StallMidBody {
            content_type: "text/html".into(),
            declared: 5000,
            sent: b"<html><body><p>The first words arrive and then".to_vec(),
        },
    });
    for path in ["/silent", "/trickle"] {
        let err = fetch_and_capture(&server.url(path), &quick()).expect_err("timeout");
        assert!(matches!(err, Error::Io(_)), "{path}: {err:?}");
        assert!(err.to_string().contains("timed out"), "{path}: {err}");
    }
}

#[test]
fn bodies_over_the_size_limit_are_refused() {
    let limit = quick().max_bytes as usize;
    let server = TestServer::start(move |path| match path {
        "/declared" => Reply::ok("text/html", vec![b'x'; limit + 1]),
        "/chunked" => Reply::Chunked {
            content_type: "text/html".into(),
            size: limit * 3,
        },
        _ => Reply::ok("text/plain", "x ".repeat(limit / 2)),
    });
    for path in ["/declared", "/chunked"] {
        let err = fetch_and_capture(&server.url(path), &quick()).expect_err("too big");
        assert!(matches!(err, Error::Invalid(_)), "{path}: {err:?}");
        assert!(
            err.to_string()
                .contains("larger than the 65536 bytes limit"),
            "{path}: {err}"
        );
    }
    let at_limit =
        fetch_and_capture(&server.url("/exact"), &quick()).expect("a body at the limit is fine");
    assert_eq!(at_limit.text.split_whitespace().count(), limit / 2);
}

/// `body` compressed the way a web server sends it with `Content-Encoding: gzip`.
fn gzipped(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body).expect("compresses");
    encoder.finish().expect("compresses")
}

#[test]
fn gzipped_pages_are_unpacked_and_the_limit_counts_unpacked_bytes() {
    let limit = quick().max_bytes as usize;
    let page = fixture("news-with-clutter.html");
    let zipped = gzipped(&page);
    // Small on the wire, over the limit once unpacked.
    let bomb = gzipped(&vec![b' '; limit * 4]);
    assert!(bomb.len() < limit / 10);
    let server = TestServer::start(move |path| {
        let body = if path == "/bomb" {
            bomb.clone()
        } else {
            zipped.clone()
        };
        Reply::Full {
            status: 200,
            headers: vec![
                ("Content-Type".into(), "text/html; charset=utf-8".into()),
                ("Content-Encoding".into(), "gzip".into()),
            ],
            body,
        }
    });

    let captured = fetch_and_capture(&server.url("/article"), &quick()).expect("gzipped page");
    let plain = capture_html_bytes(&page, Some("utf-8"), Some(&server.url("/article")))
        .expect("the same page, not compressed");
    assert_eq!(captured.text, plain.text);
    assert!(
        server.seen()[0]
            .header("Accept-Encoding")
            .is_some_and(|v| v.contains("gzip")),
        "the request says gzip is welcome: {:?}",
        server.seen()[0].headers
    );

    let err = fetch_and_capture(&server.url("/bomb"), &quick()).expect_err("too big unpacked");
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("larger than the 65536 bytes limit"),
        "{err}"
    );
}

#[test]
fn dropped_connections_are_reported() {
    let server = TestServer::start(|path| match path {
        "/hangup" => Reply::Hangup,
        _ => Reply::DropMidBody {
            content_type: "text/html".into(),
            declared: 4000,
            sent: b"<html><body><p>Half a page".to_vec(),
        },
    });
    let err = fetch_and_capture(&server.url("/half"), &quick()).expect_err("dropped");
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    assert!(err.to_string().contains("dropped"), "{err}");

    let err = fetch_and_capture(&server.url("/hangup"), &quick()).expect_err("hung up");
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    assert!(
        err.to_string().contains(&server.url("/hangup")),
        "names the URL: {err}"
    );
}

#[test]
fn unreachable_hosts_are_reported() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let err =
        fetch_and_capture(&format!("http://127.0.0.1:{port}/"), &quick()).expect_err("refused");
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    assert!(err.to_string().contains("cannot connect"), "{err}");
    // The whole network error stays reachable for a caller that walks the chain.
    let source = std::error::Error::source(&err).expect("the cause is kept");
    let network = source
        .downcast_ref::<reqwest::Error>()
        .expect("the cause is the reqwest error");
    assert!(network.is_connect(), "{network:?}");
}

#[test]
fn non_http_urls_are_refused_before_any_request() {
    for url in [
        "file:///etc/hosts",
        "javascript:alert(1)",
        "ftp://files.example/a.html",
        "not a url",
    ] {
        let err = fetch_and_capture(url, &quick()).expect_err(url);
        assert!(matches!(err, Error::Invalid(_)), "{url}: {err:?}");
    }
}

#[test]
fn content_types_are_routed_or_refused() {
    let pdf = make_pdf(&["Statement from the port authority."]);
    let legacy = fixture("windows-1252.html");
    let needle = b"<meta charset=\"windows-1252\">";
    let at = legacy
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("declaration");
    let undeclared = [&legacy[..at], &legacy[at + needle.len()..]].concat();
    let server = TestServer::start(move |path| match path {
        "/notes.txt" => Reply::ok("text/plain; charset=utf-8", "Line one.\n\nLine two."),
        "/latin1.txt" => Reply::ok(
            "text/plain; charset=iso-8859-1",
            b"Caf\xe9 cr\xe8me.".to_vec(),
        ),
        "/statement" => Reply::ok("application/pdf", pdf.clone()),
        "/legacy" => Reply::ok("text/html; charset=windows-1252", undeclared.clone()),
        "/photo" => Reply::ok("image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
        _ => Reply::ok("application/json", "{\"a\":1}"),
    });
    let text = fetch_and_capture(&server.url("/notes.txt"), &quick()).expect("text");
    assert_eq!(text.text, "Line one.\n\nLine two.");
    assert!(text.html.is_none());

    let latin1 = fetch_and_capture(&server.url("/latin1.txt"), &quick()).expect("declared charset");
    assert_eq!(latin1.text, "Café crème.");

    let pdf = fetch_and_capture(&server.url("/statement"), &quick()).expect("pdf");
    assert_eq!(pdf.text, "Statement from the port authority.");
    assert_eq!(
        pdf.meta.final_url.as_deref(),
        Some(server.url("/statement").as_str())
    );

    let legacy = fetch_and_capture(&server.url("/legacy"), &quick()).expect("legacy html");
    assert!(
        legacy.text.contains("Le café de la jetée"),
        "charset from the HTTP header: {}",
        legacy.text
    );

    for (path, ct) in [("/photo", "image/png"), ("/data", "application/json")] {
        let err = fetch_and_capture(&server.url(path), &quick()).expect_err(path);
        assert!(matches!(err, Error::Invalid(_)), "{err:?}");
        assert!(err.to_string().contains(&format!("serves {ct}")), "{err}");
    }
}

// --------------------------------------------------------------------- batch

#[test]
fn folders_expand_to_supported_files_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::create_dir_all(root.join("day2")).expect("mkdir");
    fs::create_dir_all(root.join(".cache")).expect("mkdir");
    for (name, body) in [
        ("b-page.html", "<p>b</p>"),
        ("a-notes.md", "a"),
        ("day2/c.pdf", "%PDF-"),
        ("day2/d.txt", "d"),
        ("photo.jpg", "jpg"),
        (".hidden.html", "<p>hidden</p>"),
        (".cache/e.html", "<p>e</p>"),
    ] {
        fs::write(root.join(name), body).expect("write");
    }
    let expanded = batch::expand(root).expect("expands");
    let files: Vec<_> = expanded
        .inputs
        .iter()
        .map(|i| match i {
            BatchInput::File(p) => p
                .strip_prefix(root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/"),
            BatchInput::Url(u) => panic!("unexpected url {u}"),
        })
        .collect();
    assert_eq!(
        files,
        ["a-notes.md", "b-page.html", "day2/c.pdf", "day2/d.txt"]
    );
    assert_eq!(expanded.skipped, [root.join("photo.jpg")]);
}

#[test]
fn url_list_batch_continues_past_failures_and_sums_up() {
    let page = fixture("jsonld-metadata.html");
    let server = TestServer::start(move |path| match path {
        "/one" | "/two" => Reply::ok("text/html", page.clone()),
        _ => Reply::status(404),
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("urls.txt");
    fs::write(
        &list,
        format!(
            "# sources for the drought check\n{}\n\n{}\nfile:///etc/passwd\n{}\n",
            server.url("/one"),
            server.url("/missing"),
            server.url("/two")
        ),
    )
    .expect("write");
    let expanded = batch::expand(&list).expect("expands");
    assert_eq!(expanded.inputs.len(), 4);

    let mut captured_titles = Vec::new();
    let mut events = Vec::new();
    let summary = run_batch(
        &expanded.inputs,
        &expanded.skipped,
        |input| {
            let c = input.capture(&quick())?;
            captured_titles.push(c.meta.title.unwrap_or_default());
            Ok(Imported {
                outcome: AddOutcome::NewSource,
                source_id: String::new(),
                warnings: Vec::new(),
            })
        },
        |p| events.push(p.clone()),
    );
    assert_eq!(summary.added, [server.url("/one"), server.url("/two")]);
    assert_eq!(summary.failed.len(), 2);
    assert!(
        summary.failed[0].reason.contains("404"),
        "{:?}",
        summary.failed[0]
    );
    assert!(
        summary.failed[1].reason.contains("only fetches http"),
        "{:?}",
        summary.failed[1]
    );
    assert_eq!(
        captured_titles,
        vec!["Reservoir at 31% as drought enters its fourth month"; 2]
    );
    let failures_reported = events
        .iter()
        .filter(|e| matches!(e, Progress::ItemFinished { error: Some(_), .. }))
        .count();
    assert_eq!(
        failures_reported, 2,
        "progress shows each failure as it happens"
    );
}

#[test]
fn a_url_list_that_is_not_text_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("urls.txt");
    fs::write(&list, b"https://a.example/\xff\xfe").expect("write");
    let err = batch::expand(&list).expect_err("refused");
    assert!(err.to_string().contains("one URL per line"), "{err}");
}

#[test]
fn a_batch_with_nothing_to_import_says_what_to_give_instead() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("empty");
    fs::create_dir(&folder).expect("folder");
    fs::write(folder.join("photo.png"), b"\x89PNG").expect("write");
    let list = dir.path().join("urls.txt");
    fs::write(&list, "# only a comment\n\n").expect("write");
    for (from, says) in [
        (
            batch::ImportFrom::path(&folder),
            "no .html, .md, .txt or .pdf files",
        ),
        (batch::ImportFrom::path(&list), "lists no URLs"),
        (
            batch::ImportFrom::PastedUrls("  \n".into()),
            "paste at least one URL",
        ),
    ] {
        let err = from.expand().expect_err("nothing to import");
        assert!(matches!(err, Error::Invalid(_)), "{err:?}");
        assert!(err.to_string().contains(says), "{err}");
    }
    fs::write(&list, "https://a.example/1\n").expect("write");
    let one = batch::ImportFrom::path(&list).expand().expect("one URL");
    assert_eq!(one.inputs.len(), 1);
}
