//! Reports in every format, from a fixture workspace on a real file.

mod common;

use claimdesk_core::ErrorKind;
use claimdesk_core::model::{NewClaim, NewEvidence, NewSource, Stance};
use claimdesk_core::report::{self, ReportFormat, ReportRequest, Selection};
use common::{BASE_URL, Fixture, PUBLISHER, fixture};
use serde_json::Value;

fn export(f: &Fixture, format: ReportFormat, selection: Selection) -> String {
    report::export(&f.ws, &ReportRequest { format, selection })
        .expect("export")
        .content
}

/// The report with ids and instants that differ between runs replaced.
fn stable(f: &Fixture, format: ReportFormat) -> String {
    f.stable_ids(&export(f, format, Selection::default()))
}

fn snapshot(name: &str, text: &str) {
    let today = chrono::Utc::now().date_naive().to_string();
    insta::with_settings!({
        filters => vec![
            (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)", "[instant]"),
            (today.as_str(), "[today]"),
        ],
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn markdown_report_snapshot() {
    let f = fixture();
    snapshot("report_markdown", &stable(&f, ReportFormat::Markdown));
}

#[test]
fn html_report_snapshot() {
    let f = fixture();
    snapshot("report_html", &stable(&f, ReportFormat::Html));
}

#[test]
fn csv_report_snapshot() {
    let f = fixture();
    snapshot("report_csv", &stable(&f, ReportFormat::Csv));
}

#[test]
fn json_report_snapshot() {
    let f = fixture();
    snapshot("report_json", &stable(&f, ReportFormat::Json));
}

#[test]
fn claimreview_report_snapshot() {
    let f = fixture();
    snapshot("report_claimreview", &stable(&f, ReportFormat::ClaimReview));
}

#[test]
fn every_claim_shows_its_verdict_and_traceable_passages() {
    let f = fixture();
    let md = export(&f, ReportFormat::Markdown, Selection::default());
    let gazette_v1 =
        f.ws.sources()
            .version(&f.sources[0], None)
            .expect("version");
    assert!(md.contains("Mostly true (4/5)"));
    assert!(md.contains("“fares will rise 12% from 1 April”"));
    assert!(md.contains(&format!(
        "Captured as version 1, sha256 `{}`",
        gazette_v1.sha256
    )));
    assert!(
        md.contains("Captured as version 2"),
        "the Morning passage cites its second version"
    );
    assert!(md.contains(
        "[Ferry fares to rise 12% in spring](<https://gazette.example/news/ferry-fares>)"
    ));
    assert!(md.contains("published 2025-03-02"));
    assert!(
        !md.contains("Internal: call"),
        "working notes stay in the workspace"
    );
}

#[test]
fn markdown_escapes_markup_in_stored_text() {
    let f = fixture();
    let md = export(&f, ReportFormat::Markdown, Selection::default());
    assert!(md.contains(r#"=Fares are "\*frozen\*" for \<b\>everyone\</b\> \& all year"#));
    assert!(!md.contains("<b>"));
}

#[test]
fn html_of_a_script_claim_contains_no_executable_markup() {
    let (_d, ws) = common::empty_workspace();
    let claim = ws
        .claims()
        .add(NewClaim {
            statement: "<script>alert(1)</script>".into(),
            claimant: Some("<img src=x onerror=alert(2)>".into()),
            tags: vec!["\"><svg onload=alert(3)>".into()],
            ..Default::default()
        })
        .expect("claim");
    let source = ws
        .sources()
        .add(claimdesk_core::model::NewSource {
            title: "<iframe src=\"javascript:alert(4)\">".into(),
            outlet: Some("</style><script>alert(5)</script>".into()),
            url: Some("javascript:alert(6)".into()),
            text: "He said <a href=javascript:alert(7) onclick=alert(8)>click</a> today.".into(),
            ..Default::default()
        })
        .expect("source");
    ws.evidence()
        .add(claimdesk_core::model::NewEvidence {
            claim: claim.id.clone(),
            source: source.source.id,
            version: None,
            quote: "<a href=javascript:alert(7) onclick=alert(8)>click</a>".into(),
            occurrence: None,
            stance: claimdesk_core::model::Stance::Supports,
            note: Some("<script>alert(9)</script>".into()),
        })
        .expect("evidence");
    ws.claims()
        .set_verdict(
            &claim.id,
            "false",
            Some("</p><script>alert(10)</script>"),
            None,
        )
        .expect("verdict");
    let html = report::export(
        &ws,
        &ReportRequest {
            format: ReportFormat::Html,
            selection: Selection::default(),
        },
    )
    .expect("html")
    .content;

    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    assert!(!lower.contains("<iframe") && !lower.contains("<img") && !lower.contains("<svg"));
    // Every tag in the file is one the template wrote, with no event handler
    // and nothing loaded from elsewhere.
    let allowed = [
        "!doctype",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "p",
        "main",
        "article",
        "h2",
        "dl",
        "dt",
        "dd",
        "span",
        "code",
        "h3",
        "ol",
        "li",
        "blockquote",
        "div",
        "a",
        "cite",
    ];
    for tag in lower.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let name = tag
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or_default();
        assert!(allowed.contains(&name), "unexpected tag <{tag}>");
        let attrs: Vec<&str> = tag.split_whitespace().skip(1).collect();
        assert!(
            !attrs.iter().any(|a| a.starts_with("on")),
            "event handler in <{tag}>"
        );
        assert!(
            !attrs.iter().any(|a| a.starts_with("src=")),
            "remote asset in <{tag}>"
        );
        assert!(!tag.contains("javascript:"), "script URL in <{tag}>");
    }
    // The words are still there for a reader, as text.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"));
    assert!(
        html.contains("&lt;a href=javascript"),
        "the quote is shown, escaped: {html}"
    );
}

#[test]
fn html_is_self_contained_and_printable() {
    let f = fixture();
    let html = export(&f, ReportFormat::Html, Selection::default());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<link") && !html.contains("@import") && !html.contains("url("));
    assert!(
        html.contains(&format!("id=\"claim-{}\"", f.fare_rise)),
        "ClaimReview @id fragments land on the claim"
    );
    assert!(html.contains("href=\"https:&#x2f;&#x2f;gazette.example&#x2f;news&#x2f;ferry-fares\""));
}

#[test]
fn claimreview_export_is_json_ld_with_the_required_properties() {
    let f = fixture();
    let text = export(&f, ReportFormat::ClaimReview, Selection::default());
    let reviews: Vec<Value> = serde_json::from_str(&text).expect("JSON array");
    assert_eq!(reviews.len(), 3);
    for r in &reviews {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert!(r["claimReviewed"].as_str().is_some_and(|s| !s.is_empty()));
        let url = r["url"].as_str().expect("url");
        assert!(url.starts_with(&format!("{BASE_URL}#claim-")));
        assert_eq!(r["@id"], url);
        assert_eq!(r["author"]["@type"], "Organization");
        assert_eq!(r["author"]["name"], PUBLISHER);
        assert!(r["datePublished"].as_str().is_some_and(|d| d.len() == 10));
        let rating = &r["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        assert_eq!(rating["bestRating"], 5);
        assert_eq!(rating["worstRating"], 1);
        assert!(rating["alternateName"].as_str().is_some());
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
    }
    let by_id = |id: &str| {
        reviews
            .iter()
            .find(|r| r["@id"] == format!("{BASE_URL}#claim-{id}"))
            .expect("review for claim")
    };
    let rise = by_id(&f.fare_rise);
    assert_eq!(rise["reviewRating"]["ratingValue"], 4);
    assert_eq!(rise["reviewRating"]["alternateName"], "Mostly true");
    assert_eq!(rise["itemReviewed"]["author"]["name"], "Ines Okafor");
    assert_eq!(rise["itemReviewed"]["datePublished"], "2025-03-01");
    assert_eq!(
        rise["itemReviewed"]["firstAppearance"]["url"],
        "https://gazette.example/news/ferry-fares"
    );
    assert_eq!(
        rise["itemReviewed"]["appearance"].as_array().map(Vec::len),
        Some(1),
        "the transcript has no URL, so it is no appearance"
    );
    assert_eq!(by_id(&f.frozen)["reviewRating"]["ratingValue"], 1);
    let review_pending = &by_id(&f.doubling)["reviewRating"];
    assert_eq!(review_pending["alternateName"], "In review");
    assert!(
        review_pending.get("ratingValue").is_none(),
        "a workflow state has no rating"
    );
}

#[test]
fn claimreview_appearances_are_the_sources_that_carry_the_claim_never_those_disputing_it() {
    let f = fixture();
    // An outlet that correctly reported the other date, published before the
    // one that carries the claim: citing it as disputing must not make it an
    // appearance, let alone the first one.
    let herald =
        f.ws.sources()
            .add(NewSource {
                title: "Fare review continues".into(),
                outlet: Some("Harbour Herald".into()),
                url: Some("https://herald.example/fare-review".into()),
                published_on: common::date(2025, 2, 28),
                text: "The ferry company has not set new fares; the review continues.".into(),
                ..Default::default()
            })
            .expect("herald")
            .source
            .id;
    for (quote, stance) in [
        ("has not set new fares", Stance::Disputes),
        ("the review continues", Stance::Context),
    ] {
        f.ws.evidence()
            .add(NewEvidence {
                claim: f.fare_rise.clone(),
                source: herald.clone(),
                version: None,
                quote: quote.into(),
                occurrence: None,
                stance,
                note: None,
            })
            .expect("evidence");
    }
    let text = export(&f, ReportFormat::ClaimReview, Selection::default());
    let reviews: Vec<Value> = serde_json::from_str(&text).expect("JSON");
    let review = |id: &str| {
        reviews
            .iter()
            .find(|r| r["@id"] == format!("{BASE_URL}#claim-{id}"))
            .expect("review")
    };
    let rise = &review(&f.fare_rise)["itemReviewed"];
    let urls: Vec<&str> = rise["appearance"]
        .as_array()
        .expect("appearances")
        .iter()
        .filter_map(|a| a["url"].as_str())
        .collect();
    assert_eq!(
        urls,
        ["https://gazette.example/news/ferry-fares"],
        "only the supporting outlet carries the claim"
    );
    assert_eq!(
        rise["firstAppearance"]["url"],
        "https://gazette.example/news/ferry-fares"
    );
    let frozen = &review(&f.frozen)["itemReviewed"];
    assert!(
        frozen.get("appearance").is_none() && frozen.get("firstAppearance").is_none(),
        "the frozen-fares claim is only disputed and given context: no appearance, {frozen}"
    );
}

#[test]
fn the_rating_follows_the_workspace_scale() {
    let f = fixture();
    f.ws.scale()
        .update("mostly_true", "Largely accurate", Some(5))
        .expect("rename");
    let text = export(&f, ReportFormat::ClaimReview, Selection::default());
    let reviews: Vec<Value> = serde_json::from_str(&text).expect("JSON");
    let rise = reviews
        .iter()
        .find(|r| r["claimReviewed"] == "Ferry fares will rise 12% this spring")
        .expect("review");
    assert_eq!(rise["reviewRating"]["alternateName"], "Largely accurate");
    assert_eq!(rise["reviewRating"]["ratingValue"], 5);
}

#[test]
fn renaming_a_verdict_without_a_rating_keeps_its_rating_in_claimreview() {
    let f = fixture();
    let renamed =
        f.ws.scale()
            .update("mostly_true", "Largely accurate", None)
            .expect("rename");
    assert_eq!(
        renamed.rating,
        Some(4),
        "the rating was not given, so it stays"
    );
    let text = export(&f, ReportFormat::ClaimReview, Selection::default());
    let reviews: Vec<Value> = serde_json::from_str(&text).expect("JSON");
    let rise = reviews
        .iter()
        .find(|r| r["claimReviewed"] == "Ferry fares will rise 12% this spring")
        .expect("review");
    assert_eq!(rise["reviewRating"]["alternateName"], "Largely accurate");
    assert_eq!(rise["reviewRating"]["ratingValue"], 4);
}

#[test]
fn claimreview_needs_the_report_base_url() {
    let f = fixture();
    f.ws.settings().set("report_base_url", "").expect("clear");
    let err = report::export(
        &f.ws,
        &ReportRequest {
            format: ReportFormat::ClaimReview,
            selection: Selection::default(),
        },
    )
    .expect_err("no base url");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("report_base_url"));
}

#[test]
fn csv_round_trips_through_a_csv_reader() {
    let f = fixture();
    let text = export(&f, ReportFormat::Csv, Selection::default());
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(headers[..3], ["claim_id", "statement", "claimant"]);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 3);
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let rise = rows
        .iter()
        .find(|r| r[col("claim_id")] == f.fare_rise)
        .expect("row");
    assert_eq!(
        &rise[col("statement")],
        "Ferry fares will rise 12% this spring"
    );
    assert_eq!(
        &rise[col("rationale")],
        "The company announced the rise.\nThe council has not approved it yet."
    );
    assert_eq!(&rise[col("verdict")], "Mostly true");
    assert_eq!(&rise[col("rating")], "4");
    assert_eq!(&rise[col("tags")], "fares; ferry");
    assert_eq!(&rise[col("evidence_count")], "2");
    assert_eq!(&rise[col("supports")], "1");
    assert_eq!(&rise[col("disputes")], "1");
    let frozen = rows
        .iter()
        .find(|r| r[col("claim_id")] == f.frozen)
        .expect("row");
    assert_eq!(
        &frozen[col("statement")],
        "'=Fares are \"*frozen*\" for <b>everyone</b> & all year",
        "quotes survive; a leading = cannot run as a formula"
    );
}

#[test]
fn json_report_follows_its_schema() {
    let f = fixture();
    let doc: Value =
        serde_json::from_str(&export(&f, ReportFormat::Json, Selection::default())).expect("JSON");
    assert_eq!(doc["schema"], "claimdesk.report/1");
    assert_eq!(doc["publisher"], PUBLISHER);
    assert_eq!(doc["claims"].as_array().map(Vec::len), Some(3));
    assert_eq!(doc["sources"].as_array().map(Vec::len), Some(3));
    let frozen = &doc["claims"][1];
    assert_eq!(frozen["verdict"]["key"], "false");
    let morning_v2 = f.ws.sources().version(&f.sources[1], Some(2)).expect("v2");
    assert_eq!(frozen["evidence"][0]["version"]["number"], 2);
    assert_eq!(
        frozen["evidence"][0]["version"]["sha256"],
        morning_v2.sha256
    );
    assert_eq!(
        frozen["evidence"][0]["source"]["outlet"],
        "Mainland Morning"
    );
    assert!(frozen.get("notes").is_none());
}

#[test]
fn selections_narrow_by_tag_verdict_and_chosen_ids() {
    let f = fixture();
    let count = |selection: Selection| {
        report::export(
            &f.ws,
            &ReportRequest {
                format: ReportFormat::Json,
                selection,
            },
        )
        .map(|r| r.claim_count)
    };
    assert_eq!(count(Selection::default()).ok(), Some(3));
    assert_eq!(
        count(Selection {
            tag: Some("ferry".into()),
            ..Default::default()
        })
        .ok(),
        Some(2)
    );
    assert_eq!(
        count(Selection {
            verdict: Some("False".into()),
            ..Default::default()
        })
        .ok(),
        Some(1)
    );
    assert_eq!(
        count(Selection {
            claims: vec![f.doubling[..30].to_string(), f.frozen.clone()],
            ..Default::default()
        })
        .ok(),
        Some(2)
    );
    assert_eq!(
        count(Selection {
            tag: Some("ferry".into()),
            verdict: Some("false".into()),
            ..Default::default()
        })
        .ok(),
        Some(1)
    );
    let none = count(Selection {
        tag: Some("nobody-uses-this".into()),
        ..Default::default()
    })
    .expect_err("empty");
    assert_eq!(none.kind(), ErrorKind::NotFound);
    assert!(none.to_string().contains("tag nobody-uses-this"));
    let bad = count(Selection {
        verdict: Some("pants on fire".into()),
        ..Default::default()
    })
    .expect_err("unknown verdict");
    assert_eq!(bad.kind(), ErrorKind::Invalid);
}

#[test]
fn deleted_claims_stay_out_of_reports() {
    let f = fixture();
    f.ws.claims().delete(&f.doubling, None).expect("delete");
    let md = export(&f, ReportFormat::Markdown, Selection::default());
    assert!(!md.contains("double by 2030"));
    assert!(md.contains("2 claims: all claims."));
}
