//! Claim matching on a fixture set written for it: 42 desk claims, ten of them distractors, and 8
//! imported ClaimReviews, and 48 statements a checker might type, each with
//! the claim that must come first and its tier, or nothing at all. The set
//! holds paraphrases (word order, synonyms, passive voice, "US" and "United
//! States", numbers as words), near misses that must not match (other
//! numbers, places, negations), short claims, and unrelated ones.

use claimdesk_core::Workspace;
use claimdesk_core::exchange::import_claimreview;
use claimdesk_core::model::NewClaim;
use claimdesk_core::search::similar::{self, Origin, Ranking, Tier};

const DESK: &[&str] = &[
    "The United States set a Thanksgiving deadline for Ukraine to accept the 28-point peace plan",
    "Inflation fell to 2.1% in October",
    "The Brussels summit on energy prices was cancelled",
    "The city council approved a 4% increase in bus fares",
    "Ferries in the harbour carry 12,000 passengers a day",
    "The mayor of Velmora resigned after the audit report",
    "Unemployment in Kestria rose to 7 percent last year",
    "The government will close three coal power stations by 2030",
    "Police arrested 40 people during the protest in Tarnow",
    "The new hospital in Dunmere has 300 beds",
    "Zelensky rejected the proposal to hand over the eastern territories",
    "The minimum wage will rise to 15 dollars an hour in January",
    "The river flood destroyed the old stone bridge in Arvel",
    "Schools in the northern province will stay closed for two weeks",
    "The European Union banned imports of Kestrian steel",
    "The football club sold its stadium to a property developer",
    "A cyberattack shut down the national railway ticket system",
    "The president signed the budget law on Friday",
    "Rents in the capital doubled over the last five years",
    "The vaccine was tested on 20,000 volunteers",
    "The airport will add a second runway by 2028",
    "The UK sent 500 soldiers to the border mission",
    "Wildfires burned 80,000 hectares of forest this summer",
    "The central bank raised interest rates to 5.25 percent",
    "The factory strike lasted six days",
    "Only one in ten households recycles plastic waste",
    "The senator voted against the water protection bill",
    "Tap water in Dunmere is not safe to drink",
    "The ministry spent 2 million euros on the new logo",
    "The talks between the union and Harbour Line lasted five hours",
    "Electric cars made up a third of new car sales in Norland",
    "The minister said the pension age will not change",
    // Distractors: most words of a claim above, another claim.
    "Food prices fell in October",
    "The mayor of Velmora opened the new audit office",
    "The city council rejected an increase in bus fares",
    "Police arrested 40 people during the protest in Arvel",
    "Ferries in the harbour carry 1,200 cars a day",
    "The UK sent 500 doctors to the border region",
    "Wind turbines in Norland produce more power than coal",
    "Coffee prices doubled this year",
    "The national railway will shut down two ticket offices",
    "Rents in Dunmere doubled last year",
];

/// Imported reviews: statement, headline, rating label.
const REVIEWS: &[(&str, &str, &str)] = &[
    (
        "Drinking coffee every day doubles the risk of heart disease",
        "No, daily coffee does not double heart disease risk",
        "False",
    ),
    (
        "The prime minister owns a villa on Lake Orren",
        "The villa in the photo is a hotel",
        "False",
    ),
    (
        "Wind turbines kill more birds than cars do",
        "Turbines and birds: what the counts show",
        "Misleading",
    ),
    (
        "Kestria's parliament voted to leave the trade alliance",
        "Kestria did vote to leave the alliance",
        "Verified",
    ),
    (
        "Bananas sold in supermarkets are sprayed with a banned pesticide",
        "No sign of a banned pesticide on supermarket bananas",
        "False",
    ),
    (
        "The census counted 9.4 million residents in Norland",
        "Norland's census: 9.4 million is right",
        "Verified",
    ),
    (
        "5G masts caused the outbreak of flu in Arvel",
        "Masts do not spread flu",
        "False",
    ),
    (
        "Tuition fees at public universities will be abolished in 2027",
        "Free tuition from 2027 is planned, not passed",
        "Disputed",
    ),
];

/// Where a query must lead: a desk claim or a review, by its index.
#[derive(Debug, Clone, Copy)]
enum To {
    Desk(usize),
    Review(usize),
}

use To::{Desk, Review};

const M: Tier = Tier::Match;
const S: Tier = Tier::Suggestion;

/// Each query, and the claim and tier it must list first (`None`: nothing listed).
const QUERIES: &[(&str, Option<(To, Tier)>)] = &[
    // Paraphrases: passive voice, "US", numbers as words, synonyms, word order.
    (
        "Ukraine was given a Thanksgiving deadline by the US to accept the 28-point plan",
        Some((Desk(0), M)),
    ),
    ("In October inflation dropped to 2.1%", Some((Desk(1), M))),
    (
        "The Brussels energy prices summit was cancelled",
        Some((Desk(2), M)),
    ),
    (
        "Bus fares will increase by 4% after the city council approved it",
        Some((Desk(3), M)),
    ),
    (
        "12,000 passengers a day travel on the harbour ferries",
        Some((Desk(4), M)),
    ),
    (
        "Every day the harbour ferries carry twelve thousand passengers",
        Some((Desk(4), M)),
    ),
    (
        "The mayor of Velmora stepped down after the audit report",
        Some((Desk(5), M)),
    ),
    (
        "Kestria's unemployment rate rose to 7 percent last year",
        Some((Desk(6), M)),
    ),
    (
        "Three coal power stations will be closed by the government by 2030",
        Some((Desk(7), M)),
    ),
    (
        "During the Tarnow protest police arrested 40 people",
        Some((Desk(8), M)),
    ),
    (
        "Dunmere's new hospital has three hundred beds",
        Some((Desk(9), M)),
    ),
    (
        "Zelensky turned down the proposal to hand over the eastern territories",
        Some((Desk(10), M)),
    ),
    (
        "The minimum wage rises to $15 an hour in January",
        Some((Desk(11), M)),
    ),
    (
        "The old stone bridge in Arvel was destroyed by the river flood",
        Some((Desk(12), M)),
    ),
    (
        "Schools in the northern province will remain closed for two weeks",
        Some((Desk(13), M)),
    ),
    (
        "The EU has banned steel imports from Kestria",
        Some((Desk(14), M)),
    ),
    (
        "A cyber attack shut down the ticket system of the national railway",
        Some((Desk(16), M)),
    ),
    (
        "Over the last five years rents in the capital have doubled",
        Some((Desk(18), M)),
    ),
    (
        "The vaccine trial tested 20,000 volunteers",
        Some((Desk(19), M)),
    ),
    (
        "The UK has sent 500 troops to the border mission",
        Some((Desk(21), M)),
    ),
    (
        "The United Kingdom sent 500 soldiers to the border mission",
        Some((Desk(21), M)),
    ),
    (
        "This summer wildfires burned 80,000 hectares of forest",
        Some((Desk(22), M)),
    ),
    (
        "Interest rates were raised to 5.25 percent by the central bank",
        Some((Desk(23), M)),
    ),
    (
        "The strike at the factory lasted for six days",
        Some((Desk(24), M)),
    ),
    (
        "Drinking coffee daily doubles the risk of heart disease",
        Some((Review(0), M)),
    ),
    ("Wind farms kill more birds than cars", Some((Review(2), M))),
    (
        "Kestria's parliament voted to quit the trade alliance",
        Some((Review(3), M)),
    ),
    (
        "The census counted 9.4 million people living in Norland",
        Some((Review(5), M)),
    ),
    (
        "5G masts caused the flu outbreak in Arvel",
        Some((Review(6), M)),
    ),
    // Misspellings, and a paraphrase with a distractor of the same words.
    (
        "The vacine was tested on 20,000 volunters",
        Some((Desk(19), M)),
    ),
    (
        "Zelenskyy rejected the proposal to hand over eastern territories",
        Some((Desk(10), M)),
    ),
    (
        "Unemployement in Kestria rose to 7 percent last year",
        Some((Desk(6), M)),
    ),
    (
        "Velmora's mayor quit over the audit report",
        Some((Desk(5), M)),
    ),
    (
        "Harbour ferries carry twelve thousand people every day",
        Some((Desk(4), M)),
    ),
    // Near misses: another number, place, date or a negation is at most a suggestion.
    ("Inflation fell to 3% in October", Some((Desk(1), S))),
    (
        "The city council approved a 6% increase in bus fares",
        Some((Desk(3), S)),
    ),
    (
        "The mayor of Tarnow resigned after the audit report",
        Some((Desk(5), S)),
    ),
    (
        "Unemployment in Kestria rose to nine percent last year",
        Some((Desk(6), S)),
    ),
    (
        "The government will close three coal power stations by 2035",
        Some((Desk(7), S)),
    ),
    (
        "Police arrested 400 people during the protest in Tarnow",
        Some((Desk(8), S)),
    ),
    (
        "Zelensky did not reject the proposal to hand over the eastern territories",
        Some((Desk(10), S)),
    ),
    (
        "The minimum wage will rise to 12 dollars an hour in January",
        Some((Desk(11), S)),
    ),
    (
        "Schools in the northern province will stay closed for three weeks",
        Some((Desk(13), S)),
    ),
    (
        "The vaccine was tested on 2,000 volunteers",
        Some((Desk(19), S)),
    ),
    (
        "The central bank raised interest rates to 5.5 percent",
        Some((Desk(23), S)),
    ),
    ("Tap water in Dunmere is safe to drink", Some((Desk(27), S))),
    (
        "The census counted 8.1 million residents in Norland",
        Some((Review(5), S)),
    ),
    (
        "Tuition fees at public universities will be abolished in 2029",
        Some((Review(7), S)),
    ),
    // Short claims: at most a suggestion.
    ("Inflation fell", Some((Desk(1), S))),
    ("Coal stations closing", Some((Desk(7), S))),
    // Unrelated: nothing.
    (
        "The orchestra performed a symphony at the opera house",
        None,
    ),
    (
        "Scientists discovered a species of frog in the rainforest",
        None,
    ),
    ("My neighbour painted his fence blue", None),
];

struct Fixture {
    _dir: tempfile::TempDir,
    ws: Workspace,
    desk: Vec<String>,
    reviews: Vec<String>,
}

impl Fixture {
    fn id(&self, to: To) -> &str {
        match to {
            Desk(i) => &self.desk[i],
            Review(i) => &self.reviews[i],
        }
    }
}

fn review_json() -> String {
    let items: Vec<serde_json::Value> = REVIEWS
        .iter()
        .enumerate()
        .map(|(i, (statement, headline, label))| {
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "@id": format!("https://checks.example/northern/{i}"),
                "url": format!("https://checks.example/northern/{i}"),
                "claimReviewed": statement,
                "headline": headline,
                "description": format!("Our check of the claim that {}.", statement.to_lowercase()),
                "author": {"@type": "Organization", "name": "Northern Fact Desk"},
                "reviewRating": {"@type": "Rating", "alternateName": label}
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

fn desk() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let desk = DESK
        .iter()
        .map(|s| {
            ws.claims()
                .add(NewClaim {
                    statement: (*s).into(),
                    ..Default::default()
                })
                .expect("add")
                .id
        })
        .collect();
    let reviews = import_claimreview(&ws, &review_json())
        .expect("import")
        .added;
    assert_eq!(reviews.len(), REVIEWS.len());
    Fixture {
        _dir: dir,
        ws,
        desk,
        reviews,
    }
}

#[test]
fn the_fixture_set_is_as_large_as_the_issue_asks() {
    assert!(DESK.len() + REVIEWS.len() >= 30);
    assert!(QUERIES.len() >= 40);
}

#[test]
fn every_query_lists_its_expected_first_claim_and_tier() {
    let d = desk();
    let mut wrong = Vec::new();
    for (query, expected) in QUERIES {
        let found = similar::similar(&d.ws, query, Some(5)).expect("similar");
        let first = found.claims.first();
        let ok = match (expected, first) {
            (None, None) => true,
            (Some((to, tier)), Some(c)) => c.id == d.id(*to) && c.tier == *tier,
            _ => false,
        };
        // The set holds no two claims that say the same: only the first may be a match.
        let ok = ok
            && found
                .claims
                .iter()
                .skip(1)
                .all(|c| c.tier == Tier::Suggestion);
        if !ok {
            wrong.push(format!(
                "{query:?}: expected {expected:?}, got {:?}",
                found
                    .claims
                    .iter()
                    .map(|c| (&c.statement, c.tier, c.score))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn an_imported_review_shows_its_publisher_url_and_verdict() {
    let d = desk();
    let found = similar::similar(
        &d.ws,
        "Drinking coffee daily doubles the risk of heart disease",
        None,
    )
    .expect("similar");
    let first = &found.claims[0];
    assert_eq!(first.verdict, "false");
    assert_eq!(
        first.origin,
        Origin::Claimreview {
            publisher: Some("Northern Fact Desk".into()),
            url: Some("https://checks.example/northern/0".into()),
        }
    );
    let desk_claim = similar::similar(
        &d.ws,
        "Police arrested 40 people during the Tarnow protest",
        None,
    )
    .expect("similar");
    assert_eq!(desk_claim.claims[0].origin, Origin::Workspace);
}

#[test]
fn why_names_the_shared_number_name_and_words() {
    let d = desk();
    let found = similar::similar(
        &d.ws,
        "Ukraine was given a Thanksgiving deadline by the US to accept the 28-point plan",
        None,
    )
    .expect("similar");
    let why = &found.claims[0].why;
    assert!(why.contains(&"number 28".to_string()), "{why:?}");
    assert!(why.contains(&"name Ukraine".to_string()), "{why:?}");
    assert!(
        why.iter()
            .any(|w| w.starts_with("words: ") && w.contains("deadline")),
        "{why:?}"
    );
    let near = similar::similar(&d.ws, "Inflation fell to 3% in October", None).expect("similar");
    assert!(
        near.claims[0]
            .why
            .contains(&"other number 2.1, not 3".to_string()),
        "{:?}",
        near.claims[0].why
    );
}

#[test]
fn the_claim_itself_is_left_out_of_its_similar_claims() {
    let d = desk();
    let found = similar::similar_to_claim(&d.ws, &d.desk[21], None).expect("similar");
    assert!(found.claims.iter().all(|c| c.id != d.desk[21]));
}

#[test]
fn a_deleted_claim_is_not_listed() {
    let d = desk();
    d.ws.claims().delete(&d.desk[24], None).expect("delete");
    let found = similar::similar(&d.ws, "The strike at the factory lasted for six days", None)
        .expect("similar");
    assert!(
        found.claims.iter().all(|c| c.id != d.desk[24]),
        "{:?}",
        found.claims
    );
}

#[test]
fn thresholds_are_workspace_settings() {
    let d = desk();
    let query = "The strike at the factory went on for six days";
    assert_eq!(
        similar::similar(&d.ws, query, None)
            .expect("similar")
            .claims[0]
            .tier,
        Tier::Match
    );
    d.ws.settings().set("match_threshold", "0.99").expect("set");
    assert_eq!(
        similar::similar(&d.ws, query, None)
            .expect("similar")
            .claims[0]
            .tier,
        Tier::Suggestion
    );
    d.ws.settings()
        .set("match_suggestion_threshold", "0.99")
        .expect("set");
    assert!(
        similar::similar(&d.ws, query, None)
            .expect("similar")
            .claims
            .is_empty()
    );
    let bad =
        d.ws.settings()
            .set("match_threshold", "high")
            .expect_err("not a number");
    assert!(bad.to_string().contains("score from 0 to 1"), "{bad}");
    assert_eq!(
        d.ws.settings().match_thresholds().expect("read").matching,
        0.99,
        "a refused value changes nothing"
    );
}

#[test]
fn bad_input_gets_a_clear_answer_never_an_error_from_sqlite() {
    let d = desk();
    for (text, says) in [
        ("", "no words"),
        ("   ", "no words"),
        ("inflation", "one word"),
        ("the of and was", "function words"),
        ("!!! ??? ...", "no words"),
        ("😀😀 🎉", "no words"),
    ] {
        let found = similar::similar(&d.ws, text, None).expect("no error");
        assert!(found.claims.is_empty(), "{text:?}: {:?}", found.claims);
        let notice = found.notice.unwrap_or_default();
        assert!(notice.contains(says), "{text:?}: {notice}");
    }
    let syntax_only = similar::similar(&d.ws, "\"OR\" AND NOT NEAR(", None).expect("no error");
    assert!(syntax_only.claims.is_empty(), "{:?}", syntax_only.claims);
    let other_script = similar::similar(
        &d.ws,
        "Инфляция снизилась до двух процентов в октябре",
        None,
    )
    .expect("no error");
    assert!(other_script.claims.is_empty(), "{:?}", other_script.claims);
    let fts_syntax = similar::similar(&d.ws, "inflation* NEAR(fell \"2.1\" -october ^col:x", None)
        .expect("no error");
    assert_eq!(fts_syntax.claims[0].id, d.desk[1]);
    let long = "inflation fell ".repeat(1_400);
    let refused = similar::similar(&d.ws, &long, None).expect_err("too long");
    assert!(refused.to_string().contains("shorten it"), "{refused}");
    let limit = similar::similar(&d.ws, "inflation fell in October", Some(0)).expect_err("limit 0");
    assert!(limit.to_string().contains("between 1 and 50"), "{limit}");
}

/// P@1 and MAP@5 of one ranking over the queries that have an expected claim.
fn quality(d: &Fixture, ranking: Ranking) -> (f64, f64) {
    let (mut p1, mut ap, mut n) = (0.0, 0.0, 0.0);
    for (query, expected) in QUERIES {
        let Some((to, _)) = expected else { continue };
        let ids = similar::ranked_ids(&d.ws, query, ranking, 5).expect("rank");
        let at = ids.iter().position(|id| id == d.id(*to));
        p1 += f64::from(u8::from(at == Some(0)));
        ap += at.map_or(0.0, |i| 1.0 / (i + 1) as f64);
        n += 1.0;
    }
    (p1 / n, ap / n)
}

#[test]
fn fused_ranking_is_at_least_as_good_as_either_part() {
    let d = desk();
    let bm25 = quality(&d, Ranking::Bm25);
    let trigrams = quality(&d, Ranking::Trigrams);
    let words = quality(&d, Ranking::Words);
    let fused = quality(&d, Ranking::Fused);
    for (query, _) in QUERIES {
        let found = similar::similar(&d.ws, query, Some(2)).expect("similar");
        let shown: Vec<_> = found
            .claims
            .iter()
            .map(|c| (c.score, c.tier, &c.statement))
            .collect();
        println!("{query:?} -> {shown:?}");
    }
    println!(
        "P@1 / MAP@5: bm25 {bm25:.3?}, trigrams {trigrams:.3?}, words {words:.3?}, fused {fused:.3?}"
    );
    assert!(
        fused.0 >= bm25.0 && fused.0 >= trigrams.0,
        "{bm25:?} {trigrams:?} {fused:?}"
    );
    assert!(fused.1 >= 0.95, "MAP@5 {fused:?}");
}

#[test]
fn an_imported_review_is_found_by_its_headline() {
    let d = desk();
    let found =
        similar::similar(&d.ws, "The villa in the photo is really a hotel", None).expect("similar");
    assert_eq!(found.claims[0].id, d.reviews[1], "{:?}", found.claims);
}

#[test]
fn duplicates_pairs_a_desk_claim_with_an_imported_review_saying_the_same() {
    let d = desk();
    assert!(
        claimdesk_core::search::duplicates(&d.ws)
            .expect("duplicates")
            .is_empty()
    );
    let copy =
        d.ws.claims()
            .add(NewClaim {
                statement: "Wind turbines kill more birds than cars".into(),
                ..Default::default()
            })
            .expect("add")
            .id;
    let pairs = claimdesk_core::search::duplicates(&d.ws).expect("duplicates");
    assert_eq!(pairs.len(), 1, "{pairs:#?}");
    assert_eq!(pairs[0].first.id, d.reviews[2], "the older claim first");
    assert_eq!(pairs[0].second.id, copy);
}

#[test]
fn merged_duplicates_that_rank_first_do_not_crowd_out_the_claims_that_stay() {
    // Forty copies of one claim merged into a keeper outrank every other claim
    // in the index; the keeper and the next claims must still be listed, as
    // many as asked for.
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let add = |s: &str| {
        ws.claims()
            .add(NewClaim {
                statement: s.into(),
                ..Default::default()
            })
            .expect("add")
            .id
    };
    let keeper = add("The harbour ferry fares in Velmora doubled in March");
    for _ in 0..40 {
        let copy = add("The harbour ferry fares in Velmora doubled in March");
        ws.claims().merge(&copy, &keeper, None).expect("merge");
    }
    let others: Vec<String> = [
        "The harbour ferry fares in Kestria doubled in May",
        "Ferry fares in the Velmora harbour rose in March",
        "The harbour bus fares in Velmora doubled last year",
    ]
    .iter()
    .map(|s| add(s))
    .collect();
    let found = similar::similar(
        &ws,
        "In March the harbour ferry fares doubled in Velmora",
        Some(4),
    )
    .expect("similar");
    let ids: Vec<&str> = found.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&keeper.as_str()), "{:?}", found.claims);
    for other in &others {
        assert!(
            ids.contains(&other.as_str()),
            "{other} is listed beside the keeper: {:?}",
            found.claims
        );
    }
}
