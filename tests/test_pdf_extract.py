"""The gate every theme passes: each example, compiled with the real engine in each theme,
read back by poppler's pdftotext and by pypdf, holds every printed field in reading order
(names, organisations, roles, dates, every bullet, every link target), no name or date
broken across lines. The checks are the public theme kit's (resumefmt.testing)."""

from __future__ import annotations

import io
from functools import cache

import pytest
from conftest import example_files, require_module, require_tool

require_module("typst")
pypdf = require_module("pypdf")

from resumefmt.loader import load  # noqa: E402
from resumefmt.selection import selected  # noqa: E402
from resumefmt.testing import COMPLETE_DOCUMENT, assert_readable, build_pdf  # noqa: E402

THEMES = ("classic", "sans", "compact")
EXAMPLES = {path.name.removesuffix(".resumefmt.yaml"): path for path in example_files()}
#: Pages each seed takes in each theme (A4): a change of layout shows here first.
PAGES = {
    ("shuai-xie", "classic"): 3,
    ("shuai-xie", "sans"): 3,
    ("shuai-xie", "compact"): 2,
    ("cheng-zeyi", "classic"): 3,
    ("cheng-zeyi", "sans"): 3,
    ("cheng-zeyi", "compact"): 2,
    ("starter", "classic"): 1,
    ("starter", "sans"): 1,
    ("starter", "compact"): 1,
}


@cache
def compiled(example: str, theme: str) -> bytes:
    return build_pdf(EXAMPLES[example].read_text(encoding="utf-8"), theme)


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_every_field_reads_back_in_order(example: str, theme: str, extractor: str) -> None:
    if extractor == "pdftotext":
        require_tool("pdftotext")
    assert_readable(
        compiled(example, theme), selected(load(EXAMPLES[example]), None, None).data, extractor
    )


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
@pytest.mark.parametrize("theme", THEMES)
def test_every_field_of_the_format_reads_back(theme: str, extractor: str) -> None:
    if extractor == "pdftotext":
        require_tool("pdftotext")
    from resumefmt.loader import load_text

    pdf = build_pdf(COMPLETE_DOCUMENT, theme)
    assert_readable(pdf, load_text(COMPLETE_DOCUMENT, "complete.yaml").data, extractor)


@pytest.mark.parametrize(("example", "theme"), sorted(PAGES))
def test_page_counts(example: str, theme: str) -> None:
    assert len(pypdf.PdfReader(io.BytesIO(compiled(example, theme))).pages) == PAGES[example, theme]


def test_a_missing_field_is_caught() -> None:
    """The check is not vacuous: a PDF of another résumé fails it, naming the field."""
    with pytest.raises(AssertionError, match="'Cheng Zeyi' is missing or out of order"):
        assert_readable(
            compiled("shuai-xie", "classic"),
            selected(load(EXAMPLES["cheng-zeyi"]), None, None).data,
            "pypdf",
        )


def test_a_date_not_printed_is_caught() -> None:
    from resumefmt.loader import load_text

    text = (
        'resumefmt: "1.0"\nbasics:\n  name: Ada\nawards:\n  - title: Prize\n    date: "2020-05"\n'
    )
    pdf = build_pdf(text, "classic")
    data = load_text(text, "a.yaml").data
    data["awards"][0]["date"] = "2020-06"  # "Jun 2020" is printed nowhere
    with pytest.raises(AssertionError, match=r"'Jun 2020' .* missing"):
        assert_readable(pdf, data, "pypdf")
