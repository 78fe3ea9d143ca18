//! What the app holds between commands: the open workspace and where it came from.

use std::sync::{Mutex, MutexGuard};

use claimdesk_core::Workspace;

use crate::error::{CommandError, CommandResult};
use crate::recent::RecentList;

/// The app's state, shared by every command.
pub struct AppState {
    /// The open workspace; `None` until one opens.
    workspace: Mutex<Option<Workspace>>,
    /// Why the workspace chosen on start did not open, shown in the window.
    startup_problem: Mutex<Option<CommandError>>,
    /// Recently opened workspaces, when the platform has a config folder.
    pub recent: Option<RecentList>,
}

impl AppState {
    /// State with nothing open yet.
    pub fn new(recent: Option<RecentList>) -> Self {
        AppState {
            workspace: Mutex::new(None),
            startup_problem: Mutex::new(None),
            recent,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Workspace>> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (writes are transactions), so a poisoned lock is still usable.
        self.workspace.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the open workspace, turning core errors into IPC errors.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Workspace) -> claimdesk_core::Result<T>,
    ) -> CommandResult<T> {
        let guard = self.lock();
        let ws = guard.as_ref().ok_or_else(CommandError::no_workspace)?;
        Ok(f(ws)?)
    }

    /// Replaces the open workspace and remembers it in the recent list.
    pub fn set(&self, ws: Workspace) {
        if let Some(recent) = &self.recent {
            // Failing to remember a recent file must not stop the user working.
            let _ = recent.remember(ws.path());
        }
        *self.lock() = Some(ws);
        self.set_problem(None);
    }

    /// The path of the open workspace, if any.
    pub fn path(&self) -> Option<String> {
        self.lock().as_ref().map(|ws| ws.path().display().to_string())
    }

    /// Records why the start-up workspace did not open.
    pub fn set_problem(&self, problem: Option<CommandError>) {
        *self.startup_problem.lock().unwrap_or_else(|p| p.into_inner()) = problem;
    }

    /// Why the start-up workspace did not open, if it did not.
    pub fn problem(&self) -> Option<CommandError> {
        self.startup_problem.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

