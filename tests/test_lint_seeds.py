"""``resumefmt lint`` as a user runs it on the bundled examples (each family pins its own)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

SEEDS = ["examples/shuai-xie.resumefmt.yaml", "examples/cheng-zeyi.resumefmt.yaml"]


def _lint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", "lint", "--today", "2026-11-22", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_starter_says_what_is_left_to_fill_in(tmp_path: Path) -> None:
    # The starter is meant to be edited: its example.com address is reported
    # (a warning: the exit code stays 0, and the pre-commit hook passes).
    starter = EXAMPLES / "starter.resumefmt.yaml"
    result = _lint(str(starter))
    assert (result.returncode, result.stdout) == (
        0,
        f"{starter}:10:10: warning: 'ada@example.com' is on example.com, a domain reserved "
        "for examples: write your own address [RF158]\n",
    )
    assert result.stderr == "1 file linted: 0 errors, 1 warning, 0 info\n"
    edited = tmp_path / "cv.resumefmt.yaml"
    text = starter.read_text(encoding="utf-8").replace("ada@example.com", "ada@lovelace.dev")
    edited.write_text(text.replace("../schema/", ""), encoding="utf-8")
    result = _lint(str(edited))
    assert (result.returncode, result.stdout) == (0, "")  # filled in: clean


def test_the_seeds_get_what_a_careful_reviewer_would_say() -> None:
    result = _lint("--format", "json", *SEEDS)
    assert result.returncode == 1, result.stderr  # the dead domain is an error
    found = {(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(result.stdout)}
    shuai, cheng = SEEDS
    assert {
        (shuai, 79, 10, "RF122"),  # https://chatrhino.ttfb/: no such top-level domain
        (shuai, 198, 31, "RF153"),  # "31th"
        (cheng, 267, 25, "RF152"),  # "the the" (an `en:` in a language map)
        (shuai, 126, 74, "RF156"),  # "arxiv"
    } <= found
    # "I open-sourced", "Accelerated", "Implemented" … under current roles are
    # finished achievements: rightly in the past tense, so not reported.
    assert [f for f in found if f[3] in ("RF141", "RF142") and f[1] in (42, 67, 81, 93, 107)] == []


def test_fail_on_warning_turns_warnings_into_a_failure() -> None:
    starter = _lint("--fail-on", "warning", str(EXAMPLES / "starter.resumefmt.yaml"))
    assert starter.returncode == 1  # its placeholder address is a warning
    cheng = _lint("--fail-on", "warning", "--format", "json", SEEDS[1])
    assert {f["severity"] for f in json.loads(cheng.stdout)} == {"warning", "info"}
    assert cheng.returncode == 1
    assert _lint(SEEDS[1]).returncode == 0  # warnings alone do not fail by default


def test_unreadable_file_and_bad_config_exit_2(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / ".resumefmt.toml").write_text('select = ["RF999"]\n', encoding="utf-8")
    cv = folder / "cv.resumefmt.yaml"
    cv.write_text((EXAMPLES / "starter.resumefmt.yaml").read_text(encoding="utf-8"))
    bad = _lint(str(cv))
    assert bad.returncode == 2
    assert bad.stdout.endswith(
        ".resumefmt.toml:1:11: error: select: no rule, family or code 'RF999' [RF091]\n"
    )
    missing = _lint(str(folder / "nope.yaml"))
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr and "nope.yaml" in missing.stderr


def test_unknown_rule_is_exit_2_and_rule_explains() -> None:
    unknown = subprocess.run(
        [sys.executable, "-m", "resumefmt", "rule", "RF999"], capture_output=True, text=True
    )
    assert unknown.returncode == 2
    assert unknown.stderr == (
        "resumefmt: no rule or code 'RF999'; 'resumefmt rules' lists the rules\n"
    )
    known = subprocess.run(
        [sys.executable, "-m", "resumefmt", "rule", "dates.inverted-range"],
        capture_output=True,
        text=True,
    )
    assert known.returncode == 0
    assert known.stdout.startswith("RF101 dates.inverted-range (error by default)\n")
    assert "Reported:" in known.stdout and "Not reported:" in known.stdout
    assert "``" not in known.stdout  # plain text on a terminal, not reStructuredText


@pytest.mark.parametrize(
    ("asked", "first_line", "words"),
    [
        ("RF011", "RF011 schema.unknown-key", "nearest known key"),
        ("rf011", "RF011 schema.unknown-key", "x-"),
        ("schema.unknown-key", "RF011 schema.unknown-key", "x-"),
        ("RF001", "RF001 load.syntax", "cannot silence"),
        ("RF062", "RF062 jsonresume.unmapped", "x-jsonresume"),
        ("RF090", "RF090 config.invalid", "pyproject.toml"),
        ("RF092", "RF092 lint.bad-directive", "disable-next-line"),
        ("RF099", "RF099 lint.rule-crashed", "bug"),
    ],
)
def test_rule_explains_every_code_users_can_see(asked: str, first_line: str, words: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "resumefmt", "rule", asked], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == first_line
    assert words in result.stdout


def test_the_readme_shows_real_lint_output() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = [line for line in readme.splitlines() if line.startswith("examples/shuai-xie")]
    assert len(shown) == 3
    printed = _lint(SEEDS[0]).stdout.splitlines()
    assert [line for line in shown if line not in printed] == []
