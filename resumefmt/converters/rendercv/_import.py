"""RenderCV → resumefmt as docs/rendercv.md maps it; findings located in the RenderCV file."""

from __future__ import annotations

import re

from resumefmt import pointer
from resumefmt.codes import RENDERCV
from resumefmt.converters.rendercv import _dates
from resumefmt.converters.rendercv._names import (
    ENTRY_TYPES,
    IGNORED_BLOCKS,
    NETWORK_URLS,
    meaning,
    section_title,
)
from resumefmt.diagnostics import Diagnostic
from resumefmt.errors import DocumentError
from resumefmt.schemas import NEWEST

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.converting import ConvertOptions
    from resumefmt.diagnostics import Location, Severity
    from resumefmt.loader import Document

#: What the import keeps of RenderCV's that resumefmt has no field for.
THEIRS = "x-rendercv"
DOI = "https://doi.org/"
_LINK = re.compile(r"\[([^\[\]]+)\]\((https?://[^\s()]+)\)")
_MARKUP = re.compile(r"\*\*\S|\*\S[^*]*\*|`|\[[^\]]*\]\(")
_EMPHASIS = re.compile(r"(\*\*|\*)([^*]+)\1")
_TEXT_TYPES = (int, float, bool)

#: Per target kind, RenderCV key → (our key, how): ``plain`` text, ``name`` (plain
#: text that may be one whole markdown link: its text and url), ``rich`` text,
#: ``bullets`` (a list of rich text) or ``url``. Dates are mapped apart.
_FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "experience": {"company": ("organization", "name"), "position": ("role", "plain"),
                   "location": ("location", "plain"), "summary": ("summary", "rich"),
                   "highlights": ("highlights", "bullets"), "url": ("url", "url")},
    "education": {"institution": ("institution", "name"), "area": ("field", "plain"),
                  "degree": ("degree", "plain"), "location": ("location", "plain"),
                  "summary": ("summary", "rich"), "highlights": ("highlights", "bullets"),
                  "url": ("url", "url")},
    "project": {"name": ("name", "name"), "summary": ("summary", "rich"),
                "highlights": ("highlights", "bullets"), "url": ("url", "url")},
    "publication": {"title": ("title", "name"), "journal": ("venue", "plain"),
                    "doi": ("doi", "plain"), "url": ("url", "url"),
                    "summary": ("summary", "rich")},
    "language": {"label": ("language", "plain"), "details": ("fluency", "plain")},
    "custom": {"location": ("location", "plain"), "summary": ("summary", "rich"),
               "highlights": ("highlights", "bullets"), "url": ("url", "url")},
}  # fmt: skip
_DATES = frozenset({"date", "start_date", "end_date"})
#: Our section for a section of one entry type, by what its title means.
_EXPERIENCE = ("work", "research", "volunteer")
_KIND = {"work": "experience", "research": "experience", "volunteer": "experience",
         "education": "education", "projects": "project", "publications": "publication",
         "skills": "skill", "languages": "language"}  # fmt: skip


def finding(location: Location, kind: str, message: str, severity: Severity) -> Diagnostic:
    """A diagnostic with the code of ``kind`` (:data:`resumefmt.codes.RENDERCV`)."""
    return Diagnostic.of(RENDERCV[kind], location, message, severity)


def _where(ptr: str) -> str:
    tokens: list[str | int] = [int(t) if t.isdigit() else t for t in pointer.split(ptr)]
    return pointer.human(tokens) or "the document"


class Import:
    """One import: the result's sources, and what it found."""

    def __init__(self, document: Document, options: ConvertOptions) -> None:
        self.document = document
        self.options = options
        self.errors: list[Diagnostic] = []
        self.sources: dict[str, str] = {}  # our pointer → the RenderCV pointer it came from
        self.kept: dict[str, Any] = {}  # top-level x-rendercv
        self.labels: dict[str, str] = {}  # the user's own section titles (format 1.1 labels:)
        self.line_kept: dict[str, Any] = {}  # a custom section's kept keys, by item

    # -- findings --------------------------------------------------------------------

    def note(
        self, ptr: str, kind: str, message: str, severity: Severity, key: bool = False
    ) -> None:
        diagnostic = finding(self.document.locate(ptr, key=key), kind, message, severity)
        (self.errors if severity == "error" else self.options.notices).append(diagnostic)

    def wrong(self, ptr: str, expected: str) -> None:
        self.note(ptr, "schema", f"{_where(ptr)}: RenderCV expects {expected} here", "error")

    def keep(self, kept: dict[str, Any], key: str, value: Any, ptr: str, why: str = "") -> None:
        """A value with no place in resumefmt, kept under x-rendercv and reported."""
        kept[key] = value
        reason = why or "has no place in resumefmt"
        self.note(
            ptr, "unmapped", f"{key!r} {reason}: kept under {THEIRS}, not printed", "warning", True
        )

    # -- values ----------------------------------------------------------------------

    def text(self, value: Any, ptr: str) -> str | None:
        """Text as written (a number or boolean as its source text); None when empty."""
        if value is None or value == "":
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, _TEXT_TYPES):
            return self.document.plain_scalars.get(ptr, str(value))
        self.wrong(ptr, "text")
        return None

    def texts(self, value: Any, ptr: str) -> list[str]:
        """A list of text, or one text as a list of one (RenderCV takes both for contacts)."""
        if not isinstance(value, list):
            one = self.text(value, ptr)
            return [] if one is None else [one]
        found = [self.text(item, f"{ptr}/{i}") for i, item in enumerate(value)]
        return [item for item in found if item is not None]

    def plain(self, text: str, ptr: str) -> None:
        if _MARKUP.search(text):
            self.note(
                ptr,
                "changed",
                "this field is plain text in resumefmt: its markup prints as typed",
                "info",
            )

    def bullets(self, value: Any, ptr: str) -> list[str]:
        if not isinstance(value, list):
            self.wrong(ptr, "a list of text")
            return []
        out = []
        for index, item in enumerate(value):
            here = f"{ptr}/{index}"
            text = self.text(item, here)
            if text is None:
                continue
            if " - " in text:
                self.note(
                    here,
                    "changed",
                    "RenderCV prints the parts after ' - ' as sub-bullets; resumefmt has no "
                    "nested bullets, so this stays one bullet",
                    "info",
                )
            out.append(text)
        return out

    # -- entries ---------------------------------------------------------------------

    def entry_type(self, entry: Any, ptr: str) -> str | None:
        if isinstance(entry, (str, *_TEXT_TYPES)):
            return "TextEntry"
        if isinstance(entry, dict):
            keys = set(entry)
            found = next((name for name, fields in ENTRY_TYPES if fields & keys), None)
            if found is None:
                self.note(
                    ptr,
                    "schema",
                    f"{_where(ptr)} matches no RenderCV entry type: an entry has a name, "
                    "company, institution, title, label, bullet, number or reversed_number, "
                    "or is one line of text",
                    "error",
                )
            return found
        self.wrong(ptr, "an entry: text or a mapping")
        return None

    def fields(
        self,
        entry: dict[str, Any],
        table: dict[str, tuple[str, str]],
        theirs: str,
        mine: str,
        skip: frozenset[str] = _DATES,
    ) -> dict[str, Any]:
        """Our entry for ``entry`` by ``table``; ``skip`` is mapped apart; the rest is kept."""
        out: dict[str, Any] = {}
        kept: dict[str, Any] = {}
        self.sources[mine] = theirs
        for key, value in entry.items():
            here = pointer.child(theirs, key)
            ours, how = table.get(key, ("", ""))
            if value is None or value == "" or value == []:
                continue  # RenderCV's "not given", as its own examples write it
            if key == THEIRS:  # already kept by an earlier import: merged, never overwritten
                kept.update(value if isinstance(value, dict) else {THEIRS: value})
            elif key.startswith("x-"):
                out[key] = value
            elif key in skip:
                continue
            elif not ours:
                self.keep(kept, key, value, here)
            elif how == "bullets":
                items = self.bullets(value, here)
                if items:
                    self.put(out, ours, items, mine, here)
            else:
                text = self.text(value, here)
                if text is None:
                    continue
                link = _LINK.fullmatch(text) if how == "name" else None
                if link is not None and "url" not in entry:
                    self.put(out, ours, link.group(1), mine, here)
                    self.put(out, "url", link.group(2), mine, here)
                    continue
                if how in ("name", "plain"):
                    self.plain(text, here)
                self.put(out, ours, text, mine, here)
        if kept:
            out[THEIRS] = kept
        return out

    def put(self, out: dict[str, Any], ours: str, value: Any, mine: str, theirs: str) -> None:
        out[ours] = value
        self.sources[pointer.child(mine, ours)] = theirs

    def dates(
        self, entry: dict[str, Any], out: dict[str, Any], theirs: str, mine: str, *, single: bool
    ) -> None:
        """RenderCV's date, start_date and end_date as our start and end (or ``date``).

        As RenderCV reads them: ``date`` wins over the other two; an end alone is a
        single date; a start alone runs to the present. ``single`` entries (custom
        items) write one date as ``date``.
        """
        given = {k: self.text(entry.get(k), pointer.child(theirs, k)) for k in _DATES}
        kept = out.setdefault(THEIRS, {})
        start = end = None
        if given["date"] is not None:
            here = pointer.child(theirs, "date")
            span = _dates.free_text(given["date"])
            if span is None:
                self.keep(
                    kept,
                    "date",
                    given["date"],
                    here,
                    "is not a date resumefmt can read (write start_date and end_date as YYYY-MM)",
                )
            else:
                start, end = span
                if _dates.exact(given["date"]) is None:
                    self.note(
                        here,
                        "changed",
                        f"the date {given['date']!r} is read as "
                        + (start if start == end else f"{start} to {end}"),
                        "info",
                    )
                self.sources[pointer.child(mine, "start")] = here
                self.sources[pointer.child(mine, "end")] = here
            for other in ("start_date", "end_date"):
                if given[other] is not None:
                    self.keep(
                        kept,
                        other,
                        given[other],
                        pointer.child(theirs, other),
                        "is ignored by RenderCV when date is given",
                    )
        else:
            start, end = given["start_date"], given["end_date"]
            for key, ours in (("start_date", "start"), ("end_date", "end")):
                self.sources[pointer.child(mine, ours)] = pointer.child(theirs, key)
            if start is None and end is not None:
                start = end
                self.sources[pointer.child(mine, "start")] = pointer.child(theirs, "end_date")
            elif start is not None and end is None:
                end = "present"
        if start is not None and single and start == end:
            out["date"] = start
            self.sources[pointer.child(mine, "date")] = self.sources[pointer.child(mine, "start")]
        elif start is not None:
            out["start"], out["end"] = start, end
        if not kept:
            del out[THEIRS]
        elif list(out)[-1] != THEIRS:
            out[THEIRS] = out.pop(THEIRS)

    def typed(self, kind: str, entry: dict[str, Any], theirs: str, mine: str) -> dict[str, Any]:
        """One entry of one of our standard sections."""
        if kind == "publication":
            out = self.fields(entry, _FIELDS[kind], theirs, mine, _DATES | {"authors"})
            self.authors(entry.get("authors"), out, pointer.child(theirs, "authors"), mine)
            date = self.text(entry.get("date"), pointer.child(theirs, "date"))
            if date is not None:
                span = _dates.free_text(date)
                if span is not None and span[0] == span[1]:
                    self.put(out, "date", span[0], mine, pointer.child(theirs, "date"))
                else:
                    kept = out.setdefault(THEIRS, {})
                    self.keep(kept, "date", date, pointer.child(theirs, "date"))
            return _last(out)
        if kind == "skill":
            return self.skill(entry, theirs, mine)
        out = self.fields(entry, _FIELDS[kind], theirs, mine)
        self.dates(entry, out, theirs, mine, single=False)
        return out

    def authors(self, value: Any, out: dict[str, Any], here: str, mine: str) -> None:
        """RenderCV marks your name with **bold** (or *italic*); resumefmt with authorPosition."""
        if value is None or value == []:
            return
        names = self.texts(value, here) if isinstance(value, list) else []
        if not isinstance(value, list):
            self.wrong(here, "a list of names")
            return
        marked = [i for i, name in enumerate(names) if _EMPHASIS.fullmatch(name.strip())]
        if len(marked) == 1:
            index = marked[0]
            emphasis = _EMPHASIS.fullmatch(names[index].strip())
            assert emphasis is not None
            names[index] = emphasis.group(2)
            out["authorPosition"] = index + 1
        self.put(out, "authors", names, mine, here)

    def skill(self, entry: dict[str, Any], theirs: str, mine: str) -> dict[str, Any]:
        out = self.fields(entry, {"label": ("name", "plain")}, theirs, mine, frozenset({"details"}))
        details = self.text(entry.get("details"), pointer.child(theirs, "details"))
        if details is not None:
            self.put(out, "keywords", keywords(details), mine, pointer.child(theirs, "details"))
        return _last(out)

    def custom_item(self, kind: str, entry: Any, theirs: str, mine: str) -> Any:
        """One item of a custom section: a line of rich text, or an entry."""
        self.sources[mine] = theirs
        if kind == "TextEntry":
            return self.text(entry, theirs)
        line = {"BulletEntry": "bullet", "NumberedEntry": "number",
                "ReversedNumberedEntry": "reversed_number"}.get(kind)  # fmt: skip
        if line is not None or kind == "OneLineEntry":
            return self.line(kind, line, entry, theirs, mine)
        # (title, subtitle parts) of each entry type; the rest as in _FIELDS["custom"].
        heads = {
            "NormalEntry": ("name", ()),
            "ExperienceEntry": ("position", ("company",)),
            "EducationEntry": ("institution", ("degree", "area")),
            "PublicationEntry": ("title", ("authors",)),
        }
        head, subtitles = heads[kind]
        if kind == "ExperienceEntry" and entry.get("position") in (None, ""):
            head, subtitles = "company", ()
        out: dict[str, Any] = {}
        title = self.text(entry.get(head), pointer.child(theirs, head))
        if title is not None:
            self.put(out, "title", title, mine, pointer.child(theirs, head))
        words = [", ".join(self.texts(entry.get(k), pointer.child(theirs, k))) for k in subtitles]
        if any(words):
            self.put(out, "subtitle", ", ".join(w for w in words if w), mine,
                     pointer.child(theirs, subtitles[0]))  # fmt: skip
        special = {head, *subtitles, "journal", "doi"}
        rest = {k: v for k, v in entry.items() if k not in special}
        if kind == "PublicationEntry":
            rest.pop("date", None)
        out.update(self.fields(rest, _FIELDS["custom"], theirs, mine))
        if kind == "PublicationEntry":
            self.publication_extras(entry, out, theirs, mine)
        else:
            self.dates(entry, out, theirs, mine, single=True)
        return _last(out)

    def publication_extras(
        self, entry: dict[str, Any], out: dict[str, Any], theirs: str, mine: str
    ) -> None:
        journal = self.text(entry.get("journal"), pointer.child(theirs, "journal"))
        if journal is not None:
            summary = out.get("summary")
            self.put(out, "summary", journal if summary is None else f"{journal}\n\n{summary}",
                     mine, pointer.child(theirs, "journal"))  # fmt: skip
        doi = self.text(entry.get("doi"), pointer.child(theirs, "doi"))
        if doi is not None:
            if "url" in out:
                out.setdefault(THEIRS, {})["url"] = out.pop("url")
            self.put(out, "url", DOI + doi, mine, pointer.child(theirs, "doi"))
        date = self.text(entry.get("date"), pointer.child(theirs, "date"))
        if date is not None:
            span = _dates.free_text(date)
            if span is not None and span[0] == span[1]:
                self.put(out, "date", span[0], mine, pointer.child(theirs, "date"))
            else:
                self.keep(out.setdefault(THEIRS, {}), "date", date, pointer.child(theirs, "date"))

    def line(self, kind: str, key: str | None, entry: Any, theirs: str, mine: str) -> Any:
        if key is not None:
            text = self.text(entry.get(key), pointer.child(theirs, key))
            rest = {k: v for k, v in entry.items() if k != key}
        else:
            label = self.text(entry.get("label"), pointer.child(theirs, "label"))
            details = self.text(entry.get("details"), pointer.child(theirs, "details"))
            rest = {k: v for k, v in entry.items() if k not in ("label", "details")}
            if label is not None and re.search(r"[*`\[\\]", label):
                out = {"title": label} if details is None else {"title": label, "summary": details}
                return _last({**out, **self.fields(rest, {}, theirs, mine)})
            text = (
                details
                if label is None
                else (f"**{label}:**" if details is None else f"**{label}:** {details}")
            )
        extra = {k: v for k, v in rest.items() if v not in (None, "", [])}
        if extra:  # a line of text holds no keys: keep them on the section
            kept = self.fields(extra, {}, theirs, mine).get(THEIRS, {})
            self.line_kept[mine.rsplit("/", 1)[1]] = kept
        return text

    # -- sections --------------------------------------------------------------------

    def sections(self, value: Any, here: str, out: dict[str, Any], basics: dict[str, Any]) -> None:
        if not isinstance(value, dict):
            self.wrong(here, "a mapping of section titles to lists of entries")
            return
        for key, entries in value.items():
            theirs = pointer.child(here, key)
            title = section_title(key)
            if entries is None or entries == []:
                kept = self.kept.setdefault("sections", {})
                self.keep(kept, key, entries, theirs, "is an empty section")
                continue
            if not isinstance(entries, list):
                self.wrong(theirs, "a list of entries")
                continue
            kinds = [self.entry_type(e, f"{theirs}/{i}") for i, e in enumerate(entries)]
            if None in kinds:
                continue
            target = self.target(kinds, entries, title, out, basics)
            if target == "summary":
                paragraphs = [self.text(e, f"{theirs}/{i}") for i, e in enumerate(entries)]
                basics["summary"] = "\n\n".join(p for p in paragraphs if p)
                self.sources["/basics/summary"] = theirs
                self.heading(title, "summary", theirs)
            elif target is not None:
                kind = _KIND[target]
                out[target] = [
                    self.typed(kind, e, f"{theirs}/{i}", f"/{target}/{i}")
                    for i, e in enumerate(entries)
                ]
                self.sources[f"/{target}"] = theirs
                self.heading(title, target, theirs)
            else:
                self.custom(title, kinds, entries, theirs, out)

    def target(
        self,
        kinds: list[str | None],
        entries: list[Any],
        title: str,
        out: dict[str, Any],
        basics: dict[str, Any],
    ) -> str | None:
        """Our section for a section of RenderCV entries, or None for a custom section."""
        kind = kinds[0] if len(set(kinds)) == 1 else None
        means = meaning(title)
        chosen = {
            "ExperienceEntry": means if means in _EXPERIENCE else "work",
            "EducationEntry": "education",
            "PublicationEntry": "publications",
            "NormalEntry": "projects" if means == "projects" else None,
            "OneLineEntry": means if means in ("skills", "languages") else None,
            "TextEntry": "summary" if means == "summary" else None,
        }.get(kind or "")
        if chosen == "summary":
            return None if "summary" in basics else chosen
        if chosen == "skills" and any(
            _MARKUP.search(str(e.get(k) or "")) for e in entries for k in ("label", "details")
        ):
            return None  # markup would print as typed in skills: a custom section keeps it rich
        return None if chosen is None or chosen in out else chosen

    def heading(self, title: str, ours: str, theirs: str) -> None:
        """Keep the user's title where it is not resumefmt's English heading (``labels:``)."""
        from resumefmt.locales import locale_for

        if ours == "summary":
            return
        printed = locale_for("en").label(ours)
        if title.casefold() != printed.casefold():
            self.labels[ours] = title
            self.note(
                theirs,
                "changed",
                f"the section {title!r} keeps its title as labels.{ours} "
                f"(resumefmt's own heading would be {printed!r})",
                "info",
                key=True,
            )

    def custom(
        self, title: str, kinds: list[Any], entries: list[Any], theirs: str, out: dict[str, Any]
    ) -> None:
        customs = out.setdefault("sections", [])
        if customs and list(out)[-1] != "sections":
            self.note(
                theirs,
                "changed",
                f"resumefmt prints its custom sections together: {title!r} moves up, "
                f"after {customs[-1]['title']!r}",
                "info",
                key=True,
            )
        mine = f"/sections/{len(customs)}"
        self.sources[mine] = theirs
        self.sources[f"{mine}/title"] = theirs
        self.line_kept = {}
        items = [
            self.custom_item(kind, e, f"{theirs}/{i}", f"{mine}/items/{i}")
            for i, (kind, e) in enumerate(zip(kinds, entries, strict=True))
        ]
        section: dict[str, Any] = {"title": title, "items": items}
        numbered = {k for k in kinds if k in ("NumberedEntry", "ReversedNumberedEntry")}
        kept: dict[str, Any] = {}
        if numbered:
            kept["entry_type"] = numbered.pop()
            self.note(
                theirs,
                "changed",
                f"RenderCV numbers the entries of {title!r}; resumefmt prints them as a list "
                f"(the entry type is kept under {THEIRS})",
                "info",
                key=True,
            )
        if self.line_kept:
            kept["entries"] = self.line_kept
        if kept:
            section[THEIRS] = kept
        customs.append(section)


def keywords(details: str) -> list[str]:
    """RenderCV's one line of details as keywords: split at ", " outside brackets.

    Only when the parts, joined again as every converter prints keywords
    (", "), give the line back and no part repeats; else the line is one keyword.
    """
    parts, depth, start = [], 0, 0
    for index, character in enumerate(details):
        depth += character in "([{"
        depth -= character in ")]}"
        if depth == 0 and details.startswith(", ", index):
            parts.append(details[start:index])
            start = index + 2
    parts.append(details[start:])
    clean = all(p and p == p.strip() for p in parts) and len(set(parts)) == len(parts)
    return parts if clean and ", ".join(parts) == details else [details]


def _last(out: dict[str, Any]) -> dict[str, Any]:
    """``out`` with x-rendercv last (and gone when empty)."""
    kept = out.pop(THEIRS, None)
    if kept:
        out[THEIRS] = kept
    return out


class _Mapped:
    """Our pointers located in the RenderCV file (what validation.explain asks of a document)."""

    syntax = "yaml"

    def __init__(self, sources: dict[str, str], document: Document, data: Any) -> None:
        self.sources = sources
        self.document = document
        self.data = data
        self.positions: dict[str, Any] = {}
        self.plain_scalars: dict[str, str] = {}

    def theirs(self, ptr: str) -> str:
        node, rest = ptr, ""
        while node and node not in self.sources:
            rest = node[node.rfind("/") :] + rest
            node = pointer.parent(node)
        return self.sources.get(node, "/cv") + rest

    def locate(self, ptr: str, *, key: bool = False) -> Location:
        return self.document.locate(self.theirs(ptr), key=key)


#: Where a field resumefmt requires comes from in RenderCV, by our key.
_SOURCE_KEY = {"name": "name", "organization": "company", "institution": "institution",
               "title": "title", "network": "network"}  # fmt: skip


def check_ours(job: Import, data: dict[str, Any]) -> None:
    """Every violation of our schema in the result, located where it came from."""
    from resumefmt._jsonschema import Validator
    from resumefmt.schemas import load_schema
    from resumefmt.validation import explain

    mapped = _Mapped(job.sources, job.document, data)
    for error in Validator(load_schema(NEWEST)).iter_errors(data):
        ours = pointer.join(error.path)
        theirs = mapped.theirs(ours)
        if error.keyword == "required":
            key = str(error.detail)
            source = _SOURCE_KEY.get(key, key)
            message = f"{_where(theirs)} has no {source!r}, which resumefmt requires: add it"
            job.errors.append(finding(job.document.locate(theirs), "missing", message, "error"))
            continue
        explained = explain(error, mapped)  # type: ignore[arg-type]
        job.errors.append(
            Diagnostic(
                explained.location,
                "error",
                explained.code,
                explained.name,
                f"{explained.message} (RenderCV: {_where(theirs)})",
            )
        )


def import_document(document: Document, options: ConvertOptions) -> dict[str, Any]:
    """Our document for a RenderCV one; any error raises DocumentError, nothing written."""
    job = Import(document, options)
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("cv"), dict):
        has_cv = isinstance(data, dict) and "cv" in data
        job.note(
            "/cv" if has_cv else "",
            "schema",
            "cv must be a mapping (name, email, sections ...)"
            if has_cv
            else "not a RenderCV document: it has no top-level 'cv' (RenderCV files start "
            "with cv:, your name and your sections under it)",
            "error",
            key=has_cv,
        )
        raise DocumentError(job.errors)
    basics: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for key, value in data.items():
        here = pointer.child("", key)
        if key == "cv":
            continue
        if key in IGNORED_BLOCKS:
            job.kept[key] = value
            job.note(
                here,
                "ignored",
                f"{key!r} says how RenderCV draws the page, which resumefmt's themes decide: "
                f"kept under {THEIRS}, not used",
                "info",
                key=True,
            )
        elif key.startswith("x-") and key != THEIRS:
            body[key] = value
        else:
            job.keep(job.kept, key, value, here)
    sections = header(job, data["cv"], basics)
    out: dict[str, Any] = {"resumefmt": NEWEST, "basics": basics}
    job.sources["/basics"] = "/cv"
    if sections is not None:
        job.sections(sections, "/cv/sections", out, basics)
    out.update(body)
    if job.labels:
        out["labels"] = job.labels
    if job.kept:
        out[THEIRS] = job.kept
    if not job.errors:
        check_ours(job, out)
    from resumefmt.diagnostics import sort_diagnostics

    if job.errors:
        raise DocumentError(sort_diagnostics(job.errors))
    options.notices[:] = sort_diagnostics(options.notices)
    return out


def header(job: Import, cv: dict[str, Any], basics: dict[str, Any]) -> Any:
    """Fill ``basics`` from RenderCV's header fields; return the sections, if any."""
    profiles: list[dict[str, Any]] = []
    kept: dict[str, Any] = {}
    sections = None
    for key, value in cv.items():
        here = pointer.child("/cv", key)
        if value is None or value == "" or value == []:
            continue
        if key == "sections":
            sections = value
        elif key in ("name", "headline", "photo"):
            ours = {"photo": "image"}.get(key, key)
            text = job.text(value, here)
            if text is not None:
                job.put(basics, ours, text, "/basics", here)
        elif key == "location":
            text = job.text(value, here)
            if text is not None:
                basics["location"] = {"city": text}
                job.sources["/basics/location/city"] = here
        elif key in ("email", "phone", "website"):
            contacts(job, key, value, here, basics, profiles)
        elif key == "social_networks":
            networks(job, value, here, profiles)
        elif key == "custom_connections":
            connections(job, value, here, profiles)
        elif key.startswith("x-") and key != THEIRS:
            basics[key] = value
        else:
            job.keep(kept, key, value, here)
    if profiles:
        basics["profiles"] = profiles
    if "name" not in basics:
        job.note("/cv", "missing", "cv has no 'name', which resumefmt requires: add it", "error")
    if kept:
        basics[THEIRS] = kept
    return sections


_CONTACT = {"email": ("email", "Email", "mailto:"), "phone": ("phone", "Phone", "tel:"),
            "website": ("url", "Website", "")}  # fmt: skip


def contacts(
    job: Import,
    key: str,
    value: Any,
    here: str,
    basics: dict[str, Any],
    profiles: list[dict[str, Any]],
) -> None:
    """The first address is ours; RenderCV's further ones become profiles."""
    ours, network, scheme = _CONTACT[key]
    values = job.texts(value, here)
    for index, text in enumerate(values):
        where = f"{here}/{index}" if isinstance(value, list) else here
        if index == 0:
            job.put(basics, ours, text, "/basics", where)
            continue
        address = scheme + ("-".join(text.split()) if key == "phone" else text)
        job.sources[f"/basics/profiles/{len(profiles)}"] = where
        profiles.append({"network": network, "username": text, "url": address} if scheme
                        else {"network": network, "url": address})  # fmt: skip


def networks(job: Import, value: Any, here: str, profiles: list[dict[str, Any]]) -> None:
    """social_networks: the address built as RenderCV builds it, the username kept."""
    if not isinstance(value, list):
        job.wrong(here, "a list of {network, username}")
        return
    for index, item in enumerate(value):
        where = f"{here}/{index}"
        if not isinstance(item, dict):
            job.wrong(where, "a mapping with network and username")
            continue
        network = job.text(item.get("network"), f"{where}/network")
        username = job.text(item.get("username"), f"{where}/username")
        mine = f"/basics/profiles/{len(profiles)}"
        job.sources[mine] = where
        profile: dict[str, Any] = {}
        if network is not None:
            job.put(profile, "network", network, mine, f"{where}/network")
        if username is not None:
            job.put(profile, "username", username, mine, f"{where}/username")
            url = profile_url(network or "", username)
            if url is None:
                job.note(
                    where,
                    "changed",
                    f"resumefmt does not know how RenderCV links {network!r} profiles: "
                    "printed without an address (add url to the imported profile)",
                    "info",
                )
            else:
                job.put(profile, "url", url, mine, f"{where}/username")
        rest = {k: v for k, v in item.items() if k not in ("network", "username")}
        kept: dict[str, Any] = {}
        for key, other in rest.items():
            if other not in (None, ""):
                job.keep(kept, key, other, f"{where}/{key}")
        if kept:
            profile[THEIRS] = kept
        profiles.append(profile)


def profile_url(network: str, username: str) -> str | None:
    """The address RenderCV links a profile to, or None for a network it does not know."""
    if network == "Mastodon":
        parts = username.split("@")
        if len(parts) == 3 and not parts[0] and parts[1] and parts[2]:
            return f"https://{parts[2]}/@{parts[1]}"
        return None
    prefix = NETWORK_URLS.get(network)
    return None if prefix is None else prefix + username


def connections(job: Import, value: Any, here: str, profiles: list[dict[str, Any]]) -> None:
    """custom_connections: the placeholder is the network's name, the icon is kept."""
    if not isinstance(value, list):
        job.wrong(here, "a list of {placeholder, url, fontawesome_icon}")
        return
    for index, item in enumerate(value):
        where = f"{here}/{index}"
        if not isinstance(item, dict):
            job.wrong(where, "a mapping with placeholder, url and fontawesome_icon")
            continue
        mine = f"/basics/profiles/{len(profiles)}"
        job.sources[mine] = where
        profile: dict[str, Any] = {}
        kept: dict[str, Any] = {}
        for key, other in item.items():
            if other in (None, ""):
                continue
            if key in ("placeholder", "url"):
                text = job.text(other, f"{where}/{key}")
                ours = "network" if key == "placeholder" else "url"
                job.put(profile, ours, text, mine, f"{where}/{key}")
            else:
                kept[key] = other  # the icon: how RenderCV draws it, quietly kept
        if kept:
            profile[THEIRS] = kept
        profiles.append(profile)
