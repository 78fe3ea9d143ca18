//! Compare in the real window: two outlets' tellings of one invented event
//! line up side by side with labelled differences; a checker filters by kind,
//! moves between differences with the keyboard, creates a claim from the
//! "five hours" vs "four hours" difference and sees it with both passages.
//! The reader's "edited since first capture" link opens a source's versions.

mod support;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::model::NewSource;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use support::{App, Desk};

fn fixture(name: &str) -> String {
    let path = format!("{}/../fixtures/compare/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

fn source(title: &str, outlet: &str, url: &str, day: u32, text: String) -> NewSource {
    NewSource {
        title: title.into(),
        outlet: Some(outlet.into()),
        canonical_url: Some(url.into()),
        published_on: NaiveDate::from_ymd_opt(2025, 11, day),
        text,
        ..Default::default()
    }
}

/// The two outlets' tellings of the dam talks, a day apart.
fn two_outlets() -> Vec<NewSource> {
    vec![
        source(
            "Dam talks stall",
            "Northern Ledger",
            "https://ledger.example/dam",
            24,
            fixture("outlet-ledger.txt"),
        ),
        source(
            "Sella dam deal slips",
            "Coastal Wire",
            "https://wire.example/dam",
            25,
            fixture("outlet-wire.txt"),
        ),
    ]
}

/// The workspace the app opens, with sources already captured.
fn captured(desk: &Desk, sources: Vec<NewSource>) {
    let ws = Workspace::create(desk.db()).expect("the workspace is created");
    for s in sources {
        ws.sources().add(s).expect("the source is added");
    }
}

/// The text of the keyboard-selected row, if any.
async fn current_row(app: &App) -> Option<String> {
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css(".row.current"))
        .await
        .ok()?;
    match rows.first() {
        Some(r) => r.text().await.ok(),
        None => None,
    }
}

async fn attr_of_all(app: &App, testid: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in app.find_all(testid).await {
        out.push(e.attr(attr).await.ok().flatten().unwrap_or_default());
    }
    out
}

async fn wait_until<F: AsyncFn() -> bool>(what: &str, ok: F) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ok().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn two_outlets_compare_and_a_difference_becomes_a_claim() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    captured(&desk, two_outlets());
    let app = App::open(&desk).await;

    // Alt+C opens Compare.
    let alt: char = Key::Alt.into();
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: alt })
        .then(KeyAction::Down { value: 'c' })
        .then(KeyAction::Up { value: 'c' })
        .then(KeyAction::Up { value: alt });
    app.client
        .perform_actions(keys)
        .await
        .expect("Alt+C is pressed");
    app.find("compare-empty").await;
    for pick in app.find_n("compare-pick", 2).await {
        pick.click().await.expect("the source is ticked");
    }
    app.click("compare-run").await;
    app.find("compare-rows").await;

    // Aligned rows, with the Ledger (pivot) on the left and a number chip.
    let heads = (
        app.text("compare-left-name").await,
        app.text("compare-right-name").await,
    );
    assert_eq!(
        heads.0, "Coastal Wire",
        "the pivot is the first ticked source"
    );
    assert_eq!(heads.1, "Northern Ledger");
    let all_rows = app.find_all("compare-row").await.len();
    assert!(
        all_rows > 8,
        "the articles line up in many rows: {all_rows}"
    );
    let kinds = attr_of_all(&app, "difference-chip", "data-kind").await;
    for kind in ["number", "quote", "entity"] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "a {kind} chip shows: {kinds:?}"
        );
    }
    let mut hours_chip = None;
    for chip in app.find_all("difference-chip").await {
        let text = chip.text().await.unwrap_or_default();
        if text.contains("four hours") && text.contains("five hours") {
            hours_chip = Some(text);
        }
    }
    let hours_chip = hours_chip.expect("the four/five hours chip shows");
    assert!(hours_chip.starts_with("number"), "{hours_chip}");
    // A date chip shows the day its date resolves to, with both days in its title.
    let mut date_chip = None;
    for chip in app.find_all("difference-chip").await {
        if chip.attr("data-kind").await.ok().flatten().as_deref() != Some("date") {
            continue;
        }
        let text = chip.text().await.unwrap_or_default();
        if text.contains(" = ") && text.contains("Nov 2025") {
            let title = chip.attr("title").await.ok().flatten().unwrap_or_default();
            date_chip = Some((text, title));
            break;
        }
    }
    let (date_text, date_title) = date_chip.expect("a date chip shows its resolved day");
    assert!(
        date_title.contains("on the left") && date_title.contains("Nov 2025"),
        "{date_text}: {date_title}"
    );
    app.click("kind-filter-date").await;
    wait_until("the date filter to apply", async || {
        app.find_all("compare-row").await.len() < all_rows
    })
    .await;
    app.screenshot("compare-filter-date").await;
    app.click("kind-filter-date").await;
    wait_until("the date filter to clear", async || {
        app.find_all("compare-row").await.len() == all_rows
    })
    .await;
    assert!(
        !app.find_all("only-marker").await.is_empty(),
        "what only one outlet reports is shown in place"
    );
    let counts = app.text("compare-counts").await;
    assert!(counts.contains("differences"), "{counts}");
    app.screenshot("compare-outlets").await;

    // Only number differences.
    app.click("kind-filter-number").await;
    wait_until("the filter to apply", async || {
        app.find_all("compare-row").await.len() < all_rows
    })
    .await;
    let kinds = attr_of_all(&app, "difference-chip", "data-kind").await;
    assert!(
        !kinds.is_empty() && kinds.iter().all(|k| k == "number"),
        "{kinds:?}"
    );
    let types = attr_of_all(&app, "compare-row", "data-type").await;
    assert!(types.iter().all(|t| t == "pair"), "{types:?}");
    app.screenshot("compare-filter-number").await;

    // j moves from number difference to number difference.
    let mut found = None;
    for _ in 0..kinds.len() {
        app.press('j').await;
        let row = current_row(&app).await.unwrap_or_default();
        if row.contains("five hours") {
            found = Some(row);
            break;
        }
    }
    let row = found.expect("j reaches the five hours row");
    assert!(row.contains("four hours"), "{row}");
    app.press('j').await;
    let next = current_row(&app).await.unwrap_or_default();
    assert_ne!(next, row, "j moves on to the next number difference");
    assert!(next.contains("number"), "{next}");
    app.press('k').await;
    let back = current_row(&app).await.unwrap_or_default();
    assert_eq!(back, row, "k comes back to the hours row");

    // Enter opens Create claim… prefilled from both wordings.
    app.press('\u{E007}').await;
    app.find("claim-from-difference").await;
    let statement = app.value("cfd-statement").await;
    assert!(
        statement.contains("four hours"),
        "the pivot's wording: {statement}"
    );
    let notes = app.value("cfd-notes").await;
    assert!(
        notes.contains("Northern Ledger")
            && notes.contains("Coastal Wire")
            && notes.contains("five hours"),
        "both outlets and wordings: {notes}"
    );
    // Typing j in the form is typing, not navigation.
    app.type_into("cfd-statement", " j").await;
    let typed = app.value("cfd-statement").await;
    assert!(
        typed.ends_with("no deal. j"),
        "j was typed into the statement: {typed}"
    );
    app.screenshot("compare-create-claim").await;
    app.click("cfd-save").await;

    // The new claim shows with both passages.
    app.find("claim-detail").await;
    wait_until("both passages", async || {
        app.find_all("evidence-item").await.len() == 2
    })
    .await;
    let stances = attr_of_all(&app, "evidence-item", "data-stance").await;
    assert_eq!(stances, ["supports", "disputes"]);
    let passages = app.text("claim-detail").await;
    assert!(
        passages.contains("four hours") && passages.contains("five hours"),
        "{passages}"
    );
    assert!(passages.contains("Northern Ledger") && passages.contains("Coastal Wire"));
    app.screenshot("compare-claim-created").await;
    app.close().await;
}

#[tokio::test]
async fn the_readers_edited_link_opens_the_versions() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let url = "https://ledger.example/bridge";
    captured(
        &desk,
        vec![
            source(
                "Bridge works",
                "Northern Ledger",
                url,
                20,
                fixture("article-v1.txt"),
            ),
            source(
                "Bridge works",
                "Northern Ledger",
                url,
                20,
                fixture("article-v2.txt"),
            ),
        ],
    );
    let app = App::open(&desk).await;
    app.click("nav-sources").await;
    app.click("source-row").await;
    app.wait_for_text("reader-edited", "2 versions").await;
    app.click("reader-edited").await;

    let summary = app.wait_for_text("versions-summary", "reworded").await;
    assert_eq!(summary, "2 reworded · 1 removed · 1 added · 9 unchanged");
    assert_eq!(
        app.text("compare-left-name").await,
        "Northern Ledger · version 1"
    );
    assert!(app.text("compare-right-name").await.ends_with("version 2"));
    let mut money = false;
    for chip in app.find_all("difference-chip").await {
        let t = chip.text().await.unwrap_or_default();
        money |= t.contains("$18 million") && t.contains("$24 million");
    }
    assert!(money, "the reworded cost shows as a number difference");
    let markers = app.find_all("only-marker").await;
    assert_eq!(
        markers.len(),
        2,
        "one removed and one added sentence, in place"
    );
    let rows = app.text("compare-rows").await;
    assert!(rows.contains("It was last repaired in 2008."));
    assert!(rows.contains("Cyclists will be diverted to the Mill Street crossing."));
    app.screenshot("compare-versions").await;

    // The same version on both sides: nothing changed.
    app.find("versions-new")
        .await
        .select_by_value("1")
        .await
        .expect("version 1 is chosen");
    app.wait_for_text("versions-summary", "0 reworded").await;
    app.close().await;
}

#[tokio::test]
async fn three_outlets_compare_against_the_chosen_pivot() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let mut sources = two_outlets();
    sources.push(source(
        "Bridge works",
        "Harbour Post",
        "https://post.example/bridge",
        20,
        fixture("article-v1.txt"),
    ));
    captured(&desk, sources);
    let app = App::open(&desk).await;
    app.click("nav-compare").await;
    for pick in app.find_n("compare-pick", 3).await {
        pick.click().await.expect("the source is ticked");
    }
    // Make the Ledger the pivot: the radios follow the list order, newest first.
    // Each ticked source can be the pivot.
    let pivots = app.find_n("compare-pivot", 3).await;
    pivots[2].click().await.expect("the Ledger is the pivot");
    app.click("compare-run").await;
    app.find("compare-rows").await;

    let mut tabs = Vec::new();
    for t in app.find_all("compare-tab").await {
        tabs.push(t.text().await.unwrap_or_default());
    }
    assert_eq!(
        tabs,
        [
            "Northern Ledger ↔ Harbour Post",
            "Northern Ledger ↔ Coastal Wire"
        ]
    );
    assert_eq!(app.text("compare-right-name").await, "Harbour Post");
    app.find_all("compare-tab").await[1]
        .click()
        .await
        .expect("the Wire tab opens");
    app.wait_for_text("compare-right-name", "Coastal Wire")
        .await;
    assert_eq!(app.text("compare-left-name").await, "Northern Ledger");
    let kinds = attr_of_all(&app, "difference-chip", "data-kind").await;
    assert!(kinds.iter().any(|k| k == "number"), "{kinds:?}");
    app.screenshot("compare-three-outlets").await;
    app.close().await;
}

#[tokio::test]
async fn a_sentence_only_one_outlet_reports_becomes_a_claim_with_its_passage() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    captured(&desk, two_outlets());
    let app = App::open(&desk).await;
    app.click("nav-compare").await;
    for pick in app.find_n("compare-pick", 2).await {
        pick.click().await.expect("the source is ticked");
    }
    app.click("compare-run").await;
    app.find("compare-rows").await;

    // The first sentence only one outlet has: its own Create claim….
    let row = app
        .client
        .find(fantoccini::Locator::Css(
            "[data-testid=\"compare-row\"][data-type$=\"-only\"]",
        ))
        .await
        .expect("a sentence only one outlet has");
    let side = row
        .attr("data-type")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let marker = row.text().await.unwrap_or_default();
    row.find(fantoccini::Locator::Css(
        "[data-testid=\"create-claim-one-sided\"]",
    ))
    .await
    .expect("the row offers Create claim…")
    .click()
    .await
    .expect("Create claim… opens");
    app.find("claim-from-difference").await;
    let (present, absent) = if side == "left-only" {
        ("cfd-left-text", "cfd-right-absent")
    } else {
        ("cfd-right-text", "cfd-left-absent")
    };
    let sentence = app.text(present).await;
    assert!(
        marker.contains(&sentence),
        "the form shows the row's sentence: {sentence:?} in {marker:?}"
    );
    app.find(absent).await;
    let notes = app.value("cfd-notes").await;
    assert!(
        notes.starts_with("Only ") && notes.contains("does not"),
        "the notes say the other outlet is silent: {notes}"
    );
    app.screenshot("compare-one-sided-claim").await;
    app.click("cfd-save").await;

    app.find("claim-detail").await;
    wait_until("the passage", async || {
        app.find_all("evidence-item").await.len() == 1
    })
    .await;
    let detail = app.text("claim-detail").await;
    assert!(detail.contains(&sentence), "{detail}");
    app.close().await;
}
