"""Lint output: text lines, a JSON array, SARIF 2.1.0, GitHub workflow commands."""

from __future__ import annotations

import os

from resumefmt import __version__
from resumefmt._text import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.codes import Code
    from resumefmt.diagnostics import Diagnostic
    from resumefmt.rules import Rule

INFORMATION_URI = "https://github.com/resumefmt/resumefmt"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def as_text(found: list[Diagnostic], *, color: bool = False) -> str:
    """One ``path:line:col: severity: message [CODE]`` line each; see :func:`paint`."""
    return "".join((paint(d) if color else d.format_text()) + "\n" for d in found)


#: SGR codes: errors red, warnings yellow, info cyan; the severity word also bold.
_COLORS = {"error": "31", "warning": "33", "info": "36"}


def paint(diagnostic: Diagnostic) -> str:
    """A diagnostic's text line with its severity word and its code in colour.

    Only these two, which are ours: the path and the message (user data) are
    formatted as without colour, so the line reads and parses the same.
    """
    from resumefmt.diagnostics import Diagnostic

    color = _COLORS[diagnostic.severity]
    severity: Any = f"\x1b[1;{color}m{diagnostic.severity}\x1b[0m"
    code = f"\x1b[{color}m{diagnostic.code}\x1b[0m"
    d = diagnostic
    return Diagnostic(d.location, severity, code, d.name, d.message).format_text()


def color_wanted(choice: str, stream: Any) -> bool:
    """Whether text output to ``stream`` is coloured under ``--color choice``.

    ``always`` and ``never`` say it all. ``auto`` colours a terminal only:
    not when ``NO_COLOR`` is set (no-color.org), always when ``FORCE_COLOR``
    is (other than ``0``), never on ``TERM=dumb``.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def as_json(found: list[Diagnostic]) -> str:
    import json

    return json.dumps([d.as_dict() for d in found], ensure_ascii=False, indent=2) + "\n"


def as_github(found: list[Diagnostic]) -> str:
    """One ``::error file=…,line=…,col=…,title=…::message`` workflow command each."""
    lines = []
    for d in found:
        loc = d.location
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", loc.path),
                ("line", loc.line),
                ("col", loc.column),
                ("title", f"{d.code} {d.name}"),
            )
        )
        lines.append(f"::{_GITHUB_LEVEL[d.severity]} {properties}::{_escape_data(d.message)}\n")
    return "".join(lines)


def _escape_data(text: str) -> str:
    # GitHub decodes %0A into a line of the annotation; other controls (ESC,
    # bidi) would act on the log viewer, so they are shown as escapes.
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_sarif(found: list[Diagnostic], rules: list[Rule], codes: list[Code]) -> str:
    """A SARIF 2.1.0 log as GitHub code scanning reads it.

    Paths are made relative to the repository root (the nearest folder above
    the current one holding ``.git``) under ``%SRCROOT%``. Each result has a
    fingerprint of its rule, file, JSON pointer and message, which survives
    lines moving above it.
    """
    import hashlib
    import json

    from resumefmt.rules import plain_text

    root = repository_root()
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for code in codes:
        index[code.code] = len(descriptors)
        descriptors.append(_descriptor(code.code, code.name, code.summary, code.summary, "error"))
    for rule in rules:
        index[rule.code] = len(descriptors)
        descriptors.append(
            _descriptor(rule.code, rule.name, rule.summary, plain_text(rule.manual), rule.severity)
        )
    results = []
    for d in found:
        loc = d.location
        uri = _relative_uri(loc.path, root)
        digest = hashlib.sha256(
            "\0".join((d.code, uri, loc.pointer, d.message)).encode("utf-8")
        ).hexdigest()
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": loc.line, "startColumn": loc.column},
                    },
                    "logicalLocations": [{"fullyQualifiedName": loc.pointer or "/"}],
                }
            ],
            "partialFingerprints": {"resumefmtFinding/v1": digest},
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.replacements:
            result["fixes"] = [_sarif_fix(d, uri)]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "resumefmt",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _file_uri(root)}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_fix(d: Diagnostic, uri: str) -> dict[str, Any]:
    """The safe fix as SARIF's ``fix``: regions of the file replaced (sections 3.55 to 3.57)."""
    replacements = []
    for r in d.replacements:
        region = {
            "startLine": r.line,
            "startColumn": r.column,
            "endLine": r.end_line,
            "endColumn": r.end_column,  # exclusive; equal to startColumn: an insertion point
        }
        replacements.append({"deletedRegion": region, "insertedContent": {"text": r.text}})
    return {
        "description": {"text": f"the safe fix of {d.name} (resumefmt lint --fix)"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                "replacements": replacements,
            }
        ],
    }


def _descriptor(code: str, name: str, summary: str, doc: str, severity: str) -> dict[str, Any]:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[severity]},
        "properties": {"tags": [name.split(".", 1)[0]]},
    }


def repository_root() -> str:
    """The nearest folder at or above the current one that holds ``.git``, else the cwd."""
    here = os.getcwd()
    folder = here
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent


def _relative_uri(path: str, root: str) -> str:
    from urllib.parse import quote

    if path == "-":
        return "stdin"
    relative = os.path.relpath(os.path.abspath(path), root)
    return quote(relative.replace(os.sep, "/"))


def _file_uri(folder: str) -> str:
    from pathlib import Path

    return Path(folder).as_uri().rstrip("/") + "/"
