"""Atomic file output: a temporary file in the target's folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from resumefmt.errors import OutputError


def write_atomic(path: Path, text: str, *, replace: bool) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half.

    With ``replace=False`` an existing file is never touched: the new file is
    linked into place, which fails if the name is taken.
    """
    folder = path.parent
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write in '{folder}': {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            Path(temporary).replace(path)
        else:
            path.hardlink_to(temporary)
    except FileExistsError:
        raise OutputError(
            f"'{path}' already exists: resumefmt does not overwrite it; choose another name"
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot write '{path}': {exc.strerror or exc}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)
