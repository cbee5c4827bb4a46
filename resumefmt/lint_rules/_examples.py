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
    """``(pointer, text)`` of each string a selector matches: :meth:`Context.strings`, cheaper.

    The same strings in the same order, selected once per document. Pointers of
    one shape (``/work/#/highlights/#``, indexes as ``#``) are matched once for
    all: matching every pointer against every selector took each lint run some
    4 ms. Selectors name keys that are not numbers and hold no ``/`` or ``~``.
    """
    found: list[tuple[str, str]] = context.memo(
        "select:" + "|".join(selectors), lambda: _select(context, selectors)
    )
    return found


def _select(context: Context, selectors: tuple[str, ...]) -> list[tuple[str, str]]:
    shaped = context.memo("select:shapes", lambda: _shapes(context))
    by_length: dict[int, list[tuple[str, ...]]] = {}  # selectors without **, by length
    deep = []  # those with **
    for selector in selectors:
        tokens = tuple(selector.strip("/").split("/"))
        if "**" in tokens:
            deep.append(tokens)
        else:
            by_length.setdefault(len(tokens), []).append(tokens)
    verdicts: dict[tuple[str, ...], bool] = {}
    found = []
    for pointer, text, shape in shaped:
        chosen = verdicts.get(shape)
        if chosen is None:
            chosen = verdicts[shape] = any(
                _matches(p, shape) for p in by_length.get(len(shape), ())
            ) or any(_matches(p, shape) for p in deep)
        if chosen:
            found.append((pointer, text))
    return found


def _shapes(context: Context) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every string with its pointer's tokens, indexes written ``#``."""
    return [
        (pointer, text, tuple("#" if t.isdigit() else t for t in pointer.split("/")[1:]))
        for pointer, text in context.strings("**")
    ]


def _matches(pattern: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Whether ``tokens`` match a selector (``*`` one token, ``**`` any number)."""
    if "**" in pattern:
        at = pattern.index("**")
        rest = pattern[at + 1 :]
        return (
            len(tokens) >= at
            and _matches(pattern[:at], tokens[:at])
            and any(_matches(rest, tokens[i:]) for i in range(at, len(tokens) + 1))
        )
    return len(pattern) == len(tokens) and all(
        p == "*" or p == t for p, t in zip(pattern, tokens, strict=True)
    )
