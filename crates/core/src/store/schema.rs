//! The workspace schema as an append-only list of migrations. A workspace
//! written by any release opens in every later one: never edit a migration
//! that has shipped, add a new one.

use rusqlite_migration::{M, Migrations};

/// Number of migrations this release knows.
pub(crate) const VERSION: i64 = 9;

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3).foreign_key_check(),
        // The hook segments the stored versions into the new passage index.
        M::up_with_hook(V4, |tx: &rusqlite::Transaction| {
            Ok(crate::search::index::fill(tx)?)
        }),
        M::up(V5).foreign_key_check(),
        M::up_with_hook(V6, v6_fill_dates),
        M::up(V7).foreign_key_check(),
        M::up(V8).foreign_key_check(),
        M::up(V9).foreign_key_check(),
    ])
}

const V1: &str = r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE verdicts (
    key      TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    rating   INTEGER CHECK (rating BETWEEN 1 AND 5),
    position INTEGER NOT NULL
) STRICT;

INSERT INTO verdicts (key, label, rating, position) VALUES
    ('unverified',  'Unverified',  NULL, 0),
    ('in_review',   'In review',   NULL, 1),
    ('verified',    'Verified',    5,    2),
    ('mostly_true', 'Mostly true', 4,    3),
    ('misleading',  'Misleading',  2,    4),
    ('disputed',    'Disputed',    3,    5),
    ('false',       'False',       1,    6),
    ('unproven',    'Unproven',    NULL, 7);

-- seq keeps rowids stable for the full-text index; id is what people see.
CREATE TABLE claims (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    statement  TEXT NOT NULL CHECK (length(trim(statement)) > 0),
    claimant   TEXT,
    claimed_on TEXT,
    event_on   TEXT,
    notes      TEXT NOT NULL DEFAULT '',
    verdict    TEXT NOT NULL REFERENCES verdicts(key) ON UPDATE CASCADE,
    rationale  TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX claims_updated ON claims(updated_at);

CREATE TABLE claim_tags (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (claim_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_tags_tag ON claim_tags(tag);

CREATE TABLE claim_history (
    seq      INTEGER PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id),
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    field    TEXT NOT NULL,
    old      TEXT,
    new      TEXT,
    note     TEXT
) STRICT;
CREATE INDEX claim_history_claim ON claim_history(claim_id, seq);
CREATE TRIGGER claim_history_is_append_only_u BEFORE UPDATE ON claim_history
    BEGIN SELECT RAISE(ABORT, 'history is never rewritten'); END;
CREATE TRIGGER claim_history_is_append_only_d BEFORE DELETE ON claim_history
    BEGIN SELECT RAISE(ABORT, 'history is never rewritten'); END;

CREATE VIRTUAL TABLE claims_fts USING fts5(
    statement, claimant, notes, rationale,
    content = 'claims', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_i AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, statement, claimant, notes, rationale)
    VALUES (new.seq, new.statement, new.claimant, new.notes, new.rationale);
END;
CREATE TRIGGER claims_fts_d AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, statement, claimant, notes, rationale)
    VALUES ('delete', old.seq, old.statement, old.claimant, old.notes, old.rationale);
END;
CREATE TRIGGER claims_fts_u AFTER UPDATE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, statement, claimant, notes, rationale)
    VALUES ('delete', old.seq, old.statement, old.claimant, old.notes, old.rationale);
    INSERT INTO claims_fts(rowid, statement, claimant, notes, rationale)
    VALUES (new.seq, new.statement, new.claimant, new.notes, new.rationale);
END;

CREATE TABLE sources (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    outlet        TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',
    url           TEXT,
    canonical_url TEXT,
    published_on  TEXT,
    modified_on   TEXT,
    language      TEXT,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX sources_canonical ON sources(canonical_url);

CREATE TABLE source_versions (
    id          TEXT PRIMARY KEY,
    source_id   TEXT NOT NULL REFERENCES sources(id),
    number      INTEGER NOT NULL,
    text        TEXT NOT NULL CHECK (length(text) > 0),
    html        TEXT,
    sha256      TEXT NOT NULL,
    captured_at TEXT NOT NULL,
    final_url   TEXT,
    UNIQUE (source_id, number),
    UNIQUE (source_id, sha256)
) STRICT;
CREATE INDEX source_versions_sha ON source_versions(sha256);

CREATE TABLE evidence (
    id         TEXT PRIMARY KEY,
    claim_id   TEXT NOT NULL REFERENCES claims(id),
    version_id TEXT NOT NULL REFERENCES source_versions(id),
    stance     TEXT NOT NULL CHECK (stance IN ('supports', 'disputes', 'context')),
    exact      TEXT NOT NULL CHECK (length(exact) > 0),
    prefix     TEXT NOT NULL,
    suffix     TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;
CREATE INDEX evidence_claim ON evidence(claim_id);
"#;

/// Remembers which ClaimReview became which claim, so importing the same
/// fact-check again adds nothing.
const V2: &str = r#"
CREATE TABLE claimreview_imports (
    key         TEXT PRIMARY KEY,
    claim_id    TEXT NOT NULL REFERENCES claims(id),
    imported_at TEXT NOT NULL
) STRICT;
"#;

/// A page that goes back to an earlier text gets a new version holding that
/// text again, so one source may hold the same sha256 twice. SQLite cannot
/// drop a table constraint: the versions table is rebuilt without
/// UNIQUE (source_id, sha256), and evidence (which points at it) is rebuilt to
/// point at the new table before the old one goes, so every foreign key holds
/// at every step of the transaction.
const V3: &str = r#"
CREATE TABLE source_versions_v3 (
    id          TEXT PRIMARY KEY,
    source_id   TEXT NOT NULL REFERENCES sources(id),
    number      INTEGER NOT NULL,
    text        TEXT NOT NULL CHECK (length(text) > 0),
    html        TEXT,
    sha256      TEXT NOT NULL,
    captured_at TEXT NOT NULL,
    final_url   TEXT,
    UNIQUE (source_id, number)
) STRICT;
INSERT INTO source_versions_v3 (id, source_id, number, text, html, sha256, captured_at, final_url)
    SELECT id, source_id, number, text, html, sha256, captured_at, final_url FROM source_versions;

CREATE TABLE evidence_v3 (
    id         TEXT PRIMARY KEY,
    claim_id   TEXT NOT NULL REFERENCES claims(id),
    version_id TEXT NOT NULL REFERENCES source_versions_v3(id),
    stance     TEXT NOT NULL CHECK (stance IN ('supports', 'disputes', 'context')),
    exact      TEXT NOT NULL CHECK (length(exact) > 0),
    prefix     TEXT NOT NULL,
    suffix     TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;
INSERT INTO evidence_v3 (id, claim_id, version_id, stance, exact, prefix, suffix, start, "end",
                         note, created_at, removed_at)
    SELECT id, claim_id, version_id, stance, exact, prefix, suffix, start, "end",
           note, created_at, removed_at FROM evidence;

DROP TABLE evidence;
DROP TABLE source_versions;
-- Renaming also rewrites evidence_v3's reference to the new name.
ALTER TABLE source_versions_v3 RENAME TO source_versions;
ALTER TABLE evidence_v3 RENAME TO evidence;
CREATE INDEX source_versions_sha ON source_versions(sha256);
CREATE INDEX evidence_claim ON evidence(claim_id);
"#;

/// The search index: every version's sentences (by code-point span, the
/// latest version's flagged) in an FTS5 table that reads its text from the
/// versions themselves, and the claims (statement, claimant, notes,
/// rationale, tags) in another, kept in step by triggers; deleted claims are
/// left out. Both fold case and diacritics and stem English (Porter). The
/// migration's hook fills the passages of the versions already stored.
const V4: &str = r#"
CREATE TABLE passages (
    seq        INTEGER PRIMARY KEY,
    version_id TEXT NOT NULL REFERENCES source_versions(id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    latest     INTEGER NOT NULL CHECK (latest IN (0, 1))
) STRICT;
CREATE INDEX passages_version ON passages(version_id);

-- substr counts characters, so code-point spans slice the version's text.
CREATE VIEW passage_texts AS
    SELECT p.seq AS seq, substr(v.text, p.start + 1, p."end" - p.start) AS text
    FROM passages p JOIN source_versions v ON v.id = p.version_id;

CREATE VIRTUAL TABLE passages_fts USING fts5(
    text,
    content = 'passage_texts', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE claims_search USING fts5(
    statement, claimant, notes, rationale, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO claims_search (rowid, statement, claimant, notes, rationale, tags)
    SELECT c.seq, c.statement, coalesce(c.claimant, ''), c.notes, c.rationale,
           coalesce((SELECT group_concat(t.tag, ' ') FROM claim_tags t WHERE t.claim_id = c.id), '')
    FROM claims c WHERE c.deleted_at IS NULL;

CREATE TRIGGER claims_search_i AFTER INSERT ON claims WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO claims_search (rowid, statement, claimant, notes, rationale, tags)
    VALUES (new.seq, new.statement, coalesce(new.claimant, ''), new.notes, new.rationale,
            coalesce((SELECT group_concat(t.tag, ' ') FROM claim_tags t WHERE t.claim_id = new.id), ''));
END;
CREATE TRIGGER claims_search_u AFTER UPDATE ON claims BEGIN
    DELETE FROM claims_search WHERE rowid = old.seq;
    INSERT INTO claims_search (rowid, statement, claimant, notes, rationale, tags)
    SELECT new.seq, new.statement, coalesce(new.claimant, ''), new.notes, new.rationale,
           coalesce((SELECT group_concat(t.tag, ' ') FROM claim_tags t WHERE t.claim_id = new.id), '')
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER claims_search_d AFTER DELETE ON claims BEGIN
    DELETE FROM claims_search WHERE rowid = old.seq;
END;
CREATE TRIGGER claims_search_tag_i AFTER INSERT ON claim_tags BEGIN
    UPDATE claims_search
    SET tags = coalesce((SELECT group_concat(t.tag, ' ') FROM claim_tags t WHERE t.claim_id = new.claim_id), '')
    WHERE rowid = (SELECT seq FROM claims WHERE id = new.claim_id);
END;
CREATE TRIGGER claims_search_tag_d AFTER DELETE ON claim_tags BEGIN
    UPDATE claims_search
    SET tags = coalesce((SELECT group_concat(t.tag, ' ') FROM claim_tags t WHERE t.claim_id = old.claim_id), '')
    WHERE rowid = (SELECT seq FROM claims WHERE id = old.claim_id);
END;
"#;

/// What happened to each evidence passage when its source got a new version
/// (unchanged, edited with the word diff, gone), where it stands there, and
/// the checker's decision (accepted: moved to that version; kept: left on the
/// version it was read in). One row per passage and new version.
const V5: &str = r#"
CREATE TABLE evidence_reanchors (
    evidence_id TEXT NOT NULL REFERENCES evidence(id),
    version_id  TEXT NOT NULL REFERENCES source_versions(id),
    status      TEXT NOT NULL CHECK (status IN ('unchanged', 'edited', 'gone')),
    exact       TEXT,
    prefix      TEXT,
    suffix      TEXT,
    start       INTEGER,
    "end"       INTEGER,
    score       REAL NOT NULL,
    diff        TEXT NOT NULL DEFAULT '[]',
    checked_at  TEXT NOT NULL,
    decision    TEXT CHECK (decision IN ('accepted', 'kept')),
    decided_at  TEXT,
    decided_by  TEXT,
    PRIMARY KEY (evidence_id, version_id),
    CHECK ((status = 'gone') = (exact IS NULL))
) STRICT;
CREATE INDEX evidence_reanchors_open ON evidence_reanchors(decision, evidence_id);
"#;

/// The dated expressions of each version, found when it is stored (see
/// `store::version_dates`); the hook finds them for the versions already there.
const V6: &str = r#"
CREATE TABLE version_dates (
    version_id       TEXT NOT NULL REFERENCES source_versions(id) ON DELETE CASCADE,
    expression_start INTEGER NOT NULL,
    expression_end   INTEGER NOT NULL,
    expression       TEXT NOT NULL,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    sentence         TEXT NOT NULL,
    first_day        TEXT NOT NULL,
    precision        TEXT NOT NULL CHECK (precision IN ('day', 'week', 'month', 'season', 'year')),
    until            TEXT,
    reading          TEXT NOT NULL,
    alternatives     TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (version_id, expression_start)
) STRICT;
CREATE INDEX version_dates_first_day ON version_dates(first_day);
"#;

fn v6_fill_dates(tx: &rusqlite::Transaction<'_>) -> rusqlite_migration::HookResult {
    super::version_dates::fill_all(tx)
        .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
}

/// The readings a checker pinned for ambiguous dated expressions (see
/// `store::date_pins`): append-only, so each row is one pin or unpin and the
/// latest row of an expression is what holds; the rows are its history.
const V7: &str = r#"
CREATE TABLE date_pins (
    seq        INTEGER PRIMARY KEY,
    source_id  TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    version_id TEXT NOT NULL REFERENCES source_versions(id) ON DELETE CASCADE,
    expression TEXT NOT NULL,
    sentence   TEXT NOT NULL,
    pinned     TEXT,
    previous   TEXT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    note       TEXT
) STRICT;
CREATE INDEX date_pins_source ON date_pins(source_id, seq);
"#;

/// Claim matching (is this claim checked already?): what an imported
/// ClaimReview said beside its statement (publisher, URL, headline, summary),
/// and an FTS5 index of each live claim's statement with its review's
/// headline and summary, kept in step by triggers. Claims imported before
/// this version get a row with the URL their notes recorded.
const V8: &str = r#"
CREATE TABLE claimreview_texts (
    claim_id  TEXT PRIMARY KEY REFERENCES claims(id),
    publisher TEXT,
    url       TEXT,
    headline  TEXT NOT NULL DEFAULT '',
    summary   TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO claimreview_texts (claim_id, url)
    SELECT c.id,
           CASE WHEN c.notes LIKE 'Imported from ClaimReview %'
                THEN nullif(trim(substr(c.notes, 27,
                         CASE WHEN instr(c.notes, char(10)) > 0
                              THEN instr(c.notes, char(10)) - 27 ELSE length(c.notes) END)), '')
           END
    FROM claims c JOIN claimreview_imports i ON i.claim_id = c.id
    GROUP BY c.id;

CREATE VIRTUAL TABLE claim_match_fts USING fts5(
    statement, headline, summary,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO claim_match_fts (rowid, statement, headline, summary)
    SELECT c.seq, c.statement, coalesce(r.headline, ''), coalesce(r.summary, '')
    FROM claims c LEFT JOIN claimreview_texts r ON r.claim_id = c.id
    WHERE c.deleted_at IS NULL;

CREATE TRIGGER claim_match_i AFTER INSERT ON claims WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO claim_match_fts (rowid, statement, headline, summary)
    VALUES (new.seq, new.statement,
            coalesce((SELECT headline FROM claimreview_texts WHERE claim_id = new.id), ''),
            coalesce((SELECT summary FROM claimreview_texts WHERE claim_id = new.id), ''));
END;
CREATE TRIGGER claim_match_u AFTER UPDATE OF statement, deleted_at ON claims BEGIN
    DELETE FROM claim_match_fts WHERE rowid = old.seq;
    INSERT INTO claim_match_fts (rowid, statement, headline, summary)
    SELECT new.seq, new.statement,
           coalesce((SELECT headline FROM claimreview_texts WHERE claim_id = new.id), ''),
           coalesce((SELECT summary FROM claimreview_texts WHERE claim_id = new.id), '')
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER claim_match_d AFTER DELETE ON claims BEGIN
    DELETE FROM claim_match_fts WHERE rowid = old.seq;
END;
CREATE TRIGGER claim_match_review AFTER INSERT ON claimreview_texts BEGIN
    UPDATE claim_match_fts SET headline = new.headline, summary = new.summary
    WHERE rowid = (SELECT seq FROM claims WHERE id = new.claim_id);
END;
"#;

/// Duplicate claims merged into the claim that stays: who merged which into
/// which and when, and what moved (evidence ids, the tags the keeper gained,
/// the notes appended to the keeper's), so an unmerge puts back exactly that.
/// An unmerge closes the row instead of deleting it, so bundles carry it to
/// other desks; a claim has at most one open merge.
const V9: &str = r#"
CREATE TABLE claim_merges (
    seq          INTEGER PRIMARY KEY,
    duplicate_id TEXT NOT NULL REFERENCES claims(id),
    keeper_id    TEXT NOT NULL REFERENCES claims(id),
    merged_at    TEXT NOT NULL,
    merged_by    TEXT NOT NULL,
    note         TEXT,
    evidence_ids TEXT NOT NULL DEFAULT '[]',
    tags_moved   TEXT NOT NULL DEFAULT '[]',
    tags_added   TEXT NOT NULL DEFAULT '[]',
    notes_moved  TEXT NOT NULL DEFAULT '',
    notes_added  TEXT NOT NULL DEFAULT '',
    unmerged_at  TEXT,
    unmerged_by  TEXT,
    CHECK (duplicate_id <> keeper_id),
    CHECK ((unmerged_at IS NULL) = (unmerged_by IS NULL)),
    UNIQUE (duplicate_id, merged_at)
) STRICT;
CREATE UNIQUE INDEX claim_merges_open ON claim_merges(duplicate_id) WHERE unmerged_at IS NULL;
CREATE INDEX claim_merges_keeper ON claim_merges(keeper_id) WHERE unmerged_at IS NULL;
"#;
