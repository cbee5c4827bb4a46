"""JSON Resume as people write it (issue 9, item 2): the documents in tests/jsonresume_wild/.

Each fixture is an invented person whose file reproduces patterns found in public
JSON Resume files: 0.x keys, template leftovers (empty strings, nulls), country
names, non-web profile addresses, dates in the wild, undated entries, the 1.x
sections resumefmt 1.0 had no place for, and several languages. Each must import,
validate against our newest format, and print every string it holds.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, in_ci, require_tool

from resumefmt.converters.jsonresume._import import import_document
from resumefmt.converters.jsonresume._wild import PRESENT, country_code, read_date
from resumefmt.converting import ConvertOptions
from resumefmt.errors import DocumentError
from resumefmt.loader import load, load_text
from resumefmt.validation import validate

WILD = ROOT / "tests" / "jsonresume_wild"
FIXTURES = sorted(WILD.glob("*.json"))
DATE_KEYS = ("startDate", "endDate", "date", "releaseDate", "awardDate")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "resumefmt", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def imported(text: str, options: ConvertOptions | None = None) -> dict[str, Any]:
    result: dict[str, Any] = import_document(
        load_text(text, "in.json", "json"), options or ConvertOptions()
    )
    return result


def notices(data: Any) -> tuple[dict[str, Any], list[tuple[int, int, str, str, str]]]:
    options = ConvertOptions()
    out = imported(json.dumps(data, indent=2, ensure_ascii=False), options)
    found = [
        (n.location.line, n.location.column, n.severity, n.code, n.message) for n in options.notices
    ]
    return out, found


def printed_date(value: str) -> str:
    """A source date as the Markdown prints it, after the documented normalisation."""
    if value.strip().casefold() in PRESENT:
        return "Present"
    fixed = read_date(value) or value
    parts = fixed.split("-")
    if len(parts) == 1:
        return fixed
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def leaves(value: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """Every leaf string of a JSON Resume document, but ``$schema`` and ``meta`` (not content)."""
    if isinstance(value, dict):
        return [
            leaf
            for key, member in value.items()
            if path or key not in ("$schema", "meta")
            for leaf in leaves(member, (*path, key))
        ]
    if isinstance(value, list):
        return [leaf for member in value for leaf in leaves(member, path)]
    return [(path, value)] if isinstance(value, str) and value.strip() else []


def missing_strings(source: dict[str, Any], markdown: str) -> list[str]:
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("&lt;", "<")
    missing = []
    for path, value in leaves(source):
        wanted = {value}
        if path[-1] in DATE_KEYS:
            wanted = {printed_date(value)}
        elif path[-1] == "countryCode":
            wanted = {value, value.upper(), country_code(value) or value}
        if not any(w in text for w in wanted):
            missing.append(f"{'.'.join(path)}: {value!r}")
    return missing


def test_there_are_at_least_twelve_fixtures_in_nine_languages() -> None:
    assert len(FIXTURES) >= 12
    languages = {p.name.split(".")[-2] for p in FIXTURES}
    assert {"es", "fr", "de", "pt", "ru", "zh", "ko", "ja", "en"} <= languages


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture_imports_validates_and_prints_every_string(fixture: Path, tmp_path: Path) -> None:
    out = tmp_path / (fixture.name.split(".")[0] + ".resumefmt.yaml")
    result = cli("import", str(fixture), "--from", "jsonresume", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert " error: " not in result.stderr
    document = load(out)
    assert document.data["resumefmt"] == "1.1"
    assert validate(document) == []
    markdown = cli("convert", str(out), "--to", "markdown")
    assert markdown.returncode == 0, markdown.stderr
    source = json.loads(fixture.read_text("utf-8"))
    assert missing_strings(source, markdown.stdout) == []


def test_fixtures_export_back_to_valid_json_resume(tmp_path: Path) -> None:
    """The 1.1 fields go to their native JSON Resume places, and the official validator agrees."""
    node = require_tool("node")
    outputs = []
    for fixture in FIXTURES:
        yaml = tmp_path / (fixture.name.split(".")[0] + ".resumefmt.yaml")
        assert cli("import", str(fixture), "--from", "jsonresume", "-o", str(yaml)).returncode == 0
        exported = tmp_path / (fixture.name.split(".")[0] + ".json")
        result = cli("convert", str(yaml), "--to", "jsonresume", "-o", str(exported))
        assert result.returncode == 0, result.stderr
        outputs.append(exported)
    script = str(ROOT / "tests" / "node" / "validate.js")
    checked = subprocess.run(
        [node, script, *map(str, outputs)], capture_output=True, text=True, check=True
    )
    verdicts = [json.loads(line) for line in checked.stdout.splitlines()]
    assert [(v["valid"], v["errors"]) for v in verdicts] == [(True, [])] * len(outputs)
    ella = json.loads(outputs[-1].read_text("utf-8"))
    assert ella["basics"]["image"] == "https://cdn.example.com/ella-martin.jpg"
    assert ella["work"][0]["description"] == "Remote patient monitoring start-up"
    assert ella["volunteer"] == [
        {
            "organization": "Code for Berlin",
            "position": "Mentor",
            "startDate": "2020",
            "summary": "Mentoring new designers.",
        }
    ]
    assert ella["projects"][0]["entity"] == "Open Design Collective"
    assert ella["projects"][0]["type"] == "Guidelines"
    assert ella["certificates"][0]["issuer"] == "Human Factors International"
    assert ella["references"][0]["name"] == "Dr. Nora Klein"
    assert ella["meta"]["version"] == "v1.2.0"
    assert "x-resumefmt" not in ella["volunteer"][0]


# --- each pattern, with its notices --------------------------------------------


def test_0x_keys_are_read_under_their_1x_names() -> None:
    out, found = notices(
        {
            "basics": {
                "name": "A",
                "website": "https://a.example.com",
                "picture": "https://a.example.com/a.png",
            },
            "work": [
                {
                    "company": "Co",
                    "position": "Dev",
                    "website": "https://co.example.com",
                    "startDate": "2020",
                }
            ],
            "volunteer": [{"organization": "Club", "website": "https://club.example.com"}],
            "education": [{"institution": "U", "gpa": "3.8"}],
            "publications": [{"name": "P", "website": "https://p.example.com"}],
            "awards": [{"title": "W", "awardDate": "2019"}],
            "languages": [{"name": "Welsh"}],
            "hobbies": [{"name": "Chess"}],
        }
    )
    assert out["basics"]["url"] == "https://a.example.com"
    assert out["basics"]["image"] == "https://a.example.com/a.png"
    assert out["work"] == [
        {
            "organization": "Co",
            "role": "Dev",
            "url": "https://co.example.com",
            "start": "2020",
            "end": "present",
        }
    ]
    assert out["volunteer"] == [{"organization": "Club", "url": "https://club.example.com"}]
    assert out["education"] == [{"institution": "U", "gpa": "3.8"}]
    assert out["publications"] == [{"title": "P", "url": "https://p.example.com"}]
    assert out["awards"] == [{"title": "W", "date": "2019"}]
    assert out["languages"] == [{"language": "Welsh"}]
    assert out["interests"] == [{"name": "Chess"}]
    assert [f[2:4] for f in found] == [("info", "RF067")] * 10
    assert found[0][:2] == (4, 5)
    assert found[0][4] == "'website' is JSON Resume 0.x's key for 'url': read as 'url'"
    assert "'hobbies' is a key of JSON Resume 0.0.11 for 'interests'" in found[-1][4]


def test_a_0x_key_beside_its_1x_name_with_another_value_is_kept() -> None:
    out, found = notices({"basics": {"name": "A"}, "work": [{"name": "Co", "company": "Other"}]})
    assert out["work"] == [{"organization": "Co", "x-jsonresume": {"company": "Other"}}]
    assert [f[2:] for f in found] == [
        (
            "warning",
            "RF062",
            "'company' has no place in resumefmt: kept under x-jsonresume "
            "(exported back, printed by no converter)",
        )
    ]


def test_empty_strings_and_nulls_are_dropped_before_the_official_check() -> None:
    # a null name would fail the official schema ("expected text"); it is left out first
    out, found = notices(
        {
            "basics": {"name": "A", "label": None, "location": {"city": ""}},
            "work": [{"name": "", "position": None, "highlights": [""]}],
            "skills": [{"name": "S", "keywords": ["x", None]}],
        }
    )
    assert out == {
        "resumefmt": "1.1",
        "basics": {"name": "A"},
        "skills": [{"name": "S", "keywords": ["x"]}],
    }
    assert [(f[0], f[1], f[4]) for f in found] == [
        (4, 14, "the null 'label' is left out"),
        (6, 15, "the empty 'city' is left out"),
        (5, 17, "basics.location is left out: it holds only empty values"),
        (11, 15, "the empty 'name' is left out"),
        (12, 19, "the null 'position' is left out"),
        (14, 9, "an empty item is left out"),
        (13, 21, "work[0].highlights is left out: it holds only empty values"),
        (10, 5, "work[0] is left out: it holds only empty values"),
        (9, 11, "work is left out: it holds only empty values"),
        (23, 9, "a null item is left out"),
    ]
    assert {f[3] for f in found} == {"RF063"}


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2019-3", "2019-03"),
        ("2019-3-7", "2019-03-07"),
        ("Mar 2022", "2022-03"),
        ("March 2022", "2022-03"),
        ("Sept 2021", "2021-09"),
        ("03/2022", "2022-03"),
        ("2022/03", "2022-03"),
        ("2022-03-01T00:00:00.000Z", "2022-03-01"),
        ("13/2022", None),
        ("01/02/2022", None),
        ("Summer 2019", None),
        ("2020-13", None),
    ],
)
def test_dates_in_the_wild_are_read_where_unambiguous(written: str, read: str | None) -> None:
    assert read_date(written) == read


@pytest.mark.parametrize("word", ["Present", "present", "now", "Current", "至今", "현재", "atual"])
def test_words_for_ongoing_end_as_present(word: str) -> None:
    out, found = notices(
        {"basics": {"name": "A"}, "work": [{"name": "Co", "startDate": "2020", "endDate": word}]}
    )
    assert out["work"] == [{"organization": "Co", "start": "2020", "end": "present"}]
    assert found == [
        (9, 18, "info", "RF067", f"endDate {word!r} is read as ongoing (end: present)")
    ]


def test_an_unreadable_date_is_kept_reported_and_not_taken_for_ongoing() -> None:
    out, found = notices(
        {
            "basics": {"name": "A"},
            "work": [{"name": "Co", "startDate": "Summer 2019", "endDate": "Fall 2020"}],
        }
    )
    assert out["work"] == [
        {"organization": "Co", "x-jsonresume": {"startDate": "Summer 2019", "endDate": "Fall 2020"}}
    ]
    assert [f[:4] for f in found] == [(8, 20, "warning", "RF062"), (9, 18, "warning", "RF062")]
    assert found[0][4] == (
        "startDate 'Summer 2019' is not a date resumefmt can read (YYYY, YYYY-MM or "
        "YYYY-MM-DD): kept under x-jsonresume.startDate, printed by no converter"
    )


def test_a_date_json_resume_allows_and_ours_refuses_is_kept_not_refused() -> None:
    out, found = notices(
        {"basics": {"name": "A"}, "work": [{"name": "Co", "startDate": "2020-13"}]}
    )
    assert out["work"] == [{"organization": "Co", "x-jsonresume": {"startDate": "2020-13"}}]
    assert found == [
        (
            8,
            20,
            "warning",
            "RF062",
            "startDate '2020-13' is not a date resumefmt can read (YYYY, YYYY-MM or "
            "YYYY-MM-DD): kept under x-jsonresume.startDate, printed by no converter",
        )
    ]


def test_an_address_json_resume_allows_and_ours_refuses_is_kept_not_refused() -> None:
    out, found = notices(
        {"basics": {"name": "A", "url": "ftp://files.example.com"}, "work": [{"name": "Co"}]}
    )
    assert out["basics"] == {"name": "A", "x-jsonresume": {"url": "ftp://files.example.com"}}
    assert found == [
        (
            4,
            12,
            "warning",
            "RF062",
            "basics.url: 'ftp://files.example.com' is not a web address: write it in full, "
            "starting with https://: kept under x-jsonresume.url, printed by no converter",
        )
    ]


@pytest.mark.parametrize(
    ("written", "code"),
    [("USA", "US"), ("United States", "US"), ("Germany", "DE"), ("Deutschland", "DE"),
     ("China", "CN"), ("中国", "CN"), ("UK", "GB"), ("España", "ES"), ("Россия", "RU")],
)  # fmt: skip
def test_country_names_are_read_as_codes_and_kept_as_written(written: str, code: str) -> None:
    out, found = notices({"basics": {"name": "A", "location": {"countryCode": written}}})
    assert out["basics"]["location"] == {"countryCode": code, "country": written}
    assert found == [
        (
            5,
            22,
            "info",
            "RF067",
            f"countryCode {written!r} is read as {code!r}, the name kept as country {written!r}",
        )
    ]


def test_an_unknown_country_is_kept_as_written() -> None:
    out, found = notices({"basics": {"name": "A", "location": {"countryCode": "Atlantis"}}})
    assert out["basics"]["location"] == {"country": "Atlantis"}
    assert found == [
        (
            5,
            22,
            "info",
            "RF067",
            "countryCode 'Atlantis' is not a country code resumefmt knows: kept as written, "
            "as country",
        )
    ]


def test_lower_case_codes_are_read_in_capitals() -> None:
    out, _ = notices({"basics": {"name": "A", "location": {"countryCode": "pl"}}})
    assert out["basics"]["location"] == {"countryCode": "PL"}


def test_profiles_with_real_schemes_and_without_url_import() -> None:
    profiles = [
        {"network": "Skype", "url": "skype:someone?call"},
        {"network": "E-mail", "url": "mailto:someone@example.com"},
        {"network": "Phone", "url": "tel:+15550100"},
        {"network": "Telegram", "username": "someone"},
        {"url": "https://github.com/someone"},
    ]
    out, found = notices({"basics": {"name": "A", "profiles": profiles}})
    assert out["basics"]["profiles"] == [
        *profiles[:4],
        {"network": "github.com", "url": "https://github.com/someone"},
    ]
    assert [f[4] for f in found] == [
        "the profile has no network: read as 'github.com', from its url"
    ]


def test_entries_without_start_date_import_undated() -> None:
    out, found = notices(
        {"basics": {"name": "A"}, "work": [{"name": "Co", "position": "Consultant"}]}
    )
    assert out["work"] == [{"organization": "Co", "role": "Consultant"}]
    assert found == []


def test_the_1x_fields_are_native() -> None:
    out, found = notices(
        {
            "basics": {"name": "A", "image": "photo.jpg"},
            "work": [{"name": "Co", "description": "Makes things", "technologies": ["Go"]}],
            "volunteer": [{"organization": "Club", "position": "Coach", "summary": "S"}],
            "education": [{"institution": "U", "location": "Paris"}],
            "projects": [
                {"name": "P", "summary": "S", "entity": "E", "type": "T", "roles": ["A", "B"]}
            ],
            "certificates": [
                {"name": "C", "issuer": "I", "date": "2020", "url": "https://c.example"}
            ],
            "references": [{"name": "R", "reference": "Good"}],
        }
    )
    assert found == []
    assert out["basics"] == {"name": "A", "image": "photo.jpg"}
    assert out["work"] == [
        {"organization": "Co", "description": "Makes things", "technologies": ["Go"]}
    ]
    assert out["volunteer"] == [{"organization": "Club", "role": "Coach", "summary": "S"}]
    assert out["education"] == [{"institution": "U", "location": "Paris"}]
    assert out["projects"] == [
        {
            "name": "P",
            "summary": "S",
            "organization": "E",
            "type": "T",
            "role": "A, B",
            "x-jsonresume": {"roles": ["A", "B"]},
        }
    ]
    assert out["certificates"] == [
        {"name": "C", "issuer": "I", "date": "2020", "url": "https://c.example"}
    ]
    assert out["references"] == [{"name": "R", "reference": "Good"}]


def test_an_entry_missing_its_name_is_still_an_error_naming_the_key() -> None:
    with pytest.raises(DocumentError) as caught:
        imported('{"basics": {"name": "A"}, "volunteer": [{"position": "Coach"}]}')
    assert [d.message for d in caught.value.diagnostics] == [
        "volunteer[0] has no 'organization', which resumefmt requires (as 'organization'): add it"
    ]


def test_country_module_matches_the_installed_babel() -> None:
    if importlib.util.find_spec("babel") is None:
        reason = "babel is not installed (it is a test extra)"
        if in_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    spec = importlib.util.spec_from_file_location(
        "gen_countries", ROOT / "scripts" / "gen_countries.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    module = ROOT / "resumefmt" / "converters" / "jsonresume" / "_countries.py"
    expected = script.render_module()
    assert module.read_text(encoding="utf-8") == expected, (
        "stale: run .venv/bin/python scripts/gen_countries.py"
    )


# --- validate helps the lost (issue 9, item 4) ------------------------------------


def test_validate_and_lint_say_a_json_resume_document_is_one(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text((WILD / "09-jordan-miles.en.json").read_text("utf-8"), "utf-8")
    line = (
        f"{source}:1:1: error: this is a JSON Resume document, not a resumefmt résumé: "
        f"convert it with: resumefmt import {source} --from jsonresume "
        "-o resume.resumefmt.yaml [RF005]"
    )
    for command in ("validate", "lint"):
        result = cli(command, str(source))
        assert (result.returncode, result.stdout.splitlines()) == (1, [line])


@pytest.mark.parametrize(
    "text",
    [
        '{"$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"}',
        '{"basics": {"name": "A", "label": "Dev"}}',
        '{"work": [{"company": "C"}]}',
        '{"meta": {"version": "v1"}}',
    ],
)
def test_each_sign_of_json_resume_is_recognised(text: str) -> None:
    [found] = validate(load_text(text, "cv.json", "json"))
    assert (found.code, found.message) == (
        "RF005",
        "this is a JSON Resume document, not a resumefmt résumé: convert it with: "
        "resumefmt import cv.json --from jsonresume -o cv.resumefmt.yaml",
    )


def test_validate_says_a_rendercv_file_is_one() -> None:
    text = "cv:\n  name: A\n  sections:\n    experience: []\ndesign:\n  theme: classic\n"
    [found] = validate(load_text(text, "John_Doe_CV.yaml"))
    assert (found.location.line, found.location.column, found.code, found.message) == (
        1,
        1,
        "RF005",
        "this is a RenderCV file, not a resumefmt résumé: convert it with: "
        "resumefmt import John_Doe_CV.yaml --from rendercv -o John_Doe_CV.resumefmt.yaml",
    )


def test_a_document_that_declares_our_version_gets_the_usual_findings() -> None:
    text = 'resumefmt: "1.1"\nbasics:\n  name: A\n  label: x\n'
    assert [d.message for d in validate(load_text(text, "r.yaml"))] == [
        "unknown key 'label' in basics (did you mean 'headline'?)"
    ]


def test_did_you_mean_knows_json_resume_and_rendercv_names() -> None:
    text = (
        'resumefmt: "1.1"\nbasics:\n  name: A\n  website: "https://a.example"\n'
        "  picture: a.png\nwork:\n  - company: C\n    name: N\n    position: D\n"
        '    startDate: "2020"\n    end_date: "2021"\neducation:\n  - institution: U\n'
        "    studyType: BSc\n    area: CS\n    score: '3.9'\npublications:\n  - title: T\n"
        "    publisher: P\n    releaseDate: '2020'\n    journal: J\n"
    )
    found = [
        (d.location.line, d.message)
        for d in validate(load_text(text, "r.yaml"))
        if d.code == "RF011"
    ]
    assert found == [
        (4, "unknown key 'website' in basics (did you mean 'url'?)"),
        (5, "unknown key 'picture' in basics (did you mean 'image'?)"),
        (7, "unknown key 'company' in work[0] (did you mean 'organization'?)"),
        (8, "unknown key 'name' in work[0] (did you mean 'organization'?)"),
        (9, "unknown key 'position' in work[0] (did you mean 'role'?)"),
        (10, "unknown key 'startDate' in work[0] (did you mean 'start'?)"),
        (11, "unknown key 'end_date' in work[0] (did you mean 'end'?)"),
        (14, "unknown key 'studyType' in education[0] (did you mean 'degree'?)"),
        (15, "unknown key 'area' in education[0] (did you mean 'field'?)"),
        (16, "unknown key 'score' in education[0] (did you mean 'gpa'?)"),
        (19, "unknown key 'publisher' in publications[0] (did you mean 'venue'?)"),
        (20, "unknown key 'releaseDate' in publications[0] (did you mean 'date'?)"),
        (21, "unknown key 'journal' in publications[0] (did you mean 'venue'?)"),
    ]


def test_tens_of_thousands_of_empty_values_import_in_bounded_time(tmp_path: Path) -> None:
    """One notice per empty value, as the issue asks, without a cost per pair of them."""
    from bounded import run_bounded

    entry = {"name": "Co", "startDate": "Mar 2022", "endDate": "now", "location": ""}
    work = [{**entry, "highlights": ["", None] * 500} for _ in range(40)]
    source = tmp_path / "many.json"
    source.write_text(json.dumps({"basics": {"name": "A"}, "work": work}), "utf-8")
    out = tmp_path / "many.resumefmt.yaml"
    env = {"PYTHONPATH": str(ROOT), "PYTHONSAFEPATH": "1"}
    case = run_bounded(
        "import: 40,000 empty values", "import", source, "--from", "jsonresume", "-o", out,
        env=env, seconds=20,
    )  # fmt: skip
    assert case.returncode == 0, case.stderr[-500:]
    lines = case.stderr.splitlines()
    assert len(lines) == 40 * (1000 + 1 + 2 + 1)  # the items, the emptied list, dates, location
    assert lines[0] == f"{source}:1:106: info: the empty 'location' is left out [RF063]"
    assert load(out).data["work"][0] == {"organization": "Co", "start": "2022-03", "end": "present"}
    assert case.seconds < 20 and case.peak_mib < 400
