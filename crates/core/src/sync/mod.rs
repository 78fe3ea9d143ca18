//! A shared desk: this workspace's changes as a feed that travels to a
//! server and back, and the rules for applying other desks' changes.
//!
//! The server side lives in its own crate (`claimdesk-sync`); core knows no
//! database client, only the [`Change`] documents that travel. Every write
//! to a table that travels lands in the feed by a trigger (schema V10);
//! [`outgoing`] turns what `server` has not had yet into one [`Change`] per
//! thing, [`mark_sent`] records what it took, and [`apply_incoming`] applies
//! what the server hands out, in one transaction, by the bundle import's
//! merge rules (with claims both desks changed merged field by field).

mod apply;
mod change;
mod claim_rule;
mod cursors;
mod documents;
mod entity;
mod outgoing;
mod quiet;
pub mod settings;

pub use apply::{Applied, apply_incoming};
pub use change::{Change, Received};
pub use cursors::{cursor, mark_sent, pending};
pub use outgoing::{Outgoing, outgoing};
