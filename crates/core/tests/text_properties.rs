//! Properties of free-text handling that must hold for any input.

use claimdesk_core::anchor::{locate, reanchor};
use claimdesk_core::text::normalise::normalise;
use proptest::prelude::*;

/// How often `needle` stands in `text`, overlapping ones counted: "« «" stands
/// twice in "« « «", and an anchor needs to know it is ambiguous.
fn occurrences(text: &str, needle: &str) -> usize {
    text.char_indices()
        .filter(|(i, _)| text[*i..].starts_with(needle))
        .count()
}

#[test]
fn a_passage_that_overlaps_itself_is_anchored_by_its_occurrence() {
    let text = normalise("» A 0 — ü « « «");
    assert_eq!(occurrences(&text, "« «"), 2);
    let anchor = locate(&text, "« «", Some(1)).expect("the second of two overlapping occurrences");
    assert!(
        locate(&text, "« «", None).is_err(),
        "two occurrences need a choice"
    );
    assert_eq!(reanchor(&text, &anchor), Some(anchor));
}

proptest! {
    #[test]
    fn normalising_twice_changes_nothing(text in "\\PC{0,200}|[ \\t\\r\\n a-zé\u{301}]{0,200}") {
        let once = normalise(&text);
        prop_assert_eq!(normalise(&once), once);
    }

    #[test]
    fn any_passage_of_a_text_can_be_anchored_and_points_back_at_itself(
        words in prop::collection::vec("[a-zA-Z0-9éü«»—]{1,8}", 3..40),
        from in 0usize..40,
        len in 1usize..6,
    ) {
        let text = normalise(&words.join(" "));
        let from = from % words.len();
        let to = (from + len).min(words.len());
        let quote = words[from..to].join(" ");
        let count = occurrences(&text, &quote);
        let anchor = locate(&text, &quote, if count > 1 { Some(1) } else { None });
        prop_assert!(anchor.is_ok(), "{:?} in {:?}", quote, text);
        let anchor = anchor.expect("checked");
        let chars: Vec<char> = text.chars().collect();
        let at: String = chars[anchor.start as usize..anchor.end as usize].iter().collect();
        prop_assert_eq!(&at, &anchor.exact);
        prop_assert_eq!(reanchor(&text, &anchor), Some(anchor));
    }
}
