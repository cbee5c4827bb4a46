"""Rich text: the small part of Markdown that résumé prose may use (docs/format.md).

:func:`parse` turns a string into a list of spans that every converter renders
with its own escaping. ``**bold**``, ``*italic*``, ``code``, ``[text](url)``,
``<url>``, blank-line paragraphs, and backslash escapes of ``* ` [ ] < > \\``;
everything else is literal text. Markup that is not closed prints as typed.
A line ends at ``\n``, ``\r`` or ``\r\n``, as in CommonMark: inside a
paragraph each is a space, two make a paragraph break.
:func:`links` reads the same markup for the addresses written in a string,
with their offsets, and :func:`bare_addresses` finds the bare ones in text:
what the link rules check is what the converters render.
"""

from __future__ import annotations

import re

from resumefmt._record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

ESCAPABLE = "*`[]<>\\"
_SPECIAL = re.compile(r"[\\`*\[<]")  # where markup may start: the text between is literal
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_LINK_TARGET = re.compile(r"\(([^\s()<>]+)\)")
_LINE_END = r"(?:\r\n|\r(?!\n)|\n)"  # CommonMark's three (CRLF is one, never two)
_BLANK_LINES = re.compile(rf"{_LINE_END}[ \t]*{_LINE_END}\s*")
# A line ending inside a paragraph is a space; one character for one, so offsets stay.
_FLAT = str.maketrans("\r\n", "  ")
# After no letter or digit; up to white space, markup, or full-width punctuation
# ("https://x.cn" then a full-width parenthesis and comma: a Chinese sentence
# goes on after the address).
_BARE = re.compile(r"(?<![^\W_])https?://[^\s<>`\\\u3000-\u303f\uff00-\uff65]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"*_"  # sentence punctuation and markup that end a bare address


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
    source = source.replace("\r\n", "\n")  # one line ending, one space (no offsets here)
    flat = source.translate(_FLAT)
    spans: list[Span] = []
    for index, (start, end) in enumerate(_paragraphs(source)):
        if index:
            spans.append(Break())
        spans += _inline(flat, start, end)
    return spans


def links(source: str) -> Iterator[tuple[str, int, int]]:
    """``(url, start, end)`` of each address written in ``source``, at its offsets there.

    The targets of ``[text](target)`` and ``<scheme:...>`` links, whatever their
    scheme, as :func:`parse` reads them; and bare ``http(s)://`` addresses in
    the text, which print as text: sentence punctuation and unbalanced
    brackets after one are not part of it. Nothing inside code spans or link
    labels, nothing escaped.
    """
    flat = source.translate(_FLAT)
    for start, end in _paragraphs(source):
        yield from _links(flat, start, end)


def bare_addresses(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each bare ``http(s)://`` address in the literal ``text[start:end]``.

    An address starts after no letter or digit; sentence punctuation and
    unbalanced brackets after it are not part of it.
    """
    for bare in _BARE.finditer(text, start, len(text) if end is None else end):
        yield bare.start(), _bare_end(text, bare.start(), bare.end())


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


def _paragraphs(source: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph: text between blank lines, surrounding space left out."""
    start = len(source) - len(source.lstrip())
    end = len(source.rstrip())
    for blank in _BLANK_LINES.finditer(source, start, end):
        yield start, blank.start()
        start = blank.end()
    yield start, end


def _tokens(text: str, start: int, end: int) -> Iterator[tuple[str, int, int, int, int]]:
    """The markup of ``text[start:end]`` at one level of nesting, as offsets into ``text``.

    ``(kind, a, b, c, d)``: ``text`` for the literal ``text[a:b]`` (an escaped
    character is one of its own), ``code`` for a code span holding
    ``text[a:b]``, ``strong``/``emphasis`` around ``text[a:b]``, ``link`` with
    the label ``text[a:b]`` and the target ``text[c:d]``, ``autolink`` for the
    address ``text[a:b]``. Markup that is not closed is literal text.
    """
    run = i = start  # the literal text not yet yielded starts at run
    while True:
        special = _SPECIAL.search(text, i, end)
        if special is None:
            break
        i = special.start()
        char = text[i]
        token: tuple[str, int, int, int, int] | None = None
        after = i + 1  # past the character, when it starts nothing
        if char == "\\":
            if i + 1 < end and text[i + 1] in ESCAPABLE:
                token, after = ("text", i + 1, i + 2, 0, 0), i + 2
        elif char == "`":
            close = text.find("`", i + 1, end)
            if close > i + 1:
                token, after = ("code", i + 1, close, 0, 0), close + 1
        elif char == "*":
            marker = "**" if text.startswith("**", i, end) else "*"
            inner = i + len(marker)
            closed = _closing(text, inner, end, marker)
            if closed is not None:
                kind = "strong" if marker == "**" else "emphasis"
                token, after = (kind, inner, closed, 0, 0), closed + len(marker)
            else:
                after = inner  # an unclosed "**": both stars are literal
        elif char == "[":
            label_end = _closing(text, i + 1, end, "]")
            target = None if label_end is None else _LINK_TARGET.match(text, label_end + 1, end)
            if label_end is not None and target is not None:
                token = ("link", i + 1, label_end, target.start(1), target.end(1))
                after = target.end()
        else:  # "<"
            auto = _AUTOLINK.match(text, i, end)
            if auto is not None:
                token, after = ("autolink", auto.start(1), auto.end(1), 0, 0), auto.end()
        if token is None:
            i = after
            continue
        if run < i:
            yield "text", run, i, 0, 0
        yield token
        run = i = after
    if run < end:
        yield "text", run, end, 0, 0


def _inline(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    for kind, a, b, c, d in _tokens(text, start, end):
        if kind == "text":
            _append_text(spans, text[a:b])
        elif kind == "code":
            spans.append(Code(text[a:b]))
        elif kind == "strong":
            spans.append(Strong(_inline(text, a, b)))
        elif kind == "emphasis":
            spans.append(Emphasis(_inline(text, a, b)))
        elif kind == "link":
            spans.append(Link(_inline(text, a, b), text[c:d]))
        else:
            spans.append(Link([Text(text[a:b])], text[a:b]))
    return spans


def _links(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    for kind, a, b, c, d in _tokens(text, start, end):
        if kind == "text":
            for found, stop in bare_addresses(text, a, b):
                yield text[found:stop], found, stop
        elif kind in ("strong", "emphasis"):
            yield from _links(text, a, b)
        elif kind == "link":
            yield text[c:d], c, d
        elif kind == "autolink":
            yield text[a:b], a, b


def _bare_end(text: str, start: int, end: int) -> int:
    """Where a bare address ends: before trailing punctuation and unbalanced brackets."""
    # Counted once and kept up to date: "https://x/)))…" stays linear.
    closers = {")": text.count(")", start, end), "]": text.count("]", start, end)}
    openers = {")": text.count("(", start, end), "]": text.count("[", start, end)}
    while end > start:
        last = text[end - 1]
        if last in closers and closers[last] > openers[last]:
            closers[last] -= 1
        elif last not in _TRAILING:
            break
        end -= 1
    return end


def _closing(text: str, start: int, end: int, marker: str) -> int | None:
    """Where ``marker`` closes a span opened just before ``start`` (not empty, not escaped)."""
    i = start
    if i >= end or text[i].isspace():
        return None
    while True:
        i = text.find(marker, i, end)
        if i < 0:
            return None
        if text[i - 1] == "\\" and not text.startswith("\\\\", i - 2):
            i += 1
            continue
        if marker == "*" and text.startswith("**", i, end):
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
