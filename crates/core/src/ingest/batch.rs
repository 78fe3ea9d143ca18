//! Batch import, the part that does not store: turn a folder or a list of
//! URLs into inputs, drive an import function over them while reporting
//! progress, keep going past failures and sum up what happened.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fetch::{FetchOptions, fetch_and_capture};
use super::{Captured, Format, capture_file};
use crate::model::AddOutcome;
use crate::{Error, Result, limits};

/// One thing to import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum BatchInput {
    /// A file on disk (HTML, Markdown, text or PDF).
    File(PathBuf),
    /// A URL to fetch.
    Url(String),
}

impl BatchInput {
    /// How the input is named in progress lines and the summary.
    pub fn label(&self) -> String {
        match self {
            BatchInput::File(p) => p.display().to_string(),
            BatchInput::Url(u) => u.clone(),
        }
    }

    /// Read (or fetch) the input into a capture.
    pub fn capture(&self, fetch_options: &FetchOptions) -> Result<Captured> {
        match self {
            BatchInput::File(path) => capture_file(path),
            BatchInput::Url(url) => fetch_and_capture(url, fetch_options),
        }
    }
}

/// What a batch path expanded to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct Expanded {
    /// Inputs in a stable order (folder entries sorted by path, URLs in file order).
    pub inputs: Vec<BatchInput>,
    /// Files found in the folder that Claimdesk cannot capture, reported rather than silently dropped.
    pub skipped: Vec<PathBuf>,
}

/// Expand a batch argument: a folder becomes its supported files (searched
/// recursively, hidden entries skipped); a file is read as a list of URLs.
pub fn expand(path: &Path) -> Result<Expanded> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
    if meta.is_dir() {
        expand_folder(path)
    } else {
        // A list of URLs is a text file like any source: the same limit, before reading.
        let len = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        limits::check_bytes(
            &format!("the URL list {}", path.display()),
            len,
            limits::MAX_SOURCE_BYTES,
        )?;
        let bytes = std::fs::read(path)
            .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
        let text = std::str::from_utf8(&bytes).map_err(|_| {
            Error::invalid(format!(
                "{} is not a UTF-8 text file; give a folder or a text file with one URL per line",
                path.display()
            ))
        })?;
        Ok(Expanded {
            inputs: url_list(text),
            skipped: Vec::new(),
        })
    }
}

/// Where a batch comes from.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum ImportFrom {
    /// Every HTML, Markdown, text or PDF file in a folder and its subfolders.
    Folder(String),
    /// A text file with one URL per line (`#` starts a comment).
    UrlListFile(String),
    /// URLs pasted into the window, one per line.
    PastedUrls(String),
}

impl ImportFrom {
    /// A path given on the command line: a folder, else a URL-list file.
    pub fn path(path: &Path) -> ImportFrom {
        let name = path.display().to_string();
        if path.is_dir() {
            ImportFrom::Folder(name)
        } else {
            ImportFrom::UrlListFile(name)
        }
    }

    /// The items to import. Refused with what to do, in the user's terms,
    /// when there are none.
    pub fn expand(&self) -> Result<Expanded> {
        let expanded = match self {
            ImportFrom::Folder(dir) => expand_folder(Path::new(dir))?,
            ImportFrom::UrlListFile(file) => expand(Path::new(file))?,
            ImportFrom::PastedUrls(text) => Expanded {
                inputs: url_list(text),
                skipped: Vec::new(),
            },
        };
        if !expanded.inputs.is_empty() {
            return Ok(expanded);
        }
        Err(Error::invalid(match self {
            ImportFrom::Folder(dir) => {
                format!("nothing to import in {dir}: it has no .html, .md, .txt or .pdf files")
            }
            ImportFrom::UrlListFile(file) => format!("{file} lists no URLs"),
            ImportFrom::PastedUrls(_) => "paste at least one URL, one per line".into(),
        }))
    }
}

/// The supported files under `dir`, recursively, sorted by path.
pub fn expand_folder(dir: &Path) -> Result<Expanded> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort();
    let (inputs, skipped): (Vec<_>, Vec<_>) = files.into_iter().partition(|p| {
        p.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
            .is_some()
    });
    Ok(Expanded {
        inputs: inputs.into_iter().map(BatchInput::File).collect(),
        skipped,
    })
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot list {}", dir.display()), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(format!("cannot list {}", dir.display()), e))?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        let file_type = entry
            .file_type()
            .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
        if file_type.is_dir() {
            collect_files(&path, out)?;
        } else if file_type.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// URLs from a list: one per line; blank lines and lines starting with `#`
/// are skipped. Lines are not checked here, so a bad line fails on its own
/// in the batch (with its reason) instead of stopping the whole list.
pub fn url_list(text: &str) -> Vec<BatchInput> {
    text.lines()
        .map(|l| l.trim().trim_start_matches('\u{feff}'))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| BatchInput::Url(l.to_owned()))
        .collect()
}

/// What importing one input did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct Imported {
    /// New source, new version, or already stored.
    pub outcome: AddOutcome,
    /// The source the input landed in.
    pub source_id: String,
    /// What the user should check about the capture (see [`super::Warning`]).
    pub warnings: Vec<String>,
}

/// Progress of a batch, for a progress bar (CLI) or events (app).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case", tag = "event")]
pub enum Progress {
    /// The batch starts.
    Started {
        /// How many inputs it will try.
        total: usize,
    },
    /// An input is being imported.
    ItemStarted {
        /// Which input, counted from 0.
        index: usize,
        /// The input as the user gave it (a path or URL).
        label: String,
    },
    /// Input number `index` is done: `imported` when it worked, else `error` says why not.
    ItemFinished {
        /// Which input, counted from 0.
        index: usize,
        /// The input as the user gave it (a path or URL).
        label: String,
        /// What was stored, when it worked.
        imported: Option<Imported>,
        /// Why not, when it failed.
        error: Option<String>,
    },
    /// Every input was tried.
    Finished {
        /// What the batch did, input by input.
        summary: BatchSummary,
    },
}

/// One input that failed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct Failure {
    /// The input as the user gave it (a path or URL).
    pub input: String,
    /// Why it could not be imported.
    pub reason: String,
}

/// One input that was stored but needs a look, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct ItemWarning {
    /// The input as the user gave it (a path or URL).
    pub input: String,
    /// What to check about the stored capture.
    pub message: String,
}

/// What a batch did, input by input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct BatchSummary {
    /// Inputs that became new sources.
    pub added: Vec<String>,
    /// Inputs that added a new version to an existing source.
    pub new_versions: Vec<String>,
    /// Inputs whose text was already stored.
    pub unchanged: Vec<String>,
    /// Inputs that failed, with the reason.
    pub failed: Vec<Failure>,
    /// Files in a folder that were not tried because of their type.
    pub skipped: Vec<String>,
    /// Stored inputs whose capture needs checking (e.g. almost no article text found).
    pub warnings: Vec<ItemWarning>,
    /// Inputs left untried because the batch was stopped; what was done before stays done.
    pub not_tried: Vec<String>,
}

impl BatchSummary {
    /// Inputs counted as stored whose writes were then undone (their
    /// transaction could not be committed): they become failures with `reason`.
    pub(crate) fn not_stored(&mut self, labels: &[String], reason: &str) {
        let lost = |label: &String| labels.contains(label);
        self.added.retain(|l| !lost(l));
        self.new_versions.retain(|l| !lost(l));
        self.unchanged.retain(|l| !lost(l));
        self.warnings.retain(|w| !lost(&w.input));
        self.failed.extend(labels.iter().map(|label| Failure {
            input: label.clone(),
            reason: format!("not stored: {reason}"),
        }));
    }

    /// One line for people, e.g. "3 added, 1 new version, 0 unchanged, 2 failed".
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} added, {} new version{}, {} unchanged, {} failed",
            self.added.len(),
            self.new_versions.len(),
            if self.new_versions.len() == 1 {
                ""
            } else {
                "s"
            },
            self.unchanged.len(),
            self.failed.len()
        );
        if !self.skipped.is_empty() {
            line.push_str(&format!(
                ", {} skipped (unsupported type)",
                self.skipped.len()
            ));
        }
        if !self.warnings.is_empty() {
            line.push_str(&format!(", {} to check", self.warnings.len()));
        }
        if !self.not_tried.is_empty() {
            line.push_str(&format!(
                ", stopped with {} not tried",
                self.not_tried.len()
            ));
        }
        line
    }
}

/// Run `import` over every input in order, reporting to `progress`, and never
/// stopping at a failure: each error is recorded with its reason and the batch
/// moves on. `skipped` (from [`Expanded`]) is carried into the summary.
pub fn run_batch<I, P>(
    inputs: &[BatchInput],
    skipped: &[PathBuf],
    import: I,
    progress: P,
) -> BatchSummary
where
    I: FnMut(&BatchInput) -> Result<Imported>,
    P: FnMut(&Progress),
{
    run_batch_until(inputs, skipped, import, progress, || false)
}

/// [`run_batch`] that asks `stop` before each input and, once it says yes,
/// tries nothing more: the rest is listed in [`BatchSummary::not_tried`] and
/// what was imported before stays imported. An input already started is
/// finished, so nothing is left half-written.
pub fn run_batch_until<I, P, S>(
    inputs: &[BatchInput],
    skipped: &[PathBuf],
    mut import: I,
    mut progress: P,
    stop: S,
) -> BatchSummary
where
    I: FnMut(&BatchInput) -> Result<Imported>,
    P: FnMut(&Progress),
    S: Fn() -> bool,
{
    let mut summary = BatchSummary {
        skipped: skipped.iter().map(|p| p.display().to_string()).collect(),
        ..BatchSummary::default()
    };
    progress(&Progress::Started {
        total: inputs.len(),
    });
    for (index, input) in inputs.iter().enumerate() {
        if stop() {
            summary.not_tried = inputs[index..].iter().map(BatchInput::label).collect();
            break;
        }
        let label = input.label();
        progress(&Progress::ItemStarted {
            index,
            label: label.clone(),
        });
        let result = import(input);
        let (imported, error) = match result {
            Ok(imported) => {
                match imported.outcome {
                    AddOutcome::NewSource => summary.added.push(label.clone()),
                    AddOutcome::NewVersion => summary.new_versions.push(label.clone()),
                    AddOutcome::Unchanged => summary.unchanged.push(label.clone()),
                }
                summary
                    .warnings
                    .extend(imported.warnings.iter().map(|message| ItemWarning {
                        input: label.clone(),
                        message: message.clone(),
                    }));
                (Some(imported), None)
            }
            Err(e) => {
                summary.failed.push(Failure {
                    input: label.clone(),
                    reason: e.to_string(),
                });
                (None, Some(e.to_string()))
            }
        };
        progress(&Progress::ItemFinished {
            index,
            label,
            imported,
            error,
        });
    }
    progress(&Progress::Finished {
        summary: summary.clone(),
    });
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_lists_skip_blanks_and_comments() {
        let list = "# morning sources\nhttps://a.example/1\n\n   \n  https://b.example/2  \n#https://c.example/3\n";
        assert_eq!(
            url_list(list),
            [
                BatchInput::Url("https://a.example/1".into()),
                BatchInput::Url("https://b.example/2".into())
            ]
        );
    }

    fn imported(outcome: AddOutcome, warnings: &[&str]) -> Imported {
        Imported {
            outcome,
            source_id: "s1".into(),
            warnings: warnings.iter().map(|w| w.to_string()).collect(),
        }
    }

    #[test]
    fn a_failure_does_not_stop_the_batch() {
        let inputs =
            url_list("https://a.example/1\nnot a url\nhttps://b.example/2\nhttps://b.example/3");
        let mut events = Vec::new();
        let summary = run_batch(
            &inputs,
            &[PathBuf::from("notes.docx")],
            |input| match input.label().as_str() {
                "not a url" => Err(Error::invalid("not a URL")),
                "https://b.example/3" => Ok(imported(AddOutcome::Unchanged, &[])),
                "https://b.example/2" => Ok(imported(AddOutcome::NewSource, &["thin"])),
                _ => Ok(imported(AddOutcome::NewSource, &[])),
            },
            |p| events.push(p.clone()),
        );
        assert_eq!(
            summary.added,
            ["https://a.example/1", "https://b.example/2"]
        );
        assert_eq!(summary.unchanged, ["https://b.example/3"]);
        assert_eq!(
            summary.failed,
            [Failure {
                input: "not a url".into(),
                reason: "not a URL".into()
            }]
        );
        assert_eq!(
            summary.warnings,
            [ItemWarning {
                input: "https://b.example/2".into(),
                message: "thin".into()
            }]
        );
        assert_eq!(
            summary.line(),
            "2 added, 0 new versions, 1 unchanged, 1 failed, 1 skipped (unsupported type), 1 to check"
        );
        assert_eq!(events.first(), Some(&Progress::Started { total: 4 }));
        let finished = events
            .iter()
            .filter(|e| matches!(e, Progress::ItemFinished { .. }))
            .count();
        assert_eq!(
            finished, 4,
            "every input reports its end, failures included"
        );
        assert!(matches!(events.last(), Some(Progress::Finished { .. })));
    }

    #[test]
    fn a_stopped_batch_keeps_what_it_did_and_lists_the_rest() {
        let inputs = url_list("https://a.example/1\nhttps://a.example/2\nhttps://a.example/3");
        let tried = std::cell::Cell::new(0);
        let mut events = Vec::new();
        let summary = run_batch_until(
            &inputs,
            &[],
            |_| {
                tried.set(tried.get() + 1);
                Ok(imported(AddOutcome::NewSource, &[]))
            },
            |p| events.push(p.clone()),
            // The user presses Stop while the first input is being imported.
            || tried.get() >= 1,
        );
        assert_eq!(tried.get(), 1, "nothing is tried after the stop");
        assert_eq!(summary.added, ["https://a.example/1"]);
        assert_eq!(
            summary.not_tried,
            ["https://a.example/2", "https://a.example/3"]
        );
        assert_eq!(
            summary.line(),
            "1 added, 0 new versions, 0 unchanged, 0 failed, stopped with 2 not tried"
        );
        assert_eq!(
            events.last(),
            Some(&Progress::Finished { summary }),
            "a stopped batch still ends with its summary"
        );
    }
}
