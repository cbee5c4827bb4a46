"""One language and one variant of a document: what lint checks and converters print.

A format 1.1 document may give any text as a language map (``{en: …, zh: …}``),
tag entries and bullets, and name variants that select by tag. Before rules
and converters see it, :func:`select` turns it into the plain document that
will be sent: every language map resolved to one string, the variant's entries
and sections kept in its order, ``tags`` and ``variants`` removed. The result
is a :class:`Selection`, a :class:`~resumefmt.loader.Document` whose every
node is located where its source is written, so findings on a selection point
at the user's file.

Lookup falls back from ``zh-Hant-TW`` to ``zh-Hant`` to ``zh``, then along the
document's ``locale``, else to the map's first language; a map that does not
give the selected language itself is listed in :attr:`Selection.missing`.
"""

from __future__ import annotations

from resumefmt import pointer
from resumefmt._reading import ReadResult
from resumefmt.loader import Document
from resumefmt.model import uses_choices as needs_selection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The language of a document that does not say.
DEFAULT_LOCALE = "en"
#: Top-level keys that only describe how to select: no rule or converter reads them.
_SELECTION_KEYS = ("variants",)


class SelectionError(Exception):
    """A variant or locale that cannot be selected: the message says why."""


class Selection(Document):
    """A document as one variant in one language will be sent (see the module's docstring)."""

    __slots__ = (
        "labels",
        "languages",
        "locale",
        "missing",
        "origins",
        "pages",
        "source",
        "variant",
    )

    def __init__(
        self, source: Document, result: ReadResult, locale: str, variant: str | None
    ) -> None:
        super().__init__(source.path, source.text, source.syntax, result)
        #: The document as written.
        self.source = source
        #: The language this selection is in (a BCP 47 tag).
        self.locale = locale
        #: The variant's name, or None for the whole document.
        self.variant = variant
        #: ``(pointer, languages given)`` of each language map that does not give
        #: this locale (nor a broader tag of it: ``zh`` serves ``zh-TW``).
        self.missing: list[tuple[str, tuple[str, ...]]] = []
        #: The document's own labels (``labels:``), resolved to this locale.
        self.labels: dict[str, str] = {}
        #: The variant's page budget for the PDF (``pages:``), or None.
        self.pages: int | None = None
        #: The language of each text taken from a language map, by pointer.
        self.languages: dict[str, str] = {}
        #: Where each node is in the document as written, by its pointer here
        #: (``/basics/headline`` → ``/basics/headline/zh``; indexes a variant shifted).
        self.origins: dict[str, str] = {}


def fallbacks(locale: str, document_locale: str = DEFAULT_LOCALE) -> list[str]:
    """The tags a lookup tries, in order: ``zh-TW`` → ``zh-TW``, ``zh``, then the document's."""
    chain: list[str] = []
    for tag in (locale, document_locale):
        parts = tag.split("-")
        for end in range(len(parts), 0, -1):
            candidate = "-".join(parts[:end])
            if candidate not in chain:
                chain.append(candidate)
    return chain


def selected(document: Document, locale: str | None, variant: str | None) -> Document:
    """``document`` as ``variant`` in ``locale`` will be sent (itself when it has no choices).

    What lint checks and converters print. A variant the document does not
    name raises :class:`~resumefmt.errors.UsageError` (exit 2).
    """
    if locale is None and variant is None and not needs_selection(document.data):
        return document
    try:
        return select(document, locale=locale, variant=variant)
    except SelectionError as exc:
        from resumefmt.errors import UsageError

        raise UsageError(str(exc)) from None


def variant_names(data: Any) -> list[str]:
    """The variants a document names, in the order written."""
    variants = data.get("variants") if isinstance(data, dict) else None
    return list(variants) if isinstance(variants, dict) else []


def select(
    document: Document,
    *,
    locale: str | None = None,
    variant: str | None = None,
    schema: dict[str, Any] | None = None,
) -> Selection:
    """``document`` (valid against its schema) as ``variant`` in ``locale``.

    Raises :class:`SelectionError` for a variant the document does not name.
    """
    data = document.data
    chosen: dict[str, Any] = {}
    if variant is not None:
        variants = data.get("variants") or {}
        if variant not in variants:
            names = ", ".join(variants) or "none"
            raise SelectionError(
                f"{document.path} has no variant '{variant}'; its variants: {names}"
            )
        chosen = variants[variant]
    document_locale = data.get("locale", DEFAULT_LOCALE)
    effective = locale or chosen.get("locale") or document_locale
    if schema is None:
        from resumefmt.schemas import load_schema

        schema = load_schema(str(data.get("resumefmt", "1.1")))
    walker = _Walker(document, schema, fallbacks(effective, document_locale), chosen)
    walker.own = frozenset(fallbacks(effective, effective))
    result = ReadResult()
    result.data = walker.document()
    result.positions, result.key_positions = walker.positions, walker.key_positions
    result.plain_scalars = walker.plain_scalars
    selection = Selection(document, result, effective, variant)
    selection.missing = walker.missing
    selection.languages = walker.languages
    selection.origins = walker.origins
    selection.pages = chosen.get("pages")
    labels = result.data.pop("labels", None)
    if isinstance(labels, dict):
        selection.labels = {k: v for k, v in labels.items() if isinstance(v, str)}
    return selection


class _Walker:
    """Builds the selected data, and where each of its nodes is written."""

    def __init__(
        self,
        document: Document,
        schema: dict[str, Any],
        chain: list[str],
        variant: dict[str, Any],
    ) -> None:
        self.source = document
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.schema = schema
        self.chain = chain
        self.include = frozenset(variant.get("include", ()))
        self.exclude = frozenset(variant.get("exclude", ()))
        self.sections: list[str] | None = variant.get("sections")
        self.text_def = self.defs.get("text")
        self.bullet_def = self.defs.get("highlights", {}).get("items")
        self.positions: dict[str, tuple[int, int]] = {}
        self.origins: dict[str, str] = {}
        self.key_positions: dict[str, tuple[int, int]] = {}
        self.plain_scalars: dict[str, str] = {}
        self.missing: list[tuple[str, tuple[str, ...]]] = []
        self.languages: dict[str, str] = {}
        #: The tags that give the text in the selected language itself.
        self.own: frozenset[str] = frozenset(chain[:1])

    def document(self) -> dict[str, Any]:
        data: dict[str, Any] = self.source.data
        keys = [k for k in data if k not in _SELECTION_KEYS]
        if self.sections is not None:
            lists = {
                k for k, node in self.schema["properties"].items() if node.get("type") == "array"
            }
            header = [k for k in keys if k not in lists]
            keys = header + [k for k in self.sections if k in data]
        self._locate("", "")
        for key in _SELECTION_KEYS:  # rules about variants point into them
            if key not in data:
                continue
            prefix = pointer.child("", key)
            for ptr, position in self.source.positions.items():
                if ptr == prefix or ptr.startswith(prefix + "/"):
                    self.positions[ptr] = position
        out: dict[str, Any] = {}
        properties = self.schema["properties"]
        for key in keys:
            member = pointer.child("", key)
            out[key] = self.node(data[key], properties.get(key, {}), member, member)
            self._locate_key(member, member)
        return out

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        seen = 0
        while "$ref" in node and seen < 20:
            target: dict[str, Any] = self.defs[node["$ref"].rsplit("/", 1)[1]]
            node = target
            seen += 1
        return node

    def _locate(self, new: str, old: str) -> None:
        if new != old:
            self.origins[new] = old
        position = self.source.positions.get(old)
        if position is not None:
            self.positions[new] = position
        scalar = self.source.plain_scalars.get(old)
        if scalar is not None:
            self.plain_scalars[new] = scalar

    def _locate_key(self, new: str, old: str) -> None:
        position = self.source.key_positions.get(old)
        if position is not None:
            self.key_positions[new] = position

    def node(self, value: Any, schema: dict[str, Any], new: str, old: str) -> Any:
        schema = self._resolve(schema)
        if schema is self.text_def and isinstance(value, dict):
            return self.text(value, new, old)
        if schema is self.bullet_def and isinstance(value, dict):
            if "text" in value:
                return self.node(value["text"], {"$ref": "#/$defs/text"}, new, old + "/text")
            return self.text(value, new, old)
        self._locate(new, old)
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            out: dict[str, Any] = {}
            for key, item in value.items():
                if key == "tags":
                    continue
                old_member, new_member = pointer.child(old, key), pointer.child(new, key)
                out[key] = self.node(item, properties.get(key, {}), new_member, old_member)
                self._locate_key(new_member, old_member)
            return out
        if isinstance(value, list):
            items = schema.get("items", {})
            kept: list[Any] = []
            for index, item in enumerate(value):
                if not self.keeps(item):
                    continue
                new_item = pointer.child(new, len(kept))
                kept.append(self.node(item, items, new_item, pointer.child(old, index)))
            return kept
        return value

    def keeps(self, item: Any) -> bool:
        """Whether an entry or bullet survives the variant's ``include``/``exclude``."""
        return _kept(item, self.include, self.exclude)

    def text(self, value: dict[str, Any], new: str, old: str) -> str:
        chosen = next((tag for tag in self.chain if tag in value), next(iter(value)))
        if chosen not in self.own:
            self.missing.append((new, tuple(value)))
        self.languages[new] = chosen
        self._locate(new, pointer.child(old, chosen))
        return str(value[chosen])


def used_tags(data: Any) -> set[str]:
    """Every tag that some entry, item or bullet of ``data`` carries."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            tags = node.get("tags")
            if isinstance(tags, list):
                found.update(t for t in tags if isinstance(t, str))
            for key, value in node.items():
                if key != "variants":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


def _kept(item: Any, include: frozenset[str], exclude: frozenset[str]) -> bool:
    """Whether an entry or bullet with these tags survives ``include``/``exclude``.

    An untagged item is common to every variant.
    """
    if not isinstance(item, dict) or not (include or exclude):
        return True
    tags = item.get("tags")
    if not isinstance(tags, list) or not tags:
        return True
    if exclude.intersection(tags):
        return False
    return not include or bool(include.intersection(tags))


def kept_entries(data: Any, variant: dict[str, Any]) -> dict[str, int]:
    """Entries per section that ``variant`` keeps, in its order, without building it.

    What :func:`select` would keep, counted in time proportional to the
    entries, so that a document with many variants is checked in linear time.
    """
    from resumefmt.model import KINDS

    if not isinstance(data, dict):
        return {}
    include = frozenset(variant.get("include") or ())
    exclude = frozenset(variant.get("exclude") or ())
    names = variant.get("sections") or [k for k in data if k in KINDS]
    counts = {}
    for name in names:
        entries = data.get(name)
        if isinstance(entries, list):
            counts[name] = sum(1 for entry in entries if _kept(entry, include, exclude))
    return counts


def variant_problems(document: Document) -> list[tuple[str, str]]:
    """``(pointer, message)`` of each variant that names an unused tag or keeps nothing."""
    data = document.data
    variants = data.get("variants") if isinstance(data, dict) else None
    if not isinstance(variants, dict):
        return []
    tags = used_tags(data)
    problems: list[tuple[str, str]] = []
    for name, variant in variants.items():
        if not isinstance(variant, dict):
            continue
        for key in ("include", "exclude"):
            for index, tag in enumerate(variant.get(key) or ()):
                if tag not in tags:
                    where = pointer.join(["variants", name, key, index])
                    known = ", ".join(sorted(tags)) or "none"
                    problems.append(
                        (where, f"no entry or bullet carries the tag '{tag}' (tags used: {known})")
                    )
        if not any(kept_entries(data, variant).values()):
            problems.append(
                (pointer.join(["variants", name]), f"the variant '{name}' keeps no entry at all")
            )
    return problems
