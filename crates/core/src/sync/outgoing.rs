//! This desk's changes not yet sent to a server, one per thing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::Change;
use super::cursors::{check_server, sent_up_to};
use super::documents::document;
use super::entity::Entity;
use crate::error::{Error, Result};
use crate::store::parse_instant;
use crate::workspace::Workspace;

/// A batch of changes to send, and the feed position it covers: once the
/// server holds them, [`super::mark_sent`] with `up_to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    /// One change per thing, each the thing as it stands now, what it points
    /// at first (the scale, sources, claims, then their passages …).
    pub changes: Vec<Change>,
    /// The last feed position these changes cover (the one before when empty).
    pub up_to: i64,
}

/// One thing's rows in the feed window.
struct Group {
    entity: Entity,
    entity_id: String,
    first_pos: i64,
    latest_id: String,
    latest_at: String,
}

/// The changes not yet sent to `server`, oldest first, at most `limit`
/// things. All the feed rows of one thing become one change whose payload is
/// the thing as it stands and whose id is its latest row's, so a push that
/// is retried sends the same ids. Reads only.
pub fn outgoing(ws: &Workspace, server: &str, limit: usize) -> Result<Outgoing> {
    check_server(server)?;
    if limit == 0 {
        return Err(Error::invalid(
            "ask for at least one change at a time (limit 0)",
        ));
    }
    let conn = ws.conn();
    let sent = sent_up_to(conn, server)?;
    let mut stmt = conn.prepare_cached(
        "SELECT pos, id, entity, entity_id, at FROM sync_feed WHERE pos > ?1 ORDER BY pos",
    )?;
    let mut rows = stmt.query([sent])?;
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut up_to = sent;
    while let Some(r) = rows.next()? {
        let pos: i64 = r.get(0)?;
        let entity_name: String = r.get(2)?;
        let entity_id: String = r.get(3)?;
        let key = (entity_name, entity_id);
        match index.get(&key) {
            Some(&i) => {
                groups[i].latest_id = r.get(1)?;
                groups[i].latest_at = r.get(4)?;
            }
            None => {
                // A window ends before the first row of one thing too many,
                // so every row up to `up_to` belongs to a change it carries.
                if groups.len() == limit {
                    break;
                }
                index.insert(key.clone(), groups.len());
                groups.push(Group {
                    entity: Entity::parse(&key.0)?,
                    entity_id: key.1,
                    first_pos: pos,
                    latest_id: r.get(1)?,
                    latest_at: r.get(4)?,
                });
            }
        }
        up_to = pos;
    }
    groups.sort_by_key(|g| (g.entity, g.first_pos));
    let mut changes = Vec::with_capacity(groups.len());
    for g in groups {
        let Some(payload) = document(conn, g.entity, &g.entity_id)? else {
            continue;
        };
        changes.push(Change {
            id: g.latest_id,
            entity: g.entity.as_str().to_string(),
            entity_id: g.entity_id,
            actor: ws.actor().to_string(),
            at: feed_instant(&g.latest_at)?,
            payload,
        });
    }
    Ok(Outgoing { changes, up_to })
}

fn feed_instant(text: &str) -> Result<DateTime<Utc>> {
    Ok(parse_instant(text)?)
}
