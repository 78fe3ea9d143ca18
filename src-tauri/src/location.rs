//! Where the app finds its workspace on start and keeps its own settings.

use std::path::PathBuf;

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("org", "Claimdesk", "Claimdesk")
}

/// The app's settings folder; `CLAIMDESK_CONFIG_DIR` overrides it (tests use
/// this to keep each run's recent list apart).
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("CLAIMDESK_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| project_dirs().map(|d| d.config_dir().to_path_buf()))
}

/// The default workspace file in the platform's data folder, shared with the CLI.
pub fn default_workspace() -> Option<PathBuf> {
    claimdesk_core::default_path().ok()
}

/// The workspace to open on start: `CLAIMDESK_DB` if set, else the most
/// recent one that still exists, else the default file.
pub fn startup_workspace(env_db: Option<PathBuf>, recent: &[PathBuf]) -> Option<PathBuf> {
    env_db
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| recent.iter().find(|p| p.is_file()).cloned())
        .or_else(default_workspace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_variable_wins_over_recent_workspaces() {
        let dir = tempfile::tempdir().expect("temp dir");
        let recent = dir.path().join("recent.sqlite");
        std::fs::write(&recent, b"x").expect("written");
        let chosen = startup_workspace(Some(PathBuf::from("desk.sqlite")), &[recent]);
        assert_eq!(chosen, Some(PathBuf::from("desk.sqlite")));
    }

    #[test]
    fn a_recent_workspace_that_was_deleted_is_passed_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let gone = dir.path().join("gone.sqlite");
        let kept = dir.path().join("kept.sqlite");
        std::fs::write(&kept, b"x").expect("written");
        assert_eq!(startup_workspace(None, &[gone, kept.clone()]), Some(kept));
    }
}
