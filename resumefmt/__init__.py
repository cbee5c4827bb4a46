"""resumefmt: a résumé kept as code, checked where it is written.

The public API is small: :func:`load` reads a file into a located
:class:`Document`, :func:`validate` checks it against the schema of the format
version it declares and returns sorted :class:`Diagnostic` values.
"""

from __future__ import annotations

__version__ = "0.1.0"

from resumefmt.diagnostics import Diagnostic, Location
from resumefmt.errors import DocumentError, InputError, ResumefmtError
from resumefmt.loader import Document, load, load_text
from resumefmt.validation import validate

__all__ = [
    "Diagnostic",
    "Document",
    "DocumentError",
    "InputError",
    "Location",
    "ResumefmtError",
    "__version__",
    "load",
    "load_text",
    "validate",
]
