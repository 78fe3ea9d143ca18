//! Keystroke-to-results in the search box on the search bench's workspace
//! (2,000 sources × 800 words, 10,000 claims): each query is typed key by
//! key, and the box's own User Timing measure (last key press to results on
//! screen) is read back. The timings are printed for the record, never
//! asserted; the test asserts the results a person would see.

mod support;

use std::time::{Duration, Instant};

use claimdesk_core::sample::kept_desk::kept_workspace;
use support::{App, Desk};

#[path = "../../../crates/core/benches/support/newsroom.rs"]
mod newsroom;

/// The generated workspace, cached in the target directory (it takes minutes
/// to make); delete `e2e-search-newsroom-*.sqlite` there to make it again.
fn newsroom_copy(desk: &Desk) {
    let cached = support::target_dir().join(format!(
        "e2e-search-newsroom-{}.sqlite",
        newsroom::GENERATION
    ));
    let started = Instant::now();
    let made = kept_workspace(&cached, |ws| {
        newsroom::fill(ws);
        Ok(())
    })
    .expect("the generated workspace is kept");
    if made.is_some() {
        println!(
            "generated the newsroom in {:.0}s",
            started.elapsed().as_secs_f64()
        );
    }
    std::fs::copy(&cached, desk.db()).expect("the newsroom is copied");
}

/// Clears the box, types `query` key by key and returns the measured
/// keystroke-to-results and the search call alone in ms, with the result
/// count line once it settles.
async fn time_query(app: &App, query: &str) -> (f64, f64, String) {
    app.client
        .execute(
            r#"const box = document.querySelector('[data-testid="global-search"]');
               box.value = ''; box.dispatchEvent(new Event('input', { bubbles: true }));
               performance.clearMarks(); performance.clearMeasures();"#,
            vec![],
        )
        .await
        .expect("the box is cleared");
    app.type_into("global-search", query).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let probe = app
            .client
            .execute(
                r#"const m = performance.getEntriesByName('search: keystroke to results', 'measure');
                   const box = document.querySelector('[data-testid="global-search"]');
                   const count = document.querySelector('[data-testid="search-count"]');
                   return { n: m.length, ms: m.length ? m[m.length - 1].duration : null,
                            value: box.value, count: count ? count.textContent : '' };"#,
                vec![],
            )
            .await
            .expect("the timing probe runs");
        // The answer to the last key press replaces any earlier one; give a
        // slower earlier answer time to be dropped before reading.
        if probe["value"] == query && probe["n"].as_u64().unwrap_or(0) > 0 {
            tokio::time::sleep(Duration::from_millis(500)).await;
            let last = app
                .client
                .execute(
                    r#"const last = (name) => {
                         const m = performance.getEntriesByName(name, 'measure');
                         return m.length ? m[m.length - 1].duration : null;
                       };
                       return [last('search: keystroke to results'), last('search: call to answer')];"#,
                    vec![],
                )
                .await
                .expect("the measures are read");
            let count = app.text("search-count").await;
            let ms = |i: usize| last[i].as_f64().unwrap_or(f64::NAN);
            return (ms(0), ms(1), count);
        }
        assert!(
            Instant::now() < deadline,
            "no results were measured for {query:?}: {probe}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn typing_a_query_on_a_large_workspace_shows_results_as_you_type() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    newsroom_copy(&desk);
    let app = App::open(&desk).await;
    app.wait_for_text("claim-count", &format!("{} claims", newsroom::CLAIMS))
        .await;
    app.click("global-search").await;

    let typical = format!("{} {}", newsroom::word(40), newsroom::word(55));
    let mut timings = Vec::new();
    for (label, query) in [
        ("a typical two-word search", typical.as_str()),
        ("a word in 90% of passages", newsroom::COMMON),
        ("a number and a word of the claims", "lasted five"),
    ] {
        let (ms, call, count) = time_query(&app, query).await;
        // What a person sees: a full page of results with the total beside it.
        assert!(
            count.starts_with("20 of "),
            "{label}: the box shows {count:?}"
        );
        timings.push(format!(
            "{label} ({query:?}, {count}): {ms:.0} ms, of which the search call {call:.0} ms"
        ));
    }
    let marks = app.find_all("search-mark").await;
    assert!(!marks.is_empty(), "the matched words are marked");
    app.screenshot("search-timing-newsroom").await;
    app.close().await;
    println!("keystroke to results on screen, debounce included:");
    for t in timings {
        println!("  {t}");
    }
}
