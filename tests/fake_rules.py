"""Rules of the tests' own, for the engine, configuration and output tests."""

from __future__ import annotations

from typing import Any

from resumefmt.model import BULLETS
from resumefmt.plugins import Registry
from resumefmt.rules import Finding, Rule, pattern_rule, rule

DOUBLED = pattern_rule(
    "TS101",
    "test.doubled",
    "A doubled word.",
    pattern=r"\b(\w+) \1\b",
    message="'{1}' twice",
    reports=("basics: {name: A, summary: the the}",),
)


@rule("TS102", "test.boom")
def BOOM(context: Any) -> list[Finding]:
    """Always crashes."""
    raise ZeroDivisionError("division by zero")


def first_bullet(context: Any) -> list[Finding]:
    """The first bullet."""
    return [Finding(ptr, "a bullet") for ptr, _ in context.strings(*BULLETS)][:1]


BULLET = Rule("TS103", "other.bullet", first_bullet, severity="info")


def registry_of(*rules: Rule) -> Registry:
    """A registry of just these rules."""
    registry = Registry()
    registry.add_rules(rules)
    return registry
