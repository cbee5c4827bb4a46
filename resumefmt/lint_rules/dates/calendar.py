"""Dates at the precision written, and where a résumé keeps them.

A date written as ``2021`` is the whole year and ``2021-05`` the whole month:
each parses to a *span*, its first and last day as ``(year, month, day)``
tuples. One date is *certainly before* another when its span ends before the
other's begins, so ``2021-05`` is not after ``2021`` and no rule reports what
the writer did not say. ``present`` is the span of today.

This is the one date model of the linter: the tense rules ask :func:`ended`
whether a role is over.
"""

from __future__ import annotations

from resumefmt.model import CUSTOM, DATED, mappings

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable, Iterator
    from typing import Any

    Day = tuple[int, int, int]
    Span = tuple[Day, Day]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: What a precision is called in messages, by the number of parts written.
PRECISION_NAMES = {1: "years (YYYY)", 2: "months (YYYY-MM)", 3: "days (YYYY-MM-DD)"}
PRESENT = "present"


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has (proleptic Gregorian calendar)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day_of(today: datetime.date) -> Day:
    """A date as a ``(year, month, day)`` tuple, the form spans are made of."""
    return today.year, today.month, today.day


def _parts(text: str) -> tuple[int, int, int] | None:
    """Year, month, day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (0 where not written)."""
    pieces = text.split("-")
    if [len(piece) for piece in pieces] not in ([4], [4, 2], [4, 2, 2]):
        return None
    if not text.isascii() or not "".join(pieces).isdigit():
        return None
    year, month, day = (int(piece) for piece in (*pieces, "0", "0")[:3])
    return year, month, day


def not_real(text: str) -> str | None:
    """Why ``text`` (which has the form of a date) names no real day, or None."""
    parts = _parts(text)
    if parts is None:
        return None
    year, month, day = parts
    if year == 0:
        return f"{text} is not a real date: there was no year 0"
    if month and not 1 <= month <= 12:
        return f"{text} is not a real date: there is no month {month}"
    if day and not 1 <= day <= days_in_month(year, month):
        last = days_in_month(year, month)
        return f"{text} is not a real date: {_MONTHS[month - 1]} {year} has {last} days"
    return None


def _bounds(text: str) -> Span | None:
    """The first and last day ``text`` can mean, whether or not that day exists."""
    parts = _parts(text)
    if parts is None:
        return None
    year, month, day = parts
    if day:
        return (year, month, day), (year, month, day)
    if month:
        return (year, month, 1), (year, month, days_in_month(year, month))
    return (year, 1, 1), (year, 12, 31)


def span(text: str, today: Day) -> Span | None:
    """The first and last day ``text`` can mean, or None for what is not a real date."""
    if text == PRESENT:
        return today, today
    return None if not_real(text) else _bounds(text)


def before(first: Span, second: Span) -> bool:
    """True when every day ``first`` can mean precedes every day ``second`` can mean."""
    return first[1] < second[0]


def ended(end: str, today: datetime.date) -> bool | None:
    """Whether something that ends at ``end`` is over by ``today``.

    True when every day ``end`` can mean is before today, False for
    ``present`` or an end still to come, None when the precision leaves it
    open (``end: "2026"`` in 2026) or ``end`` is not a date.
    """
    if end == PRESENT:
        return False
    bounds = _bounds(end)
    if bounds is None:
        return None
    now = (day_of(today), day_of(today))
    if before(bounds, now):
        return True
    return False if before(now, bounds) else None


def precision(text: str) -> int:
    """1, 2 or 3: how many parts the date is written with (0 for ``present``)."""
    return 0 if text == PRESENT else text.count("-") + 1


def month_index(day: Day) -> int:
    """Months since year 0, so that two days' months can be subtracted."""
    return day[0] * 12 + day[1] - 1


def label(entry: dict[str, Any]) -> str:
    """What a person calls an entry: its organisation, institution, name or title."""
    for key in ("organization", "institution", "name", "title"):
        value = entry.get(key)
        if isinstance(value, str):
            return value if len(value) <= 60 else value[:57] + "..."
    return "an entry"


def date_groups(data: Any) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """``(name, [(pointer, date)...])`` of each list whose dates a reader sees together."""
    if not isinstance(data, dict):
        return
    for section in DATED:
        entries = list(mappings(data.get(section)))
        yield section, _dates_in(f"/{section}", entries, ("start", "end"))
        for index, entry in entries:
            where = f"/{section}/{index}/projects"
            projects = mappings(entry.get("projects"))
            yield f"the projects of {label(entry)}", _dates_in(where, projects, ("start", "end"))
    yield "publications", _dates_in("/publications", mappings(data.get("publications")), ("date",))
    awards = []
    for index, award in mappings(data.get("awards")):
        dates = award.get("date")
        if isinstance(dates, str):
            awards.append((f"/awards/{index}/date", dates))
        elif isinstance(dates, list):
            awards += [(f"/awards/{index}/date/{k}", d) for k, d in enumerate(dates)]
    yield "awards", awards
    tests = []
    for index, language in mappings(data.get("languages")):
        where = f"/languages/{index}/tests"
        tests += _dates_in(where, mappings(language.get("tests")), ("date",))
    yield "language tests", tests
    for index, custom in mappings(data.get(CUSTOM)):
        items = mappings(custom.get("items"))
        name = f"the section {custom.get('title')!r}"
        yield name, _dates_in(f"/{CUSTOM}/{index}/items", items, ("date", "start", "end"))


def _dates_in(
    where: str, entries: Iterable[tuple[int, dict[str, Any]]], keys: tuple[str, ...]
) -> list[tuple[str, str]]:
    return [
        (f"{where}/{index}/{key}", entry[key])
        for index, entry in entries
        for key in keys
        if isinstance(entry.get(key), str)
    ]
