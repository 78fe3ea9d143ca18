//! The change feed of a shared desk: workspaces exchanging changes through
//! a server stood in for by a list in memory, with sequence numbers.

mod common;

use claimdesk_core::Workspace;
use claimdesk_core::model::{ClaimEdit, ClaimFilter, NewClaim, NewEvidence, NewSource, Stance};
use claimdesk_core::sync::{self, Change, Received};
use common::table_dump;

const SERVER: &str = "postgres://127.0.0.1:5432/newsroom#ferry";

/// The server: every change it accepted, in order, each id once.
#[derive(Default)]
struct Server {
    log: Vec<Received>,
}

impl Server {
    /// Pushes everything `ws` has not sent yet, in batches of `limit`.
    fn push(&mut self, ws: &Workspace, limit: usize) -> usize {
        let mut sent = 0;
        let mut last = -1;
        loop {
            let out = sync::outgoing(ws, SERVER, limit).expect("outgoing");
            if out.up_to == last {
                return sent;
            }
            last = out.up_to;
            for change in out.changes {
                self.accept(change);
                sent += 1;
            }
            sync::mark_sent(ws, SERVER, out.up_to).expect("mark sent");
        }
    }

    fn accept(&mut self, change: Change) {
        if self.log.iter().all(|r| r.change.id != change.id) {
            let seq = self.log.len() as i64 + 1;
            self.log.push(Received { seq, change });
        }
    }

    fn since(&self, ws: &Workspace) -> Vec<Received> {
        let cursor = sync::cursor(ws, SERVER).expect("cursor");
        self.log
            .iter()
            .filter(|r| r.seq > cursor)
            .cloned()
            .collect()
    }

    /// Push then pull, as one sync does.
    fn sync(&mut self, ws: &Workspace) -> sync::Applied {
        self.push(ws, 100);
        let incoming = self.since(ws);
        sync::apply_incoming(ws, SERVER, &incoming).expect("apply")
    }
}

fn desk(dir: &tempfile::TempDir, name: &str) -> Workspace {
    let mut ws = Workspace::create(dir.path().join(format!("{name}.sqlite"))).expect("create");
    ws.set_actor(name);
    ws
}

fn claim(ws: &Workspace, statement: &str) -> String {
    ws.claims()
        .add(NewClaim {
            statement: statement.into(),
            tags: vec!["ferry".into()],
            ..Default::default()
        })
        .expect("claim")
        .id
}

#[test]
fn a_claim_made_on_one_desk_reaches_the_other_with_its_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben) = (desk(&dir, "anna"), desk(&dir, "ben"));
    let mut server = Server::default();
    let fresh = sync::pending(&anna, SERVER).expect("pending");
    assert_eq!(fresh, 1, "a new desk offers its rating scale");
    let id = claim(&anna, "The ferry fare rose by 12% in spring");
    anna.claims()
        .set_verdict(
            &id,
            "disputed",
            Some("The council says fares are frozen"),
            None,
        )
        .expect("verdict");
    assert_eq!(
        sync::pending(&anna, SERVER).expect("pending"),
        2,
        "the claim waits, as one change"
    );
    server.sync(&anna);
    assert_eq!(sync::pending(&anna, SERVER).expect("pending"), 0);
    let applied = server.sync(&ben);
    assert_eq!(applied.changes, 2, "the scale and the claim");
    let theirs = ben.claims().get(&id).expect("ben has the claim");
    assert_eq!(theirs.verdict, "disputed");
    assert_eq!(theirs.tags, vec!["ferry".to_string()]);
    assert_eq!(
        ben.claims().history(&id).expect("history"),
        anna.claims().history(&id).expect("history"),
        "the whole history travels, who and when included"
    );
    assert_eq!(
        sync::pending(&ben, SERVER).expect("pending"),
        0,
        "a change applied from the server is not sent back"
    );
    assert_eq!(
        sync::cursor(&ben, SERVER).expect("cursor"),
        3,
        "anna's two and ben's scale"
    );
    // Ben rates it; Anna's next sync takes the newer copy.
    ben.claims()
        .set_verdict(&id, "false", None, Some("checked the timetable"))
        .expect("verdict");
    server.sync(&ben);
    let applied = server.sync(&anna);
    assert_eq!(
        applied,
        sync::Applied {
            changes: 2,
            conflicts: 0
        },
        "ben's scale and the claim"
    );
    assert_eq!(anna.claims().get(&id).expect("claim").verdict, "false");
    assert_eq!(
        anna.claims().history(&id).expect("h").len(),
        ben.claims().history(&id).expect("h").len()
    );
}

#[test]
fn own_changes_coming_back_are_skipped_and_a_repeat_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben) = (desk(&dir, "anna"), desk(&dir, "ben"));
    let mut server = Server::default();
    claim(&anna, "The harbour closes at ten");
    server.sync(&anna);
    let own = server.log.clone();
    // Another server key has its own cursor, so only the ids tell them apart.
    let again = sync::apply_incoming(&anna, "postgres://mirror:5432/newsroom#ferry", &own)
        .expect("apply own");
    assert_eq!(again.changes, 0, "own changes are skipped");
    server.sync(&ben);
    let before = table_dump(&ben);
    let repeat = sync::apply_incoming(&ben, SERVER, &server.log).expect("apply again");
    assert_eq!(repeat.changes, 0);
    // A cursor reset by hand still changes nothing the second time.
    assert_eq!(
        table_dump(&ben),
        before,
        "applying the same changes twice changes nothing"
    );
}

fn source(ws: &Workspace, url: &str, text: &str) -> String {
    ws.sources()
        .add(NewSource {
            title: "Ferry fares to rise".into(),
            outlet: Some("Gull Island Gazette".into()),
            url: Some(url.into()),
            text: text.into(),
            html: Some(format!("<article><p>{text}</p></article>")),
            ..Default::default()
        })
        .expect("source")
        .source
        .id
}

const FIRST: &str = "The island ferry company said fares will rise 12% from 1 April.";
const SECOND: &str =
    "The island ferry company said fares will rise 12% from 1 April.\nResidents keep the old fare.";

#[test]
fn sources_with_every_version_and_evidence_travel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben) = (desk(&dir, "anna"), desk(&dir, "ben"));
    let mut server = Server::default();
    let url = "https://gazette.example/news/ferry";
    let src = source(&anna, url, FIRST);
    source(&anna, url, SECOND);
    let id = claim(&anna, "Fares rise 12% from April");
    let passage = anna
        .evidence()
        .add(NewEvidence {
            claim: id.clone(),
            source: src.clone(),
            version: Some(1),
            quote: "fares will rise 12%".into(),
            occurrence: None,
            stance: Stance::Supports,
            note: Some("the company's own words".into()),
        })
        .expect("evidence");
    // Small batches: a thing's rows never straddle two pushes.
    server.push(&anna, 1);
    server.sync(&ben);
    let versions = ben.sources().versions(&src).expect("versions");
    assert_eq!(versions.len(), 2, "every version travels");
    assert_eq!(versions[1].text, SECOND);
    assert_eq!(
        versions[0].html.as_deref(),
        Some(format!("<article><p>{FIRST}</p></article>").as_str())
    );
    assert_eq!(
        versions,
        anna.sources().versions(&src).expect("versions"),
        "text, hash and snapshot"
    );
    let theirs = ben.evidence().list(Some(&id)).expect("evidence");
    assert_eq!(theirs.len(), 1);
    assert_eq!(
        theirs[0].evidence, passage.evidence,
        "selectors and offsets travel"
    );
    // Ben unlinks the passage and renames the source; Anna gets both.
    ben.evidence()
        .remove(&passage.evidence.id, Some("a later version says otherwise"))
        .expect("remove");
    ben.sources()
        .update_meta(
            &src,
            NewSource {
                title: "Ferry fares rise, residents spared".into(),
                outlet: Some("Gull Island Gazette".into()),
                url: Some(url.into()),
                ..Default::default()
            },
        )
        .expect("rename");
    server.sync(&ben);
    server.sync(&anna);
    assert!(
        anna.evidence()
            .list(Some(&id))
            .expect("evidence")
            .is_empty(),
        "the removal travels"
    );
    assert_eq!(
        anna.sources().get(&src).expect("source").title,
        "Ferry fares rise, residents spared"
    );
}

#[test]
fn both_desks_change_one_verdict_and_both_see_the_conflict_and_both_history_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben) = (desk(&dir, "anna"), desk(&dir, "ben"));
    let mut server = Server::default();
    let id = claim(&anna, "The night ferry was cancelled");
    server.sync(&anna);
    server.sync(&ben);
    anna.claims()
        .set_verdict(&id, "disputed", None, Some("anna's reading"))
        .expect("anna");
    std::thread::sleep(std::time::Duration::from_millis(5));
    ben.claims()
        .set_verdict(&id, "false", None, Some("ben's reading"))
        .expect("ben");
    // One round: Anna pushes, Ben pushes and pulls hers, Anna pulls Ben's.
    assert_eq!(server.sync(&anna).conflicts, 0, "nothing new from Ben yet");
    assert_eq!(server.sync(&ben).conflicts, 1);
    assert_eq!(server.sync(&anna).conflicts, 1);
    for ws in [&anna, &ben] {
        let c = ws.claims().get(&id).expect("claim");
        assert_eq!(
            c.verdict,
            "false",
            "the later change wins on {}",
            ws.actor()
        );
        assert!(c.conflict, "flagged changed on two desks on {}", ws.actor());
        let verdict_rows: Vec<_> = ws
            .claims()
            .history(&id)
            .expect("history")
            .into_iter()
            .filter(|h| h.field == "verdict")
            .map(|h| (h.actor, h.new))
            .collect();
        assert_eq!(
            verdict_rows.len(),
            2,
            "both rows, once each, on {}",
            ws.actor()
        );
        assert!(verdict_rows.contains(&("anna".into(), Some("disputed".into()))));
        assert!(verdict_rows.contains(&("ben".into(), Some("false".into()))));
        let flagged = ws
            .claims()
            .list(&ClaimFilter {
                conflicts: true,
                ..Default::default()
            })
            .expect("list");
        assert_eq!(flagged.len(), 1);
    }
    // Anna looks and clears it; the resolution travels and clears Ben's too.
    let resolved = anna
        .claims()
        .resolve_conflict(&id, Some("ben is right"))
        .expect("resolve");
    assert!(!resolved.conflict);
    assert!(
        anna.claims().resolve_conflict(&id, None).is_err(),
        "a claim not flagged is refused"
    );
    server.sync(&anna);
    server.sync(&ben);
    assert!(!ben.claims().get(&id).expect("claim").conflict);
    assert!(
        ben.claims()
            .history(&id)
            .expect("h")
            .iter()
            .any(|h| h.field == "conflict resolved"),
        "the history row travels"
    );
}

#[test]
fn different_fields_changed_on_two_desks_keep_both_changes_without_a_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben) = (desk(&dir, "anna"), desk(&dir, "ben"));
    let mut server = Server::default();
    let id = claim(&anna, "The harbour master resigned");
    server.sync(&anna);
    server.sync(&ben);
    anna.claims()
        .edit(
            &id,
            ClaimEdit {
                claimant: Some(Some("Council spokesperson".into())),
                ..Default::default()
            },
            None,
        )
        .expect("anna edits the claimant");
    ben.claims()
        .set_verdict(&id, "verified", Some("confirmed by the port"), None)
        .expect("ben rates it");
    ben.claims()
        .tag(&id, &["port".into()], &[], None)
        .expect("ben tags it");
    server.sync(&anna);
    assert_eq!(server.sync(&ben).conflicts, 0);
    assert_eq!(server.sync(&anna).conflicts, 0);
    let (a, b) = (
        anna.claims().get(&id).expect("a"),
        ben.claims().get(&id).expect("b"),
    );
    for c in [&a, &b] {
        assert_eq!(c.claimant.as_deref(), Some("Council spokesperson"));
        assert_eq!(c.verdict, "verified");
        assert_eq!(c.rationale, "confirmed by the port");
        assert_eq!(c.tags, vec!["ferry".to_string(), "port".into()]);
        assert!(!c.conflict);
    }
    assert_eq!(a, b, "both desks end with the same claim");
}

#[test]
fn deletion_and_restore_travel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben) = (desk(&dir, "anna"), desk(&dir, "ben"));
    let mut server = Server::default();
    let id = claim(&anna, "The ferry runs on Sundays");
    server.sync(&anna);
    server.sync(&ben);
    ben.claims().delete(&id, Some("duplicate")).expect("delete");
    server.sync(&ben);
    server.sync(&anna);
    assert!(
        anna.claims().get(&id).is_err(),
        "deleted on Anna's desk too"
    );
    assert_eq!(
        anna.claims()
            .list_deleted(&ClaimFilter::default())
            .expect("deleted")
            .len(),
        1
    );
    anna.claims()
        .restore(&id, Some("not a duplicate after all"))
        .expect("restore");
    server.sync(&anna);
    server.sync(&ben);
    assert_eq!(
        ben.claims()
            .get(&id)
            .expect("restored on Ben's desk")
            .statement,
        "The ferry runs on Sundays"
    );
}

#[test]
fn a_batch_with_a_malformed_change_last_changes_nothing_and_keeps_the_cursor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben) = (desk(&dir, "anna"), desk(&dir, "ben"));
    let mut server = Server::default();
    claim(&anna, "Fares are frozen until next year");
    claim(&anna, "The council met on 3 March");
    server.push(&anna, 100);
    let mut batch = server.log.clone();
    let mut bad = batch[1].change.clone();
    bad.id = "01a20000-0000-7000-8000-000000000001".into();
    bad.payload = serde_json::json!({"id": bad.entity_id, "statement": 42});
    batch.push(Received {
        seq: batch.len() as i64 + 1,
        change: bad,
    });
    let before = table_dump(&ben);
    let err = sync::apply_incoming(&ben, SERVER, &batch).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("is not a claim"),
        "says what is wrong: {message}"
    );
    assert!(message.contains("nothing was applied"), "{message}");
    assert_eq!(table_dump(&ben), before, "nothing half-written");
    assert_eq!(
        sync::cursor(&ben, SERVER).expect("cursor"),
        0,
        "the cursor stays"
    );
}

#[test]
fn three_desks_end_with_the_same_claims_and_a_bundle_round_trip_is_still_identical() {
    use claimdesk_core::exchange::bundle;
    use claimdesk_core::report::Selection;
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben, cleo) = (desk(&dir, "anna"), desk(&dir, "ben"), desk(&dir, "cleo"));
    let mut server = Server::default();
    let src = source(&anna, "https://gazette.example/a", FIRST);
    let id = claim(&anna, "Fares rise 12%");
    anna.evidence()
        .add(NewEvidence {
            claim: id.clone(),
            source: src,
            version: None,
            quote: "12%".into(),
            occurrence: None,
            stance: Stance::Supports,
            note: None,
        })
        .expect("evidence");
    server.sync(&anna);
    server.sync(&ben);
    ben.claims()
        .tag(&id, &["checked".into()], &[], None)
        .expect("tag");
    claim(&cleo, "Cleo's own claim");
    for ws in [&ben, &cleo, &anna, &ben] {
        server.sync(ws);
    }
    let text = |ws: &Workspace| {
        bundle::bundle_to_json(&bundle::export_bundle(ws, &Selection::default()).expect("export"))
            .expect("json")
    };
    assert_eq!(text(&anna), text(&ben), "anna and ben hold the same desk");
    assert_eq!(text(&anna), text(&cleo), "cleo too");
    // A bundle export → import → export still gives the same bytes.
    let (_d, fresh) = common::empty_workspace();
    bundle::import_bundle(&fresh, &text(&anna)).expect("import");
    assert_eq!(
        text(&fresh),
        text(&anna),
        "byte-identical bundle after a round trip"
    );
}

#[test]
fn pending_counts_things_waiting_and_a_repeated_push_sends_the_same_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let anna = desk(&dir, "anna");
    let base = sync::pending(&anna, SERVER).expect("pending");
    let id = claim(&anna, "One");
    claim(&anna, "Two");
    anna.claims()
        .set_verdict(&id, "false", None, None)
        .expect("verdict");
    assert_eq!(
        sync::pending(&anna, SERVER).expect("pending"),
        base + 2,
        "two claims, however many edits"
    );
    let first = sync::outgoing(&anna, SERVER, 100).expect("outgoing");
    let retry = sync::outgoing(&anna, SERVER, 100).expect("outgoing");
    assert_eq!(
        first, retry,
        "a retried push sends the same changes, ids included"
    );
    assert_eq!(
        sync::pending(&anna, "postgres://other:5432/db#desk").expect("pending"),
        base + 2,
        "each server has its own cursor"
    );
    sync::mark_sent(&anna, SERVER, first.up_to).expect("mark");
    assert_eq!(sync::pending(&anna, SERVER).expect("pending"), 0);
    assert!(
        sync::mark_sent(&anna, SERVER, first.up_to + 100).is_err(),
        "a position past the feed is refused"
    );
    assert!(
        sync::pending(&anna, " ").is_err(),
        "a blank server is refused"
    );
}

#[test]
fn a_passage_on_a_text_both_desks_captured_links_to_this_desks_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (anna, ben) = (desk(&dir, "anna"), desk(&dir, "ben"));
    let mut server = Server::default();
    let url = "https://gazette.example/news/ferry";
    let src = source(&anna, url, FIRST);
    let id = claim(&anna, "Residents keep the old fare");
    server.sync(&anna);
    server.sync(&ben);
    // The page changed; both desks capture its new text, each under its own version id.
    source(&anna, url, SECOND);
    source(&ben, url, SECOND);
    let bens_version = ben.sources().version(&src, Some(2)).expect("ben's v2").id;
    let passage = anna
        .evidence()
        .add(NewEvidence {
            claim: id.clone(),
            source: src.clone(),
            version: Some(2),
            quote: "Residents keep the old fare.".into(),
            occurrence: None,
            stance: Stance::Supports,
            note: None,
        })
        .expect("evidence");
    server.sync(&anna);
    server.sync(&ben);
    assert_eq!(
        ben.sources().versions(&src).expect("versions").len(),
        2,
        "the same text is one version"
    );
    let theirs = ben.evidence().list(Some(&id)).expect("evidence");
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].evidence.id, passage.evidence.id);
    assert_eq!(
        theirs[0].evidence.version_id, bens_version,
        "linked to Ben's own copy of the text"
    );
}

#[test]
fn a_server_key_with_a_user_or_password_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let anna = desk(&dir, "anna");
    let before = table_dump(&anna);
    let key = "postgres://anna:secret@127.0.0.1:5432/newsroom#ferry";
    let err = sync::mark_sent(&anna, key, 0).expect_err("refused");
    assert!(
        err.to_string().contains("never a user or password"),
        "{err}"
    );
    assert!(sync::apply_incoming(&anna, key, &[]).is_err());
    assert!(sync::outgoing(&anna, key, 10).is_err());
    assert_eq!(table_dump(&anna), before, "the key was not stored");
}
