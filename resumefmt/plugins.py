"""The plugin registry: lint rules, converters and themes, built-in and third-party alike.

A plugin is a module with ``register(registry)``. The built-ins are an explicit
list; third-party packages name their module under the entry point group
``resumefmt.plugins``, and both go through :meth:`Registry.load_module`. Code is
never imported from the user's working directory: only installed distributions
are consulted.
"""

from __future__ import annotations

import os
import sys

from resumefmt.errors import ResumefmtError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from resumefmt.converting import Converter
    from resumefmt.rules import Rule

ENTRY_POINT_GROUP = "resumefmt.plugins"

#: The built-in rule families, one module each, loaded in this order.
BUILTIN_RULES = (
    "resumefmt.lint_rules.dates",
    "resumefmt.lint_rules.links",
    "resumefmt.lint_rules.tense",
    "resumefmt.lint_rules.wording",
    "resumefmt.lint_rules.format",
    "resumefmt.lint_rules.i18n",
    "resumefmt.lint_rules.variants",
    "resumefmt.lint_rules.cjk",
)
#: The built-in converters, one module each.
BUILTIN_CONVERTERS = (
    "resumefmt.converters.jsonresume",
    "resumefmt.converters.latex",
    "resumefmt.converters.markdown",
    "resumefmt.converters.rendercv",
    "resumefmt.converters.typst",
)


_OLD_API_HINT = (
    "; this looks like a plugin written for resumefmt 0.1: rules are now declared with "
    "@rule(code, name, ...) or pattern_rule(code, name, manual, ...) (see the README)"
)


def _is_old_api(exc: Exception) -> bool:
    """Whether ``exc`` is what a 0.1 declaration, ``Rule(code, name, summary, ...)``, raises."""
    text = str(exc)
    return isinstance(exc, TypeError) and ("Rule" in text or "pattern_rule" in text)


class PluginError(ResumefmtError):
    """A plugin that cannot be loaded or registers something invalid (exit 2)."""


class Theme:
    """A look for the documents of one or more converters: a folder of templates.

    ``converters`` names the outputs it serves (a Typst theme serves ``pdf``,
    ``png`` and ``typst``); ``directory`` holds its files, ``main`` the one to
    compile, and nothing outside ``directory`` (and the kit it imports) is
    readable while it compiles. ``settings`` says what the converter may
    change: for a Typst theme ``size`` and ``min-size``, the body font size and
    the smallest ``--pages`` may shrink it to (points).
    """

    __slots__ = ("converters", "directory", "main", "name", "settings", "summary")

    def __init__(
        self,
        name: str,
        *,
        converters: tuple[str, ...],
        directory: str,
        summary: str,
        main: str = "resume.typ",
        settings: dict[str, float] | None = None,
    ) -> None:
        self.name = name
        self.converters = converters
        self.directory = directory
        self.summary = summary
        self.main = main
        self.settings = dict(settings or {})

    @property
    def main_path(self) -> str:
        return os.path.join(self.directory, self.main)

    def __repr__(self) -> str:
        return f"Theme({self.name}, {', '.join(self.converters)})"


class Registry:
    """What the plugins registered: rules by code, converters by name, themes by converter."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.converters: dict[str, Converter] = {}
        self.importers: dict[str, Converter] = {}
        #: converter name → theme name → theme, in the order registered (the first is the default).
        self.themes: dict[str, dict[str, Theme]] = {}
        self._names: dict[str, str] = {}
        self._current = "<direct>"

    def add_rule(self, rule: Rule, *, override: bool = False) -> None:
        """Register a lint rule; a code or name already taken is refused unless ``override``."""
        from resumefmt.rules import check_rule

        problem = check_rule(rule)
        if problem:
            raise PluginError(f"plugin {self._current}: rule {rule.code}: {problem}")
        if not override:
            if rule.code in self.rules:
                raise PluginError(
                    f"plugin {self._current}: rule code {rule.code} is already taken by "
                    f"{self.rules[rule.code].name}"
                )
            if rule.name in self._names:
                raise PluginError(
                    f"plugin {self._current}: rule name {rule.name} is already taken by "
                    f"{self._names[rule.name]}"
                )
        self.rules[rule.code] = rule
        self._names[rule.name] = rule.code
        for former in rule.formerly:
            self._names.setdefault(former, rule.code)

    def add_rules(self, rules: Iterable[Rule]) -> None:
        """Register every rule of a family."""
        for rule in rules:
            self.add_rule(rule)

    def add_converter(self, converter: Converter, *, override: bool = False) -> None:
        """Register an output format (``convert --to``) or an input (``import --from``)."""
        table = self.importers if converter.direction == "import" else self.converters
        if converter.name in table and not override:
            raise PluginError(
                f"plugin {self._current}: converter '{converter.name}' is already registered"
            )
        table[converter.name] = converter
        if converter.direction == "export":
            self._offer_themes(converter.name)

    def add_theme(self, theme: Theme, *, override: bool = False) -> None:
        """Register a theme for each converter it names; a name taken is refused.

        ``override`` replaces a theme of the same name instead.
        """
        if not theme.name or not all(c.isalnum() or c in "-_" for c in theme.name):
            raise PluginError(
                f"plugin {self._current}: theme name '{theme.name}' is not a plain name"
            )
        if not theme.converters:
            raise PluginError(f"plugin {self._current}: theme {theme.name} names no converter")
        if not os.path.isfile(theme.main_path):
            raise PluginError(
                f"plugin {self._current}: theme {theme.name}: no file {theme.main_path}"
            )
        for name in theme.converters:
            table = self.themes.setdefault(name, {})
            if theme.name in table and not override:
                raise PluginError(
                    f"plugin {self._current}: theme '{theme.name}' of {name} is already registered"
                )
            table[theme.name] = theme
            if name in self.converters:
                self._offer_themes(name)

    def _offer_themes(self, name: str) -> None:
        """Keep a converter's ``themes`` (what ``--theme`` may name) in step with the registry."""
        converter = self.converters[name]
        added = [t for t in self.themes.get(name, {}) if t not in converter.themes]
        if added:
            converter.themes = (*converter.themes, *added)

    def code_for(self, name_or_code: str) -> str | None:
        """The code of a rule given by code or name, or None."""
        if name_or_code in self.rules:
            return name_or_code
        return self._names.get(name_or_code)

    def load_module(self, module_name: str, source: str = "built-in") -> None:
        """Import ``module_name`` (``module`` or ``module:function``) and call its register."""
        import importlib

        module_part, _, attribute = module_name.partition(":")
        self._current = f"{module_part} ({source})"
        try:
            module = importlib.import_module(module_part)
            register = getattr(module, attribute or "register")
        except Exception as exc:
            raise PluginError(
                f"plugin {self._current} cannot be loaded: {type(exc).__name__}: {exc}"
                + _OLD_API_HINT * _is_old_api(exc)
            ) from exc
        try:
            register(self)
        except PluginError:
            raise
        except Exception as exc:
            raise PluginError(
                f"plugin {self._current} failed to register: {type(exc).__name__}: {exc}"
                + _OLD_API_HINT * _is_old_api(exc)
            ) from exc
        self._current = "<direct>"

    def load(self, builtins: tuple[str, ...], *, third_party: bool = True) -> Registry:
        """Load the given built-in modules, then every installed third-party plugin."""
        for module_name in builtins:
            self.load_module(module_name)
        if third_party:
            for distribution, target in installed_plugins():
                self.load_module(target, source=f"from {distribution}")
        return self


def rule_registry(*, third_party: bool = True) -> Registry:
    """A registry holding the built-in rules and the installed rule plugins."""
    return Registry().load(BUILTIN_RULES, third_party=third_party)


def converter_registry(*, third_party: bool = True) -> Registry:
    """A registry holding the built-in converters and the installed plugins."""
    return Registry().load(BUILTIN_CONVERTERS, third_party=third_party)


def installed_plugins() -> list[tuple[str, str]]:
    """``(distribution, module[:function])`` of each ``resumefmt.plugins`` entry point.

    Reads the ``entry_points.txt`` of installed distributions directly, not
    through ``importlib.metadata`` (docs/decisions.md says why). The current
    directory is skipped, so nothing is imported from the user's work tree.
    """
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    here = os.getcwd()
    for entry in sys.path:
        if not entry or os.path.abspath(entry) == here or not os.path.isdir(entry):
            continue
        try:
            names = os.listdir(entry)
        except OSError:
            continue
        for name in sorted(names):
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            distribution = name.split("-")[0]
            if distribution.lower() in seen:
                continue
            try:
                with open(os.path.join(entry, name, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                continue
            seen.add(distribution.lower())
            found += [(distribution, target) for target in _group_targets(text)]
    return found


def _group_targets(text: str) -> list[str]:
    """The targets listed under ``[resumefmt.plugins]`` in an ``entry_points.txt``."""
    targets: list[str] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            inside = line == f"[{ENTRY_POINT_GROUP}]"
        elif inside and "=" in line and not line.startswith(("#", ";")):
            target = line.split("=", 1)[1].split()
            if target:
                targets.append(target[0])
    return targets
