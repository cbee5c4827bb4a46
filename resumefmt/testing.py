"""Helpers for testing lint rules, built-in and third-party alike.

A plugin author checks a rule's own examples with one call::

    from resumefmt.testing import assert_examples
    from my_plugin import RULES

    def test_examples():
        for rule in RULES:
            assert_examples(rule)

and pins exact positions with :func:`findings`::

    assert findings("basics:\\n  name: Ada\\n  summary: cake\\n", "XY101") == [(4, 12, "XY101")]

Examples and fragments are YAML; the format version and a ``basics`` with a
name are added when missing (:func:`as_document_text`), so a fragment holds
only what the rule reads. Lines count from the first line of that document.
Nothing here needs pytest.
"""

from __future__ import annotations

import datetime
import textwrap

from resumefmt.schemas import NEWEST

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from resumefmt.diagnostics import Diagnostic
    from resumefmt.plugins import Registry
    from resumefmt.rules import Rule

#: The day examples are judged on unless a test says otherwise: dates in them stay put.
TODAY = datetime.date(2026, 6, 15)


def as_document_text(fragment: str) -> str:
    """A fragment as a whole document: the format version and ``basics`` added when missing."""
    text = textwrap.dedent(fragment).lstrip("\n")
    if text.startswith("resumefmt:") or "\nresumefmt:" in text:
        return text
    if "basics:" in text:
        return f'resumefmt: "{NEWEST}"\n' + text
    return f'resumefmt: "{NEWEST}"\nbasics:\n  name: Test Person\n' + text


def lint_fragment(
    fragment: str,
    rules: Registry | Iterable[Rule],
    *,
    enable: Iterable[str] = (),
    options: dict[str, dict[str, Any]] | None = None,
    today: datetime.date = TODAY,
) -> list[Diagnostic]:
    """Every diagnostic of a lint run over ``fragment`` (validation problems included).

    ``rules`` is a registry or the rules to run. Rules named in ``enable`` (by
    code) run even when they are off by default; ``options`` gives rules
    options by code, as a configuration file would.
    """
    from resumefmt.config import Config
    from resumefmt.linter import LintRun
    from resumefmt.loader import load_text
    from resumefmt.plugins import Registry

    registry = rules if isinstance(rules, Registry) else _registry_of(rules)
    config = Config()
    for code in enable:
        config.rules.setdefault(code, {})["enabled"] = True
    for code, values in (options or {}).items():
        config.rules.setdefault(code, {}).update(values)
    document = load_text(as_document_text(fragment), "fragment.yaml")
    return LintRun(registry, today=today).lint(document, config)


def findings(
    fragment: str,
    rule: Rule,
    *,
    options: dict[str, Any] | None = None,
    today: datetime.date = TODAY,
) -> list[tuple[int, int, str]]:
    """``(line, column, code)`` of each finding of ``rule`` on a fragment, in order.

    The rule runs alone and enabled, with ``options`` over its defaults. A
    fragment with any load, schema or engine problem (an error or a warning)
    raises ``AssertionError`` naming it, so a typo in a test cannot pass
    silently.
    """
    found = lint_fragment(
        fragment, [rule], enable=[rule.code], options={rule.code: options or {}}, today=today
    )
    from resumefmt import codes

    own = {code.code for code in codes.ALL}
    invalid = [d.format_text() for d in found if d.code in own]
    if invalid:
        raise AssertionError("the fragment is not a clean document:\n" + "\n".join(invalid))
    return [(d.location.line, d.location.column, d.code) for d in found if d.code == rule.code]


def assert_examples(rule: Rule, *, today: datetime.date = TODAY) -> None:
    """Check a rule's manual and examples: it reports each of ``reports``, none of ``passes``.

    Raises ``AssertionError`` naming the first example that does not behave.
    An online rule's examples are not run (they would need the network).
    """
    if not rule.manual or not rule.summary.endswith("."):
        raise AssertionError(f"{rule.code}: the manual must open with a one-sentence summary")
    if not rule.reports:
        raise AssertionError(f"{rule.code}: no example that the rule reports")
    if rule.online:
        return
    if not rule.passes:
        raise AssertionError(f"{rule.code}: no example that the rule passes")
    for example in rule.reports:
        if not findings(example, rule, today=today):
            raise AssertionError(f"{rule.code} does not report its example:\n{example}")
    for example in rule.passes:
        if found := findings(example, rule, today=today):
            raise AssertionError(f"{rule.code} reports {found} in its passing example:\n{example}")


def _registry_of(rules: Iterable[Rule]) -> Registry:
    from resumefmt.plugins import Registry

    registry = Registry()
    registry.add_rules(rules)
    return registry
