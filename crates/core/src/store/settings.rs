//! Workspace settings: small named values kept in the workspace file.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::db::Db;
use super::match_settings::{self, MatchSetting, MatchThresholds};
use crate::error::{Error, Result};
use crate::sync::settings as sync_settings;
use crate::web_address::web_address;

/// The settings a workspace keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkspaceSettings {
    /// Name recorded in history; the OS user when unset.
    pub user: Option<String>,
    /// Who publishes the fact-checks (ClaimReview `author`).
    pub publisher: Option<String>,
    /// Base URL of published reports (ClaimReview `url` and `@id`).
    pub report_base_url: Option<String>,
}

const KEYS: [&str; 3] = ["user", "publisher", "report_base_url"];

/// Reads and writes workspace settings.
pub struct Settings<'a> {
    db: Db<'a>,
}

impl<'a> Settings<'a> {
    pub(crate) fn new(db: Db<'a>) -> Self {
        Settings { db }
    }

    /// All settings.
    pub fn get(&self) -> Result<WorkspaceSettings> {
        let conn = self.db.conn;
        Ok(WorkspaceSettings {
            user: read(conn, "user")?,
            publisher: read(conn, "publisher")?,
            report_base_url: read(conn, "report_base_url")?,
        })
    }

    /// The thresholds of claim matching, defaults for those unset.
    pub fn match_thresholds(&self) -> Result<MatchThresholds> {
        match_settings::read(self.db.conn)
    }

    /// The thresholds of claim matching with their values and defaults.
    pub fn match_settings(&self) -> Result<Vec<MatchSetting>> {
        match_settings::described(self.db.conn)
    }

    /// Sets one setting by name; an empty value clears it.
    pub fn set(&self, key: &str, value: &str) -> Result<()> {
        let value = value.trim();
        check(key, value)?;
        self.db.write(|conn| {
            match_settings::check_order(conn, key, value)?;
            write_one(conn, key, value)
        })
    }

    /// Saves every setting at once, as a settings form does: all are checked
    /// first and written in one transaction, so a bad URL changes nothing.
    /// Empty or missing values clear their setting.
    pub fn save(&self, settings: &WorkspaceSettings) -> Result<()> {
        let values = [
            ("user", &settings.user),
            ("publisher", &settings.publisher),
            ("report_base_url", &settings.report_base_url),
        ]
        .map(|(key, value)| (key, value.as_deref().unwrap_or_default().trim()));
        for (key, value) in values {
            check(key, value)?;
        }
        self.db.write(|conn| {
            for (key, value) in values {
                write_one(conn, key, value)?;
            }
            Ok(())
        })
    }
}

/// Refuses an unknown setting or a value it cannot hold.
fn check(key: &str, value: &str) -> Result<()> {
    if match_settings::KEYS.contains(&key) {
        return match_settings::check(key, value);
    }
    if sync_settings::KEYS.contains(&key) {
        return sync_settings::check(key, value);
    }
    if !KEYS.contains(&key) {
        return Err(Error::invalid(format!(
            "unknown setting {key:?}: use one of {}, {}, {}",
            KEYS.join(", "),
            match_settings::KEYS.join(", "),
            sync_settings::KEYS.join(", ")
        )));
    }
    if key == "report_base_url" && !value.is_empty() {
        web_address("the report base URL (report_base_url)", value)?;
    }
    Ok(())
}

/// Stores one checked, trimmed value; empty clears the setting.
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

fn read(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The user name stored in the workspace, if any.
pub(crate) fn stored_user(conn: &Connection) -> Result<Option<String>> {
    read(conn, "user")
}
