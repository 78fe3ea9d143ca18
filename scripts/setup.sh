#!/usr/bin/env bash
# Installs what building, running and testing Claimdesk needs on a Debian or
# Ubuntu machine that already has Rust and Node. Safe to run again: each step
# is skipped when its result is already there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# System libraries for the Tauri/WebKitGTK window, plus the WebDriver and the
# virtual display the end-to-end tests drive it with.
APT_PACKAGES=(
  build-essential pkg-config
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libxdo-dev libssl-dev
  webkit2gtk-driver xvfb xauth
)
# The shared desk's tests start throwaway PostgreSQL servers (initdb, pg_ctl)
# and make a self-signed certificate for the TLS one.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  APT_PACKAGES+=(postgresql)
fi
APT_PACKAGES+=(openssl)

say() { printf '==> %s\n' "$*"; }

install_system_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "system packages: all present"
    return
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  say "system packages: installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_ui_packages() {
  # npm ci wipes node_modules, so run it only when the lock file changed.
  local stamp="$ROOT/ui/node_modules/.claimdesk-lock.sha256"
  local want
  want="$(sha256sum "$ROOT/ui/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    say "ui packages: up to date"
    return
  fi
  say "ui packages: npm ci"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund)
  echo "$want" > "$stamp"
}

install_tauri_driver() {
  if command -v tauri-driver >/dev/null 2>&1; then
    say "tauri-driver: present"
    return
  fi
  say "tauri-driver: cargo install"
  cargo install tauri-driver --locked
}

install_system_packages
install_ui_packages
install_tauri_driver
