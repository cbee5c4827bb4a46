#!/usr/bin/env bash
# Run the whole test suite, installing what it needs first: the package with its
# test extras in .venv (pre-commit among them), Node.js and npm (Debian) for the
# real tools pinned in tests/node/package-lock.json (yaml-language-server, the
# JSON Resume schema and builder, markdownlint), and TeX Live (Debian).
# Extra arguments go to pytest.
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

# TeX Live from Debian for the LaTeX converter's tests (xelatex for CJK text),
# poppler-utils for pdftotext and pdftoppm.
TEX_PACKAGES=(texlive-latex-extra lmodern texlive-xetex texlive-lang-cjk texlive-lang-chinese
    texlive-fonts-recommended fonts-noto-cjk poppler-utils)
if ! command -v xelatex >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    apt_install "${TEX_PACKAGES[@]}" || [ "${CI:-}" != true ] ||
        { echo "error: CI needs TeX Live" >&2; exit 1; }
fi

"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
"$VENV/bin/python" -m pytest "$@"
