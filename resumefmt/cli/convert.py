"""``resumefmt convert FILE --to FORMAT``: a valid résumé into another format."""

from __future__ import annotations

import os
import sys

from resumefmt._text import visible
from resumefmt.cli._common import (
    RESUME_SUFFIXES,
    add_selection_arguments,
    check_output_path,
    plural,
    write_output,
)
from resumefmt.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from resumefmt.converters.typst import EngineOptions
    from resumefmt.converting import Converter
    from resumefmt.loader import Document

SUMMARY = "turn a résumé into another format"
DESCRIPTION = (
    "Convert FILE to FORMAT (jsonresume, latex, markdown, pdf, png, typst); without --to, "
    "the format is the one -o's extension names. The input is validated first; an invalid "
    "one is refused (exit 1) and nothing is written. pdf and png need -o."
)

#: The format an output's extension names, when --to is not given.
EXTENSIONS = {
    ".pdf": "pdf",
    ".png": "png",
    ".typ": "typst",
    ".tex": "latex",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "jsonresume",
}
#: In a PNG output name, where the page number goes (``cv-{p}.png``): every page is written.
PAGE = "{p}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", nargs="?", help="a résumé file, or - for stdin")
    parser.add_argument(
        "--to",
        metavar="FORMAT",
        help="jsonresume, latex, markdown, pdf, png, typst (default: from -o's extension)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    parser.add_argument(
        "--template-dir", metavar="DIR", help="a folder of templates that replace the built-in ones"
    )
    parser.add_argument(
        "--theme", metavar="NAME", help="a theme of the format (`resumefmt themes` lists them)"
    )
    parser.add_argument(
        "--copy-templates",
        metavar="DIR",
        help="copy the format's built-in templates into DIR to restyle them (no FILE)",
    )
    parser.add_argument(
        "--font-path",
        metavar="DIR",
        action="append",
        default=[],
        help="pdf, png: a folder of extra fonts (repeatable)",
    )
    parser.add_argument(
        "--pages",
        metavar="N",
        type=_positive,
        help="pdf, png: fit N pages by tightening spacing, then type down to 9.5 pt",
    )
    add_selection_arguments(parser)
    parser.add_argument(
        "--all-variants",
        action="store_true",
        help="build every variant, in each language it names, into the folder -o DIR "
        "as NAME-VARIANT-LOCALE.EXT",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="rebuild -o whenever FILE is saved, printing lint findings; Ctrl-C stops",
    )


def _positive(text: str) -> int:
    import argparse

    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of pages (1 or more)")
    return int(text)


def format_for(to: str | None, output: str | None) -> str:
    """``--to``, or the format ``-o``'s extension names; neither is a usage error."""
    if to is not None:
        return to
    if output is not None and output != "-":
        extension = os.path.splitext(output)[1].lower()
        if extension in EXTENSIONS:
            return EXTENSIONS[extension]
        raise UsageError(
            f"cannot tell the format from '{output}': give --to FORMAT, or an -o ending in "
            + ", ".join(EXTENSIONS)
        )
    raise UsageError("give --to FORMAT, or -o OUT with the format's extension (e.g. -o cv.pdf)")


def run(args: argparse.Namespace) -> int:
    """Exit 0 when written; invalid input raises DocumentError (exit 1) before any write."""
    from resumefmt.converters.typst import EngineOptions
    from resumefmt.converting import find_converter
    from resumefmt.plugins import converter_registry

    if args.copy_templates is not None:
        return _copy_templates(args)
    if args.file is None:
        raise UsageError("give the résumé to convert: resumefmt convert FILE --to FORMAT")
    if args.all_variants:
        _check_all_variants(args)
    target = format_for(args.to, None if args.all_variants else args.output)
    if args.output is not None and not args.all_variants:
        check_output_path(args.output, args.file)
        if PAGE in args.output:
            _check_page_names(args.output, args.file)
    converter = find_converter(converter_registry(), target, "export")
    binary = getattr(converter, "binary", False)
    if (
        binary
        and not args.all_variants
        and (args.output is None or (args.output == "-" and sys.stdout.isatty()))
    ):
        raise UsageError(f"{target} is binary: give -o FILE (e.g. -o cv.{target})")
    if args.watch and (args.output in (None, "-") or args.file == "-"):
        raise UsageError("--watch needs a FILE to watch and an -o FILE to rebuild")
    if (args.font_path or args.pages) and not binary:
        raise UsageError(f"--font-path and --pages apply to pdf and png, not {target}")
    if args.template_dir and hasattr(converter, "theme_table"):
        raise UsageError(
            f"--template-dir restyles latex and markdown; {target} takes a theme "
            "(--theme, and docs/themes.md on writing one)"
        )
    if args.font_path:
        from resumefmt.converters.typst._fonts import check_dirs

        check_dirs(args.font_path)
    options = EngineOptions(
        template_dir=args.template_dir,
        theme=args.theme,
        locale=args.locale,
        variant=args.variant,
        font_paths=args.font_path,
        pages=args.pages,
    )
    if args.watch:
        return _watch(args, converter, options)
    if args.all_variants:
        return _all_variants(args, converter, options)
    _convert(args.file, args.output, converter, options)
    return 0


def _check_all_variants(args: argparse.Namespace) -> None:
    if args.variant is not None or args.locale is not None or args.watch:
        raise UsageError(
            "--all-variants builds every variant in its languages: drop --variant, "
            "--locale and --watch"
        )
    if args.to is None or args.output in (None, "-"):
        raise UsageError("--all-variants needs --to FORMAT and -o DIR (a folder for the files)")
    if args.file == "-":
        raise UsageError("--all-variants needs a FILE, not standard input")


def _all_variants(args: argparse.Namespace, converter: Converter, options: EngineOptions) -> int:
    """Each variant in each of its locales into ``-o DIR``; the files written go to stdout."""
    from resumefmt.loader import load
    from resumefmt.selection import DEFAULT_LOCALE, variant_names
    from resumefmt.validation import require_valid

    document = load(args.file)
    data = document.data
    names = variant_names(data)
    if not names:
        raise UsageError(f"{visible(args.file)} names no variants (variants:): nothing to build")
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        raise UsageError(
            f"-o {visible(args.output)} is a file: --all-variants writes into a folder"
        )
    require_valid(document)  # before the folder is made: an invalid document writes nothing
    stem = os.path.basename(args.file)
    for suffix in (*RESUME_SUFFIXES, ".yaml", ".yml", ".json"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    extension = {v: k for k, v in reversed(EXTENSIONS.items())}[converter.name]
    page = f"-{PAGE}" if converter.name == "png" else ""
    builds: dict[tuple[str, str], str] = {}  # (variant, locale): the file; one build each
    for name in names:
        variant = data["variants"][name]
        locales = variant.get("locales") or [
            variant.get("locale") or data.get("locale", DEFAULT_LOCALE)
        ]
        for locale in locales:
            target = os.path.join(args.output, f"{stem}-{name}-{locale}{page}{extension}")
            builds[name, locale] = target
    _check_builds(builds, len(names))
    try:
        os.makedirs(args.output, exist_ok=True)
    except OSError as exc:  # a link to nowhere, a file on the way
        from resumefmt.errors import OutputError

        raise OutputError(
            f"cannot make the folder '{visible(args.output)}' for -o: {exc.strerror or exc}"
        ) from None
    for (name, locale), target in builds.items():
        options.variant, options.locale = name, locale
        _convert(args.file, target, converter, options, document)
        print(visible(target))
    return 0


#: The most files one --all-variants run writes: a person sends a few variants
#: in a few languages; thousands would take most of an hour.
MAX_BUILDS = 100


def _check_builds(builds: dict[tuple[str, str], str], variants: int) -> None:
    """Refuse too many files, or two builds one file name would hold (the first would be lost).

    Names are compared as a case-insensitive file system (macOS, Windows) compares them.
    """
    from resumefmt.errors import OutputError

    if len(builds) > MAX_BUILDS:
        raise UsageError(
            f"--all-variants would write {len(builds)} files ({variants} variants in their "
            f"languages); it writes at most {MAX_BUILDS}: build the ones you need with "
            "--variant NAME --locale TAG"
        )
    seen: dict[str, tuple[str, str]] = {}
    for (name, locale), target in builds.items():
        other = seen.setdefault(target.casefold(), (name, locale))
        if other != (name, locale):
            raise OutputError(
                f"variant '{name}' in {locale} and variant '{other[0]}' in {other[1]} would both "
                f"be written to {visible(target)}: rename one of them"
            )


def _convert(
    source: str,
    output: str | None,
    converter: Converter,
    options: EngineOptions,
    document: Document | None = None,
) -> None:
    """Load (unless given), convert, write; notices to stderr. Raises before any write."""
    from resumefmt.converting import convert
    from resumefmt.loader import load

    options.notices.clear()
    options.messages.clear()
    if document is None:
        document = load(source)
    build = getattr(converter, "build", None)
    if build is not None and getattr(converter, "binary", False):
        _write_pages(build(document, options), output or "-", converter.name)
    else:
        write_output(convert(document, converter, options), output)
    for notice in options.notices:
        print(notice.format_text(), file=sys.stderr)
    for message in options.messages:
        print(f"resumefmt: {visible(message)}", file=sys.stderr)


def _write_pages(pages: list[bytes], output: str, name: str) -> None:
    """A PDF (one item), or PNG pages: ``{p}`` in the name writes each, else the first."""
    if name == "png" and PAGE in output and output != "-":
        for target, page in zip(page_names(output, len(pages)), pages, strict=True):
            write_output(page, target)
        return
    write_output(pages[0], output)
    if len(pages) > 1 and name == "png":
        print(
            f"resumefmt: wrote page 1 of {len(pages)} to {visible(output)}; put {PAGE} in the "
            f"name (e.g. cv-{PAGE}.png) to write every page",
            file=sys.stderr,
        )


def _check_page_names(output: str, source: str) -> None:
    """Refuse page names (``cv-{p}.png``) that could name the input file."""
    import re

    from resumefmt.errors import OutputError

    pattern = re.escape(os.path.abspath(output)).replace(re.escape(PAGE), "[0-9]+")
    if source != "-" and re.fullmatch(pattern, os.path.abspath(source)):
        raise OutputError(
            f"refusing to write over the input '{visible(source)}': a page of "
            f"'{visible(output)}' has its name; choose another -o path"
        )


def page_names(output: str, count: int) -> list[str]:
    """The file names ``{p}`` in ``output`` stands for, pages 1 to ``count``."""
    width = len(str(count))
    return [output.replace(PAGE, f"{number:0{width}d}") for number in range(1, count + 1)]


def _watch(args: argparse.Namespace, converter: Converter, options: EngineOptions) -> int:
    """Rebuild on every save; a failed build keeps the last good output. Ctrl-C ends it (0)."""
    import time

    from resumefmt.errors import DocumentError, ResumefmtError

    seen: tuple[float, int] | None = None
    try:
        while True:
            try:
                stat = os.stat(args.file)
                now: tuple[float, int] | None = (stat.st_mtime, stat.st_size)
            except OSError:
                now = None
                if seen is not None:  # said once; an editor may save by delete and rename
                    print(
                        f"resumefmt: {visible(args.file)} is gone; waiting for it to come back",
                        file=sys.stderr,
                    )
                    sys.stderr.flush()
                    seen = None
            if now is not None and now != seen:
                seen = now
                _lint(args.file)
                try:
                    _convert(args.file, args.output, converter, options)
                    print(f"resumefmt: wrote {visible(args.output)}", file=sys.stderr)
                except DocumentError as exc:
                    for diagnostic in exc.diagnostics:
                        print(diagnostic.format_text(), file=sys.stderr)
                    print(f"resumefmt: kept the last {visible(args.output)}", file=sys.stderr)
                except ResumefmtError as exc:
                    print(exc.format(), file=sys.stderr)
                    print(f"resumefmt: kept the last {visible(args.output)}", file=sys.stderr)
                sys.stderr.flush()
            time.sleep(0.2)
    except KeyboardInterrupt:
        return 0


def _lint(source: str) -> None:
    """The lint findings of the file, one line each on stderr (the build goes on regardless)."""
    from resumefmt.config import find_config_file, load_config
    from resumefmt.errors import ResumefmtError
    from resumefmt.linter import LintRun
    from resumefmt.loader import load
    from resumefmt.plugins import rule_registry

    try:
        registry = rule_registry()
        path = find_config_file(source)
        config = load_config(path, registry) if path else None
        for diagnostic in LintRun(registry).lint(load(source), config):
            print(diagnostic.format_text(), file=sys.stderr)
    except ResumefmtError:
        return  # the build reports what is wrong with the file


def _copy_templates(args: argparse.Namespace) -> int:
    import shlex

    from resumefmt.converting import copy_templates, find_converter
    from resumefmt.plugins import converter_registry

    if args.file is not None or args.output is not None:
        raise UsageError("--copy-templates only copies templates: leave out FILE and -o")
    if not args.copy_templates:
        raise UsageError("--copy-templates needs the folder to copy into")
    if args.to is None:
        raise UsageError("--copy-templates needs --to latex or --to markdown")
    converter = find_converter(converter_registry(), args.to, "export")
    names = copy_templates(converter, args.copy_templates, args.theme)
    folder = visible(shlex.quote(args.copy_templates))
    print(
        f"copied {plural(len(names), 'template')} to {folder}; restyle them, then: "
        f"resumefmt convert FILE --to {args.to} --template-dir {folder}",
        file=sys.stderr,
    )
    return 0
