//! A failed sync or server command as the CLI's one error type.

use claimdesk_core::Error;
use claimdesk_core::error::Failure;
use claimdesk_sync::SyncError;

/// Offline is a failure of the world (`Io`), a refusal is input to fix.
pub fn to_error(err: SyncError) -> Error {
    match err {
        SyncError::Offline(message) => Error::Io(Failure::new(message, None)),
        SyncError::Refused(message) => Error::Invalid(message),
        SyncError::Workspace(e) => e,
    }
}
