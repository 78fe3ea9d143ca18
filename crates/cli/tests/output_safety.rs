//! What `claimdesk` writes, run as a user would: `-o` never destroys the
//! workspace or what is not a file, a reader who stops early (`| head`) is
//! no error, and stored text cannot drive the terminal.

use std::io::Read;
use std::path::Path;
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

mod common;

use common::Desk;

/// Imports ClaimReview JSON-LD as another fact-checker would send it.
fn import_reviews(desk: &Desk, reviews: &Value) -> String {
    let file = desk.path("reviews.jsonld");
    std::fs::write(&file, reviews.to_string()).expect("write");
    desk.ok(&["import", "claimreview", text(&file)])
}

fn text(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn review(statement: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": statement,
        "reviewRating": { "@type": "Rating", "alternateName": "False" },
    })
}

// ---- -o: what a report or a bundle may be written over -----------------

#[test]
fn report_and_bundle_refuse_to_write_over_the_open_workspace() {
    let desk = Desk::sample();
    let before = std::fs::read(desk.db()).expect("read");
    let link = desk.path("report.md");
    std::os::unix::fs::symlink(desk.db(), &link).expect("symlink");
    let roundabout = desk.path(".").join("desk.sqlite");
    for target in [desk.db(), roundabout, link] {
        for args in [
            vec!["report", "--format", "md", "-o", text(&target)],
            vec!["report", "--format", "md", "-o", text(&target), "--force"],
            vec!["bundle", "export", "-o", text(&target), "--force"],
        ] {
            desk.cmd(&args).assert().code(1).stdout("").stderr(
                predicate::str::starts_with("error: ")
                    .and(predicate::str::contains("is the workspace in use"))
                    .and(predicate::str::contains("wrote").not()),
            );
        }
    }
    assert_eq!(std::fs::read(desk.db()).expect("read"), before);
    assert!(
        std::fs::symlink_metadata(desk.path("report.md"))
            .expect("link")
            .is_symlink()
    );
    let claims = desk.json(&["claim", "list"]);
    assert_eq!(
        claims.as_array().map_or(0, Vec::len),
        4,
        "the workspace still works"
    );
}

#[test]
fn another_sqlite_file_is_replaced_only_with_force() {
    let desk = Desk::sample();
    let other = desk.path("other.sqlite");
    Command::cargo_bin("claimdesk")
        .expect("binary")
        .env_remove("CLAIMDESK_DB")
        .args(["--db", text(&other), "init"])
        .assert()
        .success();
    let before = std::fs::read(&other).expect("read");
    for args in [
        vec!["report", "--format", "md", "-o", text(&other)],
        vec!["bundle", "export", "-o", text(&other)],
    ] {
        desk.cmd(&args).assert().code(1).stderr(
            predicate::str::contains("holds an SQLite database")
                .and(predicate::str::contains("--force")),
        );
    }
    assert_eq!(
        std::fs::read(&other).expect("read"),
        before,
        "left as it was"
    );
    desk.cmd(&["bundle", "export", "-o", text(&other), "--force"])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 4 claims"));
    let bundle: Value =
        serde_json::from_str(&std::fs::read_to_string(&other).expect("read")).expect("JSON");
    assert_eq!(bundle["claims"].as_array().map_or(0, Vec::len), 4);
    desk.cmd(&[
        "report",
        "-f",
        "md",
        "-o",
        text(&other),
        "--force",
        "--json",
    ])
    .assert()
    .success();
    assert!(
        std::fs::read_to_string(&other)
            .expect("read")
            .starts_with('#')
    );
}

#[test]
fn force_needs_an_output_file() {
    let desk = Desk::sample();
    desk.cmd(&["report", "--format", "md", "--force"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output"));
}

#[test]
fn a_fifo_is_refused_without_being_opened() {
    let desk = Desk::sample();
    let fifo = desk.path("pipe");
    let made = Process::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    for args in [
        vec!["report", "--format", "md", "-o", text(&fifo)],
        vec!["bundle", "export", "-o", text(&fifo), "--force"],
    ] {
        // Opening a FIFO for writing would wait for a reader: the timeout
        // turns a hang into a failure.
        desk.cmd(&args)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("is not a regular file"));
    }
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(&fifo).expect("meta").file_type();
    assert!(kind.is_fifo(), "still a FIFO, not replaced by a file");
}

#[test]
fn a_symlink_is_written_through_to_its_file() {
    let desk = Desk::sample();
    let real = desk.path("ferry-2026.md");
    std::fs::write(&real, "old report").expect("write");
    let link = desk.path("latest.md");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    desk.cmd(&["report", "--format", "md", "-o", text(&link)])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 4 claims"));
    assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .starts_with('#')
    );
}

// ---- a reader who stops early ------------------------------------------

/// Runs `args`, reads the first line of its output, then stops reading, as
/// `| head -1` does; returns the exit status and everything on stderr.
fn read_one_line_then_stop(desk: &Desk, args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = Process::new(env!("CARGO_BIN_EXE_claimdesk"))
        .env_remove("CLAIMDESK_DB")
        .arg("--db")
        .arg(desk.db())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimdesk starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while stdout.read_exact(&mut byte).is_ok() && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    assert!(!line.is_empty(), "{args:?} printed nothing");
    drop(stdout);
    let out = child.wait_with_output().expect("claimdesk ends");
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn output_cut_short_by_a_closed_pipe_ends_quietly() {
    let desk = Desk::sample();
    // Thousands of claims in one go, so each listing is far more than a pipe holds.
    let reviews: Vec<Value> = (0..3000)
        .map(|i| {
            review(&format!(
                "The harbour ferry carried {i} passengers on its first crossing of the season"
            ))
        })
        .collect();
    import_reviews(&desk, &Value::Array(reviews));
    let claim = desk.json(&["claim", "list"])[0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let long_text = desk.path("long.txt");
    let sentences: Vec<String> = (0..3000)
        .map(|i| format!("The gauge at the weir read {i} centimetres."))
        .collect();
    std::fs::write(&long_text, sentences.join(" ")).expect("write");
    let more_reviews = desk.path("more.jsonld");
    let more: Vec<Value> = (0..3000)
        .map(|i| {
            review(&format!(
                "The night bus stopped {i} times before the bridge"
            ))
        })
        .collect();
    std::fs::write(&more_reviews, Value::Array(more).to_string()).expect("write");

    let commands: Vec<Vec<&str>> = vec![
        vec!["claim", "list"],
        vec!["claim", "list", "--json"],
        vec!["claim", "show", &claim, "--json"],
        vec!["claim", "history", &claim, "--json"],
        vec!["source", "list", "--json"],
        vec!["evidence", "list"],
        vec!["report", "--format", "md"],
        vec!["report", "--format", "json"],
        vec!["bundle", "export"],
        vec!["segment", text(&long_text)],
        vec!["import", "claimreview", text(&more_reviews)],
    ];
    for args in &commands {
        let (status, stderr) = read_one_line_then_stop(&desk, args);
        let stderr = if args[0] == "import" {
            // The one line of summary import always says on stderr.
            stderr
                .lines()
                .filter(|l| !l.starts_with("imported "))
                .collect()
        } else {
            stderr
        };
        assert!(status.success(), "{args:?} ended with {status}: {stderr}");
        assert_eq!(stderr, "", "{args:?} complained");
    }
    let listed = desk.json(&["claim", "list"]);
    assert_eq!(
        listed.as_array().map_or(0, Vec::len),
        6004,
        "the import whose reader went away still imported everything"
    );
}

// ---- stored text cannot drive the terminal -----------------------------

#[test]
fn control_characters_and_bidi_overrides_are_shown_escaped_and_json_keeps_them() {
    let desk = Desk::new();
    let statement = "The mayor said \u{1b}]0;pwned\u{7}the bridge is \u{202e}closed\u{202c} today";
    let mut tricky = review(statement);
    tricky["itemReviewed"] = json!({
        "@type": "Claim",
        "author": { "@type": "Person", "name": "Ann \u{1b}[2JTrent" },
    });
    let id = import_reviews(&desk, &json!([tricky])).trim().to_owned();
    let shown_statement =
        "The mayor said \\u{1b}]0;pwned\\u{7}the bridge is \\u{202e}closed\\u{202c} today";
    for args in [
        vec!["claim", "list"],
        vec!["claim", "show", id.as_str()],
        vec!["claim", "history", id.as_str()],
    ] {
        let out = desk.ok(&args);
        assert!(
            !out.contains('\u{1b}'),
            "{args:?} printed a raw ESC: {out:?}"
        );
        assert!(
            !out.contains('\u{7}'),
            "{args:?} printed a raw BEL: {out:?}"
        );
        assert!(
            !out.contains('\u{202e}'),
            "{args:?} printed a raw override: {out:?}"
        );
        assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{args:?}: {out:?}");
    }
    let show = desk.ok(&["claim", "show", &id]);
    assert!(show.contains(shown_statement), "{show}");
    assert!(show.contains("Ann \\u{1b}[2JTrent"), "{show}");
    let exact = desk.json(&["claim", "show", &id]);
    assert_eq!(
        exact["claim"]["statement"], statement,
        "JSON keeps the exact text"
    );
    assert_eq!(exact["claim"]["claimant"], "Ann \u{1b}[2JTrent");
    let listed = desk.json(&["claim", "list"]);
    assert_eq!(listed[0]["statement"], statement);

    let left = desk.path("left.txt");
    let right = desk.path("right.txt");
    std::fs::write(
        &left,
        "The ferry left at noon. \u{1b}[2JThe bridge is closed.",
    )
    .expect("write");
    std::fs::write(
        &right,
        "The ferry left at one. \u{1b}[2JThe bridge is \u{202e}open.",
    )
    .expect("write");
    for args in [
        vec!["compare", text(&left), text(&right)],
        vec!["segment", text(&right)],
    ] {
        let out = desk.ok(&args);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("\\u{1b}[2J"), "{args:?}: {out:?}");
    }
    let exact = desk.json(&["segment", text(&right)]);
    assert!(
        exact.to_string().contains('\u{202e}'),
        "JSON keeps the override"
    );
}
