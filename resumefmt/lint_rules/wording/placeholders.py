"""Placeholder text left in from a template: lorem ipsum, "Your Name", example.com."""

from __future__ import annotations

import re

from resumefmt.lint_rules._examples import bullets
from resumefmt.model import URL_FIELDS, WORDED
from resumefmt.rules import Finding, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.rules import Context

#: Whole values that templates put where the writer's own words belong (lower case).
PLACEHOLDERS = frozenset(
    {"your name", "full name", "first last", "firstname lastname", "first name last name"}
    | {"company name", "company", "your company", "employer name", "organization name"}
    | {"job title", "your title", "position title", "role title", "your role"}
    | {"university name", "school name", "institution name", "degree name", "your degree"}
    | {"project name", "your project", "city, state", "city, country", "your city"}
    | {"your email", "your phone", "your website", "your headline"}
)
#: Inside any text: lorem ipsum, and a bracketed "[Your …]", "<Your …>", "{Your …}".
_IN_TEXT = re.compile(
    r"\blorem\s+ipsum\b|\[\s*your\b[^\]\n]*\]|<\s*your\b[^>\n]*>|\{\s*your\b[^}\n]*\}",
    re.IGNORECASE,
)
#: The domains RFC 2606 reserves for examples: no one's address is on them.
_EXAMPLE_HOST = re.compile(r"(?:[^@/\s]*\.)?example\.(?:com|org|net)\Z", re.IGNORECASE)
#: Fields of ``basics`` that WORDED leaves out (the headline is in it).
_PEOPLE = ("name", "altName", "phone")
_LONGEST = max(len(placeholder) for placeholder in PLACEHOLDERS) + 10  # spaces around

_BASICS = "basics:\n  name: {name}\n"


@rule(
    "RF158",
    "wording.placeholder-text",
    reports=(
        _BASICS.format(name="Your Name"),
        _BASICS.format(name="Ada Lovelace") + "  email: ada@example.com\n",
        bullets("Lorem ipsum dolor sit amet, consectetur adipiscing elit."),
        "work:\n  - organization: Company Name\n    role: Job Title\n"
        '    start: "2020"\n    end: present\n',
        bullets("Cut CI time at [Your Company] by 40%."),
    ),
    passes=(
        _BASICS.format(name="Ada Lovelace") + "  email: ada@lovelace.dev\n",
        bullets("Renamed the product after the company name was trademarked."),
        bullets("Wrote the docs at <https://example.com> for the API."),
        "work:\n  - organization: Example Corp\n    role: Engineer\n"
        '    start: "2020"\n    end: present\n',
    ),
)
def placeholder_text(context: Context) -> Iterator[Finding]:
    """Placeholder text left in from a template, such as 'Your Name' or an example.com address.

    Reported: a field whose whole value is a template's placeholder ('Your
    Name', 'Company Name', 'Job Title', 'University Name', 'City, State',
    …, any case); 'lorem ipsum' anywhere; a bracketed '[Your …]', '<Your …>'
    or '{Your …}'; and an e-mail address or a ``url``/``repository`` on
    example.com, example.org or example.net, the domains reserved for
    examples, where no one's address can be.

    Not reported: the same words inside a sentence ('after the company name
    was trademarked'), names that only sound made up ('Example Corp', 'Ada
    Lovelace'), and example.com inside prose, where it often is an example.
    The starter that ``resumefmt init`` writes is reported until its address
    is changed: it is meant to be edited.
    """
    for ptr, text in _texts(context):
        if "/x-" in ptr:
            continue
        if len(text) <= _LONGEST and " ".join(text.split()).casefold() in PLACEHOLDERS:
            yield Finding(ptr, f"'{text.strip()}' is a template's placeholder: write your own")
            continue
        if not _may_hold(text):
            continue
        for match in _IN_TEXT.finditer(text):
            yield Finding(
                ptr,
                f"'{match.group()}' is a template's placeholder: write your own text",
                match.start(),
                match.end(),
            )
    basics = context.data.get("basics")
    email = basics.get("email") if isinstance(basics, dict) else None
    addresses = [("/basics/email", email)] if isinstance(email, str) else []
    for ptr, text in (*addresses, *context.strings(*URL_FIELDS)):
        host = _host(text)
        if host is not None and _EXAMPLE_HOST.match(host) and "/x-" not in ptr:
            yield Finding(
                ptr,
                f"'{text}' is on {host.lower()}, a domain reserved for examples: "
                "write your own address",
            )


def _texts(context: Context) -> Iterator[tuple[str, str]]:
    """The worded fields (as the other wording rules select them), and the person's own."""
    yield from context.strings(*WORDED)  # the selection the other wording rules made
    basics = context.data.get("basics")
    if isinstance(basics, dict):
        for key in _PEOPLE:
            if isinstance(basics.get(key), str):
                yield f"/basics/{key}", basics[key]
        place = basics.get("location")
        for key, value in place.items() if isinstance(place, dict) else ():
            if isinstance(value, str):
                yield f"/basics/location/{key}", value


def _may_hold(text: str) -> bool:
    """Whether ``text`` may hold what _IN_TEXT finds: most texts do not, unsearched."""
    return "[" in text or "<" in text or "{" in text or "psum" in text or "PSUM" in text


def _host(address: str) -> str | None:
    """The host of an e-mail address or a web address, or None."""
    if "://" in address:
        host = address.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        return host.rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    if "@" in address:
        return address.rsplit("@", 1)[1].rstrip(".")
    return None
