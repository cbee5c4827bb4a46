"""The ``resumefmt`` command: parses arguments and wires the layers together."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from resumefmt import __version__
from resumefmt.errors import DocumentError, ResumefmtError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resumefmt",
        description="Check a résumé kept as YAML or JSON, and turn it into documents.",
    )
    parser.add_argument("--version", action="version", version=f"resumefmt {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser(
        "validate",
        help="check files against the schema of their format version",
        description="Check each FILE against the schema of the format version it declares. "
        "Exit 0: all valid; 1: problems found; 2: a file could not be read.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="a résumé file, or - for stdin")
    validate.add_argument(
        "--format", choices=("text", "json"), default="text", help="how to print problems"
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="print problems only")

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the format",
        description="Print the JSON Schema of the newest format version (or of --format-version).",
    )
    schema.add_argument("--format-version", metavar="VERSION", help="a format version, e.g. 1.0")

    init = commands.add_parser(
        "init",
        help="write a starter résumé",
        description="Write NAME.resumefmt.yaml, a starter résumé with the editor modeline. "
        "An existing file is never overwritten.",
    )
    init.add_argument("name", metavar="NAME", help="file to create (.resumefmt.yaml is added)")
    init.add_argument("--name", dest="person", metavar="TEXT", help="your name, for basics.name")
    init.add_argument(
        "--schema",
        metavar="URL_OR_PATH",
        help="where the modeline points (default: the published schema URL)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ResumefmtError as exc:
        print(exc.format(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception:
        traceback.print_exc()
        print(
            "resumefmt: this is a bug in resumefmt, not in your file; please report it "
            "with the lines above",
            file=sys.stderr,
        )
        return 3


def _run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        return _validate(args.files, args.format, args.quiet)
    if args.command == "schema":
        from resumefmt.schemas import KNOWN_VERSIONS, NEWEST, read_schema_text

        version = args.format_version or NEWEST
        if version not in KNOWN_VERSIONS:
            raise _usage(f"unknown format version '{version}'; known: {', '.join(KNOWN_VERSIONS)}")
        sys.stdout.write(read_schema_text(version))
        return 0
    from resumefmt.starter import init

    path = init(args.name, schema=args.schema, person=args.person)
    print(f"wrote {path}; check it with: resumefmt validate {path}", file=sys.stderr)
    return 0


def _usage(message: str) -> ResumefmtError:
    from resumefmt.errors import UsageError

    return UsageError(message)


def _validate(files: list[str], output: str, quiet: bool) -> int:
    from resumefmt.diagnostics import Diagnostic, has_errors
    from resumefmt.loader import load
    from resumefmt.validation import validate

    exit_code = 0
    found: list[Diagnostic] = []
    invalid = unreadable = 0
    for name in files:
        try:
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
        if output == "text":
            for diagnostic in diagnostics:
                print(diagnostic.format_text())
    if output == "json":
        import json

        print(json.dumps([d.as_dict() for d in found], ensure_ascii=False, indent=2))
    if not quiet:
        errors = sum(1 for d in found if d.severity == "error")
        print(_summary(len(files), invalid, unreadable, errors), file=sys.stderr)
    return exit_code


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(total: int, invalid: int, unreadable: int, errors: int) -> str:
    """``3 files: 1 valid, 1 invalid (2 errors), 1 unreadable``."""
    valid = total - invalid - unreadable
    if valid == total:
        return f"{_plural(total, 'file')} valid"
    parts = [f"{valid} valid"] if valid else []
    if invalid:
        parts.append(f"{invalid} invalid ({_plural(errors, 'error')})")
    if unreadable:
        parts.append(f"{unreadable} unreadable")
    return f"{_plural(total, 'file')}: {', '.join(parts)}"
