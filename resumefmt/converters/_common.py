"""What the document converters (LaTeX, Markdown) print the same way: titles, dates, words.

Also what neither prints raw: :data:`INVISIBLE` characters and links that
:func:`unsafe_link` refuses.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Headings of the standard sections, by :data:`resumefmt.model.SECTIONS` name
#: (they print in the document's own order; a custom section has its own title).
TITLES = {
    "education": "Education",
    "work": "Experience",
    "research": "Research",
    "projects": "Projects",
    "publications": "Publications",
    "awards": "Awards",
    "skills": "Skills",
    "languages": "Languages",
    "interests": "Interests",
}
#: A publication's ``status`` as printed; ``published`` (the default) prints nothing.
STATUS = {"accepted": "Accepted", "under-review": "Under review", "preprint": "Preprint"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EN_DASH = " \u2013 "


def date(value: str) -> str:
    """``2021-03`` → ``Mar 2021``; ``2024-05-18`` → ``18 May 2024``; ``present`` → ``Present``."""
    if value == "present":
        return "Present"
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def dates(entry: dict[str, Any]) -> str:
    """An entry's ``date`` (or list of dates), or its ``start`` to ``end`` range; may be empty."""
    when = entry.get("date")
    if isinstance(when, list):
        return ", ".join(date(d) for d in when)
    if when:
        return date(when)
    start, end = entry.get("start"), entry.get("end")
    if start and end and start != end:
        return f"{date(start)}{EN_DASH}{date(end)}"
    single: str | None = start or end
    return date(single) if single else ""


def bare_url(url: str) -> str:
    """``https://ada.example.com/`` → ``ada.example.com``, to label a link with its address."""
    return url.split("://", 1)[-1].rstrip("/")


#: Characters no document prints raw (a regex class body): C0 and C1 controls
#: and DEL, which a terminal or a parser may act on, and the bidirectional
#: controls (embeddings, overrides, isolates, marks), which reorder the text
#: around them where it is shown ("Trojan Source"). Converters drop them.
INVISIBLE = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# What the URL standard and a careful reader ignore in a scheme: white space,
# controls, and invisible format characters (soft hyphen, zero-width ones).
_IGNORED_IN_SCHEME = re.compile(f"[\\s{INVISIBLE}\u00ad\u200b-\u200d\u2060\ufeff]+")
_UNSAFE_SCHEME = re.compile(r"(?:javascript|vbscript|data|file):", re.IGNORECASE)
_SCHEME_PART = re.compile(r"[^/?]*")


def unsafe_link(url: str) -> bool:
    """Whether ``url`` could run a script or open local data when followed.

    The scheme is judged as a reader could see it, not as written: HTML
    entities (``javascript&colon;``, ``&#106;avascript:``), which CommonMark
    decodes in a link destination and a browser in an ``href``, and
    percent-encoding are decoded (a few rounds, for nested encodings), and
    white space and invisible characters inside the scheme, which browsers
    strip (``jav&Tab;ascript:``), are ignored. Such a link prints as text.
    """
    # A scheme ends before the first "/" or "?", which no decoding removes ("#" may
    # be part of an entity).
    text = _SCHEME_PART.match(url).group()  # type: ignore[union-attr]
    if "&" in text or "%" in text:
        import html
        from urllib.parse import unquote

        for _ in range(4):
            decoded = unquote(html.unescape(text))
            if decoded == text:
                break
            text = decoded
    return _UNSAFE_SCHEME.match(_IGNORED_IN_SCHEME.sub("", text)) is not None
