//! A workspace in a temporary folder and the real `claimdesk` binary run
//! against it, shared by the CLI test files that need only these.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

pub struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    /// A new, empty workspace.
    pub fn new() -> Self {
        let desk = Desk {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        desk.cmd(&["init"]).assert().success();
        desk
    }

    /// A workspace holding the built-in sample (two outlets, four claims).
    pub fn sample() -> Self {
        let desk = Desk::new();
        desk.cmd(&["sample"]).assert().success();
        desk
    }

    pub fn db(&self) -> PathBuf {
        self.path("desk.sqlite")
    }

    /// A path beside the workspace (nothing is written there).
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file beside the workspace and returns its path as text.
    pub fn file(&self, name: &str, text: &str) -> String {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        p.to_str().expect("utf-8 path").to_string()
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("claimdesk").expect("binary");
        c.env_remove("CLAIMDESK_DB")
            .arg("--db")
            .arg(self.db())
            .args(args);
        c
    }

    /// Runs a command that must succeed; returns (stdout trimmed, stderr).
    pub fn run(&self, args: &[&str]) -> (String, String) {
        let out = self.cmd(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{args:?} failed: {stderr}");
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        (stdout.trim().to_string(), stderr)
    }

    /// Runs a command that must succeed and returns its stdout, trimmed.
    pub fn ok(&self, args: &[&str]) -> String {
        self.run(args).0
    }

    /// Runs a command with `--json` and parses its one JSON document.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).expect("one JSON document")
    }

    /// Fails with exit code 1 and `error: …` naming `message`.
    pub fn fails(&self, args: &[&str], message: &str) {
        self.cmd(args)
            .assert()
            .code(1)
            .stderr(predicate::str::starts_with("error: ").and(predicate::str::contains(message)));
    }

    /// Everything a user can read back, to check a refused command changed nothing.
    pub fn snapshot(&self) -> String {
        let claims = self.json(&["claim", "list"]);
        let mut all = vec![
            claims.clone(),
            self.json(&["claim", "list", "--deleted"]),
            self.json(&["claim", "list", "--merged"]),
            self.json(&["source", "list"]),
            self.json(&["evidence", "list"]),
        ];
        for c in claims.as_array().into_iter().flatten() {
            all.push(self.json(&["claim", "history", c["id"].as_str().unwrap_or_default()]));
        }
        serde_json::to_string(&all).unwrap_or_default()
    }

    /// The (field, old, new) of a claim's last history row.
    pub fn last_change(&self, claim: &str) -> (String, Value, Value) {
        let history = self.json(&["claim", "history", claim]);
        let last = history
            .as_array()
            .and_then(|h| h.last())
            .cloned()
            .expect("a history row");
        (
            last["field"].as_str().unwrap_or_default().to_string(),
            last["old"].clone(),
            last["new"].clone(),
        )
    }
}
