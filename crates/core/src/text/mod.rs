//! Text analysis for comparison: sentences with byte offsets, word tokens and
//! the facts (numbers, dates, quotations, names) a sentence states.

pub mod facts;
mod segment;
pub mod tokens;

pub use segment::{Sentence, segment};
