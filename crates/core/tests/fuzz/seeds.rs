//! Seed corpora: the pages, articles and files written for the other tests,
//! plus exports of the sample workspace, so mutations start from real shapes.

use std::path::PathBuf;

use claimdesk_core::Workspace;
use claimdesk_core::exchange::bundle::{bundle_to_json, export_bundle};
use claimdesk_core::report::{ReportFormat, ReportRequest, export};
use claimdesk_core::selection::Selection;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every file in `tests/fixtures/<dir>`, in name order.
pub fn fixture_dir(dir: &str) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(fixtures().join(dir)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// The HTML pages of the fixtures.
pub fn pages() -> Vec<Vec<u8>> {
    fixture_dir("pages")
}

/// Plain-text articles: the compare fixtures and the sample's two outlets.
pub fn articles() -> Vec<Vec<u8>> {
    let mut all = fixture_dir("compare");
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/sample");
    for name in ["northern-ledger.txt", "coastal-courier.txt"] {
        all.extend(std::fs::read(sample.join(name)).ok());
    }
    all
}

/// Markdown: the project's own documents and the articles.
pub fn markdown() -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut all: Vec<Vec<u8>> = ["README.md", "docs/reports.md"]
        .iter()
        .filter_map(|p| std::fs::read(root.join(p)).ok())
        .collect();
    all.extend(articles());
    all
}

/// A workspace holding the sample story, kept in a temporary folder.
pub fn sample_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    claimdesk_core::sample::fill(&ws).expect("sample");
    (dir, ws)
}

/// The sample exported as a bundle.
pub fn bundles() -> Vec<Vec<u8>> {
    let (_dir, ws) = sample_workspace();
    let bundle = export_bundle(&ws, &Selection::default()).expect("bundle");
    vec![bundle_to_json(&bundle).expect("json").into_bytes()]
}

/// ClaimReview JSON-LD: the committed import fixture and the sample's own export.
pub fn claimreviews() -> Vec<Vec<u8>> {
    let (_dir, ws) = sample_workspace();
    ws.settings()
        .set("report_base_url", "https://checks.example/reports")
        .expect("base url");
    let mut all = vec![
        std::fs::read(fixtures().join("workspaces/schema-v2-claimreview.json")).expect("fixture"),
    ];
    let request = ReportRequest {
        format: ReportFormat::ClaimReview,
        selection: Selection::default(),
    };
    if let Ok(report) = export(&ws, &request) {
        all.push(report.content.into_bytes());
    }
    all
}
