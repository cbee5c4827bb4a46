"""Labels and dates of every locale (resumefmt/locales/): complete, and CLDR's own forms."""

from __future__ import annotations

import datetime
import subprocess
import sys
from typing import Any

import pytest
from conftest import ROOT, require_module

from resumefmt.locales import KEYS, LOCALES, Locale, locale_for, supported
from resumefmt.locales._labels import LABELS
from resumefmt.schemas import NEWEST, load_schema


def _babel_dates() -> Any:
    """Babel's date formatting: CLDR's own answer (a pinned test dependency)."""
    return require_module("babel.dates")


def test_at_least_thirty_languages_have_every_label() -> None:
    assert len(LOCALES) >= 30
    for tag, labels in LABELS.items():
        assert list(labels) == list(KEYS), tag
        assert all(phrase.strip() == phrase and phrase for phrase in labels.values()), tag
        assert "{degree}" in labels["degreeField"] and "{field}" in labels["degreeField"], tag
    # A row copied without translating would repeat English section titles.
    english = {LABELS["en"][k] for k in ("education", "work", "skills")}
    copied = [t for t in LOCALES if t != "en" and english <= set(LABELS[t].values())]
    assert copied == []


def test_a_document_may_override_every_label_the_table_has() -> None:
    labels = load_schema(NEWEST)["properties"]["labels"]["properties"]
    assert list(labels) == list(KEYS)


@pytest.mark.parametrize(
    ("tag", "served"),
    [("pt-BR", "pt"), ("zh-TW", "zh-Hant"), ("zh-Hant-HK", "zh-Hant"), ("zh-CN", "zh"),
     ("de-AT", "de"), ("EN", "en"), ("no", "nb"), ("tlh", None), ("zh-Hans", "zh")],
)  # fmt: skip
def test_a_tag_is_served_by_its_language(tag: str, served: str | None) -> None:
    assert supported(tag) == served


def test_an_unsupported_language_falls_back_to_english_labels() -> None:
    assert locale_for("tlh").label("work") == "Experience"


@pytest.mark.parametrize("tag", LOCALES)
def test_dates_are_what_cldr_writes(tag: str) -> None:
    babel_dates = _babel_dates()
    locale = Locale(tag)
    cldr = tag.replace("-", "_")
    for month in range(1, 13):
        day = datetime.date(2021, month, 7)
        assert locale.date(f"2021-{month:02d}") == babel_dates.format_skeleton(
            "yMMM", day, locale=cldr
        )
        assert locale.date(f"2021-{month:02d}-07") == babel_dates.format_skeleton(
            "yMMMd", day, locale=cldr
        )
    assert locale.date("2021") == babel_dates.format_skeleton(
        "y", datetime.date(2021, 1, 1), locale=cldr
    )
    assert locale.date("present") == LABELS[tag]["present"]


def test_ranges_lists_and_direction() -> None:
    assert Locale("en").range("2021-03", "present") == "Mar 2021 – Present"
    assert Locale("de").range("2021-03", "2023") == "März 2021 – 2023"
    assert Locale("ja").range("2021-03", "2023-01") == "2021年3月～2023年1月"
    assert Locale("en").join(["Python", "Go", "SQL"]) == "Python, Go, and SQL"
    assert Locale("zh").join(["Python", "Go", "SQL"]) == "Python、Go和SQL"
    assert Locale("zh").degree("学士", "电子工程") == "电子工程学士"
    assert [tag for tag in LOCALES if Locale(tag).rtl] == ["ar", "he", "fa"]


def test_the_generated_cldr_data_is_current() -> None:
    _babel_dates()
    script = ROOT / "scripts" / "gen_locales.py"
    code = f"import runpy; m = runpy.run_path({str(script)!r}); print(m['render'](), end='')"
    fresh = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    committed = (ROOT / "resumefmt" / "locales" / "_cldr.py").read_text(encoding="utf-8")
    assert fresh == committed, "stale: run python scripts/gen_locales.py"


def test_the_locales_page_is_current() -> None:
    require_module("babel")  # the page names each language the way CLDR does
    script = ROOT / "scripts" / "gen_locale_docs.py"
    code = f"import runpy; m = runpy.run_path({str(script)!r}); print(m['render'](), end='')"
    fresh = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    committed = (ROOT / "docs" / "locales.md").read_text(encoding="utf-8")
    assert fresh == committed, "stale: run python scripts/gen_locale_docs.py"
    # Every language has its row, with the range it prints.
    for tag in LOCALES:
        assert f"| `{tag}` |" in committed and Locale(tag).range("2021-03", "present") in committed
