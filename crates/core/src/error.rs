//! The one error type of the core. Every user-reachable failure is a variant
//! here with a message that says what to fix.

use serde::Serialize;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Nothing with that id (or id prefix) exists.
    #[error("{0}")]
    NotFound(String),
    /// The input cannot be accepted as given; the message says what to fix.
    #[error("{0}")]
    Invalid(String),
    /// The request clashes with what is stored (an ambiguous id prefix, a duplicate).
    #[error("{0}")]
    Conflict(String),
    /// The file exists but is not a Claimdesk workspace.
    #[error("{0}")]
    NotAWorkspace(String),
    /// SQLite failed.
    #[error("storage: {0}")]
    Storage(#[from] rusqlite::Error),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(String),
}

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The kind of an error as a stable snake_case word, for the UI and scripts.
/// It crosses IPC as a generated TypeScript union, so the window can match on
/// it without string typos.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// See [`Error::NotFound`].
    NotFound,
    /// See [`Error::Invalid`].
    Invalid,
    /// See [`Error::Conflict`].
    Conflict,
    /// See [`Error::NotAWorkspace`].
    NotAWorkspace,
    /// See [`Error::Storage`].
    Storage,
    /// See [`Error::Io`].
    Io,
}

impl Error {
    /// The stable kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Invalid(_) => ErrorKind::Invalid,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::NotAWorkspace(_) => ErrorKind::NotAWorkspace,
            Error::Storage(_) => ErrorKind::Storage,
            Error::Io(_) => ErrorKind::Io,
        }
    }

    pub(crate) fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid(msg.into())
    }

    pub(crate) fn not_found(msg: impl Into<String>) -> Self {
        Error::NotFound(msg.into())
    }
}
