//! A workspace: one SQLite file holding claims, sources and evidence.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::store::{self, Claims, Db, EvidenceLinks, PassageReviews, Scale, Settings, Sources};

/// How long a writer waits for another process holding the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open workspace file.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
    actor: String,
    migration_backup: Option<PathBuf>,
}

impl Workspace {
    /// Creates a new workspace file; refuses to touch an existing file.
    pub fn create(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if path.exists() {
            return Err(Error::Conflict(format!(
                "{} already exists; open it instead of creating it",
                path.display()
            )));
        }
        Self::open_with(path, true)
    }

    /// Opens an existing workspace file.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(Error::not_found(format!(
                "no workspace at {}; create it with `init`",
                path.display()
            )));
        }
        Self::open_with(path, false)
    }

    /// Opens the workspace file, creating it (and its folder) when missing.
    pub fn open_or_create(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if path.exists() {
            return Self::open(path);
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
        }
        Self::open_with(path, true)
    }

    fn open_with(path: &Path, create: bool) -> Result<Self> {
        if path.is_dir() {
            return Err(Error::invalid(format!(
                "{} is a directory; give the path of a workspace file",
                path.display()
            )));
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let mut conn = Connection::open_with_flags(path, flags)
            .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        store::check_is_workspace(&conn, path, create)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let migration_backup = store::migrate(&mut conn, path)?;
        let actor = store::settings::stored_user(&conn)?.unwrap_or_else(default_user);
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
            actor,
            migration_backup,
        })
    }

    /// The workspace file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The copy kept beside the workspace before opening it migrated its
    /// schema, when this opening did.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.migration_backup.as_deref()
    }

    /// Writes a consistent copy of the workspace to `dest` (by default beside
    /// it, named with the moment) and checks it; returns where it went. Safe
    /// while other programs write to the workspace. Refuses a file that exists.
    pub fn backup(&self, dest: Option<&Path>) -> Result<PathBuf> {
        let dest = dest.map_or_else(
            || store::backup::default_path(&self.path),
            Path::to_path_buf,
        );
        store::backup::copy_to(&self.conn, &dest)?;
        Ok(dest)
    }

    /// Checks this workspace (see [`store::check`]), reading only.
    pub fn check(&self) -> Result<store::check::CheckReport> {
        store::check::check(&self.conn)
    }

    /// Who is recorded in history for changes made through this handle.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Takes up the workspace's `user` setting after it changed (the OS user
    /// when it is unset), so the next changes are recorded under it.
    pub fn reload_actor(&mut self) -> Result<()> {
        self.actor = store::settings::stored_user(&self.conn)?.unwrap_or_else(default_user);
        Ok(())
    }

    /// Records changes under another name (for this handle only).
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        let actor = actor.into();
        if !actor.trim().is_empty() {
            self.actor = actor.trim().to_string();
        }
    }

    /// Claims: add, edit, verdicts, tags, history.
    pub fn claims(&self) -> Claims<'_> {
        Claims::new(self.db())
    }

    /// Sources and their versions.
    pub fn sources(&self) -> Sources<'_> {
        Sources::new(self.db())
    }

    /// Passages linked to claims.
    pub fn evidence(&self) -> EvidenceLinks<'_> {
        EvidenceLinks::new(self.db())
    }

    /// Passages to review: evidence whose source got a newer version.
    pub fn passage_reviews(&self) -> PassageReviews<'_> {
        PassageReviews::new(self.db())
    }

    /// The rating scale of verdicts.
    pub fn scale(&self) -> Scale<'_> {
        Scale::new(self.db())
    }

    /// Workspace settings (user name, publisher, report base URL).
    pub fn settings(&self) -> Settings<'_> {
        Settings::new(self.db())
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection and actor the store handles work with.
    pub(crate) fn db(&self) -> Db<'_> {
        Db::new(&self.conn, &self.actor)
    }

    /// Runs `f` in one write transaction (see [`Db::write`]), for the
    /// writers outside `store` (imports, a compare turned into a claim).
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.db().write(f)
    }
}

/// The workspace file used when none is named: `workspace.sqlite` in the
/// platform's data directory. The CLI and the desktop app share it.
pub fn default_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("org", "Claimdesk", "Claimdesk")
        .map(|dirs| dirs.data_dir().join("workspace.sqlite"))
        .ok_or_else(|| {
            Error::io_message("cannot find a home directory for the default workspace; pass --db")
        })
}

/// The OS user's name, or "checker" when the environment does not say.
fn default_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "checker".to_string())
}
