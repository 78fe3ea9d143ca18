//! `claimdesk compare --json` prints exactly what it printed before the speed
//! work: every ordered pair of the compare fixtures (as outlets, as versions,
//! and with publication dates) against committed expected JSON, and the
//! generated pair of 10,000-word outlets the benches time against a committed
//! digest of its output (a few megabytes, too big to commit whole).
//!
//! After a deliberate change of output, write the expected files again with
//! `CLAIMDESK_UPDATE_EXPECTED=1` and say in the commit why they changed.

#[path = "../../core/benches/support/outlets.rs"]
mod outlets;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sha2::{Digest, Sha256};

const TEXTS: &[&str] = &[
    "article-v1.txt",
    "article-v2.txt",
    "outlet-ledger.txt",
    "outlet-wire.txt",
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/compare")
}

fn updating() -> bool {
    std::env::var_os("CLAIMDESK_UPDATE_EXPECTED").is_some()
}

/// The command's standard output; it must succeed.
fn compare_json(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("claimdesk")
        .unwrap_or_else(|e| panic!("binary not built: {e}"))
        .args(["--json", "compare"])
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "compare {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Compares `got` with the committed file `name`, or writes it when updating.
fn check(name: &str, got: &[u8]) -> Option<String> {
    let path = fixtures().join("expected").join(name);
    if updating() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("expected dir");
        std::fs::write(&path, got).expect("write expected");
        return None;
    }
    let want = std::fs::read(&path).unwrap_or_default();
    (want != got).then(|| format!("{name}: output differs from the committed file"))
}

#[test]
fn compare_json_is_byte_identical_to_the_committed_output_on_every_fixture_pair() {
    let mut differing = Vec::new();
    for left in TEXTS {
        for right in TEXTS {
            let (l, r) = (fixtures().join(left), fixtures().join(right));
            let (l, r) = (l.to_str().expect("utf-8"), r.to_str().expect("utf-8"));
            let stem = |f: &str| f.trim_end_matches(".txt").to_owned();
            let pair = format!("{}--{}", stem(left), stem(right));
            let runs: [(String, Vec<&str>); 3] = [
                (format!("{pair}.json"), vec![l, r]),
                (format!("{pair}.versions.json"), vec!["--versions", l, r]),
                (
                    format!("{pair}.dated.json"),
                    vec![
                        "--left-date",
                        "2026-11-18",
                        "--right-date",
                        "2026-11-20",
                        l,
                        r,
                    ],
                ),
            ];
            for (name, args) in runs {
                differing.extend(check(&name, &compare_json(&args)));
            }
        }
    }
    assert!(differing.is_empty(), "{}", differing.join("\n"));
}

#[test]
fn compare_json_of_two_generated_10k_word_outlets_is_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = outlets::article(1, 10_000);
    let (left, right) = (dir.path().join("left.txt"), dir.path().join("right.txt"));
    std::fs::write(&left, outlets::render(&base)).expect("left");
    std::fs::write(&right, outlets::render(&outlets::other_outlet(&base, 2))).expect("right");
    let out = compare_json(&[
        left.to_str().expect("utf-8"),
        right.to_str().expect("utf-8"),
    ]);
    let hex: String = Sha256::digest(&out)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let digest = format!("{hex} {}\n", out.len());
    assert!(
        out.len() > 100_000,
        "a 10,000-word comparison prints its pairs"
    );
    if let Some(diff) = check("generated-outlets-10k.sha256", digest.as_bytes()) {
        panic!("{diff}: the 10,000-word comparison changed (sha256 and length {digest})");
    }
}
