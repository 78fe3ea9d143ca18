//! The HTML report: one self-contained file with inline CSS (screen and
//! print), no scripts and no remote assets. The template is rendered with
//! HTML autoescaping, so every stored text is shown as text; links are kept
//! only for http(s) URLs.

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, context};

use super::{ReportData, web_link};
use crate::error::{Error, Result};
use crate::model::BEST_RATING;

const TEMPLATE: &str = include_str!("templates/report.html");

pub(super) fn render(data: &ReportData) -> Result<String> {
    let env = environment(TEMPLATE)?;
    let template = env
        .get_template("report.html")
        .map_err(|e| Error::render("the HTML report template is missing", e))?;
    let mut html = template
        .render(context! {
            publisher => data.publisher.clone(),
            selection_text => data.selection.describe(),
            claims => Value::from(Serde(&data.claims)),
            best_rating => BEST_RATING,
        })
        .map_err(|e| Error::render("cannot render the HTML report", e))?;
    html.push('\n');
    Ok(html)
}

/// The template environment holding `template` as `report.html`, with
/// autoescaping and the filters the report uses.
fn environment(template: &str) -> Result<Environment<'_>> {
    let mut env = Environment::new();
    // Escape everything, whatever the template is called.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.add_filter("web_link", |url: Option<String>| {
        web_link(url.as_deref()).map(str::to_string)
    });
    env.add_template("report.html", template)
        .map_err(|e| Error::render("the HTML report template is broken", e))?;
    Ok(env)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_template_compiles() {
        assert!(environment(TEMPLATE).is_ok());
    }

    #[test]
    fn a_broken_template_is_a_render_failure_not_an_io_one() {
        let err = environment("<p>{% for claim in %}</p>").expect_err("the template is broken");
        assert_eq!(
            serde_json::to_value(err.kind()).ok(),
            Some(serde_json::json!("render"))
        );
        assert!(
            err.to_string()
                .starts_with("the HTML report template is broken: "),
            "{err}"
        );
        let source = std::error::Error::source(&err).expect("the template error is kept");
        assert!(
            source.downcast_ref::<minijinja::Error>().is_some(),
            "{source:?}"
        );
    }
}
