//! The passage index: the sentences of every source version, by code-point
//! span, in the FTS5 table `passages_fts` (schema V4), with the latest version
//! of each source flagged.
//!
//! Tables (read them, write only through this module):
//! - `passages(seq, version_id, start, "end", latest)`: one row per sentence;
//!   `start`/`end` are code points in the version's text (W3C TextPosition),
//!   `latest` is 1 for the sentences of the newest version of its source.
//! - `passages_fts(text)`: FTS5, rowid = `passages.seq`, tokenizer
//!   `porter unicode61 remove_diacritics 2`; its text is read from the version
//!   (external content, view `passage_texts`), so the text is stored once.
//! - `claims_search(statement, claimant, notes, rationale, tags)`: FTS5 over
//!   live claims, rowid = `claims.seq`, kept in step by triggers.
//!
//! [`index_version`] runs inside the transaction that stores a version, so
//! the index never lags the text.

use rusqlite::{Connection, params};

use crate::text::segment;

/// Indexes the sentences of a version just stored and flags the sentences
/// of its source's newest version as the latest (older versions' sentences
/// stay indexed, unflagged). Versions may arrive in any order (a bundle).
pub(crate) fn index_version(
    conn: &Connection,
    version_id: &str,
    source_id: &str,
    text: &str,
) -> rusqlite::Result<()> {
    insert_sentences(conn, version_id, text, false)?;
    conn.execute(
        "UPDATE passages SET latest = (version_id = (SELECT id FROM source_versions
                                                     WHERE source_id = ?1
                                                     ORDER BY number DESC LIMIT 1))
         WHERE version_id IN (SELECT id FROM source_versions WHERE source_id = ?1)",
        params![source_id],
    )?;
    Ok(())
}

/// Code-point spans of the sentences of `text`.
pub fn sentence_spans(text: &str) -> Vec<(u32, u32)> {
    let mut spans = Vec::new();
    let (mut byte, mut chars) = (0usize, 0u32);
    let advance = |to: usize, byte: &mut usize, chars: &mut u32| {
        *chars += u32::try_from(text[*byte..to].chars().count()).unwrap_or(u32::MAX);
        *byte = to;
    };
    for s in segment(text) {
        advance(s.start, &mut byte, &mut chars);
        let start = chars;
        advance(s.end, &mut byte, &mut chars);
        if chars > start {
            spans.push((start, chars));
        }
    }
    spans
}

fn insert_sentences(
    conn: &Connection,
    version_id: &str,
    text: &str,
    latest: bool,
) -> rusqlite::Result<()> {
    let mut row = conn.prepare_cached(
        "INSERT INTO passages (version_id, start, \"end\", latest) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut fts = conn.prepare_cached("INSERT INTO passages_fts (rowid, text) VALUES (?1, ?2)")?;
    let mut byte_of = CharCursor::new(text);
    for (start, end) in sentence_spans(text) {
        row.execute(params![version_id, start, end, latest])?;
        let seq = conn.last_insert_rowid();
        let (from, to) = (byte_of.at(start), byte_of.at(end));
        fts.execute(params![seq, &text[from..to]])?;
    }
    Ok(())
}

/// Fills the passage index from the versions already stored (the V4
/// migration's hook).
pub(crate) fn fill(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.text, v.number = (SELECT max(number) FROM source_versions w
                                          WHERE w.source_id = v.source_id)
         FROM source_versions v ORDER BY v.source_id, v.number",
    )?;
    let versions = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, text, latest) in versions {
        insert_sentences(conn, &id, &text, latest)?;
    }
    Ok(())
}

/// Byte offsets of ascending code-point positions in one text, found by
/// walking forward once.
pub(crate) struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: u32,
}

impl<'a> CharCursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The byte offset of code point `at` (the text's end when past it).
    /// Positions must come in ascending order; an earlier one restarts the walk.
    pub(crate) fn at(&mut self, at: u32) -> usize {
        if at < self.chars {
            self.byte = 0;
            self.chars = 0;
        }
        let mut it = self.text[self.byte..].char_indices();
        while self.chars < at {
            match it.next() {
                Some(_) => {
                    self.chars += 1;
                    self.byte = self.text.len() - it.as_str().len();
                }
                None => break,
            }
        }
        self.byte
    }
}
