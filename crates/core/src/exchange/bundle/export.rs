//! Writing a bundle from a workspace.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{
    BUNDLE_SCHEMA, Bundle, BundleClaim, BundleEvidence, BundleImportKey, BundleSource,
    BundleVersion,
};
use crate::error::{Error, Result};
use crate::model::{Claim, Evidence, Source};
use crate::selection::{Selection, select_claims};
use crate::store::{claim_merge, claims, evidence, history, imports, scale, sources};
use crate::workspace::Workspace;

/// Gathers a bundle: every claim (deleted ones too), source and passage when
/// the selection is empty; otherwise the selected live claims, all their
/// evidence (removed passages too) and every version of the sources it cites.
/// Reads only.
pub fn export_bundle(ws: &Workspace, selection: &Selection) -> Result<Bundle> {
    let conn = ws.conn();
    let mut claim_rows = claims::all_rows(conn)?;
    if !selection.is_all() {
        let chosen: BTreeSet<String> = select_claims(ws, selection)?
            .into_iter()
            .map(|c| c.id)
            .collect();
        claim_rows.retain(|(c, _)| chosen.contains(&c.id));
    }
    let claim_ids: BTreeSet<&str> = claim_rows.iter().map(|(c, _)| c.id.as_str()).collect();
    let evidence_rows: Vec<_> = evidence::all_rows(conn)?
        .into_iter()
        .filter(|(e, _)| claim_ids.contains(e.claim_id.as_str()))
        .collect();
    let cited: BTreeSet<&str> = evidence_rows
        .iter()
        .map(|(e, _)| e.source_id.as_str())
        .collect();
    let mut bundle_sources = Vec::new();
    for s in sources::all(conn)? {
        if !selection.is_all() && !cited.contains(s.id.as_str()) {
            continue;
        }
        bundle_sources.push(bundle_source(conn, s)?);
    }
    let mut bundle_claims = Vec::new();
    for (c, deleted_at) in &claim_rows {
        bundle_claims.push(bundle_claim(conn, c, *deleted_at)?);
    }
    let bundle_evidence = evidence_rows
        .into_iter()
        .map(|(e, removed_at)| bundle_evidence(e, removed_at))
        .collect();
    let claimreview_imports = imports::all(conn)?
        .into_iter()
        .filter(|(_, claim_id)| claim_ids.contains(claim_id.as_str()))
        .map(|(key, claim_id)| BundleImportKey { key, claim_id })
        .collect();
    let claim_merges = claim_merge::all(conn)?
        .into_iter()
        .filter(|m| {
            claim_ids.contains(m.duplicate_id.as_str()) && claim_ids.contains(m.keeper_id.as_str())
        })
        .collect();
    Ok(Bundle {
        schema: BUNDLE_SCHEMA.into(),
        scale: scale::list(conn)?,
        claims: bundle_claims,
        sources: bundle_sources,
        evidence: bundle_evidence,
        claimreview_imports,
        claim_merges,
    })
}

/// A source as a bundle holds it: with every version, oldest first. The
/// change feed sends the same document.
pub(crate) fn bundle_source(conn: &Connection, s: Source) -> Result<BundleSource> {
    let versions = sources::versions_of(conn, &s.id)?
        .into_iter()
        .map(|v| BundleVersion {
            id: v.id,
            number: v.number,
            text: v.text,
            html: v.html,
            sha256: v.sha256,
            captured_at: v.captured_at,
            final_url: v.final_url,
        })
        .collect();
    Ok(BundleSource {
        id: s.id,
        title: s.title,
        outlet: s.outlet,
        authors: s.authors,
        url: s.url,
        canonical_url: s.canonical_url,
        published_on: s.published_on,
        modified_on: s.modified_on,
        language: s.language,
        created_at: s.created_at,
        versions,
    })
}

/// A claim as a bundle holds it: every field and its whole history. The
/// change feed sends the same document.
pub(crate) fn bundle_claim(
    conn: &Connection,
    c: &Claim,
    deleted_at: Option<DateTime<Utc>>,
) -> Result<BundleClaim> {
    Ok(BundleClaim {
        history: history::list(conn, &c.id)?,
        id: c.id.clone(),
        statement: c.statement.clone(),
        claimant: c.claimant.clone(),
        claimed_on: c.claimed_on,
        event_on: c.event_on,
        notes: c.notes.clone(),
        tags: c.tags.clone(),
        verdict: c.verdict.clone(),
        rationale: c.rationale.clone(),
        created_at: c.created_at,
        updated_at: c.updated_at,
        deleted_at,
    })
}

/// A passage as a bundle holds it. The change feed sends the same document.
pub(crate) fn bundle_evidence(e: Evidence, removed_at: Option<DateTime<Utc>>) -> BundleEvidence {
    BundleEvidence {
        id: e.id,
        claim_id: e.claim_id,
        source_id: e.source_id,
        version_id: e.version_id,
        stance: e.stance,
        exact: e.exact,
        prefix: e.prefix,
        suffix: e.suffix,
        start: e.start,
        end: e.end,
        note: e.note,
        created_at: e.created_at,
        removed_at,
    }
}

/// The bundle as pretty-printed JSON with a final newline.
pub fn bundle_to_json(bundle: &Bundle) -> Result<String> {
    let mut text = serde_json::to_string_pretty(bundle)
        .map_err(|e| Error::render("cannot write the bundle", e))?;
    text.push('\n');
    Ok(text)
}
