//! Test support: a real HTTP/1.1 server on loopback, small enough to make it
//! misbehave on purpose (stall, drop the connection, lie about sizes), and
//! fixture helpers.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server does for one request.
#[derive(Clone)]
pub enum Reply {
    /// A complete response with `Content-Length`.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// A chunked response of `size` bytes: no `Content-Length` to check in advance.
    Chunked { content_type: String, size: usize },
    /// Says nothing for a long while (longer than any test timeout).
    Stall,
    /// Sends headers and the start of the body, then goes quiet.
    StallMidBody {
        content_type: String,
        declared: usize,
        sent: Vec<u8>,
    },
    /// Promises `declared` bytes, sends `sent`, then closes the connection.
    DropMidBody {
        content_type: String,
        declared: usize,
        sent: Vec<u8>,
    },
    /// Closes the connection without answering.
    Hangup,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: format!("<html><body><h1>Error {status}</h1></body></html>").into_bytes(),
        }
    }

    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Location".into(), location.into())],
            body: Vec::new(),
        }
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Router = Arc<dyn Fn(&str) -> Reply + Send + Sync>;

/// A loopback HTTP server answering by path. It lives until the test process ends.
pub struct TestServer {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl TestServer {
    pub fn start(router: impl Fn(&str) -> Reply + Send + Sync + 'static) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let router: Router = Arc::new(router);
        let seen_in = Arc::clone(&seen);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let router = Arc::clone(&router);
                let seen = Arc::clone(&seen_in);
                thread::spawn(move || serve(stream, &router, &seen));
            }
        });
        TestServer { addr, seen }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("seen lock").clone()
    }
}

fn serve(stream: TcpStream, router: &Router, seen: &Mutex<Vec<Seen>>) {
    let Some(request) = read_request(&stream) else {
        return;
    };
    let reply = router(&request.path);
    seen.lock().expect("seen lock").push(request);
    // Errors writing are expected: the client may give up first (size limit, timeout).
    let _ = write_reply(stream, reply);
}

fn read_request(stream: &TcpStream) -> Option<Seen> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            break;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((k, v)) = header.split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    Some(Seen { path, headers })
}

fn head(status: u16, headers: &[(String, String)]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} Test\r\nConnection: close\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out.into_bytes()
}

fn write_reply(mut stream: TcpStream, reply: Reply) -> std::io::Result<()> {
    const LONG: Duration = Duration::from_secs(30);
    match reply {
        Reply::Full {
            status,
            mut headers,
            body,
        } => {
            headers.push(("Content-Length".into(), body.len().to_string()));
            stream.write_all(&head(status, &headers))?;
            stream.write_all(&body)?;
        }
        Reply::Chunked { content_type, size } => {
            let headers = [
                ("Content-Type".to_owned(), content_type),
                ("Transfer-Encoding".to_owned(), "chunked".to_owned()),
            ];
            stream.write_all(&head(200, &headers))?;
            let chunk = vec![b'a'; 1024];
            let mut left = size;
            while left > 0 {
                let n = left.min(chunk.len());
                stream.write_all(format!("{n:x}\r\n").as_bytes())?;
                stream.write_all(&chunk[..n])?;
                stream.write_all(b"\r\n")?;
                left -= n;
            }
            stream.write_all(b"0\r\n\r\n")?;
        }
        Reply::Stall => thread::sleep(LONG),
        Reply::StallMidBody {
            content_type,
            declared,
            sent,
        } => {
            let headers = [
                ("Content-Type".to_owned(), content_type),
                ("Content-Length".to_owned(), declared.to_string()),
            ];
            stream.write_all(&head(200, &headers))?;
            stream.write_all(&sent)?;
            stream.flush()?;
            thread::sleep(LONG);
        }
        Reply::DropMidBody {
            content_type,
            declared,
            sent,
        } => {
            let headers = [
                ("Content-Type".to_owned(), content_type),
                ("Content-Length".to_owned(), declared.to_string()),
            ];
            stream.write_all(&head(200, &headers))?;
            stream.write_all(&sent)?;
            stream.flush()?;
            stream.shutdown(std::net::Shutdown::Both)?;
        }
        Reply::Hangup => stream.shutdown(std::net::Shutdown::Both)?,
    }
    stream.flush()
}

/// A fixture page written for these tests.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/pages")
        .join(name)
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).expect("fixture exists")
}

/// A small PDF with one page per string, each page holding its text in a
/// standard font. `pages` empty gives one page with no text at all.
pub fn make_pdf(pages: &[&str]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};

    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let texts: Vec<&str> = if pages.is_empty() {
        vec![""]
    } else {
        pages.to_vec()
    };
    let mut kids = Vec::new();
    for text in texts {
        let mut operations = Vec::new();
        if !text.is_empty() {
            operations.extend([
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 11.into()]),
                Operation::new("Td", vec![72.into(), 720.into()]),
                Operation::new("Tj", vec![Object::string_literal(text)]),
                Operation::new("ET", vec![]),
            ]);
        }
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode content"),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("write pdf");
    out
}
