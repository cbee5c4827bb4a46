"""Measure each lint rule's precision and recall on tests/lint_eval/, and publish the table.

The evaluation set is a folder of invented résumés whose lines carry what a
careful reviewer says the linter should report there, as YAML comments::

    - Build the billing service in Go.  # expect: RF140, RF142

(``# expect+N: …`` labels the line N below, for text inside a ``>``/``|``
block, where a ``#`` would be text). Every file is linted with every offline
rule enabled, on the pinned day ``resumefmt.testing.TODAY``; a finding and a
label meet when they name the same rule on the same line. A finding without a
label is a false positive, a label without a finding a false negative.

``python scripts/lint_precision.py`` rewrites docs/lint-precision.md and prints
it; ``--check`` only says whether it is current (exit 1 when not).
tests/test_lint_precision.py asserts the thresholds and that the page is current.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "lint_eval"
DOC = ROOT / "docs" / "lint-precision.md"

#: A comment of labels: ``# expect: RF140, RF142``, ``# expect+2: RF173`` (the line two
#: below), several joined by ``;`` (``# expect+1: RF150; expect+2: RF156``).
LABEL = re.compile(r"#\s*(?P<labels>expect(?:\+\d+)?:[^#]*)$")
ONE_LABEL = re.compile(r"\s*expect(?:\+(?P<below>\d+))?:(?P<codes>[^;]*)")
#: A file's language is the start of its name: ``de-lena-hoffmann.resumefmt.yaml``.
LANGUAGE = re.compile(r"\A(?P<tag>[a-z]{2})-")
#: Rules the set labels before they exist: their labels count once a rule of that
#: name is registered (until then they are listed, and a test says which).
PENDING: tuple[str, ...] = ()
LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "ja": "Japanese",
    "ko": "Korean",
    "pt": "Portuguese",
    "ru": "Russian",
    "zh": "Chinese",
}


@dataclass
class Hit:
    """One finding or label: where, and for a finding what it said."""

    path: str
    line: int
    code: str
    message: str = ""

    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Score:
    """One rule's counts over the set."""

    code: str
    name: str
    severity: str
    labelled: int = 0
    findings: int = 0
    tp: int = 0
    false_positives: list[Hit] = field(default_factory=list)
    false_negatives: list[Hit] = field(default_factory=list)

    @property
    def fp(self) -> int:
        return len(self.false_positives)

    @property
    def fn(self) -> int:
        return len(self.false_negatives)

    @property
    def precision(self) -> float | None:
        return self.tp / self.findings if self.findings else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.labelled if self.labelled else None


@dataclass
class Measure:
    """What one run over the set found."""

    files: list[Path]
    scores: dict[str, Score]
    #: Load and schema problems, labels that name no rule, labels inside text.
    problems: list[str]
    #: Labels of rules in PENDING that are not registered yet, by name.
    pending: Counter[str]

    def languages(self) -> Counter[str]:
        return Counter(language_of(path) for path in self.files)


def language_of(path: Path) -> str:
    match = LANGUAGE.match(path.name)
    return match.group("tag") if match else "?"


def eval_files(folder: Path = EVAL) -> list[Path]:
    return sorted(folder.glob("*.resumefmt.yaml"))


def labels_of(text: str) -> list[tuple[int, str]]:
    """``(line, label)`` of every label in a file's text, lines from 1."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = LABEL.search(line)
        if match is None:
            continue
        for part in match.group("labels").split(";"):
            one = ONE_LABEL.fullmatch(part)
            if one is None:
                found.append((number, part.strip()))  # reported: names no rule
                continue
            target = number + int(one.group("below") or 0)
            found += [(target, c.strip()) for c in one.group("codes").split(",") if c.strip()]
    return found


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def measure(files: list[Path] | None = None) -> Measure:
    """Lint every file of the set with every offline rule and score each rule."""
    from resumefmt import codes
    from resumefmt.config import Config
    from resumefmt.errors import DocumentError
    from resumefmt.linter import LintRun
    from resumefmt.loader import load
    from resumefmt.plugins import rule_registry
    from resumefmt.testing import TODAY

    files = eval_files() if files is None else files
    registry = rule_registry(third_party=False)
    config = Config()
    for rule in registry.rules.values():
        # Every rule, also those off by default; the network ones cannot run here.
        config.rules[rule.code] = {"enabled": not rule.online}
    by_name = {rule.name: rule.code for rule in registry.rules.values()}
    by_name.update({old: rule.code for rule in registry.rules.values() for old in rule.formerly})
    scores = {
        rule.code: Score(rule.code, rule.name, rule.severity)
        for rule in registry.rules.values()
        if not rule.online
    }
    own = {code.code for code in codes.ALL}
    problems: list[str] = []
    pending: Counter[str] = Counter()
    linting = LintRun(registry, today=TODAY)
    for path in files:
        shown = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        text = path.read_text(encoding="utf-8")
        try:
            document = load(path)
            found = linting.lint(document, config)
        except DocumentError as exc:
            problems += [d.format_text() for d in exc.diagnostics]
            continue
        problems += [
            f"{shown}: a label inside text: {s!r}"
            for s in _strings(document.data)
            if LABEL.search(s)
        ]
        problems += [d.format_text() for d in found if d.code in own]
        expected: Counter[tuple[int, str]] = Counter()
        for line, label in labels_of(text):
            code = by_name.get(label, label)
            if code in scores:
                expected[line, code] += 1
            elif label in PENDING:
                pending[label] += 1
            else:
                problems.append(f"{shown}:{line}: the label {label!r} names no offline rule")
        got: dict[tuple[int, str], list[Hit]] = {}
        for d in found:
            if d.code in scores:
                hit = Hit(shown, d.location.line, d.code, d.message)
                got.setdefault((hit.line, hit.code), []).append(hit)
        for (_, code), count in expected.items():
            scores[code].labelled += count
        for key in sorted(set(expected) | set(got)):
            line, code = key
            hits = got.get(key, [])
            score = scores[code]
            score.findings += len(hits)
            matched = min(len(hits), expected[key])
            score.tp += matched
            score.false_positives += hits[matched:]
            score.false_negatives += [Hit(shown, line, code)] * (expected[key] - matched)
    return Measure(files, dict(sorted(scores.items())), problems, pending)


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def render(result: Measure) -> str:
    """docs/lint-precision.md for one measure."""
    languages = result.languages()
    spoken = ", ".join(
        f"{LANGUAGE_NAMES.get(tag, tag)} {count}" for tag, count in sorted(languages.items())
    )
    lines = [
        "<!-- Generated by scripts/lint_precision.py: do not edit. Regenerate with",
        "     `python scripts/lint_precision.py` after changing a rule or tests/lint_eval/. -->",
        "# Lint precision",
        "",
        "How often each rule is right, measured on the evaluation set in",
        "[`tests/lint_eval/`](../tests/lint_eval/): "
        f"{len(result.files)} invented résumés and CVs ({spoken}), "
        "in which a reviewer labelled every finding each rule should make.",
        "Every offline rule runs, also those off by default. A finding on a line",
        "labelled with its rule is a true positive (TP); one without a label a false",
        "positive (FP); a label without a finding a false negative (FN). Precision",
        "is TP / findings, recall TP / labelled. "
        "[`tests/test_lint_precision.py`](../tests/test_lint_precision.py)",
        "requires 95% precision of every rule at warning or error level.",
        "",
        "| rule | name | severity | labelled | findings | TP | FP | FN | precision | recall |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for s in result.scores.values():
        lines.append(
            f"| {s.code} | `{s.name}` | {s.severity} | {s.labelled} | {s.findings} | {s.tp} "
            f"| {s.fp} | {s.fn} | {_ratio(s.precision)} | {_ratio(s.recall)} |"
        )
    for name, count in sorted(result.pending.items()):
        lines.append(f"| — | `{name}` | not yet a rule | {count} | 0 | 0 | 0 | {count} | — | 0% |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    parser.add_argument("--false-positives", action="store_true", help="also list every FP and FN")
    args = parser.parse_args(argv)
    result = measure()
    for problem in result.problems:
        print(problem, file=sys.stderr)
    text = render(result)
    if args.false_positives:
        for s in result.scores.values():
            for hit in s.false_positives:
                print(f"FP {hit.where()}: {hit.message} [{hit.code}]")
            for hit in s.false_negatives:
                print(f"FN {hit.where()}: [{hit.code}]")
    if args.check:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print("docs/lint-precision.md is stale: run python scripts/lint_precision.py")
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    if not args.false_positives:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
