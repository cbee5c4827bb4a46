"""Text into CommonMark/GFM that renders exactly as written; links and blocks around it.

Literal fields go through :func:`literal`; rich text through :func:`rich`,
whose spans become Markdown markup while their text is escaped the same way.
Escaping is by backslash where CommonMark allows it, so the file stays
readable; ``<`` becomes ``&lt;`` so that no user text is ever raw HTML.
:func:`link`, :func:`block` and :func:`joined` build on escaped text.
"""

from __future__ import annotations

import re
import unicodedata

from resumefmt.richtext import Break, Code, Emphasis, Link, Strong, Text, parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.richtext import Span

# Inline markup everywhere: emphasis, code, links, tables (GFM), strikethrough
# (GFM), math (GitHub). "#" only where it could open or close a heading.
_INLINE = re.compile(r"[\\`*\[\]|~$<]|&(?=#?[A-Za-z0-9]+;)|(?:^|(?<=\s))#|_")
_AUTOLINK = re.compile(
    r"(?!(?:javascript|vbscript|data|file):)[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*", re.I
)
_SPACES = re.compile(r"\s+")
# A paragraph or list item that opens with one of these would become another block.
_BLOCK_START = re.compile(r"[->]|\+(?=\s|$)|\d{1,9}[.)](?=\s|$)")
_UNSAFE_SCHEME = re.compile(r"\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)
SEPARATOR = " · "


def literal(text: str) -> str:
    """``text`` with runs of white space as one space, escaped to print as written."""
    return _escape(_SPACES.sub(" ", text).strip())


def block(markdown: str) -> str:
    """``markdown`` made safe to open a paragraph or a list item."""
    match = _BLOCK_START.match(markdown)
    if match is None:
        return markdown
    end = match.end()
    return markdown[: end - 1] + "\\" + markdown[end - 1 :]


def rich(source: str) -> list[str]:
    """The paragraphs of a rich-text field as Markdown, each safe to open a block."""
    paragraphs: list[list[Span]] = [[]]
    for span in parse(source):
        if isinstance(span, Break):
            paragraphs.append([])
        else:
            paragraphs[-1].append(span)
    return [block(_inline(spans)) for spans in paragraphs if spans]


def rich_line(source: str) -> str:
    """A rich-text field on one line (paragraphs joined by a space)."""
    return " ".join(rich(source))


def joined(*parts: str | None) -> str:
    """The non-empty parts joined by a middle dot."""
    return SEPARATOR.join(part for part in parts if part)


def link(label: str, url: str) -> str:
    """``[label](url)`` with ``label`` already Markdown; an unsafe scheme prints as text."""
    if _UNSAFE_SCHEME.match(url):
        return f"{label} ({literal(url)})"
    return f"[{label}]({destination(url)})"


def destination(url: str) -> str:
    """A link destination that CommonMark reads back as ``url``."""
    escaped = re.sub(r"[\\()<>]", lambda m: "\\" + m.group(), url)
    return re.sub(r"\s", lambda m: f"%{ord(m.group()):02X}", escaped)


def _escape(text: str) -> str:
    out: list[str] = []
    last = 0
    for match in _INLINE.finditer(text):
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
        right = _first(merged[index + 1]) if index + 1 < len(merged) else after
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


def _first(span: Span) -> str:
    """The first character ``span`` is likely to print (``*`` for bold and italic)."""
    if isinstance(span, Strong | Emphasis):
        return "*"
    return _span(span, in_link=False)[:1] or " "


def _span(span: Span, in_link: bool) -> str:
    if isinstance(span, Text):
        return _escape(_SPACES.sub(" ", span.text))
    if isinstance(span, Code):
        return _code(span.text)
    if isinstance(span, Link):
        # <https://…> as the user wrote it, unless a parser would show "%41" decoded
        if span.children == [Text(span.url)] and _AUTOLINK.fullmatch(span.url) and not in_link:
            return f"<{span.url}>" if "%" not in span.url else link(literal(span.url), span.url)
        label = _inline(span.children, in_link=True)
        return label if in_link else link(label, span.url)
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
    """A code span whose fence is longer than any run of backticks inside."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    # CommonMark strips one space from each side when both are there.
    edges = text[:1] == "`" or text[-1:] == "`" or (text[:1] == text[-1:] == " " and text.strip())
    padded = f" {text} " if edges else text
    return f"{fence}{padded}{fence}"
