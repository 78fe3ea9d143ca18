//! A shared desk: this workspace's changes as a feed that travels to a
//! server and back, and the rules for applying other desks' changes.
//!
//! The server side lives in its own crate (`claimdesk-sync`); core knows no
//! database client, only the [`Change`] documents that travel.

mod change;
pub mod settings;

pub use change::{Change, Received};
