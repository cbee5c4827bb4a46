"""Read a résumé file into plain data that knows where each node came from."""

from __future__ import annotations

import os
import sys

from resumefmt import codes, pointer
from resumefmt.diagnostics import Diagnostic, Location
from resumefmt.errors import DocumentError, InputError

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any, Literal

    from resumefmt._reading import Position, ReadResult

    Syntax = Literal["yaml", "json"]
STDIN = "-"


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


def load(path: str | os.PathLike[str]) -> Document:
    """Read and parse ``path`` (``-`` for standard input, reported as ``-``).

    Raises :class:`InputError` (exit 2) when the file cannot be read and
    :class:`DocumentError` (exit 1) with located diagnostics when it is not
    usable data: bad encoding, bad syntax, duplicate keys, YAML tags or aliases.
    """
    name = os.fspath(path)
    raw = _read_bytes(name)
    return load_text(_decode(raw, name), name, syntax_for(name, raw[:64].decode("latin-1")))


def load_text(text: str, path: str = "<string>", syntax: Syntax = "yaml") -> Document:
    """Parse ``text`` as the given syntax; ``path`` is only used in locations."""
    if syntax == "json":
        from resumefmt._json_reader import read_json

        result = read_json(text)
    else:
        from resumefmt._yaml_reader import read_yaml

        result = read_yaml(text)
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
        return sys.stdin.buffer.read()
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError(f"cannot read '{name}': it is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read '{name}': {exc.strerror or exc}") from None


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
