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
        assert_eq!(edited.source.title, "Ferry talks stall");
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

#[test]
fn undoing_an_edit_puts_back_every_field_even_the_blank_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    let (id, before) = {
        let ws = Workspace::create(&path).expect("create");
        // Pasted text: no URL, authors, dates or language were found.
        let id = ws
            .sources()
            .add(NewSource {
                title: "Ferry talks stal".into(),
                outlet: Some("Harbour Gazette".into()),
                text: ARTICLE.into(),
                ..Default::default()
            })
            .expect("add")
            .source
            .id;
        let before = ws.sources().get(&id).expect("get");
        let saved = ws
            .sources()
            .edit_details(
                &id,
                SourceDetails {
                    title: "Ferry talks stall".into(),
                    outlet: Some("Harbour Gazette Online".into()),
                    authors: vec!["Mira Holm".into()],
                    published_on: Some("2026-03-02".into()),
                    modified_on: Some("2026-03-03".into()),
                    canonical_url: Some("https://gazette.example/ferry".into()),
                    language: Some("en".into()),
                },
            )
            .expect("edit");
        assert_eq!(saved.previous, SourceDetails::of(&before));

        let mut bad = saved.previous.clone();
        bad.published_on = Some("yesterday".into());
        let err = ws
            .sources()
            .restore_details(&id, bad, &saved.saved)
            .expect_err("checked");
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert_eq!(
            ws.sources().get(&id).expect("get").title,
            "Ferry talks stall",
            "a refused undo changes nothing"
        );

        let restored = ws
            .sources()
            .restore_details(&id, saved.previous, &saved.saved)
            .expect("undo");
        assert_eq!(restored, before);
        (id, before)
    };
    let ws = Workspace::open(&path).expect("reopen");
    let source = ws.sources().get(&id).expect("get");
    assert_eq!(source, before, "the undo is in the file");
    assert!(source.authors.is_empty() && source.published_on.is_none());
    assert_eq!(source.canonical_url, None, "no canonical URL, as before");
}

/// A workspace holding one pasted source (no URL, dates or authors), and its id.
fn pasted(title: &str, language: Option<&str>) -> (tempfile::TempDir, Workspace, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let id = ws
        .sources()
        .add(NewSource {
            title: title.into(),
            language: language.map(Into::into),
            text: ARTICLE.into(),
            ..Default::default()
        })
        .expect("add")
        .source
        .id;
    (dir, ws, id)
}

#[test]
fn undo_puts_back_a_captured_language_an_edit_would_refuse() {
    // Pages give "en_US" in <html lang>; capture keeps it as given.
    let (_dir, ws, id) = pasted("Ferry talks stall", Some("en_US"));
    let mut fixed = SourceDetails::of(&ws.sources().get(&id).expect("get"));
    fixed.language = Some("en-US".into());
    let saved = ws.sources().edit_details(&id, fixed).expect("edit");
    let restored = ws
        .sources()
        .restore_details(&id, saved.previous, &saved.saved)
        .expect("undo is not refused for a value the capture stored");
    assert_eq!(restored.language.as_deref(), Some("en_US"));
}

#[test]
fn undoing_an_older_edit_never_throws_away_a_later_one() {
    let (_dir, ws, id) = pasted("Ferry talks stal", None);
    let mut details = SourceDetails::of(&ws.sources().get(&id).expect("get"));
    details.title = "Ferry talks stall".into();
    let first = ws
        .sources()
        .edit_details(&id, details.clone())
        .expect("first edit");
    details.outlet = Some("Harbour Gazette".into());
    let second = ws
        .sources()
        .edit_details(&id, details)
        .expect("second edit");

    let err = ws
        .sources()
        .restore_details(&id, first.previous, &first.saved)
        .expect_err("the first edit's undo is stale");
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("changed again"), "{err}");
    let now = ws.sources().get(&id).expect("get");
    assert_eq!(
        now.outlet.as_deref(),
        Some("Harbour Gazette"),
        "the later edit stays"
    );

    let undone = ws
        .sources()
        .restore_details(&id, second.previous, &second.saved)
        .expect("the latest edit can be undone");
    assert_eq!(undone.outlet, None);
    assert_eq!(undone.title, "Ferry talks stall", "the first edit stays");
}
