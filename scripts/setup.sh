#!/usr/bin/env bash
# Set up resumefmt in .venv and run it on the bundled examples.
#   bash scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_env.sh

ensure_venv
"$VENV/bin/python" -m pip install --quiet -e .
"$VENV/bin/resumefmt" --version
"$VENV/bin/resumefmt" validate examples/*.resumefmt.yaml
