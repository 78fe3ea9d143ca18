//! Comparing sources held in a real workspace file, and making a claim from a
//! difference: the claim and both evidence links in one transaction, or
//! nothing at all when the input is wrong.

use chrono::NaiveDate;
use claimdesk_core::compare::DifferenceKind;
use claimdesk_core::compare::view::{ComparisonView, PairView, SentenceView};
use claimdesk_core::compare::{
    ClaimFromDifference, PassagePick, SourceRef, compare_outlets, compare_source_versions,
    compare_sources,
};
use claimdesk_core::model::{ClaimFilter, NewClaim, NewSource, Stance};
use claimdesk_core::{ErrorKind, Workspace, compare};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/compare/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

struct Desk {
    _dir: tempfile::TempDir,
    ws: Workspace,
    ledger: String,
    wire: String,
    article: String,
}

fn source(title: &str, outlet: &str, url: &str, day: u32, text: String) -> NewSource {
    NewSource {
        title: title.into(),
        outlet: Some(outlet.into()),
        url: Some(url.into()),
        canonical_url: Some(url.into()),
        published_on: NaiveDate::from_ymd_opt(2025, 11, day),
        text,
        ..Default::default()
    }
}

/// The two outlets' tellings, and one article captured twice at the same URL.
fn desk() -> Desk {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let add = |s: NewSource| ws.sources().add(s).expect("add source").source.id;
    let ledger = add(source(
        "Dam talks stall",
        "Northern Ledger",
        "https://ledger.example/dam",
        24,
        fixture("outlet-ledger.txt"),
    ));
    let wire = add(source(
        "Sella dam deal slips",
        "Coastal Wire",
        "https://wire.example/dam",
        25,
        fixture("outlet-wire.txt"),
    ));
    let url = "https://ledger.example/budget";
    let article = add(source(
        "Budget",
        "Northern Ledger",
        url,
        20,
        fixture("article-v1.txt"),
    ));
    let again = add(source(
        "Budget",
        "Northern Ledger",
        url,
        20,
        fixture("article-v2.txt"),
    ));
    assert_eq!(article, again, "the edit is a second version");
    Desk {
        _dir: dir,
        ws,
        ledger,
        wire,
        article,
    }
}

fn hours_pair(v: &ComparisonView) -> &PairView {
    v.pairs
        .iter()
        .find(|p| {
            p.differences.iter().any(|d| {
                d.kind == DifferenceKind::Number
                    && d.left == "five hours"
                    && d.right == "four hours"
            })
        })
        .expect("the five/four hours pair")
}

/// The sentence sliced out of the stored text by its code point offsets.
fn by_code_points(text: &str, s: &SentenceView) -> String {
    text.chars()
        .skip(s.cp_start as usize)
        .take((s.cp_end - s.cp_start) as usize)
        .collect()
}

#[test]
fn two_sources_compare_with_their_ids_versions_and_publication_days() {
    let d = desk();
    let v = compare_sources(
        &d.ws,
        &SourceRef::latest(&d.ledger[..d.ledger.len() - 4]),
        &SourceRef::latest(d.wire.clone()),
    )
    .expect("compare");
    assert_eq!(
        v.left.source_id, d.ledger,
        "a prefix resolves to the full id"
    );
    assert_eq!(v.right.outlet.as_deref(), Some("Coastal Wire"));
    assert_eq!((v.left.version, v.right.version), (1, 1));
    assert_eq!(v.left.published_on, NaiveDate::from_ymd_opt(2025, 11, 24));
    assert_eq!(v.versions, None, "two outlets are not two versions");

    let pair = hours_pair(&v);
    let ledger_text = d.ws.sources().version(&d.ledger, None).expect("text").text;
    let wire_text = d.ws.sources().version(&d.wire, None).expect("text").text;
    assert_eq!(by_code_points(&ledger_text, &pair.left), pair.left.text);
    assert_eq!(by_code_points(&wire_text, &pair.right), pair.right.text);
    assert_eq!(
        &ledger_text[pair.left.start as usize..pair.left.end as usize],
        pair.left.text
    );
    // The Thanksgiving deadline (Ledger, 2025) and November 27 (Wire) are one
    // day only because each side's publication day was used.
    assert!(
        v.pairs
            .iter()
            .filter(|p| p.left.text.contains("Thanksgiving Day"))
            .all(|p| p.differences.iter().all(|d| d.kind != DifferenceKind::Date)),
        "Thanksgiving Day 2025 is November 27"
    );
}

#[test]
fn the_pivot_is_compared_with_each_other_outlet() {
    let d = desk();
    let m = compare_outlets(
        &d.ws,
        &SourceRef::latest(d.ledger.clone()),
        &[
            SourceRef::latest(d.wire.clone()),
            SourceRef {
                source: d.article.clone(),
                version: Some(1),
            },
        ],
    )
    .expect("compare");
    assert_eq!(m.pivot.source_id, d.ledger);
    assert_eq!(m.outlets.len(), 2);
    let wire = &m.outlets[0];
    assert_eq!(wire.left.source_id, d.ledger, "the pivot is on the left");
    assert_eq!(wire.right.source_id, d.wire);
    hours_pair(wire);
    let budget = &m.outlets[1];
    assert_eq!(
        (budget.right.source_id.as_str(), budget.right.version),
        (d.article.as_str(), 1)
    );
    assert!(
        budget.pairs.len() < wire.pairs.len(),
        "an unrelated article shares less with the pivot"
    );
    let pivot_sentences = wire
        .pairs
        .iter()
        .map(|p| p.left.index)
        .collect::<std::collections::BTreeSet<_>>()
        .len()
        + wire.left_only.len();
    assert_eq!(
        pivot_sentences,
        budget
            .pairs
            .iter()
            .map(|p| p.left.index)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            + budget.left_only.len(),
        "every pivot sentence is either matched or only in the pivot, for each outlet"
    );
}

#[test]
fn comparing_the_pivot_with_itself_or_nothing_is_refused() {
    let d = desk();
    let pivot = SourceRef::latest(d.ledger.clone());
    let err = compare_outlets(&d.ws, &pivot, std::slice::from_ref(&pivot)).expect_err("itself");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("is the pivot"), "{err}");
    let err = compare_outlets(&d.ws, &pivot, &[]).expect_err("nothing");
    assert_eq!(err.kind(), ErrorKind::Invalid);
}

#[test]
fn versions_of_one_source_compare_first_against_latest_by_default() {
    let d = desk();
    let v = compare_source_versions(&d.ws, &d.article, None, None).expect("versions");
    assert_eq!((v.left.version, v.right.version), (1, 2));
    assert_eq!(v.left.version_count, 2);
    let counts = v.versions.expect("version counts");
    assert!(
        counts.reworded >= 1,
        "the edit rewords a sentence: {counts:?}"
    );
    assert!(v.pairs.iter().any(|p| {
        p.differences.iter().any(|d| {
            d.kind == DifferenceKind::Number && d.left == "$18 million" && d.right == "$24 million"
        })
    }));

    let err = compare_source_versions(&d.ws, &d.article, Some(1), Some(9)).expect_err("no v9");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.to_string().contains("no version 9"), "{err}");
}

#[test]
fn id_at_n_names_a_version() {
    let d = desk();
    let r = SourceRef::parse(&format!("{}@1", &d.article[..d.article.len() - 4])).expect("parse");
    let side = compare::load_side(&d.ws, &r).expect("load");
    assert_eq!(side.info.version, 1);
    assert_eq!(
        side.text,
        d.ws.sources()
            .version(&d.article, Some(1))
            .expect("v1")
            .text
    );
    let err = SourceRef::parse("abc@0").expect_err("no version 0");
    assert_eq!(err.kind(), ErrorKind::Invalid);
}

fn pick(source: &str, version: u32, s: &SentenceView, stance: Stance) -> PassagePick {
    PassagePick {
        source: source.into(),
        version,
        start: s.cp_start,
        end: s.cp_end,
        stance,
    }
}

fn claim_count(ws: &Workspace) -> usize {
    ws.claims()
        .list(&ClaimFilter::default())
        .expect("list")
        .len()
}

#[test]
fn a_claim_from_a_difference_links_both_sentences() {
    let d = desk();
    let v = compare_sources(
        &d.ws,
        &SourceRef::latest(d.ledger.clone()),
        &SourceRef::latest(d.wire.clone()),
    )
    .expect("compare");
    let pair = hours_pair(&v);
    let detail = compare::create_claim_from_difference(
        &d.ws,
        &ClaimFromDifference {
            claim: NewClaim {
                statement: "The dam talks lasted five hours".into(),
                notes: Some("Ledger says five, Wire says four".into()),
                ..Default::default()
            },
            left: Some(pick(&d.ledger, 1, &pair.left, Stance::Supports)),
            right: Some(pick(&d.wire, 1, &pair.right, Stance::Disputes)),
        },
    )
    .expect("create");
    assert_eq!(detail.claim.statement, "The dam talks lasted five hours");
    assert_eq!(detail.evidence.len(), 2);
    let (l, r) = (&detail.evidence[0], &detail.evidence[1]);
    assert_eq!(l.evidence.exact, pair.left.text);
    assert_eq!(
        (l.evidence.start, l.evidence.end),
        (pair.left.cp_start, pair.left.cp_end)
    );
    assert_eq!(l.evidence.stance, Stance::Supports);
    assert_eq!(l.outlet.as_deref(), Some("Northern Ledger"));
    assert_eq!(r.evidence.exact, pair.right.text);
    assert_eq!(r.evidence.stance, Stance::Disputes);
    assert!(
        !l.evidence.suffix.is_empty(),
        "the quote selector keeps context"
    );
    let history = d.ws.claims().history(&detail.claim.id).expect("history");
    let fields: Vec<&str> = history.iter().map(|h| h.field.as_str()).collect();
    assert_eq!(fields, ["created", "evidence", "evidence"]);
}

#[test]
fn a_claim_from_an_old_version_links_that_version() {
    let d = desk();
    let v = compare_source_versions(&d.ws, &d.article, None, None).expect("versions");
    let pair = v
        .pairs
        .iter()
        .find(|p| !p.differences.is_empty())
        .expect("a reworded sentence");
    let detail = compare::create_claim_from_difference(
        &d.ws,
        &ClaimFromDifference {
            claim: NewClaim {
                statement: "The budget was changed after publication".into(),
                ..Default::default()
            },
            left: Some(pick(&d.article, 1, &pair.left, Stance::Context)),
            right: Some(pick(&d.article, 2, &pair.right, Stance::Supports)),
        },
    )
    .expect("create");
    let versions: Vec<u32> = detail.evidence.iter().map(|e| e.version_number).collect();
    assert_eq!(versions, [1, 2]);
    assert_eq!(detail.evidence[0].evidence.exact, pair.left.text);
}

#[test]
fn bad_input_writes_nothing() {
    let d = desk();
    let text_len =
        d.ws.sources()
            .version(&d.wire, None)
            .expect("text")
            .text
            .chars()
            .count() as u32;
    let good = SentenceView {
        index: 0,
        text: String::new(),
        start: 0,
        end: 0,
        cp_start: 0,
        cp_end: 10,
    };
    let request = |left: PassagePick, right: PassagePick, statement: &str| ClaimFromDifference {
        claim: NewClaim {
            statement: statement.into(),
            ..Default::default()
        },
        left: Some(left),
        right: Some(right),
    };
    let past_end = PassagePick {
        start: text_len - 2,
        end: text_len + 5,
        ..pick(&d.wire, 1, &good, Stance::Disputes)
    };
    let cases = [
        (
            request(
                pick("ffffffff", 1, &good, Stance::Supports),
                pick(&d.wire, 1, &good, Stance::Disputes),
                "x",
            ),
            ErrorKind::NotFound,
            "ffffffff",
        ),
        (
            request(pick(&d.ledger, 1, &good, Stance::Supports), past_end, "x"),
            ErrorKind::Invalid,
            "right passage",
        ),
        (
            request(
                pick(&d.ledger, 3, &good, Stance::Supports),
                pick(&d.wire, 1, &good, Stance::Disputes),
                "x",
            ),
            ErrorKind::NotFound,
            "no version 3",
        ),
        (
            request(
                pick(&d.ledger, 1, &good, Stance::Supports),
                pick(&d.wire, 1, &good, Stance::Disputes),
                "   ",
            ),
            ErrorKind::Invalid,
            "",
        ),
    ];
    for (req, kind, says) in cases {
        let err = compare::create_claim_from_difference(&d.ws, &req).expect_err("refused");
        assert_eq!(err.kind(), kind, "{err}");
        assert!(
            err.to_string().contains(says),
            "{err} should mention {says}"
        );
        assert_eq!(claim_count(&d.ws), 0, "nothing written for {err}");
        assert!(d.ws.evidence().list(None).expect("evidence").is_empty());
    }
}

#[test]
fn a_sentence_only_one_outlet_has_becomes_a_claim_with_that_one_passage() {
    let d = desk();
    let v = compare_sources(
        &d.ws,
        &SourceRef::latest(d.ledger.clone()),
        &SourceRef::latest(d.wire.clone()),
    )
    .expect("compare");
    let only = v
        .right_only
        .first()
        .expect("the Wire has a sentence of its own");
    let detail = compare::create_claim_from_difference(
        &d.ws,
        &ClaimFromDifference {
            claim: NewClaim {
                statement: only.text.clone(),
                ..Default::default()
            },
            left: None,
            right: Some(pick(&d.wire, 1, only, Stance::Supports)),
        },
    )
    .expect("create");
    assert_eq!(detail.evidence.len(), 1);
    assert_eq!(detail.evidence[0].evidence.exact, only.text);
    assert_eq!(detail.evidence[0].outlet.as_deref(), Some("Coastal Wire"));

    let err = compare::create_claim_from_difference(
        &d.ws,
        &ClaimFromDifference {
            claim: NewClaim {
                statement: "no passage".into(),
                ..Default::default()
            },
            left: None,
            right: None,
        },
    )
    .expect_err("a claim from a comparison needs a passage");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(claim_count(&d.ws), 1, "only the first claim was written");
}
