//! The thresholds of claim matching, kept as workspace settings (table
//! `settings`) with defaults: a desk that finds too many or too few matches
//! can move them.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Setting: the score a similar claim needs to be listed as a suggestion.
pub const SUGGESTION_KEY: &str = "match_suggestion_threshold";
/// Setting: the score a similar claim needs to be a match (facts agreeing too).
pub const MATCH_KEY: &str = "match_threshold";
/// Setting: the fewest words a claim needs before it can be a match.
pub const MIN_WORDS_KEY: &str = "match_min_words";

/// The settings' names, as `claimdesk settings set` takes them.
pub const KEYS: [&str; 3] = [SUGGESTION_KEY, MATCH_KEY, MIN_WORDS_KEY];

/// How similar two claims must be for each tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MatchThresholds {
    /// Score (0 to 1) a claim needs to be listed at all, as a suggestion.
    pub suggestion: f64,
    /// Score (0 to 1) a claim needs to be a match, when its facts agree.
    pub matching: f64,
    /// Words both claims need before they can be a match; shorter ones are at most suggestions.
    pub min_words: u32,
}

impl Default for MatchThresholds {
    fn default() -> Self {
        MatchThresholds {
            suggestion: 0.3,
            matching: 0.73,
            min_words: 4,
        }
    }
}

/// The thresholds stored in the workspace, defaults for those unset.
pub(crate) fn read(conn: &Connection) -> Result<MatchThresholds> {
    let value = |key: &str| -> Result<Option<String>> {
        Ok(conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    };
    let d = MatchThresholds::default();
    Ok(MatchThresholds {
        suggestion: value(SUGGESTION_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.suggestion),
        matching: value(MATCH_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.matching),
        min_words: value(MIN_WORDS_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.min_words),
    })
}

/// Refuses a value one of these settings cannot hold (empty clears it).
pub(crate) fn check(key: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    if key == MIN_WORDS_KEY {
        return match value.parse::<u32>() {
            Ok(n) if (1..=100).contains(&n) => Ok(()),
            _ => Err(Error::invalid(format!(
                "{key} must be a whole number of words from 1 to 100, not {value:?}"
            ))),
        };
    }
    match value.parse::<f64>() {
        Ok(n) if (0.0..=1.0).contains(&n) => Ok(()),
        _ => Err(Error::invalid(format!(
            "{key} must be a score from 0 to 1 (such as 0.5), not {value:?}"
        ))),
    }
}
