"""Rules know their language: English-only rules judge English text only.

A German or Chinese résumé (``locale: de``/``zh``), or an English one built in
German from its language maps (``--locale de``), gets no finding from a rule
that knows English words only; the same text in an English document still does.
"""

# ruff: noqa: RUF001 (Chinese punctuation is part of the Chinese résumé)

from __future__ import annotations

import pytest
from conftest import run_resumefmt

from resumefmt.config import Config
from resumefmt.linter import LintRun
from resumefmt.loader import load_text
from resumefmt.plugins import rule_registry
from resumefmt.testing import TODAY

#: The rules whose patterns are English words: tense, first person, weak phrases,
#: "over 1000+". Not RF153 (English ordinal suffixes): "21th" is wrong in any text.
ENGLISH_RULES = {"RF140", "RF141", "RF142", "RF143", "RF150", "RF151", "RF157"}

# German words that English rules misread: "Sekundarstufe I" (a numeral, not "I"),
# "Start der …" and "Mentoring von …" (nouns, read as verbs in the present tense).
GERMAN = """\
resumefmt: "1.1"
locale: de
basics:
  name: Sabine Krause
  headline: Lehrerin für Mathematik und Informatik
  summary: >-
    Lehrerin mit zwölf Jahren Erfahrung in der Sekundarstufe I und II.
work:
  - organization: Volkshochschule Leipzig
    role: Dozentin
    start: "2023-08"
    end: present
    highlights:
      - Kurse in Tabellenkalkulation für 120 Teilnehmende pro Jahr.
  - organization: Gymnasium am Park
    role: Studienrätin
    start: "2014-08"
    end: "2023-07"
    highlights:
      - Start der Informatik-AG mit 30 Schülerinnen und Schülern.
      - Design und Umsetzung eines Medienkonzepts für die Schule.
      - Mentoring von Referendarinnen im 2. Ausbildungsjahr.
"""

# Chinese engineers write English verbs into Chinese bullets ("Debug 线上问题").
CHINESE = """\
resumefmt: "1.1"
locale: zh
basics:
  name: 陈晓雨
  headline: 后端工程师
work:
  - organization: 杭州云栈科技有限公司
    role: 高级后端工程师
    start: "2019-07"
    end: "2023-03"
    highlights:
      - Debug 线上问题，定位并修复了三次内存泄漏。
      - 负责订单系统的重构，QPS 提升 3 倍。
"""

# An English résumé that keeps its German text in language maps.
BILINGUAL = """\
resumefmt: "1.1"
basics:
  name: Sabine Krause
  summary:
    en: Teacher with twelve years in lower and upper secondary school.
    de: Lehrerin mit zwölf Jahren Erfahrung in der Sekundarstufe I und II.
work:
  - organization: Gymnasium am Park
    role: {en: Teacher, de: Studienrätin}
    start: "2014-08"
    end: "2023-07"
    highlights:
      - en: Started the computer science club with 30 students.
        de: Start der Informatik-AG mit 30 Schülerinnen und Schülern.
      - en: Mentored trainee teachers in their second year.
        de: Mentoring von Referendarinnen im 2. Ausbildungsjahr.
"""


def _lint(text: str, locale: str | None = None) -> list[str]:
    """What ``resumefmt lint [--locale LOCALE]`` says of ``text``, one line per finding."""
    document = load_text(text, "cv.resumefmt.yaml")
    run = LintRun(rule_registry(third_party=False), today=TODAY)
    return [d.format_text() for d in run.lint(document, Config(), locale=locale)]


def _codes(lines: list[str]) -> set[str]:
    return {line.rsplit("[", 1)[1].rstrip("]") for line in lines}


def test_the_english_rules_say_so() -> None:
    rules = rule_registry(third_party=False).rules
    english = {code for code, rule in rules.items() if rule.languages == ("en",)}
    assert english == ENGLISH_RULES
    # Rules that read every language: brands, repeats (they know German "die die"),
    # lengths (they weigh CJK), whitespace, dates, links, the CJK family by its characters.
    assert rules["RF152"].languages is None and rules["RF172"].languages is None
    assert rules["RF153"].languages is None


def test_rules_lists_the_english_only_rules() -> None:
    result = run_resumefmt("rules")
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line[:2] == "RF"}
    assert "(en only)" in lines["RF150"] and "(en only)" in lines["RF143"]
    assert "en only" not in lines["RF156"]
    shown = run_resumefmt("rule", "RF140").stdout
    assert "Languages: judges only text in en (a language map's key" in shown


@pytest.mark.parametrize(
    ("text", "english"),
    [
        pytest.param(
            GERMAN,
            [
                ":7:62: warning: 'I' is first person",
                ":20:9: warning: 'Start' is the present tense",
                ":22:9: warning: 'Mentoring' is the present tense",
            ],
            id="German",
        ),
        pytest.param(
            CHINESE, [":12:9: warning: 'Debug' is the present tense, but this role ended"], id="zh"
        ),
    ],
)
def test_a_resume_in_another_language_gets_no_english_findings(
    text: str, english: list[str]
) -> None:
    assert _codes(_lint(text)) & ENGLISH_RULES == set()
    # The same text in a document that says it is English: the rules read it.
    as_english = text.replace("locale: de\n", "locale: en\n").replace(
        "locale: zh\n", "locale: en\n"
    )
    said = [
        line.split("cv.resumefmt.yaml", 1)[1]
        for line in _lint(as_english)
        if line.rsplit("[", 1)[1].rstrip("]") in ENGLISH_RULES
    ]
    assert len(said) == len(english), said
    for line, start in zip(said, english, strict=True):
        assert line.startswith(start), (line, start)


def test_a_language_map_built_in_german_gets_no_english_findings() -> None:
    assert _lint(BILINGUAL, "de") == []
    # Built in English (the document's language), the English text is read; it is clean.
    assert _lint(BILINGUAL) == []
    # The German text written into an English document is read as English.
    german_as_english = GERMAN.replace("locale: de\n", "")
    assert _codes(_lint(german_as_english)) == {"RF140", "RF150"}


def test_an_english_ordinal_is_judged_in_any_language() -> None:
    korean = (
        'resumefmt: "1.1"\nlocale: ko\nbasics:\n  name: 박지호\npublications:\n'
        "  - title: 실내 로봇의 경로 계획\n"
        "    venue: Proceedings of the 21th International Conference on Ubiquitous Robots\n"
    )
    assert [line.split(": ", 1)[1] for line in _lint(korean)] == [
        "warning: '21th' should be '21st' [RF153]"
    ]
