//! A claim changed on two desks, as the window sees it: listed by the
//! *Changed on two desks* filter, flagged in its JSON, and cleared by Mark
//! resolved (a second Mark resolved is refused).

mod support;

use claimdesk_core::Workspace;
use claimdesk_core::model::NewClaim;
use claimdesk_core::sync::{self, Received};
use serde_json::json;
use support::Harness;

const SERVER: &str = "postgres://127.0.0.1:5432/newsroom#ferry";

/// Push then pull through a list standing in for the server.
fn sync_through(log: &mut Vec<Received>, ws: &Workspace) {
    let out = sync::outgoing(ws, SERVER, 1000).expect("outgoing");
    for change in out.changes {
        let seq = log.len() as i64 + 1;
        log.push(Received { seq, change });
    }
    sync::mark_sent(ws, SERVER, out.up_to).expect("mark sent");
    let cursor = sync::cursor(ws, SERVER).expect("cursor");
    let incoming: Vec<_> = log.iter().filter(|r| r.seq > cursor).cloned().collect();
    sync::apply_incoming(ws, SERVER, &incoming).expect("apply");
}

#[test]
fn a_claim_changed_on_two_desks_is_filtered_flagged_and_marked_resolved() {
    let h = Harness::with_workspace();
    // A second connection to the window's own file stands in for the background sync.
    let mut ours = Workspace::open(h.dir.path().join("desk.sqlite")).expect("ours");
    ours.set_actor("anna");
    let mut theirs = Workspace::create(h.dir.path().join("ben.sqlite")).expect("theirs");
    theirs.set_actor("ben");
    let mut log = Vec::new();
    let id = ours
        .claims()
        .add(NewClaim {
            statement: "The night ferry was cancelled".into(),
            ..NewClaim::default()
        })
        .expect("claim")
        .id;
    sync_through(&mut log, &ours);
    sync_through(&mut log, &theirs);
    ours.claims()
        .set_verdict(&id, "disputed", None, None)
        .expect("anna's verdict");
    std::thread::sleep(std::time::Duration::from_millis(5));
    theirs
        .claims()
        .set_verdict(&id, "false", None, None)
        .expect("ben's verdict");
    sync_through(&mut log, &ours);
    sync_through(&mut log, &theirs);
    sync_through(&mut log, &ours);

    let filter = |conflicts: bool| json!({ "filter": { "text": null, "verdict": null, "tag": null, "sort": "updated", "conflicts": conflicts } });
    let flagged = h.call("claim_list", filter(true)).expect("list");
    assert_eq!(flagged.as_array().map(Vec::len), Some(1), "{flagged}");
    assert_eq!(flagged[0]["id"], id.as_str());
    assert_eq!(flagged[0]["conflict"], true);

    let resolved = h
        .call("claim_resolve_conflict", json!({ "id": id, "note": null }))
        .expect("marked resolved");
    assert_eq!(resolved["conflict"], false);
    assert_eq!(h.call("claim_list", filter(true)).expect("list"), json!([]));
    assert_eq!(
        h.call("claim_list", filter(false)).expect("list")[0]["conflict"],
        false
    );
    let history = h
        .call("claim_history", json!({ "id": id }))
        .expect("history");
    assert!(
        history
            .as_array()
            .is_some_and(|rows| rows.iter().any(|r| r["field"] == "conflict resolved")),
        "{history}"
    );
    let again = h
        .call("claim_resolve_conflict", json!({ "id": id, "note": null }))
        .expect_err("nothing left to resolve");
    assert_eq!(again["kind"], "conflict");
}
