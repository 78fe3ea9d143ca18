//! The background sync's way to the server: the shared desk's PostgreSQL
//! side (`claimdesk-sync`), with the login from the environment or
//! `~/.pgpass`, its failures sorted into what the status bar shows.

use claimdesk_core::Workspace;
use claimdesk_sync::{ServerAddress, SyncError};

use crate::sync_worker::{DeskLink, Outcome};

/// Syncs through a real PostgreSQL server.
pub struct PostgresDesk;

impl DeskLink for PostgresDesk {
    fn sync(&self, ws: &Workspace, server: &str, desk: &str) -> Outcome {
        match claimdesk_sync::sync_once(ws, server, desk) {
            Ok(report) => Outcome::Synced {
                received: report.received,
                pending: report.pending,
            },
            Err(SyncError::Offline(message)) => Outcome::Offline(message),
            Err(SyncError::Refused(message)) => Outcome::Refused(message),
            Err(SyncError::Workspace(e)) => Outcome::Failed(e.to_string()),
        }
    }

    fn pending(&self, ws: &Workspace, server: &str, desk: &str) -> claimdesk_core::Result<u64> {
        // An address the server side refuses has nothing queued under it;
        // the next sync says what is wrong with it.
        match ServerAddress::parse(server) {
            Ok(address) => claimdesk_core::sync::pending(ws, &address.key(desk)),
            Err(_) => Ok(0),
        }
    }
}
