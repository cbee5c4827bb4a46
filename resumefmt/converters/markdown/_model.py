"""The résumé as ready-escaped Markdown pieces, laid out by the templates.

Every string in the model is already Markdown: literal fields escaped, rich
text converted. Templates only arrange them, so a user's template cannot
forget to escape what the built-in ones print.
"""

from __future__ import annotations

from resumefmt.converters._common import TITLES, bare_url, dates, place, profile_label
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
    from resumefmt.converters.markdown._items import Data

_FACTS = (("gpa", "GPA"), ("advisor", "Advisor"))
_PROJECT_LINKS = (("url", "Website"), ("repository", "Code"))


def header(basics: Data) -> Data:
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


def entry(heading: str, *, lines: list[str], item: Data, details: list[str] | None = None) -> Data:
    """One entry: a heading, short lines under it, paragraphs, bullets, details, projects."""
    paragraphs = rich(item["summary"]) if "summary" in item else []
    if "technologies" in item:
        details = [
            *(details or []),
            "Technologies: " + ", ".join(map(literal, item["technologies"])),
        ]
    return {
        "kind": "entry",
        "heading": heading,
        "lines": [block(line) for line in lines if line],
        "paragraphs": paragraphs,
        "bullets": [rich(text) for text in item.get("highlights", [])],
        "details": [block(detail) for detail in details or []],
        "projects": [project(child) for child in item.get("projects", [])],
    }


def experience(item: Data) -> Data:
    organization = literal(item["organization"])
    if "url" in item:
        organization = link(label(item["organization"]), item["url"])
    if "unit" in item:
        organization += ", " + literal(item["unit"])
    where = literal(item["location"]) if "location" in item else ""
    # Without a role the organisation is the heading, alone; without dates the line is the place.
    heading = f"{literal(item['role'])} — {organization}" if "role" in item else organization
    about = rich_line(item["description"]) if "description" in item else ""
    return entry(heading, lines=[about, joined(where, dates(item))], item=item)


def project(item: Data) -> Data:
    links = [link(name, item[key]) for key, name in _PROJECT_LINKS if key in item]
    said = [literal(item[key]) for key in ("role", "organization", "type") if key in item]
    meta = joined(*said, dates(item), *links)
    description = rich_line(item["description"]) if "description" in item else ""
    return entry(literal(item["name"]), lines=[description, meta], item=item)


def education(item: Data) -> Data:
    institution = literal(item["institution"])
    if "url" in item:
        institution = link(label(item["institution"]), item["url"])
    studies = ", ".join(literal(item[key]) for key in ("degree", "field") if key in item)
    where = literal(item["location"]) if "location" in item else ""
    facts = [f"{label}: {literal(item[key])}" for key, label in _FACTS if key in item]
    details = []
    if "thesis" in item:
        details.append("Thesis: " + rich_line(item["thesis"]))
    if "courses" in item:
        details.append("Courses: " + ", ".join(map(literal, item["courses"])))
    lines = [joined(studies, where, dates(item)), joined(*facts)]
    return entry(institution, lines=lines, item=item, details=details)


def custom_entry(item: Data) -> Data:
    title = rich_line(item["title"])
    if "url" in item:
        title = link(rich_line(item["title"], in_link=True), item["url"])
    subtitle = rich_line(item["subtitle"]) if "subtitle" in item else ""
    where = literal(item["location"]) if "location" in item else ""
    return entry(title, lines=[subtitle, joined(where, dates(item))], item=item)


def sections(data: Data) -> list[Data]:
    """The sections in the order written: ``title`` and ``parts`` (entries, list items)."""
    out: list[Data] = []
    for key, value in data.items():
        kind = KINDS.get(key)
        if kind in _ENTRIES:
            out.append(_section(TITLES[key], [_ENTRIES[kind](v) for v in value]))
        elif kind in _ITEMS:
            out.append(_section(TITLES[key], [item([_ITEMS[kind](v)]) for v in value]))
        elif kind == "reference":
            out.append(_section(TITLES[key], [item(items.reference(v)) for v in value]))
        elif key == CUSTOM:
            for custom in value:
                parts = [
                    item(rich(v)) if isinstance(v, str) else custom_entry(v)
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
