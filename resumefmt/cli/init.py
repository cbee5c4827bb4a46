"""``resumefmt init NAME``: a starter résumé with the editor modeline; never overwrites."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

SUMMARY = "write a starter résumé"
DESCRIPTION = (
    "Write NAME.resumefmt.yaml, a starter résumé with the editor modeline. "
    "An existing file is never overwritten."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="file to create (.resumefmt.yaml is added)")
    parser.add_argument("--name", dest="person", metavar="TEXT", help="your name, for basics.name")
    parser.add_argument(
        "--schema",
        metavar="URL_OR_PATH",
        help="where the modeline points (default: the published schema URL)",
    )


def run(args: argparse.Namespace) -> int:
    from resumefmt._atomic import write_atomic
    from resumefmt.starter import starter_text, target_path

    path = target_path(args.name)
    text = starter_text(path.name, schema=args.schema, name=args.person)
    write_atomic(path, text, replace=False)
    print(f"wrote {path}; check it with: resumefmt validate {path}", file=sys.stderr)
    return 0
