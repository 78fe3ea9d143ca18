//! Pinning a reading of an ambiguous dated expression: kept in the workspace
//! with its history, still holding on a later version of the source that has
//! the expression, undone by an unpin, and bad pins refused with nothing written.

use chrono::NaiveDate;
use claimdesk_core::model::NewSource;
use claimdesk_core::timeline::{
    Event, TimelineFilter, pin_history, pin_reading, unpin_reading, workspace_timeline,
};
use claimdesk_core::{ErrorKind, Workspace};

/// Published on Wednesday 3 December 2025: "on Saturday" without a tense may
/// be 29 November or 6 December.
const TALKS: &str = "The harbour board sat late. The talks are on Saturday, the clerk said.";

fn story(text: &str) -> NewSource {
    NewSource {
        title: "Harbour board".into(),
        outlet: Some("Ledger".into()),
        url: Some("https://ledger.example/board".into()),
        published_on: NaiveDate::from_ymd_opt(2025, 12, 3),
        text: text.into(),
        ..Default::default()
    }
}

fn saturday(ws: &Workspace) -> Option<Event> {
    workspace_timeline(ws, &[], &TimelineFilter::default(), None)
        .expect("timeline")
        .events
        .into_iter()
        .find(|e| e.expression == "on Saturday")
}

fn desk() -> (tempfile::TempDir, Workspace, String, usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("workspace");
    let id = ws.sources().add(story(TALKS)).expect("add").source.id;
    let event = saturday(&ws).expect("the Saturday is on the timeline");
    assert_eq!(event.reading, "ambiguous");
    assert_eq!(
        (event.date.as_str(), event.alternatives.as_slice()),
        ("2025-12-06", &["2025-11-29".to_string()][..])
    );
    (dir, ws, id, event.expression_start)
}

#[test]
fn a_pinned_reading_is_the_date_the_timeline_shows_and_is_kept_with_history() {
    let (dir, mut ws, id, at) = desk();
    ws.set_actor("Ada");
    let shown = pin_reading(
        &ws,
        &id[..8],
        at,
        "2025-11-29",
        Some("the clerk meant last week"),
    )
    .expect("pin");
    assert_eq!(
        (shown.date.as_str(), shown.reading.as_str()),
        ("2025-11-29", "pinned")
    );
    assert_eq!(shown.alternatives, ["2025-12-06"]);

    // Kept in the file: a workspace opened again shows the pin.
    drop(ws);
    let ws = Workspace::open(dir.path().join("desk.sqlite")).expect("reopen");
    let event = saturday(&ws).expect("event");
    assert_eq!(
        (event.date.as_str(), event.reading.as_str()),
        ("2025-11-29", "pinned")
    );
    assert!(event.is_pinned());
    let history = pin_history(&ws, &id).expect("history");
    assert_eq!(history.len(), 1);
    let h = &history[0];
    assert_eq!(
        (
            h.expression.as_str(),
            h.pinned.as_deref(),
            h.previous.as_deref()
        ),
        ("on Saturday", Some("2025-11-29"), None)
    );
    assert_eq!(
        (h.actor.as_str(), h.note.as_deref()),
        ("Ada", Some("the clerk meant last week"))
    );

    // Pinning the other reading changes the pin and records what it was.
    pin_reading(&ws, &id, at, "2025-12-06", None).expect("pin again");
    let history = pin_history(&ws, &id).expect("history");
    assert_eq!(history[1].previous.as_deref(), Some("2025-11-29"));
    assert_eq!(saturday(&ws).expect("event").date, "2025-12-06");
}

#[test]
fn a_pin_holds_on_a_new_version_that_still_has_the_expression() {
    let (_dir, ws, id, at) = desk();
    pin_reading(&ws, &id, at, "2025-11-29", None).expect("pin");

    // A sentence added before it moves the expression; the pin follows.
    let moved = format!("Crews walked out at noon. {TALKS}");
    ws.sources().add(story(&moved)).expect("new version");
    let event = saturday(&ws).expect("event");
    assert_eq!(
        event.expression_start,
        at + "Crews walked out at noon. ".chars().count()
    );
    assert_eq!(
        (event.date.as_str(), event.reading.as_str()),
        ("2025-11-29", "pinned")
    );

    // Its own sentence reworded, the one "on Saturday" left still carries the pin.
    ws.sources()
        .add(story(
            "The harbour board sat late. The talks are on Saturday, a clerk told reporters.",
        ))
        .expect("reworded version");
    assert_eq!(saturday(&ws).expect("event").date, "2025-11-29");

    // A version without the expression has nothing to pin; the next one that has it again does.
    ws.sources()
        .add(story("The harbour board sat late."))
        .expect("version without it");
    assert!(saturday(&ws).is_none());
    ws.sources().add(story(TALKS)).expect("back again");
    assert_eq!(saturday(&ws).expect("event").date, "2025-11-29");
}

#[test]
fn an_unpin_lets_every_reading_stand_again() {
    let (_dir, ws, id, at) = desk();
    pin_reading(&ws, &id, at, "2025-11-29", None).expect("pin");
    let shown = unpin_reading(&ws, &id, at, Some("not sure after all")).expect("unpin");
    assert_eq!(
        (shown.date.as_str(), shown.reading.as_str()),
        ("2025-12-06", "ambiguous")
    );
    assert_eq!(saturday(&ws).expect("event").reading, "ambiguous");
    let history = pin_history(&ws, &id).expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[1].pinned.as_deref(), history[1].previous.as_deref()),
        (None, Some("2025-11-29"))
    );

    let err = unpin_reading(&ws, &id, at, None).expect_err("nothing pinned");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("is not pinned"), "{err}");
    assert_eq!(pin_history(&ws, &id).expect("history").len(), 2);
}

#[test]
fn bad_pins_are_refused_with_what_to_fix_and_nothing_written() {
    let (_dir, ws, id, at) = desk();

    let err = pin_reading(&ws, &id, at, "2025-12-10", None).expect_err("not a reading");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(
        err.to_string(),
        "2025-12-10 is not a reading of \"on Saturday\": pin one of 2025-12-06, 2025-11-29"
    );

    let err = pin_reading(&ws, &id, at + 1, "2025-11-29", None).expect_err("no expression there");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(
        err.to_string()
            .contains(&format!("no dated expression starts at {}", at + 1)),
        "{err}"
    );

    // An expression with one reading has nothing to choose.
    let dir = tempfile::tempdir().expect("tempdir");
    let other = Workspace::create(dir.path().join("other.sqlite")).expect("workspace");
    let plain = other
        .sources()
        .add(story("The board met on Tuesday."))
        .expect("add")
        .source
        .id;
    let tuesday = workspace_timeline(&other, &[], &TimelineFilter::default(), None)
        .expect("timeline")
        .events
        .remove(0);
    let err = pin_reading(&other, &plain, tuesday.expression_start, "2025-12-02", None)
        .expect_err("not ambiguous");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(
        err.to_string()
            .contains("only an ambiguous expression can be pinned"),
        "{err}"
    );

    assert!(pin_history(&ws, &id).expect("history").is_empty());
    assert!(pin_history(&other, &plain).expect("history").is_empty());
    assert_eq!(saturday(&ws).expect("event").reading, "ambiguous");
}
