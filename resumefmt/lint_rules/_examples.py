"""What the rule families share: YAML fragments for their examples, and field selection."""

from __future__ import annotations

import re

from resumefmt.rules import PROSE, Finding, Rule

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

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


def regex_rule(
    code: str,
    name: str,
    summary: str,
    *,
    regex: str,
    message: str | Callable[[re.Match[str]], str | None],
    fields: tuple[str, ...] = PROSE,
    hint: Callable[[str], bool] | None = None,
    subject: Callable[[Context, str], str] | None = None,
    doc: str | None = None,
    fails: tuple[str, ...] = (),
    passes: tuple[str, ...] = (),
) -> Rule:
    """:func:`resumefmt.rules.pattern_rule`, compiled on first use.

    ``hint(text)`` is a cheap test that every text the pattern can match passes:
    the others are not searched, and a document where none passes never
    compiles the pattern. ``subject(context, text)``, if given, is what the
    pattern reads instead of the text (same length: offsets are kept).
    """

    def check(context: Context) -> Iterator[Finding]:
        for ptr, text in select(context, *fields):
            if hint is not None and not hint(text):
                continue
            read = text if subject is None else subject(context, text)
            for match in pattern(regex).finditer(read):
                if callable(message):
                    said = message(match)
                else:
                    said = message.format(match.group(0), *match.groups(default=""))
                if said is not None:
                    yield Finding(ptr, said, match.start(), match.end())

    return Rule(
        code,
        name,
        summary,
        check=check,
        fails=fails,
        passes=passes,
        doc=doc if doc is not None else summary,
    )


def select(context: Context, *selectors: str) -> list[tuple[str, str]]:
    """``(pointer, text)`` of each string a selector matches (:meth:`Context.strings`)."""
    return list(context.strings(*selectors))
