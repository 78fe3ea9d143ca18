//! A shared desk in the real window: pointed at a server in Settings…, the
//! app shows a claim another checker pushed, the bar reads synced; with the
//! server stopped a new claim waits (offline, 1 change to send) and goes out
//! once the server is back, where the other checker pulls it.

mod support;

use claimdesk_core::Workspace;
use claimdesk_core::model::{ClaimFilter, NewClaim};
use claimdesk_sync::throwaway::ThrowawayServer;
use claimdesk_sync::{DEFAULT_DESK, Login, SyncOptions};
use support::{App, Desk};

const THEIRS: &str = "The harbour board said the night ferry would stop in March";
const OURS: &str = "The union said crews were never told about the March timetable";

/// Runs blocking PostgreSQL work off the test's async runtime (the blocking
/// client starts a runtime of its own, which cannot nest).
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().expect("the blocking work finishes"))
}

fn sync(ws: &mut Workspace, server: &ThrowawayServer) -> claimdesk_sync::SyncReport {
    let options = SyncOptions {
        login: Login::with_password(server.password()),
        ..SyncOptions::default()
    };
    let url = server.url();
    off_runtime(move || claimdesk_sync::sync_once_with(&*ws, &url, DEFAULT_DESK, &options))
        .expect("the other checker syncs")
}

fn statements(ws: &Workspace) -> Vec<String> {
    ws.claims()
        .list(&ClaimFilter::default())
        .expect("claims")
        .into_iter()
        .map(|c| c.statement)
        .collect()
}

/// Waits until the element's whole text holds `needle` (the list's rows and
/// the bar ellipsise long text, which WebDriver's visible text leaves out).
async fn wait_for_content(app: &App, testid: &str, needle: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let content = app.content(testid).await;
        if content.contains(needle) {
            return content;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{testid} never showed {needle:?}; it shows {content:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_app_syncs_with_a_shared_desk_and_keeps_working_offline() {
    if !support::can_run() {
        return;
    }
    let mut server = ThrowawayServer::new().expect("a throwaway PostgreSQL starts");
    let (url, login) = (server.url(), server.login());
    off_runtime(|| claimdesk_sync::init_server_with(&url, &login)).expect("server init");

    // Another checker pushes a claim.
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let mut other = Workspace::create(elsewhere.path().join("other.sqlite")).expect("other desk");
    other
        .claims()
        .add(NewClaim {
            statement: THEIRS.into(),
            claimant: Some("Harbour Board".into()),
            ..NewClaim::default()
        })
        .expect("their claim");
    assert!(sync(&mut other, &server).sent >= 1, "their claim went out");

    // The app takes the password from the environment, as a checker's would.
    let desk = Desk::new();
    let app = App::open_with_env(&desk, &[("PGPASSWORD", server.password())]).await;
    app.find("claims-empty").await;
    app.click("settings-button").await;
    app.type_into("shared-desk-server", &server.url()).await;
    app.type_into("shared-desk-name", DEFAULT_DESK).await;
    app.click("shared-desk-sync").await;
    app.wait_for_text("shared-desk-state", "Synced").await;
    app.screenshot("shared-desk-settings").await;
    app.click("settings-cancel").await;
    app.wait_gone("settings-dialog", "the settings dialog stays open")
        .await;
    wait_for_content(&app, "claim-list", THEIRS).await;
    wait_for_content(&app, "sync-status", "Synced").await;

    // The server goes away; work goes on and the new claim waits.
    server.stop().expect("the server stops");
    app.click("new-claim-button").await;
    app.type_into("new-claim-statement", OURS).await;
    app.click("new-claim-save").await;
    app.wait_for_text("claim-detail", OURS).await;
    let bar = wait_for_content(&app, "sync-status", "Offline since").await;
    assert!(bar.contains("1 change to send"), "the bar reads {bar:?}");
    app.screenshot("shared-desk-offline").await;

    // Back: Sync now from the bar sends it, once.
    server.start().expect("the server starts again");
    app.click("sync-status").await;
    wait_for_content(&app, "sync-status", "Synced").await;
    assert!(sync(&mut other, &server).received >= 1);
    let theirs_now = statements(&other);
    assert_eq!(
        theirs_now.iter().filter(|s| *s == OURS).count(),
        1,
        "the other desk has the new claim once: {theirs_now:?}"
    );
    assert_eq!(sync(&mut other, &server).received, 0, "nothing comes twice");
    app.screenshot("shared-desk-synced").await;
    app.close().await;
}
