#!/usr/bin/env bash
# Sets up whatever is missing, then serves the release build on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# Build first: a failed build stops here with the compiler's error instead of serving an
# empty or stale folder.
release trunk build --release --offline
echo "Serving dist/ on http://127.0.0.1:8080 (Ctrl+C stops)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
