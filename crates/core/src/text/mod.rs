//! Text handling: the normalised form stored texts take, sentences with byte
//! offsets, word tokens and the facts (numbers, dates, quotations, names) a
//! sentence states.

pub mod facts;
pub mod normalize;
mod segment;
pub mod tokens;

pub use segment::{Sentence, segment};
