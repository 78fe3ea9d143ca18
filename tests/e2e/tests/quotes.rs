//! Who said what, in the real window, on the sample workspace with a third
//! outlet that gives the union secretary's words, reworded, to the company's
//! chief executive. The Quotes tab lines the two wordings up with their chips
//! and the word that changed; a wording opens the reader at its passage; a
//! statement becomes a claim with a passage per outlet. In the reader, the
//! Check-worthy list ranks the sentences and one becomes a claim.

mod support;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::model::NewSource;
use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use support::{App, Desk};

/// An invented radio report: the union's words, as the sample's Northern
/// Ledger quotes them, but with "the clock" and said by Tomas Brink.
const ISLAND_RADIO: &str = "Ferry crews keep sailing as deadline row goes on

PORT ALDER — Crews on the Harbour Line ferries worked normally on Wednesday, a day after talks with the company broke up without a deal.

\"We are not going to negotiate against the clock,\" Harbour Line chief executive Tomas Brink told Island Radio on Tuesday night.

Union secretary Mara Olsen said the crews would meet on Thursday to decide their next step.
";

/// The sample workspace, and the radio report captured a day later.
fn sample_and_radio(db: std::path::PathBuf) {
    let ws = Workspace::create(db).expect("the workspace is created");
    claimdesk_core::sample::fill(&ws).expect("the sample is loaded");
    ws.sources()
        .add(NewSource {
            title: "Ferry crews keep sailing as deadline row goes on".into(),
            outlet: Some("Island Radio".into()),
            published_on: NaiveDate::from_ymd_opt(2025, 3, 5),
            text: ISLAND_RADIO.into(),
            ..Default::default()
        })
        .expect("the radio report is added");
}

async fn wait_until<F: AsyncFn() -> bool>(what: &str, ok: F) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ok().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The elements with `testid` inside `parent`.
async fn inside(parent: &Element, testid: &str) -> Vec<Element> {
    parent
        .find_all(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
        .await
        .unwrap_or_default()
}

async fn text_of(e: &Element) -> String {
    e.prop("textContent")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// The statement whose wordings hold `words`, once the Quotes tab lists it.
async fn statement_with(app: &App, words: &str) -> Element {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        for g in app.find_all("quote-group").await {
            if text_of(&g).await.contains(words) {
                return g;
            }
        }
        assert!(
            Instant::now() < deadline,
            "no statement with {words:?} in the Quotes tab"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Presses Alt and `letter` together on the real keyboard input.
async fn alt(app: &App, letter: char) {
    let alt: char = Key::Alt.into();
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: alt })
        .then(KeyAction::Down { value: letter })
        .then(KeyAction::Up { value: letter })
        .then(KeyAction::Up { value: alt });
    app.client
        .perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("Alt+{letter} is pressed: {e}"));
}

#[tokio::test]
async fn a_reworded_quote_with_another_speaker_is_lined_up_opened_and_claimed() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let db = desk.db();
    std::thread::spawn(move || sample_and_radio(db))
        .join()
        .expect("the workspace is prepared");
    let app = App::open(&desk).await;
    app.wait_for_text("claim-count", "4 claims").await;

    // Alt+Q opens the Quotes tab; the statement shows both outlets' wordings.
    alt(&app, 'q').await;
    app.find("quotes-view").await;
    let group = statement_with(&app, "negotiate against").await;
    let heading = text_of(&group).await;
    assert!(
        heading.contains("Mara Olsen / Tomas Brink"),
        "both speakers are named: {heading}"
    );
    let mut chips = Vec::new();
    for c in inside(&group, "quote-chip").await {
        chips.push(text_of(&c).await);
    }
    assert_eq!(chips, ["reworded", "other speaker"]);
    let wordings = inside(&group, "quote-wording").await;
    assert_eq!(wordings.len(), 2, "one wording per outlet");
    let ledger = text_of(&wordings[0]).await;
    let radio = text_of(&wordings[1]).await;
    assert!(
        ledger.contains("Northern Ledger") && ledger.contains("against a clock"),
        "{ledger}"
    );
    assert!(
        radio.contains("Island Radio") && radio.contains("Tomas Brink"),
        "{radio}"
    );
    // The radio's wording marks the word it changed against the Ledger's.
    let dropped = inside(&wordings[1], "quote-dropped").await;
    let added = inside(&wordings[1], "quote-added").await;
    assert_eq!(dropped.len(), 1);
    assert_eq!(added.len(), 1);
    assert_eq!(text_of(&dropped[0]).await, "a");
    assert_eq!(text_of(&added[0]).await, "the");
    assert!(
        inside(&wordings[0], "quote-dropped").await.is_empty(),
        "the first wording is shown as written"
    );
    app.screenshot("quotes-statement").await;

    // A click on the radio's wording opens the reader at the passage.
    wordings[1].click().await.expect("the wording is clicked");
    app.wait_for_text("reader-title", "Ferry crews keep sailing")
        .await;
    app.wait_for_text(
        "reader-highlight",
        "We are not going to negotiate against the clock",
    )
    .await;
    app.screenshot("quotes-reader-passage").await;

    // Create claim… drafts who said what with a passage per outlet.
    app.click("nav-quotes").await;
    let group = statement_with(&app, "negotiate against").await;
    inside(&group, "quote-create-claim").await[0]
        .click()
        .await
        .expect("Create claim… is clicked");
    app.find("claim-from-statement").await;
    let statement = app.value("cfq-statement").await;
    assert_eq!(
        statement,
        "Mara Olsen said “We are not going to negotiate against a clock”"
    );
    let passages = app.find_n("cfq-passage", 2).await;
    assert!(text_of(&passages[1]).await.contains("Island Radio"));
    let mut stances = Vec::new();
    for s in app.find_all("cfq-stance").await {
        stances.push(s.prop("value").await.ok().flatten().unwrap_or_default());
    }
    assert_eq!(
        stances,
        ["supports", "disputes"],
        "other words or speaker: disputes"
    );
    app.screenshot("quotes-claim-draft").await;
    app.click("cfq-save").await;
    app.wait_gone("claim-from-statement", "the dialog closes once saved")
        .await;

    // The new claim opens with both passages.
    app.wait_for_text("claim-count", "5 claims").await;
    let items = app.find_n("evidence-item", 2).await;
    let mut linked = Vec::new();
    for i in &items {
        linked.push(text_of(i).await);
    }
    assert!(
        linked
            .iter()
            .any(|t| t.contains("negotiate against a clock")),
        "{linked:?}"
    );
    assert!(
        linked
            .iter()
            .any(|t| t.contains("negotiate against the clock")),
        "{linked:?}"
    );
    assert_eq!(
        app.value("claim-statement").await,
        "Mara Olsen said “We are not going to negotiate against a clock”"
    );
    app.screenshot("quotes-claim-created").await;
    app.close().await;
}

#[tokio::test]
async fn the_readers_check_worthy_list_ranks_sentences_and_one_becomes_a_claim() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::with_sample(&desk).await;

    // Open a source; Alt+W shows its Check-worthy list.
    app.click("nav-sources").await;
    let rows = app.find_n("source-row", 2).await;
    rows[0].click().await.expect("the source opens");
    app.find("reader").await;
    alt(&app, 'w').await;
    app.find("checkworthy-panel").await;
    wait_until("ranked sentences", async || {
        app.find_all("checkworthy-sentence").await.len() >= 3
    })
    .await;
    let ranked = app.find_all("checkworthy-sentence").await;
    let top = text_of(&ranked[0]).await;
    let reasons = inside(&ranked[0], "checkworthy-reason").await;
    assert!(!reasons.is_empty(), "the top sentence says why: {top}");
    let mut why = Vec::new();
    for r in &reasons {
        why.push(text_of(r).await);
    }
    assert!(
        why.iter()
            .any(|w| w.starts_with("number") || w.starts_with("date")),
        "{why:?}"
    );
    app.screenshot("checkworthy-list").await;

    // The toggle hides and shows it again, by keyboard too.
    app.click("checkworthy-toggle").await;
    app.wait_gone("checkworthy-panel", "the toggle hides the list")
        .await;
    app.click("checkworthy-toggle").await;
    wait_until("the list back", async || {
        app.find_all("checkworthy-sentence").await.len() >= 3
    })
    .await;
    let ranked = app.find_all("checkworthy-sentence").await;

    // Choosing a sentence marks it in the text.
    let sentence = text_of(
        &inside(&ranked[0], "checkworthy-show")
            .await
            .into_iter()
            .next()
            .expect("the sentence can be shown"),
    )
    .await;
    inside(&ranked[0], "checkworthy-show").await[0]
        .click()
        .await
        .expect("the sentence is chosen");
    let marked = app.wait_for_text("reader-highlight", "").await;
    assert_eq!(marked.trim(), sentence.trim());

    // Create claim… opens a New claim prefilled with it; saving links it.
    // (The reader scrolled to the marked sentence; bring the button back in view.)
    let create = inside(&ranked[0], "checkworthy-create-claim").await[0].clone();
    app.client
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' });",
            vec![serde_json::to_value(&create).expect("an element is JSON")],
        )
        .await
        .expect("the button scrolls into view");
    create.click().await.expect("Create claim… is clicked");
    app.find("claim-from-sentence").await;
    assert_eq!(app.value("cfs-statement").await.trim(), sentence.trim());
    app.type_into("cfs-claimant", "Tomas Brink").await;
    app.screenshot("checkworthy-claim-draft").await;
    app.click("cfs-save").await;
    app.wait_gone("claim-from-sentence", "the dialog closes once saved")
        .await;
    app.wait_for_text("claim-count", "5 claims").await;
    let items = app.find_n("evidence-item", 1).await;
    let linked = text_of(&items[0]).await;
    assert!(
        linked.contains(sentence.trim()),
        "the passage is the sentence: {linked}"
    );
    app.screenshot("checkworthy-claim-created").await;
    app.close().await;
}
