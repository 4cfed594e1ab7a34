#!/usr/bin/env bash
# The main job on a fresh machine: install hoptac (uv + locked dependencies), ingest the seed
# corpus into the embedded SQLite store, and serve the web UI on it.
# Usage: bash scripts/main.sh [CORPUS_DIR] (default ../shared/corpus/seeds)
# Environment: HOPTAC_DB (store path, default ./hoptac.db here), HOPTAC_PORT (default 8000).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/seeds}"
export HOPTAC_DB="${HOPTAC_DB:-$PWD/hoptac.db}"
command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
uv sync --frozen --quiet
# ingest exits 1 when some file failed; the rest is stored and still worth serving
uv run hoptac ingest "$corpus" || echo "some files could not be ingested (see errors above)" >&2
uv run hoptac stats
exec uv run hoptac serve --host 127.0.0.1 --port "${HOPTAC_PORT:-8000}"
