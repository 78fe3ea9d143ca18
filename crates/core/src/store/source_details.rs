//! Correcting what a capture found about a source (title, outlet, authors,
//! dates, canonical URL, language). The fields arrive as the user typed them
//! and are checked here, so a bad date or URL is refused with a message that
//! says what to fix and nothing is written. A saved edit can be undone.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::clean_opt;
use crate::error::{Error, Result};
use crate::model::{NewSource, Source};
use crate::store::Sources;
use crate::web_address::web_address;

/// A source's descriptive fields as the user typed them. Dates are text
/// (`YYYY-MM-DD`) so that a wrong one is refused with a clear message rather
/// than failing to decode; blank fields mean "not known".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct SourceDetails {
    /// The title shown in lists and reports.
    pub title: String,
    /// The publishing outlet.
    pub outlet: Option<String>,
    /// The authors, in the order the article names them.
    pub authors: Vec<String>,
    /// The day of publication, as `YYYY-MM-DD`.
    pub published_on: Option<String>,
    /// The day of the last update, as `YYYY-MM-DD`.
    pub modified_on: Option<String>,
    /// The page's canonical URL; re-capturing it adds a version.
    pub canonical_url: Option<String>,
    /// A BCP 47 language tag such as `en` or `pt-BR`.
    pub language: Option<String>,
}

impl SourceDetails {
    /// The details a source holds now, as the edit form starts from them.
    pub fn of(source: &Source) -> Self {
        SourceDetails {
            title: source.title.clone(),
            outlet: source.outlet.clone(),
            authors: source.authors.clone(),
            published_on: source.published_on.map(|d| d.to_string()),
            modified_on: source.modified_on.map(|d| d.to_string()),
            canonical_url: source.canonical_url.clone(),
            language: source.language.clone(),
        }
    }
}

/// A saved edit: the source as it is now and the details it held before,
/// which [`Sources::restore_details`] puts back to undo the edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DetailsSaved {
    /// The source as the edit left it.
    pub source: Source,
    /// The details as they were before the edit.
    pub previous: SourceDetails,
    /// The details as the edit left them: undo checks the source still holds
    /// them, so it never throws away a later change.
    pub saved: SourceDetails,
}

impl Sources<'_> {
    /// Corrects a source's details through [`Sources::update_meta`]: its text,
    /// versions and fetched URL stay as captured. Every field is checked
    /// before anything is written.
    ///
    /// Like `update_meta`, this overwrites the fields in place: sources keep
    /// no change history (only claims do), and the captured HTML snapshot of
    /// every version still holds what the page said. The details as they
    /// were come back with the result, so the edit can be undone.
    pub fn edit_details(&self, id_or_prefix: &str, details: SourceDetails) -> Result<DetailsSaved> {
        let current = self.get(id_or_prefix)?;
        let mut meta = to_meta(details, &current, Typed::ByUser)?;
        // Re-captures find their source by canonical URL, so an edit never
        // clears it: a cleared field falls back to the page's own URL (as on
        // capture), else the stored one stays.
        meta.canonical_url = meta.canonical_url.or_else(|| current.url.clone());
        let source = self.update_meta(&current.id, meta)?;
        Ok(DetailsSaved {
            saved: SourceDetails::of(&source),
            source,
            previous: SourceDetails::of(&current),
        })
    }

    /// Undoes [`Sources::edit_details`]: puts back the details it returned as
    /// `previous`, exactly, so a field that was blank before (even the
    /// canonical URL) is blank again. Refused with [`Error::Conflict`] when the
    /// source no longer holds `saved` (it was changed again since), so undo
    /// never throws away a later change.
    ///
    /// The previous URL and language go back as they were stored, even when a
    /// page gave them in a form an edit would refuse (`en_US`): undo must not
    /// fail for the very sources people correct.
    pub fn restore_details(
        &self,
        id_or_prefix: &str,
        previous: SourceDetails,
        saved: &SourceDetails,
    ) -> Result<Source> {
        let current = self.get(id_or_prefix)?;
        if SourceDetails::of(&current) != *saved {
            return Err(Error::Conflict(format!(
                "the details of \"{}\" were changed again after that edit; undo the later change first",
                current.title
            )));
        }
        let meta = to_meta(previous, &current, Typed::AsStored)?;
        self.replace_meta(&current.id, meta)
    }
}

/// Where details come from, which decides how strictly they are checked.
#[derive(Clone, Copy, PartialEq)]
enum Typed {
    /// Typed in the edit form: the URL and language must be well formed.
    ByUser,
    /// Put back as a capture stored them: only what storage needs is checked.
    AsStored,
}

/// The fields to store, once checked; the fetched URL and the text stay as
/// captured.
fn to_meta(details: SourceDetails, current: &Source, typed: Typed) -> Result<NewSource> {
    let title = clean_opt(Some(details.title))
        .ok_or_else(|| Error::invalid("a source needs a title; type one"))?;
    let canonical_url = clean_opt(details.canonical_url);
    let language = clean_opt(details.language);
    if typed == Typed::ByUser {
        if let Some(url) = &canonical_url {
            web_address("the canonical URL", url)?;
        }
        if let Some(tag) = &language {
            check_language(tag)?;
        }
    }
    Ok(NewSource {
        title,
        outlet: details.outlet,
        authors: details.authors,
        url: current.url.clone(),
        canonical_url,
        published_on: parse_day("published", details.published_on)?,
        modified_on: parse_day("modified", details.modified_on)?,
        language,
        ..NewSource::default()
    })
}

/// A calendar day typed as `YYYY-MM-DD`; blank means unknown.
fn parse_day(field: &str, text: Option<String>) -> Result<Option<NaiveDate>> {
    clean_opt(text)
        .map(|t| {
            NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| {
                Error::invalid(format!(
                    "the {field} date {t:?} is not a date; write it as YYYY-MM-DD, e.g. 2025-11-21"
                ))
            })
        })
        .transpose()
}

/// The shape of a BCP 47 tag: a 2–3 letter language, then subtags of 1–8
/// letters or digits joined by hyphens (`en`, `pt-BR`, `sr-Latn-RS`).
fn check_language(tag: &str) -> Result<()> {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "the language {tag:?} is not a language tag; write a code like en, de or pt-BR"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_as_iso_dates() {
        assert_eq!(
            parse_day("published", Some(" 2025-11-21 ".into())).expect("a valid day"),
            NaiveDate::from_ymd_opt(2025, 11, 21)
        );
        assert_eq!(
            parse_day("published", Some("  ".into())).expect("blank"),
            None
        );
        let err = parse_day("modified", Some("21/11/2025".into())).expect_err("not ISO");
        assert!(
            err.to_string().contains("modified date \"21/11/2025\""),
            "{err}"
        );
        assert!(parse_day("published", Some("2025-02-30".into())).is_err());
    }

    #[test]
    fn language_tags_are_checked_for_shape() {
        for good in ["en", "pt-BR", "sr-Latn-RS", "deu"] {
            assert!(check_language(good).is_ok(), "{good}");
        }
        for bad in ["English", "e", "en_GB", "en-", "12"] {
            assert!(check_language(bad).is_err(), "{bad}");
        }
    }
}
