//! A time-bounded fuzz loop on the stable toolchain: proptest feeds each target
//! bytes made from its seed corpus (mutated) and from scratch, catches any panic
//! and shrinks the input that caused it to a small one for a regression test.
//!
//! `CLAIMDESK_FUZZ_SECONDS` sets how long each target runs (default 3, the
//! short form the test command runs); a long run sets it to minutes.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestError, TestRunner};

/// Seconds each target runs unless `CLAIMDESK_FUZZ_SECONDS` says otherwise.
const DEFAULT_SECONDS: f64 = 3.0;

/// Cases per proptest run; the loop runs batches until the time is up.
const BATCH: u32 = 16;

/// Fragments worth splicing into any input: markup, JSON, dates, quote marks,
/// the characters that have tripped text code before (combining marks,
/// zero-width and bidi controls, astral code points, CR).
const DICTIONARY: &[&str] = &[
    "<",
    ">",
    "</",
    "<p>",
    "</p>",
    "<script>",
    "</script>",
    "<article>",
    "<meta charset=\"",
    "\">",
    "<!--",
    "-->",
    "&amp;",
    "&#x",
    ";",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "—",
    "–",
    "-",
    ".",
    "?",
    "!",
    "…",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "@type",
    "\"ClaimReview\"",
    "null",
    "1e308",
    "-0",
    "Mr.",
    "U.S.",
    "3.5",
    "12%",
    "1 April",
    "2025-12-03",
    "Thanksgiving",
    "Monday",
    "next week",
    "\u{200B}",
    "\u{200D}",
    "\u{202E}",
    "\u{2066}",
    "\u{FEFF}",
    "\u{0301}",
    "e\u{0301}",
    "\u{1F600}",
    "\u{FFFD}",
    "\0",
    "%PDF-1.5\n",
    "obj",
    "endobj",
    "stream\n",
    "endstream",
    "xref",
    "trailer",
    "<<",
    ">>",
    "/Type",
    "# ",
    "* ",
    "```",
    "[a](javascript:x)",
    "{{ 7*7 }}",
    "=cmd|",
    "ÿþ",
];

/// Runs `target` on generated inputs for the configured time and fails the
/// test, naming the smallest input found, if any input makes it panic.
pub fn fuzz(name: &str, seeds: Vec<Vec<u8>>, target: impl Fn(&[u8])) {
    let budget = Duration::from_secs_f64(seconds());
    let inputs = input_strategy(seeds);
    let config = Config {
        cases: BATCH,
        failure_persistence: None,
        // Shrinking a slow target's input can take long; a few hundred steps find a small one.
        max_shrink_iters: 512,
        ..Config::default()
    };
    let started = Instant::now();
    let mut cases: u64 = 0;
    while cases == 0 || started.elapsed() < budget {
        // A runner counts its successes for good, so each batch gets a fresh
        // one (with fresh random seeds).
        let mut runner = TestRunner::new(config.clone());
        match runner.run(&inputs, |input| {
            target(&input);
            Ok(())
        }) {
            Ok(()) => cases += u64::from(BATCH),
            Err(TestError::Fail(why, input)) => panic!(
                "fuzz {name}: panicked after {cases} cases ({why}) on input {:?}",
                String::from_utf8_lossy(&input)
            ),
            Err(TestError::Abort(why)) => panic!("fuzz {name}: aborted: {why}"),
        }
    }
    println!(
        "fuzz {name}: {cases} cases in {:.1} s, 0 panics",
        started.elapsed().as_secs_f64()
    );
}

fn seconds() -> f64 {
    std::env::var("CLAIMDESK_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .unwrap_or(DEFAULT_SECONDS)
}

/// Half the inputs are a seed with a few edits, the rest are built from
/// dictionary fragments and random bytes.
fn input_strategy(seeds: Vec<Vec<u8>>) -> BoxedStrategy<Vec<u8>> {
    let from_scratch = prop::collection::vec(piece(), 0..64).prop_map(|pieces| pieces.concat());
    if seeds.is_empty() {
        return from_scratch.boxed();
    }
    let mutated = (
        prop::sample::select(seeds),
        prop::collection::vec(edit(), 1..8),
    )
        .prop_map(|(seed, edits)| edits.iter().fold(seed, |bytes, e| e.apply(bytes)));
    prop_oneof![mutated, from_scratch].boxed()
}

/// A dictionary fragment or a few random bytes.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::sample::select(DICTIONARY).prop_map(|s| s.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 1..8),
        any::<char>().prop_map(|c| c.to_string().into_bytes()),
    ]
}

/// One change to a seed; positions are fractions of its length so they fit any seed.
#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, Vec<u8>),
    Delete(f64, f64),
    Duplicate(f64, f64),
    Truncate(f64),
    FlipByte(f64, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), piece()).prop_map(|(a, p)| Edit::Insert(a, p)),
        (at.clone(), at.clone()).prop_map(|(a, b)| Edit::Delete(a, b)),
        (at.clone(), at.clone()).prop_map(|(a, b)| Edit::Duplicate(a, b)),
        at.clone().prop_map(Edit::Truncate),
        (at, any::<u8>()).prop_map(|(a, b)| Edit::FlipByte(a, b)),
    ]
}

impl Edit {
    fn apply(&self, mut bytes: Vec<u8>) -> Vec<u8> {
        let pos = |f: f64, len: usize| ((len as f64) * f) as usize;
        let len = bytes.len();
        match self {
            Edit::Insert(a, piece) => {
                let at = pos(*a, len);
                bytes.splice(at..at, piece.iter().copied());
            }
            Edit::Delete(a, b) => {
                let start = pos(*a, len);
                let end = (start + pos(*b * 0.1, len) + 1).min(len);
                bytes.drain(start..end);
            }
            Edit::Duplicate(a, b) => {
                let start = pos(*a, len);
                let end = (start + pos(*b * 0.1, len) + 1).min(len);
                let copy = bytes[start..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Edit::Truncate(a) => bytes.truncate(pos(*a, len)),
            Edit::FlipByte(a, b) => {
                if let Some(byte) = bytes.get_mut(pos(*a, len)) {
                    *byte ^= b | 1;
                }
            }
        }
        bytes
    }
}

/// Splits one input in two at its first NUL byte (or in the middle), for
/// targets that take two texts.
pub fn two_texts(bytes: &[u8]) -> (String, String) {
    let at = bytes
        .iter()
        .position(|&b| b == 0)
        .unwrap_or(bytes.len() / 2);
    let (left, right) = bytes.split_at(at);
    let right = right.strip_prefix(b"\0").unwrap_or(right);
    (
        String::from_utf8_lossy(left).into_owned(),
        String::from_utf8_lossy(right).into_owned(),
    )
}

/// Joins two texts the way [`two_texts`] splits them, to seed two-text targets.
pub fn joined(left: &[u8], right: &[u8]) -> Vec<u8> {
    [left, b"\0", right].concat()
}
