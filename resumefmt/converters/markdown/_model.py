"""The résumé as ready-escaped Markdown pieces, laid out by the templates.

Every string in the model is already Markdown: literal fields escaped, rich
text converted. Templates only arrange them, so a user's template cannot
forget to escape what the built-in ones print.
"""

from __future__ import annotations

from resumefmt.converters._common import bare_url, place, profile_label
from resumefmt.converters.markdown import _items as items
from resumefmt.converters.markdown._escape import (
    block,
    joined,
    label,
    link,
    literal,
    rich,
    rich_line,
)
from resumefmt.model import CUSTOM, KINDS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.converters._common import Words
    from resumefmt.converters.markdown._items import Data

_PROJECT_LINKS = (("url", "website"), ("repository", "code"))


def header(basics: Data, words: Words) -> Data:
    """Name, headline, contact line and summary."""
    name = literal(basics["name"])
    if "altName" in basics:
        name += f" ({literal(basics['altName'])})"
    contacts = []
    if "email" in basics:
        contacts.append(link(label(basics["email"]), "mailto:" + basics["email"]))
    if "phone" in basics:
        contacts.append(literal(basics["phone"]))
    if "url" in basics:
        contacts.append(link(label(bare_url(basics["url"])), basics["url"]))
    if where := place(basics.get("location", {})):
        contacts.append(literal(where))
    for profile in basics.get("profiles", []):
        # Without an address, the profile is its name on the network, as text.
        text = profile_label(profile)
        contacts.append(link(label(text), profile["url"]) if "url" in profile else literal(text))
    return {
        "name": name,
        "image": image(basics["image"], basics["name"]) if "image" in basics else "",
        "headline": block(literal(basics["headline"])) if "headline" in basics else "",
        "contacts": block(joined(*contacts)),
        "summary": rich(basics["summary"]) if "summary" in basics else [],
    }


def image(path: str, name: str) -> str:
    """The photo as a Markdown image, its address or path as written (relative to the résumé).

    An address that could run a script (:func:`~resumefmt.converters._common.unsafe_link`)
    is not an image: it prints as text.
    """
    shown = link(label(name), path)
    return "!" + shown if shown.startswith("[") else block(shown)


def entry(
    heading: str,
    *,
    lines: list[str],
    item: Data,
    words: Words,
    details: list[str] | None = None,
) -> Data:
    """One entry: a heading, short lines under it, paragraphs, bullets, details, projects."""
    paragraphs = rich(item["summary"]) if "summary" in item else []
    if "technologies" in item:
        technologies = words.join(list(map(literal, item["technologies"])))
        details = [*(details or []), words.fact("technologies", technologies)]
    return {
        "kind": "entry",
        "heading": heading,
        "lines": [block(line) for line in lines if line],
        "paragraphs": paragraphs,
        "bullets": [rich(text) for text in item.get("highlights", [])],
        "details": [block(detail) for detail in details or []],
        "projects": [project(child, words) for child in item.get("projects", [])],
    }


def experience(item: Data, words: Words) -> Data:
    organization = literal(item["organization"])
    if "url" in item:
        organization = link(label(item["organization"]), item["url"])
    if "unit" in item:
        organization += ", " + literal(item["unit"])
    where = literal(item["location"]) if "location" in item else ""
    # Without a role the organisation is the heading, alone; without dates the line is the place.
    heading = f"{literal(item['role'])} — {organization}" if "role" in item else organization
    about = rich_line(item["description"]) if "description" in item else ""
    return entry(heading, lines=[about, joined(where, words.dates(item))], item=item, words=words)


def project(item: Data, words: Words) -> Data:
    # In another language a link without a label there shows its address (language-neutral).
    links = [
        link(label(words.extra(name, bare_url(item[key]))), item[key])
        for key, name in _PROJECT_LINKS
        if key in item
    ]
    said = [literal(item[key]) for key in ("role", "organization", "type") if key in item]
    meta = joined(*said, words.dates(item), *links)
    description = rich_line(item["description"]) if "description" in item else ""
    return entry(literal(item["name"]), lines=[description, meta], item=item, words=words)


def education(item: Data, words: Words) -> Data:
    institution = literal(item["institution"])
    if "url" in item:
        institution = link(label(item["institution"]), item["url"])
    degree, field = (literal(item[key]) if key in item else None for key in ("degree", "field"))
    studies = words.degree(degree, field, english="{degree}, {field}")
    where = literal(item["location"]) if "location" in item else ""
    facts = [words.fact(key, literal(item[key])) for key in ("gpa", "advisor") if key in item]
    details = []
    if "thesis" in item:
        details.append(words.fact("thesis", rich_line(item["thesis"])))
    if "courses" in item:
        details.append(words.fact("courses", words.join(list(map(literal, item["courses"])))))
    lines = [joined(studies, where, words.dates(item)), joined(*facts)]
    return entry(institution, lines=lines, item=item, words=words, details=details)


def custom_entry(item: Data, words: Words) -> Data:
    title = rich_line(item["title"])
    if "url" in item:
        title = link(rich_line(item["title"], in_link=True), item["url"])
    subtitle = rich_line(item["subtitle"]) if "subtitle" in item else ""
    where = literal(item["location"]) if "location" in item else ""
    return entry(title, lines=[subtitle, joined(where, words.dates(item))], item=item, words=words)


def sections(data: Data, words: Words) -> list[Data]:
    """The sections in the order written: ``title`` and ``parts`` (entries, list items)."""
    out: list[Data] = []
    for key, value in data.items():
        kind = KINDS.get(key)
        if kind in _ENTRIES:
            title = literal(words.title(key))
            out.append(_section(title, [_ENTRIES[kind](v, words) for v in value]))
        elif kind in _ITEMS:
            title = literal(words.title(key))
            out.append(_section(title, [item([_ITEMS[kind](v, words)]) for v in value]))
        elif kind == "reference":
            title = literal(words.title(key))
            out.append(_section(title, [item(items.reference(v)) for v in value]))
        elif key == CUSTOM:
            for custom in value:
                parts = [
                    item(rich(v)) if isinstance(v, str) else custom_entry(v, words)
                    for v in custom["items"]
                ]
                out.append(_section(literal(custom["title"]), parts))
    return out


def item(paragraphs: list[str]) -> Data:
    """A list item of one or more paragraphs."""
    return {"kind": "item", "paragraphs": paragraphs}


def _section(title: str, parts: list[Data]) -> Data:
    """``parts`` are entries and list items, in the order written."""
    return {"title": title, "parts": parts}


#: By :data:`resumefmt.model.KINDS`: entries with a heading, and one-paragraph list items.
_ENTRIES = {"education": education, "experience": experience, "project": project}
_ITEMS = {
    "publication": items.publication,
    "award": items.award,
    "certificate": items.certificate,
    "skill": items.skill,
    "language": items.language,
    "interest": items.interest,
}
