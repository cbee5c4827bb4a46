"""``resumefmt lint FILE...``: validation plus every enabled rule."""

from __future__ import annotations

import os
import sys

from resumefmt.cli._common import (
    add_color_argument,
    add_files_argument,
    add_selection_arguments,
    check_stdin_once,
    expand_folders,
    plural,
)
from resumefmt.errors import DocumentError, InputError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    import datetime

    from resumefmt.config import Config
    from resumefmt.diagnostics import Diagnostic
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
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    add_selection_arguments(parser)
    add_color_argument(parser)


def run(args: argparse.Namespace) -> int:
    from resumefmt.diagnostics import sort_diagnostics
    from resumefmt.linter import LintRun
    from resumefmt.loader import load
    from resumefmt.plugins import rule_registry
    from resumefmt.rules import LintSettings

    check_stdin_once(args.files)
    files = expand_folders(args.files)
    registry = rule_registry()
    progress = _Progress() if args.online and args.format == "text" and _on_terminal() else None
    settings = LintSettings(
        online=args.online,
        allow_private_hosts=args.allow_private_hosts,
        cache_dir=None if args.no_cache else _cache_dir(),
        progress=progress,
    )
    linting = LintRun(registry, today=_today(args.today), settings=settings)
    configs: dict[str | None, Config | None] = {}
    found: list[Diagnostic] = []
    failing = unreadable = 0
    try:
        for name in files:
            try:
                if isinstance(name, InputError):  # a folder without résumés
                    raise name
                config = _config_for(name, args.config, registry, configs)
                diagnostics = linting.lint(
                    load(name), config, locale=args.locale, variant=args.variant
                )
            except DocumentError as exc:
                diagnostics = exc.diagnostics
            except InputError as exc:
                if progress is not None:
                    progress.clear()
                print(exc.format(), file=sys.stderr)
                unreadable += 1
                continue
            threshold = _RANK[args.fail_on or (config.fail_on if config else "error")]
            failing += sum(1 for d in diagnostics if _RANK[d.severity] >= threshold)
            found += diagnostics
    finally:
        if progress is not None:
            progress.clear()
    problems = [d for c in configs.values() if c is not None for d in c.problems]
    cannot_run = bool(unreadable or problems or linting.crashed)
    found = sort_diagnostics(problems + found)  # by path, line, column, as documented
    _report(found, args.format, registry, args.color)
    if not args.quiet and args.format == "text":
        print(_summary(found, len(files), unreadable), file=sys.stderr)
    if cannot_run:
        return 2
    return 1 if failing else 0


class _Progress:
    """``checking links: 12/40`` on one line of a terminal's standard error."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        sys.stderr.write(f"\r\x1b[Kchecking links: {done}/{total}")
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
    name: str, explicit: str | None, registry: Registry, cache: dict[str | None, Config | None]
) -> Config | None:
    from resumefmt.config import find_config_file, load_config

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
        path = find_config_file(name)
    if path not in cache:
        cache[path] = load_config(path, registry) if path else None
    return cache[path]


def _report(found: list[Diagnostic], output: str, registry: Registry, color: str) -> None:
    from resumefmt.cli import report

    if output == "text":
        text = report.as_text(found, color=report.color_wanted(color, sys.stdout))
    elif output == "json":
        text = report.as_json(found)
    elif output == "github":
        text = report.as_github(found)
    else:
        from resumefmt import codes

        rules = [registry.rules[code] for code in sorted(registry.rules)]
        text = report.as_sarif(found, rules, list(codes.ALL))
    sys.stdout.write(text)


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
