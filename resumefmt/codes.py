"""Every problem code that is not a lint rule: one table, so each is explained once.

Codes come in ranges: ``RF0xx`` load and schema problems, ``RF06x`` conversion
(JSON Resume), ``RF07x`` rendering (PDF and PNG through
Typst), ``RF08x`` import from RenderCV, ``RF09x`` the lint engine's own problems (configuration,
suppression comments, crashed rules), and ``RF1xx`` and up the lint rules,
declared with their rules in ``resumefmt/lint_rules/``. Each code has a
dotted name and a manual, which ``resumefmt rule CODE`` prints.
"""

from __future__ import annotations

from resumefmt._record import Record


class Code(Record):
    """A stable problem code, its dotted name, a one-line summary and a manual."""

    __slots__ = ("code", "manual", "name", "summary")

    def __init__(self, code: str, name: str, summary: str, manual: str = "") -> None:
        self.code = code
        self.name = name
        self.summary = summary
        self.manual = manual or summary


SYNTAX = Code(
    "RF001",
    "load.syntax",
    "The file is not well-formed YAML or JSON.",
    "The file could not be read as YAML (or JSON for *.json files): a missing colon, "
    "a quote that is never closed, indentation that does not line up, a trailing comma "
    "in JSON. The message says what the parser expected at that place; nothing else in "
    "the file is checked until it reads.",
)
DUPLICATE_KEY = Code(
    "RF002",
    "load.duplicate-key",
    "A key appears twice in one mapping.",
    "The same key is written twice in one mapping. YAML and JSON readers usually keep "
    "the last one silently; resumefmt names both places so that nothing you wrote is "
    "lost. Remove or rename one of them.",
)
UNSUPPORTED_YAML = Code(
    "RF003",
    "load.unsupported-yaml",
    "A YAML feature resumefmt refuses: tags, aliases, several documents, complex keys.",
    "A résumé is read as plain data. Tags (!!python/object, !!str ...), anchors and "
    "aliases (&a, *a), several documents in one file and keys that are not text are "
    "refused where they are written, so no file can construct objects or expand into "
    "something larger than what you see. Write the value out in full.",
)
ENCODING = Code(
    "RF004",
    "load.encoding",
    "The file is not UTF-8 text.",
    "The file holds bytes that are not UTF-8. Save it as UTF-8 (every modern editor can); "
    "the position given is the first byte that cannot be read.",
)
VERSION = Code(
    "RF005",
    "format.version",
    "The format version is missing, malformed or unknown.",
    'Every résumé says which version of the format it is written in: resumefmt: "1.0" '
    "at the top level, as text. A version of a newer major than this release knows is "
    "refused (the message lists the versions it reads); a newer minor version is a "
    "warning, and the file is checked against the newest schema this release knows.",
)
TYPE = Code(
    "RF010",
    "schema.type",
    "A value has the wrong type.",
    "A value is not of the type the format expects: a list where text belongs, a number "
    "where text belongs (an unquoted 2021 or 3.9 is a number in YAML: put it in quotes), "
    "text where a list belongs.",
)
UNKNOWN_KEY = Code(
    "RF011",
    "schema.unknown-key",
    "A key the format does not define.",
    "The key is not part of the format at this place, so it would be silently ignored; "
    "the message suggests the nearest known key when there is one (hilights -> "
    "highlights). Keys that start with x- are yours and are never reported.",
)
MISSING_KEY = Code(
    "RF012",
    "schema.missing-key",
    "A required key is missing.",
    "An entry lacks a key the format requires (basics needs a name, a work entry an "
    "organization, and in format 1.0 also a role, a start and an end). It is reported "
    "at the entry that lacks it.",
)
PATTERN = Code(
    "RF013",
    "schema.pattern",
    "Text does not have the required form (dates, ...).",
    "Text does not have the form the field requires: dates are YYYY, YYYY-MM or "
    "YYYY-MM-DD (or present for an end), web addresses start with https:// or http://, "
    "e-mail addresses have one @, country codes are two capital letters.",
)
CHOICE = Code(
    "RF014",
    "schema.choice",
    "A value is not one of the allowed choices.",
    "The field takes one of a fixed list of values (a publication's status or type, for "
    "example); the message lists them.",
)
SIZE = Code(
    "RF015",
    "schema.size",
    "Text or a list is empty, too short or too long.",
    "Text or a list is empty (or shorter or longer than the field allows). Remove the "
    "key instead of leaving it empty.",
)
RANGE = Code(
    "RF016",
    "schema.range",
    "A number is outside its allowed range.",
    "A number is outside the range the field allows, such as an author position of 0.",
)
DUPLICATE_ITEM = Code(
    "RF017",
    "schema.duplicate-item",
    "A list holds the same item twice.",
    "A list whose items must be distinct (keywords, technologies, courses) holds the "
    "same item twice. Remove one.",
)

JSONRESUME_SCHEMA = Code(
    "RF060",
    "jsonresume.schema",
    "Not valid against the official JSON Resume schema.",
    "resumefmt import --from jsonresume reads documents that the official JSON Resume "
    "schema (1.3.1) accepts. This one is not valid against it; the message says where "
    "and why, at the line and column of the JSON file.",
)
JSONRESUME_MISSING = Code(
    "RF061",
    "jsonresume.missing",
    "A field resumefmt requires has no JSON Resume source.",
    "The imported document lacks something the resumefmt format requires (a work entry "
    "without a position or a start date, for example). Add it to the JSON Resume file, "
    "or to the imported YAML afterwards.",
)
JSONRESUME_UNMAPPED = Code(
    "RF062",
    "jsonresume.unmapped",
    "Kept under x-jsonresume: no resumefmt field holds it.",
    "A JSON Resume field that the resumefmt format has no place for (an unknown key, "
    "a date that cannot be read as one, a value resumefmt's schema refuses) is kept under "
    "an x-jsonresume key of the imported document, so nothing is lost, and reported once "
    "so that you know it is not printed.",
)
JSONRESUME_EMPTY = Code(
    "RF063",
    "jsonresume.empty",
    "An empty value left out on import.",
    "An empty string, a null or an empty list in the JSON Resume file has no meaning in "
    "resumefmt, where an absent key says the same; it is left out of the imported "
    "document, before the file is checked against the official schema (so a template's "
    "empty fields never make an import fail). An entry left with nothing is left out too.",
)
JSONRESUME_CONFLICT = Code(
    "RF064",
    "jsonresume.conflict",
    "A value edited after export wins over x-resumefmt.",
    "The document was exported by resumefmt, then edited: a native JSON Resume field no "
    "longer agrees with the copy resumefmt kept under x-resumefmt. The edited native "
    "value wins.",
)
JSONRESUME_RESERVED = Code(
    "RF065",
    "jsonresume.reserved",
    "x-resumefmt or x-jsonresume used where they are reserved.",
    "The keys x-resumefmt and x-jsonresume carry what one format cannot hold natively in "
    "the other. A document that uses them for something else cannot be converted; "
    "rename your key.",
)
JSONRESUME_EXPORT = Code(
    "RF066",
    "jsonresume.export",
    "A value JSON Resume cannot hold (a year outside 1000-2999).",
    "JSON Resume's date pattern accepts only the years 1000-2999; a date outside them "
    "cannot be exported.",
)
JSONRESUME_REWRITTEN = Code(
    "RF067",
    "jsonresume.rewritten",
    "A key or value read in the form resumefmt's mapping gives it.",
    "resumefmt import --from jsonresume reads JSON Resume as people write it, and says "
    "each time it reads something in another form than written: a JSON Resume 0.x key "
    "(company, website, picture, gpa ...) read under its 1.x name, a date written "
    "another way (2019-3, Mar 2022, 03/2022, Present) read as YYYY-MM or as ongoing, a "
    "country name read as its two-letter code (the name is kept as location.country), "
    "a keyword listed twice read once. The value itself is never lost; check that the "
    "reading is the one you meant, and write it that way in the source to silence it.",
)
JSONRESUME_LANGUAGE = Code(
    "RF068",
    "jsonresume.language",
    "Exported in one language: JSON Resume holds one.",
    "A JSON Resume document is in one language. A résumé with language maps, or in a "
    "language other than English, is exported in the language being built (--locale, "
    "else the variant's, else the document's locale): each language map gives its text "
    "in that language, and the labels are left to the JSON Resume theme. Export each "
    "language you send with its own --locale.",
)

RENDERCV_SCHEMA = Code(
    "RF080",
    "rendercv.schema",
    "Not a RenderCV document, or a value of the wrong type in it.",
    "resumefmt import --from rendercv reads RenderCV's YAML: a top-level cv mapping whose "
    "sections map titles to lists of entries. A file without cv, or with a value of the "
    "wrong type (a list where RenderCV expects text, an entry that matches none of its "
    "entry types), cannot be imported; the message says where and what RenderCV expects.",
)
RENDERCV_MISSING = Code(
    "RF081",
    "rendercv.missing",
    "A field resumefmt requires has no RenderCV source.",
    "The imported document lacks something the resumefmt format requires (a cv without a "
    "name, an experience entry without a company). Add it to the RenderCV file, or to the "
    "imported YAML afterwards.",
)
RENDERCV_UNMAPPED = Code(
    "RF082",
    "rendercv.unmapped",
    "Kept under x-rendercv: no resumefmt field holds it.",
    "A RenderCV value that the resumefmt format has no place for (a key of your own on an "
    "entry, a date written as free text that is not a date, a project's location) is kept "
    "under an x-rendercv key of the imported document, so nothing is lost, and reported "
    "once so that you know it is not printed.",
)
RENDERCV_IGNORED = Code(
    "RF083",
    "rendercv.ignored",
    "RenderCV's design, locale or settings: kept, not used.",
    "design, locale (locale_catalog) and settings (rendercv_settings) say how RenderCV "
    "draws the page; resumefmt's themes decide that. Each block is kept under x-rendercv "
    "and reported once.",
)
RENDERCV_CHANGED = Code(
    "RF084",
    "rendercv.changed",
    "Imported, but printed differently than RenderCV prints it.",
    "The value is imported, but resumefmt prints it another way: sub-bullets written as "
    "' - ' inside a highlight stay one bullet, a numbered list prints as a plain list, "
    "markup in a field that is plain text in resumefmt prints as typed, a section prints "
    "under resumefmt's own heading. Edit the imported YAML if you want it otherwise.",
)

MISSING_GLYPH = Code(
    "RF070",
    "render.missing-glyph",
    "A character that no available font draws.",
    "convert --to pdf (or png) prints every character you wrote, or refuses: a character "
    "that none of the fonts Typst embeds, the fonts resumefmt ships, the system's fonts "
    "or the --font-path folders draws would come out as an empty box. It is reported "
    "where it is written, with its code point. Install a font that has it (Debian: "
    "fonts-noto-core covers most scripts, fonts-noto-cjk Chinese, Japanese and Korean, "
    "fonts-noto-color-emoji emoji), pass --font-path DIR, or write it another way. "
    "convert --to latex refuses the same way, before TeX runs, a character that none of "
    "the fonts its xelatex preamble names draws (Latin Modern, DejaVu, Noto CJK), and "
    "right-to-left text in a script other than Arabic, Persian and Hebrew: convert --to "
    "pdf instead, or write it another way.",
)
PAGE_BUDGET = Code(
    "RF071",
    "render.page-budget",
    "The résumé does not fit the pages asked for.",
    "convert --pages N tightens the theme's spacing, then its font size down to the "
    "theme's smallest (never below 9.5 pt), and never drops content. When even the "
    "tightest setting needs more pages, nothing is written and the message says how "
    "much is over: shorten the text or allow more pages.",
)
FONT_FALLBACK = Code(
    "RF072",
    "render.font-fallback",
    "A font the theme names is not installed; another one stands in.",
    "The text is printed, in another font that draws it: for Chinese, Japanese or Korean "
    "that may be another region's forms of the same characters. The warning names the "
    "font the theme asked for; install it (Debian: fonts-noto-cjk has every Noto CJK "
    "family) or pass --font-path DIR with it.",
)
RENDER_IMAGE = Code(
    "RF073",
    "render.image",
    "The photo (basics.image) cannot be embedded.",
    "convert --to pdf, png, typst and latex embed a photo given as a path: a PNG or JPEG "
    "file in the résumé's folder or a folder below it (a path relative to the résumé), of "
    "at most 4 MiB and 25 million pixels. A path that is absolute, leads outside that "
    "folder, does not exist, is not a regular file (a folder, a FIFO, a device), is too "
    "large or is not a PNG or JPEG is refused, writing nothing. An http(s):// address is "
    "printed as a link and never fetched. convert --to latex also refuses a file name "
    "that LaTeX cannot take as it is (anything but letters, digits, '.', '-', '_', '+' "
    "and '/'): rename the file.",
)

CONFIG_INVALID = Code(
    "RF090",
    "config.invalid",
    "The configuration file cannot be used as written.",
    "A problem in [tool.resumefmt] of a pyproject.toml or in a .resumefmt.toml: not "
    "valid TOML, an unknown key, a value of the wrong type, a severity that does not "
    "exist. It is reported at its line and column; lint exits 2, and the rest of the "
    "configuration still applies.",
)
CONFIG_UNKNOWN_RULE = Code(
    "RF091",
    "config.unknown-rule",
    "The configuration names no known rule.",
    "select, ignore or a [rules.NAME] table names a rule, family or code that no "
    "installed rule has. resumefmt rules lists them; a plugin's rules exist only when "
    "the plugin is installed.",
)
BAD_DIRECTIVE = Code(
    "RF092",
    "lint.bad-directive",
    "A suppression comment that is malformed or names no rule.",
    "A comment # resumefmt: disable=CODE or # resumefmt: disable-next-line=CODE is "
    "malformed or names no rule, so it silences nothing. Load and schema problems "
    "(RF0xx) cannot be silenced by a comment.",
)
RULE_CRASHED = Code(
    "RF099",
    "lint.rule-crashed",
    "A rule failed with an internal error.",
    "A rule raised an exception on this document: a bug in the rule (or in the plugin "
    "that provides it), not in your file. The other rules still report; lint exits 2. "
    "Please report it with the message.",
)

#: The codes of ``convert``/``import`` problems with JSON Resume, by kind.
JSONRESUME = {
    code.name.split(".", 1)[1]: code
    for code in (
        JSONRESUME_SCHEMA,
        JSONRESUME_MISSING,
        JSONRESUME_UNMAPPED,
        JSONRESUME_EMPTY,
        JSONRESUME_CONFLICT,
        JSONRESUME_RESERVED,
        JSONRESUME_EXPORT,
        JSONRESUME_REWRITTEN,
        JSONRESUME_LANGUAGE,
    )
}

#: The codes of ``import --from rendercv`` problems, by kind.
RENDERCV = {
    code.name.split(".", 1)[1]: code
    for code in (
        RENDERCV_SCHEMA,
        RENDERCV_MISSING,
        RENDERCV_UNMAPPED,
        RENDERCV_IGNORED,
        RENDERCV_CHANGED,
    )
}

#: Every code above, in code order.
ALL: tuple[Code, ...] = (
    SYNTAX,
    DUPLICATE_KEY,
    UNSUPPORTED_YAML,
    ENCODING,
    VERSION,
    TYPE,
    UNKNOWN_KEY,
    MISSING_KEY,
    PATTERN,
    CHOICE,
    SIZE,
    RANGE,
    DUPLICATE_ITEM,
    *JSONRESUME.values(),
    MISSING_GLYPH,
    PAGE_BUDGET,
    FONT_FALLBACK,
    *RENDERCV.values(),
    RENDER_IMAGE,
    CONFIG_INVALID,
    CONFIG_UNKNOWN_RULE,
    BAD_DIRECTIVE,
    RULE_CRASHED,
)


def find(code_or_name: str) -> Code | None:
    """The code given by its code (``RF011``, any case) or its name (``schema.unknown-key``)."""
    wanted = code_or_name.upper() if code_or_name[:2].lower() == "rf" else code_or_name
    return next((c for c in ALL if wanted in (c.code, c.name)), None)
