//! Workspaces written by earlier releases keep opening. Each schema version
//! has a workspace file committed under tests/fixtures/workspaces, written by
//! the release that introduced it; never regenerate an old one.

use claimdesk_core::Workspace;

fn open_copy(name: &str) -> (tempfile::TempDir, Workspace) {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/workspaces")
        .join(name);
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join(name);
    std::fs::copy(&fixture, &copy).expect("copy fixture");
    let ws = Workspace::open(&copy).expect("an old workspace opens");
    (dir, ws)
}

#[test]
fn a_schema_v1_workspace_opens_with_its_claims_sources_and_evidence() {
    let (_d, ws) = open_copy("schema-v1-sample.sqlite");
    let claims = ws.claims().list(&Default::default()).expect("claims");
    assert_eq!(claims.len(), 4);
    let deadline = claims
        .iter()
        .find(|c| c.tags.contains(&"deadline".to_string()))
        .expect("deadline claim");
    assert_eq!(deadline.verdict, "disputed");
    assert_eq!(
        ws.claims()
            .detail(&deadline.id)
            .expect("detail")
            .evidence
            .len(),
        2
    );
    assert_eq!(ws.sources().list().expect("sources").len(), 2);
    assert!(ws.claims().history(&deadline.id).expect("history").len() >= 4);
    ws.claims()
        .add(claimdesk_core::model::NewClaim {
            statement: "still writable".into(),
            ..Default::default()
        })
        .expect("an old workspace takes new claims");
}

#[test]
fn a_schema_v2_workspace_opens_and_remembers_its_claimreview_imports() {
    let (_d, ws) = open_copy("schema-v2-sample.sqlite");
    let claims = ws.claims().list(&Default::default()).expect("claims");
    assert_eq!(claims.len(), 8, "the sample's 4 claims and 4 imported ones");
    let imported = claims
        .iter()
        .filter(|c| c.tags.contains(&"imported".to_string()))
        .count();
    assert_eq!(imported, 4);
    // The file these claims were imported from, written beside the workspace
    // by the same release: importing it again must add nothing.
    let reviews = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/workspaces/schema-v2-claimreview.json"),
    )
    .expect("read the ClaimReview fixture");
    let again = claimdesk_core::exchange::import_claimreview(&ws, &reviews).expect("re-import");
    assert!(again.added.is_empty(), "re-import added {:?}", again.added);
    assert_eq!(again.already_imported.len(), 4);
}

#[test]
fn an_older_workspace_takes_a_page_that_went_back_to_its_first_text() {
    use claimdesk_core::model::{AddOutcome, NewEvidence, NewSource, Stance};
    let (_d, ws) = open_copy("schema-v1-sample.sqlite");
    let page = ws
        .sources()
        .list()
        .expect("sources")
        .into_iter()
        .find(|s| s.url.is_some())
        .expect("a sample source with a URL");
    let first = ws.sources().version(&page.id, Some(1)).expect("version 1");
    let capture = |text: &str| NewSource {
        title: page.title.clone(),
        url: page.url.clone(),
        canonical_url: page.canonical_url.clone(),
        text: text.into(),
        ..Default::default()
    };
    ws.sources()
        .add(capture(
            "An edited text of this page, written for the test.",
        ))
        .expect("edited");
    let back = ws.sources().add(capture(&first.text)).expect("reverted");
    assert_eq!(back.outcome, AddOutcome::NewVersion);
    assert_eq!(back.version.sha256, first.sha256);
    let before = ws.evidence().list(None).expect("evidence").len();
    let claim = ws.claims().list(&Default::default()).expect("claims")[0]
        .id
        .clone();
    let quote: String = first.text.chars().take(12).collect();
    ws.evidence()
        .add(NewEvidence {
            claim,
            source: page.id.clone(),
            version: None,
            quote,
            occurrence: Some(1),
            stance: Stance::Context,
            note: None,
        })
        .expect("evidence on the reverted version");
    assert_eq!(
        ws.evidence().list(None).expect("evidence").len(),
        before + 1,
        "the old evidence is all still there"
    );
}

#[test]
fn a_schema_v3_workspace_opens_with_a_page_that_went_back_to_its_first_text() {
    let (_d, ws) = open_copy("schema-v3-sample.sqlite");
    let notice = ws
        .sources()
        .list()
        .expect("sources")
        .into_iter()
        .find(|s| s.title == "Harbour notice")
        .expect("the reverted page");
    let versions = ws.sources().versions(&notice.id).expect("versions");
    assert_eq!(versions.len(), 3);
    assert_eq!(
        versions[2].sha256, versions[0].sha256,
        "back to its first text"
    );
    assert_ne!(versions[1].sha256, versions[0].sha256);
    let linked = ws.evidence().list(None).expect("evidence");
    assert_eq!(
        linked.len(),
        8,
        "the sample's 7 passages and one on the notice"
    );
    assert!(
        linked
            .iter()
            .any(|e| e.evidence.exact == "leaves at nine" && e.version_number == 3)
    );
}

#[test]
fn a_schema_v3_workspace_gets_the_dates_of_its_stored_versions() {
    let (_d, ws) = open_copy("schema-v3-sample.sqlite");
    let t = claimdesk_core::timeline::workspace_timeline(&ws, &[], &Default::default(), None)
        .expect("timeline of a migrated workspace");
    // The sample's outlets, published on Tuesday 4 March 2025, both put the
    // mayor's meeting on Wednesday 5 March.
    let mut wednesday: Vec<&str> = t
        .events
        .iter()
        .filter(|e| e.date == "2025-03-05" && e.sentence.contains("Mayor"))
        .filter_map(|e| e.outlet.as_deref())
        .collect();
    wednesday.sort_unstable();
    assert_eq!(wednesday, ["Coastal Courier", "Northern Ledger"]);
    assert!(
        t.deadlines.iter().any(|d| d.date == "2025-03-07"),
        "the sample's deadline claim"
    );
}

#[test]
fn a_schema_v6_workspace_opens_with_its_search_index_dates_and_passages_to_review() {
    // Written by the release with schema 6: the v3 sample migrated, then the
    // Northern Ledger article captured again with "four hours" for "five hours".
    let (_d, ws) = open_copy("schema-v6-sample.sqlite");
    let queue = ws.passage_reviews().list().expect("queue");
    let statuses: Vec<_> = queue.iter().map(|r| (r.status, r.version)).collect();
    assert_eq!(queue.len(), 3, "{statuses:?}");
    let edited: Vec<_> = queue
        .iter()
        .filter(|r| r.status == claimdesk_core::anchor::PassageStatus::Edited)
        .collect();
    assert_eq!(edited.len(), 1, "{statuses:?}");
    assert_eq!((edited[0].read_in_version, edited[0].version), (1, 2));

    use claimdesk_core::search::{self, Hit, SearchRequest};
    let four = search::run(&ws, &SearchRequest::new("\"four hours\"")).expect("search");
    let ledger: Vec<_> = four
        .hits
        .iter()
        .filter_map(|h| match h {
            Hit::Passage(p) if p.outlet.as_deref() == Some("Northern Ledger") => Some(p),
            _ => None,
        })
        .collect();
    assert!(
        matches!(&ledger[..], [p] if p.version == 2 && p.latest),
        "the new wording is found in the version that has it: {four:?}"
    );

    let notice = ws
        .sources()
        .list()
        .expect("sources")
        .into_iter()
        .find(|s| s.title == "Harbour notice")
        .expect("the notice");
    assert_eq!(
        ws.sources().versions(&notice.id).expect("versions").len(),
        3
    );
}

#[test]
fn a_schema_v6_workspace_keeps_a_pinned_reading_after_migrating() {
    use claimdesk_core::timeline::{TimelineFilter, pin_reading, workspace_timeline};
    let (dir, ws) = open_copy("schema-v6-sample.sqlite");
    let courier = ws
        .sources()
        .list()
        .expect("sources")
        .into_iter()
        .find(|s| s.outlet.as_deref() == Some("Coastal Courier"))
        .expect("the courier's story");
    let latest = ws.sources().version(&courier.id, None).expect("latest");
    // Published Tuesday 4 March 2025: "on Saturday" without a tense is 1 or 8 March.
    ws.sources()
        .add(claimdesk_core::model::NewSource {
            title: courier.title.clone(),
            outlet: courier.outlet.clone(),
            url: courier.url.clone(),
            published_on: courier.published_on,
            text: format!("{} The crew vote is on Saturday.", latest.text),
            ..Default::default()
        })
        .expect("a new version");
    let saturday = |ws: &Workspace| {
        workspace_timeline(ws, &[], &TimelineFilter::default(), None)
            .expect("timeline")
            .events
            .into_iter()
            .find(|e| e.sentence == "The crew vote is on Saturday.")
            .expect("the vote")
    };
    let vote = saturday(&ws);
    assert_eq!(vote.reading, "ambiguous", "{vote:?}");
    let other = vote.alternatives[0].clone();
    pin_reading(&ws, &courier.id, vote.expression_start, &other, None).expect("pin");
    let path = ws.path().to_path_buf();
    drop(ws);
    let ws = Workspace::open(&path).expect("reopen");
    let vote = saturday(&ws);
    assert_eq!((vote.date, vote.reading.as_str()), (other, "pinned"));
    drop(dir);
}

#[test]
fn a_schema_v6_workspace_matches_claims_once_migrated() {
    use claimdesk_core::search::similar::{self, Origin, Tier};
    let (_d, ws) = open_copy("schema-v6-sample.sqlite");
    let found = similar::similar(&ws, "The talks lasted for 5 hours", None).expect("similar");
    let first = &found.claims[0];
    assert_eq!(first.statement, "The talks lasted five hours");
    assert_eq!(first.tier, Tier::Match);
    assert_eq!(first.origin, Origin::Workspace);
    // A review imported into the migrated file keeps its headline and publisher.
    let review = r#"{"@type": "ClaimReview", "url": "https://checks.example/r/1",
        "claimReviewed": "Harbour Line cut the ferry timetable by half",
        "headline": "The timetable was not halved", "description": "Two sailings of ten were dropped.",
        "author": {"name": "Coastal Checks"}, "reviewRating": {"alternateName": "False"}}"#;
    claimdesk_core::exchange::import_claimreview(&ws, review).expect("import");
    let by_headline = similar::similar(&ws, "the timetable was halved", None).expect("similar");
    assert_eq!(
        by_headline.claims[0].origin,
        Origin::Claimreview {
            publisher: Some("Coastal Checks".into()),
            url: Some("https://checks.example/r/1".into()),
        }
    );
}

#[test]
fn claims_imported_before_matching_existed_show_their_review_and_pair_with_the_desk_copies() {
    use claimdesk_core::search::{self, similar::Origin};
    let (_d, ws) = open_copy("schema-v2-sample.sqlite");
    let pairs = search::duplicates(&ws).expect("duplicates");
    assert_eq!(
        pairs.len(),
        4,
        "each sample claim and its imported copy: {pairs:#?}"
    );
    for pair in &pairs {
        assert_eq!(pair.first.statement, pair.second.statement);
        assert_eq!(pair.first.origin, Origin::Workspace);
        match &pair.second.origin {
            Origin::Claimreview { url: Some(url), .. } => {
                assert!(
                    url.starts_with("https://factcheck.example.org/reviews#claim-"),
                    "{url}"
                )
            }
            other => panic!("the imported copy's origin: {other:?}"),
        }
    }
}

#[test]
fn a_schema_v6_workspace_takes_a_claim_merge_and_its_undo() {
    use claimdesk_core::model::ClaimFilter;
    let (_d, ws) = open_copy("schema-v6-sample.sqlite");
    let claims = ws.claims().list(&ClaimFilter::default()).expect("claims");
    assert!(claims.len() >= 2, "the sample has claims to merge");
    let (dup, keep) = (&claims[0].id, &claims[1].id);
    let passages = |id: &str| ws.claims().detail(id).expect("detail").evidence.len();
    let (dup_n, keep_n) = (passages(dup), passages(keep));
    ws.claims()
        .merge(dup, keep, None)
        .expect("merge on the migrated file");
    assert_eq!(passages(keep), dup_n + keep_n);
    let listed = ws.claims().list(&ClaimFilter::default()).expect("list");
    assert!(
        !listed.iter().any(|c| &c.id == dup),
        "the duplicate leaves the list"
    );
    ws.claims().unmerge(dup, None).expect("unmerge");
    assert_eq!((passages(dup), passages(keep)), (dup_n, keep_n));
    assert!(ws.check().expect("check").ok);
}

/// Schema 9, written by the release that added date pins (V7), ClaimReview
/// texts for matching (V8) and claim merges (V9): the v6 sample migrated, a
/// version of the Courier's story with "The crew vote is on Saturday." and
/// that Saturday pinned to 8 March, "The talks went on for five hours" merged
/// into "The talks lasted five hours", and a ClaimReview imported with its
/// headline and summary.
#[test]
fn a_schema_v9_workspace_keeps_its_pin_merge_and_review_texts() {
    use claimdesk_core::model::ClaimFilter;
    use claimdesk_core::search::similar::{self, Origin};
    use claimdesk_core::timeline::{TimelineFilter, workspace_timeline};
    let (_d, ws) = open_copy("schema-v9-sample.sqlite");
    let vote = workspace_timeline(&ws, &[], &TimelineFilter::default(), None)
        .expect("timeline")
        .events
        .into_iter()
        .find(|e| e.sentence == "The crew vote is on Saturday.")
        .expect("the vote");
    assert_eq!(
        (vote.date.as_str(), vote.reading.as_str()),
        ("2025-03-08", "pinned")
    );

    let listed = ws.claims().list(&ClaimFilter::default()).expect("list");
    assert!(
        !listed
            .iter()
            .any(|c| c.statement == "The talks went on for five hours"),
        "a merged duplicate stays out of the list"
    );
    let merged = ws
        .claims()
        .list_merged(&ClaimFilter::default())
        .expect("merged");
    assert_eq!(merged.len(), 1);
    let keeper = listed
        .iter()
        .find(|c| c.statement == "The talks lasted five hours")
        .expect("the keeper");
    let detail = ws.claims().detail(&keeper.id).expect("detail");
    assert_eq!(detail.merged_from.len(), 1);
    assert!(
        keeper.tags.iter().any(|t| t == "ferry"),
        "{:?}",
        keeper.tags
    );
    ws.claims().unmerge(&merged[0].id, None).expect("unmerge");
    assert!(
        ws.claims()
            .list(&ClaimFilter::default())
            .expect("list")
            .iter()
            .any(|c| c.statement == "The talks went on for five hours")
    );

    let found =
        similar::similar(&ws, "no, the ferry timetable was not halved", None).expect("similar");
    assert_eq!(
        found.claims[0].origin,
        Origin::Claimreview {
            publisher: Some("Coastal Checks".into()),
            url: Some("https://checks.example/reviews/ferry-timetable".into()),
        }
    );
    assert!(ws.check().expect("check").ok);
}

/// Schema 10 added the change feed of a shared desk: a schema 9 workspace,
/// migrated, offers everything it held to its first push, and a new desk
/// that applies that push holds the same desk.
#[test]
fn a_migrated_schema_v9_workspace_offers_its_whole_desk_to_a_first_push() {
    use claimdesk_core::exchange::bundle::{bundle_to_json, export_bundle};
    use claimdesk_core::report::Selection;
    use claimdesk_core::sync::{self, Received};
    const SERVER: &str = "postgres://127.0.0.1:5432/newsroom#desk";
    let (_d, ws) = open_copy("schema-v9-sample.sqlite");
    let out = sync::outgoing(&ws, SERVER, 10_000).expect("outgoing");
    let count = |entity: &str| out.changes.iter().filter(|c| c.entity == entity).count();
    let all = export_bundle(&ws, &Selection::default()).expect("export");
    assert_eq!(
        count("claim"),
        all.claims.len(),
        "every claim, deleted and merged ones too"
    );
    assert_eq!(count("source"), all.sources.len());
    assert_eq!(count("evidence"), all.evidence.len());
    assert_eq!(count("merge"), all.claim_merges.len());
    assert_eq!(count("scale"), 1);
    assert_eq!(count("date_pins"), 1, "the pinned Saturday");
    assert_eq!(count("claimreview_text"), 1);
    assert_eq!(count("claimreview_import"), 1);
    assert_eq!(
        sync::pending(&ws, SERVER).expect("pending"),
        out.changes.len() as u64
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let other = Workspace::create(dir.path().join("other.sqlite")).expect("create");
    let received: Vec<Received> = out
        .changes
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, change)| Received {
            seq: i as i64 + 1,
            change,
        })
        .collect();
    sync::apply_incoming(&other, SERVER, &received).expect("apply the first push");
    let text = |w: &Workspace| {
        bundle_to_json(&export_bundle(w, &Selection::default()).expect("export")).expect("json")
    };
    assert_eq!(
        text(&other),
        text(&ws),
        "the other desk holds the whole desk"
    );
    let vote = claimdesk_core::timeline::workspace_timeline(
        &other,
        &[],
        &claimdesk_core::timeline::TimelineFilter::default(),
        None,
    )
    .expect("timeline")
    .events
    .into_iter()
    .find(|e| e.sentence == "The crew vote is on Saturday.")
    .expect("the vote");
    assert_eq!(vote.reading, "pinned", "the date pin travelled");
    assert!(other.check().expect("check").ok);
}

/// Schema 10's fixture is the schema 9 sample after it synced with a second
/// desk through a shared desk, both checkers having given "The ferry leaves
/// at nine" a verdict of their own: the claim is flagged changed on two
/// desks, both verdicts are in its history, and the workspace remembers how
/// far it pushed and pulled, and where it syncs.
#[test]
fn a_schema_v10_workspace_keeps_its_conflict_its_sync_cursors_and_its_server() {
    use claimdesk_core::model::ClaimFilter;
    use claimdesk_core::sync;
    const SERVER: &str = "postgres://127.0.0.1:55432/postgres#main";
    let (_d, ws) = open_copy("schema-v10-sample.sqlite");
    let flagged = ws
        .claims()
        .list(&ClaimFilter {
            conflicts: true,
            ..Default::default()
        })
        .expect("conflicts");
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert_eq!(flagged[0].statement, "The ferry leaves at nine");
    assert!(flagged[0].conflict);
    assert_eq!(flagged[0].verdict, "false", "the later change won");
    let verdicts: Vec<(String, Option<String>)> = ws
        .claims()
        .history(&flagged[0].id)
        .expect("history")
        .into_iter()
        .filter(|h| h.field == "verdict")
        .map(|h| (h.actor, h.new))
        .collect();
    assert!(
        verdicts.contains(&("Ana Ruiz".into(), Some("verified".into())))
            && verdicts.contains(&("Ben Okafor".into(), Some("false".into()))),
        "both desks' verdicts stay in the history: {verdicts:?}"
    );

    assert!(sync::cursor(&ws, SERVER).expect("cursor") > 0);
    assert_eq!(sync::pending(&ws, SERVER).expect("pending"), 0);
    let settings = sync::settings::get(&ws).expect("sync settings");
    assert_eq!(
        settings.server.as_deref(),
        Some("postgres://postgres@127.0.0.1:55432/postgres")
    );
    assert_eq!(settings.desk.as_deref(), Some("main"));

    ws.claims()
        .resolve_conflict(&flagged[0].id, Some("the operator confirmed 09:30"))
        .expect("resolve");
    assert!(
        ws.claims()
            .list(&ClaimFilter {
                conflicts: true,
                ..Default::default()
            })
            .expect("conflicts")
            .is_empty()
    );
    let out = sync::outgoing(&ws, SERVER, 100).expect("outgoing");
    assert_eq!(
        out.changes
            .iter()
            .map(|c| c.entity.as_str())
            .collect::<Vec<_>>(),
        ["claim"],
        "only the resolved claim waits to be sent"
    );
    assert!(ws.check().expect("check").ok);
}
