//! The shared desk against a throwaway PostgreSQL on loopback, on the
//! generated desk after a year (10,000 claims, 2,000 sources in 1–3
//! versions, 20,000 passages: `claimdesk sample --size year`), each beside a
//! bare baseline measured in the same run:
//! - the first push of the whole desk by `sync_once` (target ≤ 60 s), timed
//!   once (a criterion sample would take ten first pushes), against a bare
//!   INSERT of the same rows into a table without access rules, in batches
//!   of the same size over one connection; then an empty desk's first pull
//!   of the whole desk, timed once too;
//! - an incremental sync of 10 changes (target ≤ 200 ms): one desk rates 10
//!   claims and syncs, the other syncs and receives them, against a bare
//!   INSERT of those 10 rows and a SELECT of them back.
//!
//! The generated workspace is cached in the target directory; delete
//! `sync-server-year-*.sqlite` there to make it again.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use claimdesk_core::Workspace;
use claimdesk_core::model::ClaimFilter;
use claimdesk_core::sample::kept_desk;
use claimdesk_core::sync::{self, Change};
use claimdesk_sync::throwaway::ThrowawayServer;
use claimdesk_sync::{Server, SyncOptions, sync_once_with};
use criterion::{Criterion, criterion_group, criterion_main};

/// Bump when the generator changes, so a cached workspace is made again.
const GENERATION: u32 = 1;
const DESK: &str = "year";

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

fn generated() -> PathBuf {
    let path = target_dir().join(format!("sync-server-year-{GENERATION}.sqlite"));
    let started = std::time::Instant::now();
    if let Some(summary) = kept_desk::year_desk_at(&path).expect("generate the year desk") {
        eprintln!(
            "sync bench: generated {summary:?} in {:.1}s",
            started.elapsed().as_secs_f64()
        );
    }
    path
}

fn copy(from: &Path, dir: &Path, name: &str, actor: &str) -> Workspace {
    let to = dir.join(name);
    std::fs::copy(from, &to).expect("copy the desk");
    let mut ws = Workspace::open(&to).expect("open the copy");
    ws.set_actor(actor);
    ws
}

/// A plain table like the server's, without row-level security, lock or
/// uniqueness: what storing the rows costs at the least.
const BARE_TABLE: &str = "CREATE TABLE IF NOT EXISTS bare_changes (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, desk text, change_id text, entity text,
    entity_id text, actor text, made_at timestamptz, payload jsonb)";

fn bare_insert(server: &mut Server, changes: &[Change]) {
    let ids: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
    let entities: Vec<&str> = changes.iter().map(|c| c.entity.as_str()).collect();
    let entity_ids: Vec<&str> = changes.iter().map(|c| c.entity_id.as_str()).collect();
    let actors: Vec<&str> = changes.iter().map(|c| c.actor.as_str()).collect();
    let ats: Vec<_> = changes.iter().map(|c| c.at).collect();
    let payloads: Vec<&serde_json::Value> = changes.iter().map(|c| &c.payload).collect();
    server
        .client()
        .execute(
            "INSERT INTO bare_changes (desk, change_id, entity, entity_id, actor, made_at, payload)
             SELECT 'bare', * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                                          $5::timestamptz[], $6::jsonb[])",
            &[&ids, &entities, &entity_ids, &actors, &ats, &payloads],
        )
        .expect("bare insert");
}

fn bench(c: &mut Criterion) {
    let path = generated();
    let pg = ThrowawayServer::new().expect("throwaway server");
    let mut admin = Server::connect(&pg.url(), &pg.login()).expect("admin");
    admin.init().expect("init");
    admin.add_desk(DESK).expect("desk");
    admin
        .client()
        .batch_execute(BARE_TABLE)
        .expect("bare table");
    let options = SyncOptions {
        login: pg.login(),
        ..SyncOptions::default()
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let here = copy(&path, dir.path(), "here.sqlite", "anna");
    // The other desk starts empty and takes the whole desk from the server.
    let mut there = Workspace::create(dir.path().join("there.sqlite")).expect("create");
    there.set_actor("ben");

    // Baseline of the first push: the same rows, bare, in batches of the same size.
    let key = "bench-baseline#bare";
    let mut all = Vec::new();
    loop {
        let out = sync::outgoing(&here, key, options.push_batch).expect("outgoing");
        if out.changes.is_empty() {
            break;
        }
        all.extend(out.changes);
        sync::mark_sent(&here, key, out.up_to).expect("mark");
    }
    let started = Instant::now();
    for batch in all.chunks(options.push_batch) {
        bare_insert(&mut admin, batch);
    }
    let bare = started.elapsed();
    let started = Instant::now();
    let report = sync_once_with(&here, &pg.url(), DESK, &options).expect("first push");
    let first = started.elapsed();
    eprintln!(
        "sync/first_push_year_desk: {:.2} s for {} changes (target <= 60 s); baseline bare INSERT of the same rows: {:.2} s; ratio {:.1}",
        first.as_secs_f64(),
        report.sent,
        bare.as_secs_f64(),
        first.as_secs_f64() / bare.as_secs_f64()
    );
    // The other desk takes the whole desk once, so the incremental syncs below are incremental.
    let started = Instant::now();
    let pulled = sync_once_with(&there, &pg.url(), DESK, &options).expect("first pull");
    eprintln!(
        "sync/first_pull_year_desk: {:.2} s for {} changes received",
        started.elapsed().as_secs_f64(),
        pulled.received
    );

    let ids: Vec<String> = here
        .claims()
        .list(&ClaimFilter::default())
        .expect("claims")
        .into_iter()
        .take(10)
        .map(|c| c.id)
        .collect();
    let mut group = c.benchmark_group("sync");
    group.sample_size(10);
    group.bench_function("incremental_sync_10_changes_push_then_pull", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                for id in &ids {
                    // A verdict other than the claim's own, so each is a change.
                    let now = here.claims().get(id).expect("claim").verdict;
                    let verdict = if now == "false" { "disputed" } else { "false" };
                    here.claims()
                        .set_verdict(id, verdict, None, Some("bench"))
                        .expect("verdict");
                }
                let started = Instant::now();
                let sent = sync_once_with(&here, &pg.url(), DESK, &options).expect("push");
                let got = sync_once_with(&there, &pg.url(), DESK, &options).expect("pull");
                total += started.elapsed();
                assert_eq!((sent.sent, got.received), (10, 10), "{sent:?} {got:?}");
            }
            total
        });
    });
    let ten: Vec<Change> = all.iter().take(10).cloned().collect();
    group.bench_function("baseline_bare_insert_and_select_10_rows", |b| {
        b.iter(|| {
            bare_insert(&mut admin, black_box(&ten));
            let rows = admin
                .client()
                .query(
                    "SELECT seq, change_id, payload FROM bare_changes ORDER BY seq DESC LIMIT 10",
                    &[],
                )
                .expect("select");
            black_box(rows.len())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
