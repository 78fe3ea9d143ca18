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
    let mut env = Environment::new();
    // Escape everything, whatever the template is called.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.add_filter("web_link", |url: Option<String>| {
        web_link(url.as_deref()).map(str::to_string)
    });
    env.add_template("report.html", TEMPLATE)
        .map_err(|e| Error::Io(format!("the HTML report template is broken: {e}")))?;
    let template = env
        .get_template("report.html")
        .map_err(|e| Error::Io(format!("the HTML report template is missing: {e}")))?;
    let mut html = template
        .render(context! {
            publisher => data.publisher.clone(),
            selection_text => data.selection.describe(),
            claims => Value::from(Serde(&data.claims)),
            best_rating => BEST_RATING,
        })
        .map_err(|e| Error::Io(format!("cannot render the HTML report: {e}")))?;
    html.push('\n');
    Ok(html)
}
