//! Opening a connection: the password from the login, TLS through rustls
//! when the address asks for it (`sslmode=require`).

use std::sync::Arc;
use std::time::Duration;

use postgres::config::SslMode;
use postgres::{Client, NoTls};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use crate::address::ServerAddress;
use crate::error::from_postgres;
use crate::{Login, SyncError};

/// How long a connection attempt waits for an unreachable host.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Connects to the server of `address` as its role.
pub(crate) fn connect(address: &ServerAddress, login: &Login) -> Result<Client, SyncError> {
    let mut config = address.config.clone();
    config.connect_timeout(CONNECT_TIMEOUT);
    if let Some(password) = login.password_for(address) {
        config.password(password);
    }
    let connected = if config.get_ssl_mode() == SslMode::Require {
        config.connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(
            login,
        )?))
    } else {
        // Without sslmode=require the connection is plain, as the address says.
        config.ssl_mode(SslMode::Disable);
        config.connect(NoTls)
    };
    connected.map_err(|e| from_postgres(&e, &address.shown(), address.role()))
}

/// rustls trusting the login's certificate file, else the system's roots.
fn tls_config(login: &Login) -> Result<rustls::ClientConfig, SyncError> {
    let mut roots = rustls::RootCertStore::empty();
    if let Some(path) = &login.root_cert {
        let refuse = |e: &dyn std::fmt::Display| {
            SyncError::Refused(format!(
                "the certificate file {} cannot be read as PEM certificates: {e}",
                path.display()
            ))
        };
        for cert in CertificateDer::pem_file_iter(path).map_err(|e| refuse(&e))? {
            roots
                .add(cert.map_err(|e| refuse(&e))?)
                .map_err(|e| refuse(&e))?;
        }
    } else {
        let found = rustls_native_certs::load_native_certs();
        roots.add_parsable_certificates(found.certs);
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| SyncError::Refused(format!("TLS cannot be set up: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}
