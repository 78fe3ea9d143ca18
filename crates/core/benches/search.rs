//! Search on a generated workspace of 2,000 sources × 800 words (about
//! 100,000 sentences) and 10,000 claims, each workload beside its baseline in
//! the same run:
//! - a typical 2–3 word search with snippets, top 20, against a bare FTS5
//!   `MATCH … ORDER BY rank LIMIT 20` on the same index;
//! - a word in about 90% of passages, the same way;
//! - evidence suggestions for a claim;
//! - adding a source (which indexes it) against the store's same steps with
//!   the index switched off (the `bench-baselines` feature);
//! - the index's size against the stored text, printed once.
//!
//! The generated workspace is cached in the target directory (it takes a
//! while to make); delete `search-bench-*.sqlite` there to make it again.

use std::hint::black_box;
use std::path::PathBuf;

use claimdesk_core::Workspace;
use claimdesk_core::sample::kept_desk::kept_workspace;
use claimdesk_core::search::{self, SearchRequest};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

#[path = "support/newsroom.rs"]
mod newsroom;
use newsroom::{COMMON, GENERATION, Rng, SOURCES, new_source, word};

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// The cached generated workspace, made on first use.
fn generated() -> PathBuf {
    let path = target_dir().join(format!("search-bench-{GENERATION}.sqlite"));
    kept_workspace(&path, |ws| {
        newsroom::fill(ws);
        Ok(())
    })
    .expect("the generated workspace is kept");
    path
}

fn bench(c: &mut Criterion) {
    let path = generated();
    let ws = Workspace::open(&path).expect("open");
    let raw = rusqlite::Connection::open(&path).expect("raw");

    // Sizes, once: the index against the text it indexes.
    let text_bytes: i64 = raw
        .query_row(
            "SELECT sum(length(CAST(text AS BLOB))) FROM source_versions",
            [],
            |r| r.get(0),
        )
        .expect("text size");
    let index_bytes: i64 = raw
        .query_row(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'passages%' OR name = 'sqlite_autoindex_passages_1'",
            [],
            |r| r.get(0),
        )
        .expect("index size");
    let sentences: i64 = raw
        .query_row("SELECT count(*) FROM passages", [], |r| r.get(0))
        .expect("count");
    eprintln!(
        "search bench: {sentences} sentences; stored text {text_bytes} bytes, passage index {index_bytes} bytes ({:.2}×)",
        index_bytes as f64 / text_bytes as f64
    );

    let typical = format!("{} {}", word(40), word(55));
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    let bare = |q: &str| {
        let mut stmt = raw
            .prepare_cached(
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?1 ORDER BY rank LIMIT 20",
            )
            .expect("prepare");
        stmt.query_map([q], |r| r.get::<_, i64>(0))
            .expect("query")
            .count()
    };
    group.bench_function("baseline_bare_fts5_typical", |b| {
        let q = format!("\"{}\" \"{}\"", word(40), word(55));
        b.iter(|| black_box(bare(&q)))
    });
    group.bench_function("typical_2_words_top20_with_snippets", |b| {
        b.iter(|| {
            black_box(
                search::run(
                    &ws,
                    &SearchRequest {
                        scope: Some(search::Scope::Sources),
                        ..SearchRequest::new(typical.clone())
                    },
                )
                .expect("search"),
            )
        })
    });
    group.bench_function("typical_2_words_sources_and_claims", |b| {
        b.iter(|| {
            black_box(search::run(&ws, &SearchRequest::new(typical.clone())).expect("search"))
        })
    });
    group.bench_function("baseline_bare_fts5_common_word", |b| {
        b.iter(|| black_box(bare(COMMON)))
    });
    group.bench_function("common_word_in_90pct_top20", |b| {
        b.iter(|| {
            black_box(
                search::run(
                    &ws,
                    &SearchRequest {
                        scope: Some(search::Scope::Sources),
                        ..SearchRequest::new(COMMON)
                    },
                )
                .expect("search"),
            )
        })
    });
    group.finish();

    let claim: String = raw
        .query_row(
            "SELECT id FROM claims ORDER BY seq LIMIT 1 OFFSET 77",
            [],
            |r| r.get(0),
        )
        .expect("a claim");
    let mut group = c.benchmark_group("evidence_suggest");
    group.sample_size(20);
    group.bench_function("one_claim_top10", |b| {
        b.iter(|| black_box(search::suggest(&ws, &claim, None).expect("suggest")))
    });
    group.finish();

    // Adding a source: the store's write with the index, against the same
    // write with the index switched off, each on a workspace of its own.
    let dir = tempfile::tempdir().expect("tempdir");
    let small = dir.path().join("small.sqlite");
    let small_ws = Workspace::create(&small).expect("small");
    let mut rng = Rng(0xADD);
    let mut n = SOURCES;
    let mut group = c.benchmark_group("add_source");
    group.sample_size(30);
    group.bench_function("with_index", |b| {
        b.iter_batched(
            || {
                n += 1;
                new_source(&mut rng, n)
            },
            |s| black_box(small_ws.sources().add(s).expect("add")),
            BatchSize::SmallInput,
        )
    });
    // The store's own steps (normalise, hash, look for the page and the
    // text, the rows, the dates) with the index switched off, on a workspace
    // grown the same way.
    let unindexed = Workspace::create(dir.path().join("unindexed.sqlite")).expect("unindexed");
    group.bench_function("baseline_store_without_index", |b| {
        b.iter_batched(
            || {
                n += 1;
                new_source(&mut rng, n)
            },
            |s| {
                search::index::baseline::skip_indexing(true);
                let added = unindexed.sources().add(s);
                search::index::baseline::skip_indexing(false);
                black_box(added.expect("add"))
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
