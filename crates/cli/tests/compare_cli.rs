//! `claimdesk compare` and `claimdesk segment` run as the real binary.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn fixture(name: &str) -> String {
    format!(
        "{}/../../tests/fixtures/compare/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn claimdesk() -> Command {
    Command::cargo_bin("claimdesk").unwrap_or_else(|e| panic!("binary not built: {e}"))
}

fn json_of(args: &[&str]) -> Value {
    let out = claimdesk()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out)))
}

fn assert_sentence(v: &Value, text: &str) {
    let (start, end) = (
        v["start"].as_u64().unwrap_or(0) as usize,
        v["end"].as_u64().unwrap_or(0) as usize,
    );
    assert!(v["index"].is_u64(), "sentence without index: {v}");
    assert_eq!(
        &text[start..end],
        v["text"].as_str().unwrap_or(""),
        "offsets do not slice the file"
    );
}

#[test]
fn compare_json_follows_the_contract() {
    let (ledger, wire) = (fixture("outlet-ledger.txt"), fixture("outlet-wire.txt"));
    let json = json_of(&[
        "compare",
        &ledger,
        &wire,
        "--json",
        "--left-date",
        "2025-11-24",
        "--right-date",
        "2025-11-25",
    ]);
    let (left_text, right_text) = (
        std::fs::read_to_string(&ledger).unwrap_or_default(),
        std::fs::read_to_string(&wire).unwrap_or_default(),
    );

    let object = json.as_object().cloned().unwrap_or_default();
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["left_only", "pairs", "right_only"]);

    let pairs = json["pairs"].as_array().cloned().unwrap_or_default();
    assert_eq!(pairs.len(), 22);
    for p in &pairs {
        assert_sentence(&p["left"], &left_text);
        assert_sentence(&p["right"], &right_text);
        let score = p["score"].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&score));
        let ops = p["diff"].as_array().cloned().unwrap_or_default();
        let rebuilt_left: String = ops
            .iter()
            .filter(|o| o["op"] != "insert")
            .map(|o| o["text"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(rebuilt_left, p["left"]["text"].as_str().unwrap_or(""));
        for d in p["differences"].as_array().cloned().unwrap_or_default() {
            assert!(
                ["quote", "number", "date", "entity", "wording"]
                    .contains(&d["kind"].as_str().unwrap_or(""))
            );
            assert!(d["left"].is_string() && d["right"].is_string());
        }
    }
    // The Ledger's Thanksgiving deadline is the Wire's November 27: no date difference.
    let deadline = pairs
        .iter()
        .find(|p| p["left"]["index"] == 2)
        .cloned()
        .unwrap_or_default();
    assert!(
        deadline["differences"]
            .as_array()
            .is_some_and(|d| d.iter().all(|d| d["kind"] != "date"))
    );
    assert_eq!(json["left_only"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["right_only"].as_array().map(Vec::len), Some(3));
    for s in json["right_only"].as_array().cloned().unwrap_or_default() {
        assert_sentence(&s, &right_text);
    }
}

#[test]
fn compare_versions_json_adds_a_summary() {
    let json = json_of(&[
        "compare",
        &fixture("article-v1.txt"),
        &fixture("article-v2.txt"),
        "--versions",
        "--json",
    ]);
    assert_eq!(
        json["summary"],
        serde_json::json!({"unchanged": 9, "reworded": 2, "removed": 1, "added": 1})
    );
    assert_eq!(
        json["left_only"][0]["text"],
        "It was last repaired in 2008."
    );
    assert_eq!(
        json["right_only"][0]["text"],
        "Cyclists will be diverted to the Mill Street crossing."
    );
}

/// Checks that `cp_start`/`cp_end` count code points: slicing `text`'s
/// characters there gives the sentence, as `start`/`end` do for its bytes.
fn assert_code_points(v: &Value, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let (cp_start, cp_end) = (
        v["cp_start"]
            .as_u64()
            .unwrap_or_else(|| panic!("no cp_start: {v}")) as usize,
        v["cp_end"]
            .as_u64()
            .unwrap_or_else(|| panic!("no cp_end: {v}")) as usize,
    );
    let by_cp: String = chars[cp_start..cp_end].iter().collect();
    assert_eq!(
        by_cp,
        v["text"].as_str().unwrap_or(""),
        "code point offsets of {v}"
    );
    assert_sentence(v, text);
}

#[test]
fn compare_json_gives_code_point_offsets_beside_the_byte_ones() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let left = "Les cafés de Zürich ont fermé — brièvement. Die Gespräche dauerten fünf Stunden. Ñandú breeders marched.\n";
    let right = "Les cafés de Zürich ont fermé — brièvement. Die Gespräche dauerten vier Stunden. Über 3 000 Bürger kamen.\n";
    let (l, r) = (dir.path().join("left.txt"), dir.path().join("right.txt"));
    std::fs::write(&l, left).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&r, right).unwrap_or_else(|e| panic!("{e}"));
    let (l, r) = (
        l.to_str().unwrap_or_default(),
        r.to_str().unwrap_or_default(),
    );
    for versions in [false, true] {
        let mut args = vec!["compare", l, r, "--json"];
        if versions {
            args.push("--versions");
        }
        let json = json_of(&args);
        let pairs = json["pairs"].as_array().cloned().unwrap_or_default();
        assert_eq!(pairs.len(), 2, "{json}");
        for p in &pairs {
            assert_code_points(&p["left"], left);
            assert_code_points(&p["right"], right);
        }
        let second = &pairs[1]["left"];
        assert_ne!(
            second["start"], second["cp_start"],
            "after é and — bytes and code points differ"
        );
        let left_only = json["left_only"].as_array().cloned().unwrap_or_default();
        let right_only = json["right_only"].as_array().cloned().unwrap_or_default();
        assert_eq!((left_only.len(), right_only.len()), (1, 1), "{json}");
        assert_code_points(&left_only[0], left);
        assert_code_points(&right_only[0], right);
    }
}

#[test]
fn compare_without_json_prints_side_by_side() {
    claimdesk()
        .args([
            "compare",
            &fixture("outlet-ledger.txt"),
            &fixture("outlet-wire.txt"),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "number: “five hours” → “four hours”",
        ))
        .stdout(predicate::str::contains("│"))
        .stdout(predicate::str::contains("22 pairs, 4 only in"));
    claimdesk()
        .args([
            "compare",
            &fixture("article-v1.txt"),
            &fixture("article-v2.txt"),
            "--versions",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "9 unchanged (not shown), 2 reworded, 1 removed, 1 added",
        ))
        .stdout(predicate::str::contains("[-18-]"));
}

#[test]
fn side_by_side_puts_a_sentence_only_the_right_has_after_its_right_neighbour() {
    // The Wire reorders the story; the Ledger's "She left the talks early" follows
    // its Brandt sentence, so it belongs right under the Brandt row.
    let out = claimdesk()
        .args([
            "compare",
            &fixture("outlet-wire.txt"),
            &fixture("outlet-ledger.txt"),
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    let lines: Vec<&str> = text.lines().collect();
    let left_early = lines
        .iter()
        .position(|l| l.contains("She left the talks early"))
        .unwrap_or_else(|| panic!("no right-only row: {text}"));
    let brandt = lines[..left_early]
        .iter()
        .rposition(|l| l.starts_with('~') || l.starts_with('=') || l.starts_with('<'))
        .map(|i| lines[i..left_early].join(" "))
        .unwrap_or_default();
    assert!(
        brandt.contains("Ilse Brandt"),
        "the row before is: {brandt}"
    );
}

#[test]
fn segment_json_lists_sentences_with_offsets() {
    let path = fixture("article-v1.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let json = json_of(&["segment", &path, "--json"]);
    let rows = json.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 12);
    assert_eq!(
        rows[0]["text"],
        "Harbour Bridge Repairs Will Close Lanes Until Spring"
    );
    for r in &rows {
        let mut keys: Vec<&str> = r
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        assert_eq!(keys, ["end", "start", "text"]);
        let (s, e) = (
            r["start"].as_u64().unwrap_or(0) as usize,
            r["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&text[s..e], r["text"].as_str().unwrap_or(""));
    }
}

#[test]
fn missing_file_is_an_error_exit_1() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("nope.txt");
    claimdesk()
        .args([
            "compare",
            missing.to_str().unwrap_or_default(),
            &fixture("article-v1.txt"),
            "--json",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::starts_with("error: no such file"));
}

#[test]
fn directory_is_an_error_exit_1() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    claimdesk()
        .args(["segment", dir.path().to_str().unwrap_or_default()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
}

#[test]
fn invalid_utf8_is_an_error_exit_1() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 owners said no.").unwrap_or_else(|e| panic!("{e}"));
    claimdesk()
        .args([
            "compare",
            &fixture("article-v1.txt"),
            latin1.to_str().unwrap_or_default(),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "is not UTF-8 text (invalid byte at offset 3)",
        ));
}

#[test]
fn usage_errors_exit_2() {
    claimdesk()
        .args(["compare", &fixture("article-v1.txt")])
        .assert()
        .code(2);
    claimdesk()
        .args(["compare", "a", "b", "--left-date", "yesterday"])
        .assert()
        .code(2);
    claimdesk().args(["segment"]).assert().code(2);
}

#[test]
fn source_ids_and_id_at_n_compare_versions_from_the_workspace() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("desk.sqlite");
    let db = db.to_str().unwrap_or_default();
    let run = |args: &[&str]| {
        let mut c = claimdesk();
        c.arg("--db").arg(db).args(args);
        c
    };
    run(&["init"]).assert().success();
    let url = "https://ledger.example/bridge";
    for v in ["article-v1.txt", "article-v2.txt"] {
        run(&["source", "add", &fixture(v), "--url", url])
            .assert()
            .success();
    }
    let list: Value = serde_json::from_slice(
        &run(&["source", "list", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap_or_else(|e| panic!("list JSON: {e}"));
    let id = list[0]["id"].as_str().unwrap_or_default().to_string();
    assert_eq!(list[0]["version_count"], 2, "{list}");

    let out = run(&[
        "compare",
        &format!("{id}@1"),
        &format!("{}@2", &id[..id.len() - 4]),
        "--versions",
        "--json",
    ])
    .assert()
    .success()
    .get_output()
    .stdout
    .clone();
    let v: Value = serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        v["summary"],
        serde_json::json!({ "unchanged": 9, "reworded": 2, "removed": 1, "added": 1 })
    );

    run(&["compare", &format!("{id}@two"), &format!("{id}@2")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("after @ comes a version number"));
    run(&["compare", &format!("{id}@7"), &format!("{id}@2")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has no version 7"));
    run(&["compare", "0123abcd", &format!("{id}@2")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is neither a file nor a source id of this workspace",
        ));
    // Too short to be an id prefix: also neither, rather than an id rule.
    run(&["compare", "012", &format!("{id}@2")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "\"012\" is neither a file nor a source id of this workspace",
        ));
}

#[test]
fn a_reader_that_stops_early_gets_no_broken_pipe_error() {
    use std::io::Read;
    use std::process::{Command as Process, Stdio};

    // Long enough that the JSON is far more than a pipe holds, so the binary is
    // still writing when the reader goes away (as with `| head`).
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, outlet: &str| {
        let text = (0..3000)
            .map(|i| format!("The {outlet} said the river rose {i} centimetres at gauge {i}."))
            .collect::<Vec<_>>()
            .join(" ");
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let (left, right) = (write("left.txt", "Ledger"), write("right.txt", "Wire"));
    let mut child = Process::new(env!("CARGO_BIN_EXE_claimdesk"))
        .arg("compare")
        .arg(&left)
        .arg(&right)
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start claimdesk: {e}"));
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    stdout
        .read_exact(&mut first)
        .unwrap_or_else(|e| panic!("{e}"));
    drop(stdout);
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(first.starts_with(b"{"), "not JSON: {first:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success(), "exit status {}", out.status);
}
