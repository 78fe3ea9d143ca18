//! `claimdesk report`, `import claimreview` and `bundle`, run as a user would.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct Desk {
    dir: tempfile::TempDir,
    name: &'static str,
}

impl Desk {
    fn empty(dir: tempfile::TempDir, name: &'static str) -> Self {
        let desk = Desk { dir, name };
        desk.cmd(&["init"]).assert().success();
        desk
    }

    /// A workspace holding the built-in sample (two outlets, four claims).
    fn sample() -> Self {
        let desk = Desk::empty(tempfile::tempdir().expect("tempdir"), "desk.sqlite");
        desk.cmd(&["sample"]).assert().success();
        desk
    }

    /// A second, empty workspace in a folder of its own.
    fn other(&self) -> Desk {
        let desk = Desk {
            dir: tempfile::tempdir().expect("tempdir"),
            name: "other.sqlite",
        };
        desk.cmd(&["init"]).assert().success();
        desk
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("claimdesk").expect("binary");
        c.env_remove("CLAIMDESK_DB")
            .arg("--db")
            .arg(self.path(self.name))
            .args(args);
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).expect("one JSON document")
    }

    fn claim_count(&self) -> usize {
        self.json(&["claim", "list"]).as_array().map_or(0, Vec::len)
    }
}

#[test]
fn reports_go_to_stdout_in_every_format() {
    let desk = Desk::sample();
    let claims = desk.json(&["claim", "list"]);
    let statement = claims[0]["statement"]
        .as_str()
        .expect("statement")
        .to_string();

    let md = desk.ok(&["report", "--format", "md"]);
    assert!(md.starts_with("# Fact-check report"));
    assert!(
        md.contains("sha256 `"),
        "passages are traceable to a version hash"
    );

    let html = desk.ok(&["report", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>") && !html.to_lowercase().contains("<script"));

    let csv = desk.ok(&["report", "-f", "csv"]);
    assert!(csv.starts_with("claim_id,statement,claimant,"));
    assert!(csv.matches("\r\n").count() > claims.as_array().map_or(0, Vec::len));

    let json: Value = serde_json::from_str(&desk.ok(&["report", "-f", "json"])).expect("json");
    assert_eq!(json["schema"], "claimdesk.report/1");
    assert!(
        json["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .any(|c| c["statement"] == statement.as_str())
    );

    desk.ok(&[
        "settings",
        "set",
        "report_base_url",
        "https://checks.example/ferry",
    ]);
    desk.ok(&["settings", "set", "publisher", "Harbour Check Desk"]);
    let reviews: Value =
        serde_json::from_str(&desk.ok(&["report", "-f", "claimreview"])).expect("json-ld");
    let reviews = reviews.as_array().expect("array");
    assert_eq!(reviews.len(), claims.as_array().map_or(0, Vec::len));
    for r in reviews {
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["author"]["name"], "Harbour Check Desk");
        assert!(
            r["@id"]
                .as_str()
                .is_some_and(|id| id.starts_with("https://checks.example/ferry#claim-"))
        );
        assert!(r["reviewRating"]["alternateName"].is_string());
    }
}

#[test]
fn scale_update_without_rating_keeps_the_claimreview_rating() {
    let desk = Desk::sample();
    desk.ok(&[
        "settings",
        "set",
        "report_base_url",
        "https://checks.example/ferry",
    ]);
    let renamed = desk.json(&["scale", "update", "mostly_true", "Largely accurate"]);
    assert_eq!(renamed["label"], "Largely accurate");
    assert_eq!(
        renamed["rating"], 4,
        "no --rating given, so the rating stays"
    );
    let reviews: Value =
        serde_json::from_str(&desk.ok(&["report", "-f", "claimreview"])).expect("json-ld");
    let largely: Vec<&Value> = reviews
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["reviewRating"]["alternateName"] == "Largely accurate")
        .collect();
    assert!(!largely.is_empty(), "the sample has a mostly-true claim");
    for r in largely {
        assert_eq!(r["reviewRating"]["ratingValue"], 4);
    }

    let cleared = desk.json(&[
        "scale",
        "update",
        "mostly_true",
        "Largely accurate",
        "--no-rating",
    ]);
    assert!(
        cleared["rating"].is_null(),
        "--no-rating clears it: {cleared}"
    );
    desk.cmd(&[
        "scale",
        "update",
        "mostly_true",
        "Mostly true",
        "--rating",
        "4",
        "--no-rating",
    ])
    .assert()
    .code(2);
}

#[test]
fn selections_narrow_the_report() {
    let desk = Desk::sample();
    let count = |args: &[&str]| -> usize {
        let mut all = vec!["report", "-f", "json"];
        all.extend_from_slice(args);
        let doc: Value = serde_json::from_str(&desk.ok(&all)).expect("json");
        doc["claims"].as_array().map_or(0, Vec::len)
    };
    let all = count(&[]);
    let tagged = desk.json(&["claim", "list", "--tag", "deadline"]);
    assert_eq!(
        count(&["--tag", "deadline"]),
        tagged.as_array().map_or(0, Vec::len)
    );
    let ids: Vec<String> = desk.json(&["claim", "list"]).as_array().expect("list")[..2]
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(count(&["--claim", &ids[0], "--claim", &ids[1]]), 2);
    assert!(count(&["--claim", &ids[0]]) < all);
    desk.cmd(&["report", "-f", "md", "--tag", "no-such-tag"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no claims match the selection (tag no-such-tag)",
        ));
}

#[test]
fn report_to_a_file_writes_the_file_and_says_so() {
    let desk = Desk::sample();
    let file = desk.path("report.html");
    desk.cmd(&["report", "-f", "html", "-o", file.to_str().expect("path")])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote 4 claims to"));
    let html = std::fs::read_to_string(&file).expect("written");
    assert!(html.contains("@media print"));
}

#[test]
fn bad_report_requests_fail_clearly_and_write_no_file() {
    let desk = Desk::sample();
    let file = desk.path("out.txt");
    desk.cmd(&["report", "-f", "pdf", "-o", file.to_str().expect("path")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "use md, html, csv, json or claimreview",
        ));
    desk.cmd(&[
        "report",
        "-f",
        "claimreview",
        "-o",
        file.to_str().expect("path"),
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("report_base_url"));
    desk.cmd(&["report", "-f", "md", "--verdict", "pants-on-fire"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a verdict"));
    assert!(!file.exists());
    let dir = desk.path("");
    desk.cmd(&["report", "-f", "md", "-o", dir.to_str().expect("path")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
}

#[test]
fn claimreview_import_adds_claims_once() {
    let desk = Desk::sample();
    desk.ok(&[
        "settings",
        "set",
        "report_base_url",
        "https://checks.example/ferry",
    ]);
    let file = desk.path("reviews.jsonld");
    desk.ok(&[
        "report",
        "-f",
        "claimreview",
        "-o",
        file.to_str().expect("path"),
    ]);

    let other = desk.other();
    let added = other.ok(&["import", "claimreview", file.to_str().expect("path")]);
    assert_eq!(added.lines().count(), 4, "one id per imported claim");
    assert_eq!(other.claim_count(), 4);
    other
        .cmd(&["import", "claimreview", file.to_str().expect("path")])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "imported 0 claims; 4 already imported",
        ));
    assert_eq!(other.claim_count(), 4);
    let listed = other.json(&["claim", "list", "--tag", "imported"]);
    assert_eq!(listed.as_array().map_or(0, Vec::len), 4);
}

#[test]
fn claimreview_import_refuses_bad_files_and_writes_nothing() {
    let desk = Desk::sample();
    let before = desk.claim_count();
    let not_json = desk.path("page.html");
    std::fs::write(&not_json, "<html>no</html>").expect("write");
    desk.cmd(&["import", "claimreview", not_json.to_str().expect("path")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not JSON"));
    desk.cmd(&["import", "claimreview", "-"])
        .write_stdin(r#"{"@type": "NewsArticle"}"#)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no ClaimReview"));
    desk.cmd(&[
        "import",
        "claimreview",
        desk.path("missing.json").to_str().expect("path"),
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("cannot read"));
    assert_eq!(desk.claim_count(), before);
}

#[test]
fn a_bundle_moves_a_workspace_and_comes_back_identical() {
    let desk = Desk::sample();
    let file = desk.path("desk.bundle.json");
    desk.ok(&["bundle", "export", "-o", file.to_str().expect("path")]);
    let first = std::fs::read_to_string(&file).expect("bundle");

    let other = desk.other();
    other
        .cmd(&["bundle", "import", file.to_str().expect("path")])
        .assert()
        .success()
        .stderr(predicate::str::contains("claims: 4 added"));
    assert_eq!(other.ok(&["bundle", "export"]), first, "identical bundle");
    other
        .cmd(&["bundle", "import", file.to_str().expect("path")])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to import"));
    let summary = other.json(&["bundle", "import", file.to_str().expect("path")]);
    assert_eq!(summary["claims_added"], 0);
    assert_eq!(summary["history_added"], 0);
}

#[test]
fn bad_bundles_are_refused_and_nothing_is_written() {
    let desk = Desk::sample();
    let other = desk.other();
    let bad = desk.path("bad.json");
    std::fs::write(&bad, r#"{"schema": "claimdesk.report/1", "claims": []}"#).expect("write");
    other
        .cmd(&["bundle", "import", bad.to_str().expect("path")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "this Claimdesk reads \"claimdesk.bundle/1\"",
        ));
    other
        .cmd(&["bundle", "import", "-"])
        .write_stdin("not json at all")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not JSON"));
    assert_eq!(other.claim_count(), 0);
}
