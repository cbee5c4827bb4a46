"""Locations and diagnostics: the values every check returns.

A :class:`Location` prints as ``path:line:col`` (1-based, columns counted in
characters); a :class:`Diagnostic` prints as the one-line form editors and CI
parse: ``path:line:col: severity: message [CODE]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from resumefmt.codes import Code

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Location:
    """Where a node is: the file as given, 1-based line and column, JSON pointer."""

    path: str
    line: int
    column: int
    pointer: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one location."""

    location: Location
    severity: Severity
    code: str
    name: str
    message: str

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
        """``path:line:col: severity: message [CODE]``."""
        return f"{self.location}: {self.severity}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        """The fields of DESIGN.md's JSON output."""
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
