"""``resumefmt validate FILE...``: schema validation only."""

from __future__ import annotations

import sys

from resumefmt.cli._common import (
    add_color_argument,
    add_files_argument,
    check_stdin_once,
    expand_folders,
    plural,
)
from resumefmt.errors import DocumentError, InputError, ResumefmtError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from resumefmt.diagnostics import Diagnostic

SUMMARY = "check files against the schema of their format version"
DESCRIPTION = (
    "Check each FILE against the schema of the format version it declares. "
    "Exit 0: all valid; 1: problems found; 2: a file could not be read."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files_argument(parser)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="how to print problems"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    add_color_argument(parser)


def run(args: argparse.Namespace) -> int:
    check_stdin_once(args.files)
    files = expand_folders(args.files)
    from resumefmt.diagnostics import has_errors
    from resumefmt.loader import load
    from resumefmt.validation import validate

    exit_code = 0
    found: list[Diagnostic] = []
    invalid = unreadable = 0
    for name in files:
        try:
            if isinstance(name, InputError):  # a folder without résumés
                raise name
            diagnostics = validate(load(name))
        except DocumentError as exc:
            diagnostics = exc.diagnostics
        except ResumefmtError as exc:
            print(exc.format(), file=sys.stderr)
            exit_code = max(exit_code, exc.exit_code)
            unreadable += 1
            continue
        if has_errors(diagnostics):
            invalid += 1
            exit_code = max(exit_code, 1)
        found += diagnostics
        if args.format == "text" and diagnostics:
            print(_text(diagnostics, args.color), end="")
    if args.format == "json":
        from resumefmt.cli.report import as_json

        sys.stdout.write(as_json(found))
    if not args.quiet and (len(files) > 1 or exit_code == 0):
        errors = sum(1 for d in found if d.severity == "error")
        print(_summary(len(files), invalid, unreadable, errors), file=sys.stderr)
    return exit_code


def _text(diagnostics: list[Diagnostic], color: str) -> str:
    """Problems as text lines, coloured as ``--color`` says (imported only when there are any)."""
    from resumefmt.cli.report import as_text, color_wanted

    return as_text(diagnostics, color=color_wanted(color, sys.stdout))


def _summary(total: int, invalid: int, unreadable: int, errors: int) -> str:
    """``3 files: 1 valid, 1 invalid (2 errors), 1 unreadable``."""
    valid = total - invalid - unreadable
    if valid == total:
        return f"{plural(total, 'file')} valid"
    parts = [f"{valid} valid"] if valid else []
    if invalid:
        parts.append(f"{invalid} invalid ({plural(errors, 'error')})")
    if unreadable:
        parts.append(f"{unreadable} unreadable")
    return f"{plural(total, 'file')}: {', '.join(parts)}"
