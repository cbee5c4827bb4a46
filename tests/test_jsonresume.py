"""The JSON Resume converter both ways: docs/jsonresume.md, the official validator, round trips."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import NODE_BIN, ROOT, example_files, require_tool
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import (
    AWKWARD,
    json_values,
    jsonresume_documents,
    resumefmt_documents,
    rich_text,
    text,
)

from resumefmt._yaml_writer import dump
from resumefmt.converters.jsonresume import render_import
from resumefmt.converters.jsonresume._export import export
from resumefmt.converters.jsonresume._import import import_document
from resumefmt.converters.jsonresume._mapping import DEFAULT_SCHEMA_URL
from resumefmt.converters.jsonresume._official import official_schema
from resumefmt.converting import ConvertOptions
from resumefmt.errors import DocumentError
from resumefmt.loader import load, load_text
from resumefmt.selection import selected
from resumefmt.validation import validate

PACKAGE = ROOT / "tests" / "node" / "node_modules" / "@jsonresume" / "schema"
SAMPLES = [PACKAGE / "sample.resume.json", *sorted((PACKAGE / "examples").glob("*.json"))]
_props = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "resumefmt", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def to_jsonresume(data: dict[str, Any]) -> dict[str, Any]:
    document = load_text(json.dumps(data, ensure_ascii=False), "in.json", "json")
    assert validate(document) == []
    return export(document, ConvertOptions())


def to_resumefmt(data: Any, options: ConvertOptions | None = None) -> dict[str, Any]:
    """Import, write the YAML, read it back: the data a user gets."""
    document = load_text(json.dumps(data, ensure_ascii=False), "in.json", "json")
    text = render_import(document, options or ConvertOptions())
    back = load_text(text, "out.yaml")
    assert validate(back) == [], text
    result: dict[str, Any] = back.data
    return result


def without_record(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "x-resumefmt"}


def without_empties(value: Any) -> Any:
    """``value`` without the empty strings and nulls an import leaves out (docs/jsonresume.md).

    Your own ``x-`` fields are kept as written.
    """
    if isinstance(value, dict):
        return {
            k: v if k.startswith("x-") else without_empties(v)
            for k, v in value.items()
            if k.startswith("x-") or v not in ("", None)
        }
    if isinstance(value, list):
        return [without_empties(v) for v in value if v not in ("", None)]
    return value


def import_errors(data: Any) -> list[tuple[int, int, str, str]]:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    with pytest.raises(DocumentError) as caught:
        import_document(load_text(text, "in.json", "json"), ConvertOptions())
    return [
        (d.location.line, d.location.column, d.code, d.message) for d in caught.value.diagnostics
    ]


def test_vendored_schema_is_the_npm_package_s() -> None:
    assert official_schema() == json.loads((PACKAGE / "schema.json").read_text("utf-8"))


def test_examples_export_valid_json_resume_and_render_with_a_real_theme(tmp_path: Path) -> None:
    node = require_tool("node")
    outputs = []
    for example in example_files():
        out = tmp_path / (example.name.split(".")[0] + ".json")
        result = cli("convert", str(example), "--to", "jsonresume", "-o", str(out))
        assert (result.returncode, result.stdout) == (0, ""), result.stderr
        outputs.append(out)
    script = str(ROOT / "tests" / "node" / "validate.js")
    checked = subprocess.run(
        [node, script, *map(str, outputs)], capture_output=True, text=True, check=True
    )
    verdicts = [json.loads(line) for line in checked.stdout.splitlines()]
    assert [(v["valid"], v["errors"]) for v in verdicts] == [(True, [])] * len(outputs)
    resumed = require_tool("resumed", search=NODE_BIN)
    html = tmp_path / "shuai.html"
    rendered = subprocess.run(
        [resumed, "render", str(outputs[-1]), "--theme", "jsonresume-theme-even", "-o", str(html)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT / "tests" / "node",
    )
    assert rendered.returncode == 0, rendered.stderr
    page = html.read_text("utf-8")
    data = json.loads(outputs[-1].read_text("utf-8"))
    assert data["basics"]["name"] in page
    for job in data["work"]:
        assert job["position"].replace("&", "&amp;") in page


def test_export_to_stdout_equals_o_and_is_deterministic(tmp_path: Path) -> None:
    example = str(example_files()[0])
    first = cli("convert", example, "--to", "jsonresume")
    second = cli("convert", example, "--to", "jsonresume")
    out = tmp_path / "out.json"
    written = cli("convert", example, "--to", "jsonresume", "-o", str(out))
    assert first.returncode == written.returncode == 0
    assert first.stdout == second.stdout == out.read_text("utf-8")
    assert json.loads(first.stdout)["$schema"] == DEFAULT_SCHEMA_URL


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.name)
def test_import_of_export_gives_the_example_back(example: Path) -> None:
    # The export is of one language and one variant: the document as it is built.
    data = selected(load(example), None, None).data
    data.pop("locale", None)  # JSON Resume has no field for the language it is in
    assert to_resumefmt(to_jsonresume(data)) == data


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_export_of_import_gives_the_official_samples_back(sample: Path) -> None:
    data = json.loads(sample.read_text("utf-8"))
    again = without_record(to_jsonresume(to_resumefmt(data)))
    assert again == {"$schema": DEFAULT_SCHEMA_URL, **without_empties(data)}


@_props
@given(resumefmt_documents())
def test_import_of_export_is_the_identity(document: dict[str, Any]) -> None:
    assert to_resumefmt(to_jsonresume(document)) == document


@_props
@given(jsonresume_documents())
def test_export_of_import_is_the_identity(document: dict[str, Any]) -> None:
    again = without_record(to_jsonresume(to_resumefmt(document)))
    assert again == {"$schema": DEFAULT_SCHEMA_URL, **without_empties(document)}


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.one_of(text, rich_text), st.one_of(json_values, rich_text), max_size=4))
def test_yaml_writer_reads_back_as_the_same_data(data: dict[str, Any]) -> None:
    assert load_text(dump(data), "w.yaml").data == data


def test_yaml_writer_quotes_what_yaml_would_read_as_something_else() -> None:
    data = {word: [word, f"{word}\n{word}\n"] for word in AWKWARD}
    text = dump(data)
    assert load_text(text, "w.yaml").data == data
    assert '\n  - "yes"\n' in text and "\n  - yes\n" not in text and '- "2021-03"' in text


EDUCATION_MARKERS = [
    ({"start": "2020"}, {"startDate": "2020", "x-resumefmt": {"end": None}}),
    ({"start": "2020", "end": "present"}, {"startDate": "2020"}),
    ({"end": "present"}, {"x-resumefmt": {"end": "present"}}),
    ({"end": "2021"}, {"endDate": "2021"}),
    ({}, {}),
]


@pytest.mark.parametrize(("dates", "expected"), EDUCATION_MARKERS)
def test_education_dates_follow_convention_5(
    dates: dict[str, str], expected: dict[str, Any]
) -> None:
    ours = {
        "resumefmt": "1.0",
        "basics": {"name": "A"},
        "education": [{"institution": "U", **dates}],
    }
    exported = to_jsonresume(ours)
    assert exported["education"] == [{"institution": "U", **expected}]
    assert to_resumefmt(exported) == ours


def test_derived_values_fill_native_fields_and_yield_to_edits() -> None:
    ours = {
        "resumefmt": "1.0",
        "basics": {"name": "A"},
        "projects": [{"name": "p", "summary": "S", "repository": "https://git.example.com/p"}],
        "publications": [{"title": "T", "doi": "10.1234/x"}],
        "awards": [{"title": "W", "date": ["2016", "2017"]}],
    }
    exported = to_jsonresume(ours)
    assert exported["projects"][0]["description"] == "S"
    assert exported["projects"][0]["url"] == "https://git.example.com/p"
    assert exported["publications"][0]["url"] == "https://doi.org/10.1234/x"
    assert exported["awards"][0]["date"] == "2016"
    assert to_resumefmt(exported) == ours
    exported["projects"][0]["description"] = "edited"
    options = ConvertOptions()
    assert to_resumefmt(exported, options)["projects"][0]["description"] == "edited"
    assert [(n.code, n.severity) for n in options.notices] == [("RF064", "warning")]
    assert "was edited after the export" in options.notices[0].message


def test_research_joins_work_and_comes_back_in_its_place() -> None:
    ours = {
        "resumefmt": "1.0",
        "research": [{"organization": "Lab", "role": "RA", "start": "2019", "end": "2020"}],
        "basics": {"name": "A"},
        "work": [{"organization": "Co", "role": "Dev", "start": "2021", "end": "present"}],
    }
    exported = to_jsonresume(ours)
    assert [w["name"] for w in exported["work"]] == ["Lab", "Co"]
    assert exported["work"][0]["x-resumefmt"] == {"section": "research"}
    assert "endDate" not in exported["work"][1]
    back = to_resumefmt(exported)
    assert (back, list(back)) == (ours, list(ours))


def test_export_refuses_years_json_resume_cannot_hold() -> None:
    text = 'resumefmt: "1.0"\nbasics:\n  name: A\nawards:\n  - title: W\n    date: "0999"\n'
    with pytest.raises(DocumentError) as caught:
        export(load_text(text, "r.yaml"), ConvertOptions())
    [problem] = caught.value.diagnostics
    assert (problem.location.line, problem.location.column, problem.code) == (6, 11, "RF066")
    assert "years 1000-2999" in problem.message


def test_export_refuses_the_reserved_key() -> None:
    text = 'resumefmt: "1.0"\nbasics:\n  name: A\n  x-resumefmt: 1\n'
    with pytest.raises(DocumentError) as caught:
        export(load_text(text, "r.yaml"), ConvertOptions())
    assert [(d.location.line, d.location.column, d.code) for d in caught.value.diagnostics] == [
        (4, 3, "RF065")
    ]


def test_import_refuses_what_the_official_schema_refuses() -> None:
    found = import_errors({"basics": {"name": "A", "email": "no"}, "work": [{"name": 7}]})
    assert [f[:3] for f in found] == [(4, 14, "RF060"), (8, 15, "RF060")]
    assert "not an e-mail address" in found[0][3]
    assert found[1][3].startswith("not valid JSON Resume: work[0].name: expected text")


def test_import_locates_what_our_schema_requires_in_the_json_file() -> None:
    found = import_errors(
        {
            "basics": {"label": "x"},
            "work": [{"company": "Co", "position": "D", "startDate": "2020-03"}],
            "skills": [{"level": "Expert"}],
        }
    )
    assert [f[:3] for f in found] == [(2, 13, "RF061"), (13, 5, "RF061")]
    assert found[0][3] == "basics has no 'name', which resumefmt requires (as 'name'): add it"
    assert found[1][3] == "skills[0] has no 'name', which resumefmt requires (as 'name'): add it"


def test_import_refuses_unknown_keys_in_the_export_record() -> None:
    found = import_errors({"basics": {"name": "A", "x-resumefmt": {"headline": "H"}}})
    assert found == [
        (
            5,
            7,
            "RF065",
            "x-resumefmt on this object holds no 'headline': the export never writes it there",
        )
    ]


def test_cli_import_error_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('{\n  "basics": {"name": "A"},\n  "work": [{"name": 1}]\n}\n', "utf-8")
    out = tmp_path / "out.resumefmt.yaml"
    result = cli("import", str(source), "--from", "jsonresume", "-o", str(out))
    assert result.returncode == 1
    assert (
        f"{source}:3:21: error: not valid JSON Resume: work[0].name: expected text" in result.stderr
    )
    assert not out.exists()


def test_cli_import_writes_yaml_and_prints_notices_on_stderr(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('{\n  "basics": {"name": "A", "image": "", "label": ""}\n}\n', "utf-8")
    out = tmp_path / "out.resumefmt.yaml"
    result = cli("import", str(source), "--from", "jsonresume", "-o", str(out))
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [
        f"{source}:2:36: info: the empty 'image' is left out [RF063]",
        f"{source}:2:49: info: the empty 'label' is left out [RF063]",
    ]
    text = out.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=https://resumefmt.dev/schema/1.1/")
    assert load_text(text, "o.yaml").data == {"resumefmt": "1.1", "basics": {"name": "A"}}
    again = cli("import", str(source), "--from", "jsonresume")
    assert again.stdout == text
