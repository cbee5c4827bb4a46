"""Run the real CLI on hostile input with a bound on time and memory, and record it.

Every hostile-input case goes through :func:`run_bounded`: a new process with
an address-space cap (so a runaway allocation fails fast instead of taking the
machine) and a wall-clock limit, reporting what it cost. Set
``RESUMEFMT_HOSTILE_LOG`` to a file name and each case appends one JSON line
(case, exit code, seconds, peak memory): ``scripts/hostile_table.py`` turns the
lines into the table in the release notes.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The address space a case may map: the interpreter, PyYAML and Jinja2 fit in
#: a fraction of it; reading a file that never ends does not.
MEMORY_CAP = 1024 * 1024 * 1024

#: Runs the case in a process of its own and reports its peak memory on a pipe.
#: Linux keeps the peak of the process a child was forked from in the child's
#: own ru_maxrss (across exec), so a case forked straight from pytest (which
#: grows past 100 MiB over the suite) would report pytest's size; forked from
#: this small interpreter, it reports its own.
_LAUNCHER = """
import os, resource, signal, sys
memory, report = int(sys.argv[1]), int(sys.argv[2])
pid = os.fork()
if pid == 0:
    os.close(report)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    os.execv(sys.executable, [sys.executable, "-m", "resumefmt", *sys.argv[3:]])
_pid, status, usage = os.wait4(pid, 0)
os.write(report, str(usage.ru_maxrss).encode())
code = os.waitstatus_to_exitcode(status)
if code < 0:  # killed by a signal: end the same way
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


@dataclass
class Bounded:
    """What a bounded run did."""

    case: str
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mib: float


def run_bounded(
    case: str,
    *args: str | Path,
    stdin: bytes | int | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    seconds: float = 20.0,
    memory: int = MEMORY_CAP,
) -> Bounded:
    """``python -m resumefmt ARGS`` under the caps; a case over its time limit fails the test.

    ``stdin`` is bytes to feed, a file descriptor to read from, or None for
    an empty standard input.
    """

    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    feed = stdin if isinstance(stdin, bytes) else None
    source = stdin if isinstance(stdin, int) else (subprocess.PIPE if feed is not None else None)
    peak_read, peak_write = os.pipe()
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, str(memory), str(peak_write), *map(str, args)],
        stdin=source if source is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=environment,
        pass_fds=(peak_write,),
        start_new_session=True,  # the case is killed with its launcher
    )
    os.close(peak_write)
    outputs: dict[str, bytes] = {}
    threads = [
        threading.Thread(target=_drain, args=(process.stdout, outputs, "out")),
        threading.Thread(target=_drain, args=(process.stderr, outputs, "err")),
    ]
    if feed is not None:
        threads.append(threading.Thread(target=_feed, args=(process.stdin, feed)))
    for thread in threads:
        thread.start()
    killer = threading.Timer(seconds, _kill, (process.pid,))
    killer.start()
    process.wait()
    killer.cancel()
    elapsed = time.perf_counter() - start
    with os.fdopen(peak_read, "rb") as report:
        said = report.read()  # empty when the launcher was killed
    for thread in threads:
        thread.join()
    if elapsed >= seconds:
        raise AssertionError(f"{case}: still running after {seconds} s")
    out, err = outputs.get("out", b""), outputs.get("err", b"")
    peak = int(said or 0) / 1024  # KiB on Linux
    result = Bounded(
        case,
        process.returncode,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
        elapsed,
        peak,
    )
    _record(result)
    return result


def _kill(group: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended as the time ran out
        os.killpg(group, signal.SIGKILL)


def _drain(stream: Any, outputs: dict[str, bytes], key: str) -> None:
    outputs[key] = stream.read()
    stream.close()


def _feed(stream: Any, data: bytes) -> None:
    try:
        stream.write(data)
        stream.close()
    except (BrokenPipeError, OSError):  # the process stopped reading: that is its right
        pass


def _record(result: Bounded) -> None:
    log = os.environ.get("RESUMEFMT_HOSTILE_LOG")
    if not log:
        return
    line = {
        "case": result.case,
        "exit": result.returncode,
        "seconds": round(result.seconds, 3),
        "peak_mib": round(result.peak_mib, 1),
    }
    with Path(log).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, ensure_ascii=False) + "\n")
