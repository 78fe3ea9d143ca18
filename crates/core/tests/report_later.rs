//! Reports say which version each passage was read in and, where the source
//! changed later, what happened to it. Every text here is invented.

mod common;

use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewEvidence, NewSource, Stance};
use claimdesk_core::report::{self, ReportFormat, ReportRequest};

const V1: &str = "Storm delays the island ferry\n\nThe crossing took five hours in the storm, the captain said. Passengers were given blankets and tea.";

fn page(text: &str) -> NewSource {
    NewSource {
        title: "Storm delays the island ferry".into(),
        outlet: Some("Harbour Herald".into()),
        url: Some("https://harbour.example/storm".into()),
        text: text.into(),
        ..Default::default()
    }
}

fn export(ws: &Workspace, format: ReportFormat) -> String {
    report::export(
        ws,
        &ReportRequest {
            format,
            selection: Default::default(),
        },
    )
    .expect("export")
    .content
}

fn edited_desk() -> (tempfile::TempDir, Workspace, String) {
    let (dir, ws) = common::empty_workspace();
    let source = ws.sources().add(page(V1)).expect("v1").source.id;
    let claim = ws
        .claims()
        .add(NewClaim {
            statement: "The storm crossing took five hours".into(),
            ..Default::default()
        })
        .expect("claim")
        .id;
    let e = ws
        .evidence()
        .add(NewEvidence {
            claim,
            source,
            version: None,
            quote: "The crossing took five hours in the storm".into(),
            occurrence: None,
            stance: Stance::Supports,
            note: None,
        })
        .expect("linked")
        .evidence
        .id;
    ws.sources()
        .add(page(&V1.replace("five hours", "four hours")))
        .expect("v2");
    (dir, ws, e)
}

#[test]
fn every_format_says_what_happened_to_the_passage_in_the_later_version() {
    let (_d, ws, _) = edited_desk();
    let said = "Version 2 changed this passage: 'five' → 'four'.";
    let md = export(&ws, ReportFormat::Markdown);
    assert!(md.contains("Captured as version 1"), "{md}");
    assert!(md.contains(said), "{md}");
    let html = export(&ws, ReportFormat::Html);
    assert!(
        html.contains("Version 2 changed this passage: &#x27;five&#x27; → &#x27;four&#x27;.")
            || html.contains("Version 2 changed this passage: &#39;five&#39; → &#39;four&#39;."),
        "{html}"
    );
    assert!(export(&ws, ReportFormat::Csv).contains(said));
    let json: serde_json::Value =
        serde_json::from_str(&export(&ws, ReportFormat::Json)).expect("json");
    let e = &json["claims"][0]["evidence"][0];
    assert_eq!(e["version"]["number"], 1);
    assert_eq!(e["later"]["version"], 2);
    assert_eq!(e["later"]["status"], "edited");
    assert_eq!(
        e["later"]["words"],
        "The crossing took four hours in the storm"
    );
    assert_eq!(e["later"]["kept"], false);
}

#[test]
fn an_accepted_passage_is_reported_in_its_new_version_and_a_kept_one_says_so() {
    let (_d, ws, e) = edited_desk();
    ws.passage_reviews().keep(&e, None).expect("keep");
    let md = export(&ws, ReportFormat::Markdown);
    assert!(md.contains("kept as read in version 1."), "{md}");

    let (_d, ws, e) = edited_desk();
    ws.passage_reviews().accept(&e, None).expect("accept");
    let md = export(&ws, ReportFormat::Markdown);
    assert!(md.contains("Captured as version 2"), "{md}");
    assert!(!md.contains("changed this passage"), "{md}");
}
