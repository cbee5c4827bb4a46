"""``resumefmt lint``, ``resumefmt rules`` and ``resumefmt rule CODE``."""

from __future__ import annotations

import os
import sys

from resumefmt.errors import DocumentError, ResumefmtError, UsageError
from resumefmt.plugins import rule_registry

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    import argparse
    import datetime

    from resumefmt.config import Config
    from resumefmt.diagnostics import Diagnostic
    from resumefmt.plugins import Registry
    from resumefmt.rules import Rule

_RANK = {"info": 0, "warning": 1, "error": 2}


def run(args: argparse.Namespace) -> int:
    registry = rule_registry()
    if args.command == "rules":
        return _list_rules(registry, args.format)
    if args.command == "rule":
        return _explain(registry, args.rule)
    return _lint(registry, args)


def _list_rules(registry: Registry, output: str) -> int:
    rules = [registry.rules[code] for code in sorted(registry.rules)]
    if output == "json":
        import json

        listed = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "summary": r.summary,
                "enabled": r.enabled,
                "online": r.online,
                "options": r.options,
            }
            for r in rules
        ]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    for r in rules:
        notes = [] if r.enabled else ["off by default"]
        if r.online:
            notes.append("--online")
        extra = f" ({', '.join(notes)})" if notes else ""
        print(f"{r.code}  {r.name:<32} {r.severity:<8} {r.summary}{extra}")
    return 0


def _explain(registry: Registry, wanted: str) -> int:
    code = registry.code_for(wanted) or registry.code_for(wanted.upper())
    if code is None:
        raise UsageError(f"no rule '{wanted}'; 'resumefmt rules' lists them")
    rule = registry.rules[code]
    out = [f"{rule.code} {rule.name} ({rule.severity} by default)", "", rule.doc]
    if not rule.enabled:
        out += ["", "Off by default: enable it in the configuration."]
    if rule.online:
        out += ["", "Runs only with --online."]
    if rule.options:
        out += ["", "Options (with defaults):"]
        out += [f"  {key} = {_toml(value)}" for key, value in rule.options.items()]
    for title, examples in (("Reported:", rule.fails), ("Not reported:", rule.passes)):
        if examples:
            out += ["", title]
            for example in examples:
                out += ["", *("    " + line for line in example.strip("\n").splitlines())]
    print("\n".join(out))
    return 0


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def _lint(registry: Registry, args: argparse.Namespace) -> int:
    from resumefmt.diagnostics import sort_diagnostics
    from resumefmt.linter import LintRun
    from resumefmt.loader import load
    from resumefmt.rules import LintSettings

    if args.files.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    settings = LintSettings(
        online=args.online,
        allow_private_hosts=args.allow_private_hosts,
        cache_dir=None if args.no_cache else _cache_dir(),
        progress=args.online and args.format == "text" and sys.stderr.isatty(),
    )
    run = LintRun(registry, today=_today(args.today), settings=settings)
    configs: dict[str | None, Config | None] = {}
    found: list[Diagnostic] = []
    failing = 0
    cannot_run = False
    for name in args.files:
        config = _config_for(name, args.config, registry, configs)
        try:
            diagnostics = run.lint(load(name), config)
        except DocumentError as exc:
            diagnostics = exc.diagnostics
        except ResumefmtError as exc:
            print(exc.format(), file=sys.stderr)
            cannot_run = True
            continue
        threshold = _RANK[args.fail_on or (config.fail_on if config else "error")]
        failing += sum(1 for d in diagnostics if _RANK[d.severity] >= threshold)
        found += diagnostics
    problems = [d for c in configs.values() if c is not None for d in c.problems]
    cannot_run = cannot_run or bool(problems) or bool(run.crashed)
    found = sort_diagnostics(problems + found)  # DESIGN.md: by path, line, column
    _report(found, args.format, [registry.rules[code] for code in sorted(registry.rules)])
    if not args.quiet and args.format == "text":
        print(_summary(found, len(args.files)), file=sys.stderr)
    if cannot_run:
        return 2
    return 1 if failing else 0


def _config_for(
    name: str, explicit: str | None, registry: Registry, cache: dict[str | None, Config | None]
) -> Config | None:
    from resumefmt.config import find_config_file, load_config

    if explicit is not None:
        if not os.path.isfile(explicit):
            raise UsageError(f"configuration file '{explicit}' does not exist")
        path: str | None = explicit
    else:
        path = find_config_file(name)
    if path not in cache:
        cache[path] = load_config(path, registry) if path else None
    return cache[path]


def _report(found: list[Diagnostic], output: str, rules: list[Rule]) -> None:
    from resumefmt import reporters

    if output == "text":
        text = reporters.as_text(found)
    elif output == "json":
        text = reporters.as_json(found)
    elif output == "github":
        text = reporters.as_github(found)
    else:
        from resumefmt import codes
        from resumefmt.config import CONFIG_INVALID, CONFIG_UNKNOWN_RULE
        from resumefmt.linter import RULE_CRASHED
        from resumefmt.suppression import BAD_DIRECTIVE

        own = [*codes.ALL, CONFIG_INVALID, CONFIG_UNKNOWN_RULE, BAD_DIRECTIVE, RULE_CRASHED]
        text = reporters.as_sarif(found, rules, own)
    sys.stdout.write(text)


def _summary(found: list[Diagnostic], files: int) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in found:
        counts[d.severity] += 1
    parts = ", ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in counts.items())
    noun = "file" if files == 1 else "files"
    return f"{files} {noun} linted: {parts}"


def _today(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--today must be a date like 2026-01-31, not '{text}'") from None


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "resumefmt")
