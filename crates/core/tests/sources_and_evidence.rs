//! Sources with versions, and evidence anchored in them.

use claimdesk_core::model::{
    AddOutcome, NewClaim, NewEvidence, NewEvidenceAt, NewSource, PassagePick, Stance,
};
use claimdesk_core::{ErrorKind, Workspace};

const ARTICLE_V1: &str = "Envoys leave Moscow without a deal\r\n\r\nThe two envoys left Moscow on Tuesday after five hours of talks.\r\nThe White House later backed down from that deadline, officials said.\r\n";
const ARTICLE_V2: &str = "Envoys leave Moscow without a deal\n\nThe two envoys left Moscow on Tuesday after four hours of talks.\nThe White House later backed down from that deadline, officials said.\nA follow-up meeting is planned.\n";

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    (dir, ws)
}

fn article(text: &str) -> NewSource {
    NewSource {
        title: "Envoys leave Moscow".into(),
        outlet: Some("Northern Ledger".into()),
        url: Some("https://example.org/envoys".into()),
        authors: vec!["J. Doe".into(), "  ".into()],
        text: text.into(),
        ..Default::default()
    }
}

fn claim(ws: &Workspace) -> String {
    ws.claims()
        .add(NewClaim {
            statement: "The US set a Thanksgiving deadline for Kyiv".into(),
            ..Default::default()
        })
        .expect("claim")
        .id
}

#[test]
fn text_is_normalised_hashed_and_kept_with_its_metadata() {
    let (_d, ws) = workspace();
    let added = ws.sources().add(article(ARTICLE_V1)).expect("add");
    assert_eq!(added.outcome, AddOutcome::NewSource);
    assert!(!added.version.text.contains('\r'));
    assert_eq!(added.version.number, 1);
    assert_eq!(
        added.version.sha256,
        claimdesk_core::text::normalise::sha256_hex(&added.version.text)
    );
    assert_eq!(added.source.authors, vec!["J. Doe"]);
    assert_eq!(
        added.source.canonical_url.as_deref(),
        Some("https://example.org/envoys")
    );
}

#[test]
fn the_same_text_twice_is_not_stored_twice() {
    let (_d, ws) = workspace();
    let first = ws.sources().add(article(ARTICLE_V1)).expect("first");
    let again = ws
        .sources()
        .add(article(&ARTICLE_V1.replace("\r\n", "\n")))
        .expect("again");
    assert_eq!(again.outcome, AddOutcome::Unchanged);
    assert_eq!(again.version.id, first.version.id);
    let pasted = ws
        .sources()
        .add(NewSource {
            text: ARTICLE_V1.into(),
            ..Default::default()
        })
        .expect("pasted");
    assert_eq!(
        pasted.outcome,
        AddOutcome::Unchanged,
        "no URL: the same text is the same source"
    );
    assert_eq!(ws.sources().list().expect("list").len(), 1);
    assert_eq!(
        ws.sources()
            .versions(&first.source.id)
            .expect("versions")
            .len(),
        1
    );
}

#[test]
fn a_changed_text_at_the_same_url_becomes_the_next_version_and_keeps_the_old_one() {
    let (_d, ws) = workspace();
    let v1 = ws.sources().add(article(ARTICLE_V1)).expect("v1");
    let v2 = ws.sources().add(article(ARTICLE_V2)).expect("v2");
    assert_eq!(v2.outcome, AddOutcome::NewVersion);
    assert_eq!(v2.source.id, v1.source.id);
    assert_eq!(v2.version.number, 2);
    assert_eq!(v2.source.version_count, 2);
    let versions = ws.sources().versions(&v1.source.id).expect("versions");
    assert!(versions[0].text.contains("five hours"));
    assert!(versions[1].text.contains("four hours"));
    assert_eq!(
        ws.sources()
            .version(&v1.source.id, None)
            .expect("latest")
            .number,
        2
    );
    assert_eq!(
        ws.sources()
            .version(&v1.source.id, Some(1))
            .expect("first")
            .id,
        v1.version.id
    );
    assert!(ws.sources().version(&v1.source.id, Some(3)).is_err());
}

#[test]
fn a_page_that_goes_back_to_an_earlier_text_gets_a_new_latest_version() {
    let (_d, ws) = workspace();
    let v1 = ws.sources().add(article(ARTICLE_V1)).expect("v1");
    ws.sources().add(article(ARTICLE_V2)).expect("v2");
    let reverted = ws.sources().add(article(ARTICLE_V1)).expect("reverted");
    assert_eq!(reverted.outcome, AddOutcome::NewVersion);
    assert_eq!(reverted.source.id, v1.source.id);
    assert_eq!(
        (reverted.version.number, reverted.source.version_count),
        (3, 3)
    );
    assert_ne!(reverted.version.id, v1.version.id, "a capture of its own");
    let latest = ws.sources().version(&v1.source.id, None).expect("latest");
    assert_eq!(latest.number, 3);
    assert!(latest.text.contains("five hours"), "the live page's text");
    assert_eq!(latest.sha256, v1.version.sha256);

    let again = ws.sources().add(article(ARTICLE_V1)).expect("again");
    assert_eq!(again.outcome, AddOutcome::Unchanged);
    assert_eq!(again.version.id, reverted.version.id);
    assert_eq!(
        ws.sources()
            .versions(&v1.source.id)
            .expect("versions")
            .len(),
        3
    );
}

#[test]
fn the_same_text_from_a_different_url_is_a_different_source() {
    let (_d, ws) = workspace();
    ws.sources().add(article(ARTICLE_V1)).expect("a");
    let mut wire = article(ARTICLE_V1);
    wire.url = Some("https://other.example/wire-copy".into());
    wire.outlet = Some("Southern Courier".into());
    assert_eq!(
        ws.sources().add(wire).expect("b").outcome,
        AddOutcome::NewSource
    );
}

#[test]
fn empty_text_is_refused_and_nothing_is_written() {
    let (_d, ws) = workspace();
    let err = ws.sources().add(article(" \r\n\t ")).expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("empty"), "{err}");
    assert!(ws.sources().list().expect("list").is_empty());
}

#[test]
fn a_source_without_a_title_takes_its_first_line() {
    let (_d, ws) = workspace();
    let added = ws
        .sources()
        .add(NewSource {
            text: ARTICLE_V2.into(),
            ..Default::default()
        })
        .expect("add");
    assert_eq!(added.source.title, "Envoys leave Moscow without a deal");
}

#[test]
fn evidence_records_selectors_that_point_at_the_passage() {
    let (_d, ws) = workspace();
    let claim_id = claim(&ws);
    let src = ws.sources().add(article(ARTICLE_V1)).expect("source");
    let view = ws
        .evidence()
        .add(NewEvidence {
            claim: claim_id[..13].into(),
            source: src.source.id[..13].into(),
            version: None,
            quote: "backed down from that deadline".into(),
            occurrence: None,
            stance: Stance::Disputes,
            note: Some("second outlet agrees".into()),
        })
        .expect("evidence");
    let e = &view.evidence;
    let chars: Vec<char> = src.version.text.chars().collect();
    let at: String = chars[e.start as usize..e.end as usize].iter().collect();
    assert_eq!(at, "backed down from that deadline");
    assert!(
        e.prefix.ends_with("The White House later "),
        "{:?}",
        e.prefix
    );
    assert!(e.suffix.starts_with(", officials said."), "{:?}", e.suffix);
    assert_eq!(view.outlet.as_deref(), Some("Northern Ledger"));
    assert_eq!(view.version_sha256, src.version.sha256);

    let detail = ws.claims().detail(&claim_id).expect("detail");
    assert_eq!(detail.evidence.len(), 1);
    let last = ws
        .claims()
        .history(&claim_id)
        .expect("history")
        .pop()
        .expect("a row");
    assert_eq!(last.field, "evidence");
    assert!(
        last.new
            .as_deref()
            .unwrap_or_default()
            .contains("disputes: \"backed down from that deadline\"")
    );
    assert_eq!(last.note.as_deref(), Some("second outlet agrees"));
}

#[test]
fn a_quote_not_in_the_source_is_refused_and_nothing_is_written() {
    let (_d, ws) = workspace();
    let claim_id = claim(&ws);
    let src = ws.sources().add(article(ARTICLE_V1)).expect("source");
    let err = ws
        .evidence()
        .add(NewEvidence {
            claim: claim_id.clone(),
            source: src.source.id.clone(),
            version: None,
            quote: "set a firm Thanksgiving deadline".into(),
            occurrence: None,
            stance: Stance::Supports,
            note: None,
        })
        .expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(ws.evidence().list(None).expect("list").is_empty());
    assert_eq!(ws.claims().history(&claim_id).expect("history").len(), 1);
}

fn at(claim: &str, source: &str, start: u32, end: u32) -> NewEvidenceAt {
    NewEvidenceAt {
        claim: claim.into(),
        passage: PassagePick {
            source: source.into(),
            version: 1,
            start,
            end,
            stance: Stance::Context,
        },
        note: None,
    }
}

#[test]
fn a_passage_by_position_is_the_occurrence_at_that_position() {
    let (_d, ws) = workspace();
    let claim_id = claim(&ws);
    let text = "«Kyiv» said no.\nMoscow said no.";
    let src = ws.sources().add(article(text)).expect("source");
    let second = text.rfind("said no").expect("in text");
    let start = u32::try_from(text[..second].chars().count()).expect("short");
    let view = ws
        .evidence()
        .add_at(at(&claim_id, &src.source.id, start, start + 7))
        .expect("linked");
    assert_eq!(view.evidence.exact, "said no");
    assert_eq!(view.evidence.start, start);
    assert!(
        view.evidence.prefix.ends_with("\nMoscow "),
        "{:?}",
        view.evidence.prefix
    );
}

#[test]
fn a_passage_by_position_off_the_text_or_blank_is_refused_and_nothing_is_written() {
    let (_d, ws) = workspace();
    let claim_id = claim(&ws);
    let src = ws
        .sources()
        .add(article("Talks ended.  Ferries ran."))
        .expect("source");
    for (start, end, says) in [
        (
            20,
            99,
            "is not inside version 1 of the source, which has 26 characters",
        ),
        (5, 5, "is not inside"),
        (9, 3, "is not inside"),
        (12, 14, "is blank"),
    ] {
        let err = ws
            .evidence()
            .add_at(at(&claim_id, &src.source.id, start, end))
            .expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert!(err.to_string().contains(says), "{start}..{end}: {err}");
    }
    assert!(ws.evidence().list(None).expect("list").is_empty());
    assert_eq!(ws.claims().history(&claim_id).expect("history").len(), 1);
}

#[test]
fn evidence_can_be_removed_and_restored_and_history_says_so() {
    let (_d, ws) = workspace();
    let claim_id = claim(&ws);
    let src = ws.sources().add(article(ARTICLE_V1)).expect("source");
    let view = ws
        .evidence()
        .add(NewEvidence {
            claim: claim_id.clone(),
            source: src.source.id.clone(),
            version: None,
            quote: "five hours".into(),
            occurrence: None,
            stance: Stance::Context,
            note: None,
        })
        .expect("add");
    ws.evidence()
        .remove(&view.evidence.id, Some("wrong passage"))
        .expect("remove");
    assert!(
        ws.claims()
            .detail(&claim_id)
            .expect("detail")
            .evidence
            .is_empty()
    );
    assert!(
        ws.evidence().remove(&view.evidence.id, None).is_err(),
        "already removed"
    );
    ws.evidence()
        .restore(&view.evidence.id, None)
        .expect("restore");
    assert_eq!(
        ws.claims()
            .detail(&claim_id)
            .expect("detail")
            .evidence
            .len(),
        1
    );
    let h = ws.claims().history(&claim_id).expect("history");
    let evidence_rows: Vec<(bool, bool)> = h
        .iter()
        .filter(|r| r.field == "evidence")
        .map(|r| (r.old.is_some(), r.new.is_some()))
        .collect();
    assert_eq!(evidence_rows, [(false, true), (true, false), (false, true)]);
}

#[test]
fn evidence_is_found_again_in_a_later_version_or_reported_gone() {
    let (_d, ws) = workspace();
    let claim_id = claim(&ws);
    let v1 = ws.sources().add(article(ARTICLE_V1)).expect("v1");
    let add = |quote: &str| {
        ws.evidence()
            .add(NewEvidence {
                claim: claim_id.clone(),
                source: v1.source.id.clone(),
                version: None,
                quote: quote.into(),
                occurrence: None,
                stance: Stance::Disputes,
                note: None,
            })
            .expect("add")
    };
    let kept = add("backed down from that deadline");
    let changed = add("five hours of talks");
    ws.sources().add(article(ARTICLE_V2)).expect("v2");
    let again = ws
        .evidence()
        .locate_in_version(&kept.evidence.id, None)
        .expect("locate")
        .expect("still there");
    let v2 = ws.sources().version(&v1.source.id, None).expect("v2");
    let chars: Vec<char> = v2.text.chars().collect();
    assert_eq!(
        chars[again.start as usize..again.end as usize]
            .iter()
            .collect::<String>(),
        again.exact
    );
    assert_eq!(
        ws.evidence()
            .locate_in_version(&changed.evidence.id, None)
            .expect("locate"),
        None
    );
}

#[test]
fn evidence_on_a_deleted_claim_or_unknown_source_is_refused() {
    let (_d, ws) = workspace();
    let claim_id = claim(&ws);
    let src = ws.sources().add(article(ARTICLE_V1)).expect("source");
    ws.claims().delete(&claim_id, None).expect("delete");
    let new = |claim: &str, source: &str| NewEvidence {
        claim: claim.into(),
        source: source.into(),
        version: None,
        quote: "five hours".into(),
        occurrence: None,
        stance: Stance::Supports,
        note: None,
    };
    assert_eq!(
        ws.evidence()
            .add(new(&claim_id, &src.source.id))
            .err()
            .map(|e| e.kind()),
        Some(ErrorKind::NotFound)
    );
    ws.claims().restore(&claim_id, None).expect("restore");
    assert_eq!(
        ws.evidence()
            .add(new(&claim_id, "ffffffff"))
            .err()
            .map(|e| e.kind()),
        Some(ErrorKind::NotFound)
    );
}
