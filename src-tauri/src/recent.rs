//! The workspaces this user opened lately, newest first, kept in the app's
//! config folder so the app reopens the last one on start.

use std::path::{Path, PathBuf};

/// How many workspaces File › Open recent remembers.
const KEEP: usize = 8;

/// The list of recently opened workspace files, stored as JSON.
#[derive(Debug, Clone)]
pub struct RecentList {
    file: PathBuf,
}

impl RecentList {
    /// A list kept in `config_dir/recent.json`.
    pub fn in_dir(config_dir: &Path) -> Self {
        RecentList { file: config_dir.join("recent.json") }
    }

    /// The remembered workspaces, newest first; an unreadable list is empty,
    /// because forgetting recents is better than refusing to start.
    pub fn load(&self) -> Vec<PathBuf> {
        std::fs::read_to_string(&self.file)
            .ok()
            .and_then(|s| serde_json::from_str::<Vec<PathBuf>>(&s).ok())
            .unwrap_or_default()
    }

    /// Puts `path` first, dropping duplicates and the oldest beyond the limit.
    pub fn remember(&self, path: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut list = self.load();
        list.retain(|p| p != path);
        list.insert(0, path.to_path_buf());
        list.truncate(KEEP);
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_string_pretty(&list).map_err(std::io::Error::other)?;
        std::fs::write(&self.file, json)?;
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_bounded() {
        let dir = tempfile::tempdir().expect("temp dir");
        let recent = RecentList::in_dir(dir.path());
        for i in 0..10 {
            recent.remember(Path::new(&format!("/desks/{i}.sqlite"))).expect("saved");
        }
        recent.remember(Path::new("/desks/5.sqlite")).expect("saved");
        let list = recent.load();
        assert_eq!(list.len(), KEEP);
        assert_eq!(list[0], PathBuf::from("/desks/5.sqlite"));
        assert_eq!(list[1], PathBuf::from("/desks/9.sqlite"));
        assert_eq!(list.iter().filter(|p| p.ends_with("5.sqlite")).count(), 1);
    }

    #[test]
    fn a_corrupt_list_reads_as_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("recent.json"), "{not json").expect("written");
        assert!(RecentList::in_dir(dir.path()).load().is_empty());
    }
}
