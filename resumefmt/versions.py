"""The format version a document declares, and which schema checks it."""

from __future__ import annotations

from resumefmt import codes
from resumefmt._record import Record
from resumefmt._text import quote
from resumefmt.diagnostics import Diagnostic, Fix
from resumefmt.loader import Document
from resumefmt.schemas import KNOWN_VERSIONS, NEWEST

VERSION_KEY = "resumefmt"


TYPE_CHECKING = False

if TYPE_CHECKING:
    from resumefmt.diagnostics import Severity


class VersionCheck(Record):
    """The schema version to validate with (None: cannot validate), and problems."""

    __slots__ = ("diagnostics", "schema_version")

    def __init__(
        self, schema_version: str | None, diagnostics: tuple[Diagnostic, ...] = ()
    ) -> None:
        self.schema_version = schema_version
        self.diagnostics = diagnostics


#: More digits than any real version number has; longer ones are not read as
#: numbers at all (Python refuses to turn more than 4,300 digits into an int).
_MAX_DIGITS = 9


def _parts(version: str) -> tuple[int, int] | None:
    """``"1.10"`` → ``(1, 10)``; None when it is not MAJOR.MINOR."""
    major, dot, minor = version.partition(".")
    if not (dot and _number(major) and _number(minor)):
        return None
    return int(major), int(minor)


def _number(part: str) -> bool:
    """ASCII digits without leading zeros, short enough to be a version number."""
    digits = part.isascii() and part.isdigit() and len(part) <= _MAX_DIGITS
    return digits and (part == "0" or not part.startswith("0"))


def _known(version: str) -> tuple[int, int]:
    parts = _parts(version)
    assert parts is not None, version
    return parts


def check_version(document: Document) -> VersionCheck:
    """Read the ``resumefmt`` key; pick the newest known schema of its major version."""
    data = document.data
    if not isinstance(data, dict):
        return VersionCheck(NEWEST)  # the schema reports that the document is not a mapping
    here = "/" + VERSION_KEY
    readable = ", ".join(KNOWN_VERSIONS)

    def problem(message: str, severity: Severity = "error", fix: Fix | None = None) -> Diagnostic:
        location = document.locate(here if VERSION_KEY in data else "")
        return Diagnostic.of(codes.VERSION, location, message, severity, fix)

    if VERSION_KEY not in data:
        message = f"missing the format version: add 'resumefmt: \"{NEWEST}\"' as the first line"
        return VersionCheck(NEWEST, (problem(message),))
    declared = data[VERSION_KEY]
    if not isinstance(declared, str):
        typed = document.plain_scalars.get(here, str(declared))
        number = isinstance(declared, (int, float)) and not isinstance(declared, bool)
        if number and _parts(typed) is not None:  # quoting it gives a version
            message = f'the format version must be text: write resumefmt: "{typed}" with the quotes'
            # One safe answer: the version as typed, in quotes (lint --fix).
            fix = Fix(typed, pointer=here) if here in document.plain_scalars else None
            return VersionCheck(NEWEST, (problem(message, fix=fix),))
        message = f'the format version must be text: write resumefmt: "{NEWEST}"'
        return VersionCheck(NEWEST, (problem(message),))
    parts = _parts(declared)
    if parts is None:
        message = (
            f"{quote(declared)} is not a format version: write it as MAJOR.MINOR, "
            f'such as "{NEWEST}"'
        )
        return VersionCheck(NEWEST, (problem(message),))
    major, minor = parts
    same_major = [v for v in KNOWN_VERSIONS if _known(v)[0] == major]
    if not same_major:
        newer = major > _known(NEWEST)[0]
        advice = (
            "upgrade resumefmt to read it" if newer else "convert the file to a version it reads"
        )
        message = (
            f"this file uses format version {declared}; this release of resumefmt reads "
            f"versions {readable}: {advice}"
        )
        return VersionCheck(None, (problem(message),))
    usable = [v for v in same_major if _known(v)[1] <= minor]
    if usable:
        chosen = usable[-1]
        if _known(chosen)[1] == minor:
            return VersionCheck(chosen)
        message = (
            f"format version {declared} is newer than {chosen}, the newest this release "
            f"reads: checking against {chosen}; upgrade resumefmt to check the newer fields"
        )
        return VersionCheck(chosen, (problem(message, "warning"),))
    message = f"format version {declared} does not exist; this release reads versions {readable}"
    return VersionCheck(same_major[0], (problem(message),))
