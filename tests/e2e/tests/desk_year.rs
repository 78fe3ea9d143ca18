//! A desk after a year (the generated workspace of 10,000 claims, 2,000
//! sources and 20,000 passages) opens on the first page of its claims list;
//! the list scrolls to its end a page at a time, the last claim opens, and
//! the keyboard (Home, End, j, k) reaches the first and the last claim. The
//! window's own performance marks and the app's memory at rest are printed
//! for the record, never asserted.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use claimdesk_core::sample::kept_desk;
use support::{App, Desk};

/// Bump when the generator changes, so the cached workspace is made again.
const GENERATION: u32 = 1;

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// The generated workspace, made once and kept in the target directory (it
/// takes minutes in a debug build).
fn generated() -> PathBuf {
    let path = target_dir().join(format!("desk-year-{GENERATION}.sqlite"));
    kept_desk::year_desk_at(&path).expect("desk generated");
    path
}

#[tokio::test]
async fn a_desk_after_a_year_opens_scrolls_to_its_last_claim_and_opens_it() {
    if !support::can_run() {
        return;
    }
    let source = generated();
    let desk = Desk::new();
    std::fs::copy(&source, desk.db()).expect("workspace copied");

    let started = Instant::now();
    let app = App::open(&desk).await;
    app.wait_for_text("claim-count", "claims").await;
    let window_to_list = started.elapsed();
    app.wait_for_text("claim-count", "10000 claims").await;
    let marks = app
        .client
        .execute(
            "return performance.getEntriesByType('mark').map(m => `${m.name}: ${m.startTime.toFixed(0)} ms`).join('; ')",
            vec![],
        )
        .await
        .expect("the marks can be read");
    let rows_at_start = rendered(&app).await.0;

    // At rest with the first page shown: the app's processes, webview included.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let at_rest = app_tree_memory().map(|m| m.describe());
    app.screenshot("desk-year-list").await;

    // Scroll to the end, a page at a time, until the list holds every claim.
    let scroll_started = Instant::now();
    let mut loaded = 0;
    for _ in 0..400 {
        let (_, count) = scroll_to_bottom(&app).await;
        loaded = count;
        if count >= 10_000 {
            break;
        }
    }
    let scrolled = scroll_started.elapsed();
    assert_eq!(loaded, 10_000, "scrolling reaches the end of the list");
    let (_, _, last_text) = scroll_to_bottom_text(&app).await;
    // Newest change first: the bottom is the claim changed longest ago, the
    // generator's first (a busy one, with 20 passages).
    assert!(
        last_text.ends_with("(claim 0)") || last_text.contains("(claim 0)"),
        "the bottom row is the first claim generated: {last_text}"
    );
    let rows = app.find_all("claim-row").await;
    let last = rows.last().expect("rows in view");
    last.click().await.expect("the last claim opens");
    let opened = Instant::now();
    wait_for_value(&app, "claim-statement", "(claim 0)").await;
    let open_ms = opened.elapsed().as_millis();
    app.screenshot("desk-year-last-claim").await;

    // The keyboard reaches the first and the last claim, and steps between.
    app.click("claim-count").await;
    app.press('\u{E011}').await; // Home
    let first = wait_for_first_row_selected(&app).await;
    wait_for_selected(&app, first.as_str().unwrap_or_default()).await;
    app.press('j').await;
    app.press('k').await;
    wait_for_selected(&app, first.as_str().unwrap_or_default()).await;
    app.press('\u{E010}').await; // End
    wait_for_value(&app, "claim-statement", "(claim 0)").await;
    app.close().await;

    let empty = empty_window_memory();
    // Which build was measured: another one (an installed release build)
    // is named by CLAIMDESK_APP_BIN.
    let build = std::env::var("CLAIMDESK_APP_BIN")
        .map(|bin| format!("build {bin}"))
        .unwrap_or_else(|_| "debug build".into());
    println!(
        "desk after a year: window to first rows {:.2}s ({build}); marks: {}; {} rows rendered at start",
        window_to_list.as_secs_f64(),
        marks.as_str().unwrap_or_default(),
        rows_at_start
    );
    println!(
        "scrolled 10,000 claims to the end in {:.1}s; the last claim showed {open_ms} ms after its click",
        scrolled.as_secs_f64()
    );
    println!(
        "memory at rest, app process tree ({build}): {}",
        at_rest.unwrap_or_else(|| "not measured".into())
    );
    println!(
        "memory of an empty Tauri window, measured the same way: {}",
        empty.unwrap_or_else(|| "not measured (build the empty_window example)".into())
    );
}

/// (rows rendered, rows loaded).
async fn rendered(app: &App) -> (u64, u64) {
    let v = app
        .client
        .execute(
            r#"const list = document.querySelector('[data-testid="claim-list"]');
               return [document.querySelectorAll('[data-testid="claim-row"]').length, Number(list.dataset.count)];"#,
            vec![],
        )
        .await
        .expect("the list can be read");
    (
        v[0].as_u64().unwrap_or_default(),
        v[1].as_u64().unwrap_or_default(),
    )
}

/// Scrolls the list to its bottom and waits two frames and a little for a
/// page to arrive; returns (rows rendered, rows loaded).
async fn scroll_to_bottom(app: &App) -> (u64, u64) {
    let (rows, count, _) = scroll_to_bottom_text(app).await;
    (rows, count)
}

async fn scroll_to_bottom_text(app: &App) -> (u64, u64, String) {
    let v = app
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const list = document.querySelector('[data-testid="claim-list"]');
               list.scrollTop = list.scrollHeight;
               list.dispatchEvent(new Event('scroll'));
               setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => {
                 const rows = [...document.querySelectorAll('[data-testid="claim-row"]')];
                 done([rows.length, Number(list.dataset.count), rows.at(-1)?.textContent ?? '']);
               })), 30);"#,
            vec![],
        )
        .await
        .expect("the list scrolls");
    (
        v[0].as_u64().unwrap_or_default(),
        v[1].as_u64().unwrap_or_default(),
        v[2].as_str().unwrap_or_default().to_string(),
    )
}

async fn wait_for_value(app: &App, testid: &str, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let value = app.value(testid).await;
        if value.contains(needle) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{testid} never held {needle:?}; it holds {value:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until Home has scrolled the list back to its top and the row
/// selected is the first one shown (the rows rendered while the list was at
/// its end are not the first claims), and returns that row's id.
async fn wait_for_first_row_selected(app: &App) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let first = app
            .client
            .execute(
                "const first = document.querySelector('[data-testid=\"claim-row\"]');
                 const selected = document.querySelector('.claim-row.selected');
                 return first && first === selected && first.getBoundingClientRect().top >= 0
                     ? first.dataset.id : '';",
                vec![],
            )
            .await
            .expect("the rows can be read");
        if first.as_str().is_some_and(|id| !id.is_empty()) {
            return first;
        }
        assert!(
            Instant::now() < deadline,
            "Home never selected the first row shown at the top of the list"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_for_selected(app: &App, id: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let selected = app
            .client
            .execute(
                "return document.querySelector('.claim-row.selected')?.dataset.id ?? ''",
                vec![],
            )
            .await
            .expect("the selection can be read");
        if selected.as_str() == Some(id) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the claim {id} was never selected; {selected} is"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The resident memory of a process tree: the sum of each process's RSS,
/// and of its PSS (shared pages counted once across the tree).
struct TreeMemory {
    processes: usize,
    rss_kib: u64,
    pss_kib: u64,
}

impl TreeMemory {
    fn describe(&self) -> String {
        format!(
            "{} processes, RSS {} MiB, PSS {} MiB",
            self.processes,
            self.rss_kib / 1024,
            self.pss_kib / 1024
        )
    }
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name is in parentheses and may hold spaces: read after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(1)?.parse().ok()
}

fn all_pids() -> Vec<u32> {
    std::fs::read_dir("/proc")
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

fn descends_from(mut pid: u32, ancestor: u32) -> bool {
    for _ in 0..64 {
        if pid == ancestor {
            return true;
        }
        match parent_of(pid) {
            Some(p) if p > 1 => pid = p,
            _ => return false,
        }
    }
    false
}

fn kib(path: &Path, field: &str) -> u64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or_default()
}

/// The memory of the tree rooted at `root`.
fn tree_memory(root: u32) -> TreeMemory {
    let pids: Vec<u32> = all_pids()
        .into_iter()
        .filter(|&p| descends_from(p, root))
        .collect();
    TreeMemory {
        processes: pids.len(),
        rss_kib: pids
            .iter()
            .map(|p| kib(Path::new(&format!("/proc/{p}/status")), "VmRSS:"))
            .sum(),
        pss_kib: pids
            .iter()
            .map(|p| kib(Path::new(&format!("/proc/{p}/smaps_rollup")), "Pss:"))
            .sum(),
    }
}

/// The app started for this test: the `claimdesk-app` below this process.
fn app_tree_memory() -> Option<TreeMemory> {
    let me = std::process::id();
    let app = all_pids().into_iter().find(|&p| {
        descends_from(p, me)
            && std::fs::read_to_string(format!("/proc/{p}/comm"))
                .is_ok_and(|c| c.trim() == "claimdesk-app")
    })?;
    Some(tree_memory(app))
}

/// An empty Tauri window (the `empty_window` example of the app crate), at
/// rest, measured the same way; `None` when the example is not built.
fn empty_window_memory() -> Option<String> {
    // EMPTY_WINDOW_BIN names another build, as in scripts/measure-memory.sh.
    let bin = std::env::var_os("EMPTY_WINDOW_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/examples/empty_window"));
    if !bin.is_file() {
        return None;
    }
    let mut child: Child = Command::new(bin)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    std::thread::sleep(Duration::from_secs(8));
    let memory = tree_memory(child.id());
    let _ = child.kill();
    let _ = child.wait();
    Some(memory.describe())
}
