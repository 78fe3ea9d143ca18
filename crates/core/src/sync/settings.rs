//! Where this workspace syncs: the shared desk's server address and the
//! desk's name, kept in the workspace's settings under keys starting `sync_`.
//!
//! They belong to this copy of the workspace only (another checker's copy
//! may reach the same server by another address), so they never travel. The
//! password never lives here: it comes from `PGPASSWORD` or a `.pgpass` file.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::Workspace;
use crate::error::{Error, Result};

/// Setting: the PostgreSQL server of the shared desk (`postgres://…`).
pub const SERVER_KEY: &str = "sync_server";
/// Setting: the desk's name on that server.
pub const DESK_KEY: &str = "sync_desk";
/// The settings' names, as `claimdesk settings set` takes them.
pub const KEYS: [&str; 2] = [SERVER_KEY, DESK_KEY];

/// The longest desk name (a PostgreSQL identifier's limit).
const MAX_DESK_LEN: usize = 63;

/// Where this workspace syncs; both unset when it does not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncSettings {
    /// The server, e.g. `postgres://desk.example:5432/claimdesk` (no password).
    pub server: Option<String>,
    /// The desk's name on the server, e.g. `harbour`.
    pub desk: Option<String>,
}

impl SyncSettings {
    /// The server and desk when both are set: what a sync needs.
    pub fn target(&self) -> Option<(&str, &str)> {
        Some((self.server.as_deref()?, self.desk.as_deref()?))
    }
}

/// This workspace's sync settings.
pub fn get(ws: &Workspace) -> Result<SyncSettings> {
    let conn = ws.conn();
    Ok(SyncSettings {
        server: read(conn, SERVER_KEY)?,
        desk: read(conn, DESK_KEY)?,
    })
}

/// Saves the server and desk together: both are checked first and written in
/// one transaction, so a refused address changes nothing. A server needs a
/// desk and a desk a server; both empty stops syncing.
pub fn save(ws: &Workspace, settings: &SyncSettings) -> Result<SyncSettings> {
    let server = settings.server.as_deref().unwrap_or_default().trim();
    let desk = settings.desk.as_deref().unwrap_or_default().trim();
    check(SERVER_KEY, server)?;
    check(DESK_KEY, desk)?;
    if server.is_empty() != desk.is_empty() {
        return Err(Error::invalid(if server.is_empty() {
            "a desk needs a server: give the server's address (postgres://host/database) too, or clear both to stop syncing"
        } else {
            "a server needs a desk: give the desk's name too, or clear both to stop syncing"
        }));
    }
    ws.write(|conn| {
        write_one(conn, SERVER_KEY, server)?;
        write_one(conn, DESK_KEY, desk)
    })?;
    get(ws)
}

/// Stops syncing this workspace: forgets the server and the desk. Changes
/// made meanwhile stay queued for when a server is set again.
pub fn clear(ws: &Workspace) -> Result<()> {
    save(ws, &SyncSettings::default()).map(|_| ())
}

/// Refuses a value a sync setting cannot hold (an empty one clears it).
pub(crate) fn check(key: &str, value: &str) -> Result<()> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(());
    }
    match key {
        SERVER_KEY => check_server(value),
        DESK_KEY => check_desk(value),
        _ => Err(Error::invalid(format!(
            "unknown sync setting {key:?}: use {SERVER_KEY} or {DESK_KEY}"
        ))),
    }
}

/// A server address: `postgres://` or `postgresql://` with a host, and no
/// password in it, since the workspace file is copied and shared.
pub fn check_server(value: &str) -> Result<()> {
    let value = value.trim();
    let Ok(url) = reqwest::Url::parse(value) else {
        return Err(not_a_server());
    };
    if !matches!(url.scheme(), "postgres" | "postgresql")
        || url.host_str().is_none_or(str::is_empty)
    {
        return Err(not_a_server());
    }
    let password_in_query = url
        .query_pairs()
        .any(|(k, _)| k.eq_ignore_ascii_case("password"));
    if url.password().is_some() || password_in_query {
        return Err(Error::invalid(
            "the server address holds a password, and the workspace file is shared: remove it from the address \
             and put it in the PGPASSWORD environment variable or in ~/.pgpass",
        ));
    }
    Ok(())
}

/// Says what a server address looks like; the refused text is not echoed,
/// since it may hold a password in a form we did not recognise.
fn not_a_server() -> Error {
    Error::invalid(
        "the server is not a PostgreSQL address; give one starting with postgres:// or postgresql://, \
         like postgres://desk.example:5432/claimdesk",
    )
}

/// A desk name: letters, digits, `-`, `_` and `.`, as the server names desks.
fn check_desk(value: &str) -> Result<()> {
    let fits = value.chars().count() <= MAX_DESK_LEN
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if fits {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "the desk name {value:?} cannot be used; give up to {MAX_DESK_LEN} letters, digits, '-', '_' or '.', like harbour-desk"
        )))
    }
}

fn read(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

fn write_one(conn: &Connection, key: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        conn.execute("DELETE FROM settings WHERE key = ?1", [key])?;
    } else {
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_postgres_addresses_without_a_password_are_servers() {
        for good in [
            "postgres://desk.example/claimdesk",
            "postgresql://checker@127.0.0.1:5433/claimdesk?sslmode=require",
        ] {
            assert!(check_server(good).is_ok(), "{good}");
        }
        for (bad, says) in [
            ("https://desk.example/db", "postgres://"),
            ("desk.example", "postgres://"),
            ("postgres:///claimdesk", "postgres://"),
            ("postgres://checker:secret@desk.example/db", "PGPASSWORD"),
            ("postgres://desk.example/db?password=secret", "~/.pgpass"),
        ] {
            let err = check_server(bad).expect_err(bad).to_string();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn desk_names_are_plain_words() {
        assert!(check_desk("harbour-desk_2.night").is_ok());
        for bad in ["two words", "desk;drop", &"d".repeat(64)] {
            assert!(check_desk(bad).is_err(), "{bad}");
        }
    }
}
