//! `check` on a sound workspace and on workspaces damaged on purpose, one
//! rule broken at a time; it never writes to the file.

use std::path::{Path, PathBuf};

use claimdesk_core::Workspace;
use claimdesk_core::store::check::{CheckReport, Rule, check_file};

fn sample_desk() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    let ws = Workspace::create(&path).expect("create");
    claimdesk_core::sample::fill(&ws).expect("sample");
    (dir, path)
}

/// Changes the file behind Claimdesk's back, as a broken tool or disk would.
fn damage(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(sql).expect("damage");
}

fn rules(report: &CheckReport) -> Vec<Rule> {
    let mut r: Vec<Rule> = report.problems.iter().map(|p| p.rule).collect();
    r.dedup();
    r
}

fn damaged(sql: &str) -> CheckReport {
    let (_dir, path) = sample_desk();
    assert!(check_file(&path).expect("check").ok, "the sample is sound");
    damage(&path, sql);
    check_file(&path).expect("check")
}

#[test]
fn a_sound_workspace_passes_with_its_rows_counted() {
    let (_dir, path) = sample_desk();
    let report = check_file(&path).expect("check");
    assert!(report.ok, "{report:?}");
    assert_eq!(report.problem_count, 0);
    assert_eq!(report.counted.claims, 4);
    assert_eq!(report.counted.sources, 2);
    assert!(report.counted.evidence > 0 && report.counted.history >= 4);
}

#[test]
fn every_committed_older_workspace_passes() {
    for name in [
        "schema-v1-sample.sqlite",
        "schema-v2-sample.sqlite",
        "schema-v3-sample.sqlite",
    ] {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/workspaces")
            .join(name);
        let dir = tempfile::tempdir().expect("tempdir");
        let copy = dir.path().join(name);
        std::fs::copy(&fixture, &copy).expect("copy");
        let report = check_file(&copy).expect("check");
        assert!(report.ok, "{name}: {report:?}");
    }
}

#[test]
fn evidence_whose_words_are_not_at_its_position_is_reported() {
    let report = damaged(
        "UPDATE evidence SET start = start + 1, \"end\" = \"end\" + 1
         WHERE id = (SELECT min(id) FROM evidence)",
    );
    assert!(!report.ok);
    assert_eq!(rules(&report), [Rule::EvidenceSelectors]);
    assert!(
        report.problems[0].message.contains("exact words"),
        "{report:?}"
    );
}

#[test]
fn evidence_outside_its_text_or_with_wrong_context_is_reported() {
    let report = damaged(
        "UPDATE evidence SET start = 100000, \"end\" = 100010 WHERE id = (SELECT min(id) FROM evidence);
         UPDATE evidence SET prefix = 'not what came before' WHERE id = (SELECT max(id) FROM evidence);",
    );
    assert_eq!(report.problem_count, 2, "{report:?}");
    let text: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(text.iter().any(|t| t.contains("outside")), "{text:?}");
    assert!(text.iter().any(|t| t.contains("prefix")), "{text:?}");
}

#[test]
fn a_version_whose_hash_is_not_its_text_is_reported() {
    let report = damaged(
        "UPDATE source_versions SET text = text || ' (edited behind our back)'
         WHERE id = (SELECT min(id) FROM source_versions)",
    );
    assert!(rules(&report).contains(&Rule::VersionHash), "{report:?}");
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.message.contains("SHA-256"))
    );
}

#[test]
fn a_claim_change_without_its_history_row_is_reported() {
    let report = damaged(
        "UPDATE claims SET verdict = 'false', updated_at = '2999-01-01T00:00:00.000000Z'
         WHERE seq = (SELECT min(seq) FROM claims)",
    );
    assert_eq!(rules(&report), [Rule::HistorySequence], "{report:?}");
    assert!(report.problems[0].message.contains("no history row"));
}

#[test]
fn history_out_of_sequence_is_reported() {
    let report = damaged(
        "INSERT INTO claim_history (claim_id, at, actor, field, old, new, note)
         SELECT id, '1999-01-01T00:00:00.000000Z', 'ghost', 'created', NULL, statement, NULL
         FROM claims WHERE seq = (SELECT min(seq) FROM claims)",
    );
    assert_eq!(rules(&report), [Rule::HistorySequence], "{report:?}");
    let text: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        text.iter().any(|t| t.contains("more than once")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("before the claim was created")),
        "{text:?}"
    );
}

#[test]
fn a_claim_without_history_is_reported() {
    let report = damaged(
        "DROP TRIGGER claim_history_is_append_only_d;
         DELETE FROM claim_history WHERE claim_id = (SELECT id FROM claims WHERE seq = (SELECT min(seq) FROM claims));",
    );
    assert_eq!(rules(&report), [Rule::HistorySequence], "{report:?}");
    assert!(report.problems[0].message.contains("no history at all"));
}

#[test]
fn a_source_without_a_version_is_reported_as_an_orphan() {
    let report = damaged(
        "INSERT INTO sources (id, title, created_at)
         VALUES ('0190f000-0000-7000-8000-000000000001', 'Half a capture', '2025-01-01T00:00:00Z')",
    );
    assert_eq!(rules(&report), [Rule::Orphans], "{report:?}");
    assert!(report.problems[0].message.contains("has no version"));
}

#[test]
fn a_row_pointing_at_nothing_fails_the_foreign_key_check() {
    let report = damaged(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO claim_tags (claim_id, tag) VALUES ('no-such-claim', 'lost');",
    );
    assert_eq!(rules(&report), [Rule::ForeignKeys], "{report:?}");
    assert!(report.problems[0].message.contains("claim_tags"));
}

#[test]
fn broken_pages_fail_the_integrity_check() {
    let (_dir, path) = sample_desk();
    // An index that no longer agrees with its table: rows written with the
    // index switched off behind SQLite's back.
    damage(
        &path,
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = replace(sql, 'claims(updated_at)', 'claims(created_at)')
         WHERE name = 'claims_updated';",
    );
    let report = check_file(&path).expect("check");
    assert!(!report.ok);
    assert_eq!(rules(&report), [Rule::Integrity], "{report:?}");
}

#[test]
fn the_check_writes_nothing() {
    let (dir, path) = sample_desk();
    damage(&path, "PRAGMA wal_checkpoint(TRUNCATE);");
    let files = |d: &Path| {
        let mut all: Vec<(String, u64)> = std::fs::read_dir(d)
            .expect("list")
            .map(|e| {
                let e = e.expect("entry");
                let mut h = std::hash::DefaultHasher::new();
                std::hash::Hash::hash(&std::fs::read(e.path()).expect("read"), &mut h);
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::hash::Hasher::finish(&h),
                )
            })
            .filter(|(n, _)| !n.ends_with("-shm"))
            .collect();
        all.sort();
        all
    };
    let before = files(dir.path());
    damage(&path, "UPDATE source_versions SET sha256 = 'x'");
    let damaged_bytes = files(dir.path());
    assert_ne!(before, damaged_bytes);
    check_file(&path).expect("check");
    // SQLite may leave an empty write-ahead log beside a file it read; the
    // workspace's own bytes are what must not change.
    let wal = dir.path().join("desk.sqlite-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).expect("wal").len() == 0);
    let after: Vec<_> = files(dir.path())
        .into_iter()
        .filter(|(n, _)| !n.ends_with("-wal"))
        .collect();
    assert_eq!(after, damaged_bytes, "check changed a file");
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "not a database at all, just words").expect("write");
    let err = check_file(&path).expect_err("refused");
    assert!(
        err.to_string().contains("not a Claimdesk workspace"),
        "{err}"
    );
    let err = check_file(&dir.path().join("missing.sqlite")).expect_err("missing");
    assert!(err.to_string().contains("no workspace file"), "{err}");
}
