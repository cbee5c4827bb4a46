"""The word a bullet opens with, and its tense: what the tense rules judge.

The opening word is the first word after markup and a bold lead-in
(``**Lead:** Implemented …``), past a subject pronoun ("I", "We") and an
adverb ("Also", "Now", "Primarily"), so "I open-sourced …" opens with
"open-sourced". Verbs the table lacks are guessed from their suffix.

A word counts as a verb only where it reliably is one (:func:`_as_written`):
an acronym (``BE services``, ``AWS Lambda``) or a word with a capital inside
(``iOS``) is a name, not a verb; a product name that is also a verb
(``React Native app``, ``Spark jobs``: ``_terms.BRAND_WORDS``) or a word more
often a noun (``Web app``, ``Design system``, ``Training pipeline``) is a verb
only before what a verb takes (``the``, ``a``, a number, ``it``), else its
tense is left open; a word more often an adjective (``Key features``, ``Top
performer``) is then no verb at all; a base form before an ``-ing`` word (``Machine
learning``, ``Load balancing``), which opens a compound noun.
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
#: What follows a verb and never a noun that opens a noun phrase: makes a brand or a
#: noun-first word a verb ("Design the API", "Render 3D scenes", "Support it").
OBJECTS = DETERMINERS | {"it", "them", "up", "out", "and"}
#: Words that open a bullet as nouns more often than as verbs ("Web app for …",
#: "Design system for …", "Support for …", "Research on …"): verbs only before an object.
NOUN_FIRST = frozenset(
    {"web", "design", "test", "research", "support", "process", "project", "program"}
    | {"market", "model", "network", "cloud", "machine", "image", "power", "stream"}
    | {"feature", "document", "host", "frame", "map", "chart", "film", "team", "email"}
    | {"mail", "text", "graph", "interface", "pilot", "benchmark", "prototype", "showcase"}
    | {"profile", "script", "schedule", "budget", "report", "plan", "update", "release"}
    | {"review", "change", "upgrade", "survey", "study", "trial", "record", "audit", "work"}
    | {"package", "service", "data", "code", "content", "search", "sound", "voice", "video"}
    | {"load", "state", "event", "query", "cache", "batch", "table", "game", "face", "object"}
    | {"speech", "signal", "style", "type", "sign", "store", "deal", "price", "sale", "board"}
    # -ing forms that name a field or a thing: "Training pipeline", "Marketing campaign".
    | {"training", "marketing", "engineering", "funding", "planning", "testing", "hosting"}
    | {"learning", "computing", "networking", "accounting", "banking", "consulting"}
    | {"manufacturing", "processing", "programming", "modeling", "modelling", "recruiting"}
    | {"onboarding", "scheduling", "logging", "monitoring"}
    | {"billing", "shipping", "pricing", "ranking", "routing", "tracking", "caching"}
    | {"streaming", "messaging", "publishing", "printing", "packaging", "branding"}
    | {"advertising", "budgeting", "forecasting", "reporting", "staffing", "lending"}
    | {"trading", "mapping", "matching", "sampling", "labeling", "labelling"}
    | {"tooling", "rendering", "indexing"}
)
#: Words that open a bullet as adjectives ("Key features of …", "Top performer …",
#: "Core team member"): no verb, unless an object follows ("Key the data in").
ADJECTIVE_FIRST = frozenset(
    {"key", "top", "core", "best", "major", "minor", "total", "average", "front", "back"}
    | {"open", "clean", "free", "smart", "light"}
)
#: Verbs that take an "-ing" form ("Start building …", "am focusing"): not a compound noun.
_TAKES_ING = frozenset(
    {"start", "stop", "keep", "begin", "finish", "continue", "avoid", "consider", "resume"}
    | {"am", "are", "be", "get", "go"}
)


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
        following = _NEXT.match(text, word.end()).group(1)  # type: ignore[union-attr]
        tense = classify(lower, following.lower())
        if tense != NOT_A_VERB:
            tense = _as_written(word.group(), tense, following, text)
        return tense, word.start(), word.end()


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


def _as_written(word: str, tense: str, following: str, text: str) -> str:
    """``tense``, unless how ``word`` is written or what follows it makes it a name or a noun."""
    letters = word.replace("-", "").replace("'", "").replace("\u2019", "")
    if len(letters) >= 2 and letters.isupper():  # an acronym: BE, AWS, QA, LED
        shouting = sum(c.isupper() for c in text) > 0.8 * sum(c.isalpha() for c in text)
        return AMBIGUOUS if shouting else NOT_A_VERB
    if any(c.isupper() for part in word.split("-") for c in part[1:]):
        return NOT_A_VERB  # a capital inside: iOS, GraphQL, DevOps
    lower = word.lower()
    before_object = following.lower() in OBJECTS or following[:1].isdigit()
    if before_object:
        return tense
    if lower in ADJECTIVE_FIRST:
        return NOT_A_VERB
    if _is_brand(word):
        return AMBIGUOUS  # React Native app, Spark jobs: or "React to alerts"
    if lower in NOUN_FIRST:
        return AMBIGUOUS
    after = following.lower().strip(".,;:)")
    if (
        tense == PRESENT
        and not lower.endswith(("s", "ing"))
        and lower not in _TAKES_ING
        and after.endswith("ing")
        and tense_of(after) == PRESENT
    ):
        return AMBIGUOUS  # Machine learning, Load balancing: a compound noun
    return tense


def _is_brand(word: str) -> bool:
    """Whether ``word``, as written, is the name of a product (``React``, ``Swift``)."""
    from resumefmt.lint_rules.wording._terms import is_brand_word

    return is_brand_word(word)


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
