"""Validate a loaded document and explain each failure from its keyword."""

from __future__ import annotations

import re

from resumefmt import codes, pointer
from resumefmt._jsonschema import SchemaError, Validator, ecma_anchors, json_type
from resumefmt._text import quote
from resumefmt.diagnostics import Diagnostic, Fix, sort_diagnostics
from resumefmt.loader import Document
from resumefmt.schemas import NEWEST, load_schema
from resumefmt.versions import VERSION_KEY, check_version

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

#: An empty file (or only comments) reads as nothing at all.
EMPTY_FILE = "the file is empty: start from a starter résumé with: resumefmt init NAME"

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
    if document.data is None and "" not in document.positions:  # nothing written at all
        return [Diagnostic.of(codes.TYPE, document.locate(""), EMPTY_FILE)]
    foreign = _foreign(document)
    if foreign is not None:
        return [foreign]
    check = check_version(document)
    diagnostics = list(check.diagnostics)
    if check.schema_version is not None:
        validator = Validator(load_schema(check.schema_version))
        newer: set[tuple[Any, ...]] | None = None
        for error in validator.iter_errors(document.data):
            if error.path[:1] == (VERSION_KEY,) or (
                error.keyword == "required" and error.detail == VERSION_KEY
            ):
                continue  # the version check has said what is wrong with it
            diagnostic = explain(error, document)
            if error.keyword == "additionalProperties" and check.schema_version != NEWEST:
                if newer is None:
                    newer = _unknown_keys(document.data, NEWEST)
                if (tuple(error.path), error.detail) not in newer:
                    diagnostic = _new_in_newest(diagnostic, error, document)
            diagnostics.append(diagnostic)
    return sort_diagnostics(diagnostics)


def require_valid(document: Document) -> None:
    """Raise :class:`~resumefmt.errors.DocumentError` (exit 1) with an invalid document's errors."""
    errors = [d for d in validate(document) if d.severity == "error"]
    if errors:
        from resumefmt.errors import DocumentError

        raise DocumentError(errors)


def _unknown_keys(data: Any, version: str) -> set[tuple[Any, ...]]:
    """Where ``version``'s schema finds unknown keys in ``data``: (path, key) pairs."""
    validator = Validator(load_schema(version))
    return {
        (tuple(e.path), e.detail)
        for e in validator.iter_errors(data)
        if e.keyword == "additionalProperties"
    }


def _new_in_newest(diagnostic: Diagnostic, error: SchemaError, document: Document) -> Diagnostic:
    """An unknown key the newest format defines: say so, and how to move the file there."""
    import shlex

    name = "FILE" if document.path in ("-", "<string>") else shlex.quote(document.path)
    message = (
        f"{quote(error.detail)} in {_where(error)} is new in format {NEWEST}: "
        f"run `resumefmt migrate {name}` to move this file to {NEWEST}"
    )
    return Diagnostic.of(codes.UNKNOWN_KEY, diagnostic.location, message)


def _foreign(document: Document) -> Diagnostic | None:
    """One line for a JSON Resume or RenderCV document, instead of a wall of unknown keys.

    Only a document without our version key: one that declares ``resumefmt`` is
    ours, however many keys it gets wrong.
    """
    data = document.data
    if not isinstance(data, dict) or VERSION_KEY in data:
        return None
    rendercv_keys = {"design", "locale", "settings", "rendercv_settings"}
    if isinstance(data.get("cv"), dict) and (
        "sections" in data["cv"] or rendercv_keys & data.keys()
    ):
        what, source = "a RenderCV file", "rendercv"
    elif _is_jsonresume(data):
        what, source = "a JSON Resume document", "jsonresume"
    else:
        return None
    from pathlib import PurePath

    name = PurePath(document.path).name if document.path != "-" else "resume"
    stem = re.sub(r"(\.resume)?\.(json|ya?ml)$", "", name, flags=re.IGNORECASE) or "resume"
    message = (
        f"this is {what}, not a resumefmt résumé: convert it with: resumefmt import "
        f"{document.path} --from {source} -o {stem}.resumefmt.yaml"
    )
    return Diagnostic.of(codes.VERSION, document.locate(""), message)


def _is_jsonresume(data: dict[str, Any]) -> bool:
    """JSON Resume's shape: its ``$schema``, ``meta``, ``basics.label`` or a work ``position``."""
    schema = data.get("$schema")
    if isinstance(schema, str) and ("jsonresume" in schema or "resume-schema" in schema):
        return True
    basics = data.get("basics")
    if isinstance(data.get("meta"), dict) or (isinstance(basics, dict) and "label" in basics):
        return True
    work = data.get("work")
    return isinstance(work, list) and any(
        isinstance(entry, dict) and ({"position", "company", "startDate"} & entry.keys())
        for entry in work
    )


def explain(error: SchemaError, document: Document) -> Diagnostic:
    """A located, plain-words diagnostic for one failing keyword, with its safe fix if any."""
    code, message, ptr, at_key = _EXPLAINERS.get(error.keyword, _other)(error, document)
    location = document.locate(ptr, key=at_key)
    return Diagnostic.of(code, location, message, fix=safe_fix(error, document))


def safe_fix(error: SchemaError, document: Document) -> Fix | None:
    """The fix of a schema error that has one safe answer (``lint --fix``), or None.

    A number typed where text belongs becomes the text as typed (``01234``
    stays ``"01234"``: the source, never the number read); a date written
    ``2021-3``, ``2021/03``, ``03/2021`` or ``Mar 2021`` becomes ``2021-03``;
    a word the field takes in lower case (``Present``) is lowered. Only when
    the result matches the field's pattern. ``2021.03`` is left alone: it
    may be a fraction of a year.
    """
    here = pointer.join(error.path)
    pattern = error.schema.get("pattern")
    value = error.value
    if error.keyword == "type" and json_type(value) in ("integer", "number"):
        names = error.schema["type"]
        typed = document.plain_scalars.get(here)
        if typed is None or "string" not in ([names] if isinstance(names, str) else names):
            return None
        if pattern is None or _matches(pattern, typed):
            return Fix(typed, pointer=here)
    elif error.keyword == "pattern" and isinstance(value, str) and pattern is not None:
        if value.isalpha() and value.lower() != value and _matches(pattern, value.lower()):
            return Fix(value.lower(), pointer=here)
        fixed = None if "." in value else _as_date(value)
        if fixed is not None and _matches(pattern, fixed):
            return Fix(fixed, pointer=here)
    return None


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
    value, found = error.value, json_type(error.value)
    if "string" in names and found in ("integer", "number", "boolean"):
        shown = typed or str(value)
        if "pattern" in error.schema and not _matches(error.schema["pattern"], shown):
            # Quotes would only trade this error for "not a date": say what is one.
            return codes.TYPE, _mismatch(error, shown, shown), here, False
    message = f"{_where(error)}: expected {expected}, found {_found(value, typed)}"
    if "string" in names and found in ("integer", "number", "boolean"):
        message += f'; write it in quotes: "{typed or value}"'
    elif found == "string":
        message += _unquoted(value, names)
        if "array" in names:
            message += _as_list(value, error, document)
        glued = re.fullmatch(_GLUED, value)
        if "object" in names and glued and document.syntax == "yaml":
            fix = quote(f"{glued['key']}: {glued['rest']}")[1:-1]
            message += f"; a key needs a space after its colon: {fix}"
    elif "string" in names and found == "object" and document.syntax == "yaml":
        message += _colon_made_a_key(value)
    elif "array" in names and found == "object":
        if document.syntax == "yaml":
            message += "; start each item of a list with '- '"
        else:
            message += "; put the items of a list in [ ]"
    return codes.TYPE, message, here, False


#: ``basics: name:Ada``: YAML reads a key and value with no space between as text.
_GLUED = r"(?P<key>[a-z$][\w$-]*):(?P<rest>[^\s:/][^\n]*)"  # compiled on the error path only


def _unquoted(text: str, names: list[str]) -> str:
    """``authorPosition: "1"``: the advice to drop the quotes, when that is all it takes."""
    bare = text.strip()
    if "integer" in names and re.fullmatch(r"[-+]?[0-9]+", bare):
        return f"; remove the quotes: {int(bare)}"
    if "number" in names and re.fullmatch(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", bare):
        return f"; remove the quotes: {bare}"
    if "boolean" in names and bare.lower() in ("true", "false"):
        return f"; remove the quotes: {bare.lower()}"
    return ""


def _as_list(text: str, error: SchemaError, document: Document) -> str:
    """``technologies: Python, Kafka``: show the list this was probably meant to be."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    short = (error.schema.get("items") or {}).get("type") == "string"
    if not items or not short or any(len(item.split()) > 3 for item in items):
        return "; write a list, one item per line starting with '- '"
    import json

    key = error.path[-1] if error.path and isinstance(error.path[-1], str) else None
    if document.syntax == "json":
        listed = "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in items) + "]"
        return (
            f"; write a list: {json.dumps(key, ensure_ascii=False)}: {listed}"
            if key
            else (f"; write a list: {listed}")
        )
    listed = "[" + ", ".join(_flow_item(item) for item in items) + "]"
    return f"; write a list: {key}: {listed}" if key else f"; write a list: {listed}"


def _flow_item(text: str) -> str:
    """One item of a YAML ``[a, b]`` list: plain when YAML reads it back as this text."""
    import json

    from resumefmt._yaml_reader import resolve_plain  # a YAML document: PyYAML is loaded

    plain = re.fullmatch(r"[^\W\d][\w .+#/-]*", text) and " #" not in text
    return text if plain and resolve_plain(text) == text else json.dumps(text, ensure_ascii=False)


def _colon_made_a_key(value: dict[str, Any]) -> str:
    """``- Streaming: built it`` is a mapping in YAML; the bullet was meant as text."""
    if len(value) != 1:
        return ""
    ((key, rest),) = value.items()
    if not isinstance(rest, str) or "\n" in rest:
        return ""
    from resumefmt._yaml_advice import quoted_text

    return (
        f"; the colon and space after {quote(key)} make it a key: "
        f"put the whole text in quotes: {quoted_text(f'{key}: {rest}')}"
    )


def _matches(pattern: str, text: str) -> bool:
    return re.search(ecma_anchors(pattern), text) is not None


def _mismatch(error: SchemaError, shown: str, text: str) -> str:
    """``'2021-3' is not a date: use …``, with the likely fix when there is one."""
    pattern, where = error.schema["pattern"], _where(error)
    if text.lower() != text and _matches(pattern, text.lower()):
        return f"{where}: {shown} must be in lower case: {text.lower()}"
    explanation = error.schema.get("patternErrorMessage")
    if explanation:
        sentence = explanation[0].lower() + explanation[1:].rstrip(".")
        message = f"{where}: {shown} is {sentence}"
    else:
        message = f"{where}: {shown} does not have the form {pattern}"
    fixed = _as_date(text)
    if fixed is not None and _matches(pattern, fixed):
        message += f" (did you mean '{fixed}'?)"
    return message


#: Dates written another way, read on the error path only (compiled there).
_DATE_FORMS = (
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})(?:-(?P<d>[0-9]{1,2}))?",
    r"(?P<y>[0-9]{4})/(?P<m>[0-9]{1,2})(?:/(?P<d>[0-9]{1,2}))?",
    # 2021.03 (typed unquoted, a number) is a month; 2016.5 might be a fraction of a year
    r"(?P<y>[0-9]{4})\.(?P<m>[0-9]{2})(?:\.(?P<d>[0-9]{2}))?",
    r"(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})",
    r"(?P<m>[A-Za-z]{3,9})\.?,? (?P<y>[0-9]{4})",  # Mar 2021, March 2021
)


def _as_date(text: str) -> str | None:
    """``2021-3`` → ``2021-03``; ``03/2021``, ``Mar 2021`` → ``2021-03``; else None."""
    for written in _DATE_FORMS:
        form = re.compile(written)  # re's own cache keeps it
        match = form.fullmatch(text)
        if match is None:
            continue
        month = int(match["m"]) if match["m"].isdigit() else _month_number(match["m"])
        if month is None:
            return None
        day = match["d"] if "d" in form.groupindex else None
        return f"{match['y']}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    return None


_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _month_number(word: str) -> int | None:
    """``Mar``, ``march``, ``Sept`` → its number; None for anything else."""
    word = word.lower()
    for number, name in enumerate(_MONTH_NAMES, 1):
        if (len(word) >= 3 and name.startswith(word)) or (word, number) == ("sept", 9):
            return number
    return None


def _required(error: SchemaError, document: Document) -> Explanation:
    return (
        codes.MISSING_KEY,
        f"missing required key {quote(error.detail)} in {_where(error)}",
        pointer.join(error.path),
        False,
    )


#: JSON Resume's and RenderCV's names for our fields, each with the fields it may
#: stand for (the first one the object has is suggested).
FOREIGN_NAMES: dict[str, tuple[str, ...]] = {
    "position": ("role",),
    "company": ("organization",),
    "name": ("organization", "title"),
    "startDate": ("start",),
    "start_date": ("start",),
    "endDate": ("end",),
    "end_date": ("end",),
    "studyType": ("degree",),
    "area": ("field",),
    "score": ("gpa",),
    "label": ("headline",),
    "website": ("url",),
    "picture": ("image",),
    "photo": ("image",),
    "releaseDate": ("date",),
    "publisher": ("venue",),
    "journal": ("venue",),
    "awardDate": ("date",),
    "social_networks": ("profiles",),
    "entity": ("organization",),
    "keywords": ("technologies",),
    "roles": ("role",),
}


def _unknown(error: SchemaError, document: Document) -> Explanation:
    key = error.detail
    known = list(error.schema.get("properties", {}))
    here = pointer.child(pointer.join(error.path), key)
    patterns = list(error.schema.get("patternProperties", {}))
    from resumefmt.model import LANGUAGE_KEY, VARIANT_NAME  # only on this error path

    if f"^{LANGUAGE_KEY}$" in patterns:
        return codes.UNKNOWN_KEY, _not_a_language(key, _where(error)), here, True
    if patterns == [f"^{VARIANT_NAME}$"]:
        message = f"{quote(key)} cannot name a variant: use lower-case letters, digits and hyphens"
        return codes.UNKNOWN_KEY, message, here, True
    message = f"unknown key {quote(key)} in {_where(error)}"
    from difflib import get_close_matches  # only on this error path: keeps start-up light

    foreign = [name for name in FOREIGN_NAMES.get(key, ()) if name in known]
    close = foreign[:1] or get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        message += f" (did you mean '{close[0]}'?)"
    elif known:
        message += f"; expected one of: {', '.join(known)}"
    if "^x-" in error.schema.get("patternProperties", {}):
        message += "; your own fields must start with 'x-'" if not close else ""
    return codes.UNKNOWN_KEY, message, pointer.child(pointer.join(error.path), key), True


def _not_a_language(key: str, where: str) -> str:
    """What to write instead of a key of a language map that is no language tag."""
    from resumefmt.model import LANGUAGE_TAG

    if re.fullmatch(LANGUAGE_TAG, key):
        parts = key.split("-")
        canonical = [parts[0].lower()]
        for part in parts[1:]:
            canonical.append(
                part.title()
                if len(part) == 4 and part.isalpha()
                else part.upper()
                if len(part) == 2
                else part.lower()
            )
        return f"{quote(key)} in {where}: write the language tag as {'-'.join(canonical)}"
    return (
        f"{quote(key)} in {where} is not a language tag: the keys of a language map are "
        "BCP 47 tags such as en, zh or pt-BR"
    )


def _pattern(error: SchemaError, document: Document) -> Explanation:
    message = _mismatch(error, quote(error.value), error.value)
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
