//! A server address as the user gives it (`postgres://ROLE@HOST:PORT/DATABASE`),
//! checked: it names one TCP host and a role, and holds no password.

use postgres::config::Host;

use crate::SyncError;

/// A checked server address.
#[derive(Debug, Clone)]
pub struct ServerAddress {
    pub(crate) config: postgres::Config,
    pub(crate) host: String,
    pub(crate) port: u16,
    pub(crate) database: String,
    pub(crate) role: String,
}

impl ServerAddress {
    /// Parses `url`; an address holding a password is refused with where to put it.
    pub fn parse(url: &str) -> Result<ServerAddress, SyncError> {
        let config: postgres::Config = url.trim().parse().map_err(|e| {
            SyncError::Refused(format!(
                "{url:?} is not a PostgreSQL address ({e}); write it as postgres://ROLE@HOST:PORT/DATABASE"
            ))
        })?;
        if config.get_password().is_some() {
            return Err(SyncError::Refused(
                "the server address holds a password; remove it from the address and put it in PGPASSWORD or a .pgpass file (PGPASSFILE or ~/.pgpass), so it is never stored in the workspace".into(),
            ));
        }
        let host = match config.get_hosts() {
            [Host::Tcp(host)] => host.clone(),
            [] => {
                return Err(SyncError::Refused(format!(
                    "the server address {url:?} names no host; write it as postgres://ROLE@HOST:PORT/DATABASE"
                )));
            }
            _ => {
                return Err(SyncError::Refused(format!(
                    "the server address {url:?} must name exactly one network host (postgres://ROLE@HOST:PORT/DATABASE)"
                )));
            }
        };
        let port = match config.get_ports() {
            [] => 5432,
            [port] => *port,
            _ => {
                return Err(SyncError::Refused(format!(
                    "the server address {url:?} must name one port"
                )));
            }
        };
        let Some(role) = config.get_user().map(str::to_string) else {
            return Err(SyncError::Refused(format!(
                "the server address {url:?} names no role; write it as postgres://ROLE@HOST:PORT/DATABASE"
            )));
        };
        let database = config.get_dbname().unwrap_or(&role).to_string();
        Ok(ServerAddress {
            config,
            host,
            port,
            database,
            role,
        })
    }

    /// The server without the role, for messages: `postgres://HOST:PORT/DATABASE`.
    pub fn shown(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        format!("postgres://{host}:{}/{}", self.port, self.database)
    }

    /// The key a workspace keeps its sync state under for one desk of this
    /// server: `postgres://HOST:PORT/DATABASE#DESK` (never a role or password,
    /// so two checkers of one desk on one machine share nothing secret).
    pub fn key(&self, desk: &str) -> String {
        format!("{}#{desk}", self.shown())
    }

    /// The role this address logs in as.
    pub fn role(&self) -> &str {
        &self.role
    }
}

/// A desk name: 1–63 letters, digits, `-`, `_` or `.`.
pub fn check_desk_name(name: &str) -> Result<(), SyncError> {
    let ok = !name.is_empty()
        && name.chars().count() <= 63
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(SyncError::Refused(format!(
            "{name:?} is not a desk name: use 1 to 63 letters, digits, '-', '_' or '.'"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_a_password_is_refused_with_where_to_put_it() {
        let err =
            ServerAddress::parse("postgres://ana:secret@db.example/news").expect_err("refused");
        let text = err.to_string();
        assert!(
            text.contains("PGPASSWORD") && text.contains(".pgpass"),
            "{text}"
        );
        assert!(
            !text.contains("secret"),
            "the password is not repeated: {text}"
        );
    }

    #[test]
    fn the_key_names_server_database_and_desk_but_no_role() {
        let a = ServerAddress::parse("postgres://ana@db.example:6543/news").expect("parse");
        assert_eq!(
            a.key("politics"),
            "postgres://db.example:6543/news#politics"
        );
        let b = ServerAddress::parse("postgresql://ben@db.example/news?sslmode=require")
            .expect("parse");
        assert_eq!(b.key("main"), "postgres://db.example:5432/news#main");
    }

    #[test]
    fn an_address_without_a_role_or_host_is_refused() {
        assert!(ServerAddress::parse("postgres://db.example/news").is_err());
        assert!(ServerAddress::parse("not an address").is_err());
    }

    #[test]
    fn desk_names_are_checked() {
        assert!(check_desk_name("politics-2026").is_ok());
        assert!(check_desk_name("").is_err());
        assert!(check_desk_name("a b").is_err());
        assert!(check_desk_name("x'; drop").is_err());
    }
}
