"""The résumé as the data a Typst theme reads: every printed text as spans, dates written out.

The theme receives this as JSON (``sys.inputs``) or as a Typst literal
(``--to typst``), never as markup: a span's text is a string, which Typst
prints as it is. A span is one of ``{"text": s}`` (with ``"lang"`` when its
script says which language it is in), ``{"strong": spans}``,
``{"emph": spans}``, ``{"code": s}``, ``{"link": url, "body": spans}`` and
``{"break": true}`` (a paragraph break). ``docs/themes.md`` documents the
whole shape for theme authors.
"""

from __future__ import annotations

import re

from resumefmt.converters._common import (
    INVISIBLE,
    bare_url,
    english,
    is_web_address,
    place,
    profile_label,
    unsafe_link,
)
from resumefmt.converters._scripts import runs
from resumefmt.model import CUSTOM, KINDS
from resumefmt.richtext import Break, Code, Emphasis, Link, Strong, Text, parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.converters._common import Words
    from resumefmt.richtext import Span

    Data = dict[str, Any]
    Spans = list[dict[str, Any]]

_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")

#: Bumped when the shape changes in a way a theme notices. Format 1.1 only
#: added to it (the kinds ``certificate`` and ``reference``, ``basics.image``,
#: an experience's ``description``, a project's ``organization`` and ``type``)
#: and made values none that a theme already prints through ``rt`` (an
#: experience's ``role``, a profile's ``url``): a kit theme prints them all.
VERSION = 1


def text(value: str) -> Spans:
    """A literal field: its runs of text (nothing in it is markup).

    Line breaks become spaces and the characters no document prints raw
    (controls, bidirectional overrides: :data:`INVISIBLE`) are dropped, as in
    the Markdown and LaTeX outputs: an override would reorder the page.
    """
    value = _INVISIBLE.sub("", _LINE_BREAKS.sub(" ", value))
    out: Spans = []
    for run, language in runs(value):
        out.append({"text": run, "lang": language} if language else {"text": run})
    return out


def rich(value: str) -> Spans:
    """A rich-text field, parsed by :func:`resumefmt.richtext.parse`."""
    return _spans(parse(value))


def _spans(spans: list[Span]) -> Spans:
    out: Spans = []
    for span in spans:
        if isinstance(span, Text):
            out += text(span.text)
        elif isinstance(span, Code):
            out.append({"code": span.text})
        elif isinstance(span, Strong):
            out.append({"strong": _spans(span.children)})
        elif isinstance(span, Emphasis):
            out.append({"emph": _spans(span.children)})
        elif isinstance(span, Link) and unsafe_link(span.url):  # printed, never followed
            out += [*_spans(span.children), *text(f" ({span.url})")]
        elif isinstance(span, Link):
            out.append({"link": span.url, "body": _spans(span.children)})
        elif isinstance(span, Break):
            out.append({"break": True})
    return out


def _optional(item: Data, key: str, convert: Any = text) -> Spans | None:
    return convert(item[key]) if key in item else None


def _link(url: str, label: str | None = None) -> Data:
    return {"url": url, "label": text(bare_url(url) if label is None else label)}


def header(basics: Data, words: Words) -> Data:
    """Name, other name, headline, summary, contact items and profiles."""
    contacts: list[Data] = []
    if "email" in basics:
        contacts.append(_link("mailto:" + basics["email"], basics["email"]))
    if "phone" in basics:
        contacts.append({"url": None, "label": text(basics["phone"])})
    if "url" in basics:
        contacts.append(_link(basics["url"]))
    if where := place(basics.get("location") or {}, ("address", "city", "region", "postalCode")):
        contacts.append({"url": None, "label": text(where)})
    image = basics.get("image")
    if image and is_web_address(image):  # a link, never fetched
        contacts.append(_link(image, words.extra("photo", bare_url(image))))
    profiles = []
    for profile in basics.get("profiles", []):
        label = profile_label(profile)
        shown = (
            _link(profile["url"], label)
            if "url" in profile
            else {"url": None, "label": text(label)}
        )
        profiles.append({**shown, "network": text(profile["network"])})
    return {
        "name": text(basics["name"]),
        "altName": _optional(basics, "altName"),
        "headline": _optional(basics, "headline"),
        "summary": _optional(basics, "summary", rich),
        "contacts": contacts,
        "profiles": profiles,
        # A local photo: the kit's load() adds its bytes as "data" (never a path to read).
        "image": {"path": image} if image and not is_web_address(image) else None,
    }


def _when(item: Data, words: Words) -> Spans | None:
    written = words.dates(item)
    return text(written) if written else None


def _details(item: Data) -> Data:
    """What entries share: summary, bullets, technologies."""
    return {
        "summary": _optional(item, "summary", rich),
        "highlights": [rich(h) for h in item.get("highlights", [])],
        "technologies": [text(t) for t in item.get("technologies", [])],
    }


def experience(item: Data, words: Words) -> Data:
    return {
        "role": _optional(item, "role"),
        "organization": text(item["organization"]),
        "description": _optional(item, "description", rich),
        "unit": _optional(item, "unit"),
        "url": item.get("url"),
        "location": _optional(item, "location"),
        "dates": _when(item, words),
        **_details(item),
        "projects": [project(p, words) for p in item.get("projects", [])],
    }


def project(item: Data, words: Words) -> Data:
    return {
        "name": text(item["name"]),
        "url": item.get("url"),
        "description": _optional(item, "description", rich),
        "role": _optional(item, "role"),
        "organization": _optional(item, "organization"),
        "type": _optional(item, "type"),
        "repository": _link(item["repository"]) if "repository" in item else None,
        "dates": _when(item, words),
        **_details(item),
    }


def education(item: Data, words: Words) -> Data:
    studies = words.degree(item.get("degree"), item.get("field"))
    facts = [words.fact(key, item[key]) for key in ("gpa", "advisor") if key in item]
    return {
        "institution": text(item["institution"]),
        "url": item.get("url"),
        "studies": text(studies) if studies else None,
        "location": _optional(item, "location"),
        "dates": _when(item, words),
        "facts": text("; ".join(facts)) if facts else None,
        "thesis": _optional(item, "thesis", rich),
        "courses": [text(c) for c in item.get("courses", [])],
        **_details(item),
    }


def publication(item: Data, words: Words) -> Data:
    equal = set(item.get("equalContribution", []))
    authors = [
        {
            "name": text(name),
            "mine": position == item.get("authorPosition"),
            "equal": position in equal,
        }
        for position, name in enumerate(item.get("authors", []), start=1)
    ]
    links = [_link(other["url"], other["label"]) for other in item.get("links", [])]
    return {
        "authors": authors,
        "etAl": bool(item.get("etAl")),
        "title": text(item["title"]),
        "url": item.get("url"),
        "venue": _optional(item, "venue"),
        "dates": _when(item, words),
        "status": text(status) if (status := words.status(item.get("status"))) else None,
        "doi": _link("https://doi.org/" + item["doi"], "doi:" + item["doi"])
        if "doi" in item
        else None,
        "links": links,
        "summary": _optional(item, "summary", rich),
    }


def award(item: Data, words: Words) -> Data:
    return {
        "title": text(item["title"]),
        "url": item.get("url"),
        "awarder": _optional(item, "awarder"),
        "dates": _when(item, words),
        "summary": _optional(item, "summary", rich),
    }


def certificate(item: Data, words: Words) -> Data:
    return {
        "name": text(item["name"]),
        "url": item.get("url"),
        "issuer": _optional(item, "issuer"),
        "dates": _when(item, words),
        "summary": _optional(item, "summary", rich),
    }


def reference(item: Data, words: Words) -> Data:
    return {"name": text(item["name"]), "reference": _optional(item, "reference", rich)}


def skill(item: Data, words: Words) -> Data:
    return {
        "name": text(item["name"]),
        "level": _optional(item, "level"),
        "keywords": [text(k) for k in item.get("keywords", [])],
    }


def language(item: Data, words: Words) -> Data:
    tests = []
    for test in item.get("tests", []):
        shown = test["name"] + (" " + test["score"] if "score" in test else "")
        inner = [f"{p['name']} {p['score']}" for p in test.get("parts", [])]
        if "date" in test:
            inner.append(words.date(test["date"]))
        tests.append(text(shown + (f" ({', '.join(inner)})" if inner else "")))
    return {
        "language": text(item["language"]),
        "fluency": _optional(item, "fluency"),
        "tests": tests,
    }


def interest(item: Data, words: Words) -> Data:
    return {"name": text(item["name"]), "keywords": [text(k) for k in item.get("keywords", [])]}


def custom_item(item: str | Data, words: Words) -> Data:
    """A custom section's item: a line of rich text, or an entry."""
    if isinstance(item, str):
        return {"line": rich(item)}
    return {
        "title": rich(item["title"]),
        "subtitle": _optional(item, "subtitle", rich),
        "location": _optional(item, "location"),
        "url": item.get("url"),
        "dates": _when(item, words),
        **_details(item),
    }


#: By :data:`resumefmt.model.KINDS`: the section kind a theme sees and its entries' view.
_KINDS = {
    "experience": experience,
    "project": project,
    "education": education,
    "publication": publication,
    "award": award,
    "certificate": certificate,
    "skill": skill,
    "language": language,
    "interest": interest,
    "reference": reference,
}


def sections(data: Data, words: Words) -> list[Data]:
    """``{"kind", "name", "title", "items"}`` per non-empty section, in the order written.

    ``kind`` is the entry kind (``experience`` for work, research and volunteering,
    ``custom`` for a section with a title of its own); ``name`` the section's key.
    """
    out: list[Data] = []
    for key, value in data.items():
        if key == CUSTOM:
            for section in value:
                out.append(
                    {
                        "kind": "custom",
                        "name": CUSTOM,
                        "title": text(section["title"]),
                        "items": [custom_item(item, words) for item in section["items"]],
                    }
                )
        elif key in KINDS and value:
            kind = KINDS[key]
            out.append(
                {
                    "kind": kind,
                    "name": key,
                    "title": text(words.title(key)),
                    "items": [_KINDS[kind](item, words) for item in value],
                }
            )
    return out


def labels(words: Words) -> Data:
    """The words the kit prints beside the résumé's own (``data.words``), in its language."""
    return {
        "technologies": words.lead("technologies"),
        "thesis": words.lead("thesis"),
        "courses": words.lead("courses"),
        "etAl": words.label("etAl"),
        "separator": words.separator,
        "colon": words.colon,
    }


def view(data: Data, *, style: Data | None = None, words: Words | None = None) -> Data:
    """What a theme reads: the document language and direction, metadata, words, header,
    sections, style. ``words``: the language being built (English when None)."""
    words = words or english()
    basics = data["basics"]
    return {
        "version": VERSION,
        "lang": words.lang,
        "region": words.region,
        "dir": "rtl" if words.rtl else "ltr",
        "title": basics["name"],
        "author": basics["name"],
        "words": labels(words),
        "basics": header(basics, words),
        "sections": sections(data, words),
        "style": style or {},
    }
