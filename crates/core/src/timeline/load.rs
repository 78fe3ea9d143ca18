//! The timeline of the workspace: the dates stored with the latest version of
//! each source with the readings checkers pinned, the claims' event dates as deadlines, and the claim-tag filter.

use rusqlite::params;

use super::events::{Deadline, Timeline, TimelineFilter, build};
use super::pinned;
use crate::error::Result;
use crate::store::date_pins;
use crate::store::version_dates::latest_events;
use crate::workspace::Workspace;

/// The timeline of the sources named by `sources` (ids or prefixes; all when
/// empty). With `tag`, only the claims carrying it and the sources linked to
/// them as evidence.
pub fn workspace_timeline(
    ws: &Workspace,
    sources: &[String],
    filter: &TimelineFilter,
    tag: Option<&str>,
) -> Result<Timeline> {
    filter.check()?;
    let mut ids: Vec<String> = sources
        .iter()
        .map(|s| ws.sources().resolve(s))
        .collect::<Result<_>>()?;
    let tag = tag.map(str::trim).filter(|t| !t.is_empty());
    let conn = ws.conn();
    if let Some(tag) = tag {
        let tagged: Vec<String> = conn
            .prepare_cached(
                "SELECT DISTINCT v.source_id FROM evidence e
                 JOIN source_versions v ON v.id = e.version_id
                 JOIN claim_tags t ON t.claim_id = e.claim_id
                 WHERE t.tag = ?1 AND e.removed_at IS NULL",
            )?
            .query_map([tag], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids = if ids.is_empty() {
            tagged
        } else {
            ids.into_iter().filter(|i| tagged.contains(i)).collect()
        };
        if ids.is_empty() {
            ids.push(String::new()); // no source matches: none, not all
        }
    }
    let mut events = latest_events(conn, &ids)?;
    pinned::apply(&mut events, &date_pins::holding(conn, &ids)?);
    let mut timeline = build(events, filter);
    timeline.deadlines = deadlines(ws, &timeline, filter, tag)?;
    Ok(timeline)
}

fn deadlines(
    ws: &Workspace,
    timeline: &Timeline,
    filter: &TimelineFilter,
    tag: Option<&str>,
) -> Result<Vec<Deadline>> {
    let conn = ws.conn();
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.statement, c.event_on,
                (SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id),
                (SELECT json_group_array(DISTINCT v.source_id) FROM evidence e
                 JOIN source_versions v ON v.id = e.version_id
                 WHERE e.claim_id = c.id AND e.removed_at IS NULL)
         FROM claims c
         WHERE c.deleted_at IS NULL AND c.event_on IS NOT NULL
           AND (?1 IS NULL OR EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND t.tag = ?1))
         ORDER BY c.event_on, c.id",
    )?;
    let rows = stmt.query_map(params![tag], |r| {
        let tags: Option<String> = r.get(3)?;
        let sources: String = r.get(4)?;
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            tags.map(|t| t.split('\u{1f}').map(str::to_owned).collect::<Vec<_>>())
                .unwrap_or_default(),
            serde_json::from_str::<Vec<String>>(&sources).unwrap_or_default(),
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (claim, statement, date, tags, sources) = row?;
        let day = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok();
        let in_range = day.is_some_and(|d| {
            filter.from.is_none_or(|f| d >= f) && filter.to.is_none_or(|t| d <= t)
        });
        if !in_range {
            continue;
        }
        let later = timeline
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                day.is_some_and(|d| e.first > d)
                    && e.source.as_ref().is_some_and(|s| sources.contains(s))
            })
            .map(|(i, _)| i)
            .collect();
        out.push(Deadline {
            claim,
            statement,
            date,
            tags,
            later,
        });
    }
    Ok(out)
}
