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

pub mod anchor;
pub mod bundle;
pub mod compare;
pub mod error;
pub mod ids;
pub mod ingest;
pub mod model;
pub mod report;
pub mod sample;
pub mod store;
pub mod text;
pub mod web_address;
mod workspace;

pub use error::{Error, ErrorKind, Result};
pub use workspace::{Workspace, default_path};
