"""Whole-process time of ``resumefmt convert`` against the bare interpreter.

The method of bench/startup.py: each command is a new process, run several
times, interleaved so that machine noise hits every command alike; medians
and the ratio to ``python -c pass`` measured in the same run. Every format is
converted from both seed examples; a format whose converter fails (not written
yet) is reported and left out.

    python bench/convert.py [--runs 21] [--formats markdown latex]
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
SEEDS = (
    ROOT / "examples" / "shuai-xie.resumefmt.yaml",
    ROOT / "examples" / "cheng-zeyi.resumefmt.yaml",
)
FORMATS = ("jsonresume", "latex", "markdown")
BASE = "python -c pass"


def commands(formats: list[str]) -> dict[str, list[str]]:
    python = sys.executable
    entry = str(Path(python).with_name("resumefmt"))
    table = {
        BASE: [python, "-c", "pass"],
        "python -c 'import jinja2'": [python, "-c", "import jinja2"],
    }
    for fmt in formats:
        for seed in SEEDS:
            table[f"convert --to {fmt} {seed.name}"] = [entry, "convert", str(seed), "--to", fmt]
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    arguments = parser.parse_args()
    table = commands(arguments.formats)
    # Users run with compiled bytecode (pip writes it at install), so the
    # warm-up run may write it; it also shows which converters work at all.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for name, argv in list(table.items()):
        done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
            print(f"skipped {name}: exit {done.returncode}: {reason}")
            del table[name]
    times: dict[str, list[float]] = {name: [] for name in table}
    for _ in range(arguments.runs):
        order = list(table)
        random.shuffle(order)
        for name in order:
            start = time.perf_counter()
            subprocess.run(table[name], check=True, capture_output=True, env=env)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times[BASE])
    runs = arguments.runs
    print(f"{runs} runs each, interleaved; Python {sys.version.split()[0]} at {sys.executable}")
    print(f"{'command':<52} {'median':>9} {'min':>9} {'ratio':>7}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(
            f"{name:<52} {median * 1000:7.1f}ms {min(samples) * 1000:7.1f}ms {median / base:6.2f}x"
        )


if __name__ == "__main__":
    main()
