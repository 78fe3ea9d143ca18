//! Compare stays readable in the light and in the dark theme: the window
//! follows the desktop's theme (WebKitGTK reports `prefers-color-scheme: dark`
//! for a `:dark` GTK theme), and every difference chip, kind filter and word
//! change keeps its text at a contrast of at least 4.5:1 against what it sits
//! on (WCAG AA). Screenshots of both are saved for a person to look at.

mod support;

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::model::NewSource;
use support::{App, Desk};

fn fixture(name: &str) -> String {
    let path = format!("{}/../fixtures/compare/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// A workspace holding the two outlets' tellings of the dam talks.
fn two_outlets(desk: &Desk) {
    let ws = Workspace::create(desk.db()).expect("the workspace is created");
    for (title, outlet, url, day, file) in [
        (
            "Dam talks stall",
            "Northern Ledger",
            "https://ledger.example/dam",
            24,
            "outlet-ledger.txt",
        ),
        (
            "Sella dam deal slips",
            "Coastal Wire",
            "https://wire.example/dam",
            25,
            "outlet-wire.txt",
        ),
    ] {
        ws.sources()
            .add(NewSource {
                title: title.into(),
                outlet: Some(outlet.into()),
                canonical_url: Some(url.into()),
                published_on: NaiveDate::from_ymd_opt(2025, 11, day),
                text: fixture(file),
                ..Default::default()
            })
            .expect("the source is added");
    }
}

/// For each enabled chip and word change of the Compare view: what it is, its
/// text colour's contrast ratio against the first opaque background behind
/// it, and that background's relative luminance.
const CONTRASTS: &str = r#"
const rgba = (s) => (s.match(/[\d.]+/g) || []).map(Number);
const lum = ([r, g, b]) => {
  const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
};
const background = (el) => {
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
  }
  return rgba(getComputedStyle(document.documentElement).backgroundColor);
};
const out = [];
const sel = '[data-testid="difference-chip"], [data-testid^="kind-filter-"]:not(:disabled), [data-testid="compare-row"] del, [data-testid="compare-row"] ins, [data-testid="row-left"], [data-testid="row-right"]';
for (const el of document.querySelectorAll(sel)) {
  const fg = lum(rgba(getComputedStyle(el).color));
  const bg = lum(background(el));
  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  out.push([`${el.tagName.toLowerCase()} ${el.dataset.testid || ''} ${el.dataset.kind || ''} "${el.textContent.trim().slice(0, 30)}"`, ratio, bg]);
}
return out;
"#;

/// Opens Compare on the two outlets under `gtk_theme`, saves a screenshot,
/// checks every chip and mark is readable and returns whether the page saw
/// the dark colour scheme.
async fn compare_under(gtk_theme: &str, shot: &str) -> bool {
    let desk = Desk::new();
    two_outlets(&desk);
    let app = App::open_with_env(&desk, &[("GTK_THEME", gtk_theme)]).await;
    app.click("nav-compare").await;
    for pick in app.find_n("compare-pick", 2).await {
        pick.click().await.expect("the source is ticked");
    }
    app.click("compare-run").await;
    app.find("compare-rows").await;
    app.find("difference-chip").await;
    // Saved first, so a failing run leaves the picture of what failed.
    let path = app.screenshot(shot).await;
    eprintln!("screenshot: {}", path.display());

    let dark = app
        .client
        .execute(
            "return window.matchMedia('(prefers-color-scheme: dark)').matches",
            vec![],
        )
        .await
        .expect("the page answers")
        .as_bool()
        .unwrap_or(false);
    let measured = app
        .client
        .execute(CONTRASTS, vec![])
        .await
        .expect("the page measures its colours");
    let measured: Vec<(String, f64, f64)> =
        serde_json::from_value(measured).expect("a list of [what, ratio, luminance]");
    assert!(
        measured
            .iter()
            .any(|(what, _, _)| what.contains("difference-chip"))
            && measured.iter().any(|(what, _, _)| what.starts_with("del"))
            && measured.iter().any(|(what, _, _)| what.starts_with("ins")),
        "chips and word changes were measured: {measured:?}"
    );
    let unreadable: Vec<_> = measured
        .iter()
        .filter(|(_, ratio, _)| *ratio < 4.5)
        .collect();
    assert!(
        unreadable.is_empty(),
        "text below 4.5:1 contrast under {gtk_theme}: {unreadable:?}"
    );
    // In the dark theme the chips themselves are dark, not light pastels.
    if dark {
        let light_chips: Vec<_> = measured
            .iter()
            .filter(|(what, _, bg)| what.contains("difference-chip") && *bg > 0.2)
            .collect();
        assert!(
            light_chips.is_empty(),
            "light chips in the dark theme: {light_chips:?}"
        );
    }
    app.close().await;
    dark
}

#[tokio::test]
async fn compare_is_readable_in_the_dark_theme() {
    if !support::can_run() {
        return;
    }
    assert!(
        compare_under("Adwaita:dark", "compare-dark").await,
        "a :dark GTK theme makes the page prefer the dark colour scheme"
    );
}

#[tokio::test]
async fn compare_is_readable_in_the_light_theme() {
    if !support::can_run() {
        return;
    }
    assert!(
        !compare_under("Adwaita", "compare-light").await,
        "the light GTK theme keeps the light colour scheme"
    );
}
