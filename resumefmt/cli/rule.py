"""``resumefmt rule CODE``: the manual of any code users can see, with examples."""

from __future__ import annotations

from resumefmt.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from resumefmt.codes import Code
    from resumefmt.rules import Rule

SUMMARY = "explain a lint rule or any other problem code"
DESCRIPTION = (
    "Explain a problem code or rule name: a lint rule (RF101, dates.inverted-range) with its "
    "options and examples, or a load, schema, conversion or configuration code (RF011)."
)
#: Where the codes outside the lint rules come from, by code prefix (longest first).
_REPORTED_BY = (
    ("RF06", "Reported by convert --to jsonresume and import --from jsonresume."),
    ("RF070", "Reported by convert --to pdf, --to png and --to latex, writing nothing."),
    ("RF072", "Reported by convert --to pdf and --to png, as a warning: the file is written."),
    (
        "RF073",
        "Reported by convert --to pdf, --to png, --to typst and --to latex, writing nothing.",
    ),
    ("RF07", "Reported by convert --to pdf and --to png, writing nothing."),
    ("RF08", "Reported by import --from rendercv."),
    ("RF09", "Reported by lint about its own configuration, comments or rules."),
    ("RF0", "Reported by validate, lint, convert and import; a comment cannot silence it."),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", metavar="CODE", help="a code (RF101, RF011) or a rule name")


def run(args: argparse.Namespace) -> int:
    from resumefmt import codes
    from resumefmt.plugins import rule_registry

    wanted: str = args.rule
    registry = rule_registry()
    code = registry.code_for(wanted) or registry.code_for(wanted.upper())
    if code is not None:
        print(explain_rule(registry.rules[code]))
        return 0
    other = codes.find(wanted)
    if other is None:
        raise UsageError(f"no rule or code '{wanted}'; 'resumefmt rules' lists the rules")
    print(explain_code(other))
    return 0


def explain_rule(rule: Rule) -> str:
    """A rule's manual as plain text, with its options and examples."""
    from resumefmt.rules import plain_text

    out = [f"{rule.code} {rule.name} ({rule.severity} by default)", "", plain_text(rule.manual)]
    if rule.formerly:
        out += ["", f"Formerly named: {', '.join(rule.formerly)}."]
    if not rule.enabled:
        out += ["", "Off by default: enable it in the configuration."]
    if rule.online:
        out += ["", "Runs only with --online."]
    if rule.fixable:
        out += ["", "Fixable: resumefmt lint --fix applies its safe fix (--diff shows it)."]
    if rule.languages is not None:
        out += [
            "",
            f"Languages: judges only text in {', '.join(rule.languages)} (a language map's "
            "key, else the document's locale).",
        ]
    if rule.options:
        out += ["", "Options (with defaults):"]
        out += [f"  {key} = {_toml(value)}" for key, value in rule.options.items()]
    for title, examples in (("Reported:", rule.reports), ("Not reported:", rule.passes)):
        if examples:
            out += ["", title]
            for example in examples:
                out += ["", *("    " + line for line in example.strip("\n").splitlines())]
    return "\n".join(out)


def explain_code(code: Code) -> str:
    """A load, schema, conversion or engine code explained."""
    where = next((said for prefix, said in _REPORTED_BY if code.code.startswith(prefix)), "")
    return "\n".join([f"{code.code} {code.name}", "", code.manual, "", where]).rstrip()


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return repr(value)
