"""Copy the package's schemas to the published folder schema/ (run after editing them).

The package copy (resumefmt/schema/) is the source; tests/test_schemas.py fails
while the published copy differs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    for source in sorted((ROOT / "resumefmt" / "schema").glob("*.schema.json")):
        shutil.copyfile(source, ROOT / "schema" / source.name)
        print(f"schema/{source.name}")
