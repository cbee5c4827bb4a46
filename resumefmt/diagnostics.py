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
    from resumefmt.editing import Edit

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


class Fix(Record):
    """A safe change to one value: ``value[start:end]`` becomes ``replacement``.

    What a rule (or the validator) says, in the value's terms; ``lint --fix``
    turns it into an edit of the file's text (:mod:`resumefmt.fixing`).
    ``start``/``end`` None: the finding's own span in a rule's
    :class:`~resumefmt.rules.Finding`, the whole value otherwise (a number
    that must be text becomes the string ``replacement``). ``pointer`` None:
    the finding's node.
    """

    __slots__ = ("end", "pointer", "replacement", "start")

    def __init__(
        self,
        replacement: str,
        start: int | None = None,
        end: int | None = None,
        *,
        pointer: str | None = None,
    ) -> None:
        self.replacement = replacement
        self.start = start
        self.end = end
        self.pointer = pointer


class Replacement(Record):
    """A fix placed in the file: ``text[start:end]`` (offsets) becomes ``text``.

    ``line``/``column`` and ``end_line``/``end_column`` (1-based, the end
    exclusive) are where those offsets are written, as JSON and SARIF output
    show them. ``change`` is the :class:`Fix` it came from (None for an edit
    of the text a rule gave as such).
    """

    __slots__ = ("change", "column", "end", "end_column", "end_line", "line", "start", "text")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        position: tuple[int, int],
        end_position: tuple[int, int],
        change: Fix | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.line, self.column = position
        self.end_line, self.end_column = end_position
        self.change = change

    def as_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "endLine": self.end_line,
            "endColumn": self.end_column,
            "text": self.text,
        }


class Diagnostic(Record):
    """One problem at one location, with the safe fix for it if there is one.

    ``fix`` holds :class:`Fix` values (or :class:`~resumefmt.editing.Edit`
    values of the text) as found, or the :class:`Replacement` values they
    were placed as (:func:`resumefmt.fixing.place`); empty without a fix.
    """

    __slots__ = ("code", "fix", "location", "message", "name", "severity")

    def __init__(
        self,
        location: Location,
        severity: Severity,
        code: str,
        name: str,
        message: str,
        fix: tuple[Fix | Edit | Replacement, ...] = (),
    ) -> None:
        self.location = location
        self.severity: Severity = severity
        self.code = code
        self.name = name
        self.message = message
        self.fix = fix

    @classmethod
    def of(
        cls,
        code: Code,
        location: Location,
        message: str,
        severity: Severity = "error",
        fix: Fix | None = None,
    ) -> Diagnostic:
        """Build a diagnostic for one of the built-in :mod:`resumefmt.codes`."""
        return cls(location, severity, code.code, code.name, message, () if fix is None else (fix,))

    @property
    def replacements(self) -> tuple[Replacement, ...]:
        """The fix as placed in the file; empty when there is none or it is not placed."""
        if self.fix and all(isinstance(item, Replacement) for item in self.fix):
            return self.fix  # type: ignore[return-value]
        return ()

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
        """The fields of ``validate`` and ``lint --format json`` output (README: Command line).

        ``fix`` only when the fix is placed: ``{"edits": [{line, column,
        endLine, endColumn, text}]}``, the text that replaces each span.
        """
        loc = self.location
        fields: dict[str, object] = {
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "pointer": loc.pointer,
        }
        if self.replacements:
            fields["fix"] = {"edits": [r.as_dict() for r in self.replacements]}
        return fields


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in reading order: path, line, column, code; ties keep their order."""
    return sorted(diagnostics, key=Diagnostic.sort_key)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)
