//! What the desktop app's compare path adds to the engine: loading both
//! sources from a workspace file and building the owned view (code point
//! offsets, owned strings). The engine alone on the same texts is measured in
//! the same run as the baseline.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::compare::view::{SideInfo, comparison_view};
use claimdesk_core::compare::{CompareOptions, SourceRef, compare_sources, compare_texts};
use claimdesk_core::model::NewSource;
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// About 10,000 words: the fixture article told again in numbered parts, so
/// sentences differ from part to part as they would in a long report.
fn long_article(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/compare/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"));
    let words = text.split_whitespace().count().max(1);
    (0..10_000 / words + 1)
        .map(|i| format!("Part {i}, filed from district {}.\n\n{text}", i * 7 + 3))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn side(id: &str) -> SideInfo {
    SideInfo {
        source_id: id.into(),
        title: id.into(),
        outlet: None,
        version: 1,
        version_count: 1,
        published_on: None,
    }
}

fn bench_view(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("bench.sqlite")).expect("workspace");
    let mut ids = Vec::new();
    for (name, outlet, day) in [
        ("outlet-ledger.txt", "Ledger", 24),
        ("outlet-wire.txt", "Wire", 25),
    ] {
        let added = ws
            .sources()
            .add(NewSource {
                title: outlet.into(),
                outlet: Some(outlet.into()),
                published_on: NaiveDate::from_ymd_opt(2025, 11, day),
                text: long_article(name),
                ..Default::default()
            })
            .expect("source");
        ids.push(added.source.id);
    }
    let left = ws.sources().version(&ids[0], None).expect("text").text;
    let right = ws.sources().version(&ids[1], None).expect("text").text;
    let opts = CompareOptions {
        left_published: NaiveDate::from_ymd_opt(2025, 11, 24),
        right_published: NaiveDate::from_ymd_opt(2025, 11, 25),
    };
    let (l, r) = (
        SourceRef::latest(ids[0].clone()),
        SourceRef::latest(ids[1].clone()),
    );

    let mut group = c.benchmark_group("compare_view");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("baseline_engine_only_two_outlets_10k_words", |b| {
        b.iter(|| {
            compare_texts(black_box(&left), black_box(&right), &opts)
                .pairs
                .len()
        })
    });
    let engine = compare_texts(&left, &right, &opts);
    group.bench_function("owned_view_of_a_comparison_10k_words", |b| {
        b.iter(|| {
            comparison_view(
                black_box(&engine),
                (side("l"), &left),
                (side("r"), &right),
                None,
            )
            .pairs
            .len()
        })
    });
    group.bench_function("app_two_outlets_from_workspace_10k_words", |b| {
        b.iter(|| compare_sources(&ws, black_box(&l), black_box(&r)).map(|v| v.pairs.len()))
    });
    group.finish();
}

criterion_group!(benches, bench_view);
criterion_main!(benches);
