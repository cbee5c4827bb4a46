"""Suppression comments in YAML: ``# resumefmt: disable=CODE[,CODE]``.

``disable=`` silences the listed rules (codes or names) on the comment's own
line; ``disable-next-line=`` on the line below it. A directive that names no
known rule, or that is not written as one, is itself reported, located at the
directive.
"""

from __future__ import annotations

import re

from resumefmt.codes import BAD_DIRECTIVE
from resumefmt.diagnostics import Diagnostic, Location

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*resumefmt\s*:\s*(?P<body>.*?)\s*$")
_BODY = re.compile(
    r"(?P<kind>disable|disable-next-line)\s*=\s*(?P<codes>[^\s#,]+(?:\s*,\s*[^\s#,]+)*)"
    r"\s*(?:#.*)?\Z"
)
_FILE_LEVEL = ("RF0",)  # load and schema problems cannot be silenced by a comment


def apply_suppressions(
    document: Document, found: list[Diagnostic], registry: Registry
) -> list[Diagnostic]:
    """``found`` without the suppressed findings, plus problems with the directives."""
    if "resumefmt" not in document.text or "#" not in document.text:
        return found
    silenced: dict[int, set[str]] = {}
    problems: list[Diagnostic] = []
    for number, line in enumerate(document.text.splitlines(), start=1):
        if "resumefmt" not in line:
            continue
        match = _DIRECTIVE.search(line)
        if match is None or match.group("body").startswith("$schema"):
            continue  # not a directive, or the yaml-language-server modeline
        where = Location(document.path, number, match.start("body") + 1)
        body = _BODY.match(match.group("body"))
        if body is None:
            message = (
                f"cannot read the directive '{match.group('body')}': write "
                "'disable=CODE' or 'disable-next-line=CODE' (codes or rule names, comma-separated)"
            )
            problems.append(Diagnostic.of(BAD_DIRECTIVE, where, message, "warning"))
            continue
        target = number if body.group("kind") == "disable" else number + 1
        column = match.start("body") + body.start("codes") + 1
        for item in body.group("codes").split(","):
            name = item.strip()
            code = registry.code_for(name)
            if code is None:
                at = Location(document.path, number, column + len(item) - len(item.lstrip()))
                problems.append(Diagnostic.of(BAD_DIRECTIVE, at, _unknown(name), "warning"))
            else:
                silenced.setdefault(target, set()).add(code)
            column += len(item) + 1
    kept = [
        d for d in found if d.code.startswith(_FILE_LEVEL) or not _silenced(d, silenced, document)
    ]
    return kept + problems


def _unknown(item: str) -> str:
    from resumefmt import codes

    if any(item in (c.code, c.name) for c in codes.ALL):
        return f"{item} is a load or schema problem and cannot be silenced: fix the file instead"
    return f"the directive names no known rule '{item}'"


def _silenced(finding: Diagnostic, silenced: dict[int, set[str]], document: Document) -> bool:
    """Silenced on its own line, or on the line where its node starts (a block scalar)."""
    if finding.code in silenced.get(finding.location.line, ()):
        return True
    start = document.positions.get(finding.location.pointer)
    return start is not None and finding.code in silenced.get(start[0], ())
