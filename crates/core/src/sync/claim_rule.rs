//! Applying another desk's copy of a claim. Which copy knows more is read
//! from the histories: a copy whose history holds all of the other's is the
//! newer and simply wins. When each holds changes the other lacks, both
//! desks changed the claim since they last synced: the fields are merged one
//! by one (the later change wins a field both changed), every history row of
//! both is kept once, and a field both changed to different values flags the
//! claim *changed on two desks*.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use crate::error::Result;
use crate::exchange::bundle::BundleClaim;
use crate::exchange::bundle::export::bundle_claim;
use crate::exchange::bundle::import::{add_missing_history, to_claim, write_claim};
use crate::model::HistoryEntry;
use crate::store::claim_conflicts::{RESOLVED, clear};
use crate::store::{claims, instant_text, now};

/// The fields a history row can name, and how a merged copy takes one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Statement,
    Claimant,
    ClaimedOn,
    EventOn,
    Notes,
    Tags,
    Verdict,
    Rationale,
    Deleted,
}

const FIELDS: [Field; 9] = [
    Field::Statement,
    Field::Claimant,
    Field::ClaimedOn,
    Field::EventOn,
    Field::Notes,
    Field::Tags,
    Field::Verdict,
    Field::Rationale,
    Field::Deleted,
];

impl Field {
    fn names(self, history_field: &str) -> bool {
        match self {
            Field::Statement => history_field == "statement",
            Field::Claimant => history_field == "claimant",
            Field::ClaimedOn => history_field == "claimed_on",
            Field::EventOn => history_field == "event_on",
            Field::Notes => history_field == "notes",
            Field::Tags => history_field == "tags",
            Field::Verdict => history_field == "verdict",
            Field::Rationale => history_field == "rationale",
            Field::Deleted => history_field == "deleted" || history_field == "restored",
        }
    }

    fn same(self, a: &BundleClaim, b: &BundleClaim) -> bool {
        match self {
            Field::Statement => a.statement == b.statement,
            Field::Claimant => a.claimant == b.claimant,
            Field::ClaimedOn => a.claimed_on == b.claimed_on,
            Field::EventOn => a.event_on == b.event_on,
            Field::Notes => a.notes == b.notes,
            Field::Tags => a.tags == b.tags,
            Field::Verdict => a.verdict == b.verdict,
            Field::Rationale => a.rationale == b.rationale,
            Field::Deleted => a.deleted_at.is_some() == b.deleted_at.is_some(),
        }
    }

    fn copy(self, into: &mut BundleClaim, from: &BundleClaim) {
        match self {
            Field::Statement => into.statement.clone_from(&from.statement),
            Field::Claimant => into.claimant.clone_from(&from.claimant),
            Field::ClaimedOn => into.claimed_on = from.claimed_on,
            Field::EventOn => into.event_on = from.event_on,
            Field::Notes => into.notes.clone_from(&from.notes),
            Field::Tags => into.tags.clone_from(&from.tags),
            Field::Verdict => into.verdict.clone_from(&from.verdict),
            Field::Rationale => into.rationale.clone_from(&from.rationale),
            Field::Deleted => into.deleted_at = from.deleted_at,
        }
    }
}

/// Applies `incoming` (another desk's copy); returns whether the claim was
/// flagged changed on two desks.
pub(crate) fn apply_claim(conn: &Connection, incoming: &BundleClaim) -> Result<bool> {
    let Some(local_row) = claims::row(conn, &incoming.id)? else {
        write_claim(conn, incoming, None, None)?;
        add_missing_history(conn, incoming, &[])?;
        return Ok(false);
    };
    let local = bundle_claim(conn, &local_row.0, local_row.1)?;
    let only_here: Vec<&HistoryEntry> = local
        .history
        .iter()
        .filter(|e| !incoming.history.contains(e))
        .collect();
    let only_there: Vec<&HistoryEntry> = incoming
        .history
        .iter()
        .filter(|e| !local.history.contains(e))
        .collect();
    let mut conflict = false;
    match (only_here.is_empty(), only_there.is_empty()) {
        // This desk knows everything the other copy does: it is older.
        (false, true) => {}
        // The other copy saw every change made here, and more.
        (true, false) => {
            write_claim(conn, incoming, Some(&local_row), None)?;
        }
        // The same changes: of two different copies the later one, as in a bundle.
        (true, true) => {
            let differs =
                to_claim(incoming) != local_row.0 || incoming.deleted_at != local.deleted_at;
            if differs && incoming.updated_at > local.updated_at {
                write_claim(conn, incoming, Some(&local_row), None)?;
            }
        }
        (false, false) => {
            let mut merged = local.clone();
            let later_copy_is_theirs = incoming.updated_at > local.updated_at;
            for field in FIELDS {
                if field.same(&local, incoming) {
                    continue;
                }
                let here = latest(&only_here, field);
                let there = latest(&only_there, field);
                let take_theirs = match (here, there) {
                    (None, Some(_)) => true,
                    (Some(_), None) => false,
                    (Some(h), Some(t)) => {
                        conflict = true;
                        t > h
                    }
                    // Neither history says who changed it: the later copy.
                    (None, None) => later_copy_is_theirs,
                };
                if take_theirs {
                    field.copy(&mut merged, incoming);
                }
            }
            merged.updated_at = merged.updated_at.max(incoming.updated_at);
            write_claim(conn, &merged, Some(&local_row), None)?;
        }
    }
    add_missing_history(conn, incoming, &local.history)?;
    if conflict {
        flag(conn, &incoming.id)?;
    } else if only_there.iter().any(|e| e.field == RESOLVED) {
        // Someone on the other desk looked at it and cleared the flag there.
        clear(conn, &incoming.id)?;
    }
    Ok(conflict)
}

/// The latest change of `field` among `entries`: by instant, then actor and
/// value, so both desks pick the same one.
fn latest<'a>(
    entries: &[&'a HistoryEntry],
    field: Field,
) -> Option<(DateTime<Utc>, &'a str, Option<&'a str>)> {
    entries
        .iter()
        .filter(|e| field.names(&e.field))
        .map(|e| (e.at, e.actor.as_str(), e.new.as_deref()))
        .max()
}

/// Flags the claim changed on two desks (it stays flagged until resolved).
fn flag(conn: &Connection, claim_id: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO claim_conflicts (claim_id, flagged_at) VALUES (?1, ?2)
         ON CONFLICT (claim_id) DO NOTHING",
        params![claim_id, instant_text(now())],
    )?;
    Ok(())
}
