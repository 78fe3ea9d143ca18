//! The server side of a shared desk against a real, throwaway PostgreSQL:
//! schema, desks, roles, push and pull of hand-made changes.

use chrono::{TimeZone, Utc};
use claimdesk_core::sync::Change;
use claimdesk_sync::throwaway::ThrowawayServer;
use claimdesk_sync::{Login, Server, SyncError, init_server_with};

fn change(n: u32) -> Change {
    Change {
        id: format!("0190-change-{n:05}"),
        entity: "claim".into(),
        entity_id: format!("claim-{}", n % 7),
        actor: "ana".into(),
        at: Utc
            .with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
            .single()
            .expect("time")
            + chrono::Duration::microseconds(i64::from(n) * 1_001),
        payload: serde_json::json!({"text": format!("Claim number {n}"), "verdict": "false"}),
    }
}

fn admin(pg: &ThrowawayServer) -> Server {
    Server::connect(&pg.url(), &pg.login()).expect("connect as admin")
}

#[test]
fn init_twice_is_fine_and_pushes_and_pulls_in_order_once_each() {
    let pg = ThrowawayServer::new().expect("throwaway server");
    init_server_with(&pg.url(), &pg.login()).expect("first init");
    init_server_with(&pg.url(), &pg.login()).expect("second init changes nothing");
    let mut server = admin(&pg);
    assert!(server.add_desk("politics").expect("add"));
    assert!(
        !server.add_desk("politics").expect("add again"),
        "a desk is added once"
    );

    let changes: Vec<Change> = (0..25).map(change).collect();
    assert_eq!(server.push("politics", &changes[..10]).expect("push"), 10);
    // A retried push (the first batch again, with more) stores only the new ones.
    assert_eq!(server.push("politics", &changes).expect("retry"), 15);
    let rows: i64 = server
        .client()
        .query_one("SELECT count(*) FROM claimdesk.changes", &[])
        .expect("count")
        .get(0);
    assert_eq!(rows, 25, "each change is on the server once");

    let first = server.pull("politics", 0, 10).expect("page 1");
    assert_eq!(first.len(), 10);
    let second = server.pull("politics", first[9].seq, 100).expect("page 2");
    assert_eq!(second.len(), 15);
    let pulled: Vec<Change> = first
        .iter()
        .chain(&second)
        .map(|r| r.change.clone())
        .collect();
    assert_eq!(
        pulled, changes,
        "changes come back whole, in the order pushed"
    );
    assert!(first.windows(2).all(|w| w[0].seq < w[1].seq));
    assert!(
        server
            .pull("politics", second[14].seq, 10)
            .expect("none")
            .is_empty()
    );
    // Another desk sees none of it.
    server.add_desk("sports").expect("add");
    assert!(server.pull("sports", 0, 100).expect("pull").is_empty());
}

#[test]
fn a_role_not_granted_a_desk_sees_nothing_of_it() {
    let pg = ThrowawayServer::new().expect("throwaway server");
    init_server_with(&pg.url(), &pg.login()).expect("init");
    let mut server = admin(&pg);
    server.add_desk("politics").expect("add");
    server.add_desk("sports").expect("add");
    let ana_url = pg.url_for("ana", "ana-pw").expect("role ana");
    let ben_url = pg.url_for("ben", "ben-pw").expect("role ben");
    let eve_url = pg.url_for("eve", "eve-pw").expect("role eve");
    server.grant("politics", "ana").expect("grant ana");
    server.grant("sports", "ben").expect("grant ben");

    let mut ana = Server::connect(&ana_url, &Login::with_password("ana-pw")).expect("ana");
    ana.open_desk("politics").expect("ana may use politics");
    let changes: Vec<Change> = (0..5).map(change).collect();
    ana.push("politics", &changes).expect("ana pushes");
    assert_eq!(ana.pull("politics", 0, 100).expect("ana pulls").len(), 5);

    // Ben has a desk of his own, not this one.
    let mut ben = Server::connect(&ben_url, &Login::with_password("ben-pw")).expect("ben");
    let refused = ben.open_desk("politics").expect_err("ben is refused");
    assert!(matches!(refused, SyncError::Refused(_)), "{refused}");
    assert!(refused.to_string().contains("not granted"), "{refused}");
    assert!(ben.pull("politics", 0, 100).expect("pull runs").is_empty());
    let seen: i64 = ben
        .client()
        .query_one("SELECT count(*) FROM claimdesk.changes", &[])
        .expect("a direct SELECT")
        .get(0);
    assert_eq!(
        seen, 0,
        "a direct SELECT shows no row of a desk not granted"
    );
    let wrote = ben.push("politics", &[change(99)]);
    assert!(wrote.is_err(), "ben cannot write into politics");

    // Eve was granted nothing at all.
    let mut eve = Server::connect(&eve_url, &Login::with_password("eve-pw")).expect("eve");
    let refused = eve.open_desk("politics").expect_err("eve is refused");
    assert!(refused.to_string().contains("not granted"), "{refused}");
    assert!(
        eve.client()
            .query("SELECT * FROM claimdesk.changes", &[])
            .is_err()
    );

    // A wrong password is a refusal that says what to check.
    let wrong = Server::connect(&ana_url, &Login::with_password("nope"))
        .err()
        .expect("refused");
    assert!(matches!(wrong, SyncError::Refused(_)), "{wrong}");
    assert!(wrong.to_string().contains("password"), "{wrong}");
    let missing = Server::connect(&ana_url, &Login::default())
        .err()
        .expect("refused");
    assert!(missing.to_string().contains("PGPASSWORD"), "{missing}");
}

#[test]
fn granting_an_unknown_desk_or_role_is_refused_and_changes_nothing() {
    let pg = ThrowawayServer::new().expect("throwaway server");
    init_server_with(&pg.url(), &pg.login()).expect("init");
    let mut server = admin(&pg);
    let err = server
        .grant("nowhere", "postgres")
        .expect_err("no such desk");
    assert!(err.to_string().contains("no desk \"nowhere\""), "{err}");
    let err = server.grant("main", "nobody").expect_err("no such role");
    assert!(err.to_string().contains("no role \"nobody\""), "{err}");
    let grants: i64 = server
        .client()
        .query_one("SELECT count(*) FROM claimdesk.desk_roles", &[])
        .expect("count")
        .get(0);
    assert_eq!(grants, 0);
    let err = server.open_desk("nowhere").expect_err("unknown desk");
    assert!(err.to_string().contains("server desk add"), "{err}");
}

#[test]
fn a_stopped_server_is_offline_and_comes_back() {
    let mut pg = ThrowawayServer::new().expect("throwaway server");
    init_server_with(&pg.url(), &pg.login()).expect("init");
    pg.stop().expect("stop");
    let err = Server::connect(&pg.url(), &pg.login())
        .err()
        .expect("offline");
    assert!(matches!(err, SyncError::Offline(_)), "{err}");
    assert!(err.to_string().contains("cannot be reached"), "{err}");
    pg.start().expect("start");
    let mut server = admin(&pg);
    assert_eq!(server.desks().expect("desks"), vec!["main".to_string()]);
}

#[test]
fn tls_connections_with_a_self_signed_certificate() {
    let pg = ThrowawayServer::with_tls().expect("throwaway TLS server");
    let trusted = Login {
        root_cert: Some(pg.certificate()),
        ..pg.login()
    };
    init_server_with(&pg.tls_url(), &trusted).expect("init over TLS");
    let mut server = Server::connect(&pg.tls_url(), &trusted).expect("connect");
    let ssl: bool = server
        .client()
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .expect("ssl state")
        .get(0);
    assert!(ssl, "the connection is encrypted");
    // Without trusting the certificate the connection is refused, not made in the clear.
    let err = Server::connect(&pg.tls_url(), &pg.login())
        .err()
        .expect("untrusted");
    assert!(matches!(err, SyncError::Refused(_)), "{err}");
}
