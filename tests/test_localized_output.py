"""Every label and date a human-readable output prints, in the language being built.

A résumé written once with language maps is built in several locales (one
right to left, two CJK) through Markdown, LaTeX (compiled) and PDF (read back
with pdftotext); the titles are checked against the label table and the dates
against CLDR's own data, through Babel (a pinned test dependency), not
through resumefmt's generated copy of it.
"""

# ruff: noqa: RUF001 (the labels of other languages are what these tests are about)

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

import pytest
from conftest import require_module, require_tool, run_resumefmt
from test_latex_compile import compile_pdf

from resumefmt.converting import ConvertOptions, convert
from resumefmt.loader import load_text
from resumefmt.locales._labels import LABELS
from resumefmt.plugins import converter_registry

CONVERTERS = converter_registry(third_party=False).converters

#: An invented person who applies in several languages.
RESUME = """\
resumefmt: "1.1"
basics:
  name: Mira Okafor
  headline: {en: Data engineer, de: Dateningenieurin, zh: 数据工程师, ar: مهندسة بيانات}
  image: https://mira.example.org/photo.jpg
education:
  - institution: Lakeside Institute of Technology
    degree: {en: MSc, de: M.Sc., zh: 硕士, ar: ماجستير}
    field: {en: Computer Science, de: Informatik, zh: 计算机科学, ar: علوم الحاسوب}
    start: 2016-09
    end: 2018-06
    gpa: "3.9"
    courses: [Databases, Compilers]
work:
  - organization: Harbour Analytics
    role: {en: Data engineer, de: Dateningenieurin, zh: 数据工程师, ar: مهندسة بيانات}
    start: 2021-03
    end: present
    technologies: [Python, Rust]
    highlights:
      - {en: Cut nightly load time by half, de: Halbierte die nächtliche Ladezeit,
         zh: 将夜间加载时间缩短一半, ar: خفضت وقت التحميل الليلي إلى النصف}
publications:
  - title: Streaming joins at scale
    authors: [Mira Okafor, Jun Park]
    authorPosition: 1
    etAl: true
    date: 2024-05-18
    status: preprint
"""
#: The same without CJK or Arabic in the text itself: in German, pdflatex compiles it.
LATIN = """\
resumefmt: "1.1"
locale: de
basics:
  name: Mira Okafor
work:
  - organization: Harbour Analytics
    role: Dateningenieurin
    start: 2021-03
    end: present
    technologies: [Python, Rust]
"""
LOCALES = ("en", "de", "fr", "zh", "ja", "ar", "he")


def build(text: str, to: str, locale: str | None = None) -> tuple[str, ConvertOptions]:
    document = load_text(text, "mira.resumefmt.yaml", "yaml")
    options = ConvertOptions(locale=locale)
    return convert(document, CONVERTERS[to], options), options


def cldr(locale: str, skeleton: str, value: datetime.date) -> str:
    """A date as CLDR writes it in ``locale``, by Babel."""
    dates = require_module("babel.dates")
    return str(dates.format_skeleton(skeleton, value, locale=locale.replace("-", "_")))


def cldr_range(locale: str, start: str, end: str) -> str:
    """Two dates joined as CLDR's interval fallback joins them in ``locale``.

    With ordinary spaces where CLDR has thin ones (scripts/gen_locales.py: a
    thin space is too narrow beside a dash in a résumé's fonts).
    """
    babel = require_module("babel")
    pattern = str(babel.Locale.parse(locale).interval_formats[None]).replace("\u2009", " ")
    return pattern.replace("{0}", start).replace("{1}", end)


def expected_dates(locale: str) -> tuple[str, str]:
    """``(work range, publication date)``: resumefmt's English forms, CLDR's elsewhere."""
    if locale == "en":
        return "Mar 2021 \u2013 Present", "18 May 2024"
    start = cldr(locale, "yMMM", datetime.date(2021, 3, 1))
    present = LABELS[locale]["present"]
    return cldr_range(locale, start, present), cldr(locale, "yMMMd", datetime.date(2024, 5, 18))


@pytest.mark.parametrize("locale", LOCALES)
def test_markdown_prints_the_titles_labels_and_dates_of_the_locale(locale: str) -> None:
    text, options = build(RESUME, "markdown", locale)
    labels = LABELS[locale]
    for section in ("education", "work", "publications"):
        assert f"\n## {labels[section]}\n" in text
    work, published = expected_dates(locale)
    assert work in text
    assert published in text
    assert labels["gpa"] in text
    assert labels["technologies"] in text
    assert labels["preprint"] in text
    assert options.messages == []


def test_german_and_chinese_read_as_the_issue_asks() -> None:
    german, _ = build(RESUME, "markdown", "de")
    assert "## Berufserfahrung" in german
    assert "März 2021 – heute" in german
    assert "M.Sc. in Informatik" in german
    chinese, _ = build(RESUME, "markdown", "zh")
    assert "## 工作经历" in chinese
    assert "2021年3月 – 至今" in chinese
    assert "Python、Rust" in chinese  # CJK lists take the ideographic comma
    assert "计算机科学硕士" in chinese  # the field before the degree, not "硕士 in 计算机科学"
    assert "Technologies" not in chinese and "Present" not in chinese


def test_english_markdown_is_what_it_was() -> None:
    text, _ = build(RESUME, "markdown")
    assert "## Experience" in text
    assert "MSc, Computer Science" in text  # Markdown's own English form
    assert "Mar 2021 – Present" in text
    assert "Technologies: Python, Rust" in text
    assert "et al." in text


def test_the_document_labels_win_over_the_table() -> None:
    own = RESUME + "labels:\n  work: {en: Industry, zh: 业界经历}\n  present: {zh: 现在}\n"
    chinese, _ = build(own, "markdown", "zh")
    assert "## 业界经历" in chinese
    assert "2021年3月 – 现在" in chinese
    assert "## 教育背景" in chinese or f"## {LABELS['zh']['education']}" in chinese
    english, _ = build(own, "markdown", "en")
    assert "## Industry" in english


def test_a_locale_of_the_document_builds_without_an_option() -> None:
    text, _ = build(LATIN, "markdown")
    assert "## Berufserfahrung" in text
    assert "März 2021 – heute" in text
    assert "Technologien: Python, Rust" in text


def test_latex_prints_the_words_of_the_locale() -> None:
    text, _ = build(RESUME, "latex", "zh")
    assert r"\section*{工作经历}" in text
    assert "2021年3月 \\textendash{} 至今" in text
    assert r"\textit{技术栈：} Python、Rust" in text
    assert text.startswith("% Needs xelatex: the text has CJK characters")


def test_a_chinese_label_alone_makes_the_latex_need_xelatex() -> None:
    """Latin text, Chinese titles: pdflatex cannot print the titles."""
    text, _ = build(LATIN, "latex", "zh")
    assert text.startswith("% Needs xelatex")
    text, _ = build(LATIN, "latex", "de")
    assert text.startswith("% Compile with pdflatex")


def _squeezed(text: str) -> str:
    """Text read back from a PDF without white space (extractors space CJK from digits)."""
    return re.sub(r"[\s\u202a-\u202e]+", "", text)


@pytest.mark.parametrize(
    ("source", "locale", "engine"),
    [(LATIN, "de", "pdflatex"), (RESUME, "zh", "xelatex"), (RESUME, "ar", "xelatex")],
)
def test_latex_compiles_in_the_locale(
    source: str, locale: str, engine: str, tmp_path: Path
) -> None:
    tex, _ = build(source, "latex", locale)
    assert f"\\section*{{{LABELS[locale]['work']}}}" in tex.replace(r"\rfar{", "{").replace(
        "{{", "{"
    ).replace("}}", "}")
    read = compile_pdf(tex, engine, tmp_path)
    squeezed = _squeezed(read)
    labels = LABELS[locale]
    if locale == "ar":  # extractors give Arabic in presentation forms, reordered: the dates' year
        assert "2021" in squeezed and "Python" in squeezed
        return
    assert _squeezed(labels["work"]) in squeezed
    assert _squeezed(labels["technologies"]) in squeezed
    assert _squeezed(expected_dates(locale)[0]) in squeezed


@pytest.mark.parametrize("locale", ["de", "zh", "ja", "he"])
def test_the_pdf_reads_back_in_the_locale(locale: str, tmp_path: Path) -> None:
    require_module("typst")
    pdftotext = require_tool("pdftotext")
    source = tmp_path / "mira.resumefmt.yaml"
    source.write_text(RESUME, encoding="utf-8")
    done = run_resumefmt("convert", source, "--locale", locale, "-o", tmp_path / "cv.pdf")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    read = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(tmp_path / "cv.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    squeezed = _squeezed(read)
    labels = LABELS[locale]
    for key in ("work", "education", "publications", "technologies", "preprint"):
        assert _squeezed(labels[key]) in squeezed
    work, published = expected_dates(locale)
    if locale == "he":
        # A line mixing directions comes back in visual runs: each part, not the whole.
        assert labels["present"] in read and "2021" in read
        assert cldr(locale, "yMMM", datetime.date(2021, 3, 1)).split()[0] in read
    else:
        assert _squeezed(work) in squeezed
        assert _squeezed(published) in squeezed


@pytest.mark.parametrize(
    ("locale", "lang", "region", "direction"),
    [
        ("en", "en", None, "ltr"),
        ("zh-TW", "zh", "TW", "ltr"),
        ("ar", "ar", None, "rtl"),
        ("he", "he", None, "rtl"),
        ("fa", "fa", None, "rtl"),
    ],
)
def test_the_theme_gets_the_language_direction_and_words(
    locale: str, lang: str, region: str | None, direction: str
) -> None:
    from resumefmt.converters._common import words_for
    from resumefmt.converters.typst._view import view
    from resumefmt.selection import select

    document = select(load_text(RESUME, "mira.resumefmt.yaml", "yaml"), locale=locale)
    shown = view(document.data, words=words_for(document))
    assert (shown["lang"], shown["region"], shown["dir"]) == (lang, region, direction)
    table = LABELS["zh-Hant" if locale == "zh-TW" else locale]
    assert shown["words"]["technologies"].startswith(table["technologies"])
    assert shown["words"]["etAl"] == table["etAl"]
    titles = [s["title"][0]["text"] for s in shown["sections"]]
    assert titles == [table["education"], table["work"], table["publications"]]


def test_the_typst_source_sets_the_page_right_to_left() -> None:
    source, _ = build(RESUME, "typst", "ar")
    assert 'set text(dir: rtl) if data.at("dir", default: "ltr") == "rtl"' in source
    assert '"dir": "rtl"' in source
    assert '"lang": "ar"' in source


def test_an_unknown_locale_prints_english_labels_and_says_so_once(tmp_path: Path) -> None:
    source = tmp_path / "mira.resumefmt.yaml"
    source.write_text(RESUME, encoding="utf-8")
    done = run_resumefmt("convert", source, "--to", "markdown", "--locale", "tlh")
    assert done.returncode == 0
    assert done.stderr == (
        "resumefmt: no labels for 'tlh': labels print in English; give them under labels:\n"
    )
    assert "## Experience" in done.stdout
    assert "Mar 2021 – Present" in done.stdout
    # A locale: the document gives, in a format with several compiles (PDF): still one line.
    source.write_text("locale: tlh\n" + RESUME, encoding="utf-8")
    require_module("typst")
    done = run_resumefmt("convert", source, "-o", tmp_path / "cv.pdf", "--pages", "1")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("no labels for 'tlh'") == 1


def test_json_resume_says_which_language_it_exported(tmp_path: Path) -> None:
    source = tmp_path / "mira.resumefmt.yaml"
    source.write_text(RESUME, encoding="utf-8")
    done = run_resumefmt("convert", source, "--to", "jsonresume", "--locale", "zh")
    assert done.returncode == 0, done.stderr
    assert '"label": "数据工程师"' in done.stdout
    assert done.stderr == (
        # At the first language map's Chinese text: the document has no locale: to point at.
        f"{source}:4:59: info: exported in zh (JSON Resume holds one language); "
        "build others with --locale [RF068]\n"
    )


def test_json_resume_of_a_plain_english_document_says_nothing(tmp_path: Path) -> None:
    source = tmp_path / "ada.resumefmt.yaml"
    source.write_text('resumefmt: "1.1"\nbasics:\n  name: Ada\n', encoding="utf-8")
    done = run_resumefmt("convert", source, "--to", "jsonresume")
    assert (done.returncode, done.stderr) == (0, "")
