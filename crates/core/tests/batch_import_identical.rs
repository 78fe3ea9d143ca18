//! A folder imported as a batch (its writes grouped into a few transactions)
//! stores exactly what importing its files one by one stores: the same
//! sources, versions, passages, search hits and dates, failures included.

#[path = "../benches/support/outlets.rs"]
mod outlets;
#[path = "../benches/support/pages.rs"]
mod pages;

use std::path::Path;

use claimdesk_core::Workspace;
use claimdesk_core::ingest::batch::expand_folder;
use claimdesk_core::ingest::fetch::FetchOptions;
use claimdesk_core::ingest::into_workspace::{Corrections, add_file, import};
use rusqlite::Connection;

/// More pages than one group of writes holds, so the batch commits mid-way;
/// a page captured twice, a page that changed, and a page with no text.
fn folder(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("pages");
    pages::write_folder(&folder, 130).expect("pages");
    std::fs::write(folder.join("page-0005-again.html"), pages::page(5)).expect("again");
    let updated = pages::page(7).replace(
        "</div>\n      <div class=\"share-tools\">",
        "        <p>Update: the harbour office corrected the figures on Friday.</p>\n      </div>\n      <div class=\"share-tools\">",
    );
    assert_ne!(updated, pages::page(7), "the update changes the page");
    std::fs::write(folder.join("page-0007-updated.html"), updated).expect("updated");
    std::fs::write(
        folder.join("page-0009-empty.html"),
        "<html><body></body></html>",
    )
    .expect("empty");
    folder
}

/// Everything the workspace stores about its sources, without ids and times
/// (each workspace makes its own), in a stable order.
fn stored(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).expect("open");
    let mut out = Vec::new();
    let queries = [
        "SELECT title, outlet, authors, url, canonical_url, published_on, modified_on, language
           FROM sources ORDER BY canonical_url",
        "SELECT s.canonical_url, v.number, v.text, v.html, v.sha256, v.final_url
           FROM source_versions v JOIN sources s ON s.id = v.source_id
          ORDER BY s.canonical_url, v.number",
        "SELECT s.canonical_url, v.number, p.start, p.\"end\", p.latest
           FROM passages p JOIN source_versions v ON v.id = p.version_id
           JOIN sources s ON s.id = v.source_id ORDER BY 1, 2, 3",
        "SELECT s.canonical_url, v.number, t.text
           FROM passages_fts f JOIN passage_texts t ON t.seq = f.rowid
           JOIN passages p ON p.seq = f.rowid JOIN source_versions v ON v.id = p.version_id
           JOIN sources s ON s.id = v.source_id
          WHERE passages_fts MATCH 'harbour OR correction OR the' ORDER BY 1, 2, 3",
        "SELECT s.canonical_url, v.number, d.expression_start, d.expression, d.first_day,
                d.precision, d.until, d.reading, d.alternatives
           FROM version_dates d JOIN source_versions v ON v.id = d.version_id
           JOIN sources s ON s.id = v.source_id ORDER BY 1, 2, 3",
    ];
    for sql in queries {
        let mut stmt = conn.prepare(sql).expect(sql);
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                let values: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).expect("value")))
                    .collect();
                Ok(values.join(" | "))
            })
            .expect("query");
        out.push(format!("-- {sql}"));
        out.extend(rows.map(|r| r.expect("row")));
    }
    out
}

#[test]
fn a_batch_import_stores_exactly_what_one_file_at_a_time_stores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = folder(dir.path());
    let expanded = expand_folder(&folder).expect("expand");

    let batch_db = dir.path().join("batch.sqlite");
    let ws = Workspace::create(&batch_db).expect("workspace");
    let summary = import(&ws, &expanded, &FetchOptions::default(), |_| {});
    drop(ws);
    assert_eq!(summary.added.len(), 130, "{}", summary.line());
    assert_eq!(summary.new_versions.len(), 1, "{}", summary.line());
    assert_eq!(summary.unchanged.len(), 1, "{}", summary.line());
    assert_eq!(summary.failed.len(), 1, "{}", summary.line());
    assert!(summary.failed[0].input.ends_with("page-0009-empty.html"));

    let single_db = dir.path().join("single.sqlite");
    let ws = Workspace::create(&single_db).expect("workspace");
    let mut failed = 0;
    for path in std::fs::read_dir(&folder)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect::<std::collections::BTreeSet<_>>()
    {
        failed += usize::from(add_file(&ws, &path, &Corrections::default()).is_err());
    }
    drop(ws);
    assert_eq!(failed, 1);

    let (batch, single) = (stored(&batch_db), stored(&single_db));
    assert!(batch.len() > 1_000, "the workspace holds the pages");
    assert_eq!(batch.len(), single.len());
    for (b, s) in batch.iter().zip(&single) {
        assert_eq!(b, s);
    }
}
