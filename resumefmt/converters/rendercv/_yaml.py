"""The imported résumé as YAML: modeline, keys in schema order, x- fields, then x-rendercv."""

from __future__ import annotations

from resumefmt._jsonschema import Validator
from resumefmt._yaml_writer import dump
from resumefmt.converters.rendercv._import import THEIRS
from resumefmt.schemas import NEWEST, load_schema

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def ordered(value: Any, schema: Any, schemas: Validator, *, top: bool = False) -> Any:
    """``value`` with each object's keys in schema order, then ``x-`` keys, then x-rendercv.

    The top level keeps the order the import chose: RenderCV's section order.
    """
    while isinstance(schema, dict) and "$ref" in schema:
        schema = schemas.resolve(schema["$ref"])
    if isinstance(value, list):
        items = schema.get("items", {}) if isinstance(schema, dict) else {}
        return [ordered(item, items, schemas) for item in value]
    if not isinstance(value, dict) or not isinstance(schema, dict):
        return value
    properties: dict[str, Any] = schema.get("properties", {})
    out: dict[str, Any] = {}
    for key in properties:
        if key in value and not top:
            out[key] = ordered(value[key], properties[key], schemas)
    for key, member in value.items():
        if key not in out and key != THEIRS:
            out[key] = ordered(member, properties.get(key, {}), schemas)
    if THEIRS in value:
        out[THEIRS] = value[THEIRS]
    return out


def document_yaml(data: dict[str, Any]) -> str:
    """The whole file, with the modeline of the newest format version."""
    root = load_schema(NEWEST)
    header = f"# yaml-language-server: $schema={root['$id']}\n"
    return dump(ordered(data, root, Validator(root), top=True), header=header)
