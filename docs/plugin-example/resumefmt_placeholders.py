"""Placeholder text left in a résumé: an example resumefmt plugin.

A plugin module has ``register(registry)``; resumefmt finds it through the
``resumefmt.plugins`` entry point in ``pyproject.toml``. Its rules are
declared the way the built-in ones are: a regular expression as data with
``pattern_rule``, anything else as a function with ``@rule``. Each carries
its manual (the docstring) and examples it must report and must pass, which
``resumefmt.testing.assert_examples`` checks.
"""

from __future__ import annotations

from collections.abc import Iterator

from resumefmt.plugins import Registry
from resumefmt.rules import Context, Finding, pattern_rule, rule

LOREM_IPSUM = pattern_rule(
    "PH101",
    "placeholder.lorem-ipsum",
    """Filler text (lorem ipsum) left in the résumé.

    Templates fill their examples with lorem ipsum; a line of it that survives
    is the first thing a reader notices. Every text field is read: prose,
    names, titles and keywords alike.
    """,
    pattern=r"(?i)\blorem ipsum\b",
    fields=("**",),
    message="'{0}' is placeholder text: replace it with your own words",
    reports=('basics:\n  name: Ada\n  summary: "Lorem ipsum dolor sit amet."\n',),
    passes=("basics:\n  name: Ada\n  summary: Builds compilers.\n",),
)

_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")


@rule(
    "PH102",
    "placeholder.example-address",
    severity="error",
    reports=("basics:\n  name: Ada\n  email: you@example.com\n",),
    passes=("basics:\n  name: Ada\n  email: ada@lovelace.dev\n",),
)
def example_address(context: Context) -> Iterator[Finding]:
    """An e-mail address at example.com, example.org or example.net.

    Those domains exist only for documentation: mail sent there reaches no
    one, so a recruiter could not answer you.
    """
    basics = context.data.get("basics", {})
    email = basics.get("email", "")
    if email.rpartition("@")[2].lower() in _EXAMPLE_DOMAINS:
        yield Finding(
            "/basics/email", f"'{email}' is an example address: nobody receives mail there"
        )


RULES = (LOREM_IPSUM, example_address)


def register(registry: Registry) -> None:
    """Register the placeholder rules."""
    registry.add_rules(RULES)
