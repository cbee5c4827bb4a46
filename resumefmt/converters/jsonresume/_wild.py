"""JSON Resume as people write it, read into the shape the mapping expects.

Runs before the official-schema check (docs/jsonresume.md, "As people write
it"): empty strings and nulls are left out, JSON Resume 0.x keys take their 1.x
names, dates written another way are read as dates, country names as codes.
Each change is one notice at the line and column where it was written; what
cannot be read is kept (under ``x-jsonresume``) and reported, never dropped.

The result is a :class:`Tidied` view: the new data, plus where each of its
nodes was written, so every later finding is still located in the input file.
"""

from __future__ import annotations

import functools
import re

from resumefmt import pointer
from resumefmt.converters.jsonresume._located import finding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from resumefmt.converting import ConvertOptions
    from resumefmt.diagnostics import Location, Severity
    from resumefmt.loader import Document

#: JSON Resume 0.x key → its 1.x name, per object (the 0.0.11 to 0.1.3 schemas of
#: the npm package ``resume-schema``; the table in docs/jsonresume.md).
RENAMES: dict[str, dict[str, str]] = {
    "": {"bio": "basics", "hobbies": "interests"},
    "basics": {"website": "url", "picture": "image"},
    "location": {"state": "region"},
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"gpa": "score"},
    "awards": {"awardDate": "date"},
    "publications": {"website": "url"},
    "languages": {"name": "language"},
}
#: The JSON Resume sections whose entries are objects.
SECTIONS = ("work", "volunteer", "education", "awards", "certificates", "publications",
            "skills", "languages", "interests", "references", "projects")  # fmt: skip
DATES = ("startDate", "endDate", "date", "releaseDate")
#: Lists whose items our schema wants distinct.
DISTINCT = frozenset({"keywords", "courses", "technologies"})
#: What people write as the end of something that goes on (compared case-folded).
PRESENT = frozenset({"present", "now", "current", "currently", "ongoing", "today",
                     "to date", "till now", "until now", "presente", "actualidad", "actual",
                     "atual", "aujourd'hui", "heute", "jetzt", "至今", "现在", "現在", "현재",
                     "настоящее время", "по настоящее время", "наст. время"})  # fmt: skip
_OUR_DATE = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z")
_TIMESTAMP = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T[0-9:.]+(Z|[+-][0-9:]+)?\Z")
_CODE = re.compile(r"[A-Z]{2}\Z")
_DROP = object()


@functools.cache
def _countries() -> dict[str, str]:
    from resumefmt.converters.jsonresume._countries import NAMES

    table: dict[str, str] = {}
    for line in NAMES.strip("\n").split("\n"):
        code, *names = line.split("\t")
        table.update(dict.fromkeys(names, code))
    for line in NAMES.strip("\n").split("\n"):
        code = line[:2]
        table[code.casefold()] = code  # the codes themselves win over a name ("uk")
    return table


def country_code(name: str) -> str | None:
    """The ISO code CLDR gives ``name`` in one of the generated languages, else None."""
    key = re.sub(r"\s+", " ", name.replace(".", " ").casefold()).strip()
    return _countries().get(key)


def is_code(code: str) -> bool:
    """Whether ``code`` is a territory's ISO code (``UK`` is not: Britain's is ``GB``)."""
    return _countries().get(code.casefold()) == code


def read_date(text: str) -> str | None:
    """``2019-3`` → ``2019-03``; ``Mar 2022``, ``03/2022``, ``2022/03`` → ``2022-03``; else None."""
    from resumefmt.validation import _as_date

    text = text.strip()
    stamp = _TIMESTAMP.fullmatch(text)
    fixed = stamp.group(1) if stamp else _as_date(text)
    return fixed if fixed is not None and _OUR_DATE.match(fixed) else None


class Tidied:
    """The input as the mapping reads it, located in the input file.

    Quacks like a :class:`~resumefmt.loader.Document` for the schema checks
    (``data``, ``locate``, ``syntax``, ``plain_scalars``).
    """

    def __init__(self, document: Document, options: ConvertOptions) -> None:
        self.document = document
        self.options = options
        self.path = document.path
        self.syntax = document.syntax
        self.plain_scalars: dict[str, str] = {}
        #: Our pointer into ``data`` → the input pointer it was written at.
        self.origin: dict[str, str] = {"": ""}
        #: Entry pointer → values that could not be read, kept under x-jsonresume.
        self.kept: dict[str, dict[str, Any]] = {}
        #: Entries whose endDate said it goes on; entries whose endDate was unreadable.
        self.present: set[str] = set()
        self.open_end: set[str] = set()
        self.data: Any = self.root(document.data)

    # -- locating ---------------------------------------------------------------

    def theirs(self, ptr: str) -> str:
        node, rest = ptr, ""
        while node and node not in self.origin:
            rest = node[node.rfind("/") :] + rest
            node = pointer.parent(node)
        return self.origin.get(node, "") + rest

    def locate(self, ptr: str, *, key: bool = False) -> Location:
        return self.document.locate(self.theirs(ptr), key=key)

    def note(
        self,
        theirs: str,
        kind: str,
        message: str,
        severity: Severity = "info",
        *,
        key: bool = False,
    ) -> None:
        location = self.document.locate(theirs, key=key)
        self.options.notices.append(finding(location, kind, message, severity))

    # -- the walk -----------------------------------------------------------------

    def root(self, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return self.mapping("", data, "", "")

    def mapping(self, kind: str, data: dict[str, Any], theirs: str, mine: str) -> Any:
        """One object: empties out, 0.x keys renamed, then its members by kind."""
        self.origin[mine] = theirs
        renames = RENAMES.get(kind, {})
        out: dict[str, Any] = {}
        for key, value in data.items():
            here = pointer.child(theirs, key)
            if key.startswith("x-"):  # the user's own, or the export's record: as written
                out[key] = value
                self.origin[pointer.child(mine, key)] = here
                continue
            if value is None or value == "":
                self.empty(here, key, value)
                continue
            name = renames.get(key, key)
            if name != key:
                other = data.get(name)
                if other is not None and other != "" and other != value:
                    name = key  # both written, and they differ: kept as written, reported later
                elif other == value:
                    self.note(
                        here, "rewritten", f"{key!r} (JSON Resume 0.x) repeats {name!r}", key=True
                    )
                    continue
                else:
                    old = "a key of JSON Resume 0.0.11" if kind == "" else "JSON Resume 0.x's key"
                    message = f"{key!r} is {old} for {name!r}: read as {name!r}"
                    self.note(here, "rewritten", message, key=True)
            member = self.member(kind, name, value, here, pointer.child(mine, name))
            if member is not _DROP:
                out[name] = member
        if kind == "basics" and "name" not in out and ("firstName" in out or "lastName" in out):
            self.full_name(out, theirs, mine)
        if kind == "location":
            self.country(out, mine)
        if kind in SECTIONS:
            for key in DATES:
                if key in out:
                    self.date(out, key, mine)
        if kind == "profiles" and "network" not in out:
            out = self.network(out, mine)
        if kind == "basics":
            self.legacy(out, mine)
        if kind and data and all(v in ([], {}) and not k.startswith("x-") for k, v in out.items()):
            # an entry of a template that was never filled in: nothing is lost
            self.note(theirs, "empty", f"{_name(theirs)} is left out: it holds only empty values")
            return _DROP
        return out

    def member(self, kind: str, key: str, value: Any, theirs: str, mine: str) -> Any:
        if kind == "" and (key in SECTIONS or key == "basics"):
            if key == "basics" and isinstance(value, dict):
                return self.mapping("basics", value, theirs, mine)
            if isinstance(value, list):
                return self.listed(key, value, theirs, mine)
        elif kind == "basics" and key == "location" and isinstance(value, dict):
            return self.mapping("location", value, theirs, mine)
        elif kind == "basics" and key == "profiles" and isinstance(value, list):
            return self.listed("profiles", value, theirs, mine)
        elif kind == "basics" and isinstance(value, dict) and key in _LEGACY_BASICS:
            return value  # 0.0.11's objects: read by legacy() below
        return self.clean(value, theirs, mine, distinct=key in DISTINCT)

    def listed(self, kind: str, items: list[Any], theirs: str, mine: str) -> Any:
        out: list[Any] = []
        self.origin[mine] = theirs
        for index, item in enumerate(items):
            here = pointer.child(theirs, index)
            if item is None or item == "":
                self.empty(here, None, item)
                continue
            at = pointer.child(mine, len(out))
            entry = (
                self.mapping(kind, item, here, at)
                if isinstance(item, dict)
                else self.clean(item, here, at)
            )
            if entry is not _DROP:
                out.append(entry)
        if items and not out:
            self.note(theirs, "empty", f"{_name(theirs)} is left out: it holds only empty values")
            return _DROP
        return out

    def clean(self, value: Any, theirs: str, mine: str, *, distinct: bool = False) -> Any:
        """Any value: empty strings and nulls out, anywhere inside it."""
        self.origin[mine] = theirs
        if isinstance(value, dict):
            return self.mapping("-", value, theirs, mine)
        if not isinstance(value, list):
            return value
        out: list[Any] = []
        for index, item in enumerate(value):
            here = pointer.child(theirs, index)
            if item is None or item == "":
                self.empty(here, None, item)
                continue
            if distinct and isinstance(item, str) and item in out:
                self.note(here, "rewritten", f"{item!r} is listed twice: read once")
                continue
            cleaned = self.clean(item, here, pointer.child(mine, len(out)))
            if cleaned is not _DROP:
                out.append(cleaned)
        if value and not out:
            self.note(theirs, "empty", f"{_name(theirs)} is left out: it holds only empty values")
            return _DROP
        return out

    def empty(self, theirs: str, key: str | None, value: Any) -> None:
        what = "null" if value is None else "empty"
        name = (
            f"the {what} {key!r}"
            if key is not None
            else f"an {what} item".replace("an null", "a null")
        )
        self.note(theirs, "empty", f"{name} is left out")

    # -- values read in another form ----------------------------------------------

    def date(self, out: dict[str, Any], key: str, mine: str) -> None:
        value, theirs = out[key], self.theirs(pointer.child(mine, key))
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2999:
            out[key] = value = str(value)
            self.note(theirs, "rewritten", f"{key} {value} is a number: read as the year {value!r}")
        if not isinstance(value, str) or _OUR_DATE.match(value):
            return  # a wrong type: the official check says so
        if key == "endDate" and value.strip().casefold() in PRESENT:
            del out[key]
            self.present.add(mine)
            self.note(theirs, "rewritten", f"endDate {value!r} is read as ongoing (end: present)")
            return
        fixed = read_date(value)
        if fixed is not None:
            out[key] = fixed
            self.note(theirs, "rewritten", f"{key} {value!r} is read as {fixed!r}")
            return
        del out[key]
        self.kept.setdefault(mine, {})[key] = value
        if key == "endDate":
            self.open_end.add(mine)
        self.note(
            theirs,
            "unmapped",
            f"{key} {value!r} is not a date resumefmt can read (YYYY, YYYY-MM or YYYY-MM-DD): "
            f"kept under x-jsonresume.{key}, printed by no converter",
            "warning",
        )

    def country(self, out: dict[str, Any], mine: str) -> None:
        value = out.get("countryCode")
        if not isinstance(value, str) or (_CODE.match(value) and is_code(value)):
            return
        theirs = self.theirs(pointer.child(mine, "countryCode"))
        code = country_code(value)
        if code is None and _CODE.match(value):
            return  # two capitals CLDR does not know (XK, a user-assigned code): as written
        if code is not None:
            out["countryCode"] = code
            if "country" not in out and value.casefold() != code.casefold():
                out["country"] = value
                self.origin[pointer.child(mine, "country")] = theirs
                kept = f", the name kept as country {value!r}"
            else:
                kept = ""
            self.note(theirs, "rewritten", f"countryCode {value!r} is read as {code!r}{kept}")
            return
        del out["countryCode"]
        if "country" in out:
            self.kept.setdefault(mine, {})["countryCode"] = value
            self.note(
                theirs,
                "unmapped",
                f"countryCode {value!r} is not a country resumefmt knows, and country is "
                "given: kept under x-jsonresume.countryCode, printed by no converter",
                "warning",
            )
            return
        out["country"] = value
        self.origin[pointer.child(mine, "country")] = theirs
        self.note(
            theirs,
            "rewritten",
            f"countryCode {value!r} is not a country code resumefmt knows: "
            "kept as written, as country",
        )

    def network(self, out: dict[str, Any], mine: str) -> dict[str, Any]:
        """A profile with an address but no network: the address's site names it."""
        url = out.get("url")
        if not isinstance(url, str):
            return out
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        name = (parts.hostname or "").removeprefix("www.") or parts.scheme
        if not name:
            return out
        self.origin[pointer.child(mine, "network")] = self.theirs(pointer.child(mine, "url"))
        message = f"the profile has no network: read as {name!r}, from its url"
        self.note(self.theirs(mine), "rewritten", message)
        return {"network": name, **out}

    def legacy(self, out: dict[str, Any], mine: str) -> None:
        """JSON Resume 0.0.11's ``email``/``phone``/``websites``/``profiles`` objects.

        The first address (phone, web site) is the one; each other becomes a
        profile named after its key, so that it is printed.
        """
        profiles: list[tuple[dict[str, Any], str]] = []
        for key, label in (("email", "E-mail"), ("phone", "Phone"), ("websites", "")):
            value = out.get(key)
            if not isinstance(value, dict):
                continue
            del out[key]
            field = "url" if key == "websites" else key
            for sub, item in value.items():
                here = pointer.child(self.theirs(pointer.child(mine, key)), sub)
                if item is None or item == "":
                    self.empty(here, sub, item)
                elif field not in out:
                    out[field] = item
                    self.origin[pointer.child(mine, field)] = here
                    self.note(
                        here, "rewritten", f"{key}.{sub} (JSON Resume 0.0.11) is read as {field}"
                    )
                else:
                    network = f"{label} ({sub})" if label else sub
                    kind = "url" if key == "websites" else "username"
                    profiles.append(({"network": network, kind: item}, here))
                    self.note(
                        here, "rewritten", f"{key}.{sub} (JSON Resume 0.0.11) is read as a profile"
                    )
        named = out.get("profiles")
        if isinstance(named, dict):
            del out["profiles"]
            for network, item in named.items():
                here = pointer.child(self.theirs(pointer.child(mine, "profiles")), network)
                if item is None or item == "":
                    self.empty(here, network, item)
                    continue
                kind = (
                    "url"
                    if isinstance(item, str) and item.startswith(("https://", "http://"))
                    else "username"
                )
                profiles.append(({"network": network, kind: item}, here))
                self.note(
                    here,
                    "rewritten",
                    f"profiles.{network} (JSON Resume 0.0.11) is read as a profile",
                )
        if profiles:
            listed = out.setdefault("profiles", [])
            for profile, here in profiles:
                at = pointer.child(pointer.child(mine, "profiles"), len(listed))
                self.origin[at] = here
                listed.append(profile)

    def full_name(self, out: dict[str, Any], theirs: str, mine: str) -> None:
        """JSON Resume 0.0.11: ``firstName`` and ``lastName`` make the name."""
        parts = [out.pop(k) for k in ("firstName", "lastName") if isinstance(out.get(k), str)]
        out["name"] = " ".join(parts)
        self.note(
            theirs, "rewritten", "firstName and lastName (JSON Resume 0.0.11) are read as name"
        )


_LEGACY_BASICS = frozenset({"email", "phone", "websites", "profiles"})


def _name(theirs: str) -> str:
    tokens: list[str | int] = [int(t) if t.isdigit() else t for t in pointer.split(theirs)]
    return pointer.human(tokens)
