"""The ``format`` rules (RF170-RF173): how bullets and fields are typed, not what they say."""

from __future__ import annotations

import re

from resumefmt.lint_rules._examples import bullets, field
from resumefmt.model import BULLETS
from resumefmt.rules import Finding, Fix, Option, pattern_rule, rule

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
_STOP = ".!?"
_OPEN_ENDS = (":", ";", ",", "…", "...")  # cut off or dangling: the wording rules say so
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

    The bullets of one list end alike: all with a full stop, or none.
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


def _lengths(context: Context) -> list[tuple[str, int]]:
    """``(pointer, printed length)`` of each bullet, once per document for both rules."""

    def compute() -> list[tuple[str, int]]:
        from resumefmt.richtext import parse, plain

        return [
            (ptr, len(" ".join(plain(parse(text)).split())))
            for ptr, text in context.strings(*BULLETS)
        ]

    found: list[tuple[str, int]] = context.memo("format.lengths", compute)
    return found


@rule(
    "RF171",
    "format.bullet-too-long",
    options={"max-characters": Option(300, minimum=1, maximum=10_000)},
    reports=(bullets("Cut build time by caching dependencies and test results. " * 6),),
    passes=(bullets("**Build:** Cut CI time from 40 to 12 minutes by caching."),),
)
def bullet_too_long(context: Context) -> Iterator[Finding]:
    """A bullet longer than ``max-characters`` (default 300) as printed.

    Characters, not words: they measure printed lines in any language. On a
    page set at 10-11 pt a line holds some 90-100 characters, so 300 is about
    three lines, the most a reader takes in at a glance. Markup does not
    count; the text of links does.
    """
    limit = int(context.options["max-characters"])
    for ptr, size in _lengths(context):
        if size > limit:
            yield Finding(
                ptr, f"this bullet is {size} characters long (limit {limit}): split or cut it", 0
            )


@rule(
    "RF172",
    "format.bullet-too-short",
    options={
        "min-characters": Option(20, minimum=0, maximum=10_000, at_most="RF171:max-characters")
    },
    reports=(bullets("Wrote tests."),),
    passes=(bullets("Developed payment systems."),),
)
def bullet_too_short(context: Context) -> Iterator[Finding]:
    """A bullet shorter than ``min-characters`` (default 20) as printed.

    Twenty characters is three or four words: less cannot say what was done
    and what came of it. Merge such a bullet into another, or say more.
    """
    limit = int(context.options["min-characters"])
    for ptr, size in _lengths(context):
        if size < limit:
            yield Finding(
                ptr, f"this bullet is only {size} characters long (at least {limit}): say more", 0
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


stray_whitespace = pattern_rule(
    "RF173",
    "format.stray-whitespace",
    """Two spaces in a row, a tab, or a space at the start or end of a text.

    Spaces a reader does not see but a converter may print: two or more spaces
    between words (also a space left at the end of a line that YAML folds into
    the next), a tab, and a space at the start or end of a quoted value.
    Indentation inside a literal block (``|``) is left alone.
    """,
    pattern=_WHITESPACE,
    message=_whitespace,
    fix=_printed_whitespace,
    fields=("**",),
    hint=_stray,
    reports=(
        bullets("Cut build  time by 40%."),
        field("title", " Deep learning"),
        field("title", "Deep\tlearning"),
    ),
    passes=(bullets("Cut build time by 40%. Shipped it."), field("title", "Deep learning")),
)

RULES = (mixed_end_punctuation, bullet_too_long, bullet_too_short, stray_whitespace)


def register(registry: Registry) -> None:
    """Register the format rules."""
    registry.add_rules(RULES)
