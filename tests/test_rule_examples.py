"""Every built-in rule: documented, with examples that it reports and that it passes."""

from __future__ import annotations

import pytest
from conftest import TODAY, as_document_text

from resumefmt.linter import LintRun
from resumefmt.loader import load_text
from resumefmt.plugins import BUILTIN_RULES, Registry
from resumefmt.rules import Rule


def _builtin_rules() -> list[Rule]:
    registry = Registry().load(BUILTIN_RULES, third_party=False)
    return [registry.rules[code] for code in sorted(registry.rules)]


RULES = _builtin_rules()


def _codes(rule: Rule, example: str) -> list[str]:
    registry = Registry().load(BUILTIN_RULES, third_party=False)
    run = LintRun(registry, today=TODAY)
    document = load_text(as_document_text(example), "example.yaml")
    from resumefmt.config import Config

    config = Config()
    config.rules[rule.code] = {"enabled": True}
    found = run.lint(document, config)
    assert not [d for d in found if d.code.startswith("RF0")], found  # examples are valid
    return [d.code for d in found]


def test_there_are_rules_in_every_family() -> None:
    families = {rule.family for rule in RULES}
    assert {"dates", "links", "tense", "wording", "format"} <= families


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_is_documented_with_examples(rule: Rule) -> None:
    assert rule.code.startswith("RF1") and len(rule.code) == 5
    assert rule.summary.endswith(".") and len(rule.doc) >= len(rule.summary)
    assert rule.fails, f"{rule.code} has no must-fail example"
    assert rule.passes or rule.online, f"{rule.code} has no must-pass example"


@pytest.mark.parametrize("rule", [r for r in RULES if not r.online], ids=lambda r: r.code)
def test_rule_reports_its_failing_examples(rule: Rule) -> None:
    for example in rule.fails:
        assert rule.code in _codes(rule, example), example


@pytest.mark.parametrize("rule", [r for r in RULES if not r.online], ids=lambda r: r.code)
def test_rule_passes_its_passing_examples(rule: Rule) -> None:
    for example in rule.passes:
        assert rule.code not in _codes(rule, example), example
