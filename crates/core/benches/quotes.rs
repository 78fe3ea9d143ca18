//! Speed of the quotes engine: the quotations of a 10,000-word article (goal
//! ≤ 5 ms) with segmentation alone as the baseline in the same run, and
//! grouping across 200 sources (goal ≤ 200 ms) with finding each source's
//! quotations alone as its baseline.
//!
//! Inputs are the test fixtures (four invented outlets), repeated to size with
//! the names and numbers varied so that statements do not all collapse into one.

use std::hint::black_box;

use claimdesk_core::quotes::{QuoteOrigin, find_quotes, quotes_of_texts};
use claimdesk_core::text::segment;
use criterion::{Criterion, criterion_group, criterion_main};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const OUTLETS: [&str; 4] = [
    include_str!("../../../tests/fixtures/quotes/harbour-ledger.txt"),
    include_str!("../../../tests/fixtures/quotes/coast-wire.txt"),
    include_str!("../../../tests/fixtures/quotes/evening-post.txt"),
    include_str!("../../../tests/fixtures/quotes/radio-castellan.txt"),
];

/// An article of at least `words` words: the fixtures one after another, each
/// copy with its own names and numbers.
fn article(words: usize, seed: usize) -> String {
    let mut text = String::new();
    let mut copy = seed;
    while text.split_whitespace().count() < words {
        let outlet = OUTLETS[copy % OUTLETS.len()];
        let varied = outlet
            .replace("Castellan", &format!("Castellan{}", copy % 7))
            .replace("nine", ["nine", "ten", "eight"][copy % 3])
            .replace("Brell", ["Brell", "Morrow", "Dane"][copy % 3]);
        text.push_str(&varied);
        text.push_str("\n\n");
        copy += 1;
    }
    text
}

fn long_article(c: &mut Criterion) {
    let text = article(10_000, 0);
    let mut group = c.benchmark_group("quotes_of_a_10000_word_article");
    group.bench_function("baseline_segmentation_alone", |b| {
        b.iter(|| black_box(segment(black_box(&text))).len())
    });
    group.bench_function("find_quotes", |b| {
        b.iter(|| black_box(find_quotes(black_box(&text))).len())
    });
    group.finish();
}

fn two_hundred_sources(c: &mut Criterion) {
    let texts: Vec<String> = (0..200).map(|i| article(600, i)).collect();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let origins: Vec<QuoteOrigin> = (0..texts.len()).map(QuoteOrigin::File).collect();
    let mut group = c.benchmark_group("quotes_grouped_across_200_sources");
    group.sample_size(10);
    group.bench_function("baseline_find_quotes_per_source", |b| {
        b.iter(|| borrowed.iter().map(|t| find_quotes(t).len()).sum::<usize>())
    });
    group.bench_function("find_and_group", |b| {
        b.iter(|| {
            black_box(quotes_of_texts(&borrowed, &origins, None))
                .groups
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, long_article, two_hundred_sources);
criterion_main!(benches);
