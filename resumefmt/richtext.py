"""Rich text: the small part of Markdown that résumé prose may use (docs/format.md).

:func:`parse` turns a string into a list of spans that every converter renders
with its own escaping. ``**bold**``, ``*italic*``, ``code``, ``[text](url)``,
``<url>``, blank-line paragraphs, and backslash escapes of ``* ` [ ] < > \\``;
everything else is literal text. Markup that is not closed prints as typed.
"""

from __future__ import annotations

import re

from resumefmt._record import Record

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up

ESCAPABLE = "*`[]<>\\"
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_LINK_TARGET = re.compile(r"\(([^\s()<>]+)\)")


class Text(Record):
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Code(Record):
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Strong(Record):
    __slots__ = ("children",)

    def __init__(self, children: list[Span]) -> None:
        self.children = children


class Emphasis(Record):
    __slots__ = ("children",)

    def __init__(self, children: list[Span]) -> None:
        self.children = children


class Link(Record):
    """A link; ``children`` is its label (the address itself for ``<url>``)."""

    __slots__ = ("children", "url")

    def __init__(self, children: list[Span], url: str) -> None:
        self.children = children
        self.url = url


class Break(Record):
    """A paragraph break (a blank line in the source)."""

    __slots__ = ()


if TYPE_CHECKING:
    Span = Text | Strong | Emphasis | Code | Link | Break


def parse(source: str) -> list[Span]:
    """The spans of ``source``; adjacent text is merged."""
    paragraphs = re.split(r"\n[ \t]*\n\s*", source.strip())
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            spans.append(Break())
        spans += _inline(" ".join(paragraph.split("\n")))
    return spans


def plain(spans: list[Span]) -> str:
    """The text a reader sees, without markup (a paragraph break is a blank line)."""
    out = []
    for span in spans:
        if isinstance(span, Text | Code):
            out.append(span.text)
        elif isinstance(span, Break):
            out.append("\n\n")
        else:
            out.append(plain(span.children))
    return "".join(out)


def lead_in(spans: list[Span]) -> tuple[list[Span], list[Span]] | None:
    """``(lead, rest)`` when the text opens with a bold span ending in a colon."""
    if spans and isinstance(spans[0], Strong) and plain(spans[0].children).endswith(":"):
        rest = list(spans[1:])
        if rest and isinstance(rest[0], Text):
            rest[0] = Text(rest[0].text.lstrip())
        return spans[0].children, rest
    return None


def _inline(text: str) -> list[Span]:
    spans: list[Span] = []
    buffer: list[str] = []
    i = 0
    n = len(text)

    def flush() -> None:
        if buffer:
            _append_text(spans, "".join(buffer))
            buffer.clear()

    while i < n:
        char = text[i]
        if char == "\\" and i + 1 < n and text[i + 1] in ESCAPABLE:
            buffer.append(text[i + 1])
            i += 2
            continue
        if char == "`":
            close = text.find("`", i + 1)
            if close > i + 1:
                flush()
                spans.append(Code(text[i + 1 : close]))
                i = close + 1
                continue
        elif char == "*":
            strong = text.startswith("**", i)
            marker = "**" if strong else "*"
            end = _closing(text, i + len(marker), marker)
            if end is not None:
                flush()
                children = _inline(text[i + len(marker) : end])
                spans.append(Strong(children) if strong else Emphasis(children))
                i = end + len(marker)
                continue
            if strong:  # an unclosed "**": both stars are literal
                buffer.append("**")
                i += 2
                continue
        elif char == "[":
            label_end = _closing(text, i + 1, "]")
            target = _LINK_TARGET.match(text, label_end + 1) if label_end is not None else None
            if label_end is not None and target is not None:
                flush()
                spans.append(Link(_inline(text[i + 1 : label_end]), target.group(1)))
                i = target.end()
                continue
        elif char == "<":
            auto = _AUTOLINK.match(text, i)
            if auto is not None:
                flush()
                spans.append(Link([Text(auto.group(1))], auto.group(1)))
                i = auto.end()
                continue
        buffer.append(char)
        i += 1
    flush()
    return spans


def _closing(text: str, start: int, marker: str) -> int | None:
    """Where ``marker`` closes a span opened just before ``start`` (not empty, not escaped)."""
    i = start
    if i >= len(text) or text[i].isspace():
        return None
    while True:
        i = text.find(marker, i)
        if i < 0:
            return None
        if text[i - 1] == "\\" and not text.endswith("\\\\", 0, i):
            i += 1
            continue
        if marker == "*" and text.startswith("**", i):
            i += 2  # "**" inside "*...*" belongs to a nested bold span, even after a space
            continue
        if i == start or text[i - 1].isspace():
            i += len(marker)
            continue
        return i


def _append_text(spans: list[Span], text: str) -> None:
    if spans and isinstance(spans[-1], Text):
        spans[-1] = Text(spans[-1].text + text)
    else:
        spans.append(Text(text))
