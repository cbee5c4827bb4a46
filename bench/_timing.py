"""The timing method of the start-up benchmarks: whole processes, interleaved, medians."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time

BASE = "python -c pass"


def bytecode_env() -> dict[str, str]:
    """The environment users run in: with compiled bytecode (pip writes it at install)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(argv: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> None:
    """Run one command; an exit code outside ``ok`` stops the benchmark."""
    result = subprocess.run(argv, capture_output=True, env=env, check=False)
    if result.returncode not in ok:
        raise SystemExit(f"{argv} failed ({result.returncode}): {result.stderr.decode()}")


def measure(
    table: dict[str, list[str]], runs: int, env: dict[str, str], ok: tuple[int, ...] = (0,)
) -> None:
    """Time every command ``runs`` times in shuffled order; print medians and ratios.

    ``table`` must hold :data:`BASE`, the bare interpreter the ratios are taken against.
    """
    times: dict[str, list[float]] = {name: [] for name in table}
    for _ in range(runs):
        order = list(table)
        random.shuffle(order)
        for name in order:
            start = time.perf_counter()
            run(table[name], env, ok)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times[BASE])
    width = max(len(name) for name in table) + 2
    print(f"{runs} runs each, interleaved; Python {sys.version.split()[0]} at {sys.executable}")
    print(f"{'command':<{width}} {'median':>9} {'min':>9} {'ratio':>7}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(
            f"{name:<{width}} {median * 1000:7.1f}ms {min(samples) * 1000:7.1f}ms"
            f" {median / base:6.2f}x"
        )
