//! A new claim and the passages it is made from, written together: what the
//! "claim from a statement" and "claim from a difference" actions share.

use crate::error::Result;
use crate::model::{ClaimDetail, NewClaim, PassagePick};
use crate::store::{claims, evidence, sources};
use crate::workspace::Workspace;

/// Creates `claim` and links every pick, all or nothing: an unknown source or
/// version, or offsets outside the text, refuse the whole before anything is
/// written. Each pick comes with the words that name it in an error ("passage
/// 2", "the left passage"); `note` goes in the claim's first history row.
pub(crate) fn create(
    ws: &Workspace,
    claim: &NewClaim,
    picks: &[(&PassagePick, String)],
    note: &str,
) -> Result<ClaimDetail> {
    let mut resolved = Vec::with_capacity(picks.len());
    for (pick, what) in picks {
        resolved.push((*pick, ws.sources().resolve(&pick.source)?, what));
    }
    let claim_id = ws.write(|conn| {
        let mut anchored = Vec::with_capacity(resolved.len());
        for (pick, source_id, what) in &resolved {
            let version = sources::version_by_number(conn, source_id, Some(pick.version))?;
            let found = evidence::anchor_pick(&version, pick, what)?;
            anchored.push((version, found, pick.stance));
        }
        let claim = claims::insert(conn, ws.actor(), claim, Some(note))?;
        for (version, found, stance) in &anchored {
            evidence::insert_anchored(conn, ws.actor(), &claim.id, version, found, *stance, None)?;
        }
        Ok(claim.id)
    })?;
    ws.claims().detail(&claim_id)
}
