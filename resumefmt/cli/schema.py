"""``resumefmt schema``: the JSON Schema of a format version."""

from __future__ import annotations

import sys

from resumefmt.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

SUMMARY = "print the JSON Schema of the format"
DESCRIPTION = "Print the JSON Schema of the newest format version (or of --format-version)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format-version", metavar="VERSION", help="a format version, e.g. 1.0")


def run(args: argparse.Namespace) -> int:
    from resumefmt.schemas import KNOWN_VERSIONS, NEWEST, read_schema_text

    version = args.format_version or NEWEST
    if version not in KNOWN_VERSIONS:
        raise UsageError(f"unknown format version '{version}'; known: {', '.join(KNOWN_VERSIONS)}")
    sys.stdout.write(read_schema_text(version))
    return 0
