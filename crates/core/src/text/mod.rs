//! Text handling: the normalised form stored texts take (and the cleanup that
//! brings extracted text to it), sentences with byte offsets, word tokens and
//! the facts (numbers, dates, quotations, names) a sentence states.

pub mod facts;
mod inline_lists;
pub mod normalise;
mod segment;
pub mod tokens;

pub use segment::{Sentence, segment};
