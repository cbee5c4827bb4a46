"""An imported résumé as YAML: what every importer (JSON Resume, RenderCV) writes.

The editor modeline of the newest format version, each object's keys in
schema order, then the user's ``x-`` fields, then what the import kept of the
other format (``x-jsonresume``, ``x-rendercv``) last.
"""

from __future__ import annotations

from resumefmt._jsonschema import Validator
from resumefmt._yaml_writer import dump
from resumefmt.schemas import NEWEST, load_schema

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def ordered(value: Any, schema: Any, schemas: Validator, theirs: str, *, top: bool = False) -> Any:
    """``value`` with each object's keys in schema order, then ``x-`` keys, then ``theirs``.

    ``schemas`` resolves the ``$ref`` of ``schema`` in its root document; with
    ``top`` the object's own keys keep their order (the import chose it).
    """
    while isinstance(schema, dict) and "$ref" in schema:
        schema = schemas.resolve(schema["$ref"])
    if isinstance(value, list):
        items = schema.get("items", {}) if isinstance(schema, dict) else {}
        return [ordered(item, items, schemas, theirs) for item in value]
    if not isinstance(value, dict) or not isinstance(schema, dict):
        return value
    properties: dict[str, Any] = schema.get("properties", {})
    out: dict[str, Any] = {}
    for key in properties:
        if key in value and not top:
            out[key] = ordered(value[key], properties[key], schemas, theirs)
    for key, member in value.items():
        if key not in out and key != theirs:
            out[key] = ordered(member, properties.get(key, {}), schemas, theirs)
    if theirs in value:
        out[theirs] = value[theirs]
    return out


def document_yaml(data: dict[str, Any], theirs: str) -> str:
    """The whole file; the top level keeps the section order the import chose."""
    root = load_schema(NEWEST)
    header = f"# yaml-language-server: $schema={root['$id']}\n"
    return dump(ordered(data, root, Validator(root), theirs, top=True), header=header)
