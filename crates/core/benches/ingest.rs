//! What capturing a page costs. Each capture workload is measured beside its
//! baseline, parsing the same HTML into a DOM and nothing else, so the
//! extraction's own share is visible in one run.
//!
//! Importing a folder of 500 generated article pages is measured beside its
//! baseline, the same pages through the extractor without storing: the issue's
//! targets are at least 50 pages a second and at most 1.5× extraction alone.
//! That group counts the thread's CPU time (as the compare bench does), since
//! wall time on a shared machine mostly measures the other processes; time
//! spent waiting for the disk is left out with it.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use claimdesk_core::Workspace;
use claimdesk_core::ingest::batch::expand_folder;
use claimdesk_core::ingest::charset::decode_html;
use claimdesk_core::ingest::fetch::FetchOptions;
use claimdesk_core::ingest::html::capture_html;
use claimdesk_core::ingest::into_workspace::import;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/thread_cpu.rs"]
mod thread_cpu;
use thread_cpu::ThreadCpu;

#[path = "support/outlets.rs"]
mod outlets;
#[path = "support/pages.rs"]
mod pages;

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/pages")
        .join(name);
    std::fs::read(path).expect("fixture")
}

/// A long article: the news fixture's body repeated until it has about 300 paragraphs.
fn long_article() -> String {
    let page = String::from_utf8(fixture("news-with-clutter.html")).expect("utf-8");
    let start = page.find("<div class=\"story-body\">").expect("body start");
    let end = page[start..]
        .find("<div class=\"share-tools\">")
        .expect("body end")
        + start;
    let body = &page[start..end];
    format!("{}{}{}", &page[..start], body.repeat(50), &page[end..])
}

fn html_capture(c: &mut Criterion) {
    let news = String::from_utf8(fixture("news-with-clutter.html")).expect("utf-8");
    let long = long_article();
    let deep = "<div>".repeat(1_000) + "<p>Text at the bottom of a deep page.</p>";
    let mut group = c.benchmark_group("html_capture");
    for (name, page) in [
        ("news_page", &news),
        ("long_article", &long),
        ("deep_1000", &deep),
    ] {
        group.bench_function(format!("baseline_parse_only/{name}"), |b| {
            b.iter(|| dom_query::Document::from(black_box(page.as_str())))
        });
        group.bench_function(format!("capture/{name}"), |b| {
            b.iter(|| capture_html(black_box(page), None).expect("captures"))
        });
    }
    group.finish();
}

fn charset(c: &mut Criterion) {
    let legacy = fixture("windows-1252.html");
    let mut group = c.benchmark_group("charset");
    group.bench_function("baseline_utf8_lossy/windows_1252_page", |b| {
        b.iter(|| String::from_utf8_lossy(black_box(&legacy)).into_owned())
    });
    group.bench_function("decode_html/windows_1252_page", |b| {
        b.iter(|| decode_html(black_box(&legacy), None).expect("decodes"))
    });
    group.finish();
}

/// How many saved pages the folder import reads.
const PAGES: u64 = 500;

fn import_folder(c: &mut Criterion<ThreadCpu>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("pages");
    pages::write_folder(&folder, PAGES).expect("write the pages");
    let expanded = expand_folder(&folder).expect("expand");
    let options = FetchOptions::default();
    let mut group = c.benchmark_group("import_folder");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Elements(PAGES));
    group.bench_function("baseline_extract_only/500_pages", |b| {
        b.iter(|| {
            for input in &expanded.inputs {
                black_box(input.capture(&options).expect("captures"));
            }
        })
    });
    group.bench_function("import/500_pages", |b| {
        b.iter_batched(
            || {
                let path = dir.path().join("workspace.sqlite");
                let _ = std::fs::remove_file(&path);
                let _ = std::fs::remove_file(path.with_extension("sqlite-wal"));
                let _ = std::fs::remove_file(path.with_extension("sqlite-shm"));
                Workspace::open_or_create(&path).expect("workspace")
            },
            |ws| {
                let summary = import(&ws, &expanded, &options, |_| {});
                assert_eq!(summary.added.len(), PAGES as usize, "{summary:?}");
                ws
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, html_capture, charset);
criterion_group! {
    name = import_benches;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = import_folder
}
criterion_main!(benches, import_benches);
