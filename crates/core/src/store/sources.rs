//! Sources and their versions. A source's text is never overwritten: a
//! changed text becomes a new version beside the old one.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::db::Db;
use super::passage_review;
use super::{clean_opt, date_text, instant_text, now, parse_date, parse_instant};
use crate::error::{Error, Result};
use crate::ids;
use crate::limits;
use crate::model::{AddOutcome, NewSource, Source, SourceAdded, SourceVersion};
use crate::text::normalise::{normalise, sha256_hex};

const SOURCE_COLUMNS: &str =
    "s.id, s.title, s.outlet, s.authors, s.url, s.canonical_url, s.published_on,
    s.modified_on, s.language, s.created_at,
    (SELECT count(*) FROM source_versions v WHERE v.source_id = s.id)";

const VERSION_COLUMNS: &str = "id, source_id, number, text, html, sha256, captured_at, final_url";

/// Longest title made from a text's first line when none is given.
const DERIVED_TITLE_CHARS: usize = 80;

/// Sources of one workspace.
pub struct Sources<'a> {
    db: Db<'a>,
}

impl<'a> Sources<'a> {
    pub(crate) fn new(db: Db<'a>) -> Self {
        Sources { db }
    }

    /// Stores a source. The same text stored before is not stored again; a
    /// text that differs from the latest version of the source with the same
    /// (canonical) URL becomes its next version, even when an older version
    /// had that text (the page went back to it).
    pub fn add(&self, new: NewSource) -> Result<SourceAdded> {
        let capture = Capture::clean(new)?;
        self.db.write(|conn| store_capture(conn, &capture))
    }

    /// The connection this handle reads through (for the reader's view).
    pub(super) fn conn(&self) -> &'a Connection {
        self.db.conn
    }

    /// The id of the source named by `id_or_prefix`.
    pub fn resolve(&self, id_or_prefix: &str) -> Result<String> {
        ids::resolve(self.db.conn, "sources", "source", id_or_prefix)
    }

    /// One source.
    pub fn get(&self, id_or_prefix: &str) -> Result<Source> {
        get(self.db.conn, &self.resolve(id_or_prefix)?)
    }

    /// All sources, newest first.
    pub fn list(&self) -> Result<Vec<Source>> {
        let sql =
            format!("SELECT {SOURCE_COLUMNS} FROM sources s ORDER BY s.created_at DESC, s.id DESC");
        let mut stmt = self.db.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], source_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// All versions of a source, oldest first.
    pub fn versions(&self, id_or_prefix: &str) -> Result<Vec<SourceVersion>> {
        let id = self.resolve(id_or_prefix)?;
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM source_versions WHERE source_id = ?1 ORDER BY number"
        );
        let mut stmt = self.db.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([id], version_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One version by number, or the latest when `number` is `None`.
    pub fn version(&self, id_or_prefix: &str, number: Option<u32>) -> Result<SourceVersion> {
        let id = self.resolve(id_or_prefix)?;
        version_by_number(self.db.conn, &id, number)
    }

    /// Changes the source's descriptive fields (title, outlet, authors, URL,
    /// dates, language); its text and versions are left alone.
    pub fn update_meta(&self, id_or_prefix: &str, meta: NewSource) -> Result<Source> {
        self.write_meta(id_or_prefix, meta, true)
    }

    /// Like [`Sources::update_meta`], but a blank canonical URL is stored
    /// blank: for putting back details exactly as they were before an edit.
    pub(crate) fn replace_meta(&self, id_or_prefix: &str, meta: NewSource) -> Result<Source> {
        self.write_meta(id_or_prefix, meta, false)
    }

    /// Writes the descriptive fields; `keep_canonical` keeps the stored
    /// canonical URL when `meta` has none.
    fn write_meta(
        &self,
        id_or_prefix: &str,
        meta: NewSource,
        keep_canonical: bool,
    ) -> Result<Source> {
        let id = self.resolve(id_or_prefix)?;
        let title = clean_opt(Some(meta.title.clone()))
            .ok_or_else(|| Error::invalid("a source needs a title"))?;
        check_meta(&meta)?;
        let authors = serde_json::to_string(&clean_list(&meta.authors))
            .map_err(|e| Error::invalid(format!("authors: {e}")))?;
        self.db.write(|conn| {
            conn.execute(
                "UPDATE sources SET title = ?2, outlet = ?3, authors = ?4, url = ?5,
                    canonical_url = CASE WHEN ?10 THEN coalesce(?6, canonical_url) ELSE ?6 END,
                    published_on = ?7, modified_on = ?8, language = ?9
                 WHERE id = ?1",
                params![
                    id,
                    title,
                    clean_opt(meta.outlet.clone()),
                    authors,
                    clean_opt(meta.url.clone()),
                    clean_opt(meta.canonical_url.clone()),
                    date_text(meta.published_on),
                    date_text(meta.modified_on),
                    clean_opt(meta.language.clone()),
                    keep_canonical
                ],
            )?;
            // Relative dates ("on Tuesday") are counted from the publication day.
            super::version_dates::refresh_source(conn, &id)?;
            get(conn, &id)
        })
    }
}

/// A capture as it is stored: its text normalised and hashed, its URLs and
/// title cleaned; the rest of the fields as they came.
struct Capture {
    new: NewSource,
    text: String,
    sha: String,
    url: Option<String>,
    canonical: Option<String>,
    title: String,
}

impl Capture {
    /// Cleans what a capture brought, refusing an empty text before anything
    /// is written. A missing canonical URL is the page's URL; a missing title
    /// is the text's first line.
    fn clean(new: NewSource) -> Result<Self> {
        // Before normalising: a text over the limit is refused without copying it.
        limits::check_bytes("the source text", new.text.len(), limits::MAX_SOURCE_BYTES)?;
        check_meta(&new)?;
        let text = normalise(&new.text);
        if text.is_empty() {
            return Err(Error::invalid(
                "the source text is empty: there is nothing to check against",
            ));
        }
        let url = clean_opt(new.url.clone());
        let canonical = clean_opt(new.canonical_url.clone()).or_else(|| url.clone());
        let title = clean_opt(Some(new.title.clone())).unwrap_or_else(|| derive_title(&text));
        Ok(Capture {
            sha: sha256_hex(&text),
            text,
            url,
            canonical,
            title,
            new,
        })
    }
}

/// Stores a source as [`Sources::add`] does, inside the caller's write
/// transaction (the generated workspaces write thousands in one).
pub(crate) fn add_in(conn: &Connection, new: NewSource) -> Result<SourceAdded> {
    store_capture(conn, &Capture::clean(new)?)
}

/// Stores a cleaned capture: a new source, a new version, or nothing new.
fn store_capture(conn: &Connection, capture: &Capture) -> Result<SourceAdded> {
    let (source_id, outcome) = match decide(conn, capture)? {
        Decision::Unchanged(version) => {
            let source = get(conn, &version.source_id)?;
            return Ok(SourceAdded {
                outcome: AddOutcome::Unchanged,
                source,
                version,
            });
        }
        Decision::NewVersion(source_id) => (source_id, AddOutcome::NewVersion),
        Decision::NewSource => (insert_new_source(conn, capture)?, AddOutcome::NewSource),
    };
    let version_id = insert_next_version(conn, &source_id, capture)?;
    let version = version(conn, &version_id)?;
    if outcome == AddOutcome::NewVersion {
        take_modified_on(conn, &source_id, capture)?;
        passage_review::follow_into(conn, &source_id, &version)?;
    }
    Ok(SourceAdded {
        outcome,
        source: get(conn, &source_id)?,
        version,
    })
}

/// What storing a capture comes to.
enum Decision {
    /// The text is stored already: this version.
    Unchanged(SourceVersion),
    /// The page is stored (this source id) and its text changed.
    NewVersion(String),
    /// Neither the page nor the text is known.
    NewSource,
}

/// Decides whether a capture is a text already stored, the next version of
/// a page already stored, or a new source.
fn decide(conn: &Connection, capture: &Capture) -> Result<Decision> {
    let canonical = capture.canonical.as_deref();
    let same_page = source_at(conn, canonical)?;
    if let Some(version) = same_text_version(conn, &capture.sha, same_page.as_deref(), canonical)? {
        return Ok(Decision::Unchanged(version));
    }
    Ok(match same_page {
        Some(source_id) => Decision::NewVersion(source_id),
        None => Decision::NewSource,
    })
}

/// The first source stored under this canonical URL, if any.
fn source_at(conn: &Connection, canonical: Option<&str>) -> Result<Option<String>> {
    let Some(canonical) = canonical else {
        return Ok(None);
    };
    Ok(conn
        .query_row(
            "SELECT id FROM sources WHERE canonical_url = ?1 ORDER BY created_at LIMIT 1",
            [canonical],
            |r| r.get::<_, String>(0),
        )
        .optional()?)
}

/// Stores the capture's descriptive fields as a new source, still without
/// text; returns its id.
fn insert_new_source(conn: &Connection, capture: &Capture) -> Result<String> {
    let new = &capture.new;
    let source = Source {
        id: ids::new_id(),
        title: capture.title.clone(),
        outlet: clean_opt(new.outlet.clone()),
        authors: clean_list(&new.authors),
        url: capture.url.clone(),
        canonical_url: capture.canonical.clone(),
        published_on: new.published_on,
        modified_on: new.modified_on,
        language: clean_opt(new.language.clone()),
        created_at: now(),
        version_count: 0,
    };
    insert_exact(conn, &source)?;
    Ok(source.id)
}

/// Stores the capture's text as the source's next version; returns its id.
fn insert_next_version(conn: &Connection, source_id: &str, capture: &Capture) -> Result<String> {
    let version = SourceVersion {
        id: ids::new_id(),
        source_id: source_id.to_string(),
        number: next_version_number(conn, source_id)?,
        text: capture.text.clone(),
        html: capture.new.html.clone(),
        sha256: capture.sha.clone(),
        captured_at: now(),
        final_url: clean_opt(capture.new.final_url.clone()),
    };
    insert_version_exact(conn, &version)?;
    Ok(version.id)
}

/// A new version of a page brings the page's own last-modified day, when it
/// gives one; the other descriptive fields stay as first captured.
fn take_modified_on(conn: &Connection, source_id: &str, capture: &Capture) -> Result<()> {
    if capture.new.modified_on.is_some() {
        conn.execute(
            "UPDATE sources SET modified_on = ?2 WHERE id = ?1",
            params![source_id, date_text(capture.new.modified_on)],
        )?;
    }
    Ok(())
}

/// The stored version this text is a capture of again, if any. For a page
/// already stored (same URL) that is its latest version only when the text
/// matches: a page that went back to an earlier text is a new version, so the
/// latest version is always what the page showed last. A text of no known
/// page matches any version with that text where neither side names a
/// different URL.
fn same_text_version(
    conn: &Connection,
    sha: &str,
    same_page: Option<&str>,
    canonical: Option<&str>,
) -> Result<Option<SourceVersion>> {
    if let Some(page) = same_page {
        let latest = version_by_number(conn, page, None)?;
        return Ok((latest.sha256 == sha).then_some(latest));
    }
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM source_versions v WHERE v.sha256 = ?1
           AND (?2 IS NULL
                OR (SELECT canonical_url FROM sources s WHERE s.id = v.source_id) IS NULL)
         ORDER BY v.captured_at LIMIT 1"
    );
    Ok(conn
        .query_row(&sql, params![sha, canonical], version_from_row)
        .optional()?)
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Source> {
    let sql = format!("SELECT {SOURCE_COLUMNS} FROM sources s WHERE s.id = ?1");
    conn.query_row(&sql, [id], source_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no source with id {id}")))
}

pub(crate) fn version(conn: &Connection, version_id: &str) -> Result<SourceVersion> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM source_versions WHERE id = ?1");
    conn.query_row(&sql, [version_id], version_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no source version with id {version_id}")))
}

pub(crate) fn version_by_number(
    conn: &Connection,
    source_id: &str,
    number: Option<u32>,
) -> Result<SourceVersion> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM source_versions WHERE source_id = ?1 AND (?2 IS NULL OR number = ?2)
         ORDER BY number DESC LIMIT 1"
    );
    conn.query_row(&sql, params![source_id, number], version_from_row)
        .optional()?
        .ok_or_else(|| {
            Error::not_found(match number {
                Some(n) => format!("source {source_id} has no version {n}"),
                None => format!("source {source_id} has no text"),
            })
        })
}

/// Every source, by id.
pub(crate) fn all(conn: &Connection) -> Result<Vec<Source>> {
    let sql = format!("SELECT {SOURCE_COLUMNS} FROM sources s ORDER BY s.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], source_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// All versions of a source by full id, oldest first.
pub(crate) fn versions_of(conn: &Connection, source_id: &str) -> Result<Vec<SourceVersion>> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM source_versions WHERE source_id = ?1 ORDER BY number"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([source_id], version_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The number the next version of a source gets: one past its latest.
fn next_version_number(conn: &Connection, source_id: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM source_versions WHERE source_id = ?1",
        [source_id],
        |r| r.get(0),
    )?)
}

/// Stores a source's fields exactly as given (id and timestamps kept): the
/// one statement that writes a source row, for new captures too.
pub(crate) fn insert_exact(conn: &Connection, source: &Source) -> Result<()> {
    limits::check_fields([
        ("the title", Some(source.title.as_str())),
        ("the outlet", source.outlet.as_deref()),
        ("the URL", source.url.as_deref()),
        ("the canonical URL", source.canonical_url.as_deref()),
        ("the language", source.language.as_deref()),
    ])?;
    limits::check_fields(
        source
            .authors
            .iter()
            .map(|a| ("an author", Some(a.as_str()))),
    )?;
    let authors = serde_json::to_string(&source.authors)
        .map_err(|e| Error::invalid(format!("authors: {e}")))?;
    conn.execute(
        "INSERT INTO sources (id, title, outlet, authors, url, canonical_url, published_on,
                              modified_on, language, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            source.id,
            source.title,
            source.outlet,
            authors,
            source.url,
            source.canonical_url,
            date_text(source.published_on),
            date_text(source.modified_on),
            source.language,
            instant_text(source.created_at)
        ],
    )?;
    Ok(())
}

/// Stores a version exactly as given (id, number and capture time kept): the
/// one statement that writes a version, for new captures too.
pub(crate) fn insert_version_exact(conn: &Connection, v: &SourceVersion) -> Result<()> {
    limits::check_bytes("the source text", v.text.len(), limits::MAX_SOURCE_BYTES)?;
    let html = v.html.as_deref().map_or(0, str::len);
    limits::check_bytes("the HTML snapshot", html, limits::MAX_SOURCE_BYTES)?;
    limits::check_fields([("the final URL", v.final_url.as_deref())])?;
    conn.execute(
        "INSERT INTO source_versions (id, source_id, number, text, html, sha256, captured_at, final_url)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            v.id,
            v.source_id,
            v.number,
            v.text,
            v.html,
            v.sha256,
            instant_text(v.captured_at),
            v.final_url
        ],
    )?;
    // The search index and the dates take the new text in the same
    // transaction, from one segmentation.
    let sentences = crate::text::segment(&v.text);
    crate::search::index::index_version(conn, &v.id, &v.source_id, &v.text, &sentences)?;
    super::version_dates::store_sentences(conn, &v.id, &v.text, &sentences)
}

fn source_from_row(r: &Row<'_>) -> rusqlite::Result<Source> {
    let authors: String = r.get(3)?;
    Ok(Source {
        id: r.get(0)?,
        title: r.get(1)?,
        outlet: r.get(2)?,
        authors: serde_json::from_str(&authors).unwrap_or_default(),
        url: r.get(4)?,
        canonical_url: r.get(5)?,
        published_on: parse_date(r.get(6)?)?,
        modified_on: parse_date(r.get(7)?)?,
        language: r.get(8)?,
        created_at: parse_instant(&r.get::<_, String>(9)?)?,
        version_count: r.get(10)?,
    })
}

fn version_from_row(r: &Row<'_>) -> rusqlite::Result<SourceVersion> {
    Ok(SourceVersion {
        id: r.get(0)?,
        source_id: r.get(1)?,
        number: r.get(2)?,
        text: r.get(3)?,
        html: r.get(4)?,
        sha256: r.get(5)?,
        captured_at: parse_instant(&r.get::<_, String>(6)?)?,
        final_url: r.get(7)?,
    })
}

/// The descriptive fields a capture or an edit brings, each within its limit.
fn check_meta(meta: &NewSource) -> Result<()> {
    limits::check_fields([
        ("the title", Some(meta.title.as_str())),
        ("the outlet", meta.outlet.as_deref()),
        ("the URL", meta.url.as_deref()),
        ("the canonical URL", meta.canonical_url.as_deref()),
        ("the language", meta.language.as_deref()),
    ])?;
    limits::check_fields(meta.authors.iter().map(|a| ("an author", Some(a.as_str()))))
}

fn clean_list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .filter_map(|a| clean_opt(Some(a.clone())))
        .collect()
}

fn derive_title(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default().trim();
    if first.chars().count() <= DERIVED_TITLE_CHARS {
        first.to_string()
    } else {
        let cut: String = first.chars().take(DERIVED_TITLE_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Stores a source's descriptive fields as another desk's copy has them
/// (title, outlet, authors, addresses, dates, language), keeping its versions.
pub(crate) fn overwrite_meta(conn: &Connection, source: &Source) -> Result<()> {
    limits::check_fields([
        ("the title", Some(source.title.as_str())),
        ("the outlet", source.outlet.as_deref()),
        ("the URL", source.url.as_deref()),
        ("the canonical URL", source.canonical_url.as_deref()),
        ("the language", source.language.as_deref()),
    ])?;
    let authors = serde_json::to_string(&source.authors)
        .map_err(|e| Error::invalid(format!("authors: {e}")))?;
    conn.execute(
        "UPDATE sources SET title = ?2, outlet = ?3, authors = ?4, url = ?5, canonical_url = ?6,
             published_on = ?7, modified_on = ?8, language = ?9
         WHERE id = ?1",
        params![
            source.id,
            source.title,
            source.outlet,
            authors,
            source.url,
            source.canonical_url,
            date_text(source.published_on),
            date_text(source.modified_on),
            source.language
        ],
    )?;
    Ok(())
}
