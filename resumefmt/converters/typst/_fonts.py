"""The fonts the Typst engine gets, and the check that every printed character has one.

Typst embeds Libertinus Serif, New Computer Modern and DejaVu Sans Mono, and
resumefmt ships Noto Sans: together they draw Latin, Greek and Cyrillic
(:mod:`._coverage` lists what they draw). A résumé written only in those
needs no other font, and Typst is told to skip the system's, which saves
its scan of them. Anything else (CJK, Arabic, emoji ...) comes from the
system's fonts or ``--font-path`` folders; a character that none of them
draws would print as an empty box, so it is an error instead, at the place
it is written.
"""

from __future__ import annotations

import os
import unicodedata
from bisect import bisect_right

from resumefmt.errors import DocumentError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from resumefmt.loader import Document

#: The fonts resumefmt ships (Noto Sans, for the sans theme).
SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fonts")
#: Where to get fonts, for the message about a character no font draws.
FONT_ADVICE = (
    "install a font that has it (Debian: fonts-noto-core for most scripts, fonts-noto-cjk "
    "for Chinese, Japanese and Korean, fonts-noto-color-emoji for emoji) or pass "
    "--font-path DIR with one, or write it another way"
)


def _always() -> tuple[list[int], list[int]]:
    from resumefmt.converters.typst._coverage import RANGES

    return [a for a, _ in RANGES], [b for _, b in RANGES]


def always_drawn(code: int, table: tuple[list[int], list[int]]) -> bool:
    """Whether the fonts that are always there draw ``code``."""
    firsts, lasts = table
    i = bisect_right(firsts, code) - 1
    return i >= 0 and code <= lasts[i]


def needs_glyph(char: str) -> bool:
    """Whether a character is drawn (spaces, controls and variation selectors are not)."""
    if char.isspace():
        return False
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return False
    code = ord(char)
    return not (0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


def printed(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """``(pointer, text)`` of every string of the document, ``x-`` extensions left out."""
    if isinstance(node, str):
        yield pointer, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("x-"):
                yield from printed(value, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from printed(item, f"{pointer}/{index}")


def check_dirs(font_paths: list[str]) -> None:
    """A ``--font-path`` that is not a folder is a usage error (exit 2)."""
    for path in font_paths:
        if not os.path.isdir(path):
            what = "does not exist" if not os.path.exists(path) else "is not a folder"
            raise UsageError(f"font folder '{path}' {what}")


def font_setup(
    document: Document, font_paths: list[str], labels: Iterable[str] = ()
) -> tuple[Any, str | None]:
    """``(font_paths, first)`` for ``typst.Compiler``: ``first`` is the pointer of the
    first text that needs the system's fonts, None when they are not loaded.

    Raises :class:`DocumentError` (exit 1) naming each character that no
    font draws, where it is first written in each field. ``labels`` are the
    words printed around the text (Chinese section titles need the CJK fonts
    too), at ``/labels``.
    """
    check_dirs(font_paths)
    folders = [SHIPPED, *font_paths]
    table = _always()
    wanted: dict[int, list[tuple[str, int]]] = {}
    for pointer, text in [*printed(document.data), *(("/labels", t) for t in labels)]:
        seen: set[int] = set()
        for offset, char in enumerate(text):
            code = ord(char)
            if code in seen or always_drawn(code, table) or not needs_glyph(char):
                continue
            seen.add(code)
            wanted.setdefault(code, []).append((pointer, offset))
    if not wanted:
        return folders, None
    import typst

    fonts = typst.Fonts(include_system_fonts=True, font_paths=folders)
    missing = _not_drawn(fonts, set(wanted))
    if missing:
        raise DocumentError(_diagnostics(document, {c: wanted[c] for c in missing}))
    first = min((places[0] for places in wanted.values()), key=lambda place: place[0])
    return fonts, first[0]


def _not_drawn(fonts: Any, codes: set[int]) -> set[int]:
    """The code points that none of ``fonts`` draws (a face that cannot be read draws none)."""
    from resumefmt.converters.typst._cmap import FontFileError, covered

    remaining = set(codes)
    faces = sorted({(f.path, f.index) for f in fonts.fonts() if f.path}, key=_cjk_first)
    for path, index in faces:
        try:
            remaining -= covered(path, index, remaining)
        except (OSError, FontFileError):
            continue
        if not remaining:
            break
    return remaining


def _cjk_first(face: tuple[str, int]) -> tuple[int, str, int]:
    """Big collections first: one Noto CJK file draws most of what the embedded fonts lack."""
    path, index = face
    return (0 if "CJK" in os.path.basename(path) else 1, path, index)


def describe(char: str) -> str:
    """``'ᚠ' (U+16A0 RUNIC LETTER FEHU FEOH FE F)``."""
    name = unicodedata.name(char, "")
    return f"'{char}' (U+{ord(char):04X}{' ' + name if name else ''})"


def _diagnostics(document: Document, missing: dict[int, list[tuple[str, int]]]) -> list[Any]:
    from resumefmt import codes
    from resumefmt.diagnostics import Diagnostic, sort_diagnostics
    from resumefmt.linter import locate_finding
    from resumefmt.rules import Finding

    out = []
    for code, places in missing.items():
        message = f"no available font draws {describe(chr(code))}: {FONT_ADVICE}"
        for pointer, offset in places:
            where = locate_finding(document, Finding(pointer, message, offset, offset + 1))
            out.append(Diagnostic.of(codes.MISSING_GLYPH, where, message))
    return sort_diagnostics(out)
