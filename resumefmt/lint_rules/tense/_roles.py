"""Roles and their bullets, as the tense rules see them.

A role is an entry with ``highlights``: an entry of a dated section, a
project inside one, or an item of a custom section. It has ended when its
``end`` (for a custom item without one, its ``date``) lies wholly before
today; it is current when the end is ``present`` or still to come. A project
without an end of its own has ended when the entry it belongs to has.
"""

from __future__ import annotations

from resumefmt import model
from resumefmt.lint_rules.dates.calendar import ended
from resumefmt.lint_rules.tense._opening import opening

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator
    from typing import Any

    from resumefmt.rules import Context

ENDED = "ended"
CURRENT = "current"

#: ``(pointer, tense, start, end, word)`` of a bullet's opening word.
Opening = tuple[str, str, int, int, str]


class Role:
    """One role: where it is, whether it has ended, how each bullet opens."""

    __slots__ = ("end", "openings", "pointer", "section", "state")

    def __init__(self, pointer: str, section: str, state: str | None, end: str | None) -> None:
        self.pointer = pointer
        self.section = section
        #: ENDED, CURRENT, or None when the dates do not say.
        self.state = state
        self.end = end
        self.openings: list[Opening] = []


def roles(context: Context) -> list[Role]:
    """The roles of the document that have bullets; computed once for the four rules.

    Only bullets in a language the running rule judges are read (the tense
    rules know English verbs): a German résumé's roles have no openings.
    """
    key = f"tense.roles:{context.languages}"  # a plugin's rule may judge other languages
    found: list[Role] = context.memo(key, lambda: list(_roles(context)))
    return found


def _roles(context: Context) -> Iterator[Role]:
    ends: dict[str, str | None] = {}
    for section, pointer, entry in model.dated_entries(context.data):
        end = ends[pointer] = _end_of(entry)
        state = role_state(end, context.today)
        owner_end = ends.get(pointer.rpartition("/projects/")[0])  # None unless a project
        if end is None and role_state(owner_end, context.today) == ENDED:
            end, state = owner_end, ENDED
        if "highlights" in entry:
            role = Role(pointer, section, state, end)
            for index, text in enumerate(entry["highlights"]):
                bullet = f"{pointer}/highlights/{index}"
                opened = opening(text) if context.speaks(bullet) else None
                if opened is not None:
                    tense, start, stop = opened
                    role.openings.append((bullet, tense, start, stop, text[start:stop]))
            yield role


def _end_of(entry: dict[str, Any]) -> str | None:
    end = entry.get("end", None if "start" in entry else entry.get("date"))
    return end if isinstance(end, str) else None


def role_state(end: str | None, today: datetime.date) -> str | None:
    """ENDED when ``end`` lies wholly before ``today``, CURRENT when it is ``present``
    or still to come; None without an end, or when it takes today in ("2026" in 2026).

    Dates are compared at the precision written, by the dates family's one model.
    """
    over = None if end is None else ended(end, today)
    return None if over is None else ENDED if over else CURRENT
