"""Lint configuration: ``[tool.resumefmt]`` in ``pyproject.toml`` or ``.resumefmt.toml``.

The first of either found beside the linted file or in a folder above it
applies (``.resumefmt.toml`` wins in one folder; a ``pyproject.toml`` without a
``[tool.resumefmt]`` table is passed over)::

    select = ["all"]                 # codes, names or families; "all" is the default
    ignore = ["wording.weak-phrase"]
    fail-on = "error"                # the lowest severity that fails the run

    [rules."dates.gap"]              # by name or code: severity, enabled, options
    enabled = true
    max-months = 6

Problems in the file itself are diagnostics located in it (exit 2); the rest
of the file still applies.
"""

from __future__ import annotations

import os

from resumefmt.codes import CONFIG_INVALID, CONFIG_UNKNOWN_RULE, Code
from resumefmt.diagnostics import Diagnostic, Location
from resumefmt.rules import SEVERITIES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.diagnostics import Severity
    from resumefmt.plugins import Registry
    from resumefmt.rules import Rule

FAIL_ON = ("error", "warning", "info")
_TOP_KEYS = ("select", "ignore", "fail-on", "rules")


class Config:
    """Which rules run, at which severity, with which options."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        self.select: list[str] = ["all"]
        self.select_given = False
        self.ignore: list[str] = []
        self.fail_on: Severity = "error"
        #: code → {"severity": ..., "enabled": ..., option: value}
        self.rules: dict[str, dict[str, Any]] = {}
        self.problems: list[Diagnostic] = []

    def enabled(self, rule: Rule) -> bool:
        settings = self.rules.get(rule.code, {})
        if settings.get("severity") == "off":
            return False
        if "enabled" in settings:
            return bool(settings["enabled"])
        if _matches(rule, self.ignore):
            return False
        if not self.select_given:
            return rule.enabled
        named = rule.code in self.select or rule.name in self.select
        return named or (rule.enabled and _matches(rule, self.select))

    def severity_for(self, rule: Rule) -> Severity:
        severity: Severity = self.rules.get(rule.code, {}).get("severity", rule.severity)
        return severity

    def options_for(self, rule: Rule) -> dict[str, Any]:
        settings = self.rules.get(rule.code, {})
        return {k: v for k, v in settings.items() if k not in ("severity", "enabled")}


def _matches(rule: Rule, patterns: list[str]) -> bool:
    return any(p in ("all", rule.code, rule.name, rule.family) for p in patterns)


def find_config_file(target: str) -> str | None:
    """The configuration file that applies to ``target`` (a path, or ``-``), or None."""
    folder = os.path.abspath(os.path.dirname(target) if target != "-" else os.getcwd())
    while True:
        candidate = os.path.join(folder, ".resumefmt.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate) and _has_tool_table(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(path: str) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.resumefmt]`` table (a broken one counts)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return False
    # Most files need no parse (importing tomllib costs a hook run ~2 ms): only
    # a "[tool.resumefmt]" header or a [tool] table with a resumefmt key counts.
    if b"tool.resumefmt" not in raw and not (b"[tool]" in raw and b"resumefmt" in raw):
        return False
    import tomllib

    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return True  # ours to report, with its location
    return isinstance(tool, dict) and "resumefmt" in tool


def load_config(path: str, registry: Registry) -> Config:
    """Read a configuration file; its problems go to ``config.problems``."""
    import tomllib

    config = Config(path)
    relative = os.path.relpath(path)
    shown = path if relative.startswith("..") else relative
    config.path = shown
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        text = raw.decode("utf-8")
        table: Any = tomllib.loads(text)
    except OSError as exc:
        config.problems.append(_problem(shown, 1, 1, f"cannot read it: {exc.strerror or exc}"))
        return config
    except UnicodeDecodeError:
        config.problems.append(_problem(shown, 1, 1, "not UTF-8 text"))
        return config
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(str(exc), text)
        message = f"not valid TOML: {str(exc).split(' (at ')[0]}"
        config.problems.append(_problem(shown, line, column, message))
        return config
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        message = "cannot read it: its arrays or tables are nested too deeply"
        config.problems.append(_problem(shown, 1, 1, message))
        return config
    if path.endswith("pyproject.toml"):
        tool = table.get("tool", {})
        table = tool.get("resumefmt", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        line, column = _find(text, "resumefmt")
        config.problems.append(_problem(shown, line, column, "[tool.resumefmt] must be a table"))
        return config
    _Reader(config, text, registry).read(table)
    return config


class _Reader:
    """Checks a configuration table entry by entry, keeping what is usable."""

    def __init__(self, config: Config, text: str, registry: Registry) -> None:
        self.config = config
        self.text = text
        self.registry = registry

    def problem(
        self, needle: str, message: str, code: Code = CONFIG_INVALID, *, at: int | None = None
    ) -> None:
        """Report ``message`` where ``needle`` is first written (or at offset ``at``)."""
        line, column = _find(self.text, needle) if at is None else _position(self.text, at)
        assert self.config.path is not None
        self.config.problems.append(_problem(self.config.path, line, column, message, code))

    def read(self, table: dict[str, Any]) -> None:
        for key in table:
            if key not in _TOP_KEYS:
                self.problem(key, f"unknown setting '{key}'; known: {', '.join(_TOP_KEYS)}")
        for key in ("select", "ignore"):
            if key in table:
                setattr(self.config, key, self.rule_list(key, table[key]))
        self.config.select_given = "select" in table
        fail_on = table.get("fail-on", "error")
        if fail_on in FAIL_ON:
            self.config.fail_on = fail_on
        else:
            self.problem("fail-on", f"fail-on must be one of {', '.join(FAIL_ON)}")
        rules = table.get("rules", {})
        if not isinstance(rules, dict):
            self.problem("rules", "rules must be a table of rule names or codes")
            return
        for name, settings in rules.items():
            self.rule_settings(name, settings)
        self.check_bounds(rules)

    def rule_list(self, key: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"{key} must be a list of rule codes, names or families")
            return ["all"] if key == "select" else []
        families = {rule.family for rule in self.registry.rules.values()}
        kept = []
        for item in value:
            code = self.registry.code_for(item)
            if item == "all" or item in families:
                kept.append(item)
            elif code is not None:  # a rule by its code, name or former name
                kept.append(code)
            else:
                self.problem(
                    f'"{item}"', f"{key}: no rule, family or code '{item}'", CONFIG_UNKNOWN_RULE
                )
        return kept

    def rule_settings(self, name: str, settings: Any) -> None:
        code = self.registry.code_for(name)
        if code is None:
            self.problem(name, f"rules: no rule '{name}'", CONFIG_UNKNOWN_RULE)
            return
        if not isinstance(settings, dict):
            self.problem(name, f"rules.{name} must be a table")
            return
        rule = self.registry.rules[code]
        kept: dict[str, Any] = {}
        table = _table_start(self.text, name)
        for key, value in settings.items():
            if key == "severity":
                if value in (*SEVERITIES, "off"):
                    kept[key] = value
                else:
                    at = _value_start(self.text, key, table)
                    self.problem(key, "severity must be error, warning, info or off", at=at)
            elif key == "enabled":
                if isinstance(value, bool):
                    kept[key] = value
                else:
                    at = _value_start(self.text, key, table)
                    self.problem(key, "enabled must be true or false", at=at)
            elif key not in rule.option_specs:
                known = ", ".join(rule.option_specs) or "none"
                self.problem(key, f"rule {rule.name} has no option '{key}'; options: {known}")
            elif said := rule.option_specs[key].problem(value):
                # The default stays: a rule never runs on a value it cannot use.
                reason, item = said
                at = _value_start(self.text, key, table)
                if item is not None and isinstance(value[item], str) and at is not None:
                    at = _item_start(self.text, value[item], at)
                self.problem(key, f"option {key} of {rule.name} {reason}", at=at)
            else:
                kept[key] = value
        self.config.rules[code] = kept

    def check_bounds(self, rules: dict[str, Any]) -> None:
        """Options bounded by another rule's (``Option.at_most``), once both are known.

        When they cross, every text would be reported by one rule or the
        other: the one written is reported and both keep their defaults.
        """
        for rule in self.registry.rules.values():
            for key, option in rule.option_specs.items():
                if option.at_most is None:
                    continue
                other_code, other_key = option.at_most.split(":", 1)
                other = self.registry.rules.get(other_code)
                if other is None or other_key not in other.option_specs:
                    continue
                mine = self.config.rules.get(rule.code, {})
                theirs = self.config.rules.get(other_code, {})
                if key not in mine and other_key not in theirs:
                    continue  # the defaults agree (check_rule holds them to it)
                value = mine.get(key, rule.options[key])
                limit = theirs.get(other_key, other.options[other_key])
                if value <= limit:
                    continue
                written, owner = (key, rule) if key in mine else (other_key, other)
                table = next((n for n in rules if self.registry.code_for(n) == owner.code), "")
                message = (
                    f"option {key} of {rule.name} ({value}) must be at most option "
                    f"{other_key} of {other.name} ({limit}), or every text is reported"
                )
                at = _value_start(self.text, written, _table_start(self.text, table))
                self.problem(written, message, at=at)
                mine.pop(key, None)
                theirs.pop(other_key, None)


def _problem(
    path: str, line: int, column: int, message: str, code: Code = CONFIG_INVALID
) -> Diagnostic:
    return Diagnostic.of(code, Location(path, line, column), message)


def _find(text: str, needle: str) -> tuple[int, int]:
    """The first place ``needle`` is written in ``text`` (1, 1 when it is not)."""
    index = text.find(needle)
    return (1, 1) if index < 0 else _position(text, index)


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _key_pattern(key: str) -> str:
    """A TOML key as it may be written: bare, or in either kind of quotes."""
    import re

    bare = re.escape(key)
    return rf"(?:\"{bare}\"|'{bare}'|{bare})"


def _table_start(text: str, name: str) -> int:
    """Where the table ``[rules.NAME]`` begins (0 when it is written some other way)."""
    import re

    header = rf"^[ \t]*\[[ \t]*rules[ \t]*\.[ \t]*{_key_pattern(name)}[ \t]*\]"
    match = re.search(header, text, re.MULTILINE)
    return match.end() if match else 0


def _value_start(text: str, key: str, start: int) -> int | None:
    """Where the value of ``key = ...`` begins, the first one after ``start``."""
    import re

    pattern = re.compile(rf"(?<![\w.\"'-]){_key_pattern(key)}[ \t]*=[ \t]*")
    match = pattern.search(text, start)
    return match.end() if match else None


def _item_start(text: str, item: str, start: int) -> int:
    """Where the string ``item`` is written in the array that begins at ``start``."""
    import json

    for written in (json.dumps(item, ensure_ascii=False), f"'{item}'"):
        index = text.find(written, start)
        if index >= 0:
            return index
    return start


def _toml_position(message: str, text: str) -> tuple[int, int]:
    import re

    match = re.search(r"at line (\d+), column (\d+)", message)
    if match:
        return int(match.group(1)), int(match.group(2))
    if "end of document" in message:
        return text.count("\n") + 1, len(text) - text.rfind("\n")
    return 1, 1
