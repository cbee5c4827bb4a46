"""Text into CommonMark/GFM that renders exactly as written; links and blocks around it.

Literal fields go through :func:`literal` (or :func:`label` inside a link);
rich text through :func:`rich`, whose spans become Markdown markup while their
text is escaped the same way. Escaping is by backslash where CommonMark allows
it, so the file stays readable; ``<`` becomes ``&lt;`` so that no user text is
ever raw HTML. Controls and bidirectional controls are dropped
(:data:`~resumefmt.converters._common.INVISIBLE`): a CR would end a line and
let what follows be read as HTML, ESC and C1 would act on a terminal showing
the file. A bare ``http(s)://`` address or e-mail address in text is written
as an autolink ``<…>``, so every renderer links it (GFM renderers link bare
ones, CommonMark's do not); other text a GFM renderer would link on its own
(``www.`` names, which have no scheme) is escaped so that it stays text
everywhere. A link whose address could run a script prints as text (:func:`link`).
:func:`link`, :func:`block` and :func:`joined` build on escaped text.
"""

from __future__ import annotations

import re
import unicodedata

from resumefmt.converters._common import INVISIBLE, unsafe_link
from resumefmt.richtext import Break, Code, Emphasis, Link, Strong, Text, bare_addresses, parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.richtext import Span

# Inline markup everywhere: emphasis, code, links, tables (GFM), strikethrough
# (GFM), math (GitHub). "#" only where it could open or close a heading.
_MARKUP = r"[\\`*\[\]|~$<]|&(?=#?[A-Za-z0-9]+;)|(?:^|(?<=\s))#|_"
_INLINE = re.compile(_MARKUP)
# Outside a link, also what GFM would turn into a link by itself: "www.x.org",
# "a@b.org" and an "http://" that is not a bare address of ours ("1http://…").
_GUARDED = re.compile(
    _MARKUP + r"|(?<=(?<![A-Za-z0-9])[Ww][Ww][Ww])\."
    r"|(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9_-]+\.[A-Za-z0-9_-])"
    r"|(?:(?<=[Hh][Tt][Tt][Pp])|(?<=[Hh][Tt][Tt][Pp][Ss])):(?=//)"
)
_AUTOLINK = re.compile(f"[A-Za-z][A-Za-z0-9+.-]{{1,31}}:[^\\s<>{INVISIBLE}]*")
# An e-mail address as GFM finds one in text, that CommonMark's <…> also takes.
_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(rf"(?<![\w.+@-])[A-Za-z0-9._+-]+@{_LABEL}(?:\.{_LABEL})+(?![\w@-])")
_SPACES = re.compile(r"\s+")
# Invisible characters that are not white space are dropped; white space becomes a space.
_DROPPED = re.compile(f"(?!\\s)[{INVISIBLE}]")
_CODE_SPACE = re.compile(f"(?=\\s)[{INVISIBLE}\\u2028\\u2029]")
_ENTITY_AMPERSAND = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_PERCENT_ENCODED = re.compile(f"[\\s{INVISIBLE}]")
# A paragraph or list item that opens with one of these would become another block.
_BLOCK_START = re.compile(r"[->]|\+(?=\s|$)|\d{1,9}[.)](?=\s|$)")
SEPARATOR = " · "


def literal(text: str) -> str:
    """``text`` with runs of white space as one space, escaped to print as written.

    For text outside a link: a bare ``http(s)://`` or e-mail address becomes an autolink.
    """
    return _outside_link(_clean(text).strip())


def label(text: str) -> str:
    """Like :func:`literal`, for the label of a link (where no link may be nested)."""
    return _escape(_clean(text).strip())


def block(markdown: str) -> str:
    """``markdown`` made safe to open a paragraph or a list item."""
    match = _BLOCK_START.match(markdown)
    if match is None:
        return markdown
    end = match.end()
    return markdown[: end - 1] + "\\" + markdown[end - 1 :]


def rich(source: str, *, in_link: bool = False) -> list[str]:
    """The paragraphs of a rich-text field as Markdown, each safe to open a block.

    ``in_link``: for the label of a link, which holds no link of its own.
    """
    paragraphs: list[list[Span]] = [[]]
    for span in parse(source):
        if isinstance(span, Break):
            paragraphs.append([])
        else:
            paragraphs[-1].append(span)
    return [block(_inline(spans, in_link=in_link)) for spans in paragraphs if spans]


def rich_line(source: str, *, in_link: bool = False) -> str:
    """A rich-text field on one line (paragraphs joined by a space)."""
    return " ".join(rich(source, in_link=in_link))


def joined(*parts: str | None) -> str:
    """The non-empty parts joined by a middle dot."""
    return SEPARATOR.join(part for part in parts if part)


def link(text: str, url: str) -> str:
    """``[text](url)`` with ``text`` already Markdown; an unsafe address prints as text.

    Unsafe is judged as a renderer or a browser would read the address
    (:func:`~resumefmt.converters._common.unsafe_link`): ``[x](javascript&colon;…)``
    prints ``x (javascript&colon;…)``, never a live link.
    """
    if unsafe_link(url):
        shown = _escape(_clean(url), guarded=True)
        return text if text == label(url) else f"{text} ({shown})"
    return f"[{text}]({destination(url)})"


def destination(url: str) -> str:
    """A link destination that CommonMark reads back as ``url``, and a browser too.

    ``&`` before an entity name is written ``&amp;``: CommonMark decodes
    entities in a destination, and Markdown renderers that do not pass them
    on to the ``href``, where the browser decodes them. White space and
    invisible characters are percent-encoded (UTF-8).
    """
    escaped = re.sub(r"[\\()<>]", lambda m: "\\" + m.group(), url)
    escaped = _ENTITY_AMPERSAND.sub("&amp;", escaped)
    return _PERCENT_ENCODED.sub(_percent, escaped)


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8", "surrogatepass"))


def _clean(text: str) -> str:
    """``text`` without invisible characters, white space runs as one space."""
    return _SPACES.sub(" ", _DROPPED.sub("", text))


def _outside_link(text: str) -> str:
    """Escaped clean ``text`` whose bare addresses are autolinks."""
    out: list[str] = []
    last = 0
    for start, end in _bare(text):
        out.append(_escape(text[last:start], guarded=True))
        address = _address(text[start:end])
        if address.startswith("[") and out[-1].endswith("!"):
            out[-1] = out[-1][:-1] + "\\!"  # "![" would open an image
        out.append(address)
        last = end
    out.append(_escape(text[last:], guarded=True))
    return "".join(out)


def _bare(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each bare address in ``text``: web addresses, then e-mail ones."""
    last = 0
    for start, end in bare_addresses(text):
        for email in _EMAIL.finditer(text, last, start):
            yield email.span()
        yield start, end
        last = end
    for email in _EMAIL.finditer(text, last):
        yield email.span()


def _address(url: str) -> str:
    """An address shown as itself and linked: ``<https://…>``, ``<a@b.org>``, as written.

    Unless a parser would show it otherwise (``%41`` decoded): then
    ``[https://…](https://…)``. An unsafe address is text.
    """
    if unsafe_link(url):
        return _escape(_clean(url), guarded=True)
    if (_AUTOLINK.fullmatch(url) and "%" not in url) or _EMAIL.fullmatch(url):
        return f"<{url}>"
    return link(label(url), url)


def _escape(text: str, *, guarded: bool = False) -> str:
    out: list[str] = []
    last = 0
    for match in (_GUARDED if guarded else _INLINE).finditer(text):
        start = match.start()
        out.append(text[last:start])
        char = match.group()
        last = match.end()
        if char == "<":
            out.append("&lt;")
        elif char == "&":
            out.append("&amp;")
        elif char == "_" and _intraword(text, start):
            out.append("_")  # snake_case: CommonMark never reads it as emphasis
        else:
            out.append("\\" + char)
    out.append(text[last:])
    return "".join(out)


def _intraword(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()


def _inline(
    spans: list[Span], *, in_link: bool = False, before: str = " ", after: str = " "
) -> str:
    """Markdown of ``spans`` between the characters ``before`` and ``after``."""
    merged: list[Span] = []
    for span in spans:  # "`a``b`" would be one odd code span: make it "`ab`"
        if isinstance(span, Code) and merged and isinstance(merged[-1], Code):
            merged[-1] = Code(merged[-1].text + span.text)
        else:
            merged.append(span)
    out = ""
    closed = ""  # the marker that ends ``out``, if a span of ours closed there
    for index, span in enumerate(merged):
        left = out[-1:] or before
        right = _first(merged[index + 1], in_link) if index + 1 < len(merged) else after
        marker = ""
        if isinstance(span, Strong | Emphasis):
            marker = "**" if isinstance(span, Strong) else "*"
            piece = _inline(span.children, in_link=in_link, before="*", after="*")
            if closed == marker and piece and _can_delimit("*", "x" + piece, right):
                # "**a****b**" is no markup: make it "**ab**"
                out, piece = out[: -len(marker)], piece + marker
            elif not closed and piece and _can_delimit(left, piece, right):
                piece = f"{marker}{piece}{marker}"
            else:  # "*a***b**" and "a**(b)**c" would not read as markup: plain text
                marker = ""
                piece = _inline(span.children, in_link=in_link, before=left, after=right)
        else:
            piece = _span(span, in_link)
        if piece.startswith("[") and out.endswith("!"):
            out = out[:-1] + "\\!"  # "![" would open an image
        out += piece
        closed = marker
    return out


def _first(span: Span, in_link: bool) -> str:
    """The first character ``span`` prints if its own markup is dropped.

    Bold and italic may print as plain text (when their stars would not
    delimit), so the character after a span is taken to be their text's: a
    closing run is then written only where it closes either way ("**`***a*"
    once printed stray stars when the italic fell back to plain text).
    """
    if isinstance(span, Strong | Emphasis):
        return _first(span.children[0], in_link) if span.children else " "
    return _span(span, in_link)[:1] or " "


def _span(span: Span, in_link: bool) -> str:
    if isinstance(span, Text):
        text = _clean(span.text)
        return _escape(text) if in_link else _outside_link(text)
    if isinstance(span, Code):
        return _code(span.text)
    if isinstance(span, Link):
        if span.children == [Text(span.url)]:  # <https://…>
            return label(span.url) if in_link else _address(span.url)
        text = _inline(span.children, in_link=True)
        return text if in_link else link(text, span.url)
    return ""


def _can_delimit(before: str, inner: str, after: str) -> bool:
    """Whether ``*`` runs around ``inner`` open and close (CommonMark's flanking rules).

    When they would not (``a**(b)**c``), the span prints without its markup
    rather than with stray stars.
    """
    first, last = inner[0], inner[-1]
    opens = not first.isspace() and (not _punct(first) or before.isspace() or _punct(before))
    closes = not last.isspace() and (not _punct(last) or after.isspace() or _punct(after))
    return opens and closes


def _punct(char: str) -> bool:
    """CommonMark's punctuation: Unicode punctuation and symbols."""
    return unicodedata.category(char)[0] in "PS"


def _code(text: str) -> str:
    """A code span whose fence is longer than any run of backticks inside.

    Nothing is escaped in a code span, so what must not print raw is dropped
    and white space controls (a CR would end the line) become spaces.
    """
    text = _CODE_SPACE.sub(" ", _DROPPED.sub("", text))
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    # CommonMark strips one space from each side when both are there.
    edges = text[:1] == "`" or text[-1:] == "`" or (text[:1] == text[-1:] == " " and text.strip())
    padded = f" {text} " if edges else text
    return f"{fence}{padded}{fence}"
