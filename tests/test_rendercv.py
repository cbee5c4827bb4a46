"""import --from rendercv: RenderCV documents in the styles people write (docs/rendercv.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bounded import run_bounded
from conftest import ROOT

from resumefmt.converters.rendercv._dates import free_text
from resumefmt.converters.rendercv._import import keywords, profile_url
from resumefmt.converters.rendercv._names import section_title
from resumefmt.loader import load, load_text

FIXTURES = ROOT / "tests" / "rendercv"
CASES = ("academic", "engineer", "custom", "german", "designed")
#: Normalised, as docs/rendercv.md says: dates are written as ours (and printed as
#: each converter prints dates); a custom connection's icon says how RenderCV draws it.
NORMALISED = frozenset({"date", "start_date", "end_date", "fontawesome_icon"})
CHILD_ENV = {
    "PYTHONPATH": str(Path(__import__("resumefmt").__file__).resolve().parent.parent),
    "PYTHONSAFEPATH": "1",
}


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "resumefmt", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, input=stdin)


def strings(value: Any, key: str | None = None) -> list[tuple[str | None, str]]:
    """Every (key, string) of a RenderCV value, numbers as their text."""
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in strings(v, k)]
    if isinstance(value, list):
        return [pair for v in value for pair in strings(v, key)]
    return [] if value is None else [(key, str(value))]


def imported(tmp_path: Path, case: str) -> tuple[Path, str]:
    out = tmp_path / f"{case}.resumefmt.yaml"
    result = cli("import", str(FIXTURES / f"{case}.yaml"), "--from", "rendercv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def _markdown_prints_11() -> bool:
    """Whether this checkout's Markdown converter prints volunteering and the photo (1.1)."""
    text = (
        'resumefmt: "1.1"\nbasics: {name: A, image: a.jpg}\n'
        "volunteer: [{organization: V, role: R}]\n"
    )
    result = cli("convert", "-", "--to", "markdown", stdin=text)
    return result.returncode == 0 and "a.jpg" in result.stdout


_NEEDS_11 = {"german": "a volunteer section", "designed": "a photo"}


@pytest.mark.parametrize("case", CASES)
def test_every_string_of_cv_is_printed(tmp_path: Path, case: str) -> None:
    """Import exits 0, the result is valid 1.1, and each string of cv: is in the Markdown."""
    if case in _NEEDS_11 and not _markdown_prints_11():
        pytest.skip(f"{case} has {_NEEDS_11[case]}: needs the 1.1 Markdown converter")
    out, notices = imported(tmp_path, case)
    assert cli("validate", "-q", str(out)).returncode == 0
    markdown = cli("convert", str(out), "--to", "markdown")
    assert markdown.returncode == 0, markdown.stderr
    source = load(FIXTURES / f"{case}.yaml", folded_bullets=True).data["cv"]
    missing = [
        (key, text)
        for key, text in strings(source)
        if key not in NORMALISED and not printed(text, markdown.stdout)
    ]
    # Kept under x-rendercv and reported (RF082): the one thing allowed to be missing.
    kept = {line.split("'")[1] for line in notices.splitlines() if "[RF082]" in line}
    assert [(k, t) for k, t in missing if k not in kept] == []


def printed(text: str, markdown: str) -> bool:
    """``text`` is in the Markdown; a whole-link name as its text and its address."""
    link = re.fullmatch(r"\[([^\]]+)\]\((\S+)\)", text)
    if link is not None:
        return link.group(1) in markdown and link.group(2) in markdown
    return text in markdown


def test_a_whole_link_in_a_plain_name_becomes_name_and_url(tmp_path: Path) -> None:
    out, _ = imported(tmp_path, "engineer")
    project = load(out).data["projects"][0]
    assert (project["name"], project["url"]) == (
        "tidewater",
        "https://github.com/tquennell/tidewater",
    )
    markdown = cli("convert", str(out), "--to", "markdown").stdout
    assert "### tidewater" in markdown
    assert "(https://github.com/tquennell/tidewater)" in markdown


def test_the_mapping(tmp_path: Path) -> None:
    """The fields of docs/rendercv.md, on the academic CV."""
    out, _ = imported(tmp_path, "academic")
    data = load(out).data
    assert list(data) == [
        "resumefmt",
        "basics",
        "research",
        "education",
        "publications",
        "sections",
        "labels",
    ]
    basics = data["basics"]
    assert basics["summary"].startswith("I model how **pollinator networks**")
    assert basics["location"] == {"city": "Uppsala, Sweden"}
    assert [p["url"] for p in basics["profiles"]] == [
        "https://orcid.org/0000-0002-1825-0097",
        "https://scholar.google.com/citations?user=x7Yq2LkAAAAJ",
        "https://researchgate.net/profile/Ilse-Marwick",
        "https://ecoevo.social/@imarwick",
    ]
    assert data["research"][0] == {
        "organization": "Nordic Institute for Biodiversity",
        "role": "Postdoctoral Researcher",
        "location": "Uppsala, Sweden",
        "start": "2022-10",
        "end": "present",
        "highlights": [
            "Lead a three-country field campaign on wild bee decline",
            "Supervise two PhD students and one research assistant",
        ],
    }
    assert data["education"][1] == {
        "institution": "Ghent University",
        "degree": "MSc",
        "field": "Biology",
        "start": "2018",
        "end": "2018",
    }
    first, second = data["publications"]
    assert (first["authors"][0], first["authorPosition"], first["venue"], first["doi"]) == (
        "Ilse Marwick",
        1,
        "Ecology Letters",
        "10.1111/ele.99999",
    )
    assert (second["date"], second["url"]) == ("2023", "https://example.org/preprint/4471")
    honors, talks = data["sections"]
    assert honors == {
        "title": "Selected Honors",
        "items": [
            "British Ecological Society Early Career Prize (2023)",
            "Marie Curie Fellowship, 2022 to 2024",
        ],
    }
    assert talks["items"][0] == {
        "title": "Keynote, Nordic Pollination Meeting",
        "location": "Lund, Sweden",
        "date": "2024-05-14",
    }
    assert talks["items"][1]["x-rendercv"] == {"date": "Spring 2023"}
    assert data["labels"] == {"research": "Research Experience"}
    assert "x-rendercv" not in data


def test_skills_languages_summary_and_custom_sections(tmp_path: Path) -> None:
    out, _ = imported(tmp_path, "custom")
    data = load(out).data
    assert basics_summary(data) == (
        "I design calm interfaces for complicated tools.\n\n"
        "Ten years in product design, four of them leading small teams."
    )
    assert data["work"][0]["end"] == "present"  # a start alone runs to the present
    assert data["languages"][1] == {"language": "English", "fluency": "Fluent (C1)"}
    titles = [s["title"] for s in data["sections"]]
    assert titles == ["Skills", "Certifications", "Volunteering", "Patents", "Featured Work"]
    skills = data["sections"][0]["items"]  # markup in details: rich text in a custom section
    assert skills[0] == "**Design:** Figma, **interaction design**, design systems"
    assert data["sections"][3]["x-rendercv"] == {"entry_type": "NumberedEntry"}
    profiles = data["basics"]["profiles"]
    assert profiles == [
        {
            "network": "Email",
            "username": "m.dobrescu@studio.example.net",
            "url": "mailto:m.dobrescu@studio.example.net",
        },
        {
            "network": "Book a portfolio review",
            "url": "https://cal.example.net/mirela",
            "x-rendercv": {"fontawesome_icon": "calendar-days"},
        },
    ]


def basics_summary(data: dict[str, Any]) -> str:
    summary: str = data["basics"]["summary"]
    return summary


def test_skills_split_into_keywords(tmp_path: Path) -> None:
    out, _ = imported(tmp_path, "engineer")
    skills = load(out).data["skills"]
    assert skills[1]["keywords"] == [
        "Kubernetes",
        "Terraform",
        "PostgreSQL (logical replication, partitioning)",
        "Kafka",
    ]


def test_notices_exactly(tmp_path: Path) -> None:
    _, custom = imported(tmp_path, "custom")
    path = FIXTURES / "custom.yaml"
    assert custom.splitlines() == [
        f"{path}:24:13: info: RenderCV prints the parts after ' - ' as sub-bullets; resumefmt "
        "has no nested bullets, so this stays one bullet [RF084]",
        f"{path}:37:5: info: resumefmt prints its custom sections together: 'Certifications' "
        "moves up, after 'Skills' [RF084]",
        f"{path}:40:5: info: resumefmt prints its custom sections together: 'Volunteering' "
        "moves up, after 'Certifications' [RF084]",
        f"{path}:46:5: info: resumefmt prints its custom sections together: 'Patents' moves "
        "up, after 'Volunteering' [RF084]",
        f"{path}:46:5: info: RenderCV numbers the entries of 'Patents'; resumefmt prints them "
        "as a list (the entry type is kept under x-rendercv) [RF084]",
        f"{path}:49:5: info: resumefmt prints its custom sections together: 'Featured Work' "
        "moves up, after 'Patents' [RF084]",
        f"{path}:51:9: warning: 'date' is not a date resumefmt can read (write start_date and "
        "end_date as YYYY-MM): kept under x-rendercv, not printed [RF082]",
        f"{path}:53:9: warning: 'client' has no place in resumefmt: kept under x-rendercv, "
        "not printed [RF082]",
    ]
    _, designed = imported(tmp_path, "designed")
    path = FIXTURES / "designed.yaml"
    ignored = [line for line in designed.splitlines() if "[RF083]" in line]
    assert ignored == [
        f"{path}:{line}:1: info: '{key}' says how RenderCV draws the page, which resumefmt's "
        f"themes decide: kept under x-rendercv, not used [RF083]"
        for line, key in ((34, "design"), (39, "locale"), (42, "settings"))
    ]


def test_design_locale_and_settings_are_kept(tmp_path: Path) -> None:
    out, _ = imported(tmp_path, "designed")
    kept = load(out).data["x-rendercv"]
    assert kept["design"]["theme"] == "sb2nov"
    assert kept["locale"]["present"] == "至今"
    assert kept["settings"]["bold_keywords"] == ["Java"]
    labels = load(out).data["labels"]
    assert labels == {"education": "教育背景", "work": "工作经历", "skills": "专业技能"}


def test_renderCV_sub_bullets_are_read_not_refused(tmp_path: Path) -> None:
    """RenderCV's own example folds sub-bullets into the bullet above; validate refuses that."""
    text = (
        "cv:\n  name: Ana Pereira\n  sections:\n    experience:\n"
        "      - company: Orvalho\n        position: Engineer\n        start_date: 2020-01\n"
        "        highlights:\n          - Published research\n            - ICML paper\n"
    )
    source = tmp_path / "cv.yaml"
    source.write_text(text)
    result = cli("import", str(source), "--from", "rendercv")
    assert result.returncode == 0, result.stderr
    data = load_text(result.stdout).data
    assert data["work"][0]["highlights"] == ["Published research - ICML paper"]
    assert f"{source}:9:13: info: RenderCV prints the parts after ' - '" in result.stderr
    assert cli("validate", str(source)).returncode == 1  # still refused in our own files


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: Ana\nwork: []\n",
            "1:1: error: not a RenderCV document: it has no top-level 'cv' (RenderCV files "
            "start with cv:, your name and your sections under it) [RF080]",
        ),
        ("cv: Ana\n", "1:1: error: cv must be a mapping (name, email, sections ...) [RF080]"),
        ("cv:\n  name: [Ana]\n", "2:9: error: cv.name: RenderCV expects text here [RF080]"),
        (
            "cv:\n  name: Ana\n  sections:\n    - experience\n",
            "4:5: error: cv.sections: RenderCV expects a mapping of section titles to lists of "
            "entries here [RF080]",
        ),
        (
            "cv:\n  name: Ana\n  sections:\n    Work:\n      company: X\n",
            "5:7: error: cv.sections.Work: RenderCV expects a list of entries here [RF080]",
        ),
        (
            "cv:\n  name: Ana\n  sections:\n    Work:\n      - company: X\n"
            "        position: Y\n        highlights: Did things\n",
            "7:21: error: cv.sections.Work[0].highlights: RenderCV expects a list of text here "
            "[RF080]",
        ),
        (
            "cv:\n  name: Ana\n  sections:\n    Misc:\n      - colour: blue\n",
            "5:9: error: cv.sections.Misc[0] matches no RenderCV entry type: an entry has a "
            "name, company, institution, title, label, bullet, number or reversed_number, or is "
            "one line of text [RF080]",
        ),
        (
            "cv:\n  email: a@example.com\n",
            "2:3: error: cv has no 'name', which resumefmt requires: add it [RF081]",
        ),
        (
            "cv:\n  name: Ana\n  sections:\n    Work:\n      - company: X\n"
            "        position: Y\n        start_date: 2021-13\n",
            "7:21: error: work[0].start: '2021-13' is not a date: use YYYY, YYYY-MM or "
            "YYYY-MM-DD (RenderCV: cv.sections.Work[0].start_date) [RF013]",
        ),
        (
            "cv:\n  name: Ana\n   email: x\n",
            "3:4: error: this line is indented differently from the one above (3 spaces here, "
            "2 spaces on line 2): line it up with the entry it belongs to [RF001]",
        ),
    ],
)
def test_errors_are_located(tmp_path: Path, text: str, expected: str) -> None:
    source = tmp_path / "cv.yaml"
    source.write_text(text)
    out = tmp_path / "out.yaml"
    result = cli("import", str(source), "--from", "rendercv", "-o", str(out))
    assert result.returncode == 1
    assert f"{source}:{expected}" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_help_names_rendercv() -> None:
    result = cli("import", "--help")
    assert result.returncode == 0
    assert "rendercv" in result.stdout
    assert "RenderCV" in result.stdout


def test_a_big_rendercv_file_is_bounded(tmp_path: Path) -> None:
    """3,000 entries of 6 bullets (about 2 MiB): imported in bounded time and memory."""
    entry = (
        "      - company: Company {i}\n        position: Engineer\n        start_date: 2020-01\n"
        "        highlights:\n" + "          - Did a thing that mattered a great deal - {i}\n" * 6
    )
    text = "cv:\n  name: Ana\n  sections:\n    Experience:\n" + "".join(
        entry.format(i=i) for i in range(3000)
    )
    source = tmp_path / "big.yaml"
    source.write_text(text)
    out = tmp_path / "big.resumefmt.yaml"
    case = run_bounded(
        "import --from rendercv, 3000 entries",
        "import",
        source,
        "--from",
        "rendercv",
        "-o",
        out,
        env=CHILD_ENV,
        seconds=60,
    )
    assert case.returncode == 0, case.stderr[-2000:]
    assert case.stderr.count("[RF084]") == 18000
    assert case.seconds < 60 and case.peak_mib < 600


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021", ("2021", "2021")),
        ("Sept 2021", ("2021-09", "2021-09")),
        ("03/2020", ("2020-03", "2020-03")),
        ("2019 - 2021", ("2019", "2021")),
        ("2019-2021", ("2019", "2021")),
        ("Jan 2020 \u2013 Present", ("2020-01", "present")),
        ("Fall 2023", None),
        ("2020 - soon", None),
    ],
)
def test_free_text_dates(text: str, expected: tuple[str, str] | None) -> None:
    assert free_text(text) == expected


def test_names_and_addresses() -> None:
    assert section_title("selected_honors") == "Selected Honors"
    assert section_title("education_and_training") == "Education and Training"
    assert section_title("Work Experience") == "Work Experience"
    assert profile_url("Mastodon", "@ana@fosstodon.org") == "https://fosstodon.org/@ana"
    assert profile_url("Mastodon", "ana") is None
    assert profile_url("Friendster", "ana") is None
    assert keywords("C, C++, Rust") == ["C", "C++", "Rust"]
    assert keywords("Go, Go") == ["Go, Go"]
    assert keywords("Python (NumPy, pandas), SQL") == ["Python (NumPy, pandas)", "SQL"]


def test_an_x_rendercv_of_the_users_own_is_merged_not_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "cv.yaml"
    source.write_text(
        "cv:\n  name: Ana\n  sections:\n    Talks:\n      - name: Keynote\n"
        "        x-rendercv: {venue: Hall A}\n        audience: 300\n"
    )
    result = cli("import", str(source), "--from", "rendercv")
    assert result.returncode == 0, result.stderr
    item = load_text(result.stdout).data["sections"][0]["items"][0]
    assert item == {"title": "Keynote", "x-rendercv": {"venue": "Hall A", "audience": 300}}
