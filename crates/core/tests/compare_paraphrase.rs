//! Paraphrases of one event, each kind with the exact alignment a reader would
//! draw. The texts are invented for these tests.

use claimdesk_core::compare::{CompareOptions, Comparison, DifferenceKind, compare_texts};

fn pairs(c: &Comparison<'_>) -> Vec<(usize, usize)> {
    c.pairs
        .iter()
        .map(|p| (p.left.index, p.right.index))
        .collect()
}

fn compare<'a>(left: &'a str, right: &'a str) -> Comparison<'a> {
    compare_texts(left, right, &CompareOptions::default())
}

#[test]
fn synonyms_of_the_news_vocabulary_pair_two_tellings() {
    let left = "Valdoria said this week that its forces had taken control of the town of Merrow. \
                Bakeries in the capital ran out of flour.";
    let right = "Valdoria announced on Monday that its troops had captured Merrow. \
                 A choir festival opened by the lake.";
    let c = compare(left, right);
    assert_eq!(pairs(&c), [(0, 0)]);
    assert_eq!((c.left_only.len(), c.right_only.len()), (1, 1));
}

#[test]
fn a_capital_stands_for_its_country() {
    let left = "Russia rejected the ceasefire offer from the Orlen delegation.";
    let right = "Moscow dismissed the Orlen offer of a ceasefire.";
    assert_eq!(pairs(&compare(left, right)), [(0, 0)]);
}

#[test]
fn the_same_slot_of_the_story_with_a_contradicting_place_pairs_as_an_entity_difference() {
    let left = "The ministers of Talvek and Ostrand met in Bremlow for six hours. \
                The envoys flew back to Washington on Tuesday night. \
                A second round is planned for January.";
    let right = "The ministers of Talvek and Ostrand met in Bremlow for six hours. \
                 The envoys promised to travel on to Kyiv. \
                 A second round is planned for January.";
    let c = compare(left, right);
    assert_eq!(pairs(&c), [(0, 0), (1, 1), (2, 2)]);
    let envoys = &c.pairs[1];
    assert!(
        envoys
            .differences
            .iter()
            .any(|d| d.kind == DifferenceKind::Entity
                && d.left == "Washington"
                && d.right == "Kyiv"),
        "{:?}",
        envoys.differences
    );
}

#[test]
fn a_slot_alone_does_not_pair_sentences_with_nothing_rare_in_common() {
    let left = "The ministers of Talvek and Ostrand met in Bremlow for six hours. \
                The weather was cold and the streets were quiet. \
                A second round is planned for January.";
    let right = "The ministers of Talvek and Ostrand met in Bremlow for six hours. \
                 Prices of bread have risen across the region this year. \
                 A second round is planned for January.";
    let c = compare(left, right);
    assert_eq!(pairs(&c), [(0, 0), (2, 2)]);
}

#[test]
fn the_same_facts_in_other_words_pair() {
    let left = "At least 12 people died when the Harlan footbridge gave way on Sunday.";
    let right = "The collapse of a footbridge in Harlan on Sunday killed twelve.";
    assert_eq!(pairs(&compare(left, right)), [(0, 0)]);
}
