"""The word a bullet opens with, and its tense: what the tense rules judge.

The opening word is the first word after markup and a bold lead-in
(``**Lead:** Implemented …``), past a subject pronoun ("I", "We") and an
adverb ("Also", "Now", "Primarily"), so "I open-sourced …" opens with
"open-sourced". Verbs the table lacks are guessed from their suffix.
"""

from __future__ import annotations

import re

from resumefmt.lint_rules.tense._verbs import AMBIGUOUS, PAST, PRESENT, is_noun_plural, tense_of

#: Not a verb: the bullet opens with a noun, a number, code, ….
NOT_A_VERB = "not-a-verb"

#: Markup, quotes, brackets, bullets and enumerations: "(1) Accelerated …", "2. Built …".
_SKIP = re.compile("(?:[\\s*\"\u201c\u2018'(\\[,\u2022-]|\\(?[0-9]{1,2}\\)|[0-9]{1,2}\\.\\s)*")
_WORD = re.compile("[A-Za-z](?:[A-Za-z'\u2019-]*[A-Za-z])?")
_OTHER = re.compile(r"[^\s*]+")
_LEAD_IN = re.compile(r"\s*\*\*.*?:\*\*")
_NEXT = re.compile(r"[\s,]*([^\s,]*)")

PRONOUNS = frozenset({"i", "we"})
#: Opening adverbs that do not end in "-ly" ("-ly" words that are not verbs,
#: unlike "apply" and "supply", are skipped too).
ADVERBS = frozenset(
    {"afterwards", "again", "also", "first", "further", "furthermore", "later", "meanwhile"}
    | {"moreover", "now", "often", "soon", "still", "subsequently", "then", "together"}
)
#: After a form that is also a plural noun, these make it a verb: "Leads a team" (not "Leads
#: from …"); so does a number.
DETERMINERS = frozenset(
    {"a", "all", "an", "each", "every", "her", "his", "its", "many", "more", "multiple", "my"}
    | {"our", "over", "several", "the", "their", "these", "this", "those", "two", "three"}
)
#: Prefixes of hyphenated coinages judged by their last part: "co-founded", "re-architected".
PREFIXES = frozenset({"auto", "co", "cross", "de", "open", "pre", "re", "un"})
#: Words ending in -ed that are not verbs.
NOT_PAST = frozenset(
    {"hundred", "jagged", "kindred", "naked", "ragged", "rugged", "sacred", "talented", "wicked"}
)
_PRESENT_SUFFIXES = ("izing", "ising", "ifying", "izes", "ises", "ifies")


def opening(text: str) -> tuple[str, int, int] | None:
    """``(tense, start, end)`` of the opening word; None for a bullet without words.

    The tense is ``past``, ``present``, ``ambiguous`` or :data:`NOT_A_VERB`;
    ``start``/``end`` are offsets into ``text``.
    """
    pos = 0
    if text.lstrip().startswith("**"):
        from resumefmt.richtext import lead_in, parse

        if lead_in(parse(text)) is not None:
            match = _LEAD_IN.match(text)
            pos = match.end() if match else 0
    skipped = 0
    while True:
        pos = _SKIP.match(text, pos).end()  # type: ignore[union-attr]
        word = _WORD.match(text, pos)
        if word is None:
            other = _OTHER.match(text, pos)
            return None if other is None else (NOT_A_VERB, pos, other.end())
        lower = word.group().lower().replace("\u2019", "'")
        if skipped < 3 and _skippable(lower):
            skipped += 1
            pos = word.end()
            continue
        if lower in ("i've", "we've"):  # present perfect: no tense to judge
            return AMBIGUOUS, word.start(), word.end()
        following = _NEXT.match(text, word.end()).group(1).lower()  # type: ignore[union-attr]
        return classify(lower, following), word.start(), word.end()


def classify(word: str, following: str = "") -> str:
    """The tense of a lower-case opening word, given the word after it."""
    tense = tense_of(word)
    # "Results show …" opens with a noun; "Leads a team of 5" with a verb.
    noun = following not in DETERMINERS and not following[:1].isdigit()
    if tense == PRESENT and noun and is_noun_plural(word):
        return AMBIGUOUS
    if tense is not None:
        return tense
    head, hyphen, last = word.rpartition("-")
    if hyphen:  # "co-founded" is a verb, "detail-oriented" an adjective
        tense = (tense_of(last) or _guess(last)) if head in PREFIXES else None
    else:
        tense = _guess(word)
    return tense or NOT_A_VERB


def _guess(word: str) -> str | None:
    """A tense from the suffix of a word the table lacks ("dockerized", "upstreamed")."""
    if word.endswith("ed") and len(word) >= 5 and word not in NOT_PAST:
        return PAST
    if word.endswith(_PRESENT_SUFFIXES) and len(word) >= 7:
        return PRESENT
    return None


def _skippable(lower: str) -> bool:
    if lower in PRONOUNS or lower in ADVERBS:
        return True
    return lower.endswith("ly") and tense_of(lower) is None
