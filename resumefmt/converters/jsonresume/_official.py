"""The official JSON Resume schema (vendored beside this module) and what its validator checks."""

from __future__ import annotations

import functools
import re

from resumefmt._jsonschema import SchemaError, Validator

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

SCHEMA_FILE = "jsonresume-1.3.1.schema.json"

# The `jsonschema` npm package (the official validator) checks these two formats
# with these expressions; ported with ASCII \w and \Z for JavaScript's `$`.
_FORMATS = {
    "uri": re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*\Z"),
    "email": re.compile(
        r"(?:[\w!#$%&'*+\-/=?^`{|}~]+\.)*[\w!#$%&'*+\-/=?^`{|}~]+@"
        r"(?:(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9\-](?!\.)){0,61}[a-zA-Z0-9]?\.)+"
        r"[a-zA-Z0-9](?:[a-zA-Z0-9\-](?!\Z)){0,61}[a-zA-Z0-9]?)|"
        r"(?:\[(?:(?:[01]?\d{1,2}|2[0-4]\d|25[0-5])\.){3}(?:[01]?\d{1,2}|2[0-4]\d|25[0-5])\]))\Z",
        re.ASCII,
    ),
}
_DATE = re.compile(
    r"([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})\Z"
)


def is_format(value: str, name: str) -> bool:
    """Whether the official validator accepts ``value`` as ``format: name``."""
    pattern = _FORMATS.get(name)
    return pattern is None or pattern.match(value) is not None


def is_jsonresume_date(value: str) -> bool:
    """Whether the official schema's date pattern (years 1000-2999) accepts ``value``."""
    return _DATE.match(value) is not None


class OfficialValidator(Validator):
    """Our validator plus the two ``format`` checks the official npm validator makes.

    The official schema is draft-07; of its keywords only ``definitions`` (a
    container ``$ref`` resolves into) and ``format`` are not in our subset, and
    none of its ``$ref`` has siblings, so draft-07's "siblings of $ref are
    ignored" never differs from our reading.
    """

    def _string(self, schema: Mapping[str, Any], value: str, path: Any) -> Iterator[SchemaError]:
        yield from super()._string(schema, value, path)
        if "format" in schema and not is_format(value, schema["format"]):
            yield SchemaError("format", path, schema, value)


@functools.cache
def official_schema() -> dict[str, Any]:
    """The vendored ``@jsonresume/schema`` 1.3.1 ``schema.json`` (MIT), read once."""
    import json

    from resumefmt._package import read_data

    schema: dict[str, Any] = json.loads(read_data(f"converters/jsonresume/{SCHEMA_FILE}"))
    return schema
