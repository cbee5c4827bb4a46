"""The font that sets each character of the xelatex output, and the check that there is one.

xelatex prints a character its font lacks as nothing, with only a line in the
log, so the converter decides every font itself and refuses (RF070) what none
of them draws, before TeX runs. The fonts are those of Debian's TeX Live and
font packages, and their coverage is a table (``_coverage``), so the output
is the same wherever it is made:

- Latin text in Latin Modern, the look of the pdflatex output; when the text
  has letters Latin Modern lacks (Greek, Cyrillic ...) all of it is in DejaVu
  Serif (with DejaVu Sans Mono for code), so that words do not mix fonts;
- CJK through xeCJK in Noto Serif CJK, in the regional forms the text's
  script points to (``\\rfja``, ``\\rfko``, ``\\rftc``; Simplified Chinese
  by default), with the spaces written between words (Korean needs them);
- Arabic, Persian and Hebrew right to left through babel (``\\rfar``,
  ``\\rffa``, ``\\rfhe``), in DejaVu Sans, where the Unicode bidirectional
  algorithm puts it (:func:`~resumefmt.converters._scripts.rtl_stretches`);
- any other character the main font lacks (✓, ★, some emoji) in DejaVu Sans
  (``\\rfsym``), upright as the right-to-left text (its italic has no Arabic).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import cache

from resumefmt.converters._scripts import cjk_spans, in_rtl_script, rtl_language, rtl_stretches

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from resumefmt.diagnostics import Diagnostic
    from resumefmt.loader import Document

#: The wrapping command of a run of text in another script, by language (prefix ``\\rf``).
WRAPS = {"ja": "ja", "ko": "ko", "zh-TW": "tc", "ar": "ar", "fa": "fa", "he": "he"}
#: The babel language of each right-to-left command.
_BABEL = {"ar": "arabic", "fa": "persian", "he": "hebrew"}
#: A run of characters set in DejaVu Sans because the main font lacks them.
SYMBOLS = "sym"
#: Where to turn when the LaTeX output cannot print a character.
ADVICE = "convert --to pdf, which uses any installed font, or write it another way"


class Plan:
    """The fonts a document's xelatex preamble sets up, and how its text is cut into them.

    ``main`` is ``lm`` (Latin Modern) or ``dejavu``; ``cjk`` whether xeCJK is
    loaded; ``wraps`` the commands the text uses (see :data:`WRAPS`, :data:`SYMBOLS`).
    """

    __slots__ = ("cjk", "main", "wraps")

    def __init__(self, *, cjk: bool, main: str = "lm", wraps: Iterable[str] = ()) -> None:
        self.cjk = cjk
        self.main = main
        self.wraps = frozenset(wraps)

    def pieces(self, text: str) -> list[tuple[str, str | None, list[tuple[str, bool]]]]:
        """``text`` as ``(run, wrap, parts)``: each run is in one language (``wrap``, or
        None), and each of its parts ``(text, symbols)`` in the main font or, when
        ``symbols``, in DejaVu Sans. Characters no font draws are left where they are
        (:func:`plan` refuses them first)."""
        out: list[tuple[str, str | None, list[tuple[str, bool]]]] = []
        for start, end, language in _language_runs(text):
            run = text[start:end]
            if language is not None and language not in ("ja", "ko", "zh-TW", "zh-CN"):
                out.append((run, WRAPS[language], [(run, False)]))  # right to left: one font
                continue
            parts: list[tuple[str, bool]] = []
            for cluster, font in _clusters(run, self.cjk, self.main):
                symbols = font == SYMBOLS
                if parts and parts[-1][1] == symbols:
                    parts[-1] = (parts[-1][0] + cluster, symbols)
                else:
                    parts.append((cluster, symbols))
            out.append((run, WRAPS.get(language or ""), parts))
        return out


@cache
def _table(name: str) -> tuple[list[int], list[int]]:
    from resumefmt.converters.latex import _coverage

    ranges: tuple[tuple[int, int], ...] = getattr(_coverage, name)
    return [a for a, _ in ranges], [b for _, b in ranges]


def draws(name: str, char: str) -> bool:
    """Whether the fonts of table ``name`` (in ``_coverage``) all draw ``char``."""
    firsts, lasts = _table(name)
    code = ord(char)
    i = bisect_right(firsts, code) - 1
    return i >= 0 and code <= lasts[i]


_MAIN = {"lm": "LATIN_MODERN", "dejavu": "DEJAVU_SERIF"}
#: Set without a glyph of the text font: a tie, math, line ends (escape's table).
_NO_GLYPH = frozenset("\u00a0\n\t\r\u2028\u2029\u2265\u2264\u2260\u2248\u221e\u2191\u2193")
#: Unicode's default ignorable code points (DerivedCoreProperties.txt): joiners,
#: variation selectors, fillers, tags. The shaper hides them; a font lacking
#: one costs a line in the log, nothing on the page.
_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)  # fmt: skip


def needs_glyph(char: str) -> bool:
    """Whether xelatex prints ``char`` with a glyph of the current font.

    Not ASCII (every font here has it), not what escaping turns into math or
    space, not a control or a default ignorable character. Unicode spaces
    other than the ASCII and no-break ones do: XeTeX prints them as the
    font's glyphs.
    """
    if char.isascii() or char in _NO_GLYPH or unicodedata.category(char) == "Cc":
        return False
    code = ord(char)
    return not any(low <= code <= high for low, high in _IGNORABLE)


def _joins(char: str) -> bool:
    """Whether ``char`` belongs with the character before it (marks, joiners, selectors)."""
    return unicodedata.category(char)[0] == "M" or (not char.isascii() and not needs_glyph(char))


def _language_runs(text: str) -> list[tuple[int, int, str | None]]:
    """``text`` cut where its language changes: CJK runs, right-to-left stretches, the rest."""
    marked = [(a, b, rtl_language(text[a:b])) for a, b in rtl_stretches(text)]
    marked += cjk_spans(text)  # CJK letters are left to right: never inside a stretch
    out: list[tuple[int, int, str | None]] = []
    at = 0
    for start, end, language in sorted(marked):
        if start > at:
            out.append((at, start, None))
        out.append((start, end, language))
        at = end
    if at < len(text) or not out:
        out.append((at, len(text), None))
    return out


def _clusters(text: str, cjk: bool, main: str) -> list[tuple[str, str | None]]:
    """``text`` (left to right) as ``(cluster, font)``: a character with its marks, and
    ``main``, ``cjk``, :data:`SYMBOLS` or None (no font draws it). A stretch of ASCII
    is one cluster: every font has it."""
    out: list[tuple[str, str | None]] = []
    at, end = 0, len(text)
    while at < end:
        stop = at
        while stop < end and text[stop].isascii() and not _joins_next(text, stop):
            stop += 1
        if stop > at:
            out.append((text[at:stop], "main"))
            at = stop
            continue
        stop = at + 1
        while stop < end and _joins(text[stop]):
            stop += 1
        out.append((text[at:stop], _font(text[at:stop], cjk, main)))
        at = stop
    return out


def _joins_next(text: str, at: int) -> bool:
    """Whether the character after ``at`` belongs with it."""
    return at + 1 < len(text) and not text[at + 1].isascii() and _joins(text[at + 1])


def _font(cluster: str, cjk: bool, main: str) -> str | None:
    wanted = [c for c in cluster if needs_glyph(c)]
    if not wanted:
        return "main"
    if cjk and draws("XECJK", wanted[0]):  # xeCJK sets these in the CJK font, marks and all
        return "cjk" if all(draws("NOTO_CJK", c) for c in wanted) else None
    if all(draws(_MAIN[main], c) for c in wanted):
        return "main"
    if all(draws("DEJAVU_SANS", c) for c in wanted):
        return SYMBOLS
    return None


def _undrawn(text: str, cjk: bool, main: str) -> Iterable[tuple[int, str]]:
    """``(offset, reason)`` of each character in ``text`` that no font of the plan draws."""
    for start, end, language in _language_runs(text):
        if language in ("ar", "fa", "he"):
            for offset in range(start, end):
                char = text[offset]
                bidi = unicodedata.bidirectional(char)
                if bidi in ("R", "AL") and not in_rtl_script(char):
                    yield offset, "rtl"
                elif needs_glyph(char) and not _drawn_right_to_left(char, cjk):
                    yield offset, "font"
            continue
        at = start
        for cluster, font in _clusters(text[start:end], cjk, main):
            if font is None:
                for i, char in enumerate(cluster):
                    if needs_glyph(char) and not _drawn_alone(char, cjk, main):
                        yield at + i, "font"
                        break
                else:  # each draws alone, not together: the marks are what is missing
                    yield at + len(cluster) - 1, "font"
            at += len(cluster)


def _drawn_right_to_left(char: str, cjk: bool) -> bool:
    if cjk and draws("XECJK", char):  # xeCJK sets it in the CJK font, even there
        return draws("NOTO_CJK", char)
    return draws("DEJAVU_SANS", char)


def _drawn_alone(char: str, cjk: bool, main: str) -> bool:
    return _font(char, cjk, main) is not None


def _wants_dejavu(text: str, cjk: bool) -> bool:
    """Whether ``text`` has a letter DejaVu Serif draws and Latin Modern does not."""
    for start, end, language in _language_runs(text):
        if language in ("ar", "fa", "he"):
            continue
        for char in text[start:end]:
            if not needs_glyph(char) or (cjk and draws("XECJK", char)):
                continue
            if not draws("LATIN_MODERN", char) and draws("DEJAVU_SERIF", char):
                return True
    return False


def plan(document: Document, cjk: bool, labels: Iterable[str] = ()) -> Plan:
    """The fonts of a document that needs xelatex; :class:`DocumentError` (RF070) for
    each character none of them draws, at the place it is written (``labels``, the
    words printed around the text, at ``/labels``)."""
    from resumefmt.converters.latex._escape import drop_controls
    from resumefmt.converters.typst._fonts import printed

    strings = [*printed(document.data), *(("/labels", label) for label in labels)]
    texts = [(pointer, *drop_controls(text)) for pointer, text in strings]
    texts = [(pointer, text, kept) for pointer, text, kept in texts if not text.isascii()]
    main = "dejavu" if any(_wants_dejavu(text, cjk) for _, text, _ in texts) else "lm"
    chosen = Plan(cjk=cjk, main=main)
    right_to_left = symbols = False
    missing: dict[str, list[tuple[str, int, str]]] = {}
    for pointer, text, kept in texts:
        for offset, reason in _undrawn(text, cjk, main):
            missing.setdefault(text[offset], []).append((pointer, kept[offset], reason))
        for _run, wrap, parts in chosen.pieces(text):
            right_to_left = right_to_left or wrap in _BABEL
            symbols = symbols or any(in_symbols for _, in_symbols in parts)
    if missing:
        from resumefmt.errors import DocumentError

        raise DocumentError(_diagnostics(document, missing))
    # Every command of a family: a part of a string (a rich-text span) may be
    # in another language of it than the whole (Traditional Chinese beside
    # kana, Arabic beside Persian).
    wraps = {"ja", "ko", "tc"} if cjk else set()
    wraps |= set(_BABEL) if right_to_left else set()
    wraps |= {SYMBOLS} if symbols else set()
    return Plan(cjk=cjk, main=main, wraps=wraps)


def _diagnostics(
    document: Document, missing: dict[str, list[tuple[str, int, str]]]
) -> list[Diagnostic]:
    from resumefmt import codes
    from resumefmt.converters.typst._fonts import describe
    from resumefmt.diagnostics import Diagnostic, sort_diagnostics
    from resumefmt.linter import locate_finding
    from resumefmt.rules import Finding

    out = []
    for char, places in missing.items():
        for pointer, offset, reason in _first_per_field(places):
            if reason == "rtl":
                message = (
                    f"the LaTeX output sets only Arabic, Persian and Hebrew right to left, "
                    f"not {describe(char)}: {ADVICE}"
                )
            else:
                message = (
                    f"none of the fonts of the LaTeX output (Latin Modern, DejaVu, Noto CJK) "
                    f"draws {describe(char)}: {ADVICE}"
                )
            where = locate_finding(document, Finding(pointer, message, offset, offset + 1))
            out.append(Diagnostic.of(codes.MISSING_GLYPH, where, message))
    return sort_diagnostics(out)


def _first_per_field(places: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Where a character is first written in each field (one line per field is enough)."""
    seen: set[str] = set()
    out = []
    for place in places:
        if place[0] not in seen:
            seen.add(place[0])
            out.append(place)
    return out


def describe_plan(chosen: Plan) -> dict[str, Any]:
    """What the ``fonts.tex.j2`` template reads: the fonts and the commands to define."""
    order = ("ja", "ko", "tc", "ar", "fa", "he", SYMBOLS)
    return {
        "main": chosen.main,
        "cjk": chosen.cjk,
        "wraps": [w for w in order if w in chosen.wraps],
        "rtl": [(w, _BABEL[w]) for w in _BABEL if w in chosen.wraps],
    }
