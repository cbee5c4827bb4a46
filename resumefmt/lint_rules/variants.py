"""The ``variants`` rules (RF185-RF186): selections that cannot select what they say.

They read the document as written (its ``variants:``), whichever variant is checked.
"""

from __future__ import annotations

from resumefmt.rules import Finding, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.loader import Document
    from resumefmt.plugins import Registry
    from resumefmt.rules import Context

_ENTRY = "work:\n  - organization: Acme\n    role: Engineer\n    tags: [industry]\n"


def _problems(context: Context) -> list[tuple[str, str]]:
    source: Document = getattr(context.document, "source", context.document)
    if not isinstance(source.data, dict) or "variants" not in source.data:
        return []  # nothing to check, and the selection module is not even imported
    from resumefmt.selection import variant_problems

    problems: list[tuple[str, str]] = context.memo(
        "variants.problems", lambda: variant_problems(source)
    )
    return problems


@rule(
    "RF185",
    "variants.unknown-tag",
    severity="error",
    reports=(_ENTRY + "variants:\n  short:\n    exclude: [academc]\n",),
    passes=(_ENTRY + "variants:\n  short:\n    include: [industry]\n",),
)
def unknown_tag(context: Context) -> Iterator[Finding]:
    """A variant includes or excludes a tag that no entry or bullet carries.

    Usually a typo (``academc``): the variant then keeps or drops something
    else than you meant. The message lists the tags the document uses.
    """
    for pointer, message in _problems(context):
        if "carries the tag" in message:
            yield Finding(pointer, message)


@rule(
    "RF186",
    "variants.selects-nothing",
    severity="error",
    reports=(_ENTRY + "variants:\n  none:\n    include: [industry]\n    sections: [education]\n",),
    passes=(_ENTRY + "variants:\n  all: {}\n",),
)
def selects_nothing(context: Context) -> Iterator[Finding]:
    """A variant keeps no entry of any section: building it would print only your name."""
    for pointer, message in _problems(context):
        if "keeps no entry" in message:
            yield Finding(pointer, message)


RULES = (unknown_tag, selects_nothing)


def register(registry: Registry) -> None:
    """Register the variants rules."""
    registry.add_rules(RULES)
