"""Whole-process time of ``resumefmt lint --online`` on 100 links to slow local servers.

Starts 20 servers on 127.0.0.2-127.0.0.21 (all of 127.0.0.0/8 is loopback on
Linux), each answering after 300 ms, writes a résumé with 100 distinct links
(5 per host), and runs the real command several times with the cache off,
printing the median. The target is 2 s; checked one after another, the links
would take 30 s.

With ``--stalled N`` it times instead N links on one host that accepts
connections and never answers: the batch must end within the host's budget
(``checker.HOST_BUDGET``) rather than take rounds of full timeouts
(12 links took 45 s before the budget).

    python bench/links.py [--runs 7] [--hosts 20] [--links 100] [--delay 0.3]
    python bench/links.py --stalled 12 [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from linkserver import LinkServer  # noqa: E402 - lives with the tests, which use it too


def resume(servers: list[LinkServer], links: int, path: str = "/ok") -> str:
    lines = ['resumefmt: "1.0"', "basics:", "  name: Bench Person", "  profiles:"]
    for index in range(links):
        server = servers[index % len(servers)]
        lines += ["    - network: Site", f'      url: "{server.url(f"{path}?n={index}")}"']
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--links", type=int, default=100)
    parser.add_argument("--delay", type=float, default=0.3)
    parser.add_argument("--stalled", type=int, metavar="N", help="N links on a stalled host")
    args = parser.parse_args()
    if args.stalled:
        args.hosts, args.links, args.delay = 1, args.stalled, 0.0
    servers = [LinkServer(f"127.0.0.{2 + i}", delay=args.delay) for i in range(args.hosts)]
    entry = str(Path(sys.executable).with_name("resumefmt"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "bench.resumefmt.yaml")
            path.write_text(
                resume(servers, args.links, "/stall" if args.stalled else "/ok"), encoding="utf-8"
            )
            env["XDG_CACHE_HOME"] = folder
            command = [entry, "lint", "-q", "--online", "--allow-private-hosts", "--no-cache"]
            for _ in range(args.runs):
                start = time.perf_counter()
                argv = [*command, str(path)]
                done = subprocess.run(argv, capture_output=True, text=True, env=env)
                times.append(time.perf_counter() - start)
                if done.returncode != 0 or (args.stalled and "ran out first" not in done.stdout):
                    sys.exit(f"lint failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        hits = sum(len(s.hits) for s in servers)
    finally:
        for server in servers:
            server.stop()
    if args.stalled:
        said = f"{args.links} links on a host that never answers"
    else:
        said = (
            f"{args.links} links on {args.hosts} hosts answering after {args.delay * 1000:.0f} ms"
        )
    print(f"{said}; {args.runs} runs of the whole process; {hits // args.runs} requests a run")
    median = statistics.median(times)
    print(f"median {median:.2f} s  min {min(times):.2f} s  max {max(times):.2f} s")
    if args.stalled:
        from resumefmt.lint_rules.links._online.checker import HOST_BUDGET

        print(f"bound: {HOST_BUDGET:g} s (the host's budget) and start-up")
    else:
        print("target: 2 s")


if __name__ == "__main__":
    main()
