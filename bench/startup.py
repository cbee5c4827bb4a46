"""Whole-process start-up of resumefmt commands against the bare interpreter.

Targets: validate <= 4x, lint (offline) <= 6x the bare interpreter. The seed is
also validated as JSON, which must not pay for PyYAML.
Runs each command as a new process, several times, interleaved so that machine
noise hits every command alike, and prints medians and the ratio to
``python -c pass`` of the same environment (the interpreter running this script,
whose bin/ holds the ``resumefmt`` entry point).

    python bench/startup.py [--runs 31]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _timing import BASE, bytecode_env, measure, run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "shuai-xie.resumefmt.yaml"


def json_seed(folder: Path) -> Path:
    """The seed written as JSON into ``folder``."""
    import json

    from resumefmt.loader import load

    path = folder / "shuai-xie.resumefmt.json"
    path.write_text(json.dumps(load(SEED).data, ensure_ascii=False), encoding="utf-8")
    return path


def commands(folder: Path) -> dict[str, list[str]]:
    python = sys.executable
    entry = str(Path(python).with_name("resumefmt"))
    as_json = json_seed(folder)
    return {
        BASE: [python, "-c", "pass"],
        "python -c 'import yaml'": [python, "-c", "import yaml"],
        "resumefmt --version": [entry, "--version"],
        f"resumefmt validate {SEED.name}": [entry, "validate", "-q", str(SEED)],
        f"resumefmt validate {as_json.name}": [entry, "validate", "-q", str(as_json)],
        f"resumefmt lint {SEED.name}": [entry, "lint", "-q", str(SEED)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        bench(commands(Path(folder)), runs)


def bench(table: dict[str, list[str]], runs: int) -> None:
    env = bytecode_env()
    # The warm-up run may write bytecode; lint exits 1 on the seed's findings,
    # which is its job.
    for argv in table.values():
        run(argv, env, ok=(0, 1))
    measure(table, runs, env, ok=(0, 1))


if __name__ == "__main__":
    main()
