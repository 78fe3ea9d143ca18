//! Follows code point offsets from one version of a text to the next through
//! a word diff of the two: a passage that lies inside text the versions share
//! maps to its new offsets exactly, whatever changed around it.

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, TextDiff};

/// How long one version diff may take before it settles for a rougher one.
const DIFF_BUDGET: Duration = Duration::from_millis(500);

/// A stretch both versions share: old and new code point starts, and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shared {
    old: u32,
    new: u32,
    len: u32,
}

/// The stretches two versions share, in order; built once per pair of
/// versions and used for every passage on them.
#[derive(Debug, Clone, Default)]
pub struct VersionMap {
    shared: Vec<Shared>,
}

impl VersionMap {
    /// Diffs `old` against `new` word by word. Patience, not Myers: it lines
    /// up the words each version has once before anything else, so a
    /// passage's rare words keep it together where a longest common
    /// subsequence would rather pair up its "the"s with others.
    pub fn new(old: &str, new: &str) -> Self {
        let diff = TextDiff::configure()
            .algorithm(Algorithm::Patience)
            .deadline(Instant::now() + DIFF_BUDGET)
            .diff_words(old, new);
        let cps = |tokens: &mut dyn Iterator<Item = &str>| {
            let mut at = Vec::new();
            let mut n = 0u32;
            at.push(0);
            for t in tokens {
                n += u32::try_from(t.chars().count()).unwrap_or(u32::MAX);
                at.push(n);
            }
            at
        };
        let old_at = cps(&mut diff.iter_old_slices());
        let new_at = cps(&mut diff.iter_new_slices());
        let mut shared: Vec<Shared> = Vec::new();
        for op in diff.ops() {
            if op.tag() != DiffTag::Equal {
                continue;
            }
            let (o, n) = (op.old_range(), op.new_range());
            let s = Shared {
                old: old_at[o.start],
                new: new_at[n.start],
                len: old_at[o.end] - old_at[o.start],
            };
            match shared.last_mut() {
                Some(last) if last.old + last.len == s.old && last.new + last.len == s.new => {
                    last.len += s.len;
                }
                _ => shared.push(s),
            }
        }
        VersionMap { shared }
    }

    /// The new offsets of the old range `start..end` when all of it is text
    /// both versions share; `None` when any of it changed.
    pub fn map(&self, start: u32, end: u32) -> Option<(u32, u32)> {
        let i = self.shared.partition_point(|s| s.old + s.len <= start);
        let s = self.shared.get(i)?;
        (s.old <= start && end <= s.old + s.len)
            .then(|| (s.new + (start - s.old), s.new + (end - s.old)))
    }

    /// The new offset of the old offset `at` when the character there lies in
    /// text both versions share (`at` may also be just past such text).
    pub fn map_point(&self, at: u32, just_past: bool) -> Option<u32> {
        let i = if just_past {
            self.shared.partition_point(|s| s.old + s.len < at)
        } else {
            self.shared.partition_point(|s| s.old + s.len <= at)
        };
        let s = self.shared.get(i)?;
        let inside = if just_past {
            s.old < at && at <= s.old + s.len
        } else {
            s.old <= at && at < s.old + s.len
        };
        inside.then(|| s.new + (at - s.old))
    }

    /// Where the old offset `at` would stand in the new version, by the
    /// nearest shared stretch at or before it: a hint for searching.
    pub fn nearby(&self, at: u32) -> u32 {
        let i = self.shared.partition_point(|s| s.old <= at);
        match i.checked_sub(1).map(|j| self.shared[j]) {
            Some(s) => s.new + (at - s.old).min(s.len),
            None => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untouched_passage_maps_past_an_insertion_before_it() {
        let old = "The talks ended. Aides said the deal was close.";
        let new = "A new lead paragraph. The talks ended. Aides said the deal was close.";
        let map = VersionMap::new(old, new);
        let start = old.find("the deal").expect("in old") as u32;
        let (s, e) = map.map(start, start + 8).expect("shared");
        let chars: Vec<char> = new.chars().collect();
        assert_eq!(
            chars[s as usize..e as usize].iter().collect::<String>(),
            "the deal"
        );
    }

    #[test]
    fn an_edited_passage_does_not_map() {
        let old = "The crossing took five hours.";
        let new = "The crossing took four hours.";
        let map = VersionMap::new(old, new);
        assert_eq!(map.map(13, 28), None);
        assert_eq!(map.map(0, 12), Some((0, 12)));
    }
}
