//! The harness: starts tauri-driver, opens the built app on a workspace file of
//! the test's own, finds elements by `data-testid`, saves screenshots.

#![allow(dead_code)] // Each test file uses a different part of the harness.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

/// The workspace root, where `target/` lives.
fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// The cargo target directory the tests build into (screenshots and cached workspaces go there).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// The app binary built by `scripts/build-app.sh`, or the one named by
/// `CLAIMDESK_APP_BIN`.
fn app_binary() -> PathBuf {
    std::env::var_os("CLAIMDESK_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/claimdesk-app"))
}

/// True where a missing app must fail the run instead of skipping it.
fn required() -> bool {
    let set = |name| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    set("CI") || set("CLAIMDESK_E2E_REQUIRED")
}

/// Why the end-to-end tests cannot run here, if they cannot.
fn missing_prerequisite() -> Option<String> {
    let bin = app_binary();
    if !bin.is_file() {
        return Some(format!(
            "the app binary {} is not built (run scripts/build-app.sh)",
            bin.display()
        ));
    }
    if Command::new("tauri-driver")
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        return Some("tauri-driver is not installed (run scripts/setup.sh)".into());
    }
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Some("there is no display (run under xvfb-run)".into());
    }
    None
}

/// Returns false, after saying why, when the tests should be skipped; panics
/// instead when the run requires them (CI).
pub fn can_run() -> bool {
    match missing_prerequisite() {
        None => true,
        Some(why) if required() => panic!("end-to-end tests cannot run: {why}"),
        Some(why) => {
            eprintln!("SKIPPED end-to-end test: {why}");
            false
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("the OS hands out a free loopback port")
}

/// A fresh workspace location for one test; the app creates the file.
pub struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    pub fn new() -> Self {
        Desk {
            dir: tempfile::tempdir().expect("a temporary directory can be made"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("desk.sqlite")
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// One running app window, driven through WebDriver.
pub struct App {
    pub client: Client,
    driver: Child,
}

impl App {
    /// Starts tauri-driver and the app on `desk`'s workspace, and waits for the
    /// window to show the app.
    pub async fn open(desk: &Desk) -> App {
        App::open_with_env(desk, &[]).await
    }

    /// As [`App::open`], with more environment for the app (e.g. `GTK_THEME`).
    pub async fn open_with_env(desk: &Desk, env: &[(&str, &str)]) -> App {
        let port = free_port();
        let native_port = free_port();
        let driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            // The app inherits these through tauri-driver and WebKitWebDriver.
            .env("CLAIMDESK_DB", desk.db())
            .env("CLAIMDESK_CONFIG_DIR", desk.dir().join("config"))
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            // Its own process group, so dropping the App also stops the
            // WebKitWebDriver that tauri-driver starts.
            .process_group(0)
            .spawn()
            .expect("tauri-driver starts");
        // A session asked for before WebKitWebDriver listens behind tauri-driver
        // hangs, so wait for both ports.
        let deadline = Instant::now() + Duration::from_secs(30);
        for p in [port, native_port] {
            while TcpStream::connect(("127.0.0.1", p)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "tauri-driver did not start (port {p})"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary() }),
        );
        caps.insert("browserName".into(), serde_json::json!("wry"));
        let url = format!("http://127.0.0.1:{port}");
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps);
        let connect = builder.connect(&url);
        let client = tokio::time::timeout(Duration::from_secs(90), connect)
            .await
            .expect("the app window opens within 90 seconds")
            .expect("a WebDriver session opens on the app");
        let app = App { client, driver };
        app.find("app-root").await;
        app
    }

    /// Opens the app on `desk` and loads the sample from the empty state
    /// (four claims about an invented ferry dispute).
    pub async fn with_sample(desk: &Desk) -> App {
        let app = App::open(desk).await;
        app.click("load-sample").await;
        app.wait_for_text("claim-count", "4 claims").await;
        app
    }

    /// Waits for the element with this `data-testid` and returns it.
    pub async fn find(&self, testid: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
            .await
            .unwrap_or_else(|e| panic!("no element with data-testid={testid}: {e}"))
    }

    /// Every element currently matching this `data-testid`.
    pub async fn find_all(&self, testid: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
            .await
            .unwrap_or_default()
    }

    /// Waits until exactly `n` elements match this `data-testid` (lists load
    /// after the view shows), and returns them.
    pub async fn find_n(&self, testid: &str, n: usize) -> Vec<Element> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let found = self.find_all(testid).await;
            if found.len() == n {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "expected {n} elements with data-testid={testid}, found {}",
                found.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element with this `data-testid`.
    pub async fn click(&self, testid: &str) {
        self.find(testid)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {testid}: {e}"));
    }

    /// Types into the element with this `data-testid`; line breaks are typed
    /// as the Enter key, as a person would.
    pub async fn type_into(&self, testid: &str, text: &str) {
        let keys = text.replace('\n', "\u{E007}");
        self.find(testid)
            .await
            .send_keys(&keys)
            .await
            .unwrap_or_else(|e| panic!("type into {testid}: {e}"));
    }

    /// The visible text of the element with this `data-testid`.
    pub async fn text(&self, testid: &str) -> String {
        self.find(testid)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of {testid}: {e}"))
    }

    /// The element's whole text content, including text WebDriver counts as
    /// clipped (the claim rows ellipsise long statements).
    pub async fn content(&self, testid: &str) -> String {
        self.find(testid)
            .await
            .prop("textContent")
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// The current value of the input or text area with this `data-testid`.
    pub async fn value(&self, testid: &str) -> String {
        self.find(testid)
            .await
            .prop("value")
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Waits until the element's text contains `needle`, and returns the text.
    /// An element replaced between finding it and reading it (a notice giving
    /// way to the next one) is found again, not taken for a failure.
    pub async fn wait_for_text(&self, testid: &str, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let read = self.find(testid).await.text().await;
            if let Ok(text) = &read
                && text.contains(needle)
            {
                return text.clone();
            }
            assert!(
                Instant::now() < deadline,
                "{testid} never showed {needle:?}; it shows {read:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until no element with this `data-testid` is left (a dialog closed);
    /// `why` says what failed if it stays.
    pub async fn wait_gone(&self, testid: &str, why: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.find_all(testid).await.is_empty() {
            assert!(Instant::now() < deadline, "{why}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Presses one key (a character or a WebDriver key such as Escape) on the
    /// real keyboard input, as a person would.
    pub async fn press(&self, key: char) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("{key:?} is pressed: {e}"));
    }

    /// Saves what the window shows as target/e2e-screenshots/NAME.png, and
    /// returns where.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("the screenshot folder can be made");
        // Let the webview paint what the DOM already shows before capturing.
        let _ = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
                vec![],
            )
            .await;
        let png = self
            .client
            .screenshot()
            .await
            .expect("the window can be captured");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("the screenshot can be saved");
        path
    }

    /// Ends the session, which closes the app; dropping stops tauri-driver.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for App {
    // Also runs when a test panics, so no driver outlives its test.
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Serves whatever `body` holds at the moment of each request, as HTML, on a
/// loopback port; returns the page's URL at `path` (an outlet editing its
/// article is the test changing `body`).
pub fn serve_page(body: Arc<Mutex<String>>, path: &str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 8192];
            let _ = stream.read(&mut request);
            let html = body.lock().map(|b| b.clone()).unwrap_or_default();
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                html.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(html.as_bytes());
        }
    });
    format!("http://{addr}{path}")
}
