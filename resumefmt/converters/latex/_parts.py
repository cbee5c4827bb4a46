"""The pieces the LaTeX templates print: rich text, dates, authors, contacts, sections.

Every function returns :class:`Latex` built only from escaped user text, so a
template can print it as it is; plain strings handed to a template are escaped
by the environment's output filter.
"""

from __future__ import annotations

from resumefmt.converters._common import (
    bare_url,
    english,
    is_web_address,
    place,
    profile_label,
    unsafe_link,
)
from resumefmt.converters.latex._escape import Latex, escape, escape_url
from resumefmt.model import CUSTOM, KINDS
from resumefmt.richtext import Break, Code, Emphasis, Link, Strong, Text, parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from resumefmt.converters._common import Words
    from resumefmt.richtext import Span


def rich(source: str, *, inline: bool = False) -> Latex:
    """Rich text as LaTeX; ``inline`` turns paragraph breaks into spaces (macro arguments)."""
    return _spans(parse(source), inline)


def rich_inline(source: str) -> Latex:
    """Rich text for a heading or a macro argument, where a paragraph cannot start."""
    return rich(source, inline=True)


def _spans(spans: list[Span], inline: bool) -> Latex:
    out: list[str] = []
    for span in spans:
        if isinstance(span, Text):
            out.append(escape(span.text))
        elif isinstance(span, Code):
            out.append(r"\texttt{" + escape(span.text) + "}")
        elif isinstance(span, Strong):
            out.append(r"\textbf{" + _spans(span.children, True) + "}")
        elif isinstance(span, Emphasis):
            out.append(r"\emph{" + _spans(span.children, True) + "}")
        elif isinstance(span, Link):
            out.append(
                _link(span.url, _spans(span.children, True), [Text(span.url)] == span.children)
            )
        elif isinstance(span, Break):
            out.append(" " if inline else "\\par\n")
    return Latex("".join(out))


def authors(publication: dict[str, Any], words: Words | None = None) -> Latex:
    """The author list: the owner's name in bold, equal contributors starred, ``et al.``."""
    words = words or english()
    names = publication.get("authors") or []
    mine = publication.get("authorPosition")
    equal = set(publication.get("equalContribution") or [])
    out = []
    for position, name in enumerate(names, start=1):
        text = escape(name) + ("*" if position in equal else "")
        out.append(r"\textbf{" + text + "}" if position == mine else text)
    if publication.get("etAl"):
        out.append(escape(words.label("etAl")))
    return Latex(", ".join(out))


def status(publication: dict[str, Any], words: Words | None = None) -> str:
    """The publication's status when it is worth printing (``published`` is not)."""
    words = words or english()
    return words.status(publication.get("status"))


def language_details(language: dict[str, Any], words: Words | None = None) -> str:
    """What follows a language's name: a dash, the fluency, then tests such as ``IELTS 7.0``."""
    words = words or english()
    details = [language["fluency"]] if language.get("fluency") else []
    for test in language.get("tests") or []:
        text = test["name"] + (" " + test["score"] if test.get("score") else "")
        if test.get("parts"):
            text += " (" + ", ".join(f"{p['name']} {p['score']}" for p in test["parts"]) + ")"
        details.append(text + (", " + words.date(test["date"]) if test.get("date") else ""))
    return " \u2013 " + "; ".join(details) if details else ""


def link(url: str, label: str | None = None) -> Latex:
    """A hyperlink; without a label the address is shown without its scheme."""
    if label is None:
        return _link(url, escape(bare_url(url)), True)
    return _link(url, escape(label), False)


def _link(url: str, label: Latex, is_address: bool) -> Latex:
    """``\\href`` to ``url`` with ``label`` (LaTeX); ``is_address`` when the label shows ``url``.

    An address that could run a script or open local data when followed
    (:func:`~resumefmt.converters._common.unsafe_link`) prints as text: the
    label, then the address in parentheses.
    """
    if unsafe_link(url):
        return escape(url) if is_address else Latex(f"{label} ({escape(url)})")
    return Latex(r"\href{" + escape_url(url) + "}{" + label + "}")


def contacts(basics: dict[str, Any], words: Words | None = None) -> list[Latex]:
    """The contact line's items: e-mail, phone, web site, location."""
    words = words or english()
    items = []
    if basics.get("email"):
        items.append(link("mailto:" + basics["email"], basics["email"]))
    if basics.get("phone"):
        items.append(escape(basics["phone"]))
    if basics.get("url"):
        items.append(link(basics["url"]))
    if where := place(basics.get("location") or {}, ("address", "city", "region", "postalCode")):
        items.append(escape(where))
    if basics.get("image") and is_web_address(basics["image"]):
        # A link, never fetched; labelled with its address where there is no word for "Photo".
        image = basics["image"]
        items.append(link(image, words.extra("photo", bare_url(image))))
    return items


def profiles(basics: dict[str, Any]) -> list[Latex]:
    """One item per profile, ``Network: username`` (or the network alone), linked if it can be."""
    out = []
    for profile in basics.get("profiles") or []:
        name = profile_label(profile)
        out.append(link(profile["url"], name) if profile.get("url") else escape(name))
    return out


def sections(data: dict[str, Any], words: Words | None = None) -> list[tuple[str, str, list[Any]]]:
    """``(kind, title, items)`` per non-empty section, in the order the document lists them.

    ``kind`` names the partial ``section-<kind>.tex.j2``: the section's name,
    or ``custom`` for each custom section.
    """
    words = words or english()
    out: list[tuple[str, str, list[Any]]] = []
    for key, value in data.items():
        if key == CUSTOM:
            out += [("custom", s["title"], s["items"]) for s in value]
        elif key in KINDS and value:
            out.append((key, words.title(key), value))
    return out


def printed_strings(node: Any) -> Iterator[str]:
    """Every string value of the document except ``x-`` extensions (never printed)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("x-"):
                yield from printed_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from printed_strings(item)
