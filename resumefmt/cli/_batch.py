"""``lint -j N``: a batch of files linted by worker processes, reported as if in one.

Imported only when a batch runs in parallel, so a single file never pays for
``concurrent.futures`` and ``multiprocessing`` (tests/test_startup_imports.py).

The parent decides everything once: the files, the configuration of each,
the date. Each worker builds its own rule registry once (plugins register
in it, as in any run) and lints the files it is handed; results come back in
the order of the files, so the report is the one a single process writes.
Standard input (``-``) and folders without résumés are dealt with by the
parent, in their place in that order.
"""

from __future__ import annotations

import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from resumefmt.diagnostics import Diagnostic, Location
from resumefmt.errors import InputError, ResumefmtError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Generator

    from resumefmt.cli.lint import Outcome
    from resumefmt.config import Config
    from resumefmt.diagnostics import Fix, Replacement, Severity
    from resumefmt.editing import Edit
    from resumefmt.linter import LintRun
    from resumefmt.rules import LintSettings

    #: ``lint_one`` of resumefmt.cli.lint, handed in: that module imports this one.
    LintOne = Callable[[LintRun, str | InputError, Config | None], Outcome]

    #: One diagnostic as it travels between processes: a tuple pickles in a
    #: fraction of the time of the objects (path, line, column, pointer,
    #: severity, code, name, message, and the fix as placed in the text).
    Row = tuple[str, int, int, str, Severity, str, str, str, tuple[Fix | Edit | Replacement, ...]]
    Sent = tuple[list[Row], str | None, list[str]]

#: Files handed to a worker at a time, at most: fewer messages between processes,
#: while the chunks stay small enough that both workers finish together.
_CHUNK = 32


class WorkerFailed(ResumefmtError):
    """A worker process ended without its results (killed, out of memory)."""


def lint_in_parallel(
    linting: LintRun,
    files: list[str | InputError],
    chosen: list[str | None],
    configs: dict[str | None, Config | None],
    jobs: int,
    lint_one: LintOne,
) -> Generator[Outcome, None, None]:
    """The outcome of each of ``files``, in their order, linted by ``jobs`` processes."""
    handed = [isinstance(name, str) and name != "-" for name in files]
    # The first file is linted here, before the workers start: they inherit what
    # that loaded on the way (the rules' tables and compiled patterns, 80 ms of
    # a first file) instead of each loading it again.
    first = handed.index(True)
    warm = lint_one(linting, files[first], configs[chosen[first]])
    handed[first] = False
    tasks = [(files[i], chosen[i]) for i, hand in enumerate(handed) if hand]
    chunk = max(1, min(_CHUNK, len(tasks) // (jobs * 4)))
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        initializer=_start_worker,
        initargs=(configs, linting.today, linting.settings, lint_one),
    )
    try:
        results = pool.map(_lint_in_worker, tasks, chunksize=chunk)
        for index, (name, key) in enumerate(zip(files, chosen, strict=True)):
            if handed[index]:
                rows, error, crashed = next(results)
                yield [_diagnostic(row) for row in rows], error, crashed
            elif index == first:
                yield warm
            else:
                yield lint_one(linting, name, configs.get(key))
    except BrokenProcessPool:
        raise WorkerFailed(
            "a worker process ended before it had linted its files (killed, or out of "
            "memory); run again with -j 1 to lint in one process"
        ) from None
    finally:
        # Ctrl-C, a crash or the end: nothing queued is started any more, and
        # the workers (which ignore SIGINT) leave once their chunk is done.
        pool.shutdown(wait=True, cancel_futures=True)


#: The worker's own lint run, made once by :func:`_start_worker`.
_run: LintRun | None = None
_configs: dict[str | None, Config | None] = {}
_lint_one: LintOne | None = None


def _start_worker(
    configs: dict[str | None, Config | None],
    today: datetime.date,
    settings: LintSettings,
    lint_one: LintOne,
) -> None:
    global _run, _configs, _lint_one
    from resumefmt.linter import LintRun
    from resumefmt.plugins import rule_registry

    # Ctrl-C reaches every process of the terminal's group: the parent alone
    # answers it (exit 130), so the workers print no traceback of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _run = LintRun(rule_registry(), today=today, settings=settings)
    _configs = configs
    _lint_one = lint_one


def _lint_in_worker(task: tuple[str, str | None]) -> Sent:
    name, key = task
    assert _run is not None and _lint_one is not None, "the worker was not started"
    diagnostics, error, crashed = _lint_one(_run, name, _configs[key])
    rows = [
        (
            d.location.path,
            d.location.line,
            d.location.column,
            d.location.pointer,
            d.severity,
            d.code,
            d.name,
            d.message,
            d.fix,
        )
        for d in diagnostics
    ]
    return rows, error, crashed


def _diagnostic(row: Row) -> Diagnostic:
    path, line, column, pointer, severity, code, name, message, fix = row
    return Diagnostic(Location(path, line, column, pointer), severity, code, name, message, fix)
