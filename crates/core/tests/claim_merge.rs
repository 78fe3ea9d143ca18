//! Merging a duplicate claim into the claim that stays, and undoing it:
//! evidence, tags, notes, history and reports before, after and after undo;
//! every refusal changes nothing; bundles carry merges to another desk.

mod common;

use claimdesk_core::exchange::bundle;
use claimdesk_core::model::{ClaimEdit, ClaimFilter};
use claimdesk_core::report::{self, ReportFormat, ReportRequest, Selection};
use claimdesk_core::{ErrorKind, Workspace};
use common::{empty_workspace, fixture, table_dump};

/// The word only the duplicate's statement holds (its evidence does not).
const DUPLICATE_WORD: &str = "everyone";

/// Evidence of a claim as (id, stance), sorted by id.
fn evidence(ws: &Workspace, claim: &str) -> Vec<(String, &'static str)> {
    let mut out: Vec<_> = ws
        .claims()
        .detail(claim)
        .expect("detail")
        .evidence
        .into_iter()
        .map(|e| (e.evidence.id, e.evidence.stance.as_str()))
        .collect();
    out.sort();
    out
}

fn listed(ws: &Workspace) -> Vec<String> {
    let mut ids: Vec<_> = ws
        .claims()
        .list(&ClaimFilter::default())
        .expect("list")
        .into_iter()
        .map(|c| c.id)
        .collect();
    ids.sort();
    ids
}

fn merged(ws: &Workspace) -> Vec<String> {
    ws.claims()
        .list_merged(&ClaimFilter::default())
        .expect("merged list")
        .into_iter()
        .map(|c| c.id)
        .collect()
}

/// Every report format, rendered over the whole workspace.
fn reports(ws: &Workspace) -> Vec<(ReportFormat, u32, String)> {
    ReportFormat::ALL
        .iter()
        .map(|&format| {
            let r = report::export(
                ws,
                &ReportRequest {
                    format,
                    selection: Selection::default(),
                },
            )
            .expect("report");
            (format, r.claim_count, r.content)
        })
        .collect()
}

fn fields(ws: &Workspace, claim: &str) -> Vec<String> {
    ws.claims()
        .history(claim)
        .expect("history")
        .into_iter()
        .map(|h| h.field)
        .collect()
}

/// The fixture's "frozen" claim as a duplicate of the fare-rise claim, with a
/// tag and notes of its own.
fn with_duplicate() -> common::Fixture {
    let f = fixture();
    f.ws.claims()
        .tag(&f.frozen, &["council".into()], &[], None)
        .expect("tag");
    f.ws.claims()
        .edit(
            &f.frozen,
            ClaimEdit {
                notes: Some("Ask the council for the minutes".into()),
                ..Default::default()
            },
            None,
        )
        .expect("notes");
    f
}

#[test]
fn a_merge_moves_evidence_tags_and_notes_and_an_unmerge_puts_back_only_what_came() {
    let f = with_duplicate();
    let ws = &f.ws;
    let keeper_before = ws.claims().get(&f.fare_rise).expect("keeper");
    let dup_before = ws.claims().get(&f.frozen).expect("duplicate");
    let keeper_evidence = evidence(ws, &f.fare_rise);
    let dup_evidence = evidence(ws, &f.frozen);
    assert_eq!((keeper_evidence.len(), dup_evidence.len()), (2, 2));
    for (format, count, content) in reports(ws) {
        assert_eq!(count, 3, "{format:?}");
        assert!(content.contains(DUPLICATE_WORD), "{format:?} before");
    }

    let m = ws
        .claims()
        .merge(&f.frozen[..30], &f.fare_rise[..30], Some("same claim"))
        .expect("merge");
    assert_eq!(
        (m.duplicate_id.as_str(), m.keeper_id.as_str()),
        (f.frozen.as_str(), f.fare_rise.as_str())
    );
    assert_eq!(m.merged_by, "tester");
    assert_eq!(m.note.as_deref(), Some("same claim"));
    assert_eq!(m.tags_added, vec!["council".to_string()], "ferry it had");

    let mut union = keeper_evidence.clone();
    union.extend(dup_evidence.clone());
    union.sort();
    assert_eq!(
        evidence(ws, &f.fare_rise),
        union,
        "the keeper gained the passages"
    );
    assert_eq!(
        evidence(ws, &f.frozen),
        vec![],
        "the duplicate has none left"
    );
    let keeper = ws.claims().get(&f.fare_rise).expect("keeper");
    assert_eq!(keeper.tags, ["council", "fares", "ferry"]);
    assert_eq!(
        keeper.notes,
        "Internal: call the company press office\n\nAsk the council for the minutes"
    );
    let dup = ws.claims().get(&f.frozen).expect("duplicate");
    assert_eq!((dup.tags.len(), dup.notes.as_str()), (0, ""));

    assert_eq!(listed(ws), {
        let mut v = vec![f.fare_rise.clone(), f.doubling.clone()];
        v.sort();
        v
    });
    assert_eq!(merged(ws), vec![f.frozen.clone()], "the filter shows it");
    let detail = ws.claims().detail(&f.frozen).expect("detail");
    assert_eq!(
        detail.merged_into.map(|m| m.keeper_id),
        Some(f.fare_rise.clone())
    );
    let keeper_detail = ws.claims().detail(&f.fare_rise).expect("detail");
    assert_eq!(keeper_detail.merged_from.len(), 1);
    assert!(fields(ws, &f.frozen).contains(&"merged_into".to_string()));
    let keeper_history = ws.claims().history(&f.fare_rise).expect("history");
    let merge_row = keeper_history
        .iter()
        .find(|h| h.field == "merged_from")
        .expect("the keeper's history records the merge");
    assert_eq!(merge_row.new.as_deref(), Some(f.frozen.as_str()));
    assert_eq!(merge_row.note.as_deref(), Some("same claim"));
    for (format, count, content) in reports(ws) {
        assert_eq!(
            count, 2,
            "{format:?} lists the duplicate once, in its keeper"
        );
        assert!(!content.contains(DUPLICATE_WORD), "{format:?} after");
    }
    let data = report::gather(ws, &Selection::default()).expect("data");
    let keeper_report = data
        .claims
        .iter()
        .find(|c| c.id == f.fare_rise)
        .expect("keeper reported");
    assert_eq!(keeper_report.evidence.len(), 4);
    assert!(
        ws.check().expect("check").ok,
        "the merged workspace keeps its rules"
    );

    // The keeper is edited after the merge: a tag and more notes of its own.
    ws.claims()
        .tag(&f.fare_rise, &["harbour".into()], &[], None)
        .expect("tag keeper");
    ws.claims()
        .edit(
            &f.fare_rise,
            ClaimEdit {
                notes: Some(format!("{}\n\nCalled twice, no answer", keeper.notes)),
                ..Default::default()
            },
            None,
        )
        .expect("edit keeper");

    let undone = ws
        .claims()
        .unmerge(&f.frozen, Some("not the same"))
        .expect("unmerge");
    assert!(undone.unmerged_at.is_some());
    assert_eq!(evidence(ws, &f.fare_rise), keeper_evidence);
    assert_eq!(
        evidence(ws, &f.frozen),
        dup_evidence,
        "ids and stances back"
    );
    let keeper = ws.claims().get(&f.fare_rise).expect("keeper");
    assert_eq!(
        keeper.tags,
        ["fares", "ferry", "harbour"],
        "its own tag stays"
    );
    assert_eq!(
        keeper.notes,
        "Internal: call the company press office\n\nCalled twice, no answer"
    );
    let dup = ws.claims().get(&f.frozen).expect("duplicate");
    assert_eq!(dup.tags, dup_before.tags);
    assert_eq!(dup.notes, dup_before.notes);
    assert_eq!(keeper_before.statement, keeper.statement);
    assert_eq!(merged(ws), Vec::<String>::new());
    assert_eq!(listed(ws).len(), 3);
    assert!(
        ws.claims()
            .detail(&f.frozen)
            .expect("detail")
            .merged_into
            .is_none()
    );
    let dup_fields = fields(ws, &f.frozen);
    assert_eq!(
        dup_fields.iter().filter(|f| *f == "merged_into").count(),
        2,
        "merge and unmerge both recorded: {dup_fields:?}"
    );
    for (format, count, content) in reports(ws) {
        assert_eq!(count, 3, "{format:?}");
        assert!(content.contains(DUPLICATE_WORD), "{format:?} after undo");
    }
    assert!(ws.check().expect("check").ok);
}

#[test]
fn merge_then_unmerge_gives_back_the_same_reports() {
    let f = with_duplicate();
    let ws = &f.ws;
    let before = report::gather(ws, &Selection::default()).expect("before");
    ws.claims()
        .merge(&f.frozen, &f.doubling, None)
        .expect("merge");
    ws.claims().unmerge(&f.frozen, None).expect("unmerge");
    let mut after = report::gather(ws, &Selection::default()).expect("after");
    // Only the instants of last change moved on.
    for (a, b) in after.claims.iter_mut().zip(&before.claims) {
        a.updated_at = b.updated_at;
    }
    assert_eq!(after, before);
}

/// Runs `attempt`, expects it refused with `kind` and a message holding
/// `says`, and the workspace file unchanged.
fn refused(
    ws: &Workspace,
    kind: ErrorKind,
    says: &str,
    attempt: impl FnOnce() -> claimdesk_core::Result<claimdesk_core::model::ClaimMerge>,
) {
    let before = table_dump(ws);
    let err = attempt().expect_err("refused");
    assert_eq!(err.kind(), kind, "{err}");
    assert!(err.to_string().contains(says), "{err}");
    assert_eq!(table_dump(ws), before, "nothing changed after: {err}");
}

#[test]
fn merges_that_make_no_sense_are_refused_and_change_nothing() {
    let f = with_duplicate();
    let ws = &f.ws;
    let (a, b, c) = (&f.frozen, &f.fare_rise, &f.doubling);
    refused(ws, ErrorKind::Invalid, "into itself", || {
        ws.claims().merge(a, a, None)
    });
    refused(ws, ErrorKind::NotFound, "no claim", || {
        ws.claims().merge("ffffffff", b, None)
    });
    refused(ws, ErrorKind::NotFound, "no claim", || {
        ws.claims().merge(a, "ffffffff", None)
    });
    refused(ws, ErrorKind::Conflict, "not merged", || {
        ws.claims().unmerge(a, None)
    });

    ws.claims().delete(c, None).expect("delete");
    refused(ws, ErrorKind::Conflict, "is deleted", || {
        ws.claims().merge(a, c, None)
    });
    refused(ws, ErrorKind::Conflict, "is deleted", || {
        ws.claims().merge(c, a, None)
    });
    ws.claims().restore(c, None).expect("restore");

    ws.claims().merge(a, b, None).expect("a into b");
    refused(ws, ErrorKind::Conflict, "would make a loop", || {
        ws.claims().merge(b, a, None)
    });
    refused(ws, ErrorKind::Conflict, "already merged", || {
        ws.claims().merge(a, c, None)
    });
    refused(ws, ErrorKind::Conflict, "merge into", || {
        ws.claims().merge(c, a, None)
    });
    refused(ws, ErrorKind::Conflict, "unmerge them", || {
        ws.claims().merge(b, c, None)
    });
    ws.claims().unmerge(a, None).expect("unmerge");
    refused(ws, ErrorKind::Conflict, "not merged", || {
        ws.claims().unmerge(a, None)
    });
}

#[test]
fn merged_notes_over_the_limit_are_refused_whole() {
    let f = fixture();
    let ws = &f.ws;
    let long = "n".repeat(claimdesk_core::limits::MAX_NOTE_CHARS - 10);
    for id in [&f.frozen, &f.doubling] {
        ws.claims()
            .edit(
                id,
                ClaimEdit {
                    notes: Some(long.clone()),
                    ..Default::default()
                },
                None,
            )
            .expect("notes");
    }
    refused(ws, ErrorKind::Invalid, "notes", || {
        ws.claims().merge(&f.frozen, &f.doubling, None)
    });
}

fn bundle_of(ws: &Workspace) -> String {
    bundle::bundle_to_json(&bundle::export_bundle(ws, &Selection::default()).expect("export"))
        .expect("json")
}

#[test]
fn a_bundle_carries_the_merge_and_its_undo_to_another_desk() {
    let f = with_duplicate();
    let (_dir, other) = empty_workspace();
    bundle::import_bundle(&other, &bundle_of(&f.ws)).expect("first import");

    f.ws.claims()
        .merge(&f.frozen, &f.fare_rise, Some("same claim"))
        .expect("merge");
    let text = bundle_of(&f.ws);
    let b: bundle::Bundle = serde_json::from_str(&text).expect("bundle");
    assert_eq!(b.claim_merges.len(), 1);
    let imported = bundle::import_bundle(&other, &text).expect("import the merge");
    assert_eq!(imported.merges_changed, 1);
    assert_eq!(
        evidence(&other, &f.fare_rise),
        evidence(&f.ws, &f.fare_rise)
    );
    assert_eq!(listed(&other), listed(&f.ws));
    assert_eq!(merged(&other), vec![f.frozen.clone()]);
    assert_eq!(
        other.claims().get(&f.fare_rise).expect("keeper").tags,
        f.ws.claims().get(&f.fare_rise).expect("keeper").tags
    );
    let again = bundle::import_bundle(&other, &text).expect("import again");
    assert!(
        !again.changed(),
        "importing the same bundle twice changes nothing"
    );
    assert!(other.check().expect("check").ok);

    // The receiving desk can undo the merge too, since it holds what moved.
    f.ws.claims().unmerge(&f.frozen, None).expect("unmerge");
    let imported = bundle::import_bundle(&other, &bundle_of(&f.ws)).expect("import the undo");
    assert_eq!(imported.merges_changed, 1);
    assert_eq!(evidence(&other, &f.frozen), evidence(&f.ws, &f.frozen));
    assert_eq!(
        evidence(&other, &f.fare_rise),
        evidence(&f.ws, &f.fare_rise)
    );
    assert_eq!(merged(&other), Vec::<String>::new());
    assert_eq!(listed(&other), listed(&f.ws));

    // A fresh desk that only ever sees the merged bundle agrees as well.
    f.ws.claims()
        .merge(&f.frozen, &f.fare_rise, None)
        .expect("merge again");
    let (_dir2, fresh) = empty_workspace();
    bundle::import_bundle(&fresh, &bundle_of(&f.ws)).expect("fresh import");
    assert_eq!(merged(&fresh), vec![f.frozen.clone()]);
    assert_eq!(
        evidence(&fresh, &f.fare_rise),
        evidence(&f.ws, &f.fare_rise)
    );
    assert_eq!(
        bundle_of(&fresh),
        bundle_of(&f.ws),
        "the round trip is byte-identical"
    );
    fresh
        .claims()
        .unmerge(&f.frozen, None)
        .expect("unmerge on the fresh desk");
    assert_eq!(evidence(&fresh, &f.frozen).len(), 2);
}

#[test]
fn a_bundle_merging_a_claim_nobody_holds_is_refused_whole() {
    let f = with_duplicate();
    f.ws.claims()
        .merge(&f.frozen, &f.fare_rise, None)
        .expect("merge");
    let mut b: serde_json::Value = serde_json::from_str(&bundle_of(&f.ws)).expect("json");
    b["claim_merges"][0]["keeper_id"] = "019a0000-0000-7000-8000-000000000000".into();
    let (_dir, other) = empty_workspace();
    let before = table_dump(&other);
    let err = bundle::import_bundle(&other, &b.to_string()).expect_err("refused");
    assert!(err.to_string().contains("nothing was imported"), "{err}");
    assert_eq!(table_dump(&other), before);
}

#[test]
fn a_merge_is_undone_even_after_the_kept_claim_was_deleted() {
    let f = with_duplicate();
    let ws = &f.ws;
    let before = evidence(ws, &f.frozen);
    ws.claims()
        .merge(&f.frozen, &f.fare_rise, None)
        .expect("merge");
    ws.claims()
        .delete(&f.fare_rise, None)
        .expect("delete the keeper");
    ws.claims()
        .unmerge(&f.frozen, None)
        .expect("unmerge from a deleted keeper");
    assert_eq!(evidence(ws, &f.frozen), before);
    assert!(ws.check().expect("check").ok);
}

#[test]
fn a_merged_duplicate_that_was_deleted_is_listed_among_the_deleted() {
    let f = with_duplicate();
    let ws = &f.ws;
    ws.claims()
        .merge(&f.frozen, &f.fare_rise, None)
        .expect("merge");
    ws.claims()
        .delete(&f.frozen, None)
        .expect("delete the duplicate");
    let deleted: Vec<String> = ws
        .claims()
        .list_deleted(&ClaimFilter::default())
        .expect("deleted")
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(
        deleted,
        vec![f.frozen.clone()],
        "it can be found to restore"
    );
}
