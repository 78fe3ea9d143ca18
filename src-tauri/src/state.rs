//! What the app holds between commands: the open workspace and where it came from.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use claimdesk_core::Workspace;

use crate::error::{CommandError, CommandErrorKind, CommandResult};
use crate::recent::RecentList;
use crate::sync_worker::SyncWorker;

/// Locks the workspace. A panic while holding the lock cannot leave SQLite
/// half-written (writes are transactions), so a poisoned lock is still usable.
fn lock_workspace(m: &Mutex<Option<Workspace>>) -> MutexGuard<'_, Option<Workspace>> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs `f` on a blocking thread: reqwest's blocking client must not run on
/// the async runtime's threads, and the window stays responsive meanwhile.
pub async fn on_blocking_thread<T: Send + 'static>(
    f: impl FnOnce() -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| CommandError {
            kind: CommandErrorKind::Internal,
            message: format!("the work stopped unexpectedly: {e}"),
        })?
}

/// The app's state, shared by every command.
pub struct AppState {
    /// The open workspace; `None` until one opens. Shared (`Arc`) so slow
    /// work can run on a blocking thread that outlives the command's borrow.
    workspace: Arc<Mutex<Option<Workspace>>>,
    /// Why the workspace chosen on start did not open, shown in the window.
    startup_problem: Mutex<Option<CommandError>>,
    /// Recently opened workspaces, when the platform has a config folder.
    pub recent: Option<RecentList>,
    /// The stop flag of the batch import that is running, if one is.
    import_stop: Mutex<Option<Arc<AtomicBool>>>,
    /// The shared desk's background sync, once the app has started it
    /// (command tests run without one).
    sync: OnceLock<SyncWorker>,
}

/// The open workspace, for slow work on a blocking thread that takes it only
/// for short writes, so the window can list sources while a batch runs.
#[derive(Clone)]
pub struct SharedWorkspace {
    workspace: Arc<Mutex<Option<Workspace>>>,
    /// The file that was open when the work started.
    path: PathBuf,
}

impl SharedWorkspace {
    /// Runs `f` on the workspace, if it is still the one the work started on.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Workspace) -> claimdesk_core::Result<T>,
    ) -> claimdesk_core::Result<T> {
        let guard = lock_workspace(&self.workspace);
        match guard.as_ref() {
            Some(ws) if ws.path() == self.path => f(ws),
            _ => Err(claimdesk_core::Error::Conflict(
                "the workspace was closed or another one opened; nothing more was added".into(),
            )),
        }
    }

    /// Whether a different workspace (or none) is open now.
    pub fn was_replaced(&self) -> bool {
        lock_workspace(&self.workspace)
            .as_ref()
            .is_none_or(|ws| ws.path() != self.path)
    }
}

/// A running batch import's claim on the stop flag; dropping it frees the
/// slot for the next import.
pub struct ImportGuard<'a> {
    state: &'a AppState,
    /// Set when the user asks the import to stop.
    pub stop: Arc<AtomicBool>,
}

impl Drop for ImportGuard<'_> {
    fn drop(&mut self) {
        *self
            .state
            .import_stop
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = None;
    }
}

impl AppState {
    /// State with nothing open yet.
    pub fn new(recent: Option<RecentList>) -> Self {
        AppState {
            workspace: Arc::new(Mutex::new(None)),
            startup_problem: Mutex::new(None),
            recent,
            import_stop: Mutex::new(None),
            sync: OnceLock::new(),
        }
    }

    /// Hands the background sync the workspace that is open now and every
    /// one opened later.
    pub fn attach_sync(&self, worker: SyncWorker) {
        worker.open(self.lock().as_ref().map(|ws| ws.path().to_path_buf()));
        let _ = self.sync.set(worker);
    }

    /// The background sync, when the app runs one.
    pub fn sync_worker(&self) -> Option<&SyncWorker> {
        self.sync.get()
    }

    /// Tells the background sync a command ran, so a change goes out soon.
    fn nudge_sync(&self) {
        if let Some(worker) = self.sync.get() {
            worker.nudge();
        }
    }

    /// The open workspace, shared with slow work (see [`SharedWorkspace`]).
    pub fn shared(&self) -> CommandResult<SharedWorkspace> {
        let path = self
            .lock()
            .as_ref()
            .map(|ws| ws.path().to_path_buf())
            .ok_or_else(CommandError::no_workspace)?;
        Ok(SharedWorkspace {
            workspace: Arc::clone(&self.workspace),
            path,
        })
    }

    /// Claims the one batch-import slot; refused while another import runs,
    /// so two imports cannot interleave their progress in one window.
    pub fn start_import(&self) -> CommandResult<ImportGuard<'_>> {
        let mut slot = self.import_stop.lock().unwrap_or_else(|p| p.into_inner());
        if slot.is_some() {
            return Err(CommandError {
                kind: CommandErrorKind::Conflict,
                message: "an import is already running; wait for it or stop it first".into(),
            });
        }
        let stop = Arc::new(AtomicBool::new(false));
        *slot = Some(Arc::clone(&stop));
        Ok(ImportGuard { state: self, stop })
    }

    /// Asks the running batch import to stop after the item it is on;
    /// false when no import is running.
    pub fn stop_import(&self) -> bool {
        match self
            .import_stop
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            Some(stop) => {
                stop.store(true, Ordering::SeqCst);
                true
            }
            None => false,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Workspace>> {
        lock_workspace(&self.workspace)
    }

    /// Runs `f` on the open workspace on a blocking thread, for slow work
    /// that needs the workspace throughout (comparing stored sources).
    pub async fn with_blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Workspace) -> claimdesk_core::Result<T> + Send + 'static,
    ) -> CommandResult<T> {
        let shared = Arc::clone(&self.workspace);
        let result = on_blocking_thread(move || {
            let guard = lock_workspace(&shared);
            let ws = guard.as_ref().ok_or_else(CommandError::no_workspace)?;
            Ok(f(ws)?)
        })
        .await;
        self.nudge_sync();
        result
    }

    /// Runs `f` on the open workspace, turning core errors into IPC errors.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Workspace) -> claimdesk_core::Result<T>,
    ) -> CommandResult<T> {
        let result = {
            let guard = self.lock();
            let ws = guard.as_ref().ok_or_else(CommandError::no_workspace)?;
            f(ws)?
        };
        // The worker checks whether anything waits, so a read costs it one count.
        self.nudge_sync();
        Ok(result)
    }

    /// Runs `f` on the open workspace with leave to change the handle itself
    /// (e.g. who it records changes as).
    pub fn with_mut<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> claimdesk_core::Result<T>,
    ) -> CommandResult<T> {
        let result = {
            let mut guard = self.lock();
            let ws = guard.as_mut().ok_or_else(CommandError::no_workspace)?;
            f(ws)?
        };
        self.nudge_sync();
        Ok(result)
    }

    /// Replaces the open workspace and remembers it in the recent list.
    pub fn set(&self, ws: Workspace) {
        if let Some(recent) = &self.recent {
            // Failing to remember a recent file must not stop the user working.
            let _ = recent.remember(ws.path());
        }
        let path = ws.path().to_path_buf();
        *self.lock() = Some(ws);
        self.set_problem(None);
        if let Some(worker) = self.sync.get() {
            worker.open(Some(path));
        }
    }

    /// The path of the open workspace, if any.
    pub fn path(&self) -> Option<String> {
        self.lock()
            .as_ref()
            .map(|ws| ws.path().display().to_string())
    }

    /// Records why the start-up workspace did not open.
    pub fn set_problem(&self, problem: Option<CommandError>) {
        *self
            .startup_problem
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = problem;
    }

    /// Why the start-up workspace did not open, if it did not.
    pub fn problem(&self) -> Option<CommandError> {
        self.startup_problem
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_import_at_a_time_and_stop_reaches_the_running_one() {
        let state = AppState::new(None);
        assert!(!state.stop_import(), "nothing to stop yet");
        let running = state.start_import().expect("the first import starts");
        let second = state.start_import().err().expect("a second is refused");
        assert_eq!(second.kind, CommandErrorKind::Conflict);
        assert!(state.stop_import());
        assert!(
            running.stop.load(Ordering::SeqCst),
            "the running import sees the stop"
        );
        drop(running);
        let next = state.start_import().expect("the slot is free once it ends");
        assert!(
            !next.stop.load(Ordering::SeqCst),
            "a new import starts unstopped"
        );
    }

    #[test]
    fn shared_work_stops_when_another_workspace_opens() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::new(None);
        state.set(Workspace::create(dir.path().join("a.sqlite")).expect("a"));
        let shared = state.shared().expect("a workspace is open");
        assert!(!shared.was_replaced());
        assert!(shared.with(|ws| ws.sources().list()).is_ok());
        state.set(Workspace::create(dir.path().join("b.sqlite")).expect("b"));
        assert!(shared.was_replaced());
        let err = shared
            .with(|ws| ws.sources().list())
            .expect_err("not the same file");
        assert!(err.to_string().contains("nothing more was added"));
    }
}
