"""The ``dates`` rules (RF100-RF109): dates that cannot be, ranges that run backwards, the future,
roles without dates.

Dates are compared at the precision they are written (``calendar``): a rule
reports only what is wrong whatever day a ``2021`` or a ``2021-05`` stands for.
``ranges`` holds the rules that read one date or one range at a time,
``sections`` those that read a whole section (overlaps, gaps, precision, order).
"""

from __future__ import annotations

from resumefmt.lint_rules.dates import ranges, sections

TYPE_CHECKING = False
if TYPE_CHECKING:
    from resumefmt.plugins import Registry

RULES = (
    ranges.impossible_date,
    ranges.inverted_range,
    ranges.future_start,
    ranges.future_end,
    sections.overlapping_roles,
    sections.gap,
    sections.mixed_precision,
    sections.out_of_order,
    ranges.future_date,
    ranges.undated_role,
)


def register(registry: Registry) -> None:
    """Register the dates rules."""
    registry.add_rules(RULES)
