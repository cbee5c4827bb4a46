"""Every valid document converts to every format, and the JSON Resume output validates."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import resumefmt_documents

from resumefmt.converting import ConvertOptions, convert
from resumefmt.errors import DocumentError
from resumefmt.loader import load_text
from resumefmt.plugins import converter_registry

REGISTRY = converter_registry(third_party=False)
FORMATS = sorted(REGISTRY.converters)


def _official_schema() -> dict[str, Any]:
    from importlib.resources import files

    found = [
        p
        for p in files("resumefmt.converters.jsonresume").iterdir()
        if p.name.startswith("jsonresume") and p.name.endswith(".schema.json")
    ]
    assert len(found) == 1, found
    schema: dict[str, Any] = json.loads(found[0].read_text(encoding="utf-8"))
    return schema


def test_all_three_formats_are_registered() -> None:
    assert {"jsonresume", "latex", "markdown"} <= set(FORMATS)


@pytest.mark.parametrize("target", FORMATS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=resumefmt_documents())
def test_every_valid_document_converts(target: str, document: dict[str, Any]) -> None:
    text = json.dumps(document, ensure_ascii=False)
    try:
        output = convert(
            load_text(text, "g.json", "json"), REGISTRY.converters[target], ConvertOptions()
        )
    except DocumentError as exc:  # LaTeX refuses what no font of its output draws
        assert target == "latex" and {d.code for d in exc.diagnostics} == {"RF070"}
        return
    assert output.strip()
    assert output.endswith("\n")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=resumefmt_documents())
def test_jsonresume_output_always_validates(document: dict[str, Any]) -> None:
    import jsonschema

    text = json.dumps(document, ensure_ascii=False)
    output = convert(
        load_text(text, "g.json", "json"), REGISTRY.converters["jsonresume"], ConvertOptions()
    )
    validator = jsonschema.Draft7Validator(
        _official_schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(json.loads(output))
    ]
    assert errors == []
