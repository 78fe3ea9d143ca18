//! What capturing a page costs. Each capture workload is measured beside its
//! baseline, parsing the same HTML into a DOM and nothing else, so the
//! extraction's own share is visible in one run.

use std::hint::black_box;
use std::path::PathBuf;

use claimdesk_core::ingest::charset::decode_html;
use claimdesk_core::ingest::html::capture_html;
use criterion::{Criterion, criterion_group, criterion_main};

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

criterion_group!(benches, html_capture, charset);
criterion_main!(benches);
