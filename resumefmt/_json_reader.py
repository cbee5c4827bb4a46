"""JSON text → plain data plus the position of every node.

The standard library's decoder judges the syntax (its messages and positions
are precise); a second pass over the now known-good text, which leans on the
standard library's own string and number scanners, records where each value and
each key starts and finds duplicate keys, which ``json.loads`` silently merges.
"""

from __future__ import annotations

import bisect
import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.scanner import NUMBER_RE

from resumefmt import codes, pointer
from resumefmt._reading import (
    MAX_DEPTH,
    MAX_VALUES,
    TOO_DEEP,
    TOO_MANY,
    Position,
    Problem,
    ReadResult,
    duplicate_key,
)
from resumefmt._text import quote

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

_WS = re.compile(r"[ \t\n\r]*")
_CONSTANTS = {"true": True, "false": False, "null": None}
_NOT_JSON = ("NaN", "Infinity", "-Infinity")


class _TooDeep(Exception):
    pass


class _TooMany(Exception):
    pass


def read_json(text: str) -> ReadResult:
    result = ReadResult()
    if not text.strip(" \t\n\r"):
        return result  # an empty document, as an empty YAML file is: validation says what to do
    try:  # the syntax check only: numbers stay text, so no length limit applies
        json.loads(text, parse_int=str, parse_float=str)
    except json.JSONDecodeError as exc:
        result.problems.append(_syntax_problem(exc, text))
        return result
    except RecursionError:
        result.problems.append(Problem(codes.SYNTAX, (1, 1), "", TOO_DEEP))
        return result
    walker = _Walker(text, result)
    try:
        result.data, _ = walker.value(0, "")
    except _TooDeep as exc:
        result.problems.append(Problem(codes.SYNTAX, walker.position(exc.args[0]), "", TOO_DEEP))
    except _TooMany as exc:
        result.problems.append(Problem(codes.SYNTAX, walker.position(exc.args[0]), "", TOO_MANY))
    return result


def _syntax_problem(exc: json.JSONDecodeError, text: str) -> Problem:
    before = text[: exc.pos].rstrip(" \t\n\r")
    if text[exc.pos : exc.pos + 1] in ("}", "]") and before.endswith(","):
        # The decoder's words ("Expecting value") say what it wanted, not what is wrong.
        comma = len(before) - 1
        where = (text.count("\n", 0, comma) + 1, comma - text.rfind("\n", 0, comma))
        message = f"trailing comma: remove this ',' (JSON allows no comma before '{text[exc.pos]}')"
        return Problem(codes.SYNTAX, where, "", message)
    message = exc.msg
    if message.endswith(" at"):  # "Invalid control character at"
        message = message[:-3] + ": write a tab or line break in a string as \\t or \\n"
    return Problem(codes.SYNTAX, (exc.lineno, exc.colno), "", message)


class _Walker:
    """Reads text that ``json.loads`` accepted; each method returns (value, end index)."""

    def __init__(self, text: str, result: ReadResult) -> None:
        self.text = text
        self.result = result
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, index: int) -> Position:
        line = bisect.bisect_right(self.line_starts, index)
        return (line, index - self.line_starts[line - 1] + 1)

    def skip(self, index: int) -> int:
        return _WS.match(self.text, index).end()  # type: ignore[union-attr]

    def value(self, index: int, here: str, depth: int = 0) -> tuple[Any, int]:
        s = self.text
        index = self.skip(index)
        self.result.positions[here] = self.position(index)
        if len(self.result.positions) > MAX_VALUES:
            raise _TooMany(index)
        char = s[index]
        if char in "{[":
            if depth == MAX_DEPTH:
                raise _TooDeep(index)
            if char == "{":
                return self.object(index + 1, here, depth + 1)
            return self.array(index + 1, here, depth + 1)
        if char == '"':
            return self.string(index, here)
        for word, constant in _CONSTANTS.items():
            if s.startswith(word, index):
                self.result.plain_scalars[here] = word
                return constant, index + len(word)
        for word in _NOT_JSON:
            if s.startswith(word, index):
                message = f"{word} is not a JSON value: write a number, or quote it as text"
                self.result.problems.append(
                    Problem(codes.SYNTAX, self.position(index), here, message)
                )
                return None, index + len(word)
        match = NUMBER_RE.match(s, index)
        assert match is not None, "json.loads accepted what the walker cannot read"
        integer, fraction, exponent = match.groups()
        self.result.plain_scalars[here] = match[0]
        if fraction or exponent:
            return float(match[0]), match.end()
        try:
            return int(integer), match.end()
        except ValueError:  # more digits than Python converts (4300)
            message = "a number this long cannot be read: write it as text, in quotes"
            self.result.problems.append(Problem(codes.SYNTAX, self.position(index), here, message))
            return None, match.end()

    def string(self, index: int, here: str) -> tuple[str, int]:
        """A string, refusing lone surrogates, which are not text (no UTF-8 for them)."""
        text, end = scanstring(self.text, index + 1)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            bad = text[exc.start]
            message = (
                f"{quote(text)} holds \\u{ord(bad):04x}, half of a surrogate pair: "
                "write the whole character"
            )
            self.result.problems.append(Problem(codes.SYNTAX, self.position(index), here, message))
        return text, end

    def object(self, index: int, here: str, depth: int) -> tuple[dict[str, Any], int]:
        s = self.text
        out: dict[str, Any] = {}
        seen: dict[str, Position] = {}
        index = self.skip(index)
        if s[index] == "}":
            return out, index + 1
        while True:
            key_position = self.position(index)
            key, index = self.string(index, here)
            member = pointer.child(here, key)
            if key in seen:
                self.result.problems.append(duplicate_key(key, key_position, member, seen[key]))
            else:
                seen[key] = key_position
                self.result.key_positions[member] = key_position
            value, index = self.value(self.skip(index) + 1, member, depth)  # + 1: past ':'
            out.setdefault(key, value)
            index = self.skip(index)
            if s[index] == "}":
                return out, index + 1
            index = self.skip(index + 1)  # past the ','

    def array(self, index: int, here: str, depth: int) -> tuple[list[Any], int]:
        s = self.text
        out: list[Any] = []
        index = self.skip(index)
        if s[index] == "]":
            return out, index + 1
        while True:
            value, index = self.value(index, pointer.child(here, len(out)), depth)
            out.append(value)
            index = self.skip(index)
            if s[index] == "]":
                return out, index + 1
            index += 1  # past the ','
