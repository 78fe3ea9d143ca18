//! `claimdesk backup` and `claimdesk check`: what they print and their exit codes.

mod common;

use common::Desk;
use predicates::prelude::*;

#[test]
fn backup_writes_a_checked_copy_that_opens_as_a_workspace() {
    let desk = Desk::sample();
    let dest = desk.path("copy.sqlite");
    let dest_text = dest.to_str().expect("utf-8");
    let printed = desk.ok(&["backup", "-o", dest_text]);
    assert_eq!(printed, dest_text);
    let claims = |db: &str| {
        let out = desk
            .cmd(&["claim", "list", "--json"])
            .arg("--db")
            .arg(db)
            .output()
            .expect("run");
        assert!(out.status.success());
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")
    };
    let original = desk.db();
    assert_eq!(claims(dest_text), claims(original.to_str().expect("utf-8")));
    desk.cmd(&["check"])
        .arg("--db")
        .arg(&dest)
        .assert()
        .success();
}

#[test]
fn backup_with_the_long_flag_and_json_names_the_copy() {
    let desk = Desk::sample();
    let dest = desk.path("long.sqlite");
    let json = desk.json(&["backup", "--output", dest.to_str().expect("utf-8")]);
    assert_eq!(json["path"], dest.to_str().expect("utf-8"));
    assert_eq!(json["verified"], true);
    assert!(dest.is_file());
}

#[test]
fn backup_without_a_name_goes_beside_the_workspace() {
    let desk = Desk::sample();
    let printed = desk.ok(&["backup"]);
    let path = std::path::PathBuf::from(&printed);
    assert_eq!(path.parent(), desk.db().parent());
    assert!(
        path.file_name()
            .expect("name")
            .to_string_lossy()
            .starts_with("desk.backup-")
    );
    assert!(path.is_file());
}

#[test]
fn backup_refuses_an_existing_file_and_leaves_it_alone() {
    let desk = Desk::sample();
    let notes = desk.file("notes.txt", "keep me");
    desk.fails(&["backup", "-o", &notes], "already exists");
    assert_eq!(std::fs::read_to_string(&notes).expect("read"), "keep me");
    let db = desk.db();
    desk.fails(
        &["backup", "-o", db.to_str().expect("utf-8")],
        "already exists",
    );
}

#[test]
fn check_exits_zero_on_a_sound_workspace_and_says_so() {
    let desk = Desk::sample();
    desk.cmd(&["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sound").and(predicate::str::contains("4 claims")));
    let json = desk.json(&["check"]);
    assert_eq!(json["ok"], true);
    assert_eq!(json["problem_count"], 0);
    assert_eq!(json["counted"]["claims"], 4);
}

#[test]
fn check_exits_one_and_names_each_broken_rule() {
    let desk = Desk::sample();
    damage(&desk);
    let out = desk.cmd(&["check"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("version_hash"), "{stdout}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("failed 1 check"),
        "{stderr}"
    );
    let out = desk.cmd(&["check", "--json"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["ok"], false);
    assert_eq!(json["problems"][0]["rule"], "version_hash");
}

#[test]
fn check_of_a_missing_or_foreign_file_exits_one_with_the_reason() {
    let desk = Desk::new();
    let missing = desk.path("missing.sqlite");
    desk.cmd(&["check"])
        .arg("--db")
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no workspace file"));
    assert!(!missing.exists(), "check created a file");
    let text = desk.file("notes.txt", "just words, no database");
    desk.cmd(&["check"])
        .arg("--db")
        .arg(&text)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a Claimdesk workspace"));
}

/// Edits a version's text behind Claimdesk's back, as a broken tool would.
fn damage(desk: &Desk) {
    let conn = rusqlite::Connection::open(desk.db()).expect("open");
    conn.execute_batch(
        "UPDATE source_versions SET text = text || ' (edited)' WHERE id = (SELECT min(id) FROM source_versions)",
    )
    .expect("damage");
}
