//! What a backup and a check cost on a workspace of 2,000 claims and 500
//! sources: `backup` (online backup API, then the verification) against a
//! plain copy of the file measured in the same run, and `check` against
//! SQLite's own integrity check alone.

use std::hint::black_box;

use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewSource};
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CLAIMS: usize = 2_000;
const SOURCES: usize = 500;

fn workspace(dir: &std::path::Path) -> Workspace {
    let ws = Workspace::create(dir.join("bench.sqlite")).expect("create");
    for i in 0..CLAIMS {
        ws.claims()
            .add(NewClaim {
                statement: format!("Claim {i}: the ferry carried {} passengers", i * 7 % 13_000),
                ..Default::default()
            })
            .expect("claim");
    }
    for i in 0..SOURCES {
        let text: String = (0..30)
            .map(|n| {
                format!(
                    "Paragraph {n} of bulletin {i} says pier {} closed.\n",
                    (i * n) % 97
                )
            })
            .collect();
        ws.sources()
            .add(NewSource {
                title: format!("Bulletin {i}"),
                text,
                ..Default::default()
            })
            .expect("source");
    }
    ws
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let path = dir.path().join("bench.sqlite");
    let raw = rusqlite::Connection::open(&path).expect("raw");
    raw.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
    let mut group = c.benchmark_group("backup_and_check_2k_claims_500_sources");
    group.sample_size(10);
    let mut n = 0u64;
    group.bench_function("baseline_plain_file_copy", |b| {
        b.iter(|| {
            n += 1;
            let dest = dir.path().join(format!("plain-{n}.sqlite"));
            black_box(std::fs::copy(&path, &dest).expect("copy"));
            std::fs::remove_file(&dest).expect("remove");
        })
    });
    group.bench_function("backup_verified", |b| {
        b.iter(|| {
            n += 1;
            let dest = dir.path().join(format!("backup-{n}.sqlite"));
            black_box(ws.backup(Some(&dest)).expect("backup"));
            std::fs::remove_file(&dest).expect("remove");
        })
    });
    group.bench_function("baseline_sqlite_integrity_check", |b| {
        b.iter(|| {
            let r: String = raw
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .expect("integrity");
            black_box(r)
        })
    });
    group.bench_function("check_all_rules", |b| {
        b.iter(|| black_box(ws.check().expect("check")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
