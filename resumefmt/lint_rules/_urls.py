"""Every web address in a document, with where it is written: shared by the link rules.

Two kinds of places hold addresses. *URL fields* are whole strings: any key
``url`` or ``repository`` (``basics.url``, ``basics.profiles[].url``,
``publications[].links[].url``, custom-section items' ``url``, …). *Rich text*
holds ``[label](target)``, ``<scheme:…>`` autolinks and bare ``http(s)://…``
addresses, found by a scanner that reads the markup as :mod:`resumefmt.richtext`
does (backslash escapes and code spans hide what they contain) but keeps
offsets into the string, so a finding points at the address itself.

Values under ``x-`` keys are the user's own and are skipped. ``email`` fields
are not addresses; the e-mail rule reads them. Nothing is deduplicated.
"""

from __future__ import annotations

import re

from resumefmt.model import PROSE
from resumefmt.richtext import ESCAPABLE

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.rules import Context

#: Whole-string URL fields, as :meth:`Context.strings` selectors.
URL_FIELDS = ("**/url", "**/repository")
#: Fields written in rich text (plus the headline, which prose rules read too).
RICH_TEXT = (*PROSE, "sections/*/items/*/title", "sections/*/items/*/subtitle")

# The same shapes richtext.parse accepts, so what is checked is what is rendered.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_LINK_TARGET = re.compile(r"\(([^\s()<>]+)\)")
_BARE = re.compile(r"https?://[^\s<>`\\]+", re.IGNORECASE)
# Where scan has something to look at; it jumps over everything else.
_NEXT = re.compile(r"[\\`\[<]|(?<![^\W_])[hH]")  # an h after no letter or digit
# Sentence punctuation and markup that end a bare address rather than belong to it.
_TRAILING = ".,;:!?'\"*_"


def iter_urls(context: Context) -> Iterator[tuple[str, str, int | None, int | None]]:
    """``(pointer, url, start, end)`` of every address; start/end are None for URL fields.

    In rich text, ``start``/``end`` are offsets of the address in the string.
    Link targets and autolinks are yielded whatever their scheme (``mailto:``,
    a target without one); a caller that fetches should skip those that are
    not ``http``/``https``. Computed once per document for all the link rules.
    """
    found: list[tuple[str, str, int | None, int | None]] = context.memo(
        "links.urls", lambda: list(_urls(context))
    )
    return iter(found)


def _urls(context: Context) -> Iterator[tuple[str, str, int | None, int | None]]:
    for pointer, text in context.strings(*URL_FIELDS):
        if "/x-" not in pointer:  # under an x- key: the user's own
            yield pointer, text, None, None
    for pointer, text in context.strings(*RICH_TEXT):
        if "/x-" not in pointer:
            for url, start, end in scan(text):
                yield pointer, url, start, end


def scan(text: str) -> Iterator[tuple[str, int, int]]:
    """``(url, start, end)`` of each address written in one rich-text string."""
    n = len(text)
    first = _NEXT.search(text)
    i = n if first is None else first.start()
    while i < n:
        char = text[i]
        if char == "\\" and i + 1 < n and text[i + 1] in ESCAPABLE:
            i += 2
            continue
        if char == "`":
            close = text.find("`", i + 1)
            if close > i + 1:  # a code span: what it holds is code, not a link
                i = close + 1
                continue
        elif char == "[":
            label_end = _closing_bracket(text, i + 1)
            target = _LINK_TARGET.match(text, label_end + 1) if label_end is not None else None
            if target is not None:
                yield target.group(1), target.start(1), target.end(1)
                i = target.end()
                continue
        elif char == "<":
            auto = _AUTOLINK.match(text, i)
            if auto is not None:
                yield auto.group(1), auto.start(1), auto.end(1)
                i = auto.end()
                continue
        elif char in "hH" and (i == 0 or not text[i - 1].isalnum()):
            bare = _BARE.match(text, i)
            if bare is not None:
                end = _bare_end(text, i, bare.end())
                yield text[i:end], i, end
                i = end
                continue
        after = _NEXT.search(text, i + 1)
        i = n if after is None else after.start()


def _bare_end(text: str, start: int, end: int) -> int:
    """Where a bare address ends: before trailing punctuation and unbalanced brackets."""
    while end > start:
        last = text[end - 1]
        opener = "(" if last == ")" else "["
        unbalanced = last in ")]" and text.count(last, start, end) > text.count(opener, start, end)
        if last not in _TRAILING and not unbalanced:
            break
        end -= 1
    return end


def _closing_bracket(text: str, start: int) -> int | None:
    """Where ``]`` closes a link label opened before ``start``, as richtext reads it."""
    i = start
    if i >= len(text) or text[i].isspace():
        return None
    while True:
        i = text.find("]", i)
        if i < 0:
            return None
        if text[i - 1] == "\\" and not text.endswith("\\\\", 0, i):
            i += 1
            continue
        if i == start or text[i - 1].isspace():
            i += 1
            continue
        return i
