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
from resumefmt._reading import MAX_DEPTH, TOO_DEEP, Problem, ReadResult, duplicate_key
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
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
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
            self._lines = _BREAKS.split(self.text)
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


def read_yaml(text: str) -> ReadResult:
    """Parse ``text``; syntax errors end the read, other problems are collected."""
    result = ReadResult()
    source = _Source(text)
    try:
        _build(_Parser(text).get_event, result, source)
    except yaml.MarkedYAMLError as exc:
        result.problems.append(_syntax_problem(exc, source))
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        result.problems.append(_reader_problem(exc, text))
    return result


def _build(next_event: Callable[[], Any], result: ReadResult, source: _Source) -> None:
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
        if frame is not None and frame.key is not None:
            result.key_positions[here] = frame.key_position
        value = _node_value(event, here, position, result)
        multiline = kind is _SCALAR and event.end_mark.line > event.start_mark.line
        folded = multiline and not event.style and " -" in event.value  # how a bullet joins
        if folded and not (frame is not None and frame.flow):
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
        advice = _advice(exc, lines)
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


# Advice for syntax errors. PyYAML words what its parser was doing ("while
# scanning an alias"); the user needs what to change. Each case is recognised
# from the text at PyYAML's marks (never from its wording, which differs between
# libyaml and the Python parser) and only where the cause is certain; anything
# else keeps PyYAML's words.

#: Characters that make YAML read the start of a value as syntax, not text.
_INDICATORS = frozenset("*&!`@%|>[]{},\"'")
#: One line: indentation, list dashes, an optional ``key:``, the value.
_LINE = re.compile(
    r"(?P<indent>[ \t]*)(?P<dashes>(?:-[ \t]+)*)"
    # The key runs to the first colon followed by a space (no lazy scan: linear time).
    r"(?:(?P<key>[^\s*&!`@%|>\[\]{},\"'#?:-][^:\n]*+(?::(?=[^ \t\n])[^:\n]*+)*+)"
    r":(?:[ \t]+|$))?"
    r"(?P<value>.*)"
)
#: Keys of the format are words like ``organization`` or ``x-team``, never sentences.
_KEYLIKE = re.compile(r"[a-z$][\w$-]*\Z")
_COMMENT = re.compile(r"(?<![ \t])[ \t]++#.*")  # from the start of a run only: linear
_SHOWN = 50
_CLOSING = {"[": "]", "{": "}"}

Advice = tuple["Position", str]


def _advice(exc: yaml.MarkedYAMLError, lines: list[str]) -> Advice | None:
    problem, context = exc.problem_mark, exc.context_mark
    if problem is None or problem.line > len(lines):
        return None
    if problem.line == len(lines):  # the end of a text without a final line break
        lines = [*lines, ""]
    advisers: tuple[Callable[[Any, Any, list[str]], Advice | None], ...]
    advisers = (
        _inside_quotes,
        _unclosed,
        _list_after_key,
        _starts_like_syntax,
        _no_space_after_colon,
        _colon,
        _indentation,
    )
    if context is not None and _char(context, lines) in _CLOSING:
        advisers = (_unclosed,)  # inside [ ] or { }, indentation and colons mean other things
    for advise in advisers:
        found = advise(problem, context, lines)
        if found is not None:
            return found
    return None


def _char(mark: Any, lines: list[str]) -> str:
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _inside_quotes(problem: Any, context: Any, lines: list[str]) -> Advice | None:
    """``"C:\\Users"``: a backslash in double quotes that starts no escape YAML knows."""
    if context is None or _char(context, lines) != '"':
        return None
    line = lines[problem.line]
    start = context.column + 1 if context.line == problem.line else 0
    # libyaml marks the backslash, the Python parser the character after it
    backslash = line.rfind("\\", start, problem.column + 1)
    if backslash < 0 or not _bad_escape(line[backslash + 1 :]):
        return None
    return (problem.line + 1, backslash + 1), (
        "a backslash inside double quotes starts an escape such as \\n: "
        "write \\\\ for a backslash, or use single quotes"
    )


#: What may follow a backslash in double quotes; x, u and U take 2, 4 and 8 hex digits.
_ESCAPES = frozenset('0abt\tnvfre "/\\N_LP')
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}


def _bad_escape(after: str) -> bool:
    if after[:1] in _ESCAPES:
        return False
    digits = _HEX_DIGITS.get(after[:1])
    return digits is None or not re.fullmatch(f"[0-9a-fA-F]{{{digits}}}", after[1 : 1 + digits])


def _unclosed(problem: Any, context: Any, lines: list[str]) -> Advice | None:
    """A quote still open when the file ends, or a ``[`` or ``{`` that nothing closes."""
    if context is None:
        return None
    opening = _char(context, lines)
    if opening and opening in "\"'":
        rest = [lines[problem.line][problem.column :], *lines[problem.line + 1 :]]
        if "".join(rest).strip():
            return None
        return _pos(context), f"this quote is never closed: end the text with {opening}"
    if opening in _CLOSING:
        after = [lines[context.line][context.column + 1 :], *lines[context.line + 1 :]]
        if any(_CLOSING[opening] in line for line in after):
            return None
        kind = "list" if opening == "[" else "mapping"
        return _pos(context), (
            f"this '{opening}' starts a {kind} that is never closed: end it with "
            f"'{_CLOSING[opening]}', or put the text in quotes if it is not a {kind}"
        )
    return None


def _list_after_key(problem: Any, context: Any, lines: list[str]) -> Advice | None:
    """``languages: - language: Chinese``: a list cannot start on its key's line."""
    parts = _LINE.match(lines[problem.line])
    assert parts is not None
    key, value = _key(parts), parts["value"]
    if key is None or problem.column != parts.start("value") or value[:2] not in ("- ", "-"):
        return None
    return _pos(problem), (
        f"a list starts on the line after its key: put {_shown(key)}: on a line of its own "
        "and each '- ' item on the lines below it, indented"
    )


def _starts_like_syntax(problem: Any, context: Any, lines: list[str]) -> Advice | None:
    """``- **Lead:** …``, ``- `code` …``, ``- [link](…) …``: text that starts like YAML syntax."""
    line = lines[problem.line]
    parts = _LINE.match(line)
    assert parts is not None  # every part is optional
    value = parts["value"]
    start = parts.start("value")
    if not value or value[0] not in _INDICATORS or problem.column < start:
        return None
    if value[0] in "\"'[{" and not _closed_before(value, problem.column - start):
        return None  # the error is inside the quotes or brackets: not about what follows
    key = _key(parts)
    if key is None and not parts["dashes"] and not _awaits_value(problem.line, lines):
        return None  # a stray character, not the start of a value
    first = value[0]
    prefix = parts["dashes"] + (f"{_shown(key)}: " if key else "")
    where = (problem.line + 1, start + 1)
    if first not in "\"'":
        return (
            where,
            f"text that starts with '{first}' must be quoted: {prefix}{quoted_text(value)}",
        )
    inner = _COMMENT.sub("", value[1:]).rstrip()
    if inner.endswith(first) and first in inner[:-1]:  # 'I'm here'
        return (
            where,
            f"the {first} inside the text ends it early: {prefix}{quoted_text(inner[:-1])}",
        )
    return where, (
        f"text that starts with a quote must be quoted as a whole: {prefix}{quoted_text(value)}"
    )


def _closed_before(value: str, column: int) -> bool:
    """Whether the quoted text or bracket opening ``value`` ends before ``column``."""
    closing = {"[": "]", "{": "}"}.get(value[0], value[0])
    depth, index, inside = 1, 1, value[0] if value[0] in "\"'" else ""
    while index < min(column, len(value)):
        char = value[index]
        if inside:
            if char == "\\" and inside == '"':
                index += 1
            elif char == inside and inside == "'" and value[index + 1 : index + 2] == "'":
                index += 1  # '' is an apostrophe
            elif char == inside:
                inside = ""
                if closing == char:
                    return True
        elif char in "\"'":
            inside = char
        elif char == value[0]:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return True
        index += 1
    return False


def _awaits_value(index: int, lines: list[str]) -> bool:
    """Whether the line above ends with a key (``summary:``) or a lone ``-``."""
    above = _above(index, lines)
    if above is None:
        return index == 0
    text = _COMMENT.sub("", lines[above]).rstrip()
    return text.endswith(":") or text.lstrip(" ") == "-"


#: ``name:Ada``: a key and its value with no space between, which YAML reads as text.
_GLUED = re.compile(r"(?P<key>[a-z$][\w$-]*):(?P<value>[^\s:/].*)")


def _no_space_after_colon(problem: Any, context: Any, lines: list[str]) -> Advice | None:
    """``name:Ada`` on the line above: YAML ran that text into this line's key."""
    above = _above(problem.line, lines)
    if above is None:
        return None
    parts = _LINE.match(lines[above])
    assert parts is not None
    glued = _GLUED.fullmatch(_COMMENT.sub("", parts["value"]).rstrip())
    if parts["key"] is not None or glued is None:
        return None
    colon = parts.start("value") + len(glued["key"])
    fix = f"{parts['dashes']}{_shown(glued['key'])}: {_shown(glued['value'])}"
    return (above + 1, colon + 1), f"a key needs a space after its colon: {fix}"


def _colon(problem: Any, context: Any, lines: list[str]) -> Advice | None:
    """``headline: Data Engineer: streaming``: a colon and a space inside unquoted text."""
    line = lines[problem.line]
    after = line[problem.column + 1 : problem.column + 2]
    if _char(problem, lines) != ":" or after not in ("", " ", "\t"):
        return None
    parts = _LINE.match(line)
    assert parts is not None
    key, value = _key(parts), parts["value"]
    if key is not None and problem.column >= parts.start("value"):
        dashes = parts["dashes"]
        if dashes and not _KEYLIKE.match(key):  # - Streaming: built it: the bullet is the text
            fix = dashes + quoted_text(f"{key}: {value}")
        else:
            fix = f"{dashes}{_shown(key)}: {quoted_text(value)}"
        return _pos(problem), f"a colon followed by a space inside text needs quotes: {fix}"
    # The first colon of a line that continues the text above it: a key indented
    # differently from its neighbours, or a sentence with a colon in it.
    if key is not None and _KEYLIKE.match(key):
        found = _misaligned(problem.line, lines)
        if found is not None:
            return found
    return _pos(problem), (
        "a colon followed by a space inside text needs quotes: put the whole text in quotes"
    )


def _indentation(problem: Any, context: Any, lines: list[str]) -> Advice | None:
    """An error at the first character of a line indented unlike the line above."""
    line = lines[problem.line]
    if problem.column != len(line) - len(line.lstrip(" ")):
        return None
    return _misaligned(problem.line, lines)


def _above(index: int, lines: list[str]) -> int | None:
    """The nearest line above ``index`` with something on it besides a comment."""
    return next(
        (i for i in range(index - 1, -1, -1) if lines[i].strip() and not _is_comment(lines[i])),
        None,
    )


def _misaligned(index: int, lines: list[str]) -> Advice | None:
    line = lines[index]
    above = _above(index, lines)
    if above is None:
        return None
    here = len(line) - len(line.lstrip(" "))
    parts = _LINE.match(lines[above])
    assert parts is not None
    # A '-' lines up with the '-' above; a key with the key after it.
    there = parts.end("indent") if line.lstrip(" ").startswith("-") else parts.end("dashes")
    if here == there:
        return None
    return (index + 1, here + 1), (
        f"this line is indented differently from the one above ({_spaces(here)} here, "
        f"{_spaces(there)} on line {above + 1}): line it up with the entry it belongs to"
    )


def _key(parts: re.Match[str]) -> str | None:
    key = parts["key"]
    return key.rstrip(" \t") if key is not None else None


def _is_comment(line: str) -> bool:
    return line.lstrip(" \t").startswith("#")


def _spaces(count: int) -> str:
    return f"{count} space{'' if count == 1 else 's'}"


def quoted_text(value: str) -> str:
    """``value`` as quoted YAML text, shortened for a message."""
    value = _COMMENT.sub("", value).rstrip()
    single = '"' in value or "\\" in value  # chosen for the whole text, not the part shown
    if len(value) > _SHOWN:
        cut = value[:_SHOWN]
        space = cut.rfind(" ")
        value = (cut[:space] if space > _SHOWN // 2 else cut).rstrip() + "…"  # at a word end
    value = _shown(value)
    if single:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


def _shown(text: str) -> str:
    """``text`` made safe for a one-line message (control characters escaped), unquoted."""
    return quote(text)[1:-1]
