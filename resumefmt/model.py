"""The vocabulary of the format: its sections, their entries, and groups of fields.

Rules, converters and the JSON Resume mapping read the format through these
names instead of keeping their own tables; ``tests/test_model.py`` holds them
equal to the schema of the newest format version.

Field groups are *selectors*: a JSON pointer without its leading slash, where
``*`` stands for one token (a key or a list index) and ``**`` for any number.
:meth:`resumefmt.rules.Context.strings` selects the strings they match.
"""

from __future__ import annotations

from resumefmt._record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any


class Section(Record):
    """A top-level list section: its key, and the schema definition of its entries."""

    __slots__ = ("kind", "name")

    def __init__(self, name: str, kind: str) -> None:
        self.name = name
        #: The name of the entry's definition in the schema (``$defs``).
        self.kind = kind


#: Every top-level section that holds a list of entries, in the schema's order.
SECTIONS = (
    Section("education", "education"),
    Section("work", "experience"),
    Section("research", "experience"),
    Section("volunteer", "experience"),
    Section("projects", "project"),
    Section("publications", "publication"),
    Section("awards", "award"),
    Section("certificates", "certificate"),
    Section("skills", "skill"),
    Section("languages", "language"),
    Section("interests", "interest"),
    Section("references", "reference"),
    Section("sections", "section"),
)
#: The kind of entry each section holds, by section key.
KINDS = {section.name: section.kind for section in SECTIONS}
#: Top-level keys that are not sections.
HEADER_KEYS = ("resumefmt", "$schema", "locale", "basics", "labels", "variants")
#: Sections whose entries run from a ``start`` to an ``end``.
DATED = ("education", "work", "research", "volunteer", "projects")
#: Entry kinds that hold ``projects`` of their own.
WITH_PROJECTS = ("experience",)
#: The custom section (``sections``): entries are titled sections of ``items``.
CUSTOM = "sections"

#: Fields written as sentences: what the wording and format rules read.
PROSE = (
    "basics/headline",
    "basics/summary",
    "*/*/summary",
    "*/*/description",
    "*/*/thesis",
    "*/*/reference",
    "*/*/highlights/*",
    "*/*/projects/*/summary",
    "*/*/projects/*/description",
    "*/*/projects/*/highlights/*",
    "sections/*/items/*",
    "sections/*/items/*/summary",
    "sections/*/items/*/highlights/*",
)
#: The bullets of an entry: what the tense rules read.
BULLETS = ("*/*/highlights/*", "*/*/projects/*/highlights/*", "sections/*/items/*/highlights/*")
#: Fields that take rich text (``**bold**``, links, ...), by entry kind (``basics`` too).
RICH_TEXT = {
    "basics": ("summary",),
    "experience": ("description", "summary", "highlights"),
    "project": ("description", "summary", "highlights"),
    "education": ("thesis", "summary", "highlights"),
    "publication": ("summary",),
    "award": ("summary",),
    "certificate": ("summary",),
    "reference": ("reference",),
    "sectionItem": ("title", "subtitle", "summary", "highlights"),
}
#: :data:`RICH_TEXT` as selectors (a custom section's item may be one rich-text string).
RICH_TEXT_FIELDS = (
    *(field for field in PROSE if field != "basics/headline"),
    "sections/*/items/*/title",
    "sections/*/items/*/subtitle",
)
#: Every field a reader sees as words: the prose, plus names of things, titles
#: and keywords. Not names of people or projects (a repository called
#: ``pytorch-utils`` is spelled as it is), nor URLs, e-mails and dates.
WORDED = (
    *PROSE,
    "basics/profiles/*/network",
    "*/*/organization",
    "*/*/unit",
    "*/*/role",
    "*/*/institution",
    "*/*/degree",
    "*/*/field",
    "*/*/title",
    "*/*/venue",
    "*/*/awarder",
    "*/*/issuer",
    "*/*/type",
    "*/*/keywords/*",
    "*/*/technologies/*",
    "*/*/courses/*",
    "*/*/projects/*/role",
    "*/*/projects/*/technologies/*",
    "sections/*/items/*/title",
    "sections/*/items/*/subtitle",
)
#: Fields whose whole value is a web address (the schema's ``url`` definition).
URL_FIELDS = ("**/url", "**/repository")
#: A BCP 47 language tag as ``locale`` and ``--locale`` take it: language,
#: script, region, variants (``en``, ``zh-Hant-TW``, ``pt-BR``), in any case.
LANGUAGE_TAG = (
    r"[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
    r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
)
#: A key of a language map: a tag in its canonical case (``zh-Hant-TW``).
LANGUAGE_KEY = (
    r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
)
#: The name of a variant (``variants:``), and of a tag.
VARIANT_NAME = r"[a-z0-9][a-z0-9-]*"
#: Schemes besides http(s) that a profile's address may use (``profileAddress``, 1.1).
PROFILE_SCHEMES = ("mailto", "tel", "skype", "xmpp", "sip", "callto")


def mappings(items: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(index, item)`` of each mapping in a list (nothing for anything else)."""
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def entries(
    data: Any, sections: Iterable[str] = DATED
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(section, pointer, entry)`` of each entry of the given top-level sections."""
    if not isinstance(data, dict):
        return
    for section in sections:
        for index, entry in mappings(data.get(section)):
            yield section, f"/{section}/{index}", entry


def dated_entries(data: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(section, pointer, entry)`` of everything that may have a start and an end.

    The entries of the dated sections, the projects inside them (which belong
    to their entry's section), and the items of custom sections (section
    ``sections``).
    """
    for section, pointer, entry in entries(data, DATED):
        yield section, pointer, entry
        if KINDS[section] in WITH_PROJECTS:
            for inner, project in mappings(entry.get("projects")):
                yield section, f"{pointer}/projects/{inner}", project
    for _section, pointer, custom in entries(data, (CUSTOM,)):
        for inner, item in mappings(custom.get("items")):
            yield CUSTOM, f"{pointer}/items/{inner}", item


def language_of(document: Any, ptr: str) -> str:
    """The language of the text at ``ptr``: the key its language map gave, else the document's.

    A plain string is in the document's own ``locale`` (default ``en``),
    whichever language is being built: ``--locale`` picks among language maps,
    it does not translate. ``document`` is a loaded document, or a
    :class:`~resumefmt.selection.Selection` of one (its ``languages`` say which
    key each map gave, its ``source`` is the document as written).
    """
    chosen: dict[str, str] | None = getattr(document, "languages", None)
    if chosen:
        found = chosen.get(ptr)
        if found is not None:
            return found
    data = getattr(document, "source", document).data
    locale = data.get("locale") if isinstance(data, dict) else None
    return locale if isinstance(locale, str) else "en"


def uses_choices(data: Any) -> bool:
    """Whether ``data`` uses any of format 1.1's language maps, tags or variants.

    A fast check (the whole document is walked once, without building
    anything), so that a document without them is linted and converted as
    it is, without :mod:`resumefmt.selection`.
    """
    if not isinstance(data, dict):
        return False
    if any(key in data for key in ("locale", "labels", "variants")):
        return True
    return _uses_maps_or_tags(data)


def _uses_maps_or_tags(node: Any) -> bool:
    if isinstance(node, dict):
        if "tags" in node or "text" in node:
            return True
        values = node.values()
        if node and all(isinstance(v, str) for v in values) and all(map(_is_language, node)):
            return True
        return any(isinstance(v, (dict, list)) and _uses_maps_or_tags(v) for v in values)
    if isinstance(node, list):
        return any(isinstance(v, (dict, list)) and _uses_maps_or_tags(v) for v in node)
    return False


def _is_language(key: str) -> bool:
    """Whether ``key`` is a language tag as a language map's key writes it."""
    import re

    return re.fullmatch(LANGUAGE_KEY, key) is not None
