//! The shared desk's tables on the server, as numbered migrations recorded in
//! a table of their own (`claimdesk.migrations`), applied in order by
//! `init_server`, all in one transaction under an advisory lock.
//!
//! Access is row-level security on `claimdesk.changes`: a role sees and adds
//! rows only of the desks granted to it (`claimdesk.desk_roles`, itself
//! filtered to the role's own grants).

use postgres::Client;

/// The migrations, in order; a server records the number of each applied one.
const MIGRATIONS: &[&str] = &[V1];

/// Desks, their roles and the changes in the order the server accepted them.
const V1: &str = r"
CREATE TABLE claimdesk.desks (
    name text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE claimdesk.desk_roles (
    desk text NOT NULL REFERENCES claimdesk.desks (name) ON DELETE CASCADE,
    role text NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (desk, role)
);
CREATE TABLE claimdesk.changes (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    desk text NOT NULL REFERENCES claimdesk.desks (name),
    change_id text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    actor text NOT NULL,
    made_at timestamptz NOT NULL,
    payload jsonb NOT NULL,
    accepted_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (desk, change_id)
);
CREATE INDEX changes_by_desk ON claimdesk.changes (desk, seq);

-- A role sees its own grants (directly or through a group role it belongs to).
ALTER TABLE claimdesk.desk_roles ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_grants ON claimdesk.desk_roles FOR SELECT
    USING (EXISTS (SELECT 1 FROM pg_roles r
                   WHERE r.rolname = desk_roles.role AND pg_has_role(r.oid, 'MEMBER')));

-- A role reads and adds changes only of the desks granted to it.
ALTER TABLE claimdesk.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_desks ON claimdesk.changes
    USING (desk IN (SELECT g.desk FROM claimdesk.desk_roles g))
    WITH CHECK (desk IN (SELECT g.desk FROM claimdesk.desk_roles g));
";

/// Applies the migrations the server lacks; running it again changes nothing.
/// A lock keeps two `init` runs at once from racing.
pub(crate) fn migrate(client: &mut Client) -> Result<(), postgres::Error> {
    let mut tx = client.transaction()?;
    tx.batch_execute(
        "SELECT pg_advisory_xact_lock(hashtextextended('claimdesk.migrations', 0));
         CREATE SCHEMA IF NOT EXISTS claimdesk;
         CREATE TABLE IF NOT EXISTS claimdesk.migrations (
             version integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now()
         );",
    )?;
    let applied: i32 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM claimdesk.migrations",
            &[],
        )?
        .get(0);
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let version = i32::try_from(index + 1).unwrap_or(i32::MAX);
        if version <= applied {
            continue;
        }
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO claimdesk.migrations (version) VALUES ($1)",
            &[&version],
        )?;
    }
    tx.commit()
}

/// The newest migration this program knows.
pub fn version() -> i32 {
    i32::try_from(MIGRATIONS.len()).unwrap_or(i32::MAX)
}
