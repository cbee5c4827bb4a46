"""Shared test helpers: paths, golden files, and the rule for tests that need a real tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hypothesis
import pytest

# The rule tests' helpers are the public ones plugin authors use.
from resumefmt.testing import TODAY as TODAY
from resumefmt.testing import as_document_text as as_document_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMA_DIR = ROOT / "schema"
NODE_BIN = ROOT / "tests" / "node" / "node_modules" / ".bin"
# Node.js 22 from npm (tests/node/runtime/), which scripts/test.sh installs when
# the machine's node is older than the tools in NODE_BIN need (Debian 12 ships
# 18), goes first on PATH: ``require_tool("node")`` and the tools'
# ``#!/usr/bin/env node`` then find it in every test process, also when pytest
# runs without scripts/test.sh. The package's own bin/, as npm 9 can leave
# node_modules/.bin without ``node``; npm installs one package, this machine's.
for _node in (ROOT / "tests" / "node" / "runtime" / "node_modules").glob("node-linux-*/bin/node"):
    os.environ["PATH"] = os.pathsep.join([str(_node.parent), os.environ.get("PATH", "")])
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the files under tests/golden/ from the current output",
    )


@pytest.fixture(autouse=True)
def _no_colour_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text output is compared as plain text: a CI that sets FORCE_COLOR (or NO_COLOR)
    does not reach the commands the tests run (colour tests set them themselves)."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, text)``: ``text`` must equal ``tests/golden/<name>`` byte for byte.

    With ``--update-golden`` the file is written instead (review the diff before
    committing it).
    """
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            return
        if not path.exists():
            pytest.fail(
                f"tests/golden/{name} is missing; create it with "
                f"`pytest {request.node.path.relative_to(ROOT)} --update-golden` and review it"
            )
        assert text == path.read_bytes().decode("utf-8")

    return check


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


# Under CI every run draws the same Hypothesis examples, so a submission that
# passed is not failed later by a new draw; laptops keep exploring new ones
# (and a failure found there becomes an @example).
hypothesis.settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if in_ci():
    hypothesis.settings.load_profile("ci")


def require_module(name: str) -> Any:
    """A Python module a test needs (an extra), or skip; under CI=true a missing one fails."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        reason = f"the Python module {name} is not installed (scripts/test.sh installs it)"
        if in_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason, allow_module_level=True)


def require_tool(name: str, *, search: Path | None = None) -> str:
    """The path of a real external tool, or skip; under CI=true a missing tool fails."""
    found = shutil.which(name, path=str(search)) if search else shutil.which(name)
    if found:
        return found
    reason = f"{name} is not installed (scripts/test installs it)"
    if in_ci():
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.resumefmt.yaml"))


def run_resumefmt(
    *args: str | Path,
    cwd: Path | None = None,
    pythonpath: Path | str | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``python -m resumefmt ARGS`` as a user runs it: a new process, its output as text.

    ``pythonpath``, when given, is the only extra import path (where a test
    installed a plugin); otherwise none is inherited.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONIOENCODING"] = "utf-8"
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [sys.executable, "-m", "resumefmt", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def read_terminal(controller: int) -> bytes:
    """Everything a process wrote to the pseudo-terminal whose controlling end is ``controller``."""
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        shown += chunk
    return shown
