//! Per server, how far this desk's feed was sent and how far the server's
//! changes were applied here.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{Error, Result};
use crate::workspace::Workspace;

/// Refuses a blank server key before anything is read or written.
pub(crate) fn check_server(server: &str) -> Result<()> {
    if server.trim().is_empty() {
        return Err(Error::invalid(
            "name the server to sync with (postgres://host:port/dbname#desk)",
        ));
    }
    // The key is stored in the workspace file, which is copied and shared.
    if server
        .split('#')
        .next()
        .is_some_and(|address| address.contains('@'))
    {
        return Err(Error::invalid(
            "a server key names host, port, database and desk (postgres://host:port/dbname#desk), never a user or password",
        ));
    }
    Ok(())
}

/// Records that the feed up to position `up_to` (an [`super::Outgoing`]'s
/// `up_to`) reached `server`; never moves back.
pub fn mark_sent(ws: &Workspace, server: &str, up_to: i64) -> Result<()> {
    check_server(server)?;
    let last: i64 =
        ws.conn()
            .query_row("SELECT coalesce(max(pos), 0) FROM sync_feed", [], |r| {
                r.get(0)
            })?;
    if up_to < 0 || up_to > last {
        return Err(Error::invalid(format!(
            "the feed has no position {up_to} (it ends at {last}); mark as sent only what `outgoing` gave"
        )));
    }
    ws.write(|conn| {
        conn.execute(
            "INSERT INTO sync_servers (server, sent_up_to) VALUES (?1, ?2)
             ON CONFLICT (server) DO UPDATE SET sent_up_to = max(sent_up_to, excluded.sent_up_to)",
            params![server, up_to],
        )?;
        Ok(())
    })
}

/// How many things (claims, sources, passages …) have changes waiting to be
/// sent to `server`: the number of changes the next pushes carry.
pub fn pending(ws: &Workspace, server: &str) -> Result<u64> {
    check_server(server)?;
    let conn = ws.conn();
    let sent = sent_up_to(conn, server)?;
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM (SELECT DISTINCT entity, entity_id FROM sync_feed WHERE pos > ?1)",
        [sent],
        |r| r.get(0),
    )?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// The last server sequence number applied here from `server` (0: none yet).
pub fn cursor(ws: &Workspace, server: &str) -> Result<i64> {
    check_server(server)?;
    applied_up_to(ws.conn(), server)
}

pub(crate) fn sent_up_to(conn: &Connection, server: &str) -> Result<i64> {
    Ok(conn
        .query_row(
            "SELECT sent_up_to FROM sync_servers WHERE server = ?1",
            [server],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

pub(crate) fn applied_up_to(conn: &Connection, server: &str) -> Result<i64> {
    Ok(conn
        .query_row(
            "SELECT applied_up_to FROM sync_servers WHERE server = ?1",
            [server],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

/// Moves the applied cursor of `server` to `seq`, inside the caller's transaction.
pub(crate) fn set_applied(conn: &Connection, server: &str, seq: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_servers (server, applied_up_to) VALUES (?1, ?2)
         ON CONFLICT (server) DO UPDATE SET applied_up_to = max(applied_up_to, excluded.applied_up_to)",
        params![server, seq],
    )?;
    Ok(())
}
