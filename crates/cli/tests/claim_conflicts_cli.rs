//! `claimdesk claim list --conflicts` and `claim resolve-conflict`: claims a
//! shared desk's sync found changed on two desks, and clearing the flag.

mod common;

use claimdesk_core::Workspace;
use claimdesk_core::sync::{self, Received};
use common::Desk;

const SERVER: &str = "postgres://127.0.0.1:5432/newsroom#ferry";

/// One sync of `desk` through `log`, the server's changes in order.
fn sync_through(desk: &Desk, log: &mut Vec<Received>) {
    let ws = Workspace::open(desk.db()).expect("open");
    let out = sync::outgoing(&ws, SERVER, 1000).expect("outgoing");
    for change in out.changes {
        let seq = log.len() as i64 + 1;
        log.push(Received { seq, change });
    }
    sync::mark_sent(&ws, SERVER, out.up_to).expect("mark sent");
    let cursor = sync::cursor(&ws, SERVER).expect("cursor");
    let incoming: Vec<Received> = log.iter().filter(|r| r.seq > cursor).cloned().collect();
    sync::apply_incoming(&ws, SERVER, &incoming).expect("apply");
}

/// Two desks that both rated one claim since they last synced.
fn both_rated() -> (Desk, Desk, String) {
    let (anna, ben) = (Desk::new(), Desk::new());
    let mut log = Vec::new();
    let id = anna.ok(&["claim", "add", "The night ferry was cancelled"]);
    anna.ok(&["claim", "add", "The harbour opens at six"]);
    sync_through(&anna, &mut log);
    sync_through(&ben, &mut log);
    anna.ok(&["claim", "status", &id, "disputed"]);
    ben.ok(&["claim", "status", &id, "false"]);
    for desk in [&anna, &ben, &anna] {
        sync_through(desk, &mut log);
    }
    (anna, ben, id)
}

#[test]
fn the_conflicts_list_holds_only_claims_changed_on_two_desks() {
    let (anna, ben, id) = both_rated();
    for desk in [&anna, &ben] {
        let listed = desk.json(&["claim", "list", "--conflicts"]);
        let listed = listed.as_array().expect("a list");
        assert_eq!(listed.len(), 1, "only the claim both rated");
        assert_eq!(listed[0]["id"], id.as_str());
        assert_eq!(listed[0]["conflict"], true);
        assert_eq!(listed[0]["verdict"], "false", "the later change wins");
        let all = desk.json(&["claim", "list"]);
        let other = all
            .as_array()
            .expect("list")
            .iter()
            .find(|c| c["id"] != id.as_str())
            .cloned()
            .expect("the other claim");
        assert_eq!(other["conflict"], false);
        assert!(
            desk.ok(&["claim", "list", "--conflicts"])
                .contains("The night ferry"),
            "the text list shows it too"
        );
    }
    assert!(
        anna.ok(&["claim", "show", &id])
            .contains("changed on two desks")
    );
}

#[test]
fn resolve_conflict_clears_the_flag_with_a_history_row() {
    let (anna, _ben, id) = both_rated();
    let short = &id[..20];
    let resolved = anna.json(&[
        "claim",
        "resolve-conflict",
        short,
        "--note",
        "ben's reading holds",
    ]);
    assert_eq!(resolved["conflict"], false);
    let (field, _, _) = anna.last_change(&id);
    assert_eq!(field, "conflict resolved");
    let history = anna.json(&["claim", "history", &id]);
    let last = history
        .as_array()
        .and_then(|h| h.last())
        .cloned()
        .expect("row");
    assert_eq!(last["note"], "ben's reading holds");
    let (_, stderr) = anna.run(&["claim", "list", "--conflicts"]);
    assert!(
        stderr.contains("no claims changed on two desks"),
        "{stderr}"
    );
    // Again: nothing to clear, and nothing written.
    let before = anna.snapshot();
    anna.fails(
        &["claim", "resolve-conflict", &id],
        "is not flagged changed on two desks",
    );
    anna.fails(&["claim", "resolve-conflict", "ffffffff"], "no claim");
    assert_eq!(anna.snapshot(), before, "a refused resolve changes nothing");
}
