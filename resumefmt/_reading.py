"""What the YAML and JSON readers share: positions, load problems, the result.

Kept apart from both readers so that reading JSON never imports PyYAML.
"""

from __future__ import annotations

from resumefmt import codes
from resumefmt._record import Record
from resumefmt._text import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Position = tuple[int, int]

#: Deeper documents are refused: a résumé needs a handful of levels, and the
#: limit bounds every recursion after the loader (validation, rules, converters).
MAX_DEPTH = 100
TOO_DEEP = f"the document is nested more than {MAX_DEPTH} levels deep"
#: More values are refused: the examples hold 300 to 700, a long academic CV a
#: few thousand; the limit bounds the time and memory of every later step
#: (validation, rules, converters), which grow with the number of values.
MAX_VALUES = 50_000
TOO_MANY = (
    f"the document holds more than {MAX_VALUES:,} values; a résumé holds a few "
    "thousand: remove what was generated, or split the file"
)


class Problem(Record):
    """A load problem at a 1-based position, before it gets a path."""

    __slots__ = ("code", "message", "pointer", "position")

    def __init__(self, code: codes.Code, position: Position, pointer: str, message: str) -> None:
        self.code = code
        self.position = position
        self.pointer = pointer
        self.message = message


class ReadResult:
    """What a reader found: the data, where each node is, and the problems."""

    __slots__ = ("data", "key_positions", "plain_scalars", "positions", "problems")

    def __init__(self) -> None:
        self.data: Any = None
        self.positions: dict[str, Position] = {}
        self.key_positions: dict[str, Position] = {}
        self.plain_scalars: dict[str, str] = {}
        self.problems: list[Problem] = []


def duplicate_key(key: str, position: Position, member: str, first: Position) -> Problem:
    """A key seen a second time at ``position``; ``first`` is where it was defined."""
    message = (
        f"duplicate key {quote(key)}: it is already defined at line {first[0]}, "
        f"column {first[1]}; remove one of them"
    )
    return Problem(codes.DUPLICATE_KEY, position, member, message)
