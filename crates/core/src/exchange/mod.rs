//! What passes between desks: bundles (a workspace, or part of it, out and
//! back in) and other fact-checkers' ClaimReview JSON-LD coming in. Reports,
//! which only go out, are in [`crate::report`].

pub mod bundle;
mod claimreview_import;

pub use claimreview_import::{ClaimReviewImport, IMPORTED_TAG, UNMAPPED_TAG, import_claimreview};
