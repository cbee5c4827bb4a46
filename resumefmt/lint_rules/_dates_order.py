"""The ``dates`` rule that reads the order of a section: newest first."""

from __future__ import annotations

from resumefmt.lint_rules._dates import before, day_of, range_entries
from resumefmt.lint_rules._dates_sections import TWO, role_text, span_of
from resumefmt.rules import Finding, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from resumefmt.lint_rules._dates import Span
    from resumefmt.rules import Context


def not_newest_first(context: Context) -> Iterator[Finding]:
    """An entry listed below an older one: sections read newest first.

    Entries are ordered by their end, then by their start, where ``present``
    is today; an entry with no end is placed by its start. Only an order that
    is certain at the precision written is reported (``2022`` and ``2022-06``
    are not out of order either way), at the date that decides it. Option
    ``sections`` (default ``[education, work, research]``): the sections the
    format describes as newest first; publications and awards are often
    ordered otherwise.
    """
    today = day_of(context.today)
    for section in context.options.get("sections", ["education", "work", "research"]):
        previous: tuple[dict[str, Any], Span | None, Span | None] | None = None
        for _s, pointer, entry in range_entries({section: context.data.get(section)}):
            if pointer.count("/") > 2:
                continue  # the projects of an entry
            end, start = span_of(entry, "end", today), span_of(entry, "start", today)
            if end is None and start is None:
                continue
            if previous is not None:
                key = _newer(previous[1:], (end, start))
                if key:
                    yield Finding(
                        f"{pointer}/{key}",
                        f"{role_text(entry)} is more recent than {role_text(previous[0])} "
                        f"listed above it; list {section} newest first",
                    )
            previous = entry, end, start


def _newer(above: tuple[Span | None, Span | None], below: tuple[Span | None, Span | None]) -> str:
    """``end`` or ``start`` when ``below`` is certainly newer by that date, else ''."""
    above_end, above_start = above
    below_end, below_start = below
    if above_end is not None and below_end is not None:
        if before(above_end, below_end):
            return "end"
        if above_end != below_end:
            return ""
    if above_start is not None and below_start is not None and before(above_start, below_start):
        return "start"
    return ""


RULE = Rule(
    "RF107",
    "dates.not-newest-first",
    "An entry listed below an older one.",
    check=not_newest_first,
    options={"sections": ["education", "work", "research"]},
    fails=(TWO.format('"2015"', '"2017"', '"2019"', "present"),),
    passes=(TWO.format('"2019"', "present", '"2015"', '"2019"'),),
)
