"""``resumefmt convert FILE --to FORMAT``: a valid résumé into another format."""

from __future__ import annotations

import sys

from resumefmt.cli._common import check_output_path, plural, write_output
from resumefmt.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

SUMMARY = "turn a résumé into another format"
DESCRIPTION = (
    "Convert FILE to FORMAT (jsonresume, latex, markdown). The input is validated first; "
    "an invalid one is refused (exit 1) and nothing is written."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", nargs="?", help="a résumé file, or - for stdin")
    parser.add_argument("--to", required=True, metavar="FORMAT", help="jsonresume, latex, markdown")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    parser.add_argument(
        "--template-dir", metavar="DIR", help="a folder of templates that replace the built-in ones"
    )
    parser.add_argument("--theme", metavar="NAME", help="a theme of the format (latex: classic)")
    parser.add_argument(
        "--copy-templates",
        metavar="DIR",
        help="copy the format's built-in templates into DIR to restyle them (no FILE)",
    )


def run(args: argparse.Namespace) -> int:
    """Exit 0 when written; invalid input raises DocumentError (exit 1) before any write."""
    from resumefmt.converting import ConvertOptions, convert, find_converter
    from resumefmt.loader import load
    from resumefmt.plugins import converter_registry

    if args.copy_templates is not None:
        return _copy_templates(args)
    if args.file is None:
        raise UsageError("give the résumé to convert: resumefmt convert FILE --to FORMAT")
    if args.output is not None:
        check_output_path(args.output, args.file)
    converter = find_converter(converter_registry(), args.to, "export")
    options = ConvertOptions(template_dir=args.template_dir, theme=args.theme)
    write_output(convert(load(args.file), converter, options), args.output)
    for notice in options.notices:
        print(notice.format_text(), file=sys.stderr)
    return 0


def _copy_templates(args: argparse.Namespace) -> int:
    import shlex

    from resumefmt.converting import copy_templates, find_converter
    from resumefmt.plugins import converter_registry

    if args.file is not None or args.output is not None:
        raise UsageError("--copy-templates only copies templates: leave out FILE and -o")
    if not args.copy_templates:
        raise UsageError("--copy-templates needs the folder to copy into")
    converter = find_converter(converter_registry(), args.to, "export")
    names = copy_templates(converter, args.copy_templates, args.theme)
    folder = shlex.quote(args.copy_templates)
    print(
        f"copied {plural(len(names), 'template')} to {folder}; restyle them, then: "
        f"resumefmt convert FILE --to {args.to} --template-dir {folder}",
        file=sys.stderr,
    )
    return 0
