//! The real `claimdesk` binary, run as a user would.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        let desk = Desk {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        desk.cmd(&["init"]).assert().success();
        desk
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("desk.sqlite")
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("claimdesk").expect("binary");
        c.env_remove("CLAIMDESK_DB")
            .arg("--db")
            .arg(self.db())
            .args(args);
        c
    }

    /// Runs a command that must succeed and returns its stdout, trimmed.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .trim()
            .to_string()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).expect("one JSON document")
    }

    /// Fails with exit code 1 and `error: …` naming `message`; returns nothing.
    fn fails(&self, args: &[&str], message: &str) {
        self.cmd(args)
            .assert()
            .code(1)
            .stderr(predicate::str::starts_with("error: ").and(predicate::str::contains(message)));
    }

    /// Everything a user can read back from the workspace, to check that a
    /// refused command changed nothing.
    fn snapshot(&self) -> String {
        let claims = self.json(&["claim", "list"]);
        let mut all = vec![
            claims.clone(),
            self.json(&["source", "list"]),
            self.json(&["evidence", "list"]),
        ];
        for c in claims.as_array().into_iter().flatten() {
            all.push(self.json(&["claim", "history", c["id"].as_str().unwrap_or_default()]));
        }
        serde_json::to_string(&all).unwrap_or_default()
    }
}

const ARTICLE: &str = "Envoys leave Moscow\n\nThe envoys left Moscow after five hours of talks.\nThe White House later backed down from that deadline, officials said.\n";

#[test]
fn the_readme_tour_works_end_to_end() {
    let desk = Desk::new();
    let article = desk.file("article-a.txt", ARTICLE.as_bytes());
    let source = desk.ok(&[
        "source",
        "add",
        article.to_str().expect("path"),
        "--outlet",
        "Northern Ledger",
        "--title",
        "Envoys leave Moscow",
        "--url",
        "https://example.org/a",
        "--published",
        "2025-12-03",
    ]);
    let claim = desk.ok(&[
        "claim",
        "add",
        "Trump set Thanksgiving Day as the deadline for Kyiv to accept the plan",
        "--claimant",
        "Donald Trump",
        "--claimed-on",
        "2025-11-21",
        "--tag",
        "deadline",
    ]);
    desk.ok(&[
        "evidence",
        "add",
        "--claim",
        &claim[..14],
        "--source",
        &source[..14],
        "--quote",
        "backed down from that deadline",
        "--stance",
        "disputes",
    ]);
    desk.ok(&[
        "claim",
        "status",
        &claim,
        "disputed",
        "--note",
        "deadline was dropped per two outlets",
    ]);

    let shown = desk.json(&["claim", "show", &claim]);
    assert_eq!(shown["claim"]["verdict"], "disputed");
    assert_eq!(shown["verdict"]["label"], "Disputed");
    assert_eq!(shown["claim"]["claimed_on"], "2025-11-21");
    assert_eq!(shown["claim"]["tags"], serde_json::json!(["deadline"]));
    assert_eq!(shown["evidence"][0]["evidence"]["stance"], "disputes");
    assert_eq!(
        shown["evidence"][0]["evidence"]["exact"],
        "backed down from that deadline"
    );
    assert_eq!(shown["evidence"][0]["outlet"], "Northern Ledger");

    let history = desk.ok(&["claim", "history", &claim]);
    assert!(
        history.contains("verdict: unverified → disputed"),
        "{history}"
    );
    assert!(
        history.contains("(deadline was dropped per two outlets)"),
        "{history}"
    );
    let history = desk.json(&["claim", "history", &claim]);
    let fields: Vec<&str> = history
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|h| h["field"].as_str())
        .collect();
    assert_eq!(fields, ["created", "evidence", "verdict"]);
}

#[test]
fn list_filters_by_verdict_tag_and_text() {
    let desk = Desk::new();
    let a = desk.ok(&[
        "claim",
        "add",
        "The meeting with Zelensky was cancelled",
        "--tag",
        "meeting",
    ]);
    let b = desk.ok(&[
        "claim",
        "add",
        "The deadline is Thanksgiving",
        "--tag",
        "deadline",
    ]);
    desk.ok(&["claim", "status", &b, "false"]);
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["claim", "list"];
        all.extend_from_slice(args);
        desk.json(&all)
            .as_array()
            .expect("array")
            .iter()
            .map(|c| c["id"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(ids(&["--verdict", "false"]), std::slice::from_ref(&b));
    assert_eq!(ids(&["--tag", "meeting"]), std::slice::from_ref(&a));
    assert_eq!(ids(&["-q", "zelensky"]), std::slice::from_ref(&a));
    assert_eq!(ids(&[]).len(), 2);
    let text = desk.ok(&["claim", "list"]);
    assert!(
        text.contains("False") && text.contains("#deadline"),
        "{text}"
    );
}

#[test]
fn source_add_reads_standard_input() {
    let desk = Desk::new();
    let id = desk
        .cmd(&["source", "add", "-", "--outlet", "Wire"])
        .write_stdin(ARTICLE)
        .output()
        .expect("run");
    assert!(id.status.success());
    let list = desk.json(&["source", "list"]);
    assert_eq!(list[0]["outlet"], "Wire");
    assert_eq!(list[0]["title"], "Envoys leave Moscow");
    desk.cmd(&["source", "add", "-"])
        .write_stdin(&b"Caf\xe9\n"[..])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "standard input: the file is not UTF-8 text",
        ));
    assert_eq!(
        desk.json(&["source", "list"]).as_array().map(Vec::len),
        Some(1)
    );
    let shown = desk.json(&["source", "show", list[0]["id"].as_str().expect("id")]);
    assert!(
        shown["version"]["text"]
            .as_str()
            .expect("text")
            .contains("five hours")
    );
}

#[test]
fn the_db_can_come_from_the_environment() {
    let desk = Desk::new();
    let mut c = Command::cargo_bin("claimdesk").expect("binary");
    c.env("CLAIMDESK_DB", desk.db())
        .args(["claim", "add", "From the environment"])
        .assert()
        .success();
    assert_eq!(
        desk.json(&["claim", "list"]).as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn usage_errors_exit_2() {
    let desk = Desk::new();
    desk.cmd(&["claim", "frobnicate"]).assert().code(2);
    desk.cmd(&["claim", "add"]).assert().code(2);
    desk.cmd(&["claim", "add", "x", "--claimed-on", "2025-13-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("write it as YYYY-MM-DD"));
    desk.cmd(&[
        "evidence", "add", "--claim", "a", "--source", "b", "--quote", "c", "--stance", "maybe",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "use supports, disputes or context",
    ));
    assert!(
        desk.json(&["claim", "list"])
            .as_array()
            .expect("array")
            .is_empty(),
        "nothing written"
    );
}

#[test]
fn bad_input_gets_a_clear_error_and_leaves_the_workspace_as_it_was() {
    let desk = Desk::new();
    let good = desk.file("a.txt", ARTICLE.as_bytes());
    let source = desk.ok(&["source", "add", good.to_str().expect("path")]);
    let claim = desk.ok(&["claim", "add", "The envoys talked for five hours"]);
    let before = desk.snapshot();

    let latin1 = desk.file("latin1.txt", b"Caf\xe9 au lait\n");
    desk.fails(
        &["source", "add", latin1.to_str().expect("path")],
        "is not UTF-8 text",
    );
    let empty = desk.file("empty.txt", b" \n\n\t");
    desk.fails(
        &["source", "add", empty.to_str().expect("path")],
        "source text is empty",
    );
    desk.fails(
        &["source", "add", desk.dir.path().to_str().expect("path")],
        "is a directory",
    );
    desk.fails(
        &["source", "add", "no-such-file.txt"],
        "cannot read no-such-file.txt",
    );
    desk.fails(
        &[
            "evidence",
            "add",
            "--claim",
            &claim,
            "--source",
            &source,
            "--quote",
            "six hours",
            "--stance",
            "supports",
        ],
        "is not in the source text",
    );
    desk.fails(
        &["claim", "status", &claim, "pants-on-fire"],
        "is not a verdict on this workspace's scale",
    );
    desk.fails(
        &["claim", "show", "ffffffffff"],
        "no claim with id ffffffffff",
    );
    desk.fails(&["claim", "show", "zz"], "is not a claim id");
    assert!(
        desk.snapshot() == before,
        "a refused command writes nothing"
    );
}

#[test]
fn evidence_add_matches_a_typed_quote_or_offers_the_nearest_passage() {
    let desk = Desk::new();
    let page = desk.file(
        "interview.txt",
        "Second round?\n\nThe envoy’s answer was “Definitely not further.” Talks ended.\n"
            .as_bytes(),
    );
    let source = desk.ok(&["source", "add", page.to_str().expect("path")]);
    let claim = desk.ok(&["claim", "add", "The envoy ruled out more talks"]);
    let add = |quote: &str| {
        vec![
            "evidence".to_string(),
            "add".into(),
            "--claim".into(),
            claim.clone(),
            "--source".into(),
            source.clone(),
            "--quote".into(),
            quote.into(),
            "--stance".into(),
            "supports".into(),
        ]
    };
    let before = desk.snapshot();
    let near = add("definitely not farther");
    let near: Vec<&str> = near.iter().map(String::as_str).collect();
    desk.fails(&near, "did you mean “Definitely not further.”?");
    assert!(desk.snapshot() == before, "a refused quote writes nothing");

    let typed = add(r#"the envoy's answer was "definitely not further.""#);
    let typed: Vec<&str> = typed.iter().map(String::as_str).collect();
    let linked = desk.json(&typed);
    assert_eq!(
        linked["evidence"]["exact"], "The envoy’s answer was “Definitely not further.”",
        "the passage is stored as the source prints it"
    );
}

#[test]
fn an_ambiguous_prefix_is_named_as_such() {
    let desk = Desk::new();
    let a = desk.ok(&["claim", "add", "first"]);
    let b = desk.ok(&["claim", "add", "second"]);
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    desk.fails(&["claim", "show", &a[..common]], "is ambiguous");
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_and_untouched() {
    let desk = Desk::new();
    let other = desk.file(
        "other.sqlite",
        b"SQLite format 3\0 but really just some bytes that are not a database",
    );
    let before = std::fs::read(&other).expect("read");
    let mut c = Command::cargo_bin("claimdesk").expect("binary");
    c.arg("--db")
        .arg(&other)
        .args(["claim", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a Claimdesk workspace"));
    let mut c = Command::cargo_bin("claimdesk").expect("binary");
    c.arg("--db").arg(&other).arg("init").assert().code(1);
    assert_eq!(std::fs::read(&other).expect("read"), before);
}

#[test]
fn commands_on_a_missing_workspace_say_to_init() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = Command::cargo_bin("claimdesk").expect("binary");
    c.arg("--db")
        .arg(dir.path().join("none.sqlite"))
        .args(["claim", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("create it with `init`"));
    assert!(!dir.path().join("none.sqlite").exists());
}

#[test]
fn two_processes_writing_at_once_both_keep_their_writes() {
    let desk = Desk::new();
    let spawn = |who: &str| {
        let script = (0..15)
            .map(|i| format!("\"$0\" --db \"$1\" claim add '{who} claim {i}' --tag {who} >/dev/null 2>&1 || exit 1"))
            .collect::<Vec<_>>()
            .join("\n");
        std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(assert_cmd::cargo::cargo_bin("claimdesk"))
            .arg(desk.db())
            .spawn()
            .expect("spawn")
    };
    let (mut a, mut b) = (spawn("ana"), spawn("ben"));
    assert!(a.wait().expect("a").success());
    assert!(b.wait().expect("b").success());
    assert_eq!(
        desk.json(&["claim", "list", "--tag", "ana"])
            .as_array()
            .map(Vec::len),
        Some(15)
    );
    assert_eq!(
        desk.json(&["claim", "list", "--tag", "ben"])
            .as_array()
            .map(Vec::len),
        Some(15)
    );
}

#[test]
fn delete_and_restore_undo_each_other() {
    let desk = Desk::new();
    let id = desk.ok(&["claim", "add", "Will be deleted by mistake"]);
    desk.cmd(&["claim", "delete", &id])
        .assert()
        .success()
        .stderr(predicate::str::contains("claim restore"));
    assert!(
        desk.json(&["claim", "list"])
            .as_array()
            .expect("array")
            .is_empty()
    );
    desk.ok(&["claim", "restore", &id]);
    assert_eq!(
        desk.json(&["claim", "list"]).as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn the_sample_workspace_can_be_explored_from_the_shell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("sample.sqlite");
    let mut c = Command::cargo_bin("claimdesk").expect("binary");
    c.arg("--db").arg(&db).arg("sample").assert().success();
    let mut c = Command::cargo_bin("claimdesk").expect("binary");
    let out = c
        .arg("--db")
        .arg(&db)
        .args(["claim", "list", "--verdict", "disputed", "--json"])
        .output()
        .expect("run");
    let list: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(list[0]["claimant"], "Tomas Brink");
    let mut c = Command::cargo_bin("claimdesk").expect("binary");
    c.arg("--db")
        .arg(&db)
        .arg("sample")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty workspace"));
}

#[test]
fn compare_takes_source_ids_and_versions_from_the_workspace() {
    let desk = Desk::new();
    let v1 = desk.file(
        "v1.txt",
        b"The talks lasted five hours. The mayor cancelled the meeting.\n",
    );
    let v2 = desk.file(
        "v2.txt",
        b"The talks lasted four hours. The mayor cancelled the meeting.\n",
    );
    let url = "https://example.org/talks";
    let id = desk.ok(&[
        "source",
        "add",
        v1.to_str().expect("path"),
        "--url",
        url,
        "--published",
        "2025-03-04",
    ]);
    desk.ok(&["source", "add", v2.to_str().expect("path"), "--url", url]);
    let diff = desk.json(&[
        "compare",
        &format!("{}@1", &id[..13]),
        &format!("{}@2", &id[..13]),
        "--versions",
    ]);
    let text = diff.to_string();
    assert!(text.contains("five") && text.contains("four"), "{text}");
    let pairs = desk.json(&["compare", &format!("{id}@1"), v2.to_str().expect("path")]);
    assert_eq!(pairs["pairs"].as_array().map(Vec::len), Some(2));
    assert_eq!(pairs["pairs"][0]["differences"][0]["kind"], "number");
    desk.fails(&["compare", &format!("{id}@9"), &id], "has no version 9");
}
