//! The compare engine on fixture articles written for the project: two outlets'
//! tellings of one invented event, and two versions of one invented article.
//! The expected alignment and labels were worked out by reading the texts.

use std::collections::HashMap;

use chrono::NaiveDate;
use claimdesk_core::compare::{
    CompareOptions, Comparison, DifferenceKind, ManyOptions, Op, Pair, compare_many, compare_texts,
    compare_versions, left_text, right_text, word_diff,
};
use claimdesk_core::text::segment;
use proptest::prelude::*;

use DifferenceKind::{Date, Entity, Number, Quote, Wording};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/compare/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The Ledger was published on Monday 24 November 2025, the Wire a day later.
fn outlet_options() -> CompareOptions {
    CompareOptions {
        left_published: day(2025, 11, 24),
        right_published: day(2025, 11, 25),
    }
}

fn pair_of<'c, 'a>(c: &'c Comparison<'a>, l: usize, r: usize) -> &'c Pair<'a> {
    c.pairs
        .iter()
        .find(|p| p.left.index == l && p.right.index == r)
        .unwrap_or_else(|| panic!("no pair ({l}, {r})"))
}

/// Labelled differences other than wording, as (kind, left, right).
fn facts_of<'a>(p: &Pair<'a>) -> Vec<(DifferenceKind, &'a str, &'a str)> {
    p.differences
        .iter()
        .filter(|d| d.kind != Wording)
        .map(|d| (d.kind, d.left, d.right))
        .collect()
}

fn has_wording(p: &Pair<'_>) -> bool {
    p.differences.iter().any(|d| d.kind == Wording)
}

#[test]
fn outlets_align_as_a_reader_would() {
    let (ledger, wire) = (fixture("outlet-ledger.txt"), fixture("outlet-wire.txt"));
    let c = compare_texts(&ledger, &wire, &outlet_options());
    let pairs: Vec<(usize, usize)> = c
        .pairs
        .iter()
        .map(|p| (p.left.index, p.right.index))
        .collect();
    assert_eq!(
        pairs,
        [
            (1, 1),   // talks ended on Sunday without a deal
            (2, 2),   // Mercer's Thanksgiving deadline
            (3, 3),   // "We have run out of patience"
            (4, 14),  // the dam's size, moved to the end by the Wire
            (5, 4),   // Dalmund's 40 percent claim
            (6, 5),   // Kestria disputes the figure
            (7, 8),   // Brandt's quote, reordered
            (9, 6),   // the framework's terms
            (10, 7),  // the joint commission
            (11, 9),  // Aalders' quote, word for word
            (12, 10), // talks resume
            (13, 11), // the protest
            (15, 23), // Mercer's briefing ...
            (15, 24), // ... and return: the Wire split one sentence in two
            (16, 15), // the 2022 drought
            (17, 16), // 11 rounds of talks
            (18, 17), // elections make compromise harder
            (19, 18), // the $1.1 billion dam
            (20, 19), // 1.5 million people
            (21, 20), // record low at Orsk
            (22, 21), // the court threat
            (24, 22), // "ready to keep talking"
        ]
    );
    let left_only: Vec<&str> = c.left_only.iter().map(|s| s.text).collect();
    assert_eq!(
        left_only,
        [
            "Dam Talks Stall as Envoy Sets Thanksgiving Deadline",
            "She left the talks early to fly back to Kestria.",
            "The World Bank has offered to fund a monitoring system if both sides sign.",
            "Mercer, a former ambassador to Norland, was appointed in March.",
        ]
    );
    let right_only: Vec<&str> = c.right_only.iter().map(|s| s.text).collect();
    assert_eq!(
        right_only,
        [
            "Sella Dam Deal Slips Again",
            "Farmers' groups in Dalmund plan a tractor convoy to the border on Friday.",
            "The Dalmund water agency said reservoirs in the south hold enough water for 90 days.",
        ]
    );
}

#[test]
fn outlet_differences_are_labelled_by_kind() {
    let (ledger, wire) = (fixture("outlet-ledger.txt"), fixture("outlet-wire.txt"));
    let c = compare_texts(&ledger, &wire, &outlet_options());

    // Five hours against four; both say Sunday (the 23rd from either publication day).
    let p = pair_of(&c, 1, 1);
    assert_eq!(facts_of(p), [(Number, "five hours", "four hours")]);
    assert!(has_wording(p));

    // Thanksgiving Day 2025 is November 27 and "28-point" is "28 points": only the
    // envoy's attribution differs in substance.
    let p = pair_of(&c, 2, 2);
    assert_eq!(facts_of(p), [(Entity, "U.S.", "Washington")]);

    let p = pair_of(&c, 3, 3);
    assert_eq!(
        facts_of(p),
        [(
            Quote,
            "We have run out of patience, and so have the farmers downstream,",
            "We have run out of patience,"
        )]
    );

    assert_eq!(facts_of(pair_of(&c, 4, 14)), []);
    assert!(has_wording(pair_of(&c, 4, 14)));
    assert_eq!(facts_of(pair_of(&c, 5, 4)), [(Number, "12,000 farms", "")]);
    assert_eq!(facts_of(pair_of(&c, 6, 5)), [(Number, "", "20 percent")]);
    assert_eq!(
        facts_of(pair_of(&c, 7, 8)),
        [(
            Quote,
            "negotiate at gunpoint.",
            "not negotiate under threat."
        )]
    );

    // Twice a year against four times; "during"/"in" July is no difference.
    let p = pair_of(&c, 9, 6);
    assert_eq!(facts_of(p), [(Number, "twice", "four times")]);
    assert!(!has_wording(p));

    let p = pair_of(&c, 11, 9);
    assert_eq!((p.score, p.differences.len()), (1.0, 0));
    assert_eq!(p.diff.len(), 1);
    assert_eq!(p.diff[0].op, Op::Equal);

    // Wednesday from Monday's paper is the 26th; Thursday from Tuesday's is the 27th.
    assert_eq!(
        facts_of(pair_of(&c, 12, 10)),
        [(Date, "Wednesday", "Thursday")]
    );
    assert_eq!(
        facts_of(pair_of(&c, 13, 11)),
        [(Number, "2,000 people", "3,000 protesters")]
    );

    // The split: "Monday" and "Harwick" are in one half or the other, so neither
    // half reports them missing; the second half only rewords "would" as "plans to".
    assert_eq!(facts_of(pair_of(&c, 15, 23)), []);
    assert!(!has_wording(pair_of(&c, 15, 23)));
    assert_eq!(facts_of(pair_of(&c, 15, 24)), []);
    assert!(has_wording(pair_of(&c, 15, 24)));

    assert_eq!(facts_of(pair_of(&c, 16, 15)), []);
    assert_eq!(facts_of(pair_of(&c, 17, 16)), [(Date, "", "Sunday's")]);
    assert_eq!(facts_of(pair_of(&c, 20, 19)), [(Entity, "Dalmund", "")]);
    assert_eq!(
        facts_of(pair_of(&c, 21, 20)),
        [(Number, "1951", ""), (Entity, "Dalmund", "")]
    );
    assert_eq!(facts_of(pair_of(&c, 22, 21)), [(Date, "", "Saturday")]);
    // Same quotation, but only the Ledger says when it was given.
    assert_eq!(facts_of(pair_of(&c, 24, 22)), [(Date, "Monday", "")]);
}

#[test]
fn without_publication_dates_relative_days_compare_as_weekdays() {
    let (ledger, wire) = (fixture("outlet-ledger.txt"), fixture("outlet-wire.txt"));
    let c = compare_texts(&ledger, &wire, &CompareOptions::default());
    // Thanksgiving cannot be placed without a year, but it is November 27 in
    // some years (2025), so the two do not contradict each other.
    assert_eq!(
        facts_of(pair_of(&c, 2, 2)),
        [(Entity, "U.S.", "Washington")]
    );
    assert_eq!(
        facts_of(pair_of(&c, 12, 10)),
        [(Date, "Wednesday", "Thursday")]
    );
}

#[test]
fn without_publication_dates_only_days_that_never_coincide_differ() {
    let c = compare_texts(
        "The deadline is Thanksgiving Day, Ortiz said.",
        "The deadline is November 30, Ortiz said.",
        &CompareOptions::default(),
    );
    assert_eq!(
        facts_of(&c.pairs[0]),
        [(Date, "Thanksgiving Day", "November 30")]
    );
    let c = compare_texts(
        "Ortiz flies to Geneva on Thursday.",
        "Ortiz flies to Geneva on December 3.",
        &CompareOptions::default(),
    );
    assert_eq!(facts_of(&c.pairs[0]), []);
}

#[test]
fn stealth_edits_between_versions() {
    let (v1, v2) = (fixture("article-v1.txt"), fixture("article-v2.txt"));
    let v = compare_versions(&v1, &v2, &CompareOptions::default());
    let s = v.summary;
    assert_eq!((s.unchanged, s.reworded, s.removed, s.added), (9, 2, 1, 1));

    let changed: Vec<&Pair<'_>> = v
        .comparison
        .pairs
        .iter()
        .filter(|p| p.left.text != p.right.text)
        .collect();
    assert_eq!(changed.len(), 2);
    assert_eq!(
        changed[0].left.text,
        "The work is expected to cost $18 million and last about 14 weeks."
    );
    assert_eq!(
        facts_of(changed[0]),
        [(Number, "$18 million", "$24 million")]
    );
    assert!(!has_wording(changed[0]));
    assert_eq!(
        changed[1].right.text,
        "Some business owners on the south bank have said the closures may cost them a few customers."
    );
    assert_eq!(facts_of(changed[1]), []);
    assert!(has_wording(changed[1]));

    let removed: Vec<&str> = v.comparison.left_only.iter().map(|s| s.text).collect();
    let added: Vec<&str> = v.comparison.right_only.iter().map(|s| s.text).collect();
    assert_eq!(removed, ["It was last repaired in 2008."]);
    assert_eq!(
        added,
        ["Cyclists will be diverted to the Mill Street crossing."]
    );
    // Unchanged sentences still come as pairs, so a view can show the whole article.
    assert!(
        v.comparison
            .pairs
            .iter()
            .filter(|p| p.left.text == p.right.text)
            .all(|p| p.differences.is_empty())
    );
}

#[test]
fn a_version_compared_with_itself_has_no_edits() {
    let v1 = fixture("article-v1.txt");
    let v = compare_versions(&v1, &v1, &CompareOptions::default());
    assert_eq!(
        (v.summary.reworded, v.summary.removed, v.summary.added),
        (0, 0, 0)
    );
    assert_eq!(v.summary.unchanged, segment(&v1).len());
}

#[test]
fn several_outlets_each_compare_against_the_pivot() {
    let (ledger, wire, v1) = (
        fixture("outlet-ledger.txt"),
        fixture("outlet-wire.txt"),
        fixture("article-v1.txt"),
    );
    let opts = ManyOptions {
        pivot_published: day(2025, 11, 24),
        others_published: vec![day(2025, 11, 25), None],
    };
    let m = compare_many(&ledger, &[&wire, &v1], &opts);
    assert_eq!(m.len(), 2, "one comparison per other outlet");
    // Every pivot sentence is paired or pivot-only in each comparison.
    for c in &m {
        let mut pivot: Vec<usize> = c.pairs.iter().map(|p| p.left.index).collect();
        pivot.extend(c.left_only.iter().map(|s| s.index));
        pivot.sort_unstable();
        pivot.dedup();
        assert_eq!(pivot.len(), segment(&ledger).len());
    }
    // The unrelated bridge story matches nothing; the Wire matches as in the pairwise compare.
    assert!(m[1].pairs.is_empty());
    let pairwise = compare_texts(&ledger, &wire, &outlet_options());
    let against_pivot: Vec<(usize, usize)> = m[0]
        .pairs
        .iter()
        .map(|p| (p.left.index, p.right.index))
        .collect();
    let direct: Vec<(usize, usize)> = pairwise
        .pairs
        .iter()
        .map(|p| (p.left.index, p.right.index))
        .collect();
    assert_eq!(against_pivot, direct);
    assert_eq!(m[1].right_only.len(), segment(&v1).len());
    let thursday = m[0]
        .pairs
        .iter()
        .find(|p| p.left.index == 12)
        .expect("pivot sentence 12 is matched");
    assert_eq!(thursday.differences[0].kind, Date);
}

#[test]
fn json_contract_field_names() {
    let c = compare_texts(
        "Talks lasted five hours. Rain fell.",
        "Talks lasted four hours.",
        &CompareOptions::default(),
    );
    let json = serde_json::to_value(&c).unwrap_or_default();
    let pair = &json["pairs"][0];
    for key in ["left", "right", "score", "diff", "differences"] {
        assert!(pair.get(key).is_some(), "pair lacks {key}: {pair}");
    }
    for key in ["index", "text", "start", "end"] {
        assert!(pair["left"].get(key).is_some(), "sentence lacks {key}");
    }
    assert_eq!(
        pair["differences"][0],
        serde_json::json!({"kind": "number", "left": "five hours", "right": "four hours"})
    );
    assert_eq!(
        pair["diff"][0],
        serde_json::json!({"op": "equal", "text": "Talks lasted "})
    );
    assert_eq!(
        json["left_only"][0],
        serde_json::json!({"index": 1, "text": "Rain fell.", "start": 25, "end": 35})
    );
    assert_eq!(json["right_only"], serde_json::json!([]));
}

#[test]
fn pathological_inputs_give_sensible_results() {
    let empty = compare_texts("", "", &CompareOptions::default());
    assert!(empty.pairs.is_empty() && empty.left_only.is_empty() && empty.right_only.is_empty());

    let text = fixture("outlet-ledger.txt");
    let same = compare_texts(&text, &text, &CompareOptions::default());
    assert_eq!(same.pairs.len(), segment(&text).len());
    assert!(
        same.pairs
            .iter()
            .all(|p| p.left.index == p.right.index && p.differences.is_empty())
    );

    let repeated = "The council met on Tuesday. ".repeat(1000);
    let r = compare_texts(&repeated, &repeated, &CompareOptions::default());
    assert_eq!(r.pairs.len(), 1000);
    assert!(r.pairs.iter().all(|p| p.left.index == p.right.index));

    let long = "word ".repeat(10_000);
    let l = compare_texts(&long, &text, &CompareOptions::default());
    assert_eq!((l.pairs.len(), l.left_only.len()), (0, 1));
}

fn sentence_strategy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Ortiz",
        "talks",
        "Geneva",
        "five",
        "4",
        "hours",
        "the",
        "said",
        "dam",
        "Kestria",
        "“deal”",
        "\"no\"",
        "on",
        "Monday",
        "river",
        "28-point",
        "plan",
        "vote",
        "café",
        "north",
    ]);
    prop::collection::vec(words, 1..12).prop_map(|w| format!("{}.", w.join(" ")))
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence_strategy(), 0..14).prop_map(|s| s.join(" "))
}

/// Every sentence is either paired or one-sided, and a sentence in two pairs
/// is the whole of a one-to-two split: its partners have no other pair.
fn check_alignment(
    c: &Comparison<'_>,
    left_len: usize,
    right_len: usize,
) -> Result<(), TestCaseError> {
    let mut left_uses: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut right_uses: HashMap<usize, Vec<usize>> = HashMap::new();
    for p in &c.pairs {
        left_uses
            .entry(p.left.index)
            .or_default()
            .push(p.right.index);
        right_uses
            .entry(p.right.index)
            .or_default()
            .push(p.left.index);
        prop_assert_eq!(left_text(&p.diff), p.left.text);
        prop_assert_eq!(right_text(&p.diff), p.right.text);
    }
    for (uses, other) in [(&left_uses, &right_uses), (&right_uses, &left_uses)] {
        for partners in uses.values() {
            prop_assert!(partners.len() <= 2);
            if partners.len() == 2 {
                prop_assert!(partners[0] != partners[1]);
                for p in partners {
                    prop_assert_eq!(other[p].len(), 1);
                }
            }
        }
    }
    for s in &c.left_only {
        prop_assert!(!left_uses.contains_key(&s.index));
    }
    for s in &c.right_only {
        prop_assert!(!right_uses.contains_key(&s.index));
    }
    prop_assert_eq!(left_uses.len() + c.left_only.len(), left_len);
    prop_assert_eq!(right_uses.len() + c.right_only.len(), right_len);
    Ok(())
}

proptest! {
    #[test]
    fn alignment_respects_the_one_to_two_rule(left in text_strategy(), right in text_strategy()) {
        let c = compare_texts(&left, &right, &CompareOptions::default());
        check_alignment(&c, segment(&left).len(), segment(&right).len())?;
    }

    #[test]
    fn version_diff_respects_the_one_to_two_rule(old in text_strategy(), new in text_strategy()) {
        let v = compare_versions(&old, &new, &CompareOptions::default());
        check_alignment(&v.comparison, segment(&old).len(), segment(&new).len())?;
    }

    #[test]
    fn word_diff_reconstructs_both_sentences(left in "\\PC{0,80}", right in "\\PC{0,80}") {
        let ops = word_diff(&left, &right, None);
        prop_assert_eq!(left_text(&ops), left.as_str());
        prop_assert_eq!(right_text(&ops), right.as_str());
        prop_assert!(ops.iter().all(|o| !o.text.is_empty()));
    }

    #[test]
    fn segments_slice_the_text_in_order(text in "(\\PC|\n){0,300}") {
        let mut previous_end = 0;
        for (i, s) in segment(&text).iter().enumerate() {
            prop_assert_eq!(s.index, i);
            prop_assert!(s.start >= previous_end && s.start < s.end);
            prop_assert_eq!(&text[s.start..s.end], s.text);
            prop_assert_eq!(s.text.trim(), s.text);
            previous_end = s.end;
        }
    }
}

#[test]
fn words_that_differ_only_in_case_and_dashes_that_differ_show_as_changes() {
    // Identical once lowercased, so the sentences pair as a match; the diff
    // must still show each changed token (word forms and marks get their own ids).
    let left = "Talks in Geneva ended — late on Monday.";
    let right = "talks in Geneva ended – late on Monday.";
    let c = compare_texts(left, right, &CompareOptions::default());
    assert_eq!(c.pairs.len(), 1);
    let diff = &c.pairs[0].diff;
    let changed: Vec<(Op, &str)> = diff
        .iter()
        .filter(|o| o.op != Op::Equal)
        .map(|o| (o.op, o.text))
        .collect();
    assert_eq!(
        changed,
        [
            (Op::Delete, "Talks"),
            (Op::Insert, "talks"),
            (Op::Delete, "—"),
            (Op::Insert, "–")
        ]
    );
    assert_eq!(left_text(diff), left);
    assert_eq!(right_text(diff), right);
}
