"""Whole-process time of ``resumefmt lint`` on long texts, long sections and batches.

The method of bench/startup.py (new processes, interleaved, medians and the
ratio to ``python -c pass``), on inputs that grow: a 1 MB one-line summary, the
same line with a finding on every other word, 2,000 roles held at once, and
100 copies of a seed linted in one run. Each must stay linear: twice the input,
about twice the time (tests/test_lint_scale.py holds the bounds).

    python bench/lint.py [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

from _timing import BASE, bytecode_env, measure, run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "shuai-xie.resumefmt.yaml"
HEAD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'
WORDS = ("built", "shipped", "designed", "led", "the", "team", "data", "service", "users")


def inputs(folder: Path) -> dict[str, list[Path]]:
    """Name → the files of each case, written into ``folder``."""
    pick = random.Random(11)
    prose = " ".join(pick.choice(WORDS) for _ in range(180_000))[:1_000_000]
    cases: dict[str, str] = {
        "1 MB one-line summary": f"{HEAD}  summary: {prose}\n",
        "1 MB line, 100,000 findings": f"{HEAD}  headline: {'word ' * 200_000}\n",
        "2,000 overlapping roles": HEAD
        + "work:\n"
        + "".join(
            f'  - organization: Org{i}\n    role: Engineer\n    start: "2019"\n    end: present\n'
            for i in range(2000)
        ),
    }
    files: dict[str, list[Path]] = {}
    for name, text in cases.items():
        path = folder / f"{len(files)}.resumefmt.yaml"
        path.write_text(text, encoding="utf-8")
        files[name] = [path]
    batch = []
    for index in range(100):
        copy = folder / "batch" / f"{index}.resumefmt.yaml"
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(SEED, copy)
        batch.append(copy)
    files["100 copies of a seed"] = batch
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    python = sys.executable
    entry = str(Path(python).with_name("resumefmt"))
    with tempfile.TemporaryDirectory() as folder:
        table = {BASE: [python, "-c", "pass"]}
        for name, paths in inputs(Path(folder)).items():
            table[f"lint: {name}"] = [entry, "lint", "-q", *map(str, paths)]
        env = bytecode_env()
        for argv in table.values():  # warm-up; findings exit 1, which is lint's job
            run(argv, env, ok=(0, 1))
        measure(table, runs, env, ok=(0, 1))


if __name__ == "__main__":
    main()
