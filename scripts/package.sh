#!/usr/bin/env bash
# Builds what users install: the desktop app in release mode, bundled by the
# Tauri bundler as a Debian package (.deb) and an AppImage. Not part of the
# test command (a release build takes as long again as the debug one).
#
# Usage: scripts/package.sh [BUNDLES]
#   BUNDLES  comma-separated Tauri bundle kinds, default "deb,appimage"
#
# The packages land in $CARGO_TARGET_DIR/release/bundle/{deb,appimage}
# (./target when CARGO_TARGET_DIR is not set); the script prints their paths
# and sizes. The AppImage step downloads the bundler's linuxdeploy tools from
# GitHub the first time, so it needs to reach github.com once; where it
# cannot, the script says so and `scripts/package.sh deb` builds the Debian
# package alone, which needs no download.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
BUNDLES="${1:-deb,appimage}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

[ -d "$ROOT/ui/node_modules" ] || (cd "$ROOT/ui" && npm ci --no-audit --no-fund)
# `tauri build` (run where it finds src-tauri/tauri.conf.json) runs the front
# end's build (beforeBuildCommand), builds the Rust crate in release with the
# front end embedded, then bundles.
cd "$ROOT"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
if ! "$ROOT/ui/node_modules/.bin/tauri" build --bundles "$BUNDLES" 2>&1 | tee "$LOG"; then
  # The bundler's own message about a failed download is easy to miss in a
  # long build log: say what failed and what still works.
  if [[ ",$BUNDLES," == *,appimage,* ]] && grep -qiE 'linuxdeploy|appimagetool|github|download|dns|connect' "$LOG"; then
    cat >&2 <<'MSG'

error: the AppImage was not built: the Tauri bundler downloads its linuxdeploy
tools from GitHub (github.com) the first time it makes an AppImage, and that
download failed (no network, or GitHub is not reachable from here).
- The Debian package needs no download: scripts/package.sh deb
- For the AppImage, run scripts/package.sh on a machine that reaches GitHub
  (or set TAURI_BUNDLER_TOOLS_GITHUB_MIRROR to a mirror of it); the tools are
  kept in ~/.cache/tauri afterwards, so the download is needed only once.
MSG
  fi
  exit 1
fi

echo "packages:"
find "$TARGET/release/bundle" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.AppImage' \) \
  -exec ls -l {} \; | awk '{ printf "  %s  %.1f MB\n", $NF, $5 / 1048576 }'
