//! Speed of the compare engine, with the plain whole-text word diff measured in
//! the same run as the baseline it must beat by 50×.
//!
//! Inputs are generated here, deterministically: invented vocabulary, names and
//! numbers arranged into news-like sentences, then "rewritten" by a second outlet
//! (dropped, added, reworded, reordered and split sentences) or lightly edited
//! into a second version; and near-copies made only of common words (the
//! alignment tests' generator), with their whole-text word diff as baseline.

use std::hint::black_box;
use std::time::Duration;

use claimdesk_core::compare::{
    CompareOptions, ManyOptions, compare_many, compare_texts, compare_versions,
};
use claimdesk_core::text::segment;
use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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

/// CPU time of the benchmarking thread: what the work costs on one core, even
/// when other processes share the machine (wall time would count their turns).
struct ThreadCpu;

impl Measurement for ThreadCpu {
    type Intermediate = cpu_time::ThreadTime;
    type Value = Duration;

    fn start(&self) -> Self::Intermediate {
        cpu_time::ThreadTime::now()
    }
    fn end(&self, started: Self::Intermediate) -> Self::Value {
        started.elapsed()
    }
    fn add(&self, a: &Self::Value, b: &Self::Value) -> Self::Value {
        *a + *b
    }
    fn zero(&self) -> Self::Value {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Self::Value) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns cpu")
        } else if typical < 1e6 {
            (1e-3, "µs cpu")
        } else if typical < 1e9 {
            (1e-6, "ms cpu")
        } else {
            (1e-9, "s cpu")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per = match throughput {
            Throughput::Elements(n) | Throughput::Bytes(n) | Throughput::BytesDecimal(n) => {
                *n as f64
            }
            _ => 1.0,
        };
        values.iter_mut().for_each(|v| *v = per * 1e9 / *v);
        "per cpu second"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

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
