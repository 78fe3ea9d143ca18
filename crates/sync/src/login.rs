//! Where the password and the trusted certificates come from: the
//! environment or a `.pgpass` file, never the workspace or the address.

use std::path::PathBuf;

use crate::address::ServerAddress;
use crate::pgpass;

/// How to log in to a server besides its address.
#[derive(Debug, Clone, Default)]
pub struct Login {
    /// A password given directly (tests, a program's own store); when None,
    /// `PGPASSWORD`, then the password file.
    pub password: Option<String>,
    /// The password file; None: `PGPASSFILE`, else `~/.pgpass`.
    pub pgpass: Option<PathBuf>,
    /// A PEM file of certificates to trust for TLS (a server with a
    /// certificate of its own); None: `PGSSLROOTCERT`, else the system's roots.
    pub root_cert: Option<PathBuf>,
}

impl Login {
    /// The login as libpq would take it from the environment: `PGPASSWORD`,
    /// `PGPASSFILE` (else `~/.pgpass`) and `PGSSLROOTCERT`.
    pub fn from_environment() -> Login {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        Login {
            password: var("PGPASSWORD").and_then(|v| v.into_string().ok()),
            pgpass: var("PGPASSFILE")
                .map(PathBuf::from)
                .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".pgpass"))),
            root_cert: var("PGSSLROOTCERT").map(PathBuf::from),
        }
    }

    /// A login with this password.
    pub fn with_password(password: impl Into<String>) -> Login {
        Login {
            password: Some(password.into()),
            ..Login::default()
        }
    }

    /// The password for `address`, if any source has one.
    pub(crate) fn password_for(&self, address: &ServerAddress) -> Option<String> {
        if let Some(p) = &self.password {
            return Some(p.clone());
        }
        let file = self.pgpass.as_ref()?;
        pgpass::lookup(
            file,
            &address.host,
            address.port,
            &address.database,
            &address.role,
        )
    }
}
