"""Every converter's output on every example, byte for byte, against ``tests/golden/``.

``tests/golden/<example>/`` holds ``resume.md``, ``resume.tex``,
``resume.json`` and ``resume.typ`` (the exports) and ``imported.resumefmt.yaml`` (``resume.json``
imported back), and :data:`BUILDS` one language or variant of an example
(``resume.zh.md``, ``resume.industry.md``). After an intended change of output, refresh them with
``pytest tests/test_golden.py --update-golden`` and review the diff
(tests/golden/README.md).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import ROOT, example_files

from resumefmt.converting import ConvertOptions, convert
from resumefmt.loader import load, load_text
from resumefmt.plugins import converter_registry

REGISTRY = converter_registry(third_party=False)
EXPORTS = {
    "markdown": "resume.md",
    "latex": "resume.tex",
    "jsonresume": "resume.json",
    "typst": "resume.typ",
}
CASES = {path.name.removesuffix(".resumefmt.yaml"): path for path in example_files()}
#: Documents written for the tests (not examples to copy): what format 1.1 added,
#: printed by the document converters. Their JSON Resume export is pinned by the
#: JSON Resume tests, which own that mapping.
FIXTURES = {
    path.name.removesuffix(".resumefmt.yaml"): path
    for path in sorted((ROOT / "tests" / "fixtures").glob("*.resumefmt.yaml"))
}
DOCUMENT_EXPORTS = ("latex", "markdown", "typst")
#: One language or one variant of an example, beside its default build:
#: golden file → (example, target, --locale, --variant).
BUILDS = {
    "cheng-zeyi/resume.zh.md": ("cheng-zeyi", "markdown", "zh", None),
    "shuai-xie/resume.industry.md": ("shuai-xie", "markdown", None, "industry"),
}


def test_every_export_has_a_golden_file() -> None:
    # PDF and PNG are checked by what reads them back (tests/test_pdf_*.py), not byte for byte.
    text = {name for name, c in REGISTRY.converters.items() if not getattr(c, "binary", False)}
    assert set(EXPORTS) == text


@pytest.mark.parametrize("target", sorted(EXPORTS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_export(case: str, target: str, golden: Callable[[str, str], None]) -> None:
    options = ConvertOptions()
    text = convert(load(CASES[case]), REGISTRY.converters[target], options)
    # Cheng Zeyi's résumé is in two languages: the JSON Resume export says which it holds.
    said = [(n.code, n.severity) for n in options.notices]
    bilingual = case == "cheng-zeyi" and target == "jsonresume"
    assert said == ([("RF068", "info")] if bilingual else [])
    golden(f"{case}/{EXPORTS[target]}", text)


@pytest.mark.parametrize("target", DOCUMENT_EXPORTS)
@pytest.mark.parametrize("case", sorted(FIXTURES))
def test_document_export_of_a_fixture(
    case: str, target: str, golden: Callable[[str, str], None]
) -> None:
    options = ConvertOptions()
    text = convert(load(FIXTURES[case]), REGISTRY.converters[target], options)
    assert options.notices == []
    golden(f"{case}/{EXPORTS[target]}", text)


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_a_language_or_a_variant_of_an_example(
    name: str, golden: Callable[[str, str], None]
) -> None:
    case, target, locale, variant = BUILDS[name]
    options = ConvertOptions(locale=locale, variant=variant)
    text = convert(load(CASES[case]), REGISTRY.converters[target], options)
    assert options.notices == []
    golden(name, text)


@pytest.mark.parametrize("case", sorted(CASES))
def test_import_of_the_export(case: str, golden: Callable[[str, str], None]) -> None:
    exported = convert(load(CASES[case]), REGISTRY.converters["jsonresume"], ConvertOptions())
    options = ConvertOptions()
    text = REGISTRY.importers["jsonresume"].render(
        load_text(exported, "resume.json", "json"), options
    )
    assert options.notices == []
    golden(f"{case}/imported.resumefmt.yaml", text)
