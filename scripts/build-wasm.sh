#!/usr/bin/env bash
# Trunk pre-build hook: builds the app's wasm, splits it into the shell and one part per
# area (src/ui/areas.rs), binds it for the browser and, in release builds, optimises every
# part. Trunk itself builds no Rust (web/index.html has no rel="rust" link): no Trunk
# version can split, and an unsplit build of split code never starts.
# Output: target/web-pkg/, which web/index.html copies into dist/ as pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${TRUNK_PROFILE:-debug}"
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
out="$PWD/target/web-pkg"
args=(build --lib --target wasm32-unknown-unknown --features app --offline)
[ "$profile" = release ] && args+=(--release)
# The splitter reads the linker's relocations.
flags="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} -Clink-args=--emit-relocs"
# A panic's message names the source file it comes from, kept in every part that can
# panic there: a dependency is named from its crate's folder (`crates/leptos-0.8.x/src/…`),
# not from this machine's registry (`/root/.cargo/registry/src/index.crates.io-<hash>/…`),
# which is longer and differs from machine to machine.
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  case "$d" in *' '*) continue ;; esac
  [ -d "$d" ] && flags+=" --remap-path-prefix=${d%/}=crates"
done
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags" cargo "${args[@]}"
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
wasm-split-cli --target web --out-name backoffice "$target_dir/wasm32-unknown-unknown/$profile/backoffice.wasm" "$split"
# The splitter's ~900 chunks, most a few hundred bytes, folded into ~400 files.
node scripts/merge-chunks.mjs "$split"
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript --out-dir "$out.tmp" --out-name backoffice "$split/backoffice.wasm"
cp "$split/__wasm_split.js" "$out.tmp/"
for f in "$split"/*.wasm; do
  [ "$(basename "$f")" = backoffice.wasm ] || cp "$f" "$out.tmp/"
done
if [ "$profile" = release ]; then
  # The features rustc enables by default for wasm32 since 1.82; functions sorted by name
  # (similar generic instances side by side compress better), then names dropped.
  for f in "$out.tmp"/*.wasm; do
    wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      --reorder-functions-by-name --strip-debug --strip-producers "$f" -o "$f"
  done
fi
rm -rf "$out"
mv "$out.tmp" "$out"
echo "[build-wasm] $profile: $(ls "$out" | tr '\n' ' ')"
