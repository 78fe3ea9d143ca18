//! How fast 1,000 evidence passages are followed into a new 10,000-word
//! version of their source (some sentences reworded, some removed, a
//! paragraph added), against the word diff of the two versions alone,
//! measured in the same run.

use std::hint::black_box;

use claimdesk_core::anchor::{Anchor, PassageStatus, VersionMap, anchor_bytes, follow};
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PASSAGES: usize = 1_000;

const WORDS: &[&str] = &[
    "ferry",
    "council",
    "harbour",
    "crossing",
    "fares",
    "storm",
    "captain",
    "island",
    "tickets",
    "residents",
    "spokesperson",
    "freeze",
    "spring",
    "review",
    "meeting",
    "passengers",
    "crew",
    "delay",
    "schedule",
    "mayor",
];

/// Sentence `i`: invented, varied, about twelve words.
fn sentence(i: usize, variant: usize) -> String {
    let w = |k: usize| WORDS[(i * 7 + k * 3 + variant) % WORDS.len()];
    format!(
        "On day {i} the {} said the {} and the {} would {} {} {} before the {}.",
        w(0),
        w(1),
        w(2),
        ["meet", "change", "review", "delay"][(i + variant) % 4],
        w(3),
        i * 13 % 997,
        w(4)
    )
}

/// About 10,000 words: 800 sentences of ~12 words.
fn versions() -> (String, String) {
    let old: Vec<String> = (0..800).map(|i| sentence(i, 0)).collect();
    let mut new = Vec::with_capacity(old.len() + 10);
    for (i, s) in old.iter().enumerate() {
        match i % 40 {
            7 => new.push(s.replace(" said ", " told reporters ")),
            19 => {}
            _ => new.push(s.clone()),
        }
        if i == 400 {
            new.extend((0..10).map(|k| sentence(5000 + k, 1)));
        }
    }
    (old.join(" "), new.join(" "))
}

/// 1,000 passages of the old version: a clause of every sentence, and more.
fn passages(old: &str) -> Vec<Anchor> {
    let mut out = Vec::with_capacity(PASSAGES);
    let mut at = 0;
    while out.len() < PASSAGES {
        let Some(rel) = old[at..].find(" said the ") else {
            at = 0;
            continue;
        };
        let start = at + rel + 1;
        let end = start + old[start..].find(" would").unwrap_or(10);
        out.push(anchor_bytes(old, start, end));
        at = end;
    }
    out
}

fn bench(c: &mut Criterion) {
    let (old, new) = versions();
    assert!(new.split_whitespace().count() >= 10_000);
    let anchors = passages(&old);
    let map = VersionMap::new(&old, &new);
    let statuses: Vec<PassageStatus> = anchors
        .iter()
        .map(|a| follow(&map, &old, &new, a).status)
        .collect();
    let count = |s| statuses.iter().filter(|&&x| x == s).count();
    eprintln!(
        "reanchor bench: {} unchanged, {} edited, {} gone",
        count(PassageStatus::Unchanged),
        count(PassageStatus::Edited),
        count(PassageStatus::Gone)
    );

    let mut group = c.benchmark_group("reanchor_1000_passages_10k_words");
    group.sample_size(10);
    group.bench_function("baseline_version_word_diff_alone", |b| {
        b.iter(|| black_box(VersionMap::new(black_box(&old), black_box(&new))));
    });
    group.bench_function("reanchor_all_passages", |b| {
        b.iter(|| {
            let map = VersionMap::new(&old, &new);
            let followed: Vec<_> = anchors
                .iter()
                .map(|a| follow(&map, &old, &new, a))
                .collect();
            black_box(followed)
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
