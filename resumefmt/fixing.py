"""``resumefmt lint --fix``: the safe fixes of a lint run, made as edits of the file's text.

A rule (or the validator) says what is to change in a value's terms
(:class:`~resumefmt.diagnostics.Fix`); :func:`place` turns that into an edit
of the file's text through :mod:`resumefmt.editing`, which touches only the
characters concerned, so comments, quoting, order and layout survive.

:func:`fix_document` applies the fixes of a document in passes: in each, the
fixes whose edits do not overlap an earlier one are made, the text is read
back, and each changed value must read as the fix said (else nothing is
written: a misplaced edit is a bug, and the user's text comes first). Overlaps
wait for the next pass, at most :data:`MAX_PASSES`. The result must load and
validate, or the document is left as it was.
"""

from __future__ import annotations

import copy
from bisect import bisect_left, insort

from resumefmt import editing
from resumefmt._record import Record
from resumefmt.diagnostics import Diagnostic, Fix, Replacement, has_errors
from resumefmt.errors import DocumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from resumefmt.loader import Document

#: Passes over one document: fixes that overlapped wait for the next one.
MAX_PASSES = 5


def place(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` with each fix placed in ``document``'s text as :class:`Replacement` values.

    A fix that cannot be placed (its value is gone, or is not a scalar) is
    dropped: the finding stays, without a fix.
    """
    if not any(d.fix for d in diagnostics):
        return diagnostics
    starts = editing.line_starts(document)
    placed = []
    for d in diagnostics:
        if d.fix and not d.replacements:
            replacements = _replacements(document, d, starts)
            d = Diagnostic(d.location, d.severity, d.code, d.name, d.message, replacements)
        placed.append(d)
    return placed


def _replacements(
    document: Document, diagnostic: Diagnostic, starts: list[int]
) -> tuple[Replacement, ...]:
    out = []
    for item in diagnostic.fix:
        change = item if isinstance(item, Fix) else None
        try:
            edit = edit_for(document, item) if isinstance(item, Fix) else item
        except (KeyError, IndexError, TypeError, ValueError):
            return ()
        if not isinstance(edit, editing.Edit) or edit.end > len(document.text):
            return ()
        position = _position(starts, edit.start)
        end_position = _position(starts, edit.end)
        out.append(
            Replacement(edit.start, edit.end, edit.replacement, position, end_position, change)
        )
    return tuple(out)


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    from bisect import bisect_right

    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def edit_for(document: Document, fix: Fix) -> editing.Edit:
    """The edit of ``document``'s text that makes the value change ``fix`` describes."""
    ptr = fix.pointer if fix.pointer is not None else ""
    value = _value_at(document.data, ptr)
    if not isinstance(value, str):  # a number that must be text: written as the string
        return editing.replace_value(document, ptr, fix.replacement)
    start = 0 if fix.start is None else fix.start
    end = len(value) if fix.start is None or fix.end is None else fix.end
    return editing.replace_in_value(document, ptr, start, end, fix.replacement)


class Outcome(Record):
    """What :func:`fix_document` did to one document.

    ``text`` is the fixed text (the original when nothing was applied);
    ``applied`` how many findings were fixed; ``remaining`` the findings of
    the text as it stands; ``refused`` why nothing was written, when fixes
    were found but the result could not be kept.
    """

    __slots__ = ("applied", "refused", "remaining", "text")

    def __init__(
        self, text: str, applied: int, remaining: list[Diagnostic], refused: str | None = None
    ) -> None:
        self.text = text
        self.applied = applied
        self.remaining = remaining
        self.refused = refused


def fix_document(document: Document, lint: Callable[[Document], list[Diagnostic]]) -> Outcome:
    """Apply the safe fixes of ``lint``'s findings to ``document``, in passes; see the module."""
    from resumefmt.loader import load_text
    from resumefmt.validation import validate

    first = found = place(document, lint(document))
    current, applied = document, 0
    for _ in range(MAX_PASSES):
        chosen = _non_overlapping(found)
        if not chosen:
            break
        edits = [r for d in chosen for r in d.replacements]
        text = editing.apply(current.text, [editing.Edit(r.start, r.end, r.text) for r in edits])
        if text == current.text:
            break
        try:
            fixed = load_text(text, document.path, document.syntax)
        except DocumentError:
            return Outcome(document.text, 0, first, _bug("made the file unreadable"))
        expected = _expected(current.data, [r.change for r in edits])
        if expected is not _UNKNOWN and fixed.data != expected:
            return Outcome(document.text, 0, first, _bug("changed more than the values fixed"))
        applied += len(chosen)
        current = fixed
        found = place(current, lint(current))
    if current is document:
        return Outcome(document.text, 0, first)
    left = [d for d in validate(current) if d.severity == "error"]
    if has_errors(left):
        said = f"{len(left)} schema error{'' if len(left) == 1 else 's'}"
        return Outcome(
            document.text,
            0,
            first,
            f"not fixed: {said} would remain that no safe fix mends; nothing was written",
        )
    return Outcome(current.text, applied, found)


def _bug(what: str) -> str:
    return f"not fixed: a fix {what}; nothing was written (this is a bug, please report it)"


def _non_overlapping(found: list[Diagnostic]) -> list[Diagnostic]:
    """The fixable diagnostics whose edits overlap none taken before them, in reading order.

    An edit equal to one taken counts as taken (two findings, one fix); two
    edits at one point, or sharing characters, overlap.
    """
    # What is taken, by start: taken spans share no characters and no start, so
    # a new one can only overlap its neighbours in that order (a run with
    # 50,000 fixes must not compare each with all the others).
    starts: list[int] = []
    taken: dict[int, Replacement] = {}
    chosen = []
    for d in found:
        mine = d.replacements
        if not mine:
            continue
        fresh = [r for r in mine if not _same(r, taken.get(r.start))]
        if any(_overlaps_taken(r, starts, taken) for r in fresh) or any(
            _overlap(a, b) for i, a in enumerate(fresh) for b in fresh[i + 1 :]
        ):
            continue
        for r in fresh:
            insort(starts, r.start)
            taken[r.start] = r
        chosen.append(d)
    return chosen


def _same(a: Replacement, b: Replacement | None) -> bool:
    return b is not None and (a.start, a.end, a.text) == (b.start, b.end, b.text)


def _overlaps_taken(r: Replacement, starts: list[int], taken: dict[int, Replacement]) -> bool:
    at = bisect_left(starts, r.start)
    before = taken[starts[at - 1]] if at else None
    after = taken[starts[at]] if at < len(starts) else None
    return any(t is not None and _overlap(r, t) for t in (before, after))


def _overlap(a: Replacement, b: Replacement) -> bool:
    return a.start == b.start or (a.start < b.end and b.start < a.end)


class _Unknown:
    """The data a fix should give is unknown: it edits the text directly."""


_UNKNOWN: Any = _Unknown()


def _expected(data: Any, changes: list[Fix | None]) -> Any:
    """``data`` as the value fixes say it becomes; :data:`_UNKNOWN` when an edit is not one."""
    if any(change is None for change in changes):
        return _UNKNOWN
    result = copy.deepcopy(data)
    by_value: dict[str, list[Fix]] = {}
    for change in changes:
        assert change is not None
        by_value.setdefault(change.pointer or "", []).append(change)
    for ptr, fixes in by_value.items():
        value = _value_at(data, ptr)
        if not isinstance(value, str):
            new: Any = fixes[-1].replacement
        else:
            new = value
            seen = set()
            # From the end, so that earlier offsets still hold; one fix per span.
            for fix in sorted(fixes, key=lambda f: (f.start or 0, f.end or 0), reverse=True):
                start = 0 if fix.start is None else fix.start
                end = len(value) if fix.start is None or fix.end is None else fix.end
                if (start, end, fix.replacement) in seen:
                    continue
                seen.add((start, end, fix.replacement))
                new = new[:start] + fix.replacement + new[end:]
        result = _set_at(result, ptr, new)
    return result


def _value_at(data: Any, ptr: str) -> Any:
    from resumefmt.pointer import split

    node = data
    for token in split(ptr):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _set_at(data: Any, ptr: str, value: Any) -> Any:
    """``data`` with the node at ``ptr`` replaced by ``value`` (in place, but the root)."""
    from resumefmt.pointer import split

    tokens = split(ptr)
    if not tokens:
        return value
    parent = data
    for token in tokens[:-1]:
        parent = parent[int(token)] if isinstance(parent, list) else parent[token]
    last = tokens[-1]
    parent[int(last) if isinstance(parent, list) else last] = value
    return data
