//! A PostgreSQL server of its own for tests and benches: `initdb` into a
//! temporary folder, `pg_ctl` on a free loopback port, stopped and removed
//! on drop. It never touches a server that was running before.

use std::io;
use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Login, Server, SyncError};

/// The superuser of every throwaway server.
pub const SUPERUSER: &str = "postgres";

/// A running throwaway server.
pub struct ThrowawayServer {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    password: String,
    /// Run the server's programs as this user (initdb refuses root).
    run_as: Option<String>,
    running: bool,
}

impl ThrowawayServer {
    /// Creates and starts a server (plain connections).
    pub fn new() -> io::Result<ThrowawayServer> {
        Self::create(false)
    }

    /// Creates and starts a server that also takes TLS connections, with a
    /// self-signed certificate for 127.0.0.1 ([`ThrowawayServer::certificate`]).
    pub fn with_tls() -> io::Result<ThrowawayServer> {
        Self::create(true)
    }

    fn create(tls: bool) -> io::Result<ThrowawayServer> {
        let bin = find_bin_dir()?;
        let dir = tempfile::Builder::new().prefix("claimdesk-pg-").tempdir()?;
        let run_as = if is_root() {
            Some("postgres".to_string())
        } else {
            None
        };
        let port = free_port()?;
        let password = format!("throwaway-{port}-{}", std::process::id());
        let server = ThrowawayServer {
            dir,
            bin,
            port,
            password,
            run_as,
            running: false,
        };
        let pwfile = server.dir.path().join("pwfile");
        std::fs::write(&pwfile, &server.password)?;
        if let Some(user) = &server.run_as {
            chown_to(server.dir.path(), user)?;
            chown_to(&pwfile, user)?;
        }
        let data = server.data_dir();
        server.run(
            "initdb",
            &[
                "-D",
                path_str(&data)?,
                "-U",
                SUPERUSER,
                "--pwfile",
                path_str(&pwfile)?,
                "--auth-host=scram-sha-256",
                "--auth-local=scram-sha-256",
                "-E",
                "UTF8",
                "--no-sync",
                "--no-instructions",
            ],
        )?;
        let mut conf = format!(
            "\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n\
             fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
        );
        if tls {
            server.write_certificate()?;
            conf.push_str("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
        }
        append(&data.join("postgresql.conf"), &conf)?;
        let mut server = server;
        server.start()?;
        Ok(server)
    }

    /// The superuser's address (no password: see [`ThrowawayServer::password`]).
    pub fn url(&self) -> String {
        format!("postgres://{SUPERUSER}@127.0.0.1:{}/postgres", self.port)
    }

    /// The superuser's address asking for TLS.
    pub fn tls_url(&self) -> String {
        format!("{}?sslmode=require", self.url())
    }

    /// The superuser's password (for `PGPASSWORD`).
    pub fn password(&self) -> &str {
        &self.password
    }

    /// The superuser's login.
    pub fn login(&self) -> Login {
        Login::with_password(self.password.clone())
    }

    /// The loopback port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Creates the login role `role` with `password` (or sets its password)
    /// and returns its address; the password goes in `PGPASSWORD`, never the address.
    pub fn url_for(&self, role: &str, password: &str) -> Result<String, SyncError> {
        let mut admin = Server::connect(&self.url(), &self.login())?;
        let ident = format!("\"{}\"", role.replace('"', "\"\""));
        let literal = format!("'{}'", password.replace('\'', "''"));
        let exists = admin
            .client()
            .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])
            .map_err(|e| SyncError::Refused(e.to_string()))?
            .is_some();
        let verb = if exists { "ALTER" } else { "CREATE" };
        admin
            .client()
            .batch_execute(&format!("{verb} ROLE {ident} LOGIN PASSWORD {literal}"))
            .map_err(|e| SyncError::Refused(e.to_string()))?;
        Ok(format!(
            "postgres://{role}@127.0.0.1:{}/postgres",
            self.port
        ))
    }

    /// The PEM certificate a TLS server presents (trust it through `PGSSLROOTCERT`).
    pub fn certificate(&self) -> PathBuf {
        self.data_dir().join("server.crt")
    }

    /// Stops the server (its files stay, so [`ThrowawayServer::start`] brings it back).
    pub fn stop(&mut self) -> io::Result<()> {
        if self.running {
            let data = self.data_dir();
            self.run(
                "pg_ctl",
                &["-D", path_str(&data)?, "-m", "fast", "-w", "stop"],
            )?;
            self.running = false;
        }
        Ok(())
    }

    /// Starts a stopped server on the same port.
    pub fn start(&mut self) -> io::Result<()> {
        if !self.running {
            let data = self.data_dir();
            let log = self.dir.path().join("server.log");
            self.run(
                "pg_ctl",
                &[
                    "-D",
                    path_str(&data)?,
                    "-l",
                    path_str(&log)?,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
            )?;
            self.running = true;
        }
        Ok(())
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Runs one of the server's programs, as the server's user when we are root.
    fn run(&self, program: &str, args: &[&str]) -> io::Result<()> {
        let exe = self.bin.join(program);
        let mut cmd = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        let out = cmd.args(args).current_dir(self.dir.path()).output()?;
        if out.status.success() {
            Ok(())
        } else {
            Err(io::Error::other(format!(
                "{program} failed: {}{}",
                String::from_utf8_lossy(&out.stderr),
                String::from_utf8_lossy(&out.stdout)
            )))
        }
    }

    /// A self-signed certificate for 127.0.0.1, written into the data folder.
    fn write_certificate(&self) -> io::Result<()> {
        let data = self.data_dir();
        let out = Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            ])
            .args([
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
            ])
            // A server's own certificate, not a CA's: rustls refuses a CA as the end entity.
            .args(["-addext", "basicConstraints=critical,CA:FALSE"])
            .args(["-addext", "extendedKeyUsage=serverAuth"])
            .args(["-keyout", path_str(&data.join("server.key"))?])
            .args(["-out", path_str(&data.join("server.crt"))?])
            .output()?;
        if !out.status.success() {
            return Err(io::Error::other(format!(
                "openssl could not make a certificate: {}",
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        let key = data.join("server.key");
        std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
        if let Some(user) = &self.run_as {
            chown_to(&key, user)?;
            chown_to(&data.join("server.crt"), user)?;
        }
        Ok(())
    }
}

impl Drop for ThrowawayServer {
    fn drop(&mut self) {
        if self.running
            && let Ok(data) = path_str(&self.data_dir()).map(str::to_string)
        {
            let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
        }
    }
}

/// The folder of `initdb` and `pg_ctl`: on PATH, else the newest
/// `/usr/lib/postgresql/*/bin`.
fn find_bin_dir() -> io::Result<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    for dir in on_path {
        if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
            return Ok(dir);
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "no initdb found on PATH or under /usr/lib/postgresql/*/bin; install PostgreSQL (scripts/setup.sh does)",
        )
    })
}

/// Whether this process runs as root (the owner of /proc/self is the effective user).
fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

fn chown_to(path: &Path, user: &str) -> io::Result<()> {
    let id = |flag: &str| -> io::Result<u32> {
        let out = Command::new("id").arg(flag).arg(user).output()?;
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .map_err(|_| io::Error::other(format!("no user {user} to run PostgreSQL as")))
    };
    std::os::unix::fs::chown(path, Some(id("-u")?), Some(id("-g")?))
}

/// A loopback port nobody listens on now.
fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn path_str(path: &Path) -> io::Result<&str> {
    path.to_str()
        .ok_or_else(|| io::Error::other(format!("{} is not UTF-8", path.display())))
}

fn append(path: &Path, text: &str) -> io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().append(true).open(path)?;
    f.write_all(text.as_bytes())
}
