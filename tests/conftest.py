"""Shared test helpers: paths, golden files, and the rule for tests that need a real tool."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMA_DIR = ROOT / "schema"
NODE_BIN = ROOT / "tests" / "node" / "node_modules" / ".bin"
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the files under tests/golden/ from the current output",
    )


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


#: The day the rule tests and the rules' own examples are judged on.
TODAY = __import__("datetime").date(2026, 6, 15)
_PREAMBLE = 'resumefmt: "1.0"\nbasics:\n  name: Test Person\n'


def as_document_text(fragment: str) -> str:
    """A rule example as a whole document: the version and basics added when missing."""
    text = __import__("textwrap").dedent(fragment).lstrip("\n")
    if text.startswith("resumefmt:") or "\nresumefmt:" in text:
        return text
    if "basics:" in text:
        return 'resumefmt: "1.0"\n' + text
    return _PREAMBLE + text


def lint_text(
    fragment: str,
    *,
    only: str | None = None,
    today: object = None,
    config: object = None,
) -> list[tuple[int, int, str]]:
    """``(line, column, code)`` of each finding on a YAML fragment, in order.

    Lines count from the first line of ``as_document_text(fragment)``; ``only``
    keeps the findings of one code or family (``RF101``, ``dates``).
    """
    from resumefmt.linter import LintRun
    from resumefmt.loader import load_text
    from resumefmt.plugins import rule_registry

    run = LintRun(rule_registry(third_party=False), today=today or TODAY)  # type: ignore[arg-type]
    found = run.lint(load_text(as_document_text(fragment), "r.yaml"), config)  # type: ignore[arg-type]
    return [
        (d.location.line, d.location.column, d.code)
        for d in found
        if only is None or d.code == only or d.name.startswith(only + ".")
    ]
