//! The claim list, its filters, opening a claim and opening a source, on the
//! generated desk after a year (10,000 claims, 2,000 sources in 1–3 versions,
//! 20,000 passages: `claimdesk sample --size year`), each beside the bare
//! SQLite query of the same rows in the same run:
//! - a page of 100 rows in the list's order (first page, and one 5,000 rows
//!   down through its cursor) against the same SELECT … LIMIT 100 read raw;
//! - the list filtered by verdict, by tag and by typed words, and sorted by
//!   the claimed-on day: the first page (target ≤ 20 ms) and the count apart;
//! - opening a claim with 20 passages and 10 rows of edits: its detail and
//!   history, as the window asks for them (target ≤ 10 ms);
//! - opening an 800-word source in the reader (target ≤ 20 ms), beside the
//!   way the reader used to (the whole source list and the version).
//!
//! The generated workspace is cached in the target directory; delete
//! `desk-year-bench-*.sqlite` there to make it again.

use std::hint::black_box;
use std::path::PathBuf;

use claimdesk_core::Workspace;
use claimdesk_core::model::{ClaimFilter, ClaimSort};
use claimdesk_core::sample::kept_desk;
use criterion::{Criterion, criterion_group, criterion_main};
use rusqlite::Connection;

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bump when the generator changes, so a cached workspace is made again.
const GENERATION: u32 = 1;

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

fn generated() -> PathBuf {
    let path = target_dir().join(format!("desk-year-bench-{GENERATION}.sqlite"));
    let started = std::time::Instant::now();
    if let Some(summary) = kept_desk::year_desk_at(&path).expect("generate the year desk") {
        eprintln!(
            "desk_year bench: generated {summary:?} in {:.1}s",
            started.elapsed().as_secs_f64()
        );
    }
    path
}

/// The columns the store reads for a list row, tags included.
const ROW: &str = "c.id, c.statement, c.claimant, c.claimed_on, c.event_on, c.notes, c.verdict,
    c.rationale, c.created_at, c.updated_at,
    (SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id)";

/// Runs `sql` and reads every column of every row as SQLite holds it: the
/// bare cost of the rows, without making claims of them.
fn bare(raw: &Connection, sql: &str, params: &[&dyn rusqlite::ToSql]) -> usize {
    let mut stmt = raw.prepare_cached(sql).expect("prepare");
    let columns = stmt.column_count();
    let mut rows = stmt.query(params).expect("query");
    let mut n = 0;
    while let Some(r) = rows.next().expect("row") {
        for i in 0..columns {
            black_box(r.get::<_, rusqlite::types::Value>(i).expect("a value"));
        }
        n += 1;
    }
    n
}

fn bench(c: &mut Criterion) {
    let path = generated();
    let ws = Workspace::open(&path).expect("open");
    let raw = Connection::open(&path).expect("raw");
    let by_updated = ClaimFilter::default();

    let mut group = c.benchmark_group("desk_year");
    group.sample_size(30);

    // A page of 100 rows, first and 5,000 rows down.
    group.bench_function("baseline_bare_sqlite_first_100_rows", |b| {
        let sql = format!(
            "SELECT {ROW} FROM claims c WHERE c.deleted_at IS NULL
             ORDER BY c.updated_at DESC, c.seq DESC LIMIT 100"
        );
        b.iter(|| assert_eq!(bare(&raw, &sql, &[]), 100))
    });
    group.bench_function("list_page_first_100", |b| {
        b.iter(|| black_box(ws.claims().page(&by_updated, 100, None).expect("page")))
    });
    let (at, seq): (String, i64) = raw
        .query_row(
            "SELECT updated_at, seq FROM claims WHERE deleted_at IS NULL
             ORDER BY updated_at DESC, seq DESC LIMIT 1 OFFSET 4999",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row 5,000");
    let cursor = ws
        .claims()
        .page(&by_updated, 5_000, None)
        .expect("5,000 rows")
        .next
        .expect("more");
    group.bench_function("baseline_bare_sqlite_100_rows_after_5000", |b| {
        let sql = format!(
            "SELECT {ROW} FROM claims c WHERE c.deleted_at IS NULL
               AND c.updated_at <= ?1 AND (c.updated_at < ?1 OR c.seq < ?2)
             ORDER BY c.updated_at DESC, c.seq DESC LIMIT 100"
        );
        b.iter(|| assert_eq!(bare(&raw, &sql, &[&at, &seq]), 100))
    });
    group.bench_function("list_page_100_after_5000", |b| {
        b.iter(|| {
            black_box(
                ws.claims()
                    .page(&by_updated, 100, Some(&cursor))
                    .expect("page"),
            )
        })
    });

    // Filters: the first page (what the window waits for), and the count
    // (which it asks for after showing the page).
    let filtered = |name: &str, filter: ClaimFilter| (name.to_string(), filter);
    let filters = [
        filtered(
            "filter_verdict",
            ClaimFilter {
                verdict: Some("disputed".into()),
                ..Default::default()
            },
        ),
        filtered(
            "filter_tag",
            ClaimFilter {
                tag: Some("ferry".into()),
                ..Default::default()
            },
        ),
        filtered(
            "filter_typed_words",
            ClaimFilter {
                text: Some("council canc".into()),
                ..Default::default()
            },
        ),
        filtered(
            "filter_claimed_on_sort",
            ClaimFilter {
                sort: ClaimSort::ClaimedOn,
                ..Default::default()
            },
        ),
    ];
    group.bench_function("baseline_bare_sqlite_verdict_100_rows", |b| {
        let sql = format!(
            "SELECT {ROW} FROM claims c WHERE c.deleted_at IS NULL AND c.verdict = ?1
             ORDER BY c.updated_at DESC, c.seq DESC LIMIT 100"
        );
        b.iter(|| black_box(bare(&raw, &sql, &[&"disputed"])))
    });
    for (name, filter) in &filters {
        group.bench_function(format!("{name}_first_page"), |b| {
            b.iter(|| black_box(ws.claims().page(filter, 100, None).expect("page")))
        });
        group.bench_function(format!("{name}_count"), |b| {
            b.iter(|| black_box(ws.claims().count(filter).expect("count")))
        });
    }

    // Opening a busy claim: 20 passages, 10 rows of edits.
    let busy = ws
        .claims()
        .list(&ClaimFilter {
            text: Some("claim 0".into()),
            ..Default::default()
        })
        .expect("list")
        .into_iter()
        .find(|c| c.statement.ends_with("(claim 0)"))
        .expect("the first generated claim");
    assert_eq!(
        ws.claims().detail(&busy.id).expect("detail").evidence.len(),
        20
    );
    group.bench_function("baseline_bare_sqlite_claim_evidence_history", |b| {
        let claim = format!("SELECT {ROW} FROM claims c WHERE c.id = ?1");
        let evidence = "SELECT e.id, e.exact, e.prefix, e.suffix, e.stance, s.title, s.outlet, v.number
             FROM evidence e JOIN source_versions v ON v.id = e.version_id JOIN sources s ON s.id = v.source_id
             WHERE e.claim_id = ?1 AND e.removed_at IS NULL ORDER BY e.created_at, e.id";
        let history = "SELECT at, actor, field, old, new, note FROM claim_history WHERE claim_id = ?1 ORDER BY seq";
        b.iter(|| {
            black_box(bare(&raw, &claim, &[&busy.id]));
            black_box(bare(&raw, evidence, &[&busy.id]));
            black_box(bare(&raw, history, &[&busy.id]))
        })
    });
    group.bench_function("open_claim_detail_and_history", |b| {
        b.iter(|| {
            black_box(ws.claims().detail(&busy.id).expect("detail"));
            black_box(ws.claims().history(&busy.id).expect("history"))
        })
    });

    // Opening a source in the reader.
    let source = ws.sources().list().expect("sources")[1000].id.clone();
    group.bench_function("baseline_bare_sqlite_source_and_text", |b| {
        let sql = "SELECT s.id, s.title, s.outlet, s.authors, s.url, v.text FROM sources s
             JOIN source_versions v ON v.source_id = s.id WHERE s.id = ?1
             ORDER BY v.number DESC LIMIT 1";
        b.iter(|| black_box(bare(&raw, sql, &[&source])))
    });
    group.bench_function("open_source_reading", |b| {
        b.iter(|| black_box(ws.sources().reading(&source, None).expect("reading")))
    });
    group.bench_function("open_source_as_before_list_and_version", |b| {
        b.iter(|| {
            black_box(ws.sources().list().expect("list"));
            black_box(ws.sources().version(&source, None).expect("version"))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
