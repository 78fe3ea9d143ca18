//! Speed of the timeline: the dated expressions of a 10,000-word article
//! (goal ≤ 3 ms) beside segmenting it alone, and the timeline of a workspace
//! of 2,000 sources (goal ≤ 500 ms; dates are stored with each version, so
//! this is a query and the merge, not a parse) beside reading the stored
//! dates rows alone.
//!
//! Inputs are the dated sentences of the timeline fixtures (invented news
//! sentences), repeated to size with the publication day varied.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewSource};
use claimdesk_core::sample::kept_desk::kept_workspace;
use claimdesk_core::text::segment;
use claimdesk_core::timeline::{TimelineFilter, dates_in_text, workspace_timeline};
use criterion::{Criterion, criterion_group, criterion_main};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FIXTURES: &str = include_str!("../../../tests/fixtures/timeline/expressions.tsv");
const SOURCES: usize = 2_000;
/// Bump when the generated workspace changes, so a stale cached one is not reused.
const GENERATION: u32 = 1;

/// The fixture sentences that hold a date.
fn dated_sentences() -> Vec<&'static str> {
    FIXTURES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() >= 4 && cols[3] != "-").then(|| cols[1])
        })
        .collect()
}

/// An article of at least `words` words from the dated sentences, in paragraphs of five.
fn article(words: usize) -> String {
    let sentences = dated_sentences();
    let mut text = String::new();
    let mut i = 0;
    while text.split_whitespace().count() < words {
        text.push_str(sentences[i % sentences.len()]);
        text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
        i += 1;
    }
    text
}

fn long_article(c: &mut Criterion) {
    let text = article(10_000);
    let published = NaiveDate::from_ymd_opt(2025, 12, 3);
    let mut group = c.benchmark_group("dates_of_a_10000_word_article");
    group.bench_function("baseline_segmentation_alone", |b| {
        b.iter(|| black_box(segment(black_box(&text))).len())
    });
    group.bench_function("dates_in_text", |b| {
        b.iter(|| black_box(dates_in_text(black_box(&text), published)).len())
    });
    group.finish();
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// The cached workspace of 2,000 sources (six dated sentences each, four
/// outlets, a publication day a year round) and 100 claims with event dates.
fn generated() -> PathBuf {
    let path = target_dir().join(format!("timeline-bench-{GENERATION}.sqlite"));
    kept_workspace(&path, fill).expect("the generated workspace is kept");
    path
}

fn fill(ws: &Workspace) -> claimdesk_core::Result<()> {
    let sentences = dated_sentences();
    let first_day = NaiveDate::from_ymd_opt(2025, 1, 1).expect("a day");
    for i in 0..SOURCES {
        let text: Vec<&str> = (0..6)
            .map(|k| sentences[(i * 7 + k * 13) % sentences.len()])
            .collect();
        ws.sources()
            .add(NewSource {
                title: format!("Report {i}"),
                outlet: Some(
                    ["Northern Ledger", "Coastal Courier", "Evening Star", "Wire"][i % 4].into(),
                ),
                url: Some(format!("https://news.example/{i}")),
                published_on: first_day.checked_add_days(Days::new((i % 365) as u64)),
                text: text.join(" "),
                ..Default::default()
            })
            .expect("add source");
    }
    for i in 0..100 {
        ws.claims()
            .add(NewClaim {
                statement: format!("Deadline {i} for the harbour talks"),
                event_on: first_day.checked_add_days(Days::new((i * 3) as u64)),
                tags: vec![format!("topic-{}", i % 5)],
                ..Default::default()
            })
            .expect("add claim");
    }
    Ok(())
}

fn two_thousand_sources(c: &mut Criterion) {
    let path = generated();
    let ws = Workspace::open(&path).expect("open");
    let raw = rusqlite::Connection::open(&path).expect("raw");
    let events = workspace_timeline(&ws, &[], &TimelineFilter::default(), None)
        .expect("timeline")
        .events
        .len();
    eprintln!("timeline of {SOURCES} sources: {events} events");
    let mut group = c.benchmark_group("timeline_of_2000_sources");
    group.sample_size(10);
    group.bench_function("baseline_reading_stored_dates_rows", |b| {
        b.iter(|| {
            let mut stmt = raw
                .prepare_cached(
                    "SELECT d.expression_start, d.expression_end, d.expression, d.sentence_start,
                            d.sentence_end, d.sentence, d.first_day, d.precision, d.until,
                            d.reading, d.alternatives, v.id, s.id, s.outlet
                     FROM sources s
                     JOIN source_versions v ON v.source_id = s.id
                          AND v.number = (SELECT max(number) FROM source_versions WHERE source_id = s.id)
                     JOIN version_dates d ON d.version_id = v.id",
                )
                .expect("prepare");
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, Option<String>>(13)?,
                    ))
                })
                .expect("query")
                .filter_map(Result::ok)
                .count();
            black_box(rows)
        })
    });
    group.bench_function("workspace_timeline", |b| {
        b.iter(|| {
            black_box(
                workspace_timeline(&ws, &[], &TimelineFilter::default(), None)
                    .expect("timeline")
                    .events
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, long_article, two_thousand_sources);
criterion_main!(benches);
