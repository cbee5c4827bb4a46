"""Whole-process time of ``resumefmt lint`` on long texts, long sections and batches.

The method of bench/startup.py (new processes, interleaved, medians and the
ratio to ``python -c pass``), on inputs that grow: a 1 MB one-line summary, the
same line with a finding on every other word, 2,000 roles held at once, and
100 copies of a seed linted in one run. Each must stay linear: twice the input,
about twice the time (tests/test_lint_scale.py holds the bounds).

Then the batch figure: 1,000 copies of each seed linted with the default jobs
(one process per usable core) and with ``-j 1``, printed next to one copy,
with the peak memory of the main process and of its largest worker.

    python bench/lint.py [--runs 5] [--batch-only]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import BASE, bytecode_env, measure, run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "shuai-xie.resumefmt.yaml"
SEEDS = (SEED, ROOT / "examples" / "cheng-zeyi.resumefmt.yaml")
BATCH = 1000
#: Runs ``resumefmt ARGS`` in this process and reports its peak memory and its
#: largest worker's (getrusage of the process and of its waited-for children).
PEAKS = (
    "import resource, sys\n"
    "from resumefmt.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "sys.stderr.write(f'\\0{own} {workers}')\n"
    "sys.exit(code)\n"
)
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


def batch(runs: int, env: dict[str, str]) -> None:
    """1,000 copies of each seed: default jobs and -j 1, whole processes, medians."""
    python = sys.executable
    print(f"\nbatch of {BATCH:,} copies; {os.cpu_count()} cores; medians of {runs} runs")
    print(f"{'command':<44} {'median':>9} {'min':>9} {'peak MiB: main':>15} {'worker':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for seed in SEEDS:
            copies = Path(folder) / seed.name.split(".")[0]
            copies.mkdir()
            for index in range(BATCH):
                shutil.copyfile(seed, copies / f"{index:04}.resumefmt.yaml")
            one = str(copies / "0000.resumefmt.yaml")
            table = {
                f"lint {seed.name} (one copy)": [one],
                f"lint {BATCH:,} copies, default -j": [str(copies)],
                f"lint {BATCH:,} copies, -j 1": ["-j", "1", str(copies)],
            }
            samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in table}
            for _ in range(runs + 1):  # the first round warms the caches and is dropped
                for name, args in table.items():
                    start = time.perf_counter()
                    result = subprocess.run(
                        [python, "-c", PEAKS, "lint", "-q", *args],
                        # Not captured: a process keeps the peak of the one it was
                        # forked from, and this one would grow by the findings.
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                        env=env,
                        check=False,
                    )
                    seconds = time.perf_counter() - start
                    if result.returncode not in (0, 1):
                        raise SystemExit(f"{args} failed: {result.stderr.decode()}")
                    own, workers = result.stderr.rpartition(b"\0")[2].split()
                    samples[name].append((seconds, int(own) / 1024, int(workers) / 1024))
            for name, taken in samples.items():
                taken = taken[1:]
                times = [t for t, _, _ in taken]
                main_peak = max(m for _, m, _ in taken)
                worker_peak = max(w for _, _, w in taken)
                shown = f"{worker_peak:7.1f}" if worker_peak else "      -"
                print(
                    f"{name:<44} {statistics.median(times):8.2f}s {min(times):8.2f}s"
                    f" {main_peak:15.1f} {shown}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch-only", action="store_true", help="only the batch figure")
    options = parser.parse_args()
    runs = options.runs
    python = sys.executable
    entry = str(Path(python).with_name("resumefmt"))
    env = bytecode_env()
    if not options.batch_only:
        with tempfile.TemporaryDirectory() as folder:
            table = {BASE: [python, "-c", "pass"]}
            for name, paths in inputs(Path(folder)).items():
                table[f"lint: {name}"] = [entry, "lint", "-q", *map(str, paths)]
            for argv in table.values():  # warm-up; findings exit 1, which is lint's job
                run(argv, env, ok=(0, 1))
            measure(table, runs, env, ok=(0, 1))
    batch(runs, env)


if __name__ == "__main__":
    main()
