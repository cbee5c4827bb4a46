"""Shared test helpers: paths, and the rule for tests that need a real tool."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMA_DIR = ROOT / "schema"
NODE_BIN = ROOT / "tests" / "node" / "node_modules" / ".bin"


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
