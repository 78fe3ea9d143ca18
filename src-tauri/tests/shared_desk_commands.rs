//! The shared desk as the window drives it: where the workspace syncs, and
//! the background sync started by saving it and nudged by each change.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use claimdesk_app::AppState;
use claimdesk_app::sync_worker::{DeskLink, Outcome, SyncWorker};
use claimdesk_core::Workspace;
use serde_json::{Value, json};
use support::Harness;
use tauri::Manager;

/// A server stand-in: every sync sends what waits.
#[derive(Clone, Default)]
struct FakeDesk {
    syncs: Arc<AtomicU64>,
    pending: Arc<AtomicU64>,
}

impl DeskLink for FakeDesk {
    fn sync(&self, _: &Workspace, _: &str, _: &str) -> Outcome {
        self.syncs.fetch_add(1, Ordering::SeqCst);
        self.pending.store(0, Ordering::SeqCst);
        Outcome::Synced {
            received: 0,
            pending: 0,
        }
    }
    fn pending(&self, _: &Workspace, _: &str, _: &str) -> claimdesk_core::Result<u64> {
        Ok(self.pending.load(Ordering::SeqCst))
    }
}

fn desk_settings() -> Value {
    json!({ "settings": { "server": "postgres://ana@desk.example:5433/claimdesk", "desk": "harbour" } })
}

fn status(h: &Harness) -> Value {
    let state = h.app.state::<AppState>();
    serde_json::to_value(state.sync_worker().expect("a worker").status()).expect("json")
}

fn wait_for(h: &Harness, what: &str, f: impl Fn(&Value) -> bool) -> Value {
    let until = Instant::now() + Duration::from_secs(5);
    loop {
        let s = status(h);
        if f(&s) {
            return s;
        }
        assert!(Instant::now() < until, "never {what}: {s}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn the_server_and_desk_are_saved_and_a_password_is_refused() {
    let h = Harness::with_workspace();
    assert_eq!(
        h.call("sync_settings_get", json!({})).expect("get"),
        json!({ "server": null, "desk": null })
    );
    h.call("sync_settings_save", desk_settings())
        .expect("saved");
    let err = h
        .call(
            "sync_settings_save",
            json!({ "settings": { "server": "postgres://ana:secret@desk.example/claimdesk", "desk": "night" } }),
        )
        .expect_err("a password is refused");
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("PGPASSWORD"),
        "{err}"
    );
    assert_eq!(
        h.call("sync_settings_get", json!({})).expect("get"),
        json!({ "server": "postgres://ana@desk.example:5433/claimdesk", "desk": "harbour" }),
        "the refused address changed nothing"
    );
    let err = h
        .call(
            "sync_settings_save",
            json!({ "settings": { "server": "postgres://desk.example/claimdesk", "desk": "night" } }),
        )
        .expect_err("the server side needs a role to log in as");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("names no role"),
        "{err}"
    );
    assert_eq!(
        h.call("sync_stop", json!({})).expect("stopped"),
        json!({ "server": null, "desk": null })
    );
}

#[test]
fn saving_the_server_syncs_and_each_change_in_the_window_goes_out_soon_after() {
    let h = Harness::with_workspace();
    let desk = FakeDesk::default();
    h.app.state::<AppState>().attach_sync(SyncWorker::start(
        desk.clone(),
        Duration::from_secs(600),
        Duration::from_millis(100),
    ));
    assert_eq!(status(&h)["phase"], "off");
    h.call("sync_settings_save", desk_settings())
        .expect("saved");
    let synced = wait_for(&h, "synced", |s| s["phase"] == "synced");
    assert!(synced["last_synced"].is_string(), "{synced}");
    let before = desk.syncs.load(Ordering::SeqCst);
    desk.pending.store(1, Ordering::SeqCst);
    h.call(
        "claim_add",
        json!({ "claim": { "statement": "The ferry deadline was Friday", "tags": [] } }),
    )
    .expect("claim added");
    wait_for(&h, "sent the change", |_| {
        desk.syncs.load(Ordering::SeqCst) > before
    });
    wait_for(&h, "nothing left to send", |s| s["pending"] == 0);
    h.call("sync_stop", json!({})).expect("stopped");
    wait_for(&h, "off", |s| s["phase"] == "off");
}
