//! The claim list a page at a time, by keyset: each page starts after the
//! sort key of the last row of the page before, so the thousandth page costs
//! what the first does and a row changed meanwhile is never shown twice on
//! one walk through the list. The full [`Claims::list`] stays for reports.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rusqlite::Connection;
use serde::Serialize;

use super::claims::{Deleted, Filtered, FilteredColumns, claim_from_row, order_by};
use crate::error::{Error, Result};
use crate::model::{Claim, ClaimFilter, ClaimSort};
use crate::store::Claims;

/// Most rows one page may hold.
pub const MAX_PAGE_ROWS: u32 = 10_000;

/// One page of a claim list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimPage {
    /// The claims of this page, in the list's order.
    pub claims: Vec<Claim>,
    /// Where the next page starts (pass it as `after`); `None` on the last page.
    pub next: Option<String>,
}

impl Claims<'_> {
    /// Up to `limit` claims matching `filter`, in its order, starting after
    /// `after` (a `next` of an earlier page of the same sort) or at the top.
    /// Deleted claims are left out. Concatenated, the pages are [`Claims::list`].
    pub fn page(&self, filter: &ClaimFilter, limit: u32, after: Option<&str>) -> Result<ClaimPage> {
        page(self.conn(), filter, Deleted::No, limit, after)
    }

    /// [`Claims::page`] over the deleted claims ([`Claims::list_deleted`]).
    pub fn page_deleted(
        &self,
        filter: &ClaimFilter,
        limit: u32,
        after: Option<&str>,
    ) -> Result<ClaimPage> {
        page(self.conn(), filter, Deleted::Yes, limit, after)
    }

    /// [`Claims::page`] over the live duplicates merged into another claim
    /// ([`Claims::list_merged`]).
    pub fn page_merged(
        &self,
        filter: &ClaimFilter,
        limit: u32,
        after: Option<&str>,
    ) -> Result<ClaimPage> {
        page(self.conn(), filter, Deleted::Merged, limit, after)
    }

    /// How many live claims match `filter` (the list's count, without its rows).
    pub fn count(&self, filter: &ClaimFilter) -> Result<u64> {
        let conn = self.conn();
        let query = Filtered::new(conn, filter, Deleted::No, FilteredColumns::Count)?;
        let mut stmt = conn.prepare_cached(&query.sql)?;
        Ok(
            stmt.query_row(rusqlite::params_from_iter(query.values.iter()), |r| {
                r.get::<_, i64>(0)
            })? as u64,
        )
    }
}

fn page(
    conn: &Connection,
    filter: &ClaimFilter,
    deleted: Deleted,
    limit: u32,
    after: Option<&str>,
) -> Result<ClaimPage> {
    let query = page_query(conn, filter, deleted, limit, after)?;
    read_page(conn, filter, query, limit)
}

/// The page's SELECT: the filter's, after the cursor's key, in the list's
/// order, one row more than `limit` (to tell whether a next page exists).
fn page_query(
    conn: &Connection,
    filter: &ClaimFilter,
    deleted: Deleted,
    limit: u32,
    after: Option<&str>,
) -> Result<Filtered> {
    if !(1..=MAX_PAGE_ROWS).contains(&limit) {
        return Err(Error::invalid(format!(
            "a page holds 1 to {MAX_PAGE_ROWS} claims, not {limit}; pass a limit in that range"
        )));
    }
    let after = after.map(|c| Key::decode(c, filter.sort)).transpose()?;
    let mut query = Filtered::new(conn, filter, deleted, FilteredColumns::PageRow)?;
    if let Some(key) = after {
        key.push_condition(&mut query);
    }
    // The limit (a checked number) is written into the SQL rather than
    // bound: SQLite plans a LIMIT with its bound value, so binding it again
    // on each page made it prepare the whole statement again every time.
    query.sql.push_str(&format!(
        " ORDER BY {} LIMIT {}",
        order_by(filter.sort),
        i64::from(limit) + 1
    ));
    Ok(query)
}

/// Reads the rows of `query` (a [`page_query`]) into a page.
fn read_page(
    conn: &Connection,
    filter: &ClaimFilter,
    query: Filtered,
    limit: u32,
) -> Result<ClaimPage> {
    let mut stmt = conn.prepare_cached(&query.sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(query.values.iter()))?;
    let mut claims = Vec::new();
    let mut last = None;
    while let Some(r) = rows.next()? {
        if claims.len() == limit as usize {
            // One row more than asked for: there is a next page.
            return Ok(ClaimPage {
                claims,
                next: last.map(|k: Key| k.encode()),
            });
        }
        // The sort key as stored (see `FilteredColumns::PageRow`).
        let seq: i64 = r.get(11)?;
        last = Some(match filter.sort {
            ClaimSort::Updated => Key::Updated(r.get(9)?, seq),
            ClaimSort::ClaimedOn => Key::ClaimedOn(r.get(3)?, seq),
            ClaimSort::Created => Key::Created(seq),
        });
        claims.push(claim_from_row(r)?);
    }
    Ok(ClaimPage { claims, next: None })
}

/// The sort key of the last row of a page, as its cursor carries it.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    /// `updated_at` as stored, and `seq`.
    Updated(String, i64),
    /// `claimed_on` as stored (none for claims without it), and `seq`.
    ClaimedOn(Option<String>, i64),
    /// `seq`.
    Created(i64),
}

impl Key {
    /// The cursor: the key as text, base64 so that it reads as one opaque word.
    fn encode(&self) -> String {
        let text = match self {
            Key::Updated(at, seq) => format!("u:{seq}:{at}"),
            Key::ClaimedOn(Some(day), seq) => format!("d:{seq}:{day}"),
            Key::ClaimedOn(None, seq) => format!("n:{seq}:"),
            Key::Created(seq) => format!("c:{seq}:"),
        };
        URL_SAFE_NO_PAD.encode(text)
    }

    /// Reads a cursor of a list sorted by `sort`, refusing any other.
    fn decode(cursor: &str, sort: ClaimSort) -> Result<Key> {
        let bad = || {
            Error::invalid(format!(
                "{cursor:?} is not a cursor of the claim list; pass the `next` of the page before, or no cursor to start at the top"
            ))
        };
        let bytes = URL_SAFE_NO_PAD.decode(cursor.trim()).map_err(|_| bad())?;
        let text = String::from_utf8(bytes).map_err(|_| bad())?;
        let mut parts = text.splitn(3, ':');
        let (Some(kind), Some(seq), Some(value)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let seq: i64 = seq.parse().map_err(|_| bad())?;
        let key = match kind {
            "u" if !value.is_empty() => Key::Updated(value.to_string(), seq),
            "d" if !value.is_empty() => Key::ClaimedOn(Some(value.to_string()), seq),
            "n" => Key::ClaimedOn(None, seq),
            "c" => Key::Created(seq),
            _ => return Err(bad()),
        };
        let sorted_by = match key {
            Key::Updated(..) => ClaimSort::Updated,
            Key::ClaimedOn(..) => ClaimSort::ClaimedOn,
            Key::Created(_) => ClaimSort::Created,
        };
        if sorted_by != sort {
            return Err(Error::invalid(format!(
                "that cursor belongs to the list sorted by {}, not by {}; page with the sort it came from, or start at the top",
                sort_name(sorted_by),
                sort_name(sort)
            )));
        }
        Ok(key)
    }

    /// Keeps only the rows after this key in the list's order (see `order_by`).
    fn push_condition(self, query: &mut Filtered) {
        let condition = match self {
            Key::Updated(at, seq) => {
                let a = query.bind(at);
                let s = query.bind(seq);
                // The first half bounds the index range; the second breaks ties.
                format!(" AND c.updated_at <= ?{a} AND (c.updated_at < ?{a} OR c.seq < ?{s})")
            }
            Key::ClaimedOn(Some(day), seq) => {
                let d = query.bind(day);
                let s = query.bind(seq);
                format!(
                    " AND (c.claimed_on IS NULL OR c.claimed_on < ?{d} OR (c.claimed_on = ?{d} AND c.seq < ?{s}))"
                )
            }
            Key::ClaimedOn(None, seq) => {
                let s = query.bind(seq);
                format!(" AND c.claimed_on IS NULL AND c.seq < ?{s}")
            }
            Key::Created(seq) => {
                let s = query.bind(seq);
                format!(" AND c.seq < ?{s}")
            }
        };
        query.sql.push_str(&condition);
    }
}

fn sort_name(sort: ClaimSort) -> &'static str {
    match sort {
        ClaimSort::Updated => "updated",
        ClaimSort::ClaimedOn => "claimed_on",
        ClaimSort::Created => "created",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_read_back_as_the_key_they_were_made_from() {
        let keys = [
            (
                Key::Updated("2025-03-04T10:00:00.000001Z".into(), 7),
                ClaimSort::Updated,
            ),
            (
                Key::ClaimedOn(Some("2025-03-04".into()), 8),
                ClaimSort::ClaimedOn,
            ),
            (Key::ClaimedOn(None, 9), ClaimSort::ClaimedOn),
            (Key::Created(10), ClaimSort::Created),
        ];
        for (key, sort) in keys {
            assert_eq!(Key::decode(&key.encode(), sort).ok(), Some(key));
        }
    }

    #[test]
    fn turning_pages_reuses_the_prepared_statement_instead_of_preparing_it_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = crate::Workspace::create(dir.path().join("desk.sqlite")).expect("create");
        for i in 0..5 {
            ws.claims()
                .add(crate::model::NewClaim {
                    statement: format!("The ferry ran {i} times"),
                    ..Default::default()
                })
                .expect("claim");
        }
        let claims = ws.claims();
        let filter = ClaimFilter::default();
        let first = claims.page(&filter, 2, None).expect("first page");
        let cursor = first.next.expect("a second page");
        let second = claims.page(&filter, 2, Some(&cursor)).expect("second page");
        let again = claims.page(&filter, 2, Some(&cursor)).expect("same page");
        assert_eq!(second, again);
        // The cached statement the pages after a cursor ran through: SQLite
        // counts how often it had to prepare it again.
        let query =
            page_query(claims.conn(), &filter, Deleted::No, 2, Some(&cursor)).expect("query");
        let stmt = claims.conn().prepare_cached(&query.sql).expect("cached");
        assert_eq!(
            stmt.get_status(rusqlite::StatementStatus::RePrepare),
            0,
            "each page prepared its statement again"
        );
    }
}
