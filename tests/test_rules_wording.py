"""The wording rules (RF150-RF157): exact (line, column, code) of every finding."""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT, in_ci

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
    (bullet("Wrote die die tests and and docs."), [(10, 33, "RF152")]),  # only the second "and"
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
    # a summary that announces nothing: the entry has no bullets
    ("projects:\n  - name: ice\n    summary: 'Key features:'\n", [(6, 27, "RF155")]),
    # brand casing, in prose and in keywords
    (bullet("Published on Github and Pytorch."), [(10, 22, "RF156"), (10, 33, "RF156")]),
    (
        "skills:\n  - name: ML\n    keywords: [Pytorch, Tensorflow, node.js]\n",
        [(6, 16, "RF156"), (6, 25, "RF156"), (6, 37, "RF156")],
    ),
    (bullet("Posted to arxiv with `cuda`."), [(10, 19, "RF156")]),
    # brands the generated table (simple-icons) and the curated one add
    (
        "skills:\n  - name: DevOps\n    keywords: [docker, jenkins, ReactJs, AngularJs, vuejs]\n",
        [(6, 16, "RF156"), (6, 24, "RF156"), (6, 33, "RF156"), (6, 42, "RF156"), (6, 53, "RF156")],
    ),
    (
        bullet("Styled it in Css; indexed it with ElasticSearch."),
        [(10, 22, "RF156"), (10, 43, "RF156")],
    ),
    # placeholder text: whole values, lorem ipsum, [Your …], example.com addresses
    (
        "basics:\n  name: Your Name\n  email: me@mail.example.org\n",
        [(3, 9, "RF158"), (4, 10, "RF158")],
    ),
    (bullet("Lorem ipsum dolor sit amet."), [(10, 9, "RF158")]),
    (bullet("Cut CI time at [Your Company] by 40%."), [(10, 24, "RF158")]),
    (
        "work:\n  - organization: Company Name\n    role: job title\n"
        '    start: "2020"\n    end: present\n    url: https://www.example.com/team\n',
        [(5, 19, "RF158"), (6, 11, "RF158"), (9, 10, "RF158")],
    ),
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
    # grammatical doubles in German and French
    bullet("Entwickelte die Plattform, die die Firma seit 2020 nutzt."),
    bullet("Betreute den Kunden, der der Bank gehört, und das das Team trug."),
    bullet("Nous nous sommes réunis, vous vous êtes engagés."),
    bullet("Ranked 1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 101st 111th 112th."),
    bullet("See <https://example.com/31th>."),
    bullet("Wrote 'Wait… what?', a talk."),
    bullet('"**Key features:** 2:4 sparsity, fused attention."'),
    # a summary that introduces the bullets below it
    "work:\n  - organization: Example Corp\n    role: Engineer\n"
    '    start: "2020"\n    end: present\n'
    "    summary: 'Led the platform team. Main results:'\n"
    "    highlights: [Cut CI time from 40 to 12 minutes.]\n",
    "projects:\n  - name: ice\n    description: >-\n      A framework with\n"
    "      two parts:\n    highlights:\n      - Shipped int8 kernels.\n",
    bullet("Hosted on GitHub (github.com/x), using `pytorch`, PyTorchJob and Node.js."),
    "projects:\n  - name: pytorch-utils\n    summary: A GitHub project.\n",
    bullet("Got over 1000 stars and 2k+ forks."),
    # placeholder words inside a sentence, made-up-sounding names, example.com in prose
    bullet('"Renamed the product once the company name was trademarked; job title: lead."'),
    "work:\n  - organization: Example Corp\n    role: Engineer\n"
    '    start: "2020"\n    end: present\n    url: https://examples.com/\n',
    "basics:\n  name: Ada Lovelace\n  email: ada@example.company.dev\n  x-todo: Your Name\n",
    # brands that are English words are never reported, in any case
    bullet("Wrote go, rust and swift code; make and spark jobs; slack time; react fast."),
    bullet("Cut build time; max 5 retries; an uber-fast path, plus vite (French), immer."),
    bullet("Worked with Nasa, Lego and Ikea; css and aws in lower case; the org chart."),
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
        (bullet("Ran docker."), "RF156", "'docker' is spelled 'Docker'"),
        (bullet("Used vuejs."), "RF156", "'vuejs' is spelled 'Vue.js'"),
        (
            bullet("Over 5+ years."),
            "RF157",
            "'Over 5+' says 'more than' twice: write 'over N' or 'N+'",
        ),
        (
            "basics:\n  name: ' Your  Name'\n",
            "RF158",
            "'Your  Name' is a template's placeholder: write your own",
        ),
        (
            bullet("Lorem ipsum."),
            "RF158",
            "'Lorem ipsum' is a template's placeholder: write your own text",
        ),
        (
            "basics:\n  name: A\n  email: a@Example.COM\n",
            "RF158",
            "'a@Example.COM' is on example.com, a domain reserved for examples: "
            "write your own address",
        ),
    ],
)
def test_messages(fragment: str, code: str, message: str) -> None:
    assert messages(fragment, code) == [message]


def _seed(name: str) -> list[tuple[int, int, str]]:
    return wording((EXAMPLES / name).read_text(encoding="utf-8"), datetime.date(2026, 11, 22))


def test_shuai_xie_seed() -> None:
    assert _seed("shuai-xie.resumefmt.yaml") == [
        (10, 10, "RF158"),  # shuai.xie@example.com: the seed's address is a placeholder
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


#: Bullets as résumés write them, every product named as its owner spells it,
#: among the English words that are also product names: RF156 says nothing.
REALISTIC = [
    "Built a React Native app on Firebase for 40k riders; go-live in 6 weeks.",
    "Migrated 30 services from Jenkins to GitHub Actions and cut build time by 40%.",
    "Ran Spark jobs on Databricks over 2 TB a day; made the nightly batch 3x faster.",
    "Wrote the Go and Rust services behind the billing API; swift fixes to on-call pages.",
    "Moved search from Solr to Elasticsearch and Kibana dashboards; p99 fell to 80 ms.",
    "Set up Docker, Kubernetes and Helm for 12 teams; on-call runbooks in Markdown.",
    "Designed the Vue.js and TypeScript front end; Node.js and PostgreSQL behind it.",
    "Led a team of five; make time for code review; slack in the schedule for tests.",
    "Taught Python, NumPy and pandas to 200 students; graded with pytest and GitHub.",
    "Tuned webpack and Vite builds; the CSS bundle shrank from 400 kB to 90 kB.",
    "Kept the unicode handling right in the parser and wrote the readme and semver notes.",
    "Deployed on AWS Lambda, Azure Functions and Google Cloud Run; Terraform for all.",
    "Spoke at PyCon and JSConf; wrote for the Mozilla and Apple developer blogs.",
    "Ported the iOS and Android apps to Flutter; the rust belt's largest credit union.",
    "Built dashboards in Tableau, Power BI and Excel for the finance team of Nasa's lab.",
    "Trained models with PyTorch and TensorFlow on CUDA; served them with ONNX Runtime.",
    "Automated the loopback tests on Linux and macOS; max 5 retries per job.",
]


@pytest.mark.parametrize("text", REALISTIC)
def test_no_brand_finding_on_realistic_prose(text: str) -> None:
    assert [f for f in wording(bullet(f'"{text}"')) if f[2] == "RF156"] == []


def test_brand_module_matches_the_installed_simple_icons() -> None:
    """``_brands.py`` is what scripts/sync_brands.py writes from the pinned simple-icons."""
    package = ROOT / "tests" / "node" / "node_modules" / "simple-icons" / "data"
    missing = [
        what
        for what, found in (
            ("simple-icons (npm ci --prefix tests/node)", package.is_dir()),
            ("lemminflect (pip install -e '.[test]')", importlib.util.find_spec("lemminflect")),
        )
        if not found
    ]
    if missing:
        reason = f"not installed: {', '.join(missing)}"
        if in_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    script = ROOT / "scripts" / "sync_brands.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_brand_table_is_one_string_and_holds_the_missed_names() -> None:
    from resumefmt.lint_rules.wording import _brands
    from resumefmt.lint_rules.wording._terms import brand_tables

    assert isinstance(_brands.PAIRS, str)  # one constant: nothing to build at import
    right, _starts = brand_tables()
    assert {w: right[w] for w in ("docker", "jenkins", "vuejs", "Css", "nodejs")} == {
        "docker": "Docker",
        "jenkins": "Jenkins",
        "vuejs": "Vue.js",
        "Css": "CSS",
        "nodejs": "Node.js",
    }
    for word in ("go", "rust", "swift", "spark", "make", "react", "slack", "notion", "css"):
        assert word not in right, word
