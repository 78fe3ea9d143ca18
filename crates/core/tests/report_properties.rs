//! Properties of rendering over free text: stored text never becomes markup,
//! and CSV and JSON give back exactly what went in.

use chrono::{DateTime, NaiveDate};
use claimdesk_core::model::{Stance, Verdict};
use claimdesk_core::report::{
    ReportClaim, ReportData, ReportEvidence, ReportFormat, ReportSource, ReportVersion, Selection,
    render,
};
use proptest::prelude::*;

/// A report whose every free-text field holds `text`, citing `url`.
fn data(text: &str, url: &str) -> ReportData {
    let at = DateTime::from_timestamp(1_741_000_000, 0).unwrap_or_default();
    let source = ReportSource {
        id: "0195a000-0000-7000-8000-000000000001".into(),
        title: text.into(),
        outlet: Some(text.into()),
        authors: vec![text.into()],
        url: Some(url.into()),
        published_on: NaiveDate::from_ymd_opt(2025, 3, 2),
    };
    ReportData {
        schema: "claimdesk.report/1".into(),
        publisher: Some(text.into()),
        report_base_url: Some("https://checks.example/r".into()),
        selection: Selection {
            tag: Some(text.into()),
            ..Default::default()
        },
        scale: vec![],
        claims: vec![ReportClaim {
            id: "0195a000-0000-7000-8000-000000000002".into(),
            statement: text.into(),
            claimant: Some(text.into()),
            claimed_on: NaiveDate::from_ymd_opt(2025, 3, 1),
            event_on: None,
            tags: vec![text.into()],
            verdict: Verdict {
                key: "false".into(),
                label: text.into(),
                rating: Some(1),
            },
            rationale: text.into(),
            created_at: at,
            updated_at: at,
            evidence: vec![ReportEvidence {
                id: "0195a000-0000-7000-8000-000000000003".into(),
                stance: Stance::Disputes,
                quote: text.into(),
                prefix: text.into(),
                suffix: text.into(),
                start: 0,
                end: 1,
                note: text.into(),
                source: source.clone(),
                version: ReportVersion {
                    id: "0195a000-0000-7000-8000-000000000004".into(),
                    number: 1,
                    sha256: "ab".repeat(32),
                    captured_at: at,
                },
                later: None,
            }],
        }],
        sources: vec![source],
    }
}

fn rendered(text: &str, url: &str, format: ReportFormat) -> String {
    render(&data(text, url), format).unwrap_or_else(|e| panic!("render: {e}"))
}

/// Free text leaning on the characters that make markup.
fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[<>&\"'`*_#|!\\[\\]()=+@ /:;a-z\\\\-]{1,40}",
        "\\PC{1,40}",
        "[a-z<>]{1,10}\n[-#>0-9. a-z<]{1,20}",
    ]
    .prop_filter("a field with only spaces reads as empty", |s| {
        !s.trim().is_empty()
    })
}

fn any_url() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://news.example/a?b=1&c=2".to_string()),
        Just("javascript:alert(1)".to_string()),
        "(https?|javascript|data):[a-z<>\"' /]{1,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn html_tags_come_only_from_the_template(text in tricky_text(), url in any_url()) {
        let html = rendered(&text, &url, ReportFormat::Html);
        // The same report with plain words has exactly the same tags.
        let plain_url = if url.to_lowercase().starts_with("http") { "https://x.example" } else { "not a link" };
        let plain = rendered("x", plain_url, ReportFormat::Html);
        prop_assert_eq!(html.matches('<').count(), plain.matches('<').count());
        prop_assert_eq!(html.matches('>').count(), plain.matches('>').count());
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or_default().to_lowercase();
            prop_assert!(!tag.contains("javascript:") && !tag.contains("data:"), "<{}>", tag);
            prop_assert!(!tag.split_whitespace().skip(1).any(|a| a.starts_with("on")), "<{}>", tag);
        }
    }

    #[test]
    fn markdown_angle_brackets_in_text_are_always_escaped(text in tricky_text(), url in any_url()) {
        let md = rendered(&text, &url, ReportFormat::Markdown);
        let bytes = md.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'<' {
                let escaped = i > 0 && bytes[i - 1] == b'\\';
                let link_target = md[..i].ends_with("](");
                prop_assert!(escaped || link_target, "bare < at {} in {}", i, md);
            }
        }
        prop_assert!(!md.to_lowercase().contains("](<javascript") && !md.contains("](<data"));
    }

    #[test]
    fn csv_cells_give_back_the_text(text in tricky_text()) {
        let csv_text = rendered(&text, "https://news.example/a", ReportFormat::Csv);
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(rows.len(), 1);
        let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.clone() };
        prop_assert_eq!(&rows[0][1], defused.as_str(), "statement");
        prop_assert_eq!(&rows[0][8], defused.as_str(), "rationale");
    }

    #[test]
    fn the_json_report_reads_back_as_the_same_data(text in tricky_text(), url in any_url()) {
        let json = rendered(&text, &url, ReportFormat::Json);
        let back: ReportData = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, data(&text, &url));
    }
}
