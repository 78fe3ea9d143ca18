//! Generated saved article pages for the import benches: each page is an
//! invented article of about 800 words (the outlets generator's sentences in
//! paragraphs) inside the clutter a news site wraps around it (navigation,
//! adverts, related links, scripts), with the metadata extraction reads
//! (title, outlet, author, canonical URL, dates). Seeded: the same folder on
//! every run.
#![allow(dead_code)]

use std::path::Path;

use super::outlets::{Rng, article};

const OUTLETS: &[&str] = &[
    "The Harbour Gazette",
    "Valley Courier",
    "Northern Ledger",
    "Coastline Wire",
    "The Riverside Post",
];

/// One page, `seed` choosing its article, outlet and dates.
pub fn page(seed: u64) -> String {
    let mut rng = Rng(seed ^ 0x9A6E);
    let outlet = OUTLETS[rng.below(OUTLETS.len())];
    let slug = outlet.to_lowercase().replace(' ', "-");
    let sentences = article(1_000 + seed, 800);
    let title = sentences[0][..8.min(sentences[0].len())].join(" ");
    let day = 1 + rng.below(28);
    let month = 1 + rng.below(12);
    let author = format!("Reporter {}", 1 + rng.below(40));
    let mut body = String::new();
    for paragraph in sentences.chunks(3) {
        body.push_str("        <p>");
        let text: Vec<String> = paragraph.iter().map(|s| s.join(" ") + ".").collect();
        body.push_str(&escape(&text.join(" ")));
        body.push_str("</p>\n");
        if rng.chance(15) {
            body.push_str(
                "        <div class=\"ad-inline sponsored\"><p>Sponsored: a weekend on the island, book today and save on every cabin.</p></div>\n",
            );
        }
    }
    format!(
        r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>{title} | {outlet}</title>
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="{outlet}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2026-{month:02}-{day:02}T07:45:00+00:00">
  <meta name="author" content="{author}">
  <link rel="canonical" href="https://{slug}.example/news/{seed}">
  <script>window.dataLayer = window.dataLayer || []; function track(e) {{ window.dataLayer.push({{event: e}}); }}</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">{outlet}</a>
    <nav class="primary-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <div class="ad-slot ad-leaderboard"><p>Book your winter cruise today and save on every cabin class available this season.</p></div>
  <main>
    <article class="story">
      <header>
        <h1>{title}</h1>
        <p class="byline">By <span class="author">{author}</span></p>
        <time datetime="2026-{month:02}-{day:02}T07:45:00+00:00">{day} {month} 2026</time>
      </header>
      <div class="story-body">
{body}      </div>
      <div class="share-tools"><a href="#" onclick="track('share')">Share on social media</a></div>
    </article>
    <aside class="related-stories"><h2>Related</h2><ul><li><a href="/news/a">New winter bus timetable announced</a></li><li><a href="/news/b">Pier repairs finished early</a></li></ul></aside>
  </main>
  <footer class="site-footer"><p>&copy; 2026 {outlet}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"##,
        title = escape(&title),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes `count` pages into `dir` as `page-0000.html`, `page-0001.html`, ….
pub fn write_folder(dir: &Path, count: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for seed in 0..count {
        std::fs::write(dir.join(format!("page-{seed:04}.html")), page(seed))?;
    }
    Ok(())
}
