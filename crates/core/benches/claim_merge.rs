//! What merged duplicates cost: the default claim list (which now leaves
//! merged duplicates out) on 10,000 claims of which 500 are merged, against
//! the bare SQLite scan of the same rows without that filter; and one merge
//! plus its undo, against two plain claim edits (two write transactions with
//! a history row each), all measured in the same run.

use std::hint::black_box;

use claimdesk_core::Workspace;
use claimdesk_core::model::{ClaimEdit, ClaimFilter, NewClaim, NewEvidence, NewSource, Stance};
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CLAIMS: usize = 10_000;
const MERGED: usize = 500;

/// 10,000 claims; the first 1,002 with a passage each, and the first 1,000
/// merged in pairs (each into the next), leaving the last two for the bench.
fn workspace(dir: &std::path::Path) -> (Workspace, Vec<String>) {
    let ws = Workspace::create(dir.join("bench.sqlite")).expect("create");
    let text: String = (0..100)
        .map(|n| {
            format!(
                "Sentence {n}: the ferry carried {} passengers on day {n}.\n",
                n * 37
            )
        })
        .collect();
    let source = ws
        .sources()
        .add(NewSource {
            title: "Ferry log".into(),
            text: format!("Ferry log\n\n{text}"),
            ..Default::default()
        })
        .expect("source")
        .source
        .id;
    let mut ids = Vec::with_capacity(CLAIMS);
    for i in 0..CLAIMS {
        let claim = ws
            .claims()
            .add(NewClaim {
                statement: format!("Claim {i}: the ferry carried {} passengers", i * 7 % 13_000),
                tags: vec![format!("topic-{}", i % 20)],
                notes: Some(format!("Working note {i}")),
                ..Default::default()
            })
            .expect("add")
            .id;
        if i < 2 * MERGED + 2 {
            ws.evidence()
                .add(NewEvidence {
                    claim: claim.clone(),
                    source: source.clone(),
                    version: None,
                    quote: format!("passengers on day {}.", i % 100),
                    occurrence: None,
                    stance: Stance::Supports,
                    note: None,
                })
                .expect("evidence");
        }
        ids.push(claim);
    }
    for pair in ids[..2 * MERGED].chunks(2) {
        ws.claims().merge(&pair[0], &pair[1], None).expect("merge");
    }
    (ws, ids)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ws, ids) = workspace(dir.path());
    let raw = rusqlite::Connection::open(dir.path().join("bench.sqlite")).expect("raw");

    let mut group = c.benchmark_group("claim_list_10k_500_merged");
    group.sample_size(20);
    group.bench_function("baseline_raw_scan_without_merge_filter", |b| {
        b.iter(|| {
            let mut stmt = raw
                .prepare_cached(
                    "SELECT id, statement, claimant, verdict, updated_at FROM claims
                     WHERE deleted_at IS NULL ORDER BY updated_at DESC",
                )
                .expect("prepare");
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                })
                .expect("query")
                .count();
            black_box(rows)
        })
    });
    group.bench_function("list_default_merged_left_out", |b| {
        b.iter(|| {
            let n = ws
                .claims()
                .list(&ClaimFilter::default())
                .expect("list")
                .len();
            assert_eq!(n, CLAIMS - MERGED);
            black_box(n)
        })
    });
    group.bench_function("list_merged_only", |b| {
        b.iter(|| {
            let n = ws
                .claims()
                .list_merged(&ClaimFilter::default())
                .expect("list")
                .len();
            black_box(n)
        })
    });
    group.finish();

    let mut group = c.benchmark_group("merge_and_undo_10k");
    group.sample_size(20);
    let (dup, keep) = (&ids[2 * MERGED], &ids[2 * MERGED + 1]);
    let mut flip = false;
    group.bench_function("baseline_two_claim_edits", |b| {
        b.iter(|| {
            for _ in 0..2 {
                flip = !flip;
                let notes = if flip { "Edited note" } else { "Working note" };
                let edit = ClaimEdit {
                    notes: Some(notes.into()),
                    ..Default::default()
                };
                black_box(ws.claims().edit(dup, edit, None).expect("edit"));
            }
        })
    });
    group.bench_function("merge_then_unmerge", |b| {
        b.iter(|| {
            black_box(ws.claims().merge(dup, keep, None).expect("merge"));
            black_box(ws.claims().unmerge(dup, None).expect("unmerge"));
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
