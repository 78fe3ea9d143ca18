#![warn(missing_docs)]

//! Claimdesk's domain: claims, sources, evidence, comparison and reports,
//! kept in one SQLite workspace file.
//!
//! ```
//! use claimdesk_core::{Workspace, model::NewClaim};
//! let dir = tempfile::tempdir().unwrap();
//! let ws = Workspace::create(dir.path().join("desk.sqlite")).unwrap();
//! let claim = ws.claims().add(NewClaim { statement: "The meeting was cancelled".into(), ..Default::default() }).unwrap();
//! assert_eq!(claim.verdict, "unverified");
//! ```

/// W3C selectors for a passage, and finding it again in a text.
pub mod anchor;
/// Sentence alignment, inline word diffs and labelled differences between texts.
pub mod compare;
/// The one error type and its stable kinds.
pub mod error;
/// Between desks: bundles out and in, other fact-checkers' ClaimReviews in.
pub mod exchange;
/// UUID v7 ids and the short prefixes people type.
pub mod ids;
/// Capture: text, Markdown, HTML, PDF and URLs into normalised text and metadata.
pub mod ingest;
/// How much one piece of input may hold; over a limit it is refused whole.
pub mod limits;
/// The domain's nouns: claims, verdicts, sources, versions, evidence, history.
pub mod model;
/// Who said what: quotations, their speakers, the same statement across sources, check-worthy sentences.
pub mod quotes;
/// Reports out: Markdown, HTML, CSV, JSON and ClaimReview JSON-LD.
pub mod report;
/// A sample story of two invented outlets, to explore an empty workspace.
pub mod sample;
/// Saving an export (a report or a bundle) to a file: whole or not at all, never over the workspace.
pub mod save;
/// Search over every source's passages and every claim (FTS5), and evidence suggestions.
pub mod search;
/// Which claims a report or bundle covers.
pub mod selection;
/// SQLite storage: migrations and one file per table family.
pub mod store;
/// A shared desk: the change feed that travels to a server and back.
pub mod sync;
/// Normalised text, tokens, sentences and the facts a sentence states.
pub mod text;
/// The story's timeline: dated expressions on one calendar, merged across outlets, with conflicts.
pub mod timeline;
/// Checks that a text is a web address (http or https) a source or setting may hold.
pub mod web_address;
/// The open workspace file and the handles on its tables.
mod workspace;

pub use error::{Error, ErrorKind, Failure, Result};
pub use workspace::{Workspace, default_path};
