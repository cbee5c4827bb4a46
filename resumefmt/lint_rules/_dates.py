"""Dates at the precision written, and where a résumé keeps them.

A date written as ``2021`` is the whole year and ``2021-05`` the whole month:
each parses to a *span*, its first and last day as ``(year, month, day)``
tuples. One date is *certainly before* another when its span ends before the
other's begins, so ``2021-05`` is not after ``2021`` and no rule reports what
the writer did not say. ``present`` is the span of today.

No ``datetime`` here: tuples compare in order and cost nothing to import.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator
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
#: Sections whose entries hold a start and an end, and may hold ``projects`` that do too.
RANGE_SECTIONS = ("education", "work", "research", "projects")
PRESENT = "present"


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has (proleptic Gregorian calendar)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day_of(today: datetime.date) -> Day:
    return today.year, today.month, today.day


def _parts(text: str) -> tuple[int, int, int] | None:
    """Year, month, day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (0 where not written).

    String tests, not a regular expression: one costs every lint run its compilation.
    """
    size = len(text)
    if size not in (4, 7, 10) or not text.isascii():
        return None
    if not text[:4].isdigit() or (size > 4 and (text[4] != "-" or not text[5:7].isdigit())):
        return None
    if size == 10 and (text[7] != "-" or not text[8:].isdigit()):
        return None
    return int(text[:4]), int(text[5:7] or 0), int(text[8:] or 0)


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


def span(text: str, today: Day) -> Span | None:
    """The first and last day ``text`` can mean, or None for what is not a real date."""
    if text == PRESENT:
        return today, today
    parts = _parts(text)
    if parts is None or not_real(text):
        return None
    year, month, day = parts
    if len(text) == 10:
        return (year, month, day), (year, month, day)
    if len(text) == 7:
        return (year, month, 1), (year, month, days_in_month(year, month))
    return (year, 1, 1), (year, 12, 31)


def before(first: Span, second: Span) -> bool:
    """True when every day ``first`` can mean precedes every day ``second`` can mean."""
    return first[1] < second[0]


def precision(text: str) -> int:
    """1, 2 or 3: how many parts the date is written with (0 for ``present``)."""
    return 0 if text == PRESENT else text.count("-") + 1


def month_index(day: Day) -> int:
    return day[0] * 12 + day[1] - 1


def label(entry: dict[str, Any]) -> str:
    """What a person calls an entry: its organisation, institution, name or title."""
    for key in ("organization", "institution", "name", "title"):
        value = entry.get(key)
        if isinstance(value, str):
            return value if len(value) <= 60 else value[:57] + "..."
    return "an entry"


def range_entries(data: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(section, pointer, entry)`` of every entry that may have a start and an end.

    Section is the top-level key (``work``, ``sections``...); a project inside a
    work or research entry belongs to that section.
    """
    if not isinstance(data, dict):
        return
    for section in RANGE_SECTIONS:
        for index, entry in _dicts(data.get(section)):
            yield section, f"/{section}/{index}", entry
            for inner, project in _dicts(entry.get("projects")):
                yield section, f"/{section}/{index}/projects/{inner}", project
    for index, custom in _dicts(data.get("sections")):
        for inner, item in _dicts(custom.get("items")):
            yield "sections", f"/sections/{index}/items/{inner}", item


def date_groups(data: Any) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """``(name, [(pointer, date)...])`` of each list whose dates a reader sees together."""
    if not isinstance(data, dict):
        return
    for section in RANGE_SECTIONS:
        entries = list(_dicts(data.get(section)))
        yield section, _dates_in(f"/{section}", entries, ("start", "end"))
        for index, entry in entries:
            where = f"/{section}/{index}/projects"
            projects = list(_dicts(entry.get("projects")))
            yield f"the projects of {label(entry)}", _dates_in(where, projects, ("start", "end"))
    yield "publications", _dates_in("/publications", _dicts(data.get("publications")), ("date",))
    awards = []
    for index, award in _dicts(data.get("awards")):
        dates = award.get("date")
        if isinstance(dates, str):
            awards.append((f"/awards/{index}/date", dates))
        elif isinstance(dates, list):
            awards += [(f"/awards/{index}/date/{k}", d) for k, d in enumerate(dates)]
    yield "awards", awards
    tests = []
    for index, language in _dicts(data.get("languages")):
        where = f"/languages/{index}/tests"
        tests += _dates_in(where, _dicts(language.get("tests")), ("date",))
    yield "language tests", tests
    for index, custom in _dicts(data.get("sections")):
        items = _dicts(custom.get("items"))
        name = f"the section {custom.get('title')!r}"
        yield name, _dates_in(f"/sections/{index}/items", items, ("date", "start", "end"))


def _dicts(items: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def _dates_in(where: str, entries: Any, keys: tuple[str, ...]) -> list[tuple[str, str]]:
    return [
        (f"{where}/{index}/{key}", entry[key])
        for index, entry in entries
        for key in keys
        if isinstance(entry.get(key), str)
    ]
