"""The command line as a user runs it: real processes, exit codes, exact output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SCHEMA_DIR, example_files

from resumefmt import __version__

GOOD = 'resumefmt: "1.0"\nbasics:\n  name: Ada\n'


def run(*args: str, cwd: Path | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        check=False,
    )


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"resumefmt {__version__}\n")


def test_examples_are_valid() -> None:
    files = [str(p) for p in example_files()]
    assert len(files) == 3
    result = run("validate", *files)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "3 files valid\n")


BAD = [
    pytest.param(
        "r.yaml",
        GOOD + "  headline: [a]\n",
        ["r.yaml:4:13: error: basics.headline: expected text, found a list [RF010]"],
        id="wrong-type",
    ),
    pytest.param(
        "r.yaml",
        GOOD + "  nmae: x\n",
        ["r.yaml:4:3: error: unknown key 'nmae' in basics (did you mean 'name'?) [RF011]"],
        id="unknown-key",
    ),
    pytest.param(
        "r.yaml",
        GOOD + "education:\n  - institution: U\n    end: '2021-13'\n",
        [
            "r.yaml:6:10: error: education[0].end: '2021-13' is not a date: use YYYY, YYYY-MM, "
            "YYYY-MM-DD or present [RF013]"
        ],
        id="impossible-date",
    ),
    pytest.param(
        "r.yaml",
        'resumefmt: "1.0"\nbasics:\n  headline: x\n',
        ["r.yaml:3:3: error: missing required key 'name' in basics [RF012]"],
        id="missing-required",
    ),
    pytest.param(
        "r.yaml",
        GOOD + "  name: Bob\n",
        [
            "r.yaml:4:3: error: duplicate key 'name': it is already defined at line 3, "
            "column 3; remove one of them [RF002]"
        ],
        id="duplicate-key",
    ),
    pytest.param(
        "r.yaml",
        GOOD + "  headline: [a\n",
        [
            "r.yaml:4:13: error: this '[' starts a list that is never closed: end it with ']', "
            "or put the text in quotes if it is not a list [RF001]"
        ],
        id="yaml-syntax",
    ),
    pytest.param(
        "r.resumefmt.json",
        '{"resumefmt": "1.0",\n "basics": {"name": "Ada",}}',
        [
            "r.resumefmt.json:2:26: error: trailing comma: remove this ',' (JSON allows no "
            "comma before '}') [RF001]"
        ],
        id="json-syntax",
    ),
    pytest.param(
        "r.yaml",
        'resumefmt: "2.0"\nbasics:\n  name: Ada\n',
        [
            "r.yaml:1:12: error: this file uses format version 2.0; this release of resumefmt "
            "reads versions 1.0, 1.1: upgrade resumefmt to read it [RF005]"
        ],
        id="newer-major-version",
    ),
    pytest.param(
        "r.yaml",
        GOOD + "  headline: [a]\n  email: nope\nwork:\n  - organization: X\n",
        [
            "r.yaml:4:13: error: basics.headline: expected text, found a list [RF010]",
            "r.yaml:5:10: error: basics.email: 'nope' is not an e-mail address: write it as "
            "name@example.com [RF013]",
            "r.yaml:7:5: error: missing required key 'role' in work[0] [RF012]",
            "r.yaml:7:5: error: missing required key 'start' in work[0] [RF012]",
            "r.yaml:7:5: error: missing required key 'end' in work[0] [RF012]",
        ],
        id="several-problems",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD)
def test_bad_input_exits_1_with_one_located_line_per_problem(
    tmp_path: Path, name: str, text: str, expected: list[str]
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("validate", name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == expected
    assert result.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written
    assert (tmp_path / name).read_text(encoding="utf-8") == text


def test_a_missing_file_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run("validate", "nope.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "resumefmt: cannot read 'nope.yaml': No such file or directory\n"


def test_a_folder_without_resumes_exits_2(tmp_path: Path) -> None:
    result = run("validate", ".", "-q", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: no résumé found in the folder '.': resumefmt looks below it for "
        "*.resumefmt.yaml, *.resumefmt.yml, *.resumefmt.json "
        "(hidden folders and node_modules are skipped)\n",
    )


def test_the_worst_outcome_sets_the_exit_code(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(GOOD + "  x: 1\n", encoding="utf-8")
    result = run("validate", "good.yaml", "bad.yaml", "gone.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "bad.yaml:4:3: error: unknown key 'x' in basics; expected one of: name, altName, "
        "headline, email, phone, url, location, summary, profiles; your own fields must start "
        "with 'x-' [RF011]"
    ]
    assert result.stderr.splitlines()[-1] == "3 files: 1 valid, 1 invalid (1 error), 1 unreadable"


def test_standard_input() -> None:
    result = run("validate", "-", stdin=GOOD + "  headline: 1\n")
    assert result.returncode == 1
    assert result.stdout == (
        "-:4:13: error: basics.headline: expected text, found the number 1; "
        'write it in quotes: "1" [RF010]\n'
    )
    json_input = json.dumps({"resumefmt": "1.0", "basics": {"name": "Ada"}})
    assert run("validate", "-", stdin=json_input).returncode == 0


def test_json_output_has_the_design_fields(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(GOOD + "  nmae: x\n", encoding="utf-8")
    result = run("validate", "--format", "json", "-q", "r.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {
            "path": "r.yaml",
            "line": 4,
            "column": 3,
            "code": "RF011",
            "name": "schema.unknown-key",
            "severity": "error",
            "message": "unknown key 'nmae' in basics (did you mean 'name'?)",
            "pointer": "/basics/nmae",
        }
    ]


def test_usage_errors_exit_2() -> None:
    assert run("validate").returncode == 2
    assert run("frobnicate").returncode == 2
    result = run("schema", "--format-version", "9.9")
    assert (result.returncode, result.stderr) == (
        2,
        "resumefmt: unknown format version '9.9'; known: 1.0, 1.1\n",
    )


def test_init_writes_a_valid_starter_with_the_modeline(tmp_path: Path) -> None:
    result = run("init", "ada", "--name", "Ada Lovelace: Countess", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "ada.resumefmt.yaml"
    text = written.read_text(encoding="utf-8")
    # The schema beside the file, so that editors need no network (tests/test_editor.py).
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./resumefmt-1.1.schema.json"
    assert '  name: "Ada Lovelace: Countess"' in text
    assert run("validate", "ada.resumefmt.yaml", cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # no temporary file
        "ada.resumefmt.yaml",
        "resumefmt-1.1.schema.json",
    ]
    schema = (tmp_path / "resumefmt-1.1.schema.json").read_text(encoding="utf-8")
    assert schema == (SCHEMA_DIR / "resumefmt-1.1.schema.json").read_text(encoding="utf-8")
    assert result.stderr.splitlines()[1:] == [
        "wrote resumefmt-1.1.schema.json, the schema the modeline names, for editors"
    ]


def test_init_shares_the_schema_file_and_never_replaces_another(tmp_path: Path) -> None:
    assert run("init", "one", cwd=tmp_path).returncode == 0
    again = run("init", "two", cwd=tmp_path)  # the same schema is there: nothing to say
    assert (
        again.stderr
        == "wrote two.resumefmt.yaml; check it with: resumefmt validate two.resumefmt.yaml\n"
    )
    mine = tmp_path / "resumefmt-1.1.schema.json"
    mine.write_text('{"my": "own"}', encoding="utf-8")
    third = run("init", "three", cwd=tmp_path)
    assert third.returncode == 0
    assert third.stderr.splitlines()[1] == (
        "resumefmt: left resumefmt-1.1.schema.json as it is: it is not the format 1.1 schema, "
        "so editors check the résumé against it; `resumefmt schema > resumefmt-1.1.schema.json` "
        "replaces it"
    )
    assert mine.read_text(encoding="utf-8") == '{"my": "own"}'


def test_init_schema_option_points_elsewhere_and_writes_no_schema(tmp_path: Path) -> None:
    url = "https://resumefmt.dev/schema/1.1/resumefmt.schema.json"
    assert run("init", "cv", "--schema", url, cwd=tmp_path).returncode == 0
    text = (tmp_path / "cv.resumefmt.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={url}"
    assert [p.name for p in tmp_path.iterdir()] == ["cv.resumefmt.yaml"]


def test_init_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mine.resumefmt.yaml"
    target.write_text("my own words\n", encoding="utf-8")
    result = run("init", "mine", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "resumefmt: 'mine.resumefmt.yaml' already exists: resumefmt does not overwrite it; "
        "choose another name\n"
    )
    assert target.read_text(encoding="utf-8") == "my own words\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.resumefmt.yaml"]


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "schema", "init"):
        assert command in result.stdout
    assert "invalid choice: 'frobnicate'" in run("frobnicate").stderr


def test_json_documents_validate_and_locate_problems(tmp_path: Path) -> None:
    from resumefmt import load

    names = []
    for example in example_files():
        name = example.name.replace(".yaml", ".json")
        data = load(example).data
        (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
        names.append(name)
    assert run("validate", *names, cwd=tmp_path).returncode == 0
    broken = json.dumps({"resumefmt": "1.0", "basics": {"name": "Ada", "url": "ftp://x"}}, indent=1)
    (tmp_path / "b.resumefmt.json").write_text(broken, encoding="utf-8")
    result = run("validate", "b.resumefmt.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        1,
        "b.resumefmt.json:5:10: error: basics.url: 'ftp://x' is not a web address: write it "
        "in full, starting with https:// [RF013]\n",
    )
