"""``resumefmt themes``: the themes of each converter that has them."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from resumefmt.plugins import Theme

SUMMARY = "list the themes of each format"
DESCRIPTION = (
    "List the themes --theme may name, per format (the first is the default), built-in and "
    "from installed plugins."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    from resumefmt.plugins import converter_registry

    registry = converter_registry()
    # Formats that offer the same themes (pdf, png, typst) are listed together.
    groups: dict[tuple[str, ...], list[str]] = {}
    for name in sorted(registry.converters):
        themes = registry.converters[name].themes
        if themes:
            groups.setdefault(themes, []).append(name)
    if args.format == "json":
        import json

        listed = [
            {
                "formats": formats,
                "themes": [
                    {
                        "name": theme,
                        "default": index == 0,
                        "summary": _summary(registry.themes, formats, theme),
                    }
                    for index, theme in enumerate(themes)
                ],
            }
            for themes, formats in groups.items()
        ]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    for themes, formats in groups.items():
        print(", ".join(formats) + ":")
        width = max(len(theme) for theme in themes)
        for index, theme in enumerate(themes):
            summary = _summary(registry.themes, formats, theme)
            default = " (default)" if index == 0 else ""
            print(f"  {theme:<{width}}  {summary}{default}".rstrip())
    return 0


def _summary(table: dict[str, dict[str, Theme]], formats: list[str], theme: str) -> str:
    for name in formats:
        found = table.get(name, {}).get(theme)
        if found is not None:
            return found.summary
    return ""
