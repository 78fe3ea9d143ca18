//! Properties of following a passage into a new version that must hold for
//! any edit: an untouched passage comes back unchanged with its exact words,
//! edits elsewhere never move it, and a deleted passage never comes back
//! attached somewhere else.

use claimdesk_core::anchor::{PassageStatus, VersionMap, follow, locate};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the", "ferry", "council", "said", "fares", "rose", "in", "spring", "harbour", "crew", "storm",
    "on", "Monday", "late", "island", "tickets", "price", "mayor", "said", "a",
];

/// A sentence of vocabulary words.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 3..9).prop_map(|w| {
        let mut s = w.join(" ");
        s.push('.');
        s
    })
}

/// The passage: marker words no other sentence has, among vocabulary words.
fn passage() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 2..5)
        .prop_map(|w| format!("Kestrel Quillon {}.", w.join(" ")))
}

/// An edit of the sentences around the passage: reword, drop or add one.
#[derive(Debug, Clone)]
enum Edit {
    Reword(usize, String),
    Drop(usize),
    Add(usize, String),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        prop_oneof![
            (0usize..20, sentence()).prop_map(|(i, s)| Edit::Reword(i, s)),
            (0usize..20).prop_map(Edit::Drop),
            (0usize..20, sentence()).prop_map(|(i, s)| Edit::Add(i, s)),
        ],
        1..6,
    )
}

fn apply(sentences: &mut Vec<String>, edits: &[Edit]) {
    for e in edits {
        match e {
            Edit::Reword(i, s) if !sentences.is_empty() => {
                let n = sentences.len();
                sentences[i % n] = s.clone();
            }
            Edit::Drop(i) if !sentences.is_empty() => {
                let n = sentences.len();
                sentences.remove(i % n);
            }
            Edit::Add(i, s) => {
                let n = sentences.len() + 1;
                sentences.insert(i % n, s.clone());
            }
            _ => {}
        }
    }
}

fn join(parts: &[String]) -> String {
    parts.join(" ")
}

proptest! {
    #[test]
    fn an_untouched_passage_comes_back_unchanged_where_the_edits_put_it(
        before in prop::collection::vec(sentence(), 0..8),
        after in prop::collection::vec(sentence(), 0..8),
        passage in passage(),
        edits_before in edits(),
        edits_after in edits(),
    ) {
        let old_text = [join(&before), passage.clone(), join(&after)].join(" ");
        let old = locate(&old_text, &passage, None).expect("the passage is in the old text");
        let (mut b, mut a) = (before.clone(), after.clone());
        apply(&mut b, &edits_before);
        apply(&mut a, &edits_after);
        let lead = join(&b);
        let new_text = [lead.clone(), passage.clone(), join(&a)].join(" ");
        let followed = follow(&VersionMap::new(&old_text, &new_text), &old_text, &new_text, &old);
        prop_assert_eq!(followed.status, PassageStatus::Unchanged);
        let found = followed.anchor.expect("found");
        prop_assert_eq!(&found.exact, &passage);
        let expected_start = lead.chars().count() as u32 + 1;
        prop_assert_eq!(found.start, expected_start, "edits elsewhere never move it");
        let at: String = new_text.chars().skip(found.start as usize).take(passage.chars().count()).collect();
        prop_assert_eq!(at, passage);
    }

    #[test]
    fn a_deleted_passage_never_comes_back_attached_elsewhere(
        before in prop::collection::vec(sentence(), 0..8),
        after in prop::collection::vec(sentence(), 0..8),
        passage in passage(),
        edits_around in edits(),
    ) {
        let old_text = [join(&before), passage.clone(), join(&after)].join(" ");
        let old = locate(&old_text, &passage, None).expect("the passage is in the old text");
        let mut rest: Vec<String> = before.iter().chain(after.iter()).cloned().collect();
        apply(&mut rest, &edits_around);
        rest.push("The end.".into());
        let new_text = join(&rest);
        let followed = follow(&VersionMap::new(&old_text, &new_text), &old_text, &new_text, &old);
        prop_assert_eq!(followed.status, PassageStatus::Gone, "{:?}", followed.anchor);
        prop_assert!(followed.anchor.is_none());
    }
}
