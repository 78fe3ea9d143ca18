//! Whatever is typed into search, the answer is `Ok`: the grammar never lets
//! text reach SQLite as syntax, and nothing panics.

use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewSource};
use claimdesk_core::search::{self, SearchRequest};
use proptest::prelude::*;

fn desk() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    ws.sources()
        .add(NewSource {
            outlet: Some("Northern Ledger".into()),
            text: "The Brussels summit was cancelled. José Sánchez left \"early\" (at 5 p.m.)."
                .into(),
            ..Default::default()
        })
        .expect("source");
    ws.claims()
        .add(NewClaim {
            statement: "The summit was cancelled".into(),
            ..Default::default()
        })
        .expect("claim");
    (dir, ws)
}

/// Pieces people (and fuzzers) type: operators of our grammar and of FTS5.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("-".to_string()),
        Just(" OR ".to_string()),
        Just(" NOT ".to_string()),
        Just("NEAR(".to_string()),
        Just("*".to_string()),
        Just("^".to_string()),
        Just(":".to_string()),
        Just("outlet:".to_string()),
        Just("since:".to_string()),
        Just("in:".to_string()),
        Just("version:".to_string()),
        Just("summit".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        "\\PC{0,6}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_typed_query_is_ok(pieces in proptest::collection::vec(piece(), 0..12)) {
        thread_local! { static DESK: (tempfile::TempDir, Workspace) = desk(); }
        let query = pieces.concat();
        DESK.with(|(_, ws)| {
            let found = search::run(ws, &SearchRequest::new(query.clone()));
            prop_assert!(found.is_ok(), "{:?}: {:?}", query, found.err());
            Ok(())
        })?;
    }
}
