"""The format rules (RF170-RF173): exact (line, column, code) of every finding."""

from __future__ import annotations

import datetime

import pytest
from conftest import EXAMPLES

from resumefmt.lint_rules import format as format_rules
from resumefmt.testing import TODAY, findings, lint_fragment


def lint_text(
    fragment: str,
    options: dict[str, dict[str, object]] | None = None,
    today: datetime.date = TODAY,
) -> list[tuple[int, int, str]]:
    """Every format finding on a fragment that must be valid, in reading order.

    The whole family runs, so a fragment that one rule reports shows that the
    others pass it.
    """
    options = options or {}
    return sorted(
        found
        for rule in format_rules.RULES
        for found in findings(fragment, rule, options=options.get(rule.code), today=today)
    )


def bullets(*texts: str) -> str:
    """Plain-scalar bullets: the first starts at line 10, column 9."""
    items = "".join(f"      - {text}\n" for text in texts)
    return (
        "work:\n  - organization: Example Corp\n    role: Engineer\n"
        f'    start: "2020-01"\n    end: "2021-06"\n    highlights:\n{items}'
    )


def folded(*lines: str) -> str:
    """One folded (>-) bullet: its lines start at line 11, column 9."""
    return bullets(">-\n" + "".join(f"        {line}\n" for line in lines).rstrip("\n"))


def title(scalar: str) -> str:
    """A publication title written as ``scalar``, at line 5, column 12."""
    return f"publications:\n  - title: {scalar}\n"


SECTION = "sections:\n  - title: Expertise\n    items:\n      - Python and Rust.\n"
LONGEST = "Built " + "a" * 294  # 300 characters

FAILS = [
    # end punctuation: the first bullet that differs from most, at its last word
    (
        bullets("Cut build time by 40%.", "Shipped the billing API", "Wrote the user guide."),
        [(11, 29, "RF170")],
    ),
    (
        bullets("Cut build time by 40%", "Shipped the billing API.", "Wrote the user guide"),
        [(11, 29, "RF170")],
    ),
    (bullets("Cut build time by 40%", "Shipped the billing API."), [(11, 29, "RF170")]),
    (
        bullets("Cut build time by 40%.", "Shipped the billing API", "Wrote the user guide"),
        [(10, 27, "RF170")],
    ),
    (SECTION + "      - GPU video processing\n", [(8, 19, "RF170")]),
    # length
    (bullets(LONGEST + "a"), [(10, 9, "RF171")]),
    (folded("Built " + "a" * 150, "b" * 150), [(11, 9, "RF171")]),
    (bullets("Wrote tests."), [(10, 9, "RF172")]),
    (bullets("Built the API today"), [(10, 9, "RF172")]),
    (bullets('"**Built the API**."'), [(10, 10, "RF172")]),
    (bullets("编写了测试。"), [(10, 9, "RF172")]),  # 6 wide characters: 12 of 20
    # stray whitespace: at the word before the spaces
    (bullets("Cut build  time by 40%."), [(10, 13, "RF173")]),
    (folded("Cut build time  ", "by 40% with caching."), [(11, 19, "RF173")]),
    (title('"Deep\\tlearning"'), [(5, 13, "RF173")]),
    (title('" Deep learning"'), [(5, 12, "RF173")]),
    (title('"Deep learning "'), [(5, 18, "RF173")]),
    ("projects:\n  - name: X\n    summary: |-\n      Fast \n      kernels.\n", [(7, 7, "RF173")]),
    ('projects:\n  - name: X\n    summary: "Fast\\n\\tkernels."\n', [(6, 14, "RF173")]),
    # printed text beside unprinted text: only the printed is read
    ("basics:\n  name: 'Ada  Lovelace'\n  x-note: 'a  b'\n", [(3, 10, "RF173")]),
]

PASSES = [
    bullets(
        "Cut build time by 40%.", "Shipped it. <https://example.com/x>", "Wrote the user guide!"
    ),
    bullets("Cut build time by 40%", "Shipped the billing API", "Wrote the user guide (v2)"),
    bullets("Cut build time by 40%.", '"Key features include:"', "Shipped ControlNet, LoRA…"),
    bullets('"(Cut build time by 40%.)"', '"**Shipped the billing API.**"'),
    bullets("Cut build time by 40%.")
    + "  - organization: Other Corp\n    role: Engineer\n"
    + '    start: "2020-01"\n    end: "2021-06"\n    highlights:\n'
    + "      - Shipped the billing API\n",
    SECTION,
    bullets(LONGEST),
    bullets('"**Built** ' + "a" * 294 + '"'),
    bullets("Developed payment systems.", "Built the API today."),
    # full CJK sentences: each wide character counts as two
    bullets("负责支付系统的后端开发。", "支付システムを設計した。", "결제 시스템을 설계했다."),
    title("Deep learning, then more"),
    "projects:\n  - name: X\n    summary: |-\n      Fast kernels:\n        int8 and fp8.\n",
    # text no converter prints: the user's own x- fields, addresses, dates
    bullets("Cut build time by 40%.") + '    x-notes: "Ask  Bob\\tfirst. "\n',
    'x-private:\n  todo: "  rewrite  this "\n',
]


@pytest.mark.parametrize(("fragment", "expected"), FAILS)
def test_reports(fragment: str, expected: list[tuple[int, int, str]]) -> None:
    assert lint_text(fragment) == expected


@pytest.mark.parametrize("fragment", PASSES)
def test_passes(fragment: str) -> None:
    assert lint_text(fragment) == []


def test_length_limits_are_options() -> None:
    options = {"RF171": {"max-characters": 100}, "RF172": {"min-characters": 5}}
    assert lint_text(bullets("Built " + "a" * 95, "Wrote"), options) == [(10, 9, "RF171")]
    assert lint_text(bullets("Built " + "a" * 94, "Wrote"), options) == []


def messages(fragment: str) -> list[str]:
    found = lint_fragment(fragment, format_rules.RULES)
    assert all(d.name.startswith("format.") for d in found), found  # valid, nothing else
    return [d.message for d in found]


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        (
            bullets("Cut build time by 40%.", "Shipped the billing API", "Wrote the user guide."),
            "this bullet has no full stop at the end, but 2 of the 3 bullets in this list "
            "do the other: end them all alike",
        ),
        (
            bullets("Cut build time by 40%.", "Shipped the billing API", "Wrote the user guide"),
            "this bullet ends with a full stop, but 2 of the 3 bullets in this list "
            "do the other: end them all alike",
        ),
        (
            bullets(LONGEST + "aa"),
            "this bullet is 302 characters long (limit 300): split or cut it",
        ),
        (
            # 154 Chinese characters fill as much of a line as 308 Latin letters
            bullets("负责支付系统的后端开发与维护" * 11),
            "this bullet is 154 characters long, 308 counting each wide character as two "
            "(limit 300): split or cut it",
        ),
        (
            bullets("Wrote tests."),
            "this bullet is only 12 characters long (at least 20): say more",
        ),
        (
            bullets("编写了测试。"),
            "this bullet is only 6 characters long, 12 counting each wide character as two "
            "(at least 20): say more",
        ),
        (bullets("Cut build  time by 40%."), "more than one space after 'build': write one"),
        (title('"Deep\\tlearning"'), "a tab after 'Deep': write one space"),
        (title('" Deep learning"'), "the text starts with a space: remove it"),
        (title('"Deep learning "'), "space after 'learning' at the end of the text: remove it"),
    ],
)
def test_messages(fragment: str, message: str) -> None:
    assert messages(fragment) == [message]


def _seed(name: str) -> list[tuple[int, int, str]]:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    return lint_text(text, today=datetime.date(2026, 11, 22))


def test_shuai_xie_seed() -> None:
    # Paragraph-long bullets; the links pasted after the last sentence do not
    # make the end punctuation of the first list mixed.
    assert _seed("shuai-xie.resumefmt.yaml") == [
        (67, 9, "RF171"),
        (81, 9, "RF171"),
        (93, 9, "RF171"),
        (106, 9, "RF171"),
    ]


def test_cheng_zeyi_seed() -> None:
    # "include:" and "other…" are the wording rules' to report, not mixed punctuation.
    assert _seed("cheng-zeyi.resumefmt.yaml") == [
        (70, 11, "RF171"),
        (87, 11, "RF171"),
        (109, 11, "RF171"),
        (117, 11, "RF171"),
        (138, 11, "RF171"),
        (150, 11, "RF171"),
        (168, 11, "RF171"),
        (179, 11, "RF171"),
        (197, 11, "RF171"),
    ]
