"""The ``resumefmt`` command: parses arguments and wires the layers together."""

from __future__ import annotations

import argparse
import os
import sys

from resumefmt import __version__
from resumefmt.errors import DocumentError, ResumefmtError, UsageError

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from resumefmt.diagnostics import Diagnostic


def _add_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="a résumé file, or - for stdin")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="how to print problems"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")


def _add_schema(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format-version", metavar="VERSION", help="a format version, e.g. 1.0")


def _add_init(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="file to create (.resumefmt.yaml is added)")
    parser.add_argument("--name", dest="person", metavar="TEXT", help="your name, for basics.name")
    parser.add_argument(
        "--schema",
        metavar="URL_OR_PATH",
        help="where the modeline points (default: the published schema URL)",
    )


def _add_lint(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="a résumé file, or - for stdin")
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


def _add_rule(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", metavar="CODE", help="a rule code (RF101) or name")


def _add_rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _add_convert(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a résumé file, or - for stdin")
    parser.add_argument("--to", required=True, metavar="FORMAT", help="jsonresume, latex, markdown")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    parser.add_argument(
        "--template-dir", metavar="DIR", help="a folder of templates that replace the built-in ones"
    )
    parser.add_argument("--theme", metavar="NAME", help="a theme of the format (latex: classic)")


def _add_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a file in another format, or - for stdin")
    parser.add_argument("--from", dest="source", required=True, metavar="FORMAT", help="jsonresume")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")


#: name → (one-line help, description, how to add its arguments)
COMMANDS: dict[str, tuple[str, str, Callable[[argparse.ArgumentParser], None]]] = {
    "validate": (
        "check files against the schema of their format version",
        "Check each FILE against the schema of the format version it declares. "
        "Exit 0: all valid; 1: problems found; 2: a file could not be read.",
        _add_validate,
    ),
    "lint": (
        "validate, then apply every enabled lint rule",
        "Validate each FILE and apply the enabled lint rules. Exit 0: nothing at or above "
        "the failing severity; 1: findings; 2: cannot run (unreadable file, bad configuration, "
        "a rule that crashed).",
        _add_lint,
    ),
    "rules": ("list the lint rules", "List every lint rule: code, name, severity.", _add_rules),
    "rule": ("explain one lint rule", "Explain one lint rule, with examples.", _add_rule),
    "convert": (
        "turn a résumé into another format",
        "Convert FILE to FORMAT (jsonresume, latex, markdown). The input is validated first; "
        "an invalid one is refused (exit 1) and nothing is written.",
        _add_convert,
    ),
    "import": (
        "turn a file in another format into a résumé",
        "Read FILE in another format (jsonresume) and write a résumé in the resumefmt format "
        "as YAML. What has no place in the format is kept under x- keys and reported.",
        _add_import,
    ),
    "schema": (
        "print the JSON Schema of the format",
        "Print the JSON Schema of the newest format version (or of --format-version).",
        _add_schema,
    ),
    "init": (
        "write a starter résumé",
        "Write NAME.resumefmt.yaml, a starter résumé with the editor modeline. "
        "An existing file is never overwritten.",
        _add_init,
    ),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's (a hook runs this per commit)."""
    parser = argparse.ArgumentParser(
        prog="resumefmt",
        description="Check a résumé kept as YAML or JSON, and turn it into documents.",
    )
    parser.add_argument("--version", action="version", version=f"resumefmt {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (summary, description, add_arguments) in COMMANDS.items():
        if only is None or name == only:
            add_arguments(commands.add_parser(name, help=summary, description=description))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = arguments[0] if arguments and arguments[0] in COMMANDS else None
    args = build_parser(command).parse_args(arguments)
    try:
        return _run(args)
    except DocumentError as exc:  # convert, import: one line per problem, on stderr
        for diagnostic in exc.diagnostics:  # (stdout is where the converted document goes)
            print(diagnostic.format_text(), file=sys.stderr)
        return exc.exit_code
    except ResumefmtError as exc:
        print(exc.format(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # writing the output failed (a full disk, a closed stream)
        print(f"resumefmt: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception:
        import traceback

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
    if args.command in ("lint", "rules", "rule"):
        from resumefmt import cli_lint

        return cli_lint.run(args)
    if args.command in ("convert", "import"):
        from resumefmt import cli_convert

        return cli_convert.run(args)
    if args.command == "schema":
        from resumefmt.schemas import KNOWN_VERSIONS, NEWEST, read_schema_text

        version = args.format_version or NEWEST
        if version not in KNOWN_VERSIONS:
            known = ", ".join(KNOWN_VERSIONS)
            raise UsageError(f"unknown format version '{version}'; known: {known}")
        sys.stdout.write(read_schema_text(version))
        return 0
    from resumefmt.starter import init

    path = init(args.name, schema=args.schema, person=args.person)
    print(f"wrote {path}; check it with: resumefmt validate {path}", file=sys.stderr)
    return 0


def _validate(files: list[str], output: str, quiet: bool) -> int:
    if files.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    from resumefmt.diagnostics import has_errors
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
    if not quiet and (len(files) > 1 or exit_code == 0):
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
