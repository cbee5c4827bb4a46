"""Words a reviewer would strike or fix: first person, weak phrases, repeats, brands."""

from __future__ import annotations

import functools

from resumefmt.lint_rules._examples import bullets, field
from resumefmt.lint_rules.wording._terms import (
    BRANDS,
    CONTRACTIONS,
    PRONOUNS,
    ROMAN_BEFORE,
    WEAK,
    WEAK_STARTS,
    brand_tables,
)
from resumefmt.lint_rules.wording._text import WORD, masked, words
from resumefmt.model import PROSE, WORDED
from resumefmt.rules import Finding, Fix, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from resumefmt.rules import Context

    #: ``(start, end, message)`` of each finding in a text, given the text and its masked copy.
    Spans = Callable[[str, str], Iterator[tuple[int, int, str]]]

_QUOTES = "'\u2019"  # both apostrophes: "I've" and "I\u2019ve"
_LINKS = _QUOTES + "."  # "I'mx", "me.io": not a pronoun
#: Doubles that grammar makes: English "what it had had", "said that that"; German
#: article then relative pronoun ("die die Firma", "der der", "das das", "den den",
#: "dem dem"); French reflexives ("nous nous sommes", "vous vous êtes").
_REPEAT_OK = frozenset(("had", "that", "die", "der", "das", "den", "dem", "nous", "vous"))


def _look_up(
    context: Context,
    fields: tuple[str, ...],
    lookup: frozenset[str],
    spans: Spans,
    fix: Callable[[str], str] | None = None,
) -> Iterator[Finding]:
    """The ``spans`` of each text of ``fields`` that holds a word of ``lookup``.

    ``fix(found)``, if given, is what replaces the text of a span.
    """
    for ptr, text in context.strings(*fields):
        subject = masked(context, text)
        if not lookup.isdisjoint(words(context, subject)):
            for start, end, said in spans(text, subject):
                mended = None if fix is None else Fix(fix(text[start:end]))
                yield Finding(ptr, said, start, end, fix=mended)


@rule(
    "RF150",
    "wording.first-person",
    languages=("en",),
    reports=(bullets("I cut build time by 40%."), bullets("Led our team of five.")),
    passes=(bullets("Cut I/O time of `my_tool` by 40% in Phase I for US clients."),),
)
def first_person(context: Context) -> Iterator[Finding]:
    """A first-person pronoun (I, me, my, we, our, us) in résumé prose.

    A résumé is written without a subject: 'Cut build time by 40%', not 'I cut
    build time by 40%'. Reports I, I'm, I've, me, my, myself, we, our, ours, us
    in prose fields. Not reported: 'US', 'I/O', a Roman 'Phase I', and words
    inside `code`, URLs and e-mail addresses. Only English text is read (the
    document's ``locale``, or a language map's key, says): in German
    'Sekundarstufe I' the 'I' is a numeral.
    """
    yield from _look_up(context, PROSE, PRONOUNS, _pronouns)


def _pronouns(text: str, subject: str) -> Iterator[tuple[int, int, str]]:
    """First-person pronouns: words of ``subject`` (masked), their neighbours read in ``text``."""
    for match in WORD.finditer(subject):
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


def _ends_word(text: str, at: int, joiners: str, links: str) -> bool:
    """Whether a word may end before ``at``: neither a word character nor one of
    ``joiners`` follows, nor one of ``links`` then a word character ("me.io")."""
    char = text[at : at + 1]
    if not char:
        return True
    if _word_char(char) or char in joiners:
        return False
    return char not in links or not _word_char(text[at + 1 : at + 2] or " ")


def _word_char(char: str) -> bool:
    """Whether ``char`` is one that ``\\w`` matches."""
    return char.isalnum() or char == "_"


@rule(
    "RF151",
    "wording.weak-phrase",
    languages=("en",),
    reports=(bullets("Responsible for the billing service."), bullets("Fixed various bugs.")),
    passes=(bullets("Led the billing service; fixed 40 bugs."),),
)
def weak_phrase(context: Context) -> Iterator[Finding]:
    """A weak phrase such as 'responsible for' or 'worked on' instead of a verb.

    'Responsible for', 'worked on', 'helped with', 'assisted in', 'involved
    in', 'participated in', 'tasked with', 'in charge of', 'duties included'
    say that you were there, not what you did; 'various' hides what there
    was. The message suggests stronger verbs. Only English text is read.
    """
    yield from _look_up(context, PROSE, frozenset(WEAK_STARTS), _weak)


def _weak(text: str, subject: str) -> Iterator[tuple[int, int, str]]:
    """Weak phrases: their words one run of spaces or a line fold apart.

    The phrase starts in ``subject`` (masked); it goes on in ``text``, so that
    "involved in-house" is read as words even where "in-a@b.com" is an address.
    """
    spans = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
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


@rule(
    "RF152",
    "wording.repeated-word",
    fixable=True,
    reports=(bullets("Built the the fastest framework."),),
    passes=(
        bullets("Said that that had had an effect in Walla Walla."),
        bullets("Entwickelte die Plattform, die die Firma nutzt."),
        bullets("Nous nous sommes réunis chaque semaine."),
    ),
)
def repeated_word(context: Context) -> Iterator[Finding]:
    """A word written twice in a row, such as 'the the'.

    Also across a line break. The finding points at the second word, the one
    to delete. Not reported: doubles that grammar makes, English "had had"
    and "that that", German "die die", "der der", "das das", "den den",
    "dem dem" (an article, then a relative pronoun), French "nous nous" and
    "vous vous" (a reflexive verb); and two capitalised words (a place such as
    "Walla Walla"). "the the" and every other double are reported.
    """
    for ptr, text in context.strings(*WORDED):
        folded = [w.casefold() for w in WORD.findall(text)]
        if True not in map(str.__eq__, folded, folded[1:]) and "\u0130" not in text:
            continue  # no word follows its twin (the common case); İ folds to two letters
        spans = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
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
            # The fix deletes the second word with the space before it.
            yield Finding(ptr, f"'{second}' is repeated", begin, stop, fix=Fix("", end, stop))


def _same(first: str, second: str) -> bool:
    """Whether two words of one length are equal ignoring case, letter by letter as
    regular expressions compare them (simple case mapping: 'ΣΑΣ' is not 'σας')."""
    return all(a == b or a.lower()[:1] == b.lower()[:1] for a, b in zip(first, second, strict=True))


def _letters(word: str) -> bool:
    """Whether a ``\\w+`` word is letters only (``[^\\W\\d_]+``)."""
    return word.isalpha() or not ("_" in word or any(c.isdecimal() for c in word))


@rule(
    "RF156",
    "wording.miscased-brand",
    formerly=("wording.brand-casing",),
    fixable=True,
    reports=(bullets("Published on Github and arxiv."), field("title", "Javascript tips")),
    passes=(bullets("Published on GitHub (github.com/x) with `pytorch`."),),
)
def miscased_brand(context: Context) -> Iterator[Finding]:
    """A product or company name spelled with the wrong capitals, such as 'Github'.

    Names are spelled as their owners spell them: GitHub, PyTorch, JavaScript,
    TensorFlow, Node.js, PostgreSQL, MySQL, LinkedIn, iPhone, arXiv, Java,
    Excel, Docker, Jenkins, Vue.js, CSS, and some 1,900 more: a hand-curated
    table (``resumefmt/lint_rules/wording/_terms.py``) and one generated from
    the simple-icons brand list (``_brands.py``, ``scripts/sync_brands.py``).
    Only the listed wrong forms are reported, never inside `code`, URLs or
    host names.

    Not reported: a brand that is an English word, in any case ('go', 'rust',
    'swift', 'spark', 'make', 'react', 'slack'), since the word is far more
    often meant; an initialism in lower case ('css', 'aws', as skill lists
    write them); a lower-case name of three letters; and 'Nasa', 'Lego',
    'Ikea', which English writes so.
    """
    yield from _look_up(context, WORDED, _brand_starts(), _brands, _right_brand)


@functools.cache
def _brand_starts() -> frozenset[str]:
    """The first words of the wrong spellings: a text without one needs no look-up.

    Read from a generated string, so that a résumé without a misspelt brand
    never builds :func:`brand_tables` (2 ms of a run).
    """
    from resumefmt.lint_rules.wording._brands import FIRST_WORDS

    curated = {wrong.split(".", 1)[0] for wrongs in BRANDS.values() for wrong in wrongs}
    return frozenset(FIRST_WORDS.split()) | curated


def _right_brand(wrong: str) -> str:
    """The fix of a wrong spelling: the brand as its owner writes it."""
    return brand_tables()[0][wrong]


def _brands(text: str, subject: str) -> Iterator[tuple[int, int, str]]:
    """Wrong spellings of brand names: words of ``subject`` (masked), not part of a host or path."""
    right, starts = brand_tables()
    after = 0
    for match in WORD.finditer(subject):
        start = match.start()
        forms = starts.get(match.group())
        if forms is None or start < after or (start and text[start - 1] in "./@-"):
            continue
        for wrong in forms:
            end = start + len(wrong)
            if text.startswith(wrong, start) and _ends_word(text, end, "@/-", "."):
                after = end
                yield start, end, f"'{wrong}' is spelled '{right[wrong]}'"
                break
