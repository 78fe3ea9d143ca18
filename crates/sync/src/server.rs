//! One connection to a shared-desk server and what can be asked of it:
//! prepare it, add desks, grant roles, push and pull changes.

use chrono::{DateTime, Utc};
use claimdesk_core::sync::{Change, Received};
use postgres::Client;

use crate::address::{ServerAddress, check_desk_name};
use crate::error::from_postgres;
use crate::{Login, SyncError, connect, schema};

/// The desk `server init` creates and `sync` uses when no desk is named.
pub const DEFAULT_DESK: &str = "main";

/// An open connection to a server.
pub struct Server {
    client: Client,
    address: ServerAddress,
}

impl Server {
    /// Connects to `url` (which must hold no password) with `login`.
    pub fn connect(url: &str, login: &Login) -> Result<Server, SyncError> {
        let address = ServerAddress::parse(url)?;
        let client = connect::connect(&address, login)?;
        Ok(Server { client, address })
    }

    /// The checked address.
    pub fn address(&self) -> &ServerAddress {
        &self.address
    }

    fn fail(&self, err: &postgres::Error) -> SyncError {
        from_postgres(err, &self.address.shown(), self.address.role())
    }

    /// Creates or updates the shared desk's schema and the default desk;
    /// running it again changes nothing.
    pub fn init(&mut self) -> Result<(), SyncError> {
        schema::migrate(&mut self.client).map_err(|e| self.fail(&e))?;
        self.add_desk(DEFAULT_DESK)?;
        Ok(())
    }

    /// Adds a desk; true when it is new, false when it already existed.
    pub fn add_desk(&mut self, name: &str) -> Result<bool, SyncError> {
        check_desk_name(name)?;
        let added = self
            .client
            .execute(
                "INSERT INTO claimdesk.desks (name) VALUES ($1) ON CONFLICT DO NOTHING",
                &[&name],
            )
            .map_err(|e| self.fail(&e))?;
        Ok(added == 1)
    }

    /// The names of the desks on the server.
    pub fn desks(&mut self) -> Result<Vec<String>, SyncError> {
        let rows = self
            .client
            .query("SELECT name FROM claimdesk.desks ORDER BY name", &[])
            .map_err(|e| self.fail(&e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// Lets `role` (an existing PostgreSQL role) read and write `desk`.
    pub fn grant(&mut self, desk: &str, role: &str) -> Result<(), SyncError> {
        check_desk_name(desk)?;
        let shown = self.address.shown();
        self.require_desk(desk)?;
        let known = self
            .client
            .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])
            .map_err(|e| self.fail(&e))?;
        if known.is_none() {
            return Err(SyncError::Refused(format!(
                "there is no role {role:?} on {shown}; create it first (CREATE ROLE {} LOGIN PASSWORD '…')",
                quote_ident(role)
            )));
        }
        let r = quote_ident(role);
        let sql = format!(
            "GRANT USAGE ON SCHEMA claimdesk TO {r};
             GRANT SELECT ON claimdesk.migrations, claimdesk.desks, claimdesk.desk_roles TO {r};
             GRANT SELECT, INSERT ON claimdesk.changes TO {r};"
        );
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| from_postgres(&e, &shown, self.address.role()))?;
        let done = tx.batch_execute(&sql).and_then(|()| {
            tx.execute(
                "INSERT INTO claimdesk.desk_roles (desk, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&desk, &role],
            )
        });
        if let Err(e) = done {
            return Err(from_postgres(&e, &shown, self.address.role()));
        }
        tx.commit()
            .map_err(|e| from_postgres(&e, &shown, self.address.role()))
    }

    /// Refused unless `desk` exists.
    fn require_desk(&mut self, desk: &str) -> Result<(), SyncError> {
        let found = self
            .client
            .query_opt("SELECT 1 FROM claimdesk.desks WHERE name = $1", &[&desk])
            .map_err(|e| self.fail(&e))?;
        if found.is_none() {
            return Err(SyncError::Refused(format!(
                "there is no desk {desk:?} on {}; create it with `claimdesk server desk add {} {desk}`",
                self.address.shown(),
                self.address.shown()
            )));
        }
        Ok(())
    }

    /// Refused unless `desk` exists and this role may use it.
    pub fn open_desk(&mut self, desk: &str) -> Result<(), SyncError> {
        check_desk_name(desk)?;
        let shown = self.address.shown();
        let role = self.address.role().to_string();
        let not_granted = || {
            SyncError::Refused(format!(
                "role {role} is not granted the desk {desk:?} on {shown}; ask its admin to run `claimdesk server grant {shown} --desk {desk} --role {role}`"
            ))
        };
        let granted = match self.client.query_opt(
            "SELECT 1 FROM claimdesk.desk_roles WHERE desk = $1 LIMIT 1",
            &[&desk],
        ) {
            Ok(row) => row.is_some(),
            Err(e) if is_denied(&e) => return Err(not_granted()),
            Err(e) => return Err(self.fail(&e)),
        };
        self.require_desk(desk)?;
        let superuser = self
            .client
            .query_one(
                "SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
                &[],
            )
            .map(|r| r.get::<_, bool>(0))
            .map_err(|e| self.fail(&e))?;
        if granted || superuser {
            Ok(())
        } else {
            Err(not_granted())
        }
    }

    /// Stores `changes` on `desk` in one transaction; a change already there
    /// (a retried push) is left as it is. Returns how many were new.
    pub fn push(&mut self, desk: &str, changes: &[Change]) -> Result<u64, SyncError> {
        let ids: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
        let entities: Vec<&str> = changes.iter().map(|c| c.entity.as_str()).collect();
        let entity_ids: Vec<&str> = changes.iter().map(|c| c.entity_id.as_str()).collect();
        let actors: Vec<&str> = changes.iter().map(|c| c.actor.as_str()).collect();
        let ats: Vec<DateTime<Utc>> = changes.iter().map(|c| c.at).collect();
        let payloads: Vec<&serde_json::Value> = changes.iter().map(|c| &c.payload).collect();
        let shown = self.address.shown();
        let role = self.address.role().to_string();
        let fail = |e: postgres::Error| from_postgres(&e, &shown, &role);
        let mut tx = self.client.transaction().map_err(fail)?;
        // One pusher per desk at a time, so the sequence numbers of a desk
        // become visible in order and a puller's cursor never skips a change.
        tx.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended('claimdesk.desk:' || $1, 0))",
            &[&desk],
        )
        .map_err(fail)?;
        let stored = tx
            .execute(
                "INSERT INTO claimdesk.changes (desk, change_id, entity, entity_id, actor, made_at, payload)
                 SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[],
                                          $6::timestamptz[], $7::jsonb[])
                 ON CONFLICT (desk, change_id) DO NOTHING",
                &[&desk, &ids, &entities, &entity_ids, &actors, &ats, &payloads],
            )
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(stored)
    }

    /// Up to `limit` changes of `desk` after position `after`, in the order
    /// the server accepted them.
    pub fn pull(
        &mut self,
        desk: &str,
        after: i64,
        limit: usize,
    ) -> Result<Vec<Received>, SyncError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self
            .client
            .query(
                "SELECT seq, change_id, entity, entity_id, actor, made_at, payload
                 FROM claimdesk.changes WHERE desk = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                &[&desk, &after, &limit],
            )
            .map_err(|e| self.fail(&e))?;
        Ok(rows
            .iter()
            .map(|r| Received {
                seq: r.get(0),
                change: Change {
                    id: r.get(1),
                    entity: r.get(2),
                    entity_id: r.get(3),
                    actor: r.get(4),
                    at: r.get(5),
                    payload: r.get(6),
                },
            })
            .collect())
    }

    /// The raw connection, for tests that check what a role sees.
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}

/// insufficient_privilege: the role was never granted anything here.
fn is_denied(err: &postgres::Error) -> bool {
    err.as_db_error()
        .is_some_and(|d| d.code().code() == "42501")
}

/// A PostgreSQL identifier in double quotes.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
