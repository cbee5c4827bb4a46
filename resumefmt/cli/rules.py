"""``resumefmt rules``: the lint rules, one line each (or JSON)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

SUMMARY = "list the lint rules"
DESCRIPTION = (
    "List every lint rule: code, name, severity, summary; '(fixable)' marks the rules "
    "whose findings lint --fix can mend, '(en only)' those that judge text in some "
    "languages only."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    from resumefmt.plugins import rule_registry

    registry = rule_registry()
    rules = [registry.rules[code] for code in sorted(registry.rules)]
    if args.format == "json":
        import json

        listed = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "summary": r.summary,
                "enabled": r.enabled,
                "online": r.online,
                "fixable": r.fixable,
                "languages": list(r.languages) if r.languages is not None else None,
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
        if r.fixable:
            notes.append("fixable")
        if r.languages is not None:
            notes.append(f"{', '.join(r.languages)} only")
        extra = f" ({', '.join(notes)})" if notes else ""
        print(f"{r.code}  {r.name:<32} {r.severity:<8} {r.summary}{extra}")
    return 0
