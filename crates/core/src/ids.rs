//! Ids are UUID v7 text. People type short prefixes, like git.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::workspace::Workspace;

/// Shortest prefix shown or accepted.
pub const MIN_PREFIX: usize = 4;

/// A new time-ordered id.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// True for a whole id written as Claimdesk writes them: a UUID in lower-case
/// hyphenated form. Anything else could be stored but never found by prefix.
pub(crate) fn is_id(text: &str) -> bool {
    uuid::Uuid::parse_str(text).is_ok_and(|u| u.hyphenated().to_string() == text)
}

/// Finds the one id in `table` that starts with `prefix`.
/// `what` names the thing in messages ("claim", "source").
pub(crate) fn resolve(conn: &Connection, table: &str, what: &str, prefix: &str) -> Result<String> {
    let prefix = prefix.trim().to_lowercase();
    if prefix.is_empty() {
        return Err(Error::invalid(format!("give a {what} id")));
    }
    if !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(Error::invalid(format!(
            "{prefix:?} is not a {what} id: ids are hexadecimal, like 019ad3f2"
        )));
    }
    if prefix.len() < MIN_PREFIX {
        return Err(Error::invalid(format!(
            "{what} id {prefix:?} is too short: give at least {MIN_PREFIX} characters"
        )));
    }
    // Prefix ranges keep this on the primary key index.
    let sql =
        format!("SELECT id FROM {table} WHERE id >= ?1 AND id < ?1 || 'g' ORDER BY id LIMIT 3");
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids: Vec<String> = stmt
        .query_map([&prefix], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match ids.as_slice() {
        [] => Err(Error::not_found(format!("no {what} with id {prefix}"))),
        [one] => Ok(one.clone()),
        many => Err(Error::Conflict(format!(
            "{what} id {prefix} is ambiguous: it starts {}{}; type more characters",
            many.iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join(" and "),
            if many.len() > 2 { " and others" } else { "" }
        ))),
    }
}

/// The shortest prefix of each id, at least 8 characters, that tells it apart
/// from its neighbours in `sorted` (ids in ascending order).
pub fn short_ids(sorted: &[String]) -> Vec<String> {
    const SHOWN: usize = 8;
    let common = |a: &str, b: &str| a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    (0..sorted.len())
        .map(|i| {
            let id = &sorted[i];
            let before = i.checked_sub(1).map_or(0, |j| common(id, &sorted[j]));
            let after = sorted.get(i + 1).map_or(0, |n| common(id, n));
            let len = (before.max(after) + 1).max(SHOWN).min(id.len());
            id[..len].to_string()
        })
        .collect()
}

/// The kinds of things people name by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// Claims, deleted ones included.
    Claim,
    /// Captured sources (not their versions, which are named by number).
    Source,
    /// Links from a claim to a passage, removed ones included.
    Evidence,
}

impl IdKind {
    fn table(self) -> &'static str {
        match self {
            IdKind::Claim => "claims",
            IdKind::Source => "sources",
            IdKind::Evidence => "evidence",
        }
    }
}

/// The short id of every id of `kind` in the workspace, keyed by the full id.
///
/// Computed against all of them, deleted claims and removed evidence included
/// (they resolve too), so a prefix printed under a filtered list is still
/// unique when typed back. One ordered scan of the id index: a few
/// milliseconds for 10,000 claims.
pub fn workspace_short_ids(ws: &Workspace, kind: IdKind) -> Result<HashMap<String, String>> {
    let sql = format!("SELECT id FROM {} ORDER BY id", kind.table());
    let mut stmt = ws.conn().prepare_cached(&sql)?;
    let sorted: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let shorts = short_ids(&sorted);
    Ok(sorted.into_iter().zip(shorts).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ids_grow_until_neighbours_differ() {
        let ids = vec![
            "019ad3f2-aaaa-7000-8000-000000000001".to_string(),
            "019ad3f2-aaaa-7000-8000-000000000002".to_string(),
            "019ad400-0000-7000-8000-000000000000".to_string(),
        ];
        let short = short_ids(&ids);
        assert_eq!(short[0], "019ad3f2-aaaa-7000-8000-000000000001");
        assert_eq!(short[1], "019ad3f2-aaaa-7000-8000-000000000002");
        assert_eq!(short[2], "019ad400");
    }

    #[test]
    fn only_lower_case_hyphenated_uuids_are_ids() {
        assert!(is_id("019ad3f2-aaaa-7000-8000-000000000001"));
        assert!(is_id(&new_id()));
        assert!(!is_id("claim-1"));
        assert!(!is_id("019AD3F2-AAAA-7000-8000-000000000001"));
        assert!(!is_id("019ad3f2aaaa70008000000000000001"));
        assert!(!is_id("{019ad3f2-aaaa-7000-8000-000000000001}"));
        assert!(!is_id(""));
    }

    #[test]
    fn workspace_short_ids_tell_apart_every_claim_not_only_those_listed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
        // Two claims whose ids share all but their last character, one of
        // them deleted, and one far away.
        for (id, deleted) in [
            ("019ad3f2-aaaa-7000-8000-000000000001", None),
            (
                "019ad3f2-aaaa-7000-8000-000000000002",
                Some("2025-12-01T00:00:00Z"),
            ),
            ("019ad400-0000-7000-8000-000000000000", None),
        ] {
            ws.conn()
                .execute(
                    "INSERT INTO claims (id, statement, verdict, created_at, updated_at, deleted_at)
                     VALUES (?1, 'A claim', 'unverified', '2025-12-01T00:00:00Z', '2025-12-01T00:00:00Z', ?2)",
                    rusqlite::params![id, deleted],
                )
                .expect("insert");
        }
        let shorts = workspace_short_ids(&ws, IdKind::Claim).expect("short ids");
        let near = "019ad3f2-aaaa-7000-8000-000000000001";
        assert_eq!(shorts[near], near, "its deleted neighbour still resolves");
        assert_eq!(shorts["019ad400-0000-7000-8000-000000000000"], "019ad400");
        for (full, short) in &shorts {
            assert_eq!(
                resolve(ws.conn(), "claims", "claim", short).as_deref().ok(),
                Some(full.as_str())
            );
        }
        assert!(
            workspace_short_ids(&ws, IdKind::Source)
                .expect("none")
                .is_empty()
        );
    }

    #[test]
    fn new_ids_are_version_7_and_sort_by_time() {
        let a = new_id();
        let b = new_id();
        assert_eq!(
            uuid::Uuid::parse_str(&a).map(|u| u.get_version_num()).ok(),
            Some(7)
        );
        assert!(a < b);
    }
}
