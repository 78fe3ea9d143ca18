//! The one error shape that crosses IPC: `{kind, message}`, so the window can
//! show the message and react to the kind.

use claimdesk_core::ErrorKind;
use serde::Serialize;

/// What kind of failure a command met: the core's kinds, and those only the
/// app has. Crosses IPC as a TypeScript union of snake_case words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum CommandErrorKind {
    /// Nothing with that id (or id prefix) exists.
    NotFound,
    /// The input cannot be accepted as given.
    Invalid,
    /// The request clashes with what is stored, or with work in progress.
    Conflict,
    /// The file is not a Claimdesk workspace.
    NotAWorkspace,
    /// SQLite failed.
    Storage,
    /// Reading or writing a file, or talking to a web server, failed.
    Io,
    /// A report template or a serialiser failed: a fault of the program, not of the input.
    Render,
    /// No workspace is open.
    NoWorkspace,
    /// The work stopped unexpectedly (a background task died).
    Internal,
}

impl From<ErrorKind> for CommandErrorKind {
    fn from(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::NotFound => CommandErrorKind::NotFound,
            ErrorKind::Invalid => CommandErrorKind::Invalid,
            ErrorKind::Conflict => CommandErrorKind::Conflict,
            ErrorKind::NotAWorkspace => CommandErrorKind::NotAWorkspace,
            ErrorKind::Storage => CommandErrorKind::Storage,
            ErrorKind::Io => CommandErrorKind::Io,
            ErrorKind::Render => CommandErrorKind::Render,
        }
    }
}

/// A failed command as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CommandError {
    /// What kind of failure it was, for the window to react to.
    pub kind: CommandErrorKind,
    /// A sentence for a person, saying what went wrong and what to fix.
    pub message: String,
}

impl CommandError {
    /// No workspace is open, so there is nothing to read or change.
    pub fn no_workspace() -> Self {
        CommandError {
            kind: CommandErrorKind::NoWorkspace,
            message: "No workspace is open. Create or open one from the File menu.".into(),
        }
    }
}

impl From<claimdesk_core::Error> for CommandError {
    fn from(err: claimdesk_core::Error) -> Self {
        CommandError {
            kind: err.kind().into(),
            message: err.to_string(),
        }
    }
}

/// What every command returns.
pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_cross_as_kind_and_message() {
        let err: CommandError =
            claimdesk_core::Error::NotFound("no claim matches 01ab".into()).into();
        let json = serde_json::to_value(&err).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({ "kind": "not_found", "message": "no claim matches 01ab" })
        );
    }

    #[test]
    fn not_a_workspace_keeps_its_own_kind() {
        let err: CommandError = claimdesk_core::Error::NotAWorkspace(
            "notes.sqlite is not a Claimdesk workspace".into(),
        )
        .into();
        assert_eq!(err.kind, CommandErrorKind::NotAWorkspace);
        assert_eq!(err.message, "notes.sqlite is not a Claimdesk workspace");
    }

    #[test]
    fn every_core_kind_keeps_its_wire_name_in_the_app() {
        for kind in [
            ErrorKind::NotFound,
            ErrorKind::Invalid,
            ErrorKind::Conflict,
            ErrorKind::NotAWorkspace,
            ErrorKind::Storage,
            ErrorKind::Io,
            ErrorKind::Render,
        ] {
            assert_eq!(
                serde_json::to_value(kind).ok(),
                serde_json::to_value(CommandErrorKind::from(kind)).ok(),
                "{kind:?}"
            );
        }
    }
}
