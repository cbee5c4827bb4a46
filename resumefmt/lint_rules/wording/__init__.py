"""The wording rules (RF150-RF158): words and marks a careful reviewer would strike or fix.

Each text is read once per document with code spans, URLs and e-mail
addresses blanked out (``_text``), so no word inside them is ever reported.
Pronouns, weak phrases and brand names are looked up word by word in the
lists of ``_terms`` (``words``); the other rules are one regular expression
over some fields (``patterns``), compiled only when a text may match.
"""

from __future__ import annotations

from resumefmt.lint_rules.wording.patterns import (
    cut_off,
    dangling_colon,
    redundant_plus,
    wrong_ordinal,
)
from resumefmt.lint_rules.wording.placeholders import placeholder_text
from resumefmt.lint_rules.wording.words import (
    first_person,
    miscased_brand,
    repeated_word,
    weak_phrase,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.plugins import Registry

RULES = (
    first_person,
    weak_phrase,
    repeated_word,
    wrong_ordinal,
    cut_off,
    dangling_colon,
    miscased_brand,
    redundant_plus,
    placeholder_text,
)


def register(registry: Registry) -> None:
    """Register the wording rules."""
    registry.add_rules(RULES)
