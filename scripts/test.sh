#!/usr/bin/env bash
# Run the whole test suite, installing what it needs first: the package with its
# test extras in .venv, Node.js and npm (Debian) for the real yaml-language-server
# (npm, pinned in tests/node/package-lock.json). Extra arguments go to pytest.
#   bash scripts/test.sh [PYTEST-ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_env.sh

ensure_venv
"$VENV/bin/python" -m pip install --quiet -e ".[test]"

if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || [ "${CI:-}" != true ] ||
        { echo "error: CI needs Node.js and npm" >&2; exit 1; }
fi
if command -v npm >/dev/null 2>&1; then
    npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
else  # a laptop without root: the editor tests skip, saying why
    echo "warning: no npm; the yaml-language-server tests will be skipped" >&2
fi

"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
"$VENV/bin/python" -m pytest "$@"
