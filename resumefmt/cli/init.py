"""``resumefmt init NAME``: a starter résumé with the editor modeline; never overwrites."""

from __future__ import annotations

import sys

from resumefmt._text import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

SUMMARY = "write a starter résumé"
DESCRIPTION = (
    "Write NAME.resumefmt.yaml, a starter résumé with the editor modeline "
    "(cv and cv.yaml both give cv.resumefmt.yaml). An existing file is never overwritten."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "name", metavar="NAME", help="file to create (.resumefmt.yaml is added where missing)"
    )
    parser.add_argument("--name", dest="person", metavar="TEXT", help="your name, for basics.name")
    parser.add_argument(
        "--schema",
        metavar="URL_OR_PATH",
        help="where the modeline points (default: the published schema URL)",
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
    return 0
