"""What to change when YAML does not read: advice for PyYAML's syntax errors.

PyYAML words what its parser was doing ("while scanning an alias"); the user
needs what to change ("text that starts with '*' must be quoted: - "**Lead:** …"").
Each case is recognised from the text at PyYAML's marks, never from its wording
(which differs between libyaml and the Python parser), and only where the cause
is certain; for anything else the reader keeps PyYAML's words. Imported only
when a file does not read. Every pattern here runs in linear time: the text may
be a hostile megabyte on one line.
"""

from __future__ import annotations

import re

from resumefmt._text import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    import yaml

    from resumefmt._reading import Position

    Advice = tuple[Position, str]


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


def advice_for(exc: yaml.MarkedYAMLError, lines: list[str]) -> Advice | None:
    """Where and what to change for ``exc``, or None to keep PyYAML's words."""
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


#: YAML's limit on an implicit key (the YAML 1.2 spec, 7.4.2).
_LONGEST_KEY = 1024


def _colon(problem: Any, context: Any, lines: list[str]) -> Advice | None:
    """``headline: Data Engineer: streaming``: a colon and a space inside unquoted text."""
    line = lines[problem.line]
    after = line[problem.column + 1 : problem.column + 2]
    if _char(problem, lines) != ":" or after not in ("", " ", "\t"):
        return None
    parts = _LINE.match(line)
    assert parts is not None
    if problem.column - len(line) + len(line.lstrip(" -")) > _LONGEST_KEY:
        # YAML reads a key of more than 1024 characters as text, quoted or not.
        return _pos(problem), (
            f"a key may be at most {_LONGEST_KEY} characters long: this one is longer"
        )
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


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)
