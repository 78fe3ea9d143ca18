//! An empty Tauri window on an empty page, nothing of Claimdesk in it: the
//! floor WebKit and Tauri set, beside which the app's memory is measured
//! (`scripts/measure-memory.sh`, and the end-to-end test of a desk after a year).

/// The page: a title and a word, served by the window's own scheme (a page
/// from no scheme at all, about:blank, would start no web process).
const PAGE: &str = "<!doctype html><title>Empty</title><p>Empty</p>";

fn main() {
    let mut context = tauri::generate_context!();
    // Not the app's own window: one empty page of the same size.
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        .register_uri_scheme_protocol("empty", |_ctx, _request| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html")
                .body(PAGE.as_bytes().to_vec())
                .unwrap_or_else(|_| tauri::http::Response::new(Vec::new()))
        })
        .setup(|app| {
            let page = "empty://localhost/"
                .parse()
                .map_err(|e| format!("the empty page is a URL: {e}"))?;
            tauri::WebviewWindowBuilder::new(app, "empty", tauri::WebviewUrl::CustomProtocol(page))
                .title("Empty")
                .inner_size(1200.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("error: the empty window did not run: {e}");
        std::process::exit(1);
    }
}
