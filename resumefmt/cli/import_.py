"""``resumefmt import FILE --from FORMAT``: another format's document as a résumé (YAML)."""

from __future__ import annotations

import sys

from resumefmt.cli._common import check_output_path, write_output

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

SUMMARY = "turn a file in another format into a résumé"
DESCRIPTION = (
    "Read FILE in another format (jsonresume, or rendercv: RenderCV's YAML) and write a "
    "résumé in the resumefmt format as YAML. What has no place in the format is kept "
    "under x- keys and reported."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a file in another format, or - for stdin")
    parser.add_argument(
        "--from", dest="source", required=True, metavar="FORMAT", help="jsonresume or rendercv"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")


def run(args: argparse.Namespace) -> int:
    """Exit 0 when written; a file that cannot be imported raises DocumentError (exit 1)."""
    from resumefmt.converting import ConvertOptions, find_converter
    from resumefmt.loader import load
    from resumefmt.plugins import converter_registry

    if args.output is not None:
        check_output_path(args.output, args.file)
    converter = find_converter(converter_registry(), args.source, "import")
    options = ConvertOptions()
    document = load(args.file, folded_bullets=converter.folded_bullets)
    write_output(converter.render(document, options), args.output)
    for notice in options.notices:
        print(notice.format_text(), file=sys.stderr)
    return 0
