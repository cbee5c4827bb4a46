"""Read a résumé file into plain data that knows where each node came from."""

from __future__ import annotations

import errno
import os
import stat
import sys

from resumefmt import codes, pointer
from resumefmt.diagnostics import Diagnostic, Location
from resumefmt.errors import DocumentError, InputError

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Literal

    from resumefmt._reading import Position, ReadResult

    Syntax = Literal["yaml", "json"]
STDIN = "-"
#: Larger inputs are refused before they are parsed. A long résumé is 50 KB;
#: this leaves room for embedded data and a 1 MB value while keeping the
#: worst document under it (millions of one-character items) near half a GB.
MAX_INPUT_BYTES = 4 * 1024 * 1024
#: How long a named pipe may go without a writer, reading or writing, before
#: it is refused: enough for the other end of a pipeline to start.
PIPE_WAIT_SECONDS = 5.0
_CHUNK = 64 * 1024


class Document:
    """A loaded résumé: its data, its text, and the position of every node.

    ``positions`` maps the JSON pointer of each value to its 1-based
    ``(line, column)``; ``key_positions`` maps the pointer of each mapping member
    to where its key is written. ``plain_scalars`` keeps the source text of
    unquoted YAML values that were read as numbers, booleans or null.
    """

    __slots__ = ("data", "key_positions", "path", "plain_scalars", "positions", "syntax", "text")

    def __init__(self, path: str, text: str, syntax: Syntax, result: ReadResult) -> None:
        self.path = path
        self.text = text
        self.syntax: Syntax = syntax
        self.data: Any = result.data
        self.positions: dict[str, Position] = result.positions
        self.key_positions: dict[str, Position] = result.key_positions
        self.plain_scalars: dict[str, str] = result.plain_scalars

    def locate(self, ptr: str, *, key: bool = False) -> Location:
        """The location of the node at ``ptr`` (its key with ``key=True``).

        A pointer to a node that does not exist (a missing key) falls back to
        its nearest existing ancestor.
        """
        if key and ptr in self.key_positions:
            line, column = self.key_positions[ptr]
            return Location(self.path, line, column, ptr)
        node = ptr
        while node not in self.positions and node:
            node = pointer.parent(node)
        line, column = self.positions.get(node, (1, 1))
        return Location(self.path, line, column, ptr)


def syntax_for(path: str, text: str) -> Syntax:
    """JSON for ``*.json`` (and standard input that starts with ``{``), else YAML."""
    if path == STDIN:
        return "json" if text.lstrip().startswith("{") else "yaml"
    return "json" if path.lower().endswith(".json") else "yaml"


def load(path: str | os.PathLike[str], *, folded_bullets: bool = False) -> Document:
    """Read and parse ``path`` (``-`` for standard input, reported as ``-``).

    ``folded_bullets``: see :func:`resumefmt._yaml_reader.read_yaml` (for imports).

    Raises :class:`InputError` (exit 2) when the file cannot be read and
    :class:`DocumentError` (exit 1) with located diagnostics when it is not
    usable data: bad encoding, bad syntax, duplicate keys, YAML tags or aliases.
    """
    name = os.fspath(path)
    return load_raw(_read_bytes(name), name, folded_bullets=folded_bullets)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path`` (``-``: standard input), read as :func:`load` reads them."""
    return _read_bytes(os.fspath(path))


def load_raw(raw: bytes, path: str, *, folded_bullets: bool = False) -> Document:
    """Decode and parse the bytes read from ``path`` (see :func:`load`)."""
    syntax = syntax_for(path, raw[:64].decode("latin-1"))
    return load_text(_decode(raw, path), path, syntax, folded_bullets=folded_bullets)


def load_text(
    text: str, path: str = "<string>", syntax: Syntax = "yaml", *, folded_bullets: bool = False
) -> Document:
    """Parse ``text`` as the given syntax; ``path`` is only used in locations."""
    if syntax == "json":
        from resumefmt._json_reader import read_json

        result = read_json(text)
    else:
        from resumefmt._yaml_reader import read_yaml

        result = read_yaml(text, folded_bullets=folded_bullets)
    if result.problems:
        raise DocumentError(_diagnostics(result, path))
    return Document(path, text, syntax, result)


def _diagnostics(result: ReadResult, path: str) -> list[Diagnostic]:
    return [
        Diagnostic.of(p.code, Location(path, p.position[0], p.position[1], p.pointer), p.message)
        for p in result.problems
    ]


def _read_bytes(name: str) -> bytes:
    if name == STDIN:
        if sys.stdin is None:
            raise InputError("cannot read standard input: it is closed")
        return _read_limited(sys.stdin.buffer.read, "standard input")
    shown = f"'{name}'"
    try:
        # Non-blocking, so that opening a named pipe nobody writes to returns at once.
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        raise InputError(f"cannot read {shown}: {_reason(exc)}") from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise InputError(f"cannot read {shown}: it is a directory")
        if stat.S_ISREG(status.st_mode) and status.st_size > MAX_INPUT_BYTES:
            raise InputError(_too_large(shown))
        first = _wait_for_writer(fd, shown) if stat.S_ISFIFO(status.st_mode) else b""
        os.set_blocking(fd, True)
        return _read_limited(lambda size: os.read(fd, size), shown, first)
    except OSError as exc:
        raise InputError(f"cannot read {shown}: {_reason(exc)}") from None
    finally:
        os.close(fd)


def _read_limited(read: Callable[[int], bytes], shown: str, first: bytes = b"") -> bytes:
    """Read to the end in bounded chunks; refuse more than :data:`MAX_INPUT_BYTES`.

    Chunks, not one ``read()``: a device or a stream that never ends
    (``/dev/zero``, ``yes |``) is stopped at the limit instead of filling memory.
    """
    chunks = [first]
    total = len(first)
    while chunk := read(_CHUNK):
        total += len(chunk)
        if total > MAX_INPUT_BYTES:
            raise InputError(_too_large(shown))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(shown: str) -> str:
    return (
        f"cannot read {shown}: it is larger than {MAX_INPUT_BYTES // 1024**2} MiB, "
        "the most resumefmt reads (a résumé is rarely over 100 KB)"
    )


def _wait_for_writer(fd: int, shown: str) -> bytes:
    """Wait up to :data:`PIPE_WAIT_SECONDS` for a program to write to the named pipe ``fd``.

    Reading a pipe that no program opens for writing would block forever, so
    that is refused; a writer that is there but slow is waited for, as on
    standard input. Returns what a last look at the pipe read, if anything.
    """
    import select

    poller = select.poll()
    poller.register(fd, select.POLLIN)
    if poller.poll(int(PIPE_WAIT_SECONDS * 1000)):
        return b""  # data, or a writer that came and went (then reading gives the end)
    try:
        first = os.read(fd, _CHUNK)
    except BlockingIOError:  # a writer holds the pipe open but has not written yet
        return b""
    if not first:  # the end at once: no program has the pipe open for writing
        raise InputError(
            f"cannot read {shown}: it is a named pipe that no program opened for writing "
            f"within {PIPE_WAIT_SECONDS:g} seconds"
        )
    return first


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it is a loop of symbolic links"
    if exc.errno == errno.EISDIR:
        return "it is a directory"
    return exc.strerror or str(exc)


def _decode(raw: bytes, path: str) -> str:
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte order mark; positions count after it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        message = f"not UTF-8 text: byte 0x{bad} cannot be read; save the file as UTF-8"
        raise DocumentError(
            [Diagnostic.of(codes.ENCODING, Location(path, line, column), message)]
        ) from None
