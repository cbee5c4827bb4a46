"""Bad input found in review: each ends in a located message, never a traceback."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, TODAY, as_document_text
from test_lint_engine import BULLET, DOUBLED, _cli, _registry

from resumefmt.config import find_config_file, load_config
from resumefmt.linter import LintRun
from resumefmt.loader import load_text
from resumefmt.rules import Rule

STARTER = EXAMPLES / "starter.resumefmt.yaml"


def _run(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _cli([str(a) for a in args], cwd)


def test_severity_off_wins_over_enabled(tmp_path: Path) -> None:
    (tmp_path / ".resumefmt.toml").write_text(
        '[rules.RF150]\nenabled = true\nseverity = "off"\n', encoding="utf-8"
    )
    (tmp_path / "cv.resumefmt.yaml").write_text(
        as_document_text("basics:\n  name: A\n  summary: I write.\n"), encoding="utf-8"
    )
    result = _run("lint", "cv.resumefmt.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


@pytest.mark.parametrize("text", ["[tool]\nresumefmt = 5\n", "tool = 1\nresumefmt = 2\n"])
def test_a_tool_value_that_is_not_a_table_is_reported(tmp_path: Path, text: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(str(path), _registry(DOUBLED))
    assert [d.message for d in config.problems] == ["[tool.resumefmt] must be a table"]


def test_pyproject_counts_only_with_a_real_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("# tool.resumefmt is not here\n", encoding="utf-8")
    assert find_config_file(str(tmp_path / "cv.yaml")) != str(tmp_path / "pyproject.toml")
    (tmp_path / "pyproject.toml").write_text("[tool]\nresumefmt = {ignore = []}\n")
    assert find_config_file(str(tmp_path / "cv.yaml")) == str(tmp_path / "pyproject.toml")


def test_a_user_template_that_raises_is_an_error_not_a_bug(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "resume.md.j2").write_text("{{ 1/0 }}\n", encoding="utf-8")
    result = _run("convert", STARTER, "--to", "markdown", "--template-dir", "t", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "resumefmt: template resume.md.j2: ZeroDivisionError: division by zero\n"
    )


def test_convert_prints_one_line_per_problem(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        'resumefmt: "1.0"\nbasics:\n  name: 5\nwork: x\n', encoding="utf-8"
    )
    result = _run("convert", "bad.yaml", "--to", "markdown", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("bad.yaml:") for line in lines)


def _crash(context: object) -> list[object]:
    raise RuntimeError("boom\nsecond line")


def test_a_crash_cannot_be_silenced_and_stays_on_one_line() -> None:
    boom = Rule("TS190", "test.crash", "Crashes.", check=_crash)
    run = LintRun(_registry(boom), today=TODAY)
    text = as_document_text('resumefmt: "1.0"  # resumefmt: disable=TS190\nbasics: {name: A}\n')
    [found] = run.lint(load_text(text, "r.yaml"))
    assert found.code == "TS190" and "\n" not in found.message
    assert "(RuntimeError: boom second line)" in found.message


def test_a_rule_yielding_something_else_is_its_own_crash() -> None:
    bad = Rule("TS191", "test.bad-yield", "Yields a tuple.", check=lambda c: [("/basics", "x")])
    run = LintRun(_registry(bad, DOUBLED), today=TODAY)
    text = as_document_text("basics:\n  name: A\n  summary: so so\n")
    found = run.lint(load_text(text, "r.yaml"))
    assert [d.code for d in found] == ["TS191", "TS101"]
    assert run.crashed == ["TS191"]


def test_directives_allow_spaces_and_a_trailing_comment() -> None:
    run = LintRun(_registry(DOUBLED, BULLET), today=TODAY)
    text = as_document_text(
        "basics:\n  name: A\n  summary: so so  # resumefmt: disable=TS101, TS103  # why\n"
    )
    assert run.lint(load_text(text, "r.yaml")) == []


def test_positions_after_cr_line_breaks() -> None:
    run = LintRun(_registry(DOUBLED), today=TODAY)
    text = 'resumefmt: "1.0"\rbasics:\r  name: Ada\r  summary: Ships the the code.\r'
    [found] = run.lint(load_text(text, "r.yaml"))
    assert (found.location.line, found.location.column) == (4, 18)


def test_outputs_keep_their_mode_and_their_symlink(tmp_path: Path) -> None:
    private = tmp_path / "cv.md"
    private.write_text("old\n", encoding="utf-8")
    private.chmod(0o600)
    (tmp_path / "link.md").symlink_to(private)
    result = _run("convert", STARTER, "--to", "markdown", "-o", "link.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.md").is_symlink()
    assert private.read_text(encoding="utf-8").startswith("# Ada Lovelace")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
