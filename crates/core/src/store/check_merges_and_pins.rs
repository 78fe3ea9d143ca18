//! The `check` rules of merged claims and pinned dates: every open merge
//! joins two claims that exist, no duplicate is merged twice at once and no
//! keeper is itself merged (a chain); every pin's expression stands in its
//! sentence and the sentence in the text of the version it was pinned on.

use rusqlite::Connection;

use super::check::{Found, Rule};
use crate::error::Result;

fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

pub(super) fn claim_merges(conn: &Connection, found: &mut Found) -> Result<()> {
    // Workspaces before schema 9 hold no merges.
    if !has_table(conn, "claim_merges")? {
        return Ok(());
    }
    let mut stmt = conn.prepare(
        "SELECT m.seq, m.duplicate_id, m.keeper_id,
                (SELECT count(*) FROM claims c WHERE c.id = m.duplicate_id),
                (SELECT count(*) FROM claims c WHERE c.id = m.keeper_id)
         FROM claim_merges m ORDER BY m.seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)? > 0,
            r.get::<_, i64>(4)? > 0,
        ))
    })?;
    for row in rows {
        let (seq, duplicate, keeper, has_duplicate, has_keeper) = row?;
        for (present, which, id) in [
            (has_duplicate, "duplicate", &duplicate),
            (has_keeper, "claim that stays", &keeper),
        ] {
            if !present {
                found.add(
                    Rule::ClaimMerges,
                    format!("merge {seq} of claim {duplicate} into {keeper}: its {which} {id} is missing"),
                );
            }
        }
    }

    let mut stmt = conn.prepare(
        "SELECT duplicate_id, count(*) FROM claim_merges WHERE unmerged_at IS NULL
         GROUP BY duplicate_id HAVING count(*) > 1 ORDER BY duplicate_id",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (duplicate, n) = row?;
        found.add(
            Rule::ClaimMerges,
            format!(
                "claim {duplicate} is merged {n} times at once; a duplicate folds into one claim"
            ),
        );
    }

    let mut stmt = conn.prepare(
        "SELECT a.duplicate_id, a.keeper_id, b.keeper_id FROM claim_merges a
         JOIN claim_merges b ON b.duplicate_id = a.keeper_id AND b.unmerged_at IS NULL
         WHERE a.unmerged_at IS NULL ORDER BY a.seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (duplicate, keeper, further) = row?;
        found.add(
            Rule::ClaimMerges,
            format!(
                "claim {duplicate} is merged into {keeper}, which is itself merged into {further}: a chain of merges"
            ),
        );
    }
    Ok(())
}

pub(super) fn date_pins(conn: &Connection, found: &mut Found) -> Result<()> {
    // Workspaces before schema 7 hold no pins.
    if !has_table(conn, "date_pins")? {
        return Ok(());
    }
    // A pin's sentence is in the version it was pinned on. An unpin is written
    // on the latest version for the sentence as the pin worded it, so its
    // sentence need only be in one of the source's versions.
    let mut stmt = conn.prepare(
        "SELECT p.seq, p.source_id, p.version_id, p.expression, p.sentence, p.pinned IS NOT NULL,
                v.id IS NOT NULL, instr(v.text, p.sentence) > 0,
                EXISTS (SELECT 1 FROM source_versions o
                        WHERE o.source_id = p.source_id AND instr(o.text, p.sentence) > 0)
         FROM date_pins p LEFT JOIN source_versions v ON v.id = p.version_id ORDER BY p.seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, bool>(5)?,
            r.get::<_, bool>(6)?,
            r.get::<_, Option<bool>>(7)?.unwrap_or(false),
            r.get::<_, bool>(8)?,
        ))
    })?;
    for row in rows {
        let (seq, source, version, expression, sentence, is_pin, has_version, in_own, in_any) =
            row?;
        let problem = if !has_version {
            // A missing version is the foreign-key check's to report.
            continue;
        } else if !sentence.contains(&expression) {
            format!("its expression \"{expression}\" is not in its sentence")
        } else if is_pin && !in_own {
            format!("its sentence is not in the text of version {version}, which it was pinned on")
        } else if !is_pin && !in_any {
            "the sentence it unpins is in no version of the source".to_string()
        } else {
            continue;
        };
        found.add(
            Rule::DatePins,
            format!("date pin {seq} of source {source}: {problem}"),
        );
    }
    Ok(())
}
