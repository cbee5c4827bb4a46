"""The converter's findings, located in the file they are about; the import's two schema checks."""

from __future__ import annotations

from resumefmt import pointer
from resumefmt.codes import JSONRESUME
from resumefmt.converters.jsonresume._official import OfficialValidator, official_schema
from resumefmt.diagnostics import Diagnostic
from resumefmt.errors import DocumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.converters.jsonresume._wild import Tidied
    from resumefmt.diagnostics import Location, Severity

#: Where a field our schema requires comes from, when its JSON Resume name differs.
_SOURCE_KEY = {"organization": "name", "role": "position", "start": "startDate"}


def finding(location: Location, kind: str, message: str, severity: Severity) -> Diagnostic:
    """A diagnostic with the code of ``kind`` (:data:`resumefmt.codes.JSONRESUME`)."""
    return Diagnostic.of(JSONRESUME[kind], location, message, severity)


def check_official(document: Tidied) -> None:
    """Refuse a document the official validator would refuse, with located errors."""
    from resumefmt.validation import explain

    errors = []
    for error in OfficialValidator(official_schema()).iter_errors(document.data):
        where = pointer.join(error.path)
        if error.keyword == "format":
            kind = "an e-mail address" if error.schema["format"] == "email" else "a URI"
            message = f"{pointer.human(list(error.path))}: {error.value!r} is not {kind}"
            location = document.locate(where)
        else:
            explained = explain(error, document)  # type: ignore[arg-type]
            message, location = explained.message, explained.location
        errors.append(finding(location, "schema", f"not valid JSON Resume: {message}", "error"))
    if errors:
        raise DocumentError(errors)


class _Mapped:
    """Our pointers located in the input: the nearest recorded source, plus the rest of the path."""

    def __init__(self, sources: dict[str, str], document: Tidied) -> None:
        self.plain_scalars: dict[str, str] = {}
        self.sources = sources
        self.document = document

    def theirs(self, ptr: str) -> str:
        node, rest = ptr, ""
        while node and node not in self.sources:
            rest = node[node.rfind("/") :] + rest
            node = pointer.parent(node)
        return self.sources.get(node, "") + rest

    def locate(self, ptr: str, *, key: bool = False) -> Location:
        return self.document.locate(self.theirs(ptr), key=key)


def check_ours(data: dict[str, Any], sources: dict[str, str], document: Tidied) -> list[Any]:
    """Every violation of our schema in the imported data, located where it came from."""
    from resumefmt._jsonschema import Validator
    from resumefmt.schemas import load_schema
    from resumefmt.validation import explain

    mapped = _Mapped(sources, document)
    found: list[Diagnostic] = []
    for error in Validator(load_schema(data["resumefmt"])).iter_errors(data):
        theirs = mapped.theirs(pointer.join(error.path))
        tokens: list[str | int] = [int(t) if t.isdigit() else t for t in pointer.split(theirs)]
        where = pointer.human(tokens)
        if error.keyword == "required":
            ours = error.detail
            source = _SOURCE_KEY.get(ours, ours)
            if ours == "title" and error.path[:1] == ("publications",):
                source = "name"
            if error.path[:1] == ("volunteer",) and ours == "organization":
                source = "organization"
            message = (
                f"{where} has no {source!r}, which resumefmt requires (as {ours!r}): add it"
                if ours != "basics"
                else "the document has no 'basics' with a 'name', which resumefmt requires"
            )
            found.append(
                finding(mapped.locate(pointer.join(error.path)), "missing", message, "error")
            )
            continue
        explained = explain(error, mapped)  # type: ignore[arg-type]
        found.append(
            Diagnostic(
                explained.location,
                "error",
                explained.code,
                explained.name,
                f"{explained.message} (JSON Resume: {where})",
            )
        )
    return found


#: Schema keywords a single text value fails on its own: such a value is kept aside.
_MISFITS = frozenset({"pattern", "format", "minLength"})


def set_aside(
    data: dict[str, Any], sources: dict[str, str], document: Tidied
) -> list[tuple[str, str, Any, str]]:
    """Move each text our schema refuses (and JSON Resume accepted) to x-jsonresume.

    A date JSON Resume's pattern allows and ours does not (``2020-13``), an
    address that is not a web address (``ftp://``, ``mailto:`` outside
    profiles): kept under the entry's ``x-jsonresume`` by its JSON Resume name,
    so the export writes it back. Returns ``(input pointer, their key, value,
    why)`` for each, for the notices.
    """
    from resumefmt._jsonschema import Validator
    from resumefmt.converters.jsonresume._mapping import THEIRS
    from resumefmt.schemas import load_schema
    from resumefmt.validation import explain

    mapped = _Mapped(sources, document)
    moved = []
    errors = list(Validator(load_schema(data["resumefmt"])).iter_errors(data))  # then move
    for error in errors:
        if error.keyword not in _MISFITS or not error.path or not isinstance(error.path[-1], str):
            continue
        parent: Any = data
        for token in error.path[:-1]:
            parent = parent[token]
        key = error.path[-1]
        if not isinstance(parent, dict) or key not in parent or key.startswith("x-"):
            continue
        ptr = pointer.join(error.path)
        theirs = pointer.split(mapped.theirs(ptr))[-1]
        why = explain(error, mapped).message  # type: ignore[arg-type]
        parent.setdefault(THEIRS, {})[theirs] = parent.pop(key)
        moved.append((mapped.theirs(ptr), theirs, parent[THEIRS][theirs], why))
    return moved
