//! One change as it travels between desks.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A change of one thing in a workspace (a claim, a source, a passage …),
/// carrying the thing as it stood after the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The change's own id (UUID v7 text): a server stores each id once, so a
    /// push that is retried never stores a change twice.
    pub id: String,
    /// What changed: `claim`, `source`, `evidence`, `scale`, `settings`,
    /// `merge`, … (the core decides; the server stores it as given).
    pub entity: String,
    /// The id of the thing that changed (a claim's id for `claim`).
    pub entity_id: String,
    /// Who made the change: the workspace's actor.
    pub actor: String,
    /// When the change was made (UTC).
    pub at: DateTime<Utc>,
    /// The thing as it stood after the change; its shape is the core's business.
    pub payload: serde_json::Value,
}

/// A change as a server handed it out: with the position the server gave it
/// when it accepted it, which a desk pulls by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Received {
    /// The server's sequence number for the change, increasing in the order
    /// the server accepted changes.
    pub seq: i64,
    /// The change itself.
    pub change: Change,
}
