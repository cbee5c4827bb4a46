"""A validator for the part of JSON Schema 2020-12 that resumefmt's schemas use.

Why not a library: every general validator we measured costs more start-up than
the whole budget of a pre-commit hook (``jsonschema_rs`` alone is 3.2x a bare
interpreter, ``jsonschema`` about 8x; see docs/decisions.md). The subset below is
all our schemas need; ``tests/test_jsonschema_subset.py`` fails if a schema uses
any other keyword, and checks this validator against the reference
implementation (python-jsonschema) on the examples and on generated documents.

Errors are values naming the failing keyword, so messages are written from the
keyword and never by rewording another library's English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from resumefmt._record import Record

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

#: Keywords that constrain values. ``$ref`` may only point inside the schema.
ASSERTIONS = frozenset(
    {
        "$ref",
        "type",
        "enum",
        "const",
        "properties",
        "patternProperties",
        "additionalProperties",
        "required",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
    }
)
#: Keywords that only annotate (editors show them; validation ignores them).
ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$comment",
        "$defs",
        "title",
        "description",
        "markdownDescription",
        "examples",
        "default",
        "deprecated",
        "format",
        "patternErrorMessage",
        "defaultSnippets",
    }
)

Path = tuple[str | int, ...]


class SchemaError(Record):
    """One failing keyword: where in the instance, which subschema, what detail.

    ``detail`` is the missing key for ``required``, the unexpected key for
    ``additionalProperties``, the repeated item for ``uniqueItems``, else None.
    """

    __slots__ = ("detail", "keyword", "path", "schema", "value")

    def __init__(
        self, keyword: str, path: Path, schema: Mapping[str, Any], value: Any, detail: Any = None
    ) -> None:
        self.keyword = keyword
        self.path = path
        self.schema = schema
        self.value = value
        self.detail = detail


def json_type(value: Any) -> str:
    """The JSON Schema type name of a plain Python value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    raise TypeError(f"not JSON data: {type(value).__name__}")


def _has_type(value: Any, name: str) -> bool:
    actual = json_type(value)
    if actual == name:
        return True
    if name == "number":
        return actual == "integer"
    return name == "integer" and actual == "number" and float(value).is_integer()


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON sees it: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    same_kind = type(a) is type(b) or {json_type(a), json_type(b)} == {"integer", "number"}
    return same_kind and a == b


class Validator:
    """Validates instances against one schema document, yielding every error."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.root = schema
        self._patterns: dict[str, re.Pattern[str]] = {}

    def iter_errors(self, instance: Any) -> Iterator[SchemaError]:
        yield from self._check(self.root, instance, ())

    def resolve(self, ref: str) -> Mapping[str, Any] | bool:
        if not ref.startswith("#"):
            raise ValueError(f"only local $ref is supported, not {ref!r}")
        node: Any = self.root
        for token in ref[2:].split("/") if len(ref) > 1 else []:
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node  # type: ignore[no-any-return]

    def _regex(self, pattern: str) -> re.Pattern[str]:
        compiled = self._patterns.get(pattern)
        if compiled is None:
            compiled = self._patterns[pattern] = re.compile(ecma_anchors(pattern))
        return compiled

    def _check(
        self, schema: Mapping[str, Any] | bool, value: Any, path: Path
    ) -> Iterator[SchemaError]:
        if schema is True:
            return
        if schema is False:
            yield SchemaError("false", path, {}, value)
            return
        if "$ref" in schema:
            yield from self._check(self.resolve(schema["$ref"]), value, path)
        types = schema.get("type")
        if types is not None:
            names = [types] if isinstance(types, str) else types
            if not any(_has_type(value, name) for name in names):
                yield SchemaError("type", path, schema, value)
                return
        if "enum" in schema and not any(json_equal(value, c) for c in schema["enum"]):
            yield SchemaError("enum", path, schema, value)
        if "const" in schema and not json_equal(value, schema["const"]):
            yield SchemaError("const", path, schema, value)
        if isinstance(value, dict):
            yield from self._object(schema, value, path)
        elif isinstance(value, list):
            yield from self._array(schema, value, path)
        elif isinstance(value, str):
            yield from self._string(schema, value, path)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                yield SchemaError("minimum", path, schema, value)
            if "maximum" in schema and value > schema["maximum"]:
                yield SchemaError("maximum", path, schema, value)

    def _object(
        self, schema: Mapping[str, Any], value: dict[str, Any], path: Path
    ) -> Iterator[SchemaError]:
        for key in schema.get("required", ()):
            if key not in value:
                yield SchemaError("required", path, schema, value, key)
        properties = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        extra = schema.get("additionalProperties", True)
        for key, member in value.items():
            matched = False
            if key in properties:
                matched = True
                yield from self._check(properties[key], member, (*path, key))
            for pattern, subschema in patterns.items():
                if self._regex(pattern).search(key):
                    matched = True
                    yield from self._check(subschema, member, (*path, key))
            if not matched:
                if extra is False:
                    yield SchemaError("additionalProperties", path, schema, value, key)
                else:
                    yield from self._check(extra, member, (*path, key))

    def _array(
        self, schema: Mapping[str, Any], value: list[Any], path: Path
    ) -> Iterator[SchemaError]:
        if "minItems" in schema and len(value) < schema["minItems"]:
            yield SchemaError("minItems", path, schema, value)
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            yield SchemaError("maxItems", path, schema, value)
        if schema.get("uniqueItems"):
            seen: set[object] = set()
            for index, item in enumerate(value):
                key = _canonical(item)
                if key in seen:
                    yield SchemaError("uniqueItems", (*path, index), schema, value, item)
                seen.add(key)
        if "items" in schema:
            for index, item in enumerate(value):
                yield from self._check(schema["items"], item, (*path, index))

    def _string(self, schema: Mapping[str, Any], value: str, path: Path) -> Iterator[SchemaError]:
        if "minLength" in schema and len(value) < schema["minLength"]:
            yield SchemaError("minLength", path, schema, value)
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            yield SchemaError("maxLength", path, schema, value)
        if "pattern" in schema and not self._regex(schema["pattern"]).search(value):
            yield SchemaError("pattern", path, schema, value)


def _canonical(value: Any) -> object:
    """A hashable form equal for JSON-equal values (``1`` and ``1.0``, not ``true``)."""
    if isinstance(value, bool) or value is None:
        return ("constant", value)
    if isinstance(value, (int, float)):
        return ("number", value)
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, list):
        return ("array", tuple(_canonical(item) for item in value))
    return ("object", frozenset((k, _canonical(v)) for k, v in value.items()))


def ecma_anchors(pattern: str) -> str:
    """Give ``$`` its ECMA-262 meaning (JSON Schema's regex dialect): the very end.

    Python's ``$`` also matches before a final newline, so ``^[A-Z]{2}$`` would
    accept ``"CN\\n"``, which editors (and the standard) reject.
    """
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append("\\Z")
            continue
        out.append(char)
    return "".join(out)


def unsupported_keywords(schema: Any, where: str = "#") -> list[str]:
    """Where ``schema`` uses a keyword this validator does not implement."""
    found: list[str] = []
    if not isinstance(schema, dict):
        return found
    for key, sub in schema.items():
        if key not in ASSERTIONS and key not in ANNOTATIONS:
            found.append(f"{where}/{key}")
        if key in ("properties", "patternProperties", "$defs"):
            for name, member in sub.items():
                found += unsupported_keywords(member, f"{where}/{key}/{name}")
        elif key in ("items", "additionalProperties"):
            found += unsupported_keywords(sub, f"{where}/{key}")
    return found
