"""What both directions of the mapping share (docs/jsonresume.md): names and fields."""

from __future__ import annotations

from resumefmt.model import CUSTOM, KINDS

#: The ``$schema`` of the package's own sample.resume.json, written when none is known.
DEFAULT_SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
#: What the export keeps of ours that JSON Resume has no field for.
OURS = "x-resumefmt"
#: What the import keeps of theirs that resumefmt has no field for.
THEIRS = "x-jsonresume"
DOI = "https://doi.org/"

#: Our sections that map to a JSON Resume list, and their kind of entry (``work``
#: and ``research`` both go to ``work``); the custom sections travel in x-resumefmt.
SECTIONS = {name: kind for name, kind in KINDS.items() if name != CUSTOM}
#: The kind of mapping each section's entries take: JSON Resume names a volunteer's
#: organisation ``organization`` where a job's is ``name``.
MAPPED = {**SECTIONS, "volunteer": "volunteer"}

#: Per kind of object, (our key, their key) copied as they are; the rest of an
#: exported object goes to x-resumefmt.
NATIVE: dict[str, tuple[tuple[str, str], ...]] = {
    "basics": (("name", "name"), ("headline", "label"), ("image", "image"), ("email", "email"),
               ("phone", "phone"), ("url", "url"), ("summary", "summary"),
               ("location", "location"), ("profiles", "profiles")),
    "location": (("address", "address"), ("postalCode", "postalCode"), ("city", "city"),
                 ("countryCode", "countryCode"), ("region", "region"), ("country", "country")),
    "profile": (("network", "network"), ("username", "username"), ("url", "url")),
    "experience": (("organization", "name"), ("role", "position"), ("location", "location"),
                   ("description", "description"), ("url", "url"), ("start", "startDate"),
                   ("end", "endDate"), ("summary", "summary"), ("highlights", "highlights")),
    "volunteer": (("organization", "organization"), ("role", "position"),
                  ("location", "location"), ("description", "description"), ("url", "url"),
                  ("start", "startDate"), ("end", "endDate"), ("summary", "summary"),
                  ("highlights", "highlights")),
    "education": (("institution", "institution"), ("url", "url"), ("field", "area"),
                  ("degree", "studyType"), ("start", "startDate"), ("end", "endDate"),
                  ("gpa", "score"), ("courses", "courses")),
    "project": (("name", "name"), ("description", "description"), ("role", "roles"),
                ("organization", "entity"), ("type", "type"), ("highlights", "highlights"),
                ("technologies", "keywords"), ("start", "startDate"), ("end", "endDate"),
                ("url", "url")),
    "publication": (("title", "name"), ("venue", "publisher"), ("date", "releaseDate"),
                    ("url", "url"), ("summary", "summary")),
    "award": (("title", "title"), ("date", "date"), ("awarder", "awarder"),
              ("summary", "summary")),
    "certificate": (("name", "name"), ("issuer", "issuer"), ("date", "date"), ("url", "url")),
    "reference": (("name", "name"), ("reference", "reference")),
    "skill": (("name", "name"), ("level", "level"), ("keywords", "keywords")),
    "language": (("language", "language"), ("fluency", "fluency")),
    "interest": (("name", "name"), ("keywords", "keywords")),
}  # fmt: skip

#: Per kind, keys JSON Resume does not define that people write anyway, read into
#: the field of that name (the export writes these fields under x-resumefmt).
READ_ALSO: dict[str, tuple[tuple[str, str], ...]] = {
    "experience": (("technologies", "technologies"), ("technologies", "keywords")),
    "volunteer": (("technologies", "technologies"), ("technologies", "keywords")),
    "education": (("location", "location"), ("summary", "summary"),
                  ("highlights", "highlights")),
    "project": (("summary", "summary"), ("repository", "repository")),
    "certificate": (("summary", "summary"),),
    "award": (("url", "url"),),
}  # fmt: skip
