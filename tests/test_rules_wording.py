"""The wording rules (RF150-RF157): exact (line, column, code) of every finding."""

from __future__ import annotations

import datetime

import pytest
from conftest import EXAMPLES

from resumefmt.lint_rules.wording import RULES
from resumefmt.plugins import Registry
from resumefmt.testing import TODAY, lint_fragment


def wording(fragment: str, today: datetime.date = TODAY) -> list[tuple[int, int, str]]:
    """Every finding of the family alone, so the tables do not move with other families' work."""
    found = lint_fragment(fragment, RULES, today=today)
    assert all(d.code.startswith("RF15") for d in found), found  # valid, nothing else
    return [(d.location.line, d.location.column, d.code) for d in found]


def bullet(text: str) -> str:
    """One plain-scalar bullet: its text starts at line 10, column 9."""
    return (
        "work:\n  - organization: Example Corp\n    role: Engineer\n"
        f'    start: "2020-01"\n    end: "2021-06"\n    highlights:\n      - {text}\n'
    )


def folded(*lines: str) -> str:
    """One folded (>-) bullet: its lines start at line 11, column 9."""
    body = "".join(f"        {line}\n" for line in lines)
    return bullet(">-\n" + body.rstrip("\n"))


def messages(fragment: str, code: str) -> list[str]:
    return [d.message for d in lint_fragment(fragment, RULES) if d.code == code]


FAILS = [
    # first person
    (bullet("I cut build time by 40%."), [(10, 9, "RF150")]),
    (bullet("Cut build time with my team."), [(10, 29, "RF150")]),
    (bullet("Led our team; we shipped it."), [(10, 13, "RF150"), (10, 23, "RF150")]),
    (bullet("I\u2019ve led it, then they thanked us."), [(10, 9, "RF150"), (10, 40, "RF150")]),
    (folded("Shipped the API", "that I designed."), [(12, 14, "RF150")]),
    # weak phrases
    (bullet("Responsible for billing."), [(10, 9, "RF151")]),
    (bullet("Worked on the API and helped with tests."), [(10, 9, "RF151"), (10, 31, "RF151")]),
    (bullet("Fixed various bugs."), [(10, 15, "RF151")]),
    (folded("Was involved", "in the migration."), [(11, 13, "RF151")]),
    # repeated word: the second one, across a fold too
    (bullet("Built the the tool."), [(10, 19, "RF152")]),
    (bullet("The the tool."), [(10, 13, "RF152")]),
    (folded("Built the", "the fastest tool."), [(12, 9, "RF152")]),
    # ordinals
    (
        bullet("Ranked 22st, 3th and 11st."),
        [(10, 16, "RF153"), (10, 22, "RF153"), (10, 30, "RF153")],
    ),
    (
        "publications:\n  - title: Example\n    venue: Proceedings of the 31th Conference\n",
        [(6, 31, "RF153")],
    ),
    (bullet("Placed 112nd of 400."), [(10, 16, "RF153")]),
    # cut off
    (bullet("Compatible with LoRA and other…"), [(10, 39, "RF154")]),
    (bullet("Shipped the rewrite pr..."), [(10, 31, "RF154")]),
    # dangling colon, the last bullet and a middle one
    (
        bullet("Built it.") + '      - "Key features include:"\n',
        [(11, 30, "RF155")],
    ),
    (
        bullet('"Integrates techniques, such as:"') + "      - Shipped it.\n",
        [(10, 40, "RF155")],
    ),
    # brand casing, in prose and in keywords
    (bullet("Published on Github and Pytorch."), [(10, 22, "RF156"), (10, 33, "RF156")]),
    (
        "skills:\n  - name: ML\n    keywords: [Pytorch, Tensorflow, node.js]\n",
        [(6, 16, "RF156"), (6, 25, "RF156"), (6, 37, "RF156")],
    ),
    (bullet("Posted to arxiv with `cuda`."), [(10, 19, "RF156")]),
    # over ... +
    (bullet("Got over 1000+ stars."), [(10, 13, "RF157")]),
    (bullet("Served more than 10k+ users."), [(10, 16, "RF157")]),
]

PASSES = [
    bullet("Cut I/O time of `my_tool` by 40% for US clients in Phase I."),
    bullet("Read <https://example.com/our/me> or https://we.example.com/my."),
    bullet("Wrote to team@example.com and my.name@example.com daily."),
    "publications:\n  - title: My Life in Code\n",
    bullet("Led the billing service; fixed 40 bugs."),
    bullet("Said that that had had an effect in Walla Walla, then the theme."),
    bullet("Ranked 1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 101st 111th 112th."),
    bullet("See <https://example.com/31th>."),
    bullet("Wrote 'Wait… what?', a talk."),
    bullet('"**Key features:** 2:4 sparsity, fused attention."'),
    bullet("Hosted on GitHub (github.com/x), using `pytorch`, PyTorchJob and Node.js."),
    "projects:\n  - name: pytorch-utils\n    summary: A GitHub project.\n",
    bullet("Got over 1000 stars and 2k+ forks."),
]


@pytest.mark.parametrize(("fragment", "expected"), FAILS)
def test_reports(fragment: str, expected: list[tuple[int, int, str]]) -> None:
    assert wording(fragment) == expected


@pytest.mark.parametrize("fragment", PASSES)
def test_passes(fragment: str) -> None:
    assert wording(fragment) == []


@pytest.mark.parametrize(
    ("fragment", "code", "message"),
    [
        (
            bullet("I cut it."),
            "RF150",
            "'I' is first person: a résumé leaves out 'I', 'my', 'we' and 'our'; "
            "start with the verb, or name the team",
        ),
        (
            folded("Responsible", "for billing."),
            "RF151",
            "'Responsible for' is weak: say what you did: 'Led', 'Owned', 'Ran', 'Built'",
        ),
        (bullet("Built the the tool."), "RF152", "'the' is repeated"),
        (bullet("The 31th one."), "RF153", "'31th' should be '31st'"),
        (
            bullet("And..."),
            "RF154",
            "the text ends in '...' and looks cut off: finish the sentence",
        ),
        (
            bullet("'Such as:'"),
            "RF155",
            "the text ends in ':' but nothing follows: finish the sentence or drop it",
        ),
        (bullet("On Github."), "RF156", "'Github' is spelled 'GitHub'"),
        (
            bullet("Over 5+ years."),
            "RF157",
            "'Over 5+' says 'more than' twice: write 'over N' or 'N+'",
        ),
    ],
)
def test_messages(fragment: str, code: str, message: str) -> None:
    assert messages(fragment, code) == [message]


def _seed(name: str) -> list[tuple[int, int, str]]:
    return wording((EXAMPLES / name).read_text(encoding="utf-8"), datetime.date(2026, 11, 22))


def test_shuai_xie_seed() -> None:
    assert _seed("shuai-xie.resumefmt.yaml") == [
        (77, 77, "RF150"),  # allows us to
        (112, 20, "RF151"),  # various
        (117, 40, "RF150"),  # we introduced
        (126, 36, "RF150"),  # our paper
        (126, 74, "RF156"),  # arxiv
        (154, 55, "RF150"),  # our original dataset
        (155, 57, "RF150"),  # we crawled
        (175, 37, "RF156"),  # kinect
        (198, 31, "RF153"),  # 31th
    ]


def test_cheng_zeyi_seed() -> None:
    assert _seed("cheng-zeyi.resumefmt.yaml") == [
        (41, 13, "RF150"),  # my
        (41, 36, "RF150"),  # I
        (41, 56, "RF156"),  # JAVA
        (41, 88, "RF156"),  # JAVA
        (42, 57, "RF156"),  # JAVA
        (70, 11, "RF150"),  # I
        (72, 56, "RF157"),  # over
        (81, 11, "RF150"),  # I
        (87, 15, "RF150"),  # I
        (97, 51, "RF155"),  # :"
        (109, 21, "RF151"),  # responsible
        (111, 56, "RF150"),  # Our
        (112, 60, "RF150"),  # us
        (117, 11, "RF150"),  # Our
        (118, 49, "RF150"),  # I
        (118, 77, "RF150"),  # I\u2019ve
        (127, 11, "RF150"),  # I
        (129, 22, "RF151"),  # various
        (129, 49, "RF155"),  # :
        (138, 21, "RF150"),  # we
        (141, 62, "RF150"),  # I
        (144, 23, "RF156"),  # LORA,
        (144, 38, "RF154"),  # …
        (150, 17, "RF150"),  # our
        (151, 20, "RF150"),  # Our
        (152, 77, "RF150"),  # our
        (154, 28, "RF150"),  # our
        (168, 11, "RF150"),  # I
        (168, 17, "RF151"),  # responsible
        (168, 60, "RF150"),  # our
        (169, 33, "RF150"),  # I
        (170, 34, "RF150"),  # my
        (171, 59, "RF156"),  # EXCEL
        (171, 86, "RF150"),  # our
        (173, 24, "RF150"),  # I
        (179, 25, "RF150"),  # I
        (197, 11, "RF150"),  # I
        (198, 40, "RF150"),  # I
        (200, 19, "RF150"),  # I
        (203, 21, "RF154"),  # …
        (209, 25, "RF150"),  # I
        (267, 25, "RF152"),  # the second "the" of "the the"
        (285, 39, "RF157"),  # over
        (293, 9, "RF150"),  # I
        (295, 166, "RF156"),  # Huggingface
        (306, 64, "RF151"),  # various
        (330, 47, "RF150"),  # our
        (341, 63, "RF150"),  # I
    ]


@pytest.mark.parametrize(
    ("former", "code"),
    [("wording.ordinal-suffix", "RF153"), ("wording.brand-casing", "RF156")],
)
def test_former_names_still_name_the_rule(former: str, code: str) -> None:
    registry = Registry()
    registry.add_rules(RULES)
    assert registry.code_for(former) == code
