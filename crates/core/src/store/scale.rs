//! The rating scale: the verdicts a claim may hold.

use rusqlite::{Connection, OptionalExtension, params};

use super::db::Db;
use crate::error::{Error, Result};
use crate::model::{BEST_RATING, Verdict, WORST_RATING};

/// Reads and changes the workspace's rating scale.
pub struct Scale<'a> {
    db: Db<'a>,
}

impl<'a> Scale<'a> {
    pub(crate) fn new(db: Db<'a>) -> Self {
        Scale { db }
    }

    /// The verdicts in display order.
    pub fn list(&self) -> Result<Vec<Verdict>> {
        list(self.db.conn)
    }

    /// The verdict named by its key or its label (any case, spaces or dashes for underscores).
    pub fn find(&self, name: &str) -> Result<Verdict> {
        find(self.db.conn, name)
    }

    /// Adds a verdict at the end of the scale.
    pub fn add(&self, key: &str, label: &str, rating: Option<u8>) -> Result<Verdict> {
        let key = normalise_key(key);
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(Error::invalid(
                "a verdict key uses letters, digits and underscores, like mostly_false",
            ));
        }
        let label = label.trim();
        if label.is_empty() {
            return Err(Error::invalid("a verdict needs a label"));
        }
        check_rating(rating)?;
        self.db.write(|conn| {
            if find(conn, &key).is_ok() || find(conn, label).is_ok() {
                return Err(Error::Conflict(format!(
                    "the scale already has a verdict {key:?} or {label:?}"
                )));
            }
            let verdict = Verdict {
                key: key.clone(),
                label: label.to_string(),
                rating,
            };
            insert_at_end(conn, &verdict)?;
            find(conn, &key)
        })
    }

    /// Renames a verdict's label and changes its truth rating as `rating`
    /// says. A plain `None` keeps the rating: an update changes only what it
    /// is given, so a rename never drops a ClaimReview's `ratingValue`.
    pub fn update(
        &self,
        name: &str,
        label: &str,
        rating: impl Into<RatingChange>,
    ) -> Result<Verdict> {
        let rating = rating.into();
        let label = label.trim();
        if label.is_empty() {
            return Err(Error::invalid("a verdict needs a label"));
        }
        if let RatingChange::Set(r) = rating {
            check_rating(Some(r))?;
        }
        self.db.write(|conn| {
            let v = find(conn, name)?;
            if let Ok(other) = find(conn, label)
                && other.key != v.key
            {
                return Err(Error::Conflict(format!(
                    "the label {label:?} is taken by {}",
                    other.key
                )));
            }
            let rating = match rating {
                RatingChange::Keep => v.rating,
                RatingChange::Set(r) => Some(r),
                RatingChange::Clear => None,
            };
            conn.execute(
                "UPDATE verdicts SET label = ?2, rating = ?3 WHERE key = ?1",
                params![v.key, label, rating],
            )?;
            find(conn, &v.key)
        })
    }
}

/// What [`Scale::update`] does to a verdict's truth rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingChange {
    /// Leave the rating as it is.
    Keep,
    /// Set this rating (1 false … 5 true).
    Set(u8),
    /// Remove the rating: the verdict becomes a workflow state.
    Clear,
}

/// `Some(r)` sets `r`; `None` keeps the rating (it does not clear it).
impl From<Option<u8>> for RatingChange {
    fn from(rating: Option<u8>) -> Self {
        rating.map_or(RatingChange::Keep, RatingChange::Set)
    }
}

fn check_rating(rating: Option<u8>) -> Result<()> {
    match rating {
        Some(r) if !(WORST_RATING..=BEST_RATING).contains(&r) => Err(Error::invalid(format!(
            "a truth rating runs from {WORST_RATING} (false) to {BEST_RATING} (true), not {r}"
        ))),
        _ => Ok(()),
    }
}

fn normalise_key(name: &str) -> String {
    name.trim().to_lowercase().replace([' ', '-'], "_")
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<Verdict>> {
    let mut stmt =
        conn.prepare_cached("SELECT key, label, rating FROM verdicts ORDER BY position")?;
    let rows = stmt.query_map([], |r| {
        Ok(Verdict {
            key: r.get(0)?,
            label: r.get(1)?,
            rating: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn find(conn: &Connection, name: &str) -> Result<Verdict> {
    let key = normalise_key(name);
    let found = conn
        .query_row(
            "SELECT key, label, rating FROM verdicts
             WHERE key = ?1 OR lower(label) = lower(?2) ORDER BY key = ?1 DESC LIMIT 1",
            params![key, name.trim()],
            |r| {
                Ok(Verdict {
                    key: r.get(0)?,
                    label: r.get(1)?,
                    rating: r.get(2)?,
                })
            },
        )
        .optional()?;
    found.ok_or_else(|| {
        let keys =
            list(conn).map(|vs| vs.into_iter().map(|v| v.key).collect::<Vec<_>>().join(", "));
        Error::invalid(format!(
            "{:?} is not a verdict on this workspace's scale; use one of: {}",
            name.trim(),
            keys.unwrap_or_default()
        ))
    })
}

/// Appends a verdict as given to the end of the scale: the one statement that
/// adds a verdict, for [`Scale::add`] and for verdicts from a bundle.
pub(crate) fn insert_at_end(conn: &Connection, v: &Verdict) -> Result<()> {
    check_rating(v.rating)?;
    conn.execute(
        "INSERT INTO verdicts (key, label, rating, position)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 FROM verdicts))",
        params![v.key, v.label, v.rating],
    )?;
    Ok(())
}

/// The verdict new claims start with: the first on the scale.
pub(crate) fn first(conn: &Connection) -> Result<Verdict> {
    list(conn)?
        .into_iter()
        .next()
        .ok_or_else(|| Error::invalid("the rating scale is empty"))
}
