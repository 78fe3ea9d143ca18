//! Ids are UUID v7 text. People type short prefixes, like git.

use rusqlite::Connection;

use crate::error::{Error, Result};

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
