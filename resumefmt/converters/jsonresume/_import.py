"""JSON Resume → resumefmt as docs/jsonresume.md maps it back; findings located in the input."""

from __future__ import annotations

from resumefmt import pointer
from resumefmt.converters.jsonresume._located import (
    check_official,
    check_ours,
    finding,
    set_aside,
)
from resumefmt.converters.jsonresume._mapping import (
    DEFAULT_SCHEMA_URL,
    DOI,
    MAPPED,
    NATIVE,
    OURS,
    READ_ALSO,
    SECTIONS,
    THEIRS,
)
from resumefmt.converters.jsonresume._wild import Tidied
from resumefmt.errors import DocumentError
from resumefmt.schemas import KNOWN_VERSIONS, NEWEST

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.converting import ConvertOptions
    from resumefmt.diagnostics import Severity
    from resumefmt.loader import Document

#: The keys the export writes under x-resumefmt, per kind of object.
ALLOWED = {
    "root": {"resumefmt", "$schema", "order", "sections"},
    "basics": {"altName"},
    "experience": {"unit", "technologies", "projects", "section", "end"},
    "volunteer": {"unit", "technologies", "projects", "end"},
    "certificate": {"summary"},
    "education": {"location", "advisor", "thesis", "summary", "highlights", "end"},
    "project": {"summary", "repository", "description", "url", "end"},
    "publication": {"authors", "authorPosition", "equalContribution", "etAl", "type",
                    "status", "doi", "links", "url"},
    "award": {"url", "date"},
    "language": {"tests"},
}  # fmt: skip
TEXT_LISTS = frozenset({"highlights", "keywords", "courses"})
_SPECIAL = frozenset({"end", "section"})
#: Kinds whose ``end`` follows convention 5 (an absent endDate after a start: ongoing).
_SPANS = ("experience", "volunteer", "education", "project")


class Import:
    """One import: the result, its source pointers, and what it found."""

    def __init__(self, document: Tidied, options: ConvertOptions) -> None:
        self.document = document
        self.options = options
        self.errors: list[Any] = []
        self.sources: dict[str, str] = {}  # our pointer → the input pointer it came from

    def note(
        self, ptr: str, kind: str, message: str, severity: Severity, key: bool = False
    ) -> None:
        diagnostic = finding(self.document.locate(ptr, key=key), kind, message, severity)
        (self.errors if severity == "error" else self.options.notices).append(diagnostic)

    def unmapped(self, ptr: str, key: str) -> None:
        """A key with no place in resumefmt, kept under x-jsonresume."""
        message = (
            f"{key!r} has no place in resumefmt: kept under "
            f"{THEIRS} (exported back, printed by no converter)"
        )
        self.note(ptr, "unmapped", message, "warning", True)

    def put(self, out: dict[str, Any], ours: str, value: Any, mine: str, theirs: str) -> None:
        out[ours] = value
        self.sources[pointer.child(mine, ours)] = theirs

    def entry(self, kind: str, data: dict[str, Any], theirs: str, mine: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        kept: dict[str, Any] = {}
        back = {t: o for o, t in NATIVE[kind]}
        also = {t: o for o, t in READ_ALSO.get(kind, ()) if t not in back}
        self.sources[mine] = theirs
        for key, value in data.items():
            here = pointer.child(theirs, key)
            ours = back.get(key)
            if ours is None and key in also and also[key] not in out:
                ours = also[key]
            if key == OURS:
                continue
            if key == THEIRS:
                self.note(
                    here,
                    "reserved",
                    f"{THEIRS} is reserved for what an import keeps; rename this key",
                    "error",
                    key=True,
                )
            elif key.startswith("x-"):
                self.put(out, key, value, mine, here)
            elif ours is None:
                kept[key] = value
                self.unmapped(here, key)
            elif kind == "project" and key == "roles":
                self.roles(value, out, kept, mine, here)
            elif ours == "location" and kind == "basics":
                self.put(
                    out, ours, self.entry("location", value, here, f"{mine}/location"), mine, here
                )
            elif ours == "profiles":
                self.put(
                    out,
                    ours,
                    [
                        self.entry("profile", p, f"{here}/{i}", f"{mine}/profiles/{i}")
                        for i, p in enumerate(value)
                    ],
                    mine,
                    here,
                )
            elif value == "":
                self.note(here, "empty", f"the empty {key!r} is left out", "info")
            elif key in TEXT_LISTS and isinstance(value, list):
                self.text_list(value, out, ours, mine, here)
            else:
                self.put(out, ours, value, mine, here)
        self.restore(kind, data, out, theirs, mine)
        kept.update(self.document.kept.get(theirs, {}))
        if kept:
            self.put(out, THEIRS, kept, mine, theirs)
        return out

    def text_list(
        self, value: list[Any], out: dict[str, Any], ours: str, mine: str, here: str
    ) -> None:
        items: list[Any] = []
        for index, item in enumerate(value):
            if item == "":
                self.note(f"{here}/{index}", "empty", "an empty item is left out", "info")
                continue
            self.sources[f"{pointer.child(mine, ours)}/{len(items)}"] = f"{here}/{index}"
            items.append(item)
        self.put(out, ours, items, mine, here)

    def roles(
        self, value: list[Any], out: dict[str, Any], kept: dict[str, Any], mine: str, here: str
    ) -> None:
        roles = [role for role in value if role != ""]
        if len(roles) < len(value) or not roles:
            self.note(here, "empty", "empty roles are left out", "info")
        if len(roles) == 1:
            self.put(out, "role", roles[0], mine, f"{here}/0")
        elif roles:
            self.put(out, "role", ", ".join(roles), mine, here)
            kept["roles"] = roles

    def restore(
        self, kind: str, data: dict[str, Any], out: dict[str, Any], theirs: str, mine: str
    ) -> None:
        """Read back x-resumefmt; conventions 5 and 6 choose between marker and native value."""
        record = data.get(OURS, {})
        where = pointer.child(theirs, OURS)
        if not isinstance(record, dict):
            self.note(where, "reserved", f"{OURS} must be a mapping", "error")
            return
        allowed = ALLOWED.get(kind, set())
        for key, value in record.items():
            here = pointer.child(where, key)
            if key not in allowed:
                self.note(
                    here,
                    "reserved",
                    f"{OURS} on this object holds no {key!r}: the export never writes it there",
                    "error",
                    key=True,
                )
            elif key not in _SPECIAL and not (value is None and key in ("description", "url")):
                if kind == "award" and key == "date":
                    continue
                if value is None:
                    out.pop(key, None)
                else:
                    self.put(out, key, value, mine, here)
        if kind in _SPANS:
            marker = record.get("end", "absent")
            if theirs in self.document.present:
                self.put(out, "end", "present", mine, theirs)
            elif theirs in self.document.open_end:
                pass  # the endDate could not be read: kept, and not taken for "ongoing"
            elif "end" in out and marker != "absent":
                self.note(
                    pointer.child(where, "end"),
                    "conflict",
                    f"{OURS}.end is ignored: the entry has an endDate, which wins",
                    "warning",
                    True,
                )
            elif "end" not in out and (
                marker == "present" or (marker == "absent" and "start" in out)
            ):
                self.put(out, "end", "present", mine, theirs)
        derived: dict[str, Any] = {}
        if kind == "project":
            derived = {"description": out.get("summary"), "url": out.get("repository")}
        elif kind == "publication":
            derived = {"url": DOI + str(out.get("doi"))}
        elif kind == "award" and isinstance(record.get("date"), list) and record["date"]:
            derived = {"date": record["date"][0]}
        for key, value in derived.items():
            if key in record and (record[key] is None or key == "date"):
                if out.get(key) == value:
                    out.pop(key, None)
                    if key == "date":
                        self.put(out, key, record[key], mine, pointer.child(where, key))
                else:
                    self.note(
                        pointer.child(where, key),
                        "conflict",
                        f"{OURS}.{key} is ignored: "
                        f"{key!r} was edited after the export, so its value wins",
                        "warning",
                        True,
                    )


def import_document(source: Document, options: ConvertOptions) -> dict[str, Any]:
    """Our document for a JSON Resume one; any error raises DocumentError, nothing written."""
    document = Tidied(source, options)
    check_official(document)
    data = document.data
    job = Import(document, options)
    if not isinstance(data, dict):
        job.note("", "schema", "a JSON Resume document is an object ({...})", "error")
        raise DocumentError(job.errors)
    sections: dict[str, Any] = {}
    own: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    for key, value in data.items():
        here = pointer.child("", key)
        if key == "basics":
            sections["basics"] = job.entry("basics", value, here, "/basics")
        elif key in SECTIONS and key not in ("research", "work"):
            sections[key] = [
                job.entry(MAPPED[key], e, f"{here}/{i}", f"/{key}/{i}") for i, e in enumerate(value)
            ]
        elif key == "work":
            for name in _experience_sections(data):
                sections.setdefault(name, [])  # an empty section stays, in its place
            for index, item in enumerate(value):
                mark = (
                    (item.get(OURS) or {}).get("section")
                    if isinstance(item.get(OURS), dict)
                    else None
                )
                name = "research" if mark == "research" else "work"
                if mark not in (None, "research"):
                    job.note(
                        f"{here}/{index}/{OURS}/section",
                        "reserved",
                        f"{OURS}.section can only be 'research'",
                        "error",
                    )
                entries = sections.setdefault(name, [])
                mine = f"/{name}/{len(entries)}"
                entries.append(job.entry("experience", item, f"{here}/{index}", mine))
        elif key == "$schema" and value == DEFAULT_SCHEMA_URL:
            continue
        elif key.startswith("x-") and key not in (OURS, THEIRS):
            job.put(own, key, value, "", here)
        elif key not in (OURS, THEIRS):
            kept[key] = value
            job.unmapped(here, key)
    root: dict[str, Any] = {}
    job.restore("root", data, root, "", "")
    out: dict[str, Any] = {"resumefmt": root.pop("resumefmt", NEWEST)}
    if out["resumefmt"] not in KNOWN_VERSIONS:
        out["resumefmt"] = NEWEST
    if "$schema" in root:
        out["$schema"] = root.pop("$schema")
    if "sections" in root:
        sections["sections"] = root.pop("sections")
    order = root.pop("order", [])
    keys = (
        [k for k in order if isinstance(k, str) and k in sections]
        if isinstance(order, list)
        else []
    )
    for key in [*keys, *(k for k in sections if k not in keys)]:
        out[key] = sections[key]
    out.update(own)
    if kept:
        out[THEIRS] = kept
    if THEIRS in data:
        job.note(
            f"/{THEIRS}",
            "reserved",
            f"{THEIRS} is reserved for what an import keeps; rename this key",
            "error",
            key=True,
        )
    if not job.errors:
        for ptr, theirs, _value, why in set_aside(out, job.sources, document):
            job.note(
                ptr,
                "unmapped",
                f"{why}: kept under x-jsonresume.{theirs}, printed by no converter",
                "warning",
            )
        job.errors += check_ours(out, job.sources, document)
        if job.errors and out["resumefmt"] != NEWEST:
            # An export of a 1.0 document, whose kept sections now have native 1.1 fields.
            newer = {**out, "resumefmt": NEWEST}
            if not check_ours(newer, job.sources, document):
                job.errors = []
                out = newer
                job.note(
                    f"/{OURS}/resumefmt",
                    "rewritten",
                    f"the document uses fields of format {NEWEST}: written as {NEWEST}",
                    "info",
                )
    if job.errors:
        from resumefmt.diagnostics import sort_diagnostics

        raise DocumentError(sort_diagnostics(job.errors))
    return out


def _experience_sections(data: dict[str, Any]) -> list[str]:
    """Which of ``work`` and ``research`` the export's record says JSON Resume's work holds."""
    record = data.get(OURS)
    order = record.get("order") if isinstance(record, dict) else None
    named = [k for k in order if k in ("work", "research")] if isinstance(order, list) else []
    return named or ["work"]
