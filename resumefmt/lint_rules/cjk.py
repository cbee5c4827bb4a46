"""The ``cjk`` rules (RF190-RF192): Chinese and Japanese text as readers of it expect it.

Chinese and Japanese résumés follow a few conventions English ones have no use
for: a space (or none, but the same everywhere) between Chinese characters and
Latin words, full-width punctuation inside a CJK sentence (``，。：；？！``) and
half-width punctuation inside a Latin one. The rules go by the characters, not
by a language setting: Korean, written with spaces and Western punctuation in
Hangul, is never reported.
"""

from __future__ import annotations

import functools
import re

from resumefmt.lint_rules._examples import bullets
from resumefmt.lint_rules.wording._text import masked
from resumefmt.model import WORDED
from resumefmt.rules import Finding, pattern_rule, rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from resumefmt.plugins import Registry
    from resumefmt.rules import Context

#: Han ideographs (with extension A and compatibility ones), hiragana and katakana.
HAN_KANA = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u309f\u30a0-\u30ff"
_CJK = f"[{HAN_KANA}]"
_FULL_WIDTH = {
    ",": "，",
    ";": "；",
    ":": "：",
    "?": "？",
    "!": "！",
    ".": "。",
    "(": "（",
    ")": "）",
}
_HALF_WIDTH = {v: k for k, v in _FULL_WIDTH.items() if k not in "."}
# A Latin word next to a CJK character, with or without one space between.
_BOUNDARY = f"(?<=[{HAN_KANA}])( ?)(?=[A-Za-z])|(?<=[A-Za-z])( ?)(?=[{HAN_KANA}])"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern of CJK ranges, compiled when a text may hold CJK (2 ms each otherwise)."""
    return re.compile(pattern)


def _has_cjk(text: str) -> bool:
    # max() finds the highest character at C speed: text below U+3040 holds no CJK.
    return max(text, default=" ") >= "\u3040" and _compiled(_CJK).search(text) is not None


def _spacing(context: Context) -> list[tuple[str, int, bool]]:
    """``(pointer, offset, spaced)`` of every CJK-Latin boundary in the document."""

    def compute() -> list[tuple[str, int, bool]]:
        found = []
        for ptr, text in context.strings(*WORDED):
            if not _has_cjk(text):
                continue
            read = masked(context, text)
            for match in _compiled(_BOUNDARY).finditer(read):
                found.append((ptr, match.start(), bool(match.group(1) or match.group(2))))
        return found

    boundaries: list[tuple[str, int, bool]] = context.memo("cjk.spacing", compute)
    return boundaries


@rule(
    "RF190",
    "cjk.inconsistent-spacing",
    reports=(
        bullets("使用 Python 开发后端服务。", "负责用Go重写网关。", "维护 Kubernetes 集群。"),
    ),
    passes=(
        bullets("使用 Python 开发后端服务。", "负责用 Go 重写网关。"),
        bullets("使用Python开发后端服务。", "负责用Go重写网关。"),
    ),
)
def inconsistent_spacing(context: Context) -> Iterator[Finding]:
    """Chinese or Japanese text with a space before Latin words in some places, not in others.

    Both ``使用 Python 开发`` and ``使用Python开发`` are common; a résumé that
    mixes them looks unedited. The rule counts every place where a Chinese or
    Japanese character meets a Latin word and reports the places written the
    less common way (with a tie, those without a space, the style most style
    guides ask for). Digits are not counted: ``3年`` is written without a space.
    """
    boundaries = _spacing(context)
    spaced = sum(1 for _p, _o, s in boundaries if s)
    unspaced = len(boundaries) - spaced
    if not spaced or not unspaced:
        return
    report_spaced = spaced < unspaced
    majority = unspaced if report_spaced else spaced
    for ptr, offset, has_space in boundaries:
        if has_space == report_spaced:
            if has_space:
                message = (
                    f"a space between Chinese or Japanese and a Latin word, where {majority} "
                    "other places have none: remove it"
                )
                yield Finding(ptr, message, offset, offset + 1)
            else:
                message = (
                    f"no space between Chinese or Japanese and a Latin word, where {majority} "
                    "other places have one: add a space"
                )
                yield Finding(ptr, message, max(offset - 1, 0), offset + 1)


def _half_width(match: re.Match[str]) -> str:
    mark = match.group(0)
    return f"half-width '{mark}' in Chinese or Japanese text: write '{_FULL_WIDTH[mark]}'"


halfwidth_punctuation = pattern_rule(
    "RF191",
    "cjk.halfwidth-punctuation",
    """Half-width punctuation (``,`` ``:`` ``(``) inside a Chinese or Japanese sentence.

    Chinese and Japanese sentences take full-width punctuation: ``负责后端开发，
    提升性能。``, ``技术栈：Python``. A comma, colon, semicolon, question or
    exclamation mark, full stop or closing parenthesis right after a Chinese
    or Japanese character (or an opening one right before one) is reported
    with its full-width form. Code, addresses and numbers (``3.5``) are left alone.
    """,
    pattern=f"(?<=[{HAN_KANA}])(?:[,;:?!)]|\\.(?![.\\d]))|\\((?=[{HAN_KANA}])",
    message=_half_width,
    fields=WORDED,
    subject=masked,
    hint=_has_cjk,
    reports=(bullets("负责后端开发,提升了系统性能。"), bullets("技术栈:Python、Go。")),
    passes=(bullets("负责后端开发，提升了 3.5 倍性能。"), bullets("Built the API, in Go.")),
)


def _full_width(match: re.Match[str]) -> str:
    mark = match.group("mark")
    return f"full-width '{mark}' in Latin text: write '{_HALF_WIDTH[mark]}'"


fullwidth_in_latin = pattern_rule(
    "RF192",
    "cjk.fullwidth-in-latin",
    """Full-width punctuation (``，`` ``：``) between Latin words.

    A full-width comma or colon between two Latin words, as an input method
    leaves it (``Python，Go``), is too wide in a Latin sentence: write the
    half-width one. Only text without any Chinese or Japanese character is
    read: in a Chinese sentence, ``Python，Go`` is right.
    """,
    pattern=r"(?<=[A-Za-z0-9])(?P<mark>[，；：？！])(?= ?[A-Za-z])",
    message=_full_width,
    fields=WORDED,
    subject=masked,
    hint=lambda text: any(mark in text for mark in "，；：？！") and not _has_cjk(text),
    reports=(bullets("Built services in Python，Go and Rust."),),
    passes=(bullets("使用 Python，Go 开发服务。"),),
)

RULES = (inconsistent_spacing, halfwidth_punctuation, fullwidth_in_latin)


def register(registry: Registry) -> None:
    """Register the cjk rules."""
    registry.add_rules(RULES)
