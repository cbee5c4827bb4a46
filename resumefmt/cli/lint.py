"""``resumefmt lint FILE...``: validation plus every enabled rule."""

from __future__ import annotations

import functools
import os
import sys

from resumefmt._text import visible
from resumefmt.cli._common import (
    add_color_argument,
    add_files_argument,
    add_selection_arguments,
    check_stdin_once,
    expand_folders,
    plural,
)
from resumefmt.errors import DocumentError, InputError, OutputError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    import datetime
    from collections.abc import Callable, Generator
    from typing import TextIO

    from resumefmt.config import Config
    from resumefmt.diagnostics import Diagnostic
    from resumefmt.linter import LintRun
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry

SUMMARY = "validate, then apply every enabled lint rule"
DESCRIPTION = (
    "Validate each FILE and apply the enabled lint rules. Exit 0: nothing at or above "
    "the failing severity; 1: findings; 2: cannot run (unreadable file, bad configuration, "
    "a rule that crashed). With --fix, the safe fixes are applied first and the exit "
    "code says what remains; with --diff, 1 means there is something to fix."
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
        "--fix",
        action="store_true",
        help="apply the safe fixes in place, then report what remains "
        "(with - the fixed text goes to standard output, the findings to standard error)",
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="print what --fix would change as a unified diff and write nothing "
        "(exit 1 when there is a change)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_job_count,
        metavar="N",
        help="lint in N processes (default: one per usable core when there are "
        f"{PARALLEL_FROM} files or more, else 1; -j 1 lints in this process; "
        "--fix and --online lint in one)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    add_selection_arguments(parser)
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
    if args.diff and args.format != "text":
        raise UsageError(f"--diff prints a unified diff: it cannot be --format {args.format}")
    fixing = args.fix or args.diff
    # lint --fix - prints the fixed text: the findings go to standard error beside it.
    report_to = sys.stderr if args.fix and not args.diff and "-" in args.files else sys.stdout
    files = expand_folders(args.files)
    named = sum(1 for name in files if isinstance(name, str) and name != "-")
    # --fix writes files as it goes: one process, one file after the other.
    jobs = 1 if fixing else choose_jobs(args.jobs, named, online=args.online)
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
    fixes = _Fixes(args.diff)
    # JSON and SARIF carry each finding's fix, placed in the file's text.
    one = functools.partial(
        lint_one, locale=args.locale, variant=args.variant, placed=args.format in ("json", "sarif")
    )
    outcomes: Generator[Outcome, None, None]
    pairs = zip(files, chosen, strict=True)
    if fixing:
        outcomes = (
            _fix_one(fixes, linting, name, configs.get(key), args.locale, args.variant)
            for name, key in pairs
        )
    elif jobs > 1:
        from resumefmt.cli._batch import lint_in_parallel

        outcomes = lint_in_parallel(linting, files, chosen, configs, jobs, one)
    else:
        outcomes = (one(linting, name, configs.get(key)) for name, key in pairs)
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
    if args.diff:  # the diff is the output; the exit code says whether there is one
        if not args.quiet:
            print(fixes.summary(), file=sys.stderr)
        return 2 if cannot_run or fixes.refused else 1 if fixes.changed else 0
    _report(found, args.format, registry, args.color, report_to)
    if not args.quiet and args.format == "text":
        summary = _summary(found, len(files), unreadable)
        if args.fix:
            summary = f"{fixes.summary()}; {summary}"
        print(summary, file=sys.stderr)
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


def lint_one(
    linting: LintRun,
    name: str | InputError,
    config: Config | None,
    *,
    locale: str | None = None,
    variant: str | None = None,
    placed: bool = False,
) -> Outcome:
    """Load and lint one file (``-`` is standard input) as ``variant`` in ``locale``.

    ``placed``: each fix is placed in the file's text (what JSON and SARIF print).
    """

    def lint(path: str) -> list[Diagnostic]:
        from resumefmt.loader import load

        document = load(path)
        diagnostics = linting.lint(document, config, locale=locale, variant=variant)
        if placed:
            from resumefmt.fixing import place

            diagnostics = place(document, diagnostics)
        return diagnostics

    return _outcome(linting, name, lint)


def _fix_one(
    fixes: _Fixes,
    linting: LintRun,
    name: str | InputError,
    config: Config | None,
    locale: str | None,
    variant: str | None,
) -> Outcome:
    """``--fix``/``--diff`` one file; what remains of its findings."""
    check = functools.partial(_lint, linting, config, locale, variant)
    return _outcome(linting, name, lambda path: fixes.fix(path, check))


def _outcome(
    linting: LintRun, name: str | InputError, work: Callable[[str], list[Diagnostic]]
) -> Outcome:
    """What ``work`` finds in one file, or why the file could not be read."""
    before = len(linting.crashed)
    try:
        if isinstance(name, InputError):  # a folder without résumés
            raise name
        diagnostics = work(name)
    except DocumentError as exc:  # never fixed: it does not load
        diagnostics = exc.diagnostics
    except InputError as exc:
        return [], exc.format(), []
    return diagnostics, None, linting.crashed[before:]


def _lint(
    linting: LintRun,
    config: Config | None,
    locale: str | None,
    variant: str | None,
    document: Document,
) -> list[Diagnostic]:
    return linting.lint(document, config, locale=locale, variant=variant)


class _Fixes:
    """``--fix`` and ``--diff`` over the files of one run: what was fixed, what could not be."""

    def __init__(self, diff: bool) -> None:
        self.diff = diff
        self.changed = 0  # files changed (or, with --diff, that would be)
        self.applied = 0  # findings fixed
        self.refused = 0  # files with fixes that could not be kept

    def fix(self, name: str, lint: Callable[[Document], list[Diagnostic]]) -> list[Diagnostic]:
        """Fix one file (``-``: print the fixed text); its findings that remain."""
        from resumefmt.cli._common import write_output
        from resumefmt.fixing import fix_document
        from resumefmt.loader import load_raw, read_bytes

        if name != "-" and not self.diff:  # --diff reads once and writes nothing: any file will do
            _check_rewritable(name)
        raw = read_bytes(name)
        try:
            document = load_raw(raw, name)
        except DocumentError:
            if name == "-" and not self.diff:  # a filter loses nothing: the input goes on as it was
                write_output(raw, "-")
            raise
        outcome = fix_document(document, lint)
        if outcome.refused:
            self.refused += 1
            print(f"{visible(name)}: {outcome.refused}", file=sys.stderr)
        if outcome.text != document.text:
            self.changed += 1
            self.applied += outcome.applied
        bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        if self.diff:
            sys.stdout.write(unified_diff(document.text, outcome.text, name))
        elif name == "-":  # a filter: the text goes on, fixed or not
            write_output(bom + outcome.text.encode("utf-8"), "-")
        elif outcome.text != document.text:
            self._write_back(name, raw, bom + outcome.text.encode("utf-8"))
        return outcome.remaining

    def _write_back(self, name: str, raw: bytes, fixed: bytes) -> None:
        from resumefmt.cli._common import write_output
        from resumefmt.loader import read_bytes

        if read_bytes(name) != raw:  # saved by someone else meanwhile: theirs wins
            raise OutputError(
                f"'{name}' changed while it was being fixed: nothing was written; run again"
            )
        write_output(fixed, name)

    def summary(self) -> str:
        verb = "would fix" if self.diff else "fixed"
        said = f"{verb} {plural(self.applied, 'finding')} in {plural(self.changed, 'file')}"
        if self.refused:
            said += f"; {plural(self.refused, 'file')} not fixed (see above)"
        return said


def _check_rewritable(name: str) -> None:
    """Refuse to fix what is not a regular file: a named pipe or a device is read once,
    and writing the fixed text back would feed it to whoever reads there (or wait for them)."""
    import stat

    try:
        mode = os.stat(name).st_mode
    except OSError:
        return  # reading it says why it cannot be read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"
    shown = visible(name)
    raise InputError(
        f"cannot fix '{shown}': it is {kind}, not a file; "
        f"'resumefmt lint --fix - < {shown}' prints the fixed text"
    )


def unified_diff(before: str, after: str, name: str) -> str:
    """What ``--diff`` prints for one file: a unified diff ``patch -p0`` applies; empty if same."""
    if before == after:
        return ""
    import difflib

    shown = visible(name)
    out = []
    for line in difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), shown, shown
    ):
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


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


def _report(
    found: list[Diagnostic], output: str, registry: Registry, color: str, stream: TextIO
) -> None:
    from resumefmt.cli import report

    if output in ("text", "github"):  # a line each: any slice prints as its lines
        paint = report.color_wanted(color, stream)
        for start in range(0, len(found), _SLICE):
            part = found[start : start + _SLICE]
            stream.write(
                report.as_text(part, color=paint) if output == "text" else report.as_github(part)
            )
        return
    if output == "json":
        _write_in_slices(report.as_json, found, stream)
        return
    from resumefmt import codes

    rules = [registry.rules[code] for code in sorted(registry.rules)]
    _write_in_slices(lambda part: report.as_sarif(part, rules, list(codes.ALL)), found, stream)


#: Diagnostics formatted at a time. The whole report of a batch at once costs
#: ten times the memory of its findings (600 MB of SARIF for 67,000 findings).
_SLICE = 250


def _write_in_slices(
    render: Callable[[list[Diagnostic]], str], found: list[Diagnostic], stream: TextIO
) -> None:
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
        stream.write(render(found))
        return
    stream.write(head)
    for start in range(0, len(found), _SLICE):
        inside, closing = items(found[start : start + _SLICE])
        stream.write(inside if start == 0 else "," + inside)
    stream.write("\n" + closing + tail)


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
