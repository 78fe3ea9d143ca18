//! The fixture set of dated expressions in news sentences: every one resolved
//! to exactly its expected date and precision, and no date found in sentences
//! that hold none.

use chrono::NaiveDate;
use claimdesk_core::timeline::dates_in_text;

const FIXTURES: &str = include_str!("../../../tests/fixtures/timeline/expressions.tsv");

struct Line<'a> {
    published: Option<NaiveDate>,
    sentence: &'a str,
    expected: Option<(&'a str, &'a str, &'a str)>,
}

fn lines() -> Vec<Line<'static>> {
    FIXTURES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 5, "fixture line has five columns: {l}");
            Line {
                published: NaiveDate::parse_from_str(c[0], "%Y-%m-%d").ok(),
                sentence: c[1],
                expected: (c[2] != "-").then_some((c[2], c[3], c[4])),
            }
        })
        .collect()
}

#[test]
fn the_fixture_set_is_large_enough() {
    let all = lines();
    let dated = all.iter().filter(|l| l.expected.is_some()).count();
    assert!(dated >= 80, "{dated} dated expressions");
    assert!(
        all.len() - dated >= 20,
        "{} sentences without dates",
        all.len() - dated
    );
}

#[test]
fn every_dated_expression_resolves_to_its_exact_date() {
    let mut wrong = Vec::new();
    for line in lines() {
        let Some((expression, date, precision)) = line.expected else {
            continue;
        };
        let found = dates_in_text(line.sentence, line.published);
        let got: Vec<(String, String, &str)> = found
            .iter()
            .map(|d| {
                (
                    d.expression.clone(),
                    d.when.label(),
                    d.when.precision.as_str(),
                )
            })
            .collect();
        if !got
            .iter()
            .any(|(e, d, p)| e == expression && d == date && *p == precision)
        {
            wrong.push(format!(
                "{:?} [{expression} = {date} {precision}] got {got:?}",
                line.sentence
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn sentences_without_dates_get_none() {
    let published = NaiveDate::from_ymd_opt(2025, 12, 3);
    let mut wrong = Vec::new();
    for line in lines().iter().filter(|l| l.expected.is_none()) {
        let found = dates_in_text(line.sentence, published);
        if !found.is_empty() {
            wrong.push(format!(
                "{:?} got {:?}",
                line.sentence,
                found.iter().map(|d| &d.expression).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "false dates:\n{}", wrong.join("\n"));
}
