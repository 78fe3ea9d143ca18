//! The checks a bundle passes before anything of it is written: ids are
//! Claimdesk ids and none is used twice, statements and passages are not
//! empty, verdicts are on the bundle's scale, texts match their hashes, and
//! every passage stands in its version's text exactly where it says. A bundle
//! that fails one is refused whole, with a message naming what to fix.

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;

use super::{Bundle, BundleEvidence};
use crate::anchor;
use crate::error::{Error, Result};
use crate::ids;
use crate::store::{claims, sources};
use crate::text::normalise::sha256_hex;

/// Ends every refusal, so the user knows the workspace is untouched.
const NOTHING: &str = "nothing was imported";

/// Checks `bundle` against itself and against the workspace on `conn`,
/// reading only. A version without a `sha256` gets the hash of its text.
pub(super) fn check(conn: &Connection, bundle: &mut Bundle) -> Result<()> {
    check_ids(bundle)?;
    check_claims(bundle)?;
    check_versions(conn, bundle)?;
    let versions = version_texts(bundle);
    let claim_ids: BTreeSet<&str> = bundle.claims.iter().map(|c| c.id.as_str()).collect();
    for (i, e) in bundle.evidence.iter().enumerate() {
        check_passage(conn, i + 1, e, &versions, &claim_ids)?;
    }
    Ok(())
}

/// Every id is a whole Claimdesk id, and no claim, source, version, passage
/// or ClaimReview key comes twice: a second copy would overwrite the first.
fn check_ids(bundle: &Bundle) -> Result<()> {
    let mut claims = Seen::new("claim");
    for c in &bundle.claims {
        claims.add(&c.id)?;
    }
    let mut sources = Seen::new("source");
    let mut versions = Seen::new("version");
    for s in &bundle.sources {
        sources.add(&s.id)?;
        for v in &s.versions {
            versions.add(&v.id)?;
        }
    }
    let mut evidence = Seen::new("evidence");
    for e in &bundle.evidence {
        evidence.add(&e.id)?;
        let what = format!("evidence {}", e.id);
        refer(&what, "claim", &e.claim_id)?;
        refer(&what, "source", &e.source_id)?;
        refer(&what, "version", &e.version_id)?;
    }
    let mut keys = BTreeSet::new();
    for k in &bundle.claimreview_imports {
        if !keys.insert(k.key.as_str()) {
            return Err(Error::invalid(format!(
                "the ClaimReview import {:?} appears twice in the bundle; {NOTHING}",
                shorten(&k.key)
            )));
        }
        refer(
            &format!("the ClaimReview import {:?}", shorten(&k.key)),
            "claim",
            &k.claim_id,
        )?;
    }
    Ok(())
}

/// The ids of one kind seen so far.
struct Seen<'a> {
    what: &'static str,
    ids: BTreeSet<&'a str>,
}

impl<'a> Seen<'a> {
    fn new(what: &'static str) -> Self {
        Seen {
            what,
            ids: BTreeSet::new(),
        }
    }

    fn add(&mut self, id: &'a str) -> Result<()> {
        if !ids::is_id(id) {
            return Err(not_an_id(&format!("{} {:?}", self.what, shorten(id))));
        }
        if !self.ids.insert(id) {
            return Err(Error::invalid(format!(
                "{} {id} appears twice in the bundle; each {} must come once; {NOTHING}",
                self.what, self.what
            )));
        }
        Ok(())
    }
}

/// `who` names a `what` by `id`; the id must be a Claimdesk id.
fn refer(who: &str, what: &str, id: &str) -> Result<()> {
    if ids::is_id(id) {
        Ok(())
    } else {
        Err(not_an_id(&format!(
            "{who} names {what} {:?}, which",
            shorten(id)
        )))
    }
}

fn not_an_id(subject: &str) -> Error {
    Error::invalid(format!(
        "{subject} is not a Claimdesk id (a lower-case UUID such as \
         019ad3f2-aaaa-7000-8000-000000000001); {NOTHING}"
    ))
}

fn check_claims(bundle: &Bundle) -> Result<()> {
    let verdicts: BTreeSet<&str> = bundle.scale.iter().map(|v| v.key.as_str()).collect();
    for c in &bundle.claims {
        if c.statement.trim().is_empty() {
            return Err(Error::invalid(format!(
                "claim {} has an empty statement; {NOTHING}",
                c.id
            )));
        }
        if !verdicts.contains(c.verdict.as_str()) {
            return Err(Error::invalid(format!(
                "claim {} has verdict {:?}, which is not on the bundle's scale; {NOTHING}",
                c.id, c.verdict
            )));
        }
    }
    Ok(())
}

/// Texts match their hashes (a missing hash is filled in), and a version id
/// the workspace already holds belongs to the same source and text.
fn check_versions(conn: &Connection, bundle: &mut Bundle) -> Result<()> {
    for s in &mut bundle.sources {
        for v in &mut s.versions {
            if v.text.is_empty() {
                return Err(Error::invalid(format!(
                    "version {} ({}) of source {} has no text; {NOTHING}",
                    v.number, v.id, s.id
                )));
            }
            let actual = sha256_hex(&v.text);
            // No hash: nothing to check against, the text gives it.
            if v.sha256.is_empty() || v.sha256.eq_ignore_ascii_case(&actual) {
                v.sha256 = actual;
            } else {
                return Err(Error::invalid(format!(
                    "version {} ({}) of source {} does not match its sha256: the bundle was altered; {NOTHING}",
                    v.number, v.id, s.id
                )));
            }
            match sources::version(conn, &v.id) {
                Ok(here) if here.source_id != s.id => {
                    return Err(Error::Conflict(format!(
                        "version {} belongs to source {} here but to source {} in the bundle; {NOTHING}",
                        v.id, here.source_id, s.id
                    )));
                }
                Ok(here) if here.sha256 != v.sha256 => {
                    return Err(Error::Conflict(format!(
                        "version {} of source {} holds another text here than in the bundle; {NOTHING}",
                        v.id, s.id
                    )));
                }
                Ok(_) | Err(Error::NotFound(_)) => {}
                Err(other) => return Err(other),
            }
        }
    }
    Ok(())
}

/// A version's text as a passage is checked against it.
struct VersionText {
    source_id: String,
    number: u32,
    text: String,
}

/// The bundle's versions by id.
fn version_texts(bundle: &Bundle) -> HashMap<String, VersionText> {
    bundle
        .sources
        .iter()
        .flat_map(|s| {
            s.versions.iter().map(|v| {
                (
                    v.id.clone(),
                    VersionText {
                        source_id: s.id.clone(),
                        number: v.number,
                        text: v.text.clone(),
                    },
                )
            })
        })
        .collect()
}

/// Passage `n` of the bundle quotes words that stand in its version's text
/// at its offsets, with its prefix right before and its suffix right after,
/// and belongs to a claim the bundle or the workspace holds.
fn check_passage(
    conn: &Connection,
    n: usize,
    e: &BundleEvidence,
    bundled: &HashMap<String, VersionText>,
    claim_ids: &BTreeSet<&str>,
) -> Result<()> {
    let name = format!("evidence {n} ({}, of claim {})", e.id, e.claim_id);
    if !claim_ids.contains(e.claim_id.as_str()) && claims::row(conn, &e.claim_id)?.is_none() {
        return Err(Error::invalid(format!(
            "{name} belongs to claim {}, which is neither in the bundle nor in this workspace; {NOTHING}",
            e.claim_id
        )));
    }
    let held;
    let version = match bundled.get(&e.version_id) {
        Some(v) => v,
        None => match sources::version(conn, &e.version_id) {
            Ok(v) => {
                held = VersionText {
                    source_id: v.source_id,
                    number: v.number,
                    text: v.text,
                };
                &held
            }
            Err(Error::NotFound(_)) => {
                return Err(Error::invalid(format!(
                    "{name} quotes version {}, which is neither in the bundle nor in this workspace; {NOTHING}",
                    e.version_id
                )));
            }
            Err(other) => return Err(other),
        },
    };
    if version.source_id != e.source_id {
        return Err(Error::invalid(format!(
            "{name} names source {} but quotes a version of {}; {NOTHING}",
            e.source_id, version.source_id
        )));
    }
    let text = &version.text;
    let at = format!(
        "version {} of source {} at {}..{}",
        version.number, version.source_id, e.start, e.end
    );
    let length = text.chars().count();
    if e.start as usize > length || e.end as usize > length {
        return Err(Error::invalid(format!(
            "{name} runs past the text: {at}, but that version has {length} characters; {NOTHING}"
        )));
    }
    if e.exact.is_empty() || e.end <= e.start {
        return Err(Error::invalid(format!(
            "{name} has an empty passage; {NOTHING}"
        )));
    }
    let Some((start, end)) = anchor::byte_range(text, e.start, e.end) else {
        return Err(Error::invalid(format!(
            "{name} runs past the text: {at}, but that version has {length} characters; {NOTHING}"
        )));
    };
    let found = &text[start..end];
    if found != e.exact {
        return Err(Error::invalid(format!(
            "{name} quotes “{}”, but {at} holds “{}”; {NOTHING}",
            shorten(&e.exact),
            shorten(found)
        )));
    }
    if !text[..start].ends_with(&e.prefix) {
        return Err(Error::invalid(format!(
            "{name}: its prefix “{}” is not the text right before the passage in {at}; {NOTHING}",
            shorten(&e.prefix)
        )));
    }
    if !text[end..].starts_with(&e.suffix) {
        return Err(Error::invalid(format!(
            "{name}: its suffix “{}” is not the text right after the passage in {at}; {NOTHING}",
            shorten(&e.suffix)
        )));
    }
    Ok(())
}

/// Text from the bundle as a message shows it: on one line (a line break
/// shows as `\n`), at most 80 characters.
fn shorten(s: &str) -> String {
    const SHOWN: usize = 80;
    let mut shown = String::new();
    for c in s.chars().take(SHOWN) {
        if c.is_control() {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    if s.chars().count() <= SHOWN {
        shown
    } else {
        format!("{shown}…")
    }
}
