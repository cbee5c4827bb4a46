"""Helpers for testing lint rules and themes, built-in and third-party alike.

A plugin author checks a rule's own examples with one call::

    from resumefmt.testing import assert_examples
    from my_plugin import RULES

    def test_examples():
        for rule in RULES:
            assert_examples(rule)

and pins exact positions with :func:`findings`::

    assert findings("basics:\\n  name: Ada\\n  summary: cake\\n", "XY101") == [(4, 12, "XY101")]

Examples and fragments are YAML; the format version and a ``basics`` with a
name are added when missing (:func:`as_document_text`), so a fragment holds
only what the rule reads. Lines count from the first line of that document.
Nothing here needs pytest.

A Typst theme (``convert --to pdf``) is checked with :func:`check_theme`: it
compiles a document with every field, your documents and a hostile one, and
reads each PDF back with ``pdftotext`` and ``pypdf``.
"""

from __future__ import annotations

import datetime
import textwrap

from resumefmt._record import Record
from resumefmt.schemas import NEWEST

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from resumefmt.diagnostics import Diagnostic
    from resumefmt.plugins import Registry
    from resumefmt.rules import Rule

#: The day examples are judged on unless a test says otherwise: dates in them stay put.
TODAY = datetime.date(2026, 6, 15)


def as_document_text(fragment: str) -> str:
    """A fragment as a whole document: the format version and ``basics`` added when missing."""
    text = textwrap.dedent(fragment).lstrip("\n")
    if text.startswith("resumefmt:") or "\nresumefmt:" in text:
        return text
    if "basics:" in text:
        return f'resumefmt: "{NEWEST}"\n' + text
    return f'resumefmt: "{NEWEST}"\nbasics:\n  name: Test Person\n' + text


def lint_fragment(
    fragment: str,
    rules: Registry | Iterable[Rule],
    *,
    enable: Iterable[str] = (),
    options: dict[str, dict[str, Any]] | None = None,
    today: datetime.date = TODAY,
) -> list[Diagnostic]:
    """Every diagnostic of a lint run over ``fragment`` (validation problems included).

    ``rules`` is a registry or the rules to run. Rules named in ``enable`` (by
    code) run even when they are off by default; ``options`` gives rules
    options by code, as a configuration file would.
    """
    from resumefmt.config import Config
    from resumefmt.linter import LintRun
    from resumefmt.loader import load_text
    from resumefmt.plugins import Registry

    registry = rules if isinstance(rules, Registry) else _registry_of(rules)
    config = Config()
    for code in enable:
        config.rules.setdefault(code, {})["enabled"] = True
    for code, values in (options or {}).items():
        config.rules.setdefault(code, {}).update(values)
    document = load_text(as_document_text(fragment), "fragment.yaml")
    return LintRun(registry, today=today).lint(document, config)


def findings(
    fragment: str,
    rule: Rule,
    *,
    options: dict[str, Any] | None = None,
    today: datetime.date = TODAY,
) -> list[tuple[int, int, str]]:
    """``(line, column, code)`` of each finding of ``rule`` on a fragment, in order.

    The rule runs alone and enabled, with ``options`` over its defaults. A
    fragment with any load, schema or engine problem (an error or a warning)
    raises ``AssertionError`` naming it, so a typo in a test cannot pass
    silently.
    """
    found = lint_fragment(
        fragment, [rule], enable=[rule.code], options={rule.code: options or {}}, today=today
    )
    from resumefmt import codes

    own = {code.code for code in codes.ALL}
    invalid = [d.format_text() for d in found if d.code in own]
    if invalid:
        raise AssertionError("the fragment is not a clean document:\n" + "\n".join(invalid))
    return [(d.location.line, d.location.column, d.code) for d in found if d.code == rule.code]


def assert_examples(rule: Rule, *, today: datetime.date = TODAY) -> None:
    """Check a rule's manual and examples: it reports each of ``reports``, none of ``passes``.

    Raises ``AssertionError`` naming the first example that does not behave.
    An online rule's examples are not run (they would need the network).
    """
    if not rule.manual or not rule.summary.endswith("."):
        raise AssertionError(f"{rule.code}: the manual must open with a one-sentence summary")
    if not rule.reports:
        raise AssertionError(f"{rule.code}: no example that the rule reports")
    if rule.online:
        return
    if not rule.passes:
        raise AssertionError(f"{rule.code}: no example that the rule passes")
    for example in rule.reports:
        if not findings(example, rule, today=today):
            raise AssertionError(f"{rule.code} does not report its example:\n{example}")
    for example in rule.passes:
        if found := findings(example, rule, today=today):
            raise AssertionError(f"{rule.code} reports {found} in its passing example:\n{example}")
    if rule.fixable:
        _assert_fixes(rule, today)


def fix_fragment(fragment: str, rule: Rule, *, today: datetime.date = TODAY) -> str:
    """The fragment as a document, with ``rule``'s safe fixes applied (``lint --fix``).

    The rule runs alone and enabled; what :func:`resumefmt.fixing.fix_document`
    refuses to write raises ``AssertionError`` with its reason.
    """
    from resumefmt.config import Config
    from resumefmt.fixing import fix_document
    from resumefmt.linter import LintRun
    from resumefmt.loader import load_text

    config = Config()
    config.rules.setdefault(rule.code, {})["enabled"] = True
    run = LintRun(_registry_of([rule]), today=today)
    document = load_text(as_document_text(fragment), "fragment.yaml")
    outcome = fix_document(document, lambda d: run.lint(d, config))
    if outcome.refused:
        raise AssertionError(f"{rule.code}: {outcome.refused}")
    return str(outcome.text)


def _assert_fixes(rule: Rule, today: datetime.date) -> None:
    """A fixable rule mends some example it reports; what it mends stays mended.

    An example may hold a finding without a safe fix (a tab opening a line);
    each example it changes must have fewer findings after, and a second fix
    must change nothing.
    """
    mended = 0
    for example in rule.reports:
        fixed = fix_fragment(example, rule, today=today)
        if fixed == as_document_text(example):
            continue
        mended += 1
        before, left = findings(example, rule, today=today), findings(fixed, rule, today=today)
        if len(left) >= len(before):
            raise AssertionError(f"{rule.code} still reports {left} once fixed:\n{fixed}")
        if fix_fragment(fixed, rule, today=today) != fixed:
            raise AssertionError(f"{rule.code}: a second fix changes the text again:\n{fixed}")
    if not mended:
        raise AssertionError(f"{rule.code} is fixable but fixes none of its examples")


def _registry_of(rules: Iterable[Rule]) -> Registry:
    from resumefmt.plugins import Registry

    registry = Registry()
    registry.add_rules(rules)
    return registry


# Themes ---------------------------------------------------------------------

#: A document with every section and every printed field of format 1.0: what a
#: theme must print (:func:`check_theme` compiles it, with your documents).
COMPLETE_DOCUMENT = """\
resumefmt: "1.0"
basics:
  name: Ada Lovelace
  altName: Ἀδά Λάβλεϊς
  headline: Analyst and Metaphysician
  email: ada@example.com
  phone: "+44 20 7946 0000"
  url: https://ada.example.com
  location:
    {address: 12 St James's Square, city: London, region: England, postalCode: SW1Y 4JH,
     countryCode: GB}
  summary: Writes **programs** for the *Analytical Engine*; see [notes](https://ada.example.com/notes).
  profiles:
    - {network: GitHub, username: ada, url: "https://github.com/ada"}
    - {network: Scholar, url: "https://scholar.example.com/ada"}
education:
  - institution: University of London
    url: https://london.example.ac.uk
    degree: Private tuition
    field: Mathematics
    location: London
    start: "1832-03"
    end: "1835-06"
    gpa: "4.0/4"
    advisor: Augustus De Morgan
    thesis: On the **calculus** of functions
    courses: [Calculus, Logic]
    summary: Studied with De Morgan by letter.
    highlights: [Read Euler in the original.]
work:
  - organization: Analytical Engine Project
    unit: Notes team
    role: Translator and Annotator
    location: London
    url: https://engine.example.com
    start: "1842"
    end: "1843-09"
    summary: Translated Menabrea's memoir and added seven notes.
    highlights:
      - Wrote Note G, an algorithm for `Bernoulli` numbers.
      - Described loops <https://engine.example.com/loops>.
    technologies: [Punched cards, Mill, Store]
    projects:
      - name: Note G
        description: The first published program
        role: Author
        url: https://engine.example.com/g
        repository: https://github.com/ada/note-g
        start: "1843-07"
        end: "1843-08"
        technologies: [Operation cards]
        summary: Computes Bernoulli numbers.
        highlights: [Twenty-five operations.]
research:
  - organization: Royal Society Library
    role: Reader
    start: "1840"
    end: present
    highlights: [Studied Babbage's plans.]
projects:
  - name: Flyology
    description: A study of *flight*
    role: Designer
    start: "1828"
    end: "1829"
    technologies: [Paper, Wire]
    summary: Designed a steam-powered flying horse.
publications:
  - title: Sketch of the Analytical Engine
    authors: [Menabrea L F, Lovelace A]
    authorPosition: 2
    equalContribution: [1, 2]
    etAl: true
    type: journal
    venue: Scientific Memoirs
    date: "1843-09-01"
    status: accepted
    url: https://pubs.example.com/sketch
    doi: 10.1000/sketch
    links: [{label: Scan, url: "https://pubs.example.com/scan"}]
    summary: Notes A to G.
awards:
  - title: Honorary Member
    awarder: Royal Society
    date: ["1840", "1842"]
    url: https://awards.example.com
    summary: For the *notes*.
skills:
  - name: Mathematics
    level: Expert
    keywords: [Calculus, Bernoulli numbers]
languages:
  - language: French
    fluency: Fluent
    tests: [{name: DELF, score: C2, date: "1830-05", parts: [{name: Oral, score: "25"}]}]
interests:
  - {name: Horses, keywords: [Riding, Betting]}
sections:
  - title: Correspondence
    items:
      - Letters to **Babbage**.
      - title: With Faraday
        subtitle: On *electricity*
        location: London
        date: "1844"
        url: https://letters.example.com
        summary: Twelve letters.
        highlights: [Asked to be his pupil.]
"""

#: What format 1.1 added, each printed field once (:func:`check_theme` compiles
#: it too): volunteering, certificates, references, a photo (``photo.png``, which
#: :func:`check_theme` writes beside it), descriptions, project organisations
#: and types, profiles without an address or with a ``mailto:``/``tel:``/
#: ``skype:`` one, and entries without a role or without dates.
COMPLETE_DOCUMENT_1_1 = """\
resumefmt: "1.1"
basics:
  name: Grace Hopper
  image: photo.png
  location: {city: Arlington, country: United States of America}
  profiles:
    - {network: Mastodon, username: "@grace@navy.example"}
    - {network: Skype, url: "skype:grace.hopper?chat"}
    - {network: Office phone, url: "tel:+1-555-0100"}
    - {network: Desk, url: "mailto:desk@navy.example"}
work:
  - organization: Eckert-Mauchly Computer Corporation
    description: Makers of the **UNIVAC**
    role: Senior Mathematician
    start: "1949"
    end: "1950"
  - organization: Harvard Computation Laboratory
    description: Home of the Mark I
  - organization: Vassar College
    role: Associate Professor
volunteer:
  - organization: Naval Reserve Cadet Club
    description: Teaching young sailors to program
    role: Mentor
    url: https://cadets.example.org
    start: "1960"
    end: "1966"
    highlights: [Taught COBOL to forty cadets.]
  - organization: Computer History Circle
projects:
  - name: FLOW-MATIC
    organization: Remington Rand
    type: compiler
    description: An English-like data processing language
  - name: Nanosecond wires
    type: talk
certificates:
  - name: Certificate in Naval Communications
    issuer: Naval Reserve Midshipmen's School
    date: "1944-06"
    url: https://certs.example.org/hopper
    summary: Graduated **first** in her class.
  - name: Bug Logbook Keeper
references:
  - name: Howard Aiken, Harvard
    reference: |-
      Grace wrote the *manual* for the Mark I.

      She would do it again.
  - name: A colleague at Remington Rand
"""


#: A small PNG (a 12 by 16 gradient) for the photo of :data:`COMPLETE_DOCUMENT_1_1`.
def photo_png() -> bytes:
    """The bytes of a small valid PNG, made here (no file to ship)."""
    import struct
    import zlib

    width, height = 12, 16
    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in (20 * x, 15 * y, 120))
        for y in range(height)
    )

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


#: Every character Typst gives a meaning to, and the calls a template might be
#: tricked into making: printed literally, never run.
HOSTILE_DOCUMENT = """\
resumefmt: "1.0"
basics:
  name: "Eve #read(\\"/etc/passwd\\") $x^2$ *bold* _em_ @ref <lbl> `raw` \\\\ // /* */"
  headline: '#include "/etc/passwd"'
  summary: '#import "/etc/hostname": * and #eval("1+1") and #sys.inputs and ] ) } { [ ='
work:
  - organization: "#read(\\"/etc/passwd\\")"
    role: "= Heading  - item  + enum  / term: x  ~ nbsp  -- --- ... 'quote'"
    start: "2020"
    end: present
    highlights:
      - '#let x = 1 #x #{ 1 + 1 } #[content] #(1) $ 1 / 2 $ \\u{41} \\#'
      - "<https://example.com/#read> and [a *link*](https://example.com/?q=%23read)"
"""


def typst_theme(name: str, registry: Registry | None = None) -> Any:
    """The registered Typst theme ``name`` (built-in or from an installed plugin)."""
    from resumefmt.plugins import converter_registry

    registry = registry or converter_registry()
    themes = registry.themes.get("pdf", {})
    if name not in themes:
        raise AssertionError(f"no Typst theme '{name}'; themes: {', '.join(themes) or 'none'}")
    return themes[name]


def build_pdf(
    text: str, theme: str, *, registry: Registry | None = None, path: str = "theme-check.yaml"
) -> bytes:
    """Compile a document (YAML or JSON text) to PDF with a theme, as ``convert --to pdf`` does."""
    from resumefmt.converters.typst import EngineOptions
    from resumefmt.loader import load_text
    from resumefmt.plugins import converter_registry

    registry = registry or converter_registry()
    document = load_text(text, path, "json" if text.lstrip().startswith("{") else "yaml")
    converter: Any = registry.converters["pdf"]
    return bytes(converter.build(document, EngineOptions(theme=theme))[0])


def pdf_text(pdf: bytes, extractor: str = "pypdf") -> str:
    """The text of a PDF as ``pdftotext`` (poppler) or ``pypdf`` reads it."""
    if extractor == "pdftotext":
        import shutil
        import subprocess

        tool = shutil.which("pdftotext")
        if tool is None:
            raise AssertionError("pdftotext is not installed (Debian: poppler-utils)")
        done = subprocess.run(
            [tool, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        )
        return done.stdout.decode("utf-8")
    import io

    try:
        import pypdf
    except ImportError:
        raise AssertionError("pypdf is not installed (pip install pypdf)") from None
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_links(pdf: bytes) -> list[str]:
    """The targets of the PDF's link annotations, page by page, in order."""
    import io

    import pypdf

    found = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def pdf_images(pdf: bytes) -> list[tuple[int, int]]:
    """``(width, height)`` of each image the PDF's pages draw (in form XObjects too)."""
    import io

    import pypdf

    found: list[tuple[int, int]] = []
    seen: set[int] = set()

    def walk(resources: Any) -> None:
        objects: Any = (resources or {}).get("/XObject") or {}
        for name in objects:
            reference = objects.raw_get(name)
            number = getattr(reference, "idnum", None)
            if number is not None and number in seen:
                continue
            if number is not None:
                seen.add(number)
            thing = objects[name].get_object()
            if thing.get("/Subtype") == "/Image":
                found.append((int(thing["/Width"]), int(thing["/Height"])))
            elif thing.get("/Subtype") == "/Form":
                walk(thing.get("/Resources"))

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return found


class Printed(Record):
    """What a reader must find: ``anchors`` in order (sections, entries), each with its fields.

    ``fields`` of an anchor are found after it, ``bullets`` in order.
    ``whole`` are names and dates that must not be broken across lines;
    ``links`` every link target.
    """

    __slots__ = ("anchors", "links", "whole")

    def __init__(
        self,
        anchors: list[tuple[str, list[str], list[str]]],
        whole: list[str],
        links: list[str],
    ) -> None:
        self.anchors = anchors
        self.whole = whole
        self.links = links


def printed(data: dict[str, Any]) -> Printed:
    """The fields a theme must print, from a valid document's data (see :class:`Printed`)."""
    from resumefmt.converters.typst._view import view

    shown = view(data)
    anchors: list[tuple[str, list[str], list[str]]] = []
    whole: list[str] = []
    links: list[str] = []

    def plain(spans: Any) -> str:
        out = []
        for span in spans or []:
            if "text" in span:
                out.append(span["text"])
            elif "code" in span:
                out.append(span["code"])
            elif "break" in span:
                out.append(" ")
            elif "link" in span:
                links.append(span["link"])
                out.append(plain(span["body"]))
            else:
                out.append(plain(span.get("strong") or span.get("emph")))
        return "".join(out)

    def fields(entry: dict[str, Any], skip: str) -> tuple[list[str], list[str]]:
        found, bullets = [], []
        for key, value in entry.items():
            if key == skip or value is None or isinstance(value, bool) or key == "image":
                continue
            if key in ("url",):
                links.append(value)
            elif key == "highlights":
                bullets = [plain(h) for h in value]
            elif key in ("repository", "doi") or (key == "links" and value):
                for link in value if isinstance(value, list) else [value]:
                    links.append(link["url"])
                    found.append(plain(link["label"]))
            elif key == "authors":
                for author in value:
                    whole.append(plain(author["name"]))
                    found.append(plain(author["name"]))
            elif key == "projects":
                continue
            elif key == "dates":
                whole.append(plain(value))
                found.append(plain(value))
            elif value and isinstance(value[0], list):  # a list of texts (keywords, tests)
                found += [plain(v) for v in value]
            elif value:  # one text: its spans
                found.append(plain(value))
        return found, bullets

    basics = shown["basics"]
    whole.append(plain(basics["name"]))
    head = [plain(basics[k]) for k in ("altName", "headline", "summary") if basics[k]]
    for item in basics["contacts"] + basics["profiles"]:
        head.append(plain(item["label"]))
        if item["url"]:
            links.append(item["url"])
    anchors.append((plain(basics["name"]), head, []))
    first = {
        "experience": "role",
        "project": "name",
        "education": "institution",
        "publication": "authors",
        "award": "title",
        "certificate": "name",
        "skill": "name",
        "language": "language",
        "interest": "name",
        "reference": "name",
        "custom": "title",
    }
    for section in shown["sections"]:
        anchors.append((plain(section["title"]), [], []))
        for item in section["items"]:
            if "line" in item:
                anchors.append((plain(item["line"]), [], []))
                continue
            key = first[section["kind"]]
            if key == "role" and item["role"] is None:  # the organisation heads it
                key = "organization"
            if key == "authors" and item["authors"]:
                anchor = plain(item["authors"][0]["name"])
            else:
                anchor = plain(item["title" if key == "authors" else key])
            found, bullets = fields(item, key)
            anchors.append((anchor, found, bullets))
            for project in item.get("projects", []):
                found, bullets = fields(project, "name")
                anchors.append((plain(project["name"]), found, bullets))
    return Printed(anchors, whole, links)


def _squash(text: str) -> str:
    """Text without white space and hyphens, case folded, in compatibility form.

    Extractors differ in spacing; themes may set headings in capitals; and
    pdftotext drops a hyphen that ends a line, even the one of "semi-structured"
    when the line breaks after it.
    """
    import unicodedata

    folded = unicodedata.normalize("NFKC", text).casefold().replace("-", "")
    return "".join(folded.split())


def assert_readable(
    pdf: bytes, data: dict[str, Any], extractor: str, *, whole: bool = True
) -> None:
    """Every printed field of ``data`` is in the PDF's text, in reading order, and every link.

    Names and dates must each be on one line (unless ``whole`` is false: a
    name longer than a line cannot be). Raises ``AssertionError`` naming
    the first field that is missing or out of place.
    """
    import unicodedata

    expected = printed(data)
    raw = pdf_text(pdf, extractor)
    text = _squash(raw)
    at = 0
    for anchor, fields, bullets in expected.anchors:
        where = text.find(_squash(anchor), at)
        if where < 0:
            raise AssertionError(f"{extractor}: '{anchor}' is missing or out of order")
        for field in fields:
            if _squash(field) not in text[where:]:
                raise AssertionError(f"{extractor}: '{field}' (of '{anchor}') is missing")
        cursor = where
        for bullet in bullets:
            found = text.find(_squash(bullet), cursor)
            if found < 0:
                raise AssertionError(f"{extractor}: bullet '{bullet}' of '{anchor}' is missing")
            cursor = found
        at = where + 1
    lines = [" ".join(unicodedata.normalize("NFKC", line).split()) for line in raw.splitlines()]
    for name in expected.whole if whole else []:
        single = " ".join(name.split())
        if not any(single in line for line in lines):
            raise AssertionError(f"{extractor}: '{name}' is broken across lines (or missing)")
    targets = set(pdf_links(pdf))
    for link in expected.links:
        if link not in targets:
            raise AssertionError(f"no link annotation to {link}")


def check_theme(
    name: str,
    documents: Iterable[str] = (),
    *,
    registry: Registry | None = None,
    extractors: Iterable[str] = ("pdftotext", "pypdf"),
) -> None:
    """Check a Typst theme the way the built-in ones are checked, raising ``AssertionError``.

    It compiles :data:`COMPLETE_DOCUMENT`, :data:`COMPLETE_DOCUMENT_1_1` (with
    its photo, which must be embedded) and each of ``documents`` (YAML or JSON
    text, read as if in an empty folder) and reads every field back with each
    extractor, in order;
    compiles twice to the same bytes; prints :data:`HOSTILE_DOCUMENT` literally;
    and refuses theme files that import packages from the network
    (``@preview/...``: a theme must work offline).
    """
    from pathlib import Path

    from resumefmt.loader import load_text
    from resumefmt.selection import selected

    theme = typst_theme(name, registry)
    for file in sorted(Path(theme.directory).rglob("*.typ")):
        if '"@preview/' in file.read_text(encoding="utf-8"):
            raise AssertionError(f"{file}: a theme must not import @preview packages")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "photo.png").write_bytes(photo_png())
        path = str(Path(folder) / "theme-check.yaml")
        for text in (COMPLETE_DOCUMENT, COMPLETE_DOCUMENT_1_1, *documents):
            pdf = build_pdf(text, name, registry=registry, path=path)
            if build_pdf(text, name, registry=registry, path=path) != pdf:
                raise AssertionError(f"theme {name}: the same document gave different PDFs")
            json_text = text.lstrip().startswith("{")
            document = load_text(text, "doc", "json" if json_text else "yaml")
            # What the PDF prints: language maps resolved, the document's own language.
            data = selected(document, None, None).data
            for extractor in extractors:
                assert_readable(pdf, data, extractor)
            if data["basics"].get("image") and not pdf_images(pdf):
                raise AssertionError(f"theme {name}: the photo is not in the PDF")
    hostile = build_pdf(HOSTILE_DOCUMENT, name, registry=registry)
    hostile_data = load_text(HOSTILE_DOCUMENT, "hostile.yaml").data
    for extractor in extractors:
        assert_readable(hostile, hostile_data, extractor, whole=False)
