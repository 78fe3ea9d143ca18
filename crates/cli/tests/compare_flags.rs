//! `claimdesk compare` kept to what differs (--changes-only, --kind), outlets
//! named in the header, and several texts against a --pivot.

mod common;

use common::Desk;
use serde_json::Value;

const LEFT: &str = "Talks in Geneva lasted five hours on Tuesday. Ortiz left early. \
The harbour stayed closed all week. \"We will not sign,\" Ortiz said.";
const RIGHT: &str = "Talks in Geneva lasted four hours on Tuesday. Ortiz left early. \
The harbour stayed closed all week. \"We cannot sign,\" Ortiz said. A storm is due.";
const THIRD: &str = "Talks in Geneva lasted five hours on Tuesday. Ortiz left late.";

fn sample_ids(desk: &Desk) -> Vec<(String, String)> {
    let list = desk.json(&["source", "list"]);
    list.as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (
                s["id"].as_str().unwrap_or_default().to_owned(),
                s["outlet"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn changes_only_leaves_out_the_sentences_that_say_the_same() {
    let desk = Desk::new();
    let (l, r) = (desk.file("l.txt", LEFT), desk.file("r.txt", RIGHT));
    let all = desk.ok(&["compare", &l, &r]);
    assert!(all.contains("Ortiz left early."));
    let changed = desk.ok(&["compare", &l, &r, "--changes-only"]);
    assert!(!changed.contains("Ortiz left early."), "{changed}");
    assert!(!changed.contains("harbour stayed closed"), "{changed}");
    assert!(
        changed.contains("number: “five hours” → “four hours”"),
        "{changed}"
    );
    assert!(
        changed.contains("A storm is due."),
        "one-sided sentences stay: {changed}"
    );

    let json = desk.json(&["compare", &l, &r, "--changes-only"]);
    let pairs = json["pairs"].as_array().cloned().unwrap_or_default();
    assert_eq!(pairs.len(), 2, "{json}");
    assert!(
        pairs
            .iter()
            .all(|p| p["differences"].as_array().is_some_and(|d| !d.is_empty()))
    );
    assert_eq!(json["right_only"].as_array().map(Vec::len), Some(1));
}

#[test]
fn kind_keeps_only_the_differences_of_those_kinds() {
    let desk = Desk::new();
    let (l, r) = (desk.file("l.txt", LEFT), desk.file("r.txt", RIGHT));
    let json = desk.json(&["compare", &l, &r, "--kind", "quote,number"]);
    let kinds: Vec<&str> = json["pairs"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| p["differences"].as_array().into_iter().flatten())
        .filter_map(|d| d["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["number", "quote"], "{json}");
    assert_eq!(json["right_only"].as_array().map(Vec::len), Some(0));

    let text = desk.ok(&["compare", &l, &r, "--kind", "number"]);
    assert!(
        text.contains("five hours") && !text.contains("We will not sign"),
        "{text}"
    );
}

#[test]
fn an_unknown_kind_is_refused_with_the_kinds_there_are() {
    let desk = Desk::new();
    let (l, r) = (desk.file("l.txt", LEFT), desk.file("r.txt", RIGHT));
    desk.fails(
        &["compare", &l, &r, "--kind", "quotes"],
        "\"quotes\" is not a kind of difference; use one or more of quote, number, date, entity, wording",
    );
}

#[test]
fn the_terminal_header_names_the_outlets_not_the_ids() {
    let desk = Desk::sample();
    let ids = sample_ids(&desk);
    let ((a, a_outlet), (b, b_outlet)) = (&ids[0], &ids[1]);
    assert!(!a_outlet.is_empty() && !b_outlet.is_empty());
    let out = desk.ok(&["compare", a, b]);
    let header = out.lines().next().unwrap_or_default();
    assert!(
        header.contains(a_outlet.as_str()) && header.contains(b_outlet.as_str()),
        "{header}"
    );
    assert!(!header.contains(a.as_str()), "{header}");
    let summary = out.lines().last().unwrap_or_default();
    assert!(
        summary.contains(&format!("only in {a_outlet}")),
        "{summary}"
    );
}

#[test]
fn several_texts_compare_against_the_pivot() {
    let desk = Desk::new();
    let (l, r, t) = (
        desk.file("l.txt", LEFT),
        desk.file("r.txt", RIGHT),
        desk.file("t.txt", THIRD),
    );
    let json = desk.json(&["compare", &l, &r, &t, "--pivot", &l]);
    assert_eq!(json["pivot"], Value::from(l.as_str()));
    let outlets = json["outlets"].as_array().cloned().unwrap_or_default();
    let names: Vec<&str> = outlets.iter().filter_map(|o| o["name"].as_str()).collect();
    assert_eq!(names, [r.as_str(), t.as_str()]);
    // Each against the pivot, the pivot on the left.
    assert_eq!(
        outlets[1]["pairs"].as_array().map(Vec::len),
        Some(2),
        "{json}"
    );
    assert_eq!(
        outlets[1]["pairs"][1]["right"]["text"],
        Value::from("Ortiz left late.")
    );

    let text = desk.ok(&["compare", &l, &r, &t, "--pivot", &r, "--changes-only"]);
    assert_eq!(text.matches(" pairs, ").count(), 2, "{text}");
    assert!(!text.contains("= "), "unchanged pairs left out: {text}");
}

#[test]
fn several_texts_need_a_pivot_that_is_one_of_them() {
    let desk = Desk::new();
    let (l, r, t) = (
        desk.file("l.txt", LEFT),
        desk.file("r.txt", RIGHT),
        desk.file("t.txt", THIRD),
    );
    desk.fails(&["compare", &l, &r, &t], "comparing 3 texts needs --pivot");
    desk.fails(
        &["compare", &l, &r, &t, "--pivot", "other.txt"],
        "--pivot \"other.txt\" is not one of the texts compared",
    );
    desk.fails(
        &["compare", &l, &r, &t, "--pivot", &l, "--versions"],
        "--versions compares two versions of one source",
    );
}

#[test]
fn sources_of_the_workspace_compare_against_a_pivot_by_outlet() {
    let desk = Desk::sample();
    let ids = sample_ids(&desk);
    let ((a, a_outlet), (b, b_outlet)) = (&ids[0], &ids[1]);
    let json = desk.json(&["compare", a, b, "--pivot", b, "--kind", "number"]);
    assert_eq!(json["pivot"], Value::from(b_outlet.as_str()));
    assert_eq!(json["outlets"][0]["name"], Value::from(a_outlet.as_str()));
}
