//! Text handling: normalisation of stored text, segmentation, facts.

pub mod normalize;
