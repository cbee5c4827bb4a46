"""Locations and diagnostics: the values every check returns.

A :class:`Location` prints as ``path:line:col`` (1-based, columns counted in
characters); a :class:`Diagnostic` prints as the one-line form editors and CI
parse: ``path:line:col: severity: message [CODE]``, one line whatever the
path and the message hold (:func:`resumefmt._text.visible`).
"""

from __future__ import annotations

from resumefmt._record import Record
from resumefmt._text import visible

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Literal

    from resumefmt.codes import Code

    Severity = Literal["error", "warning", "info"]


class Location(Record):
    """Where a node is: the file as given, 1-based line and column, JSON pointer."""

    __slots__ = ("column", "line", "path", "pointer")

    def __init__(self, path: str, line: int, column: int, pointer: str = "") -> None:
        self.path = path
        self.line = line
        self.column = column
        self.pointer = pointer

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Diagnostic(Record):
    """One problem at one location."""

    __slots__ = ("code", "location", "message", "name", "severity")

    def __init__(
        self, location: Location, severity: Severity, code: str, name: str, message: str
    ) -> None:
        self.location = location
        self.severity: Severity = severity
        self.code = code
        self.name = name
        self.message = message

    @classmethod
    def of(
        cls, code: Code, location: Location, message: str, severity: Severity = "error"
    ) -> Diagnostic:
        """Build a diagnostic for one of the built-in :mod:`resumefmt.codes`."""
        return cls(location, severity, code.code, code.name, message)

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code)

    def format_text(self) -> str:
        """``path:line:col: severity: message [CODE]``, on one line with no raw controls.

        The path and the message may hold what a user wrote (a file name, a
        value quoted in a rule's message): a newline there must not start a
        line that reads as another diagnostic, nor an escape reach a terminal.
        """
        loc = self.location
        where = f"{visible(loc.path)}:{loc.line}:{loc.column}"
        return f"{where}: {self.severity}: {visible(self.message)} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        """The fields of ``validate`` and ``lint --format json`` output (README: Command line)."""
        loc = self.location
        return {
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "pointer": loc.pointer,
        }


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in reading order: path, line, column, code; ties keep their order."""
    return sorted(diagnostics, key=Diagnostic.sort_key)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)
