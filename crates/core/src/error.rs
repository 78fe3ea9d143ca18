//! The one error type of the core. Every user-reachable failure is a variant
//! here with a message that says what to fix.

use std::fmt;

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
    /// Reading or writing a file, or talking to a web server, failed. The
    /// failure keeps the lower-level error as its [`source`](std::error::Error::source).
    #[error(transparent)]
    Io(Failure),
    /// A report template or a serialiser failed (minijinja, serde_json, csv
    /// into memory, a rendered text that is not UTF-8): a fault of the program,
    /// not of the user's files.
    #[error(transparent)]
    Render(Failure),
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
    /// See [`Error::Render`].
    Render,
}

/// The lower-level error a [`Failure`] keeps: an `io::Error`, a reqwest or
/// minijinja error, whatever the failing library returned.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// A failure of the world outside the domain (the disk, the network, a
/// serialiser): the sentence shown to a person and, when there is one, the
/// error that caused it, reachable as its `source()` so a caller can walk the chain.
#[derive(Debug)]
pub struct Failure {
    message: String,
    cause: Option<Cause>,
}

impl Failure {
    /// A failure whose shown message is `message` exactly, keeping `cause`
    /// as its source without adding its text.
    pub fn new(message: impl Into<String>, cause: Option<Cause>) -> Self {
        Failure {
            message: message.into(),
            cause,
        }
    }

    /// The sentence shown to a person (the same as `to_string()`).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same failure with `what` (the thing being read) in front of its message.
    pub(crate) fn prefixed(self, what: &str) -> Self {
        Failure {
            message: format!("{what}: {}", self.message),
            cause: self.cause,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|c| c as &(dyn std::error::Error + 'static))
    }
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
            Error::Render(_) => ErrorKind::Render,
        }
    }

    /// An io failure shown as `"{context}: {cause}"`, keeping `cause` as its source.
    pub fn io(context: impl fmt::Display, cause: impl Into<Cause> + fmt::Display) -> Self {
        let message = format!("{context}: {cause}");
        Error::Io(Failure::new(message, Some(cause.into())))
    }

    /// An io failure with no lower-level error behind it (a server's 5xx answer).
    pub fn io_message(message: impl Into<String>) -> Self {
        Error::Io(Failure::new(message, None))
    }

    /// A render failure shown as `"{context}: {cause}"`, keeping `cause` as its source.
    pub fn render(context: impl fmt::Display, cause: impl Into<Cause> + fmt::Display) -> Self {
        let message = format!("{context}: {cause}");
        Error::Render(Failure::new(message, Some(cause.into())))
    }

    pub(crate) fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid(msg.into())
    }

    pub(crate) fn not_found(msg: impl Into<String>) -> Self {
        Error::NotFound(msg.into())
    }
}
