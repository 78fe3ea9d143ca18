//! The documents that travel for each kind of thing: the bundle's own
//! (`BundleClaim` with its whole history, `BundleSource` with every version,
//! `BundleEvidence`, `ClaimMerge`, the scale), plus the few rows a bundle
//! does not carry (passage reviews, date pins, ClaimReview texts, settings).

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::entity::{Entity, is_local_setting};
use crate::error::{Error, Result};
use crate::exchange::bundle::export::{bundle_claim, bundle_evidence, bundle_source};
use crate::exchange::bundle::{BundleEvidence, BundleImportKey};
use crate::model::Verdict;
use crate::store::{claim_merge, claims, evidence, imports, parse_instant, scale, sources};

/// A passage with the reviews of where it stands in its source's later versions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct EvidenceDoc {
    #[serde(flatten)]
    pub evidence: BundleEvidence,
    /// The `evidence_reanchors` rows, as JSON objects named by column.
    #[serde(default)]
    pub reanchors: Vec<Value>,
    /// The SHA-256 of the version's text: a desk holding that text of the
    /// source under another version id links the passage to its own.
    #[serde(default)]
    pub version_sha256: String,
}

/// The whole rating scale, in order.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ScaleDoc {
    pub scale: Vec<Verdict>,
}

/// One desk setting; `None` when it was cleared.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SettingDoc {
    pub key: String,
    pub value: Option<String>,
}

/// Every pin and unpin of one source's dated expressions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct DatePinsDoc {
    pub source_id: String,
    /// The `date_pins` rows, oldest first, as JSON objects named by column.
    pub pins: Vec<Value>,
}

/// What an imported ClaimReview said beside its statement.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ReviewTextDoc {
    pub claim_id: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub headline: String,
    pub summary: String,
}

fn to_value<T: Serialize>(doc: &T) -> Result<Value> {
    serde_json::to_value(doc).map_err(|e| Error::render("cannot write a change", e))
}

/// The thing as it stands now, or `None` when it is not there (nothing to send).
pub(crate) fn document(conn: &Connection, entity: Entity, id: &str) -> Result<Option<Value>> {
    let doc = match entity {
        Entity::Claim => match claims::row(conn, id)? {
            Some((c, deleted)) => Some(to_value(&bundle_claim(conn, &c, deleted)?)?),
            None => None,
        },
        Entity::Source => match sources::get(conn, id) {
            Ok(s) => Some(to_value(&bundle_source(conn, s)?)?),
            Err(Error::NotFound(_)) => None,
            Err(e) => return Err(e),
        },
        Entity::Evidence => match evidence::removed_at(conn, id)? {
            Some(_) => {
                let view = evidence::get(conn, id)?;
                let removed = evidence::removed_at_instant(conn, id)?;
                let version_sha256 = view.version_sha256.clone();
                Some(to_value(&EvidenceDoc {
                    version_sha256,
                    evidence: bundle_evidence(view.evidence, removed),
                    reanchors: json_rows(
                        conn,
                        "SELECT json_object('version_id', version_id, 'status', status,
                             'exact', exact, 'prefix', prefix, 'suffix', suffix, 'start', start,
                             'end', \"end\", 'score', score, 'diff', diff, 'checked_at', checked_at,
                             'decision', decision, 'decided_at', decided_at, 'decided_by', decided_by)
                         FROM evidence_reanchors WHERE evidence_id = ?1 ORDER BY version_id",
                        id,
                    )?,
                })?)
            }
            None => None,
        },
        Entity::Scale => Some(to_value(&ScaleDoc {
            scale: scale::list(conn)?,
        })?),
        Entity::Settings => {
            if is_local_setting(id) {
                return Ok(None);
            }
            let value: Option<String> = conn
                .query_row("SELECT value FROM settings WHERE key = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            Some(to_value(&SettingDoc {
                key: id.to_string(),
                value,
            })?)
        }
        Entity::Merge => {
            let Some((duplicate, merged_at)) = id.split_once(' ') else {
                return Ok(None);
            };
            match claim_merge::merge_at(conn, duplicate, parse_instant(merged_at)?) {
                Ok(m) => Some(to_value(&m)?),
                Err(Error::NotFound(_)) => None,
                Err(e) => return Err(e),
            }
        }
        Entity::ClaimReviewImport => imports::claim_for(conn, id)?
            .map(|claim_id| {
                to_value(&BundleImportKey {
                    key: id.to_string(),
                    claim_id,
                })
            })
            .transpose()?,
        Entity::ClaimReviewText => conn
            .query_row(
                "SELECT publisher, url, headline, summary FROM claimreview_texts WHERE claim_id = ?1",
                [id],
                |r| {
                    Ok(ReviewTextDoc {
                        claim_id: id.to_string(),
                        publisher: r.get(0)?,
                        url: r.get(1)?,
                        headline: r.get(2)?,
                        summary: r.get(3)?,
                    })
                },
            )
            .optional()?
            .map(|d| to_value(&d))
            .transpose()?,
        Entity::DatePins => {
            let pins = json_rows(
                conn,
                "SELECT json_object('version_id', version_id, 'expression', expression,
                     'sentence', sentence, 'pinned', pinned, 'previous', previous, 'at', at,
                     'actor', actor, 'note', note)
                 FROM date_pins WHERE source_id = ?1 ORDER BY seq",
                id,
            )?;
            (!pins.is_empty())
                .then(|| {
                    to_value(&DatePinsDoc {
                        source_id: id.to_string(),
                        pins,
                    })
                })
                .transpose()?
        }
    };
    Ok(doc)
}

fn json_rows(conn: &Connection, sql: &str, id: &str) -> Result<Vec<Value>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        let text = row?;
        out.push(
            serde_json::from_str(&text)
                .map_err(|e| Error::render("cannot read a stored row as JSON", e))?,
        );
    }
    Ok(out)
}
