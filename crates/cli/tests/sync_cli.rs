//! `claimdesk server …` and `claimdesk sync` against a throwaway PostgreSQL:
//! two desks exchange their work, a sync killed midway resumes, a stopped
//! server leaves local work going, and refusals say what to fix.

mod common;

use std::time::{Duration, Instant};

use assert_cmd::Command;
use claimdesk_sync::Server;
use claimdesk_sync::throwaway::ThrowawayServer;
use common::Desk;
use serde_json::Value;

/// A workspace whose commands log in to `pg` with a password file.
struct Checker {
    desk: Desk,
    pgpass: String,
}

impl Checker {
    fn new(role: &str, password: &str, pg: &ThrowawayServer) -> Checker {
        let desk = Desk::new();
        desk.ok(&["settings", "set", "user", role]);
        let pgpass = desk.file(
            "pgpass",
            &format!(
                "# written by the test\n127.0.0.1:{}:*:{role}:{password}\n",
                pg.port()
            ),
        );
        Checker { desk, pgpass }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = self.desk.cmd(args);
        c.env_remove("PGPASSWORD").env("PGPASSFILE", &self.pgpass);
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?} failed: {stderr}");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).expect("one JSON document")
    }

    fn fails(&self, args: &[&str], message: &str) -> String {
        let out = self.cmd(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{args:?} should fail: {stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(message),
            "{stderr}"
        );
        stderr
    }
}

/// A prepared server with the desk `desk` granted to each of `roles` (password = role + "-pw").
fn server_with(desk: &str, roles: &[&str]) -> (ThrowawayServer, Vec<String>) {
    let pg = ThrowawayServer::new().expect("throwaway server");
    let admin = |args: &[&str]| {
        let mut c = Command::cargo_bin("claimdesk").expect("binary");
        c.env("PGPASSWORD", pg.password()).args(args);
        let out = c.output().expect("run");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    admin(&["server", "init", &pg.url()]);
    admin(&["server", "desk", "add", &pg.url(), desk]);
    let urls = roles
        .iter()
        .map(|role| {
            let url = pg.url_for(role, &format!("{role}-pw")).expect("role");
            admin(&["server", "grant", &pg.url(), "--desk", desk, "--role", role]);
            url
        })
        .collect();
    (pg, urls)
}

fn server_rows(pg: &ThrowawayServer, desk: &str) -> (i64, i64) {
    let mut admin = Server::connect(&pg.url(), &pg.login()).expect("admin");
    let row = admin
        .client()
        .query_one(
            "SELECT count(*), count(DISTINCT change_id) FROM claimdesk.changes WHERE desk = $1",
            &[&desk],
        )
        .expect("count");
    (row.get(0), row.get(1))
}

#[test]
fn server_commands_prepare_a_server_and_refuse_what_they_cannot_do() {
    let pg = ThrowawayServer::new().expect("throwaway server");
    let admin = |args: &[&str]| {
        let mut c = Command::cargo_bin("claimdesk").expect("binary");
        c.env("PGPASSWORD", pg.password()).args(args);
        c
    };
    let json = |args: &[&str]| -> Value {
        let out = admin(args).arg("--json").output().expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let first = json(&["server", "init", &pg.url()]);
    assert_eq!(first["desks"], serde_json::json!(["main"]));
    let again = json(&["server", "init", &pg.url()]);
    assert_eq!(again, first, "init twice is fine and changes nothing");
    assert_eq!(
        json(&["server", "desk", "add", &pg.url(), "politics"])["added"],
        true
    );
    assert_eq!(
        json(&["server", "desk", "add", &pg.url(), "politics"])["added"],
        false
    );
    assert_eq!(
        json(&["server", "desk", "list", &pg.url()]),
        serde_json::json!(["main", "politics"])
    );
    pg.url_for("ana", "ana-pw").expect("role");
    let granted = json(&[
        "server",
        "grant",
        &pg.url(),
        "--desk",
        "politics",
        "--role",
        "ana",
    ]);
    assert_eq!(granted["role"], "ana");

    let refused = |args: &[&str], message: &str| {
        let out = admin(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(message),
            "{stderr}"
        );
    };
    refused(
        &[
            "server",
            "grant",
            &pg.url(),
            "--desk",
            "nowhere",
            "--role",
            "ana",
        ],
        "there is no desk \"nowhere\"",
    );
    refused(
        &[
            "server",
            "grant",
            &pg.url(),
            "--desk",
            "politics",
            "--role",
            "nobody",
        ],
        "there is no role \"nobody\"",
    );
    let with_password = pg.url().replace("postgres@", "postgres:hunter2@");
    refused(
        &["server", "init", &with_password],
        "put it in PGPASSWORD or a .pgpass file",
    );
    refused(
        &["server", "desk", "add", &pg.url(), "two words"],
        "is not a desk name",
    );
    let out = Command::cargo_bin("claimdesk")
        .expect("binary")
        .env("PGPASSWORD", "wrong")
        .args(["server", "init", &pg.url()])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("check its password"));
}

#[test]
fn two_desks_exchange_claims_sources_and_evidence_deletions_and_restores() {
    let (_pg, urls) = server_with("ferry", &["ana", "ben", "eve"]);
    let pg_url_ana = &urls[0];
    let ana = Checker::new("ana", "ana-pw", &_pg);
    let ben = Checker::new("ben", "ben-pw", &_pg);

    let claim = ana.ok(&["claim", "add", "The ferry fare rose by 12% in spring"]);
    let gone = ana.ok(&["claim", "add", "The harbour closed for a week"]);
    let text = ana.desk.file(
        "notice.txt",
        "Harbour notice. The ferry fare rose by 12% in spring, the council said on Monday.",
    );
    let source = ana.ok(&["source", "add", &text]);
    ana.ok(&[
        "evidence",
        "add",
        "--claim",
        &claim,
        "--source",
        &source,
        "--quote",
        "The ferry fare rose by 12% in spring",
        "--stance",
        "supports",
    ]);
    ana.ok(&["claim", "status", &claim, "disputed"]);

    let report = ana.json(&["sync", "--server", pg_url_ana, "--desk", "ferry"]);
    assert!(report["sent"].as_u64().unwrap_or(0) >= 4, "{report}");
    assert_eq!(report["pending"], 0, "{report}");
    for field in ["sent", "received", "conflicts", "pending"] {
        assert!(report[field].is_u64(), "{field} in {report}");
    }
    let text = ben.ok(&["sync", "--server", &urls[1], "--desk", "ferry"]);
    assert!(text.starts_with("sent "), "{text}");
    assert!(text.contains("received"), "{text}");

    let theirs = ben.json(&["claim", "show", &claim]);
    assert_eq!(theirs["claim"]["verdict"], "disputed", "{theirs}");
    assert_eq!(
        ben.json(&["source", "list"]).as_array().map(Vec::len),
        Some(1)
    );
    let evidence = ben.json(&["evidence", "list"]);
    assert_eq!(evidence.as_array().map(Vec::len), Some(1), "{evidence}");
    assert_eq!(
        ben.json(&["claim", "history", &claim]),
        ana.json(&["claim", "history", &claim]),
        "the whole history travels"
    );

    // A deletion travels, and so does the restore.
    ana.ok(&["claim", "delete", &gone]);
    ana.ok(&["sync", "--server", pg_url_ana, "--desk", "ferry"]);
    ben.ok(&["sync", "--server", &urls[1], "--desk", "ferry"]);
    let deleted = ben.json(&["claim", "list", "--deleted"]);
    assert_eq!(deleted.as_array().map(Vec::len), Some(1), "{deleted}");
    ben.ok(&["claim", "restore", &gone]);
    ben.ok(&["sync", "--server", &urls[1], "--desk", "ferry"]);
    ana.ok(&["sync", "--server", pg_url_ana, "--desk", "ferry"]);
    let live = ana.json(&["claim", "list"]);
    assert_eq!(
        live.as_array().map(Vec::len),
        Some(2),
        "restored on ana's desk: {live}"
    );

    // Refusals: an unknown desk, a desk not granted, a password in the address.
    ana.fails(
        &["sync", "--server", pg_url_ana, "--desk", "nowhere"],
        "there is no desk \"nowhere\"",
    );
    let eve = Checker::new("eve", "eve-pw", &_pg);
    let admin_url = _pg.url();
    let out = Command::cargo_bin("claimdesk")
        .expect("binary")
        .env("PGPASSWORD", _pg.password())
        .args(["server", "desk", "add", &admin_url, "sports"])
        .output()
        .expect("run");
    assert!(out.status.success());
    eve.fails(
        &["sync", "--server", &urls[2], "--desk", "sports"],
        "not granted",
    );
    let with_password = pg_url_ana.replace("ana@", "ana:ana-pw@");
    ana.fails(
        &["sync", "--server", &with_password, "--desk", "ferry"],
        "PGPASSWORD",
    );
}

#[test]
fn a_sync_killed_midway_resumes_with_nothing_lost_and_nothing_twice() {
    let (pg, urls) = server_with("big", &["ana"]);
    let ana = Checker::new("ana", "ana-pw", &pg);
    {
        let ws = claimdesk_core::Workspace::open(ana.desk.db()).expect("open");
        let size = claimdesk_core::sample::desk_year::DeskSize {
            claims: 800,
            sources: 40,
            passages: 300,
            seed: 7,
        };
        claimdesk_core::sample::desk_year::fill(&ws, size).expect("fill");
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimdesk"))
        .arg("--db")
        .arg(ana.desk.db())
        .args([
            "sync", "--server", &urls[0], "--desk", "big", "--batch", "20",
        ])
        .env_remove("CLAIMDESK_DB")
        .env_remove("PGPASSWORD")
        .env("PGPASSFILE", &ana.pgpass)
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    let mut at_kill = 0;
    while start.elapsed() < Duration::from_secs(60) {
        at_kill = server_rows(&pg, "big").0;
        if at_kill >= 100 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(!status.success(), "the sync was killed, not finished");
    let (partial, _) = server_rows(&pg, "big");
    assert!(at_kill >= 100, "the push had begun when it was killed");

    let report = ana.json(&["sync", "--server", &urls[0], "--desk", "big"]);
    assert_eq!(report["pending"], 0, "{report}");
    let (rows, distinct) = server_rows(&pg, "big");
    assert_eq!(rows, distinct, "the server holds each change once");
    assert!(rows > partial, "the second sync sent the rest");
    // Nothing lost: a fresh desk pulls every claim.
    let ben_url = pg.url_for("ben", "ben-pw").expect("role");
    let out = Command::cargo_bin("claimdesk")
        .expect("binary")
        .env("PGPASSWORD", pg.password())
        .args([
            "server",
            "grant",
            &pg.url(),
            "--desk",
            "big",
            "--role",
            "ben",
        ])
        .output()
        .expect("grant");
    assert!(out.status.success());
    let ben = Checker::new("ben", "ben-pw", &pg);
    ben.ok(&["sync", "--server", &ben_url, "--desk", "big"]);
    let count = |c: &Checker| c.json(&["claim", "list"]).as_array().map(Vec::len);
    assert_eq!(count(&ben), count(&ana), "every claim arrived");
    assert_eq!(count(&ben), Some(800));
}

#[test]
fn with_the_server_stopped_local_work_goes_on_and_syncs_once_it_is_back() {
    let (mut pg, urls) = server_with("main", &["ana"]);
    let ana = Checker::new("ana", "ana-pw", &pg);
    ana.ok(&["claim", "add", "The bridge opens in May"]);
    ana.ok(&["sync", "--server", &urls[0]]);
    pg.stop().expect("stop");

    let first = ana.ok(&["claim", "add", "The bridge cost 40 million"]);
    ana.ok(&["claim", "status", &first, "false"]);
    ana.ok(&["claim", "add", "The bridge has four lanes"]);
    let stderr = ana.fails(&["sync", "--server", &urls[0]], "cannot be reached");
    assert!(stderr.contains("2 changes wait to be sent"), "{stderr}");
    // Local commands keep working while offline.
    assert_eq!(
        ana.json(&["claim", "list"]).as_array().map(Vec::len),
        Some(3)
    );

    pg.start().expect("start");
    let report = ana.json(&["sync", "--server", &urls[0]]);
    assert_eq!(report["sent"], 2, "{report}");
    assert_eq!(report["pending"], 0, "{report}");
    let again = ana.json(&["sync", "--server", &urls[0]]);
    assert_eq!(again["sent"], 0, "sent once each: {again}");
    let (rows, distinct) = server_rows(&pg, "main");
    assert_eq!(rows, distinct);
}

#[test]
fn both_desks_change_one_verdict_and_both_see_the_conflict_and_both_history_rows() {
    let (pg, urls) = server_with("main", &["ana", "ben"]);
    let ana = Checker::new("ana", "ana-pw", &pg);
    let ben = Checker::new("ben", "ben-pw", &pg);
    let claim = ana.ok(&["claim", "add", "The new tunnel cut the commute by half"]);
    ana.ok(&["sync", "--server", &urls[0]]);
    ben.ok(&["sync", "--server", &urls[1]]);

    // Both rate it before seeing the other's verdict; ben's is the later one.
    ana.ok(&[
        "claim",
        "status",
        &claim,
        "disputed",
        "--note",
        "ana's reading",
    ]);
    ben.ok(&[
        "claim",
        "status",
        &claim,
        "false",
        "--note",
        "ben's reading",
    ]);
    ana.ok(&["sync", "--server", &urls[0]]);
    let report = ben.json(&["sync", "--server", &urls[1]]);
    assert_eq!(report["conflicts"], 1, "{report}");
    let text = ana.ok(&["sync", "--server", &urls[0]]);
    assert!(text.contains("1 conflict"), "{text}");

    for checker in [&ana, &ben] {
        let flagged = checker.json(&["claim", "list", "--conflicts"]);
        let ids: Vec<&str> = flagged
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["id"].as_str())
            .collect();
        assert_eq!(ids, vec![claim.as_str()], "flagged on both desks");
        let shown = checker.json(&["claim", "show", &claim]);
        assert_eq!(shown["claim"]["verdict"], "false", "the later change wins");
        let history = checker.json(&["claim", "history", &claim]).to_string();
        assert!(
            history.contains("ana's reading") && history.contains("ben's reading"),
            "both history rows: {history}"
        );
    }
}
