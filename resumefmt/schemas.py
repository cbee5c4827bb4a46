"""The JSON Schemas this release ships, one per format version.

The package copy under ``resumefmt/schema/`` is the source; the top-level
``schema/`` folder is the published copy editors point at, and
``resumefmt/_schema_data.py`` the same data as Python for a light start-up.
``scripts/sync_schema.py`` writes both; ``tests/test_schemas.py`` checks them.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 3.5 ms of start-up

if TYPE_CHECKING:
    from typing import Any

#: Format versions this release reads, oldest first.
KNOWN_VERSIONS: tuple[str, ...] = ("1.0",)
NEWEST = KNOWN_VERSIONS[-1]


def schema_filename(version: str) -> str:
    return f"resumefmt-{version}.schema.json"


def read_schema_text(version: str = NEWEST) -> str:
    """The schema of ``version`` exactly as shipped."""
    if version not in KNOWN_VERSIONS:
        raise KeyError(version)
    return _read_package_file("schema/" + schema_filename(version)).decode("utf-8")


def load_schema(version: str = NEWEST) -> dict[str, Any]:
    """The schema of ``version`` as data (shared: do not modify it)."""
    from resumefmt._schema_data import SCHEMAS

    return SCHEMAS[version]


def _read_package_file(relative: str) -> bytes:
    # The package's own loader reads the file, so this works from a wheel, an
    # editable install or a zip, as importlib.resources does; importing
    # importlib.resources costs more start-up than the rest of a validate run.
    loader: Any = __spec__.loader
    data: bytes = loader.get_data(os.path.join(os.path.dirname(__file__), *relative.split("/")))
    return data
