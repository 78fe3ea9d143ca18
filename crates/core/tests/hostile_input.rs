//! Hostile input is let in nowhere: markup, script addresses, template
//! syntax, spreadsheet formulas and invisible or reordering characters are
//! stored as the exact text they are and escaped in every export; input over
//! a limit (see `claimdesk_core::limits`) is refused whole, naming the limit,
//! with nothing written.

mod common;

use claimdesk_core::exchange::bundle::{bundle_to_json, export_bundle, import_bundle};
use claimdesk_core::exchange::import_claimreview;
use claimdesk_core::ingest::{Format, capture_bytes, capture_file};
use claimdesk_core::model::{ClaimEdit, NewClaim, NewEvidence, NewSource, Stance};
use claimdesk_core::report::{ReportFormat, ReportRequest, export};
use claimdesk_core::selection::Selection;
use claimdesk_core::{Error, Workspace};
use common::empty_workspace;

/// One of each kind of hostile text, on one line.
const HOSTILE: &str = "<script>alert(1)</script> <img src=x onerror=alert(2)> \
    javascript:alert(3) {{ 7*7 }} {% raw %} =HYPERLINK(\"https://evil.example\") \
    zero\u{200B}width\u{200D}joiner \u{FEFF}bom bidi \u{202E}desrever\u{202C} \u{2066}isolate\u{2069}";

const SCRIPT_URL: &str = "javascript:alert(document.domain)";
const DATA_URL: &str = "data:text/html,<script>alert(4)</script>";

/// A workspace whose claim and sources carry every kind of hostile text, the
/// sources with script and data addresses as their URLs.
fn hostile_desk() -> (tempfile::TempDir, Workspace, String) {
    let (dir, ws) = empty_workspace();
    let text = format!("The council met on Monday. {HOSTILE} The vote was close.");
    let mut sources = Vec::new();
    for url in [SCRIPT_URL, DATA_URL] {
        let added = ws
            .sources()
            .add(NewSource {
                title: format!("{HOSTILE} {url}"),
                outlet: Some(HOSTILE.into()),
                url: Some(url.into()),
                text: text.clone(),
                html: Some(format!("<p onclick=alert(5)>{HOSTILE}</p>")),
                ..Default::default()
            })
            .expect("a hostile source is stored");
        sources.push(added.source.id);
    }
    let claim = ws
        .claims()
        .add(NewClaim {
            statement: format!("=1+1 {HOSTILE}"),
            claimant: Some(format!("@SUM(A1) {HOSTILE}")),
            notes: Some(HOSTILE.into()),
            ..Default::default()
        })
        .expect("a hostile claim is stored")
        .id;
    ws.claims()
        .set_verdict(&claim, "false", Some(&format!("-2+3 {HOSTILE}")), None)
        .expect("verdict");
    for source in &sources {
        ws.evidence()
            .add(NewEvidence {
                claim: claim.clone(),
                source: source.clone(),
                version: None,
                quote: "<script>alert(1)</script>".into(),
                occurrence: None,
                stance: Stance::Disputes,
                note: Some(HOSTILE.into()),
            })
            .expect("evidence");
    }
    (dir, ws, claim)
}

fn report(ws: &Workspace, format: ReportFormat) -> String {
    ws.settings()
        .set("report_base_url", "https://checks.example/reports")
        .expect("base url");
    export(
        ws,
        &ReportRequest {
            format,
            selection: Selection::default(),
        },
    )
    .expect("report")
    .content
}

#[test]
fn hostile_claims_and_sources_are_stored_as_the_exact_text() {
    let (_dir, ws, claim) = hostile_desk();
    let stored = ws.claims().get(&claim).expect("claim");
    assert_eq!(stored.statement, format!("=1+1 {HOSTILE}"));
    assert_eq!(
        stored.claimant.as_deref(),
        Some(format!("@SUM(A1) {HOSTILE}").as_str())
    );
    assert_eq!(stored.notes, HOSTILE);
    assert_eq!(stored.rationale, format!("-2+3 {HOSTILE}"));
    let sources = ws.sources().list().expect("sources");
    assert_eq!(sources.len(), 2);
    for s in &sources {
        assert_eq!(s.outlet.as_deref(), Some(HOSTILE));
        let v = ws.sources().version(&s.id, None).expect("version");
        assert!(v.text.contains(HOSTILE), "{}", v.text);
    }
}

#[test]
fn html_reports_show_hostile_text_as_text_and_link_no_script_address() {
    let (_dir, ws, _) = hostile_desk();
    let html = report(&ws, ReportFormat::Html);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    assert!(!lower.contains("<img"), "no image element");
    // Every real tag of the report: none carries a handler or a script address.
    for tag in lower.split('<').skip(1).filter_map(|t| t.split('>').next()) {
        for bad in ["onerror", "onclick", "javascript:", "data:"] {
            assert!(!tag.contains(bad), "<{tag}> carries {bad}");
        }
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "shown as text");
    // Template syntax in stored text is text, never evaluated by the report's templates.
    assert!(html.contains("{{ 7*7 }}") && html.contains("{% raw %}"));
    assert!(html.contains("desrever\u{202C}"), "characters kept exactly");
}

#[test]
fn markdown_reports_escape_markup_and_link_no_script_address() {
    let (_dir, ws, _) = hostile_desk();
    let md = report(&ws, ReportFormat::Markdown);
    let lower = md.to_lowercase();
    assert!(
        !lower.contains("](<javascript") && !lower.contains("](<data"),
        "{md}"
    );
    assert!(!lower.contains("](javascript") && !lower.contains("](data"));
    assert!(!md.contains("<script>"), "markup is escaped: {md}");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(
        md.contains("\\{\\{ 7*7 \\}\\}") || md.contains("\\{\\{ 7\\*7 \\}\\}"),
        "{md}"
    );
}

#[test]
fn csv_reports_defuse_formulas_and_json_keeps_the_exact_text() {
    let (_dir, ws, _) = hostile_desk();
    let csv = report(&ws, ReportFormat::Csv);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    for row in rows.records() {
        for cell in row.expect("row").iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&report(&ws, ReportFormat::Json)).expect("JSON");
    assert!(
        json.to_string()
            .contains(&serde_json::to_string(HOSTILE).expect("json")[1..20])
    );
    let claimreview = report(&ws, ReportFormat::ClaimReview);
    assert!(!claimreview.contains(SCRIPT_URL) && !claimreview.contains("data:text/html"));
}

#[test]
fn a_hostile_bundle_imports_as_text_and_its_script_addresses_never_become_links() {
    let (_dir, ws, claim) = hostile_desk();
    let json =
        bundle_to_json(&export_bundle(&ws, &Selection::default()).expect("bundle")).expect("json");
    let (_dir2, other) = empty_workspace();
    import_bundle(&other, &json).expect("imported");
    let copy = other.claims().get(&claim).expect("claim");
    assert_eq!(copy.statement, format!("=1+1 {HOSTILE}"));
    let md = report(&other, ReportFormat::Markdown).to_lowercase();
    let html = report(&other, ReportFormat::Html).to_lowercase();
    assert!(!md.contains("](<javascript") && !md.contains("](<data"));
    assert!(!html.contains("href=\"javascript:") && !html.contains("href=\"data:"));
}

// ------------------------------------------------------------------ limits

const HUNDRED_MB: usize = 100 * 1024 * 1024;

fn invalid_message(err: Error) -> String {
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    err.to_string()
}

#[test]
fn a_100_mb_statement_is_refused_naming_the_limit_and_nothing_is_written() {
    let (_dir, ws) = empty_workspace();
    let huge = "a".repeat(HUNDRED_MB);
    let err = ws
        .claims()
        .add(NewClaim {
            statement: huge.clone(),
            ..Default::default()
        })
        .expect_err("over the limit");
    assert_eq!(
        invalid_message(err),
        "the statement is 104,857,600 characters long; the limit is 5,000: shorten it"
    );
    assert!(
        ws.claims()
            .list(&Default::default())
            .expect("list")
            .is_empty()
    );

    let claim = ws
        .claims()
        .add(NewClaim {
            statement: "The pier reopens in May".into(),
            ..Default::default()
        })
        .expect("claim")
        .id;
    let history = ws.claims().history(&claim).expect("history").len();
    let err = ws
        .claims()
        .edit(
            &claim,
            ClaimEdit {
                statement: Some("The pier reopens in June".into()),
                notes: Some(huge.clone()),
                ..Default::default()
            },
            None,
        )
        .expect_err("notes over the limit");
    assert!(
        invalid_message(err)
            .starts_with("the notes is 104,857,600 characters long; the limit is 100,000")
    );
    let err = ws
        .claims()
        .set_verdict(&claim, "false", Some(&huge), None)
        .expect_err("rationale over the limit");
    assert!(invalid_message(err).starts_with("the rationale is"));
    let err = ws
        .claims()
        .tag(&claim, &["x".repeat(3_000)], &[], None)
        .expect_err("tag over the limit");
    assert!(invalid_message(err).starts_with("a tag is 3,000 characters long"));
    let source = ws
        .sources()
        .add(NewSource {
            title: "Harbour notice".into(),
            text: "The pier reopens in May, the harbour office said.".into(),
            ..Default::default()
        })
        .expect("source")
        .source
        .id;
    let err = ws
        .evidence()
        .add(NewEvidence {
            claim: claim.clone(),
            source,
            version: None,
            quote: "The pier reopens in May".into(),
            occurrence: None,
            stance: Stance::Supports,
            note: Some(huge.clone()),
        })
        .expect_err("evidence note over the limit");
    assert!(invalid_message(err).starts_with("the evidence note is 104,857,600 characters"));
    assert!(
        ws.evidence()
            .list(Some(&claim))
            .expect("evidence")
            .is_empty()
    );
    let after = ws.claims().get(&claim).expect("claim");
    assert_eq!(
        after.statement, "The pier reopens in May",
        "the edit is refused whole"
    );
    assert_eq!(
        (after.verdict.as_str(), after.notes.as_str()),
        ("unverified", "")
    );
    assert_eq!(ws.claims().history(&claim).expect("history").len(), history);
}

#[test]
fn a_100_mb_source_is_refused_whole_as_text_as_a_file_and_as_bytes() {
    let (dir, ws) = empty_workspace();
    let huge = "The vote was close. ".repeat(HUNDRED_MB / 20);
    let err = ws
        .sources()
        .add(NewSource {
            title: "Huge".into(),
            text: huge.clone(),
            ..Default::default()
        })
        .expect_err("over the limit");
    assert_eq!(
        invalid_message(err),
        "the source text is 100 MB long; the limit is 20 MB: split it or keep the part you need"
    );
    let err = ws
        .sources()
        .add(NewSource {
            title: "t".repeat(2_001),
            text: "A short text.".into(),
            ..Default::default()
        })
        .expect_err("title over the limit");
    assert!(invalid_message(err).starts_with("the title is 2,001 characters long"));
    assert!(ws.sources().list().expect("list").is_empty());

    let err = capture_bytes(huge.as_bytes(), Format::PlainText, None, None).expect_err("bytes");
    assert!(invalid_message(err).contains("the limit is 20 MB"));
    let path = dir.path().join("huge.html");
    std::fs::write(&path, format!("<p>{}</p>", &huge[..21 * 1024 * 1024])).expect("write");
    let err = capture_file(&path).expect_err("file");
    assert!(invalid_message(err).contains("huge.html is 21 MB long; the limit is 20 MB"));
}

#[test]
fn a_bundle_or_claimreview_carrying_a_100_mb_string_is_refused_whole() {
    let (_dir, ws, claim) = hostile_desk();
    let bundle = export_bundle(&ws, &Selection::default()).expect("bundle");
    let mut value: serde_json::Value =
        serde_json::from_str(&bundle_to_json(&bundle).expect("json")).expect("parse");
    value["claims"][0]["statement"] = "b".repeat(HUNDRED_MB).into();
    let (_dir2, other) = empty_workspace();
    let err = import_bundle(&other, &value.to_string()).expect_err("over the limit");
    assert!(invalid_message(err).contains("the statement is 104,857,600 characters long"));
    assert!(
        other.sources().list().expect("sources").is_empty(),
        "nothing half-written"
    );
    assert!(
        other
            .claims()
            .list(&Default::default())
            .expect("claims")
            .is_empty()
    );
    assert!(other.claims().get(&claim).is_err());

    let review = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://other.example/checks/1",
        "claimReviewed": "c".repeat(HUNDRED_MB),
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1}
    });
    let err = import_claimreview(&other, &review.to_string()).expect_err("over the limit");
    assert!(invalid_message(err).contains("the statement is 104,857,600 characters long"));
    assert!(
        other
            .claims()
            .list(&Default::default())
            .expect("claims")
            .is_empty()
    );
}
