//! Many small writes in one transaction. A batch import stores hundreds of
//! sources; a transaction each makes SQLite write its journal and flush the
//! search index hundreds of times. A group keeps one transaction open across
//! writes and commits every [`MAX_WRITES`] writes or [`MAX_OPEN`], whichever
//! comes first, so other writers wait at most about that long. Each write
//! still runs in its own savepoint (see [`super::Db`]), so a failed write
//! leaves nothing behind and the group's other writes stay.

use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::error::Result;

/// Writes committed together at most.
const MAX_WRITES: usize = 100;
/// Longest a group keeps the workspace's write lock.
const MAX_OPEN: Duration = Duration::from_millis(500);

/// An open group of writes on one connection.
pub(crate) struct WriteGroup<'a> {
    conn: &'a Connection,
    opened: Option<Instant>,
    writes: usize,
}

impl<'a> WriteGroup<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        WriteGroup {
            conn,
            opened: None,
            writes: 0,
        }
    }

    /// Before a write: opens the group's transaction unless it is open.
    pub(crate) fn begin(&mut self) -> Result<()> {
        if self.opened.is_none() {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| super::disk_full::explain(e.into()))?;
            self.opened = Some(Instant::now());
            self.writes = 0;
        }
        Ok(())
    }

    /// After a write: true when the group is big or old enough to commit.
    pub(crate) fn wrote(&mut self) -> bool {
        self.writes += 1;
        self.writes >= MAX_WRITES || self.opened.is_some_and(|t| t.elapsed() >= MAX_OPEN)
    }

    /// Commits what the group holds (nothing when it holds nothing). A commit
    /// that fails leaves none of the group's writes in the workspace.
    pub(crate) fn commit(&mut self) -> Result<()> {
        if self.opened.take().is_none() {
            return Ok(());
        }
        if let Err(err) = self.conn.execute_batch("COMMIT") {
            if !self.conn.is_autocommit() {
                let _ = self.conn.execute_batch("ROLLBACK");
            }
            return Err(super::disk_full::explain(err.into()));
        }
        Ok(())
    }
}

impl Drop for WriteGroup<'_> {
    /// A group dropped without [`WriteGroup::commit`] (a panic on the way)
    /// keeps nothing of its writes.
    fn drop(&mut self) {
        if self.opened.is_some() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Error, Workspace};

    fn keys(ws: &Workspace) -> Vec<String> {
        let mut stmt = ws
            .conn()
            .prepare("SELECT key FROM settings WHERE key LIKE 'test_%' ORDER BY key")
            .expect("prepare");
        stmt.query_map([], |r| r.get(0))
            .expect("query")
            .map(|k| k.expect("key"))
            .collect()
    }

    fn put(conn: &Connection, key: &str) -> Result<()> {
        conn.execute("INSERT INTO settings (key, value) VALUES (?1, 'x')", [key])?;
        Ok(())
    }

    #[test]
    fn a_failed_write_in_a_group_undoes_itself_and_keeps_the_others() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("workspace");
        let mut group = WriteGroup::new(ws.conn());
        group.begin().expect("begin");
        ws.write(|c| put(c, "test_kept")).expect("first write");
        let failed = ws.write(|c| {
            put(c, "test_undone")?;
            Err::<(), _>(Error::invalid("refused half-way"))
        });
        assert!(failed.is_err());
        ws.write(|c| put(c, "test_after"))
            .expect("a write after the failure");
        group.commit().expect("commit");
        assert!(
            ws.conn().is_autocommit(),
            "the group's transaction is closed"
        );
        assert_eq!(keys(&ws), ["test_after", "test_kept"]);
    }

    #[test]
    fn a_group_dropped_without_commit_keeps_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("workspace");
        {
            let mut group = WriteGroup::new(ws.conn());
            group.begin().expect("begin");
            ws.write(|c| put(c, "test_dropped")).expect("write");
        }
        assert!(keys(&ws).is_empty());
    }
}
