"""Slips one regular expression finds: wrong ordinals, cut-off text, dangling colons, "1000+"."""

from __future__ import annotations

import re

from resumefmt.lint_rules._examples import bullets, field
from resumefmt.lint_rules.wording._text import masked
from resumefmt.model import PROSE, WORDED
from resumefmt.rules import Finding, pattern_rule, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from resumefmt.rules import Context


def _ordinal(match: re.Match[str]) -> str | None:
    number, suffix = match.group("n"), match.group("s")
    right = _right_suffix(number)
    return None if suffix == right else f"'{number}{suffix}' should be '{number}{right}'"


def _right_suffix(number: str) -> str:
    value = int(number)
    if value % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")


def _right_ordinal(match: re.Match[str]) -> str:
    """The fix: the number with its right suffix (``22th`` → ``22nd``)."""
    return match.group("n") + _right_suffix(match.group("n"))


wrong_ordinal = pattern_rule(
    "RF153",
    "wording.wrong-ordinal",
    """An English ordinal with the wrong suffix, such as '31th' for '31st'.

    1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st, 22nd, 23rd, 101st, 111th.
    Checked in prose and in titles and venues ('Proceedings of the 31th …'),
    in every language: the suffixes are English, so a match is an English
    ordinal wherever it is written (an English venue in a Korean CV, '31th'
    pasted into Portuguese), and no other language writes a number followed
    by them (French '1er', '2e', Dutch '1ste', Portuguese '1º' do not match).
    """,
    pattern=r"\b(?P<n>\d+)(?P<s>st|nd|rd|th)\b",
    message=_ordinal,
    fix=_right_ordinal,
    fields=WORDED,
    subject=masked,
    formerly=("wording.ordinal-suffix",),
    reports=(field("venue", "Proceedings of the 31th Conference"), bullets("Ranked 22st.")),
    passes=(bullets("Ranked 1st, 2nd, 3rd, 11th, 12th, 13th, 21st and 111th."),),
)

cut_off = pattern_rule(
    "RF154",
    "wording.cut-off",
    """Text that ends in an ellipsis ('…' or '...'): it looks cut off.

    A field that ends with '…' or '...' reads as text pasted from somewhere
    and cut short. An ellipsis inside the text is left alone.
    """,
    pattern=r"(?:…|\.\.\.)\s*\Z",
    message="the text ends in '{0}' and looks cut off: finish the sentence",
    fields=WORDED,
    hint=lambda text: text.rstrip().endswith(("…", "...")),
    reports=(bullets("Compatible with ControlNet, LoRA, and other…"),),
    passes=(bullets("Wrote 'Wait… what?', a talk on latency."),),
)

_INTRODUCES = ("highlights", "projects")  # the lists a summary may announce


@rule(
    "RF155",
    "wording.dangling-colon",
    reports=(
        bullets("Built the ICE framework.", "Key features include:"),
        "projects:\n  - name: ice\n    summary: 'A framework:'\n",
    ),
    passes=(
        bullets("**Key features:** int8 kernels, fused attention."),
        "work:\n  - organization: Example Corp\n    role: Engineer\n"
        "    start: \"2020\"\n    end: present\n    summary: 'Led the platform team. Highlights:'\n"
        "    highlights: [Cut CI time from 40 to 12 minutes.]\n",
    ),
)
def dangling_colon(context: Context) -> Iterator[Finding]:
    """A bullet or field that ends in a colon and introduces nothing.

    A colon announces what follows; at the end of a field nothing does. This
    holds for every bullet, the last one or not: bullets are siblings, so the
    bullets after 'Key features include:' are not its list. Write the list
    into the sentence, or use a bold lead-in ('**Key features:** …').

    Not reported: a ``summary`` or ``description`` of an entry that has
    ``highlights`` (or ``projects``), because every converter prints those
    right below it, so 'Main results:' does introduce them; and a colon that
    ends a paragraph inside a field, whose next paragraph may be its list.
    """
    for ptr, text in context.strings(*PROSE):
        if not text.rstrip().endswith(":"):
            continue
        parent, _, key = ptr.rpartition("/")
        if key in ("summary", "description") and _introduces(context.data, parent):
            continue
        match = re.search(r":\s*\Z", text)
        if match is not None:
            yield Finding(
                ptr,
                "the text ends in ':' but nothing follows: finish the sentence or drop it",
                match.start(),
                match.end(),
            )


def _introduces(data: Any, pointer: str) -> bool:
    """Whether the entry at ``pointer`` has a non-empty list that a summary may announce."""
    node = data
    for token in pointer.split("/")[1:]:
        node = node[int(token)] if isinstance(node, list) else node.get(token)
    return isinstance(node, dict) and any(node.get(key) for key in _INTRODUCES)


redundant_plus = pattern_rule(
    "RF157",
    "wording.redundant-plus",
    """'over 1000+' says 'more than' twice.

    'Over', 'more than', 'above' or 'at least' before a number that ends in
    '+' say the same thing twice: write 'over 1000' or '1000+'. English text
    only.
    """,
    pattern=r"\b(?:[Oo]ver|[Mm]ore\s+than|[Aa]bove|[Aa]t\s+least)\s+\d[\d,.]*\s*[kKmM]?\+",
    message="'{0}' says 'more than' twice: write 'over N' or 'N+'",
    hint=lambda text: "+" in text,
    languages=("en",),
    reports=(bullets("Got over 1000+ stars on GitHub."),),
    passes=(bullets("Got over 1000 stars, then 2k+ forks."),),
)
