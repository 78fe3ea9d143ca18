//! The timeline of texts and of the workspace: events merged across outlets,
//! conflicts where two outlets date one event apart, dates stored with each
//! version and counted again when the publication day changes, deadlines.

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewSource};
use claimdesk_core::timeline::{TimelineFilter, of_texts, workspace_timeline};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

const LEDGER: &str = "The envoys met the president for five hours on Tuesday. \
    The summit ended on Monday with a joint statement.";
const COURIER: &str = "The envoys met the president for five hours on Wednesday. \
    The summit ended on Dec. 1 with a joint statement.";

#[test]
fn two_outlets_that_put_one_event_on_two_days_conflict() {
    // Published on Wednesday 3 and Thursday 4 December 2025.
    let texts = [
        (LEDGER, Some(day(2025, 12, 3))),
        (COURIER, Some(day(2025, 12, 4))),
    ];
    let t = of_texts(&texts, &TimelineFilter::default());
    assert_eq!(t.conflicts.len(), 1, "{:?}", t.conflicts);
    let c = &t.conflicts[0];
    let dates: Vec<&str> = c
        .events
        .iter()
        .map(|&i| t.events[i].date.as_str())
        .collect();
    assert_eq!(dates, ["2025-12-02", "2025-12-03"]);
    assert_eq!(c.why, "same event, dated 2025-12-02 and 2025-12-03");
}

#[test]
fn aligned_sentences_that_name_the_same_two_days_are_no_conflict() {
    // Both outlets tell of a deadline set on Monday for Friday: Monday in one
    // and Friday in the other are two events, not one event on two days.
    let ledger = "The chief executive said on Monday that the offer stands until Friday.";
    let courier = "The chief executive said the offer stands until Friday, as he set on Monday.";
    let texts = [
        (ledger, Some(day(2025, 3, 4))),
        (courier, Some(day(2025, 3, 4))),
    ];
    let t = of_texts(&texts, &TimelineFilter::default());
    let dates: Vec<&str> = t.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(
        dates,
        ["2025-03-03", "2025-03-03", "2025-03-07", "2025-03-07"]
    );
    assert!(t.conflicts.is_empty(), "{:?}", t.conflicts);
}

#[test]
fn outlets_that_date_one_event_alike_make_one_entry() {
    let texts = [
        (LEDGER, Some(day(2025, 12, 3))),
        (COURIER, Some(day(2025, 12, 4))),
    ];
    let t = of_texts(&texts, &TimelineFilter::default());
    let summit = t
        .entries
        .iter()
        .find(|e| e.date == "2025-12-01")
        .expect("an entry on 1 December");
    let wordings: Vec<&str> = summit
        .events
        .iter()
        .map(|&i| t.events[i].expression.as_str())
        .collect();
    assert_eq!(wordings, ["on Monday", "Dec. 1"]);
    // Unrelated sentences on different days are no conflict.
    assert!(t.conflicts.iter().all(|c| {
        c.events
            .iter()
            .all(|&i| !t.events[i].sentence.contains("summit"))
    }));
}

#[test]
fn filters_keep_a_date_range_and_only_conflicts() {
    let texts = [
        (LEDGER, Some(day(2025, 12, 3))),
        (COURIER, Some(day(2025, 12, 4))),
    ];
    let only = of_texts(
        &texts,
        &TimelineFilter {
            only_conflicts: true,
            ..Default::default()
        },
    );
    assert_eq!(only.events.len(), 2);
    assert_eq!(only.conflicts[0].events, [0, 1]);
    let range = of_texts(
        &texts,
        &TimelineFilter {
            from: Some(day(2025, 12, 2)),
            to: Some(day(2025, 12, 2)),
            ..Default::default()
        },
    );
    assert_eq!(
        range
            .events
            .iter()
            .map(|e| e.date.as_str())
            .collect::<Vec<_>>(),
        ["2025-12-02"]
    );
}

fn source(outlet: &str, text: &str, published: NaiveDate) -> NewSource {
    NewSource {
        title: format!("{outlet} story"),
        outlet: Some(outlet.into()),
        url: Some(format!(
            "https://{}.example/story",
            outlet.to_lowercase().replace(' ', "-")
        )),
        published_on: Some(published),
        text: text.into(),
        ..Default::default()
    }
}

#[test]
fn the_workspace_timeline_reads_the_dates_stored_with_each_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("workspace");
    let a = ws
        .sources()
        .add(source("Ledger", LEDGER, day(2025, 12, 3)))
        .expect("add");
    ws.sources()
        .add(source("Courier", COURIER, day(2025, 12, 4)))
        .expect("add");
    let t = workspace_timeline(&ws, &[], &TimelineFilter::default(), None).expect("timeline");
    assert_eq!(t.conflicts.len(), 1);
    let tuesday = &t.events[t.conflicts[0].events[0]];
    assert_eq!(tuesday.outlet.as_deref(), Some("Ledger"));
    assert_eq!(tuesday.source.as_deref(), Some(a.source.id.as_str()));
    assert_eq!(tuesday.version.as_deref(), Some(a.version.id.as_str()));

    // One source only, by its prefix.
    let prefix = a.source.id[..30].to_string();
    let one =
        workspace_timeline(&ws, &[prefix], &TimelineFilter::default(), None).expect("timeline");
    assert!(
        one.events
            .iter()
            .all(|e| e.outlet.as_deref() == Some("Ledger"))
    );

    // A corrected publication day moves "on Tuesday" with it.
    let mut meta = source("Ledger", LEDGER, day(2025, 12, 10));
    meta.text = String::new();
    ws.sources()
        .update_meta(&a.source.id, meta)
        .expect("update");
    let moved = workspace_timeline(
        &ws,
        std::slice::from_ref(&a.source.id),
        &TimelineFilter::default(),
        None,
    )
    .expect("timeline");
    assert!(
        moved
            .events
            .iter()
            .any(|e| e.expression == "on Tuesday" && e.date == "2025-12-09")
    );
}

#[test]
fn a_claims_event_date_is_a_deadline_on_the_timeline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("workspace");
    ws.sources()
        .add(source("Ledger", LEDGER, day(2025, 12, 3)))
        .expect("add");
    let claim = ws
        .claims()
        .add(NewClaim {
            statement: "Kyiv must answer by Thanksgiving".into(),
            event_on: Some(day(2025, 11, 27)),
            tags: vec!["deadline".into()],
            ..Default::default()
        })
        .expect("claim");
    let t = workspace_timeline(&ws, &[], &TimelineFilter::default(), None).expect("timeline");
    assert_eq!(t.deadlines.len(), 1);
    assert_eq!(
        (t.deadlines[0].claim.as_str(), t.deadlines[0].date.as_str()),
        (claim.id.as_str(), "2025-11-27")
    );
    let other_tag =
        workspace_timeline(&ws, &[], &TimelineFilter::default(), Some("budget")).expect("timeline");
    assert!(other_tag.deadlines.is_empty() && other_tag.events.is_empty());
}
