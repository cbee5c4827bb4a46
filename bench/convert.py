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
import subprocess
import sys
from pathlib import Path

from _timing import BASE, bytecode_env, measure

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (
    ROOT / "examples" / "shuai-xie.resumefmt.yaml",
    ROOT / "examples" / "cheng-zeyi.resumefmt.yaml",
)
FORMATS = ("jsonresume", "latex", "markdown")


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
    # The warm-up run may write bytecode; it also shows which converters work.
    env = bytecode_env()
    for name, argv in list(table.items()):
        done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
            print(f"skipped {name}: exit {done.returncode}: {reason}")
            del table[name]
    measure(table, arguments.runs, env)


if __name__ == "__main__":
    main()
