#!/usr/bin/env bash
# Installs everything the tests need (uv, the locked Python dependencies, Debian's chromium for
# the browser tests), then runs the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will be skipped" >&2
  fi
fi
uv sync --frozen --quiet
uv run ruff check src tests benchmarks
uv run pytest -q "$@"
