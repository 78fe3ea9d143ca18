//! Writes two outlets' tellings of one generated 10,000-word article, the pair
//! the compare bench measures, as `left.txt` and `right.txt` in a folder, so a
//! whole `claimdesk compare` process can be timed on the same texts.
//!
//! `cargo run -p claimdesk-core --example write_outlets -- DIR`

#[path = "../benches/support/outlets.rs"]
mod outlets;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: write_outlets DIR");
        return ExitCode::from(2);
    };
    let base = outlets::article(1, 10_000);
    let left = outlets::render(&base);
    let right = outlets::render(&outlets::other_outlet(&base, 2));
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("left.txt"), left))
        .and_then(|()| std::fs::write(dir.join("right.txt"), right));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "error: cannot write the outlets into {}: {e}",
                dir.display()
            );
            ExitCode::FAILURE
        }
    }
}
