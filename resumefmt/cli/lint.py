"""``resumefmt lint FILE...``: validation plus every enabled rule."""

from __future__ import annotations

import os
import sys

from resumefmt.cli._common import (
    add_color_argument,
    add_files_argument,
    check_stdin_once,
    expand_folders,
    plural,
)
from resumefmt.errors import DocumentError, InputError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    import datetime
    from collections.abc import Callable, Generator

    from resumefmt.config import Config
    from resumefmt.diagnostics import Diagnostic
    from resumefmt.linter import LintRun
    from resumefmt.plugins import Registry

SUMMARY = "validate, then apply every enabled lint rule"
DESCRIPTION = (
    "Validate each FILE and apply the enabled lint rules. Exit 0: nothing at or above "
    "the failing severity; 1: findings; 2: cannot run (unreadable file, bad configuration, "
    "a rule that crashed)."
)
_RANK = {"info": 0, "warning": 1, "error": 2}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files_argument(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github"),
        default="text",
        help="text (default), json, sarif (code scanning) or github (workflow annotations)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="the lowest severity that fails the run (default: error, or fail-on in the config)",
    )
    parser.add_argument("--config", metavar="FILE", help="use this configuration file")
    parser.add_argument("--online", action="store_true", help="also check that links answer")
    parser.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="let --online reach loopback, private and link-local addresses",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="--online: ignore the cache of good links"
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="judge dates as of this day (default: today)"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_job_count,
        metavar="N",
        help="lint in N processes (default: one per usable core when there are "
        f"{PARALLEL_FROM} files or more, else 1; -j 1 lints in this process)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    add_color_argument(parser)


def _job_count(text: str) -> int:
    import argparse

    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not '{text}'")
    return count


def run(args: argparse.Namespace) -> int:
    from resumefmt.diagnostics import sort_diagnostics
    from resumefmt.linter import LintRun
    from resumefmt.plugins import rule_registry
    from resumefmt.rules import LintSettings

    check_stdin_once(args.files)
    files = expand_folders(args.files)
    named = sum(1 for name in files if isinstance(name, str) and name != "-")
    jobs = choose_jobs(args.jobs, named, online=args.online)
    registry = rule_registry()
    shown = args.format == "text" and _on_terminal()
    progress = _Progress() if args.online and shown else None
    settings = LintSettings(
        online=args.online,
        allow_private_hosts=args.allow_private_hosts,
        cache_dir=None if args.no_cache else _cache_dir(),
        progress=progress,
    )
    linting = LintRun(registry, today=_today(args.today), settings=settings)
    # Decided once, here, for every file: which configuration applies to it.
    configs: dict[str | None, Config | None] = {}
    folders: dict[str, str | None] = {}
    chosen = [
        None if isinstance(n, InputError) else _config_for(n, args, registry, configs, folders)
        for n in files
    ]
    counter = None
    if shown and not args.quiet and progress is None and len(files) >= PARALLEL_FROM:
        counter = progress = _Progress("linting")
    found: list[Diagnostic] = []
    failing = unreadable = 0
    crashed = False
    outcomes: Generator[Outcome, None, None]
    if jobs > 1:
        from resumefmt.cli._batch import lint_in_parallel

        outcomes = lint_in_parallel(linting, files, chosen, configs, jobs, lint_one)
    else:
        pairs = zip(files, chosen, strict=True)
        outcomes = (lint_one(linting, name, configs.get(key)) for name, key in pairs)
    try:
        for done, (key, outcome) in enumerate(zip(chosen, outcomes, strict=True), 1):
            diagnostics, error, crashes = outcome
            crashed = crashed or bool(crashes)
            if counter is not None and (done % 50 == 0 or done == len(files)):
                counter(done, len(files))
            if error is not None:
                if progress is not None:
                    progress.clear()
                print(error, file=sys.stderr)
                unreadable += 1
                continue
            config = configs[key]
            threshold = _RANK[args.fail_on or (config.fail_on if config else "error")]
            failing += sum(1 for d in diagnostics if _RANK[d.severity] >= threshold)
            found += diagnostics
    finally:
        outcomes.close()  # the workers stop, whatever ended the loop
        if progress is not None:
            progress.clear()
    problems = [d for c in configs.values() if c is not None for d in c.problems]
    cannot_run = bool(unreadable or problems or crashed)
    found = sort_diagnostics(problems + found)  # by path, line, column, as documented
    _report(found, args.format, registry, args.color)
    if not args.quiet and args.format == "text":
        print(_summary(found, len(files), unreadable), file=sys.stderr)
    if cannot_run:
        return 2
    return 1 if failing else 0


#: What one file gives: its diagnostics, or the message saying why it could not be
#: read; and the codes of the rules that crashed on it.
Outcome = tuple[list["Diagnostic"], "str | None", list[str]]

#: From how many files on, ``lint`` uses every usable core by default. Starting
#: a worker costs about what linting a few files does (docs/decisions.md).
PARALLEL_FROM = 16


def choose_jobs(asked: int | None, files: int, *, online: bool = False) -> int:
    """How many processes lint ``files`` files: ``-j N``, else by their number.

    ``--online`` stays in one process: its checker already works in parallel
    and asks each address once per run, which separate processes could not share.
    """
    if online or files < 2:
        return 1
    if asked is not None:
        return min(asked, files)
    if files < PARALLEL_FROM:
        return 1
    return min(usable_cores(), files)


def usable_cores() -> int:
    """The cores this process may run on (its affinity), at least 1."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return int(count() or 1)
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def lint_one(linting: LintRun, name: str | InputError, config: Config | None) -> Outcome:
    """Load and lint one file (``-`` is standard input)."""
    from resumefmt.loader import load

    before = len(linting.crashed)
    try:
        if isinstance(name, InputError):  # a folder without résumés
            raise name
        diagnostics = linting.lint(load(name), config)
    except DocumentError as exc:
        diagnostics = exc.diagnostics
    except InputError as exc:
        return [], exc.format(), []
    return diagnostics, None, linting.crashed[before:]


class _Progress:
    """``checking links: 12/40`` on one line of a terminal's standard error."""

    def __init__(self, doing: str = "checking links") -> None:
        self.doing = doing
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        sys.stderr.write(f"\r\x1b[K{self.doing}: {done}/{total}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the line, so that what is printed next starts clean."""
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


def _on_terminal() -> bool:
    return sys.stderr is not None and sys.stderr.isatty()


def _config_for(
    name: str,
    args: argparse.Namespace,
    registry: Registry,
    cache: dict[str | None, Config | None],
    folders: dict[str, str | None],
) -> str | None:
    """The key in ``cache`` of the configuration ``name`` is linted under.

    Looked up once per folder (a batch holds many files of one folder), and
    each configuration file read once.
    """
    from resumefmt.config import find_config_file, load_config

    explicit = args.config
    if explicit is not None:
        if os.path.isdir(explicit):
            raise UsageError(
                f"configuration file '{explicit}' is a folder: give the path of a "
                ".resumefmt.toml or pyproject.toml"
            )
        if not os.path.exists(explicit):
            raise UsageError(f"configuration file '{explicit}' does not exist")
        path: str | None = explicit
    else:
        folder = os.path.dirname(name) if name != "-" else "-"
        if folder not in folders:
            folders[folder] = find_config_file(name)
        path = folders[folder]
    if path not in cache:
        cache[path] = load_config(path, registry) if path else None
    return path


def _report(found: list[Diagnostic], output: str, registry: Registry, color: str) -> None:
    from resumefmt.cli import report

    if output in ("text", "github"):  # a line each: any slice prints as its lines
        paint = report.color_wanted(color, sys.stdout)
        for start in range(0, len(found), _SLICE):
            part = found[start : start + _SLICE]
            sys.stdout.write(
                report.as_text(part, color=paint) if output == "text" else report.as_github(part)
            )
        return
    if output == "json":
        _write_in_slices(report.as_json, found)
        return
    from resumefmt import codes

    rules = [registry.rules[code] for code in sorted(registry.rules)]
    _write_in_slices(lambda part: report.as_sarif(part, rules, list(codes.ALL)), found)


#: Diagnostics formatted at a time. The whole report of a batch at once costs
#: ten times the memory of its findings (600 MB of SARIF for 67,000 findings).
_SLICE = 250


def _write_in_slices(render: Callable[[list[Diagnostic]], str], found: list[Diagnostic]) -> None:
    """Write ``render(found)``, a JSON document whose last array holds the findings, by slices.

    Each slice is rendered whole; its findings are cut out of that array and
    written between the head and the tail every rendering shares, so what is
    written is byte for byte ``render(found)``.
    """
    empty = render([])
    at = empty.rfind("[]")
    head, tail = empty[: at + 1], empty[at + 2 :]

    def items(part: list[Diagnostic]) -> tuple[str, str]:
        text = render(part)
        if at < 0 or not (text.startswith(head) and text.endswith(tail)):
            raise AssertionError("the report does not end with the array of its findings")
        # JSON strings hold no raw line break: the last line closes the array.
        inside, _, closing = text[len(head) : len(text) - len(tail)].rpartition("\n")
        return inside, closing

    if len(found) <= _SLICE:
        sys.stdout.write(render(found))
        return
    sys.stdout.write(head)
    for start in range(0, len(found), _SLICE):
        inside, closing = items(found[start : start + _SLICE])
        sys.stdout.write(inside if start == 0 else "," + inside)
    sys.stdout.write("\n" + closing + tail)


def _summary(found: list[Diagnostic], files: int, unreadable: int) -> str:
    """``2 files linted: 1 error, 0 warnings, 3 info``, and how many could not be read."""
    if unreadable == files:  # no count of findings, which would read as a clean result
        return f"{plural(files, 'file')} could not be read: nothing was linted"
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in found:
        counts[d.severity] += 1
    parts = ", ".join(f"{n} info" if s == "info" else plural(n, s) for s, n in counts.items())
    summary = f"{plural(files - unreadable, 'file')} linted: {parts}"
    return f"{summary}; {unreadable} could not be read" if unreadable else summary


def _today(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--today must be a date like 2026-01-31, not '{text}'") from None


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "resumefmt")
