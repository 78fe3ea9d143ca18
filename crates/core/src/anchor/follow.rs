//! What happened to a passage when its source got a new version: unchanged
//! (the same words, maybe moved), edited (found, with its words changed, and
//! the word diff old → new), or gone (not found with enough confidence).

use serde::{Deserialize, Serialize};

use super::find::{Selector, find};
use super::through_versions::VersionMap;
use super::{Anchor, anchor_bytes, byte_range};
use crate::compare::{Op, word_diff};

/// A passage's fate in a new version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PassageStatus {
    /// The same words stand in the new version (perhaps elsewhere).
    Unchanged,
    /// Found, with its words changed.
    Edited,
    /// Not found with enough confidence.
    Gone,
}

impl PassageStatus {
    /// The name stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            PassageStatus::Unchanged => "unchanged",
            PassageStatus::Edited => "edited",
            PassageStatus::Gone => "gone",
        }
    }

    /// The status named `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "unchanged" => Some(PassageStatus::Unchanged),
            "edited" => Some(PassageStatus::Edited),
            "gone" => Some(PassageStatus::Gone),
            _ => None,
        }
    }
}

/// One segment of the word diff of a passage, old → new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WordChange {
    /// Kept, removed (old only) or added (new only).
    pub op: Op,
    /// The words.
    pub text: String,
}

/// A passage followed into a new version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Followed {
    /// What happened to it.
    pub status: PassageStatus,
    /// Where it stands in the new version; `None` when gone.
    pub anchor: Option<Anchor>,
    /// How sure (1.0 for untouched text; 0.0 when gone).
    pub score: f64,
    /// The word diff old → new; empty unless edited.
    pub diff: Vec<WordChange>,
}

/// A passage this long that stands exactly once in each version is the same
/// passage, moved: its words identify it without its context.
const SELF_EVIDENT_CHARS: u32 = 20;

/// Follows `old`, anchored in `old_text`, into `new_text`; `map` is the
/// version map of the two texts.
pub fn follow(map: &VersionMap, old_text: &str, new_text: &str, old: &Anchor) -> Followed {
    let once_in_both = || {
        old.end - old.start >= SELF_EVIDENT_CHARS
            && old_text.matches(old.exact.as_str()).count() == 1
            && new_text.matches(old.exact.as_str()).count() == 1
    };
    let moved = || {
        once_in_both()
            .then(|| new_text.find(old.exact.as_str()))
            .flatten()
            .map(|s| (s, s + old.exact.len()))
    };
    if let Some((bs, be)) = through_diff(map, new_text, old).or_else(moved) {
        return Followed {
            status: PassageStatus::Unchanged,
            anchor: Some(anchor_bytes(new_text, bs, be)),
            score: 1.0,
            diff: Vec::new(),
        };
    }
    let selector = Selector {
        exact: old.exact.clone(),
        prefix: old.prefix.clone(),
        suffix: old.suffix.clone(),
        position: None,
    };
    match find(new_text, &selector, Some(map.nearby(old.start))) {
        Ok(found) if found.anchor.exact == old.exact => Followed {
            status: PassageStatus::Unchanged,
            anchor: Some(found.anchor),
            score: found.score,
            diff: Vec::new(),
        },
        Ok(found) => Followed {
            status: PassageStatus::Edited,
            diff: word_diff(&old.exact, &found.anchor.exact, None)
                .into_iter()
                .map(|d| WordChange {
                    op: d.op,
                    text: d.text.to_string(),
                })
                .collect(),
            anchor: Some(found.anchor),
            score: found.score,
        },
        Err(_) => Followed {
            status: PassageStatus::Gone,
            anchor: None,
            score: 0.0,
            diff: Vec::new(),
        },
    }
}

/// The byte range of `old` in `new_text` found through the version diff:
/// the whole passage in shared text, or (when the diff lined up some of its
/// words with others) its first or last character in shared text with the
/// passage's exact words standing from or up to there.
fn through_diff(map: &VersionMap, new_text: &str, old: &Anchor) -> Option<(usize, usize)> {
    let len = old.end - old.start;
    let candidates = [
        map.map(old.start, old.end),
        map.map_point(old.start, false).map(|s| (s, s + len)),
        map.map_point(old.end, true)
            .and_then(|e| e.checked_sub(len).map(|s| (s, e))),
    ];
    candidates.into_iter().flatten().find_map(|(s, e)| {
        byte_range(new_text, s, e).filter(|&(bs, be)| new_text[bs..be] == old.exact)
    })
}

/// Just the words that changed, "old → new", for a one-line flag.
pub fn summary(diff: &[WordChange]) -> String {
    let side = |keep: Op| {
        diff.iter()
            .filter(|d| d.op == keep)
            .map(|d| d.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    format!("'{}' → '{}'", side(Op::Delete), side(Op::Insert))
}
