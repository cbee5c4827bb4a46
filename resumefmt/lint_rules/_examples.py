"""What the rule families share: YAML fragments for their examples, and field selection."""

from __future__ import annotations

import re

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    from resumefmt.rules import Context

_compiled: dict[str, re.Pattern[str]] = {}


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return f'"{escaped}"'


def bullets(*texts: str) -> str:
    """A work entry whose highlights are ``texts``."""
    items = "".join(f"      - {quoted(text)}\n" for text in texts)
    return (
        "work:\n"
        "  - organization: Example Corp\n"
        "    role: Engineer\n"
        '    start: "2020-01"\n'
        '    end: "2021-06"\n'
        f"    highlights:\n{items}"
    )


def field(key: str, text: str) -> str:
    """A publication whose ``key`` (``title`` or ``venue``) is ``text``."""
    other = "venue" if key == "title" else "title"
    return f"publications:\n  - {key}: {quoted(text)}\n    {other}: Example\n"


def pattern(source: str) -> re.Pattern[str]:
    """``source`` compiled on first use: a lint run compiles only what its document needs."""
    found = _compiled.get(source)
    if found is None:
        found = _compiled[source] = re.compile(source)
    return found


def select(context: Context, *selectors: str) -> list[tuple[str, str]]:
    """``(pointer, text)`` of each string a selector matches (:meth:`Context.strings`)."""
    return list(context.strings(*selectors))
