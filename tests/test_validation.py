"""Schema validation: every problem, located, explained from its keyword."""

from __future__ import annotations

import pytest

from resumefmt import load_text, validate

HEAD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'


def check(body: str, head: str = HEAD) -> list[tuple[int, int, str, str]]:
    doc = load_text(head + body, "r.yaml")
    return [(d.location.line, d.location.column, d.code, d.message) for d in validate(doc)]


def test_a_minimal_document_is_valid() -> None:
    assert check("") == []


CASES = [
    pytest.param(
        "  headline: [a, b]\n",
        [(4, 13, "RF010", "basics.headline: expected text, found a list")],
        id="wrong-type",
    ),
    pytest.param(
        "  phone: 0123\n",
        [
            (
                4,
                10,
                "RF010",
                'basics.phone: expected text, found the number 0123; write it in quotes: "0123"',
            )
        ],
        id="number-where-text",
    ),
    pytest.param(
        "  headline:\n",
        [(4, 12, "RF010", "basics.headline: expected text, found an empty value")],
        id="empty-value",
    ),
    pytest.param(
        "work:\n  - organization: X\n    role: Y\n    start: '2020'\n    end: present\n"
        "    hilights: [a]\n",
        [(9, 5, "RF011", "unknown key 'hilights' in work[0] (did you mean 'highlights'?)")],
        id="unknown-key-typo",
    ),
    pytest.param(
        "hobbies: [a]\n",
        [
            (
                4,
                1,
                "RF011",
                "unknown key 'hobbies' in the document; expected one of: $schema, resumefmt, "
                "basics, education, work, research, projects, publications, awards, skills, "
                "languages, interests, sections; your own fields must start with 'x-'",
            )
        ],
        id="unknown-key-no-match",
    ),
    pytest.param(
        "x-favourite-colour: blue\nwork:\n  - organization: X\n    role: Y\n    start: '2020'\n"
        "    end: present\n    x-internal: {any: [thing]}\n",
        [],
        id="extension-fields",
    ),
    pytest.param(
        "work:\n  - organization: X\n    role: Y\n    start: '2021'\n    end: '2021-13'\n",
        [
            (
                8,
                10,
                "RF013",
                "work[0].end: '2021-13' is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or present",
            )
        ],
        id="impossible-month",
    ),
    pytest.param(
        "education:\n  - institution: X\n    start: '2021-02-32'\n    end: present\n",
        [
            (
                6,
                12,
                "RF013",
                "education[0].start: '2021-02-32' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
            )
        ],
        id="impossible-day",
    ),
    pytest.param(
        "work:\n  - role: Y\n    start: '2021'\n    end: present\n"
        "  - organization: X\n    start: '2021'\n    end: present\n",
        [
            (5, 5, "RF012", "missing required key 'organization' in work[0]"),
            (8, 5, "RF012", "missing required key 'role' in work[1]"),
        ],
        id="missing-required",
    ),
    pytest.param(
        "publications:\n  - title: T\n    authors: [A]\n    status: under review\n",
        [
            (
                7,
                13,
                "RF014",
                "publications[0].status: 'under review' is not one of: published, accepted, "
                "under-review, preprint (did you mean 'under-review'?)",
            )
        ],
        id="enum",
    ),
    pytest.param(
        "awards:\n  - title: T\n    date: ['2016', '2016']\n  - title: U\n    date: '20x6'\n",
        [
            (6, 20, "RF017", "awards[0].date lists '2016' more than once"),
            (
                8,
                11,
                "RF013",
                "awards[1].date: '20x6' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
            ),
        ],
        id="award-dates",
    ),
    pytest.param(
        "publications:\n  - title: T\n    authors: []\n    authorPosition: 0\n",
        [
            (6, 14, "RF015", "publications[0].authors must not be an empty list"),
            (7, 21, "RF016", "publications[0].authorPosition: 0 is less than the minimum 1"),
        ],
        id="size-and-range",
    ),
    pytest.param(
        "  email: ada.example.com\n  url: www.example.com\n",
        [
            (
                4,
                10,
                "RF013",
                "basics.email: 'ada.example.com' is not an e-mail address: "
                "write it as name@example.com",
            ),
            (
                5,
                8,
                "RF013",
                "basics.url: 'www.example.com' is not a web address: "
                "write it in full, starting with https://",
            ),
        ],
        id="email-and-url",
    ),
    pytest.param(
        "sections:\n  - title: Talks\n    items:\n      - A plain line\n"
        "      - {title: An entry, date: '2024'}\n      - {date: '2024'}\n      - ''\n",
        [
            (9, 9, "RF012", "missing required key 'title' in sections[0].items[2]"),
            (10, 9, "RF015", "sections[0].items[3] must not be empty"),
        ],
        id="custom-section-items",
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_problems_are_located_and_explained(
    body: str, expected: list[tuple[int, int, str, str]]
) -> None:
    assert check(body) == expected


def test_every_problem_is_reported_not_only_the_first() -> None:
    body = (
        "  headline: 1\n"
        "work:\n  - organization: X\n    start: '2021-13'\n    end: soon\n    hilights: []\n"
    )
    assert [(line, code) for line, _, code, _ in check(body)] == [
        (4, "RF010"),
        (6, "RF012"),
        (7, "RF013"),
        (8, "RF013"),
        (9, "RF011"),
    ]


def test_a_document_that_is_not_a_mapping() -> None:
    assert check("", head="- a\n- b\n") == [
        (1, 1, "RF010", "the document: expected a mapping of keys to values, found a list")
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "basics:\n  name: Ada\n",
            [
                (
                    1,
                    1,
                    "RF005",
                    "missing the format version: add 'resumefmt: \"1.1\"' as the first line",
                )
            ],
        ),
        (
            "resumefmt: 1.0\nbasics:\n  name: Ada\n",
            [
                (
                    1,
                    12,
                    "RF005",
                    'the format version must be text: write resumefmt: "1.0" with the quotes',
                )
            ],
        ),
        (
            "resumefmt: v1\nbasics:\n  name: Ada\n",
            [
                (
                    1,
                    12,
                    "RF005",
                    "'v1' is not a format version: write it as MAJOR.MINOR, such as \"1.1\"",
                )
            ],
        ),
        (
            'resumefmt: "2.0"\nbasics:\n  name: Ada\n  bogus: 1\n',
            [
                (
                    1,
                    12,
                    "RF005",
                    "this file uses format version 2.0; this release of resumefmt reads "
                    "versions 1.0, 1.1: upgrade resumefmt to read it",
                )
            ],
        ),
        (
            'resumefmt: "0.9"\nbasics:\n  name: Ada\n',
            [
                (
                    1,
                    12,
                    "RF005",
                    "this file uses format version 0.9; this release of resumefmt reads "
                    "versions 1.0, 1.1: convert the file to a version it reads",
                )
            ],
        ),
    ],
    ids=["missing", "unquoted", "malformed", "newer-major", "older-major"],
)
def test_format_version_problems(head: str, expected: list[tuple[int, int, str, str]]) -> None:
    assert check("", head=head) == expected


def test_a_newer_minor_version_is_checked_against_the_newest_known_with_a_warning() -> None:
    doc = load_text('resumefmt: "1.7"\nbasics:\n  name: Ada\n  nickname: A\n', "r.yaml")
    found = [(d.location.line, d.severity, d.code) for d in validate(doc)]
    assert found == [(1, "warning", "RF005"), (4, "error", "RF011")]
    assert validate(doc)[0].message == (
        "format version 1.7 is newer than 1.1, the newest this release reads: checking "
        "against 1.1; upgrade resumefmt to check the newer fields"
    )


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("2021-3", " (did you mean '2021-03'?)"),
        ("2021-3-5", " (did you mean '2021-03-05'?)"),
        ("2021/03", " (did you mean '2021-03'?)"),
        ("3/2021", " (did you mean '2021-03'?)"),
        ("2021-13", ""),
        ("2021-1-", ""),
        ("PRESENT", ""),
    ],
)
def test_a_start_date_suggests_only_real_dates(value: str, suggestion: str) -> None:
    body = f"work:\n  - organization: X\n    role: Y\n    start: '{value}'\n    end: present\n"
    message = f"work[0].start: '{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
    assert check(body) == [(7, 12, "RF013", message + suggestion)]


def test_an_empty_document_points_to_init() -> None:
    for text, syntax in (("", "yaml"), ("# todo\n", "yaml"), ("\n", "json")):
        (diagnostic,) = validate(load_text(text, "r", syntax))  # type: ignore[arg-type]
        assert (diagnostic.code, diagnostic.message) == (
            "RF010",
            "the file is empty: start from a starter résumé with: resumefmt init NAME",
        )


def test_null_written_out_is_not_an_empty_file() -> None:
    assert check("", head="~\n") == [
        (
            1,
            1,
            "RF010",
            "the document: expected a mapping of keys to values, found ~, which YAML reads as null",
        )
    ]
