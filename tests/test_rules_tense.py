"""The tense rules RF140-RF143: exact positions, silence, ambiguous forms, the seeds."""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT, in_ci

from resumefmt.lint_rules.tense import RULES
from resumefmt.lint_rules.tense._opening import NOT_A_VERB, opening
from resumefmt.lint_rules.tense._verbs import AMBIGUOUS, PAST, PRESENT, regular_forms, tense_of
from resumefmt.plugins import Registry
from resumefmt.testing import findings, lint_fragment

RULE = {rule.code: rule for rule in RULES}


def role(end: str, *bullets: str, section: str = "work") -> str:
    """A role whose first bullet is on line 10 of the document, its text at column 9."""
    items = "".join(f"      - {bullet}\n" for bullet in bullets)
    return (
        f"{section}:\n  - organization: Acme\n    role: Engineer\n"
        f'    start: "2019"\n    end: {end}\n    highlights:\n{items}'
    )


ENDED = '"2021-06"'

PRESENT_IN_ENDED = [
    (role(ENDED, "Build the billing service."), [(10, 9, "RF140")]),
    (role(ENDED, "Built it.", "Builds the API for partners."), [(11, 9, "RF140")]),
    (role(ENDED, "Leading a team of four."), [(10, 9, "RF140")]),
    (role(ENDED, "I also maintain the build farm."), [(10, 16, "RF140")]),
    (role(ENDED, "Recently, we aim to ship weekly."), [(10, 22, "RF140")]),
    (role(ENDED, '"**Billing:** Design the ledger."'), [(10, 23, "RF140")]),
    (role(ENDED, "(1) Design the ledger."), [(10, 13, "RF140")]),
    (role(ENDED, "Spearhead the migration."), [(10, 9, "RF140")]),
    (role(ENDED, "Dockerizing every service."), [(10, 9, "RF140")]),
    (role(ENDED, "Leads a team of 5."), [(10, 9, "RF140")]),
    # a project without dates inside a role that has ended has ended too
    (
        'work:\n  - organization: Acme\n    role: Engineer\n    start: "2019"\n'
        '    end: "2021"\n    projects:\n      - name: cache\n        highlights:\n'
        "          - Maintain the cache.\n",
        [(12, 13, "RF140")],
    ),
]

PAST_IN_CURRENT = [
    (role("present", "Built the billing service."), [(10, 9, "RF141")]),
    (role("present", "I open-sourced the cache."), [(10, 11, "RF141")]),
    (role("present", "Additionally, I developed a framework."), [(10, 25, "RF141")]),
    (role("present", "Upstreamed patches to LLVM."), [(10, 9, "RF141")]),
    (role("present", "Architected the data platform."), [(10, 9, "RF141")]),
    (role("present", "Co-founded the guild."), [(10, 9, "RF141")]),
    (role('"2099-01"', "Built the billing service."), [(10, 9, "RF141")]),  # end still to come
    (role("present", "Build it.", "Led the team."), [(11, 9, "RF141")]),
]

MIXED = [
    (role(ENDED, "Built it.", "Shipped it.", "Maintain it."), [(12, 9, "RF142")]),
    (role("present", "Build it.", "Shipped it.", "Run it."), [(11, 9, "RF142")]),
    # a tie: the dates decide which side is the odd one out
    (role(ENDED, "Maintain it.", "Shipped it."), [(10, 9, "RF142")]),
    (role("present", "Maintain it.", "Shipped it."), [(11, 9, "RF142")]),
    # one finding per role, at the first bullet that differs
    (role(ENDED, "Built it.", "Run it.", "Wrote it.", "Test it.", "Cut it."), [(11, 9, "RF142")]),
    (
        "projects:\n  - name: cache\n    highlights:\n      - Wrote it.\n      - Ship it.\n",
        [(8, 9, "RF142")],
    ),
]

NO_VERB = [
    (role(ENDED, "Our system served 2M users."), [(10, 9, "RF143")]),
    (role(ENDED, '"40% less CI time."'), [(10, 10, "RF143")]),
    (role(ENDED, "Primarily responsible for billing."), [(10, 19, "RF143")]),
    (role(ENDED, '"`resumefmt` lint rules."'), [(10, 10, "RF143")]),
    (role(ENDED, "Detail-oriented reviews."), [(10, 9, "RF143")]),
    (role(ENDED, '"Some key features include:"'), [(10, 10, "RF143")]),
]


CASES = [
    (code, fragment, expected)
    for code, cases in (
        ("RF140", PRESENT_IN_ENDED),
        ("RF141", PAST_IN_CURRENT),
        ("RF142", MIXED),
        ("RF143", NO_VERB),
    )
    for fragment, expected in cases
]


@pytest.mark.parametrize(("code", "fragment", "expected"), CASES)
def test_finding_at_the_opening_word(
    code: str, fragment: str, expected: list[tuple[int, int, str]]
) -> None:
    assert findings(fragment, RULE[code]) == expected


SILENT = [
    role(ENDED, "Built the billing service.", "Led a team of four.", "Cut CI time by 40%."),
    role("present", "Build the billing service.", "Lead a team of four.", "Leading the guild."),
    role(ENDED, '"**Billing:** Designed the ledger."', "I also wrote the docs."),
    role('"2026"', "Build it."),  # ends this year: neither current nor ended
    role('"2026"', "Built it."),
    role(ENDED, "Results improved by 40%.", "Designs for the web shipped."),  # plural nouns
    "projects:\n  - name: cache\n    highlights: [Wrote it., Shipped it.]\n",
    'education:\n  - institution: MIT\n    end: "2020"\n    highlights: ["GPA 3.9/4.0"]\n',
    'sections:\n  - title: Talks\n    items:\n      - title: PyCon\n        date: "2024-05"\n'
    "        highlights: [Gave the keynote.]\n",
]


@pytest.mark.parametrize("fragment", SILENT)
def test_silence(fragment: str) -> None:
    assert [findings(fragment, rule) for rule in RULES] == [[]] * len(RULES)


def test_mixed_tense_counts_only_the_roles_own_bullets() -> None:
    fragment = role(ENDED, "Built it.") + role(ENDED, "Maintain it.").replace("work:\n", "")
    assert findings(fragment, RULE["RF142"]) == []
    assert findings(fragment, RULE["RF140"]) == [(16, 9, "RF140")]


#: Forms that do not tell their tense: none of the four rules ever fires on them.
AMBIGUOUS_OPENINGS = [
    "Set up CI for twelve services.",
    "Read every design document.",
    "Cut p99 latency by half.",
    "Put the service on call.",
    "Lead two releases.",  # often a misspelt "led"
    "Found a race in the scheduler.",  # find/found
    "Hit every deadline.",
    "Spread the load over three regions.",
    "Given our budget, chose spot instances.",
    "Based in Berlin.",
    "Experienced in Rust.",
    "Using Kafka, rebuilt the pipeline.",
    "Written in Rust, the tool checks 2M files a day.",
    "Results improved by 40%.",
    "Designs for the web shipped weekly.",
    "I\u2019ve implemented the cache.",  # present perfect
    "Saw the launch through.",
]


@pytest.mark.parametrize("bullet", AMBIGUOUS_OPENINGS)
@pytest.mark.parametrize("end", [ENDED, "present"])
def test_ambiguous_forms_never_fire(bullet: str, end: str) -> None:
    quoted = '"' + bullet.replace('"', '\\"') + '"'
    assert [findings(role(end, quoted), rule) for rule in RULES] == [[]] * len(RULES)
    assert findings(role(end, "Built it.", quoted), RULE["RF142"]) == []
    assert findings(role(end, "Build it.", quoted), RULE["RF142"]) == []


@pytest.mark.parametrize(
    ("word", "tense"),
    [
        ("developed", PAST),
        ("develop", PRESENT),
        ("develops", PRESENT),
        ("developing", PRESENT),
        ("committed", PAST),  # doubled
        ("targeted", PAST),  # not doubled
        ("led", PAST),
        ("wrote", PAST),
        ("built", PAST),
        ("ran", PAST),
        ("run", PRESENT),  # also a participle, but a present form
        ("set", AMBIGUOUS),
        ("lead", AMBIGUOUS),
        ("given", AMBIGUOUS),
        ("written", AMBIGUOUS),
        ("architected", PAST),  # lemminflect lacks these: the generator adds them
        ("refactoring", PRESENT),
        ("onboards", PRESENT),
        ("system", None),
        ("responsible", None),
    ],
)
def test_tense_of(word: str, tense: str | None) -> None:
    assert tense_of(word) == tense


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I open-sourced the cache", (PAST, "open-sourced")),
        ("Now I am focusing on speed", (PRESENT, "am")),
        ("Dockerized twelve services", (PAST, "Dockerized")),  # suffix guess
        ("Re-architected the platform", (PAST, "Re-architected")),
        ("Productionizing models", (PRESENT, "Productionizing")),
        ("**Lead:** Implemented it", (PAST, "Implemented")),
        ("**Bold** text", (NOT_A_VERB, "Bold")),  # no colon: not a lead-in
        ("Supply chain tooling", (PRESENT, "Supply")),  # "-ly", but a verb: not skipped
        ("2. Wrote the parser", (PAST, "Wrote")),
        ("Talented team player", (NOT_A_VERB, "Talented")),
    ],
)
def test_opening_word(text: str, expected: tuple[str, str]) -> None:
    found = opening(text)
    assert found is not None
    tense, start, end = found
    assert (tense, text[start:end]) == expected


def test_a_bullet_of_markup_only_has_no_opening() -> None:
    assert opening("** ") is None


@pytest.mark.parametrize(
    ("lemma", "doubled", "forms"),
    [
        ("develop", False, ("develops", "developed", "developing")),
        ("commit", True, ("commits", "committed", "committing")),
        ("optimize", False, ("optimizes", "optimized", "optimizing")),
        ("deploy", False, ("deploys", "deployed", "deploying")),
        ("apply", False, ("applies", "applied", "applying")),
        ("push", False, ("pushes", "pushed", "pushing")),
        ("tie", False, ("ties", "tied", "tying")),
        ("agree", False, ("agrees", "agreed", "agreeing")),
    ],
)
def test_regular_forms(lemma: str, doubled: bool, forms: tuple[str, str, str]) -> None:
    assert regular_forms(lemma, doubled) == forms


def test_messages_name_the_word_and_the_role() -> None:
    fragment = role(ENDED, "Build it.", "Built it.", "Our API.") + role(
        "present", "Shipped it."
    ).replace("work:\n", "")
    messages = {(d.code, d.severity, d.message) for d in lint_fragment(fragment, RULES)}
    assert messages == {
        (
            "RF140",
            "warning",
            "'Build' is the present tense, but this role ended (2021-06): "
            "open the bullet with a verb in the past tense",
        ),
        (
            "RF141",
            "info",
            "'Shipped' is the past tense, but this role is current: "
            "work you still do reads best in the present tense",
        ),
        (
            "RF142",
            "warning",
            "this role's bullets open in both tenses (1 past, 1 present): "
            "'Build' is the present tense, the others mostly the past",
        ),
        ("RF143", "info", "this bullet opens with 'Our' where a verb would say what you did"),
    }


def test_sections_option_chooses_the_roles_read() -> None:
    fragment = role(ENDED, "Our API.", section="education").replace(
        "organization: Acme\n    role: Engineer", "institution: MIT"
    )
    no_verb, present = RULE["RF143"], RULE["RF140"]
    assert findings(fragment, no_verb) == []  # education is not read by default
    assert findings(fragment, no_verb, options={"sections": ["education"]}) == [(9, 9, "RF143")]
    assert findings(role(ENDED, "Build it."), present, options={"sections": ["projects"]}) == []


def test_the_former_name_of_mixed_tense_still_names_it() -> None:
    registry = Registry()
    registry.add_rules(RULES)
    assert registry.code_for("tense.mixed") == registry.code_for("tense.mixed-tense") == "RF142"


SEEDS = {
    "cheng-zeyi": [
        (70, 13, "RF141"),  # "I open-sourced" under SiliconFlow, end: present
        (70, 13, "RF142"),  # ... where the other two bullets are present
        (97, 14, "RF143"),  # "Some key features of xelerate include:"
        (109, 21, "RF143"),  # "Primarily responsible for ..."
        (117, 11, "RF143"),  # "Our system ..."
        (133, 22, "RF143"),  # "Currently, the ICE ..."
        (138, 24, "RF140"),  # "Recently, we aim ..." under a role that ended 2023-10
        (138, 24, "RF142"),
    ],
    "shuai-xie": [
        (67, 58, "RF141"),  # "(1) Accelerated" after a lead-in, end: present
        (81, 40, "RF141"),  # "**Post-Training Compression:** Implemented"
        (93, 46, "RF141"),  # "**Automatic Compression Framework:** Amalgamated"
        (107, 25, "RF141"),  # "(1) Developed"
        (121, 26, "RF143"),  # "**Application:** OmniForce developed"
        (125, 28, "RF143"),
    ],
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_what_the_family_reports_on_the_seeds(name: str) -> None:
    text = (EXAMPLES / f"{name}.resumefmt.yaml").read_text(encoding="utf-8")
    found = lint_fragment(text, RULES, today=datetime.date(2026, 11, 22))
    assert [(d.location.line, d.location.column, d.code) for d in found] == SEEDS[name]


def test_the_verb_table_matches_the_installed_library() -> None:
    if importlib.util.find_spec("lemminflect") is None:
        reason = "lemminflect is not installed (pip install -e '.[test]' installs it)"
        if in_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    script = ROOT / "scripts" / "gen_verb_forms.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_verb_table_is_not_imported_with_the_library() -> None:
    code = "import resumefmt.lint_rules.tense, sys; print('lemminflect' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
