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
    "volunteer": "Volunteering",
    "projects": "Projects",
    "publications": "Publications",
    "awards": "Awards",
    "certificates": "Certificates",
    "skills": "Skills",
    "languages": "Languages",
    "interests": "Interests",
    "references": "References",
}
#: Words the documents print beside values (a later issue translates them with
#: :data:`TITLES`): ``photo`` labels the link to a photo given as a web address.
LABELS = {"photo": "Photo"}
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


def place(
    location: dict[str, str], keys: tuple[str, ...] = ("address", "postalCode", "city", "region")
) -> str:
    """``basics.location`` on one line: ``keys`` in the converter's order, then the country.

    ``country`` (the name as written) stands for the country when it is given;
    ``countryCode`` only when it is not (the code is for programs; a reader
    gets the name when the author wrote one).
    """
    country = location.get("country") or location.get("countryCode")
    parts = [location.get(key) for key in keys]
    return ", ".join(part for part in (*parts, country) if part)


#: Profile addresses that are not web pages: the scheme is dropped where the
#: address is shown, since a reader of the page cannot follow ``tel:`` by eye.
_CONTACT_SCHEMES = re.compile(r"(?:mailto|tel|skype|xmpp|sip|callto):", re.IGNORECASE)


def profile_label(profile: dict[str, str]) -> str:
    """``Network: username``; without a username, a non-web address is shown after the network.

    ``{network: Skype, url: "skype:ada.l?chat"}`` prints ``Skype: ada.l?chat``
    (a printed page must say how to reach you); a web profile without a
    username prints its network alone, linked.
    """
    name = profile["network"]
    if profile.get("username"):
        return f"{name}: {profile['username']}"
    url = profile.get("url", "")
    if _CONTACT_SCHEMES.match(url):
        return f"{name}: {url.split(':', 1)[1]}"
    return name


def is_web_address(value: str) -> bool:
    """Whether an ``image`` is an ``http(s)://`` address (printed as a link) and not a path."""
    return value[:8].lower().startswith(("http://", "https://"))


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
