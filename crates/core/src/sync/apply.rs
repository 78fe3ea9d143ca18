//! Applying other desks' changes, through the bundle import's merge rules.

use std::collections::BTreeSet;

use rusqlite::{Connection, params};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::claim_rule::apply_claim;
use super::cursors::{applied_up_to, check_server, set_applied};
use super::documents::{DatePinsDoc, EvidenceDoc, ReviewTextDoc, ScaleDoc, SettingDoc};
use super::entity::{Entity, is_local_setting};
use super::quiet::quietly;
use super::{Change, Received};
use crate::error::{Error, Result};
use crate::exchange::bundle::import::{
    BundleImport, merge_evidence, merge_import_key, merge_scale, merge_sources, to_source,
};
use crate::exchange::bundle::{BundleClaim, BundleImportKey, BundleSource};
use crate::model::{ClaimMerge, Evidence};
use crate::store::{claim_merge, evidence, sources};
use crate::workspace::Workspace;

/// What applying a batch of changes did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Applied {
    /// Changes from other desks applied (this desk's own coming back are not counted).
    pub changes: u32,
    /// Claims flagged *changed on two desks* by this batch.
    pub conflicts: u32,
}

/// Applies `received` (from `server`, in its order) in one transaction and
/// moves the cursor to the last `seq`, so a pull stopped midway applies all
/// or nothing, and applying the same changes again changes nothing. This
/// desk's own changes coming back, and changes at or before the cursor, are
/// skipped. A change that cannot be read or applied refuses the whole batch,
/// saying which, and leaves the cursor where it was.
pub fn apply_incoming(ws: &Workspace, server: &str, received: &[Received]) -> Result<Applied> {
    check_server(server)?;
    ws.write(|conn| {
        let cursor = applied_up_to(conn, server)?;
        let mut todo: Vec<(Entity, &Received)> = Vec::new();
        for r in received.iter().filter(|r| r.seq > cursor) {
            if is_own(conn, &r.change.id)? {
                continue;
            }
            todo.push((Entity::parse(&r.change.entity)?, r));
        }
        // Each payload is the thing as it stands, so what it points at may
        // come first; two changes of one thing keep their order.
        todo.sort_by_key(|(entity, r)| (*entity, r.seq));
        let mut out = Applied::default();
        quietly(conn, || {
            for (entity, r) in &todo {
                if apply_one(conn, *entity, &r.change).map_err(|e| refused(r, e))? {
                    out.conflicts += 1;
                }
                out.changes += 1;
            }
            Ok(())
        })?;
        if let Some(last) = received.iter().map(|r| r.seq).max() {
            set_applied(conn, server, last)?;
        }
        Ok(out)
    })
}

fn is_own(conn: &Connection, change_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sync_feed WHERE id = ?1")?
        .exists([change_id])?)
}

fn refused(r: &Received, e: Error) -> Error {
    let what = format!(
        "change {} (server position {}, {} {}) cannot be applied",
        r.change.id, r.seq, r.change.entity, r.change.entity_id
    );
    let say = |m: String| format!("{what}: {m}; nothing was applied");
    match e {
        Error::Invalid(m) => Error::Invalid(say(m)),
        Error::Conflict(m) => Error::Conflict(say(m)),
        Error::NotFound(m) => Error::Invalid(say(m)),
        other => other,
    }
}

fn read<T: DeserializeOwned>(change: &Change, what: &str) -> Result<T> {
    serde_json::from_value(change.payload.clone())
        .map_err(|e| Error::invalid(format!("its payload is not {what} ({e})")))
}

/// Applies one change; returns whether it flagged a claim changed on two desks.
fn apply_one(conn: &Connection, entity: Entity, change: &Change) -> Result<bool> {
    let mut ignored = BundleImport::default();
    match entity {
        Entity::Claim => {
            let claim: BundleClaim = read(change, "a claim")?;
            return apply_claim(conn, &claim);
        }
        Entity::Source => {
            let source: BundleSource = read(change, "a source")?;
            merge_sources(conn, std::slice::from_ref(&source), &mut ignored)?;
            let mut incoming = to_source(&source);
            let local = sources::get(conn, &source.id)?;
            incoming.version_count = local.version_count;
            if incoming != local {
                sources::overwrite_meta(conn, &incoming)?;
            }
        }
        Entity::Evidence => {
            let mut doc: EvidenceDoc = read(change, "a passage")?;
            if let Some(local) = local_version(conn, &doc)? {
                doc.evidence.version_id = local;
            }
            let e = &doc.evidence;
            let existed = evidence::removed_at(conn, &e.id)?.is_some();
            let won = BTreeSet::from([e.claim_id.clone()]);
            merge_evidence(conn, e, &Default::default(), &won, &mut ignored)?;
            if existed {
                evidence::overwrite(
                    conn,
                    &Evidence {
                        id: e.id.clone(),
                        claim_id: e.claim_id.clone(),
                        source_id: e.source_id.clone(),
                        version_id: e.version_id.clone(),
                        stance: e.stance,
                        exact: e.exact.clone(),
                        prefix: e.prefix.clone(),
                        suffix: e.suffix.clone(),
                        start: e.start,
                        end: e.end,
                        note: e.note.clone(),
                        created_at: e.created_at,
                    },
                )?;
            }
            apply_reanchors(conn, &e.id, &doc.reanchors)?;
        }
        Entity::Scale => {
            let doc: ScaleDoc = read(change, "a rating scale")?;
            merge_scale(conn, &doc.scale, &mut ignored)?;
            for v in &doc.scale {
                conn.execute(
                    "UPDATE verdicts SET label = ?2, rating = ?3 WHERE key = ?1",
                    params![v.key, v.label, v.rating],
                )?;
            }
        }
        Entity::Settings => {
            let doc: SettingDoc = read(change, "a setting")?;
            if !is_local_setting(&doc.key) {
                match doc.value {
                    Some(value) => conn.execute(
                        "INSERT INTO settings (key, value) VALUES (?1, ?2)
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        params![doc.key, value],
                    )?,
                    None => conn.execute("DELETE FROM settings WHERE key = ?1", [&doc.key])?,
                };
            }
        }
        Entity::Merge => {
            let merge: ClaimMerge = read(change, "a merge of claims")?;
            claim_merge::bring_in(conn, &merge)?;
        }
        Entity::ClaimReviewImport => {
            let key: BundleImportKey = read(change, "a ClaimReview import")?;
            merge_import_key(conn, &key)?;
        }
        Entity::ClaimReviewText => {
            let doc: ReviewTextDoc = read(change, "a ClaimReview text")?;
            conn.execute(
                "INSERT INTO claimreview_texts (claim_id, publisher, url, headline, summary)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (claim_id) DO UPDATE SET publisher = excluded.publisher,
                     url = excluded.url, headline = excluded.headline, summary = excluded.summary",
                params![
                    doc.claim_id,
                    doc.publisher,
                    doc.url,
                    doc.headline,
                    doc.summary
                ],
            )?;
        }
        Entity::DatePins => {
            let doc: DatePinsDoc = read(change, "a source's date pins")?;
            apply_date_pins(conn, &doc)?;
        }
    }
    Ok(false)
}

/// The id this desk holds the passage's version under, when it holds that
/// text of the source under another id than the other desk (both captured it).
fn local_version(conn: &Connection, doc: &EvidenceDoc) -> Result<Option<String>> {
    let e = &doc.evidence;
    if sources::version(conn, &e.version_id).is_ok() || doc.version_sha256.is_empty() {
        return Ok(None);
    }
    Ok(sources::versions_of(conn, &e.source_id)?
        .into_iter()
        .find(|v| v.sha256 == doc.version_sha256)
        .map(|v| v.id))
}

/// Stores the passage's reviews as the other desk has them.
fn apply_reanchors(conn: &Connection, evidence_id: &str, rows: &[serde_json::Value]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let json = serde_json::Value::Array(rows.to_vec()).to_string();
    conn.execute(
        "INSERT INTO evidence_reanchors (evidence_id, version_id, status, exact, prefix, suffix,
             start, \"end\", score, diff, checked_at, decision, decided_at, decided_by)
         SELECT ?1, j.value ->> 'version_id', j.value ->> 'status', j.value ->> 'exact',
                j.value ->> 'prefix', j.value ->> 'suffix', j.value ->> 'start', j.value ->> 'end',
                j.value ->> 'score', coalesce(j.value ->> 'diff', '[]'), j.value ->> 'checked_at',
                j.value ->> 'decision', j.value ->> 'decided_at', j.value ->> 'decided_by'
         FROM json_each(?2) j WHERE true
         ON CONFLICT (evidence_id, version_id) DO UPDATE SET status = excluded.status,
             exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix,
             start = excluded.start, \"end\" = excluded.\"end\", score = excluded.score,
             diff = excluded.diff, checked_at = excluded.checked_at, decision = excluded.decision,
             decided_at = excluded.decided_at, decided_by = excluded.decided_by",
        params![evidence_id, json],
    )?;
    Ok(())
}

/// Appends the pins and unpins this desk lacks (pins are only ever appended).
fn apply_date_pins(conn: &Connection, doc: &DatePinsDoc) -> Result<()> {
    let json = serde_json::Value::Array(doc.pins.clone()).to_string();
    conn.execute(
        "INSERT INTO date_pins (source_id, version_id, expression, sentence, pinned, previous, at, actor, note)
         SELECT ?1, j.value ->> 'version_id', j.value ->> 'expression', j.value ->> 'sentence',
                j.value ->> 'pinned', j.value ->> 'previous', j.value ->> 'at', j.value ->> 'actor',
                j.value ->> 'note'
         FROM json_each(?2) j
         WHERE NOT EXISTS (SELECT 1 FROM date_pins p WHERE p.source_id = ?1
             AND p.at = j.value ->> 'at' AND p.actor = j.value ->> 'actor'
             AND p.expression = j.value ->> 'expression' AND p.sentence = j.value ->> 'sentence'
             AND p.pinned IS j.value ->> 'pinned')
         ORDER BY j.key",
        params![doc.source_id, json],
    )?;
    Ok(())
}
