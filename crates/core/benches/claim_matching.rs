//! Claim matching on a workspace of 15,000 imported ClaimReviews (generated,
//! seeded), each workload beside its baseline in the same run:
//! - `claim similar` for a paraphrase (BM25 candidates, fused scoring, tiers
//!   with fact checks) against the bare FTS5 query it starts from
//!   (`MATCH … ORDER BY rank LIMIT 30` on the same index, same OR query);
//! - importing the 15,000 reviews, timed once and printed (the target is
//!   15 s), against adding the same statements as plain claims one by one.
//!
//! The imported workspace is cached in the target directory; delete
//! `claim-matching-bench-*.sqlite` there to import again.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use claimdesk_core::Workspace;
use claimdesk_core::exchange::import_claimreview;
use claimdesk_core::sample::claim_reviews;
use claimdesk_core::sample::kept_desk::kept_workspace;
use claimdesk_core::search;
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const REVIEWS: usize = 15_000;
/// Bump when the generator changes, so a cached workspace is made again.
const GENERATION: u32 = 1;

fn reviews_json() -> (String, Vec<String>) {
    let generated = claim_reviews::generate(REVIEWS, claim_reviews::SEED);
    (generated.json, generated.statements)
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// The imported workspace, made (and its import timed) on first use.
fn generated(json: &str, statements: &[String]) -> PathBuf {
    let path = target_dir().join(format!("claim-matching-bench-{GENERATION}.sqlite"));
    let start = Instant::now();
    let imported = kept_workspace(&path, |ws| import_claimreview(ws, json))
        .expect("the imported workspace is kept");
    let Some(done) = imported else {
        return path;
    };
    let import = start.elapsed();
    assert_eq!(done.added.len(), REVIEWS);

    // Baseline: the same statements as plain claims, one write each.
    let plain_path = path.with_extension("plain");
    let _ = std::fs::remove_file(&plain_path);
    let plain = Workspace::create(&plain_path).expect("create");
    let start = Instant::now();
    for s in statements {
        plain
            .claims()
            .add(claimdesk_core::model::NewClaim {
                statement: s.clone(),
                ..Default::default()
            })
            .expect("add");
    }
    let adds = start.elapsed();
    drop(plain);
    let _ = std::fs::remove_file(&plain_path);
    eprintln!(
        "claim matching bench: importing {REVIEWS} reviews took {:.2} s (target 15 s); \
         baseline, adding the same statements one claim at a time: {:.2} s",
        import.as_secs_f64(),
        adds.as_secs_f64()
    );
    path
}

fn bench(c: &mut Criterion) {
    let (json, statements) = reviews_json();
    let path = generated(&json, &statements);
    let ws = Workspace::open(&path).expect("open");
    let raw = rusqlite::Connection::open(&path).expect("raw");
    let queries: Vec<String> = (0..20)
        .map(|i| claim_reviews::paraphrase(&statements[i * 701]))
        .collect();
    let found = search::similar(&ws, &queries[0], None).expect("similar");
    eprintln!(
        "claim matching bench: {:?} -> {:?}",
        queries[0],
        found
            .claims
            .first()
            .map(|c| (&c.statement, c.tier, c.score))
    );
    // The very query `claim similar` sends, so the ratio is what matching adds.
    let fts: Vec<String> = queries
        .iter()
        .map(|q| search::similar::candidate_query(q).expect("content words"))
        .collect();

    let mut group = c.benchmark_group("claim_matching_15000");
    group.sample_size(30);
    let mut i = 0;
    group.bench_function("baseline_bare_fts5_or_query_top30", |b| {
        b.iter(|| {
            i = (i + 1) % fts.len();
            let mut stmt = raw
                .prepare_cached(
                    "SELECT rowid FROM claim_match_fts WHERE claim_match_fts MATCH ?1 ORDER BY rank LIMIT 30",
                )
                .expect("prepare");
            black_box(
                stmt.query_map([&fts[i]], |r| r.get::<_, i64>(0))
                    .expect("query")
                    .count(),
            )
        })
    });
    let mut i = 0;
    group.bench_function("claim_similar_paraphrase", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(search::similar(&ws, &queries[i], None).expect("similar"))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
