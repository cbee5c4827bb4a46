"""Configuration files and suppression comments: what they change, and their own errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY, as_document_text, run_resumefmt
from fake_rules import BULLET, DOUBLED, registry_of

from resumefmt.config import Config, find_config_file, load_config
from resumefmt.linter import LintRun
from resumefmt.loader import load_text
from resumefmt.rules import Rule

OPTIONED = Rule(
    "TS105",
    "test.optioned",
    lambda context: [],
    manual="Has options.",
    options={"max-months": 6, "ratio": 0.5, "words": ["a"]},
)
REGISTRY = registry_of(DOUBLED, BULLET, OPTIONED)


def _load(tmp_path: Path, text: str, name: str = ".resumefmt.toml") -> Config:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_config(str(path), REGISTRY)


def _problems(config: Config) -> list[tuple[int, int, str, str]]:
    return [(d.location.line, d.location.column, d.code, d.message) for d in config.problems]


def test_a_good_file(tmp_path: Path) -> None:
    config = _load(
        tmp_path,
        'select = ["test", "TS103"]\nignore = ["test.optioned"]\nfail-on = "warning"\n'
        '[rules."test.doubled"]\nseverity = "error"\n[rules.TS105]\nmax-months = 12\nratio = 1\n',
    )
    assert _problems(config) == []
    assert [config.enabled(r) for r in (DOUBLED, BULLET, OPTIONED)] == [True, True, False]
    assert config.severity_for(DOUBLED) == "error"
    assert config.options_for(OPTIONED) == {"max-months": 12, "ratio": 1}
    assert config.fail_on == "warning"


BAD = [
    ("select = [\n", 2, 1, "RF090", "not valid TOML: "),
    ('select = ["RF999"]\n', 1, 11, "RF091", "select: no rule, family or code 'RF999'"),
    ('ignore = ["nonsense.rule"]\n', 1, 11, "RF091", "ignore: no rule, family or code"),
    ("select = 3\n", 1, 1, "RF090", "select must be a list of rule codes, names or families"),
    ('colour = "red"\n', 1, 1, "RF090", "unknown setting 'colour'; known: select, ignore"),
    ('fail-on = "fatal"\n', 1, 1, "RF090", "fail-on must be one of error, warning, info"),
    ("[rules.RF999]\nseverity = 'info'\n", 1, 8, "RF091", "rules: no rule 'RF999'"),
    ("[rules.TS101]\nseverity = 'loud'\n", 2, 1, "RF090", "severity must be error, warning"),
    (
        "[rules.TS105]\nmax-month = 3\n",
        2,
        1,
        "RF090",
        "rule test.optioned has no option 'max-month'",
    ),
    (
        '[rules.TS105]\nmax-months = "3"\n',
        2,
        1,
        "RF090",
        "option max-months of test.optioned must be a int",
    ),
]


@pytest.mark.parametrize(("text", "line", "column", "code", "message"), BAD)
def test_problems_are_located_in_the_file(
    tmp_path: Path, text: str, line: int, column: int, code: str, message: str
) -> None:
    [(got_line, got_column, got_code, got_message)] = _problems(_load(tmp_path, text))
    assert (got_line, got_column, got_code) == (line, column, code)
    assert got_message.startswith(message), got_message


def test_the_rest_of_a_file_with_a_problem_still_applies(tmp_path: Path) -> None:
    config = _load(tmp_path, 'ignore = ["RF999", "test.doubled"]\n')
    assert len(config.problems) == 1
    assert not config.enabled(DOUBLED)


def test_discovery_beside_or_above_the_file(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    cv = str(nested / "cv.resumefmt.yaml")
    assert find_config_file(cv) is None or not find_config_file(cv).startswith(str(tmp_path))  # type: ignore[union-attr]
    other = tmp_path / "x" / "y"
    other.mkdir(parents=True)
    (tmp_path / "x" / "pyproject.toml").write_text("[tool.black]\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.resumefmt]\nignore = []\n", encoding="utf-8")
    assert find_config_file(str(other / "cv.yaml")) == str(tmp_path / "pyproject.toml")
    (tmp_path / "x" / ".resumefmt.toml").write_text("", encoding="utf-8")
    third = tmp_path / "x" / "z"
    third.mkdir()
    assert find_config_file(str(third / "cv.yaml")) == str(tmp_path / "x" / ".resumefmt.toml")


def test_pyproject_reads_the_tool_table(tmp_path: Path) -> None:
    config = _load(
        tmp_path, '[project]\nname = "x"\n[tool.resumefmt]\nignore = ["TS101"]\n', "pyproject.toml"
    )
    assert _problems(config) == []
    assert not config.enabled(DOUBLED)


SUPPRESSED = """\
basics:
  name: A
  summary: the the  # resumefmt: disable=TS101
  headline: so so
"""


def _lint(text: str) -> list[tuple[int, int, str, str]]:
    run = LintRun(REGISTRY, today=TODAY)
    found = run.lint(load_text(as_document_text(text), "r.yaml"))
    return [(d.location.line, d.location.column, d.code, d.message) for d in found]


def test_disable_on_the_line() -> None:
    assert [f[:3] for f in _lint(SUPPRESSED)] == [(5, 13, "TS101")]


def test_disable_next_line_by_name() -> None:
    text = SUPPRESSED.replace(
        "  headline", "  # resumefmt: disable-next-line=test.doubled\n  headline"
    )
    assert _lint(text) == []


def test_a_text_over_several_lines_is_silenced_from_its_first_line() -> None:
    text = "basics:\n  name: A\n  summary: >-  # resumefmt: disable=TS101\n    one\n    the the\n"
    assert _lint(text) == []
    assert _lint(text.replace("  # resumefmt: disable=TS101", "")) == [
        (6, 5, "TS101", "'the' twice")
    ]


def test_unknown_and_malformed_directives_are_reported() -> None:
    text = SUPPRESSED.replace("disable=TS101", "disable=TS101,RF999") + (
        "  # resumefmt: disabel=TS101\n"
    )
    found = _lint(text)
    assert found == [
        (4, 48, "RF092", "the directive names no known rule 'RF999'"),
        (5, 13, "TS101", "'so' twice"),
        (
            6,
            16,
            "RF092",
            "cannot read the directive 'disabel=TS101': write 'disable=CODE' or "
            "'disable-next-line=CODE' (codes or rule names, comma-separated)",
        ),
    ]


def test_schema_problems_cannot_be_silenced() -> None:
    text = "basics:\n  name: A\n  nope: 1  # resumefmt: disable=RF011\n"
    found = _lint(text)
    assert [f[:3] for f in found] == [(4, 3, "RF011"), (4, 33, "RF092")]
    assert found[1][3] == (
        "RF011 is a load or schema problem and cannot be silenced: fix the file instead"
    )


def test_severity_off_wins_over_enabled(tmp_path: Path) -> None:
    (tmp_path / ".resumefmt.toml").write_text(
        '[rules.RF150]\nenabled = true\nseverity = "off"\n', encoding="utf-8"
    )
    (tmp_path / "cv.resumefmt.yaml").write_text(
        as_document_text("basics:\n  name: A\n  summary: I write.\n"), encoding="utf-8"
    )
    result = run_resumefmt("lint", "cv.resumefmt.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


@pytest.mark.parametrize("text", ["[tool]\nresumefmt = 5\n", "tool = 1\nresumefmt = 2\n"])
def test_a_tool_value_that_is_not_a_table_is_reported(tmp_path: Path, text: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(str(path), registry_of(DOUBLED))
    assert [d.message for d in config.problems] == ["[tool.resumefmt] must be a table"]


def test_pyproject_counts_only_with_a_real_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("# tool.resumefmt is not here\n", encoding="utf-8")
    assert find_config_file(str(tmp_path / "cv.yaml")) != str(tmp_path / "pyproject.toml")
    (tmp_path / "pyproject.toml").write_text("[tool]\nresumefmt = {ignore = []}\n")
    assert find_config_file(str(tmp_path / "cv.yaml")) == str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_former_rule_names_work_in_select_and_ignore(tmp_path: Path, key: str) -> None:
    """A configuration written for 0.1 keeps its meaning after a rule is renamed."""
    from resumefmt.plugins import rule_registry

    registry = rule_registry(third_party=False)
    path = tmp_path / ".resumefmt.toml"
    path.write_text(f'{key} = ["links.prefer-https"]\n', encoding="utf-8")
    config = load_config(str(path), registry)
    assert config.problems == []
    insecure = registry.rules["RF121"]
    assert config.enabled(insecure) is (key == "select")
    assert config.enabled(registry.rules["RF101"]) is (key == "ignore")
