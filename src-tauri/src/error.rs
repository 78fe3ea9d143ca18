//! The one error shape that crosses IPC: `{kind, message}`, so the window can
//! show the message and react to the kind.

use serde::Serialize;

/// A failed command as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CommandError {
    /// A stable snake_case word: not_found, invalid, conflict, not_a_workspace,
    /// storage, io, or no_workspace when nothing is open.
    pub kind: String,
    /// A sentence for a person, saying what went wrong and what to fix.
    pub message: String,
}

impl CommandError {
    /// No workspace is open, so there is nothing to read or change.
    pub fn no_workspace() -> Self {
        CommandError {
            kind: "no_workspace".into(),
            message: "No workspace is open. Create or open one from the File menu.".into(),
        }
    }
}

impl From<claimdesk_core::Error> for CommandError {
    fn from(err: claimdesk_core::Error) -> Self {
        // The core's kind serialises as one snake_case string.
        let kind = serde_json::to_value(err.kind())
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "internal".into());
        CommandError { kind, message: err.to_string() }
    }
}

/// What every command returns.
pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_cross_as_kind_and_message() {
        let err: CommandError = claimdesk_core::Error::NotFound("no claim matches 01ab".into()).into();
        let json = serde_json::to_value(&err).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({ "kind": "not_found", "message": "no claim matches 01ab" })
        );
    }

    #[test]
    fn not_a_workspace_keeps_its_own_kind() {
        let err: CommandError =
            claimdesk_core::Error::NotAWorkspace("notes.sqlite is not a Claimdesk workspace".into()).into();
        assert_eq!(err.kind, "not_a_workspace");
        assert_eq!(err.message, "notes.sqlite is not a Claimdesk workspace");
    }
}
