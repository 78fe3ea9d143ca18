//! How fast the claim list the app shows can be read from a workspace of
//! 10,000 claims, against a bare SQLite scan of the same rows measured in the
//! same run.

use std::hint::black_box;

use claimdesk_core::Workspace;
use claimdesk_core::model::{ClaimFilter, NewClaim};
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CLAIMS: usize = 10_000;

fn workspace_with_claims(dir: &std::path::Path) -> Workspace {
    let ws = Workspace::create(dir.join("bench.sqlite")).expect("create");
    let outlets = ["Northern Ledger", "Coastal Courier", "Evening Star", "Wire"];
    for i in 0..CLAIMS {
        ws.claims()
            .add(NewClaim {
                statement: format!(
                    "Claim {i}: the ferry operator said {} passengers travelled on day {}",
                    i * 7 % 13_000,
                    i % 365
                ),
                claimant: Some(outlets[i % outlets.len()].into()),
                tags: vec![format!("topic-{}", i % 20)],
                ..Default::default()
            })
            .expect("add");
    }
    ws
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace_with_claims(dir.path());
    let raw = rusqlite::Connection::open(dir.path().join("bench.sqlite")).expect("raw");

    let mut group = c.benchmark_group("claim_list_10k");
    group.sample_size(20);
    group.bench_function("baseline_raw_sqlite_scan", |b| {
        b.iter(|| {
            let mut stmt = raw
                .prepare_cached("SELECT id, statement, claimant, verdict, updated_at FROM claims ORDER BY updated_at DESC")
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
    group.bench_function("list_all_claims", |b| {
        b.iter(|| {
            black_box(
                ws.claims()
                    .list(&ClaimFilter::default())
                    .expect("list")
                    .len(),
            )
        })
    });
    group.bench_function("search_as_you_type", |b| {
        let filter = ClaimFilter {
            text: Some("ferry passeng".into()),
            tag: Some("topic-3".into()),
            ..Default::default()
        };
        b.iter(|| black_box(ws.claims().list(&filter).expect("search").len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
