"""Plain data → block-style YAML that our loader reads back to the same data.

Only what the import writes: mappings with text keys, lists, text, numbers,
booleans and null. A string is written unquoted only when it starts with a
letter, holds nothing YAML could read as syntax, and resolves to text under
both YAML 1.2 and the YAML 1.1 of older tools (``yes``, ``on``); dates and
numbers-as-text are always quoted. Multi-line text becomes a literal block
(``|-``) when every line survives it as typed, else a double-quoted string.
"""

from __future__ import annotations

import json
import re

from resumefmt._yaml_reader import resolve_plain

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_PLAIN = re.compile(r"[^\W\d_](?:[\w .,;()/+'&-]*[\w.)])?")
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
# Characters YAML cannot hold unescaped, or reads as line breaks (NEL, LS, PS).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_BLOCK_SAFE = re.compile("[^\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return _UNPRINTABLE.sub(_escape, json.dumps(text, ensure_ascii=False))


def scalar(value: Any) -> str:
    """One line: a number, boolean, null, or a plain or quoted string."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if (
        _PLAIN.fullmatch(text)
        and text.lower() not in _YAML11_WORDS
        and isinstance(resolve_plain(text), str)
    ):
        return text
    return quoted(text)


def _block(text: str) -> list[str] | None:
    """The lines of a literal block for multi-line ``text``, or None when it cannot be one."""
    if "\n" not in text or text.endswith("\n\n") or not _BLOCK_SAFE.fullmatch(text):
        return None
    body = text[:-1] if text.endswith("\n") else text
    lines = body.split("\n")
    if lines[0][:1] in (" ", "\t", "") or any(line != line.rstrip() for line in lines):
        return None
    return ["|" if text.endswith("\n") else "|-", *lines]


def _value_lines(value: Any, indent: int) -> tuple[str, list[str]]:
    """What follows ``key:`` or ``-`` on its line, and the lines below it."""
    pad = " " * indent
    if isinstance(value, dict) and value:
        return "", _mapping(value, indent)
    if isinstance(value, list) and value:
        return "", _sequence(value, indent)
    if isinstance(value, dict):
        return " {}", []
    if isinstance(value, list):
        return " []", []
    if isinstance(value, str):
        block = _block(value)
        if block is not None:
            return " " + block[0], [pad + line if line else "" for line in block[1:]]
    return " " + scalar(value), []


def _mapping(data: dict[str, Any], indent: int) -> list[str]:
    out: list[str] = []
    for key, value in data.items():
        head, below = _value_lines(value, indent + 2)
        out.append(f"{' ' * indent}{scalar(key)}:{head}")
        out += below
    return out


def _sequence(items: list[Any], indent: int) -> list[str]:
    out: list[str] = []
    for item in items:
        head, below = _value_lines(item, indent + 2)
        if head:
            out.append(f"{' ' * indent}-{head}")
            out += below
        else:  # a non-empty collection: its first line goes after the dash
            out.append(f"{' ' * indent}- {below[0][indent + 2 :]}")
            out += below[1:]
    return out


def dump(data: dict[str, Any], *, header: str = "", blank_between: bool = True) -> str:
    """The YAML text of a mapping; ``header`` (comment lines) goes first.

    With ``blank_between``, a blank line separates the top-level keys whose
    values are collections, as people write résumés.
    """
    lines = [header.rstrip("\n")] if header else []
    previous_collection = False
    for key, value in data.items():
        collection = isinstance(value, (dict, list)) and bool(value)
        if blank_between and lines and (collection or previous_collection):
            lines.append("")
        lines += _mapping({key: value}, 0)
        previous_collection = collection
    if not data:
        lines.append("{}")
    return "\n".join(lines) + "\n"
