#!/usr/bin/env bash
# Set up resumefmt in .venv and run it on the bundled examples.
#   bash scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_env.sh

ensure_venv
# The pdf extra: the Typst engine, for convert --to pdf and --to png.
"$VENV/bin/python" -m pip install --quiet -e ".[pdf]"
"$VENV/bin/resumefmt" --version
"$VENV/bin/resumefmt" validate examples/*.resumefmt.yaml
# A PDF of each example, in build/ (no TeX needed).
mkdir -p build
for example in examples/*.resumefmt.yaml; do
    "$VENV/bin/resumefmt" convert "$example" -o "build/$(basename "$example" .resumefmt.yaml).pdf"
done
# Each seed's variants in each of their languages (Cheng Zeyi: English and Chinese).
for example in examples/cheng-zeyi.resumefmt.yaml examples/shuai-xie.resumefmt.yaml; do
    "$VENV/bin/resumefmt" convert "$example" --to pdf --all-variants -o build/variants > /dev/null
done
echo "wrote build/*.pdf and build/variants/*.pdf"
