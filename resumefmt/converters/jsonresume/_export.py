"""resumefmt → JSON Resume, as docs/jsonresume.md maps it, field by field."""

from __future__ import annotations

from resumefmt import pointer
from resumefmt.converters.jsonresume._located import finding
from resumefmt.converters.jsonresume._mapping import (
    DEFAULT_SCHEMA_URL,
    DOI,
    MAPPED,
    NATIVE,
    OURS,
    SECTIONS,
    THEIRS,
)
from resumefmt.converters.jsonresume._official import is_format, is_jsonresume_date
from resumefmt.errors import DocumentError
from resumefmt.model import KINDS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.converting import ConvertOptions
    from resumefmt.diagnostics import Severity
    from resumefmt.loader import Document

DATE_KEYS = frozenset({"startDate", "endDate", "date", "releaseDate"})


class _Export:
    def __init__(self, document: Document, options: ConvertOptions) -> None:
        self.document = document
        self.options = options
        self.errors: list[Any] = []

    def warn(
        self,
        ptr: str,
        message: str,
        *,
        key: bool = False,
        kind: str = "export",
        severity: Severity = "warning",
    ) -> None:
        location = self.document.locate(ptr, key=key)
        self.options.notices.append(finding(location, kind, message, severity))

    def error(self, ptr: str, kind: str, message: str, *, key: bool = False) -> None:
        location = self.document.locate(ptr, key=key)
        self.errors.append(finding(location, kind, message, "error"))

    def entry(self, kind: str, data: dict[str, Any], ptr: str) -> dict[str, Any]:
        """One object: native fields, our own x- keys, restored x-jsonresume, x-resumefmt."""
        out: dict[str, Any] = {}
        native = dict(NATIVE[kind])
        for ours, theirs in NATIVE[kind]:
            if ours in data:
                out[theirs] = self.value(kind, ours, data[ours], pointer.child(ptr, ours))
        extra = {k: v for k, v in data.items() if k not in native and not k.startswith("x-")}
        self.special(kind, data, out, extra)
        if kind == "experience" and pointer.split(ptr)[0] == "research":
            extra["section"] = "research"
        for key, value in data.items():
            if key.startswith("x-") and key != THEIRS:
                out[key] = value
        self.restore(data.get(THEIRS), out, pointer.child(ptr, THEIRS))
        for key in DATE_KEYS & out.keys():
            self.check_date(out[key], pointer.child(ptr, _our_key(kind, key)))
        if extra:
            out[OURS] = extra
        return out

    def value(self, kind: str, ours: str, value: Any, ptr: str) -> Any:
        if ours == "location" and kind == "basics":
            return self.entry("location", value, ptr)
        if ours == "profiles":
            return [self.entry("profile", p, pointer.child(ptr, i)) for i, p in enumerate(value)]
        if ours == "email" and not is_format(value, "email"):
            self.warn(ptr, f"JSON Resume's validator rejects the e-mail address {value!r}")
        return value

    def special(
        self, kind: str, data: dict[str, Any], out: dict[str, Any], extra: dict[str, Any]
    ) -> None:
        """Conventions 5 and 6 of docs/jsonresume.md: markers and derived values."""
        if out.get("endDate") == "present":
            del out["endDate"]
        if kind in ("education", "project", "experience", "volunteer"):
            if "start" in data and "end" not in data:
                extra["end"] = None
            elif "start" not in data and data.get("end") == "present":
                extra["end"] = "present"
        if kind == "project":
            if "role" in data:
                roles: Any = (data.get(THEIRS) or {}).get("roles")
                ok = isinstance(roles, list) and all(isinstance(r, str) for r in roles)
                out["roles"] = roles if ok and ", ".join(roles) == data["role"] else [data["role"]]
            if "description" not in data and "summary" in data:
                out["description"] = data["summary"]
                extra["description"] = None
            if "url" not in data and "repository" in data:
                out["url"] = data["repository"]
                extra["url"] = None
        elif kind == "publication" and "url" not in data and "doi" in data:
            out["url"] = DOI + data["doi"]
            extra["url"] = None
        elif kind == "award" and isinstance(data.get("date"), list):
            out["date"] = data["date"][0]
            extra["date"] = data["date"]

    def restore(self, kept: Any, out: dict[str, Any], ptr: str) -> None:
        if not isinstance(kept, dict):
            if kept is not None:
                self.warn(ptr, f"{THEIRS} must be a mapping to be exported; it is skipped")
            return
        for key, value in kept.items():
            if key == "roles" and "roles" in out:
                continue  # the roles of a project: used above when they match its role
            if key in out:
                self.warn(
                    pointer.child(ptr, key),
                    f"{THEIRS}.{key} is skipped: the "
                    f"exporter writes {key!r} from the résumé's own fields",
                    key=True,
                )
                continue
            if key in DATE_KEYS and not (isinstance(value, str) and is_jsonresume_date(value)):
                # a date the import could not read: JSON Resume's validator would refuse it
                self.warn(
                    pointer.child(ptr, key),
                    f"{THEIRS}.{key} {value!r} is not a JSON Resume date: left out of the "
                    "export (write it as YYYY-MM in the résumé's own field)",
                    key=True,
                )
                continue
            out[key] = value

    def check_date(self, value: Any, ptr: str) -> None:
        if isinstance(value, str) and not is_jsonresume_date(value):
            self.error(
                ptr,
                "export",
                f"JSON Resume dates must fall in the years 1000-2999; {value!r} cannot be exported",
            )


def _our_key(kind: str, theirs: str) -> str:
    return next((o for o, t in NATIVE[kind] if t == theirs), theirs)


def export(document: Document, options: ConvertOptions) -> dict[str, Any]:
    """The JSON Resume data of a valid document; unexportable values raise DocumentError."""
    data: dict[str, Any] = document.data
    job = _Export(document, options)
    _say_language(job, document)
    _refuse_reserved(job, data, "")
    kept: dict[str, Any] = data[THEIRS] if isinstance(data.get(THEIRS), dict) else {}
    order = [k for k in data if k == "basics" or k in KINDS]
    out: dict[str, Any] = {"$schema": kept.get("$schema", DEFAULT_SCHEMA_URL)}
    for key in order:
        if key == "basics":
            out["basics"] = job.entry("basics", data["basics"], "/basics")
        elif key in SECTIONS:
            name = "work" if key == "research" else key
            entries = [job.entry(MAPPED[key], e, f"/{key}/{i}") for i, e in enumerate(data[key])]
            out[name] = out.get(name, []) + entries
    for key, value in data.items():
        if key.startswith("x-") and key != THEIRS:
            out[key] = value
    if data.get(THEIRS) is not None and not isinstance(data.get(THEIRS), dict):
        job.warn(f"/{THEIRS}", f"{THEIRS} must be a mapping to be exported; it is skipped")
    for key, value in kept.items():
        if key == "$schema":
            continue
        if key in out:
            job.warn(
                f"/{THEIRS}/{pointer.escape(key)}",
                f"{THEIRS}.{key} is skipped: the "
                f"exporter writes {key!r} from the résumé's own fields",
                key=True,
            )
        else:
            out[key] = value
    record: dict[str, Any] = {"resumefmt": data["resumefmt"]}
    if "$schema" in data:
        record["$schema"] = data["$schema"]
    record["order"] = order
    if "sections" in data:
        record["sections"] = data["sections"]
    out[OURS] = record
    if job.errors:
        raise DocumentError(job.errors)
    return out


def _say_language(job: _Export, document: Document) -> None:
    """JSON Resume holds one language: say which one a document in several (or not in
    English) is exported in (RF068), at its ``locale`` or its first language map."""
    locale = getattr(document, "locale", None)  # a Selection's: the language being built
    languages: dict[str, str] = getattr(document, "languages", {})
    if locale is None or (locale == "en" and not languages):
        return
    source = getattr(document, "source", document)
    where = "/locale" if "locale" in source.data else next(iter(languages), "")
    job.warn(
        where,
        f"exported in {locale} (JSON Resume holds one language); build others with --locale",
        kind="language",
        severity="info",  # what was asked for was done: it only says which language
    )


def _refuse_reserved(job: _Export, value: Any, ptr: str) -> None:
    """``x-resumefmt`` is the exporter's: a file that uses it cannot be exported."""
    if isinstance(value, dict):
        for key, member in value.items():
            here = pointer.child(ptr, key)
            if key == OURS:
                job.error(
                    here,
                    "reserved",
                    f"{OURS} is reserved for the JSON Resume export; rename this key",
                    key=True,
                )
            elif key != THEIRS:
                _refuse_reserved(job, member, here)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_reserved(job, item, pointer.child(ptr, index))
