"""The documented third-party plugin (docs/plugin-example/) installs and runs as written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

EXAMPLE = ROOT / "docs" / "plugin-example"
RESUME = """\
resumefmt: "1.0"
basics:
  name: Ada Lovelace
  email: you@example.com
  summary: Lorem ipsum dolor sit amet.
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built with pip and installed into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(EXAMPLE)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    return target


def resumefmt(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


def test_the_installed_plugin_lints(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "cv.resumefmt.yaml").write_text(RESUME, encoding="utf-8")
    # The built-in RF158 reports placeholders too, as a warning; a team that
    # installs the stricter plugin switches it off, as here.
    (tmp_path / ".resumefmt.toml").write_text(
        'ignore = ["wording.placeholder-text"]\n', encoding="utf-8"
    )
    result = resumefmt(installed, "lint", "cv.resumefmt.yaml", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "cv.resumefmt.yaml:4:10: error: 'you@example.com' is an example address: "
        "nobody receives mail there [PH102]",
        "cv.resumefmt.yaml:5:12: warning: 'Lorem ipsum' is placeholder text: "
        "replace it with your own words [PH101]",
    ]
    assert result.returncode == 1


def test_the_installed_plugin_is_listed_and_explained(installed: Path, tmp_path: Path) -> None:
    listed = resumefmt(installed, "rules", cwd=tmp_path).stdout
    assert "PH101  placeholder.lorem-ipsum" in listed
    explained = resumefmt(installed, "rule", "placeholder.example-address", cwd=tmp_path)
    assert explained.returncode == 0
    assert explained.stdout.startswith("PH102 placeholder.example-address (error by default)\n")
    assert "Reported:" in explained.stdout


def test_the_plugin_tests_pass_with_the_public_testing_helper() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(EXAMPLE)},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
