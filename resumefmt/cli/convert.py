"""``resumefmt convert FILE --to FORMAT``: a valid résumé into another format."""

from __future__ import annotations

import sys

from resumefmt.cli._common import check_output_path, write_output

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

SUMMARY = "turn a résumé into another format"
DESCRIPTION = (
    "Convert FILE to FORMAT (jsonresume, latex, markdown). The input is validated first; "
    "an invalid one is refused (exit 1) and nothing is written."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a résumé file, or - for stdin")
    parser.add_argument("--to", required=True, metavar="FORMAT", help="jsonresume, latex, markdown")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    parser.add_argument(
        "--template-dir", metavar="DIR", help="a folder of templates that replace the built-in ones"
    )
    parser.add_argument("--theme", metavar="NAME", help="a theme of the format (latex: classic)")


def run(args: argparse.Namespace) -> int:
    """Exit 0 when written; invalid input raises DocumentError (exit 1) before any write."""
    from resumefmt.converting import ConvertOptions, convert, find_converter
    from resumefmt.loader import load
    from resumefmt.plugins import converter_registry

    if args.output is not None:
        check_output_path(args.output, args.file)
    converter = find_converter(converter_registry(), args.to, "export")
    options = ConvertOptions(template_dir=args.template_dir, theme=args.theme)
    write_output(convert(load(args.file), converter, options), args.output)
    for notice in options.notices:
        print(notice.format_text(), file=sys.stderr)
    return 0
