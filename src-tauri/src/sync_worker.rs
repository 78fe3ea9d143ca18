//! The shared desk's background sync: a thread of its own, with its own
//! connection to the workspace file, that syncs every 30 seconds and soon
//! after the window changes something, and tells the window how it went.
//!
//! Commands only send it a message (never wait for it), so a slow or
//! unreachable server never holds up the window.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use claimdesk_core::Workspace;
use claimdesk_core::sync::settings as sync_settings;
use serde::{Deserialize, Serialize};

/// How often the desk syncs when nothing nudges it.
pub const PERIOD: Duration = Duration::from_secs(30);
/// How long after a change the sync waits, so a burst of edits goes in one.
pub const NUDGE_DELAY: Duration = Duration::from_millis(1500);

/// Where the background sync stands, as the status bar shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    /// No server is set for this workspace (or none is open).
    Off,
    /// A sync is running.
    Syncing,
    /// The last sync went through.
    Synced,
    /// The server could not be reached; changes wait.
    Offline,
    /// The server answered but refused (login, a desk not granted).
    Refused,
    /// Something else went wrong (the workspace could not be read).
    Failed,
}

/// What the window shows of the background sync.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct SyncStatus {
    pub phase: SyncPhase,
    /// When the last sync went through, if one did since this workspace opened.
    pub last_synced: Option<DateTime<Utc>>,
    /// When syncing first failed to reach the server, while it still does.
    pub offline_since: Option<DateTime<Utc>>,
    /// Local changes waiting to be sent.
    pub pending: u32,
    /// The server's or the workspace's sentence when a sync did not go through.
    pub message: Option<String>,
    /// Bumped each time a sync brought changes in, so the window reloads
    /// the open list and claim.
    pub pulls: u32,
}

impl Default for SyncStatus {
    fn default() -> Self {
        SyncStatus {
            phase: SyncPhase::Off,
            last_synced: None,
            offline_since: None,
            pending: 0,
            message: None,
            pulls: 0,
        }
    }
}

/// How one sync ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Synced { received: u64, pending: u64 },
    Offline(String),
    Refused(String),
    Failed(String),
}

/// The server side of a sync, behind a trait so the worker's timing and
/// states are tested without a server.
pub trait DeskLink: Send + Sync + 'static {
    /// Pushes this workspace's changes, then pulls everyone else's.
    fn sync(&self, ws: &Workspace, server: &str, desk: &str) -> Outcome;
    /// How many local changes wait to be sent to this server and desk.
    fn pending(&self, ws: &Workspace, server: &str, desk: &str) -> claimdesk_core::Result<u64>;
}

/// Receives every new status; returns false once the window is gone.
pub type Watcher = Box<dyn Fn(&SyncStatus) -> bool + Send>;

enum Msg {
    /// This workspace file opened (or none is open).
    Open(Option<PathBuf>),
    /// The window changed something: sync soon if anything waits.
    Nudge,
    /// Sync now (the settings changed or the user asked).
    Now,
}

struct Shared {
    status: Mutex<SyncStatus>,
    watcher: Mutex<Option<Watcher>>,
}

impl Shared {
    fn status(&self) -> MutexGuard<'_, SyncStatus> {
        self.status.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Changes the status and tells the window, if it changed.
    fn update(&self, f: impl FnOnce(&mut SyncStatus)) {
        let now = {
            let mut status = self.status();
            let before = status.clone();
            f(&mut status);
            if *status == before {
                return;
            }
            status.clone()
        };
        let mut watcher = self.watcher.lock().unwrap_or_else(|p| p.into_inner());
        if watcher.as_ref().is_some_and(|w| !w(&now)) {
            *watcher = None;
        }
    }
}

/// The handle commands hold: sends messages, reads the last status.
pub struct SyncWorker {
    tx: Mutex<Sender<Msg>>,
    shared: Arc<Shared>,
}

impl SyncWorker {
    /// Starts the thread; it waits until a workspace opens.
    pub fn start(link: impl DeskLink, period: Duration, nudge_delay: Duration) -> Self {
        let (tx, rx) = mpsc::channel();
        let shared = Arc::new(Shared {
            status: Mutex::new(SyncStatus::default()),
            watcher: Mutex::new(None),
        });
        let thread_shared = Arc::clone(&shared);
        let timing = Timing {
            period,
            nudge_delay,
        };
        // The thread ends when the handle (and so the sender) is dropped.
        std::thread::Builder::new()
            .name("shared-desk-sync".into())
            .spawn(move || run(&rx, &link, &thread_shared, timing))
            .map_err(|e| eprintln!("error: the background sync could not start: {e}"))
            .ok();
        SyncWorker {
            tx: Mutex::new(tx),
            shared,
        }
    }

    fn send(&self, msg: Msg) {
        // A stopped thread cannot be helped here; the status says what it last knew.
        let _ = self.tx.lock().unwrap_or_else(|p| p.into_inner()).send(msg);
    }

    /// The workspace at `path` is the open one now (`None`: none is).
    pub fn open(&self, path: Option<PathBuf>) {
        self.send(Msg::Open(path));
    }

    /// Something in the window may have changed the workspace.
    pub fn nudge(&self) {
        self.send(Msg::Nudge);
    }

    /// Syncs at once.
    pub fn sync_now(&self) {
        self.send(Msg::Now);
    }

    /// The last status.
    pub fn status(&self) -> SyncStatus {
        self.shared.status().clone()
    }

    /// Sends every new status to `watcher` (replacing the one before: a
    /// reloaded window watches again).
    pub fn watch(&self, watcher: Watcher) {
        *self
            .shared
            .watcher
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(watcher);
    }
}

#[derive(Clone, Copy)]
struct Timing {
    period: Duration,
    nudge_delay: Duration,
}

/// The thread: waits for a message or the next due sync, whichever comes first.
fn run(rx: &Receiver<Msg>, link: &impl DeskLink, shared: &Shared, timing: Timing) {
    let mut open: Option<Workspace> = None;
    let mut due: Option<Instant> = None;
    loop {
        let msg = match due {
            Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match msg {
            Ok(Msg::Open(path)) => {
                // The old connection closes before the new file opens.
                drop(open.take());
                shared.update(|s| *s = SyncStatus::default());
                open = path.and_then(|p| match Workspace::open(&p) {
                    Ok(ws) => Some(ws),
                    Err(e) => {
                        shared.update(|s| {
                            s.phase = SyncPhase::Failed;
                            s.message = Some(format!(
                                "The background sync cannot read the workspace: {e}"
                            ));
                        });
                        None
                    }
                });
                due = open.as_ref().map(|_| Instant::now());
            }
            Ok(Msg::Nudge) => {
                if let Some(ws) = &open
                    && count_pending(ws, link, shared) > 0
                {
                    let soon = Instant::now() + timing.nudge_delay;
                    due = Some(due.map_or(soon, |d| d.min(soon)));
                }
            }
            Ok(Msg::Now) => due = open.as_ref().map(|_| Instant::now()),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        if let (Some(ws), Some(at)) = (&open, due)
            && at <= Instant::now()
        {
            sync_round(ws, link, shared);
            due = Some(Instant::now() + timing.period);
        }
    }
}

/// Updates the count of changes to send; returns it.
fn count_pending(ws: &Workspace, link: &impl DeskLink, shared: &Shared) -> u64 {
    let Ok(settings) = sync_settings::get(ws) else {
        return 0;
    };
    let Some((server, desk)) = settings.target() else {
        return 0;
    };
    let pending = link.pending(ws, server, desk).unwrap_or(0);
    shared.update(|s| s.pending = clamp(pending));
    pending
}

/// One sync, with the status before and after.
fn sync_round(ws: &Workspace, link: &impl DeskLink, shared: &Shared) {
    let settings = match sync_settings::get(ws) {
        Ok(settings) => settings,
        Err(e) => {
            shared.update(|s| {
                s.phase = SyncPhase::Failed;
                s.message = Some(format!("The sync settings cannot be read: {e}"));
            });
            return;
        }
    };
    let Some((server, desk)) = settings.target() else {
        shared.update(|s| {
            *s = SyncStatus {
                pulls: s.pulls,
                ..SyncStatus::default()
            }
        });
        return;
    };
    shared.update(|s| s.phase = SyncPhase::Syncing);
    let outcome = link.sync(ws, server, desk);
    let waiting = || link.pending(ws, server, desk).map(clamp).ok();
    let now = Utc::now();
    match outcome {
        Outcome::Synced { received, pending } => shared.update(|s| {
            s.phase = SyncPhase::Synced;
            s.last_synced = Some(now);
            s.offline_since = None;
            s.pending = clamp(pending);
            s.message = None;
            if received > 0 {
                s.pulls = s.pulls.wrapping_add(1);
            }
        }),
        Outcome::Offline(message) => {
            let pending = waiting();
            shared.update(|s| {
                s.phase = SyncPhase::Offline;
                s.offline_since = s.offline_since.or(Some(now));
                s.pending = pending.unwrap_or(s.pending);
                s.message = Some(message);
            });
        }
        Outcome::Refused(message) => {
            let pending = waiting();
            shared.update(|s| {
                s.phase = SyncPhase::Refused;
                s.pending = pending.unwrap_or(s.pending);
                s.message = Some(message);
            });
        }
        Outcome::Failed(message) => {
            let pending = waiting();
            shared.update(|s| {
                s.phase = SyncPhase::Failed;
                s.pending = pending.unwrap_or(s.pending);
                s.message = Some(message);
            });
        }
    }
}

/// Counts fit the window's numbers; a desk never queues four billion changes.
fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicU64, Ordering};

    use claimdesk_core::sync::settings::SyncSettings;

    use super::*;

    /// A server stand-in: answers from a queue (Synced when empty) and
    /// counts the syncs it was asked for.
    #[derive(Clone, Default)]
    struct FakeDesk {
        answers: Arc<Mutex<VecDeque<Outcome>>>,
        syncs: Arc<AtomicU64>,
        pending: Arc<AtomicU64>,
        /// How long each sync takes.
        slow: Duration,
    }

    impl DeskLink for FakeDesk {
        fn sync(&self, _: &Workspace, server: &str, desk: &str) -> Outcome {
            assert_eq!(
                (server, desk),
                ("postgres://desk.example/claimdesk", "harbour")
            );
            std::thread::sleep(self.slow);
            self.syncs.fetch_add(1, Ordering::SeqCst);
            let answer = self.answers.lock().expect("answers").pop_front();
            answer.unwrap_or_else(|| Outcome::Synced {
                received: 0,
                pending: {
                    self.pending.store(0, Ordering::SeqCst);
                    0
                },
            })
        }
        fn pending(&self, _: &Workspace, _: &str, _: &str) -> claimdesk_core::Result<u64> {
            Ok(self.pending.load(Ordering::SeqCst))
        }
    }

    struct Setup {
        _dir: tempfile::TempDir,
        path: PathBuf,
        desk: FakeDesk,
        worker: SyncWorker,
        seen: Arc<Mutex<Vec<SyncStatus>>>,
    }

    fn setup(with_server: bool, desk: FakeDesk) -> Setup {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("desk.sqlite");
        let ws = Workspace::create(&path).expect("workspace");
        if with_server {
            sync_settings::save(
                &ws,
                &SyncSettings {
                    server: Some("postgres://desk.example/claimdesk".into()),
                    desk: Some("harbour".into()),
                },
            )
            .expect("settings");
        }
        drop(ws);
        let worker = SyncWorker::start(
            desk.clone(),
            Duration::from_secs(600),
            Duration::from_millis(100),
        );
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        worker.watch(Box::new(move |s| {
            log.lock().expect("log").push(s.clone());
            true
        }));
        Setup {
            _dir: dir,
            path,
            desk,
            worker,
            seen,
        }
    }

    /// Waits (up to 5 s) until the status satisfies `f`.
    fn wait_for(worker: &SyncWorker, what: &str, f: impl Fn(&SyncStatus) -> bool) -> SyncStatus {
        let until = Instant::now() + Duration::from_secs(5);
        loop {
            let s = worker.status();
            if f(&s) {
                return s;
            }
            assert!(Instant::now() < until, "never {what}; last status {s:?}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn opening_a_workspace_with_a_server_syncs_it_and_says_when() {
        let t = setup(true, FakeDesk::default());
        t.desk
            .answers
            .lock()
            .expect("answers")
            .push_back(Outcome::Synced {
                received: 3,
                pending: 0,
            });
        t.worker.open(Some(t.path.clone()));
        let s = wait_for(&t.worker, "synced", |s| s.phase == SyncPhase::Synced);
        assert!(s.last_synced.is_some());
        assert_eq!(
            s.pulls, 1,
            "a sync that brought changes asks the window to reload"
        );
        let seen = t.seen.lock().expect("log").clone();
        assert!(
            seen.iter().any(|s| s.phase == SyncPhase::Syncing),
            "the window saw the sync running: {seen:?}"
        );
    }

    #[test]
    fn without_a_server_nothing_syncs() {
        let t = setup(false, FakeDesk::default());
        t.worker.open(Some(t.path.clone()));
        t.worker.sync_now();
        t.worker.nudge();
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(t.worker.status().phase, SyncPhase::Off);
        assert_eq!(t.desk.syncs.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_burst_of_changes_goes_out_in_one_sync_soon_after() {
        let t = setup(true, FakeDesk::default());
        t.worker.open(Some(t.path.clone()));
        wait_for(&t.worker, "synced", |s| s.phase == SyncPhase::Synced);
        assert_eq!(t.desk.syncs.load(Ordering::SeqCst), 1);
        // Five edits in quick succession, each nudging.
        for waiting in 1..=5 {
            t.desk.pending.store(waiting, Ordering::SeqCst);
            t.worker.nudge();
            std::thread::sleep(Duration::from_millis(5));
        }
        wait_for(&t.worker, "counted the waiting changes", |s| s.pending == 5);
        wait_for(&t.worker, "sent them", |s| s.pending == 0);
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(
            t.desk.syncs.load(Ordering::SeqCst),
            2,
            "five nudges, one sync"
        );
        t.worker.nudge();
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(
            t.desk.syncs.load(Ordering::SeqCst),
            2,
            "nothing waits, so a nudge does not sync"
        );
    }

    #[test]
    fn offline_keeps_the_time_it_started_and_counts_what_waits() {
        let t = setup(true, FakeDesk::default());
        t.desk.pending.store(1, Ordering::SeqCst);
        {
            let mut answers = t.desk.answers.lock().expect("answers");
            answers.push_back(Outcome::Offline(
                "the server at desk.example cannot be reached".into(),
            ));
            answers.push_back(Outcome::Offline("still unreachable".into()));
        }
        t.worker.open(Some(t.path.clone()));
        let first = wait_for(&t.worker, "offline", |s| s.phase == SyncPhase::Offline);
        assert_eq!(first.pending, 1);
        assert!(first.offline_since.is_some());
        t.worker.sync_now();
        let second = wait_for(&t.worker, "offline again", |s| {
            s.message.as_deref() == Some("still unreachable")
        });
        assert_eq!(
            second.offline_since, first.offline_since,
            "offline since the first failure"
        );
        t.worker.sync_now();
        let back = wait_for(&t.worker, "back", |s| s.phase == SyncPhase::Synced);
        assert_eq!(back.offline_since, None);
        assert_eq!(back.message, None);
    }

    #[test]
    fn a_refused_sync_keeps_the_servers_sentence() {
        let t = setup(true, FakeDesk::default());
        t.desk
            .answers
            .lock()
            .expect("answers")
            .push_back(Outcome::Refused(
                "the server refused role ana: the desk harbour is not granted to it".into(),
            ));
        t.worker.open(Some(t.path.clone()));
        let s = wait_for(&t.worker, "refused", |s| s.phase == SyncPhase::Refused);
        assert!(s.message.unwrap_or_default().contains("not granted"));
    }

    #[test]
    fn a_slow_server_never_holds_up_the_window() {
        let t = setup(
            true,
            FakeDesk {
                slow: Duration::from_millis(800),
                ..FakeDesk::default()
            },
        );
        t.worker.open(Some(t.path.clone()));
        wait_for(&t.worker, "syncing", |s| s.phase == SyncPhase::Syncing);
        let started = Instant::now();
        t.worker.nudge();
        t.worker.sync_now();
        let _ = t.worker.status();
        assert!(
            started.elapsed() < Duration::from_millis(100),
            "the window's calls returned while the sync ran"
        );
        wait_for(&t.worker, "synced", |s| s.phase == SyncPhase::Synced);
    }

    #[test]
    fn closing_or_switching_the_workspace_stops_its_sync() {
        let t = setup(true, FakeDesk::default());
        t.worker.open(Some(t.path.clone()));
        wait_for(&t.worker, "synced", |s| s.phase == SyncPhase::Synced);
        t.worker.open(None);
        wait_for(&t.worker, "off", |s| s.phase == SyncPhase::Off);
        let before = t.desk.syncs.load(Ordering::SeqCst);
        t.desk.pending.store(2, Ordering::SeqCst);
        t.worker.sync_now();
        t.worker.nudge();
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(
            t.desk.syncs.load(Ordering::SeqCst),
            before,
            "no workspace, no sync"
        );
    }
}
