//! The workloads whose instructions `scripts/count-instructions.sh` counts
//! under callgrind: compare, claim list, search, import, claim similar (10
//! paraphrases on 15,000 imported reviews), and a page of the
//! claim list 5,000 rows down a 10,000-claim desk beside the bare SQLite
//! read of the same rows (`claim_page` and `claim_page_bare`). `prepare`
//! makes their inputs once, outside the count; `run NAME` does one workload,
//! and only the function named `counted_NAME` is counted (callgrind's
//! `--toggle-collect`), so opening files and workspaces is left out.
//!
//! The newsroom workloads run on the search bench's generated workspace
//! (2,000 sources, 10,000 claims; made once by `prepare`, which takes a
//! minute): `suggest` (evidence suggestions for the bench's claim),
//! `newsroom_search` (the bench's 2-word search, sources only, top 20 with
//! snippets) and `newsroom_common` (a word in 90% of passages) beside
//! `bare_fts5` (the bare `MATCH … ORDER BY rank LIMIT 20` of the same
//! words), and `add_source` (16 generated sources stored one at a time with
//! their index) beside `add_source_unindexed` (the same with the index off).
//!
//! `counted_workloads prepare DIR` then `counted_workloads run DIR NAME`,
//! NAME one of compare, claim_list, search, import, claim_similar, claim_page,
//! claim_page_bare, suggest, newsroom_search, newsroom_common, bare_fts5,
//! add_source, add_source_unindexed.

#[path = "../benches/support/newsroom.rs"]
mod newsroom;
#[path = "../benches/support/outlets.rs"]
mod outlets;
#[path = "../benches/support/pages.rs"]
mod pages;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimdesk_core::Workspace;
use claimdesk_core::compare::view::TextsComparison;
use claimdesk_core::compare::{CompareOptions, compare_texts};
use claimdesk_core::ingest::batch::{Expanded, expand_folder};
use claimdesk_core::ingest::fetch::FetchOptions;
use claimdesk_core::ingest::into_workspace::import;
use claimdesk_core::model::{ClaimFilter, NewClaim, NewSource};
use claimdesk_core::sample::claim_reviews;
use claimdesk_core::sample::desk_year::{self, DeskSize};
use claimdesk_core::search::{self, SearchRequest};

/// The allocator the app and the command line ship with.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Pages the import workload stores (few: callgrind runs about 50× slower).
const PAGES: u64 = 50;
const CLAIMS: u64 = 100;
/// Imported reviews the claim similar workload matches against (the bench's size).
const REVIEWS: usize = 15_000;
/// Paraphrases it matches, one review apart by this many.
const PARAPHRASES: usize = 10;
const PARAPHRASE_STEP: usize = 1_499;
const SOURCES: u64 = 200;
/// The claims of the paged desk: a year's, with few sources and only the
/// passages its busy claims hold, which the list page does not read.
const PAGED_CLAIMS: usize = 10_000;
/// How far down the list the counted page starts.
const PAGE_DEPTH: u32 = 5_000;
/// The columns the store reads for a list row, as the bare read reads them.
const ROW: &str = "c.id, c.statement, c.claimant, c.claimed_on, c.event_on, c.notes, c.verdict,
    c.rationale, c.created_at, c.updated_at,
    (SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id)";
/// Sources the add workloads store, one after the other.
const ADDED: usize = 16;
const VERDICTS: &[&str] = &[
    "unverified",
    "in_review",
    "verified",
    "mostly_true",
    "false",
];

fn prepare(dir: &Path) -> claimdesk_core::Result<()> {
    let io = |e| claimdesk_core::Error::io("cannot write the workloads' inputs", e);
    std::fs::create_dir_all(dir).map_err(io)?;
    let base = outlets::article(1, 10_000);
    std::fs::write(dir.join("left.txt"), outlets::render(&base)).map_err(io)?;
    std::fs::write(
        dir.join("right.txt"),
        outlets::render(&outlets::other_outlet(&base, 2)),
    )
    .map_err(io)?;
    pages::write_folder(&dir.join("pages"), PAGES).map_err(io)?;
    let desk = dir.join("desk.sqlite");
    if !desk.exists() {
        let ws = Workspace::create(&desk)?;
        for i in 0..SOURCES {
            let sentences = outlets::article(5_000 + i, 800);
            ws.sources().add(NewSource {
                title: format!("Report {i}"),
                outlet: Some(["Valley Courier", "Northern Ledger"][i as usize % 2].into()),
                url: Some(format!("https://news.example/{i}")),
                text: outlets::render(&sentences),
                ..Default::default()
            })?;
        }
        for i in 0..CLAIMS {
            let words = &outlets::article(9_000 + i, 12)[0];
            ws.claims().add(NewClaim {
                statement: words.join(" "),
                tags: vec![format!("topic-{}", i % 7)],
                verdict: Some(VERDICTS[i as usize % VERDICTS.len()].into()),
                ..Default::default()
            })?;
        }
    }
    let reviews = dir.join("reviews.sqlite");
    if !reviews.exists() {
        let making = dir.join("reviews.making");
        let _ = std::fs::remove_file(&making);
        let ws = Workspace::create(&making)?;
        claimdesk_core::exchange::import_claimreview(
            &ws,
            &claim_reviews::generate(REVIEWS, claim_reviews::SEED).json,
        )?;
        drop(ws);
        std::fs::rename(&making, &reviews).map_err(io)?;
    }
    let paged = dir.join("paged.sqlite");
    if !paged.exists() {
        let making = dir.join("paged.making");
        for stale in ["paged.making", "paged.making-wal", "paged.making-shm"] {
            let _ = std::fs::remove_file(dir.join(stale));
        }
        let ws = Workspace::create(&making)?;
        desk_year::fill(
            &ws,
            DeskSize {
                claims: PAGED_CLAIMS,
                sources: 4,
                passages: PAGED_CLAIMS.div_ceil(desk_year::BUSY_EVERY) * desk_year::BUSY_PASSAGES,
                ..DeskSize::YEAR
            },
        )?;
        drop(ws);
        std::fs::rename(&making, &paged).map_err(io)?;
    }
    let newsroom = dir.join("newsroom.sqlite");
    if !newsroom.exists() {
        let making = dir.join("newsroom.making.sqlite");
        let _ = std::fs::remove_file(&making);
        let ws = Workspace::create(&making)?;
        newsroom::fill(&ws);
        drop(ws);
        std::fs::rename(&making, &newsroom).map_err(io)?;
    }
    Ok(())
}

#[inline(never)]
fn counted_compare(left: &str, right: &str) -> usize {
    let comparison = compare_texts(left, right, &CompareOptions::default());
    let mut json = Vec::new();
    let view = TextsComparison::of(&comparison, left, right);
    serde_json::to_writer_pretty(&mut json, &view).map_or(0, |()| json.len())
}

#[inline(never)]
fn counted_claim_list(ws: &Workspace) -> usize {
    ws.claims()
        .list(&ClaimFilter::default())
        .map_or(0, |claims| claims.len())
}

#[inline(never)]
fn counted_claim_page(ws: &Workspace, cursor: &str) -> usize {
    ws.claims()
        .page(&ClaimFilter::default(), 100, Some(cursor))
        .map_or(0, |page| page.claims.len())
}

#[inline(never)]
fn counted_claim_page_bare(raw: &rusqlite::Connection, at: &str, seq: i64) -> usize {
    bare_page(raw, at, seq)
}

/// The same 100 rows read raw: every column as SQLite holds it.
#[inline(never)]
fn bare_page(raw: &rusqlite::Connection, at: &str, seq: i64) -> usize {
    let sql = format!(
        "SELECT {ROW} FROM claims c WHERE c.deleted_at IS NULL
           AND c.updated_at <= ?1 AND (c.updated_at < ?1 OR c.seq < ?2)
         ORDER BY c.updated_at DESC, c.seq DESC LIMIT 100"
    );
    let read = || -> rusqlite::Result<usize> {
        let mut stmt = raw.prepare_cached(&sql)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params![at, seq])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            for i in 0..columns {
                black_box(r.get::<_, rusqlite::types::Value>(i)?);
            }
            n += 1;
        }
        Ok(n)
    };
    read().unwrap_or(0)
}

#[inline(never)]
fn counted_search(ws: &Workspace, query: &str) -> usize {
    search::run(ws, &SearchRequest::new(query)).map_or(0, |r| r.hits.len())
}

#[inline(never)]
fn counted_import(ws: &Workspace, expanded: &Expanded) -> usize {
    import(ws, expanded, &FetchOptions::default(), |_| {})
        .added
        .len()
}

#[inline(never)]
fn counted_claim_similar(ws: &Workspace, statements: &[String]) -> usize {
    statements
        .iter()
        .map(|s| search::similar(ws, s, None).map_or(0, |found| found.claims.len()))
        .sum()
}

#[inline(never)]
fn counted_suggest(ws: &Workspace, claim: &str) -> usize {
    search::suggest(ws, claim, None).map_or(0, |s| s.suggestions.len())
}

#[inline(never)]
fn counted_newsroom_search(ws: &Workspace, query: &str) -> usize {
    let request = SearchRequest {
        scope: Some(search::Scope::Sources),
        ..SearchRequest::new(query)
    };
    search::run(ws, &request).map_or(0, |r| r.hits.len())
}

/// The search bench's baseline: the bare ranked FTS5 query, rowids only.
fn bare_fts5(conn: &rusqlite::Connection, fts: &str) -> rusqlite::Result<usize> {
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?1 ORDER BY rank LIMIT 20",
    )?;
    Ok(stmt.query_map([fts], |r| r.get::<_, i64>(0))?.count())
}

#[inline(never)]
fn counted_newsroom_common(ws: &Workspace) -> usize {
    let request = SearchRequest {
        scope: Some(search::Scope::Sources),
        ..SearchRequest::new(newsroom::COMMON)
    };
    search::run(ws, &request).map_or(0, |r| r.hits.len())
}

#[inline(never)]
fn counted_bare_fts5(conn: &rusqlite::Connection, fts: &str) -> usize {
    bare_fts5(conn, fts).unwrap_or(0)
}

#[inline(never)]
fn counted_add_source(ws: &Workspace, sources: Vec<NewSource>) -> usize {
    sources
        .into_iter()
        .map(|source| ws.sources().add(source).map_or(0, |s| s.version.text.len()))
        .sum()
}

#[inline(never)]
fn counted_add_source_unindexed(ws: &Workspace, sources: Vec<NewSource>) -> usize {
    search::index::baseline::skip_indexing(true);
    let added = sources
        .into_iter()
        .map(|source| ws.sources().add(source).map_or(0, |s| s.version.text.len()))
        .sum();
    search::index::baseline::skip_indexing(false);
    added
}

/// A copy of the newsroom workspace, so a workload that writes leaves the
/// prepared one as it was.
fn newsroom_copy(dir: &Path) -> claimdesk_core::Result<Workspace> {
    let copy = dir.join("newsroom-copy.sqlite");
    for stale in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{stale}", copy.display()));
    }
    std::fs::copy(dir.join("newsroom.sqlite"), &copy)
        .map_err(|e| claimdesk_core::Error::io("cannot copy the newsroom workspace", e))?;
    Workspace::open(&copy)
}

/// The bench's claim: the 78th added.
fn newsroom_claim(dir: &Path) -> claimdesk_core::Result<String> {
    let raw = rusqlite::Connection::open(dir.join("newsroom.sqlite"))?;
    Ok(raw.query_row(
        "SELECT id FROM claims ORDER BY seq LIMIT 1 OFFSET 77",
        [],
        |r| r.get(0),
    )?)
}

fn run(dir: &Path, name: &str) -> claimdesk_core::Result<usize> {
    let read = |f: &str| claimdesk_core::ingest::text::read_utf8_file(&dir.join(f));
    Ok(match name {
        "compare" => counted_compare(&read("left.txt")?, &read("right.txt")?),
        "claim_list" => counted_claim_list(&Workspace::open(dir.join("desk.sqlite"))?),
        "search" => {
            let ws = Workspace::open(dir.join("desk.sqlite"))?;
            let sentence = &outlets::article(5_007, 40)[1];
            counted_search(&ws, &sentence[2..5].join(" "))
        }
        "import" => {
            let path = dir.join("import.sqlite");
            for stale in ["import.sqlite", "import.sqlite-wal", "import.sqlite-shm"] {
                let _ = std::fs::remove_file(dir.join(stale));
            }
            let ws = Workspace::create(&path)?;
            counted_import(&ws, &expand_folder(&dir.join("pages"))?)
        }
        "claim_similar" => {
            let ws = Workspace::open(dir.join("reviews.sqlite"))?;
            let statements = claim_reviews::generate(REVIEWS, claim_reviews::SEED).statements;
            let paraphrases: Vec<String> = (0..PARAPHRASES)
                .map(|i| claim_reviews::paraphrase(&statements[i * PARAPHRASE_STEP]))
                .collect();
            // One query outside the count, so the statement cache and the
            // index pages are warm as they are while a person types.
            search::similar(&ws, &statements[1], None)?;
            counted_claim_similar(&ws, &paraphrases)
        }
        "claim_page" => {
            let ws = Workspace::open(dir.join("paged.sqlite"))?;
            let cursor = ws
                .claims()
                .page(&ClaimFilter::default(), PAGE_DEPTH, None)?
                .next
                .unwrap_or_default();
            // Once outside the count, so that both counts read a warm page
            // cache through a prepared statement.
            ws.claims()
                .page(&ClaimFilter::default(), 100, Some(&cursor))?;
            counted_claim_page(&ws, &cursor)
        }
        "claim_page_bare" => {
            let raw = rusqlite::Connection::open(dir.join("paged.sqlite"))
                .map_err(claimdesk_core::Error::from)?;
            let (at, seq): (String, i64) = raw
                .query_row(
                    "SELECT updated_at, seq FROM claims WHERE deleted_at IS NULL
                     ORDER BY updated_at DESC, seq DESC LIMIT 1 OFFSET ?1",
                    [PAGE_DEPTH - 1],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(claimdesk_core::Error::from)?;
            bare_page(&raw, &at, seq);
            counted_claim_page_bare(&raw, &at, seq)
        }
        "suggest" => {
            let ws = Workspace::open(dir.join("newsroom.sqlite"))?;
            let claim = newsroom_claim(dir)?;
            // Once outside the count, so the count is of a warm workspace.
            search::suggest(&ws, &claim, None)?;
            counted_suggest(&ws, &claim)
        }
        "newsroom_search" => {
            let ws = Workspace::open(dir.join("newsroom.sqlite"))?;
            let query = format!("{} {}", newsroom::word(40), newsroom::word(55));
            let request = SearchRequest {
                scope: Some(search::Scope::Sources),
                ..SearchRequest::new(query.clone())
            };
            search::run(&ws, &request)?;
            counted_newsroom_search(&ws, &query)
        }
        "newsroom_common" => {
            let ws = Workspace::open(dir.join("newsroom.sqlite"))?;
            let request = SearchRequest {
                scope: Some(search::Scope::Sources),
                ..SearchRequest::new(newsroom::COMMON)
            };
            search::run(&ws, &request)?;
            counted_newsroom_common(&ws)
        }
        "bare_fts5" => {
            let raw = rusqlite::Connection::open(dir.join("newsroom.sqlite"))?;
            let fts = format!("\"{}\" \"{}\"", newsroom::word(40), newsroom::word(55));
            bare_fts5(&raw, &fts)?;
            counted_bare_fts5(&raw, &fts)
        }
        "add_source" | "add_source_unindexed" => {
            let ws = newsroom_copy(dir)?;
            let mut rng = newsroom::Rng(0xADD);
            let first = newsroom::new_source(&mut rng, newsroom::SOURCES + 1);
            // Several, one transaction each, so the index's segment merges
            // count as often as they happen.
            let sources = (0..ADDED)
                .map(|i| newsroom::new_source(&mut rng, newsroom::SOURCES + 2 + i))
                .collect();
            // The first add warms the statement cache outside the count.
            if name == "add_source" {
                ws.sources().add(first)?;
                counted_add_source(&ws, sources)
            } else {
                search::index::baseline::skip_indexing(true);
                let warm = ws.sources().add(first);
                search::index::baseline::skip_indexing(false);
                warm?;
                counted_add_source_unindexed(&ws, sources)
            }
        }
        other => {
            return Err(claimdesk_core::Error::Invalid(format!(
                "no workload {other}; give compare, claim_list, search, import, claim_similar, \
                 claim_page, claim_page_bare, suggest, newsroom_search, newsroom_common, bare_fts5, add_source or add_source_unindexed"
            )));
        }
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["prepare", dir] => prepare(&PathBuf::from(dir)).map(|()| 0),
        ["run", dir, name] => run(&PathBuf::from(dir), name),
        _ => Err(claimdesk_core::Error::Invalid(
            "usage: counted_workloads prepare DIR | run DIR compare|claim_list|search|import|claim_similar|claim_page|claim_page_bare|suggest|newsroom_search|newsroom_common|bare_fts5|add_source|add_source_unindexed"
                .into(),
        )),
    };
    match result {
        Ok(n) => {
            black_box(n);
            eprintln!("{} items", n);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
