"""YAML text → plain data plus the position of every node, from PyYAML events.

Working from the event stream (not PyYAML's constructors) is what keeps YAML
data-only: no tag ever constructs an object, an alias is reported where it is
used instead of being expanded, and a duplicate key is seen with both places.
Plain (unquoted) scalars are resolved by the YAML 1.2 core schema, so ``yes``,
``on`` and ``2021-03-01`` stay the text the user typed; numbers, ``true``,
``false`` and ``null`` are recorded with their source text, so a type error can
say "put it in quotes" with exactly what was typed.
"""

from __future__ import annotations

import re

import yaml

from resumefmt import codes, pointer
from resumefmt._reading import (
    MAX_DEPTH,
    MAX_VALUES,
    TOO_DEEP,
    TOO_MANY,
    Problem,
    ReadResult,
    duplicate_key,
)
from resumefmt._text import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from resumefmt._reading import Position

try:  # libyaml's parser, in PyYAML's wheels for all common platforms
    from yaml._yaml import CParser as _Parser

    _POSITIONS_IN_BYTES = True  # libyaml reports reader errors at a UTF-8 byte offset
except ImportError:  # a PyYAML built without libyaml: the same events, slower
    _Parser = yaml.SafeLoader  # type: ignore[misc,assignment]
    _POSITIONS_IN_BYTES = False
#: The event parser (libyaml's where available); resumefmt.editing reads its marks.
Parser = _Parser

_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAPPING, _SEQUENCE = yaml.MappingStartEvent, yaml.SequenceStartEvent
_NODES = (_SCALAR, _MAPPING, _SEQUENCE, _ALIAS)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)

_STD = "tag:yaml.org,2002:"
_COLLECTION_TAGS = {None, "!", _STD + "map", _STD + "seq"}
_STRING_TAGS = {"!", _STD + "str"}
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Most plain scalars are words, ruled out by their first character before a
# pattern is tried.
_FLOAT = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z"
_BASED_INT = r"0o[0-7]+\Z|0x[0-9a-fA-F]+\Z"
_NUMERIC_START = frozenset("0123456789+-.")
# PyYAML (YAML 1.1) also counts NEL and the Unicode line and paragraph separators.
_BREAKS = "\r\n|[\r\n\x85\u2028\u2029]"  # compiled when a merged bullet is suspected
_INF_NAN = {
    f"{sign}.{word}": float(f"{sign}inf")
    for sign in ("", "+", "-")
    for word in ("inf", "Inf", "INF")
} | {f".{word}": float("nan") for word in ("nan", "NaN", "NAN")}


def resolve_plain(text: str) -> Any:
    """The YAML 1.2 core-schema value of an unquoted scalar."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if text[0] not in _NUMERIC_START:
        return text
    digits = text[1:] if text[0] in "+-" else text
    try:
        if digits.isascii() and digits.isdigit():
            return int(text)
        if re.match(_BASED_INT, text):
            return int(text, 0)
    except ValueError:  # more digits than Python converts (4300): keep what was typed
        return text
    if re.match(_FLOAT, text):
        return float(text)
    return _INF_NAN.get(text, text)


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag


class _Source:
    """The text being read, split into lines as PyYAML counts them, on first need."""

    __slots__ = ("_lines", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = re.split(_BREAKS, self.text)
        return self._lines


class _Frame:
    __slots__ = ("container", "flow", "key", "key_position", "pointer", "seen")

    def __init__(self, container: dict[str, Any] | list[Any], ptr: str, flow: bool) -> None:
        self.container = container
        self.pointer = ptr
        #: Written in brackets or braces: line breaks inside are mere spaces.
        self.flow = flow
        self.key: str | None = None
        self.key_position: Position = (0, 0)
        self.seen: dict[str, Position] = {}


def read_yaml(text: str, *, folded_bullets: bool = False) -> ReadResult:
    """Parse ``text``; syntax errors end the read, other problems are collected.

    ``folded_bullets`` reads a plain text folded over a ``- `` line as YAML does
    instead of refusing it: RenderCV writes its sub-bullets that way.
    """
    result = ReadResult()
    source = _Source(text)
    try:
        _build(_Parser(text).get_event, result, source, folded_bullets)
    except yaml.MarkedYAMLError as exc:
        result.problems.append(_syntax_problem(exc, source))
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        result.problems.append(_reader_problem(exc, text))
    return result


def _build(
    next_event: Callable[[], Any], result: ReadResult, source: _Source, folded_bullets: bool
) -> None:
    stack: list[_Frame] = []
    documents = 0
    while True:
        event = next_event()
        kind = type(event)
        if kind in _ENDS:
            stack.pop()
            continue
        if kind not in _NODES:
            if kind is yaml.StreamEndEvent or event is None:
                return
            if kind is not yaml.DocumentStartEvent:
                continue
            documents += 1
            if documents > 1:
                result.problems.append(
                    Problem(
                        codes.UNSUPPORTED_YAML,
                        _pos(event.start_mark),
                        "",
                        "a second YAML document starts here: keep one résumé per file",
                    )
                )
                return
            continue
        frame = stack[-1] if stack else None
        position = _pos(event.start_mark)
        if frame is not None and isinstance(frame.container, dict) and frame.key is None:
            if not _take_key(event, frame, position, result):
                return
            continue
        here = _child_pointer(frame)
        result.positions[here] = position
        if len(result.positions) > MAX_VALUES:
            result.problems.append(Problem(codes.SYNTAX, position, here, TOO_MANY))
            return
        if frame is not None and frame.key is not None:
            result.key_positions[here] = frame.key_position
        value = _node_value(event, here, position, result)
        multiline = kind is _SCALAR and event.end_mark.line > event.start_mark.line
        folded = multiline and not event.style and " -" in event.value  # how a bullet joins
        if folded and not folded_bullets and not (frame is not None and frame.flow):
            merged = _merged_bullet(event, frame, source)
            if merged is not None:
                result.problems.append(merged)
        if frame is None:
            result.data = value
        elif isinstance(frame.container, list):
            frame.container.append(value)
        else:
            assert frame.key is not None
            frame.container.setdefault(frame.key, value)
            frame.key = None
        if kind is _MAPPING or kind is _SEQUENCE:
            if len(stack) == MAX_DEPTH:
                result.problems.append(Problem(codes.SYNTAX, position, here, TOO_DEEP))
                return
            stack.append(_Frame(value, here, bool(event.flow_style)))


def _child_pointer(frame: _Frame | None) -> str:
    if frame is None:
        return ""
    if isinstance(frame.container, list):
        return pointer.child(frame.pointer, len(frame.container))
    assert frame.key is not None
    return pointer.child(frame.pointer, frame.key)


def _take_key(event: Any, frame: _Frame, position: Position, result: ReadResult) -> bool:
    """Record a mapping key; False when the key is not a scalar (the read stops)."""
    if type(event) is not _SCALAR:
        kind = "an alias" if type(event) is _ALIAS else "a list or mapping"
        result.problems.append(
            Problem(
                codes.UNSUPPORTED_YAML,
                position,
                frame.pointer,
                f"a key must be plain text, not {kind}",
            )
        )
        return False
    key: str = event.value
    first = frame.seen.get(key)
    if first is not None:
        result.problems.append(
            duplicate_key(key, position, pointer.child(frame.pointer, key), first)
        )
    else:
        frame.seen[key] = position
    if event.tag not in (None, *_STRING_TAGS):
        result.problems.append(_tag_problem(event.tag, position, frame.pointer))
    frame.key = key
    frame.key_position = position
    return True


def _node_value(event: Any, here: str, position: Position, result: ReadResult) -> Any:
    kind = type(event)
    if kind is _ALIAS:
        result.problems.append(
            Problem(
                codes.UNSUPPORTED_YAML,
                position,
                here,
                f"YAML aliases (*{event.anchor}) are not supported: write the value out in full",
            )
        )
        return None
    if kind is _SCALAR:
        tag = event.tag
        if tag in _STRING_TAGS or not event.implicit[0]:
            if tag not in (None, *_STRING_TAGS):
                result.problems.append(_tag_problem(tag, position, here))
            return event.value
        if tag is not None:
            result.problems.append(_tag_problem(tag, position, here))
            return event.value
        value = resolve_plain(event.value)
        if not isinstance(value, str):
            result.plain_scalars[here] = event.value
        return value
    if event.tag not in _COLLECTION_TAGS:
        result.problems.append(_tag_problem(event.tag, position, here))
    return {} if kind is _MAPPING else []


def _tag_problem(tag: str | None, position: Position, here: str) -> Problem:
    return Problem(
        codes.UNSUPPORTED_YAML,
        position,
        here,
        f"the YAML tag '{_show_tag(tag or '')}' is not supported: resumefmt reads plain data only",
    )


def _syntax_problem(exc: yaml.MarkedYAMLError, source: _Source) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    position = _pos(mark) if mark is not None else (1, 1)
    lines = source.lines
    if position[0] <= len(lines) and "\t" in lines[position[0] - 1][: position[1]]:
        tabs = "; YAML indents with spaces, not tabs"
    else:
        tabs = ""
        from resumefmt._yaml_advice import advice_for  # only when the file does not read

        advice = advice_for(exc, lines)
        if advice is not None:
            return Problem(codes.SYNTAX, advice[0], "", advice[1])
    message = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
        line, column = _pos(exc.context_mark)
        message += f" ({exc.context} at line {line}, column {column})"
    return Problem(codes.SYNTAX, position, "", message + tabs)


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> Problem:
    index = exc.position
    if _POSITIONS_IN_BYTES:
        index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    character = exc.character if isinstance(exc.character, str) else chr(exc.character)
    message = f"the character U+{ord(character):04X} is not allowed in YAML text; remove it"
    return Problem(codes.SYNTAX, (line, column), "", message)


def _merged_bullet(event: Any, frame: _Frame | None, source: _Source) -> Problem | None:
    """A plain text running over a line that starts with ``- ``: a list item indented too far.

    YAML folds such a line into the text above (``- Built things.`` then an
    over-indented ``- Nested`` read as "Built things. - Nested"), so a bullet
    vanishes without a word. It is an error, not a warning: the data is not what
    the file shows, and quotes or a ``>`` block keep a leading ``-`` when it is meant.
    """
    lines = source.lines
    first = event.start_mark.line
    for index in range(first + 1, min(event.end_mark.line, len(lines) - 1) + 1):
        text = lines[index]
        body = text.lstrip(" \t")
        if body[:2] not in ("- ", "-\t") and body != "-":
            continue
        where = (index + 1, len(text) - len(body) + 1)
        joined = quote(event.value)
        if frame is not None and isinstance(frame.container, list):
            message = (
                f"this bullet is indented more than the one on line {first + 1}, so YAML "
                f"joins the two into one text ({joined}): line up its '-' with the one above"
            )
        else:
            message = (
                f"YAML reads this '-' as more of the text on line {first + 1} ({joined}), "
                "not as a list item: write a list under its key, one '- ' line per item, "
                "or put the text in quotes"
            )
        return Problem(codes.SYNTAX, where, "", message)
    return None
