"""Run the enabled rules over a document and turn their findings into diagnostics.

Validation comes first: its problems are findings too. The rules run only on a
document that is valid against its schema, so each rule can trust the shapes
the schema promises. A rule that raises is reported as its own failure
(RF099 ``lint.rule-crashed``, exit 2) and never hides the findings of the others.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from resumefmt.diagnostics import Diagnostic, Fix, Location, has_errors, sort_diagnostics
from resumefmt.model import uses_choices
from resumefmt.rules import Context, LintSettings
from resumefmt.validation import validate

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from typing import Any

    from resumefmt.config import Config
    from resumefmt.editing import Edit
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry
    from resumefmt.rules import Finding, Rule


class LintRun:
    """One lint run over any number of documents: rules, config, run-wide state."""

    def __init__(
        self,
        registry: Registry,
        *,
        today: datetime.date | None = None,
        settings: LintSettings | None = None,
    ) -> None:
        import datetime

        self.registry = registry
        self.today = today or datetime.date.today()
        self.settings = settings or LintSettings()
        self.crashed: list[str] = []  # codes of the rules that raised
        self._shared: dict[str, dict[str, Any]] = {}

    def rules_for(self, config: Config | None) -> list[Rule]:
        """The rules this run applies under ``config``, in code order."""
        chosen = []
        for code in sorted(self.registry.rules):
            rule = self.registry.rules[code]
            if rule.online and not self.settings.online:
                continue
            if config.enabled(rule) if config is not None else rule.enabled:
                chosen.append(rule)
        return chosen

    def lint(
        self,
        document: Document,
        config: Config | None = None,
        *,
        locale: str | None = None,
        variant: str | None = None,
    ) -> list[Diagnostic]:
        """Every finding on ``document``, sorted; suppression comments applied.

        The rules check the document as ``variant`` in ``locale`` will be sent
        (:func:`resumefmt.selection.selected`); findings point at the file.
        """
        found = list(validate(document))
        crashes: list[Diagnostic] = []
        if not has_errors(found):
            checked = document
            if locale is not None or variant is not None or uses_choices(document.data):
                from resumefmt.selection import selected

                checked = selected(document, locale, variant)
            memo: dict[str, Any] = {}
            lines = _LineIndex(document.text, document.syntax)
            for rule in self.rules_for(config):
                found += self._apply(rule, checked, config, memo, lines, crashes)
            origins: dict[str, str] | None = getattr(checked, "origins", None)
            if origins:  # each pointer as the file writes it, so that fixes find their value
                found = [_at_origin(d, origins) for d in found]
        if document.syntax == "yaml":
            from resumefmt.suppression import apply_suppressions

            found = apply_suppressions(document, found, self.registry)
        found += crashes  # a rule's failure is never silenced by a comment
        return sort_diagnostics(found)

    def _apply(
        self,
        rule: Rule,
        document: Document,
        config: Config | None,
        memo: dict[str, Any],
        lines: _LineIndex,
        crashes: list[Diagnostic],
    ) -> list[Diagnostic]:
        options = dict(rule.options)
        severity = rule.severity
        if config is not None:
            options.update(config.options_for(rule))
            severity = config.severity_for(rule)
        shared = self._shared.setdefault(rule.family, {})
        context = Context(
            document, options, self.today, self.settings, shared, memo, rule.languages
        )
        try:
            return [
                Diagnostic(
                    locate_finding(document, finding, lines),
                    severity,
                    rule.code,
                    rule.name,
                    finding.message,
                    _placed_in_value(finding) if rule.fixable and finding.fix else (),
                )
                for finding in rule.check(context)
            ]
        except Exception as exc:  # a bug in the rule, or a value that is not a Finding
            self.crashed.append(rule.code)
            where = Location(document.path, 1, 1, "")
            said = " ".join(f"{type(exc).__name__}: {exc}".split())
            message = (
                f"rule {rule.name} failed with an internal error ({said}); its findings "
                "are missing; this is a bug in the rule, please report it"
            )
            crashes.append(Diagnostic(where, "error", rule.code, rule.name, message))
            return []


def _placed_in_value(finding: Finding) -> tuple[Fix | Edit, ...]:
    """A finding's fixes with their pointer and span made explicit (the finding's by default)."""
    placed: list[Fix | Edit] = []
    for item in finding.fix:
        if isinstance(item, Fix):
            start, end = item.start, item.end
            if start is None:
                start, end = finding.start, finding.end
            elif end is None:  # an insertion
                end = start
            ptr = finding.pointer if item.pointer is None else item.pointer
            item = Fix(item.replacement, start, end, pointer=ptr)
        placed.append(item)
    return tuple(placed)


def _at_origin(diagnostic: Diagnostic, origins: dict[str, str]) -> Diagnostic:
    """``diagnostic`` with its pointer into the document as written, not the selection."""
    where = diagnostic.location
    source = origins.get(where.pointer)
    fixes = tuple(
        Fix(item.replacement, item.start, item.end, pointer=origins[item.pointer])
        if isinstance(item, Fix) and item.pointer in origins
        else item
        for item in diagnostic.fix
    )
    if source is None and fixes == diagnostic.fix:
        return diagnostic
    return Diagnostic(
        Location(where.path, where.line, where.column, source or where.pointer),
        diagnostic.severity,
        diagnostic.code,
        diagnostic.name,
        diagnostic.message,
        fixes,
    )


class _LineIndex:
    """Offsets of line starts, to turn (line, column) into an offset and back.

    Also where each string value's characters are written (:class:`_SpanMap`),
    worked out once per node, so that locating every finding of a run costs
    time in proportion to the text, however many findings there are.
    """

    def __init__(self, text: str, syntax: str = "yaml") -> None:
        self.text = text
        # The line breaks the readers count: libyaml's for YAML, only LF for JSON.
        breaks = r"\r\n|[\r\n\x85\u2028\u2029]" if syntax == "yaml" else r"\n"
        self.starts = [0, *(m.end() for m in re.finditer(breaks, text))]
        self._maps: dict[str, _SpanMap | None] = {}

    def offset(self, line: int, column: int) -> int:
        return self.starts[min(line, len(self.starts)) - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span_map(self, document: Document, pointer: str) -> _SpanMap | None:
        """The map of the string at ``pointer`` (None for another node), made once."""
        if pointer not in self._maps:
            value = _value_at(document.data, pointer) if pointer in document.positions else None
            if isinstance(value, str):
                line, column = document.positions[pointer]
                self._maps[pointer] = _SpanMap(self.text, self.offset(line, column), value)
            else:
                self._maps[pointer] = None
        return self._maps[pointer]


def locate_finding(
    document: Document, finding: Finding, lines: _LineIndex | None = None
) -> Location:
    """Where a finding is written: its node, its key, or the span inside its text."""
    location = document.locate(finding.pointer, key=finding.key)
    if finding.start is None or finding.key:
        return location
    lines = lines or _LineIndex(document.text, document.syntax)
    spans = lines.span_map(document, finding.pointer)
    offset = None if spans is None else spans.offset_of(finding.start, finding.end)
    if offset is None:
        return location
    line, column = lines.position(offset)
    return Location(location.path, line, column, location.pointer)


_NOT_BLANK = re.compile(r"\S")
#: What YAML folds: spaces, tabs and its line breaks (JSON strings hold none of them raw).
_BLANKS = " \t\r\n\x85\u2028\u2029"
_BLANK_RUN = re.compile(r"[ \t\r\n\x85\u2028\u2029]*")
_SPACE_RUN = re.compile(r"[ \t]*")
_TO_LINE_END = re.compile(r"[^\r\n\x85\u2028\u2029]*")
#: Escapes of YAML's double-quoted scalars (JSON's are a subset).
_ESCAPES = dict(
    zip('0abt\tnvfre "/\\N_LP', '\0\a\b\t\t\n\v\f\r\x1b "/\\\x85\xa0\u2028\u2029', strict=True)
)
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
#: How far ahead a character the reading cannot follow is looked for, and how often.
_RESYNC_WINDOW = 64
_RESYNC_TRIES = 8


class _SpanMap:
    """Where each character of one string value is written in the source.

    A scalar is written with quotes, escapes, folded lines and indentation, so
    an offset in the value is not an offset in the file. One pass reads the
    source beside the value: equal stretches are compared whole (at C speed),
    escapes are decoded, runs of blanks are folded, and a character this
    reading cannot follow is looked for a little further on. The result is a
    list of runs (value offset, source offset) searched by bisection. The pass
    is linear in the value: every step moves through the value, or moves
    through the source a bounded number of times.
    """

    __slots__ = ("sources", "starts", "value")

    def __init__(self, text: str, begin: int, value: str) -> None:
        self.value = value
        self.starts: list[int] = []  # value offset where each run begins
        self.sources: list[int] = []  # its source offset; -1: not found
        style = text[begin : begin + 1]
        j = begin
        if style in ('"', "'"):
            j += 1
        elif style in ("|", ">"):  # a block scalar: its text starts on the next line
            j = _TO_LINE_END.match(text, j).end()  # type: ignore[union-attr]
        stop = "\\" if style == '"' else "'" if style == "'" else ""
        next_stop = -1  # the next stop character at or after j (cached: finding it is linear)
        i, size, end, tries = 0, len(value), len(text), 0
        while i < size and j < end:
            char, source = value[i], text[j]
            if stop and source == stop:
                written, length = _escape(text, j) if stop == "\\" else _quote(text, j)
                if written == "":  # an escaped line break: no character
                    j = _SPACE_RUN.match(text, j + length).end()  # type: ignore[union-attr]
                    continue
                if written == char:
                    self._add(i, j)
                    i, j, tries = i + 1, j + length, 0
                    continue
            elif char == source:
                limit = min(size - i, end - j)
                if stop:
                    if next_stop <= j:
                        found = text.find(stop, j, j + limit)
                        next_stop = found if found >= 0 else j + limit
                    limit = min(limit, next_stop - j)
                length = _common_length(value, i, text, j, limit)
                self._add(i, j)
                i, j, tries = i + length, j + length, 0
                continue
            elif source in _BLANKS:  # folded or indented: blanks in the value stand for it
                if char in _BLANKS:
                    self._add(i, j)
                    i = _BLANK_RUN.match(value, i).end()  # type: ignore[union-attr]
                j = _BLANK_RUN.match(text, j).end()  # type: ignore[union-attr]
                continue
            elif char in _BLANKS:  # a blank the source does not show (chomping, folding)
                self._add(i, j)
                i += 1
                continue
            # Not followed: look for what comes next in the value a little further on.
            tries += 1
            if tries <= _RESYNC_TRIES:
                word = value[i : i + 16].split(None, 1)[0]
                found = text.find(word, j + 1, j + 1 + _RESYNC_WINDOW + len(word))
                if found >= 0:
                    j = found
                    continue
            self._add(i, j)
            i, tries = i + 1, 0
        if i < size:
            self._add(i, -1)

    def _add(self, index: int, offset: int) -> None:
        self.starts.append(index)
        self.sources.append(offset)

    def offset_of(self, start: int, end: int | None) -> int | None:
        """The source offset of ``value[start:end]``, or None when it is not found.

        That is the span's first character that is not blank: a span of
        blanks only has no place of its own.
        """
        stop = len(self.value) if end is None else min(end, len(self.value))
        first = _NOT_BLANK.search(self.value, max(start, 0), stop)
        if first is None:
            return None
        index = first.start()
        run = bisect_right(self.starts, index) - 1
        if run < 0 or self.sources[run] < 0:
            return None
        return self.sources[run] + index - self.starts[run]


def _common_length(a: str, i: int, b: str, j: int, limit: int) -> int:
    """How many characters ``a[i:]`` and ``b[j:]`` share, at most ``limit``.

    Compared in doubling slices, then halving: linear in the answer, at C speed.
    """
    same, step = 0, 64
    while same < limit:
        size = min(step, limit - same)
        if a[i + same : i + same + size] == b[j + same : j + same + size]:
            same += size
            step *= 2
            continue
        low, high = 0, size - 1  # the slice of `size` differs; find how much of it agrees
        while low < high:
            middle = (low + high + 1) // 2
            if a[i + same : i + same + middle] == b[j + same : j + same + middle]:
                low = middle
            else:
                high = middle - 1
        return same + low
    return same


def _escape(text: str, j: int) -> tuple[str | None, int]:
    """The character the escape at ``text[j]`` stands for and its length.

    ``''`` for an escaped line break (it stands for nothing), None for one
    this reading does not know. A UTF-16 surrogate pair written as two
    ``\\u`` escapes (JSON's way) is one character.
    """
    code = text[j + 1 : j + 2]
    if code in _ESCAPES:
        return _ESCAPES[code], 2
    if code in ("\r", "\n", "\x85", "\u2028", "\u2029"):
        return "", 3 if text.startswith("\r\n", j + 1) else 2
    digits = _HEX_DIGITS.get(code)
    if digits is None:
        return None, 2
    point = _hex(text[j + 2 : j + 2 + digits])
    length = 2 + digits
    if 0xD800 <= point < 0xDC00 and text.startswith("\\u", j + length):
        low = _hex(text[j + length + 2 : j + length + 6])
        if 0xDC00 <= low < 0xE000:
            point = 0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00)
            length += 6
    return (chr(point) if 0 <= point <= 0x10FFFF else None), length


def _hex(digits: str) -> int:
    if not digits or not all(c in "0123456789abcdefABCDEF" for c in digits):
        return -1
    return int(digits, 16)


def _quote(text: str, j: int) -> tuple[str | None, int]:
    """In a single-quoted scalar, ``''`` is one quote; a lone quote ends it."""
    return ("'", 2) if text.startswith("''", j) else (None, 1)


def _value_at(data: Any, ptr: str) -> Any:
    from resumefmt.pointer import split

    node = data
    for token in split(ptr):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node
