"""Exceptions that mean "cannot continue", each knowing its exit code.

Problems in a résumé are not exceptions: they are :class:`Diagnostic` values.
The one exception carrying diagnostics, :class:`DocumentError`, is raised by
the loader when a file cannot even be read as data (syntax, duplicate keys).
"""

from __future__ import annotations

from resumefmt._text import visible
from resumefmt.diagnostics import Diagnostic


class ResumefmtError(Exception):
    """Base class: a user-facing failure with an exit code and a message."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def format(self) -> str:
        """The message for standard error: names and values in it cannot act on a terminal."""
        return f"resumefmt: {visible(self.message)}"


class UsageError(ResumefmtError):
    """Bad command-line usage (exit 2)."""


class InputError(ResumefmtError):
    """A file that cannot be read at all: missing, a directory, no permission (exit 2)."""


class OutputError(ResumefmtError):
    """An output that cannot be written, or would overwrite what the user wrote (exit 2)."""


class DocumentError(ResumefmtError):
    """A file that was read but is not usable data (exit 1), with located diagnostics."""

    exit_code = 1

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.format_text() for d in diagnostics))
        self.diagnostics = diagnostics
