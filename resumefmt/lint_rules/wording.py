"""The wording rules (RF150-RF169): words a careful reviewer would strike or fix.

Each text is read once per document with code spans, URLs and e-mail addresses
blanked out (:func:`~resumefmt.lint_rules._wording_terms.masked`), so no word
inside them is ever reported. Pronouns, weak phrases and brand names are looked
up word by word in the lists of ``_wording_terms``; the other rules are one
regular expression over some fields, compiled only when a text may match.
"""

from __future__ import annotations

from resumefmt.lint_rules._examples import bullets, field, pattern
from resumefmt.lint_rules._wording_terms import (
    BRAND_STARTS,
    CONTRACTIONS,
    PRONOUNS,
    RIGHT_BRAND,
    ROMAN_BEFORE,
    TEXT,
    WEAK,
    WEAK_STARTS,
    WORD,
    masked,
    words,
)
from resumefmt.model import PROSE
from resumefmt.rules import Finding, Rule, pattern_rule

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up
if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterator

    from resumefmt.plugins import Registry
    from resumefmt.rules import Context

    Spans = Callable[[str, str], Iterator[tuple[int, int, str]]]

_QUOTES = "'\u2019"  # both apostrophes: "I've" and "I\u2019ve"
_LINKS = _QUOTES + "."  # "I'mx", "me.io": not a pronoun
_REPEAT_OK = frozenset(("had", "that"))  # "what it had had", "said that that" are English


def _word_char(char: str) -> bool:
    """Whether ``char`` is one that ``\\w`` matches."""
    return char.isalnum() or char == "_"


def _ends_word(text: str, at: int, joiners: str, links: str) -> bool:
    """Whether a word may end before ``at``: neither a word character nor one of
    ``joiners`` follows, nor one of ``links`` then a word character ("me.io")."""
    char = text[at : at + 1]
    if not char:
        return True
    if _word_char(char) or char in joiners:
        return False
    return char not in links or not _word_char(text[at + 1 : at + 2] or " ")


def _pronouns(text: str, subject: str) -> Iterator[tuple[int, int, str]]:
    """First-person pronouns: words of ``subject`` (masked), their neighbours read in ``text``."""
    for match in pattern(WORD).finditer(subject):
        word = match.group()
        if word not in PRONOUNS:
            continue
        start, end = match.span()
        if start and text[start - 1] in "'\u2019./&-":
            continue
        found = None
        if word in CONTRACTIONS and text[end : end + 1] in tuple(_QUOTES):
            for suffix in CONTRACTIONS[word]:
                after = end + 1 + len(suffix)
                if text.startswith(suffix, end + 1) and _ends_word(text, after, "/&-", _LINKS):
                    found = after
                    break
        if found is None and _ends_word(text, end, "/&-", _LINKS):
            found = end
        if found is None or (word == "I" and found == end and _roman(text, start)):
            continue
        yield (
            start,
            found,
            f"'{text[start:found]}' is first person: a résumé leaves out 'I', 'my', "
            "'we' and 'our'; start with the verb, or name the team",
        )


def _roman(text: str, start: int) -> bool:
    return start > 1 and text[start - 1].isspace() and text.endswith(ROMAN_BEFORE, 0, start - 1)


def _weak(text: str, subject: str) -> Iterator[tuple[int, int, str]]:
    """Weak phrases: their words one run of spaces or a line fold apart.

    The phrase starts in ``subject`` (masked); it goes on in ``text``, so that
    "involved in-house" is read as words even where "in-a@b.com" is an address.
    """
    spans = [(m.start(), m.end(), m.group()) for m in pattern(WORD).finditer(text)]
    after = 0
    for index, (start, end, word) in enumerate(spans):
        if start < after or word not in WEAK_STARTS or subject[start] == "\x00":
            continue
        for rest, phrase in WEAK_STARTS[word]:
            last = end
            for offset, expected in enumerate(rest, 1):
                if index + offset >= len(spans):
                    break
                begin, stop, got = spans[index + offset]
                if got != expected or not text[last:begin].isspace():
                    break
                last = stop
            else:
                after = last
                said = " ".join(text[start:last].split())
                yield start, last, f"'{said}' is weak: {WEAK[phrase]}"
                break


def _brands(text: str, subject: str) -> Iterator[tuple[int, int, str]]:
    """Wrong spellings of brand names: words of ``subject`` (masked), not part of a host or path."""
    after = 0
    for match in pattern(WORD).finditer(subject):
        start = match.start()
        forms = BRAND_STARTS.get(match.group())
        if forms is None or start < after or (start and text[start - 1] in "./@-"):
            continue
        for wrong in forms:
            end = start + len(wrong)
            if text.startswith(wrong, start) and _ends_word(text, end, "@/-", "."):
                after = end
                yield start, end, f"'{wrong}' is spelled '{RIGHT_BRAND[wrong]}'"
                break


def _word_rule(
    code: str,
    name: str,
    summary: str,
    *,
    spans: Spans,
    lookup: frozenset[str],
    fields: tuple[str, ...],
    doc: str,
    fails: tuple[str, ...],
    passes: tuple[str, ...],
) -> Rule:
    """A rule that looks words of masked text up: only texts holding a ``lookup`` word are read."""

    def check(context: Context) -> Iterator[Finding]:
        for ptr, text in context.strings(*fields):
            subject = masked(context, text)
            if not lookup.isdisjoint(words(context, subject)):
                for start, end, said in spans(text, subject):
                    yield Finding(ptr, said, start, end)

    return Rule(code, name, summary, check=check, fails=fails, passes=passes, doc=doc)


def _ordinal(match: re.Match[str]) -> str | None:
    number, suffix = match.group("n"), match.group("s")
    value = int(number)
    if value % 100 in (11, 12, 13):
        right = "th"
    else:
        right = {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return None if suffix == right else f"'{number}{suffix}' should be '{number}{right}'"


def check_repeated_word(context: Context) -> Iterator[Finding]:
    """A word written twice in a row ("the the"), also across a line break.

    The finding points at the second word, the one to delete. "had had" and
    "that that" can be right and are left alone, as are two capitalised words
    (a place such as "Walla Walla").
    """
    for ptr, text in context.strings(*TEXT):
        folded = [w.casefold() for w in pattern(WORD).findall(text)]
        if True not in map(str.__eq__, folded, folded[1:]) and "\u0130" not in text:
            continue  # no word follows its twin (the common case); İ folds to two letters
        spans = [(m.start(), m.end(), m.group()) for m in pattern(WORD).finditer(text)]
        taken = -1
        for index in range(1, len(spans)):
            start, end, first = spans[index - 1]
            begin, stop, second = spans[index]
            if (
                index - 1 == taken
                or len(first) != len(second)
                or not _same(first, second)
                or not _letters(first)
                or (start and text[start - 1] in "'\u2019-")
                or not text[end:begin].isspace()
                or (text[stop : stop + 1] or "x") in "'\u2019-"
            ):
                continue
            taken = index
            if first.lower() in _REPEAT_OK or (first[0].isupper() and second[0].isupper()):
                continue
            yield Finding(ptr, f"'{second}' is repeated", begin, stop)


def _same(first: str, second: str) -> bool:
    """Whether two words of one length are equal ignoring case, letter by letter as
    regular expressions compare them (simple case mapping: 'ΣΑΣ' is not 'σας')."""
    return all(a == b or a.lower()[:1] == b.lower()[:1] for a, b in zip(first, second, strict=True))


def _letters(word: str) -> bool:
    """Whether a ``\\w+`` word is letters only (``[^\\W\\d_]+``)."""
    return word.isalpha() or not ("_" in word or any(c.isdecimal() for c in word))


def rules() -> list[Rule]:
    """The wording rules, in code order."""
    return [
        _word_rule(
            "RF150",
            "wording.first-person",
            "A first-person pronoun (I, me, my, we, our, us) in résumé prose.",
            spans=_pronouns,
            lookup=PRONOUNS,
            fields=PROSE,
            doc="A résumé is written without a subject: 'Cut build time by 40%', not 'I cut "
            "build time by 40%'. Reports I, I'm, I've, me, my, myself, we, our, ours, us in "
            "prose fields. Not reported: 'US', 'I/O', a Roman 'Phase I', and words inside "
            "`code`, URLs and e-mail addresses.",
            fails=(bullets("I cut build time by 40%."), bullets("Led our team of five.")),
            passes=(bullets("Cut I/O time of `my_tool` by 40% in Phase I for US clients."),),
        ),
        _word_rule(
            "RF151",
            "wording.weak-phrase",
            "A weak phrase such as 'responsible for' or 'worked on' instead of a verb.",
            spans=_weak,
            lookup=frozenset(WEAK_STARTS),
            fields=PROSE,
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
            pattern=r"\b(?P<n>\d+)(?P<s>st|nd|rd|th)\b",
            message=_ordinal,
            fields=TEXT,
            subject=masked,
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
            hint=lambda text: text.rstrip().endswith(("…", "...")),
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
            hint=lambda text: text.rstrip().endswith(":"),
            message="the text ends in ':' but nothing follows: finish the sentence or drop it",
            doc="A colon announces what follows; at the end of a field nothing does. This "
            "holds for every bullet, the last one or not: bullets are siblings, so the "
            "bullets after 'Key features include:' are not its list. Write the list into "
            "the sentence, or use a bold lead-in ('**Key features:** …'). A colon that ends "
            "a paragraph inside a field is left alone: the next paragraph may be its list.",
            fails=(bullets("Built the ICE framework.", "Key features include:"),),
            passes=(bullets("**Key features:** int8 kernels, fused attention."),),
        ),
        _word_rule(
            "RF156",
            "wording.brand-casing",
            "A product or company name spelled with the wrong capitals, such as 'Github'.",
            spans=_brands,
            lookup=frozenset(BRAND_STARTS),
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
            hint=lambda text: "+" in text,
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
