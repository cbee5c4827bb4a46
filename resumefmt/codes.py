"""Stable codes for the problems found before any lint rule runs.

Load and schema problems are findings like any other: each has a code in the
``RF0xx`` range and a dotted name, so ``lint --format json`` reports them in
one list with the rule findings (``RF1xx`` and up belong to lint rules).
"""

from __future__ import annotations

from resumefmt._record import Record


class Code(Record):
    """A stable problem code, its dotted name and a one-line summary."""

    __slots__ = ("code", "name", "summary")

    def __init__(self, code: str, name: str, summary: str) -> None:
        self.code = code
        self.name = name
        self.summary = summary


SYNTAX = Code("RF001", "load.syntax", "The file is not well-formed YAML or JSON.")
DUPLICATE_KEY = Code("RF002", "load.duplicate-key", "A key appears twice in one mapping.")
UNSUPPORTED_YAML = Code(
    "RF003",
    "load.unsupported-yaml",
    "A YAML feature resumefmt refuses: tags, aliases, several documents, complex keys.",
)
ENCODING = Code("RF004", "load.encoding", "The file is not UTF-8 text.")
VERSION = Code("RF005", "format.version", "The format version is missing, malformed or unknown.")
TYPE = Code("RF010", "schema.type", "A value has the wrong type.")
UNKNOWN_KEY = Code("RF011", "schema.unknown-key", "A key the format does not define.")
MISSING_KEY = Code("RF012", "schema.missing-key", "A required key is missing.")
PATTERN = Code("RF013", "schema.pattern", "Text does not have the required form (dates, ...).")
CHOICE = Code("RF014", "schema.choice", "A value is not one of the allowed choices.")
SIZE = Code("RF015", "schema.size", "Text or a list is empty, too short or too long.")
RANGE = Code("RF016", "schema.range", "A number is outside its allowed range.")
DUPLICATE_ITEM = Code("RF017", "schema.duplicate-item", "A list holds the same item twice.")

JSONRESUME_SCHEMA = Code(
    "RF060", "jsonresume.schema", "Not valid against the official JSON Resume schema."
)
JSONRESUME_MISSING = Code(
    "RF061", "jsonresume.missing", "A field resumefmt requires has no JSON Resume source."
)
JSONRESUME_UNMAPPED = Code(
    "RF062", "jsonresume.unmapped", "Kept under x-jsonresume: no resumefmt field holds it."
)
JSONRESUME_EMPTY = Code("RF063", "jsonresume.empty", "An empty value left out on import.")
JSONRESUME_CONFLICT = Code(
    "RF064", "jsonresume.conflict", "A value edited after export wins over x-resumefmt."
)
JSONRESUME_RESERVED = Code(
    "RF065", "jsonresume.reserved", "x-resumefmt or x-jsonresume used where they are reserved."
)
JSONRESUME_EXPORT = Code(
    "RF066", "jsonresume.export", "A value JSON Resume cannot hold (a year outside 1000-2999)."
)

#: The codes of ``convert``/``import`` problems with JSON Resume, by kind.
JSONRESUME = {
    code.name.split(".", 1)[1]: code
    for code in (
        JSONRESUME_SCHEMA,
        JSONRESUME_MISSING,
        JSONRESUME_UNMAPPED,
        JSONRESUME_EMPTY,
        JSONRESUME_CONFLICT,
        JSONRESUME_RESERVED,
        JSONRESUME_EXPORT,
    )
}

ALL: tuple[Code, ...] = (
    SYNTAX,
    DUPLICATE_KEY,
    UNSUPPORTED_YAML,
    ENCODING,
    VERSION,
    TYPE,
    UNKNOWN_KEY,
    MISSING_KEY,
    PATTERN,
    CHOICE,
    SIZE,
    RANGE,
    DUPLICATE_ITEM,
    *JSONRESUME.values(),
)
