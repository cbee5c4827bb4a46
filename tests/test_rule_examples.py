"""Every built-in rule: documented, with examples that it reports and that it passes."""

from __future__ import annotations

import pytest

from resumefmt.plugins import BUILTIN_RULES, Registry
from resumefmt.rules import Rule
from resumefmt.testing import assert_examples

RULES = [
    rule for _code, rule in sorted(Registry().load(BUILTIN_RULES, third_party=False).rules.items())
]


def test_there_are_rules_in_every_family() -> None:
    families = {rule.family for rule in RULES}
    assert {"dates", "links", "tense", "wording", "format"} <= families


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_is_documented_with_examples_that_behave(rule: Rule) -> None:
    assert rule.code.startswith("RF1") and len(rule.code) == 5
    assert rule.manual.startswith(rule.summary.split()[0])
    assert_examples(rule)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_summary_is_one_plain_sentence(rule: Rule) -> None:
    """``resumefmt rules`` prints it on one line of a terminal."""
    assert rule.summary.endswith(".") and "``" not in rule.summary
    assert len(rule.summary) <= 100, rule.summary
