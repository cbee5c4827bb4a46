"""What the document converters (LaTeX, Markdown) print the same way: titles, dates, words."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Headings of the standard sections, by :data:`resumefmt.model.SECTIONS` name
#: (they print in the document's own order; a custom section has its own title).
TITLES = {
    "education": "Education",
    "work": "Experience",
    "research": "Research",
    "projects": "Projects",
    "publications": "Publications",
    "awards": "Awards",
    "skills": "Skills",
    "languages": "Languages",
    "interests": "Interests",
}
#: A publication's ``status`` as printed; ``published`` (the default) prints nothing.
STATUS = {"accepted": "Accepted", "under-review": "Under review", "preprint": "Preprint"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EN_DASH = " \u2013 "


def date(value: str) -> str:
    """``2021-03`` → ``Mar 2021``; ``2024-05-18`` → ``18 May 2024``; ``present`` → ``Present``."""
    if value == "present":
        return "Present"
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def dates(entry: dict[str, Any]) -> str:
    """An entry's ``date`` (or list of dates), or its ``start`` to ``end`` range; may be empty."""
    when = entry.get("date")
    if isinstance(when, list):
        return ", ".join(date(d) for d in when)
    if when:
        return date(when)
    start, end = entry.get("start"), entry.get("end")
    if start and end and start != end:
        return f"{date(start)}{EN_DASH}{date(end)}"
    single: str | None = start or end
    return date(single) if single else ""


def bare_url(url: str) -> str:
    """``https://ada.example.com/`` → ``ada.example.com``, to label a link with its address."""
    return url.split("://", 1)[-1].rstrip("/")
