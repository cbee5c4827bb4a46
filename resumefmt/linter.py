"""Run the enabled rules over a document and turn their findings into diagnostics.

Validation comes first: its problems are findings too. The rules run only on a
document that is valid against its schema, so each rule can trust the shapes
the schema promises. A rule that raises is reported as its own failure
(RF099 ``lint.rule-crashed``, exit 2) and never hides the findings of the others.
"""

from __future__ import annotations

from bisect import bisect_right

from resumefmt.diagnostics import Diagnostic, Location, has_errors, sort_diagnostics
from resumefmt.rules import Context, LintSettings
from resumefmt.validation import validate

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from typing import Any

    from resumefmt.config import Config
    from resumefmt.loader import Document
    from resumefmt.plugins import Registry
    from resumefmt.rules import Finding, Rule


class LintRun:
    """One lint run over any number of documents: rules, config, run-wide state."""

    def __init__(
        self,
        registry: Registry,
        *,
        today: datetime.date | None = None,
        settings: LintSettings | None = None,
    ) -> None:
        import datetime

        self.registry = registry
        self.today = today or datetime.date.today()
        self.settings = settings or LintSettings()
        self.crashed: list[str] = []  # codes of the rules that raised
        self._shared: dict[str, dict[str, Any]] = {}

    def rules_for(self, config: Config | None) -> list[Rule]:
        """The rules this run applies under ``config``, in code order."""
        chosen = []
        for code in sorted(self.registry.rules):
            rule = self.registry.rules[code]
            if rule.online and not self.settings.online:
                continue
            if config.enabled(rule) if config is not None else rule.enabled:
                chosen.append(rule)
        return chosen

    def lint(self, document: Document, config: Config | None = None) -> list[Diagnostic]:
        """Every finding on ``document``, sorted; suppression comments applied."""
        found = list(validate(document))
        crashes: list[Diagnostic] = []
        if not has_errors(found):
            memo: dict[str, Any] = {}
            lines = _LineIndex(document.text, document.syntax)
            for rule in self.rules_for(config):
                found += self._apply(rule, document, config, memo, lines, crashes)
        if document.syntax == "yaml":
            from resumefmt.suppression import apply_suppressions

            found = apply_suppressions(document, found, self.registry)
        found += crashes  # a rule's failure is never silenced by a comment
        return sort_diagnostics(found)

    def _apply(
        self,
        rule: Rule,
        document: Document,
        config: Config | None,
        memo: dict[str, Any],
        lines: _LineIndex,
        crashes: list[Diagnostic],
    ) -> list[Diagnostic]:
        options = dict(rule.options)
        severity = rule.severity
        if config is not None:
            options.update(config.options_for(rule))
            severity = config.severity_for(rule)
        shared = self._shared.setdefault(rule.family, {})
        context = Context(document, options, self.today, self.settings, shared, memo)
        try:
            return [
                Diagnostic(
                    locate_finding(document, finding, lines),
                    severity,
                    rule.code,
                    rule.name,
                    finding.message,
                )
                for finding in rule.check(context)
            ]
        except Exception as exc:  # a bug in the rule, or a value that is not a Finding
            self.crashed.append(rule.code)
            where = Location(document.path, 1, 1, "")
            said = " ".join(f"{type(exc).__name__}: {exc}".split())
            message = (
                f"rule {rule.name} failed with an internal error ({said}); its findings "
                "are missing; this is a bug in the rule, please report it"
            )
            crashes.append(Diagnostic(where, "error", rule.code, rule.name, message))
            return []


class _LineIndex:
    """Offsets of line starts, to turn (line, column) into an offset and back."""

    def __init__(self, text: str, syntax: str = "yaml") -> None:
        import re

        self.text = text
        # The line breaks the readers count: libyaml's for YAML, only LF for JSON.
        breaks = r"\r\n|[\r\n\x85\u2028\u2029]" if syntax == "yaml" else r"\n"
        self.starts = [0, *(m.end() for m in re.finditer(breaks, text))]

    def offset(self, line: int, column: int) -> int:
        return self.starts[min(line, len(self.starts)) - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def locate_finding(
    document: Document, finding: Finding, lines: _LineIndex | None = None
) -> Location:
    """Where a finding is written: its node, its key, or the span inside its text."""
    location = document.locate(finding.pointer, key=finding.key)
    if finding.start is None or finding.key or finding.pointer not in document.positions:
        return location
    value = _value_at(document.data, finding.pointer)
    if not isinstance(value, str):
        return location
    lines = lines or _LineIndex(document.text, document.syntax)
    found = _find_span(lines, location, value, finding.start, finding.end)
    if found is None:
        return location
    line, column = found
    return Location(location.path, line, column, location.pointer)


def _find_span(
    lines: _LineIndex, at: Location, value: str, start: int, end: int | None
) -> tuple[int, int] | None:
    """The source position of ``value[start:]``, searched for after the node's start.

    Scalars are written with quotes, escapes, folding and indentation, so the
    offset inside the value is not the offset inside the file: the first word
    of the span is looked up in the source instead, counting its earlier
    occurrences in the value so that "the the" points at the second "the".
    """
    span = value[start : len(value) if end is None else end]
    stripped = span.lstrip()
    start += len(span) - len(stripped)
    needle = stripped.split(None, 1)[0][:40] if stripped.strip() else ""
    if not needle:
        return None
    occurrence = value.count(needle, 0, start)
    begin = lines.offset(at.line, at.column)
    limit = begin + 3 * len(value) + 400
    index = begin - 1
    for _ in range(occurrence + 1):
        index = lines.text.find(needle, index + 1, limit)
        if index < 0:
            return None
    return lines.position(index)


def _value_at(data: Any, ptr: str) -> Any:
    from resumefmt.pointer import split

    node = data
    for token in split(ptr):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node
