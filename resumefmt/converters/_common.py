"""What the document converters (LaTeX, Markdown, Typst) print the same way: titles, dates, words.

Also what neither prints raw: :data:`INVISIBLE` characters and links that
:func:`unsafe_link` refuses.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.converting import ConvertOptions
    from resumefmt.loader import Document
    from resumefmt.locales import Locale

#: English headings of the standard sections, by :data:`resumefmt.model.SECTIONS`
#: name (what the RenderCV import compares titles with; the documents print
#: :meth:`Words.title`, in the language being built).
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
#: Words the documents print beside values that the label table has no key for
#: (yet): in another language :class:`Words` falls back as :meth:`Words.extra` says.
LABELS = {"photo": "Photo", "website": "Website", "code": "Code", "paper": "Paper"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: The label of a publication's ``status``; ``published`` (the default) prints nothing.
_STATUS_KEYS = {"accepted": "accepted", "under-review": "underReview", "preprint": "preprint"}
#: The colon after a label (``GPA: 3.8``): full width in Chinese and Japanese text.
_COLONS = {"zh": "\uff1a", "zh-Hant": "\uff1a", "ja": "\uff1a"}
#: List separators CLDR's "and" lists do not give: Arabic joins every item of
#: such a list with "و" (and), which reads oddly before Latin names of tools;
#: a list of keywords takes the Arabic comma.
_SEPARATORS = {"ar": "\u060c "}
_INVISIBLE_RE = re.compile("[\u200e\u200f\u061c]")
_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z]{4})?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?(?:[-_].*)?")


def date(value: str, present: str = "Present") -> str:
    """``2021-03`` → ``Mar 2021``; ``2024-05-18`` → ``18 May 2024``; ``present`` → ``Present``.

    resumefmt's English forms (a full date with the day first, unambiguous on
    both sides of the Atlantic); :class:`Words` gives every other language CLDR's.
    """
    if value == "present":
        return present
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def dates(entry: dict[str, Any]) -> str:
    """An entry's dates in English (see :meth:`Words.dates`)."""
    return english().dates(entry)


class Words:
    """The words and forms a converter prints around the résumé's own text, in one language.

    Built once per document by :func:`words_for`: section titles, field labels,
    the word for an ongoing role, dates and ranges, list separators, and the
    text direction. Converters hand it (or what it made) to their templates,
    so a template prints data and decides nothing about language.
    """

    __slots__ = ("colon", "lang", "locale", "region", "requested", "rtl", "separator", "tag")

    def __init__(self, locale: Locale, requested: str) -> None:
        self.locale = locale
        #: The locale of the label table that serves the document (``en`` for an unknown one).
        self.tag = locale.tag
        #: The language the document is built in, as asked (``zh-TW``, ``tlh``).
        self.requested = requested
        found = _TAG.fullmatch(requested)
        #: ISO 639 language and region of the document, for a ``lang`` setting.
        self.lang = found.group(1).lower() if found else "en"
        self.region = found.group(2).upper() if found and found.group(2) else None
        #: Whether the page runs right to left (Arabic, Hebrew, Persian).
        self.rtl = locale.rtl
        #: Between the items of a list of keywords (``Python, Rust``; ``Python、Rust``).
        middle: str = _cldr(self.tag)["list"]["middle"]
        self.separator = _SEPARATORS.get(self.tag) or _INVISIBLE_RE.sub(
            "", middle.replace("{0}", "").split("{1}")[0]
        )
        #: After a label (``GPA: 3.8``).
        self.colon = _COLONS.get(self.tag, ": ")

    @property
    def english(self) -> bool:
        """Whether the words are resumefmt's English ones (with any of the document's own)."""
        return self.tag == "en"

    def label(self, key: str) -> str:
        """The phrase for a key of the label table (the document's own wording first)."""
        return self.locale.label(key)

    def title(self, section: str) -> str:
        """The heading of a standard section."""
        return self.locale.label(section)

    def extra(self, key: str, fallback: str) -> str:
        """A word the label table may not have (``photo``): its phrase, else English's
        (in English) or ``fallback`` (in another language: language-neutral text)."""
        found = self.locale.labels.get(key)
        if found is not None:
            return found
        return LABELS.get(key, fallback) if self.english else fallback

    def fact(self, key: str, value: str) -> str:
        """``GPA: 3.8``; in Chinese the colon is full width."""
        return f"{self.label(key)}{self.colon}{value}"

    def lead(self, key: str) -> str:
        """A label that leads a line (``Technologies:``), without the space after it."""
        return f"{self.label(key)}{self.colon.rstrip()}"

    def status(self, status: str | None) -> str:
        """A publication's status as printed; empty for ``published``."""
        key = _STATUS_KEYS.get(status or "published")
        return self.label(key) if key else ""

    def join(self, items: list[str]) -> str:
        """Keywords, technologies, courses on one line."""
        return self.separator.join(items)

    def degree(self, degree: str | None, field: str | None, english: str | None = None) -> str:
        """A degree and its field in the language's order; either alone as it is.

        ``english`` is a converter's own pattern for English when the document
        does not reword ``degreeField`` (Markdown has always printed ``BSc, Physics``).
        """
        if degree and field:
            pattern = self.locale.labels["degreeField"]
            if english is not None and self.english and pattern == "{degree} in {field}":
                pattern = english
            return pattern.replace("{degree}", degree).replace("{field}", field)
        return degree or field or ""

    def date(self, value: str) -> str:
        """A date (``2021-03``) or ``present`` as the language writes it (CLDR's forms)."""
        if self.english:
            return date(value, self.locale.label("present"))
        return self.locale.date(value)

    def dates(self, entry: dict[str, Any]) -> str:
        """An entry's ``date`` (or list of dates), or its ``start`` to ``end`` range, or ``""``."""
        when = entry.get("date")
        if isinstance(when, list):
            return self.join([self.date(d) for d in when])
        if when:
            return self.date(when)
        start, end = entry.get("start"), entry.get("end")
        if start and end and start != end:
            return self.range(start, end)
        single: str | None = start or end
        return self.date(single) if single else ""

    def range(self, start: str, end: str) -> str:
        """Two dates as CLDR joins an interval in the language (an en dash in most)."""
        pattern: str = _cldr(self.tag)["range"]
        return pattern.replace("{0}", self.date(start)).replace("{1}", self.date(end))

    def strings(self) -> list[str]:
        """Every phrase this may print (what decides a LaTeX engine and its fonts)."""
        return [*self.locale.labels.values(), self.separator, self.colon, self.date("2000-01")]


def _cldr(tag: str) -> dict[str, Any]:
    from resumefmt.locales._cldr import CLDR

    return CLDR[tag]


def words_for(document: Document, options: ConvertOptions | None = None) -> Words:
    """The :class:`Words` of the document being built.

    A :class:`~resumefmt.selection.Selection` says its language and carries the
    document's ``labels:``; a plain document is in its ``locale`` (default
    ``en``). A language resumefmt has no labels for prints English labels, and
    says so once in ``options.notices`` (lint reports it as RF181).
    """
    from resumefmt.locales import locale_for, supported

    data = document.data
    requested = getattr(document, "locale", None)
    labels = getattr(document, "labels", None)
    if requested is None:
        found = data.get("locale") if isinstance(data, dict) else None
        requested = found if isinstance(found, str) else "en"
        own = data.get("labels") if isinstance(data, dict) else None
        labels = {k: v for k, v in own.items() if isinstance(v, str)} if own else None
    if supported(requested) is None and options is not None:
        message = f"no labels for '{requested}': labels print in English; give them under labels:"
        if message not in options.messages:
            options.messages.append(message)
    return Words(locale_for(requested, labels), requested)


def english() -> Words:
    """resumefmt's English words, with nothing of a document's."""
    from resumefmt.locales import locale_for

    return Words(locale_for("en"), "en")


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
