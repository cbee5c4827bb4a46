"""Precision as a tested property: every rule at warning or error level is right 95% of the time.

The evaluation set is tests/lint_eval/ (invented résumés with inline labels,
see its README); scripts/lint_precision.py scores each rule on it and writes
docs/lint-precision.md, which must be current.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import ROOT

_spec = importlib.util.spec_from_file_location(
    "lint_precision", ROOT / "scripts" / "lint_precision.py"
)
assert _spec is not None and _spec.loader is not None
lint_precision = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = lint_precision  # its dataclasses look their module up there
_spec.loader.exec_module(lint_precision)

#: What a rule at warning or error level must reach on the set.
MIN_PRECISION = 0.95
#: Labelled cases each such rule needs, so that its precision is not vacuous.
MIN_LABELLED = 3


@pytest.fixture(scope="module")
def measure() -> object:
    return lint_precision.measure()


def _failing(measure: object) -> list[object]:
    return [s for s in measure.scores.values() if s.severity in ("warning", "error")]


def test_the_set_is_large_and_varied(measure: object) -> None:
    languages = measure.languages()
    assert len(measure.files) >= 50, f"only {len(measure.files)} files in tests/lint_eval/"
    assert len(languages) >= 6, f"only the languages {sorted(languages)}"
    assert "?" not in languages, "a file's name does not start with its language (de-…)"


def test_every_file_is_valid_and_every_label_names_a_rule(measure: object) -> None:
    assert measure.problems == []


def test_every_warning_or_error_rule_is_exercised(measure: object) -> None:
    thin = [
        f"{s.code} {s.name}: {s.labelled}" for s in _failing(measure) if s.labelled < MIN_LABELLED
    ]
    assert thin == [], f"rules with fewer than {MIN_LABELLED} labelled cases: {thin}"


def test_pending_rules_are_still_pending(measure: object) -> None:
    """A label of a rule that does not exist yet waits in PENDING; once it exists, it counts."""
    from resumefmt.plugins import rule_registry

    names = {rule.name for rule in rule_registry(third_party=False).rules.values()}
    registered = [name for name in lint_precision.PENDING if name in names]
    assert registered == [], f"now registered: remove {registered} from PENDING"


def test_precision_of_warnings_and_errors(measure: object) -> None:
    """Each false positive is listed with its place and message, grouped by rule."""
    report = []
    for s in _failing(measure):
        if s.precision is not None and s.precision < MIN_PRECISION:
            report.append(
                f"{s.code} {s.name} ({s.severity}): precision {s.tp}/{s.findings} "
                f"= {100 * s.precision:.0f}% < {100 * MIN_PRECISION:.0f}%"
            )
            report += [f"  {hit.where()}: {hit.message}" for hit in s.false_positives]
    assert not report, "false positives on tests/lint_eval/:\n" + "\n".join(report)


def test_the_published_table_is_current(measure: object) -> None:
    doc: Path = lint_precision.DOC
    expected = lint_precision.render(measure)
    assert doc.exists(), "docs/lint-precision.md is missing: run python scripts/lint_precision.py"
    assert doc.read_text(encoding="utf-8") == expected, (
        "docs/lint-precision.md is stale: run python scripts/lint_precision.py"
    )
