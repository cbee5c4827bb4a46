"""The published schemas: valid, documented, identical to what the package ships."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import jsonschema
import pytest
from conftest import EXAMPLES, ROOT, SCHEMA_DIR

from resumefmt.schemas import KNOWN_VERSIONS, NEWEST, load_schema, schema_filename
from resumefmt.starter import starter_text


@pytest.mark.parametrize("version", KNOWN_VERSIONS)
def test_published_copy_is_identical_to_the_package_copy(version: str) -> None:
    published = (SCHEMA_DIR / schema_filename(version)).read_text(encoding="utf-8")
    package = (ROOT / "resumefmt" / "schema" / schema_filename(version)).read_text(encoding="utf-8")
    assert published == package, "run: python scripts/sync_schema.py"


@pytest.mark.parametrize("version", KNOWN_VERSIONS)
def test_generated_python_data_matches_the_json(version: str) -> None:
    source = ROOT / "resumefmt" / "schema" / schema_filename(version)
    assert json.loads(source.read_text(encoding="utf-8")) == load_schema(version), (
        "run: python scripts/sync_schema.py"
    )
    modules = sorted(p.name for p in (ROOT / "resumefmt").glob("_schema_*.py"))
    assert modules == sorted(f"_schema_{v.replace('.', '_')}.py" for v in KNOWN_VERSIONS)


def test_every_published_schema_is_a_known_version() -> None:
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) == sorted(
        schema_filename(v) for v in KNOWN_VERSIONS
    )


@pytest.mark.parametrize("version", KNOWN_VERSIONS)
def test_schema_passes_the_draft_2020_12_metaschema(version: str) -> None:
    schema = load_schema(version)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_each_version_has_its_own_id() -> None:
    ids = [load_schema(v)["$id"] for v in KNOWN_VERSIONS]
    assert len(set(ids)) == len(ids)
    assert all(f"/{v}/" in i for v, i in zip(KNOWN_VERSIONS, ids, strict=True))


def properties(schema: Any, where: str = "#") -> list[tuple[str, dict[str, Any]]]:
    """Every property subschema, with where it is."""
    found: list[tuple[str, dict[str, Any]]] = []
    if not isinstance(schema, dict):
        return found
    for name, member in schema.get("properties", {}).items():
        found.append((f"{where}/properties/{name}", member))
        found += properties(member, f"{where}/properties/{name}")
    for name, member in schema.get("$defs", {}).items():
        found += properties(member, f"{where}/$defs/{name}")
    for key in ("items", "additionalProperties"):
        found += properties(schema.get(key), f"{where}/{key}")
    return found


@pytest.mark.parametrize("version", KNOWN_VERSIONS)
def test_every_property_has_a_title_and_a_description(version: str) -> None:
    undocumented = [
        where
        for where, member in properties(load_schema(version))
        if not (member.get("title") and member.get("description"))
    ]
    assert undocumented == []


TEXT = load_schema()["$defs"]["text"]


def test_objects_reject_unknown_keys_and_allow_x_extensions() -> None:
    def objects(node: Any) -> list[dict[str, Any]]:
        if isinstance(node, dict):
            own = [node] if "properties" in node else []
            return own + [o for value in node.values() for o in objects(value)]
        if isinstance(node, list):
            return [o for value in node for o in objects(value)]
        return []

    for node in objects(load_schema()):
        assert node["additionalProperties"] is False, node.get("title")
        if node.get("title") == "Bullet":  # a bullet object may be a language map
            assert list(node["patternProperties"]) == list(TEXT["patternProperties"])
            continue
        assert list(node["patternProperties"]) == ["^x-"], node.get("title")


def test_schema_command_prints_the_newest_schema() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "resumefmt", "schema"], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == load_schema(NEWEST)


def test_starter_example_is_what_init_writes() -> None:
    expected = starter_text("starter.resumefmt.yaml", schema="../schema/" + schema_filename(NEWEST))
    assert (EXAMPLES / "starter.resumefmt.yaml").read_text(encoding="utf-8") == expected
