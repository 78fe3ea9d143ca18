//! Imported ClaimReviews, generated: the workload claim matching is measured
//! on (the `claim_matching` bench and the app's keystroke-to-suggestions
//! test). Each review states "<who> <did> <n> <what> in <where> <when>" with
//! a headline, a publisher and a rating, all invented from a seed, so the
//! same count makes the same reviews on every run.

use super::seeded::Rng;

/// The seed the bench and the app's timing test generate from.
pub const SEED: u64 = 0x00C1_A1E5;

/// A batch of generated reviews: the ClaimReview JSON-LD to import and the
/// statement of each review, in order.
#[derive(Debug, Clone)]
pub struct GeneratedReviews {
    /// A JSON array of `count` ClaimReview objects.
    pub json: String,
    /// `claimReviewed` of each review, in the array's order.
    pub statements: Vec<String>,
}

const WHO: &[&str] = &[
    "The government",
    "The city council",
    "The central bank",
    "The health ministry",
    "The mayor",
    "The opposition party",
    "The energy regulator",
    "The police",
    "The railway operator",
    "The school board",
    "The port authority",
    "The football league",
    "The national airline",
    "The water company",
    "The prime minister",
    "The finance minister",
];
const DID: &[&str] = &[
    "cut",
    "raised",
    "doubled",
    "banned",
    "approved",
    "cancelled",
    "closed",
    "opened",
    "spent",
    "hired",
    "sold",
    "imported",
    "delayed",
    "promised",
    "tested",
    "paid",
];
const WHAT: &[&str] = &[
    "bus fares",
    "hospital beds",
    "coal plants",
    "school meals",
    "steel imports",
    "ferry routes",
    "police stations",
    "pension payments",
    "wind farms",
    "teacher salaries",
    "rail tickets",
    "vaccine doses",
    "housing grants",
    "fuel taxes",
    "water prices",
    "border checks",
    "tuition fees",
    "farm subsidies",
    "bridge repairs",
    "library hours",
];
const WHERE: &[&str] = &[
    "Velmora", "Kestria", "Arvel", "Dunmere", "Tarnow", "Norland", "Orren", "Brask", "Calden",
    "Esterby", "Fallow", "Grint", "Hollin", "Ivel", "Jarrow", "Kell",
];
const WHEN: &[&str] = &[
    "last year",
    "in March",
    "this summer",
    "since January",
    "by 2030",
    "in October",
];

fn statement(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {} in {} {}",
        rng.pick(WHO),
        rng.pick(DID),
        rng.next() % 900 + 2,
        rng.pick(WHAT),
        rng.pick(WHERE),
        rng.pick(WHEN)
    )
}

/// `count` reviews from `seed`, published in turn by three invented desks
/// with the ratings False, Misleading and Verified.
pub fn generate(count: usize, seed: u64) -> GeneratedReviews {
    let mut rng = Rng::new(seed);
    let mut statements = Vec::with_capacity(count);
    let items: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            let s = statement(&mut rng);
            statements.push(s.clone());
            let publisher = ["Northern Fact Desk", "Coastal Checks", "Wire Verify"][i % 3];
            let label = ["False", "Misleading", "Verified"][i % 3];
            serde_json::json!({
                "@type": "ClaimReview",
                "@id": format!("https://checks.example/r/{i}"),
                "url": format!("https://checks.example/r/{i}"),
                "claimReviewed": s,
                "headline": format!("Did {}?", s.to_lowercase()),
                "description": "A generated review for the benchmark.",
                "author": {"name": publisher},
                "reviewRating": {"alternateName": label}
            })
        })
        .collect();
    GeneratedReviews {
        json: serde_json::Value::Array(items).to_string(),
        statements,
    }
}

/// A paraphrase of a generated statement, as a checker might type it: the
/// words moved round, in the passive ("In <where>, <n> <what> were <did> by
/// <who> <when>"). A statement of another shape comes back as it is.
pub fn paraphrase(statement: &str) -> String {
    let words: Vec<&str> = statement.split(' ').collect();
    let number = words.iter().position(|w| w.parse::<u32>().is_ok());
    let place = words.iter().position(|w| *w == "in");
    let (Some(at), Some(place)) = (number, place) else {
        return statement.to_string();
    };
    if at < 2 || place <= at || place + 1 >= words.len() {
        return statement.to_string();
    }
    format!(
        "In {}, {} were {} by {} {}",
        words[place + 1],
        words[at..place].join(" "),
        words[at - 1],
        words[..at - 1].join(" ").to_lowercase(),
        words[place + 2..].join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_makes_the_same_reviews() {
        let a = generate(50, SEED);
        let b = generate(50, SEED);
        assert_eq!(a.json, b.json);
        assert_eq!(a.statements.len(), 50);
        assert_ne!(a.statements[0], a.statements[1]);
    }

    #[test]
    fn a_paraphrase_moves_the_words_round() {
        assert_eq!(
            paraphrase("The city council cut 40 bus fares in Velmora last year"),
            "In Velmora, 40 bus fares were cut by the city council last year"
        );
        assert_eq!(paraphrase("no shape here"), "no shape here");
        assert_eq!(paraphrase("in 3"), "in 3");
    }
}
