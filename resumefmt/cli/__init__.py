"""The ``resumefmt`` command line: one module per command, wired here.

Each command module has a one-line ``SUMMARY``, a ``DESCRIPTION`` for its
``--help``, ``add_arguments(parser)`` and ``run(args) -> int``. Only the
running command's module is imported. This package is the only place that
prints or chooses the exit code; everything below it returns values or raises
a :class:`~resumefmt.errors.ResumefmtError` that knows its exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from resumefmt import __version__
from resumefmt.errors import DocumentError, ResumefmtError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import ModuleType

#: Command name → the module of this package that implements it.
COMMANDS = {
    "validate": "validate",
    "lint": "lint",
    "rules": "rules",
    "rule": "rule",
    "convert": "convert",
    "themes": "themes",
    "import": "import_",
    "schema": "schema",
    "init": "init",
    "migrate": "migrate",
    "variants": "variants",
}


def command_module(name: str) -> ModuleType:
    """The module that implements command ``name``."""
    return importlib.import_module(f"resumefmt.cli.{COMMANDS[name]}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's (a hook runs this per commit)."""
    parser = argparse.ArgumentParser(
        prog="resumefmt",
        description="Check a résumé kept as YAML or JSON, and turn it into documents.",
    )
    parser.add_argument("--version", action="version", version=f"resumefmt {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        if only is None or name == only:
            module = command_module(name)
            sub = commands.add_parser(name, help=module.SUMMARY, description=module.DESCRIPTION)
            module.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from resumefmt.cli._common import checked_stdout

    arguments = list(sys.argv[1:] if argv is None else argv)
    command = arguments[0] if arguments and arguments[0] in COMMANDS else None
    args = build_parser(command).parse_args(arguments)
    restore = checked_stdout()
    try:
        code = _run(args)
        try:  # what is still buffered: an error here must not end in exit 0
            sys.stdout.flush()
        except OSError as exc:
            code = _output_failed(exc)
        return code
    finally:
        restore()


def _run(args: argparse.Namespace) -> int:
    try:
        result: int = command_module(args.command).run(args)
        return result
    except DocumentError as exc:  # convert, import: one line per problem, on stderr
        for diagnostic in exc.diagnostics:  # (stdout is where the converted document goes)
            print(diagnostic.format_text(), file=sys.stderr)
        return exc.exit_code
    except ResumefmtError as exc:
        print(exc.format(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # writing the output failed (a full disk, a closed stream)
        return _output_failed(exc)
    except MemoryError:
        print("resumefmt: out of memory: the input is too large for this machine", file=sys.stderr)
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


def _output_failed(exc: OSError) -> int:
    if isinstance(exc, BrokenPipeError):  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    print(f"resumefmt: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
    return 2
