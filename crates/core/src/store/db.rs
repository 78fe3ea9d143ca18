//! What a store handle works with: the open connection and the name that
//! history records for the changes it makes.

use rusqlite::Connection;

use crate::error::Result;

/// The connection and the actor of one workspace, handed to every store
/// handle so that `store` needs nothing from the workspace itself.
#[derive(Clone, Copy)]
pub(crate) struct Db<'a> {
    /// The workspace's SQLite connection.
    pub conn: &'a Connection,
    /// Who is recorded in history for changes made through this value.
    pub actor: &'a str,
}

impl<'a> Db<'a> {
    pub(crate) fn new(conn: &'a Connection, actor: &'a str) -> Self {
        Db { conn, actor }
    }

    /// Runs `f` in one write transaction taken up front, so that two processes
    /// writing at once queue on the busy timeout instead of failing, and an
    /// error leaves the workspace as it was.
    /// A full disk is reported as such (see [`super::disk_full`]).
    pub(crate) fn write<T>(self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.transaction(f).map_err(super::disk_full::explain)
    }

    fn transaction<T>(self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return self.savepoint(f);
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self.conn) {
            Ok(value) => {
                if let Err(err) = self.conn.execute_batch("COMMIT") {
                    // A commit that failed (a full disk) may leave the
                    // transaction open; end it so the next write starts clean.
                    if !self.conn.is_autocommit() {
                        let _ = self.conn.execute_batch("ROLLBACK");
                    }
                    return Err(err.into());
                }
                Ok(value)
            }
            Err(err) => {
                // The error that matters is the one from `f`.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(err)
            }
        }
    }

    /// Inside a transaction already open (a batch of writes grouped by
    /// [`super::write_group`]), `f` runs in a savepoint: an error undoes
    /// `f`'s writes alone and the earlier ones of the group stay.
    fn savepoint<T>(self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("SAVEPOINT one_write")?;
        match f(self.conn) {
            Ok(value) => {
                self.conn.execute_batch("RELEASE one_write")?;
                Ok(value)
            }
            Err(err) => {
                let _ = self
                    .conn
                    .execute_batch("ROLLBACK TO one_write; RELEASE one_write");
                Err(err)
            }
        }
    }
}
