"""RenderCV's dates as ours: exact dates as they are, free text where it is unambiguous."""

from __future__ import annotations

import re

_EXACT = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
#: How people write "still going" in a free-text date.
_PRESENT = frozenset({"present", "now", "current", "today", "ongoing", "heute", "至今", "现在"})
_MONTH_YEAR = re.compile(r"([a-z]+)\.? +([0-9]{4})")
_NUMERIC = re.compile(r"([0-9]{1,2})[/.]([0-9]{4})|([0-9]{4})[/.]([0-9]{1,2})")
_RANGE = re.compile(r"\s*(?:\s[-\u2013\u2014]\s|\u2013|\u2014|\sto\s|\sbis\s|至)\s*")
_YEAR_RANGE = re.compile(r"([0-9]{4})-([0-9]{4})")


def exact(text: str) -> str | None:
    """``text`` when it is a date as RenderCV's start_date takes it (and ours), else None."""
    return text if _EXACT.fullmatch(text) else None


def one(text: str, *, end: bool = False) -> str | None:
    """One date in ``text`` (``Mar 2021``, ``03/2021``, ``2021``…), or None when unsure."""
    text = " ".join(text.split())
    lowered = text.casefold()
    if end and lowered in _PRESENT:
        return "present"
    if _EXACT.fullmatch(text):
        return text
    match = _MONTH_YEAR.fullmatch(lowered)
    if match and match.group(1) in _MONTHS:
        return f"{match.group(2)}-{_MONTHS[match.group(1)]:02d}"
    match = _NUMERIC.fullmatch(text)
    if match:
        month, year = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 3)
        if 1 <= int(month) <= 12:
            return f"{year}-{int(month):02d}"
    return None


def free_text(text: str) -> tuple[str, str] | None:
    """A free-text ``date`` as (start, end): one date is both; None when not sure."""
    single = one(text)
    if single is not None:
        return single, single
    years = _YEAR_RANGE.fullmatch(text.strip())
    parts = list(years.groups()) if years else _RANGE.split(text.strip())
    if len(parts) != 2:
        return None
    start, end = one(parts[0]), one(parts[1], end=True)
    if start is None or end is None:
        return None
    return start, end
