//! Every parser, fuzzed: each test below feeds one parser generated input for a
//! few seconds (`CLAIMDESK_FUZZ_SECONDS` for longer) and fails on any panic,
//! printing the smallest input that caused it. A found crash becomes a
//! regression test in the layer where the rule lives.
//!
//! Adding a target is one test: `harness::fuzz("name", seeds, |bytes| { ... })`,
//! where the closure calls the parser on `bytes` and ignores a refusal (`Err`)
//! but may assert what must hold of a success.

mod harness;
mod seeds;
#[path = "../support/mod.rs"]
mod support;

use chrono::NaiveDate;
use claimdesk_core::anchor::{byte_range, locate, reanchor};
use claimdesk_core::compare::{
    CompareOptions, ManyOptions, compare_many, compare_texts, compare_versions,
};
use claimdesk_core::exchange::{bundle::import_bundle, import_claimreview};
use claimdesk_core::ingest::charset::{charset_from_content_type, decode_html};
use claimdesk_core::ingest::html::capture_html_bytes;
use claimdesk_core::ingest::pdf::capture_pdf;
use claimdesk_core::ingest::text::{capture_markdown, capture_plain_text};
use claimdesk_core::text::{facts, segment};
use harness::{fuzz, joined, two_texts};

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 11, 27)
}

#[test]
fn html_article_extraction_and_metadata() {
    fuzz("html_article", seeds::pages(), |bytes| {
        if let Ok(c) = capture_html_bytes(bytes, None, Some("https://news.example/a/b")) {
            // Metadata read from a hostile page never carries a script address.
            for url in [&c.meta.canonical_url, &c.meta.final_url]
                .into_iter()
                .flatten()
            {
                assert!(url.starts_with("http"), "{url}");
            }
        }
    });
}

#[test]
fn charset_detection() {
    const DECLARED: &[Option<&str>] = &[
        None,
        Some("text/html; charset=utf-8"),
        Some("text/html; charset=windows-1252"),
        Some("text/html;charset=\"shift_jis\""),
        Some("text/html; charset=utf-16le"),
        Some("text/html; charset=nonsense"),
    ];
    fuzz("charset", seeds::pages(), |bytes| {
        let declared = DECLARED[bytes
            .first()
            .map_or(0, |b| usize::from(*b) % DECLARED.len())];
        let _ = decode_html(bytes, declared);
        let _ = charset_from_content_type(&lossy(bytes));
    });
}

#[test]
fn pdf_text() {
    let seeds = vec![
        support::make_pdf(&["The mayor will sign the ferry contract on Friday."]),
        support::make_pdf(&["Page one of the statement.", "Page two, “quoted”."]),
        support::make_pdf(&[]),
    ];
    fuzz("pdf_text", seeds, |bytes| {
        let _ = capture_pdf(bytes);
    });
}

#[test]
fn markdown_and_plain_text() {
    fuzz("markdown", seeds::markdown(), |bytes| {
        let _ = capture_markdown(bytes);
        let _ = capture_plain_text(bytes);
    });
}

#[test]
fn claimreview_import() {
    let (_dir, ws) = seeds::sample_workspace();
    fuzz("claimreview_import", seeds::claimreviews(), |bytes| {
        let _ = import_claimreview(&ws, &lossy(bytes));
    });
}

#[test]
fn bundle_import() {
    let (_dir, ws) = seeds::sample_workspace();
    fuzz("bundle_import", seeds::bundles(), |bytes| {
        let _ = import_bundle(&ws, &lossy(bytes));
    });
}

#[test]
fn sentence_segmentation() {
    fuzz("segment", seeds::articles(), |bytes| {
        let text = lossy(bytes);
        let mut last_end = 0;
        for (i, s) in segment(&text).iter().enumerate() {
            assert_eq!(s.index, i);
            assert_eq!(
                &text[s.start..s.end],
                s.text,
                "a sentence is a slice of its text"
            );
            assert!(s.start >= last_end, "sentences in order, not overlapping");
            last_end = s.end;
        }
    });
}

#[test]
fn compare() {
    let articles = seeds::articles();
    let pairs = articles
        .iter()
        .zip(articles.iter().skip(1))
        .map(|(a, b)| joined(a, b))
        .collect();
    fuzz("compare", pairs, |bytes| {
        let (left, right) = two_texts(bytes);
        let opts = CompareOptions {
            left_published: published(),
            right_published: None,
        };
        let _ = compare_texts(&left, &right, &opts);
        let _ = compare_versions(&left, &right, &opts);
        let _ = compare_many(&left, &[&right, &left], &ManyOptions::default());
    });
}

#[test]
fn facts_and_dates() {
    fuzz("facts_dates", seeds::articles(), |bytes| {
        let text = lossy(bytes);
        for s in segment(&text) {
            let found = facts::extract(s.text, published());
            for d in &found.dates {
                assert_eq!(&s.text[d.start..d.end], d.surface);
            }
            let _ = found.merged_spans();
        }
    });
}

#[test]
fn anchor_matcher() {
    let seeds = seeds::articles()
        .iter()
        .map(|a| {
            let text = String::from_utf8_lossy(a);
            let quote: String = text
                .split_whitespace()
                .skip(5)
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            joined(a, quote.as_bytes())
        })
        .collect();
    fuzz("anchor", seeds, |bytes| {
        let (text, quote) = two_texts(bytes);
        let occurrence = quote.len() as u32 % 3;
        let Ok(anchor) = locate(&text, &quote, (occurrence > 0).then_some(occurrence)) else {
            return;
        };
        let (start, end) =
            byte_range(&text, anchor.start, anchor.end).expect("the anchor lies in its text");
        assert_eq!(&text[start..end], anchor.exact, "the selectors agree");
        let edited = format!("A new first line.\n\n{text}");
        let again = reanchor(&edited, &anchor).expect("the words are still there");
        assert_eq!(again.exact, anchor.exact);
    });
}

#[test]
fn search_query_grammar() {
    // Whatever is typed, the expression the grammar writes is one FTS5 accepts:
    // a user's text never reaches SQLite as syntax it could reject.
    let conn = rusqlite::Connection::open_in_memory().expect("in-memory database");
    conn.execute_batch(
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2');
         INSERT INTO t (x) VALUES ('The envoys met for five hours on Tuesday');",
    )
    .expect("fts5 table");
    let seeds = [
        "five hours",
        "\"peace plan\" -talks OR envoys",
        "outlet:\"Northern Ledger\" since:2025-11-20 until:2025-12-03",
        "in:claims version:all cancel*",
        "NEAR(a b) ^x col:y \"unbalanced",
    ]
    .map(|q| q.as_bytes().to_vec())
    .to_vec();
    fuzz("search_query", seeds, |bytes| {
        let q = claimdesk_core::search::query::parse(&lossy(bytes));
        if let Some(fts) = q.fts {
            conn.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [&fts], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap_or_else(|e| panic!("FTS5 refused {fts:?}: {e}"));
        }
    });
}
