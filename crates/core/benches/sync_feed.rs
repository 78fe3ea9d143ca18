//! A shared desk's change feed on the generated desk after a year (10,000
//! claims, 2,000 sources in 1–3 versions, 20,000 passages: `claimdesk
//! sample --size year`), each beside a bundle of the same things in the
//! same run:
//! - the first push: `outgoing` over the whole desk in batches of 1,000 (as
//!   the sync crate sends them), against exporting the whole desk as a
//!   bundle (the target for the whole first push is ≤ 60 s);
//! - an incremental pull: `apply_incoming` of 10 claims another desk rated,
//!   against a bundle export of the same 10 claims (target for the whole
//!   sync of 10 changes ≤ 200 ms).
//!
//! The generated workspace is cached in the target directory under a name
//! of its own (it is migrated to the feed's schema); delete
//! `sync-feed-year-*.sqlite` there to make it again.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use claimdesk_core::Workspace;
use claimdesk_core::exchange::bundle::{bundle_to_json, export_bundle};
use claimdesk_core::model::{ClaimFilter, ClaimSort};
use claimdesk_core::report::Selection;
use claimdesk_core::sample::kept_desk;
use claimdesk_core::sync::{self, Received};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

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
    let path = target_dir().join(format!("sync-feed-year-{GENERATION}.sqlite"));
    let started = std::time::Instant::now();
    if let Some(summary) = kept_desk::year_desk_at(&path).expect("generate the year desk") {
        eprintln!(
            "sync_feed bench: generated {summary:?} in {:.1}s",
            started.elapsed().as_secs_f64()
        );
    }
    path
}

/// A copy of the generated desk in `dir`, opened under `actor`.
fn copy(from: &Path, dir: &Path, name: &str, actor: &str) -> Workspace {
    let to = dir.join(name);
    std::fs::copy(from, &to).expect("copy the desk");
    let mut ws = Workspace::open(&to).expect("open the copy");
    ws.set_actor(actor);
    ws
}

fn bench(c: &mut Criterion) {
    let path = generated();
    let dir = tempfile::tempdir().expect("tempdir");
    let here = copy(&path, dir.path(), "here.sqlite", "anna");
    let there = copy(&path, dir.path(), "there.sqlite", "ben");
    let mut group = c.benchmark_group("sync_feed");
    group.sample_size(10);

    let mut push = 0u64;
    group.bench_function("first_push_outgoing_whole_desk", |b| {
        b.iter(|| {
            // A server key of its own each time: a first push every time.
            push += 1;
            let server = format!("postgres://127.0.0.1:5432/bench#push-{push}");
            let mut changes = 0;
            loop {
                let out = sync::outgoing(&here, &server, 1000).expect("outgoing");
                if out.changes.is_empty() {
                    break;
                }
                changes += out.changes.len();
                sync::mark_sent(&here, &server, out.up_to).expect("mark sent");
            }
            black_box(changes)
        });
    });
    group.bench_function("baseline_bundle_export_whole_desk", |b| {
        b.iter(|| {
            let bundle = export_bundle(&here, &Selection::default()).expect("export");
            black_box(bundle_to_json(&bundle).expect("json").len())
        });
    });

    // Ten claims Ben rates on his desk, as his next push carries them.
    let ten: Vec<String> = there
        .claims()
        .list(&ClaimFilter {
            sort: ClaimSort::Created,
            ..Default::default()
        })
        .expect("list")
        .into_iter()
        .take(10)
        .map(|c| c.id)
        .collect();
    const BEN: &str = "postgres://127.0.0.1:5432/bench#ben";
    const ANNA: &str = "postgres://127.0.0.1:5432/bench#anna";
    let skip = sync::outgoing(&there, BEN, usize::MAX).expect("outgoing");
    sync::mark_sent(&there, BEN, skip.up_to).expect("mark sent");
    let mut round = 0i64;
    let verdicts = ["false", "disputed", "verified"];
    group.bench_function("pull_apply_incoming_10_changes", |b| {
        b.iter_batched(
            || {
                round += 1;
                for id in &ten {
                    // Another verdict than the claim holds, so each is a change.
                    let now = there.claims().get(id).expect("claim").verdict;
                    let verdict = verdicts.iter().find(|v| **v != now).expect("a verdict");
                    there
                        .claims()
                        .set_verdict(id, verdict, None, None)
                        .expect("ben rates");
                }
                let out = sync::outgoing(&there, BEN, 100).expect("outgoing");
                sync::mark_sent(&there, BEN, out.up_to).expect("mark sent");
                assert_eq!(out.changes.len(), 10);
                out.changes
                    .into_iter()
                    .enumerate()
                    .map(|(i, change)| Received {
                        seq: round * 100 + i64::try_from(i).unwrap_or(0),
                        change,
                    })
                    .collect::<Vec<_>>()
            },
            |batch| {
                let applied = sync::apply_incoming(&here, ANNA, &batch).expect("apply");
                assert_eq!(applied.changes, 10);
                black_box(applied)
            },
            BatchSize::PerIteration,
        );
    });
    let chosen = Selection {
        claims: ten.clone(),
        ..Default::default()
    };
    group.bench_function("baseline_bundle_export_same_10_claims", |b| {
        b.iter(|| {
            let bundle = export_bundle(&there, &chosen).expect("export");
            black_box(bundle_to_json(&bundle).expect("json").len())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
