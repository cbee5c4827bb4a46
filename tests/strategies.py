"""Hypothesis strategies for résumés: ours (format 1.0) and JSON Resume (schema 1.3.1).

``resumefmt_documents()`` draws documents valid against our schema, with every
section, rich text with markup, and the characters converters must escape
(LaTeX, Markdown and HTML specials, CJK; no emoji), ``present`` and dates of
every precision. Years stay in 1900-2099, so every document can also be
exported to JSON Resume (whose date pattern wants 1000-2999).

``jsonresume_documents()`` draws documents valid against the official JSON
Resume schema; with ``importable=True`` (the default) they also satisfy what
our format requires (names present, ``https://`` addresses, real months, no
empty strings, keywords once), so they import without errors.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# Printable text up to the CJK block: Latin, Greek, Cyrillic, punctuation,
# maths and currency symbols, CJK ideographs. No controls, no surrogates, no
# emoji ("So" and astral planes excluded): the LaTeX fonts have none.
_CHARS = st.characters(
    categories=("L", "N", "P", "Sm", "Sc", "Sk", "Zs"),
    max_codepoint=0x9FFF,
    exclude_characters="\u2028\u2029\x85\ufeff",
)
#: Strings that YAML 1.2 (or YAML 1.1 readers) would take for something else.
AWKWARD = (
    "yes",
    "no",
    "on",
    "off",
    "null",
    "~",
    "true",
    "False",
    "0o17",
    "0x1F",
    "1e3",
    "007",
    "2021-03",
    "2021-03-15",
    ".inf",
    "-.NaN",
    "@handle",
    "*star",
    "&anchor",
    "!tag",
    "%percent",
    "- dash",
    "? question",
    ": colon",
    "a: b",
    "a #hash",
    "#hash",
    "'quoted'",
    '"double"',
    "{braces}",
    "[brackets]",
    "|pipe",
    ">fold",
    "back\\slash",
    "tab\there",
    " leading space",
    "trailing space ",
    "x-key",
)
SPECIALS = (
    "&",
    "%",
    "$",
    "#",
    "_",
    "{",
    "}",
    "~",
    "^",
    "\\",
    "<b>",
    "</b>",
    "&amp;",
    "|",
    "\\textbf{x}",
    "$x^2$",
    "C++",
    "C#",
    "50%",
    "成泽毅",
    "Zhejiang 大学",
    "naïve café",
    "Ελληνικά",
    "«quotes»",
    "“curly”",
    "\u2013",  # en dash
    "—",
    "…",
)

_raw_text = st.text(_CHARS, min_size=1, max_size=20)
#: One-line text, non-empty: a field printed literally.
text = st.one_of(
    _raw_text,
    st.sampled_from(AWKWARD),
    st.sampled_from(SPECIALS),
    st.lists(st.one_of(_raw_text, st.sampled_from(SPECIALS)), min_size=2, max_size=4).map(" ".join),
)
_word = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,8}", fullmatch=True)
_host = st.from_regex(r"[a-z][a-z0-9-]{0,8}[a-z0-9]\.(com|org|dev|cn|io)", fullmatch=True)
_path = st.from_regex(
    r"(/[A-Za-z0-9._~%-]{1,10}){0,3}(\?q=[a-z0-9_&=]{1,6})?(#[a-z]{1,4})?", fullmatch=True
)
#: A full ``https://`` address (valid in both schemas).
urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}{path}",
    st.sampled_from(("https", "http")),
    _host,
    _path,
)
emails = st.builds(lambda local, host: f"{local}@{host}", _word, _host)


@st.composite
def _date(draw: st.DrawFn) -> str:
    year = draw(st.integers(1900, 2099))
    precision = draw(st.integers(0, 2))
    out = f"{year:04d}"
    if precision >= 1:
        out += f"-{draw(st.integers(1, 12)):02d}"
    if precision == 2:
        out += f"-{draw(st.integers(1, 31)):02d}"
    return out


#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
dates = _date()
end_dates = st.one_of(st.just("present"), dates)

_markup = st.one_of(
    text,
    text.map(lambda s: f"**{s.strip() or 'b'}**"),
    text.map(lambda s: f"*{s.strip() or 'i'}*"),
    text.map(lambda s: f"`{s.replace('`', '') or 'c'}`"),
    st.builds(lambda label, url: f"[{label}]({url})", _word, urls),
    urls.map(lambda u: f"<{u}>"),
    st.sampled_from(("\\*", "\\`", "\\[", "\\]", "\\<", "\\>", "\\\\", "**Lead-in:**")),
)
#: Rich text: pieces of markup and awkward text, sometimes in two paragraphs.
rich_text = st.one_of(
    st.lists(_markup, min_size=1, max_size=4).map(" ".join),
    st.lists(_markup, min_size=2, max_size=3).map("\n\n".join),
    st.lists(_markup, min_size=2, max_size=3).map("\n".join),
)


def _unique(element: st.SearchStrategy[Any], max_size: int = 4) -> st.SearchStrategy[list[Any]]:
    return st.lists(element, min_size=0, max_size=max_size, unique=True)


def _list(element: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[list[Any]]:
    return st.lists(element, max_size=max_size)


#: Values of your own ``x-`` fields: any JSON data.
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-1000, 10**6), text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_word, inner, max_size=3)),
    max_leaves=5,
)
_own = {"x-note": json_values}


def _obj(
    required: dict[str, st.SearchStrategy[Any]], optional: dict[str, st.SearchStrategy[Any]]
) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(required, optional={**optional, **_own})


_project = _obj(
    {"name": text},
    {
        "description": rich_text,
        "role": text,
        "url": urls,
        "repository": urls,
        "start": dates,
        "end": end_dates,
        "technologies": _unique(text),
        "summary": rich_text,
        "highlights": _list(rich_text),
    },
)
_experience = _obj(
    {"organization": text, "role": text, "start": dates, "end": end_dates},
    {
        "unit": text,
        "location": text,
        "url": urls,
        "summary": rich_text,
        "highlights": _list(rich_text),
        "technologies": _unique(text),
        "projects": _list(_project, 2),
    },
)
_education = _obj(
    {"institution": text},
    {
        "degree": text,
        "field": text,
        "location": text,
        "url": urls,
        "start": dates,
        "end": end_dates,
        "gpa": text,
        "advisor": text,
        "thesis": rich_text,
        "courses": _unique(text),
        "summary": rich_text,
        "highlights": _list(rich_text),
    },
)
_link = _obj({"label": text, "url": urls}, {})
_doi = st.from_regex(r"10\.[0-9]{4,9}/[A-Za-z0-9._;()/:-]{1,12}", fullmatch=True)
_publication = _obj(
    {"title": text},
    {
        "authors": st.lists(text, min_size=1, max_size=4),
        "authorPosition": st.integers(1, 6),
        "equalContribution": _unique(st.integers(1, 6), 3),
        "etAl": st.booleans(),
        "type": st.sampled_from(
            ("conference", "journal", "preprint", "workshop", "book", "chapter", "thesis", "other")
        ),
        "venue": text,
        "date": dates,
        "status": st.sampled_from(("published", "accepted", "under-review", "preprint")),
        "url": urls,
        "doi": _doi,
        "links": _list(_link, 2),
        "summary": rich_text,
    },
)
_award = _obj(
    {"title": text},
    {
        "awarder": text,
        "date": st.one_of(dates, st.lists(dates, min_size=1, max_size=3, unique=True)),
        "url": urls,
        "summary": rich_text,
    },
)
_skill = _obj({"name": text}, {"level": text, "keywords": _unique(text)})
_part = _obj({"name": text, "score": text}, {})
_test = _obj({"name": text}, {"score": text, "date": dates, "parts": _list(_part, 2)})
_language = _obj({"language": text}, {"fluency": text, "tests": _list(_test, 2)})
_interest = _obj({"name": text}, {"keywords": _unique(text)})
_item = st.one_of(
    rich_text,
    _obj(
        {"title": rich_text},
        {
            "subtitle": rich_text,
            "location": text,
            "date": dates,
            "start": dates,
            "end": end_dates,
            "url": urls,
            "summary": rich_text,
            "highlights": _list(rich_text),
        },
    ),
)
_section = _obj({"title": text, "items": st.lists(_item, min_size=1, max_size=3)}, {})
_profile = _obj({"network": text, "url": urls}, {"username": text})
_location = _obj(
    {},
    {
        "address": text,
        "postalCode": text,
        "city": text,
        "region": text,
        "countryCode": st.from_regex(r"[A-Z]{2}", fullmatch=True),
    },
)
_basics = _obj(
    {"name": text},
    {
        "altName": text,
        "headline": text,
        "email": emails,
        "phone": text,
        "url": urls,
        "location": _location,
        "summary": rich_text,
        "profiles": _list(_profile, 3),
    },
)
SECTIONS: dict[str, st.SearchStrategy[Any]] = {
    "basics": _basics,
    "education": _list(_education),
    "work": _list(_experience),
    "research": _list(_experience),
    "projects": _list(_project),
    "publications": _list(_publication),
    "awards": _list(_award),
    "skills": _list(_skill),
    "languages": _list(_language),
    "interests": _list(_interest),
    "sections": _list(_section, 2),
}


@st.composite
def resumefmt_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A document valid against resumefmt 1.0: sections in a random order, basics anywhere."""
    chosen = draw(st.lists(st.sampled_from(sorted(SECTIONS)), unique=True))
    if "basics" not in chosen:
        chosen.insert(draw(st.integers(0, len(chosen))), "basics")
    document: dict[str, Any] = {"resumefmt": "1.0"}
    if draw(st.booleans()):
        document["$schema"] = "https://resumefmt.dev/schema/1.0/resumefmt.schema.json"
    for key in chosen:
        document[key] = draw(SECTIONS[key])
    if draw(st.booleans()):
        document["x-note"] = draw(json_values)
    return document


# --- JSON Resume -----------------------------------------------------------


@st.composite
def _jr_date(draw: st.DrawFn, *, strict: bool) -> str:
    """A date matching the official pattern; ``strict``: also a real month and day."""
    if strict:
        return draw(dates)
    year = draw(st.integers(1000, 2999))
    month = draw(st.integers(0, 19))
    day = draw(st.integers(0, 39))
    return draw(
        st.sampled_from((f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"))
    )


def _jr(importable: bool) -> st.SearchStrategy[dict[str, Any]]:
    s: st.SearchStrategy[str] = text if importable else st.one_of(st.just(""), text)
    d = _jr_date(strict=importable)
    u = (
        urls
        if importable
        else st.one_of(urls, st.sampled_from(("mailto:a@b.c", "urn:isbn:1", "ftp://x")))
    )

    def need(key: str, value: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        """Required when importable (our schema wants it), else optional."""
        return ({key: value}, {}) if importable else ({}, {key: value})

    def obj(
        required: dict[str, Any], optional: dict[str, Any]
    ) -> st.SearchStrategy[dict[str, Any]]:
        return st.fixed_dictionaries(required, optional={**optional, "x-note": json_values})

    def entry(names: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        req: dict[str, Any] = {}
        opt = dict(optional)
        for key, value in names.items():
            r, o = need(key, value)
            req.update(r)
            opt.update(o)
        return obj(req, opt)

    keywords = _unique(text) if importable else _list(s)
    profile = entry({"network": s, "url": u}, {"username": s})
    basics = entry(
        {"name": s},
        {
            "label": s,
            "image": st.one_of(st.just(""), urls),
            "email": emails,
            "phone": s,
            "url": u,
            "summary": s,
            "location": obj(
                {},
                {
                    "address": s,
                    "postalCode": s,
                    "city": s,
                    "countryCode": st.from_regex(r"[A-Z]{2}", fullmatch=True) if importable else s,
                    "region": s,
                },
            ),
            "profiles": _list(profile),
        },
    )
    work = entry(
        {"name": s, "position": s, "startDate": d},
        {
            "location": s,
            "description": s,
            "url": u,
            "endDate": d,
            "summary": s,
            "highlights": _list(s),
        },
    )
    volunteer = entry(
        {"organization": s},
        {
            "position": s,
            "url": u,
            "startDate": d,
            "endDate": d,
            "summary": s,
            "highlights": _list(s),
        },
    )
    education = entry(
        {"institution": s},
        {
            "url": u,
            "area": s,
            "studyType": s,
            "startDate": d,
            "endDate": d,
            "score": s,
            "courses": keywords,
        },
    )
    award = entry({"title": s}, {"date": d, "awarder": s, "summary": s})
    certificate = entry({"name": s}, {"date": d, "url": u, "issuer": s})
    publication = entry({"name": s}, {"publisher": s, "releaseDate": d, "url": u, "summary": s})
    skill = entry({"name": s}, {"level": s, "keywords": keywords})
    language = entry({"language": s}, {"fluency": s})
    interest = entry({"name": s}, {"keywords": keywords})
    reference = entry({"name": s}, {"reference": s})
    project = entry(
        {"name": s},
        {
            "description": s,
            "highlights": _list(s),
            "keywords": keywords,
            "startDate": d,
            "endDate": d,
            "url": u,
            "roles": st.lists(s, min_size=1, max_size=3),
            "entity": s,
            "type": s,
        },
    )
    meta = obj({}, {"canonical": u, "version": s, "lastModified": s})
    return st.fixed_dictionaries(
        {"basics": basics} if importable else {},
        optional={
            "$schema": u,
            **({} if importable else {"basics": basics}),
            "work": _list(work),
            "volunteer": _list(volunteer),
            "education": _list(education),
            "awards": _list(award),
            "certificates": _list(certificate),
            "publications": _list(publication),
            "skills": _list(skill),
            "languages": _list(language),
            "interests": _list(interest),
            "references": _list(reference),
            "projects": _list(project),
            "meta": meta,
            "x-note": json_values,
        },
    )


_JR = {True: _jr(True), False: _jr(False)}


def jsonresume_documents(*, importable: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """A document valid against ``@jsonresume/schema`` 1.3.1.

    ``importable``: also one that ``resumefmt import`` takes without errors.
    """
    return _JR[importable]
