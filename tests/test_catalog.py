"""schema/catalog.json: the SchemaStore catalog entry, ready to submit, true to the schemas."""

from __future__ import annotations

import json
import sys
from fnmatch import fnmatch
from typing import Any

import jsonschema
from conftest import ROOT, SCHEMA_DIR

from resumefmt.cli._common import RESUME_SUFFIXES
from resumefmt.schemas import KNOWN_VERSIONS, NEWEST, load_schema

CATALOG = SCHEMA_DIR / "catalog.json"

#: SchemaStore's own schema of catalog files (src/schemas/json/schema-catalog.json in
#: github.com/SchemaStore/schemastore, Apache-2.0), as it reads; no npm or PyPI package
#: ships it, so its rules are transcribed here (descriptions left out).
SCHEMASTORE_CATALOG_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object",
    "additionalProperties": False,
    "required": ["schemas", "version", "$schema"],
    "properties": {
        "$schema": {"type": "string", "enum": ["https://json.schemastore.org/schema-catalog.json"]},
        "version": {"type": "number"},
        "schemas": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "url", "description"],
                "properties": {
                    "name": {"type": "string"},
                    "description": {"type": "string"},
                    "fileMatch": {
                        "type": "array",
                        "items": {"type": "string"},
                        "uniqueItems": True,
                    },
                    "url": {"type": "string", "format": "uri", "pattern": "^https://"},
                    "versions": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "string",
                            "format": "uri",
                            "pattern": "^https://",
                        },
                    },
                },
            },
        },
    },
}


def _catalog() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CATALOG.read_text(encoding="utf-8"))
    return data


def test_the_catalog_has_the_shape_schemastore_requires() -> None:
    jsonschema.Draft4Validator(SCHEMASTORE_CATALOG_SCHEMA).validate(_catalog())
    assert len(_catalog()["schemas"]) == 1


def test_every_version_shipped_is_listed_at_its_schemas_id() -> None:
    (entry,) = _catalog()["schemas"]
    assert entry["versions"] == {v: load_schema(v)["$id"] for v in KNOWN_VERSIONS}
    assert entry["url"] == load_schema(NEWEST)["$id"]
    assert list(entry["versions"]) == list(KNOWN_VERSIONS)  # oldest first, as they are read


def test_file_match_is_the_names_the_format_recommends() -> None:
    (entry,) = _catalog()["schemas"]
    assert entry["fileMatch"] == [f"*{suffix}" for suffix in RESUME_SUFFIXES]
    for name in ("cv.resumefmt.yaml", "ada.resumefmt.yml", "cv.resumefmt.json"):
        assert any(fnmatch(name, pattern) for pattern in entry["fileMatch"]), name
    # JSON Resume's names stay JSON Resume's (SchemaStore maps them to its schema).
    for name in ("resume.yaml", "cv.resume.yaml", "resume.json"):
        assert not any(fnmatch(name, pattern) for pattern in entry["fileMatch"]), name


def test_the_committed_catalog_is_what_sync_schema_writes() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import sync_schema
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert CATALOG.read_text(encoding="utf-8") == sync_schema.render_catalog(), (
        "run: python scripts/sync_schema.py"
    )
