//! Correcting a captured source's details: checked first, written in place,
//! kept when the workspace is reopened, and the text left as captured.

use chrono::NaiveDate;
use claimdesk_core::model::NewSource;
use claimdesk_core::store::SourceDetails;
use claimdesk_core::{ErrorKind, Workspace};

const ARTICLE: &str =
    "Ferry talks stall\n\nThe harbour board met the ferry union on Monday and agreed on nothing.\n";

fn captured(ws: &Workspace) -> String {
    ws.sources()
        .add(NewSource {
            title: "Ferry talks stal".into(),
            outlet: Some("Harbour Gazette".into()),
            url: Some("https://gazette.example/ferry".into()),
            text: ARTICLE.into(),
            ..Default::default()
        })
        .expect("add")
        .source
        .id
}

#[test]
fn corrected_details_replace_the_captured_ones_and_survive_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    let id = {
        let ws = Workspace::create(&path).expect("create");
        let id = captured(&ws);
        let mut details = SourceDetails::of(&ws.sources().get(&id).expect("get"));
        details.title = "  Ferry talks stall  ".into();
        details.authors = vec!["Mira Holm".into(), " ".into()];
        details.published_on = Some("2026-03-02".into());
        details.modified_on = Some(String::new());
        details.canonical_url = Some("https://gazette.example/news/ferry-talks".into());
        details.language = Some("en-GB".into());
        let edited = ws.sources().edit_details(&id, details).expect("edit");
        assert_eq!(edited.title, "Ferry talks stall");
        id
    };
    let ws = Workspace::open(&path).expect("reopen");
    let source = ws.sources().get(&id).expect("get");
    assert_eq!(source.title, "Ferry talks stall");
    assert_eq!(source.outlet.as_deref(), Some("Harbour Gazette"));
    assert_eq!(source.authors, ["Mira Holm"]);
    assert_eq!(source.published_on, NaiveDate::from_ymd_opt(2026, 3, 2));
    assert_eq!(source.modified_on, None);
    assert_eq!(
        source.canonical_url.as_deref(),
        Some("https://gazette.example/news/ferry-talks")
    );
    assert_eq!(source.language.as_deref(), Some("en-GB"));
    assert_eq!(
        source.url.as_deref(),
        Some("https://gazette.example/ferry"),
        "the fetched URL is not a detail the user edits"
    );
    let version = ws.sources().version(&id, None).expect("version");
    assert_eq!(version.number, 1, "correcting details adds no version");
    assert!(version.text.contains("agreed on nothing"));
}

#[test]
fn bad_details_are_refused_with_what_to_fix_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let id = captured(&ws);
    let before = ws.sources().get(&id).expect("get");
    let good = SourceDetails {
        title: "Ferry talks stall".into(),
        ..SourceDetails::of(&before)
    };
    let cases = [
        (
            SourceDetails {
                published_on: Some("2 March 2026".into()),
                ..good.clone()
            },
            "YYYY-MM-DD",
        ),
        (
            SourceDetails {
                modified_on: Some("2026-02-30".into()),
                ..good.clone()
            },
            "modified date",
        ),
        (
            SourceDetails {
                canonical_url: Some("gazette.example/ferry".into()),
                ..good.clone()
            },
            "canonical URL",
        ),
        (
            SourceDetails {
                language: Some("English".into()),
                ..good.clone()
            },
            "language",
        ),
        (
            SourceDetails {
                title: "   ".into(),
                ..good.clone()
            },
            "title",
        ),
    ];
    for (details, says) in cases {
        let err = ws
            .sources()
            .edit_details(&id, details)
            .expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert!(
            err.to_string().contains(says),
            "{err} should mention {says}"
        );
        let after = ws.sources().get(&id).expect("get");
        assert_eq!(after.title, before.title, "nothing was written");
        assert_eq!(after.published_on, before.published_on);
    }
    let missing = ws
        .sources()
        .edit_details("ffffffff", good)
        .expect_err("unknown id");
    assert_eq!(missing.kind(), ErrorKind::NotFound);
}
