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
    let again = sync::apply_incoming(&anna, SERVER, &own).expect("apply own");
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
