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

/// One threshold of claim matching as `settings show` lists it: its value in
/// this workspace, its default and what it decides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchSetting {
    /// The setting's name, as `claimdesk settings set` takes it.
    pub key: &'static str,
    /// The value matching uses now: the stored one, else the default.
    pub value: serde_json::Number,
    /// The value when the setting is unset.
    pub default: serde_json::Number,
    /// True when the workspace stores its own value.
    pub set: bool,
    /// What the setting decides.
    pub about: &'static str,
}

/// What each threshold decides, in `settings show` order (the order a
/// similar claim meets them).
const ABOUT: [(&str, &str); 3] = [
    (
        SUGGESTION_KEY,
        "score (0 to 1) a similar claim needs to be listed at all",
    ),
    (
        MATCH_KEY,
        "score (0 to 1) a similar claim needs to be the same claim, its facts agreeing",
    ),
    (
        MIN_WORDS_KEY,
        "words both claims need before they can be the same claim",
    ),
];

/// The thresholds with their values and defaults, for `settings show`.
pub(crate) fn described(conn: &Connection) -> Result<Vec<MatchSetting>> {
    let now = read(conn)?;
    let d = MatchThresholds::default();
    let number = |v: f64| serde_json::Number::from_f64(v).unwrap_or_else(|| 0.into());
    let mut out = Vec::new();
    for (key, about) in ABOUT {
        let (value, default) = match key {
            SUGGESTION_KEY => (number(now.suggestion), number(d.suggestion)),
            MATCH_KEY => (number(now.matching), number(d.matching)),
            _ => (now.min_words.into(), d.min_words.into()),
        };
        let set = conn
            .query_row("SELECT 1 FROM settings WHERE key = ?1", [key], |_| Ok(()))
            .optional()?
            .is_some();
        out.push(MatchSetting {
            key,
            value,
            default,
            set,
            about,
        });
    }
    Ok(out)
}

/// The thresholds' names, defaults and meanings, for the command line's help.
pub fn help() -> String {
    let d = MatchThresholds::default();
    let default = |key: &str| match key {
        SUGGESTION_KEY => d.suggestion.to_string(),
        MATCH_KEY => d.matching.to_string(),
        _ => d.min_words.to_string(),
    };
    ABOUT
        .iter()
        .map(|(key, about)| format!("  {key:<28} {about} (default {})", default(key)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Refuses setting `key` to `value` when the suggestion threshold would end
/// above the match threshold: nothing could then be a match without first
/// failing to be listed.
pub(crate) fn check_order(conn: &Connection, key: &str, value: &str) -> Result<()> {
    let mut t = read(conn)?;
    let d = MatchThresholds::default();
    match key {
        SUGGESTION_KEY => t.suggestion = value.parse().unwrap_or(d.suggestion),
        MATCH_KEY => t.matching = value.parse().unwrap_or(d.matching),
        _ => return Ok(()),
    }
    if t.suggestion > t.matching {
        return Err(Error::invalid(format!(
            "{SUGGESTION_KEY} ({}) would be above {MATCH_KEY} ({}): a claim must be listed before it can match; \
             lower {SUGGESTION_KEY} or raise {MATCH_KEY}",
            t.suggestion, t.matching
        )));
    }
    Ok(())
}
