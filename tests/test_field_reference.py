"""docs/fields.md: every field of the newest schema, generated; stale is a failure."""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import Any

import pytest
from conftest import NODE_BIN, ROOT, require_tool

from resumefmt.schemas import NEWEST, load_schema

PAGE = ROOT / "docs" / "fields.md"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_field_reference
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return gen_field_reference


def test_the_committed_page_is_what_the_script_writes(generator: ModuleType) -> None:
    assert PAGE.read_text(encoding="utf-8") == generator.render(), (
        "docs/fields.md is stale: run python scripts/gen_field_reference.py"
    )


def _fields(node: dict[str, Any]) -> set[str]:
    found = set(node.get("properties", {}))
    for child in node.get("properties", {}).values():
        found |= _fields(child)
    return found


def test_every_field_and_its_description_is_on_the_page() -> None:
    schema = load_schema(NEWEST)
    text = PAGE.read_text(encoding="utf-8")
    listed = set(re.findall(r"^- \*\*`([^`]+)`\*\*", text, re.M))
    keys = _fields(schema)
    for definition in schema["$defs"].values():
        keys |= _fields(definition)
    assert keys <= listed, keys - listed
    experience = schema["$defs"]["experience"]["properties"]
    assert " ".join(experience["organization"]["description"].split()) in text


@pytest.mark.parametrize(
    "line_start",
    [
        "- **`volunteer`** (list of [experience entries](#experience)) — *Volunteering.* *since",
        "- **`image`** (text) — *Photo.* *since 1.1*",
        "- **`description`** (text, or a [language map](locales.md)) — *About the organisation.*"
        " *since 1.1*",
        "- **`country`** (text, or a [language map](locales.md)) — *Country.* *since 1.1*",
    ],
)
def test_what_11_added_is_marked(line_start: str) -> None:
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith(line_start) for line in lines), line_start


def test_fields_of_10_are_not_marked() -> None:
    text = PAGE.read_text(encoding="utf-8")
    work = next(line for line in text.splitlines() if line.startswith("- **`work`**"))
    assert "since" not in work
    assert "Entries of `certificates`. *Since 1.1.*" in text


def test_the_page_passes_markdownlint() -> None:
    import subprocess

    tool = require_tool("markdownlint-cli2", search=NODE_BIN)
    config = ROOT / "tests" / "markdown.markdownlint.jsonc"
    result = subprocess.run(
        [tool, "--config", str(config), str(PAGE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
