//! A small sample workspace, written for Claimdesk: two outlets' tellings of
//! one invented event (a ferry pay dispute in the invented town of Port
//! Alder), with claims, evidence and verdicts, so every feature can be tried
//! in a minute.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{NewClaim, NewEvidence, NewSource, Stance};
use crate::workspace::Workspace;

pub mod claim_reviews;
pub mod desk_year;
/// The generated year desk kept in a file, made once for benches and tests.
pub mod kept_desk;
mod seeded;

const NORTHERN_LEDGER: &str = include_str!("northern-ledger.txt");
const COASTAL_COURIER: &str = include_str!("coastal-courier.txt");

/// What the sample put in the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SampleSummary {
    /// How many claims the sample added.
    pub claims: u32,
    /// How many sources the sample added (one version each).
    pub sources: u32,
    /// Passages of evidence linked.
    pub evidence: u32,
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Fills an empty workspace with the sample. Refuses a workspace that already
/// holds claims or sources, so nobody's work gets mixed with it.
pub fn fill(ws: &Workspace) -> Result<SampleSummary> {
    refuse_unless_empty(ws)?;
    let ledger = ws.sources().add(NewSource {
        title: "Ferry talks collapse as operator drops Friday deadline".into(),
        outlet: Some("Northern Ledger".into()),
        authors: vec!["Ada Pryce".into()],
        url: Some("https://northern-ledger.example/ferry-talks".into()),
        published_on: date(2025, 3, 4),
        language: Some("en".into()),
        text: NORTHERN_LEDGER.into(),
        ..Default::default()
    })?;
    let courier = ws.sources().add(NewSource {
        title: "Harbour Line and crew union fail to agree after marathon session".into(),
        outlet: Some("Coastal Courier".into()),
        authors: vec!["Ben Okafor".into()],
        url: Some("https://coastal-courier.example/harbour-line".into()),
        published_on: date(2025, 3, 4),
        language: Some("en".into()),
        text: COASTAL_COURIER.into(),
        ..Default::default()
    })?;
    let (l, c) = (ledger.source.id, courier.source.id);

    let claims = ws.claims();
    let deadline = claims.add(NewClaim {
        statement: "Harbour Line set Friday as the deadline for the union to accept its pay offer"
            .into(),
        claimant: Some("Tomas Brink".into()),
        claimed_on: date(2025, 3, 3),
        event_on: date(2025, 3, 7),
        tags: vec!["deadline".into(), "pay".into()],
        ..Default::default()
    })?;
    let meeting = claims.add(NewClaim {
        statement: "The mayor's Wednesday meeting with the union was cancelled".into(),
        claimant: Some("Office of Mayor Ilse Varga".into()),
        claimed_on: date(2025, 3, 4),
        tags: vec!["meeting".into()],
        ..Default::default()
    })?;
    let hours = claims.add(NewClaim {
        statement: "The talks lasted five hours".into(),
        claimant: Some("Northern Ledger".into()),
        claimed_on: date(2025, 3, 4),
        tags: vec!["talks".into()],
        notes: Some("The Coastal Courier says four hours.".into()),
        ..Default::default()
    })?;
    let passengers = claims.add(NewClaim {
        statement: "The ferries carry 12,000 passengers a day".into(),
        claimant: Some("Northern Ledger".into()),
        claimed_on: date(2025, 3, 4),
        tags: vec!["numbers".into()],
        ..Default::default()
    })?;

    let link = |claim: &str, source: &str, quote: &str, stance: Stance| {
        ws.evidence().add(NewEvidence {
            claim: claim.into(),
            source: source.into(),
            version: None,
            quote: quote.into(),
            occurrence: None,
            stance,
            note: None,
        })
    };
    link(
        &deadline.id,
        &l,
        "quietly dropped the Friday deadline",
        Stance::Disputes,
    )?;
    link(
        &deadline.id,
        &c,
        "stays on the table until Friday",
        Stance::Supports,
    )?;
    link(&meeting.id, &l, "cancelled the meeting", Stance::Supports)?;
    link(
        &meeting.id,
        &c,
        "will meet union leaders on Wednesday as planned",
        Stance::Disputes,
    )?;
    link(
        &hours.id,
        &l,
        "after five hours without an agreement",
        Stance::Supports,
    )?;
    link(&hours.id, &c, "ended four hours of talks", Stance::Disputes)?;
    link(
        &passengers.id,
        &c,
        "roughly 11,000 passengers daily",
        Stance::Context,
    )?;

    claims.set_verdict(
        &deadline.id,
        "disputed",
        Some("One outlet reports the deadline dropped, the other quotes it as standing."),
        None,
    )?;
    claims.set_verdict(
        &meeting.id,
        "in_review",
        Some("The outlets disagree; waiting for the mayor's office to confirm."),
        None,
    )?;
    claims.set_verdict(
        &hours.id,
        "unproven",
        Some("Five hours and four hours are both reported."),
        None,
    )?;
    claims.set_verdict(
        &passengers.id,
        "mostly_true",
        Some("The other outlet says about 11,000."),
        None,
    )?;

    Ok(SampleSummary {
        claims: 4,
        sources: 2,
        evidence: 7,
    })
}

/// Samples go into empty workspaces only, so nobody's work gets mixed with them.
fn refuse_unless_empty(ws: &Workspace) -> Result<()> {
    let claims = ws.claims().page(&Default::default(), 1, None)?;
    if !claims.claims.is_empty() || !ws.sources().list()?.is_empty() {
        return Err(Error::Conflict(
            "the sample goes into an empty workspace; create a new workspace for it".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_fills_an_empty_workspace_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::create(dir.path().join("sample.sqlite")).expect("create");
        let summary = fill(&ws).expect("sample");
        let claims = ws.claims().list(&Default::default()).expect("claims");
        assert_eq!(claims.len() as u32, summary.claims);
        assert_eq!(
            ws.sources().list().expect("sources").len() as u32,
            summary.sources
        );
        assert_eq!(
            ws.evidence().list(None).expect("evidence").len() as u32,
            summary.evidence
        );
        assert!(
            claims.iter().all(|c| c.verdict != "unverified"),
            "every sample claim has a verdict"
        );
        let err = fill(&ws).expect_err("second fill refused");
        assert_eq!(err.kind(), crate::ErrorKind::Conflict);
    }
}
