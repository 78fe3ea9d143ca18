//! What can go wrong when a workspace talks to a shared desk.

/// A failure of a sync or of a server command. Its `Display` is a whole
/// sentence a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The server cannot be reached (stopped, unreachable, the connection
    /// dropped). Local work goes on; changes wait for the next sync.
    #[error("{0}")]
    Offline(String),
    /// The server answered but refused: bad address, wrong or missing password,
    /// a desk that does not exist or is not granted to this role.
    #[error("{0}")]
    Refused(String),
    /// The local workspace failed.
    #[error(transparent)]
    Workspace(#[from] claimdesk_core::Error),
}

impl SyncError {
    /// The same failure with `more` added to its sentence (for instance how
    /// many changes wait to be sent).
    pub(crate) fn with_note(self, more: &str) -> SyncError {
        match self {
            SyncError::Offline(m) => SyncError::Offline(format!("{m}; {more}")),
            SyncError::Refused(m) => SyncError::Refused(format!("{m}; {more}")),
            other => other,
        }
    }
}

/// How a PostgreSQL error reads to a person: unreachable servers are
/// offline, anything the server answered is a refusal with its reason.
pub(crate) fn from_postgres(err: &postgres::Error, server: &str, role: &str) -> SyncError {
    if let Some(db) = err.as_db_error() {
        let code = db.code().code();
        return match code {
            // invalid_password, invalid_authorization_specification
            "28P01" | "28000" => SyncError::Refused(format!(
                "the server {server} refused the login of role {role}: check its password (put it in PGPASSWORD or a .pgpass file, never in the address)"
            )),
            // undefined_table, invalid_schema_name: never prepared
            "42P01" | "3F000" => SyncError::Refused(format!(
                "the server {server} is not prepared for Claimdesk; run `claimdesk server init {server}` first"
            )),
            // insufficient_privilege
            "42501" => SyncError::Refused(format!(
                "role {role} may not do this on {server}: {}",
                db.message()
            )),
            // invalid_catalog_name: the database does not exist
            "3D000" => SyncError::Refused(format!(
                "the server {server} has no such database: {}",
                db.message()
            )),
            // cannot_connect_now (starting up or shutting down), admin_shutdown
            "57P03" | "57P01" | "57P02" => SyncError::Offline(format!(
                "the server {server} is not available ({})",
                db.message()
            )),
            _ => SyncError::Refused(format!("the server {server} refused: {}", db.message())),
        };
    }
    let text = error_chain(err);
    if text.contains("password missing") {
        return SyncError::Refused(format!(
            "the server {server} asks for a password for role {role}: put it in PGPASSWORD or a .pgpass file (PGPASSFILE or ~/.pgpass), never in the address"
        ));
    }
    if text.contains("tls") || text.contains("TLS") || text.contains("certificate") {
        return SyncError::Refused(format!("the secure connection to {server} failed: {text}"));
    }
    SyncError::Offline(format!("the server {server} cannot be reached ({text})"))
}

/// The error and its causes in one line.
fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        let more = c.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        cause = c.source();
    }
    text
}
