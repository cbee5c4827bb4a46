"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit tool.

``pre-commit try-repo`` installs resumefmt from this checkout into its own
environment (as a user's ``.pre-commit-config.yaml`` would from a tag) and
runs the hook on a temporary git repository holding a résumé. The README's
``.pre-commit-config.yaml`` snippets are run as written (the repository's URL
replaced by this checkout) by ``git commit`` with the hook installed.
"""

from __future__ import annotations

import os
import re
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
INVALID_LINE = "cv.resumefmt.yaml:3:9: error: basics.name: expected text, found the number 42"
#: Valid, and only a warning: a passing hook that pre-commit would keep quiet.
WARNED = GOOD.replace("dependencies.", "dependencies on the 31th of May.")
WARNED_LINE = "cv.resumefmt.yaml:10:78: warning: '31th' should be '31st' [RF153]"
README = ROOT / "README.md"
URL = "https://github.com/resumefmt/resumefmt"


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
    assert INVALID_LINE in result.stdout


def test_migrate_hook_fails_an_older_version_and_passes_the_newest(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old = _try_repo(_repo(tmp_path / "old", GOOD), "resumefmt-migrate", pre_commit_home)
    assert old.returncode == 1, old.stdout + old.stderr
    assert "cv.resumefmt.yaml: would migrate 1.0 → 1.1" in old.stdout.splitlines()
    assert "nothing to do" not in old.stdout  # --quiet: only what needs doing
    newest = GOOD.replace('resumefmt: "1.0"', 'resumefmt: "1.1"')
    new = _try_repo(_repo(tmp_path / "new", newest), "resumefmt-migrate", pre_commit_home)
    assert new.returncode == 0, new.stdout + new.stderr
    assert "Passed" in new.stdout
    assert (tmp_path / "old" / "repo" / "cv.resumefmt.yaml").read_text("utf-8") == GOOD


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


def _readme_section() -> str:
    return README.read_text("utf-8").split("\n### pre-commit\n", 1)[1].split("\n## ", 1)[0]


def _readme_config(repo: str) -> str:
    """The README's .pre-commit-config.yaml whose hooks come from ``repo``."""
    blocks = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", _readme_section(), re.S)
    found = [block for block in blocks if f"- repo: {repo}\n" in block]
    assert len(found) == 1, f"the README's pre-commit section has {len(found)} configs for {repo}"
    return found[0].replace(URL, str(ROOT))


def _count_lines(output: str, start: str) -> int:
    return sum(line.startswith(start) for line in output.splitlines())


def _git(repo: Path, *args: str) -> str:
    git = require_tool("git")
    done = subprocess.run([git, "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _setup(tmp_path: Path, config: str, home: Path) -> tuple[Path, dict[str, str]]:
    """A git repository with ``config`` and pre-commit's hook installed, and its environment."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"], env[f"GIT_{role}_EMAIL"] = "Ada", "ada@example.com"
    pre_commit = require_tool("pre-commit", search=Path(sys.executable).parent)
    subprocess.run([pre_commit, "install"], cwd=repo, env=env, capture_output=True, check=True)
    return repo, env


def _commit(repo: Path, env: dict[str, str], text: str) -> subprocess.CompletedProcess[str]:
    """``git commit`` of a résumé holding ``text``, as a user commits it: the hook's output."""
    (repo / "cv.resumefmt.yaml").write_text(text, encoding="utf-8")
    git = require_tool("git")
    subprocess.run([git, "add", "-A"], cwd=repo, env=env, check=True)
    return subprocess.run(
        [git, "commit", "-q", "-m", "cv"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )


def test_readme_config_works_as_written(tmp_path: Path, pre_commit_home: Path) -> None:
    repo, env = _setup(tmp_path, _readme_config(URL), pre_commit_home)
    done = _commit(repo, env, GOOD)
    assert done.returncode == 0, done.stdout
    assert re.search(r"^resumefmt lint\.+Passed$", done.stdout, re.M), done.stdout


def test_readme_autoupdate_pins_a_commit_and_warnings_show(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    repo, env = _setup(tmp_path, _readme_config(URL), pre_commit_home)
    pre_commit = require_tool("pre-commit", search=Path(sys.executable).parent)
    subprocess.run([pre_commit, "autoupdate"], cwd=repo, env=env, capture_output=True, check=True)
    config = (repo / ".pre-commit-config.yaml").read_text("utf-8")
    rev = re.findall(r"^ +rev: (\S+)", config, re.M)
    # Pinned: a tag once one is published, until then the newest commit's SHA.
    expected = _git(ROOT, "describe", "--tags", "--abbrev=0") if _git(ROOT, "tag") else None
    assert rev == [expected or _git(ROOT, "rev-parse", "HEAD")], config
    done = _commit(repo, env, WARNED)
    assert done.returncode == 0, done.stdout
    assert WARNED_LINE in done.stdout.splitlines(), done.stdout
    assert "mutable reference" not in done.stdout


def test_readme_config_prints_each_error_once(tmp_path: Path, pre_commit_home: Path) -> None:
    repo, env = _setup(tmp_path, _readme_config(URL), pre_commit_home)
    done = _commit(repo, env, INVALID)
    assert done.returncode == 1, done.stdout
    assert _count_lines(done.stdout, INVALID_LINE) == 1, done.stdout


def test_readme_fail_on_warning_fails_the_commit(tmp_path: Path, pre_commit_home: Path) -> None:
    documented = re.findall(r"`(args: \[[^]`]*\])`", _readme_section())
    assert documented == ["args: [--fail-on, warning]"]
    config = re.sub(
        r"^( +)(verbose: true)", rf"\1\2\n\1{documented[0]}", _readme_config(URL), flags=re.M
    )
    repo, env = _setup(tmp_path, config, pre_commit_home)
    done = _commit(repo, env, WARNED)
    assert done.returncode == 1, done.stdout
    assert re.search(r"^resumefmt lint\.+Failed$", done.stdout, re.M), done.stdout
    assert WARNED_LINE in done.stdout.splitlines(), done.stdout


def test_readme_local_hook_uses_the_installed_resumefmt(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    """``repo: local``: the ``resumefmt`` that pip installed beside this Python, on PATH."""
    installed = require_tool("resumefmt", search=Path(sys.executable).parent)
    repo, env = _setup(tmp_path, _readme_config("local"), pre_commit_home)
    env["PATH"] = os.pathsep.join([str(Path(installed).parent), env.get("PATH", "")])
    warned = _commit(repo, env, WARNED)
    assert warned.returncode == 0, warned.stdout
    assert WARNED_LINE in warned.stdout.splitlines(), warned.stdout
    failed = _commit(repo, env, INVALID)
    assert failed.returncode == 1, failed.stdout
    assert _count_lines(failed.stdout, INVALID_LINE) == 1, failed.stdout
