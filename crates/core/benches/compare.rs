//! Speed of the compare engine. The `targets` group holds the issue's
//! in-process target for two 10,000-word outlets (at most 5 ms), the compare
//! alone and with the JSON the CLI prints; the whole-process target (at most
//! 1.5× `git diff --word-diff`) is timed by `scripts/bench-compare-process.sh`.
//! The older baselines (the plain whole-text word diff, once "beat by 50×")
//! stay for reference.
//!
//! Inputs are generated (benches/support/outlets.rs), deterministically: invented vocabulary, names and
//! numbers arranged into news-like sentences, then "rewritten" by a second outlet
//! (dropped, added, reworded, reordered and split sentences) or lightly edited
//! into a second version; and near-copies made only of common words (the
//! alignment tests' generator), with their whole-text word diff as baseline.

use std::hint::black_box;
use std::time::Duration;

use claimdesk_core::compare::view::TextsComparison;
use claimdesk_core::compare::{
    CompareOptions, ManyOptions, compare_many, compare_texts, compare_versions,
};
use claimdesk_core::text::segment;
use criterion::{Criterion, criterion_group, criterion_main};
use similar::{Algorithm, TextDiff};

/// The generated outlets and versions (shared with the whole-process script).
#[path = "support/outlets.rs"]
mod outlets;
use outlets::{article, edited, other_outlet, render};

/// Near-copies made of common words, the generator the alignment tests use.
#[path = "../tests/support/near_copy.rs"]
mod near_copy;

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time of the benchmarking thread (shared with the ingest bench).
#[path = "support/thread_cpu.rs"]
mod thread_cpu;
use thread_cpu::ThreadCpu;

fn bench_compare(c: &mut Criterion<ThreadCpu>) {
    let base = article(1, 10_000);
    let left = render(&base);
    let right = render(&other_outlet(&base, 2));
    let opts = CompareOptions::default();
    let version_a = render(&article(3, 10_000));
    let version_b = render(&edited(&article(3, 10_000)));
    let unrelated = render(&article(4, 10_000));
    let long_sentence = article(5, 10_000).concat().join(" ");
    let long_sentence_edited = long_sentence.replacen(" the ", " one ", 40);
    let repeated =
        "The council met on Tuesday to discuss the new budget for the harbour. ".repeat(1000);
    let pivot_base = article(6, 5_000);
    let pivot = render(&pivot_base);
    let outlets: Vec<String> = (0..4)
        .map(|i| render(&other_outlet(&pivot_base, 10 + i)))
        .collect();
    let outlet_refs: Vec<&str> = outlets.iter().map(String::as_str).collect();
    let near = near_copy::near_copies(7, 10_000, 85);

    let mut group = c.benchmark_group("compare");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("segment_only_10k_words", |b| {
        b.iter(|| segment(black_box(&left)).len())
    });
    group.bench_function("two_outlets_10k_words", |b| {
        b.iter(|| compare_texts(black_box(&left), black_box(&right), &opts))
    });
    group.bench_function("versions_10k_words_handful_of_edits", |b| {
        b.iter(|| compare_versions(black_box(&version_a), black_box(&version_b), &opts))
    });
    group.bench_function("five_outlets_5k_words", |b| {
        b.iter(|| {
            compare_many(
                black_box(&pivot),
                black_box(&outlet_refs),
                &ManyOptions::default(),
            )
        })
    });
    group.bench_function("near_copies_of_common_words_10k_words", |b| {
        b.iter(|| compare_texts(black_box(&near.left), black_box(&near.right), &opts))
    });
    group.bench_function("pathological_empty", |b| {
        b.iter(|| compare_texts(black_box(""), black_box(""), &opts))
    });
    group.bench_function("pathological_identical_10k", |b| {
        b.iter(|| compare_texts(black_box(&left), black_box(&left), &opts))
    });
    group.bench_function("pathological_unrelated_10k", |b| {
        b.iter(|| compare_texts(black_box(&left), black_box(&unrelated), &opts))
    });
    group.bench_function("pathological_one_10k_word_sentence_edited", |b| {
        b.iter(|| {
            compare_texts(
                black_box(&long_sentence),
                black_box(&long_sentence_edited),
                &opts,
            )
        })
    });
    group.bench_function("pathological_one_10k_word_sentence_vs_article", |b| {
        b.iter(|| compare_texts(black_box(&long_sentence), black_box(&right), &opts))
    });
    group.bench_function("pathological_same_sentence_1000_times", |b| {
        b.iter(|| compare_texts(black_box(&repeated), black_box(&repeated), &opts))
    });
    group.bench_function("pathological_same_sentence_1000_times_vs_article", |b| {
        b.iter(|| compare_texts(black_box(&repeated), black_box(&left), &opts))
    });
    group.finish();

    let mut targets = c.benchmark_group("targets");
    targets
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets.bench_function("in_process_two_outlets_10k_words", |b| {
        b.iter(|| compare_texts(black_box(&left), black_box(&right), &opts))
    });
    targets.bench_function("in_process_two_outlets_10k_words_with_json", |b| {
        b.iter(|| {
            let comparison = compare_texts(black_box(&left), black_box(&right), &opts);
            let view = TextsComparison::of(&comparison, &left, &right);
            let mut json = Vec::with_capacity(1 << 20);
            serde_json::to_writer_pretty(&mut json, &view).expect("serialises");
            json.len()
        })
    });
    targets.finish();

    let mut baseline = c.benchmark_group("baseline");
    baseline
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    baseline.bench_function("whole_text_word_diff_myers_10k_words", |b| {
        b.iter(|| {
            let diff = TextDiff::configure()
                .algorithm(Algorithm::Myers)
                .diff_words(black_box(left.as_str()), black_box(right.as_str()));
            diff.ops().len()
        })
    });
    // similar 3 names the classic, heuristic-free Myers "RawMyers"; measured too,
    // since "Myers" in similar 3 bounds its own work.
    baseline.bench_function("whole_text_word_diff_raw_myers_10k_words", |b| {
        b.iter(|| {
            let diff = TextDiff::configure()
                .algorithm(Algorithm::RawMyers)
                .diff_words(black_box(left.as_str()), black_box(right.as_str()));
            diff.ops().len()
        })
    });
    // The same diff with similar 2.x, whose Myers (no deadline) is the classic
    // algorithm: what "Myers, no deadline" meant before similar 3.
    baseline.bench_function("whole_text_word_diff_similar2_myers_10k_words", |b| {
        b.iter(|| {
            let diff = similar2::TextDiff::configure()
                .algorithm(similar2::Algorithm::Myers)
                .diff_words(black_box(left.as_str()), black_box(right.as_str()));
            diff.ops().len()
        })
    });
    baseline.bench_function("whole_text_word_diff_myers_near_copies_10k_words", |b| {
        b.iter(|| {
            let diff = TextDiff::configure()
                .algorithm(Algorithm::Myers)
                .diff_words(
                    black_box(near.left.as_str()),
                    black_box(near.right.as_str()),
                );
            diff.ops().len()
        })
    });
    baseline.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_compare
}
criterion_main!(benches);
