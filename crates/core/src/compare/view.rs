//! Owned, serialisable forms of a comparison, for the desktop app and for
//! `claimdesk compare --json`: every sentence carries both its byte offsets
//! and its code point offsets (the unit evidence selectors use), and in the
//! app each side says which source and version it is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date_chips::{DateChip, date_chips};

use super::{
    Comparison, DiffOp, Difference, DifferenceKind, Op, Pair, Row, VersionDiff, VersionSummary,
};
use crate::text::Sentence;

/// Which source and version one side of a comparison is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SideInfo {
    /// Full id of the source.
    pub source_id: String,
    /// The source's title.
    pub title: String,
    /// The outlet, e.g. "Northern Ledger".
    pub outlet: Option<String>,
    /// Number of the version compared.
    pub version: u32,
    /// How many versions the source has.
    pub version_count: u32,
    /// Publication day used to place relative dates ("Thursday").
    pub published_on: Option<NaiveDate>,
}

impl SideInfo {
    /// The outlet, or the title when the outlet is unknown.
    pub fn label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.title)
    }
}

/// One sentence with its place in its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SentenceView {
    /// Position of the sentence in its text, from 0.
    pub index: u32,
    /// The sentence itself, exactly as it stands in the version's text.
    pub text: String,
    /// Byte offsets into the version's text.
    pub start: u32,
    /// Byte offset just past the sentence's last byte (exclusive).
    pub end: u32,
    /// Code point offsets into the version's text (W3C TextPosition).
    pub cp_start: u32,
    /// Code point offset just past the sentence (exclusive): the `end` of an
    /// evidence selector that links the whole sentence.
    pub cp_end: u32,
}

/// One segment of a word diff from the left sentence to the right one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DiffSegment {
    /// Whether both sentences share the text, or only the left or the right has it.
    pub op: Op,
    /// The segment's text, characters and white space as written in its sentence.
    pub text: String,
}

/// A labelled difference between the two sentences of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DifferenceView {
    /// What differs: a quote, a number, a date, a name, or the wording.
    pub kind: DifferenceKind,
    /// The left wording ("" when the left says nothing of it).
    pub left: String,
    /// The right wording ("" when the right says nothing of it).
    pub right: String,
}

/// Two aligned sentences with their word diff and labelled differences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PairView {
    /// The left text's sentence.
    pub left: SentenceView,
    /// The right text's sentence.
    pub right: SentenceView,
    /// How strongly the two agree, 0..=1 (1 for identical sentences).
    pub score: f32,
    /// Word-level diff from the left sentence to the right one, in order:
    /// `equal` and `delete` segments give the left sentence, `equal` and
    /// `insert` the right one.
    pub diff: Vec<DiffSegment>,
    /// The differences, labelled by kind; empty when the two say the same.
    pub differences: Vec<DifferenceView>,
    /// In the app: the dates of the pair as its chips show them (the day each
    /// side resolves to, or the year two dates agree in); `None`, and left
    /// out, in `compare --json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<DateChip>>,
}

/// Two sides compared, owned and ready to send to the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ComparisonView {
    /// The left side's source and version: the first source asked for, the
    /// older version of an edit history, or the pivot among outlets.
    pub left: SideInfo,
    /// The right side's source and version: the second source, the newer
    /// version, or the outlet compared with the pivot.
    pub right: SideInfo,
    /// Aligned pairs, by left index then right index.
    pub pairs: Vec<PairView>,
    /// Sentences only the left side has, in order.
    pub left_only: Vec<SentenceView>,
    /// Sentences only the right side has, in order.
    pub right_only: Vec<SentenceView>,
    /// For two versions of one source: what changed, counted.
    pub versions: Option<VersionSummary>,
    /// The pairs and one-sided sentences in reading order.
    pub rows: Vec<Row>,
}

/// Several outlets each compared against a pivot: one comparison per other
/// outlet, the pivot always on the left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OutletsComparison {
    /// The source every other outlet is compared against, on the left of each comparison.
    pub pivot: SideInfo,
    /// One per other outlet, in the order they were given.
    pub outlets: Vec<ComparisonView>,
}

/// Maps byte offsets of one text to code point offsets: the count at every
/// [`STRIDE`]th byte, and the rest counted from there, so the table is small
/// (a full byte-by-byte table of a long text costs more to fill than to use).
pub(crate) struct CodePoints<'t> {
    text: &'t [u8],
    every: Vec<u32>,
}

/// Bytes between two stored counts.
const STRIDE: usize = 64;

/// Code points starting in `bytes` (UTF-8 continuation bytes are 0b10xxxxxx).
fn starts(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32
}

impl<'t> CodePoints<'t> {
    /// The table for `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        let text = text.as_bytes();
        let mut every = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut count = 0u32;
        for chunk in text.chunks(STRIDE) {
            every.push(count);
            count += starts(chunk);
        }
        if text.len().is_multiple_of(STRIDE) {
            every.push(count);
        }
        CodePoints { text, every }
    }

    /// The number of code points before byte `byte` (of the code point that
    /// holds it, inside one); 0 past the end.
    fn at(&self, byte: usize) -> u32 {
        if byte > self.text.len() {
            return 0;
        }
        let block = byte / STRIDE;
        let before = self.every[block] + starts(&self.text[block * STRIDE..byte]);
        let inside = self.text.get(byte).is_some_and(|&b| (b as i8) < -0x40);
        before - u32::from(inside)
    }

    pub(crate) fn sentence(&self, s: &Sentence<'_>) -> SentenceView {
        SentenceView {
            index: to_u32(s.index),
            text: s.text.to_string(),
            start: to_u32(s.start),
            end: to_u32(s.end),
            cp_start: self.at(s.start),
            cp_end: self.at(s.end),
        }
    }
}

/// Texts are stored well under 4 GiB; saturate rather than wrap if not.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn segment(op: &DiffOp<'_>) -> DiffSegment {
    DiffSegment {
        op: op.op,
        text: op.text.to_string(),
    }
}

fn difference(d: &Difference<'_>) -> DifferenceView {
    DifferenceView {
        kind: d.kind,
        left: d.left.to_string(),
        right: d.right.to_string(),
    }
}

fn pair(p: &Pair<'_>, left: &CodePoints<'_>, right: &CodePoints<'_>) -> PairView {
    PairView {
        left: left.sentence(&p.left),
        right: right.sentence(&p.right),
        score: p.score,
        diff: p.diff.iter().map(segment).collect(),
        differences: p.differences.iter().map(difference).collect(),
        dates: None,
    }
}

/// Two texts compared, owned, every sentence with its byte and its code point
/// offsets: what `claimdesk compare --json` prints (the fields of
/// [`Comparison`], or of [`VersionDiff`] with its `summary`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextsComparison {
    /// Aligned pairs, by left index then right index.
    pub pairs: Vec<PairView>,
    /// Sentences only the left text has, in order.
    pub left_only: Vec<SentenceView>,
    /// Sentences only the right text has, in order.
    pub right_only: Vec<SentenceView>,
    /// For two versions of one text: what changed, counted; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<VersionSummary>,
}

impl TextsComparison {
    /// The owned form of a comparison of `left_text` and `right_text`.
    pub fn of(c: &Comparison<'_>, left_text: &str, right_text: &str) -> Self {
        let lc = CodePoints::new(left_text);
        let rc = CodePoints::new(right_text);
        TextsComparison {
            pairs: c.pairs.iter().map(|p| pair(p, &lc, &rc)).collect(),
            left_only: c.left_only.iter().map(|s| lc.sentence(s)).collect(),
            right_only: c.right_only.iter().map(|s| rc.sentence(s)).collect(),
            summary: None,
        }
    }

    /// The owned form of two versions compared, `old` and `new` being their texts.
    pub fn of_versions(v: &VersionDiff<'_>, old: &str, new: &str) -> Self {
        TextsComparison {
            summary: Some(v.summary),
            ..TextsComparison::of(&v.comparison, old, new)
        }
    }
}

impl ComparisonView {
    /// Gives every pair its date chips (see [`DateChip`]); `this_year` is the
    /// latest year a "same day if" may name.
    pub fn add_date_chips(&mut self, this_year: i32) {
        let (left, right) = (self.left.published_on, self.right.published_on);
        for p in &mut self.pairs {
            p.dates = Some(date_chips(
                (&p.left.text, left),
                (&p.right.text, right),
                &p.differences,
                this_year,
            ));
        }
    }
}

/// The owned form of a two-sided comparison of `left_text` and `right_text`.
pub fn comparison_view(
    c: &Comparison<'_>,
    (left, left_text): (SideInfo, &str),
    (right, right_text): (SideInfo, &str),
    versions: Option<VersionSummary>,
) -> ComparisonView {
    let texts = TextsComparison::of(c, left_text, right_text);
    ComparisonView {
        left,
        right,
        pairs: texts.pairs,
        left_only: texts.left_only,
        right_only: texts.right_only,
        versions,
        rows: c.rows(),
    }
}

/// The owned form of comparisons against a pivot: `compared` holds one
/// comparison per outlet of `others` (each side and text), in the same order.
pub fn outlets_view(
    compared: &[Comparison<'_>],
    (pivot, pivot_text): (SideInfo, &str),
    others: Vec<(SideInfo, &str)>,
) -> OutletsComparison {
    let outlets = compared
        .iter()
        .zip(others)
        .map(|(c, other)| comparison_view(c, (pivot.clone(), pivot_text), other, None))
        .collect();
    OutletsComparison { pivot, outlets }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareOptions, compare_texts};

    fn side(id: &str) -> SideInfo {
        SideInfo {
            source_id: id.into(),
            title: id.into(),
            outlet: None,
            version: 1,
            version_count: 1,
            published_on: None,
        }
    }

    #[test]
    fn code_points_at_every_byte_match_counting_from_the_start() {
        // Multi-byte characters on both sides of the table's blocks, and a
        // text whose length is a whole number of blocks.
        for text in [
            "é".repeat(100) + "“quoted” 𝔘nicode — text",
            "a".repeat(STRIDE * 3),
            String::new(),
        ] {
            let points = CodePoints::new(&text);
            for byte in 0..=text.len() + 2 {
                let want = if byte > text.len() {
                    0
                } else {
                    // Characters that start before `byte`, less the one it is inside.
                    let started = text.char_indices().filter(|(i, _)| *i < byte).count();
                    (started - usize::from(!text.is_char_boundary(byte))) as u32
                };
                assert_eq!(points.at(byte), want, "byte {byte} of {text:?}");
            }
        }
    }

    #[test]
    fn code_point_offsets_count_characters_not_bytes() {
        let left = "Café owners met. Talks lasted five hours.";
        let right = "Café owners met. Talks lasted four hours.";
        let c = compare_texts(left, right, &CompareOptions::default());
        let v = comparison_view(&c, (side("a"), left), (side("b"), right), None);
        let talks = &v.pairs[1];
        assert_eq!(talks.left.start, 18, "bytes: é is two bytes");
        assert_eq!(talks.left.cp_start, 17, "code points: é is one");
        let chars: Vec<char> = left.chars().collect();
        let by_cp: String = chars[talks.left.cp_start as usize..talks.left.cp_end as usize]
            .iter()
            .collect();
        assert_eq!(by_cp, talks.left.text);
        assert_eq!(
            &left[talks.left.start as usize..talks.left.end as usize],
            talks.left.text
        );
    }
}
