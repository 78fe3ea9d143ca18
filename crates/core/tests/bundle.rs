//! Workspace bundles: export, import into another workspace, merge.

mod common;

use claimdesk_core::exchange::bundle::{self, Bundle};
use claimdesk_core::exchange::import_claimreview;
use claimdesk_core::model::{ClaimEdit, NewClaim};
use claimdesk_core::report::Selection;
use claimdesk_core::{ErrorKind, Workspace};
use common::{empty_workspace, fixture, table_dump};
use serde_json::{Value, json};

fn bundle_text(ws: &Workspace) -> String {
    bundle::bundle_to_json(&bundle::export_bundle(ws, &Selection::default()).expect("export"))
        .expect("json")
}

/// The fixture plus what a bundle must carry beyond it: a deleted claim, a
/// removed passage, a verdict added to the scale and a ClaimReview import.
fn rich_fixture() -> common::Fixture {
    let f = fixture();
    f.ws.scale().add("satire", "Satire", None).expect("scale");
    let gone =
        f.ws.claims()
            .add(NewClaim {
                statement: "A claim later deleted".into(),
                verdict: Some("satire".into()),
                ..Default::default()
            })
            .expect("claim");
    f.ws.claims()
        .delete(&gone.id, Some("duplicate"))
        .expect("delete");
    let removed = f.ws.evidence().list(Some(&f.frozen)).expect("evidence")[1]
        .evidence
        .id
        .clone();
    f.ws.evidence()
        .remove(&removed, Some("not needed"))
        .expect("remove");
    import_claimreview(
        &f.ws,
        r#"{"@context": "https://schema.org", "@type": "ClaimReview", "@id": "https://other.example/checks/1",
            "claimReviewed": "The ferry runs every hour", "reviewRating": {"@type": "Rating", "alternateName": "False"}}"#,
    )
    .expect("claimreview");
    f
}

#[test]
fn export_import_into_an_empty_workspace_and_export_again_is_identical() {
    let f = rich_fixture();
    let first = bundle_text(&f.ws);
    let (_d, other) = empty_workspace();
    let result = bundle::import_bundle(&other, &first).expect("import");
    assert_eq!(result.claims_added, 5);
    assert_eq!(result.sources_added, 3);
    assert_eq!(result.versions_added, 4);
    assert_eq!(result.evidence_added, 4);
    assert_eq!(result.verdicts_added, 1);
    assert_eq!(
        bundle_text(&other),
        first,
        "byte-identical bundle after a round trip"
    );

    // What a user sees in the other workspace is the same, too.
    let detail = other.claims().detail(&f.fare_rise).expect("same id");
    assert_eq!(detail.verdict.key, "mostly_true");
    assert_eq!(detail.evidence.len(), 2);
    assert_eq!(
        other.claims().history(&f.fare_rise).expect("history"),
        f.ws.claims().history(&f.fare_rise).expect("history")
    );
    let html = other
        .sources()
        .version(&f.sources[0], Some(1))
        .expect("version")
        .html;
    assert!(
        html.is_some_and(|h| h.contains("<article>")),
        "HTML snapshots travel"
    );
    assert_eq!(
        other
            .claims()
            .list(&Default::default())
            .expect("list")
            .len(),
        4,
        "the deleted claim stays deleted"
    );
}

#[test]
fn importing_the_same_bundle_twice_changes_nothing() {
    let f = rich_fixture();
    let text = bundle_text(&f.ws);
    let result = bundle::import_bundle(&f.ws, &text).expect("into itself");
    assert!(!result.changed(), "{result:?}");
    let (_d, other) = empty_workspace();
    bundle::import_bundle(&other, &text).expect("first");
    let after_first = bundle_text(&other);
    let again = bundle::import_bundle(&other, &text).expect("second");
    assert!(!again.changed(), "{again:?}");
    assert_eq!(bundle_text(&other), after_first);
    // The ClaimReview import travelled too: the same file adds nothing here.
    let re = import_claimreview(
        &other,
        r#"{"@type": "ClaimReview", "@id": "https://other.example/checks/1", "claimReviewed": "The ferry runs every hour"}"#,
    )
    .expect("re-import");
    assert!(re.added.is_empty());
}

#[test]
fn the_bundle_is_documented_json_without_an_export_time() {
    let f = fixture();
    let text = bundle_text(&f.ws);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(doc["schema"], "claimdesk.bundle/1");
    assert!(
        doc["claims"][0]["history"]
            .as_array()
            .is_some_and(|h| h.len() >= 4)
    );
    assert!(
        doc["sources"][1]["versions"]
            .as_array()
            .is_some_and(|v| v.len() == 2)
    );
    assert!(doc["evidence"][0].get("removed_at").is_some());
    let again = bundle_text(&f.ws);
    assert_eq!(
        text, again,
        "two exports of the same workspace are the same bytes"
    );
}

#[test]
fn two_checkers_merge_their_work() {
    let f = fixture();
    let start = bundle_text(&f.ws);
    let (_d, other) = empty_workspace();
    bundle::import_bundle(&other, &start).expect("share");

    // Here: a new claim and a verdict change. There: an edit of another claim.
    let mine =
        f.ws.claims()
            .add(NewClaim {
                statement: "Night ferries stop in May".into(),
                ..Default::default()
            })
            .expect("add");
    f.ws.claims()
        .set_verdict(&f.doubling, "unproven", Some("No plan published"), None)
        .expect("verdict");
    other
        .claims()
        .edit(
            &f.frozen,
            ClaimEdit {
                claimant: Some(Some("Harbour Council press office".into())),
                ..Default::default()
            },
            None,
        )
        .expect("edit");

    let result = bundle::import_bundle(&other, &bundle_text(&f.ws)).expect("merge into other");
    assert_eq!(result.claims_added, 1);
    assert_eq!(result.claims_updated, 1, "{result:?}");
    assert_eq!(
        result.claims_kept, 1,
        "their newer edit of the frozen claim is kept"
    );
    bundle::import_bundle(&f.ws, &bundle_text(&other)).expect("merge back");

    for ws in [&f.ws, &other] {
        assert!(ws.claims().get(&mine.id).is_ok());
        assert_eq!(
            ws.claims().get(&f.doubling).expect("claim").verdict,
            "unproven"
        );
        assert_eq!(
            ws.claims()
                .get(&f.frozen)
                .expect("claim")
                .claimant
                .as_deref(),
            Some("Harbour Council press office")
        );
    }
    let history = other.claims().history(&f.doubling).expect("history");
    assert!(history.iter().any(|h| h.field == "verdict"
        && h.new.as_deref() == Some("unproven")
        && h.note.as_deref() == Some("merged from bundle")));
    assert!(
        history.iter().any(|h| h.field == "verdict"
            && h.new.as_deref() == Some("unproven")
            && h.note.is_none()),
        "the original change came along"
    );
    // The merge back wrote history rows of its own; once they have travelled
    // too, both sides hold the same and further exchanges change nothing.
    let catch_up = bundle::import_bundle(&other, &bundle_text(&f.ws)).expect("catch up");
    assert_eq!(
        catch_up.claims_updated + catch_up.claims_added,
        0,
        "{catch_up:?}"
    );
    for (from, into) in [(&f.ws, &other), (&other, &f.ws)] {
        let once_more = bundle::import_bundle(into, &bundle_text(from)).expect("again");
        assert!(!once_more.changed(), "{once_more:?}");
    }
}

#[test]
fn a_selection_exports_its_claims_and_the_sources_they_cite() {
    let f = fixture();
    let b: Bundle = bundle::export_bundle(
        &f.ws,
        &Selection {
            verdict: Some("false".into()),
            ..Default::default()
        },
    )
    .expect("export");
    assert_eq!(b.claims.len(), 1);
    assert_eq!(b.claims[0].id, f.frozen);
    assert_eq!(b.sources.len(), 1);
    assert_eq!(b.sources[0].versions.len(), 2);
    assert_eq!(b.evidence.len(), 2);
    let (_d, other) = empty_workspace();
    bundle::import_bundle(&other, &bundle::bundle_to_json(&b).expect("json")).expect("import");
    assert_eq!(
        other
            .evidence()
            .list(Some(&f.frozen))
            .expect("evidence")
            .len(),
        2
    );
}

#[test]
fn bad_bundles_are_refused_and_nothing_is_written() {
    let f = fixture();
    let good = bundle_text(&f.ws);
    let (_d, other) = empty_workspace();
    let refuse = |text: &str, words: &str| {
        let err = bundle::import_bundle(&other, text).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
        assert!(err.to_string().contains(words), "{err}");
        assert!(
            other
                .claims()
                .list(&Default::default())
                .expect("list")
                .is_empty()
        );
        assert!(other.sources().list().expect("list").is_empty());
    };
    refuse("this is not json", "not JSON");
    refuse(r#"{"claims": []}"#, "not a Claimdesk bundle");
    refuse(
        &good.replace("claimdesk.bundle/1", "claimdesk.bundle/9"),
        "claimdesk.bundle/9",
    );
    refuse(
        r#"{"schema": "claimdesk.bundle/1", "claims": 3}"#,
        "does not follow",
    );
    refuse(
        &good.replace("The island ferry company", "The island ferry firm"),
        "sha256",
    );
    refuse(
        &good.replace(r#""verdict": "false""#, r#""verdict": "pants_on_fire""#),
        "not on the bundle's scale",
    );
    // Evidence for a claim the bundle does not carry: found after claims were
    // written, so the whole import is rolled back.
    let mut doc: serde_json::Value = serde_json::from_str(&good).expect("json");
    doc["evidence"][0]["claim_id"] = "01990000-0000-7000-8000-000000000000".into();
    refuse(
        &doc.to_string(),
        "neither in the bundle nor in this workspace",
    );
}

#[test]
fn versions_captured_on_both_sides_are_matched_or_renumbered() {
    let f = fixture();
    let (_d, other) = empty_workspace();
    bundle::import_bundle(&other, &bundle_text(&f.ws)).expect("share");
    let recapture = |ws: &Workspace, text: &str| {
        ws.sources()
            .add(claimdesk_core::model::NewSource {
                title: "Ferry fares to rise 12% in spring".into(),
                url: Some("https://gazette.example/news/ferry-fares".into()),
                text: text.into(),
                ..Default::default()
            })
            .expect("recapture")
            .version
    };
    let updated = format!("{}\nUpdate: the rise was postponed.", common::GAZETTE);
    let corrected = format!("{}\nCorrection: the rise is 10%.", common::GAZETTE);
    // Here the update became version 2. There the correction became version
    // 2 (and was quoted), then the same update version 3 under another id.
    let here = recapture(&f.ws, &updated);
    let theirs = recapture(&other, &corrected);
    assert_eq!(theirs.number, 2);
    recapture(&other, &updated);
    other
        .evidence()
        .add(claimdesk_core::model::NewEvidence {
            claim: f.fare_rise.clone(),
            source: f.sources[0].clone(),
            version: Some(theirs.number),
            quote: "the rise is 10%".into(),
            occurrence: None,
            stance: claimdesk_core::model::Stance::Disputes,
            note: None,
        })
        .expect("evidence");

    let result = bundle::import_bundle(&f.ws, &bundle_text(&other)).expect("merge");
    assert_eq!(
        result.versions_added, 1,
        "the shared update is matched, not added twice"
    );
    let versions = f.ws.sources().versions(&f.sources[0]).expect("versions");
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[1].id, here.id);
    assert_eq!(versions[2].id, theirs.id);
    assert_eq!(
        versions[2].number, 3,
        "their version 2 clashed with ours, so it is renumbered"
    );
    let quoted = f.ws.evidence().list(Some(&f.fare_rise)).expect("evidence");
    assert!(
        quoted
            .iter()
            .any(|e| e.evidence.exact == "the rise is 10%" && e.version_number == 3)
    );
}

/// Two workspaces a bad bundle is offered to: the one it came from and one
/// holding other work. Each must refuse it with a message naming `words` and
/// stay exactly as it was.
fn refused_everywhere(f: &common::Fixture, other: &Workspace, bundle: &Value, words: &[&str]) {
    let text = bundle.to_string();
    for ws in [&f.ws, other] {
        let before = table_dump(ws);
        let err = bundle::import_bundle(ws, &text).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
        for w in words {
            assert!(err.to_string().contains(w), "{w:?} not in: {err}");
        }
        assert!(err.to_string().contains("nothing was imported"), "{err}");
        assert_eq!(
            table_dump(ws),
            before,
            "a refused bundle wrote nothing: {err}"
        );
    }
}

fn workspace_with_other_work() -> (tempfile::TempDir, Workspace) {
    let (dir, ws) = empty_workspace();
    ws.claims()
        .add(NewClaim {
            statement: "The harbour opens at dawn".into(),
            ..Default::default()
        })
        .expect("claim");
    (dir, ws)
}

#[test]
fn a_passage_that_is_not_in_its_version_refuses_the_whole_bundle() {
    let f = fixture();
    let (_d, other) = workspace_with_other_work();
    let good: Value = serde_json::from_str(&bundle_text(&f.ws)).expect("json");
    let first = &good["evidence"][0];
    assert_eq!(first["exact"], "fares will rise 12% from 1 April");
    let id = first["id"].as_str().expect("id").to_string();
    let claim = first["claim_id"].as_str().expect("claim").to_string();
    // A new claim rides along, so a silent import would show.
    let mut with_new_claim = good.clone();
    let mut extra = good["claims"][0].clone();
    extra["id"] = json!("01990000-0000-7000-8000-00000000abcd");
    extra["statement"] = json!("A claim that must not arrive");
    with_new_claim["claims"]
        .as_array_mut()
        .expect("claims")
        .push(extra);

    let altered = |field: &str, value: Value| {
        let mut b = with_new_claim.clone();
        b["evidence"][0][field] = value;
        b
    };
    let named: [&str; 3] = [&id, &claim, "evidence 1"];
    let with = |more: &[&'static str]| -> Vec<String> {
        named
            .iter()
            .map(|s| s.to_string())
            .chain(more.iter().map(|s| s.to_string()))
            .collect()
    };
    let cases = [
        (
            altered("exact", json!("fares will fall 50% from 1 April")),
            with(&[
                "fares will fall 50% from 1 April",
                "fares will rise 12% from 1 April",
            ]),
        ),
        (
            altered("start", json!(400)),
            with(&["runs past", "191 characters"]),
        ),
        (altered("end", json!(4000)), with(&["runs past"])),
        (
            altered("prefix", json!("The island ferry firm said that ")),
            with(&["prefix", "The island ferry firm said that "]),
        ),
        (
            altered("suffix", json!(".\nA single ticket")),
            with(&["suffix"]),
        ),
    ];
    for (bundle, words) in &cases {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        refused_everywhere(&f, &other, bundle, &words);
    }
    // The words of another passage of the same version, at this one's offsets.
    let mut moved = with_new_claim.clone();
    moved["evidence"][0]["start"] = json!(first["start"].as_u64().expect("start") + 1);
    moved["evidence"][0]["end"] = json!(first["end"].as_u64().expect("end") + 1);
    refused_everywhere(&f, &other, &moved, &[&id, "holds"]);

    // The good bundle with its extra claim still imports.
    bundle::import_bundle(&other, &with_new_claim.to_string()).expect("good bundle");
}

#[test]
fn a_version_must_match_its_sha256_when_the_bundle_gives_one() {
    let f = fixture();
    let (_d, other) = workspace_with_other_work();
    let good: Value = serde_json::from_str(&bundle_text(&f.ws)).expect("json");
    let mut wrong = good.clone();
    wrong["sources"][0]["versions"][0]["sha256"] = json!("0".repeat(64));
    let version = good["sources"][0]["versions"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    refused_everywhere(&f, &other, &wrong, &["sha256", &version]);

    // Without a sha256 the import computes it.
    let mut without = good.clone();
    for s in without["sources"].as_array_mut().expect("sources") {
        for v in s["versions"].as_array_mut().expect("versions") {
            v.as_object_mut().expect("version").remove("sha256");
        }
    }
    let (_e, fresh) = empty_workspace();
    bundle::import_bundle(&fresh, &without.to_string()).expect("import");
    assert_eq!(bundle_text(&fresh), bundle_text(&f.ws));
}

#[test]
fn a_version_id_this_workspace_holds_with_another_text_is_refused() {
    let f = fixture();
    let mut b: Value = serde_json::from_str(&bundle_text(&f.ws)).expect("json");
    // Version 1 of the Mainland Morning story, given version 2's text.
    let (v1, v2) = (
        b["sources"][1]["versions"][0].clone(),
        b["sources"][1]["versions"][1].clone(),
    );
    assert_eq!(v1["number"], 1);
    let mut swapped = v2.clone();
    swapped["id"] = v1["id"].clone();
    swapped["number"] = json!(1);
    b["sources"][1]["versions"] = json!([swapped]);
    b["evidence"] = json!([]);
    let before = table_dump(&f.ws);
    let err = bundle::import_bundle(&f.ws, &b.to_string()).expect_err("refused");
    assert!(
        err.to_string().contains(v1["id"].as_str().expect("id")),
        "{err}"
    );
    assert!(err.to_string().contains("another text"), "{err}");
    assert_eq!(table_dump(&f.ws), before);
}

#[test]
fn malformed_ids_refuse_the_whole_bundle() {
    let f = fixture();
    let (_d, other) = workspace_with_other_work();
    let good: Value = serde_json::from_str(&bundle_text(&f.ws)).expect("json");
    let upper = good["claims"][0]["id"].as_str().expect("id").to_uppercase();
    let cases: [(&[&str], Value, &str); 8] = [
        (
            &["claims", "0", "id"],
            json!("claim-1"),
            "claim \"claim-1\"",
        ),
        (
            &["claims", "0", "id"],
            json!(upper),
            "is not a Claimdesk id",
        ),
        (
            &["sources", "0", "id"],
            json!("gazette"),
            "source \"gazette\"",
        ),
        (
            &["sources", "0", "versions", "0", "id"],
            json!("v1"),
            "version \"v1\"",
        ),
        (&["evidence", "0", "id"], json!("e 1"), "evidence \"e 1\""),
        (&["evidence", "0", "claim_id"], json!("nope"), "\"nope\""),
        (&["evidence", "0", "version_id"], json!(""), "version \"\""),
        (
            &["claimreview_imports", "0", "claim_id"],
            json!("x"),
            "\"x\"",
        ),
    ];
    let mut rich = good.clone();
    rich["claimreview_imports"] =
        json!([{"key": "id:https://other.example/1", "claim_id": good["claims"][0]["id"]}]);
    for (path, value, words) in cases {
        let mut b = rich.clone();
        let mut at = &mut b;
        for step in path {
            at = match step.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*step],
            };
        }
        *at = value;
        refused_everywhere(&f, &other, &b, &[words, "not a Claimdesk id"]);
    }
}

#[test]
fn duplicate_ids_refuse_the_whole_bundle() {
    let f = fixture();
    let (_d, other) = workspace_with_other_work();
    let good: Value = serde_json::from_str(&bundle_text(&f.ws)).expect("json");
    let twice = |list: &str, i: usize, change: &dyn Fn(&mut Value)| {
        let mut b = good.clone();
        let mut copy = b[list][i].clone();
        change(&mut copy);
        b[list].as_array_mut().expect("list").push(copy);
        b
    };
    // Two claims with one id: the second, newer copy would overwrite the
    // workspace's statement.
    let claim = good["claims"][0]["id"].as_str().expect("id").to_string();
    let b = twice("claims", 0, &|c| {
        c["statement"] = json!("An invented statement");
        c["updated_at"] = json!("2099-01-01T00:00:00.000000Z");
    });
    refused_everywhere(&f, &other, &b, &[&claim, "twice"]);
    assert_ne!(
        f.ws.claims().get(&claim).expect("claim").statement,
        "An invented statement"
    );

    let source = good["sources"][0]["id"].as_str().expect("id").to_string();
    refused_everywhere(
        &f,
        &other,
        &twice("sources", 0, &|_| {}),
        &[&source, "twice"],
    );

    let evidence = good["evidence"][0]["id"].as_str().expect("id").to_string();
    refused_everywhere(
        &f,
        &other,
        &twice("evidence", 0, &|e| e["stance"] = json!("disputes")),
        &[&evidence, "twice"],
    );

    // One version id under two sources.
    let version = good["sources"][0]["versions"][0]["id"].clone();
    let mut b = good.clone();
    let mut copy = b["sources"][2]["versions"][0].clone();
    copy["id"] = version.clone();
    b["sources"][2]["versions"]
        .as_array_mut()
        .expect("versions")
        .push(copy);
    refused_everywhere(&f, &other, &b, &[version.as_str().expect("id"), "twice"]);
}

#[test]
fn a_page_that_went_back_to_its_first_text_keeps_all_its_versions_in_a_round_trip() {
    let f = fixture();
    let recapture = |text: &str| {
        f.ws.sources()
            .add(claimdesk_core::model::NewSource {
                title: "Ferry fares to rise 12% in spring".into(),
                url: Some("https://gazette.example/news/ferry-fares".into()),
                text: text.into(),
                ..Default::default()
            })
            .expect("recapture")
            .version
    };
    let before = f.ws.sources().versions(&f.sources[0]).expect("versions");
    recapture(&format!(
        "{}\nUpdate: the rise was postponed.",
        common::GAZETTE
    ));
    let back = recapture(&before.last().expect("a version").text);
    assert_eq!(back.number as usize, before.len() + 2);

    let first = bundle_text(&f.ws);
    let (_d, other) = empty_workspace();
    bundle::import_bundle(&other, &first).expect("import");
    let theirs = other.sources().versions(&f.sources[0]).expect("versions");
    assert_eq!(
        theirs.len(),
        before.len() + 2,
        "the reverted version travels"
    );
    assert_eq!(
        other
            .sources()
            .version(&f.sources[0], None)
            .expect("latest")
            .id,
        back.id
    );
    assert_eq!(
        bundle_text(&other),
        first,
        "byte-identical after a round trip"
    );
}
