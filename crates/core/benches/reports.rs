//! How long exporting a report of 500 claims (1,000 passages) takes in each
//! format, against gathering the same data alone (the reads every format
//! shares) measured in the same run; and a bundle of the workspace out and
//! into an empty workspace.

use std::hint::black_box;

use claimdesk_core::Workspace;
use claimdesk_core::exchange::bundle;
use claimdesk_core::model::{NewClaim, NewEvidence, NewSource, Stance};
use claimdesk_core::report::{self, ReportFormat, ReportRequest, Selection};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

/// The allocator the app and the command line ship with (see their `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CLAIMS: usize = 500;
const SOURCES: usize = 20;

fn workspace(dir: &std::path::Path) -> Workspace {
    let ws = Workspace::create(dir.join("bench.sqlite")).expect("create");
    ws.settings()
        .set("report_base_url", "https://checks.example/bench")
        .expect("base");
    let mut sources = Vec::new();
    for s in 0..SOURCES {
        let text: String = (0..40)
            .map(|line| {
                format!(
                    "Line {line} of article {s}: the ferry carried {} people.\n",
                    line * 31 + s
                )
            })
            .collect();
        let added = ws
            .sources()
            .add(NewSource {
                title: format!("Article {s}"),
                outlet: Some(format!("Outlet {}", s % 4)),
                url: Some(format!("https://news.example/{s}")),
                text,
                ..Default::default()
            })
            .expect("source");
        sources.push(added.source.id);
    }
    for i in 0..CLAIMS {
        let claim = ws
            .claims()
            .add(NewClaim {
                statement: format!("Claim {i}: the ferry carried {} people", i * 7),
                claimant: Some(format!("Speaker {}", i % 9)),
                tags: vec![format!("topic-{}", i % 10)],
                ..Default::default()
            })
            .expect("claim");
        for k in 0..2 {
            let s = (i + k) % SOURCES;
            ws.evidence()
                .add(NewEvidence {
                    claim: claim.id.clone(),
                    source: sources[s].clone(),
                    version: None,
                    quote: format!("Line {} of article {s}:", (i + k) % 40),
                    occurrence: None,
                    stance: if k == 0 {
                        Stance::Supports
                    } else {
                        Stance::Disputes
                    },
                    note: None,
                })
                .expect("evidence");
        }
        ws.claims()
            .set_verdict(
                &claim.id,
                ["false", "mostly_true", "in_review"][i % 3],
                Some("Checked."),
                None,
            )
            .expect("verdict");
    }
    ws
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let all = Selection::default();

    let mut group = c.benchmark_group("report_500_claims");
    group.sample_size(10);
    group.bench_function("baseline_gather_only", |b| {
        b.iter(|| black_box(report::gather(&ws, &all).expect("gather").claims.len()))
    });
    for format in ReportFormat::ALL {
        group.bench_function(format!("export_{}", format.extension()), |b| {
            let request = ReportRequest {
                format,
                selection: all.clone(),
            };
            b.iter(|| black_box(report::export(&ws, &request).expect("export").content.len()))
        });
    }
    group.finish();

    let text =
        bundle::bundle_to_json(&bundle::export_bundle(&ws, &all).expect("bundle")).expect("json");
    let mut group = c.benchmark_group("bundle_500_claims");
    group.sample_size(10);
    group.bench_function("export", |b| {
        b.iter(|| {
            let b = bundle::export_bundle(&ws, &all).expect("bundle");
            black_box(bundle::bundle_to_json(&b).expect("json").len())
        })
    });
    group.bench_function("import_into_empty_workspace", |b| {
        b.iter_batched(
            || {
                let d = tempfile::tempdir().expect("tempdir");
                let target = Workspace::create(d.path().join("t.sqlite")).expect("create");
                (d, target)
            },
            |(_d, target)| black_box(bundle::import_bundle(&target, &text).expect("import")),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("reimport_unchanged", |b| {
        b.iter(|| black_box(bundle::import_bundle(&ws, &text).expect("import")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
