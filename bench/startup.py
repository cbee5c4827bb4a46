"""Whole-process start-up of resumefmt commands against the bare interpreter.

Targets: validate <= 4x, lint (offline) <= 6x the bare interpreter.
Runs each command as a new process, several times, interleaved so that machine
noise hits every command alike, and prints medians and the ratio to
``python -c pass`` of the same environment (the interpreter running this script,
whose bin/ holds the ``resumefmt`` entry point).

    python bench/startup.py [--runs 31]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "shuai-xie.resumefmt.yaml"


def commands() -> dict[str, list[str]]:
    python = sys.executable
    entry = str(Path(python).with_name("resumefmt"))
    return {
        "python -c pass": [python, "-c", "pass"],
        "python -c 'import yaml'": [python, "-c", "import yaml"],
        "resumefmt --version": [entry, "--version"],
        f"resumefmt validate {SEED.name}": [entry, "validate", "-q", str(SEED)],
        f"resumefmt lint {SEED.name}": [entry, "lint", "-q", str(SEED)],
    }


def run(argv: list[str], env: dict[str, str]) -> None:
    """Run one command; lint exits 1 on the seed's findings, which is its job."""
    result = subprocess.run(argv, capture_output=True, env=env)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{argv} failed ({result.returncode}): {result.stderr.decode()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    table = commands()
    times: dict[str, list[float]] = {name: [] for name in table}
    # Users run with compiled bytecode (pip writes it at install; an editable
    # install writes it on first import), so the warm-up run may write it too.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for argv in table.values():
        run(argv, env)
    for _ in range(runs):
        order = list(table)
        random.shuffle(order)
        for name in order:
            start = time.perf_counter()
            run(table[name], env)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    print(f"{runs} runs each, interleaved; Python {sys.version.split()[0]} at {sys.executable}")
    print(f"{'command':<48} {'median':>9} {'min':>9} {'ratio':>7}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(
            f"{name:<48} {median * 1000:7.1f}ms {min(samples) * 1000:7.1f}ms {median / base:6.2f}x"
        )


if __name__ == "__main__":
    main()
