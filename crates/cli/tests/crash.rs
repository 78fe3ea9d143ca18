//! The crash harness: real `claimdesk` processes doing every kind of write,
//! killed with SIGKILL at random moments (seeded), and after every kill the
//! workspace checked against the invariants below.
//!
//! The short form (200 kills) runs with the other CLI tests. The long form:
//! `CLAIMDESK_CRASH_KILLS=2000 cargo test -p claimdesk --test crash -- --nocapture`;
//! `CLAIMDESK_CRASH_SEED=<n>` replays a run.
//!
//! Invariants after every kill:
//! 1. `PRAGMA integrity_check` is `ok`.
//! 2. `claimdesk check` passes (the next command works, and nothing is half
//!    there: no source without its version, no version whose hash is not its
//!    text, no evidence whose passage is not in its version, no claim change
//!    without its history row, no reference to a missing row).
//! 3. Every write a process acknowledged (exited 0, printed its id) is there,
//!    and every field holds its last acknowledged value or the value of a
//!    later attempt that was killed.
//! 4. A bundle or ClaimReview import is all or nothing.
//! 5. A claim merge or unmerge is all or nothing: a merge that holds has
//!    every passage it moved on the kept claim, an undone one has them back
//!    on the duplicate, and an acknowledged merge or unmerge stays done.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const SHORT_KILLS: u32 = 200;
const DEFAULT_SEED: u64 = 0x5EED_C1A1_0019;
const PAGES: usize = 50;

/// A small seeded generator (splitmix64): the same seed gives the same run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The kinds of write the harness runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    ClaimAdd,
    ClaimEdit,
    ClaimStatus,
    EvidenceAdd,
    EvidenceRemove,
    SourceAdd,
    SourceImport,
    BundleImport,
    ClaimReviewImport,
    Settings,
    ClaimMerge,
    ClaimUnmerge,
}

const KINDS: [Kind; 12] = [
    Kind::ClaimAdd,
    Kind::ClaimEdit,
    Kind::ClaimStatus,
    Kind::EvidenceAdd,
    Kind::EvidenceRemove,
    Kind::SourceAdd,
    Kind::SourceImport,
    Kind::BundleImport,
    Kind::ClaimReviewImport,
    Kind::Settings,
    Kind::ClaimMerge,
    Kind::ClaimUnmerge,
];

/// A value that must be there: the last acknowledged one, or one written
/// by a later attempt that was killed (it may or may not have landed).
#[derive(Default, Clone)]
struct Expected {
    acked: Option<String>,
    maybe: Vec<String>,
}

impl Expected {
    fn acknowledge(&mut self, value: String) {
        self.acked = Some(value);
        self.maybe.clear();
    }

    fn attempt_killed(&mut self, value: String) {
        self.maybe.push(value);
    }

    fn allows(&self, value: Option<&str>) -> bool {
        match (&self.acked, value) {
            (None, _) if self.maybe.is_empty() => true,
            (acked, Some(v)) => acked.as_deref() == Some(v) || self.maybe.iter().any(|m| m == v),
            (Some(_), None) => false,
            (None, None) => true,
        }
    }
}

/// What the workspace must hold, built from acknowledged writes.
#[derive(Default)]
struct Model {
    /// Claims added and acknowledged: id → statement.
    claims: BTreeMap<String, String>,
    claimant: BTreeMap<String, Expected>,
    verdict: BTreeMap<String, Expected>,
    /// Evidence added and acknowledged, and whether a removal was acknowledged.
    evidence: BTreeMap<String, bool>,
    /// Evidence whose removal was attempted and killed.
    removal_killed: Vec<String>,
    sources: Vec<String>,
    import_done: bool,
    bundle_done: bool,
    reviews_done: bool,
    publisher: Expected,
    /// Merges that hold, duplicate → kept claim, as the workspace holds them
    /// (after a killed merge or unmerge, read back from it: either may be).
    merges: BTreeMap<String, String>,
    /// The claim each acknowledged passage was linked to.
    evidence_claim: BTreeMap<String, String>,
}

struct Harness {
    dir: tempfile::TempDir,
    db: PathBuf,
    bin: PathBuf,
    /// A source holding many numbered sentences, for evidence to quote.
    quoted_source: String,
    bundle: PathBuf,
    bundle_claims: Vec<String>,
    reviews: PathBuf,
    pages: PathBuf,
    page_titles: Vec<String>,
    model: Model,
    rng: Rng,
    serial: u64,
    /// How long each kind took when not killed, to aim the kills inside it.
    typical: BTreeMap<Kind, Duration>,
}

/// One run of a write: its arguments and what it will have written.
struct Attempt {
    kind: Kind,
    args: Vec<String>,
    /// The value the write sets (claimant, verdict, publisher) or the evidence it removes.
    value: Option<String>,
    target: Option<String>,
}

impl Harness {
    fn new(seed: u64) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("desk.sqlite");
        let bin = assert_cmd::cargo::cargo_bin("claimdesk");
        let mut h = Harness {
            db,
            bin,
            quoted_source: String::new(),
            bundle: dir.path().join("other-desk.json"),
            bundle_claims: Vec::new(),
            reviews: Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/workspaces/schema-v2-claimreview.json"),
            pages: dir.path().join("pages"),
            page_titles: Vec::new(),
            model: Model::default(),
            rng: Rng(seed),
            serial: 0,
            typical: BTreeMap::new(),
            dir,
        };
        h.setup();
        h
    }

    fn run_ok(&self, db: &Path, args: &[&str]) -> String {
        let out = Command::new(&self.bin)
            .env_remove("CLAIMDESK_DB")
            .arg("--db")
            .arg(db)
            .args(args)
            .output()
            .expect("run claimdesk");
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

    fn setup(&mut self) {
        let db = self.db.clone();
        self.run_ok(&db, &["init"]);
        let text: String = (1..=60)
            .map(|n| format!("Sentence number {n} says the harbour ferry ran late on day {n}.\n"))
            .collect();
        let file = self.dir.path().join("log.txt");
        std::fs::write(&file, format!("Harbour ferry log\n\n{text}")).expect("write");
        self.quoted_source = self.run_ok(&db, &["source", "add", file.to_str().expect("utf-8")]);
        self.model.sources.push(self.quoted_source.clone());
        for n in 0..3 {
            let id = self.run_ok(
                &db,
                &["claim", "add", &format!("Seed claim {n} about the ferry")],
            );
            // A passage each, so merges have evidence to move.
            let passage = self.run_ok(
                &db,
                &[
                    "evidence",
                    "add",
                    "--claim",
                    &id,
                    "--source",
                    &self.quoted_source.clone(),
                    "--quote",
                    &format!("ran late on day {}.", n + 1),
                    "--stance",
                    "supports",
                ],
            );
            self.model.evidence.insert(passage.clone(), false);
            self.model.evidence_claim.insert(passage, id.clone());
            self.model
                .claims
                .insert(id, format!("Seed claim {n} about the ferry"));
        }
        // A bundle from another desk, with claims this one has not seen.
        let other = self.dir.path().join("other.sqlite");
        self.run_ok(&other, &["init"]);
        for n in 0..3 {
            let id = self.run_ok(&other, &["claim", "add", &format!("Other desk claim {n}")]);
            self.bundle_claims.push(id);
        }
        self.run_ok(
            &other,
            &[
                "bundle",
                "export",
                "-o",
                self.bundle.to_str().expect("utf-8"),
            ],
        );
        std::fs::create_dir(&self.pages).expect("pages");
        for n in 0..PAGES {
            let title = format!("Harbour notice {n}");
            std::fs::write(
                self.pages.join(format!("notice-{n:02}.txt")),
                format!("{title}\n\nNotice {n}: the ferry timetable changes on pier {n}.\n"),
            )
            .expect("page");
            self.page_titles.push(title);
        }
    }

    fn claim_ids(&self) -> Vec<String> {
        self.model.claims.keys().cloned().collect()
    }

    fn pick<'a>(&mut self, items: &'a [String]) -> Option<&'a String> {
        if items.is_empty() {
            return None;
        }
        let i = self.rng.below(items.len() as u64) as usize;
        items.get(i)
    }

    fn attempt(&mut self, kind: Kind) -> Option<Attempt> {
        self.serial += 1;
        let n = self.serial;
        let s = |v: &str| v.to_string();
        let (args, value, target) = match kind {
            Kind::ClaimAdd => (
                vec![s("claim"), s("add"), format!("Crash claim {n}")],
                None,
                None,
            ),
            Kind::ClaimEdit => {
                let id = self.pick(&self.claim_ids())?.clone();
                let who = format!("Claimant {n}");
                (
                    vec![
                        s("claim"),
                        s("edit"),
                        id.clone(),
                        s("--claimant"),
                        who.clone(),
                    ],
                    Some(who),
                    Some(id),
                )
            }
            Kind::ClaimStatus => {
                let id = self.pick(&self.claim_ids())?.clone();
                let verdicts = ["verified", "false", "misleading", "disputed", "unproven"];
                let v = verdicts[self.rng.below(verdicts.len() as u64) as usize].to_string();
                (
                    vec![
                        s("claim"),
                        s("status"),
                        id.clone(),
                        v.clone(),
                        s("--rationale"),
                        format!("Reason {n}"),
                    ],
                    Some(v),
                    Some(id),
                )
            }
            Kind::EvidenceAdd => {
                let id = self.pick(&self.claim_ids())?.clone();
                let sentence = 1 + self.rng.below(60);
                (
                    vec![
                        s("evidence"),
                        s("add"),
                        s("--claim"),
                        id,
                        s("--source"),
                        self.quoted_source.clone(),
                        s("--quote"),
                        format!("ran late on day {sentence}."),
                        s("--stance"),
                        s("supports"),
                    ],
                    None,
                    None,
                )
            }
            Kind::EvidenceRemove => {
                let live: Vec<String> = self
                    .model
                    .evidence
                    .iter()
                    .filter(|(id, removed)| !**removed && !self.model.removal_killed.contains(id))
                    .map(|(id, _)| id.clone())
                    .collect();
                let id = self.pick(&live)?.clone();
                (vec![s("evidence"), s("remove"), id.clone()], None, Some(id))
            }
            Kind::SourceAdd => {
                let file = self.dir.path().join(format!("statement-{n}.txt"));
                std::fs::write(
                    &file,
                    format!("Statement {n}\n\nThe harbour office issued statement {n} today.\n"),
                )
                .expect("write");
                (
                    vec![s("source"), s("add"), file.to_str().expect("utf-8").into()],
                    None,
                    None,
                )
            }
            Kind::SourceImport => (
                vec![
                    s("source"),
                    s("import"),
                    self.pages.to_str().expect("utf-8").into(),
                ],
                None,
                None,
            ),
            Kind::BundleImport => (
                vec![
                    s("bundle"),
                    s("import"),
                    self.bundle.to_str().expect("utf-8").into(),
                ],
                None,
                None,
            ),
            Kind::ClaimReviewImport => (
                vec![
                    s("import"),
                    s("claimreview"),
                    self.reviews.to_str().expect("utf-8").into(),
                ],
                None,
                None,
            ),
            Kind::Settings => {
                let v = format!("Harbour Desk {n}");
                (
                    vec![s("settings"), s("set"), s("publisher"), v.clone()],
                    Some(v),
                    None,
                )
            }
            Kind::ClaimMerge => {
                // Only merges the workspace accepts: a duplicate that is
                // neither merged nor kept, into a claim that is not merged.
                let merges = &self.model.merges;
                let free: Vec<String> = self
                    .claim_ids()
                    .into_iter()
                    .filter(|c| !merges.contains_key(c) && !merges.values().any(|k| k == c))
                    .collect();
                let dup = self.pick(&free)?.clone();
                let keepers: Vec<String> = self
                    .claim_ids()
                    .into_iter()
                    .filter(|c| *c != dup && !self.model.merges.contains_key(c))
                    .collect();
                let keep = self.pick(&keepers)?.clone();
                (
                    vec![
                        s("claim"),
                        s("merge"),
                        dup.clone(),
                        s("--into"),
                        keep.clone(),
                    ],
                    Some(keep),
                    Some(dup),
                )
            }
            Kind::ClaimUnmerge => {
                let merged: Vec<String> = self.model.merges.keys().cloned().collect();
                let dup = self.pick(&merged)?.clone();
                (vec![s("claim"), s("unmerge"), dup.clone()], None, Some(dup))
            }
        };
        Some(Attempt {
            kind,
            args,
            value,
            target,
        })
    }

    /// Runs the attempt, killing it after `delay` unless it ended first.
    /// Returns whether it was killed, and its standard output when it
    /// exited 0.
    fn run(&self, attempt: &Attempt, delay: Option<Duration>) -> (bool, Option<String>) {
        let mut child = Command::new(&self.bin)
            .env_remove("CLAIMDESK_DB")
            .arg("--db")
            .arg(&self.db)
            .args(&attempt.args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn claimdesk");
        let mut killed = false;
        if let Some(delay) = delay {
            std::thread::sleep(delay);
            if child.try_wait().expect("try_wait").is_none() {
                // std's kill is SIGKILL on Unix: no chance to clean up.
                child.kill().expect("SIGKILL");
                killed = true;
            }
        }
        let out = child.wait_with_output().expect("wait");
        if killed {
            return (true, None);
        }
        assert!(
            out.status.success(),
            "{:?} failed without a kill: {}",
            attempt.args,
            String::from_utf8_lossy(&out.stderr)
        );
        (false, Some(String::from_utf8(out.stdout).expect("utf-8")))
    }

    fn record(&mut self, attempt: &Attempt, killed: bool, stdout: Option<&str>) {
        let value = attempt.value.clone().unwrap_or_default();
        let target = attempt.target.clone().unwrap_or_default();
        let acked = stdout.map(str::trim);
        match attempt.kind {
            Kind::ClaimAdd => {
                if let Some(id) = acked {
                    let statement = attempt.args[2].clone();
                    self.model.claims.insert(id.to_string(), statement);
                }
            }
            Kind::ClaimEdit => {
                let e = self.model.claimant.entry(target).or_default();
                if killed {
                    e.attempt_killed(value)
                } else {
                    e.acknowledge(value)
                }
            }
            Kind::ClaimStatus => {
                let e = self.model.verdict.entry(target).or_default();
                if killed {
                    e.attempt_killed(value)
                } else {
                    e.acknowledge(value)
                }
            }
            Kind::EvidenceAdd => {
                if let Some(id) = acked {
                    self.model.evidence.insert(id.to_string(), false);
                    self.model
                        .evidence_claim
                        .insert(id.to_string(), attempt.args[3].clone());
                }
            }
            Kind::EvidenceRemove => {
                if killed {
                    self.model.removal_killed.push(target);
                } else {
                    self.model.evidence.insert(target, true);
                }
            }
            Kind::SourceAdd => {
                if let Some(id) = acked {
                    self.model.sources.push(id.to_string());
                }
            }
            Kind::SourceImport => self.model.import_done |= !killed,
            Kind::BundleImport => {
                if !killed {
                    self.model.bundle_done = true;
                    for id in &self.bundle_claims {
                        self.model.claims.entry(id.clone()).or_default();
                    }
                }
            }
            Kind::ClaimReviewImport => self.model.reviews_done |= !killed,
            Kind::Settings => {
                if killed {
                    self.model.publisher.attempt_killed(value)
                } else {
                    self.model.publisher.acknowledge(value)
                }
            }
            Kind::ClaimMerge | Kind::ClaimUnmerge => {
                let merging = attempt.kind == Kind::ClaimMerge;
                let holds = if killed {
                    // Killed: it landed whole or not at all; read which.
                    let conn = rusqlite::Connection::open(&self.db).expect("open");
                    let keeper: Option<String> = conn
                        .query_row(
                            "SELECT keeper_id FROM claim_merges
                             WHERE duplicate_id = ?1 AND unmerged_at IS NULL",
                            [&target],
                            |r| r.get(0),
                        )
                        .ok();
                    let before = self.model.merges.get(&target).cloned();
                    let after = merging.then(|| value.clone());
                    assert!(
                        keeper == before || keeper == after,
                        "a killed {:?} left claim {target} merged into {keeper:?}",
                        attempt.kind
                    );
                    keeper
                } else {
                    merging.then(|| value.clone())
                };
                match holds {
                    Some(keeper) => self.model.merges.insert(target, keeper),
                    None => self.model.merges.remove(&target),
                };
            }
        }
    }

    /// Checks every invariant of the module doc; `what` names the write
    /// just killed, for the failure message.
    fn verify(&mut self, what: &str) {
        let conn = rusqlite::Connection::open(&self.db).expect("open after the kill");
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(integrity, "ok", "after {what}");
        let one = |sql: &str, p: &str| -> Option<Option<String>> {
            conn.query_row(sql, [p], |r| r.get::<_, Option<String>>(0))
                .ok()
        };
        for (id, statement) in &self.model.claims {
            let got = one("SELECT statement FROM claims WHERE id = ?1", id);
            assert!(
                got.is_some(),
                "after {what}: acknowledged claim {id} is gone"
            );
            if !statement.is_empty() {
                assert_eq!(
                    got.flatten().as_deref(),
                    Some(statement.as_str()),
                    "after {what}"
                );
            }
        }
        for (id, e) in &self.model.claimant {
            let got = one("SELECT claimant FROM claims WHERE id = ?1", id).flatten();
            assert!(
                e.allows(got.as_deref()),
                "after {what}: claimant of {id} is {got:?}"
            );
            if let Some(v) = got {
                let row = one(
                    "SELECT new FROM claim_history WHERE claim_id = ?1 AND field = 'claimant' ORDER BY seq DESC LIMIT 1",
                    id,
                )
                .flatten();
                assert_eq!(
                    row.as_deref(),
                    Some(v.as_str()),
                    "after {what}: edit of {id} without its history row"
                );
            }
        }
        for (id, e) in &self.model.verdict {
            let got = one("SELECT verdict FROM claims WHERE id = ?1", id).flatten();
            if e.acked.is_some() || !e.maybe.is_empty() {
                assert!(
                    e.allows(got.as_deref())
                        || got.as_deref() == Some("unverified") && e.acked.is_none(),
                    "after {what}: verdict of {id} is {got:?}"
                );
            }
        }
        for (id, removed) in &self.model.evidence {
            let got = conn
                .query_row(
                    "SELECT removed_at IS NOT NULL FROM evidence WHERE id = ?1",
                    [id],
                    |r| r.get::<_, bool>(0),
                )
                .unwrap_or_else(|_| panic!("after {what}: acknowledged evidence {id} is gone"));
            if *removed {
                assert!(got, "after {what}: acknowledged removal of {id} is undone");
            } else if got {
                assert!(
                    self.model.removal_killed.contains(id),
                    "after {what}: evidence {id} removed though no removal ran"
                );
            }
        }
        for id in &self.model.sources {
            let versions: i64 = conn
                .query_row(
                    "SELECT count(*) FROM source_versions WHERE source_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .expect("versions");
            assert!(
                versions >= 1,
                "after {what}: acknowledged source {id} has no version"
            );
        }
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
        let titles = self
            .page_titles
            .iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(",");
        let imported = count(&format!(
            "SELECT count(*) FROM sources WHERE title IN ({titles})"
        ));
        if self.model.import_done {
            assert_eq!(
                imported, PAGES as i64,
                "after {what}: an acknowledged import lost pages"
            );
        }
        let bundled = self
            .bundle_claims
            .iter()
            .filter(|id| one("SELECT id FROM claims WHERE id = ?1", id).is_some())
            .count();
        assert!(
            bundled == 0 || bundled == self.bundle_claims.len(),
            "after {what}: half a bundle is there ({bundled} of {})",
            self.bundle_claims.len()
        );
        let reviews = count("SELECT count(*) FROM claimreview_imports");
        if self.model.reviews_done {
            assert_eq!(
                reviews, 4,
                "after {what}: an acknowledged ClaimReview import is gone"
            );
        }
        assert!(
            reviews == 0 || reviews == 4,
            "after {what}: half a ClaimReview import ({reviews})"
        );
        for id in self.model.claims.keys() {
            let keeper = one(
                "SELECT keeper_id FROM claim_merges WHERE duplicate_id = ?1 AND unmerged_at IS NULL",
                id,
            )
            .flatten();
            assert_eq!(
                keeper.as_ref(),
                self.model.merges.get(id),
                "after {what}: claim {id} merged into {keeper:?}"
            );
            // The passages of its last merge stand on the kept claim while it
            // holds, and back on the duplicate once undone: never half moved.
            let last: Option<(String, String)> = conn
                .query_row(
                    "SELECT keeper_id, evidence_ids FROM claim_merges WHERE duplicate_id = ?1
                     ORDER BY seq DESC LIMIT 1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .ok();
            if let Some((kept, moved)) = last {
                let moved: Vec<String> = serde_json::from_str(&moved).expect("evidence ids");
                let on = if keeper.is_some() { &kept } else { id };
                for e in moved {
                    let claim = one("SELECT claim_id FROM evidence WHERE id = ?1", &e).flatten();
                    assert_eq!(
                        claim.as_deref(),
                        Some(on.as_str()),
                        "after {what}: passage {e} of the merge of {id} is half moved"
                    );
                }
            }
        }
        for (e, linked_to) in &self.model.evidence_claim {
            // On its own claim, or on the claim that one is merged into.
            let on = one("SELECT claim_id FROM evidence WHERE id = ?1", e).flatten();
            let kept = self.model.merges.get(linked_to);
            assert!(
                on.as_ref() == Some(linked_to) || on.is_some() && on.as_ref() == kept,
                "after {what}: passage {e} of claim {linked_to} is on {on:?}"
            );
        }
        let publisher = one("SELECT value FROM settings WHERE key = ?1", "publisher").flatten();
        assert!(
            self.model.publisher.allows(publisher.as_deref()),
            "after {what}: publisher is {publisher:?}"
        );
        drop(conn);
        // The next command works, and Claimdesk's own rules hold.
        let out = Command::new(&self.bin)
            .env_remove("CLAIMDESK_DB")
            .arg("--db")
            .arg(&self.db)
            .args(["check", "--json"])
            .output()
            .expect("run check");
        assert!(
            out.status.success(),
            "after {what}: check failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let report: Value = serde_json::from_slice(&out.stdout).expect("check json");
        assert_eq!(report["ok"], true, "after {what}: {report}");
    }

    /// Runs each kind once without a kill to learn how long it takes.
    fn calibrate(&mut self) {
        for kind in KINDS {
            let Some(attempt) = self.attempt(kind) else {
                continue;
            };
            let started = Instant::now();
            let (killed, out) = self.run(&attempt, None);
            self.typical.insert(kind, started.elapsed());
            self.record(&attempt, killed, out.as_deref());
            self.verify(&format!("{kind:?} (not killed)"));
        }
    }
}

#[test]
fn writes_killed_at_random_moments_lose_nothing_acknowledged_and_leave_nothing_half_there() {
    let kills: u32 = std::env::var("CLAIMDESK_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SHORT_KILLS);
    let seed: u64 = std::env::var("CLAIMDESK_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    let started = Instant::now();
    let mut h = Harness::new(seed);
    h.calibrate();
    let mut killed_by_kind: BTreeMap<Kind, u32> = BTreeMap::new();
    let mut finished = 0u32;
    let mut total_kills = 0u32;
    while total_kills < kills {
        let kind = KINDS[h.rng.below(KINDS.len() as u64) as usize];
        let Some(attempt) = h.attempt(kind) else {
            continue;
        };
        let typical = h
            .typical
            .get(&kind)
            .copied()
            .unwrap_or(Duration::from_millis(20));
        // Anywhere from before the process starts to a little past its usual end.
        let span = u64::try_from(typical.as_micros()).unwrap_or(50_000) * 11 / 10;
        let delay = Duration::from_micros(h.rng.below(span.max(1)));
        let (killed, out) = h.run(&attempt, Some(delay));
        h.record(&attempt, killed, out.as_deref());
        if killed {
            total_kills += 1;
            *killed_by_kind.entry(kind).or_default() += 1;
        } else {
            finished += 1;
        }
        h.verify(&format!(
            "{kind:?} {:?} (seed {seed}, killed: {killed})",
            attempt.args
        ));
    }
    eprintln!(
        "crash harness: {total_kills} kills, {finished} writes that finished first, seed {seed}, {:.1}s",
        started.elapsed().as_secs_f64()
    );
    eprintln!("  kills by kind: {killed_by_kind:?}");
    eprintln!(
        "  acknowledged and checked: {} claims, {} passages, {} sources",
        h.model.claims.len(),
        h.model.evidence.len(),
        h.model.sources.len()
    );
    assert!(total_kills >= kills);
}
