//! The app killed in the middle of a batch import: a child process runs the
//! app's own import command (mock runtime, real workspace file) over a folder
//! of 50 pages and is sent SIGKILL after a random number of pages; the app
//! then reopens the workspace through its commands, and the check passes,
//! every page the import had reported as stored is there whole, and the next
//! import finishes the folder.

#![cfg(unix)]

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use claimdesk_app::AppState;
use claimdesk_app::commands::import::{ImportFrom, import_sources};
use claimdesk_core::ingest::batch::Progress;
use serde_json::json;
use support::Harness;
use tauri::Manager;
use tauri::ipc::Channel;

const PAGES: usize = 50;
const ROUNDS: u64 = 12;
const CHILD_DB: &str = "CLAIMDESK_KILL_TEST_DB";
const CHILD_PAGES: &str = "CLAIMDESK_KILL_TEST_PAGES";

/// Runs only as the child of the test below: imports the folder through the
/// app's command, printing each page's source id once it is stored.
#[test]
#[ignore = "the child process of killing_the_app_during_a_batch_import_loses_nothing"]
fn import_child() {
    let (Ok(db), Ok(pages)) = (std::env::var(CHILD_DB), std::env::var(CHILD_PAGES)) else {
        return;
    };
    let h = Harness::new();
    h.call("workspace_open", json!({ "path": db }))
        .expect("the child opens the workspace");
    let channel = Channel::<Progress>::new(move |body| {
        if let Ok(Progress::ItemFinished {
            imported: Some(imported),
            ..
        }) = body.deserialize::<Progress>()
        {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "stored {}", imported.source_id);
            let _ = out.flush();
        }
        Ok(())
    });
    let _ = tauri::async_runtime::block_on(import_sources(
        h.app.state::<AppState>(),
        ImportFrom::Folder(pages),
        channel,
    ));
    println!("finished");
}

#[test]
fn killing_the_app_during_a_batch_import_loses_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("desk.sqlite").display().to_string();
    drop(claimdesk_core::Workspace::create(&db).expect("workspace"));
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).expect("pages");
    for n in 0..PAGES {
        std::fs::write(
            pages.join(format!("bulletin-{n:02}.txt")),
            format!(
                "Harbour bulletin {n}\n\nBulletin {n}: the night ferry leaves from pier {n}.\n"
            ),
        )
        .expect("page");
    }
    let mut stored: Vec<String> = Vec::new();
    let mut seed: u64 = 0x0019_A11C;
    let mut kills = 0;
    for round in 0..ROUNDS {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // Kill after this many more pages are reported stored (0: right after it starts).
        let after = (seed >> 33) % 6;
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "import_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DB, &db)
            .env(CHILD_PAGES, pages.display().to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the app");
        let out = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(out).lines();
        let mut seen = 0;
        let mut finished = false;
        while seen < after {
            match lines.next() {
                Some(Ok(line)) if line.starts_with("stored ") => {
                    stored.push(line["stored ".len()..].to_string());
                    seen += 1;
                }
                Some(Ok(line)) if line.contains("finished") => {
                    finished = true;
                    break;
                }
                Some(Ok(_)) => {}
                _ => break,
            }
        }
        if !finished {
            child.kill().expect("SIGKILL the app");
            kills += 1;
        }
        let _ = child.wait();
        // Whatever the child printed before it died was stored and acknowledged.
        for line in lines.map_while(Result::ok) {
            if let Some(id) = line.strip_prefix("stored ") {
                stored.push(id.to_string());
            }
        }

        // Reopen through the app, as the next start would.
        let app = Harness::new();
        app.call("workspace_open", json!({ "path": db }))
            .unwrap_or_else(|e| panic!("round {round}: the workspace does not reopen: {e}"));
        let report = app.call("workspace_check", json!({})).expect("check");
        assert_eq!(report["ok"], true, "round {round}: {report}");
        let sources = app.call("source_list", json!({})).expect("list");
        let ids: Vec<&str> = sources
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|s| s["id"].as_str())
            .collect();
        for id in &stored {
            assert!(
                ids.contains(&id.as_str()),
                "round {round}: stored page {id} is gone"
            );
        }
    }
    assert!(kills > 0, "no import was killed");
    assert!(!stored.is_empty(), "no child stored a page before its kill");
    eprintln!(
        "{kills} kills during imports, {} pages reported stored before them",
        stored.len()
    );
    // The next import, left to finish, completes the folder.
    let app = Harness::new();
    app.call("workspace_open", json!({ "path": db }))
        .expect("open");
    let summary = tauri::async_runtime::block_on(import_sources(
        app.app.state::<AppState>(),
        ImportFrom::Folder(pages.display().to_string()),
        Channel::<Progress>::new(|_| Ok(())),
    ))
    .expect("the import finishes");
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    let sources = app.call("source_list", json!({})).expect("list");
    assert_eq!(sources.as_array().expect("a list").len(), PAGES);
    let report = app.call("workspace_check", json!({})).expect("check");
    assert_eq!(report["ok"], true, "{report}");
}

#[test]
fn backup_from_the_app_writes_a_checked_copy_and_refuses_an_existing_file() {
    let h = Harness::with_workspace();
    h.call("workspace_fill_sample", json!({})).expect("sample");
    let dest = h.dir.path().join("copy.sqlite").display().to_string();
    let written = h
        .call("workspace_backup", json!({ "path": dest }))
        .expect("backup");
    assert_eq!(written, json!(dest));
    let copy =
        claimdesk_core::store::check::check_file(std::path::Path::new(&dest)).expect("check");
    assert!(copy.ok);
    assert_eq!(copy.counted.claims, 4);
    let err = h
        .call("workspace_backup", json!({ "path": dest }))
        .expect_err("an existing file is refused");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("already exists"),
        "{err}"
    );
    let report = h.call("workspace_check", json!({})).expect("check");
    assert_eq!(report["ok"], true);
    assert_eq!(report["counted"]["claims"], 4);
}
