"""``resumefmt migrate FILE...``: a document moved to the newest format version, in place."""

from __future__ import annotations

import os
import sys

from resumefmt._text import visible
from resumefmt.cli._common import (
    add_files_argument,
    check_output_path,
    check_stdin_once,
    expand_folders,
    write_output,
)
from resumefmt.errors import DocumentError, InputError, ResumefmtError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import TextIO

    from resumefmt.diagnostics import Diagnostic
    from resumefmt.loader import Document
    from resumefmt.migrations import Step

SUMMARY = "move résumés to the newest format version, keeping comments and layout"
DESCRIPTION = (
    "Rewrite each FILE in the newest format version, editing only the text that must "
    "change (the version, the schema the editor modeline names), so comments, quoting, "
    "order and layout stay. A file with errors is refused and left as it is, unless "
    "moving it to the newest version is what makes it valid. Exit 0: done, or nothing to "
    "do; 1: --check found a file to migrate, or a file is invalid; 2: cannot run."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files_argument(parser)
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the files that would change and exit 1 if there are any",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only problems and what --check finds"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the result to OUT instead of in place (one FILE only; - for stdout)",
    )


def run(args: argparse.Namespace) -> int:
    check_stdin_once(args.files)
    files = expand_folders(args.files)
    if args.output is not None:
        if len(files) != 1 or len(args.files) != 1:
            raise UsageError("-o needs exactly one FILE: without -o each file is migrated in place")
        if isinstance(files[0], str):
            check_output_path(args.output, files[0])
    exit_code = 0
    for name in files:
        # Where the document goes, findings must not: they go to stderr then, as convert's do.
        piped = args.output == "-" or (name == "-" and args.output is None and not args.check)
        out = sys.stderr if piped else sys.stdout
        try:
            if isinstance(name, InputError):  # a folder without résumés
                raise name
            code = _migrate(name, args.output, check=args.check, out=out, quiet=args.quiet)
        except DocumentError as exc:  # it does not read: printed as validate prints it
            _print_findings(exc.diagnostics, out)
            code = 1
        except ResumefmtError as exc:
            print(exc.format(), file=sys.stderr)
            code = exc.exit_code
        exit_code = max(exit_code, code)
    return exit_code


def _migrate(name: str, output: str | None, *, check: bool, out: TextIO, quiet: bool) -> int:
    from resumefmt.loader import load
    from resumefmt.migrations import steps_from
    from resumefmt.schemas import NEWEST
    from resumefmt.versions import check_version

    document = load(name)
    shown = visible(name)
    version = check_version(document)
    declared = document.data.get("resumefmt") if isinstance(document.data, dict) else None
    errors = [d for d in version.diagnostics if d.severity == "error"]
    if errors:  # no version, not a version, one this release does not read
        _print_findings(list(version.diagnostics), out)
        return 1
    if declared == NEWEST:
        if not quiet:
            print(f"{shown}: already in format {NEWEST}, nothing to do", file=sys.stderr)
        if output is not None or name == "-":  # a filter always passes its input on
            write_output(document.text, output)
        return 0
    steps = steps_from(str(declared))
    if not steps:  # a newer minor version than this release knows
        raise UsageError(
            f"{shown} is in format {declared}, newer than {NEWEST}, the newest this release "
            "of resumefmt knows: upgrade resumefmt to migrate it"
        )
    text = _migrated(document, steps, out)
    if text is None:
        return 1
    target = steps[-1].target
    if check:
        print(f"{shown}: would migrate {declared} → {target}")
        return 1
    in_place = output is None and name != "-"
    if in_place and not os.path.isfile(name):
        raise UsageError(
            f"'{shown}' is not a regular file, so it cannot be rewritten in place: give -o OUT"
        )
    write_output(text, output if output is not None else (None if name == "-" else name))
    if not quiet:
        print(f"{shown}: migrated {declared} → {target}", file=sys.stderr)
    if in_place and document.syntax == "yaml":
        _write_local_schema(name, text, steps)
    return 0


def _migrated(document: Document, steps: list[Step], out: TextIO) -> str | None:
    """The migrated text, or None (findings printed) when the document is refused.

    A document with errors is refused unless the newest version is what makes
    it valid (a 1.0 file that uses ``volunteer``, new in 1.1: its error message
    says to migrate it). A valid document that would migrate to an invalid one
    is a bug in a step: nothing is written.
    """
    from resumefmt.diagnostics import has_errors
    from resumefmt.loader import load_text
    from resumefmt.migrations import MigrationFailed, migrate_text
    from resumefmt.validation import validate

    before = validate(document)
    try:
        text = migrate_text(document, steps)
        after = validate(load_text(text, document.path, document.syntax))
    except (MigrationFailed, DocumentError) as exc:
        if has_errors(before):
            _print_findings(before, out)
            return None
        raise _Bug(document.path, str(exc)) from None
    if has_errors(after):
        if has_errors(before):
            _print_findings(before, out)
            return None
        raise _Bug(document.path, "; ".join(d.message for d in after))
    return text


class _Bug(ResumefmtError):
    exit_code = 3

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"internal error: migrating '{visible(path)}' gave a document that is not "
            f"what the migration declares ({visible(detail)}); nothing was written. This is a "
            "bug in resumefmt, not in your file; please report it"
        )


def _write_local_schema(name: str, text: str, steps: list[Step]) -> None:
    """Put the new version's schema beside the old copy the modeline named, if it is not there.

    ``resumefmt init`` writes the schema beside the résumé and points the
    modeline at it, so that editors work offline. Moving the modeline to the
    new version's file would leave the editor with nothing to load, so that
    file is written too, but only where the old one is a copy resumefmt shipped
    (not the user's own schema) and nothing of that name exists yet.
    """
    from pathlib import Path

    from resumefmt._atomic import write_atomic
    from resumefmt.migrations import modelines
    from resumefmt.schemas import read_schema_text, schema_filename

    source, target = steps[0].source, steps[-1].target
    folder = Path(name).parent
    for _start, _end, reference in modelines(text):
        if "://" in reference or reference.startswith("file:"):
            continue
        new = folder / reference
        if new.name != schema_filename(target):
            continue
        old = new.with_name(schema_filename(source))
        try:
            if old.read_text(encoding="utf-8") != read_schema_text(source):
                continue  # not a copy of ours: the user keeps their own schema
            present = new.read_text(encoding="utf-8") if new.exists() else None
        except (OSError, UnicodeDecodeError):
            continue
        shown = visible(str(new))
        if present is None:
            write_atomic(new, read_schema_text(target), replace=False)
            print(f"wrote {shown}, the schema the modeline now names", file=sys.stderr)
        elif present != read_schema_text(target):
            print(
                f"resumefmt: left {shown} as it is: it is not the format {target} schema this "
                "release ships (`resumefmt schema > FILE` writes that one)",
                file=sys.stderr,
            )


def _print_findings(diagnostics: list[Diagnostic], out: TextIO) -> None:
    """As ``validate`` prints them: one line each."""
    from resumefmt.cli.report import as_text, color_wanted
    from resumefmt.diagnostics import sort_diagnostics

    out.write(as_text(sort_diagnostics(diagnostics), color=color_wanted("auto", out)))
