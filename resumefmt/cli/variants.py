"""``resumefmt variants FILE``: a document's variants and what each keeps."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

SUMMARY = "list a résumé's variants and what each keeps"
DESCRIPTION = (
    "List the variants FILE names (variants:), with the language each is built in and how "
    "many entries of each section it keeps; problems with a variant are reported as lint "
    "reports them."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a résumé file, or - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    """Exit 0 listed; 1 the document is invalid or a variant is broken; 2 cannot run."""
    from resumefmt.diagnostics import Diagnostic
    from resumefmt.loader import load
    from resumefmt.selection import (
        DEFAULT_LOCALE,
        kept_entries,
        variant_names,
        variant_problems,
    )
    from resumefmt.validation import require_valid

    document = load(args.file)
    require_valid(document)
    problems = [
        Diagnostic(document.locate(pointer), "error", *_rule_of(message), message)
        for pointer, message in variant_problems(document)
    ]
    data = document.data
    whole = kept_entries(data, {})
    listed = []
    for name in variant_names(data):
        variant = data["variants"][name]
        locales = variant.get("locales") or [
            variant.get("locale") or data.get("locale", DEFAULT_LOCALE)
        ]
        listed.append(
            {
                "name": name,
                "description": variant.get("description", ""),
                "locales": locales,
                "include": variant.get("include", []),
                "exclude": variant.get("exclude", []),
                "pages": variant.get("pages"),
                "sections": kept_entries(data, variant),
            }
        )
    if args.format == "json":
        import json

        print(json.dumps(listed, ensure_ascii=False, indent=2))
    elif not listed:
        locale = document.data.get("locale", DEFAULT_LOCALE)
        print(f"{args.file} names no variants: it is built whole, in {locale}")
    else:
        for item in listed:
            _print_variant(item, whole)
    for problem in problems:
        print(problem.format_text(), file=sys.stderr)
    return 1 if problems else 0


def _rule_of(message: str) -> tuple[str, str]:
    """The code and name of the lint rule that reports ``message`` (lint_rules/variants.py)."""
    if "keeps no entry" in message:
        return "RF186", "variants.selects-nothing"
    return "RF185", "variants.unknown-tag"


def _print_variant(item: dict[str, object], whole: dict[str, int]) -> None:
    from resumefmt._text import visible

    head = f"{item['name']}  ({', '.join(map(str, item['locales']))})"  # type: ignore[call-overload]
    if item["description"]:
        head += f"  {visible(str(item['description']))}"
    print(head)
    sections: dict[str, int] = item["sections"]  # type: ignore[assignment]
    kept = ", ".join(f"{k} {n}/{whole.get(k, n)}" for k, n in sections.items())
    print(f"  keeps: {kept or 'nothing'}")
    for key in ("include", "exclude"):
        if item[key]:
            print(f"  {key}: {', '.join(map(str, item[key]))}")  # type: ignore[call-overload]
    if item["pages"]:
        print(f"  pages: at most {item['pages']}")
