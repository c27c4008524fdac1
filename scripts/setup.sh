#!/usr/bin/env bash
# Installs whatever is missing for building, serving and testing; skips what is present
# at the right version. Safe to run again. Source it to get the tool paths:
#   source scripts/setup.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BO_TOOLS="${BO_TOOLS:-$HOME/.cache/backoffice}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
log() { echo "[setup] $*" >&2; }
VENV="$BO_TOOLS/venv"
# What this script installs comes first on the PATH, so every check below sees it: cargo
# install puts its tools in $CARGO_HOME/bin (~/.cargo/bin unless CARGO_HOME is set).
export PATH="$BO_TOOLS/binaryen/node_modules/.bin:$VENV/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v npm >/dev/null || apt_missing+=(nodejs npm)
python3 -c 'import venv, ensurepip' 2>/dev/null || apt_missing+=(python3-venv)
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "apt: ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The test command checks formatting and lints.
for c in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$c"; then
    log "rustup component $c"
    rustup component add "$c"
  fi
done

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  log "wasm-bindgen-cli $WB_VERSION"
  # Not --locked: one of its locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# The splitter cargo-leptos runs for `--split`: the wasm becomes a shell and one part per
# area (scripts/build-wasm.sh). Its format must match leptos' wasm_split_helpers (0.2.x).
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# Debian's binaryen 108 writes a wasm Chromium rejects; npm's binaryen@132 works.
WASM_OPT="$BO_TOOLS/binaryen/node_modules/.bin/wasm-opt"
if ! "$WASM_OPT" --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
  log "binaryen@$BINARYEN_VERSION from npm"
  mkdir -p "$BO_TOOLS/binaryen"
  npm install --prefix "$BO_TOOLS/binaryen" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
fi

# terser minifies wasm-bindgen's JS loader after a release build (scripts/minify-js.mjs).
TERSER_VERSION=5.51.2
if ! grep -qs "\"version\": \"$TERSER_VERSION\"" "$BO_TOOLS/terser/node_modules/terser/package.json"; then
  log "terser@$TERSER_VERSION from npm"
  mkdir -p "$BO_TOOLS/terser"
  npm install --prefix "$BO_TOOLS/terser" --no-audit --no-fund --silent "terser@$TERSER_VERSION"
fi

# axe-core checks every screen for WCAG 2.1 A/AA problems in the end-to-end tests
# (tests/e2e/test_axe.py reads it from $AXE_JS).
AXE_VERSION=4.14.1
if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$BO_TOOLS/axe/node_modules/axe-core/package.json"; then
  log "axe-core@$AXE_VERSION from npm"
  mkdir -p "$BO_TOOLS/axe"
  npm install --prefix "$BO_TOOLS/axe" --no-audit --no-fund --silent "axe-core@$AXE_VERSION"
fi
export AXE_JS="$BO_TOOLS/axe/node_modules/axe-core/axe.min.js"

# End-to-end tests: Selenium (WebDriver) + pytest in a private virtualenv.
if ! "$VENV/bin/python" -c 'import selenium, pytest, brotli' 2>/dev/null; then
  log "python venv with selenium and pytest"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "selenium>=4.20,<5" "pytest>=8,<9" "brotli>=1.1"
fi

# Trunk runs cargo offline: the crates must already be in cargo's cache (a bare machine
# has none until this runs).
cargo fetch --quiet

export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CHROME_BIN="${CHROME_BIN:-$(command -v chromium)}"

# Runs a command (trunk build/serve) with the release wasm's settings, all of them stable
# compiler options: Leptos' erased components (one view type instead of one per component
# tree) and LLVM inlining only what makes code smaller (`-inline-threshold=0`). Its own
# target directory, so tests built the normal way do not rebuild it each time.
release() {
  CARGO_TARGET_DIR="$PWD/target/release-wasm" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Cllvm-args=-inline-threshold=0" \
  "$@"
}
