"""The shared Hypothesis strategies draw what they promise: valid documents."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from conftest import ROOT, require_tool
from hypothesis import HealthCheck, given, settings
from strategies import jsonresume_documents, resumefmt_documents

from resumefmt.loader import load_text
from resumefmt.validation import validate

SAMPLE = 200
_fast = settings(max_examples=SAMPLE, deadline=None, suppress_health_check=list(HealthCheck))


def _draw(strategy: Any) -> list[dict[str, Any]]:
    drawn: list[dict[str, Any]] = []

    @_fast
    @given(strategy)
    def collect(document: dict[str, Any]) -> None:
        drawn.append(document)

    collect()
    return drawn


def test_resumefmt_documents_are_valid() -> None:
    documents = _draw(resumefmt_documents())
    assert len(documents) >= SAMPLE // 2
    for document in documents:
        text = json.dumps(document, ensure_ascii=False)
        assert validate(load_text(text, "drawn.json", "json")) == [], text


def test_resumefmt_documents_cover_every_section() -> None:
    seen = {key for document in _draw(resumefmt_documents()) for key in document}
    assert {"basics", "work", "research", "sections", "publications", "awards"} <= seen


def test_jsonresume_documents_pass_the_official_validator(tmp_path: Path) -> None:
    node = require_tool("node")
    documents = _draw(jsonresume_documents()) + _draw(jsonresume_documents(importable=False))
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    script = ROOT / "tests" / "node" / "validate.js"
    result = subprocess.run(
        [node, str(script), "--each", str(batch)], capture_output=True, text=True, check=True
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(documents)
    assert [line for line in lines if not line["valid"]] == []
