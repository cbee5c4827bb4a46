"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit tool.

``pre-commit try-repo`` installs resumefmt from this checkout into its own
environment (as a user's ``.pre-commit-config.yaml`` would from a tag) and
runs the hook on a temporary git repository holding a résumé.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, require_tool

pytestmark = pytest.mark.external

GOOD = """\
resumefmt: "1.0"
basics:
  name: Ada Lovelace
work:
  - organization: Example Corp
    role: Engineer
    start: "2021-01"
    end: "2023-05"
    highlights:
      - Cut build times from 40 to 12 minutes by caching dependencies.
"""
#: Valid against the schema, but the range is inverted: only lint sees it.
INVERTED = GOOD.replace('end: "2023-05"', 'end: "2020-05"')
INVALID = GOOD.replace("name: Ada Lovelace", "name: 42")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: each hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _repo(tmp_path: Path, text: str, name: str = "cv.resumefmt.yaml") -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git = require_tool("git")
    subprocess.run([git, "init", "-q", str(repo)], check=True)
    (repo / name).write_text(text, encoding="utf-8")
    subprocess.run([git, "-C", str(repo), "add", name], check=True)
    return repo


def _try_repo(repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    pre_commit = require_tool("pre-commit", search=Path(sys.executable).parent)
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [pre_commit, "try-repo", str(ROOT), hook, "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize("hook", ["resumefmt-validate", "resumefmt-lint"])
def test_hook_passes_a_good_resume(tmp_path: Path, pre_commit_home: Path, hook: str) -> None:
    result = _try_repo(_repo(tmp_path, GOOD), hook, pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


@pytest.mark.parametrize("hook", ["resumefmt-validate", "resumefmt-lint"])
def test_hook_fails_an_invalid_resume(tmp_path: Path, pre_commit_home: Path, hook: str) -> None:
    result = _try_repo(_repo(tmp_path, INVALID), hook, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert (
        "cv.resumefmt.yaml:3:9: error: basics.name: expected text, found the number 42"
        in result.stdout
    )


def test_lint_hook_fails_on_a_rule_finding(tmp_path: Path, pre_commit_home: Path) -> None:
    result = _try_repo(_repo(tmp_path, INVERTED), "resumefmt-lint", pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cv.resumefmt.yaml:8:10: error:" in result.stdout
    assert "[RF10" in result.stdout


def test_validate_hook_ignores_what_only_lint_sees(tmp_path: Path, pre_commit_home: Path) -> None:
    result = _try_repo(_repo(tmp_path, INVERTED), "resumefmt-validate", pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hooks_skip_files_of_other_names(tmp_path: Path, pre_commit_home: Path) -> None:
    result = _try_repo(_repo(tmp_path, INVALID, "notes.yaml"), "resumefmt-lint", pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no files to check" in result.stdout.lower()
