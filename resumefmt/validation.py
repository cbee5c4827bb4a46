"""Validate a loaded document and explain each failure from its keyword."""

from __future__ import annotations

from resumefmt import codes, pointer
from resumefmt._jsonschema import SchemaError, Validator, json_type
from resumefmt._text import quote
from resumefmt.diagnostics import Diagnostic, sort_diagnostics
from resumefmt.loader import Document
from resumefmt.schemas import load_schema
from resumefmt.versions import VERSION_KEY, check_version

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

_TYPE_WORDS = {
    "string": "text",
    "object": "a mapping of keys to values",
    "array": "a list",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


def validate(document: Document) -> list[Diagnostic]:
    """Every schema problem of ``document``, sorted by position; empty when valid."""
    check = check_version(document)
    diagnostics = list(check.diagnostics)
    if check.schema_version is not None:
        validator = Validator(load_schema(check.schema_version))
        for error in validator.iter_errors(document.data):
            if error.path[:1] == (VERSION_KEY,) or (
                error.keyword == "required" and error.detail == VERSION_KEY
            ):
                continue  # the version check has said what is wrong with it
            diagnostics.append(explain(error, document))
    return sort_diagnostics(diagnostics)


def explain(error: SchemaError, document: Document) -> Diagnostic:
    """A located, plain-words diagnostic for one failing keyword."""
    code, message, ptr, at_key = _EXPLAINERS.get(error.keyword, _other)(error, document)
    return Diagnostic.of(code, document.locate(ptr, key=at_key), message)


Explanation = tuple[codes.Code, str, str, bool]


def _where(error: SchemaError) -> str:
    return pointer.human(list(error.path))


def _found(value: Any, typed: str | None) -> str:
    kind = json_type(value)
    if kind == "string":
        return f"the text {quote(value)}"
    if kind == "null":
        return f"{typed}, which YAML reads as null" if typed else "an empty value"
    if kind in ("integer", "number"):
        return f"the number {typed or value}"
    if kind == "boolean":
        return typed or ("true" if value else "false")
    return _TYPE_WORDS[kind]


def _type(error: SchemaError, document: Document) -> Explanation:
    here = pointer.join(error.path)
    types = error.schema["type"]
    names = [types] if isinstance(types, str) else list(types)
    expected = " or ".join(_TYPE_WORDS[n] for n in names)
    typed = document.plain_scalars.get(here)
    message = f"{_where(error)}: expected {expected}, found {_found(error.value, typed)}"
    if "string" in names and json_type(error.value) in ("integer", "number", "boolean"):
        message += f'; write it in quotes: "{typed or error.value}"'
    return codes.TYPE, message, here, False


def _required(error: SchemaError, document: Document) -> Explanation:
    return (
        codes.MISSING_KEY,
        f"missing required key {quote(error.detail)} in {_where(error)}",
        pointer.join(error.path),
        False,
    )


def _unknown(error: SchemaError, document: Document) -> Explanation:
    key = error.detail
    known = list(error.schema.get("properties", {}))
    message = f"unknown key {quote(key)} in {_where(error)}"
    from difflib import get_close_matches  # only on this error path: keeps start-up light

    close = get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        message += f" (did you mean '{close[0]}'?)"
    elif known:
        message += f"; expected one of: {', '.join(known)}"
    if "^x-" in error.schema.get("patternProperties", {}):
        message += "; your own fields must start with 'x-'" if not close else ""
    return codes.UNKNOWN_KEY, message, pointer.child(pointer.join(error.path), key), True


def _pattern(error: SchemaError, document: Document) -> Explanation:
    explanation = error.schema.get("patternErrorMessage")
    if explanation:
        sentence = explanation[0].lower() + explanation[1:].rstrip(".")
        message = f"{_where(error)}: {quote(error.value)} is {sentence}"
    else:
        form = error.schema["pattern"]
        message = f"{_where(error)}: {quote(error.value)} does not have the form {form}"
    return codes.PATTERN, message, pointer.join(error.path), False


def _choice(error: SchemaError, document: Document) -> Explanation:
    if error.keyword == "const":
        message = f"{_where(error)}: must be '{error.schema['const']}'"
    else:
        choices = [str(c) for c in error.schema["enum"]]
        message = f"{_where(error)}: {quote(error.value)} is not one of: {', '.join(choices)}"
        from difflib import get_close_matches

        close = get_close_matches(str(error.value), choices, n=1, cutoff=0.6)
        if close:
            message += f" (did you mean '{close[0]}'?)"
    return codes.CHOICE, message, pointer.join(error.path), False


def _size(error: SchemaError, document: Document) -> Explanation:
    keyword, schema, where = error.keyword, error.schema, _where(error)
    limit = schema[keyword]
    if keyword == "minLength" and limit == 1:
        message = f"{where} must not be empty"
    elif keyword == "minItems" and limit == 1:
        message = f"{where} must not be an empty list"
    else:
        unit = "characters" if keyword.endswith("Length") else "items"
        bound = "at least" if keyword.startswith("min") else "at most"
        message = f"{where} must have {bound} {limit} {unit}"
    return codes.SIZE, message, pointer.join(error.path), False


def _range(error: SchemaError, document: Document) -> Explanation:
    limit = error.schema[error.keyword]
    relation = "less than the minimum" if error.keyword == "minimum" else "more than the maximum"
    message = f"{_where(error)}: {error.value} is {relation} {limit}"
    return codes.RANGE, message, pointer.join(error.path), False


def _duplicate(error: SchemaError, document: Document) -> Explanation:
    message = f"{pointer.human(list(error.path[:-1]))} lists {quote(error.detail)} more than once"
    return codes.DUPLICATE_ITEM, message, pointer.join(error.path), False


def _other(error: SchemaError, document: Document) -> Explanation:
    return codes.TYPE, f"{_where(error)} is not allowed here", pointer.join(error.path), False


_EXPLAINERS: dict[str, Callable[[SchemaError, Document], Explanation]] = {
    "type": _type,
    "required": _required,
    "additionalProperties": _unknown,
    "pattern": _pattern,
    "enum": _choice,
    "const": _choice,
    "minLength": _size,
    "maxLength": _size,
    "minItems": _size,
    "maxItems": _size,
    "minimum": _range,
    "maximum": _range,
    "uniqueItems": _duplicate,
}
