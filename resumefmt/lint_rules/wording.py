"""The wording rules (RF150-RF169): words a careful reviewer would strike or fix.

Most are one regular expression over some fields, built with
:func:`resumefmt.rules.pattern_rule`. Words inside code spans, URLs and e-mail
addresses are never reported: the patterns consume those first.
"""

from __future__ import annotations

import re

from resumefmt.lint_rules._examples import bullets, field
from resumefmt.lint_rules._wording_terms import (
    BRAND_PATTERN,
    RIGHT_BRAND,
    TEXT,
    WEAK,
    WEAK_PATTERN,
    skipping,
)
from resumefmt.rules import Finding, Rule, pattern_rule

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.plugins import Registry
    from resumefmt.rules import Context

_Q = "'\u2019"  # both apostrophes: "I've" and "I\u2019ve"
_PRONOUN = (
    rf"(?<![\w{_Q}./&-])"
    rf"(?:I(?:[{_Q}](?:m|ve|d|ll))?|[Mm]y(?:self)?|[Mm]e|[Ww]e(?:[{_Q}](?:ve|re|ll|d))?"
    r"|[Oo]ur(?:s|selves)?|us)"
    rf"(?![\w/&-]|[{_Q}]\w|\.\w)"
)
# "Phase I", "Type I", "World War I": a Roman one, not the pronoun.
_ROMAN_BEFORE = re.compile(
    r"(?:Phase|Type|Part|Level|Stage|Tier|Class|Grade|War|Volume|Vol\.|Chapter|Season"
    r"|Series|Track|Round|Division|Section|Category|Module|Unit|Book|Form)\s\Z"
)
_REPEATED = re.compile(rf"(?<![\w{_Q}-])([^\W\d_]+)\s+(\1)(?![\w{_Q}-])", re.IGNORECASE)
_REPEAT_OK = frozenset(("had", "that"))  # "what it had had", "said that that" are English


def _pronoun(match: re.Match[str]) -> str | None:
    word = match.group("hit")
    if word is None or (word == "I" and _ROMAN_BEFORE.search(match.string, 0, match.start())):
        return None
    return (
        f"'{word}' is first person: a résumé leaves out 'I', 'my', 'we' and 'our'; "
        "start with the verb, or name the team"
    )


def _weak(match: re.Match[str]) -> str | None:
    phrase = match.group("hit")
    if phrase is None:
        return None
    said = " ".join(phrase.split())
    return f"'{said}' is weak: {WEAK[said.lower()]}"


def _ordinal(match: re.Match[str]) -> str | None:
    if match.group("hit") is None:
        return None
    number, suffix = match.group("n"), match.group("s")
    value = int(number)
    if value % 100 in (11, 12, 13):
        right = "th"
    else:
        right = {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return None if suffix == right else f"'{number}{suffix}' should be '{number}{right}'"


def _brand(match: re.Match[str]) -> str | None:
    wrong = match.group("hit")
    return None if wrong is None else f"'{wrong}' is spelled '{RIGHT_BRAND[wrong]}'"


def check_repeated_word(context: Context) -> Iterator[Finding]:
    """A word written twice in a row ("the the"), also across a line break.

    The finding points at the second word, the one to delete. "had had" and
    "that that" can be right and are left alone, as are two capitalised words
    (a place such as "Walla Walla").
    """
    for ptr, text in context.strings(*TEXT):
        for match in _REPEATED.finditer(text):
            first, second = match.group(1), match.group(2)
            if first.lower() in _REPEAT_OK or (first[0].isupper() and second[0].isupper()):
                continue
            yield Finding(ptr, f"'{second}' is repeated", match.start(2), match.end(2))


def rules() -> list[Rule]:
    """The wording rules, in code order."""
    return [
        pattern_rule(
            "RF150",
            "wording.first-person",
            "A first-person pronoun (I, me, my, we, our, us) in résumé prose.",
            pattern=skipping(_PRONOUN),
            message=_pronoun,
            doc="A résumé is written without a subject: 'Cut build time by 40%', not 'I cut "
            "build time by 40%'. Reports I, I'm, I've, me, my, myself, we, our, ours, us in "
            "prose fields. Not reported: 'US', 'I/O', a Roman 'Phase I', and words inside "
            "`code`, URLs and e-mail addresses.",
            fails=(bullets("I cut build time by 40%."), bullets("Led our team of five.")),
            passes=(bullets("Cut I/O time of `my_tool` by 40% in Phase I for US clients."),),
        ),
        pattern_rule(
            "RF151",
            "wording.weak-phrase",
            "A weak phrase such as 'responsible for' or 'worked on' instead of a verb.",
            pattern=skipping(WEAK_PATTERN),
            message=_weak,
            doc="'Responsible for', 'worked on', 'helped with', 'assisted in', 'involved in', "
            "'participated in', 'tasked with', 'in charge of', 'duties included' say that you "
            "were there, not what you did; 'various' hides what there was. The message "
            "suggests stronger verbs.",
            fails=(bullets("Responsible for the billing service."), bullets("Fixed various bugs.")),
            passes=(bullets("Led the billing service; fixed 40 bugs."),),
        ),
        Rule(
            "RF152",
            "wording.repeated-word",
            "A word written twice in a row, such as 'the the'.",
            check=check_repeated_word,
            fails=(bullets("Built the the fastest framework."),),
            passes=(bullets("Said that that had had an effect in Walla Walla."),),
        ),
        pattern_rule(
            "RF153",
            "wording.ordinal-suffix",
            "An English ordinal with the wrong suffix, such as '31th' for '31st'.",
            pattern=skipping(r"\b(?P<n>\d+)(?P<s>st|nd|rd|th)\b"),
            message=_ordinal,
            fields=TEXT,
            doc="1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st, 22nd, 23rd, 101st, 111th. "
            "Checked in prose and in titles and venues ('Proceedings of the 31th …').",
            fails=(field("venue", "Proceedings of the 31th Conference"), bullets("Ranked 22st.")),
            passes=(bullets("Ranked 1st, 2nd, 3rd, 11th, 12th, 13th, 21st and 111th."),),
        ),
        pattern_rule(
            "RF154",
            "wording.cut-off",
            "Text that ends in an ellipsis ('…' or '...'): it looks cut off.",
            pattern=r"(?:…|\.\.\.)\s*\Z",
            message="the text ends in '{0}' and looks cut off: finish the sentence",
            fields=TEXT,
            doc="A field that ends with '…' or '...' reads as text pasted from somewhere and "
            "cut short. An ellipsis inside the text is left alone.",
            fails=(bullets("Compatible with ControlNet, LoRA, and other…"),),
            passes=(bullets("Wrote 'Wait… what?', a talk on latency."),),
        ),
        pattern_rule(
            "RF155",
            "wording.dangling-colon",
            "A bullet or field that ends in a colon and introduces nothing.",
            pattern=r":\s*\Z",
            message="the text ends in ':' but nothing follows: finish the sentence or drop it",
            doc="A colon announces what follows; at the end of a field nothing does. This "
            "holds for every bullet, the last one or not: bullets are siblings, so the "
            "bullets after 'Key features include:' are not its list. Write the list into "
            "the sentence, or use a bold lead-in ('**Key features:** …'). A colon that ends "
            "a paragraph inside a field is left alone: the next paragraph may be its list.",
            fails=(bullets("Built the ICE framework.", "Key features include:"),),
            passes=(bullets("**Key features:** int8 kernels, fused attention."),),
        ),
        pattern_rule(
            "RF156",
            "wording.brand-casing",
            "A product or company name spelled with the wrong capitals, such as 'Github'.",
            pattern=skipping(BRAND_PATTERN),
            message=_brand,
            fields=TEXT,
            doc="Names are spelled as their owners spell them: GitHub, PyTorch, JavaScript, "
            "TensorFlow, Node.js, PostgreSQL, MySQL, LinkedIn, iPhone, arXiv, Java, Excel, "
            "and more (see `resumefmt/lint_rules/_wording_terms.py`). Only the listed wrong "
            "forms are reported, never inside `code`, URLs or host names.",
            fails=(bullets("Published on Github and arxiv."), field("title", "Javascript tips")),
            passes=(bullets("Published on GitHub (github.com/x) with `pytorch`."),),
        ),
        pattern_rule(
            "RF157",
            "wording.redundant-plus",
            "'over 1000+' says 'more than' twice.",
            pattern=r"\b(?:[Oo]ver|[Mm]ore\s+than|[Aa]bove|[Aa]t\s+least)\s+\d[\d,.]*\s*[kKmM]?\+",
            message="'{0}' says 'more than' twice: write 'over N' or 'N+'",
            fails=(bullets("Got over 1000+ stars on GitHub."),),
            passes=(bullets("Got over 1000 stars, then 2k+ forks."),),
        ),
    ]


def register(registry: Registry) -> None:
    """Add the wording rules."""
    for rule in rules():
        registry.add_rule(rule)
