"""The ``format`` rules (RF170-RF173): how bullets and fields are typed, not what they say."""

from __future__ import annotations

import functools
import re

from resumefmt.lint_rules._examples import bullets, field
from resumefmt.model import BULLETS
from resumefmt.rules import Finding, Fix, Option, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.plugins import Registry
    from resumefmt.rules import Context

#: Lists whose items are compared with each other: highlights, and custom-section items.
LISTS = (*BULLETS, "sections/*/items/*")
# A reference pasted after the last sentence ("… on arXiv. <https://…>") is not
# where the sentence ends; neither are closing marks ("**Done.**", "(… 2x.)").
_TAIL = r"(?:\s*(?:<[^<>\s]+>|[A-Za-z][A-Za-z0-9+.-]*://\S+))+\s*\Z"
_CLOSERS = "*_)]\"'\u201d\u2019`"
_STOP = ".!?\u3002\uff01\uff1f"  # and the full-width stops of CJK text
_OPEN_ENDS = (":", ";", ",", "…", "...")  # cut off or dangling: the wording rules say so
# The blocks of modern Chinese, Japanese and Korean text that Unicode's East Asian
# Width (UAX #11) calls wide or full-width, as ranges (historic scripts such as
# Tangut are left out): unicodedata would cost start-up for a question this small.
_WIDE = (
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
    "\uffe0-\uffe6\U00020000-\U0003fffd]"
)
_WHITESPACE = (
    r"\A(?P<lead>[ \t]+)(?=\S)"
    # The word before the spaces: the engine cannot place a span of spaces alone.
    # (?<!\S): tried from inside a word, \S+ would rescan the rest of it.
    r"|(?<!\S)(?P<word>\S+)"
    r"(?:(?P<trail>[ \t]+)(?=\n|\Z)|(?P<gap>[ \t]*\t[ \t]*| {2,})(?=\S))"
    r"|(?P<tab>\t)"  # a tab that opens a line of a literal block
)


def _ending(text: str) -> tuple[str | None, int]:
    """``("stop"|"bare"|None, offset of the last word)`` of one bullet."""
    linked = "<" in text or "://" in text  # only these can end in a reference
    core = (re.sub(_TAIL, "", text) if linked else text).rstrip()
    last = core.rstrip(_CLOSERS)
    start = max(core.rfind(" "), core.rfind("\n")) + 1
    if not last or last.endswith(_OPEN_ENDS):
        return None, start
    return ("stop" if last[-1] in _STOP else "bare"), start


@rule(
    "RF170",
    "format.mixed-end-punctuation",
    reports=(bullets("Cut build time by 40%.", "Shipped the billing API"),),
    passes=(
        bullets("Cut build time by 40%.", "Shipped it. <https://example.com>"),
        bullets("Cut build time by 40%", "Shipped the billing API"),
    ),
)
def mixed_end_punctuation(context: Context) -> Iterator[Finding]:
    """Some bullets of one list end with a full stop and some do not.

    The bullets of one list end alike: all with a full stop ('.', '!', '?',
    or the full-width stop, exclamation and question marks of Chinese and
    Japanese), or none.
    Bullets that end in ':', ';', ',' or an ellipsis are not counted (the
    wording rules report those), nor a link pasted after the last sentence.
    The style most bullets of the list use wins; on a tie, the first
    bullet's. One finding per list, at the last word of the first bullet
    that differs.
    """
    lists: dict[str, list[tuple[str, str, int]]] = {}
    for ptr, text in context.strings(*LISTS):
        style, start = _ending(text)
        if style is not None:
            lists.setdefault(ptr.rsplit("/", 1)[0], []).append((ptr, style, start))
    for items in lists.values():
        stops = sum(style == "stop" for _, style, _ in items)
        bare = len(items) - stops
        if not stops or not bare:
            continue
        usual = "stop" if stops > bare or (stops == bare and items[0][1] == "stop") else "bare"
        ptr, _, start = next(item for item in items if item[1] != usual)
        if usual == "stop":
            said = f"this bullet has no full stop at the end, but {stops} of the {len(items)}"
        else:
            said = f"this bullet ends with a full stop, but {bare} of the {len(items)}"
        yield Finding(ptr, f"{said} bullets in this list do the other: end them all alike", start)


def _lengths(context: Context) -> list[tuple[str, int, int]]:
    """``(pointer, printed length, printed width)`` of each bullet, once per document.

    The width counts an East Asian wide or full-width character (Chinese,
    Japanese, Korean) as two: it takes the room of two Latin letters on the
    page and says as much as a short word.
    """

    def compute() -> list[tuple[str, int, int]]:
        from resumefmt.richtext import parse, plain

        found = []
        for ptr, text in context.strings(*BULLETS):
            printed = " ".join(plain(parse(text)).split())
            found.append((ptr, len(printed), _width(printed)))
        return found

    found: list[tuple[str, int, int]] = context.memo("format.lengths", compute)
    return found


def _width(text: str) -> int:
    """``len(text)`` with each East Asian wide or full-width character counted twice."""
    if max(text, default=" ") < "\u1100":  # no wide character can be there (a C-speed test)
        return len(text)
    return len(text) + len(_wide().findall(text))


@functools.cache
def _wide() -> re.Pattern[str]:
    """:data:`_WIDE`, compiled for the first text that may hold one (2 ms of a run)."""
    return re.compile(_WIDE)


@rule(
    "RF171",
    "format.bullet-too-long",
    options={"max-characters": Option(300, minimum=1, maximum=10_000)},
    reports=(
        bullets("Cut build time by caching dependencies and test results. " * 6),
        bullets("负责支付系统的后端开发与维护" * 11),
    ),
    passes=(
        bullets("**Build:** Cut CI time from 40 to 12 minutes by caching."),
        bullets("负责支付系统的后端开发与维护" * 10),
    ),
)
def bullet_too_long(context: Context) -> Iterator[Finding]:
    """A bullet longer than ``max-characters`` (default 300) as printed.

    Characters, not words: they measure printed lines in any language. On a
    page set at 10-11 pt a line holds some 90-100 characters, so 300 is about
    three lines, the most a reader takes in at a glance. Markup does not
    count; the text of links does. A Chinese, Japanese or Korean character
    (East Asian wide or full-width) counts as two, as for RF172: it takes the
    room of two Latin letters on the line, so 150 of them fill three lines.
    """
    limit = int(context.options["max-characters"])
    for ptr, size, width in _lengths(context):
        if width > limit:
            wide = f", {width} counting each wide character as two" if width != size else ""
            yield Finding(
                ptr,
                f"this bullet is {size} characters long{wide} (limit {limit}): split or cut it",
                0,
            )


@rule(
    "RF172",
    "format.bullet-too-short",
    options={
        "min-characters": Option(20, minimum=0, maximum=10_000, at_most="RF171:max-characters")
    },
    reports=(bullets("Wrote tests."), bullets("编写了测试。")),
    passes=(bullets("Developed payment systems."), bullets("负责支付系统的后端开发。")),
)
def bullet_too_short(context: Context) -> Iterator[Finding]:
    """A bullet shorter than ``min-characters`` (default 20) as printed.

    Twenty characters is three or four words: less cannot say what was done
    and what came of it. Merge such a bullet into another, or say more.

    A Chinese, Japanese or Korean character (East Asian wide or full-width)
    counts as two: one such character often is a whole word, so a sentence of
    ten of them ("负责支付系统的后端开发") says as much as twenty Latin
    letters and is not reported. The message gives the count in characters.
    """
    limit = int(context.options["min-characters"])
    for ptr, size, width in _lengths(context):
        if width < limit:
            wide = f", {width} counting each wide character as two" if width != size else ""
            yield Finding(
                ptr,
                f"this bullet is only {size} characters long{wide} (at least {limit}): say more",
                0,
            )


def _stray(text: str) -> bool:
    """Whether ``text`` may hold what _WHITESPACE finds: most texts do not, unsearched."""
    return (
        "\t" in text or "  " in text or " \n" in text or text.startswith(" ") or text.endswith(" ")
    )


def _whitespace(match: re.Match[str]) -> str:
    if match.group("lead"):
        return "the text starts with a space: remove it"
    if match.group("trail"):
        where = "text" if match.end() == len(match.string) else "line"
        return f"space after '{match.group('word')}' at the end of the {where}: remove it"
    if match.group("tab"):
        return "a tab: write spaces"
    before = match.group("word")
    if "\t" in match.group("gap"):
        return f"a tab after '{before}': write one space"
    return f"more than one space after '{before}': write one"


def _printed_whitespace(match: re.Match[str]) -> Fix | None:
    """The fix: the spaces as printed, one between words and none at either end.

    None for a tab that opens a line of a literal block (how many spaces it
    stands for is the writer's choice) and inside a code span, where spaces
    print as written.
    """
    text = match.string
    for group, printed in (("lead", ""), ("trail", ""), ("gap", " ")):
        start, end = match.span(group)
        if start >= 0:
            if text.count("`", 0, start) % 2:
                return None
            return Fix(printed, start, end)
    return None


#: Keys whose values no converter prints as text: addresses and dates (their own
#: rules read them), codes the converters turn into words, the format version.
_NOT_PRINTED = frozenset(
    ("url", "repository", "email", "start", "end", "date", "type", "status", "resumefmt")
)


def _printed(pointer: str) -> bool:
    """Whether a converter prints the string at ``pointer`` as it is written."""
    tokens = pointer.split("/")
    if any(token.startswith("x-") or token == "$schema" for token in tokens):
        return False  # the user's own: no converter reads it
    key = next((token for token in reversed(tokens) if not token.isdigit()), "")
    return key not in _NOT_PRINTED


@rule(
    "RF173",
    "format.stray-whitespace",
    fixable=True,
    reports=(
        bullets("Cut build  time by 40%."),
        field("title", " Deep learning"),
        field("title", "Deep\tlearning"),
    ),
    passes=(
        bullets("Cut build time by 40%. Shipped it."),
        field("title", "Deep learning"),
        "work:\n  - organization: Example Corp\n    role: Engineer\n"
        '    start: "2020"\n    end: present\n    x-notes: "Ask  Bob first. "\n',
    ),
)
def stray_whitespace(context: Context) -> Iterator[Finding]:
    """Two spaces in a row, a tab, or a space at the start or end of a text.

    Spaces a reader does not see but a converter prints: two or more spaces
    between words (also a space left at the end of a line that YAML folds
    into the next), a tab, and a space at the start or end of a quoted
    value. The PDF (Typst) prints every space as written, so two spaces make a
    visible gap; Markdown and LaTeX happen to join them, which is why the
    source is the place to fix them.

    Only text a converter prints is read. Not reported: values under ``x-``
    keys (the user's own, never printed), addresses (``url``, ``repository``,
    ``email``: the links rules say what is wrong with them), dates, the
    codes ``type`` and ``status`` (printed as words of their own), the format
    version; and indentation inside a literal block (``|``).
    """
    pattern = _whitespace_pattern()
    for ptr, text in context.strings("**"):
        if not _stray(text) or not _printed(ptr):
            continue
        for match in pattern.finditer(text):
            fix = _printed_whitespace(match)
            yield Finding(ptr, _whitespace(match), match.start(), match.end(), fix=fix)


@functools.cache
def _whitespace_pattern() -> re.Pattern[str]:
    return re.compile(_WHITESPACE)


RULES = (mixed_end_punctuation, bullet_too_long, bullet_too_short, stray_whitespace)


def register(registry: Registry) -> None:
    """Register the format rules."""
    registry.add_rules(RULES)
