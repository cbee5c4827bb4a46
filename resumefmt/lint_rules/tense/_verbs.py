"""The tense of an English verb form, from the compact table in ``_verb_forms``.

The table stores lemmas, not forms: a regular verb is one word, and its forms
are rebuilt by :func:`regular_forms` (scripts/gen_verb_forms.py keeps in the
table only the lemmas whose forms the library spells exactly so). A word is
looked up by undoing a suffix and checking the lemma that would produce it, so
a lint run builds two small sets instead of 27,000 forms.
"""

from __future__ import annotations

import functools

from resumefmt.lint_rules.tense import _verb_forms as data

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

PAST = "past"
PRESENT = "present"
AMBIGUOUS = "ambiguous"

_VOWELS = frozenset("aeiou")


def regular_forms(lemma: str, doubled: bool = False) -> tuple[str, str, str]:
    """``(third person, past, gerund)`` of a regular verb; ``doubled`` as in commit → committed."""
    consonant_y = lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        third = lemma + "es"
    elif consonant_y:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    stem = lemma + lemma[-1] if doubled else lemma
    if lemma.endswith("e"):
        past = lemma + "d"
    elif consonant_y:
        past = lemma[:-1] + "ied"
    else:
        past = stem + "ed"
    if lemma.endswith("ie"):
        gerund = lemma[:-2] + "ying"
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        gerund = lemma[:-1] + "ing"
    else:
        gerund = stem + "ing"
    return third, past, gerund


@functools.cache
def _words(name: str) -> frozenset[str]:
    """The word list ``name`` of ``_verb_forms``, made a set on first use (1 ms for all)."""
    words: str = getattr(data, name)
    return frozenset(words.split())


def tense_of(word: str) -> str | None:
    """``past``, ``present`` or ``ambiguous`` for a known verb form, else None.

    Present covers the base form, the third person and the gerund. A form
    that is a past participle only, or that two tenses spell alike (set,
    read, found), is ambiguous. ``word`` must be lower case.
    """
    if word in _words("AMBIGUOUS"):  # every form that two tenses spell alike is listed here
        return AMBIGUOUS
    regular, doubled = _words("REGULAR"), _words("DOUBLED")
    tenses = set()
    if word in regular or word in doubled or word in _words("IRREGULAR_PRESENT"):
        tenses.add(PRESENT)
    if word in _words("IRREGULAR_PAST"):
        tenses.add(PAST)
    for lemma, index in _candidates(word):
        if lemma in regular and regular_forms(lemma)[index] == word:
            tenses.add(PAST if index == 1 else PRESENT)
        if lemma in doubled and regular_forms(lemma, True)[index] == word:
            tenses.add(PAST if index == 1 else PRESENT)
    if len(tenses) == 1:
        return tenses.pop()
    return AMBIGUOUS if tenses else None


def is_noun_plural(word: str) -> bool:
    """Whether a present third-person form is also a plural noun ("results", "leads")."""
    return word in _words("NOUN_PLURALS")


def _candidates(word: str) -> Iterator[tuple[str, int]]:
    """``(lemma, index into regular_forms)`` pairs that could have produced ``word``."""
    if word.endswith("ed"):
        for lemma in (word[:-1], word[:-2], word[:-3], word[:-3] + "y"):
            yield lemma, 1
    elif word.endswith("ing"):
        for lemma in (word[:-3], word[:-3] + "e", word[:-4], word[:-4] + "ie"):
            yield lemma, 2
    elif word.endswith("s"):
        for lemma in (word[:-1], word[:-2], word[:-3] + "y"):
            yield lemma, 0
