"""``resumefmt convert`` and ``resumefmt import``: load, convert, write atomically."""

from __future__ import annotations

import sys

from resumefmt.converting import (
    ConvertOptions,
    check_output_path,
    convert,
    find_converter,
    write_output,
)
from resumefmt.loader import load
from resumefmt.plugins import converter_registry

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    import argparse


def run(args: argparse.Namespace) -> int:
    """Exit 0 when written; invalid input raises DocumentError (exit 1) before any write."""
    if args.output is not None:
        check_output_path(args.output, args.file)
    registry = converter_registry()
    if args.command == "convert":
        converter = find_converter(registry, args.to, "export")
        options = ConvertOptions(template_dir=args.template_dir, theme=args.theme)
        text = convert(load(args.file), converter, options)
    else:
        converter = find_converter(registry, args.source, "import")
        options = ConvertOptions()
        text = converter.render(load(args.file), options)
    write_output(text, args.output)
    for notice in options.notices:
        print(notice.format_text(), file=sys.stderr)
    return 0
