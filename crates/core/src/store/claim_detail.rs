//! A claim as its detail page shows it: the claim, its verdict and its
//! evidence. It reads claims and evidence both, so it sits beside them rather
//! than in either, and neither of the two needs the other.

use super::{claim_merge, evidence, scale};
use crate::error::Result;
use crate::model::ClaimDetail;
use crate::store::Claims;

impl Claims<'_> {
    /// A claim with its verdict and evidence, as its detail page shows it.
    pub fn detail(&self, id_or_prefix: &str) -> Result<ClaimDetail> {
        let claim = self.get(id_or_prefix)?;
        let conn = self.conn();
        let verdict = scale::find(conn, &claim.verdict)?;
        let evidence = evidence::for_claim(conn, &claim.id)?;
        let merged_into = claim_merge::open_merge_of(conn, &claim.id)?;
        let merged_from = claim_merge::open_merges_into(conn, &claim.id)?;
        Ok(ClaimDetail {
            claim,
            verdict,
            evidence,
            merged_into,
            merged_from,
        })
    }
}
