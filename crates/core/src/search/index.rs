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

use crate::text::{Sentence, segment};

/// Indexes the sentences of a version just stored (`sentences` is
/// `segment(text)`). The sentences of its source's newest version are the
/// latest: a version that is the newest takes the flag from the older ones,
/// an older one arriving late (a bundle) is indexed without it.
pub(crate) fn index_version(
    conn: &Connection,
    version_id: &str,
    source_id: &str,
    text: &str,
    sentences: &[Sentence<'_>],
) -> rusqlite::Result<()> {
    if baseline::skipping() {
        return Ok(());
    }
    let newest: bool = conn
        .prepare_cached(
            "SELECT NOT EXISTS (SELECT 1 FROM source_versions w JOIN source_versions v ON v.id = ?1
                                WHERE w.source_id = v.source_id AND w.number > v.number)",
        )?
        .query_row([version_id], |r| r.get(0))?;
    if newest {
        conn.prepare_cached(
            "UPDATE passages SET latest = 0
             WHERE latest = 1 AND version_id IN (SELECT id FROM source_versions
                                                 WHERE source_id = ?1 AND id <> ?2)",
        )?
        .execute(params![source_id, version_id])?;
    }
    insert_sentences(conn, version_id, text, sentences, newest)
}

/// Code-point spans of the sentences of `text`.
pub fn sentence_spans(text: &str) -> Vec<(u32, u32)> {
    spans_of(text, &segment(text))
}

/// Code-point spans of `sentences`, slices of `text` in order.
fn spans_of(text: &str, sentences: &[Sentence<'_>]) -> Vec<(u32, u32)> {
    let mut spans = Vec::with_capacity(sentences.len());
    let (mut byte, mut chars) = (0usize, 0u32);
    let advance = |to: usize, byte: &mut usize, chars: &mut u32| {
        *chars += u32::try_from(text[*byte..to].chars().count()).unwrap_or(u32::MAX);
        *byte = to;
    };
    for s in sentences {
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
    sentences: &[Sentence<'_>],
    latest: bool,
) -> rusqlite::Result<()> {
    let mut row = conn.prepare_cached(
        "INSERT INTO passages (version_id, start, \"end\", latest) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut fts = conn.prepare_cached("INSERT INTO passages_fts (rowid, text) VALUES (?1, ?2)")?;
    // Sentences are byte slices of the text: the FTS5 row takes the slice itself.
    let mut byte = 0usize;
    let mut chars = 0u32;
    for s in sentences {
        let start = chars + count(&text[byte..s.start]);
        let end = start + count(s.text);
        (byte, chars) = (s.end, end);
        if end > start {
            row.execute(params![version_id, start, end, latest])?;
            fts.execute(params![conn.last_insert_rowid(), s.text])?;
        }
    }
    Ok(())
}

fn count(text: &str) -> u32 {
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
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
        insert_sentences(conn, &id, &text, &segment(&text), latest)?;
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

/// Benches only (feature `bench-baselines`): a switch that stores versions
/// without indexing them, so a bench measures what the index adds to the
/// store's own steps. Search misses what is stored while it is on.
#[cfg(feature = "bench-baselines")]
pub mod baseline {
    use std::sync::atomic::{AtomicBool, Ordering};

    static SKIP: AtomicBool = AtomicBool::new(false);

    /// Stores versions without indexing them while `skip` is true.
    pub fn skip_indexing(skip: bool) {
        SKIP.store(skip, Ordering::Relaxed);
    }

    pub(crate) fn skipping() -> bool {
        SKIP.load(Ordering::Relaxed)
    }
}

/// Without the bench feature the index is never skipped.
#[cfg(not(feature = "bench-baselines"))]
mod baseline {
    pub(crate) fn skipping() -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::Workspace;
    use crate::model::{Source, SourceVersion};
    use crate::store::sources::{insert_exact, insert_version_exact};

    fn version(source: &Source, number: u32, text: &str) -> SourceVersion {
        SourceVersion {
            id: crate::ids::new_id(),
            source_id: source.id.clone(),
            number,
            text: text.into(),
            html: None,
            sha256: format!("{number}"),
            captured_at: chrono::Utc::now(),
            final_url: None,
        }
    }

    /// The version numbers whose sentences are flagged latest.
    fn latest(ws: &Workspace) -> Vec<u32> {
        ws.conn()
            .prepare(
                "SELECT DISTINCT v.number FROM passages p JOIN source_versions v ON v.id = p.version_id
                 WHERE p.latest = 1 ORDER BY v.number",
            )
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .expect("latest")
    }

    #[test]
    fn only_the_newest_version_is_latest_whatever_order_versions_arrive_in() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
        let source = Source {
            id: crate::ids::new_id(),
            title: "Talks".into(),
            outlet: None,
            authors: Vec::new(),
            url: None,
            canonical_url: None,
            published_on: None,
            modified_on: None,
            language: None,
            created_at: chrono::Utc::now(),
            version_count: 0,
        };
        let conn = ws.conn();
        insert_exact(conn, &source).expect("source");
        // A bundle may bring version 2 before version 1.
        insert_version_exact(conn, &version(&source, 2, "Talks ended. Envoys left.")).expect("v2");
        insert_version_exact(conn, &version(&source, 1, "Talks began. Envoys came.")).expect("v1");
        assert_eq!(latest(&ws), [2]);
        insert_version_exact(conn, &version(&source, 3, "Talks resumed.")).expect("v3");
        assert_eq!(latest(&ws), [3]);
        let found =
            crate::search::run(&ws, &crate::search::SearchRequest::new("talks")).expect("search");
        assert_eq!(
            found.total, 1,
            "only the latest version is searched by default"
        );
    }
}
