"""Roles and their bullets, as the tense rules see them.

A role is an object with ``highlights``: an entry of ``work``, ``research``,
``projects`` or ``education``, a project inside an experience, or an entry of
a custom section. It has ended when its ``end`` (for a custom entry without
one, its ``date``) lies wholly before today; it is current when the end is
``present`` or still to come. A project inside an experience without an end
of its own has ended when that experience has.
"""

from __future__ import annotations

from resumefmt.lint_rules._opening import opening
from resumefmt.model import BULLETS

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    """The roles of the document that have bullets, in document order.

    Computed once per document: the four tense rules all read them.
    """
    found: list[Role] = context.memo("tense.roles", lambda: _roles(context))
    return found


def _roles(context: Context) -> list[Role]:
    found: dict[str, Role] = {}
    today = context.today.isoformat()
    for pointer, text in context.strings(*BULLETS):
        owner = pointer[: pointer.rindex("/highlights/")]
        role = found.get(owner)
        if role is None:
            role = found[owner] = _role(context.data, owner, today)
        opened = opening(text)
        if opened is not None:
            tense, start, end = opened
            role.openings.append((pointer, tense, start, end, text[start:end]))
    return list(found.values())


def _role(data: Any, pointer: str, today: str) -> Role:
    tokens = pointer.split("/")[1:]
    node, chain = data, []
    for token in tokens:
        node = node[int(token)] if isinstance(node, list) else node[token]
        if isinstance(node, dict):
            chain.append(node)
    end = _end_of(chain[-1])
    state = _state(end, today)
    if end is None and len(chain) > 1 and _state(_end_of(chain[-2]), today) == ENDED:
        end, state = _end_of(chain[-2]), ENDED  # a project of a role that has ended
    return Role(pointer, tokens[0], state, end)


def _end_of(entry: dict[str, Any]) -> str | None:
    end = entry.get("end", None if "start" in entry else entry.get("date"))
    return end if isinstance(end, str) else None


def _state(end: str | None, today: str) -> str | None:
    if end is None:
        return None
    if end == "present":
        return CURRENT
    # Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD": compare at the end's precision.
    mine = today[: len(end)]
    if end < mine:
        return ENDED
    return CURRENT if end > mine else None
