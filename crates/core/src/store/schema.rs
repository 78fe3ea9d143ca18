//! The workspace schema as an append-only list of migrations. A workspace
//! written by any release opens in every later one: never edit a migration
//! that has shipped, add a new one.

use rusqlite_migration::{M, Migrations};

/// Number of migrations this release knows.
pub(crate) const VERSION: i64 = 10;

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
        M::up(V10).foreign_key_check(),
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

/// The change feed of a shared desk (see `sync`): every write to a table that
/// travels appends a row (what changed, a random UUID v7 kept for the row's
/// life, when) from a trigger, in the writer's own transaction, so no write
/// path can forget it. While changes from other desks are applied the one
/// row of `sync_quiet` says so and the triggers stay silent. Per server, how
/// far the feed was sent and how far the server's changes were applied; the
/// claims flagged "changed on two desks". Settings that name this desk's
/// user or its servers (`user`, `sync_*`) stay local. Everything the desk
/// held before is put in the feed, so a first push carries it all.
const V10: &str = r#"
CREATE TABLE sync_quiet (
    one   INTEGER PRIMARY KEY CHECK (one = 1),
    quiet INTEGER NOT NULL CHECK (quiet IN (0, 1))
) STRICT;
INSERT INTO sync_quiet (one, quiet) VALUES (1, 0);

CREATE TABLE sync_feed (
    pos       INTEGER PRIMARY KEY AUTOINCREMENT,
    id        TEXT NOT NULL UNIQUE DEFAULT (lower(printf('%08x-%04x-7%03x-%04x-%012x',
                  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) >> 16,
                  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) & 65535,
                  random() & 4095, (random() & 16383) | 32768, random() & 281474976710655))),
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX sync_feed_thing ON sync_feed(entity, entity_id, pos);

CREATE TABLE sync_servers (
    server        TEXT PRIMARY KEY,
    sent_up_to    INTEGER NOT NULL DEFAULT 0,
    applied_up_to INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE claim_conflicts (
    claim_id   TEXT PRIMARY KEY REFERENCES claims(id),
    flagged_at TEXT NOT NULL
) STRICT;

-- What the desk held before this version is offered whole to a first push,
-- in an order where everything a thing points at comes before it.
INSERT INTO sync_feed (entity, entity_id) SELECT 'scale', 'scale' WHERE EXISTS (SELECT 1 FROM verdicts);
INSERT INTO sync_feed (entity, entity_id)
    SELECT 'settings', key FROM settings
    WHERE key <> 'user' AND key NOT LIKE 'sync\_%' ESCAPE '\' ORDER BY key;
INSERT INTO sync_feed (entity, entity_id) SELECT 'source', id FROM sources ORDER BY created_at, id;
INSERT INTO sync_feed (entity, entity_id) SELECT 'claim', id FROM claims ORDER BY seq;
INSERT INTO sync_feed (entity, entity_id) SELECT 'claimreview_text', claim_id FROM claimreview_texts ORDER BY claim_id;
INSERT INTO sync_feed (entity, entity_id) SELECT 'claimreview_import', key FROM claimreview_imports ORDER BY key;
INSERT INTO sync_feed (entity, entity_id) SELECT 'evidence', id FROM evidence ORDER BY created_at, id;
INSERT INTO sync_feed (entity, entity_id)
    SELECT 'merge', duplicate_id || ' ' || merged_at FROM claim_merges ORDER BY seq;
INSERT INTO sync_feed (entity, entity_id) SELECT DISTINCT 'date_pins', source_id FROM date_pins ORDER BY source_id;

CREATE TRIGGER sync_feed_claims_i AFTER INSERT ON claims WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claim', new.id);
END;
CREATE TRIGGER sync_feed_claims_u AFTER UPDATE ON claims WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claim', new.id);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'claim', old.id WHERE (old.id) IS NOT (new.id);
END;
CREATE TRIGGER sync_feed_claims_d AFTER DELETE ON claims WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claim', old.id);
END;
CREATE TRIGGER sync_feed_claim_tags_i AFTER INSERT ON claim_tags WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claim', new.claim_id);
END;
CREATE TRIGGER sync_feed_claim_tags_d AFTER DELETE ON claim_tags WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claim', old.claim_id);
END;
CREATE TRIGGER sync_feed_claim_history_i AFTER INSERT ON claim_history WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claim', new.claim_id);
END;
CREATE TRIGGER sync_feed_sources_i AFTER INSERT ON sources WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('source', new.id);
END;
CREATE TRIGGER sync_feed_sources_u AFTER UPDATE ON sources WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('source', new.id);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'source', old.id WHERE (old.id) IS NOT (new.id);
END;
CREATE TRIGGER sync_feed_sources_d AFTER DELETE ON sources WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('source', old.id);
END;
CREATE TRIGGER sync_feed_source_versions_i AFTER INSERT ON source_versions WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('source', new.source_id);
END;
CREATE TRIGGER sync_feed_source_versions_u AFTER UPDATE ON source_versions WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('source', new.source_id);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'source', old.source_id WHERE (old.source_id) IS NOT (new.source_id);
END;
CREATE TRIGGER sync_feed_source_versions_d AFTER DELETE ON source_versions WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('source', old.source_id);
END;
CREATE TRIGGER sync_feed_evidence_i AFTER INSERT ON evidence WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('evidence', new.id);
END;
CREATE TRIGGER sync_feed_evidence_u AFTER UPDATE ON evidence WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('evidence', new.id);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'evidence', old.id WHERE (old.id) IS NOT (new.id);
END;
CREATE TRIGGER sync_feed_evidence_d AFTER DELETE ON evidence WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('evidence', old.id);
END;
CREATE TRIGGER sync_feed_evidence_reanchors_i AFTER INSERT ON evidence_reanchors WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('evidence', new.evidence_id);
END;
CREATE TRIGGER sync_feed_evidence_reanchors_u AFTER UPDATE ON evidence_reanchors WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('evidence', new.evidence_id);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'evidence', old.evidence_id WHERE (old.evidence_id) IS NOT (new.evidence_id);
END;
CREATE TRIGGER sync_feed_evidence_reanchors_d AFTER DELETE ON evidence_reanchors WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('evidence', old.evidence_id);
END;
CREATE TRIGGER sync_feed_verdicts_i AFTER INSERT ON verdicts WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('scale', 'scale');
END;
CREATE TRIGGER sync_feed_verdicts_u AFTER UPDATE ON verdicts WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('scale', 'scale');
END;
CREATE TRIGGER sync_feed_verdicts_d AFTER DELETE ON verdicts WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('scale', 'scale');
END;
CREATE TRIGGER sync_feed_settings_i AFTER INSERT ON settings WHEN NOT (SELECT quiet FROM sync_quiet) AND new.key <> 'user' AND new.key NOT LIKE 'sync\_%' ESCAPE '\' BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('settings', new.key);
END;
CREATE TRIGGER sync_feed_settings_u AFTER UPDATE ON settings WHEN NOT (SELECT quiet FROM sync_quiet) AND new.key <> 'user' AND new.key NOT LIKE 'sync\_%' ESCAPE '\' BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('settings', new.key);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'settings', old.key WHERE (old.key) IS NOT (new.key);
END;
CREATE TRIGGER sync_feed_settings_d AFTER DELETE ON settings WHEN NOT (SELECT quiet FROM sync_quiet) AND old.key <> 'user' AND old.key NOT LIKE 'sync\_%' ESCAPE '\' BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('settings', old.key);
END;
CREATE TRIGGER sync_feed_claim_merges_i AFTER INSERT ON claim_merges WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('merge', new.duplicate_id || ' ' || new.merged_at);
END;
CREATE TRIGGER sync_feed_claim_merges_u AFTER UPDATE ON claim_merges WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('merge', new.duplicate_id || ' ' || new.merged_at);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'merge', old.duplicate_id || ' ' || old.merged_at WHERE (old.duplicate_id || ' ' || old.merged_at) IS NOT (new.duplicate_id || ' ' || new.merged_at);
END;
CREATE TRIGGER sync_feed_claim_merges_d AFTER DELETE ON claim_merges WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('merge', old.duplicate_id || ' ' || old.merged_at);
END;
CREATE TRIGGER sync_feed_date_pins_i AFTER INSERT ON date_pins WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('date_pins', new.source_id);
END;
CREATE TRIGGER sync_feed_date_pins_u AFTER UPDATE ON date_pins WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('date_pins', new.source_id);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'date_pins', old.source_id WHERE (old.source_id) IS NOT (new.source_id);
END;
CREATE TRIGGER sync_feed_date_pins_d AFTER DELETE ON date_pins WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('date_pins', old.source_id);
END;
CREATE TRIGGER sync_feed_claimreview_texts_i AFTER INSERT ON claimreview_texts WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claimreview_text', new.claim_id);
END;
CREATE TRIGGER sync_feed_claimreview_texts_u AFTER UPDATE ON claimreview_texts WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claimreview_text', new.claim_id);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'claimreview_text', old.claim_id WHERE (old.claim_id) IS NOT (new.claim_id);
END;
CREATE TRIGGER sync_feed_claimreview_texts_d AFTER DELETE ON claimreview_texts WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claimreview_text', old.claim_id);
END;
CREATE TRIGGER sync_feed_claimreview_imports_i AFTER INSERT ON claimreview_imports WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claimreview_import', new.key);
END;
CREATE TRIGGER sync_feed_claimreview_imports_u AFTER UPDATE ON claimreview_imports WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claimreview_import', new.key);
    INSERT INTO sync_feed (entity, entity_id) SELECT 'claimreview_import', old.key WHERE (old.key) IS NOT (new.key);
END;
CREATE TRIGGER sync_feed_claimreview_imports_d AFTER DELETE ON claimreview_imports WHEN NOT (SELECT quiet FROM sync_quiet) BEGIN
    INSERT INTO sync_feed (entity, entity_id) VALUES ('claimreview_import', old.key);
END;
"#;
