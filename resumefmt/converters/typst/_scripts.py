"""Which language a run of text is in, where the script alone tells (CJK, Arabic, Hebrew).

Typst picks glyph forms and line breaking by the text's language, and the
right CJK font differs by region (Simplified and Traditional Chinese,
Japanese and Korean draw the same code point differently). Format 1.0 has no
field for the document's language, so the script decides: kana makes a
string Japanese, Hangul Korean, Han alone Chinese, Traditional when it uses a
character only Traditional Chinese writes. Arabic-script text with a letter
only Persian uses is Persian.
"""

from __future__ import annotations

import re

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
#: A run of one script family, with the spaces between its words (Korean keeps them).
_RUN = re.compile(
    f"(?P<cjk>[{_KANA}{_HANGUL}{_HAN}{_CJK_PUNCT}]+(?:\\s+[{_KANA}{_HANGUL}{_HAN}{_CJK_PUNCT}]+)*)"
    f"|(?P<arabic>[{_ARABIC}]+(?:[\\s\u200c\u200d]+[{_ARABIC}]+)*)"
    f"|(?P<hebrew>[{_HEBREW}]+(?:\\s+[{_HEBREW}]+)*)"
)
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
    for match in _RUN.finditer(text):
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
