"""The tense rules (RF140-RF143): how the bullets of a role open.

Each rule reads the word a bullet opens with, after markup, a bold lead-in,
a subject pronoun and an adverb ("I also built …" opens with "built"):
``_opening`` finds it and ``_verbs`` tells its tense. Forms that do not tell
their tense (set, read, cut, found, lead as a misspelt led, "Given …",
"Results …") never produce a finding. Which entries are roles, and when a
role has ended, is ``_roles``'s to say.
"""

from __future__ import annotations

from resumefmt.lint_rules.tense.bullets import (
    mixed_tense,
    no_leading_verb,
    past_in_current_role,
    present_in_ended_role,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.plugins import Registry

RULES = (present_in_ended_role, past_in_current_role, mixed_tense, no_leading_verb)


def register(registry: Registry) -> None:
    """Register the tense rules."""
    registry.add_rules(RULES)
