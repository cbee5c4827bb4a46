"""The JSON Schemas this release ships, one per format version.

The package copy under ``resumefmt/schema/`` is the source; the top-level
``schema/`` folder is the published copy editors point at, and
``resumefmt/_schema_X_Y.py`` the same data as Python for a light start-up (one
module per version, so a run imports only the schema it checks with).
``scripts/sync_schema.py`` writes both; ``tests/test_schemas.py`` checks them.
"""

from __future__ import annotations

from resumefmt._package import read_data

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

#: Format versions this release reads, oldest first.
KNOWN_VERSIONS: tuple[str, ...] = ("1.0", "1.1")
NEWEST = KNOWN_VERSIONS[-1]


def schema_filename(version: str) -> str:
    return f"resumefmt-{version}.schema.json"


def read_schema_text(version: str = NEWEST) -> str:
    """The schema of ``version`` exactly as shipped."""
    if version not in KNOWN_VERSIONS:
        raise KeyError(version)
    return read_data("schema/" + schema_filename(version)).decode("utf-8")


def load_schema(version: str = NEWEST) -> dict[str, Any]:
    """The schema of ``version`` as data (shared: do not modify it)."""
    if version not in KNOWN_VERSIONS:
        raise KeyError(version)
    from importlib import import_module

    module = import_module("resumefmt._schema_" + version.replace(".", "_"))
    schema: dict[str, Any] = module.SCHEMA
    return schema
