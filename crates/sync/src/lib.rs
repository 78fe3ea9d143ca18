//! The PostgreSQL side of a shared Claimdesk desk.
//!
//! Each checker keeps a local workspace file that works offline; a sync pushes
//! the workspace's changes to a desk on a PostgreSQL server and pulls everyone
//! else's. The server stores changes in the order it accepted them (a
//! sequence), so a desk pulls by cursor and a retried push never stores a
//! change twice. Each checker is a PostgreSQL role; row-level security lets a
//! role see and add only the changes of desks granted to it.

mod address;
mod connect;
mod error;
mod login;
pub mod pgpass;
mod schema;
mod server;
mod sync_once;
pub mod throwaway;

pub use address::{ServerAddress, check_desk_name};
pub use error::SyncError;
pub use login::Login;
pub use schema::version as schema_version;
pub use server::{DEFAULT_DESK, Server};
pub use sync_once::{SyncOptions, SyncReport, sync_once, sync_once_with};

/// Prepares the server at `url` for shared desks (schema, migrations and the
/// default desk); running it again changes nothing. The password comes from
/// the environment or a `.pgpass` file.
pub fn init_server(url: &str) -> Result<(), SyncError> {
    init_server_with(url, &Login::from_environment())
}

/// [`init_server`] with an explicit login.
pub fn init_server_with(url: &str, login: &Login) -> Result<(), SyncError> {
    Server::connect(url, login)?.init()
}
