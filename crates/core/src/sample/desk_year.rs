//! A year of a desk's work, generated: the workload every speed target is
//! measured on. 10,000 claims (tags, verdicts, 3–10 history rows of edits
//! each), 2,000 sources of about 800 words with 1–3 versions each, and 20,000
//! passages of evidence, all invented from a seed, so every run of the same
//! size makes the same words.
//!
//! Everything is written through the store's own steps (a capture, a new
//! claim, a verdict, a linked passage), so the rows, the search index, the
//! history and the dates facts are what a person's work leaves; it is one
//! transaction, so a year takes seconds rather than minutes.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{NewClaim, NewSource, PassagePick, SourceVersion, Stance};
use crate::store::{claims, evidence, scale, sources};
use crate::workspace::Workspace;

use super::seeded::Rng;

/// How much a generated desk holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeskSize {
    /// Claims, each with 3–10 history rows of its own edits and verdicts.
    pub claims: usize,
    /// Sources of about 800 words, each with 1–3 versions.
    pub sources: usize,
    /// Passages of evidence, spread over the claims (every claim at a
    /// multiple of [`BUSY_EVERY`] holds [`BUSY_PASSAGES`] of them).
    pub passages: usize,
    /// The seed of the words and choices.
    pub seed: u64,
}

impl DeskSize {
    /// A desk after a year: the size the targets name.
    pub const YEAR: DeskSize = DeskSize {
        claims: 10_000,
        sources: 2_000,
        passages: 20_000,
        seed: 0xDE5C_2025,
    };
}

/// Every claim whose index is a multiple of this one is a busy claim.
pub const BUSY_EVERY: usize = 500;
/// Passages a busy claim holds.
pub const BUSY_PASSAGES: usize = 20;
/// History rows of edits and verdicts a busy claim holds (each linked passage
/// adds one more, as the store records every link).
pub const BUSY_HISTORY: usize = 10;

/// What a generated desk holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeskSummary {
    /// Claims added.
    pub claims: u32,
    /// Sources added.
    pub sources: u32,
    /// Source versions stored (1–3 per source).
    pub versions: u32,
    /// Passages of evidence linked.
    pub evidence: u32,
    /// History rows written, those of the linked passages included.
    pub history: u32,
}

/// Fills an empty workspace with a generated desk of `size`, in one
/// transaction: a failure leaves the workspace empty. Refuses a workspace
/// that already holds claims or sources.
pub fn fill(ws: &Workspace, size: DeskSize) -> Result<DeskSummary> {
    super::refuse_unless_empty(ws)?;
    if size.sources == 0 && size.passages > 0 {
        return Err(Error::invalid(
            "passages need sources to quote; ask for at least one source",
        ));
    }
    // Every busy claim holds its passages whatever the size asks for, so
    // fewer passages could never add up (the spreading would run forever).
    let busy = size.claims.div_ceil(BUSY_EVERY);
    let least = busy * BUSY_PASSAGES;
    if size.passages < least {
        return Err(Error::invalid(format!(
            "{} claims need at least {least} passages ({BUSY_PASSAGES} for each of their {busy} busy claims); ask for more passages or fewer claims",
            size.claims
        )));
    }
    let actor = ws.actor().to_string();
    let mut rng = Rng::new(size.seed);
    ws.write(|conn| {
        let mut summary = DeskSummary {
            claims: 0,
            sources: 0,
            versions: 0,
            evidence: 0,
            history: 0,
        };
        let mut latest: Vec<SourceVersion> = Vec::with_capacity(size.sources);
        for i in 0..size.sources {
            let mut text = article(&mut rng, i);
            let versions = 1 + rng.below(3);
            let mut added = None;
            for v in 1..=versions {
                if v > 1 {
                    text = revise(&mut rng, &text, v);
                }
                added = Some(sources::add_in(conn, new_source(i, &text))?);
                summary.versions += 1;
            }
            if let Some(added) = added {
                latest.push(added.version);
            }
            summary.sources += 1;
        }

        let verdicts: Vec<String> = scale::list(conn)?.into_iter().map(|v| v.key).collect();
        let passages = passage_counts(&mut rng, size);
        for (i, &count) in passages.iter().enumerate() {
            let claim = claims::insert(conn, &actor, &new_claim(&mut rng, i), None)?;
            let rows = if i.is_multiple_of(BUSY_EVERY) {
                BUSY_HISTORY
            } else {
                3 + rng.below(8)
            };
            // The created row, verdict changes, and a last verdict with its
            // rationale (two rows): `rows` in all.
            let mut current = claim.verdict.clone();
            for _ in 0..rows - 3 {
                let next = other_verdict(&mut rng, &verdicts, &current);
                claims::apply_verdict(conn, &claim.id, &actor, &next, None, None)?;
                current = next;
            }
            let last = other_verdict(&mut rng, &verdicts, &current);
            let why = rationale(&mut rng);
            claims::apply_verdict(conn, &claim.id, &actor, &last, Some(&why), None)?;
            summary.history += rows as u32;
            for _ in 0..count {
                let version = &latest[rng.below(latest.len())];
                let pick = passage_in(&mut rng, version);
                let found = evidence::anchor_pick(version, &pick, "the generated passage")?;
                evidence::insert_anchored(
                    conn,
                    &actor,
                    &claim.id,
                    version,
                    &found,
                    pick.stance,
                    None,
                )?;
                summary.evidence += 1;
                summary.history += 1;
            }
            summary.claims += 1;
        }
        Ok(summary)
    })
}

/// How many passages each claim gets: busy claims [`BUSY_PASSAGES`], the
/// rest 0–4, nudged so the total is exactly `size.passages`.
fn passage_counts(rng: &mut Rng, size: DeskSize) -> Vec<usize> {
    let busy = |i: usize| i.is_multiple_of(BUSY_EVERY);
    let mut counts: Vec<usize> = (0..size.claims)
        .map(|i| if busy(i) { BUSY_PASSAGES } else { rng.below(5) })
        .collect();
    let others = (0..size.claims).filter(|&i| !busy(i)).count();
    let mut total: usize = counts.iter().sum();
    // Each nudge moves a random ordinary claim one passage towards the total.
    while total != size.passages && others > 0 {
        let i = rng.below(size.claims);
        if busy(i) {
            continue;
        }
        if total < size.passages {
            counts[i] += 1;
            total += 1;
        } else if counts[i] > 0 {
            counts[i] -= 1;
            total -= 1;
        }
    }
    counts
}

fn other_verdict(rng: &mut Rng, verdicts: &[String], current: &str) -> String {
    loop {
        let v = &verdicts[rng.below(verdicts.len())];
        if v != current || verdicts.len() < 2 {
            return v.clone();
        }
    }
}

/// An invented word; frequent ranks are short, as in prose.
fn word(rng: &mut Rng) -> String {
    const SYLLABLES: [&str; 20] = [
        "bar", "ten", "lo", "mis", "ka", "dren", "vo", "sul", "pe", "tor", "an", "qui", "mel",
        "ros", "di", "fa", "nor", "ete", "ul", "gra",
    ];
    let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    let mut rank = (u * u * u * 4_000.0) as usize + 20;
    let mut w = String::new();
    while rank > 0 {
        w.push_str(SYLLABLES[rank % 20]);
        rank /= 20;
    }
    w
}

const GLUE: [&str; 16] = [
    "the", "of", "and", "to", "in", "a", "said", "that", "on", "for", "was", "with", "by", "at",
    "its", "after",
];
const NUMBERS: [&str; 8] = [
    "two",
    "three",
    "four",
    "five",
    "twelve",
    "forty",
    "1,200",
    "18 percent",
];
const OUTLETS: [&str; 6] = [
    "Northern Ledger",
    "Coastal Courier",
    "Evening Lantern",
    "Valley Wire",
    "Harbour Post",
    "Upland Gazette",
];
const PEOPLE: [&str; 12] = [
    "Ada Pryce",
    "Ben Okafor",
    "Ilse Varga",
    "Tomas Brink",
    "Mira Solberg",
    "Jonah Eze",
    "Petra Lind",
    "Omar Castell",
    "Rhea Moss",
    "Ivo Danek",
    "Lena Hart",
    "Sami Quill",
];
const TAGS: [&str; 24] = [
    "ferry",
    "budget",
    "housing",
    "schools",
    "health",
    "transport",
    "water",
    "energy",
    "police",
    "courts",
    "election",
    "taxes",
    "jobs",
    "harbour",
    "weather",
    "farming",
    "tourism",
    "roads",
    "rail",
    "pay",
    "deadline",
    "meeting",
    "numbers",
    "quotes",
];

/// One sentence of 12–28 words: invented words among common ones.
fn sentence(rng: &mut Rng) -> String {
    let len = 12 + rng.below(17);
    let mut words = Vec::with_capacity(len);
    while words.len() < len {
        match rng.below(10) {
            0..=3 => words.push(rng.pick(&GLUE).to_string()),
            4 if words.len() + 2 < len => {
                words.push(rng.pick(&NUMBERS).to_string());
                words.push(word(rng));
            }
            _ => words.push(word(rng)),
        }
    }
    let mut s = words.join(" ");
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s.push('.');
    s
}

/// An article of about 800 words in paragraphs of 2–5 sentences.
fn article(rng: &mut Rng, i: usize) -> String {
    let mut text = String::new();
    let mut words = 0;
    let mut paragraph = 0;
    while words < 800 {
        let n = 2 + rng.below(4);
        let mut sentences = Vec::with_capacity(n);
        for _ in 0..n {
            let s = sentence(rng);
            words += s.split(' ').count();
            sentences.push(s);
        }
        if paragraph == 0 {
            sentences.insert(0, format!("Report {i} from {}.", rng.pick(&PEOPLE)));
        }
        text.push_str(&sentences.join(" "));
        text.push_str("\n\n");
        paragraph += 1;
    }
    text
}

/// The next version of an article: a few sentences rewritten and a line
/// saying it was updated.
fn revise(rng: &mut Rng, text: &str, version: usize) -> String {
    let mut paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    for _ in 0..3 {
        let p = rng.below(paragraphs.len().saturating_sub(1).max(1));
        let mut sentences: Vec<String> = paragraphs[p].split(". ").map(str::to_string).collect();
        let s = rng.below(sentences.len());
        sentences[s] = sentence(rng).trim_end_matches('.').to_string();
        paragraphs[p] = sentences.join(". ");
    }
    let mut out = paragraphs.join("\n\n");
    out.push_str(&format!("This article was updated (version {version}).\n"));
    out
}

fn new_source(i: usize, text: &str) -> NewSource {
    NewSource {
        title: format!("Report {i}: {}", text.split(' ').nth(3).unwrap_or("news")),
        outlet: Some(OUTLETS[i % OUTLETS.len()].into()),
        authors: vec![PEOPLE[i % PEOPLE.len()].into()],
        url: Some(format!("https://news.example/desk/{i}")),
        published_on: day(i),
        language: Some("en".into()),
        text: text.to_string(),
        ..Default::default()
    }
}

/// A day of the year the desk worked through.
fn day(n: usize) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 1, 1)?.checked_add_days(Days::new((n % 365) as u64))
}

fn new_claim(rng: &mut Rng, i: usize) -> NewClaim {
    let statement = match rng.below(4) {
        0 => format!(
            "The {} {} lasted {} hours near {}",
            word(rng),
            rng.pick(&["talks", "strike", "meeting", "hearing"]),
            rng.pick(&NUMBERS),
            word(rng)
        ),
        1 => format!(
            "{} said the {} budget rose by {} in {}",
            rng.pick(&PEOPLE),
            word(rng),
            rng.pick(&NUMBERS),
            word(rng)
        ),
        2 => format!(
            "The {} council cancelled the {} vote on {}",
            word(rng),
            word(rng),
            word(rng)
        ),
        _ => format!(
            "{} {} families lost {} after the {} decision",
            rng.pick(&NUMBERS),
            word(rng),
            word(rng),
            word(rng)
        ),
    };
    let tags = (0..rng.below(4))
        .map(|_| rng.pick(&TAGS).to_string())
        .collect();
    NewClaim {
        statement: format!("{statement} (claim {i})"),
        claimant: (rng.below(7) > 0).then(|| rng.pick(&PEOPLE).to_string()),
        claimed_on: if rng.below(10) == 0 {
            None
        } else {
            day(rng.below(365))
        },
        tags,
        ..Default::default()
    }
}

fn rationale(rng: &mut Rng) -> String {
    format!(
        "{} Checked against {} sources.",
        sentence(rng),
        rng.pick(&NUMBERS)
    )
}

/// A passage of 6–14 words starting at a word of the version's text.
fn passage_in(rng: &mut Rng, version: &SourceVersion) -> PassagePick {
    let text = &version.text;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices(' ').map(|(at, _)| at + 1))
        .collect();
    let first = rng.below(starts.len().saturating_sub(15).max(1));
    let last = (first + 6 + rng.below(9)).min(starts.len() - 1);
    // Generated texts are ASCII, so byte offsets are code point offsets.
    let start = starts[first];
    let end = (starts[last] - 1).max(start + 1);
    PassagePick {
        source: version.source_id.clone(),
        version: version.number,
        start: start as u32,
        end: end as u32,
        stance: [Stance::Supports, Stance::Disputes, Stance::Context][rng.below(3)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_writes_the_same_words() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(article(&mut a, 1), article(&mut b, 1));
        let words = article(&mut Rng::new(7), 1).split_whitespace().count();
        assert!((800..900).contains(&words), "{words} words");
    }

    #[test]
    fn passages_add_up_to_the_size_asked_for() {
        let size = DeskSize {
            claims: 1_200,
            sources: 10,
            passages: 2_000,
            seed: 3,
        };
        let counts = passage_counts(&mut Rng::new(3), size);
        assert_eq!(counts.iter().sum::<usize>(), 2_000);
        assert_eq!(counts[0], BUSY_PASSAGES);
        assert_eq!(counts[BUSY_EVERY], BUSY_PASSAGES);
    }
}
