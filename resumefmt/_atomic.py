"""Atomic file output: a temporary file in the target's folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from resumefmt.errors import OutputError


def write_atomic(path: Path, text: str | bytes, *, replace: bool) -> None:
    """Write ``text`` (or bytes) to ``path``: readers see the old file or the new, never half.

    With ``replace=False`` an existing file is never touched: the new file is
    linked into place, which fails if the name is taken. The file gets the
    permissions the user's umask gives a new file.
    """
    if replace and path.is_symlink():
        path = Path(os.path.realpath(path))  # write the file the link names; keep the link
    mode = 0o666 & ~_umask()
    if replace and path.exists():
        mode = path.stat().st_mode & 0o7777  # keep a private file private
    folder = path.parent
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write in '{folder}': {exc.strerror or exc}") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        Path(temporary).chmod(mode)
        if replace:
            Path(temporary).replace(path)
        else:
            _place_new(Path(temporary), path)
    except FileExistsError:
        raise OutputError(
            f"'{path}' already exists: resumefmt does not overwrite it; choose another name"
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot write '{path}': {exc.strerror or exc}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def _place_new(temporary: Path, path: Path) -> None:
    """Put ``temporary`` at ``path`` only if nothing is there (FileExistsError otherwise)."""
    try:
        path.hardlink_to(temporary)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: claim the name, then replace
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        temporary.replace(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
