//! Claims: fields, verdicts, tags, history, search.

use chrono::NaiveDate;
use claimdesk_core::model::{ClaimEdit, ClaimFilter, ClaimSort, NewClaim};
use claimdesk_core::{ErrorKind, Workspace};

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    (dir, ws)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn deadline_claim() -> NewClaim {
    NewClaim {
        statement: "  Trump set Thanksgiving Day as the\n deadline for Kyiv ".into(),
        claimant: Some("Donald Trump".into()),
        claimed_on: Some(date("2025-11-21")),
        event_on: Some(date("2025-11-27")),
        tags: vec!["Deadline".into(), "ukraine".into()],
        ..Default::default()
    }
}

#[test]
fn a_new_claim_is_unverified_with_clean_fields_and_a_creation_record() {
    let (_d, mut ws) = workspace();
    ws.set_actor("maria");
    let c = ws.claims().add(deadline_claim()).expect("add");
    assert_eq!(
        c.statement,
        "Trump set Thanksgiving Day as the deadline for Kyiv"
    );
    assert_eq!(c.verdict, "unverified");
    assert_eq!(c.tags, vec!["deadline", "ukraine"]);
    assert_eq!(c.event_on, Some(date("2025-11-27")));
    let h = ws.claims().history(&c.id).expect("history");
    assert_eq!(h.len(), 1);
    assert_eq!(
        (h[0].field.as_str(), h[0].actor.as_str()),
        ("created", "maria")
    );
}

#[test]
fn an_empty_statement_is_refused_and_nothing_is_written() {
    let (_d, ws) = workspace();
    let err = ws
        .claims()
        .add(NewClaim {
            statement: " \n ".into(),
            ..Default::default()
        })
        .expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(
        ws.claims()
            .list(&ClaimFilter::default())
            .expect("list")
            .is_empty()
    );
}

#[test]
fn every_change_appends_history_with_old_and_new_values_and_the_note() {
    let (_d, ws) = workspace();
    let c = ws.claims().add(deadline_claim()).expect("add");
    ws.claims()
        .edit(
            &c.id,
            ClaimEdit {
                claimant: Some(Some("The US president".into())),
                event_on: Some(None),
                ..Default::default()
            },
            Some("attribution fixed"),
        )
        .expect("edit");
    ws.claims()
        .set_verdict(
            &c.id,
            "Disputed",
            Some("Two outlets say it was dropped"),
            Some("checked"),
        )
        .expect("verdict");
    ws.claims()
        .tag(&c.id, &["peace plan".into()], &["ukraine".into()], None)
        .expect("tag");
    let h = ws.claims().history(&c.id).expect("history");
    let fields: Vec<&str> = h.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "created",
            "claimant",
            "event_on",
            "verdict",
            "rationale",
            "tags"
        ]
    );
    assert_eq!(h[1].old.as_deref(), Some("Donald Trump"));
    assert_eq!(h[1].new.as_deref(), Some("The US president"));
    assert_eq!(h[1].note.as_deref(), Some("attribution fixed"));
    assert_eq!(h[2].old.as_deref(), Some("2025-11-27"));
    assert_eq!(h[2].new, None);
    assert_eq!(
        (h[3].old.as_deref(), h[3].new.as_deref()),
        (Some("unverified"), Some("disputed"))
    );
    assert_eq!(h[5].new.as_deref(), Some("deadline, peace-plan"));
    let now = ws.claims().get(&c.id).expect("get");
    assert_eq!(now.rationale, "Two outlets say it was dropped");
    assert!(now.updated_at >= c.updated_at);
}

#[test]
fn an_edit_that_changes_nothing_records_nothing() {
    let (_d, ws) = workspace();
    let c = ws.claims().add(deadline_claim()).expect("add");
    ws.claims()
        .edit(
            &c.id,
            ClaimEdit {
                claimant: Some(Some("Donald Trump".into())),
                ..Default::default()
            },
            None,
        )
        .expect("edit");
    assert_eq!(ws.claims().history(&c.id).expect("history").len(), 1);
}

#[test]
fn a_verdict_not_on_the_scale_is_refused_and_the_claim_is_unchanged() {
    let (_d, ws) = workspace();
    let c = ws.claims().add(deadline_claim()).expect("add");
    let err = ws
        .claims()
        .set_verdict(&c.id, "pants on fire", Some("x"), None)
        .expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(
        err.to_string()
            .contains("use one of: unverified, in_review"),
        "{err}"
    );
    let after = ws.claims().get(&c.id).expect("get");
    assert_eq!(
        (after.verdict.as_str(), after.rationale.as_str()),
        ("unverified", "")
    );
    assert_eq!(ws.claims().history(&c.id).expect("history").len(), 1);
}

#[test]
fn a_workspace_can_extend_and_rename_its_scale() {
    let (_d, ws) = workspace();
    ws.scale()
        .add("pants_on_fire", "Pants on fire", Some(1))
        .expect("add verdict");
    ws.scale()
        .update("mostly_true", "Largely accurate", Some(4))
        .expect("rename");
    let c = ws.claims().add(deadline_claim()).expect("add");
    let c = ws
        .claims()
        .set_verdict(&c.id, "Pants on Fire", None, None)
        .expect("new verdict usable");
    assert_eq!(c.verdict, "pants_on_fire");
    assert_eq!(
        ws.scale()
            .find("largely accurate")
            .expect("by new label")
            .key,
        "mostly_true"
    );
    assert!(
        ws.scale().add("verified", "Again", None).is_err(),
        "duplicate key refused"
    );
    assert!(
        ws.scale().add("shaky", "Shaky", Some(9)).is_err(),
        "rating out of range refused"
    );
    let keys: Vec<String> = ws
        .scale()
        .list()
        .expect("list")
        .into_iter()
        .map(|v| v.key)
        .collect();
    assert_eq!(keys.last().map(String::as_str), Some("pants_on_fire"));
}

#[test]
fn history_cannot_be_rewritten_even_with_raw_sql() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    let ws = Workspace::create(&path).expect("create");
    ws.claims().add(deadline_claim()).expect("add");
    let conn = rusqlite::Connection::open(&path).expect("sqlite");
    assert!(
        conn.execute("UPDATE claim_history SET actor = 'someone else'", [])
            .is_err()
    );
    assert!(conn.execute("DELETE FROM claim_history", []).is_err());
}

#[test]
fn list_filters_by_verdict_tag_and_words_and_sorts() {
    let (_d, ws) = workspace();
    let a = ws.claims().add(deadline_claim()).expect("a");
    let b = ws
        .claims()
        .add(NewClaim {
            statement: "The envoys' meeting with Zelensky was cancelled".into(),
            claimed_on: Some(date("2025-12-02")),
            tags: vec!["meeting".into()],
            ..Default::default()
        })
        .expect("b");
    ws.claims()
        .set_verdict(&b.id, "false", None, None)
        .expect("verdict");
    let ids = |f: ClaimFilter| -> Vec<String> {
        ws.claims()
            .list(&f)
            .expect("list")
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(
        ids(ClaimFilter {
            verdict: Some("False".into()),
            ..Default::default()
        }),
        std::slice::from_ref(&b.id)
    );
    assert_eq!(
        ids(ClaimFilter {
            tag: Some("deadline".into()),
            ..Default::default()
        }),
        std::slice::from_ref(&a.id)
    );
    assert_eq!(
        ids(ClaimFilter {
            text: Some("zelen canc".into()),
            ..Default::default()
        }),
        std::slice::from_ref(&b.id)
    );
    assert_eq!(
        ids(ClaimFilter {
            text: Some("trump".into()),
            ..Default::default()
        }),
        std::slice::from_ref(&a.id)
    );
    assert!(
        ids(ClaimFilter {
            text: Some("moscow".into()),
            ..Default::default()
        })
        .is_empty()
    );
    assert_eq!(
        ids(ClaimFilter {
            sort: ClaimSort::ClaimedOn,
            ..Default::default()
        }),
        [b.id.clone(), a.id.clone()]
    );
    assert_eq!(
        ids(ClaimFilter::default()),
        [b.id.clone(), a.id.clone()],
        "updated first"
    );
    assert!(
        ws.claims()
            .list(&ClaimFilter {
                verdict: Some("nope".into()),
                ..Default::default()
            })
            .is_err()
    );
}

#[test]
fn search_follows_edits() {
    let (_d, ws) = workspace();
    let c = ws.claims().add(deadline_claim()).expect("add");
    ws.claims()
        .edit(
            &c.id,
            ClaimEdit {
                statement: Some("Envoys met in Geneva".into()),
                ..Default::default()
            },
            None,
        )
        .expect("edit");
    let find = |w: &str| {
        ws.claims()
            .list(&ClaimFilter {
                text: Some(w.into()),
                ..Default::default()
            })
            .expect("list")
    };
    assert_eq!(find("geneva").len(), 1);
    assert!(find("thanksgiving").is_empty());
}

#[test]
fn deleting_hides_a_claim_and_restoring_brings_it_back_with_its_history() {
    let (_d, ws) = workspace();
    let c = ws.claims().add(deadline_claim()).expect("add");
    ws.claims()
        .delete(&c.id, Some("duplicate"))
        .expect("delete");
    assert!(
        ws.claims()
            .list(&ClaimFilter::default())
            .expect("list")
            .is_empty()
    );
    let err = ws.claims().get(&c.id).expect_err("hidden");
    assert!(err.to_string().contains("restore"), "{err}");
    assert!(ws.claims().delete(&c.id, None).is_err(), "already deleted");
    ws.claims().restore(&c.id, None).expect("restore");
    let fields: Vec<String> = ws
        .claims()
        .history(&c.id)
        .expect("h")
        .into_iter()
        .map(|h| h.field)
        .collect();
    assert_eq!(fields, ["created", "deleted", "restored"]);
    assert_eq!(
        ws.claims()
            .list(&ClaimFilter::default())
            .expect("list")
            .len(),
        1
    );
}

#[test]
fn ids_are_accepted_by_unique_prefix_and_ambiguity_is_explained() {
    let (_d, ws) = workspace();
    let a = ws.claims().add(deadline_claim()).expect("a");
    let b = ws.claims().add(deadline_claim()).expect("b");
    let common =
        a.id.bytes()
            .zip(b.id.bytes())
            .take_while(|(x, y)| x == y)
            .count();
    assert!(common >= 4, "v7 ids made together share their time prefix");
    let err = ws.claims().get(&a.id[..common]).expect_err("ambiguous");
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("ambiguous"), "{err}");
    assert_eq!(
        ws.claims().get(&a.id[..common + 1]).expect("unique").id,
        a.id
    );
    assert_eq!(
        ws.claims().get(&a.id.to_uppercase()).expect("any case").id,
        a.id
    );
    assert_eq!(
        ws.claims().get("ffffffff").err().map(|e| e.kind()),
        Some(ErrorKind::NotFound)
    );
    assert_eq!(
        ws.claims().get("xyz!").err().map(|e| e.kind()),
        Some(ErrorKind::Invalid)
    );
    assert_eq!(
        ws.claims().get("01a").err().map(|e| e.kind()),
        Some(ErrorKind::Invalid),
        "too short"
    );
}

#[test]
fn a_blank_rationale_clears_it_and_history_reads_removed() {
    let (_d, ws) = workspace();
    let c = ws.claims().add(deadline_claim()).expect("add");
    ws.claims()
        .set_verdict(&c.id, "disputed", Some("Two outlets disagree"), None)
        .expect("verdict");
    let kept = ws
        .claims()
        .set_verdict(&c.id, "misleading", None, None)
        .expect("keep");
    assert_eq!(kept.rationale, "Two outlets disagree");
    let cleared = ws
        .claims()
        .set_verdict(&c.id, "false", Some("  "), None)
        .expect("clear");
    assert_eq!(cleared.rationale, "");
    let h = ws.claims().history(&c.id).expect("history");
    let last = h.last().expect("a row");
    assert_eq!(last.field, "rationale");
    assert_eq!(last.old.as_deref(), Some("Two outlets disagree"));
    assert_eq!(last.new, None);
    let first_set = h.iter().find(|e| e.field == "rationale").expect("set");
    assert_eq!(first_set.old, None, "there was no rationale before");
}

#[test]
fn deleted_claims_have_a_list_of_their_own() {
    let (_d, ws) = workspace();
    let live = ws.claims().add(deadline_claim()).expect("add");
    let gone = ws
        .claims()
        .add(NewClaim {
            statement: "The meeting was cancelled".into(),
            ..Default::default()
        })
        .expect("add");
    ws.claims().delete(&gone.id, None).expect("delete");
    let ids = |list: Vec<claimdesk_core::model::Claim>| -> Vec<String> {
        list.into_iter().map(|c| c.id).collect()
    };
    let all = ClaimFilter::default();
    assert_eq!(ids(ws.claims().list(&all).expect("list")), [live.id]);
    assert_eq!(
        ids(ws.claims().list_deleted(&all).expect("deleted")),
        std::slice::from_ref(&gone.id)
    );
    let other_words = ClaimFilter {
        text: Some("deadline".into()),
        ..Default::default()
    };
    assert!(
        ws.claims()
            .list_deleted(&other_words)
            .expect("filtered")
            .is_empty()
    );
    ws.claims().restore(&gone.id, None).expect("restore");
    assert!(ws.claims().list_deleted(&all).expect("none").is_empty());
}
