"""File output: files replaced atomically (a temporary file, then a rename); devices and pipes
written like a stream."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from resumefmt.errors import OutputError


def write_to(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes) where ``path`` names, never replacing what is not a file.

    A regular file (or a new name) is replaced atomically by
    :func:`write_atomic`. A character device (``/dev/null``, a terminal) or a
    named pipe is opened and written like a stream: renaming a file over it
    would turn it into a plain file, and as root that would replace a system
    device. A named pipe is waited for until a program reads it, for as long
    as the loader waits for a writer. A block device is refused: a résumé is
    never meant to go onto a disk.
    """
    try:
        mode = path.stat().st_mode  # through links: /dev/stdout names a pipe or a terminal
    except FileNotFoundError:
        mode = 0
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        _write_stream(path, data, fifo=stat.S_ISFIFO(mode))
    elif stat.S_ISBLK(mode):
        raise OutputError(f"'{path}' is a block device (a disk): resumefmt does not write to it")
    elif stat.S_ISSOCK(mode):
        raise OutputError(f"'{path}' is a socket: resumefmt writes files, devices and pipes")
    else:
        write_atomic(path, text, replace=True)


def write_atomic(path: Path, text: str | bytes, *, replace: bool) -> None:
    """Write ``text`` (or bytes) to ``path``: readers see the old file or the new, never half.

    With ``replace=False`` an existing file is never touched: the new file is
    linked into place, which fails if the name is taken. The file gets the
    permissions the user's umask gives a new file; a file that is replaced
    keeps its permissions and, where the system allows it, its owner and group.
    """
    if replace:
        path = _target(path)
    if path.is_dir():
        raise OutputError(f"'{path}' is a folder: give the name of a file to write")
    mode = 0o666 & ~_umask()
    old = _status(path) if replace else None
    if old is not None:
        mode = old.st_mode & 0o7777  # keep a private file private
    folder = path.parent
    temporary: Path | None = None
    try:
        try:
            with _SignalsHeld():  # so that a signal cannot come between creating and naming it
                fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
                temporary = Path(name)
        except OSError as exc:
            raise OutputError(f"cannot write in '{folder}': {exc.strerror or exc}") from None
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if old is not None:
                _keep_owner(handle.fileno(), old)
            os.fchmod(handle.fileno(), mode)  # after chown, which clears set-id bits
            os.fsync(handle.fileno())
        if replace:
            temporary.replace(path)
        else:
            _place_new(temporary, path)
    except FileExistsError:
        raise OutputError(
            f"'{path}' already exists: resumefmt does not overwrite it; choose another name"
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot write '{path}': {exc.strerror or exc}") from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _target(path: Path) -> Path:
    """The path to write: a link's final target (the link itself stays), never a link loop."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:  # a link to a name not yet taken: create the file it names
        return Path(os.path.realpath(path))
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None


def _cannot_write(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return (
            f"cannot write '{path}': it is a loop of symbolic links; "
            "remove the link or choose another name"
        )
    return f"cannot write '{path}': {exc.strerror or exc}"


def _status(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None


def _keep_owner(fd: int, old: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as this user may.

    As root, replacing another user's file would otherwise hand it to root.
    Without the right to give files away the new file stays the writer's, as
    with any editor that saves by renaming.
    """
    new = os.fstat(fd)
    if (new.st_uid, new.st_gid) == (old.st_uid, old.st_gid):
        return
    try:
        os.fchown(fd, old.st_uid, old.st_gid)
    except PermissionError:
        with contextlib.suppress(PermissionError):  # a group of the writer's own is allowed
            os.fchown(fd, -1, old.st_gid)


def _write_stream(path: Path, data: bytes, *, fifo: bool) -> None:
    """Open the device or named pipe ``path`` and write all of ``data`` to it."""
    import time

    from resumefmt.loader import PIPE_WAIT_SECONDS

    deadline = time.monotonic() + PIPE_WAIT_SECONDS
    while True:
        try:
            # Non-blocking: opening a pipe nobody reads would otherwise wait forever.
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
            break
        except OSError as exc:
            if not (fifo and exc.errno == errno.ENXIO):
                raise OutputError(f"cannot write '{path}': {exc.strerror or exc}") from None
            if time.monotonic() >= deadline:
                raise OutputError(
                    f"cannot write '{path}': it is a named pipe that no program opened "
                    f"for reading within {PIPE_WAIT_SECONDS:g} seconds"
                ) from None
            time.sleep(0.05)
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise OutputError(f"cannot write '{path}': {exc.strerror or exc}") from None
    finally:
        os.close(fd)


class _SignalsHeld:
    """Hold back SIGINT, SIGTERM and SIGHUP while a temporary file is created and named.

    A handler that raises between the two would leave a file nobody removes;
    held back, the signal is handled right after, with the name known.
    """

    def __enter__(self) -> None:
        import signal

        self.held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
        self.before = signal.pthread_sigmask(signal.SIG_BLOCK, self.held)

    def __exit__(self, *_exc: object) -> None:
        import signal

        signal.pthread_sigmask(signal.SIG_SETMASK, self.before)


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
