//! Keystroke-to-suggestions under the statement of *New claim* on a workspace
//! of 15,000 imported ClaimReviews (the claim matching bench's reviews): a
//! paraphrase of a review is typed key by key, and the list's own User Timing
//! measure (last key press to suggestions on screen, the debounce included)
//! is read back. The timings are printed on stderr for the record, never
//! asserted; the test asserts the suggestion a person would see.

mod support;

use std::time::{Duration, Instant};

use claimdesk_core::exchange::import_claimreview;
use claimdesk_core::sample::claim_reviews;
use claimdesk_core::sample::kept_desk::kept_workspace;
use support::{App, Desk};

const REVIEWS: usize = 15_000;
/// Bump when the generator changes, so a cached workspace is made again.
const GENERATION: u32 = 1;

/// The imported workspace, cached in the target directory; delete
/// `e2e-matching-reviews-*.sqlite` there to import again.
fn reviews_copy(desk: &Desk, json: &str) {
    let cached = support::target_dir().join(format!("e2e-matching-reviews-{GENERATION}.sqlite"));
    let started = Instant::now();
    let imported = kept_workspace(&cached, |ws| import_claimreview(ws, json))
        .expect("the imported workspace is kept");
    if let Some(done) = imported {
        assert_eq!(done.added.len(), REVIEWS);
        eprintln!(
            "imported {REVIEWS} reviews in {:.0}s",
            started.elapsed().as_secs_f64()
        );
    }
    std::fs::copy(&cached, desk.db()).expect("the imported workspace is copied");
}

/// Clears the statement, types `text` key by key and returns, in ms, the
/// measured keystroke-to-suggestions, the matching call alone and the wait
/// from the last key press to the call (the debounce), once the answer to the
/// last key press is on screen.
async fn time_typing(app: &App, text: &str) -> (f64, f64, f64) {
    app.client
        .execute(
            r#"const box = document.querySelector('[data-testid="new-claim-statement"]');
               box.value = ''; box.dispatchEvent(new Event('input', { bubbles: true }));
               performance.clearMarks(); performance.clearMeasures();"#,
            vec![],
        )
        .await
        .expect("the statement is cleared");
    app.type_into("new-claim-statement", text).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let probe = app
            .client
            .execute(
                r#"const m = performance.getEntriesByName('matching: keystroke to suggestions', 'measure');
                   const box = document.querySelector('[data-testid="new-claim-statement"]');
                   return { n: m.length, value: box.value };"#,
                vec![],
            )
            .await
            .expect("the timing probe runs");
        if probe["value"] == text && probe["n"].as_u64().unwrap_or(0) > 0 {
            // The answer to the last key press replaces any earlier one; give
            // a slower earlier answer time to be dropped before reading.
            tokio::time::sleep(Duration::from_millis(500)).await;
            let last = app
                .client
                .execute(
                    r#"const last = (name) => {
                         const m = performance.getEntriesByName(name, 'measure');
                         return m.length ? m[m.length - 1].duration : null;
                       };
                       const mark = (name) => {
                         const m = performance.getEntriesByName(name, 'mark');
                         return m.length ? m[m.length - 1].startTime : null;
                       };
                       return [last('matching: keystroke to suggestions'), last('matching: call to answer'),
                               mark('matching-asked') - mark('matching-typed')];"#,
                    vec![],
                )
                .await
                .expect("the measures are read");
            let ms = |i: usize| last[i].as_f64().unwrap_or(f64::NAN);
            return (ms(0), ms(1), ms(2));
        }
        assert!(
            Instant::now() < deadline,
            "no suggestions were measured for {text:?}: {probe}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn typing_a_claim_on_fifteen_thousand_reviews_suggests_the_checked_one_as_you_type() {
    if !support::can_run() {
        return;
    }
    let reviews = claim_reviews::generate(REVIEWS, claim_reviews::SEED);
    let desk = Desk::new();
    reviews_copy(&desk, &reviews.json);
    let app = App::open(&desk).await;
    app.wait_for_text("claim-count", &format!("{REVIEWS} claims"))
        .await;
    app.click("new-claim-button").await;

    let mut timings = Vec::new();
    let mut ms_all = Vec::new();
    for i in [701, 2_333, 4_409, 7_007, 9_901, 12_345, 14_021] {
        let checked = &reviews.statements[i];
        let typed = claim_reviews::paraphrase(checked);
        let (ms, call, wait) = time_typing(&app, &typed).await;
        // What a person sees: the review that was checked, first, as the same claim,
        // with who checked it.
        let listed = app.find_all("similar-claim").await;
        let first = listed.first().expect("a suggestion is listed");
        let shown = first.text().await.expect("the first suggestion reads");
        assert!(
            shown.contains(checked.as_str()),
            "{typed:?} first suggests {shown:?}, not {checked:?}"
        );
        assert_eq!(
            first.attr("data-tier").await.expect("tier").as_deref(),
            Some("match"),
            "{typed:?}: {shown}"
        );
        assert!(shown.contains("Checked by "), "{shown}");
        ms_all.push(ms);
        timings.push(format!(
            "{typed:?}: {ms:.0} ms: waiting for the pause {wait:.0} ms, the matching call {call:.0} ms, \
             showing the answer {:.0} ms",
            ms - wait - call
        ));
    }
    app.screenshot("matching-timing-reviews").await;
    app.close().await;
    ms_all.sort_by(f64::total_cmp);
    eprintln!("keystroke to suggestions on screen ({REVIEWS} reviews, debounce included):");
    for t in timings {
        eprintln!("  {t}");
    }
    eprintln!(
        "  median {:.0} ms (target 100 ms)",
        ms_all[ms_all.len() / 2]
    );
}
