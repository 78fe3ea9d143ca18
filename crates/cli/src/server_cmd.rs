//! `claimdesk server …`: prepare a PostgreSQL server for shared desks, add
//! desks and grant roles. Run as the server's admin role; the password comes
//! from PGPASSWORD or a .pgpass file.

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_sync::{Login, Server};
use clap::{Args, Subcommand};

use crate::output::outln;
use crate::sync_error::to_error;
use crate::{Context, output};

#[derive(Subcommand)]
pub enum ServerCommand {
    /// Create or update the shared desk's tables and the desk "main" (safe to run again)
    Init {
        /// The server: postgres://ROLE@HOST:PORT/DATABASE (add ?sslmode=require for TLS)
        url: String,
    },
    /// Desks of a server
    #[command(subcommand)]
    Desk(DeskCommand),
    /// Let a PostgreSQL role (one checker, or a group) read and write a desk
    Grant(GrantArgs),
}

#[derive(Subcommand)]
pub enum DeskCommand {
    /// Add a desk (a desk that exists is left as it is)
    Add {
        /// The server: postgres://ROLE@HOST:PORT/DATABASE
        url: String,
        /// The desk's name: letters, digits, '-', '_' or '.'
        name: String,
    },
    /// List the desks of a server
    List {
        /// The server: postgres://ROLE@HOST:PORT/DATABASE
        url: String,
    },
}

#[derive(Args)]
pub struct GrantArgs {
    /// The server: postgres://ROLE@HOST:PORT/DATABASE
    url: String,
    /// The desk to open to the role
    #[arg(long, value_name = "NAME")]
    desk: String,
    /// The PostgreSQL role (it must exist: CREATE ROLE … LOGIN PASSWORD …)
    #[arg(long, value_name = "ROLE")]
    role: String,
}

fn connect(url: &str) -> Result<Server, Error> {
    Server::connect(url, &Login::from_environment()).map_err(to_error)
}

pub fn run(ctx: &Context, cmd: ServerCommand, out: &mut impl Write) -> Result<(), Error> {
    match cmd {
        ServerCommand::Init { url } => {
            let mut server = connect(&url)?;
            server.init().map_err(to_error)?;
            let desks = server.desks().map_err(to_error)?;
            let shown = server.address().shown();
            if ctx.json {
                return output::json(
                    out,
                    &serde_json::json!({
                        "server": shown,
                        "schema_version": claimdesk_sync::schema_version(),
                        "desks": desks,
                    }),
                );
            }
            outln!(
                out,
                "{} is ready for shared desks (schema version {}); desks: {}",
                output::escaped(&shown),
                claimdesk_sync::schema_version(),
                output::escaped(&desks.join(", "))
            )?;
            Ok(())
        }
        ServerCommand::Desk(DeskCommand::Add { url, name }) => {
            let mut server = connect(&url)?;
            let added = server.add_desk(&name).map_err(to_error)?;
            if ctx.json {
                return output::json(out, &serde_json::json!({ "desk": name, "added": added }));
            }
            let what = if added {
                "added the desk"
            } else {
                "the desk already exists:"
            };
            outln!(out, "{what} {}", output::escaped(&name))?;
            Ok(())
        }
        ServerCommand::Desk(DeskCommand::List { url }) => {
            let desks = connect(&url)?.desks().map_err(to_error)?;
            if ctx.json {
                return output::json(out, &desks);
            }
            for desk in desks {
                outln!(out, "{}", output::escaped(&desk))?;
            }
            Ok(())
        }
        ServerCommand::Grant(args) => {
            connect(&args.url)?
                .grant(&args.desk, &args.role)
                .map_err(to_error)?;
            if ctx.json {
                return output::json(
                    out,
                    &serde_json::json!({ "desk": args.desk, "role": args.role }),
                );
            }
            outln!(
                out,
                "role {} may now read and write the desk {}",
                output::escaped(&args.role),
                output::escaped(&args.desk)
            )?;
            Ok(())
        }
    }
}
