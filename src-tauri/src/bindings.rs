//! The TypeScript side of the IPC contract, generated from the Rust commands
//! and types so the two can never disagree silently.

use std::path::PathBuf;

use specta_typescript::{BigIntExportBehavior, Typescript};

/// Where the generated bindings are committed.
pub fn bindings_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts")
}

/// The exporter settings shared by the app and the drift test.
pub fn typescript() -> Typescript {
    Typescript::default()
        .header("// Generated from the Rust commands by tauri-specta. Do not edit by hand.\n")
        // Counts and offsets stay well inside 2^53, so plain numbers are exact.
        .bigint(BigIntExportBehavior::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when the Rust commands changed but ui/src/lib/bindings.ts was not
    /// regenerated. Regenerate with
    /// `CLAIMDESK_UPDATE_BINDINGS=1 cargo test -p claimdesk-app bindings`.
    #[test]
    fn committed_bindings_match_the_rust_commands() {
        let fresh = crate::specta_builder::<tauri::Wry>()
            .export_str(typescript())
            .expect("the commands export to TypeScript");
        let path = bindings_path();
        if std::env::var_os("CLAIMDESK_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("the bindings file can be written");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/bindings.ts is out of date with the Rust commands; regenerate it with \
             CLAIMDESK_UPDATE_BINDINGS=1 cargo test -p claimdesk-app bindings"
        );
    }
}
