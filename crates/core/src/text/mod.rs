//! Text handling: the normalised form stored texts take (and the cleanup that
//! brings extracted text to it), sentences with byte offsets, word tokens and
//! the facts (numbers, dates, quotations, names) a sentence states.

pub mod facts;
pub mod normalise;
mod segment;
pub mod tokens;

/// The stored form under its earlier name, for code written against
/// `text::normalize`; new code uses [`normalise`](mod@normalise).
pub mod normalize {
    pub use super::normalise::normalise as normalize;
    pub use super::normalise::sha256_hex;
}

pub use segment::{Sentence, segment};
