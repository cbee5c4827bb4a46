"""``resumefmt init NAME``: a starter résumé with the editor modeline; never overwrites."""

from __future__ import annotations

import sys

from resumefmt._text import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from pathlib import Path

SUMMARY = "write a starter résumé"
DESCRIPTION = (
    "Write NAME.resumefmt.yaml, a starter résumé with the editor modeline "
    "(cv and cv.yaml both give cv.resumefmt.yaml), and beside it the format's JSON Schema "
    "(resumefmt-VERSION.schema.json) that the modeline points at, so that editors check the "
    "file without a network. An existing file is never overwritten."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "name", metavar="NAME", help="file to create (.resumefmt.yaml is added where missing)"
    )
    parser.add_argument("--name", dest="person", metavar="TEXT", help="your name, for basics.name")
    parser.add_argument(
        "--schema",
        metavar="URL_OR_PATH",
        help="where the modeline points instead (a URL, or a path relative to the résumé); "
        "then no schema file is written",
    )


def run(args: argparse.Namespace) -> int:
    import shlex

    from resumefmt._atomic import write_atomic
    from resumefmt.errors import UsageError
    from resumefmt.starter import starter_text, target_path

    if args.person is not None and not args.person.strip():
        raise UsageError("--name is empty: give your name, or leave --name out for a placeholder")
    path = target_path(args.name)
    text = starter_text(path.name, schema=args.schema, name=args.person)
    write_atomic(path, text, replace=False)
    # Quoted for the shell, so that the command can be pasted as it is printed.
    shown = visible(shlex.quote(f"./{path}" if str(path).startswith("-") else str(path)))
    print(f"wrote {shown}; check it with: resumefmt validate {shown}", file=sys.stderr)
    if args.schema is None:
        _write_schema(path.parent)
    return 0


def _write_schema(folder: Path) -> None:
    """The newest schema beside the résumé, where the modeline points; never over another file.

    Written once: a file of that name with the same text is what is wanted
    (several résumés in one folder share it); a different one is left as it
    is, and said.
    """
    from resumefmt._atomic import write_atomic
    from resumefmt.errors import OutputError
    from resumefmt.schemas import NEWEST, read_schema_text, schema_filename

    schema = folder / schema_filename(NEWEST)
    shown = visible(str(schema))
    text = read_schema_text(NEWEST)
    try:
        write_atomic(schema, text, replace=False)
    except OutputError:
        try:
            same = schema.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            print(
                f"resumefmt: left {shown} as it is: it is not the format {NEWEST} schema, so "
                f"editors check the résumé against it; `resumefmt schema > {_quoted(schema)}` "
                "replaces it",
                file=sys.stderr,
            )
        return
    print(f"wrote {shown}, the schema the modeline names, for editors", file=sys.stderr)


def _quoted(path: Path) -> str:
    import shlex

    return visible(shlex.quote(str(path)))
