//! Reading a bundle into a workspace, keeping ids.

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::check::check;
use super::{BUNDLE_SCHEMA, Bundle, BundleClaim, BundleEvidence, BundleImportKey, BundleSource};
use crate::error::{Error, Result};
use crate::limits;
use crate::model::{Claim, Evidence, HistoryEntry, Source, SourceVersion, Verdict};
use crate::store::claim_merge::{self, Brought};
use crate::store::history::Change;
use crate::store::{claims, evidence, history, imports, scale, sources};
use crate::workspace::Workspace;

/// What importing a bundle changed. All zero: nothing changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleImport {
    /// Verdict keys the workspace lacked, added at the end of its scale.
    pub verdicts_added: u32,
    /// Claims whose id the workspace did not have.
    pub claims_added: u32,
    /// Claims where the bundle's newer copy replaced the workspace's.
    pub claims_updated: u32,
    /// Claims where the workspace's newer copy was kept.
    pub claims_kept: u32,
    /// History rows written: the bundle's entries the workspace lacked, and
    /// one per field a newer bundle copy changed ("merged from bundle").
    pub history_added: u32,
    /// Sources whose id the workspace did not have.
    pub sources_added: u32,
    /// Source versions added; a version whose text the source already holds
    /// under another id is matched to it and not counted.
    pub versions_added: u32,
    /// Evidence links whose id the workspace did not have.
    pub evidence_added: u32,
    /// Evidence links both sides hold whose removal the bundle changed,
    /// because the bundle's copy of their claim won.
    pub evidence_updated: u32,
    /// Merges of duplicate claims the workspace did not hold, and merges it
    /// held that the bundle's desk undid.
    pub merges_changed: u32,
}

impl BundleImport {
    /// True when the import changed anything.
    pub fn changed(&self) -> bool {
        *self != BundleImport::default()
    }
}

/// Imports the bundle in `json`, keeping ids. Refuses anything that is not
/// a well-formed `claimdesk.bundle/1` document before writing.
///
/// What happens to each thing the bundle holds:
///
/// - **Verdicts**: a key the workspace lacks is added at the end of its
///   scale; a key it has keeps the workspace's label and rating.
/// - **Claims**: a new id is added with its history as it stands. An id
///   the workspace has with the same content is left alone. With different
///   content, the copy with the later `updated_at` wins; when the bundle's
///   wins, its fields replace the workspace's and each changed field gets a
///   history row (note "merged from bundle"). Either way, history entries
///   the workspace lacks are appended, so both sides end with every change.
/// - **Sources and versions**: sources and versions are added by id; a
///   source the workspace has keeps its descriptive fields. A version whose
///   text the workspace already holds for that source under another id is
///   matched to it; a version number both sides used for different texts
///   gets the next free number.
/// - **Evidence**: added by id. For a passage both sides hold, whether it is
///   linked follows the side whose claim won.
/// - **Merges** of duplicate claims: a merge the workspace lacks is added and
///   its evidence moves to the claim that stays; a merge the bundle's desk
///   undid is undone here too, its evidence going back to the duplicate.
///
/// Before anything is written, the bundle must pass its checks: well-formed,
/// unique ids; every passage standing in its version's text exactly at its
/// offsets, with its prefix and suffix; texts matching their hashes.
/// Everything happens in one transaction: a bundle that fails a check
/// changes nothing.
pub fn import_bundle(ws: &Workspace, json: &str) -> Result<BundleImport> {
    limits::check_bytes("the bundle", json.len(), limits::MAX_IMPORT_BYTES)?;
    let mut bundle = parse(json)?;
    ws.write(|conn| {
        // Reads only: a refused bundle leaves the workspace as it was.
        check(conn, &mut bundle)?;
        let mut out = BundleImport::default();
        merge_scale(conn, &bundle.scale, &mut out)?;
        let version_ids = merge_sources(conn, &bundle.sources, &mut out)?;
        let mut bundle_won = BTreeSet::new();
        for c in &bundle.claims {
            merge_claim(conn, ws.actor(), c, &mut out, &mut bundle_won)?;
        }
        for e in &bundle.evidence {
            merge_evidence(conn, e, &version_ids, &bundle_won, &mut out)?;
        }
        for k in &bundle.claimreview_imports {
            merge_import_key(conn, k)?;
        }
        for m in &bundle.claim_merges {
            if claim_merge::bring_in(conn, m)? != Brought::Nothing {
                out.merges_changed += 1;
            }
        }
        Ok(out)
    })
}

fn parse(json: &str) -> Result<Bundle> {
    let doc: Value = serde_json::from_str(json).map_err(|e| {
        Error::invalid(format!(
            "the bundle is not JSON ({e}); nothing was imported"
        ))
    })?;
    match doc.get("schema").and_then(Value::as_str) {
        Some(BUNDLE_SCHEMA) => {}
        Some(other) => {
            return Err(Error::invalid(format!(
                "the bundle's schema is {other:?}; this Claimdesk reads {BUNDLE_SCHEMA:?}; nothing was imported"
            )));
        }
        None => {
            return Err(Error::invalid(format!(
                "not a Claimdesk bundle: it has no \"schema\": {BUNDLE_SCHEMA:?}; nothing was imported"
            )));
        }
    }
    serde_json::from_value(doc).map_err(|e| {
        Error::invalid(format!(
            "the bundle does not follow {BUNDLE_SCHEMA} ({e}); nothing was imported"
        ))
    })
}

/// Adds the verdicts the workspace lacks at the end of its scale.
pub(crate) fn merge_scale(
    conn: &Connection,
    incoming: &[Verdict],
    out: &mut BundleImport,
) -> Result<()> {
    let known: BTreeSet<String> = scale::list(conn)?.into_iter().map(|v| v.key).collect();
    for v in incoming {
        if !known.contains(&v.key) {
            scale::insert_at_end(conn, v)?;
            out.verdicts_added += 1;
        }
    }
    Ok(())
}

/// Adds missing sources and versions; returns the local id of every bundle version.
pub(crate) fn merge_sources(
    conn: &Connection,
    bundle_sources: &[BundleSource],
    out: &mut BundleImport,
) -> Result<HashMap<String, String>> {
    let mut local_ids = HashMap::new();
    for s in bundle_sources {
        if matches!(sources::get(conn, &s.id), Err(Error::NotFound(_))) {
            sources::insert_exact(conn, &to_source(s))?;
            out.sources_added += 1;
        }
        let in_bundle: BTreeSet<&str> = s.versions.iter().map(|v| v.id.as_str()).collect();
        for v in &s.versions {
            let local = sources::versions_of(conn, &s.id)?;
            // The same text captured here under another id is the same version;
            // a version of this bundle never is (a page that went back to an
            // earlier text holds it twice).
            let same = local.iter().find(|l| l.id == v.id).or_else(|| {
                local
                    .iter()
                    .find(|l| l.sha256 == v.sha256 && !in_bundle.contains(l.id.as_str()))
            });
            if let Some(same) = same {
                local_ids.insert(v.id.clone(), same.id.clone());
                continue;
            }
            if let Ok(elsewhere) = sources::version(conn, &v.id) {
                return Err(Error::Conflict(format!(
                    "version {} belongs to source {} here but to source {} in the bundle; nothing was imported",
                    v.id, elsewhere.source_id, s.id
                )));
            }
            let number = if local.iter().any(|l| l.number == v.number) {
                local.iter().map(|l| l.number).max().unwrap_or(0) + 1
            } else {
                v.number
            };
            sources::insert_version_exact(
                conn,
                &SourceVersion {
                    id: v.id.clone(),
                    source_id: s.id.clone(),
                    number,
                    text: v.text.clone(),
                    html: v.html.clone(),
                    sha256: v.sha256.clone(),
                    captured_at: v.captured_at,
                    final_url: v.final_url.clone(),
                },
            )?;
            local_ids.insert(v.id.clone(), v.id.clone());
            out.versions_added += 1;
        }
    }
    Ok(local_ids)
}

/// Merges one claim by the bundle rule: a new id is added, and of two
/// different copies the one changed later wins, each field it changes
/// getting a history row; history entries the workspace lacks are appended.
pub(crate) fn merge_claim(
    conn: &Connection,
    actor: &str,
    c: &BundleClaim,
    out: &mut BundleImport,
    bundle_won: &mut BTreeSet<String>,
) -> Result<()> {
    let incoming = to_claim(c);
    let local_history = match claims::row(conn, &c.id)? {
        None => {
            write_claim(conn, c, None, None)?;
            out.claims_added += 1;
            Vec::new()
        }
        Some(local) => {
            let same = local.0 == incoming && local.1 == c.deleted_at;
            if !same && c.updated_at > local.0.updated_at {
                out.history_added += write_claim(conn, c, Some(&local), Some(actor))?;
                out.claims_updated += 1;
                bundle_won.insert(c.id.clone());
            } else if !same {
                out.claims_kept += 1;
            }
            history::list(conn, &c.id)?
        }
    };
    out.history_added += add_missing_history(conn, c, &local_history)?;
    Ok(())
}

/// Stores the incoming copy of a claim over the local one (`local`, `None`
/// when the workspace lacks it). With `recorded_by`, each field it changes
/// gets a history row under that name (note "merged from bundle"); returns
/// how many. The claim's own history is not brought here.
pub(crate) fn write_claim(
    conn: &Connection,
    c: &BundleClaim,
    local: Option<&(Claim, Option<chrono::DateTime<chrono::Utc>>)>,
    recorded_by: Option<&str>,
) -> Result<u32> {
    let incoming = to_claim(c);
    claims::write_exact(conn, &incoming, c.deleted_at)?;
    let (Some((old, old_deleted)), Some(actor)) = (local, recorded_by) else {
        return Ok(0);
    };
    let changes = changed_fields(old, *old_deleted, &incoming, c.deleted_at);
    history::append(conn, &c.id, actor, &changes, Some("merged from bundle"))?;
    Ok(u32::try_from(changes.len()).unwrap_or(u32::MAX))
}

/// Appends the entries of `c`'s history that `local_history` lacks, each
/// once, keeping their instant and actor; returns how many.
pub(crate) fn add_missing_history(
    conn: &Connection,
    c: &BundleClaim,
    local_history: &[HistoryEntry],
) -> Result<u32> {
    let mut added = 0;
    for entry in &c.history {
        if !local_history.contains(entry) {
            history::insert_exact(conn, &c.id, entry)?;
            added += 1;
        }
    }
    Ok(added)
}

/// Remembers which ClaimReview became which claim, unless it is known already.
pub(crate) fn merge_import_key(conn: &Connection, k: &BundleImportKey) -> Result<()> {
    if imports::claim_for(conn, &k.key)?.is_none() {
        imports::remember(conn, &k.key, &k.claim_id)?;
    }
    Ok(())
}

/// The history rows for replacing `old` with `new`.
fn changed_fields(
    old: &Claim,
    old_deleted: Option<chrono::DateTime<chrono::Utc>>,
    new: &Claim,
    new_deleted: Option<chrono::DateTime<chrono::Utc>>,
) -> Vec<Change<'static>> {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let pairs: [(&'static str, Option<String>, Option<String>); 8] = [
        (
            "statement",
            Some(old.statement.clone()),
            Some(new.statement.clone()),
        ),
        ("claimant", old.claimant.clone(), new.claimant.clone()),
        ("claimed_on", date(old.claimed_on), date(new.claimed_on)),
        ("event_on", date(old.event_on), date(new.event_on)),
        ("notes", Some(old.notes.clone()), Some(new.notes.clone())),
        ("tags", Some(old.tags.join(", ")), Some(new.tags.join(", "))),
        (
            "verdict",
            Some(old.verdict.clone()),
            Some(new.verdict.clone()),
        ),
        (
            "rationale",
            Some(old.rationale.clone()),
            Some(new.rationale.clone()),
        ),
    ];
    let mut changes: Vec<Change<'static>> = pairs
        .into_iter()
        .filter(|(_, o, n)| o != n)
        .map(|(f, o, n)| Change::new(f, o, n))
        .collect();
    if old_deleted.is_some() != new_deleted.is_some() {
        let field = if new_deleted.is_some() {
            "deleted"
        } else {
            "restored"
        };
        changes.push(Change::new(field, None, None));
    }
    changes
}

/// Adds a passage the workspace lacks; for one it holds, whether it is
/// linked follows the incoming copy when its claim's incoming copy won
/// (`bundle_won`).
pub(crate) fn merge_evidence(
    conn: &Connection,
    e: &BundleEvidence,
    version_ids: &HashMap<String, String>,
    bundle_won: &BTreeSet<String>,
    out: &mut BundleImport,
) -> Result<()> {
    match evidence::removed_at(conn, &e.id)? {
        Some(local_removed) => {
            let incoming_removed = e.removed_at.map(crate::store::instant_text);
            if local_removed != incoming_removed && bundle_won.contains(&e.claim_id) {
                evidence::set_removed_at(conn, &e.id, e.removed_at)?;
                out.evidence_updated += 1;
            }
        }
        None => {
            // The check found the version in the bundle (mapped here to the
            // local version with the same text) or in this workspace.
            let version_id = version_ids
                .get(&e.version_id)
                .cloned()
                .unwrap_or_else(|| e.version_id.clone());
            let item = Evidence {
                id: e.id.clone(),
                claim_id: e.claim_id.clone(),
                source_id: e.source_id.clone(),
                version_id,
                stance: e.stance,
                exact: e.exact.clone(),
                prefix: e.prefix.clone(),
                suffix: e.suffix.clone(),
                start: e.start,
                end: e.end,
                note: e.note.clone(),
                created_at: e.created_at,
            };
            evidence::insert_exact(conn, &item, e.removed_at)?;
            out.evidence_added += 1;
        }
    }
    Ok(())
}

/// The claim a bundle's copy describes.
pub(crate) fn to_claim(c: &BundleClaim) -> Claim {
    let mut tags = c.tags.clone();
    tags.sort();
    Claim {
        id: c.id.clone(),
        statement: c.statement.clone(),
        claimant: c.claimant.clone(),
        claimed_on: c.claimed_on,
        event_on: c.event_on,
        notes: c.notes.clone(),
        tags,
        verdict: c.verdict.clone(),
        rationale: c.rationale.clone(),
        created_at: c.created_at,
        updated_at: c.updated_at,
        conflict: false,
    }
}

/// The source a bundle's copy describes (without its versions).
pub(crate) fn to_source(s: &BundleSource) -> Source {
    Source {
        id: s.id.clone(),
        title: s.title.clone(),
        outlet: s.outlet.clone(),
        authors: s.authors.clone(),
        url: s.url.clone(),
        canonical_url: s.canonical_url.clone(),
        published_on: s.published_on,
        modified_on: s.modified_on,
        language: s.language.clone(),
        created_at: s.created_at,
        version_count: 0,
    }
}
