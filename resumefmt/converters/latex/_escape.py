"""LaTeX escaping: user text in, text that LaTeX prints literally out.

Nothing a user writes can become a command: every character with a meaning to
TeX is replaced by a command that prints it, ligatures that would change what
was typed (``--``, ``''``, ``,,``) are broken, and control characters are
dropped, bidirectional controls too (they would reorder the text in the
source and in what a PDF reader extracts; the converter marks right-to-left
text itself). What the T1 font encoding lacks is mapped to commands that
exist. A long word (an address, an identifier) gets places where the line may
break, so it cannot run off the page.

For xelatex, text in another script is also wrapped in the command that sets
its font and direction (``_fonts``): the plan of the document being rendered
is in :data:`PLAN`.
"""

from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar

from resumefmt.converters._common import INVISIBLE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from resumefmt.converters.latex._fonts import Plan

#: The fonts of the document being rendered for xelatex; None for pdflatex (and
#: for escaping outside a rendering), which needs no font commands.
PLAN: ContextVar[Plan | None] = ContextVar("PLAN", default=None)


class Latex(str):
    """Text that is already LaTeX; the template's output filter leaves it alone."""

    __slots__ = ()


_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    '"': r"\textquotedbl{}",
    "`": r"\textasciigrave{}",
    # "[" after \item or \\ would open an optional argument
    "[": "{[}",
    "]": "{]}",
    "\n": " ",
    "\t": " ",
    "\r": " ",
    "\u2028": " ",
    "\u2029": " ",
}
# Typographic characters, as commands that pdflatex (T1/TS1) and xelatex (TU) both know.
_TYPOGRAPHY = {
    "\u00a0": "~",
    "\u2013": r"\textendash{}",
    "\u2014": r"\textemdash{}",
    "\u2018": r"\textquoteleft{}",
    "\u2019": r"\textquoteright{}",
    "\u201c": r"\textquotedblleft{}",
    "\u201d": r"\textquotedblright{}",
    "\u2026": r"\textellipsis{}",
    "\u00d7": r"\texttimes{}",
    "\u00f7": r"\textdiv{}",
    "\u00b1": r"\textpm{}",
    "\u2212": r"\textminus{}",
    "\u2192": r"\textrightarrow{}",
    "\u2190": r"\textleftarrow{}",
    "\u2022": r"\textbullet{}",
    "\u00b7": r"\textperiodcentered{}",
    "\u00b0": r"\textdegree{}",
    "\u20ac": r"\texteuro{}",
    "\u2265": r"\ensuremath{\geq}",
    "\u2264": r"\ensuremath{\leq}",
    "\u2260": r"\ensuremath{\neq}",
    "\u2248": r"\ensuremath{\approx}",
    "\u221e": r"\ensuremath{\infty}",
    "\u2191": r"\ensuremath{\uparrow}",
    "\u2193": r"\ensuremath{\downarrow}",
}
_TABLE = {**_SPECIALS, **_TYPOGRAPHY}
# Dropped: invisible characters (tab, newline and CR become spaces), and the
# zero-width ones T1 has no glyph for.
_CONTROLS = re.compile(f"(?![\\t\\n\\r])[{INVISIBLE}\\u200b\\ufeff]")
_PATTERN = re.compile("[" + re.escape("".join(_TABLE)) + "]|-(?=-)|'(?=')|,(?=,)")
_LIGATURE_BREAK = {"-": "-{}", "'": "'{}", ",": ",{}"}
#: A word this long may not fit a line (an address, an identifier, a hash):
#: it may break after the punctuation in it, as addresses are broken ...
LONG_WORD = 24
#: ... and, where it has none, every this many characters (a natural word is
#: shorter, and keeps TeX's hyphenation).
LONGEST_RUN = 32
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD},}}")
_BREAK_AFTER = frozenset("/.-_?&=#,;:@+%~|\\")
_BREAK = r"\allowbreak{}"


def escape(text: str) -> Latex:
    """``text`` as LaTeX that prints it literally (a newline becomes a space)."""
    # Control characters go first, so that "-\x1f-" cannot become a "--" dash.
    text = _CONTROLS.sub("", text)
    plan = PLAN.get()
    if plan is None or text.isascii():
        return Latex(_escape_words(text))
    out = []
    for _run, wrap, parts in plan.pieces(text):
        inner = "".join(
            r"\rfsym{" + _escape_words(part) + "}" if symbols else _escape_words(part)
            for part, symbols in parts
        )
        out.append(f"\\rf{wrap}{{{inner}}}" if wrap else inner)
    return Latex("".join(out))


def drop_controls(text: str) -> tuple[str, Sequence[int]]:
    """``text`` without what :func:`escape` drops, and where in ``text`` each character kept is."""
    if not _CONTROLS.search(text):
        return text, range(len(text))
    kept = [i for i, char in enumerate(text) if not _CONTROLS.fullmatch(char)]
    return "".join(text[i] for i in kept), kept


def _escape_words(text: str) -> str:
    """Escaped ``text`` (controls already dropped), long words given places to break."""
    out = []
    last = 0
    for word in _LONG_WORD.finditer(text):
        out.append(_escape(text[last : word.start()]))
        # Each piece is escaped alone: a break between two "-" keeps them two hyphens.
        out.append(_BREAK.join(_escape(piece) for piece in _pieces(word.group())))
        last = word.end()
    out.append(_escape(text[last:]))
    return "".join(out)


def _escape(text: str) -> str:
    return _PATTERN.sub(_replace, text)


def _pieces(word: str) -> list[str]:
    """``word`` cut after each run of punctuation, and where :data:`LONGEST_RUN` passed uncut."""
    pieces = []
    start = 0  # where the piece being built starts
    for index, char in enumerate(word[:-1]):
        following = word[index + 1]
        run = index + 1 - start
        after_punctuation = char in _BREAK_AFTER and following not in _BREAK_AFTER
        # never between a letter and its accent
        if (after_punctuation or run >= LONGEST_RUN) and not unicodedata.combining(following):
            pieces.append(word[start : index + 1])
            start = index + 1
    pieces.append(word[start:])
    return pieces


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    return _TABLE.get(char) or _LIGATURE_BREAK[char]


# Inside \href{...}, even in another command's argument, hyperref wants "\#",
# "\%" and "\&"; "$" and "_" pass as they are (checked in the PDF's link).
# Everything else TeX could read as markup, and what is not ASCII, is
# percent-encoded, which names the same address.
_URL_KEEP = re.compile(r"[A-Za-z0-9\-._:/?=@+,;!*'()&$]")


def escape_url(url: str) -> Latex:
    """``url`` for the first argument of ``\\href``, even inside another command."""
    out = []
    for char in url:
        if _URL_KEEP.match(char):
            out.append(char)
        elif char == "%":
            out.append(r"\%")
        elif char == "#":
            out.append(r"\#")
        else:
            out.append("".join(f"\\%{byte:02X}" for byte in char.encode("utf-8")))
    return Latex("".join(out).replace("&", r"\&"))


# Unicode blocks of Chinese, Japanese and Korean text (xeCJK sets these).
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f"
    "\u3190-\u31ff\u3200-\u32ff\u3300-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
# Code points pdflatex prints with inputenc utf8 and fontenc T1/TS1, from TeX
# Live's t1enc.dfu and ts1enc.dfu; anything else needs xelatex.
_PDFLATEX_RANGES = (
    (0x00A0, 0x017E), (0x0192, 0x0192), (0x01C4, 0x01D4), (0x01E2, 0x01E3),
    (0x01E6, 0x01EB), (0x01F0, 0x01F0), (0x01F4, 0x01F5), (0x0218, 0x021B),
    (0x0232, 0x0233), (0x0237, 0x0237), (0x02C7, 0x02C7), (0x02D8, 0x02D9),
    (0x02DB, 0x02DB), (0x02DD, 0x02DD), (0x1E02, 0x1E03), (0x1E0D, 0x1E0D),
    (0x1E1E, 0x1E21), (0x1E25, 0x1E25), (0x1E30, 0x1E31), (0x1E37, 0x1E37),
    (0x1E43, 0x1E43), (0x1E45, 0x1E45), (0x1E47, 0x1E47), (0x1E5B, 0x1E5B),
    (0x1E63, 0x1E63), (0x1E6D, 0x1E6D), (0x1E8E, 0x1E91), (0x1E9E, 0x1E9E),
    (0x1EF2, 0x1EF3), (0x2010, 0x2016), (0x2018, 0x201A), (0x201C, 0x201E),
    (0x2020, 0x2022), (0x2030, 0x2031), (0x2039, 0x203B), (0x20AC, 0x20AC),
    (0x2122, 0x2122),
)  # fmt: skip
_MISSING_IN_T1 = (0x00B8, 0x0126, 0x0127, 0x0138, 0x013F, 0x0140, 0x0149, 0x0166, 0x0167)


def pdflatex_can_print(char: str) -> bool:
    """Whether pdflatex with T1/TS1 prints ``char`` (after :func:`escape`)."""
    code = ord(char)
    if code < 0xA0 or char in _TABLE:
        return True
    if code in _MISSING_IN_T1:
        return False
    return any(low <= code <= high for low, high in _PDFLATEX_RANGES)


def engine_for(strings: Iterable[str]) -> tuple[str, bool]:
    """``(engine, cjk)``: pdflatex unless some text needs xelatex (CJK or a rarer script)."""
    cjk = False
    engine = "pdflatex"
    for text in strings:
        if text.isascii():
            continue
        text = _CONTROLS.sub("", text)  # what escape() drops needs no engine
        if not cjk and _CJK.search(text):
            cjk = True
            engine = "xelatex"
        elif engine == "pdflatex" and not all(pdflatex_can_print(c) for c in text):
            engine = "xelatex"
    return engine, cjk
