"""Which language a run of text is in, where the script alone tells (CJK, Arabic, Hebrew).

Typst and LaTeX pick glyph forms and line breaking by the text's language,
and the right CJK font differs by region (Simplified and Traditional Chinese,
Japanese and Korean draw the same code point differently). Format 1.0 has no
field for the document's language, so the script decides: kana makes a
string Japanese, Hangul Korean, Han alone Chinese, Traditional when it uses a
character only Traditional Chinese writes. Arabic-script text with a letter
only Persian uses is Persian.

Typst lays out right-to-left text itself; LaTeX is told where it is
(:func:`rtl_stretches`, the Unicode bidirectional algorithm's answer).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff"
_HAN = (
    "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003ffff"
)
_CJK_PUNCT = "\u3000-\u303f\uff00-\uff65\uffe0-\uffef"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_HEBREW = "\u0590-\u05ff\ufb1d-\ufb4f"

_KANA_RE = re.compile(f"[{_KANA}]")
_HANGUL_RE = re.compile(f"[{_HANGUL}]")
_HAN_RE = re.compile(f"[{_HAN}]")
_CJK = f"{_KANA}{_HANGUL}{_HAN}{_CJK_PUNCT}"
#: A run of CJK text, with the spaces between its words (Korean keeps them).
_CJK_RUN = f"[{_CJK}]+(?:\\s+[{_CJK}]+)*"


# Compiled when first used (a few milliseconds each): Typst reads runs, LaTeX CJK spans.
@cache
def _run_re() -> re.Pattern[str]:
    """A run of one script family."""
    return re.compile(
        f"(?P<cjk>{_CJK_RUN})"
        f"|(?P<arabic>[{_ARABIC}]+(?:[\\s\u200c\u200d]+[{_ARABIC}]+)*)"
        f"|(?P<hebrew>[{_HEBREW}]+(?:\\s+[{_HEBREW}]+)*)"
    )


@cache
def _cjk_re() -> re.Pattern[str]:
    return re.compile(f"[{_CJK}]+")


_ARABIC_RE = re.compile(f"[{_ARABIC}]")
_HEBREW_RE = re.compile(f"[{_HEBREW}]")
#: Letters Persian writes and Arabic does not.
_PERSIAN = frozenset("\u067e\u0686\u0698\u06af\u06a9\u06cc")
#: Common characters that only Traditional Chinese writes (their Simplified forms differ).
_TRADITIONAL = frozenset(
    "們這個為國學會說對時與發經過後來開關長門間問題實現東車體區點將從還動應當進書業產華電話號"
    "機買賣員頭場氣見聽讀寫語計認識記處錢給變總線網樣頁類選擇專術設灣臺覽歡樂職務歷師範資訊軟"
    "雲藝術負責參與團隊優質項圖際層級護營銷導獎證輔邊節與歲愛"
)


def cjk_language(text: str) -> str | None:
    """``ja``, ``ko``, ``zh-TW``, ``zh-CN`` or None, for the CJK text in ``text``."""
    if _KANA_RE.search(text):
        return "ja"
    if _HANGUL_RE.search(text):
        return "ko"
    if _HAN_RE.search(text):
        return "zh-TW" if _TRADITIONAL.intersection(text) else "zh-CN"
    return None


def runs(text: str) -> list[tuple[str, str | None]]:
    """``text`` cut into runs with the language their script says (None: the document's)."""
    out: list[tuple[str, str | None]] = []
    cjk = cjk_language(text)
    at = 0
    for match in _run_re().finditer(text):
        if match.start() > at:
            out.append((text[at : match.start()], None))
        run = match.group()
        if match.lastgroup == "cjk":
            language = cjk
        elif match.lastgroup == "arabic":
            language = "fa" if _PERSIAN.intersection(run) else "ar"
        else:
            language = "he"
        out.append((run, language))
        at = match.end()
    if at < len(text):
        out.append((text[at:], None))
    return out


def cjk_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, language)`` of each run of CJK text in one language in ``text``.

    A word with Hangul is Korean and one with kana Japanese, whatever else the
    string holds; a word of Han alone is in the language of the whole string
    (:func:`cjk_language`), as a Japanese name is beside kana. Neighbouring
    words of one language make one run, with the spaces between them.
    """
    language = cjk_language(text)
    if language is None:
        return []
    out: list[tuple[int, int, str]] = []
    for word in _cjk_re().finditer(text):
        start, end = word.span()
        letters = word.group()
        here = (
            "ko" if _HANGUL_RE.search(letters) else "ja" if _KANA_RE.search(letters) else language
        )
        if out and out[-1][2] == here and text[out[-1][1] : start].isspace():
            out[-1] = (out[-1][0], end, here)
        else:
            out.append((start, end, here))
    return out


def rtl_language(text: str) -> str:
    """``he``, ``fa`` or ``ar``: the language of right-to-left text, by its letters."""
    if _HEBREW_RE.search(text) and not _ARABIC_RE.search(text):
        return "he"
    return "fa" if _PERSIAN.intersection(text) else "ar"


def in_rtl_script(char: str) -> bool:
    """Whether ``char`` is in the Arabic or Hebrew blocks (the right-to-left scripts LaTeX sets)."""
    return bool(_ARABIC_RE.match(char) or _HEBREW_RE.match(char))


#: Bidirectional types the rules below treat as neutral (ES, ET and CS become ON by W6).
_NEUTRAL = frozenset(("B", "S", "WS", "ON"))
_RTL_TYPES = frozenset(("R", "AL", "AN"))
_IGNORED = frozenset(("NSM", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))


def rtl_stretches(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each stretch of ``text`` laid out right to left in a left-to-right line.

    The Unicode bidirectional algorithm's resolved levels (rules W1-W7, N1,
    N2, I1) for a paragraph of direction left to right with no explicit
    embeddings (the converters drop the bidirectional controls): a stretch is
    a run of levels above 0, right-to-left letters or Arabic digits. Digits
    and punctuation between right-to-left words belong to the stretch; a
    Latin letter ends it.
    """
    types = [unicodedata.bidirectional(c) or "L" for c in text]
    if not _RTL_TYPES.intersection(types):
        return []
    # W1, and X9 (boundary neutrals such as ZWNJ, and any explicit control
    # left in, take the type before them).
    previous = "L"
    for i, kind in enumerate(types):
        if kind in _IGNORED:
            types[i] = previous
        previous = types[i]
    # W2, W3: numbers after Arabic letters are Arabic numbers; AL is R.
    strong = "L"
    for i, kind in enumerate(types):
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":
            types[i] = "AN"
    types = ["R" if kind == "AL" else kind for kind in types]
    # W4: one separator between two numbers of a kind joins them.
    for i in range(1, len(types) - 1):
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if before == after == "EN" and kind in ("ES", "CS"):
            types[i] = "EN"
        elif before == after == "AN" and kind == "CS":
            types[i] = "AN"
    # W5: terminators (%, currency) next to European numbers are numbers.
    for i, kind in enumerate(types):
        if kind != "ET":
            continue
        j = i
        while j < len(types) and types[j] == "ET":
            j += 1
        if (i > 0 and types[i - 1] == "EN") or (j < len(types) and types[j] == "EN"):
            types[i:j] = ["EN"] * (j - i)
    # W6: the remaining separators and terminators are neutral.
    types = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]
    # W7: European numbers after Latin letters (or at the start) are left to right.
    strong = "L"
    for i, kind in enumerate(types):
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[i] = "L"
    # N1, N2: a run of neutrals between two of one direction takes it (numbers
    # count as right to left); any other run is left to right, the paragraph's.
    direction = ["R" if kind in ("R", "EN", "AN") else kind for kind in types]
    i = 0
    while i < len(direction):
        if direction[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(direction) and direction[j] in _NEUTRAL:
            j += 1
        before = direction[i - 1] if i > 0 else "L"
        after = direction[j] if j < len(direction) else "L"
        direction[i:j] = [before if before == after else "L"] * (j - i)
        i = j
    # I1: what is not left to right has a level above 0.
    out = []
    start = None
    for i, kind in enumerate([*direction, "L"]):
        if kind != "L" and start is None:
            start = i
        elif kind == "L" and start is not None:
            out.append((start, i))
            start = None
    return out
