"""The format version a document declares, and which schema checks it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resumefmt import codes
from resumefmt.diagnostics import Diagnostic
from resumefmt.loader import Document
from resumefmt.schemas import KNOWN_VERSIONS, NEWEST

VERSION_KEY = "resumefmt"
_FORM = re.compile(r"([0-9]+)\.([0-9]+)\Z")


@dataclass
class VersionCheck:
    """The schema version to validate with (None: cannot validate), and problems."""

    schema_version: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _parts(version: str) -> tuple[int, int]:
    match = _FORM.match(version)
    assert match, version
    return int(match[1]), int(match[2])


def check_version(document: Document) -> VersionCheck:
    """Read the ``resumefmt`` key; pick the newest known schema of its major version."""
    data = document.data
    if not isinstance(data, dict):
        return VersionCheck(NEWEST)  # the schema reports that the document is not a mapping
    here = "/" + VERSION_KEY
    readable = ", ".join(KNOWN_VERSIONS)

    def problem(message: str, severity: str = "error") -> Diagnostic:
        location = document.locate(here if VERSION_KEY in data else "")
        return Diagnostic(location, severity, codes.VERSION.code, codes.VERSION.name, message)  # type: ignore[arg-type]

    if VERSION_KEY not in data:
        message = f"missing the format version: add 'resumefmt: \"{NEWEST}\"' as the first line"
        return VersionCheck(NEWEST, [problem(message)])
    declared = data[VERSION_KEY]
    if not isinstance(declared, str):
        typed = document.plain_scalars.get(here, str(declared))
        message = f'the format version must be text: write resumefmt: "{typed}" with the quotes'
        return VersionCheck(NEWEST, [problem(message)])
    if not _FORM.match(declared):
        message = (
            f"'{declared}' is not a format version: write it as MAJOR.MINOR, such as \"{NEWEST}\""
        )
        return VersionCheck(NEWEST, [problem(message)])
    major, minor = _parts(declared)
    same_major = [v for v in KNOWN_VERSIONS if _parts(v)[0] == major]
    if not same_major:
        newer = major > _parts(NEWEST)[0]
        advice = (
            "upgrade resumefmt to read it" if newer else "convert the file to a version it reads"
        )
        message = (
            f"this file uses format version {declared}; this release of resumefmt reads "
            f"versions {readable}: {advice}"
        )
        return VersionCheck(None, [problem(message)])
    usable = [v for v in same_major if _parts(v)[1] <= minor]
    if usable:
        chosen = usable[-1]
        if _parts(chosen)[1] == minor:
            return VersionCheck(chosen)
        message = (
            f"format version {declared} is newer than {chosen}, the newest this release "
            f"reads: checking against {chosen}; upgrade resumefmt to check the newer fields"
        )
        return VersionCheck(chosen, [problem(message, "warning")])
    message = f"format version {declared} does not exist; this release reads versions {readable}"
    return VersionCheck(same_major[0], [problem(message)])
