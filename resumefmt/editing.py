"""Edits to a résumé's text that touch only the spans concerned.

``resumefmt migrate`` and ``resumefmt lint --fix`` change a few values of a
file people keep by hand. Rewriting the file from its data would lose their
comments, quoting, order and layout, so both describe a change as an
:class:`Edit` of a span of the original text, located through the loader's
positions, and :func:`apply` splices the edits in.

A value is edited in place where its source text holds it as written (plain,
single-quoted, double-quoted without escapes, literal or folded blocks): only
the characters that change are replaced. Otherwise the whole scalar is written
anew, double-quoted, so the result reads back to exactly the new value.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.scanner import NUMBER_RE

from resumefmt._record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.loader import Document

#: YAML's line breaks (PyYAML and libyaml count lines by these).
_YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class Edit(Record):
    """Replace ``text[start:end]`` (character offsets) with ``replacement``."""

    __slots__ = ("end", "replacement", "start")

    def __init__(self, start: int, end: int, replacement: str) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"not a span: {start}..{end}")
        self.start = start
        self.end = end
        self.replacement = replacement


class OverlappingEdits(ValueError):
    """Two edits change the same characters: neither can be applied safely."""


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with every edit made; identical edits count once; overlaps raise."""
    unique = sorted(set(edits), key=lambda e: (e.start, e.end))
    pieces: list[str] = []
    done = 0
    for edit in unique:
        if edit.start < done or edit.end > len(text):
            raise OverlappingEdits(f"edits overlap or run past the end at offset {edit.start}")
        pieces += (text[done : edit.start], edit.replacement)
        done = edit.end
    pieces.append(text[done:])
    return "".join(pieces)


def offset(document: Document, position: tuple[int, int]) -> int:
    """The character offset of a 1-based ``(line, column)`` of ``document``."""
    line, column = position
    starts = line_starts(document)
    if not 1 <= line <= len(starts):
        raise ValueError(f"line {line} is not in the document")
    return starts[line - 1] + column - 1


_STARTS_CACHE: dict[int, tuple[str, str, list[int]]] = {}


def line_starts(document: Document) -> list[int]:
    """The offset where each line of ``document`` starts, counted as its reader counts lines.

    Computed once per text (every edit of a 50,000-fix run asks): do not change the list.
    """
    text = document.text
    cached = _STARTS_CACHE.get(id(document))
    if cached is not None and cached[0] is text and cached[1] == document.syntax:
        return cached[2]
    if document.syntax == "json":  # the JSON reader counts lines by "\n" only
        starts = [0, *(m.end() for m in re.finditer("\n", text))]
    else:
        # libyaml skips a byte order mark that opens the text (one the loader
        # left: a second) without counting it in line 1's columns.
        first = 1 if text.startswith("\ufeff") else 0
        starts = [first, *(m.end() for m in _YAML_BREAKS.finditer(text))]
    _STARTS_CACHE.clear()
    _STARTS_CACHE[id(document)] = (text, document.syntax, starts)
    return starts


def value_span(document: Document, ptr: str) -> tuple[int, int]:
    """Where the scalar at ``ptr`` is written, quotes and block header included."""
    if ptr not in document.positions:
        raise KeyError(ptr)
    start = offset(document, document.positions[ptr])
    if document.syntax == "json":
        return start, _json_end(document.text, start)
    end = _yaml_end(document, ptr, start)
    if document.text[start : start + 1] in ("|", ">"):  # the block ends with its last text
        end = start + len(document.text[start:end].rstrip())
    return start, end


def _json_end(text: str, start: int) -> int:
    if text.startswith('"', start):
        _value, end = scanstring(text, start + 1)
        return int(end)
    for word in ("true", "false", "null"):
        if text.startswith(word, start):
            return start + len(word)
    match = NUMBER_RE.match(text, start)
    if match is None or text[start] in "{[":
        raise ValueError("not a scalar")
    return match.end()


def _yaml_end(document: Document, ptr: str, start: int) -> int:
    """The end of a YAML scalar, from PyYAML's own marks (parsed once more)."""
    ends = _scalar_ends(document)
    if ptr not in ends:
        raise ValueError("not a scalar")
    return ends[ptr]


_ENDS_CACHE: dict[int, tuple[str, dict[str, int], dict[str, int], set[str]]] = {}


def _scalar_ends(document: Document) -> dict[str, int]:
    """The end offset of every scalar value, by pointer (one parse per text)."""
    return _scan(document)[0]


def _ends(document: Document) -> tuple[dict[str, int], dict[str, int]]:
    """The end offsets of every scalar value and of every key, by pointer."""
    ends, key_ends, _flow = _scan(document)
    return ends, key_ends


def _in_flow(document: Document, ptr: str) -> bool:
    """Whether the node at ``ptr`` (and its key) is inside a flow collection (``{a: b}``)."""
    return document.syntax == "yaml" and ptr in _scan(document)[2]


def _scan(document: Document) -> tuple[dict[str, int], dict[str, int], set[str]]:
    """Value ends, key ends and the nodes inside flow collections, by pointer (one parse)."""
    cached = _ENDS_CACHE.get(id(document))
    if cached is not None and cached[0] is document.text:
        return cached[1], cached[2], cached[3]
    import yaml

    from resumefmt._yaml_reader import Parser

    starts = line_starts(document)
    ends: dict[str, int] = {}
    key_ends: dict[str, int] = {}
    flow: set[str] = set()  # nodes where ',', '[', ']', '{' and '}' end plain text
    depth = 0  # flow collections open
    parser = Parser(document.text)
    # (pointer, next list index or None for a mapping, the key awaiting its value, flow style)
    stack: list[list[object]] = []
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= bool(stack.pop()[3])
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            if stack and stack[-1][1] is None and stack[-1][2] is None:  # a key
                stack[-1][2] = key = getattr(event, "value", None)
                mark = event.end_mark
                if isinstance(event, yaml.ScalarEvent) and mark is not None:
                    key_ends[_key_pointer(stack, str(key))] = starts[mark.line] + mark.column
                continue
            here = _here(stack)
            if isinstance(event, yaml.ScalarEvent):
                mark = event.end_mark
                assert mark is not None
                ends[here] = starts[mark.line] + mark.column
            if depth:
                flow.add(here)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += bool(event.flow_style)
                index = None if isinstance(event, yaml.MappingStartEvent) else 0
                stack.append([here, index, None, event.flow_style])
    finally:
        parser.dispose()
    _ENDS_CACHE.clear()
    _ENDS_CACHE[id(document)] = (document.text, ends, key_ends, flow)
    return ends, key_ends, flow


def _key_pointer(stack: list[list[object]], key: str) -> str:
    from resumefmt import pointer as pointers

    return pointers.child(str(stack[-1][0]), key)


def _here(stack: list[list[object]]) -> str:
    from resumefmt import pointer as pointers

    if not stack:
        return ""
    frame = stack[-1]
    parent = str(frame[0])
    if frame[1] is None:  # a mapping: its pending key
        key = str(frame[2])
        frame[2] = None
        return pointers.child(parent, key)
    index = int(frame[1])  # type: ignore[call-overload]
    frame[1] = index + 1
    return pointers.child(parent, index)


def replace_value(document: Document, ptr: str, value: str) -> Edit:
    """Write the string ``value`` where the scalar at ``ptr`` is, keeping its quoting if it can."""
    start, end = value_span(document, ptr)
    source = document.text[start:end]
    if document.syntax == "json":
        return Edit(start, end, json.dumps(value, ensure_ascii=False))
    from resumefmt._yaml_reader import resolve_plain
    from resumefmt._yaml_writer import quoted

    style = source[:1]
    if style == "'" and "\n" not in value and value.isprintable():
        return Edit(start, end, "'" + value.replace("'", "''") + "'")
    if style not in ("'", '"', "|", ">") and _plain_safe(
        value, resolve_plain, _in_flow(document, ptr)
    ):
        return Edit(start, end, value)
    return Edit(start, end, quoted(value))


#: What a plain scalar may hold on one line and still be read back as written.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\n#:]|:(?!\s)|(?<!\s)#)*(?<!\s)")


def _plain_safe(value: str, resolve: object, flow: bool = False) -> bool:
    if not _PLAIN.fullmatch(value) or not value.isprintable():
        return False
    if flow and any(char in value for char in ",[]{}"):  # they end plain text in {..} and [..]
        return False
    return value.endswith(":") is False and resolve(value) == value  # type: ignore[operator]


def replace_in_value(document: Document, ptr: str, start: int, end: int, new: str) -> Edit:
    """Replace ``value[start:end]`` of the string at ``ptr`` with ``new``.

    Only those characters change where the source holds them as written;
    otherwise the whole scalar is written anew.
    """
    value = _string_at(document, ptr)
    if not 0 <= start <= end <= len(value):
        raise ValueError(f"{start}..{end} is not inside the value")
    span_start, span_end = value_span(document, ptr)
    mapping = _source_offsets(document, value, span_start, span_end)
    whole = value[:start] + new + value[end:]
    if mapping is not None:
        text = document.text
        first, last = mapping[start], mapping[end]
        style = text[span_start]
        block = style in ("|", ">")
        if (
            text[first:last] == value[start:end]
            and _fits(style, new, whole, _in_flow(document, ptr))
            # A block's final line breaks are its chomping: nothing can be written after them.
            and not (block and end > len(value.rstrip("\n")))
            and (
                document.syntax == "json"
                or _line_reads_alike(document, (span_start, span_end), first, last, new)
            )
        ):
            return Edit(first, last, new)
    return replace_value(document, ptr, whole)


def _line_reads_alike(
    document: Document, span: tuple[int, int], first: int, last: int, new: str
) -> bool:
    """Whether the YAML line an edit is on reads as the same kind of line after it.

    YAML drops the spaces and tabs that open a line of flow text, and those
    ending one the text goes on after; in a block, whitespace past the
    indentation makes a more-indented line (kept apart when folded) or a tab
    error; a blank line is a line break; a line of plain text that opens with
    '- ' is a list item. An edit that would change any of that is not made in place.
    """
    text, starts = document.text, line_starts(document)
    span_start, span_end = span
    begin = starts[max(bisect_right(starts, first) - 1, 0)]
    was_end, now_end = _line_end(text, starts, first), _line_end(text, starts, last)
    old, line = text[begin:was_end], text[begin:first] + new + text[last:now_end]
    style = text[span_start]
    if style in ("|", ">"):
        indent = _block_body(text, span_start, span_end)[1]
        old, line = old[indent:], line[indent:]
        return bool(line.strip(" \t")) and _opens_with_space(old) == _opens_with_space(line)
    continued = now_end < span_end  # the text goes on after this line
    if begin > span_start:  # a line the text goes on to
        if not line.strip(" \t") or _lead(old) != _lead(line):
            return False
        if style not in ("'", '"') and re.match(r"-(\s|$)", line.lstrip(" \t")):
            return False
    return not continued or _trail(old) == _trail(line)


def _line_end(text: str, starts: list[int], offset: int) -> int:
    """Where the line holding ``offset`` ends, before its line break."""
    after = bisect_right(starts, offset)
    if after == len(starts):
        return len(text)
    return starts[after] - (2 if text.startswith("\r\n", starts[after] - 2) else 1)


def _block_body(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the text of the block scalar at ``start..end`` begins, and its indentation.

    The offset is 0 for a block all on its header line (empty).
    """
    first_line = text.find("\n", start, end) + 1
    if first_line == 0:
        return 0, 0
    body = text[first_line:end]
    return first_line, len(body) - len(body.lstrip(" "))


def _opens_with_space(line: str) -> bool:
    return line[:1] in (" ", "\t")


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _trail(line: str) -> int:
    return len(line) - len(line.rstrip(" \t"))


def _fits(style: str, new: str, whole: str, flow: bool) -> bool:
    """Whether ``new`` can stand as typed in a scalar of this style (first character).

    ``flow``: the scalar is inside a flow collection, where plain text ends
    at ',', '[', ']', '{' and '}'.
    """
    if not new.isprintable():  # line breaks, tabs and controls need quoting or indentation
        return False
    if style == '"':
        return '"' not in new and "\\" not in new
    if style == "'":
        return "'" not in new
    if style in ("|", ">"):
        return True  # what a line of a block may hold is _line_reads_alike's question
    from resumefmt._yaml_reader import resolve_plain

    return _plain_safe(whole.replace("\n", " "), resolve_plain, flow)


def _string_at(document: Document, ptr: str) -> str:
    from resumefmt.pointer import split

    value = document.data
    for token in split(ptr):
        value = value[int(token)] if isinstance(value, list) else value[token]
    if not isinstance(value, str):
        raise TypeError(f"{ptr} is not text")
    return value


def _source_offsets(document: Document, value: str, start: int, end: int) -> list[int] | None:
    """For each index of ``value`` (and its end), the offset of that character in the source.

    A space or line break of the value may stand for a line break and the next
    line's indentation in the source (text folded across lines). None when the
    source does not hold the value character by character: escapes, a doubled
    single quote, a blank line that folds into a line break.
    """
    text = document.text
    source = text[start:end]
    indent: int | None = None  # spaces that are not text: a block's indentation, else all
    if source[:1] in ("|", ">"):
        first_line, indent = _block_body(text, start, end)
        if first_line == 0:
            return None
        index = first_line + indent
    elif source[:1] in ('"', "'"):
        index = start + 1
    else:
        index = start
    kept = value
    if indent is not None:  # a block's final line breaks are its chomping, not its text
        kept = value.rstrip("\n")
    offsets: list[int] = []
    for char in kept:
        if index >= end:
            return None
        here = text[index]
        if here == char and here not in "\r\n":
            offsets.append(index)
            index += 1
        elif char in " \n" and here in "\r\n":
            offsets.append(index)
            index += 2 if text.startswith("\r\n", index) else 1
            limit = end if indent is None else min(end, index + indent)
            while index < limit and text[index] in (" " if indent is not None else " \t"):
                index += 1
        else:
            return None
    if index != end and indent is None and text[index : index + 1] not in ('"', "'"):
        return None
    offsets += [index] * (len(value) - len(kept) + 1)
    return offsets


def key_span(document: Document, ptr: str) -> tuple[int, int]:
    """Where the key of the mapping member at ``ptr`` is written, quotes included."""
    if ptr not in document.key_positions:
        raise KeyError(ptr)
    start = offset(document, document.key_positions[ptr])
    if document.syntax == "json":
        return start, _json_end(document.text, start)
    ends = _ends(document)[1]
    if ptr not in ends:
        raise ValueError("not a scalar key")
    return start, ends[ptr]


def rename_key(document: Document, ptr: str, new: str) -> Edit:
    """Write ``new`` where the key of the member at ``ptr`` is, keeping its quoting if it can.

    Only the key changes: its value, comments and the member's place stay.
    """
    start, end = key_span(document, ptr)
    if document.syntax == "json":
        return Edit(start, end, json.dumps(new, ensure_ascii=False))
    from resumefmt._yaml_reader import resolve_plain
    from resumefmt._yaml_writer import quoted

    style = document.text[start : start + 1]
    if style == "'" and "\n" not in new and new.isprintable():
        return Edit(start, end, "'" + new.replace("'", "''") + "'")
    if style not in ("'", '"') and _plain_safe(new, resolve_plain, _in_flow(document, ptr)):
        return Edit(start, end, new)
    return Edit(start, end, quoted(new))
