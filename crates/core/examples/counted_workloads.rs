//! The workloads whose instructions `scripts/count-instructions.sh` counts
//! under callgrind: compare, claim list page, search and import. `prepare`
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
//! NAME one of compare, claim_list, search, import, suggest,
//! newsroom_search, newsroom_common, bare_fts5, add_source, add_source_unindexed.

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
use claimdesk_core::search::{self, SearchRequest};

/// The allocator the app and the command line ship with.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Pages the import workload stores (few: callgrind runs about 50× slower).
const PAGES: u64 = 50;
const CLAIMS: u64 = 100;
const SOURCES: u64 = 200;
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
                "no workload {other}; give compare, claim_list, search, import, suggest, \
                 newsroom_search, newsroom_common, bare_fts5, add_source or add_source_unindexed"
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
            "usage: counted_workloads prepare DIR | run DIR compare|claim_list|search|import|suggest|newsroom_search|newsroom_common|bare_fts5|add_source|add_source_unindexed"
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
