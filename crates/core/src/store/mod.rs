//! SQLite storage: schema migrations and one file per table family.

pub(crate) mod backup;
pub mod check;
pub(crate) mod claim_conflicts;
mod claim_detail;
pub(crate) mod claim_merge;
pub mod claim_page;
pub(crate) mod claimreview_texts;
pub(crate) mod claims;
pub(crate) mod date_pins;
mod db;
mod disk_full;
pub(crate) mod evidence;
pub(crate) mod history;
pub(crate) mod imports;
pub mod match_settings;
pub mod passage_review;
pub(crate) mod scale;
mod schema;
pub(crate) mod settings;
pub mod source_details;
pub mod source_reading;
pub(crate) mod sources;
pub(crate) mod version_dates;
pub(crate) mod write_group;

pub use claim_page::ClaimPage;
pub use claims::Claims;
pub use date_pins::DatePin;
pub(crate) use db::Db;
pub use evidence::EvidenceLinks;
pub use match_settings::MatchThresholds;
pub use passage_review::{PassageReview, PassageReviews};
pub use scale::{RatingChange, Scale};
pub use settings::{Settings, WorkspaceSettings};
pub use source_details::{DetailsSaved, SourceDetails};
pub use source_reading::SourceReading;
pub use sources::Sources;

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use crate::error::{Error, Result};

/// Marks a SQLite file as a Claimdesk workspace ("CLMD").
const APPLICATION_ID: i32 = 0x434C_4D44;

/// Refuses files that are not Claimdesk workspaces before anything is written.
pub(crate) fn check_is_workspace(conn: &Connection, path: &Path, creating: bool) -> Result<()> {
    let not_ours = |why: &str| {
        Error::NotAWorkspace(format!(
            "{} is not a Claimdesk workspace ({why}); nothing was changed",
            path.display()
        ))
    };
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_ours("not a SQLite database"))?;
    if app_id == APPLICATION_ID {
        return Ok(());
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|_| not_ours("not a SQLite database"))?;
    if creating && app_id == 0 && tables == 0 {
        return Ok(());
    }
    Err(not_ours(if tables == 0 {
        "an empty database"
    } else {
        "a database of another program"
    }))
}

/// Brings the schema up to date in one transaction. A workspace with any
/// migration pending is first copied beside itself under the name of its
/// schema version (see [`backup::before_migration_path`]), so a person can go
/// back to the release that wrote it; a new or current file gets no copy.
/// Returns the copy's path when one was made.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<Option<std::path::PathBuf>> {
    let migrations = schema::migrations();
    let known = schema::VERSION;
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > known {
        return Err(Error::Conflict(format!(
            "this workspace was written by a newer Claimdesk (schema {current}, this one knows {known}); update Claimdesk"
        )));
    }
    let kept = if current > 0 && current < known {
        let copy = backup::before_migration_path(path, current);
        backup::copy_to(conn, &copy).map_err(|e| match e {
            Error::Io(f) => Error::Io(f.prefixed(&format!(
                "the workspace was not updated to schema {known}, since its copy could not be kept"
            ))),
            other => other,
        })?;
        Some(copy)
    } else {
        None
    };
    migrations.to_latest(conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => Error::Storage(err),
        other => Error::io("cannot update the workspace schema", other),
    })?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(kept)
}

/// The current instant, as stored.
pub(crate) fn now() -> DateTime<Utc> {
    // Microseconds are plenty and keep the text short.
    let now = Utc::now();
    DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now)
}

pub(crate) fn instant_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

pub(crate) fn parse_instant(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

pub(crate) fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

pub(crate) fn parse_date(text: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

/// Trims a free-text field; blank means absent.
pub(crate) fn clean_opt(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}
