"""The hostile-input cases as a Markdown table: case, exit, time, peak memory.

RESUMEFMT_HOSTILE_LOG=/tmp/hostile.jsonl pytest tests -k hostile
python scripts/hostile_table.py /tmp/hostile.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    rows = [json.loads(line) for line in Path(sys.argv[1]).read_text("utf-8").splitlines()]
    print("| case | exit | seconds | peak MiB |")
    print("|---|---|---|---|")
    for row in rows:
        case = row["case"].replace("|", "\\|")
        print(f"| {case} | {row['exit']} | {row['seconds']:.2f} | {row['peak_mib']:.0f} |")


if __name__ == "__main__":
    main()
