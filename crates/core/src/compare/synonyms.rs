//! Words news copy uses for one another ("captured" / "taken control of",
//! "troops" / "forces", "Moscow" / "Russia"), so that two tellings of one event
//! in different words can still be lined up. Only sentences left unpaired by
//! the word-for-word alignment are compared through these classes.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::text::tokens::{lowercase, stem};

/// What a word becomes when sentences are compared as paraphrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Synonym {
    /// A member of a class: compared by the class's name.
    Class(&'static str),
    /// A verb of reporting ("announced", "stated"): says nothing of the event,
    /// like "said", which is a stopword already.
    Reporting,
}

/// Each class: its name and the words in it.
const CLASSES: &[(&str, &[&str])] = &[
    (
        "capture",
        &[
            "captured", "capture", "captures", "seized", "seize", "seizes", "took", "taken",
            "take", "control", "overran", "overrun",
        ],
    ),
    ("troops", &["troops", "forces", "soldiers", "army", "units"]),
    (
        "travel",
        &[
            "travel",
            "travelled",
            "traveled",
            "flew",
            "fly",
            "flies",
            "headed",
            "journeyed",
        ],
    ),
    (
        "attack",
        &[
            "attacked", "attack", "attacks", "struck", "strike", "strikes", "shelled", "bombed",
        ],
    ),
    (
        "kill",
        &["killed", "kill", "kills", "died", "dead", "deaths", "death"],
    ),
    (
        "talks",
        &["talks", "meeting", "met", "meet", "negotiations"],
    ),
    ("deal", &["deal", "agreement", "accord", "pact", "treaty"]),
    (
        "reject",
        &[
            "rejected",
            "reject",
            "rejects",
            "refused",
            "refuse",
            "dismissed",
            "dismiss",
        ],
    ),
    ("leader", &["president", "leader", "head"]),
    (
        "envoy",
        &[
            "envoys",
            "envoy",
            "negotiators",
            "negotiator",
            "delegation",
            "delegates",
        ],
    ),
    ("russia", &["russia", "moscow", "kremlin"]),
    ("ukraine", &["ukraine", "kyiv", "kiev"]),
    ("britain", &["britain", "london", "uk"]),
    ("china", &["china", "beijing"]),
    ("france", &["france", "paris", "elysee"]),
];

const REPORTING: &[&str] = &[
    "announced",
    "announce",
    "announces",
    "stated",
    "state",
    "states",
    "declared",
    "declare",
    "claimed",
    "claim",
    "claims",
    "reported",
    "report",
    "reports",
    "confirmed",
    "confirm",
];

static BY_STEM: LazyLock<FxHashMap<String, Synonym>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for (name, words) in CLASSES {
        for w in *words {
            map.insert(stem(lowercase(w)).into_owned(), Synonym::Class(name));
        }
    }
    for w in REPORTING {
        map.insert(stem(lowercase(w)).into_owned(), Synonym::Reporting);
    }
    map
});

/// The synonym class of a stemmed, lowercased word, if it has one.
pub(super) fn of_stem(stemmed: &str) -> Option<Synonym> {
    BY_STEM.get(stemmed).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_of_one_word_share_its_class() {
        let class = |w: &str| of_stem(&stem(lowercase(w)));
        assert_eq!(class("captured"), class("taken"));
        assert_eq!(class("troops"), class("forces"));
        assert_eq!(class("Moscow"), class("Russia"));
        assert_eq!(class("announced"), Some(Synonym::Reporting));
        assert_eq!(class("bridge"), None);
    }
}
